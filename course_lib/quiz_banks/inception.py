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
        choice(
            "Network in Network's mlpconv layer slides a small multilayer perceptron over the positions of its "
            "input. Written with ordinary layers, what is it?",
            {
                "A 3x3 convolution followed by 1x1 convolutions, each with a ReLU": (
                    True,
                    "Right: the MLP's first layer reads a patch (a spatial convolution); every later layer reads only "
                    "the channels at one position with shared weights, which is a 1x1 convolution.",
                ),
                "A 3x3 convolution followed by a Flatten and a Dense layer": (
                    False,
                    "Flatten would mix all positions into one vector; the MLP in NiN works on each position "
                    "separately and keeps the map.",
                ),
                "A stack of 3x3 convolutions, one per hidden layer of the MLP": (
                    False,
                    "Each 3x3 layer would widen the receptive field; the MLP's hidden layers see only what the first "
                    "layer saw at that position.",
                ),
                "A locally connected layer with different weights at each position": (
                    False,
                    "The same MLP is slid over every position, so the weights are shared, as in a convolution.",
                ),
            },
        ),
        choice(
            "GoogLeNet averages its 7x7x1024 map and then applies a linear layer to 1000 classes; NiN applies a 1x1 "
            "convolution to 1000 maps and then averages. With the same weights, how do their class scores compare?",
            {
                "They are equal, because averaging and a linear map can be swapped": (
                    True,
                    "Right: both are linear, so the order does not change the scores; NiN's order also keeps the "
                    "per-class maps, which show where the evidence lies.",
                ),
                "NiN's are more accurate, because it classifies every position": (
                    False,
                    "Averaging the per-position scores gives exactly the score of the averaged features; nothing is "
                    "gained in the output itself.",
                ),
                "GoogLeNet's are different, because its linear layer has 49 times more weights": (
                    False,
                    "Both layers have 1024 x 1000 weights and 1000 biases: the linear layer sees 1024 averaged "
                    "channels, the 1x1 convolution 1024 channels at each position with the same weights.",
                ),
                "They cannot be compared, because NiN's head has no weights": (
                    False,
                    "The averaging has no weights, but NiN's 1x1 convolution to the class maps does.",
                ),
            },
        ),
        choice(
            "Lin et al. call global average pooling a structural regulariser. What is the regularising effect?",
            {
                "The head has no weights to fit, so the convolutional layers must make maps that score the "
                "classes by themselves": (
                    True,
                    "Right: with nothing learnable between the last maps and the softmax, the features cannot lean on "
                    "a large head that memorises the training set.",
                ),
                "Averaging adds noise to the features, as dropout does": (
                    False,
                    "The average is deterministic; it removes parameters rather than injecting noise.",
                ),
                "It shrinks the weights of the last convolution towards zero, as weight decay does in the loss": (
                    False,
                    "It adds no penalty to the loss; its effect comes from the architecture, hence 'structural'.",
                ),
            },
        ),
    ]
