"""Throughput of course models against their keras.applications counterparts.

Runs each pair interleaved (course, keras, course, keras, ...) so that both
see the same machine state, and reports images/s for a training step and for
inference, with min / median / max over the repeats and the course/keras
ratio of medians. Writes ``benchmarks/results-models-<backend>-<device>.json``
and a Markdown table beside it. Not a test: timings depend on the machine.
On a GPU (issue 10): ``--batch 256 --precision mixed_bfloat16 --models resnet50``.

Usage: python benchmarks/bench_models.py [--repeats 5] [--steps 3] [--batch 8]
       [--precision float32|mixed_float16|mixed_bfloat16] [--models ...]
"""

from __future__ import annotations

import json
import statistics
import time

import numpy as np
import keras

from _common import arguments, describe_machine, write_results
from course_lib import lab
from course_lib.models import build

PAIRS = {
    "resnet50": lambda: keras.applications.ResNet50(weights=None),
    "mobilenet_v2": lambda: keras.applications.MobileNetV2(weights=None),
    "vgg16": lambda: keras.applications.VGG16(weights=None),
}


def _compiled(model):
    model.compile(
        optimizer=keras.optimizers.SGD(0.01, momentum=0.9),
        loss="sparse_categorical_crossentropy",
    )
    return model


def _rate(step, batch, steps, min_seconds=1.0) -> float:
    """Images/s over at least ``steps`` steps and ``min_seconds`` (short runs are noise)."""
    step()  # warm-up: tracing / compilation
    done, start = 0, time.perf_counter()
    while done < steps or time.perf_counter() - start < min_seconds:
        step()
        done += 1
    return batch * done / (time.perf_counter() - start)


def measure(model, batch, steps):
    rng = np.random.default_rng(0)
    x = rng.uniform(0, 1, (batch, *model.input_shape[1:])).astype("float32")
    y = rng.integers(0, model.output_shape[-1], batch)
    train = _rate(lambda: model.train_on_batch(x, y), batch, steps)
    infer = _rate(lambda: model.predict_on_batch(x), batch, steps)
    return train, infer


def _summary(values):
    return {"min": min(values), "median": statistics.median(values), "max": max(values)}


def run(repeats, steps, batch, names):
    results = {}
    for name in names:
        keras_builder = PAIRS[name]
        keras.utils.set_random_seed(0)
        models = {"course": _compiled(build(name)), "keras": _compiled(keras_builder())}
        samples = {k: {"train": [], "infer": []} for k in models}
        for _ in range(repeats):
            for who, model in models.items():  # interleaved
                train, infer = measure(model, batch, steps)
                samples[who]["train"].append(train)
                samples[who]["infer"].append(infer)
        results[name] = {
            who: {kind: _summary(v) for kind, v in s.items()}
            for who, s in samples.items()
        }
        results[name]["params"] = {who: m.count_params() for who, m in models.items()}
        for kind in ("train", "infer"):
            results[name][f"ratio_{kind}"] = (
                results[name]["course"][kind]["median"]
                / results[name]["keras"][kind]["median"]
            )
        print(
            name,
            json.dumps(
                {
                    k: round(v, 3)
                    for k, v in results[name].items()
                    if k.startswith("ratio")
                }
            ),
        )
    return results


def table(results, meta) -> list[str]:
    lines = [
        f"# Course models vs keras.applications ({meta['backend']}, {meta['device']})",
        "",
        f"Batch {meta['batch']}, precision {meta['precision']}, at least {meta['steps']} timed steps and 1 s "
        f"after a warm-up, {meta['repeats']} interleaved repeats; images/s as min / median / max. "
        f"Keras {meta['keras']}, {meta['date']}.",
        "",
        "| model | step | course img/s | keras img/s | course / keras (medians) |",
        "| --- | --- | --- | --- | --- |",
    ]
    for name, r in results.items():
        for kind, label in (("train", "training"), ("infer", "inference")):
            c, k = r["course"][kind], r["keras"][kind]
            fmt = lambda s: f"{s['min']:.1f} / {s['median']:.1f} / {s['max']:.1f}"
            lines.append(
                f"| {name} | {label} | {fmt(c)} | {fmt(k)} | {r[f'ratio_{kind}']:.3f} |"
            )
    return lines


def main(argv=None):
    parser = arguments(__doc__, repeats=5, batch=8)
    parser.add_argument(
        "--steps", type=int, default=3, help="timed steps, at least (and at least 1 s)"
    )
    parser.add_argument(
        "--models", nargs="+", choices=sorted(PAIRS), default=list(PAIRS)
    )
    args = parser.parse_args(argv)
    found = lab.setup(mixed_precision="off", verbose=False)
    keras.mixed_precision.set_dtype_policy(args.precision)
    results = run(args.repeats, args.steps, args.batch, args.models)
    meta = describe_machine(
        found,
        repeats=args.repeats,
        steps=args.steps,
        batch=args.batch,
        precision=args.precision,
        models=args.models,
    )
    return write_results("models", results, meta, table(results, meta), args.out)


if __name__ == "__main__":
    main()
