"""Small 32x32 cousins of the classic networks, for the chapters' CPU experiments.

Each keeps the one design choice its chapter tests and shrinks the rest, so
that two variants differ only in that choice:

* ``mini_alexnet``: the four-layer CIFAR-10 network of Krizhevsky et al. 2012
  (Fig. 1), with ``activation="relu"`` or ``"tanh"``.
* ``mini_vgg``: three stages of either two 3x3 convolutions or one 5x5
  convolution (the same receptive field, VGG's argument).
* ``mini_inception``: a stem, two Inception modules (``inception_module``)
  and either a global-average-pooling head or a flatten-and-dense head.
"""

from __future__ import annotations

import keras
from keras import layers

from .._validate import (
    check_choice,
    check_classes,
    check_fraction,
    check_input_shape,
    check_positive_ints,
)
from ._cards import OWN, Count, ModelCard
from ._registry import register
from .inception import conv_relu, inception_module
from .resnet import conv_bn
from .vgg import vgg_block

ACTIVATIONS = ("relu", "tanh")
FEATURES = (
    "features"  # glyph_cnn's encoder output: global average of the last convolution
)
STAGE_KERNELS = {"3x3": (3, 3), "5x5": (5,)}
HEADS = ("gap", "dense")


# The chapters' own networks: counts from formulas in test_models.py, no external source.
def _mini_card(title, family, params):
    return ModelCard(
        title=title,
        family=family,
        input_shape=(32, 32, 1),
        params=Count(params, OWN),
        trainable=Count(params, OWN),
    )


MINI_ALEXNET_CARD = _mini_card("mini AlexNet", "alexnet", 87_978)
MINI_VGG_CARD = _mini_card("mini VGG", "vgg", 185_930)
MINI_INCEPTION_CARD = _mini_card("mini Inception", "inception", 36_874)


@register("mini_alexnet", card=MINI_ALEXNET_CARD)
def mini_alexnet(activation="relu", input_shape=(32, 32, 1), num_classes=10):
    """Three 5x5 conv/pool stages (32, 32, 64 filters) and a softmax layer:
    the four-layer network of AlexNet's ReLU-vs-tanh experiment (paper, Fig. 1)."""
    func = "mini_alexnet"
    check_choice(func, "activation", activation, ACTIVATIONS)
    check_input_shape(func, input_shape, min_size=8)
    check_classes(func, num_classes)
    inputs = keras.Input(input_shape, name="image")
    x = inputs
    for i, filters in enumerate((32, 32, 64), start=1):
        x = layers.Conv2D(
            filters, 5, padding="same", activation=activation, name=f"conv{i}"
        )(x)
        x = layers.MaxPooling2D(2, name=f"pool{i}")(x)
    x = layers.Flatten(name="flatten")(x)
    outputs = layers.Dense(num_classes, activation="softmax", name="predictions")(x)
    return keras.Model(inputs, outputs, name=f"mini_alexnet_{activation}")


@register("mini_vgg", card=MINI_VGG_CARD)
def mini_vgg(stage="3x3", widths=(64, 64, 64), input_shape=(32, 32, 1), num_classes=10):
    """``len(widths)`` VGG blocks, each two 3x3 convolutions (``stage="3x3"``) or
    one 5x5 (``"5x5"``): the same 5x5 receptive field per block. Global average
    pooling and a softmax layer on top. Equal widths keep the comparison fair:
    two 3x3 layers of C channels cost 18C^2 weights, one 5x5 costs 25C^2."""
    func = "mini_vgg"
    check_choice(func, "stage", stage, STAGE_KERNELS)
    check_positive_ints(func, "widths", widths)
    check_input_shape(func, input_shape, min_size=2 ** len(widths))
    check_classes(func, num_classes)
    inputs = keras.Input(input_shape, name="image")
    x = inputs
    for b, filters in enumerate(widths, start=1):
        x = vgg_block(x, filters, STAGE_KERNELS[stage], f"block{b}")
    x = layers.GlobalAveragePooling2D(name="avg_pool")(x)
    outputs = layers.Dense(num_classes, activation="softmax", name="predictions")(x)
    return keras.Model(inputs, outputs, name=f"mini_vgg_{stage}")


