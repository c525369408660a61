"""course_lib.lab (the labs' common frame) and the CIFAR-10 loader."""

import re

import keras
import numpy as np
import pytest

from course_lib import data, lab
from course_lib.models import build


def test_colab_badge_links_the_notebook():
    badge = lab.colab_badge("labs/lab1_cifar10_resnet.ipynb")
    assert "colab-badge.svg" in badge
    assert badge.endswith(
        "(https://colab.research.google.com/github/convnet-course/convnet-course/blob/main/"
        "labs/lab1_cifar10_resnet.ipynb)"
    )
    with pytest.raises(ValueError, match="notebook path"):
        lab.colab_badge("/etc/passwd")


def test_setup_on_a_cpu_warns_and_keeps_float32(monkeypatch, capsys):
    monkeypatch.setenv("COURSE_QUICK", "1")
    found = lab.setup(seed=0)
    out = capsys.readouterr().out
    assert not found.has_gpu and found.precision == "float32" and found.quick
    assert "WARNING: no GPU found" in out and "QUICK" in out
    try:
        assert (
            lab.setup(mixed_precision="on", verbose=False).precision == "mixed_float16"
        )
    finally:
        keras.mixed_precision.set_dtype_policy("float32")
    with pytest.raises(ValueError, match="`mixed_precision` must be one of"):
        lab.setup(mixed_precision="yes")


def test_augmentation_runs_only_while_training():
    model = keras.Sequential(
        [keras.Input((8, 8, 3)), keras.layers.Flatten()], name="flat"
    )
    augmented = lab.with_augmentation(model, pad=2)
    x = np.random.default_rng(0).uniform(size=(4, 8, 8, 3)).astype("float32")
    np.testing.assert_allclose(
        augmented(x, training=False), model(x)
    )  # inference: untouched
    assert not np.allclose(
        augmented(x, training=True), model(x)
    )  # training: cropped/flipped


def test_callbacks_resume_and_draw(monkeypatch, tmp_path):
    monkeypatch.setenv("COURSE_CHECKPOINTS", str(tmp_path))
    assert lab.checkpoint_dir("lab1") == tmp_path / "lab1"
    backup, curves = lab.callbacks("lab1")
    assert isinstance(backup, keras.callbacks.BackupAndRestore) and isinstance(
        curves, lab.LiveCurves
    )
    model = keras.Sequential(
        [keras.Input((3,)), keras.layers.Dense(2, activation="softmax")]
    )
    model.compile("sgd", "sparse_categorical_crossentropy", metrics=["accuracy"])
    model.fit(
        np.zeros((4, 3)), np.zeros(4), epochs=2, verbose=0, callbacks=[backup, curves]
    )
    assert len(curves.history["loss"]) == 2 and len(curves.history["accuracy"]) == 2
    assert len(curves.epoch_seconds) == 2 and all(s > 0 for s in curves.epoch_seconds)
    assert not (tmp_path / "lab1" / "backup").exists() or not any(
        (tmp_path / "lab1" / "backup").iterdir()
    )
    with pytest.raises(ValueError, match="plain name"):
        lab.checkpoint_dir("../elsewhere")


def test_cifar10_offline_fallback_is_labelled_and_coloured(monkeypatch):
    monkeypatch.setenv("COURSE_OFFLINE", "1")
    cifar = data.cifar10()
    assert cifar.offline_fallback and "OFFLINE FALLBACK" in cifar.describe()
    assert cifar.x_train.shape[1:] == (32, 32, 3) and cifar.x_train.dtype == np.float32
    assert 0 <= cifar.x_train.min() and cifar.x_train.max() <= 1
    assert cifar.x_train[..., 0].std() > 0.05 and not np.allclose(
        cifar.x_train[..., 0], cifar.x_train[..., 1]
    )
    with pytest.raises(data.DataUnavailableError, match="COURSE_OFFLINE"):
        data.cifar10(source="cifar10")


def test_cifar10_download_is_reshaped(monkeypatch):
    monkeypatch.setenv("COURSE_OFFLINE", "0")
    fake = (
        (np.full((5, 32, 32, 3), 255, np.uint8), np.arange(5).reshape(5, 1)),
        (np.zeros((2, 32, 32, 3), np.uint8), np.array([[1], [2]])),
    )
    monkeypatch.setattr(keras.datasets.cifar10, "load_data", lambda: fake)
    cifar = data.cifar10()
    assert (
        not cifar.offline_fallback
        and cifar.y_train.shape == (5,)
        and cifar.x_train.max() == 1.0
    )
    assert cifar.class_names[0] == "airplane"


# --- data-parallel scale-out -------------------------------------------------------------------
EQUAL_RUNS = """
import json, sys
from course_lib import lab
lab.split_cpu(2)
import keras, numpy as np
from course_lib.models import build

rng = np.random.default_rng(0)
x, y = lab.whole_batches(rng.random((300, 32, 32, 1), dtype="float32"), rng.integers(0, 10, 300), 64, 2)

def run(name, steps=None):
    keras.utils.set_random_seed(0)
    model = build(name, input_shape=(32, 32, 1), num_classes=10)
    model.compile(keras.optimizers.SGD(0.1, momentum=0.9), "sparse_categorical_crossentropy")
    n = len(x) if steps is None else 64 * steps
    history = model.fit(x[:n], y[:n], batch_size=64, epochs=2 if steps is None else 1, shuffle=False, verbose=0)
    return model, history.history["loss"]

def gap(a, b):
    return max(float(np.abs(u - v).max()) for u, v in zip(a.get_weights(), b.get_weights()))

single, single_loss = run("lenet5_modern")
bn_single, _ = run("resnet20", steps=1)
with lab.data_parallel() as replicas:
    parallel, parallel_loss = run("lenet5_modern")
    bn_parallel, _ = run("resnet20", steps=1)
print(json.dumps({"devices": lab.data_parallel_devices(), "replicas": replicas, "gap": gap(single, parallel),
                  "moved": gap(single, build("lenet5_modern", input_shape=(32, 32, 1), num_classes=10)),
                  "single": single_loss, "parallel": parallel_loss, "bn_gap": gap(bn_single, bn_parallel)}))
"""


