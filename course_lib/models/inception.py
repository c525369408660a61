"""GoogLeNet / Inception v1 (Szegedy et al. 2015) and Inception v3 (Szegedy et al. 2016)."""

from __future__ import annotations

import keras
from keras import layers

from .._validate import check_bool, check_classes, check_fraction, check_input_shape
from ._cards import OWN, Count, ModelCard, Top1
from ._registry import register
from .custom_layers import LocalResponseNormalization


def conv_relu(x, filters, kernel, stride=1, name=""):
    return layers.Conv2D(
        filters, kernel, strides=stride, padding="same", activation="relu", name=name
    )(x)


def naive_inception_module(x, f1, f3, f5, name="naive"):
    """1x1, 3x3 and 5x5 convolutions and 3x3 max pooling side by side, concatenated.

    The pooling branch keeps all input channels, so depth can only grow, and
    the 5x5 convolution on a deep input is very expensive (Das's notes: 854 M MACs).
    """
    branches = [
        conv_relu(x, f1, 1, name=f"{name}_1x1"),
        conv_relu(x, f3, 3, name=f"{name}_3x3"),
        conv_relu(x, f5, 5, name=f"{name}_5x5"),
        layers.MaxPooling2D(3, strides=1, padding="same", name=f"{name}_pool")(x),
    ]
    return layers.Concatenate(name=name)(branches)


def inception_module(x, f1, f3_reduce, f3, f5_reduce, f5, pool_proj, name="inception"):
    """GoogLeNet's module with 1x1 "bottleneck" reductions (paper, Fig. 2b).

    The arguments are the columns of the paper's Table 1: #1x1, #3x3 reduce,
    #3x3, #5x5 reduce, #5x5, pool proj. Output depth: f1 + f3 + f5 + pool_proj.
    """
    b1 = conv_relu(x, f1, 1, name=f"{name}_1x1")
    b3 = conv_relu(
        conv_relu(x, f3_reduce, 1, name=f"{name}_3x3_reduce"), f3, 3, name=f"{name}_3x3"
    )
    b5 = conv_relu(
        conv_relu(x, f5_reduce, 1, name=f"{name}_5x5_reduce"), f5, 5, name=f"{name}_5x5"
    )
    pool = layers.MaxPooling2D(3, strides=1, padding="same", name=f"{name}_pool")(x)
    bp = conv_relu(pool, pool_proj, 1, name=f"{name}_pool_proj")
    return layers.Concatenate(name=name)([b1, b3, b5, bp])


# Table 1 of the paper: (#1x1, #3x3 reduce, #3x3, #5x5 reduce, #5x5, pool proj).
GOOGLENET_MODULES = {
    "3a": (64, 96, 128, 16, 32, 32),
    "3b": (128, 128, 192, 32, 96, 64),
    "4a": (192, 96, 208, 16, 48, 64),
    "4b": (160, 112, 224, 24, 64, 64),
    "4c": (128, 128, 256, 24, 64, 64),
    "4d": (112, 144, 288, 32, 64, 64),
    "4e": (256, 160, 320, 32, 128, 128),
    "5a": (256, 160, 320, 32, 128, 128),
    "5b": (384, 192, 384, 48, 128, 128),
}


# Weight of each auxiliary classifier's loss in training (paper, sec. 5).
AUX_LOSS_WEIGHT = 0.3


def auxiliary_classifier(x, num_classes, name):
    """Side head on 4a and 4d (paper, sec. 5): 5x5/3 average pooling, 1x1 conv
    with 128 filters, FC 1024, 70% dropout, softmax. Its loss is weighted 0.3
    in training and the head is dropped at inference."""
    x = layers.AveragePooling2D(5, strides=3, name=f"{name}_pool")(x)
    x = conv_relu(x, 128, 1, name=f"{name}_conv")
    x = layers.Flatten(name=f"{name}_flatten")(x)
    x = layers.Dense(1024, activation="relu", name=f"{name}_fc")(x)
    x = layers.Dropout(0.7, name=f"{name}_dropout")(x)
    return layers.Dense(num_classes, activation="softmax", name=name)(x)


# The paper's Table 1 is checked module by module in test_models.py (two of its rows are slips);
# it gives no exact total, so the exact count is the course's own.
GOOGLENET_CARD = ModelCard(
    title="GoogLeNet",
    family="inception",
    input_shape=(224, 224, 3),
    params=Count(6_998_552, OWN),
    trainable=Count(6_998_552, OWN),
    macs=Count(
        1.5e9,
        'Szegedy et al. 2015: "1.5 billion multiply-adds"',
        bib="szegedy2015going",
        rel=0.06,
    ),
    imagenet_top1=Top1(
        71.0,
        "szegedy2016rethinking",
        "Table 3: 29% top-1 error",
        context="single model, single crop, ILSVRC-2012 validation (as Szegedy et al. 2016 report it)",
    ),
    small=dict(input_shape=(64, 64, 3), num_classes=5),
)


