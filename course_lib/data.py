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

__all__ = ["Dataset", "DataUnavailableError", "digits", "DOWNLOAD_TIMEOUT_S"]

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


def _check_source(func, source, allowed):
    if source not in allowed:
        raise ValueError(f"{func}: `source` must be one of {allowed}, got {source!r}")


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
    _check_source(func, source, ("auto", "mnist", "sklearn"))
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
