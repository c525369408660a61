"""Pretrain course_lib's glyph_cnn and write its weights, recipe and checksum.

    python scripts/pretrain_glyph_cnn.py         # about 6 minutes on 2 CPU cores

Data: the background alphabets (Latin, Cyrillic, Greek) of
course_lib.data.font_glyphs at 32x32, rendered with jitter seeds 0-5 for
training and seed 6 for validation (same characters and fonts, new rotations,
scales and shifts). The digits and the evaluation alphabets are never seen,
so chapter 15 can transfer the encoder to them.
"""

from __future__ import annotations

import json
import sys
import time

import keras
import numpy as np

from course_lib import data, runtime
from course_lib.models import build
from course_lib.models.transfer import WEIGHTS_DIR, _sha256

RECIPE = {
    "script": "scripts/pretrain_glyph_cnn.py",
    "size": 32,
    "train_seeds": [0, 1, 2, 3, 4, 5],
    "validation_seed": 6,
    "epochs": 10,
    "batch_size": 64,
    "optimizer": "Adam",
    "learning_rate": 1e-3,
    "init_seed": 0,
}


def background(seed, size):
    glyphs = data.font_glyphs(size=size, seed=seed)
    return glyphs.x_train, glyphs.y_train


def main() -> int:
    runtime.seed_everything(RECIPE["init_seed"])
    xs, ys = zip(*(background(s, RECIPE["size"]) for s in RECIPE["train_seeds"]))
    x_train, y_train = np.concatenate(xs), np.concatenate(ys)
    x_val, y_val = background(RECIPE["validation_seed"], RECIPE["size"])
    classes = np.unique(y_train)  # background class labels are 0..n-1
    assert np.array_equal(classes, np.arange(len(classes))), (
        "background labels must come first"
    )
    options = {
        "input_shape": [RECIPE["size"], RECIPE["size"], 1],
        "num_classes": int(len(classes)),
    }
    model = build("glyph_cnn", **options)
    model.compile(
        keras.optimizers.Adam(RECIPE["learning_rate"]),
        "sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    start = time.time()
    model.fit(
        x_train,
        y_train,
        epochs=RECIPE["epochs"],
        batch_size=RECIPE["batch_size"],
        verbose=2,
        validation_data=(x_val, y_val),
    )
    val_accuracy = float(model.evaluate(x_val, y_val, verbose=0)[1])
    weights = WEIGHTS_DIR / "glyph_cnn.weights.h5"
    model.save_weights(weights)
    manifest = {
        "weights_file": weights.name,
        "sha256": _sha256(weights),
        "build_options": options,
        "recipe": RECIPE,
        "train_images": int(len(x_train)),
        "validation_accuracy": round(val_accuracy, 4),
        "trained_with": f"keras {keras.__version__}, backend {keras.backend.backend()}",
        "train_seconds": round(time.time() - start),
    }
    (WEIGHTS_DIR / "glyph_cnn.json").write_text(json.dumps(manifest, indent=2) + "\n")
    print(json.dumps(manifest, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
