"""What every loader shares: the Dataset record, download time-outs, the online/offline switch."""

from __future__ import annotations

import socket
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np

from .. import runtime
from .._validate import check_int

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
        return (
            f"{banner}: {self.source}\n"
            f"train {self.x_train.shape}, test {self.x_test.shape}, {len(self.class_names)} classes"
        )


@contextmanager
def socket_timeout(seconds):
    previous = socket.getdefaulttimeout()
    socket.setdefaulttimeout(seconds)
    try:
        yield
    finally:
        socket.setdefaulttimeout(previous)


def refuse_if_offline(name):
    """Raise DataUnavailableError when COURSE_OFFLINE=1 forbids downloading ``name``."""
    if runtime.is_offline():
        raise DataUnavailableError(f"{name}: COURSE_OFFLINE=1 forbids downloads")


def download(name, fetch):
    """Run ``fetch()`` (a download) with a socket time-out; any failure becomes DataUnavailableError."""
    refuse_if_offline(name)
    try:
        with socket_timeout(DOWNLOAD_TIMEOUT_S):
            return fetch()
    except Exception as error:  # network errors come in many types
        raise DataUnavailableError(
            f"{name} download failed ({type(error).__name__}: {error})"
        ) from error


def fetch_file(name, url, md5, extract=False, cache_dir=None):
    """Download ``url`` once into Keras's cache (``~/.keras/datasets``) and check its MD5
    (the checksum the data set's authors, or torchvision, publish). A cached file that
    does not match is fetched again; a download that still does not match raises
    DataUnavailableError instead of feeding a truncated archive to a lab."""
    import keras

    filename = url.rsplit("/", 1)[-1]
    return download(
        name,
        lambda: keras.utils.get_file(
            filename,
            url,
            file_hash=md5,
            hash_algorithm="md5",
            extract=extract,
            cache_dir=cache_dir,
        ),
    )


def real_or_fallback(source, real, load_real, load_fallback):
    """The loaders' switch: ``source`` is ``real`` (must succeed), "auto" (``real``
    unless COURSE_OFFLINE=1 or it fails, then the fallback), or the fallback's name."""
    if source in ("auto", real) and not (source == "auto" and runtime.is_offline()):
        try:
            return load_real()
        except DataUnavailableError as error:
            if source == real:
                raise
            print(f"{error}; using the offline fallback")
    return load_fallback()


def pad_to(images, size):
    """Centre square images on a black canvas of side ``size``."""
    pad = size - images.shape[1]
    if pad < 0:
        raise ValueError(f"images of side {images.shape[1]} do not fit in {size}")
    before = pad // 2
    return np.pad(images, ((0, 0), (before, pad - before), (before, pad - before)))


def per_class_split(x, y, per_class: int, seed: int = 0):
    """A small labelled budget: ``per_class`` randomly chosen examples of every class,
    and everything else. Returns ``(x_chosen, y_chosen, x_rest, y_rest)``."""
    func = "per_class_split"
    y = np.asarray(y)
    smallest = int(np.bincount(y)[np.unique(y)].min())
    per_class = check_int(
        func, "per_class", per_class, 1, smallest, note="the smallest class"
    )
    seed = check_int(func, "seed", seed, 0)
    rng = np.random.default_rng(seed)
    chosen = np.zeros(len(y), bool)
    for label in np.unique(y):
        chosen[rng.choice(np.flatnonzero(y == label), per_class, replace=False)] = True
    return x[chosen], y[chosen], x[~chosen], y[~chosen]
