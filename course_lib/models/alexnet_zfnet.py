"""AlexNet (Krizhevsky et al. 2012) and ZFNet (Zeiler & Fergus 2014)."""

from __future__ import annotations

import keras
from keras import layers

from .._validate import (
    check_bool,
    check_choice,
    check_classes,
    check_fraction,
    check_input_shape,
)
from ._heads import dense_classifier
from ._cards import OWN, Count, ModelCard, Top1
from ._registry import register
from .custom_layers import LocalResponseNormalization


ALEXNET_CARD = ModelCard(
    title="AlexNet",
    family="alexnet",
    input_shape=(227, 227, 3),
    params=Count(
        62_378_344,
        "Pedersen's notes: AlexNet parameter table, total 62,378,344",
        bib="pedersen_lecture7",
    ),
    trainable=Count(
        62_378_344,
        "Pedersen's notes: AlexNet parameter table, total 62,378,344",
        bib="pedersen_lecture7",
    ),
    imagenet_top1=Top1(
        59.3,
        "krizhevsky2012imagenet",
        "Table 2: 1 CNN, 40.7% top-1 error",
        context="single model (1 CNN), ILSVRC-2012 validation, average over 10 crops",
    ),
    small=dict(input_shape=(67, 67, 3), num_classes=5),
)

# Zeiler & Fergus give no parameter total, nor do keras.applications or torchvision (neither has
# ZFNet); chapter 07's stored table rounds this count to 62.4 M. Pinned as the course's own.
ZFNET_CARD = ModelCard(
    title="ZFNet",
    family="alexnet",
    input_shape=(224, 224, 3),
    params=Count(62_357_608, OWN),
    trainable=Count(62_357_608, OWN),
    small=dict(input_shape=(63, 63, 3), num_classes=5),
)


@register("alexnet", card=ALEXNET_CARD)
def alexnet(
    input_shape=(227, 227, 3), num_classes=1000, groups=1, lrn=False, dropout=0.5
):
    """AlexNet, one tower: 62,378,344 parameters at 227x227x3 and 1000 classes.

    The paper says 224x224, but (224 - 11)/4 + 1 is not an integer; 227 gives
    the paper's 55x55 conv1 output. ``groups=2`` restores the two-GPU split
    (conv2, conv4, conv5 see only their own GPU's half of the channels).
    ``lrn=True`` adds local response normalisation after conv1 and conv2.
    """
    func = "alexnet"
    check_input_shape(func, input_shape, min_size=67)
    check_classes(func, num_classes)
    check_fraction(func, "dropout", dropout)
    check_choice(
        func,
        "groups",
        groups,
        (1, 2),
        wording="1 (one tower) or 2 (the paper's two GPUs)",
    )
    check_bool(func, "lrn", lrn)
    inputs = keras.Input(input_shape, name="image")
    x = layers.Conv2D(96, 11, strides=4, activation="relu", name="conv1")(inputs)
    if lrn:
        x = LocalResponseNormalization(name="norm1")(x)
    x = layers.MaxPooling2D(3, strides=2, name="pool1")(x)
    x = layers.Conv2D(
        256, 5, padding="same", groups=groups, activation="relu", name="conv2"
    )(x)
    if lrn:
        x = LocalResponseNormalization(name="norm2")(x)
    x = layers.MaxPooling2D(3, strides=2, name="pool2")(x)
    x = layers.Conv2D(384, 3, padding="same", activation="relu", name="conv3")(x)
    x = layers.Conv2D(
        384, 3, padding="same", groups=groups, activation="relu", name="conv4"
    )(x)
    x = layers.Conv2D(
        256, 3, padding="same", groups=groups, activation="relu", name="conv5"
    )(x)
    x = layers.MaxPooling2D(3, strides=2, name="pool5")(x)
    return keras.Model(
        inputs, dense_classifier(x, num_classes, dropout), name="alexnet"
    )


# conv1 ... conv5's filters; the two-GPU network gives each GPU half of every layer's.
ALEXNET_FILTERS = {"conv1": 96, "conv2": 256, "conv3": 384, "conv4": 384, "conv5": 256}


