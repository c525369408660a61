"""U-Net (Ronneberger et al. 2015): a contracting path, an expanding path, and
skip connections that concatenate encoder features into the decoder."""

from __future__ import annotations

import keras
from keras import layers

from .._validate import (
    check_bool,
    check_choice,
    check_classes,
    check_fraction,
    check_input_shape,
    check_int,
)
from ._cards import OWN, Count, ModelCard
from ._registry import register


def conv2d_block(x, filters, batch_norm=False, padding="same", name="block"):
    """Two 3x3 convolutions with ReLU (batch norm between, if asked)."""
    for i in (1, 2):
        x = layers.Conv2D(
            filters, 3, padding=padding, use_bias=not batch_norm, name=f"{name}_conv{i}"
        )(x)
        if batch_norm:
            x = layers.BatchNormalization(name=f"{name}_bn{i}")(x)
        x = layers.Activation("relu", name=f"{name}_relu{i}")(x)
    return x


def _crop_to(skip, target, name):
    """Centre-crop an encoder map to the decoder map's size (the paper's valid
    convolutions shrink the decoder; with 'same' padding nothing is cropped)."""
    dh, dw = skip.shape[1] - target.shape[1], skip.shape[2] - target.shape[2]
    if dh == dw == 0:
        return skip
    return layers.Cropping2D(
        ((dh // 2, dh - dh // 2), (dw // 2, dw - dw // 2)), name=name
    )(skip)


# The paper states no total; the default (same padding, 128x128x3, one output map) is the course's
# own. The paper's configuration (31,030,658) is checked against a formula in test_models.py.
UNET_CARD = ModelCard(
    title="U-Net",
    family="unet",
    input_shape=(128, 128, 3),
    params=Count(31_031_745, OWN),
    trainable=Count(31_031_745, OWN),
    small=dict(
        input_shape=(32, 32, 3), n_filters=4, depth=2, num_classes=3, batch_norm=True
    ),
)


@register("unet", card=UNET_CARD)
def unet(
    input_shape=(128, 128, 3),
    num_classes=1,
    n_filters=64,
    depth=4,
    batch_norm=False,
    dropout=0.0,
    skips=True,
    padding="same",
):
    """U-Net with ``depth`` down/up-sampling steps and ``n_filters`` at the top level.

    ``num_classes=1`` gives a sigmoid mask, more gives a per-pixel softmax.
    ``skips=False`` is the ablation without concatenation. The original paper's
    network is ``unet(input_shape=(572, 572, 1), num_classes=2, padding="valid")``:
    output 388x388x2 (Fig. 1), 31,030,658 parameters (the paper states no total).
    """
    func = "unet"
    depth = check_int(func, "depth", depth, 1)
    n_filters = check_int(func, "n_filters", n_filters, 1)
    check_bool(func, "batch_norm", batch_norm)
    check_bool(func, "skips", skips)
    check_fraction(func, "dropout", dropout)
    check_classes(func, num_classes)
    check_choice(
        func, "padding", padding, ("same", "valid"), wording="'same' or 'valid'"
    )
    shape = check_input_shape(func, input_shape, min_size=2**depth)
    if padding == "same" and (shape[0] % 2**depth or shape[1] % 2**depth):
        raise ValueError(
            f"{func}: with padding='same', height and width must be multiples of "
            f"2**depth = {2**depth}, got input_shape={shape}"
        )
    inputs = keras.Input(shape, name="image")
    x, features = inputs, []
    for level in range(depth):
        x = conv2d_block(
            x, n_filters * 2**level, batch_norm, padding, name=f"down{level + 1}"
        )
        features.append(x)
        x = layers.MaxPooling2D(2, name=f"pool{level + 1}")(x)
    x = conv2d_block(x, n_filters * 2**depth, batch_norm, padding, name="bottom")
    if dropout:
        x = layers.Dropout(dropout, name="bottom_dropout")(x)
    for level in reversed(range(depth)):
        filters = n_filters * 2**level
        x = layers.Conv2DTranspose(filters, 2, strides=2, name=f"up{level + 1}_upconv")(
            x
        )
        if skips:
            skip = _crop_to(features[level], x, name=f"up{level + 1}_crop")
            x = layers.Concatenate(name=f"up{level + 1}_concat")([skip, x])
        x = conv2d_block(x, filters, batch_norm, padding, name=f"up{level + 1}")
    activation = "sigmoid" if num_classes == 1 else "softmax"
    outputs = layers.Conv2D(num_classes, 1, activation=activation, name="mask")(x)
    return keras.Model(inputs, outputs, name="unet" if skips else "unet_noskip")
