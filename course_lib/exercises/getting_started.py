"""Exercises of "Getting started" (chapter 00: counting with course_lib).

Every expected value is computed with course_lib (arithmetic, the profiler and
the models), never stated as a literal: add an exercise with
``register_exercise(Exercise(...))`` and an ``expected`` that calls course_lib.
"""

from __future__ import annotations

import math

from .. import arithmetic as A
from .core import Exercise
from .profiles import from_layer
from .registry import register_exercise

COUNTING = "00_counting_with_course_lib"
_EXERCISES = [
    Exercise(
        "alexnet-conv1-shape",
        COUNTING,
        "AlexNet's conv1 applies 96 filters of 11x11 with stride 4, no padding, to a 227x227x3 image. "
        "What is its output shape (height, width, channels)?",
        expected=lambda: (
            A.conv_output_size(227, 11, 4),
            A.conv_output_size(227, 11, 4),
            96,
        ),
        kind="shape",
        mistakes=(
            (
                "check the +1 in (W - F + 2P)/S + 1",
                lambda: ((227 - 11) // 4, (227 - 11) // 4, 96),
            ),
            (
                "the channels come last and equal the number of filters, not the input's 3",
                lambda: (
                    A.conv_output_size(227, 11, 4),
                    A.conv_output_size(227, 11, 4),
                    3,
                ),
            ),
        ),
    ),
    Exercise(
        "alexnet-conv1-params",
        COUNTING,
        "How many parameters does AlexNet's conv1 have (96 filters of 11x11 over 3 channels)?",
        expected=lambda: A.conv_params(3, 96, 11),
        unit="parameters",
        mistakes=(
            (
                "you left out the biases: one per filter",
                lambda: A.conv_params(3, 96, 11, bias=False),
            ),
            (
                "each filter spans all 3 input channels",
                lambda: A.conv_params(1, 96, 11),
            ),
        ),
    ),
    Exercise(
        "alexnet-fc6-params",
        COUNTING,
        "AlexNet's fc6 connects the 6x6x256 output of pool5 to 4,096 units. How many parameters?",
        expected=from_layer("alexnet", "fc6", "params"),
        unit="parameters",
        mistakes=(
            (
                "you left out the biases: one per unit",
                lambda: A.dense_params(6 * 6 * 256, 4096, bias=False),
            ),
        ),
    ),
    Exercise(
        "pool1-shape",
        COUNTING,
        "AlexNet's pool1 takes the 55x55x96 output of conv1 through 3x3 max pooling with stride 2. Output shape?",
        expected=lambda: (
            A.pool_output_size(55, 3, 2),
            A.pool_output_size(55, 3, 2),
            96,
        ),
        kind="shape",
        mistakes=(
            (
                "stride 2 is not a plain halving: the 3x3 windows overlap; use (55 - 3)/2 + 1",
                lambda: (math.ceil(55 / 2), math.ceil(55 / 2), 96),
            ),
        ),
    ),
    Exercise(
        "vgg-conv3-64-macs",
        COUNTING,
        "VGG-16's second layer is a 3x3 convolution from 64 to 64 channels on a 224x224 map with 'same' padding. "
        "How many MACs (multiply-accumulates) does it cost per image?",
        expected=lambda: A.conv_macs(224, 64, 64, 3),
        unit="MACs",
        mistakes=(
            (
                "with 'same' padding the output stays 224x224",
                lambda: A.conv_macs(222, 64, 64, 3),
            ),
        ),
    ),
    Exercise(
        "inception-naive-macs",
        COUNTING,
        "A naive Inception module on a 28x28x256 input has 128 1x1, 192 3x3 and 96 5x5 filters ('same' padding). "
        "How many MACs do its three convolutions cost together?",
        expected=lambda: (
            A.conv_macs(28, 256, 128, 1)
            + A.conv_macs(28, 256, 192, 3)
            + A.conv_macs(28, 256, 96, 5)
        ),
        unit="MACs",
    ),
    Exercise(
        "stack-3x3-receptive-field",
        COUNTING,
        "What is the receptive field (side in pixels) of four stacked 3x3 stride-1 convolutions?",
        expected=lambda: A.receptive_field([(3, 1)] * 4).size,
        unit="pixels",
        mistakes=(("each 3x3 layer adds 2 pixels, not 3", lambda: 3 * 4),),
    ),
    Exercise(
        "separable-ratio",
        COUNTING,
        "A depthwise separable 3x3 convolution with 256 output channels costs what fraction of a standard "
        "3x3 convolution? (a number between 0 and 1)",
        expected=lambda: A.depthwise_separable_cost_ratio(256, 3),
        kind="number",
        rel_tol=1e-2,
        mistakes=(
            (
                "that is the standard convolution's cost over the separable one: invert it",
                lambda: 1 / A.depthwise_separable_cost_ratio(256, 3),
            ),
        ),
    ),
]

for _ex in _EXERCISES:
    register_exercise(_ex)
