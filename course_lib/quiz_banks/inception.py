"""Chapter 09 (GoogLeNet and Inception): why the modules are built as they are."""

from __future__ import annotations

from .. import arithmetic as A
from ..quiz import choice, numeric


def _classifier_after_average_pooling() -> int:
    """Parameters of GoogLeNet's 1000-way linear layer on the 1024 averaged channels of 5b."""
    return A.dense_params(1024, 1000)


def questions() -> list[dict]:
    """The chapter's quiz: the pooling branch, where the reduction sits, padding, the heads, factorisation."""
    return [
        choice(
            "In the naive Inception module, what makes the output deeper than the input however few filters the "
            "convolutions have?",
            {
                "The max-pooling branch": (
                    True,
                    "Right: pooling keeps every input channel, and the concatenation adds the three convolutions' "
                    "filters on top.",
                ),
                "The 5x5 branch, which has the most weights": (
                    False,
                    "A convolution outputs as many channels as it has filters, whatever its kernel size.",
                ),
                "The 'same' padding of every branch": (
                    False,
                    "Padding keeps the height and width; it adds no channels.",
                ),
                "A shortcut that adds the input back": (
                    False,
                    "There is no shortcut in an Inception module; the branches are concatenated, not added.",
                ),
            },
        ),
        choice(
            "A colleague moves the 1x1 reduction of the 5x5 branch to after the 5x5 convolution, with the same "
            "number of filters. What happens to the branch's MACs?",
            {
                "They rise: the 5x5 again spans every input channel": (
                    True,
                    "Right: the reduction saves work only when it shrinks the depth the expensive kernel must read.",
                ),
                "They stay the same: the same layers run in another order": (
                    False,
                    "A convolution's cost depends on its input depth, and that depth is what the order changes.",
                ),
                "They fall: the 1x1 now works on a smaller map": (
                    False,
                    "The map has the same height and width either way ('same' padding, stride 1); only depths change.",
                ),
            },
        ),
        choice(
            "Could the branches of an Inception module use 'valid' padding instead of 'same'?",
            {
                "No: the maps would differ in height and width": (
                    True,
                    "Right: concatenation needs equal heights and widths, but a 5x5 'valid' convolution shrinks "
                    "the map by 4 pixels and a 1x1 not at all.",
                ),
                "Yes, as long as every branch uses 'valid' padding, so that all shrink alike": (
                    False,
                    "Then each kernel size still shrinks the map by a different amount.",
                ),
                "Yes: concatenation resizes its inputs": (
                    False,
                    "Concatenate joins tensors along the channels and requires all other axes to agree.",
                ),
                "No, because 'valid' padding would change the number of parameters": (
                    False,
                    "Padding never changes a convolution's parameter count; the shapes are the problem.",
                ),
            },
        ),
        choice(
            "GoogLeNet was trained on 224x224 images. Fed 320x320 images, which part would have to change if its "
            "head flattened the last map into a dense layer instead of averaging it?",
            {
                "The first dense layer, whose input size grows with the map": (
                    True,
                    "Right: average pooling yields 1024 numbers for any map size, a flattened map does not.",
                ),
                "The first 7x7 convolution, which expects 224x224": (
                    False,
                    "A convolution slides over any input size; its weights do not depend on the image size.",
                ),
                "The Inception modules' concatenations": (
                    False,
                    "All branches keep the same height and width, whatever it is, so they still concatenate.",
                ),
                "Nothing: flattening adapts to the input size": (
                    False,
                    "Flatten's output length is height x width x channels, so the dense weights no longer fit.",
                ),
            },
        ),
        numeric(
            "After global average pooling, GoogLeNet's 7x7x1024 map becomes 1024 numbers. How many parameters "
            "(biases included) has the linear layer that turns them into 1000 class scores?",
            _classifier_after_average_pooling(),
            "Right: 1024 x 1000 weights plus 1000 biases.",
            "Each of the 1000 outputs has one weight per averaged channel and one bias.",
        ),
        choice(
            "Why can the auxiliary classifiers be discarded after training without changing the main prediction?",
            {
                "No layer of the main path reads their outputs": (
                    True,
                    "Right: they only add loss terms; their gradients shaped the shared lower layers during training.",
                ),
                "Their weights are copied into the main classifier at the end of training": (
                    False,
                    "Nothing is copied; the main classifier has its own weights, trained all along.",
                ),
                "Dropout switches them off at inference": (
                    False,
                    "Dropout is inside each head; it does not detach the head from the network.",
                ),
            },
        ),
        choice(
            "Inception v3 replaces an n x n convolution by a 1 x n convolution followed by an n x 1 one. What does "
            "the pair give up?",
            {
                "Generality: not every n x n kernel bank factorises this way": (
                    True,
                    "Right: the pair covers the same n x n window with fewer weights, a constraint the paper "
                    "found costs little in the middle of the network.",
                ),
                "Receptive field: the pair sees only a cross-shaped part of the n x n window": (
                    False,
                    "The n x 1 kernel reads a column of 1 x n outputs, each a row: together they cover the full square.",
                ),
                "Resolution: the output is n - 1 pixels smaller": (
                    False,
                    "With 'same' padding both convolutions keep the height and width.",
                ),
                "Depth: the network has fewer layers": (
                    False,
                    "It has more layers: each factorised convolution becomes two.",
                ),
            },
        ),
    ]
