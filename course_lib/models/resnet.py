"""ResNets (He et al. 2016): ImageNet 18-152, plain baselines, and the CIFAR family."""

from __future__ import annotations

import keras
from keras import layers

from .._validate import (
    check_bool,
    check_choice,
    check_classes,
    check_input_shape,
    check_int,
)
from ._cards import OWN, Count, ModelCard, Top1
from ._registry import register
from .custom_layers import PadShortcut

BATCH_NORM = dict(epsilon=1.001e-5, momentum=0.9)  # as keras.applications.ResNet


def conv_bn(x, filters, kernel, stride=1, activation="relu", name=""):
    """Convolution without bias, then batch norm, then (optionally) ReLU.

    The bias is left out because batch norm subtracts the mean right after,
    which cancels any constant the bias adds; BN's beta plays its role.
    """
    x = layers.Conv2D(
        filters,
        kernel,
        strides=stride,
        padding="same",
        use_bias=False,
        name=f"{name}_conv",
    )(x)
    x = layers.BatchNormalization(**BATCH_NORM, name=f"{name}_bn")(x)
    return layers.Activation(activation, name=f"{name}_relu")(x) if activation else x


def shortcut_branch(x, filters, stride, mode, name):
    """The branch added to a block's output: the input itself when the shape is kept; otherwise
    option "A" (subsample, zero-pad the new channels, no parameters) or "B" (a strided 1x1
    projection with batch norm). He et al. 2016, section 3.3."""
    if stride == 1 and x.shape[-1] == filters:
        return x
    if mode == "A":
        return PadShortcut(stride, filters - x.shape[-1], name=f"{name}_pad")(x)
    return conv_bn(x, filters, 1, stride, activation=None, name=f"{name}_proj")


def residual_block(x, filters, stride=1, shortcut="B", residual=True, name="block"):
    """Basic block: two 3x3 conv-BN layers, plus the input (He et al. 2016, Fig. 2).

    shortcut: "B" projects with a 1x1 conv when the shape changes (ImageNet);
    "A" subsamples and pads channels with zeros (CIFAR, no parameters).
    residual=False gives the plain network's block (no addition).
    """
    y = conv_bn(x, filters, 3, stride, name=f"{name}_1")
    y = conv_bn(y, filters, 3, 1, activation=None, name=f"{name}_2")
    if residual:
        y = layers.Add(name=f"{name}_add")(
            [shortcut_branch(x, filters, stride, shortcut, name), y]
        )
    return layers.Activation("relu", name=f"{name}_out")(y)


def bottleneck_block(
    x, filters, stride=1, stride_in_1x1=True, residual=True, name="block"
):
    """Bottleneck: 1x1 reduce, 3x3, 1x1 expand to 4x filters (He et al. 2016, Fig. 5).

    stride_in_1x1=True downsamples in the first 1x1 as the paper does
    (ResNet-50: 3.86 G MACs); False moves the stride to the 3x3, the later
    "v1.5" variant (4.1 G MACs, slightly more accurate).
    """
    s1, s3 = (stride, 1) if stride_in_1x1 else (1, stride)
    y = conv_bn(x, filters, 1, s1, name=f"{name}_1")
    y = conv_bn(y, filters, 3, s3, name=f"{name}_2")
    y = conv_bn(y, 4 * filters, 1, 1, activation=None, name=f"{name}_3")
    if residual:
        y = layers.Add(name=f"{name}_add")(
            [shortcut_branch(x, 4 * filters, stride, "B", name), y]
        )
    return layers.Activation("relu", name=f"{name}_out")(y)


IMAGENET_DEPTHS = {
    18: (2, 2, 2, 2),
    34: (3, 4, 6, 3),
    50: (3, 4, 6, 3),
    101: (3, 4, 23, 3),
    152: (3, 8, 36, 3),
}


def resnet(
    depth=50,
    input_shape=(224, 224, 3),
    num_classes=1000,
    residual=True,
    stride_in_1x1=True,
):
    """ImageNet ResNet (Table 1 of the paper) or, with residual=False, its plain twin."""
    func = "resnet"
    check_choice(func, "depth", depth, sorted(IMAGENET_DEPTHS))
    check_input_shape(func, input_shape, min_size=32)
    check_classes(func, num_classes)
    check_bool(func, "residual", residual)
    check_bool(func, "stride_in_1x1", stride_in_1x1)
    inputs = keras.Input(input_shape, name="image")
    x = conv_bn(inputs, 64, 7, 2, name="conv1")
    x = layers.MaxPooling2D(3, strides=2, padding="same", name="pool1")(x)
    for stage, blocks in enumerate(IMAGENET_DEPTHS[depth]):
        filters = 64 * 2**stage
        for b in range(blocks):
            stride = 2 if b == 0 and stage > 0 else 1
            name = f"conv{stage + 2}_block{b + 1}"
            if depth >= 50:
                x = bottleneck_block(x, filters, stride, stride_in_1x1, residual, name)
            else:
                x = residual_block(x, filters, stride, "B", residual, name)
    x = layers.GlobalAveragePooling2D(name="avg_pool")(x)
    outputs = layers.Dense(num_classes, activation="softmax", name="predictions")(x)
    return keras.Model(
        inputs, outputs, name=f"{'resnet' if residual else 'plain'}{depth}"
    )