@register("mini_inception", card=MINI_INCEPTION_CARD)
def mini_inception(head="gap", input_shape=(32, 32, 1), num_classes=10):
    """A 3x3 stem with pooling, two Inception modules at 16x16 and 8x8, then a
    global-average-pooling head (GoogLeNet) or a flatten + 256-unit dense head
    (the AlexNet/VGG habit)."""
    func = "mini_inception"
    check_choice(func, "head", head, HEADS)
    check_input_shape(func, input_shape, min_size=4)
    check_classes(func, num_classes)
    inputs = keras.Input(input_shape, name="image")
    x = conv_relu(inputs, 32, 3, name="stem_conv")
    x = layers.MaxPooling2D(2, name="stem_pool")(x)
    x = inception_module(x, 16, 16, 32, 8, 8, 8, name="inception_a")  # 64 channels
    x = layers.MaxPooling2D(2, name="pool_a")(x)
    x = inception_module(x, 32, 32, 64, 8, 16, 16, name="inception_b")  # 128 channels
    if head == "gap":
        x = layers.GlobalAveragePooling2D(name="avg_pool")(x)
    else:
        x = layers.Flatten(name="flatten")(x)
        x = layers.Dense(256, activation="relu", name="fc")(x)
    outputs = layers.Dense(num_classes, activation="softmax", name="predictions")(x)
    return keras.Model(inputs, outputs, name=f"mini_inception_{head}")


# Counted by a formula in test_models.py, no external source.
MINI_C3D_CARD = ModelCard(
    title="mini C3D",
    family="c3d",
    input_shape=(8, 32, 32, 1),
    params=Count(69_924, OWN),
    trainable=Count(69_924, OWN),
)


@register("mini_c3d", card=MINI_C3D_CARD)
def mini_c3d(input_shape=(8, 32, 32, 1), num_classes=4, filters=(16, 32, 64)):
    """A small C3D for short clips: 3x3x3 'same' convolutions with ReLU, pool1 1x2x2
    (spatial only, like C3D's), later pools 2x2x2, global average pooling, softmax."""
    func = "mini_c3d"
    check_input_shape(func, input_shape, ndim=4, min_size=8)
    check_classes(func, num_classes)
    check_positive_ints(func, "filters", filters)
    inputs = keras.Input(input_shape, name="clip")
    x = inputs
    for i, width in enumerate(filters, start=1):
        x = layers.Conv3D(width, 3, padding="same", activation="relu", name=f"conv{i}")(
            x
        )
        if i < len(filters):
            x = layers.MaxPooling3D(
                (1, 2, 2) if i == 1 else (2, 2, 2), name=f"pool{i}"
            )(x)
    x = layers.GlobalAveragePooling3D(name="gap")(x)
    return keras.Model(
        inputs,
        layers.Dense(num_classes, activation="softmax", name="predictions")(x),
        name="mini_c3d",
    )


def small_encoder(input_shape=(28, 28, 1), embedding_dim=64):
    """A small twin for 28x28 glyphs, trainable in seconds on a CPU."""
    inputs = keras.Input(input_shape, name="image")
    x = inputs
    for i, filters in enumerate((32, 64), start=1):
        x = layers.Conv2D(
            filters, 3, padding="same", activation="relu", name=f"conv{i}"
        )(x)
        x = layers.MaxPooling2D(2, name=f"pool{i}")(x)
    x = layers.Conv2D(128, 3, padding="same", activation="relu", name="conv3")(x)
    x = layers.GlobalAveragePooling2D(name="gap")(x)
    return keras.Model(
        inputs,
        layers.Dense(embedding_dim, activation="sigmoid", name="features")(x),
        name="encoder",
    )


# The course's own pretrained encoder (a small VGG-style network): counted by a formula in test_models.py.
GLYPH_CNN_CARD = ModelCard(
    title="glyph CNN",
    family="vgg",
    input_shape=(32, 32, 1),
    params=Count(173_090, OWN),
    trainable=Count(172_450, OWN),
    small=dict(num_classes=5),
)


@register("glyph_cnn", card=GLYPH_CNN_CARD)
def glyph_cnn(input_shape=(32, 32, 1), num_classes=130, dropout=0.3):
    """A small VGG-style classifier: two 3x3 convolution-BN-ReLU layers per stage (32, 64 filters),
    a 128-filter stage, global average pooling (``features``, 128 numbers), a
    128-unit ReLU layer ``fc1`` and a softmax layer ``classifier``."""
    func = "glyph_cnn"
    check_input_shape(func, input_shape, min_size=8)
    check_classes(func, num_classes)
    check_fraction(func, "dropout", dropout)
    inputs = keras.Input(input_shape, name="image")
    x = inputs
    for stage, (filters, convs) in enumerate(((32, 2), (64, 2), (128, 1)), start=1):
        for i in range(convs):
            x = conv_bn(x, filters, 3, name=f"conv{stage}_{i + 1}")
        x = layers.MaxPooling2D(2, name=f"pool{stage}")(x)
    x = layers.GlobalAveragePooling2D(name=FEATURES)(x)
    x = layers.Dense(128, activation="relu", name="fc1")(x)
    x = layers.Dropout(dropout, name="drop1")(x)
    return keras.Model(
        inputs,
        layers.Dense(num_classes, activation="softmax", name="classifier")(x),
        name="glyph_cnn",
    )
