"""Transfer learning: a small encoder the course pretrains itself, and the notes' three ways to reuse it.

``glyph_cnn`` is pretrained by ``scripts/pretrain_glyph_cnn.py`` on the
background alphabets of :func:`course_lib.data.font_glyphs` (rendered Latin,
Cyrillic and Greek characters) and shipped in ``course_lib/weights/`` with
its recipe and SHA-256 checksum, so that transfer learning runs offline.
In Colab, :func:`course_lib.models.pretrained` gives ImageNet weights instead;
:func:`backbone` picks one or the other as a feature extractor for the labs.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import keras
from keras import layers

from .._validate import (
    check_bool,
    check_choice,
    check_classes,
    check_fraction,
    check_input_shape,
)
from ._registry import build
from .imagenet_weights import KERAS_TWINS, imagenet_preprocess, pretrained
from .mini import FEATURES, glyph_cnn  # noqa: F401  (glyph_cnn: the encoder transfer starts from)

WEIGHTS_DIR = Path(__file__).resolve().parent.parent / "weights"


def _sha256(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def course_manifest(name: str = "glyph_cnn") -> dict:
    """The recipe, checksum and measured accuracy recorded when ``name`` was pretrained."""
    path = WEIGHTS_DIR / f"{name}.json"
    if not path.exists():
        shipped = sorted(p.stem for p in WEIGHTS_DIR.glob("*.json"))
        raise ValueError(
            f"course_pretrained: no course weights named {name!r}; shipped: {shipped}"
        )
    return json.loads(path.read_text())


def course_pretrained(name: str = "glyph_cnn") -> keras.Model:
    """The course's own pretrained model, after checking the weights file's SHA-256
    against its manifest (a truncated or edited file raises instead of loading)."""
    manifest = course_manifest(name)
    weights = WEIGHTS_DIR / manifest["weights_file"]
    digest = _sha256(weights)
    if digest != manifest["sha256"]:
        raise ValueError(
            f"course_pretrained({name!r}): {weights.name} has SHA-256 {digest[:12]}..., the manifest "
            f"says {manifest['sha256'][:12]}...; re-create it with {manifest['recipe']['script']}"
        )
    model = build(name, **manifest["build_options"])
    model.load_weights(weights)
    return model


SCENARIOS = ("replace_last", "replace_head")


def transfer_model(
    base: keras.Model,
    num_classes: int,
    scenario: str = "replace_last",
    freeze: bool = True,
    dropout: float = 0.3,
) -> keras.Model:
    """A new classifier on top of a pretrained ``base`` (Pedersen's scenarios 1 and 2).

    scenario "replace_last": keep everything up to ``fc1`` and put a fresh softmax
        layer of ``num_classes`` on top (scenario 1, small data sets);
    scenario "replace_head": keep the convolutional encoder (up to ``features``)
        and put a fresh ``fc1`` and softmax on it (scenario 2, more capacity).
    ``freeze=True`` makes the kept layers untrainable (transfer learning);
    call ``unfreeze(model.get_layer("pretrained"))`` later to fine-tune. The
    kept layers are a copy: training the new model never changes ``base``.
    """
    func = "transfer_model"
    check_choice(func, "scenario", scenario, SCENARIOS)
    check_classes(func, num_classes)
    check_bool(func, "freeze", freeze)
    check_fraction(func, "dropout", dropout)
    cut = "fc1" if scenario == "replace_last" else FEATURES
    copy = keras.models.clone_model(base)  # fine-tuning must not change ``base`` itself
    copy.set_weights(base.get_weights())
    encoder = keras.Model(copy.input, copy.get_layer(cut).output, name="pretrained")
    encoder.trainable = not freeze
    inputs = keras.Input(base.input_shape[1:], name="image")
    x = encoder(
        inputs, training=False
    )  # inference mode while frozen; see unfreeze() for fine-tuning
    if scenario == "replace_head":
        x = layers.Dense(
            base.get_layer("fc1").units, activation="relu", name="new_fc1"
        )(x)
    x = layers.Dropout(dropout, name="new_drop")(x)
    outputs = layers.Dense(num_classes, activation="softmax", name="new_classifier")(x)
    return keras.Model(inputs, outputs, name=f"transfer_{scenario}")


def unfreeze(encoder: keras.Model, batch_norm: bool = False) -> keras.Model:
    """Make ``encoder`` trainable for fine-tuning, but keep its batch-normalization layers
    frozen unless ``batch_norm=True``. In Keras 3 a frozen BatchNormalization layer runs in
    inference mode (its pretrained moving statistics); a trainable one normalises each
    training batch with that batch's own statistics, *even inside a model built with*
    ``encoder(x, training=False)``: ``fit`` passes ``training=True`` down to every layer
    (keras-team/keras#20285). A few hundred new images would re-estimate those statistics
    and shift every feature downstream. Returns ``encoder``."""
    check_bool("unfreeze", "batch_norm", batch_norm)
    encoder.trainable = True
    for layer in _all_layers(
        encoder
    ):  # one by one: a layer frozen on its own may stay frozen otherwise
        layer.trainable = batch_norm or not isinstance(layer, layers.BatchNormalization)
    return encoder


def _all_layers(model):
    """Every layer of ``model``, nested models' layers included."""
    for layer in model.layers:
        yield layer
        if isinstance(layer, keras.Model):
            yield from _all_layers(layer)


def feature_extractor(base: keras.Model, layer: str = FEATURES) -> keras.Model:
    """Scenario 3: the pretrained network cut at ``layer``, a fixed feature extractor
    whose outputs feed another classifier (e.g. k-nearest neighbours)."""
    layer_names = [l.name for l in base.layers]
    check_choice("feature_extractor", "layer", layer, layer_names)
    return keras.Model(
        base.input, base.get_layer(layer).output, name=f"{base.name}_{layer}"
    )


@dataclass(frozen=True)
class Backbone:
    """A pretrained feature extractor: ``encoder`` maps images in [0, 1] (its own input
    preprocessing is inside) to one feature vector per image."""

    encoder: keras.Model
    name: str
    weights: str  # "imagenet" or "course (glyph_cnn)"
    offline_fallback: bool

    @property
    def feature_size(self) -> int:
        return int(self.encoder.output_shape[-1])

    def describe(self) -> str:
        banner = (
            "OFFLINE FALLBACK BACKBONE"
            if self.offline_fallback
            else "pretrained backbone"
        )
        return (
            f"{banner}: {self.name} with {self.weights} weights; input {self.encoder.input_shape[1:]}, "
            f"{self.feature_size} features, {self.encoder.count_params():,} parameters"
        )


# The ImageNet twins that backbone() can cut after global average pooling (the layer "avg_pool");
# VGG ends in flatten and fully connected layers instead, so it is not among them.
BACKBONES = tuple(name for name in KERAS_TWINS if not name.startswith("vgg"))


def _imagenet_encoder(name, input_shape):
    """``name`` with ImageNet weights at any input size: its convolutions do not depend on the
    size, so the weights of the 224x224 model are copied into one built for ``input_shape``."""
    trained = pretrained(name)
    resized = build(name, input_shape=input_shape)
    resized.set_weights(trained.get_weights())
    inputs = keras.Input(input_shape, name="image")
    features = keras.Model(
        resized.input, resized.get_layer("avg_pool").output, name=name
    )
    return keras.Model(
        inputs, features(imagenet_preprocess(inputs, name)), name=f"{name}_encoder"
    )


def backbone(
    name: str = "mobilenet_v2", input_shape=(160, 160, 3), source: str = "imagenet"
) -> Backbone:
    """A pretrained feature extractor for transfer learning.

    source "imagenet": the course's ``name`` (e.g. "mobilenet_v2", "resnet50") with
    ImageNet weights from keras.applications, cut after global average pooling, at
    ``input_shape``; needs the network (raises WeightsUnavailableError offline).
    source "course": the offline fallback, the course's own pretrained ``glyph_cnn``
    (32x32x1 glyphs, 128 features); ``name`` and ``input_shape`` are then ignored.
    """
    check_choice("backbone", "source", source, ("imagenet", "course"))
    if source == "course":
        glyphs = course_pretrained("glyph_cnn")
        encoder = keras.Model(
            glyphs.input, glyphs.get_layer(FEATURES).output, name="glyph_cnn_encoder"
        )
        return Backbone(
            encoder,
            "glyph_cnn",
            "course (pretrained on rendered glyphs)",
            offline_fallback=True,
        )
    check_choice("backbone", "name", name, BACKBONES)
    check_input_shape("backbone", input_shape, min_size=32)
    return Backbone(
        _imagenet_encoder(name, tuple(input_shape)),
        name,
        "imagenet",
        offline_fallback=False,
    )


def new_classifier(
    encoder: keras.Model, num_classes: int, dropout: float = 0.2
) -> keras.Model:
    """A fresh softmax layer on ``encoder``, which is frozen (the "linear probe"). To
    fine-tune, call :func:`unfreeze` on ``encoder`` and compile again with a small
    learning rate. The model uses ``encoder`` itself, not a copy: fine-tuning changes it."""
    check_classes("new_classifier", num_classes)
    check_fraction("new_classifier", "dropout", dropout)
    encoder.trainable = False
    inputs = keras.Input(encoder.input_shape[1:], name="image")
    x = encoder(inputs, training=False)
    x = layers.Dropout(dropout, name="new_drop")(x)
    outputs = layers.Dense(num_classes, activation="softmax", name="new_classifier")(x)
    return keras.Model(inputs, outputs, name=f"{encoder.name}_classifier")
