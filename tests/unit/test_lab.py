"""course_lib.lab (the labs' common frame) and the CIFAR-10 loader."""
import keras
import numpy as np
import pytest

from course_lib import data, lab


def test_colab_badge_links_the_notebook():
    badge = lab.colab_badge("labs/lab1_cifar10_resnet.ipynb")
    assert "colab-badge.svg" in badge
    assert badge.endswith("(https://colab.research.google.com/github/convnet-course/convnet-course/blob/main/"
                          "labs/lab1_cifar10_resnet.ipynb)")
    with pytest.raises(ValueError, match="notebook path"):
        lab.colab_badge("/etc/passwd")


def test_setup_on_a_cpu_warns_and_keeps_float32(monkeypatch, capsys):
    monkeypatch.setenv("COURSE_QUICK", "1")
    found = lab.setup(seed=0)
    out = capsys.readouterr().out
    assert not found.has_gpu and found.precision == "float32" and found.quick
    assert "WARNING: no GPU found" in out and "QUICK" in out
    try:
        assert lab.setup(mixed_precision="on", verbose=False).precision == "mixed_float16"
    finally:
        keras.mixed_precision.set_dtype_policy("float32")
    with pytest.raises(ValueError, match="`mixed_precision` must be one of"):
        lab.setup(mixed_precision="yes")


def test_augmentation_runs_only_while_training():
    model = keras.Sequential([keras.Input((8, 8, 3)), keras.layers.Flatten()], name="flat")
    augmented = lab.with_augmentation(model, pad=2)
    x = np.random.default_rng(0).uniform(size=(4, 8, 8, 3)).astype("float32")
    np.testing.assert_allclose(augmented(x, training=False), model(x))            # inference: untouched
    assert not np.allclose(augmented(x, training=True), model(x))                   # training: cropped/flipped


def test_callbacks_resume_and_draw(monkeypatch, tmp_path):
    monkeypatch.setenv("COURSE_CHECKPOINTS", str(tmp_path))
    assert lab.checkpoint_dir("lab1") == tmp_path / "lab1"
    backup, curves = lab.callbacks("lab1")
    assert isinstance(backup, keras.callbacks.BackupAndRestore) and isinstance(curves, lab.LiveCurves)
    model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2, activation="softmax")])
    model.compile("sgd", "sparse_categorical_crossentropy", metrics=["accuracy"])
    model.fit(np.zeros((4, 3)), np.zeros(4), epochs=2, verbose=0, callbacks=[backup, curves])
    assert len(curves.history["loss"]) == 2 and len(curves.history["accuracy"]) == 2
    assert not (tmp_path / "lab1" / "backup").exists() or not any((tmp_path / "lab1" / "backup").iterdir())
    with pytest.raises(ValueError, match="plain name"):
        lab.checkpoint_dir("../elsewhere")


def test_cifar10_offline_fallback_is_labelled_and_coloured(monkeypatch):
    monkeypatch.setenv("COURSE_OFFLINE", "1")
    cifar = data.cifar10()
    assert cifar.offline_fallback and "OFFLINE FALLBACK" in cifar.describe()
    assert cifar.x_train.shape[1:] == (32, 32, 3) and cifar.x_train.dtype == np.float32
    assert 0 <= cifar.x_train.min() and cifar.x_train.max() <= 1
    assert cifar.x_train[..., 0].std() > 0.05 and not np.allclose(cifar.x_train[..., 0], cifar.x_train[..., 1])
    with pytest.raises(data.DataUnavailableError, match="COURSE_OFFLINE"):
        data.cifar10(source="cifar10")


def test_cifar10_download_is_reshaped(monkeypatch):
    monkeypatch.setenv("COURSE_OFFLINE", "0")
    fake = ((np.full((5, 32, 32, 3), 255, np.uint8), np.arange(5).reshape(5, 1)),
            (np.zeros((2, 32, 32, 3), np.uint8), np.array([[1], [2]])))
    monkeypatch.setattr(keras.datasets.cifar10, "load_data", lambda: fake)
    cifar = data.cifar10()
    assert not cifar.offline_fallback and cifar.y_train.shape == (5,) and cifar.x_train.max() == 1.0
    assert cifar.class_names[0] == "airplane"
