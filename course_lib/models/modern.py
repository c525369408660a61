"""Five ideas of the CNNs after ResNet (Kira's list), one block each, plus
the two whole networks that keras.applications lacks (SE-ResNet-50, ResNeXt-50).

* ``se_block``: squeeze-and-excitation, channel attention (Hu et al. 2018);
* ``resnext_block``: a bottleneck with a grouped 3x3, "cardinality" (Xie et al. 2017);
* ``dense_block`` / ``transition``: every layer sees all earlier maps (Huang et al. 2017);
* ``mbconv_block``: inverted residual + squeeze-excitation + swish (Tan & Le 2019);
* ``convnext_block``: depthwise 7x7, LayerNorm, 4x MLP with GELU (Liu et al. 2022).

DenseNet-121, EfficientNet-B0 and ConvNeXt-T come from keras.applications
(``weights=None`` downloads nothing); the chapter profiles them.
"""

from __future__ import annotations

import keras
from keras import layers

from .._validate import (
    check_choice,
    check_classes,
    check_input_shape,
    check_int,
    check_number,
)
from ._cards import OWN, Count, ModelCard, Top1
from . import alexnet_zfnet, inception, mobilenet, vgg  # noqa: F401  (the survey below reads their cards: register them first)
from ._registry import card, register
from .custom_layers import LayerScale
from .resnet import BATCH_NORM, conv_bn, shortcut_branch


