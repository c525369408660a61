"""LeNet-5 (LeCun et al. 1998) as published, and a modern variant."""

from __future__ import annotations

import keras
from keras import layers

from .._validate import check_choice, check_classes, check_input_shape
from ._cards import OWN, Count, ModelCard
from ._registry import register
from .custom_layers import EuclideanRBF, SelectChannels, Subsampling, scaled_tanh

# Table I of the paper: which of S2's 6 maps feed each of C3's 16 maps.
# Maps 0-5 see 3 neighbouring maps, 6-11 see 4 neighbours, 12-14 see 4
# non-neighbours, 15 sees all 6: 60 connections of 5x5 weights.
C3_TABLE = (
    (0, 1, 2),
    (1, 2, 3),
    (2, 3, 4),
    (3, 4, 5),
    (0, 4, 5),
    (0, 1, 5),
    (0, 1, 2, 3),
    (1, 2, 3, 4),
    (2, 3, 4, 5),
    (0, 3, 4, 5),
    (0, 1, 4, 5),
    (0, 1, 2, 5),
    (0, 1, 3, 4),
    (1, 2, 4, 5),
    (0, 2, 3, 5),
    (0, 1, 2, 3, 4, 5),
)


def partially_connected_conv(
    x, table=C3_TABLE, kernel_size=5, activation=None, name="c3"
):
    """One 5x5 convolution per output map over the input maps its table row lists.

    With LeNet's table this has 25*60 + 16 = 1,516 parameters instead of a full
    layer's 2,416; the paper's reasons: fewer connections, and broken symmetry
    so that different maps learn different features.
    """
    maps = []
    for i, inputs in enumerate(table):
        picked = SelectChannels(inputs, name=f"{name}_in{i}")(x)
        maps.append(
            layers.Conv2D(1, kernel_size, activation=activation, name=f"{name}_map{i}")(
                picked
            )
        )
    return layers.Concatenate(name=name)(maps)


LENET5_CARD = ModelCard(
    title="LeNet-5",
    family="lenet",
    input_shape=(32, 32, 1),
    params=Count(
        60_840,
        "LeCun et al. 1998: 60,000 trainable; + 84x10 fixed RBF centres",
        bib="lecun1998gradient",
    ),
    trainable=Count(
        60_000,
        "LeCun et al. 1998, sec. II.B: 60,000 trainable parameters",
        bib="lecun1998gradient",
    ),
)

# The paper's layer sizes with a full C3 (16 * (25*6 + 1) = 2,416) and a dense output; no source
# states this variant's total, so it is pinned as the course's own.
LENET5_MODERN_CARD = ModelCard(
    title="LeNet-5 (modern)",
    family="lenet",
    input_shape=(32, 32, 1),
    params=Count(61_706, OWN),
    trainable=Count(61_706, OWN),
)


@register("lenet5", card=LENET5_CARD)
def lenet5(input_shape=(32, 32, 1), num_classes=10, output="rbf"):
    """LeNet-5 as in the 1998 paper: 32x32x1 input, scaled tanh, trainable
    subsampling, C3's partial connection table, Euclidean RBF output.

    Per-layer parameters: C1 156, S2 12, C3 1,516, S4 32, C5 48,120,
    F6 10,164 (60,000 trainable); the RBF centres (84 x classes) are fixed.
    ``output="softmax"`` replaces the RBF layer by a trainable Dense layer.
    """
    func = "lenet5"
    check_input_shape(func, input_shape, fixed=(32, 32, 1))
    check_classes(func, num_classes)
    check_choice(
        func, "output", output, ("rbf", "softmax"), wording="'rbf' or 'softmax'"
    )
    inputs = keras.Input(input_shape, name="image")
    x = layers.Conv2D(6, 5, activation=scaled_tanh, name="c1")(inputs)
    x = layers.Activation(scaled_tanh, name="s2_tanh")(Subsampling(name="s2")(x))
    x = partially_connected_conv(x, activation=scaled_tanh)
    x = layers.Activation(scaled_tanh, name="s4_tanh")(Subsampling(name="s4")(x))
    x = layers.Conv2D(120, 5, activation=scaled_tanh, name="c5")(x)
    x = layers.Flatten(name="flatten")(x)
    x = layers.Dense(84, activation=scaled_tanh, name="f6")(x)
    if output == "rbf":
        outputs = EuclideanRBF(num_classes, name="rbf")(x)
    else:
        outputs = layers.Dense(num_classes, activation="softmax", name="predictions")(x)
    return keras.Model(inputs, outputs, name="lenet5")


@register("lenet5_modern", card=LENET5_MODERN_CARD)
def lenet5_modern(input_shape=(32, 32, 1), num_classes=10):
    """LeNet-5 as usually written today: ReLU, max pooling, a full C3, softmax."""
    func = "lenet5_modern"
    check_input_shape(func, input_shape, min_size=32)
    check_classes(func, num_classes)
    inputs = keras.Input(input_shape, name="image")
    x = layers.Conv2D(6, 5, activation="relu", name="c1")(inputs)
    x = layers.MaxPooling2D(2, name="s2")(x)
    x = layers.Conv2D(16, 5, activation="relu", name="c3")(x)
    x = layers.MaxPooling2D(2, name="s4")(x)
    x = layers.Conv2D(120, 5, activation="relu", name="c5")(x)
    x = layers.Flatten(name="flatten")(x)
    x = layers.Dense(84, activation="relu", name="f6")(x)
    outputs = layers.Dense(num_classes, activation="softmax", name="predictions")(x)
    return keras.Model(inputs, outputs, name="lenet5_modern")
