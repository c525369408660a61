"""Coding exercises of the architecture chapters (06-17): write the block, the check runs it.

Each asks for a block a little different from the one the chapter lists with
``inspect.getsource`` (another configuration, another stage, the option the chapter only
describes), so that the listing teaches but does not answer it. The references are
course_lib's builders with the asked-for arguments; :mod:`.blocks` compares.
"""

from __future__ import annotations

from dataclasses import replace

from .blocks import block_exercise
from .registry import register_exercise

from .part2_classic_cnns import ALEXNET, INCEPTION, LENET, MOBILENET, RESNET, VGG
from .part3_beyond_classification import AUTOENCODER, C3D, SIAMESE, TRANSFER, UNET
from .part4_after_resnet import MODERN


def _layers():
    from keras import layers

    return layers


def _lenet_c3_s4(x):
    """The modern LeNet's second stage, as lenet5_modern builds it after S2."""
    layers = _layers()
    x = layers.Conv2D(16, 5, activation="relu")(x)
    return layers.MaxPooling2D(2)(x)


def _zfnet_stem(x):
    """ZFNet's conv1 and pool1 (without the normalisation): 7x7 stride 2, 3x3 stride-2 pooling."""
    layers = _layers()
    x = layers.Conv2D(96, 7, strides=2, activation="relu")(x)
    return layers.MaxPooling2D(3, strides=2, padding="same")(x)


def _vgg_c_stage(x, filters):
    from ..models import vgg_block

    return vgg_block(x, filters, (3, 3, 1), name="ref")


def _inception_3b(x):
    from ..models import inception_module

    return inception_module(x, 128, 128, 192, 32, 96, 64, name="ref")


def _residual_projection(x, filters):
    from ..models import residual_block

    return residual_block(x, filters, stride=2, shortcut="B", name="ref")


def _inverted_residual(x, filters):
    from ..models import inverted_residual_block

    return inverted_residual_block(x, filters, stride=1, expansion=6, name="ref")


def _upsample_by_resizing(x, filters):
    from ..models.autoencoder import upsample_2x

    return upsample_2x(x, filters, "resize", name="ref")


def _unet_level_with_bn(x, filters):
    from ..models.segmentation import conv2d_block

    return conv2d_block(x, filters, batch_norm=True, name="ref")


def _koch_head(a, b):
    layers = _layers()
    from ..models.custom_layers import L1Distance

    return layers.Dense(1, activation="sigmoid")(L1Distance()([a, b]))


def _new_head(x, classes):
    layers = _layers()
    x = layers.GlobalAveragePooling2D()(x)
    x = layers.Dense(256, activation="relu")(x)
    return layers.Dense(classes, activation="softmax")(x)


def _c3d_stage(x, filters):
    from ..models.video import conv3d_block

    return conv3d_block(x, filters, 2, (2, 2, 2), name="ref")


def _se(x):
    from ..models import se_block

    return se_block(x, ratio=4, name="ref")


