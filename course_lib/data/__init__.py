"""Data sets for the chapters, with a clearly labelled offline fallback.

Real data sets are downloaded (in Colab, or wherever the network is open).
``COURSE_OFFLINE=1``, or a download that fails, switches to data that ships
with a package or that the course generates, so every notebook still runs end
to end; the returned :class:`Dataset` says which one you got in ``source``,
and ``describe()`` prints it in capitals when it is the fallback. Downloads
time out instead of hanging, and files the course fetches itself are checked
against their published MD5 checksums (CIFAR-10 and MNIST by Keras's own).

Images are float32 in [0, 1], channels last; labels are int32 class indices.

============================  ===========================  ===============================
loader                        online                       offline fallback
============================  ===========================  ===============================
:func:`digits`                MNIST                        scikit-learn's 1,797 digits
:func:`fashion_mnist`         Fashion-MNIST                scikit-learn's 1,797 digits
:func:`cifar10`               CIFAR-10                     the same digits in random colours
:func:`segmentation`          Oxford-IIIT Pet (masks)      :func:`shapes` (generated)
:func:`pet_breeds`            Oxford-IIIT Pet (37 breeds)  scikit-learn's 1,797 digits
:func:`one_shot`              Omniglot                     :func:`font_glyphs` (rendered)
:func:`video`                 UCF101                       :func:`moving_digits` (generated)
============================  ===========================  ===============================
"""

from ._cifar import CIFAR10_CLASSES, cifar10
from ._common import (
    DOWNLOAD_TIMEOUT_S,
    DataUnavailableError,
    Dataset,
    fetch_file,
    per_class_split,
)
from ._digits import digits
from ._fashion import FASHION_CLASSES, fashion_mnist
from ._glyphs import (
    ALPHABETS,
    BACKGROUND_ALPHABETS,
    EVALUATION_ALPHABETS,
    FONT_DRAWERS,
    GlyphSet,
    font_glyphs,
    omniglot,
    one_shot,
    one_shot_trials,
    pairs,
)
from ._pets import pet_breeds
from ._segmentation import PETS_TEST_PHOTOS, SHAPE_KINDS, segmentation, shapes
from ._video import MOTIONS, moving_digits, video

__all__ = [
    "Dataset",
    "DataUnavailableError",
    "DOWNLOAD_TIMEOUT_S",
    "per_class_split",
    "digits",
    "shapes",
    "segmentation",
    "SHAPE_KINDS",
    "PETS_TEST_PHOTOS",
    "GlyphSet",
    "font_glyphs",
    "omniglot",
    "one_shot",
    "one_shot_trials",
    "pairs",
    "ALPHABETS",
    "BACKGROUND_ALPHABETS",
    "EVALUATION_ALPHABETS",
    "FONT_DRAWERS",
    "video",
    "moving_digits",
    "MOTIONS",
    "cifar10",
    "CIFAR10_CLASSES",
    "fashion_mnist",
    "FASHION_CLASSES",
    "pet_breeds",
    "fetch_file",
]
