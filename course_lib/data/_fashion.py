"""Fashion-MNIST (online) with scikit-learn's digits as the labelled offline fallback."""

from __future__ import annotations

import gzip

import numpy as np

from .._validate import check_choice, check_int
from ._common import Dataset, fetch_file, pad_to, real_or_fallback
from ._digits import digits_fallback

FASHION_URL = "https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/"
FASHION_MD5 = {  # the MD5s Zalando publishes (also torchvision's pins)
    "train-images-idx3-ubyte.gz": "8d4fb7e6c68d591d4c3dfef9ec88bf0d",
    "train-labels-idx1-ubyte.gz": "25c81989df183df01b3e8a0aad5dffbe",
    "t10k-images-idx3-ubyte.gz": "bef4ecab320f06d8554ea6380940ec79",
    "t10k-labels-idx1-ubyte.gz": "bb300cfdad3c16e7a12a480ee83cd310",
}
FASHION_CLASSES = (
    "T-shirt/top",
    "trouser",
    "pullover",
    "dress",
    "coat",
    "sandal",
    "shirt",
    "sneaker",
    "bag",
    "ankle boot",
)


def read_idx(path) -> np.ndarray:
    """A gzipped IDX file (the MNIST format): big-endian dimension sizes after a 4-byte magic number."""
    with gzip.open(path, "rb") as f:
        raw = f.read()
    ndim = raw[3]
    shape = tuple(
        int.from_bytes(raw[4 + 4 * i : 8 + 4 * i], "big") for i in range(ndim)
    )
    return np.frombuffer(raw, np.uint8, offset=4 + 4 * ndim).reshape(shape)


def _fashion(size):
    arrays = {
        name: read_idx(fetch_file("Fashion-MNIST", FASHION_URL + name, md5))
        for name, md5 in FASHION_MD5.items()
    }
    prep = lambda x: pad_to(x.astype("float32") / 255.0, size)[..., None]
    return (
        prep(arrays["train-images-idx3-ubyte.gz"]),
        arrays["train-labels-idx1-ubyte.gz"].astype("int32"),
        prep(arrays["t10k-images-idx3-ubyte.gz"]),
        arrays["t10k-labels-idx1-ubyte.gz"].astype("int32"),
    )


def fashion_mnist(source: str = "auto", size: int = 28, seed: int = 0) -> Dataset:
    """Fashion-MNIST (Xiao et al. 2017): 70,000 grey 28x28 photos of clothes in 10 classes,
    a harder drop-in for MNIST; ``size`` > 28 centres them on a black canvas.

    source: "fashion_mnist" (downloaded once, MD5-checked; raises DataUnavailableError
    offline), "digits" (the offline fallback: scikit-learn's real handwritten
    digits), or "auto" (Fashion-MNIST unless COURSE_OFFLINE=1 or the download fails).
    """
    func = "fashion_mnist"
    check_choice(func, "source", source, ("auto", "fashion_mnist", "digits"))
    size = check_int(func, "size", size, 28)
    check_int(func, "seed", seed, 0)

    def real():
        return Dataset(
            *_fashion(size),
            name="Fashion-MNIST",
            source="Fashion-MNIST (Xiao et al. 2017), 60,000 train / 10,000 test",
            offline_fallback=False,
            class_names=FASHION_CLASSES,
        )

    return real_or_fallback(
        source,
        "fashion_mnist",
        real,
        lambda: digits_fallback(size, 0.25, seed, "Fashion-MNIST"),
    )
