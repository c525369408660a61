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

from .._validate import check_choice, check_classes, check_input_shape, check_positive_ints
from ._cards import OWN, Count, ModelCard
from ._registry import register
from .inception import conv_relu, inception_module
from .vgg import vgg_block

ACTIVATIONS = ("relu", "tanh")
STAGE_KERNELS = {"3x3": (3, 3), "5x5": (5,)}
HEADS = ("gap", "dense")


# The chapters' own networks: counts from formulas in test_models.py, no external source.
def _mini_card(title, family, params):
    return ModelCard(title=title, family=family, input_shape=(32, 32, 1),
                     params=Count(params, OWN), trainable=Count(params, OWN))


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
        x = layers.Conv2D(filters, 5, padding="same", activation=activation, name=f"conv{i}")(x)
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
    x = inception_module(x, 16, 16, 32, 8, 8, 8, name="inception_a")      # 64 channels
    x = layers.MaxPooling2D(2, name="pool_a")(x)
    x = inception_module(x, 32, 32, 64, 8, 16, 16, name="inception_b")    # 128 channels
    if head == "gap":
        x = layers.GlobalAveragePooling2D(name="avg_pool")(x)
    else:
        x = layers.Flatten(name="flatten")(x)
        x = layers.Dense(256, activation="relu", name="fc")(x)
    outputs = layers.Dense(num_classes, activation="softmax", name="predictions")(x)
    return keras.Model(inputs, outputs, name=f"mini_inception_{head}")
