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
    assert (
        "MNIST download failed (OSError: network unreachable); using the offline fallback"
        in capsys.readouterr().out
    )
    with pytest.raises(data.DataUnavailableError, match="network unreachable"):
        data.digits(source="mnist")


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"source": "web"}, "`source` must be one of"),
        ({"size": 16}, "`size` must be an int >= 28"),
    ],
)
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
    every, circles = (
        data.shapes(30, 1, size=48, seed=0),
        data.shapes(30, 1, size=48, seed=0, target="circle"),
    )
    assert np.array_equal(
        every.x_train, circles.x_train
    )  # same images, different masks
    assert (
        np.all(circles.y_train <= every.y_train)
        and circles.y_train.sum() < every.y_train.sum()
    )
    with pytest.raises(ValueError, match="`target` must be 'all' or one of"):
        data.shapes(target="hexagon")


def test_segmentation_offline_uses_generated_shapes(monkeypatch):
    monkeypatch.setenv("COURSE_OFFLINE", "1")
    monkeypatch.setenv("COURSE_QUICK", "1")
    seg = data.segmentation()
    assert (
        seg.offline_fallback
        and seg.name == "shapes"
        and seg.class_names == ("background", "shape")
    )
    with pytest.raises(data.DataUnavailableError, match="COURSE_OFFLINE"):
        data.segmentation(source="pets")
    with pytest.raises(ValueError, match="`source` must be one of"):
        data.segmentation(source="coco")


def _fake_pet_download(monkeypatch, images, annotations):
    """get_file hands back folders laid out like the two archives, after checking that the
    course asked for the published MD5 of each."""
    folders = {"images.tar.gz": images, "annotations.tar.gz": annotations}

    def get_file(fname, origin, file_hash, hash_algorithm, extract, cache_dir):
        assert (
            file_hash == data._pets.PETS_MD5[fname]
            and hash_algorithm == "md5"
            and extract
        )
        return str(folders[fname])

    monkeypatch.setenv("COURSE_OFFLINE", "0")
    monkeypatch.setattr(keras.utils, "get_file", get_file)


def test_pets_loader_pairs_images_with_trimaps(monkeypatch, tmp_path):
    # The real download is for Colab; here get_file hands back two small folders laid out like the archives.
    from PIL import Image

    images, annotations = tmp_path / "images", tmp_path / "annotations" / "trimaps"
    images.mkdir()
    annotations.mkdir(parents=True)
    for i, name in enumerate(("Abyssinian_1", "beagle_2", "no_trimap_3")):
        Image.fromarray(np.full((20, 30, 3), 40 * i, np.uint8)).save(
            images / f"{name}.jpg"
        )
        if name != "no_trimap_3":
            trimap = np.full((20, 30), 2, np.uint8)
            trimap[5:15, 10:20] = 1  # 1 = pet
            Image.fromarray(trimap).save(annotations / f"{name}.png")
    _fake_pet_download(monkeypatch, images, tmp_path / "annotations")
    x_train, y_train, x_test, y_test = data._pets.pet_masks(size=16, n_test=1, seed=0)
    assert len(x_train) + len(x_test) == 2  # the image without a trimap is skipped
    assert x_train.shape[1:] == (16, 16, 3) and y_train.shape[1:] == (16, 16, 1)
    masks = np.concatenate([y_train, y_test])
    assert set(np.unique(masks)) == {0.0, 1.0} and 0.1 < masks.mean() < 0.4


def test_pet_breeds_follow_the_official_split(monkeypatch, tmp_path):
    from PIL import Image

    images, annotations = tmp_path / "images", tmp_path / "annotations"
    images.mkdir()
    annotations.mkdir()
    stems = {
        "Abyssinian_1": 1,
        "Abyssinian_2": 1,
        "american_bulldog_7": 2,
        "american_bulldog_9": 2,
    }
    for i, stem in enumerate(stems):
        Image.fromarray(np.full((24, 18, 3), 50 * i, np.uint8)).save(
            images / f"{stem}.jpg"
        )
    header = "#Image CLASS-ID SPECIES BREED ID\n"
    (annotations / "trainval.txt").write_text(
        header + "Abyssinian_1 1 1 1\namerican_bulldog_7 2 2 1\n"
    )
    (annotations / "test.txt").write_text(
        header + "Abyssinian_2 1 1 1\namerican_bulldog_9 2 2 1\nmissing_3 2 2 1\n"
    )
    _fake_pet_download(monkeypatch, images, annotations)
    pets = data.pet_breeds(size=32)
    assert not pets.offline_fallback and pets.class_names == (
        "Abyssinian",
        "american bulldog",
    )
    assert (
        pets.x_train.shape == (2, 32, 32, 3) and len(pets.x_test) == 2
    )  # the missing photo is skipped
    assert pets.y_train.tolist() == [0, 1] and pets.y_test.tolist() == [0, 1]


@pytest.mark.parametrize(
    "loader, replaced",
    [(data.pet_breeds, "Oxford-IIIT Pet"), (data.fashion_mnist, "Fashion-MNIST")],
)
def test_offline_fallbacks_say_what_they_stand_in_for(monkeypatch, loader, replaced):
    monkeypatch.setenv("COURSE_OFFLINE", "1")
    stand_in = loader()
    assert (
        stand_in.offline_fallback
        and f"{replaced} replaces them when online" in stand_in.describe()
    )
    with pytest.raises(ValueError, match="`source` must be one of"):
        loader(source="imagenet")


def test_fetch_file_checks_the_md5(tmp_path, monkeypatch):
    import hashlib

    monkeypatch.setenv("COURSE_OFFLINE", "0")
    payload = tmp_path / "payload.bin"
    payload.write_bytes(b"convolution" * 100)
    good = hashlib.md5(payload.read_bytes()).hexdigest()
    path = data.fetch_file(
        "payload", payload.as_uri(), good, cache_dir=str(tmp_path / "cache")
    )
    assert open(path, "rb").read() == payload.read_bytes()
    with pytest.raises(
        data.DataUnavailableError, match="payload download failed .*hash does not match"
    ):
        data.fetch_file(
            "payload", payload.as_uri(), "0" * 32, cache_dir=str(tmp_path / "cache2")
        )


def test_idx_files_are_read_like_mnist(tmp_path):
    import gzip

    images = np.arange(2 * 3 * 4, dtype=np.uint8).reshape(2, 3, 4)
    raw = (
        bytes([0, 0, 8, 3])
        + b"".join(n.to_bytes(4, "big") for n in images.shape)
        + images.tobytes()
    )
    with gzip.open(tmp_path / "x.gz", "wb") as f:
        f.write(raw)
    np.testing.assert_array_equal(data._fashion.read_idx(tmp_path / "x.gz"), images)


def test_omniglot_asks_for_the_published_md5s(monkeypatch):
    asked = []
    monkeypatch.setattr(
        data._glyphs,
        "fetch_file",
        lambda name, url, md5, extract: asked.append((url, md5)) or "",
    )
    data._glyphs._omniglot_folders()
    assert [u.rsplit("/", 1)[1] for u, _ in asked] == [
        "images_background.zip",
        "images_evaluation.zip",
    ]
    assert all(len(md5) == 32 for _, md5 in asked)