# Three hints per exercise, from where to start to the detail that is easiest to miss.
HINTS = {
    "lenet-code-c3-s4": (
        "Two layers, in the order the question names them: keras.layers.Conv2D, then keras.layers.MaxPooling2D.",
        "Conv2D(filters, kernel_size, activation=...) pads nothing by default ('valid'), which is what C3 does; MaxPooling2D(2) halves the side.",
        "Check the shapes by hand first: 14 - 5 + 1 = 10 after C3, 5 after S4.",
    ),
    "zfnet-code-stem": (
        "A convolution and a pooling layer; the question gives every size and stride.",
        "keras.layers.Conv2D takes strides=..., keras.layers.MaxPooling2D takes pool_size, strides and padding.",
        "The convolution keeps the default 'valid' padding; only the pooling is 'same'.",
    ),
    "vgg-code-config-c-stage": (
        "A loop over the three kernel sizes, one Conv2D each, then the pooling.",
        "Every convolution of the stage has the same number of filters and padding='same', so only the kernel size changes.",
        "The 1x1 is the last convolution, after the two 3x3s; the pooling comes after all three.",
    ),
    "inception-code-3b": (
        "Four branches read the same input x; each ends with a convolution; one Concatenate joins them.",
        "A small helper conv(y, filters, kernel) with padding='same' and ReLU keeps the four branches short.",
        "The 3x3 and 5x5 branches start with their 1x1 'reduce' convolution; the pool branch is MaxPooling2D(3, strides=1, padding='same') then a 1x1 'pool proj'.",
    ),
    "resnet-code-projection-block": (
        "Build the two paths separately from the same x, then add them.",
        "Main path: Conv2D (stride 2), BatchNormalization, ReLU, Conv2D, BatchNormalization. Shortcut: a 1x1 Conv2D with stride 2, BatchNormalization.",
        "The last ReLU comes after the addition, not before it; every Conv2D has use_bias=False.",
    ),
    "mobilenet-code-inverted-residual": (
        "Three convolutions: expand (1x1), filter (3x3 depthwise), project (1x1); each followed by batch norm.",
        "x.shape[-1] gives the input channels to expand from; keras.layers.ReLU(6.0) is ReLU6; DepthwiseConv2D(3, padding='same').",
        "The projection has no activation (it is linear), and the input is added only when the output has as many channels as the input.",
    ),
    "autoencoder-code-resize-upsampling": (
        "Two layers: one that resizes without weights, one that learns.",
        "keras.layers.UpSampling2D(2, interpolation='nearest') doubles the side.",
        "Then Conv2D(filters, 3, padding='same', activation='relu').",
    ),
    "unet-code-level-with-bn": (
        "The same three layers twice: convolution, batch normalisation, ReLU.",
        "Conv2D(filters, 3, padding='same', use_bias=False): batch norm's beta replaces the bias.",
        "The ReLU comes after the batch normalisation, in both repetitions.",
    ),
    "siamese-code-distance-head": (
        "The head takes two tensors and returns one probability per pair.",
        "keras.ops.abs(a - b) is the component-wise L1 distance.",
        "A Dense layer of one unit with a sigmoid weighs the distance's components.",
    ),
    "transfer-code-new-head": (
        "Three layers: pool the map to a vector, then two dense layers.",
        "keras.layers.GlobalAveragePooling2D() turns 7x7x512 into 512 values.",
        "Dense(256, activation='relu'), then Dense(classes, activation='softmax').",
    ),
    "c3d-code-stage": (
        "The 3-D version of a VGG stage: two convolutions, then one pooling.",
        "keras.layers.Conv3D(filters, 3, padding='same', activation='relu') uses a 3x3x3 kernel.",
        "keras.layers.MaxPooling3D(2) halves frames, height and width together.",
    ),
    "se-code-block": (
        "Squeeze, excite, rescale: three steps, the last one combining x with the weights.",
        "GlobalAveragePooling2D(keepdims=True) keeps a 1x1 spatial map, so the weights broadcast over x.",
        "Dense(channels // 4, activation='relu'), Dense(channels, activation='sigmoid'), then keras.layers.Multiply()([x, weights]).",
    ),
}

