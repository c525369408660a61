"""Throughput of course models against their keras.applications counterparts.

Runs each pair interleaved (course, keras, course, keras, ...) so that both
see the same machine state, and reports images/s for a training step and for
inference, with min / median / max over the repeats and the course/keras
ratio of medians. Writes ``benchmarks/results-<backend>-<device>.json`` and
a Markdown table beside it. Not a test: timings depend on the machine.

Usage: python benchmarks/bench_models.py [--repeats 5] [--steps 3] [--batch 8]
"""
from __future__ import annotations

import argparse
import json
import platform
import statistics
import time
from pathlib import Path

import numpy as np
import keras

from course_lib.models import build

PAIRS = {
    "resnet50": lambda: keras.applications.ResNet50(weights=None),
    "mobilenet_v2": lambda: keras.applications.MobileNetV2(weights=None),
    "vgg16": lambda: keras.applications.VGG16(weights=None),
}
HERE = Path(__file__).resolve().parent


def _compiled(model):
    model.compile(optimizer=keras.optimizers.SGD(0.01, momentum=0.9), loss="sparse_categorical_crossentropy")
    return model


def _rate(step, batch, steps, min_seconds=1.0) -> float:
    """Images/s over at least ``steps`` steps and ``min_seconds`` (short runs are noise)."""
    step()                                    # warm-up: tracing / compilation
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
            for who, model in models.items():           # interleaved
                train, infer = measure(model, batch, steps)
                samples[who]["train"].append(train)
                samples[who]["infer"].append(infer)
        results[name] = {who: {kind: _summary(v) for kind, v in s.items()} for who, s in samples.items()}
        results[name]["params"] = {who: m.count_params() for who, m in models.items()}
        for kind in ("train", "infer"):
            results[name][f"ratio_{kind}"] = (results[name]["course"][kind]["median"]
                                             / results[name]["keras"][kind]["median"])
        print(name, json.dumps({k: round(v, 3) for k, v in results[name].items() if k.startswith("ratio")}))
    return results


def write(results, args):
    backend, device = keras.backend.backend(), "cpu"
    meta = {"backend": backend, "keras": keras.__version__, "machine": platform.machine(),
            "processor": platform.processor() or "unknown", "repeats": args.repeats,
            "steps": args.steps, "batch": args.batch, "date": time.strftime("%Y-%m-%d")}
    stem = HERE / f"results-{backend}-{device}"
    stem.with_suffix(".json").write_text(json.dumps({"meta": meta, "results": results}, indent=2))
    lines = [f"# Course models vs keras.applications ({backend}, {device})", "",
             f"Batch {args.batch}, at least {args.steps} timed steps and 1 s after a warm-up, {args.repeats} interleaved repeats; "
             f"images/s as min / median / max. Keras {keras.__version__}, {meta['date']}.", "",
             "| model | step | course img/s | keras img/s | course / keras (medians) |",
             "| --- | --- | --- | --- | --- |"]
    for name, r in results.items():
        for kind, label in (("train", "training"), ("infer", "inference")):
            c, k = r["course"][kind], r["keras"][kind]
            fmt = lambda s: f"{s['min']:.1f} / {s['median']:.1f} / {s['max']:.1f}"
            lines.append(f"| {name} | {label} | {fmt(c)} | {fmt(k)} | {r[f'ratio_{kind}']:.3f} |")
    stem.with_suffix(".md").write_text("\n".join(lines) + "\n")
    print(f"wrote {stem}.json and {stem}.md")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--steps", type=int, default=3)
    parser.add_argument("--batch", type=int, default=8)
    parser.add_argument("--models", nargs="+", choices=sorted(PAIRS), default=list(PAIRS))
    args = parser.parse_args()
    write(run(args.repeats, args.steps, args.batch, args.models), args)


if __name__ == "__main__":
    main()
