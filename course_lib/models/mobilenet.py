"""MobileNet v1 (Howard et al. 2017) and v2 (Sandler et al. 2018)."""

from __future__ import annotations

import keras
from keras import layers

from .._validate import (
    check_bool,
    check_classes,
    check_fraction,
    check_input_shape,
    check_positive,
)
from ._cards import Count, ModelCard, Top1
from ._registry import register

_BN = dict(epsilon=1e-3, momentum=0.99)


def _bn_relu6(x, name):
    x = layers.BatchNormalization(**_BN, name=f"{name}_bn")(x)
    return layers.ReLU(6.0, name=f"{name}_relu")(x)


def depthwise_separable_block(x, filters, stride=1, separable=True, name="dw"):
    """3x3 depthwise conv + BN + ReLU6, then 1x1 pointwise conv + BN + ReLU6
    (MobileNet paper, Fig. 3). separable=False uses one full 3x3 convolution
    instead, the "Conv MobileNet" of the paper's Table 4."""
    if not separable:
        x = layers.Conv2D(
            filters,
            3,
            strides=stride,
            padding="same",
            use_bias=False,
            name=f"{name}_full",
        )(x)
        return _bn_relu6(x, f"{name}_full")
    x = layers.DepthwiseConv2D(
        3, strides=stride, padding="same", use_bias=False, name=f"{name}_dw"
    )(x)
    x = _bn_relu6(x, f"{name}_dw")
    x = layers.Conv2D(filters, 1, use_bias=False, name=f"{name}_pw")(x)
    return _bn_relu6(x, f"{name}_pw")


# (filters, stride) of the 13 separable layers, Table 1 of the paper.
V1_LAYERS = (
    (64, 1),
    (128, 2),
    (128, 1),
    (256, 2),
    (256, 1),
    (512, 2),
    (512, 1),
    (512, 1),
    (512, 1),
    (512, 1),
    (512, 1),
    (1024, 2),
    (1024, 1),
)


MOBILENET_V1_CARD = ModelCard(
    title="MobileNet",
    family="mobilenet",
    input_shape=(224, 224, 3),
    params=Count(4_253_864, "keras.applications.MobileNet (alpha=1, 224x224)"),
    trainable=Count(
        4_231_976,
        "Das's notes / MobileNet paper Table 6 (4.2M); = keras.applications.MobileNet",
    ),
    macs=Count(
        569e6,
        "Howard et al. 2017, Table 6: 569 million mult-adds; Das's notes",
        bib="howard2017mobilenets",
        rounding=1e6,
    ),
    keras_twin="MobileNet",
    preprocess="tf",
    imagenet_top1=Top1(
        70.4,
        "keras_applications",
        "keras.applications table",
        context="keras.applications' ImageNet weights, ILSVRC-2012 validation",
    ),
    small=dict(alpha=0.25, input_shape=(32, 32, 3), num_classes=5),
)


@register("mobilenet_v1", card=MOBILENET_V1_CARD)
def mobilenet_v1(
    alpha=1.0, input_shape=(224, 224, 3), num_classes=1000, separable=True, dropout=1e-3
):
    """MobileNet v1 with width multiplier ``alpha`` and resolution from ``input_shape``.

    At alpha=1, 224x224: 4,253,864 parameters (as keras.applications.MobileNet)
    and 569 M MACs (paper, Table 6). Channels are ``int(c * alpha)``.
    """
    func = "mobilenet_v1"
    check_positive(func, "alpha", alpha)
    check_input_shape(func, input_shape, min_size=32)
    check_classes(func, num_classes)
    check_fraction(func, "dropout", dropout)
    check_bool(func, "separable", separable)
    inputs = keras.Input(input_shape, name="image")
    x = layers.Conv2D(
        int(32 * alpha), 3, strides=2, padding="same", use_bias=False, name="conv1"
    )(inputs)
    x = _bn_relu6(x, "conv1")
    for i, (filters, stride) in enumerate(V1_LAYERS, start=1):
        x = depthwise_separable_block(
            x, int(filters * alpha), stride, separable, name=f"block{i}"
        )
    x = layers.GlobalAveragePooling2D(name="avg_pool")(x)
    if dropout:
        x = layers.Dropout(dropout, name="dropout")(x)
    outputs = layers.Dense(num_classes, activation="softmax", name="predictions")(x)
    return keras.Model(inputs, outputs, name=f"mobilenet_v1_{alpha:g}_{input_shape[0]}")