def se_block(x, ratio=16, name="se"):
    """Squeeze (global average per channel), excite (two dense layers, C -> C/ratio -> C,
    ReLU then sigmoid), and rescale every channel by its weight in (0, 1)."""
    channels = x.shape[-1]
    s = layers.GlobalAveragePooling2D(keepdims=True, name=f"{name}_squeeze")(x)
    s = layers.Dense(
        max(1, channels // ratio), activation="relu", name=f"{name}_reduce"
    )(s)
    s = layers.Dense(channels, activation="sigmoid", name=f"{name}_expand")(s)
    return layers.Multiply(name=f"{name}_scale")([x, s])


def resnext_block(x, width, cardinality=32, stride=1, name="block"):
    """ResNeXt bottleneck (Xie et al. 2017, Fig. 3c): 1x1 to ``width`` channels, a 3x3
    convolution in ``cardinality`` groups (each width/cardinality channels wide),
    1x1 to 2 x width; the shortcut adds the input. 32 groups of 4 on a 256-channel
    input: 70,144 weights, like ResNet's 64-wide bottleneck (69,632)."""
    y = conv_bn(x, width, 1, name=f"{name}_1")
    y = layers.Conv2D(
        width,
        3,
        strides=stride,
        padding="same",
        groups=cardinality,
        use_bias=False,
        name=f"{name}_2_conv",
    )(y)
    y = layers.Activation("relu", name=f"{name}_2_relu")(
        layers.BatchNormalization(**BATCH_NORM, name=f"{name}_2_bn")(y)
    )
    y = conv_bn(y, 2 * width, 1, activation=None, name=f"{name}_3")
    y = layers.Add(name=f"{name}_add")(
        [shortcut_branch(x, 2 * width, stride, "B", name), y]
    )
    return layers.Activation("relu", name=f"{name}_out")(y)


def se_bottleneck_block(x, filters, stride=1, ratio=16, name="block"):
    """ResNet's bottleneck with an SE block on the residual branch before the addition
    (Hu et al. 2018, Fig. 3, right)."""
    y = conv_bn(x, filters, 1, stride, name=f"{name}_1")
    y = conv_bn(y, filters, 3, name=f"{name}_2")
    y = conv_bn(y, 4 * filters, 1, activation=None, name=f"{name}_3")
    y = se_block(y, ratio, name=f"{name}_se")
    y = layers.Add(name=f"{name}_add")(
        [shortcut_branch(x, 4 * filters, stride, "B", name), y]
    )
    return layers.Activation("relu", name=f"{name}_out")(y)


def dense_block(x, n_layers, growth_rate=32, name="dense"):
    """DenseNet-BC block: each layer is BN-ReLU-1x1 conv (4k) - BN-ReLU-3x3 conv (k) and
    its k new maps are concatenated to everything before, so layer i sees C + i*k maps."""
    for i in range(1, n_layers + 1):
        y = layers.BatchNormalization(epsilon=1.001e-5, name=f"{name}_{i}_bn1")(x)
        y = layers.Conv2D(4 * growth_rate, 1, use_bias=False, name=f"{name}_{i}_conv1")(
            layers.ReLU()(y)
        )
        y = layers.BatchNormalization(epsilon=1.001e-5, name=f"{name}_{i}_bn2")(y)
        y = layers.Conv2D(
            growth_rate, 3, padding="same", use_bias=False, name=f"{name}_{i}_conv2"
        )(layers.ReLU()(y))
        x = layers.Concatenate(name=f"{name}_{i}_concat")([x, y])
    return x


def transition(x, compression=0.5, name="transition"):
    """Between dense blocks: BN-ReLU, a 1x1 convolution keeping ``compression`` of the
    channels, and 2x2 average pooling."""
    y = layers.ReLU(name=f"{name}_relu")(
        layers.BatchNormalization(epsilon=1.001e-5, name=f"{name}_bn")(x)
    )
    y = layers.Conv2D(
        int(x.shape[-1] * compression), 1, use_bias=False, name=f"{name}_conv"
    )(y)
    return layers.AveragePooling2D(2, name=f"{name}_pool")(y)


def mbconv_block(
    x, filters, expand_ratio=6, kernel=3, stride=1, se_ratio=0.25, name="mbconv"
):
    """EfficientNet's MBConv: 1x1 expansion (skipped when expand_ratio is 1), depthwise
    kxk, squeeze-excitation sized on the *input* channels, linear 1x1 projection, all
    with swish; a residual when shapes match (drop-connect is left out)."""
    channels = x.shape[-1]
    y = x
    if expand_ratio != 1:
        y = layers.Conv2D(
            channels * expand_ratio, 1, use_bias=False, name=f"{name}_expand_conv"
        )(y)
        y = layers.Activation("swish", name=f"{name}_expand_swish")(
            layers.BatchNormalization(name=f"{name}_expand_bn")(y)
        )
    y = layers.DepthwiseConv2D(
        kernel, strides=stride, padding="same", use_bias=False, name=f"{name}_dwconv"
    )(y)
    y = layers.Activation("swish", name=f"{name}_swish")(
        layers.BatchNormalization(name=f"{name}_bn")(y)
    )
    s = layers.GlobalAveragePooling2D(keepdims=True, name=f"{name}_se_squeeze")(y)
    s = layers.Conv2D(
        max(1, int(channels * se_ratio)),
        1,
        activation="swish",
        name=f"{name}_se_reduce",
    )(s)
    s = layers.Conv2D(y.shape[-1], 1, activation="sigmoid", name=f"{name}_se_expand")(s)
    y = layers.Multiply(name=f"{name}_se_excite")([y, s])
    y = layers.BatchNormalization(name=f"{name}_project_bn")(
        layers.Conv2D(filters, 1, use_bias=False, name=f"{name}_project_conv")(y)
    )
    if stride == 1 and channels == filters:
        y = layers.Add(name=f"{name}_add")([x, y])
    return y


def convnext_block(x, name="convnext"):
    """ConvNeXt block: depthwise 7x7, LayerNorm, pointwise 4x expansion (a Dense on the
    channel axis) with GELU, projection back, layer scale, and the residual addition."""
    dim = x.shape[-1]
    y = layers.DepthwiseConv2D(7, padding="same", name=f"{name}_dwconv")(x)
    y = layers.LayerNormalization(epsilon=1e-6, name=f"{name}_ln")(y)
    y = layers.Dense(4 * dim, activation="gelu", name=f"{name}_expand")(y)
    y = layers.Dense(dim, name=f"{name}_project")(y)
    return layers.Add(name=f"{name}_add")([x, LayerScale(name=f"{name}_scale")(y)])


RESNET50_STAGES = (3, 4, 6, 3)


def _bottleneck_network(block, input_shape, num_classes, name):
    """ResNet-50's stem, stages and head with ``block(x, stage, stride, name)`` as the unit."""
    check_input_shape(name, input_shape, min_size=32)
    check_classes(name, num_classes)
    inputs = keras.Input(input_shape, name="image")
    x = conv_bn(inputs, 64, 7, 2, name="conv1")
    x = layers.MaxPooling2D(3, strides=2, padding="same", name="pool1")(x)
    for stage, blocks in enumerate(RESNET50_STAGES):
        for b in range(blocks):
            x = block(
                x,
                stage,
                2 if b == 0 and stage > 0 else 1,
                f"conv{stage + 2}_block{b + 1}",
            )
    x = layers.GlobalAveragePooling2D(name="avg_pool")(x)
    return keras.Model(
        inputs,
        layers.Dense(num_classes, activation="softmax", name="predictions")(x),
        name=name,
    )


SE_RESNET50_CARD = ModelCard(
    title="SE-ResNet-50",
    family="resnet",
    input_shape=(224, 224, 3),
    params=Count(28_141_144, OWN),
    trainable=Count(
        28_088_024,
        "Hu et al. 2018: 28.1 M; the exact figure is course_lib's",
        bib="hu2018squeeze",
    ),
    imagenet_top1=Top1(
        76.7,
        "hu2018squeeze",
        "Table 2: 23.29% top-1 error",
        context="single model, single 224x224 crop, ILSVRC-2012 validation",
    ),
    small=dict(input_shape=(32, 32, 3), num_classes=5),
)


@register("se_resnet50", card=SE_RESNET50_CARD)
def se_resnet50(input_shape=(224, 224, 3), num_classes=1000, ratio=16):
    """SE-ResNet-50 (Hu et al. 2018): ResNet-50 with an SE block (reduction ``ratio``) in every bottleneck."""
    check_int("se_resnet50", "ratio", ratio, 1)
    return _bottleneck_network(
        lambda x, stage, stride, name: se_bottleneck_block(
            x, 64 * 2**stage, stride, ratio, name
        ),
        input_shape,
        num_classes,
        "se_resnet50",
    )


RESNEXT50_CARD = ModelCard(
    title="ResNeXt-50 (32x4d)",
    family="resnet",
    input_shape=(224, 224, 3),
    params=Count(25_097_128, OWN),
    trainable=Count(
        25_028_904,
        "Xie et al. 2017, Table 1: 25.0 M; the exact figure is course_lib's",
        bib="xie2017aggregated",
    ),
    imagenet_top1=Top1(
        77.8,
        "xie2017aggregated",
        "Table 3: 22.2% top-1 error",
        context="single model, single 224x224 crop, ImageNet-1K validation",
    ),
    small=dict(input_shape=(32, 32, 3), num_classes=5),
)


@register("resnext50", card=RESNEXT50_CARD)
def resnext50(
    input_shape=(224, 224, 3), num_classes=1000, cardinality=32, group_width=4
):
    """ResNeXt-50 (32x4d by default; Xie et al. 2017, Table 1): ResNet-50 with grouped bottlenecks,
    twice as wide inside (128 channels in the first stage) and the stride in the 3x3."""
    check_choice("resnext50", "cardinality", cardinality, (1, 2, 4, 8, 16, 32, 64))
    check_int("resnext50", "group_width", group_width, 1)
    width = cardinality * group_width
    return _bottleneck_network(
        lambda x, stage, stride, name: resnext_block(
            x, width * 2**stage, cardinality, stride, name
        ),
        input_shape,
        num_classes,
        "resnext50",
    )


# The published top-1 of the three networks the course takes from keras.applications instead of
# building (they have no model card): name -> (spec, Top1).
KERAS_ONLY_TOP1 = {
    "DenseNet-121": (
        "keras:DenseNet121",
        Top1(
            75.0,
            "keras_applications",
            "keras.applications table",
            context="keras.applications' ImageNet weights, ILSVRC-2012 validation",
        ),
    ),
    "EfficientNet-B0": (
        "keras:EfficientNetB0",
        Top1(
            77.1,
            "tan2019efficientnet",
            "Table 2",
            context="single model, single crop, ILSVRC-2012 validation",
        ),
    ),
    "ConvNeXt-T": (
        "keras:ConvNeXtTiny",
        Top1(
            82.1,
            "liu2022convnet",
            "Table 1 (ImageNet-1K)",
            context="single model, ImageNet-1K validation, 224x224",
        ),
    ),
}

# Chapter 17's survey: which networks, in which order (its stored table follows this order).
SURVEY = (
    "alexnet",
    "vgg16",
    "googlenet",
    "resnet50",
    "resnet101",
    "resnet152",
    "inception_v3",
    "mobilenet_v1",
    "mobilenet_v2",
    "DenseNet-121",
    "se_resnet50",
    "resnext50",
    "EfficientNet-B0",
    "ConvNeXt-T",
)


def _survey_row(entry):
    """(label, (spec, top-1 %, BibTeX key, where)) for a registered name (from its card) or a KERAS_ONLY_TOP1 label."""
    if entry in KERAS_ONLY_TOP1:
        spec, top1 = KERAS_ONLY_TOP1[entry]
        return entry, (spec, top1.accuracy, top1.bib, top1.where)
    model_card = card(entry)
    top1 = model_card.imagenet_top1
    if top1 is None:
        raise ValueError(
            f"SURVEY lists {entry!r}, whose model card has no ImageNet top-1"
        )
    return model_card.title, (entry, top1.accuracy, top1.bib, top1.where)


# Published ImageNet top-1 accuracies, %, read from the model cards (context in each card's Top1):
# label -> (how to build it, top-1, BibTeX key of the source, where in the source).
IMAGENET_TOP1 = dict(_survey_row(entry) for entry in SURVEY)


def build_for_comparison(spec: str) -> keras.Model:
    """A course model by registry name, or ``"keras:Name"`` for a keras.applications model
    built without weights (nothing is downloaded)."""
    from ._registry import build

    if spec.startswith("keras:"):
        return getattr(keras.applications, spec.removeprefix("keras:"))(weights=None)
    return build(spec)


# --- RegNet (Radosavovic et al. 2020): the quantised linear rule for stage widths ---------

# Parameters (w0, wa, wm, depth, group width) of the RegNetX models, as listed in the paper's
# appendix and released with the authors' code (pycls).
REGNETX_PARAMS = {
    "RegNetX-200MF": (24, 36.44, 2.49, 13, 8),
    "RegNetX-400MF": (24, 24.48, 2.54, 22, 16),
    "RegNetX-600MF": (48, 36.97, 2.24, 16, 24),
    "RegNetX-800MF": (56, 35.73, 2.28, 16, 16),
    "RegNetX-1.6GF": (80, 34.01, 2.25, 18, 24),
    "RegNetX-3.2GF": (88, 26.31, 2.25, 25, 48),
}

# Stage depths and widths of the same models as tf.keras 2 stores them (MODEL_CONFIGS in
# keras/applications/regnet.py; Keras 3 ships no RegNet).
REGNETX_KERAS_TABLE = {
    "RegNetX-200MF": ([1, 1, 4, 7], [24, 56, 152, 368]),
    "RegNetX-400MF": ([1, 2, 7, 12], [32, 64, 160, 384]),
    "RegNetX-600MF": ([1, 3, 5, 7], [48, 96, 240, 528]),
    "RegNetX-800MF": ([1, 3, 7, 5], [64, 128, 288, 672]),
    "RegNetX-1.6GF": ([2, 4, 10, 2], [72, 168, 408, 912]),
    "RegNetX-3.2GF": ([2, 6, 15, 2], [96, 192, 432, 1008]),
}


def regnet_stages(w0, wa, wm, depth, q=8, group_width=None):
    """Stage widths and depths of a RegNet from its four parameters (Radosavovic et al. 2020).

    Block j (0 to depth - 1) gets the continuous width u_j = w0 + wa * j; s_j is the
    exponent that brings w0 * wm**s_j closest to u_j (s_j = round(log(u_j / w0) / log wm)),
    the block's width is w0 * wm**s_j rounded to a multiple of ``q``, and consecutive blocks
    of equal width form a stage. With ``group_width``, each stage width is then rounded to
    a multiple of its group width (at most the width itself), as the released models do.

    Returns ``(widths, depths)``, two lists with one entry per stage. For RegNetX-200MF,
    ``regnet_stages(24, 36.44, 2.49, 13)`` gives ``([24, 56, 152, 368], [1, 1, 4, 7])``.
    """
    import math

    func = "regnet_stages"
    q = check_int(func, "q", q, 1)
    depth = check_int(func, "depth", depth, 1)
    w0 = check_number(func, "w0", w0, above=0, what="the first block's width")
    wa = check_number(
        func, "wa", wa, at_least=0, what="the slope, width added per block"
    )
    wm = check_number(
        func, "wm", wm, above=1, what="the width multiplier between stages"
    )
    if w0 % q:
        raise ValueError(
            f"{func}: `w0` (the first block's width) must be a positive multiple of "
            f"q = {q}, got {w0:g}"
        )
    if group_width is not None:
        group_width = check_int(func, "group_width", group_width, 1)
    widths, depths = [], []
    for j in range(depth):
        u = w0 + wa * j
        s = round(math.log(u / w0) / math.log(wm))
        w = int(round(w0 * wm**s / q)) * q
        if widths and widths[-1] == w:
            depths[-1] += 1
        else:
            widths.append(w)
            depths.append(1)
    if group_width is not None:
        groups = [min(group_width, w) for w in widths]
        widths = [max(g, int(round(w / g)) * g) for w, g in zip(widths, groups)]
    return widths, depths
