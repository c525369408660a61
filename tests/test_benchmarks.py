"""The benchmark scripts run and write their results (tiny sizes; no timing is asserted: CI machines vary)."""

import importlib
import json
import sys
from pathlib import Path

import keras
import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.fixture
def bench(monkeypatch):
    """Import a benchmark script as a module; restore the global dtype policy it sets."""
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    policy = keras.mixed_precision.dtype_policy()
    yield lambda name: importlib.import_module(name)
    keras.mixed_precision.set_dtype_policy(policy)
    for name in ("bench_cifar", "bench_models", "_common"):
        sys.modules.pop(name, None)


def test_cifar_benchmark_times_every_variant(bench, tmp_path):
    path = bench("bench_cifar").main(
        [
            "--images",
            "64",
            "--batch",
            "32",
            "--epochs",
            "2",
            "--repeats",
            "1",
            "--out",
            str(tmp_path),
        ]
    )
    found = json.loads(path.read_text())
    assert found["meta"]["device"] == "cpu" and found["meta"]["precision"] == "float32"
    assert set(found["results"]) == {"plain", "augmented", "lab"}
    for variant, result in found["results"].items():
        assert result["epochs_timed"] == 1 and result["epoch_s"] > 0, variant
    assert "slowdown_vs_plain" in found["results"]["lab"]
    assert (
        path.with_suffix(".md").read_text().count("\n| ") == 5
    )  # header, rule, three variants
    assert not list(tmp_path.glob("**/backup*")), (
        "the lab variant's backups belong in a temporary folder"
    )


def test_cifar_benchmark_needs_a_timed_epoch(bench, tmp_path):
    with pytest.raises(ValueError, match="--epochs must be at least 2"):
        bench("bench_cifar").run(images=8, batch=4, epochs=1, repeats=1)


def test_model_benchmark_compares_with_a_reference(bench, tmp_path, monkeypatch):
    """The plumbing, with LeNet-5 as its own reference (the real pairs build 224x224 networks: minutes here)."""
    from course_lib.models import build

    bench_models = bench("bench_models")
    monkeypatch.setattr(bench_models, "PAIRS", {"lenet5": lambda: build("lenet5")})
    path = bench_models.main(
        [
            "--models",
            "lenet5",
            "--batch",
            "4",
            "--repeats",
            "2",
            "--steps",
            "1",
            "--out",
            str(tmp_path),
        ]
    )
    found = json.loads(path.read_text())
    result = found["results"]["lenet5"]
    assert result["params"]["course"] == result["params"]["keras"] > 0
    assert result["ratio_train"] > 0 and result["ratio_infer"] > 0
    assert found["meta"]["precision"] == "float32" and found["meta"]["repeats"] == 2
    assert path.name == f"results-models-{keras.backend.backend()}-cpu.json"
    assert "| lenet5 | training |" in path.with_suffix(".md").read_text()
