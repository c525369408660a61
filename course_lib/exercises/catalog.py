"""The course's exercises, grouped by chapter. Every expected value is computed.

Add an exercise with ``register_exercise(Exercise(...))``; its ``expected``
must call course_lib (arithmetic, profile, models), never state a literal.
"""
from __future__ import annotations

import math
from functools import lru_cache

from .. import arithmetic as A
from . import Exercise, register_exercise


@lru_cache(maxsize=None)
def _profile(name: str, options: tuple = ()):
    """The profile of ``build(name, **dict(options))``, built once per session."""
    from .. import profile
    from ..models import build

    return profile(build(name, **dict(options)))


@lru_cache(maxsize=None)
def _profile_rows(name: str, options: tuple = ()):
    """The same profile's rows by layer name (nested models appear as ``outer/inner``)."""
    return {row.name: row for row in _profile(name, options).rows}


def _layer(name, layer, field):
    return lambda: getattr(_profile_rows(name)[layer], field)


COUNTING = "00_counting_with_course_lib"
_EXERCISES = [
    Exercise(
        "alexnet-conv1-shape", COUNTING,
        "AlexNet's conv1 applies 96 filters of 11x11 with stride 4, no padding, to a 227x227x3 image. "
        "What is its output shape (height, width, channels)?",
        expected=lambda: (A.conv_output_size(227, 11, 4), A.conv_output_size(227, 11, 4), 96),
        kind="shape",
        mistakes=(("check the +1 in (W - F + 2P)/S + 1",
                   lambda: ((227 - 11) // 4, (227 - 11) // 4, 96)),
                  ("the channels come last and equal the number of filters, not the input's 3",
                   lambda: (A.conv_output_size(227, 11, 4), A.conv_output_size(227, 11, 4), 3))),
    ),
    Exercise(
        "alexnet-conv1-params", COUNTING,
        "How many parameters does AlexNet's conv1 have (96 filters of 11x11 over 3 channels)?",
        expected=lambda: A.conv_params(3, 96, 11), unit="parameters",
        mistakes=(("you left out the biases: one per filter", lambda: A.conv_params(3, 96, 11, bias=False)),
                  ("each filter spans all 3 input channels", lambda: A.conv_params(1, 96, 11))),
    ),
    Exercise(
        "alexnet-fc6-params", COUNTING,
        "AlexNet's fc6 connects the 6x6x256 output of pool5 to 4,096 units. How many parameters?",
        expected=_layer("alexnet", "fc6", "params"), unit="parameters",
        mistakes=(("you left out the biases: one per unit", lambda: A.dense_params(6 * 6 * 256, 4096, bias=False)),),
    ),
    Exercise(
        "pool1-shape", COUNTING,
        "AlexNet's pool1 takes the 55x55x96 output of conv1 through 3x3 max pooling with stride 2. Output shape?",
        expected=lambda: (A.pool_output_size(55, 3, 2), A.pool_output_size(55, 3, 2), 96),
        kind="shape",
        mistakes=(("stride 2 is not a plain halving: the 3x3 windows overlap; use (55 - 3)/2 + 1",
                   lambda: (math.ceil(55 / 2), math.ceil(55 / 2), 96)),),
    ),
    Exercise(
        "vgg-conv3-64-macs", COUNTING,
        "VGG-16's second layer is a 3x3 convolution from 64 to 64 channels on a 224x224 map with 'same' padding. "
        "How many MACs (multiply-accumulates) does it cost per image?",
        expected=lambda: A.conv_macs(224, 64, 64, 3), unit="MACs",
        mistakes=(("with 'same' padding the output stays 224x224", lambda: A.conv_macs(222, 64, 64, 3)),),
    ),
    Exercise(
        "inception-naive-macs", COUNTING,
        "A naive Inception module on a 28x28x256 input has 128 1x1, 192 3x3 and 96 5x5 filters ('same' padding). "
        "How many MACs do its three convolutions cost together?",
        expected=lambda: A.conv_macs(28, 256, 128, 1) + A.conv_macs(28, 256, 192, 3) + A.conv_macs(28, 256, 96, 5),
        unit="MACs",
    ),
    Exercise(
        "stack-3x3-receptive-field", COUNTING,
        "What is the receptive field (side in pixels) of four stacked 3x3 stride-1 convolutions?",
        expected=lambda: A.receptive_field([(3, 1)] * 4).size, unit="pixels",
        mistakes=(("each 3x3 layer adds 2 pixels, not 3", lambda: 3 * 4),),
    ),
    Exercise(
        "separable-ratio", COUNTING,
        "A depthwise separable 3x3 convolution with 256 output channels costs what fraction of a standard "
        "3x3 convolution? (a number between 0 and 1)",
        expected=lambda: A.depthwise_separable_cost_ratio(256, 3), kind="number", rel_tol=1e-2,
        mistakes=(("that is the standard convolution's cost over the separable one: invert it",
                   lambda: 1 / A.depthwise_separable_cost_ratio(256, 3)),),
    ),
]

for _ex in _EXERCISES:
    register_exercise(_ex)


# --- Part I, chapter 1: convolution as cross-correlation -----------------------------------
XCORR = "01_convolution_as_cross_correlation"
# seed 003's worked example: a 3x3 patch of an image and a Sobel kernel.
SEED_003_PATCH = ((200, 150, 150), (100, 50, 100), (25, 25, 10))
SOBEL_X = ((1, 0, -1), (2, 0, -2), (1, 0, -1))


def _xcorr(patch, kernel, bias=0.0, flip=False):
    import numpy as np

    from ..numpy_conv import conv2d_loop

    k = np.array(kernel, float)
    k = k[::-1, ::-1] if flip else k
    return float(conv2d_loop(np.array(patch, float)[None, :, :, None], k[:, :, None, None], np.array([bias])).item())


_EXERCISES_XCORR = [
    Exercise("xcorr-seed003-bias", XCORR,
             "Seed 003's patch X = [[200,150,150],[100,50,100],[25,25,10]] and Sobel kernel K' = [[1,0,-1],[2,0,-2],[1,0,-1]] "
             "give X·K' = 65. What does the unit output if its bias is 10?",
             expected=lambda: _xcorr(SEED_003_PATCH, SOBEL_X, bias=10.0), kind="number", rel_tol=1e-9,
             mistakes=(("you forgot to add the bias", lambda: _xcorr(SEED_003_PATCH, SOBEL_X)),)),
    Exercise("xcorr-true-convolution", XCORR,
             "A true (mathematical) convolution flips the kernel in both directions before sliding it. "
             "What is the true convolution of seed 003's patch with K' at that position?",
             expected=lambda: _xcorr(SEED_003_PATCH, SOBEL_X, flip=True), kind="number", rel_tol=1e-9,
             mistakes=(("that is the cross-correlation; flip the kernel left-right and up-down first",
                        lambda: _xcorr(SEED_003_PATCH, SOBEL_X)),)),
    Exercise("xcorr-params-112", XCORR,
             "How many parameters has a layer of 4 filters of 3x3 on a 3-channel input (with biases)?",
             expected=lambda: A.conv_params(3, 4, 3), unit="parameters",
             mistakes=(("you left out the 4 biases", lambda: A.conv_params(3, 4, 3, bias=False)),
                       ("each filter spans all 3 input channels", lambda: A.conv_params(1, 4, 3)))),
    Exercise("xcorr-rgb-64-params", XCORR,
             "How many parameters has a layer of 64 filters of 5x5 on an RGB image?",
             expected=lambda: A.conv_params(3, 64, 5), unit="parameters",
             mistakes=(("you left out the biases", lambda: A.conv_params(3, 64, 5, bias=False)),)),
    Exercise("xcorr-mults-per-output", XCORR,
             "How many multiplications produce one output value of a 3x3 convolution over 3 input channels?",
             expected=lambda: A.conv_macs(1, 3, 1, 3), unit="multiplications",
             mistakes=(("the window spans all 3 channels: 3x3x3", lambda: 9),)),
    Exercise("xcorr-valid-shape", XCORR,
             "Output shape (H, W, C) of 8 filters of 3x3, stride 1, no padding, on a 32x32x3 image?",
             expected=lambda: (A.conv_output_size(32, 3), A.conv_output_size(32, 3), 8), kind="shape",
             mistakes=(("without padding the output shrinks by kernel - 1", lambda: (32, 32, 8)),)),
    Exercise("xcorr-strided-shape", XCORR,
             "Output shape of 16 filters of 3x3, stride 2, padding 1, on a 32x32x3 image?",
             expected=lambda: (A.conv_output_size(32, 3, 2, 1), A.conv_output_size(32, 3, 2, 1), 16), kind="shape"),
    Exercise("xcorr-im2col-shape", XCORR,
             "im2col turns a 5x5x3 input and a 3x3 kernel (stride 1, no padding) into a matrix with one row per "
             "output position. What is its shape (rows, columns)?",
             expected=lambda: (A.conv_output_size(5, 3) ** 2, 3 * 3 * 3), kind="shape",
             mistakes=(("columns hold a whole window: kh x kw x C", lambda: (A.conv_output_size(5, 3) ** 2, 9)),)),
    Exercise("xcorr-dilated-span", XCORR,
             "How many pixels wide is the window of a 3x3 kernel with dilation 3?",
             expected=lambda: A.receptive_field([(3, 1, 3)]).size, unit="pixels",
             mistakes=(("dilation d spaces the taps d apart: d*(k-1)+1", lambda: 9),)),
]

for _ex in _EXERCISES_XCORR:
    register_exercise(_ex)

from . import part1  # noqa: E402,F401  (Part I chapters 2-5)

from . import part2  # noqa: E402,F401  (Part II chapters)

from . import part3  # noqa: E402,F401  (Part III chapters)
