"""Handwritten digits: MNIST online, scikit-learn's 1,797 scans offline."""

from __future__ import annotations

import numpy as np

from .._validate import check_choice, check_fraction, check_int
from ._common import Dataset, download, pad_to, real_or_fallback

DIGIT_NAMES = tuple(str(d) for d in range(10))


def sklearn_digits_arrays(size, test_fraction, seed):
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split

    data = load_digits()
    scale = max(
        1, (size - 4) // 8
    )  # 8x8 -> 24x24 in a 32x32 canvas, like MNIST's margin
    images = np.kron(data.images / 16.0, np.ones((1, scale, scale)))
    images = pad_to(images, size)[..., None].astype("float32")
    x_train, x_test, y_train, y_test = train_test_split(
        images,
        data.target.astype("int32"),
        test_size=test_fraction,
        random_state=seed,
        stratify=data.target,
    )
    return x_train, y_train, x_test, y_test


def digits_fallback(size, test_fraction, seed, replaces):
    """scikit-learn's digits as the labelled offline stand-in for the data set named ``replaces``."""
    return Dataset(
        *sklearn_digits_arrays(size, test_fraction, seed),
        name="digits",
        source="scikit-learn's handwritten digits (1,797 real 8x8 scans, upscaled to "
        f"{size}x{size}); {replaces} replaces them when online",
        offline_fallback=True,
        class_names=DIGIT_NAMES,
    )


def _mnist(size):
    import keras

    (x_train, y_train), (x_test, y_test) = download(
        "MNIST", keras.datasets.mnist.load_data
    )
    prep = lambda x: pad_to(x.astype("float32") / 255.0, size)[..., None]
    return prep(x_train), y_train.astype("int32"), prep(x_test), y_test.astype("int32")


def digits(
    source: str = "auto", size: int = 32, test_fraction: float = 0.25, seed: int = 0
) -> Dataset:
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
    size = check_int(func, "size", size, 28)
    check_fraction(func, "test_fraction", test_fraction, allow_zero=False)
    check_int(func, "seed", seed, 0)

    def mnist():
        return Dataset(
            *_mnist(size),
            name="MNIST",
            source="MNIST (LeCun et al.), 60,000 train / 10,000 test",
            offline_fallback=False,
            class_names=DIGIT_NAMES,
        )

    return real_or_fallback(
        source,
        "mnist",
        mnist,
        lambda: digits_fallback(size, test_fraction, seed, "MNIST"),
    )
