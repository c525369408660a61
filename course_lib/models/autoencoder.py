"""The convolutional autoencoder of Pedersen's lecture notes (Aarhus University, lecture 7)."""

from __future__ import annotations

import keras
from keras import layers

from .._validate import check_choice, check_input_shape
from ._cards import Count, ModelCard
from ._registry import register


def conv_encoder(input_shape=(28, 28, 1), latent_dim=49):
    """Three valid 3x3 convolutions with two poolings, then a dense code:
    28x28x1 -> 26 -> 13 -> 11 -> 5 -> 3x3x64 -> latent_dim values."""
    inputs = keras.Input(input_shape, name="image")
    x = layers.Conv2D(32, 3, activation="relu", name="enc_conv1")(inputs)
    x = layers.MaxPooling2D(2, name="enc_pool1")(x)
    x = layers.Conv2D(64, 3, activation="relu", name="enc_conv2")(x)
    x = layers.MaxPooling2D(2, name="enc_pool2")(x)
    x = layers.Conv2D(64, 3, activation="relu", name="enc_conv3")(x)
    x = layers.Flatten(name="enc_flatten")(x)
    code = layers.Dense(latent_dim, activation="relu", name="code")(x)
    return keras.Model(inputs, code, name="encoder")


UPSAMPLING = ("transpose", "resize")


def upsample_2x(x, filters, upsampling, name):
    """Double the side: a 3x3 stride-2 transposed convolution (the notes' choice),
    or nearest-neighbour resizing followed by a 3x3 convolution. Both have the
    same parameters; resizing avoids the checkerboard pattern that uneven
    overlap of a stride-2, size-3 transposed kernel produces (Odena et al. 2016)."""
    if upsampling == "transpose":
        return layers.Conv2DTranspose(
            filters, 3, strides=2, padding="same", activation="relu", name=name
        )(x)
    x = layers.UpSampling2D(2, interpolation="nearest", name=f"{name}_resize")(x)
    return layers.Conv2D(filters, 3, padding="same", activation="relu", name=name)(x)


def conv_decoder(latent_dim=49, channels=1, upsampling="transpose"):
    """Reshape the 49-value code to 7x7x1 and upsample twice (7 -> 14 -> 28),
    then a 3x3 transposed convolution and a sigmoid 3x3 convolution."""
    check_choice("conv_decoder", "upsampling", upsampling, UPSAMPLING)
    side = int(round(latent_dim**0.5))
    code = keras.Input((latent_dim,), name="code")
    x = layers.Reshape((side, side, 1), name="dec_reshape")(code)
    x = upsample_2x(x, 64, upsampling, name="dec_up1")
    x = layers.BatchNormalization(name="dec_bn1")(x)
    x = upsample_2x(x, 64, upsampling, name="dec_up2")
    x = layers.BatchNormalization(name="dec_bn2")(x)
    x = layers.Conv2DTranspose(
        32, 3, padding="same", activation="relu", name="dec_conv"
    )(x)
    outputs = layers.Conv2D(
        channels, 3, padding="same", activation="sigmoid", name="reconstruction"
    )(x)
    return keras.Model(code, outputs, name="decoder")


AUTOENCODER_CARD = ModelCard(
    title="convolutional autoencoder",
    family="autoencoder",
    input_shape=(28, 28, 1),
    params=Count(
        140_850,
        "Pedersen's notes: convolutional autoencoder in Keras",
        bib="pedersen_lecture7",
    ),
    trainable=Count(
        140_594,
        "Pedersen's notes: convolutional autoencoder in Keras (256 batch-norm statistics are not trained)",
        bib="pedersen_lecture7",
    ),
)


@register("conv_autoencoder", card=AUTOENCODER_CARD)
def conv_autoencoder(input_shape=(28, 28, 1), latent_dim=49, upsampling="transpose"):
    """Encoder + decoder as one model (140,850 params, 256 of them batch-norm
    statistics). The parts are ``model.get_layer("encoder")`` and ``"decoder"``.
    ``upsampling="resize"`` swaps the stride-2 transposed convolutions for
    resize + convolution (same parameter count)."""
    func = "conv_autoencoder"
    check_input_shape(func, input_shape, fixed=(28, 28, 1))
    check_choice(
        func, "latent_dim", latent_dim, (49,), wording="49 (a 7x7 map for the decoder)"
    )
    check_choice(func, "upsampling", upsampling, UPSAMPLING)
    encoder, decoder = (
        conv_encoder(input_shape, latent_dim),
        conv_decoder(latent_dim, input_shape[-1], upsampling),
    )
    inputs = keras.Input(input_shape, name="image")
    return keras.Model(inputs, decoder(encoder(inputs)), name="conv_autoencoder")
