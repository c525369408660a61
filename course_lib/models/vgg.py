"""VGG configurations A-E (Simonyan & Zisserman 2015, Table 1)."""

from __future__ import annotations

import keras
from keras import layers

from .._validate import check_choice, check_classes, check_fraction, check_input_shape
from ._heads import dense_classifier
from ._cards import Count, ModelCard, Top1
from ._registry import register

# Per block: a list of convolutions, 3 = 3x3 and 1 = 1x1 (config C only).
CONFIGS = {
    "A": ((3,), (3,), (3, 3), (3, 3), (3, 3)),
    "B": ((3, 3), (3, 3), (3, 3), (3, 3), (3, 3)),
    "C": ((3, 3), (3, 3), (3, 3, 1), (3, 3, 1), (3, 3, 1)),
    "D": ((3, 3), (3, 3), (3, 3, 3), (3, 3, 3), (3, 3, 3)),
    "E": ((3, 3), (3, 3), (3, 3, 3, 3), (3, 3, 3, 3), (3, 3, 3, 3)),
}
WIDTHS = (64, 128, 256, 512, 512)


def vgg_block(x, filters, kernels, name, batch_norm=False):
    """Convolutions with 'same' padding and ReLU, then 2x2 max pooling.

    ``batch_norm=True`` (not in the paper, which predates it) puts a
    BatchNormalization layer between each convolution and its ReLU, the placement
    of Ioffe and Szegedy; the convolution then has no bias, since BN's beta
    replaces it. The default builds the paper's block unchanged.
    """
    for i, k in enumerate(kernels, start=1):
        if not batch_norm:
            x = layers.Conv2D(
                filters, k, padding="same", activation="relu", name=f"{name}_conv{i}"
            )(x)
            continue
        x = layers.Conv2D(
            filters, k, padding="same", use_bias=False, name=f"{name}_conv{i}"
        )(x)
        x = layers.BatchNormalization(name=f"{name}_bn{i}")(x)
        x = layers.Activation("relu", name=f"{name}_relu{i}")(x)
    return layers.MaxPooling2D(2, name=f"{name}_pool")(x)


def vgg(
    config="D",
    input_shape=(224, 224, 3),
    num_classes=1000,
    dropout=0.5,
    batch_norm=False,
):
    """VGG network of the given configuration (A=11, B=13, C/D=16, E=19 layers).

    Layer names follow keras.applications (block1_conv1, ..., fc1, fc2,
    predictions) so that its ImageNet weights map one to one. ``batch_norm=True``
    gives the later "VGG with BN" variant (see :func:`vgg_block`); the default is
    the paper's network.
    """
    func = "vgg"
    check_choice(func, "config", config, sorted(CONFIGS))
    check_input_shape(func, input_shape, min_size=32)
    check_classes(func, num_classes)
    check_fraction(func, "dropout", dropout)
    inputs = keras.Input(input_shape, name="image")
    x = inputs
    for b, (filters, kernels) in enumerate(zip(WIDTHS, CONFIGS[config]), start=1):
        x = vgg_block(x, filters, kernels, f"block{b}", batch_norm=batch_norm)
    outputs = dense_classifier(
        x, num_classes, dropout, hidden_indices=(1, 2), output_name="predictions"
    )
    depth = sum(len(k) for k in CONFIGS[config]) + 3
    return keras.Model(
        inputs,
        outputs,
        name=f"vgg{depth}"
        + ("_c" if config == "C" else "")
        + ("_bn" if batch_norm else ""),
    )


def _vgg_card(title, params, source, **extra):
    """VGG's cards differ only in title, count and twin; no VGG has non-trainable weights."""
    count = Count(params, source, bib="simonyan2015very")
    return ModelCard(
        title=title,
        family="vgg",
        input_shape=(224, 224, 3),
        params=count,
        trainable=count,
        small=dict(input_shape=(32, 32, 3), num_classes=5),
        **extra,
    )


# config letter -> (registry name, card)
VGG_CARDS = {
    "A": (
        "vgg11",
        _vgg_card("VGG-11", 132_863_336, "VGG paper config A (133M in Table 2)"),
    ),
    "B": ("vgg13", _vgg_card("VGG-13", 133_047_848, "VGG paper config B (133M)")),
    "C": (
        "vgg16_c",
        _vgg_card("VGG-16 (config C)", 133_638_952, "VGG paper config C (134M)"),
    ),
    "D": (
        "vgg16",
        _vgg_card(
            "VGG-16",
            138_357_544,
            "Das's notes (138M), VGG paper config D; = keras.applications.VGG16",
            keras_twin="VGG16",
            preprocess="caffe",
            imagenet_top1=Top1(
                71.3,
                "keras_applications",
                "keras.applications table",
                context="keras.applications' ImageNet weights, ILSVRC-2012 validation",
            ),
        ),
    ),
    "E": (
        "vgg19",
        _vgg_card(
            "VGG-19",
            143_667_240,
            "VGG paper config E (144M); = keras.applications.VGG19",
            keras_twin="VGG19",
            preprocess="caffe",
        ),
    ),
}

for _config, (_name, _card) in VGG_CARDS.items():
    register(_name, card=_card, config=_config)(vgg)