@register("googlenet", card=GOOGLENET_CARD)
def googlenet(
    input_shape=(224, 224, 3), num_classes=1000, aux_classifiers=False, dropout=0.4
):
    """GoogLeNet (Inception v1), the paper's Table 1.

    With ``aux_classifiers=True`` the model has three outputs
    ``[main, aux1, aux2]``; compile with ``loss_weights=[1, AUX_LOSS_WEIGHT, AUX_LOSS_WEIGHT]`` (0.3 each).
    """
    func = "googlenet"
    check_input_shape(func, input_shape, min_size=32)
    check_classes(func, num_classes)
    check_fraction(func, "dropout", dropout)
    check_bool(func, "aux_classifiers", aux_classifiers)
    inputs = keras.Input(input_shape, name="image")
    x = conv_relu(inputs, 64, 7, 2, name="conv1")
    x = layers.MaxPooling2D(3, strides=2, padding="same", name="pool1")(x)
    x = LocalResponseNormalization(name="norm1")(x)
    x = conv_relu(x, 64, 1, name="conv2_reduce")
    x = conv_relu(x, 192, 3, name="conv2")
    x = LocalResponseNormalization(name="norm2")(x)
    x = layers.MaxPooling2D(3, strides=2, padding="same", name="pool2")(x)
    aux = []
    for key, filters in GOOGLENET_MODULES.items():
        if key in ("4a", "5a"):
            x = layers.MaxPooling2D(3, strides=2, padding="same", name=f"pool{key[0]}")(
                x
            )
        x = inception_module(x, *filters, name=f"inception_{key}")
        if aux_classifiers and key in ("4a", "4d"):
            aux.append(auxiliary_classifier(x, num_classes, name=f"aux_{len(aux) + 1}"))
    x = layers.GlobalAveragePooling2D(name="avg_pool")(x)
    if dropout:
        x = layers.Dropout(dropout, name="dropout")(x)
    main = layers.Dense(num_classes, activation="softmax", name="predictions")(x)
    return keras.Model(inputs, [main, *aux] if aux else main, name="googlenet")


# --- Inception v3 --------------------------------------------------------------------------
def conv_bn_v3(x, filters, kernel, stride=1, padding="same", name=""):
    """Inception v3's unit: bias-free convolution, batch norm without scale, ReLU."""
    x = layers.Conv2D(
        filters,
        kernel,
        strides=stride,
        padding=padding,
        use_bias=False,
        name=f"{name}_conv",
    )(x)
    x = layers.BatchNormalization(scale=False, name=f"{name}_bn")(x)
    return layers.Activation("relu", name=name)(x)


def factorized_7x7(x, mid, out, name):
    """A 7x7 receptive field from 1x7 then 7x1 (paper, Fig. 6): 2*7 = 14 weights
    per channel pair instead of 49."""
    x = conv_bn_v3(x, mid, (1, 7), name=f"{name}_1x7")
    return conv_bn_v3(x, out, (7, 1), name=f"{name}_7x1")


def _inception_a(x, pool_filters, name):
    b1 = conv_bn_v3(x, 64, 1, name=f"{name}_b1")
    b5 = conv_bn_v3(conv_bn_v3(x, 48, 1, name=f"{name}_b5a"), 64, 5, name=f"{name}_b5b")
    b3 = conv_bn_v3(x, 64, 1, name=f"{name}_b3a")
    b3 = conv_bn_v3(
        conv_bn_v3(b3, 96, 3, name=f"{name}_b3b"), 96, 3, name=f"{name}_b3c"
    )
    bp = layers.AveragePooling2D(3, strides=1, padding="same", name=f"{name}_pool")(x)
    return layers.Concatenate(name=name)(
        [b1, b5, b3, conv_bn_v3(bp, pool_filters, 1, name=f"{name}_bp")]
    )


def _reduction_a(x, name):
    b3 = conv_bn_v3(x, 384, 3, 2, "valid", name=f"{name}_b3")
    bd = conv_bn_v3(conv_bn_v3(x, 64, 1, name=f"{name}_bda"), 96, 3, name=f"{name}_bdb")
    bd = conv_bn_v3(bd, 96, 3, 2, "valid", name=f"{name}_bdc")
    return layers.Concatenate(name=name)(
        [b3, bd, layers.MaxPooling2D(3, 2, name=f"{name}_pool")(x)]
    )


