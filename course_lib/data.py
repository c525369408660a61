"""Data sets for the chapters, with a clearly labelled offline fallback.

Real data sets are downloaded (in Colab, or wherever the network is open).
``COURSE_OFFLINE=1``, or a download that fails, switches to data that ships
with scikit-learn, so every notebook still runs end to end; the returned
:class:`Dataset` says which one you got in ``source``, and ``describe()``
prints it in capitals when it is the fallback. Downloads time out instead of
hanging.

Images are float32 in [0, 1], channels last; labels are int32 class indices.
"""
from __future__ import annotations

import socket
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np

from . import runtime
from ._validate import check_choice, check_int

__all__ = ["Dataset", "DataUnavailableError", "digits", "shapes", "segmentation", "DOWNLOAD_TIMEOUT_S"]

DOWNLOAD_TIMEOUT_S = 20


class DataUnavailableError(RuntimeError):
    """A real data set could not be loaded (offline, or the download failed)."""


@dataclass(frozen=True)
class Dataset:
    """Train and test arrays plus where they came from."""

    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    name: str
    source: str
    offline_fallback: bool
    class_names: tuple[str, ...]

    def describe(self) -> str:
        banner = "OFFLINE FALLBACK DATA" if self.offline_fallback else "real data set"
        return (f"{banner}: {self.source}\n"
                f"train {self.x_train.shape}, test {self.x_test.shape}, {len(self.class_names)} classes")


@contextmanager
def _socket_timeout(seconds):
    previous = socket.getdefaulttimeout()
    socket.setdefaulttimeout(seconds)
    try:
        yield
    finally:
        socket.setdefaulttimeout(previous)


def _pad_to(images, size):
    """Centre square images on a black canvas of side ``size``."""
    pad = size - images.shape[1]
    if pad < 0:
        raise ValueError(f"images of side {images.shape[1]} do not fit in {size}")
    before = pad // 2
    return np.pad(images, ((0, 0), (before, pad - before), (before, pad - before)))