def cifar_resnet(n=3, input_shape=(32, 32, 3), num_classes=10, residual=True):
    """CIFAR-10 ResNet with 6n+2 layers (He et al. 2016, sec. 4.2): 16, 32, 64
    filters on 32, 16, 8 pixels, option-A (parameter-free) shortcuts."""
    func = "cifar_resnet"
    check_int(func, "n", n, 1)
    check_input_shape(func, input_shape, min_size=8)
    check_classes(func, num_classes)
    check_bool(func, "residual", residual)
    inputs = keras.Input(input_shape, name="image")
    x = conv_bn(inputs, 16, 3, 1, name="conv1")
    for stage, filters in enumerate((16, 32, 64)):
        for b in range(n):
            stride = 2 if b == 0 and stage > 0 else 1
            x = residual_block(
                x, filters, stride, "A", residual, name=f"stage{stage + 1}_block{b + 1}"
            )
    x = layers.GlobalAveragePooling2D(name="avg_pool")(x)
    outputs = layers.Dense(num_classes, activation="softmax", name="predictions")(x)
    return keras.Model(
        inputs, outputs, name=f"{'resnet' if residual else 'plain'}{6 * n + 2}"
    )


# --- model cards ------------------------------------------------------------------------------
_IMAGENET_SMALL = dict(input_shape=(32, 32, 3), num_classes=5)
_KERAS_TOP1 = "keras.applications' ImageNet weights, ILSVRC-2012 validation"


def _macs_table_1(gmacs):
    """He et al. 2016, Table 1 "FLOPs" are multiply-adds, rounded down to 2 digits."""
    return Count(
        gmacs * 1e9,
        f"He et al. 2016, Table 1: {gmacs} x 10^9 FLOPs (multiply-adds); Pedersen's notes",
        bib="he2016deep",
        rel=0.02,
    )


def _imagenet_card(depth, total, trainable, source, gmacs, **extra):
    """An ImageNet ResNet: total = trainable + batch-norm moving statistics, which no source counts."""
    return ModelCard(
        title=f"ResNet-{depth}",
        family="resnet",
        input_shape=(224, 224, 3),
        params=Count(total, OWN),
        trainable=Count(trainable, source),
        macs=_macs_table_1(gmacs),
        small=_IMAGENET_SMALL,
        **extra,
    )


def _keras_top1(accuracy):
    return Top1(
        accuracy, "keras_applications", "keras.applications table", context=_KERAS_TOP1
    )


IMAGENET_CARDS = {
    18: _imagenet_card(
        18,
        11_699_112,
        11_689_512,
        "He et al. 2016 Table 1; torchvision resnet18 11,689,512",
        1.8,
    ),
    34: _imagenet_card(
        34, 21_814_696, 21_797_672, "torchvision resnet34 21,797,672", 3.6
    ),
    50: _imagenet_card(
        50,
        25_610_152,
        25_557_032,
        "torchvision resnet50 25,557,032",
        3.8,
        keras_twin="ResNet50",
        preprocess="caffe",
        imagenet_top1=_keras_top1(74.9),
    ),
    101: _imagenet_card(
        101,
        44_654_504,
        44_549_160,
        "torchvision resnet101 44,549,160",
        7.6,
        imagenet_top1=_keras_top1(76.4),
    ),
    152: _imagenet_card(
        152,
        60_344_232,
        60_192_808,
        "torchvision resnet152 60,192,808",
        11.3,
        imagenet_top1=_keras_top1(76.6),
    ),
}

# The plain baselines: no source counts them; test_models.py checks that they are their ResNet
# minus the projection shortcuts (ImageNet) or exactly their ResNet (CIFAR, option A).
PLAIN_CARDS = {
    18: ModelCard(
        title="Plain-18",
        family="resnet",
        input_shape=(224, 224, 3),
        params=Count(11_523_496, OWN),
        trainable=Count(11_515_688, OWN),
        small=_IMAGENET_SMALL,
    ),
    34: ModelCard(
        title="Plain-34",
        family="resnet",
        input_shape=(224, 224, 3),
        params=Count(21_639_080, OWN),
        trainable=Count(21_623_848, OWN),
        small=_IMAGENET_SMALL,
    ),
    20: ModelCard(
        title="Plain-20 (CIFAR)",
        family="resnet",
        input_shape=(32, 32, 3),
        params=Count(271_098, OWN),
        trainable=Count(269_722, OWN),
    ),
    56: ModelCard(
        title="Plain-56 (CIFAR)",
        family="resnet",
        input_shape=(32, 32, 3),
        params=Count(857_082, OWN),
        trainable=Count(853_018, OWN),
    ),
}


def _cifar_card(depth, total, table_6):
    """He et al. 2016, Table 6 gives trainable parameters in millions (option A shortcuts)."""
    rounding = (
        100_000 if table_6 >= 1 else 10_000
    )  # "1.7M" has one decimal, "0.27M" two
    return ModelCard(
        title=f"ResNet-{depth} (CIFAR)",
        family="resnet",
        input_shape=(32, 32, 3),
        params=Count(total, OWN),
        trainable=Count(
            table_6 * 1e6,
            f"He et al. 2016, Table 6: {table_6}M",
            bib="he2016deep",
            rounding=rounding,
        ),
    )


CIFAR_CARDS = {
    20: _cifar_card(20, 271_098, 0.27),
    32: _cifar_card(32, 466_426, 0.46),
    44: _cifar_card(44, 661_754, 0.66),
    56: _cifar_card(56, 857_082, 0.85),
    110: _cifar_card(110, 1_736_058, 1.7),
}

for _d, _card in IMAGENET_CARDS.items():
    register(f"resnet{_d}", card=_card, depth=_d)(resnet)
for _d in (18, 34):
    register(f"plain{_d}", card=PLAIN_CARDS[_d], depth=_d, residual=False)(resnet)
for _d, _card in CIFAR_CARDS.items():
    register(f"resnet{_d}", card=_card, n=(_d - 2) // 6)(cifar_resnet)
for _d in (20, 56):
    register(f"plain{_d}", card=PLAIN_CARDS[_d], n=(_d - 2) // 6, residual=False)(
        cifar_resnet
    )
