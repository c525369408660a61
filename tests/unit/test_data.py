"""course_lib.data: the offline fallback, and failing downloads that fail fast and fall back."""
import socket

import keras
import numpy as np
import pytest

from course_lib import data


def test_offline_digits_are_real_labelled_and_stratified(monkeypatch):
    monkeypatch.setenv("COURSE_OFFLINE", "1")
    d = data.digits()
    assert d.offline_fallback and "OFFLINE FALLBACK" in d.describe()
    assert d.x_train.shape[1:] == (32, 32, 1) and d.x_train.dtype == np.float32
    assert len(d.x_train) + len(d.x_test) == 1797
    assert 0 <= d.x_train.min() and d.x_train.max() <= 1
    assert d.x_train[:, :4].max() == 0, "MNIST-like black margin"
    assert set(np.unique(d.y_test)) == set(range(10))
    again = data.digits()
    np.testing.assert_array_equal(d.y_test, again.y_test)


def test_mnist_refuses_when_offline(monkeypatch):
    monkeypatch.setenv("COURSE_OFFLINE", "1")
    with pytest.raises(data.DataUnavailableError, match="COURSE_OFFLINE"):
        data.digits(source="mnist")


def test_failed_download_times_out_and_falls_back(monkeypatch, capsys):
    monkeypatch.setenv("COURSE_OFFLINE", "0")
    seen = {}

    def broken_download():
        seen["timeout"] = socket.getdefaulttimeout()
        raise OSError("network unreachable")

    monkeypatch.setattr(keras.datasets.mnist, "load_data", broken_download)
    d = data.digits()
    assert d.offline_fallback
    assert seen["timeout"] == data.DOWNLOAD_TIMEOUT_S
    assert "MNIST download failed (OSError: network unreachable); using the offline fallback" in capsys.readouterr().out
    with pytest.raises(data.DataUnavailableError, match="network unreachable"):
        data.digits(source="mnist")


@pytest.mark.parametrize("kwargs, message", [({"source": "web"}, "`source` must be one of"),
                                             ({"size": 16}, "`size` must be an int >= 28")])
def test_bad_arguments(kwargs, message):
    with pytest.raises(ValueError, match=message):
        data.digits(**kwargs)


# --- segmentation data -------------------------------------------------------------------------
def test_shapes_are_reproducible_masks():
    a, b = data.shapes(20, 5, size=32, seed=3), data.shapes(20, 5, size=32, seed=3)
    assert np.array_equal(a.x_train, b.x_train) and np.array_equal(a.y_test, b.y_test)
    assert a.x_train.shape == (20, 32, 32, 1) and a.y_train.shape == (20, 32, 32, 1)
    assert set(np.unique(a.y_train)) <= {0.0, 1.0} and 0 < a.y_train.mean() < 0.6
    assert a.x_train.min() >= 0 and a.x_train.max() <= 1
    assert not np.array_equal(a.x_train, data.shapes(20, 5, size=32, seed=4).x_train)


def test_shape_masks_follow_the_target():
    every, circles = data.shapes(30, 1, size=48, seed=0), data.shapes(30, 1, size=48, seed=0, target="circle")
    assert np.array_equal(every.x_train, circles.x_train)            # same images, different masks
    assert np.all(circles.y_train <= every.y_train) and circles.y_train.sum() < every.y_train.sum()
    with pytest.raises(ValueError, match="`target` must be 'all' or one of"):
        data.shapes(target="hexagon")


def test_segmentation_offline_uses_generated_shapes(monkeypatch):
    monkeypatch.setenv("COURSE_OFFLINE", "1")
    monkeypatch.setenv("COURSE_QUICK", "1")
    seg = data.segmentation()
    assert seg.offline_fallback and seg.name == "shapes" and seg.class_names == ("background", "shape")
    with pytest.raises(data.DataUnavailableError, match="COURSE_OFFLINE"):
        data.segmentation(source="pets")
    with pytest.raises(ValueError, match="`source` must be one of"):
        data.segmentation(source="coco")


def test_pets_loader_pairs_images_with_trimaps(monkeypatch, tmp_path):
    # The real download is for Colab; here get_file hands back two small folders laid out like the archives.
    from PIL import Image

    images, annotations = tmp_path / "images", tmp_path / "annotations" / "trimaps"
    images.mkdir()
    annotations.mkdir(parents=True)
    for i, name in enumerate(("Abyssinian_1", "beagle_2", "no_trimap_3")):
        Image.fromarray(np.full((20, 30, 3), 40 * i, np.uint8)).save(images / f"{name}.jpg")
        if name != "no_trimap_3":
            trimap = np.full((20, 30), 2, np.uint8)
            trimap[5:15, 10:20] = 1                                   # 1 = pet
            Image.fromarray(trimap).save(annotations / f"{name}.png")
    folders = {"pets_images": images, "pets_annotations": tmp_path / "annotations"}
    monkeypatch.setenv("COURSE_OFFLINE", "0")
    monkeypatch.setattr(keras.utils, "get_file", lambda fname, origin, extract: str(folders[fname]))
    x_train, y_train, x_test, y_test = data._segmentation._pets(size=16, n_test=1, seed=0)
    assert len(x_train) + len(x_test) == 2                             # the image without a trimap is skipped
    assert x_train.shape[1:] == (16, 16, 3) and y_train.shape[1:] == (16, 16, 1)
    masks = np.concatenate([y_train, y_test])
    assert set(np.unique(masks)) == {0.0, 1.0} and 0.1 < masks.mean() < 0.4
