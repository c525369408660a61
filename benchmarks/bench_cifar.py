"""CIFAR-10 epoch time: lab 1's training loop against a plain ``model.fit``.

Issue 10's goal for a GPU: lab 1's loop (augmentation inside the model, the paper's
SGD recipe, BackupAndRestore, live curves, validation after each epoch) is no slower
than a plain ``fit`` of ResNet-20 from host NumPy arrays. Three variants, interleaved
over the repeats so that they share the machine's state:

* ``plain``: ResNet-20, SGD, ``fit`` from NumPy, nothing else;
* ``augmented``: the same behind ``lab.with_augmentation`` (shift and mirror);
* ``lab``: lab 1's loop, everything above plus callbacks and validation.

Data are random CIFAR-shaped arrays (50,000 + 10,000 images by default): the speed does
not depend on the pixels, and the benchmark runs offline. Each run trains ``--epochs``
epochs; the first (tracing and compiling) is reported apart, the rest as the median.
Writes ``benchmarks/results-cifar-<backend>-<device>.json`` and a Markdown table.
Not a test: timings depend on the machine.

Usage: python benchmarks/bench_cifar.py [--batch 512] [--epochs 4] [--repeats 2]
       [--images 50000] [--precision auto|float32|mixed_float16|mixed_bfloat16]
"""

from __future__ import annotations

import contextlib
import io
import os
import statistics
import tempfile
from unittest import mock

import numpy as np
import keras

from _common import PRECISIONS, arguments, describe_machine, write_results
from course_lib import lab
from course_lib.models import build

VARIANTS = ("plain", "augmented", "lab")


def cifar_shaped(images: int, seed: int = 0):
    """Random uint8 pictures scaled to [0, 1] like data.cifar10's, and labels 0-9; a sixth is the test set."""
    rng = np.random.default_rng(seed)
    x = (
        rng.integers(0, 256, (images + images // 5, 32, 32, 3), dtype=np.uint8) / 255
    ).astype("float32")
    y = rng.integers(0, 10, len(x)).astype("int32")
    return (x[:images], y[:images]), (x[images:], y[images:])


def run_variant(variant: str, train, test, batch: int, epochs: int) -> list[float]:
    """Train a fresh ResNet-20 in one variant; the seconds of each epoch."""
    keras.utils.set_random_seed(0)
    model = build("resnet20", num_classes=10)
    steps = epochs * -(-len(train[0]) // batch)
    optimizer = keras.optimizers.SGD(0.1, momentum=0.9)
    extra, fit_options = [], {}
    if variant != "plain":
        model = lab.with_augmentation(model)
    if variant == "lab":  # lab 1's recipe: step schedule and weight decay
        schedule = keras.optimizers.schedules.PiecewiseConstantDecay(
            [steps // 2, steps * 3 // 4], [0.1, 0.01, 0.001]
        )
        optimizer = keras.optimizers.SGD(schedule, momentum=0.9, weight_decay=1e-4)
        extra = lab.callbacks("benchmark_cifar")
        fit_options = {"validation_data": test}
    model.compile(optimizer, "sparse_categorical_crossentropy", metrics=["accuracy"])
    timer = lab.EpochTimer()
    with contextlib.redirect_stdout(
        io.StringIO()
    ):  # the live curves print a figure per epoch
        model.fit(
            *train,
            batch_size=batch,
            epochs=epochs,
            verbose=0,
            callbacks=[timer, *extra],
            **fit_options,
        )
    return timer.epoch_seconds


def run(images: int, batch: int, epochs: int, repeats: int) -> dict:
    if epochs < 2:
        raise ValueError(
            f"--epochs must be at least 2 (the first compiles), got {epochs}"
        )
    train, test = cifar_shaped(images)
    seconds = {v: {"first": [], "later": []} for v in VARIANTS}
    for _ in range(repeats):
        for variant in VARIANTS:  # interleaved
            times = run_variant(variant, train, test, batch, epochs)
            seconds[variant]["first"].append(times[0])
            seconds[variant]["later"].extend(times[1:])
    results = {}
    for variant, found in seconds.items():
        median = statistics.median(found["later"])
        results[variant] = {
            "first_epoch_s": statistics.median(found["first"]),
            "epoch_s": median,
            "epoch_s_min": min(found["later"]),
            "epoch_s_max": max(found["later"]),
            "images_per_s": images / median,
            "epochs_timed": len(found["later"]),
        }
        print(variant, {k: round(v, 3) for k, v in results[variant].items()})
    for variant in VARIANTS[1:]:
        results[variant]["slowdown_vs_plain"] = (
            results[variant]["epoch_s"] / results["plain"]["epoch_s"]
        )
    return results


def table(results: dict, meta: dict) -> list[str]:
    lines = [
        f"# CIFAR-10 epochs: lab 1's loop vs a plain fit ({meta['backend']}, {meta['device']})",
        "",
        f"ResNet-20, {meta['images']:,} random CIFAR-shaped images, batch {meta['batch']}, "
        f"precision {meta['precision']}, {meta['epochs']} epochs x {meta['repeats']} interleaved repeats; "
        f"Keras {meta['keras']}, {meta['date']}. Later epochs: median (min to max).",
        "",
        "| variant | first epoch (s) | later epochs (s) | images/s | epoch time / plain's |",
        "| --- | --- | --- | --- | --- |",
    ]
    for variant, r in results.items():
        ratio = f"{r['slowdown_vs_plain']:.2f}x" if "slowdown_vs_plain" in r else "1"
        lines.append(
            f"| {variant} | {r['first_epoch_s']:.2f} | {r['epoch_s']:.3f} ({r['epoch_s_min']:.3f} to "
            f"{r['epoch_s_max']:.3f}) | {r['images_per_s']:,.0f} | {ratio} |"
        )
    return lines


def main(argv=None):
    parser = arguments(
        __doc__,
        repeats=2,
        batch=512,
        precisions=("auto", *PRECISIONS),
        precision="auto",
    )
    parser.add_argument("--images", type=int, default=50_000)
    parser.add_argument("--epochs", type=int, default=4)
    args = parser.parse_args(argv)
    found = lab.setup(
        mixed_precision="off" if args.precision == "float32" else "auto", verbose=False
    )
    if args.precision not in ("auto", "float32"):
        keras.mixed_precision.set_dtype_policy(args.precision)
    # The lab variant's BackupAndRestore writes into a folder deleted afterwards.
    with (
        tempfile.TemporaryDirectory() as backups,
        mock.patch.dict(os.environ, COURSE_CHECKPOINTS=backups),
    ):
        results = run(args.images, args.batch, args.epochs, args.repeats)
    meta = describe_machine(
        found,
        images=args.images,
        batch=args.batch,
        epochs=args.epochs,
        repeats=args.repeats,
        precision=keras.mixed_precision.dtype_policy().name,
    )
    return write_results("cifar", results, meta, table(results, meta), args.out)


if __name__ == "__main__":
    main()