def _inception_b(x, mid, name):
    b1 = conv_bn_v3(x, 192, 1, name=f"{name}_b1")
    b7 = factorized_7x7(
        conv_bn_v3(x, mid, 1, name=f"{name}_b7a"), mid, 192, f"{name}_b7"
    )
    bd = conv_bn_v3(x, mid, 1, name=f"{name}_bda")
    bd = conv_bn_v3(bd, mid, (7, 1), name=f"{name}_bd_7x1")
    bd = factorized_7x7(bd, mid, mid, f"{name}_bd1")
    bd = conv_bn_v3(bd, 192, (1, 7), name=f"{name}_bd_1x7")
    bp = layers.AveragePooling2D(3, strides=1, padding="same", name=f"{name}_pool")(x)
    return layers.Concatenate(name=name)(
        [b1, b7, bd, conv_bn_v3(bp, 192, 1, name=f"{name}_bp")]
    )


def _reduction_b(x, name):
    b3 = conv_bn_v3(
        conv_bn_v3(x, 192, 1, name=f"{name}_b3a"),
        320,
        3,
        2,
        "valid",
        name=f"{name}_b3b",
    )
    b7 = factorized_7x7(
        conv_bn_v3(x, 192, 1, name=f"{name}_b7a"), 192, 192, f"{name}_b7"
    )
    b7 = conv_bn_v3(b7, 192, 3, 2, "valid", name=f"{name}_b7c")
    return layers.Concatenate(name=name)(
        [b3, b7, layers.MaxPooling2D(3, 2, name=f"{name}_pool")(x)]
    )


def _split_1x3_3x1(x, filters, name):
    """Expanded filter bank (paper, Fig. 7): 1x3 and 3x1 side by side."""
    return layers.Concatenate(name=name)(
        [
            conv_bn_v3(x, filters, (1, 3), name=f"{name}_1x3"),
            conv_bn_v3(x, filters, (3, 1), name=f"{name}_3x1"),
        ]
    )


def _inception_c(x, name):
    b1 = conv_bn_v3(x, 320, 1, name=f"{name}_b1")
    b3 = _split_1x3_3x1(conv_bn_v3(x, 384, 1, name=f"{name}_b3a"), 384, f"{name}_b3")
    bd = conv_bn_v3(
        conv_bn_v3(x, 448, 1, name=f"{name}_bda"), 384, 3, name=f"{name}_bdb"
    )
    bd = _split_1x3_3x1(bd, 384, f"{name}_bd")
    bp = layers.AveragePooling2D(3, strides=1, padding="same", name=f"{name}_pool")(x)
    return layers.Concatenate(name=name)(
        [b1, b3, bd, conv_bn_v3(bp, 192, 1, name=f"{name}_bp")]
    )


INCEPTION_V3_CARD = ModelCard(
    title="Inception-v3",
    family="inception",
    input_shape=(299, 299, 3),
    params=Count(23_851_784, "= keras.applications.InceptionV3"),
    trainable=Count(23_817_352, "keras.applications.InceptionV3 (299x299)"),
    keras_twin="InceptionV3",
    preprocess="tf",
    imagenet_top1=Top1(
        77.9,
        "keras_applications",
        "keras.applications table, 299x299",
        context="keras.applications' ImageNet weights, ILSVRC-2012 validation, 299x299 input",
    ),
    small=dict(input_shape=(75, 75, 3), num_classes=5),
)


@register("inception_v3", card=INCEPTION_V3_CARD)
def inception_v3(input_shape=(299, 299, 3), num_classes=1000):
    """Inception v3 (299x299): 23,851,784 parameters, as keras.applications.InceptionV3."""
    func = "inception_v3"
    check_input_shape(func, input_shape, min_size=75)
    check_classes(func, num_classes)
    inputs = keras.Input(input_shape, name="image")
    x = conv_bn_v3(inputs, 32, 3, 2, "valid", name="stem1")
    x = conv_bn_v3(x, 32, 3, padding="valid", name="stem2")
    x = conv_bn_v3(x, 64, 3, name="stem3")
    x = layers.MaxPooling2D(3, 2, name="stem_pool1")(x)
    x = conv_bn_v3(x, 80, 1, padding="valid", name="stem4")
    x = conv_bn_v3(x, 192, 3, padding="valid", name="stem5")
    x = layers.MaxPooling2D(3, 2, name="stem_pool2")(x)
    for i, pool_filters in enumerate((32, 64, 64)):
        x = _inception_a(x, pool_filters, name=f"mixed{i}")
    x = _reduction_a(x, name="mixed3")
    for i, mid in zip((4, 5, 6, 7), (128, 160, 160, 192)):
        x = _inception_b(x, mid, name=f"mixed{i}")
    x = _reduction_b(x, name="mixed8")
    for i in (9, 10):
        x = _inception_c(x, name=f"mixed{i}")
    x = layers.GlobalAveragePooling2D(name="avg_pool")(x)
    outputs = layers.Dense(num_classes, activation="softmax", name="predictions")(x)
    return keras.Model(inputs, outputs, name="inception_v3")