def make_divisible(value, divisor=8):
    """Round channels to a multiple of 8, never more than 10% down (MobileNetV2 reference code)."""
    rounded = max(divisor, int(value + divisor / 2) // divisor * divisor)
    return rounded + divisor if rounded < 0.9 * value else rounded


def inverted_residual_block(x, filters, stride, expansion, name="block"):
    """Expand with 1x1 (ReLU6), 3x3 depthwise (ReLU6), project with a linear 1x1;
    add the input when shapes match (MobileNetV2 paper, Fig. 3 and Table 1)."""
    in_channels = x.shape[-1]
    y = x
    if expansion != 1:
        y = layers.Conv2D(
            in_channels * expansion, 1, use_bias=False, name=f"{name}_expand"
        )(y)
        y = _bn_relu6(y, f"{name}_expand")
    y = layers.DepthwiseConv2D(
        3, strides=stride, padding="same", use_bias=False, name=f"{name}_dw"
    )(y)
    y = _bn_relu6(y, f"{name}_dw")
    y = layers.Conv2D(filters, 1, use_bias=False, name=f"{name}_project")(y)
    y = layers.BatchNormalization(**_BN, name=f"{name}_project_bn")(y)
    if stride == 1 and in_channels == filters:
        y = layers.Add(name=f"{name}_add")([x, y])
    return y


# (expansion t, channels c, repeats n, stride s), Table 2 of the paper.
V2_SETTINGS = (
    (1, 16, 1, 1),
    (6, 24, 2, 2),
    (6, 32, 3, 2),
    (6, 64, 4, 2),
    (6, 96, 3, 1),
    (6, 160, 3, 2),
    (6, 320, 1, 1),
)


MOBILENET_V2_CARD = ModelCard(
    title="MobileNetV2",
    family="mobilenet",
    input_shape=(224, 224, 3),
    params=Count(3_538_984, "= keras.applications.MobileNetV2; paper Table 4 (3.4M)"),
    trainable=Count(3_504_872, "keras.applications.MobileNetV2 (alpha=1, 224x224)"),
    macs=Count(
        300e6,
        "Sandler et al. 2018, Table 4: 300M multiply-adds",
        bib="sandler2018mobilenetv2",
        rel=0.01,
    ),
    keras_twin="MobileNetV2",
    preprocess="tf",
    imagenet_top1=Top1(
        71.3,
        "keras_applications",
        "keras.applications table",
        context="keras.applications' ImageNet weights, ILSVRC-2012 validation",
    ),
    small=dict(alpha=0.35, input_shape=(32, 32, 3), num_classes=5),
)


@register("mobilenet_v2", card=MOBILENET_V2_CARD)
def mobilenet_v2(alpha=1.0, input_shape=(224, 224, 3), num_classes=1000):
    """MobileNetV2: 3,538,984 parameters at alpha=1 (as keras.applications.MobileNetV2),
    300 M MACs at 224x224 (paper, Table 4)."""
    func = "mobilenet_v2"
    check_positive(func, "alpha", alpha)
    check_input_shape(func, input_shape, min_size=32)
    check_classes(func, num_classes)
    inputs = keras.Input(input_shape, name="image")
    x = layers.Conv2D(
        make_divisible(32 * alpha),
        3,
        strides=2,
        padding="same",
        use_bias=False,
        name="conv1",
    )(inputs)
    x = _bn_relu6(x, "conv1")
    index = 0
    for t, c, n, s in V2_SETTINGS:
        for i in range(n):
            index += 1
            x = inverted_residual_block(
                x,
                make_divisible(c * alpha),
                s if i == 0 else 1,
                t,
                name=f"block{index}",
            )
    last = make_divisible(1280 * alpha) if alpha > 1.0 else 1280
    x = _bn_relu6(
        layers.Conv2D(last, 1, use_bias=False, name="conv_last")(x), "conv_last"
    )
    x = layers.GlobalAveragePooling2D(name="avg_pool")(x)
    outputs = layers.Dense(num_classes, activation="softmax", name="predictions")(x)
    return keras.Model(inputs, outputs, name=f"mobilenet_v2_{alpha:g}_{input_shape[0]}")
