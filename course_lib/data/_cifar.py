"""CIFAR-10 (online) and a labelled offline fallback of coloured handwritten digits."""

from __future__ import annotations

import numpy as np

from .._validate import check_choice, check_int
from ._common import Dataset, download, real_or_fallback
from ._digits import sklearn_digits_arrays

CIFAR10_CLASSES = (
    "airplane",
    "automobile",
    "bird",
    "cat",
    "deer",
    "dog",
    "frog",
    "horse",
    "ship",
    "truck",
)


def _cifar10():
    import keras

    (x_train, y_train), (x_test, y_test) = download(
        "CIFAR-10", keras.datasets.cifar10.load_data
    )
    prep = lambda x: x.astype("float32") / 255.0
    return (
        prep(x_train),
        y_train.reshape(-1).astype("int32"),
        prep(x_test),
        y_test.reshape(-1).astype("int32"),
    )


def _colour(images, rng):
    """Grey digits (N, 32, 32, 1) as RGB: strokes and background in random colours, plus noise,
    so that colour carries no information about the class (as in CIFAR-10)."""
    ink = rng.uniform(0.4, 1.0, (len(images), 1, 1, 3))
    paper = rng.uniform(0.0, 0.4, (len(images), 1, 1, 3))
    rgb = paper + images * (ink - paper) + rng.normal(0, 0.03, (*images.shape[:3], 3))
    return np.clip(rgb, 0, 1).astype("float32")


def cifar10(source: str = "auto", seed: int = 0) -> Dataset:
    """32x32 colour images in 10 classes.

    source: "cifar10" (Krizhevsky 2009: 50,000 train / 10,000 test photos, downloaded
    once by Keras; raises DataUnavailableError offline), "digits" (the offline
    fallback: scikit-learn's 1,797 real handwritten digits in random colours), or
    "auto" (CIFAR-10 unless COURSE_OFFLINE=1 or the download fails).
    """
    check_choice("cifar10", "source", source, ("auto", "cifar10", "digits"))
    check_int("cifar10", "seed", seed, 0)

    def real():
        return Dataset(
            *_cifar10(),
            name="CIFAR-10",
            source="CIFAR-10 (Krizhevsky 2009), 50,000 train / 10,000 test",
            offline_fallback=False,
            class_names=CIFAR10_CLASSES,
        )

    def fallback():
        rng = np.random.default_rng(seed)
        x_train, y_train, x_test, y_test = sklearn_digits_arrays(32, 0.25, seed)
        return Dataset(
            _colour(x_train, rng),
            y_train,
            _colour(x_test, rng),
            y_test,
            name="coloured digits",
            source="scikit-learn's handwritten digits in random colours (1,797 real scans, 32x32x3); "
            "CIFAR-10 replaces them when online",
            offline_fallback=True,
            class_names=tuple(str(d) for d in range(10)),
        )

    return real_or_fallback(source, "cifar10", real, fallback)
