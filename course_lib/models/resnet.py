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


# --- pre-activation ResNets (He et al. 2016b, "Identity mappings in deep residual networks") ----
def bn_relu(x, name):
    """Batch norm then ReLU: the "pre-activation" that opens a residual branch."""
    x = layers.BatchNormalization(**BATCH_NORM, name=f"{name}_bn")(x)
    return layers.Activation("relu", name=f"{name}_relu")(x)


def _conv(x, filters, kernel, stride=1, use_bias=False, name=""):
    """A convolution; kernels above 1x1 get explicit symmetric zero padding, as
    keras.applications' ResNetV2 does, so that a stride-2 layer sees the same pixels."""
    if kernel > 1:
        pad = kernel // 2
        x = layers.ZeroPadding2D(pad, name=f"{name}_pad")(x)
    return layers.Conv2D(
        filters, kernel, strides=stride, use_bias=use_bias, name=f"{name}_conv"
    )(x)


def _preact_shortcut(x, activated, filters, stride, mode, name):
    """The shortcut of a pre-activation block. The identity where the shape is kept (the
    common case); a plain subsampling (1x1 max pooling, keras' choice) where only the
    resolution changes; option "A" (zero-padded channels) or "B" (a 1x1 projection of the
    *pre-activated* input, with a bias as in keras.applications) where the width changes."""
    width_changes = x.shape[-1] != filters
    if not width_changes:
        if stride == 1:
            return x
        return layers.MaxPooling2D(1, strides=stride, name=f"{name}_subsample")(x)
    if mode == "A":
        return PadShortcut(stride, filters - x.shape[-1], name=f"{name}_pad")(x)
    return layers.Conv2D(filters, 1, strides=stride, name=f"{name}_0_conv")(activated)


def preact_block(x, filters, stride=1, shortcut="A", name="block"):
    """Pre-activation basic block (He et al. 2016b, Fig. 4(e)): BN-ReLU-conv3x3, then
    BN-ReLU-conv3x3, then the addition, and nothing after it.

    The shortcut is a clean identity: nothing (no ReLU, no batch norm) sits between one
    block's addition and the next, so x_{l+1} = x_l + F(x_l) exactly. Where the shape
    changes, ``shortcut`` "A" zero-pads the new channels (no parameters) and "B" projects
    the pre-activated input with a 1x1 convolution. ``filters``: output channels.
    """
    activated = bn_relu(x, f"{name}_preact")
    y = _conv(activated, filters, 3, stride, name=f"{name}_1")
    y = bn_relu(y, f"{name}_1")
    y = _conv(y, filters, 3, 1, name=f"{name}_2")
    skip = _preact_shortcut(x, activated, filters, stride, shortcut, name)
    return layers.Add(name=f"{name}_out")([skip, y])


def preact_bottleneck_block(x, filters, stride=1, shortcut="B", name="block"):
    """Pre-activation bottleneck (He et al. 2016b, Fig. 4(e) with 1x1, 3x3, 1x1): BN-ReLU
    then a 1x1 convolution to ``filters`` channels, BN-ReLU-3x3 (carrying ``stride``),
    BN-ReLU-1x1 up to 4 * ``filters``, then the addition and nothing after it.

    As in keras.applications' ResNetV2, the last 1x1 convolution and a projection
    shortcut have a bias (no batch norm follows them directly); the others have none.
    """
    activated = bn_relu(x, f"{name}_preact")
    skip = _preact_shortcut(x, activated, 4 * filters, stride, shortcut, name)
    y = _conv(activated, filters, 1, 1, name=f"{name}_1")
    y = bn_relu(y, f"{name}_1")
    y = _conv(y, filters, 3, stride, name=f"{name}_2")
    y = bn_relu(y, f"{name}_2")
    y = _conv(y, 4 * filters, 1, 1, use_bias=True, name=f"{name}_3")
    return layers.Add(name=f"{name}_out")([skip, y])


def preact_resnet(depth=50, input_shape=(224, 224, 3), num_classes=1000):
    """ImageNet pre-activation ResNet (bottleneck, depths 50/101/152), laid out exactly as
    keras.applications' ResNet50V2/101V2/152V2, so the same weights fit it.

    Convention (keras', inherited from TF-slim; *not* the paper's Torch code): each stage's
    first block widens with a stride-1 projection, and the stride 2 sits in the 3x3 of the
    stage's *last* block, whose shortcut subsamples the identity. The paper's code puts the
    stride in the first block instead; the parameter count is the same either way, the
    MACs are not. conv1 (7x7, stride 2, with a bias) has no batch norm after it: the first
    block's pre-activation follows; the network ends with BN-ReLU ("post") before pooling.
    Input: images of at least 32x32 pixels, 3 channels for ImageNet weights (0-255 RGB
    scaled to [-1, 1], keras' "tf" mode). Output: ``num_classes`` softmax probabilities.
    """
    func = "preact_resnet"
    check_choice(func, "depth", depth, [d for d in sorted(IMAGENET_DEPTHS) if d >= 50])
    check_input_shape(func, input_shape, min_size=32)
    check_classes(func, num_classes)
    inputs = keras.Input(input_shape, name="image")
    x = _conv(inputs, 64, 7, 2, use_bias=True, name="conv1")
    x = layers.ZeroPadding2D(1, name="pool1_pad")(x)
    x = layers.MaxPooling2D(3, strides=2, name="pool1")(x)
    stages = IMAGENET_DEPTHS[depth]
    for stage, blocks in enumerate(stages):
        for b in range(blocks):
            last_stage = stage == len(stages) - 1
            stride = 2 if b == blocks - 1 and not last_stage else 1
            x = preact_bottleneck_block(
                x, 64 * 2**stage, stride, "B", name=f"conv{stage + 2}_block{b + 1}"
            )
    x = bn_relu(x, "post")  # the last block's addition is never activated otherwise
    x = layers.GlobalAveragePooling2D(name="avg_pool")(x)
    outputs = layers.Dense(num_classes, activation="softmax", name="predictions")(x)
    return keras.Model(inputs, outputs, name=f"preact_resnet{depth}")


