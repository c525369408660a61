"""Oxford-IIIT Pet (Parkhi et al. 2012): 7,349 photos of 37 cat and dog breeds (the paper's
count, Section 2; the archive holds a few more image files than its split lists name), with
pet/background/border trimaps; the U-Net lab segments them, the transfer lab
classifies the breeds."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from .._validate import check_choice, check_int
from ._common import Dataset, fetch_file, real_or_fallback
from ._digits import digits_fallback

PETS_URL = "https://www.robots.ox.ac.uk/~vgg/data/pets/data/"
PETS_MD5 = {
    "images.tar.gz": "5c4f3ee8e5d25df40f4fd59a7f44e54c",  # torchvision's OxfordIIITPet pins
    "annotations.tar.gz": "95a8c909bbe2e81eed6a22bccdf3f68f",
}


def pet_archives():
    """The extracted Oxford-IIIT Pet archives ``(images, annotations)``, downloaded once
    (about 800 MB) and checked against their MD5 checksums."""
    return tuple(
        Path(fetch_file("Oxford-IIIT Pet", PETS_URL + name, md5, extract=True))
        for name, md5 in PETS_MD5.items()
    )


def read_rgb(path, size):
    """One photo as a float32 (size, size, 3) array in [0, 1] (squashed, not cropped)."""
    from PIL import Image

    return (
        np.asarray(
            Image.open(path).convert("RGB").resize((size, size), Image.BILINEAR),
            "float32",
        )
        / 255.0
    )


def pet_masks(size, n_test, seed):
    """Pet-versus-background masks of every photo (the trimaps' pet class), shuffled; ``n_test`` held out."""
    from PIL import Image

    images, annotations = pet_archives()
    files = sorted(images.rglob("*.jpg"))
    trimap_of = {
        t.stem: t for t in annotations.rglob("trimaps/*.png")
    }  # one walk, not one per image
    xs, ys = [], []
    for f in files:
        trimap = trimap_of.get(f.stem)
        if trimap is None:
            continue
        xs.append(read_rgb(f, size))
        t = np.asarray(Image.open(trimap).resize((size, size), Image.NEAREST))
        ys.append(
            (t == 1).astype("float32")[..., None]
        )  # trimap: 1 pet, 2 background, 3 border
    order = np.random.default_rng(seed).permutation(len(xs))
    x, y = np.stack(xs)[order], np.stack(ys)[order]
    return x[n_test:], y[n_test:], x[:n_test], y[:n_test]


def _breed_split(annotations, split):
    """``(image stem, breed index)`` of the official split ("trainval" or "test"). Lines read
    ``Abyssinian_100 1 1 1``: image, class id 1-37, species (1 cat, 2 dog), breed id."""
    rows = []
    for line in (annotations / f"{split}.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            stem, class_id, *_ = line.split()
            rows.append((stem, int(class_id) - 1))
    return rows


def _breed_names(rows):
    """Breed names from the file names (``Abyssinian_100`` -> ``Abyssinian``), in class-id order."""
    names = {}
    for stem, label in rows:
        names.setdefault(label, stem.rsplit("_", 1)[0].replace("_", " "))
    return tuple(names[k] for k in sorted(names))


def _pet_breeds(size):
    images, annotations = pet_archives()
    annotations = next(annotations.rglob("trainval.txt")).parent
    photo_of = {f.stem: f for f in images.rglob("*.jpg")}
    arrays = []
    for split in ("trainval", "test"):
        rows = [
            (stem, label)
            for stem, label in _breed_split(annotations, split)
            if stem in photo_of
        ]
        arrays += [
            np.stack([read_rgb(photo_of[stem], size) for stem, _ in rows]),
            np.array([label for _, label in rows], "int32"),
        ]
    names = _breed_names(_breed_split(annotations, "trainval"))
    return (*arrays, names)


def pet_breeds(source: str = "auto", size: int = 160, seed: int = 0) -> Dataset:
    """The 37 breeds of Oxford-IIIT Pet, a classic transfer-learning benchmark
    (official split: 3,680 trainval / 3,669 test photos, about 100 per breed),
    resized to ``size`` x ``size`` x 3.

    source: "pets" (downloaded once, about 800 MB, MD5-checked; raises
    DataUnavailableError offline), "digits" (the offline fallback: scikit-learn's
    real handwritten digits, 32x32x1, for the course's own pretrained
    ``glyph_cnn``), or "auto" (Pets unless COURSE_OFFLINE=1 or the download fails).
    """
    func = "pet_breeds"
    check_choice(func, "source", source, ("auto", "pets", "digits"))
    size = check_int(func, "size", size, 32)
    check_int(func, "seed", seed, 0)

    def real():
        x_train, y_train, x_test, y_test, names = _pet_breeds(size)
        return Dataset(
            x_train,
            y_train,
            x_test,
            y_test,
            name="Oxford-IIIT Pet breeds",
            source="Oxford-IIIT Pet (Parkhi et al. 2012): 37 breeds, official trainval/test split",
            offline_fallback=False,
            class_names=names,
        )

    return real_or_fallback(
        source, "pets", real, lambda: digits_fallback(32, 0.25, seed, "Oxford-IIIT Pet")
    )