@pytest.mark.parametrize("backend", ["jax", "tensorflow"])
def test_data_parallel_on_two_cpu_devices_matches_one_device(backend):
    """The issue's CI check: two virtual CPU devices, the same global batch, the same run.

    Batch norm is where the backends part (lab 5 says so): jax's DataParallel compiles one program over the
    global batch, so its statistics match one device's; MirroredStrategy normalises each replica's share.
    """
    import json
    import os
    import subprocess
    import sys

    if keras.backend.backend() != "tensorflow":
        pytest.skip("runs both backends in subprocesses; once is enough")
    env = {**os.environ, "KERAS_BACKEND": backend, "TF_CPP_MIN_LOG_LEVEL": "3"}
    done = subprocess.run(
        [sys.executable, "-c", EQUAL_RUNS],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["replicas"] == 2 and len(found["devices"]) == 2
    assert found["moved"] > 1e-3, "training changed the weights"
    assert found["gap"] < 1e-5, (
        f"data-parallel weights differ from one device's by {found['gap']}"
    )
    np.testing.assert_allclose(found["parallel"], found["single"], rtol=1e-5)
    if backend == "jax":
        assert found["bn_gap"] < 1e-5, (
            f"jax batch norm should see the global batch, gap {found['bn_gap']}"
        )
    else:
        assert found["bn_gap"] > 1e-3, (
            "MirroredStrategy normalises per replica, so batch norm should differ"
        )


def test_split_cpu_after_start_names_the_fix():
    keras.ops.ones(2)  # the backend has started
    with pytest.raises(RuntimeError, match="came too late.*Restart the kernel"):
        lab.split_cpu(3)
    with pytest.raises(ValueError, match="`n` must be"):
        lab.split_cpu(0)


def test_whole_batches_cuts_to_full_even_batches():
    x, y = np.arange(10), np.arange(10)
    kept_x, kept_y = lab.whole_batches(x, y, 4, replicas=2)
    assert kept_x.tolist() == list(range(8)) and kept_y.tolist() == list(range(8))
    with pytest.raises(ValueError, match="multiple of the 3 replicas"):
        lab.whole_batches(x, y, 4, replicas=3)
    with pytest.raises(ValueError, match="do not fill one batch of 16"):
        lab.whole_batches(x, y, 16)


def test_data_parallel_scope_replicates_a_model():
    with lab.data_parallel(lab.data_parallel_devices()[:1]) as replicas:
        model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])
        model.compile("sgd", "mse")
        model.fit(np.ones((4, 3)), np.zeros((4, 2)), batch_size=2, verbose=0)
    assert replicas == 1
    with pytest.raises(ValueError, match="`devices` is empty"):
        with lab.data_parallel([]):
            pass


def test_progress_title_states_the_time_left_and_drops_it_when_done():
    # The first epoch (compilation) is left out of the rate once later epochs exist.
    assert (
        lab.progress_title(3, 10, [30.0, 2.0, 4.0])
        == "epoch 3 of 10: 3.0 s per epoch, about 21 s left"
    )
    assert (
        lab.progress_title(1, 164, [12.0])
        == "epoch 1 of 164: 12.0 s per epoch, about 33 min left"
    )
    assert lab.progress_title(2, 5, []) == "epoch 2 of 5"
    assert lab.progress_title(4, 164, [9.0, 0.43, 0.45]).startswith(
        "epoch 4 of 164: 0.44 s per epoch"
    )
    assert lab.progress_title(5, 5, [1.0, 1.0]) == ""


# --- training_time_estimate -------------------------------------------------------------------


def test_time_estimate_counts_three_forward_passes_per_training_image():
    from course_lib.facts import fact
    from course_lib.profiler import profile

    model = build("resnet20", num_classes=10)
    estimate = lab.training_time_estimate(model, images=1000, epochs=2)
    macs = profile(model).total_macs
    assert estimate.training_flops == 2 * 3 * macs * 1000 * 2
    assert estimate.at_peak_s == pytest.approx(
        estimate.training_flops / (fact("t4_fp16_tflops").value * 1e12)
    )
    fastest, slowest = estimate.range_s
    assert estimate.at_peak_s < fastest < slowest
    assert "estimate, not a measurement" in estimate.describe()


def test_time_estimate_in_float32_is_slower():
    model = build("resnet20", num_classes=10)
    mixed = lab.training_time_estimate(model, 100, 1)
    single = lab.training_time_estimate(model, 100, 1, precision="float32")
    assert single.at_peak_s > mixed.at_peak_s


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"images": 0, "epochs": 1}, "`images` must be a positive int"),
        ({"images": 10, "epochs": 1.5}, "`epochs`"),
        (
            {"images": 10, "epochs": 1, "precision": "bf16"},
            "`precision` must be one of",
        ),
        ({"images": 10, "epochs": 1, "share": 0.1}, "(lowest, highest) pair"),
        ({"images": 10, "epochs": 1, "share": (0.5, 0.1)}, "must be (lowest, highest)"),
        (
            {"images": 10, "epochs": 1, "share": (0.0, 0.1)},
            "`share` must be a number in (0, 1)",
        ),
    ],
)
def test_time_estimate_refuses_bad_input(kwargs, message):
    model = build("resnet20", num_classes=10)
    with pytest.raises(ValueError, match=re.escape(message)):
        lab.training_time_estimate(model, **kwargs)