def cifar_preact_resnet(
    n=18, input_shape=(32, 32, 3), num_classes=10, bottleneck=False, shortcut="A"
):
    """CIFAR-10 pre-activation ResNet (He et al. 2016b, sec. 4): a 3x3 convolution to 16
    channels, three stages on 32, 16 and 8 pixels, BN-ReLU, global average pooling.

    Basic blocks (``bottleneck=False``): 6n + 2 layers, 16/32/64 channels, the same widths
    as :func:`cifar_resnet`, so ResNet-20/56/110 and their pre-activation twins compare
    layer for layer. Bottlenecks (``bottleneck=True``): 9n + 2 layers (ResNet-164: n=18,
    ResNet-1001: n=111), 64/128/256 output channels. The stride 2 sits in the first block of
    stages 2 and 3, as in the paper's code. ``shortcut``: "A" zero-pads where the width
    changes (no parameters), "B" projects. Input: images of at least 8x8 pixels.
    """
    func = "cifar_preact_resnet"
    check_int(func, "n", n, 1)
    check_input_shape(func, input_shape, min_size=8)
    check_classes(func, num_classes)
    check_bool(func, "bottleneck", bottleneck)
    check_choice(func, "shortcut", shortcut, ("A", "B"))
    inputs = keras.Input(input_shape, name="image")
    x = _conv(
        inputs, 16, 3, 1, name="conv1"
    )  # no BN-ReLU: the first block opens with it
    block = preact_bottleneck_block if bottleneck else preact_block
    for stage, filters in enumerate((16, 32, 64)):
        for b in range(n):
            stride = 2 if b == 0 and stage > 0 else 1
            x = block(
                x, filters, stride, shortcut, name=f"stage{stage + 1}_block{b + 1}"
            )
    x = bn_relu(x, "post")
    x = layers.GlobalAveragePooling2D(name="avg_pool")(x)
    outputs = layers.Dense(num_classes, activation="softmax", name="predictions")(x)
    depth = (9 if bottleneck else 6) * n + 2
    return keras.Model(inputs, outputs, name=f"preact_resnet{depth}")


# --- pre-activation model cards -----------------------------------------------------------------
def _preact_cifar_card(depth, total, trainable):
    """Basic-block pre-activation CIFAR nets: the same trainable count as cifar_resnet's twin
    (conv1's batch norm moves to the end), but no source counts the pre-activation ones."""
    return ModelCard(
        title=f"Pre-activation ResNet-{depth} (CIFAR)",
        family="resnet",
        input_shape=(32, 32, 3),
        params=Count(total, OWN),
        trainable=Count(trainable, OWN),
    )


PREACT_CARDS = {
    20: _preact_cifar_card(20, 271_098, 269_722),
    56: _preact_cifar_card(56, 857_082, 853_018),
    110: _preact_cifar_card(110, 1_736_058, 1_727_962),
    # bottlenecks, projection (B) shortcuts where the width changes; option A gives 1,669,338
    164: ModelCard(
        title="Pre-activation ResNet-164 (CIFAR)",
        family="resnet",
        input_shape=(32, 32, 3),
        params=Count(1_735_994, OWN),
        trainable=Count(
            1.7e6,
            "He et al. 2016b, Table 4: 1.7M",
            bib="he2016identity",
            rounding=100_000,
        ),
    ),
    # keras.applications.ResNet50V2(weights=None): the same layers, parameters and MACs.
    # Not a `keras_twin` on the card (yet): imagenet_weights lists the twins it loads.
    50: ModelCard(
        title="Pre-activation ResNet-50 (ResNet50V2)",
        family="resnet",
        input_shape=(224, 224, 3),
        params=Count(
            25_613_800, "= keras.applications.ResNet50V2 (224x224, 1000 classes)"
        ),
        trainable=Count(25_568_360, "= keras.applications.ResNet50V2 (trainable)"),
        macs=Count(
            3_482_255_360, "course_lib.profile of keras.applications.ResNet50V2"
        ),
        small=_IMAGENET_SMALL,
    ),
}

for _d in (20, 56, 110):
    register(f"preact_resnet{_d}", card=PREACT_CARDS[_d], n=(_d - 2) // 6)(
        cifar_preact_resnet
    )
register(
    "preact_resnet164", card=PREACT_CARDS[164], n=18, bottleneck=True, shortcut="B"
)(cifar_preact_resnet)
register("preact_resnet50", card=PREACT_CARDS[50], depth=50)(preact_resnet)
