"""What the benchmarks share: the machine's description and the results files."""

from __future__ import annotations

import argparse
import json
import platform
import time
from pathlib import Path

import keras

HERE = Path(__file__).resolve().parent


PRECISIONS = ("float32", "mixed_float16", "mixed_bfloat16")


def arguments(
    doc: str,
    *,
    repeats: int,
    batch: int,
    precisions=PRECISIONS,
    precision: str = "float32",
) -> argparse.ArgumentParser:
    """The options every benchmark takes; a script adds its own to the parser returned."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument(
        "--repeats",
        type=int,
        default=repeats,
        help="interleaved repeats of each variant",
    )
    parser.add_argument("--batch", type=int, default=batch)
    parser.add_argument("--precision", default=precision, choices=precisions)
    parser.add_argument(
        "--out",
        default=None,
        help="folder for the results (default: beside this script)",
    )
    return parser


def describe_machine(found, **settings) -> dict:
    """Backend, device ("gpu" or "cpu", with the accelerators' names), versions and the run's settings.
    ``found`` is what ``course_lib.lab.setup`` returned."""
    return {
        "backend": found.backend,
        "device": "gpu" if found.has_gpu else "cpu",
        "accelerators": list(found.accelerators),
        "keras": keras.__version__,
        "machine": platform.machine(),
        "processor": platform.processor() or "unknown",
        "date": time.strftime("%Y-%m-%d"),
        **settings,
    }


def write_results(
    kind: str, results: dict, meta: dict, table: list[str], out=None
) -> Path:
    """Write ``results-<kind>-<backend>-<device>.json`` and ``.md`` (the table) into ``out``
    (default: the benchmarks folder); returns the JSON's path."""
    stem = Path(out or HERE) / f"results-{kind}-{meta['backend']}-{meta['device']}"
    stem.parent.mkdir(parents=True, exist_ok=True)
    stem.with_suffix(".json").write_text(
        json.dumps({"meta": meta, "results": results}, indent=2) + "\n"
    )
    stem.with_suffix(".md").write_text("\n".join(table) + "\n")
    print(f"wrote {stem}.json and {stem}.md")
    return stem.with_suffix(".json")