def _sklearn_digits(size, test_fraction, seed):
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split

    data = load_digits()
    scale = max(1, (size - 4) // 8)                          # 8x8 -> 24x24 in a 32x32 canvas, like MNIST's margin
    images = np.kron(data.images / 16.0, np.ones((1, scale, scale)))
    images = _pad_to(images, size)[..., None].astype("float32")
    x_train, x_test, y_train, y_test = train_test_split(
        images, data.target.astype("int32"), test_size=test_fraction, random_state=seed, stratify=data.target)
    return x_train, y_train, x_test, y_test


def _mnist(size):
    import keras

    if runtime.is_offline():
        raise DataUnavailableError("MNIST: COURSE_OFFLINE=1 forbids downloads")
    try:
        with _socket_timeout(DOWNLOAD_TIMEOUT_S):
            (x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
    except Exception as error:                                 # network errors come in many types
        raise DataUnavailableError(f"MNIST download failed ({type(error).__name__}: {error})") from error
    prep = lambda x: _pad_to(x.astype("float32") / 255.0, size)[..., None]
    return prep(x_train), y_train.astype("int32"), prep(x_test), y_test.astype("int32")


def digits(source: str = "auto", size: int = 32, test_fraction: float = 0.25, seed: int = 0) -> Dataset:
    """Handwritten digits, 10 classes, as ``size`` x ``size`` x 1 images (LeNet-5 takes 32x32).

    source:
        "mnist": the 70,000 MNIST digits (LeCun et al.), downloaded once by
            Keras; raises :class:`DataUnavailableError` when offline.
        "sklearn": the offline fallback, scikit-learn's 1,797 real handwritten
            digits (UCI, 8x8, 16 grey levels), upscaled 3x and centred like MNIST.
        "auto": MNIST unless COURSE_OFFLINE=1 or the download fails, then sklearn.
    """
    func = "digits"
    check_choice(func, "source", source, ("auto", "mnist", "sklearn"))
    if not isinstance(size, int) or size < 28:
        raise ValueError(f"{func}: `size` must be an int >= 28, got {size!r}")
    names = tuple(str(d) for d in range(10))
    if source in ("auto", "mnist") and not (source == "auto" and runtime.is_offline()):
        try:
            return Dataset(*_mnist(size), name="MNIST", source="MNIST (LeCun et al.), 60,000 train / 10,000 test",
                           offline_fallback=False, class_names=names)
        except DataUnavailableError as error:
            if source == "mnist":
                raise
            print(f"{error}; using the offline fallback")
    parts = _sklearn_digits(size, test_fraction, seed)
    return Dataset(*parts, name="digits",
                   source="scikit-learn's handwritten digits (1,797 real 8x8 scans, upscaled to "
                          f"{size}x{size}); MNIST replaces them when online",
                   offline_fallback=True, class_names=names)


# --- Segmentation: generated shapes (offline) and Oxford-IIIT Pet (online) -----------------------
SHAPE_KINDS = ("circle", "square", "triangle")


def _shape_mask(kind, yy, xx, cy, cx, r, angle):
    """Boolean mask of one filled shape of 'radius' r centred at (cy, cx)."""
    if kind == "circle":
        return (yy - cy) ** 2 + (xx - cx) ** 2 <= r ** 2
    if kind == "square":
        c, s = np.cos(angle), np.sin(angle)
        u, v = c * (xx - cx) + s * (yy - cy), -s * (xx - cx) + c * (yy - cy)
        return (np.abs(u) <= 0.8 * r) & (np.abs(v) <= 0.8 * r)
    corners = [(cy + r * np.sin(angle + k * 2 * np.pi / 3), cx + r * np.cos(angle + k * 2 * np.pi / 3)) for k in range(3)]
    inside = np.ones_like(yy, dtype=bool)
    for (y0, x0), (y1, x1) in zip(corners, corners[1:] + corners[:1]):
        inside &= (x1 - x0) * (yy - y0) - (y1 - y0) * (xx - x0) >= 0     # left of every edge (counter-clockwise)
    return inside


def _shapes_image(rng, size, target):
    yy, xx = np.mgrid[0:size, 0:size].astype("float32")
    gy, gx = rng.uniform(-0.3, 0.3, 2)                                   # a smooth background gradient
    image = 0.4 + gy * (yy / size - 0.5) + gx * (xx / size - 0.5)
    mask = np.zeros((size, size), bool)
    for _ in range(rng.integers(2, 5)):
        kind = SHAPE_KINDS[rng.integers(len(SHAPE_KINDS))]
        r = rng.uniform(size / 10, size / 5)
        cy, cx = rng.uniform(r, size - r, 2)
        region = _shape_mask(kind, yy, xx, cy, cx, r, rng.uniform(0, 2 * np.pi))
        dark, bright = rng.uniform(0.0, 0.15), rng.uniform(0.7, 1.0)   # visible against the background,
        image[region] = dark if rng.random() < 0.5 else bright         # the same levels for every kind
        mask[region] = target == "all" or kind == target                # later shapes cover earlier ones
    image += rng.normal(0, 0.05, image.shape)
    return np.clip(image, 0, 1).astype("float32"), mask.astype("float32")


def shapes(n_train: int = 800, n_test: int = 200, size: int = 64, seed: int = 0, target: str = "all") -> Dataset:
    """A segmentation set the course generates: grey images with 2-4 random circles,
    squares and triangles (random size, rotation, overlap; dark or bright) on a noisy
    gradient background. The mask marks the visible pixels of every shape
    (``target="all"``) or of one kind only (``"circle"``, ``"square"``,
    ``"triangle"``: a much harder task that needs shape recognition and long
    training). ``y`` arrays are masks (N, size, size, 1) in {0, 1}.
    """
    func = "shapes"
    n_train, n_test = check_int(func, "n_train", n_train, 1), check_int(func, "n_test", n_test, 1)
    size = check_int(func, "size", size, 16)
    if target not in ("all", *SHAPE_KINDS):
        raise ValueError(f"{func}: `target` must be 'all' or one of {list(SHAPE_KINDS)}, got {target!r}")
    rng = np.random.default_rng(seed)
    pairs = [_shapes_image(rng, size, target) for _ in range(n_train + n_test)]
    x = np.stack([p[0] for p in pairs])[..., None]
    y = np.stack([p[1] for p in pairs])[..., None]
    what = "every shape" if target == "all" else f"the {target}s only"
    return Dataset(x[:n_train], y[:n_train], x[n_train:], y[n_train:], name="shapes",
                   source=f"generated by course_lib.data.shapes (seed {seed}): masks of {what}",
                   offline_fallback=True, class_names=("background", "shape" if target == "all" else target))


PETS_URL = "https://thor.robots.ox.ac.uk/~vgg/data/pets/"


def _pets(size, n_test, seed):
    import keras
    from PIL import Image

    if runtime.is_offline():
        raise DataUnavailableError("Oxford-IIIT Pet: COURSE_OFFLINE=1 forbids downloads")
    try:
        with _socket_timeout(DOWNLOAD_TIMEOUT_S):
            images = keras.utils.get_file("pets_images", PETS_URL + "images.tar.gz", extract=True)
            trimaps = keras.utils.get_file("pets_annotations", PETS_URL + "annotations.tar.gz", extract=True)
    except Exception as error:
        raise DataUnavailableError(f"Oxford-IIIT Pet download failed ({type(error).__name__}: {error})") from error
    from pathlib import Path

    files = sorted(Path(images).rglob("*.jpg"))
    trimap_of = {t.stem: t for t in Path(trimaps).rglob("trimaps/*.png")}     # one walk, not one per image
    xs, ys = [], []
    for f in files:
        trimap = trimap_of.get(f.stem)
        if trimap is None:
            continue
        xs.append(np.asarray(Image.open(f).convert("RGB").resize((size, size)), "float32") / 255.0)
        t = np.asarray(Image.open(trimap).resize((size, size), Image.NEAREST))
        ys.append((t == 1).astype("float32")[..., None])             # trimap: 1 pet, 2 background, 3 border
    order = np.random.default_rng(seed).permutation(len(xs))
    x, y = np.stack(xs)[order], np.stack(ys)[order]
    return x[n_test:], y[n_test:], x[:n_test], y[:n_test]


def segmentation(source: str = "auto", size: int = 64, seed: int = 0) -> Dataset:
    """Binary segmentation data for the U-Net chapter.

    source: "pets" (Oxford-IIIT Pet, 7,390 photos with pet/background masks,
    downloaded once; raises DataUnavailableError offline), "shapes" (generated,
    offline), or "auto" (Pets unless COURSE_OFFLINE=1 or the download fails).
    """
    func = "segmentation"
    check_choice(func, "source", source, ("auto", "pets", "shapes"))
    if source in ("auto", "pets") and not (source == "auto" and runtime.is_offline()):
        try:
            return Dataset(*_pets(size, 1000, seed), name="Oxford-IIIT Pet",
                           source="Oxford-IIIT Pet (Parkhi et al. 2012): pet vs background", offline_fallback=False,
                           class_names=("background", "pet"))
        except DataUnavailableError as error:
            if source == "pets":
                raise
            print(f"{error}; using the offline fallback")
    n_train, n_test = runtime.pick(quick=(300, 100), full=(800, 200))
    return shapes(n_train, n_test, size, seed)