CODING_EXERCISES = [
    block_exercise(
        "lenet-code-c3-s4",
        LENET,
        "Write the modern LeNet-5's second stage as a function `stage(x)`: C3, a 5x5 'valid' "
        "convolution with 16 filters and ReLU, then S4, 2x2 max pooling. It is checked on S2's "
        "14x14x6 maps.",
        _lenet_c3_s4,
        (14, 14, 6),
    ),
    block_exercise(
        "zfnet-code-stem",
        ALEXNET,
        "Write ZFNet's first stage as a function `stem(x)`: 96 filters of 7x7 with stride 2 and "
        "ReLU ('valid'), then 3x3 max pooling with stride 2 and 'same' padding (leave out the "
        "normalisation). It is checked on a 224x224x3 image.",
        _zfnet_stem,
        (224, 224, 3),
    ),
    block_exercise(
        "vgg-code-config-c-stage",
        VGG,
        "Configuration C ends its third, fourth and fifth stages with a 1x1 convolution. Write "
        "`stage(x, filters)`: two 3x3 convolutions, then one 1x1 convolution, all with `filters` "
        "filters, 'same' padding and ReLU, then 2x2 max pooling. It is checked with 256 filters "
        "on a 56x56x128 map.",
        _vgg_c_stage,
        (56, 56, 128),
        256,
    ),
    block_exercise(
        "inception-code-3b",
        INCEPTION,
        "Write GoogLeNet's module 3b as `module(x)` from Table 1's row: #1x1 128; #3x3 reduce 128, "
        "#3x3 192; #5x5 reduce 32, #5x5 96; pool proj 64. Every convolution has 'same' padding and "
        "ReLU; the pooling is 3x3 with stride 1 and 'same' padding; the branches are concatenated "
        "in that order. It is checked on module 3a's 28x28x256 output.",
        _inception_3b,
        (28, 28, 256),
    ),
    block_exercise(
        "resnet-code-projection-block",
        RESNET,
        "Write `block(x, filters)`, a basic residual block that halves the map and changes the "
        "width, with a projection shortcut (option B): conv 3x3 stride 2, BN, ReLU, conv 3x3, BN "
        "on the main path (convolutions without bias, 'same' padding); a 1x1 stride-2 convolution "
        "without bias and BN on the shortcut; add, then ReLU. It is checked with 128 filters on a "
        "16x16x64 map.",
        _residual_projection,
        (16, 16, 64),
        128,
    ),
    block_exercise(
        "mobilenet-code-inverted-residual",
        MOBILENET,
        "Write MobileNetV2's inverted residual block with stride 1 as `block(x, filters)`, with "
        "expansion 6: a 1x1 convolution to 6 times the input channels, BN, ReLU6; a 3x3 depthwise "
        "convolution, BN, ReLU6; a 1x1 projection to `filters`, BN, no activation; the input added "
        "when the shapes match (convolutions without bias, 'same' padding). It is checked with 24 "
        "filters on a 28x28x24 map.",
        _inverted_residual,
        (28, 28, 24),
        24,
    ),
    block_exercise(
        "autoencoder-code-resize-upsampling",
        AUTOENCODER,
        "Write the decoder's other upsampling step as `up(x, filters)`: nearest-neighbour resizing "
        "to twice the side, then a 3x3 convolution with 'same' padding and ReLU. It is checked with "
        "16 filters on a 7x7x1 map.",
        _upsample_by_resizing,
        (7, 7, 1),
        16,
    ),
    block_exercise(
        "unet-code-level-with-bn",
        UNET,
        "Write one U-Net level's convolutions with batch normalisation as `level(x, filters)`: "
        "twice (3x3 convolution without bias and with 'same' padding, BN, ReLU). It is checked with "
        "64 filters on a 32x32x32 map.",
        _unet_level_with_bn,
        (32, 32, 32),
        64,
    ),
    block_exercise(
        "siamese-code-distance-head",
        SIAMESE,
        "Write Koch et al.'s distance head as `head(a, b)` on two embeddings: their component-wise "
        "absolute difference, weighed by one sigmoid unit. It is checked on two embeddings of "
        "length 64.",
        _koch_head,
        [(64,), (64,)],
    ),
    block_exercise(
        "transfer-code-new-head",
        TRANSFER,
        "Write a new head for a frozen feature extractor as `head(x, classes)`: global average "
        "pooling, a dense layer of 256 units with ReLU, and a softmax layer of `classes` units. It "
        "is checked with 5 classes on a 7x7x512 feature map.",
        _new_head,
        (7, 7, 512),
        5,
    ),
    block_exercise(
        "c3d-code-stage",
        C3D,
        "Write one of C3D's later stages as `stage(x, filters)`: two 3x3x3 convolutions with "
        "`filters` filters, 'same' padding and ReLU, then 2x2x2 max pooling. It is checked with "
        "128 filters on an 8x14x14x64 clip (frames, height, width, channels).",
        _c3d_stage,
        (8, 14, 14, 64),
        128,
    ),
    block_exercise(
        "se-code-block",
        MODERN,
        "Write a squeeze-and-excitation block with reduction ratio 4 as `se(x)`: global average "
        "pooling per channel (keeping the 1x1 spatial axes), a dense layer to a quarter of the "
        "channels with ReLU, a dense layer back to all channels with a sigmoid, and the input "
        "multiplied channel by channel by those weights. It is checked on a 14x14x64 map.",
        _se,
        (14, 14, 64),
    ),
]

CODING_EXERCISES = [replace(ex, hints=HINTS[ex.id]) for ex in CODING_EXERCISES]
for _ex in CODING_EXERCISES:
    register_exercise(_ex)