def alexnet_two_towers(input_shape=(227, 227, 3), lrn=True):
    """AlexNet's convolutions (conv1 to pool5) as the paper's Figure 2 draws them: one tower
    per GPU, each with half of every layer's filters. conv3 reads both towers' maps (the GPUs
    exchange them there), conv2, conv4 and conv5 only their own tower's; the output joins
    the two pool5s, as fc6 reads all of them. The parameters and MACs equal those of
    ``alexnet(groups=2)``'s convolutions, whose grouped layers do the same in one layer each.
    """
    func = "alexnet_two_towers"
    check_input_shape(func, input_shape, min_size=67)
    check_bool(func, "lrn", lrn)
    half = {name: filters // 2 for name, filters in ALEXNET_FILTERS.items()}
    image = keras.Input(input_shape, name="image")

    def conv(x, name, kernel, gpu, **options):
        return layers.Conv2D(
            half[name], kernel, activation="relu", name=f"gpu{gpu}_{name}", **options
        )(x)

    def normalised_pool(x, gpu, i):
        if lrn:
            x = LocalResponseNormalization(name=f"gpu{gpu}_norm{i}")(x)
        return layers.MaxPooling2D(3, strides=2, name=f"gpu{gpu}_pool{i}")(x)

    lower = []
    for gpu in (1, 2):
        x = normalised_pool(conv(image, "conv1", 11, gpu, strides=4), gpu, 1)
        lower.append(normalised_pool(conv(x, "conv2", 5, gpu, padding="same"), gpu, 2))
    both = layers.Concatenate(name="both_gpus_pool2")(lower)
    upper = []
    for gpu in (1, 2):
        x = conv(both, "conv3", 3, gpu, padding="same")
        x = conv(
            conv(x, "conv4", 3, gpu, padding="same"), "conv5", 3, gpu, padding="same"
        )
        upper.append(layers.MaxPooling2D(3, strides=2, name=f"gpu{gpu}_pool5")(x))
    features = layers.Concatenate(name="both_gpus_pool5")(upper)
    return keras.Model(image, features, name="alexnet_two_gpus")


@register("zfnet", card=ZFNET_CARD)
def zfnet(input_shape=(224, 224, 3), num_classes=1000, wide=False, dropout=0.5):
    """ZFNet (Zeiler & Fergus 2014, Fig. 3): AlexNet with a 7x7 stride-2 conv1
    and a stride-2 conv2, keeping more spatial detail early.

    Shapes follow the paper: 224 -> 110 -> 55 -> 26 -> 13 -> 6. ``wide=True``
    uses 512, 1024, 512 filters in conv3-5, the variant the lecture notes
    (Das's notes) describe and the paper's Table 2 reports as better.
    """
    func = "zfnet"
    check_input_shape(func, input_shape, min_size=63)
    check_classes(func, num_classes)
    check_fraction(func, "dropout", dropout)
    check_bool(func, "wide", wide)
    widths = (512, 1024, 512) if wide else (384, 384, 256)
    inputs = keras.Input(input_shape, name="image")
    x = layers.ZeroPadding2D(1, name="pad1")(inputs)
    x = layers.Conv2D(96, 7, strides=2, activation="relu", name="conv1")(x)
    x = layers.MaxPooling2D(3, strides=2, padding="same", name="pool1")(x)
    x = LocalResponseNormalization(name="norm1")(x)
    x = layers.Conv2D(256, 5, strides=2, activation="relu", name="conv2")(x)
    x = layers.MaxPooling2D(3, strides=2, padding="same", name="pool2")(x)
    x = LocalResponseNormalization(name="norm2")(x)
    for i, width in zip((3, 4, 5), widths):
        x = layers.Conv2D(width, 3, padding="same", activation="relu", name=f"conv{i}")(
            x
        )
    x = layers.MaxPooling2D(3, strides=2, name="pool5")(x)
    return keras.Model(
        inputs,
        dense_classifier(x, num_classes, dropout),
        name="zfnet_wide" if wide else "zfnet",
    )
