"""Exercises of Part I, convolution from first principles (chapters 01-05: cross-correlation,
backpropagation, shapes, receptive fields, equivariance).

Every expected value is computed with course_lib's own functions: the NumPy
convolution and backward passes, the output-size formulas and the receptive-field recurrence.
"""

from __future__ import annotations

import numpy as np

from .. import arithmetic as A
from ..numpy_backprop import (
    avg_pool2d_backward,
    conv2d_grad_input,
    conv2d_grad_weights,
    dilate,
    max_pool2d,
    max_pool2d_backward,
)
from ..numpy_conv import conv2d_loop
from .core import Exercise
from .registry import register_exercise

XCORR = "01_convolution_as_cross_correlation"
BACKPROP = "02_backpropagation_through_convolution"
SHAPES = "03_shapes_padding_stride_pooling"
FIELDS = "04_receptive_fields"
EQUIVARIANCE = "05_equivariance_and_invariance"

# Kira's worked example: a 3x3 patch of an image and a Sobel kernel.
KIRA_PATCH = ((200, 150, 150), (100, 50, 100), (25, 25, 10))
SOBEL_X = ((1, 0, -1), (2, 0, -2), (1, 0, -1))


def _xcorr(patch, kernel, bias=0.0, flip=False):
    """The output of one unit: ``kernel`` (flipped for a true convolution) over ``patch``, plus ``bias``."""
    k = np.array(kernel, float)
    k = k[::-1, ::-1] if flip else k
    return float(
        conv2d_loop(
            np.array(patch, float)[None, :, :, None],
            k[:, :, None, None],
            np.array([bias]),
        ).item()
    )


_XCORR = [
    Exercise(
        "xcorr-kira-bias",
        XCORR,
        "Kira's patch X = [[200,150,150],[100,50,100],[25,25,10]] and Sobel kernel K' = [[1,0,-1],[2,0,-2],[1,0,-1]] "
        "give X·K' = 65. What does the unit output if its bias is 10?",
        expected=lambda: _xcorr(KIRA_PATCH, SOBEL_X, bias=10.0),
        kind="number",
        rel_tol=1e-9,
        mistakes=(("you forgot to add the bias", lambda: _xcorr(KIRA_PATCH, SOBEL_X)),),
    ),
    Exercise(
        "xcorr-true-convolution",
        XCORR,
        "A true (mathematical) convolution flips the kernel in both directions before sliding it. "
        "What is the true convolution of Kira's patch with K' at that position?",
        expected=lambda: _xcorr(KIRA_PATCH, SOBEL_X, flip=True),
        kind="number",
        rel_tol=1e-9,
        mistakes=(
            (
                "that is the cross-correlation; flip the kernel left-right and up-down first",
                lambda: _xcorr(KIRA_PATCH, SOBEL_X),
            ),
        ),
    ),
    Exercise(
        "xcorr-layer-params",
        XCORR,
        "How many parameters has a layer of 4 filters of 3x3 on a 3-channel input (with biases)?",
        expected=lambda: A.conv_params(3, 4, 3),
        unit="parameters",
        mistakes=(
            ("you left out the 4 biases", lambda: A.conv_params(3, 4, 3, bias=False)),
            ("each filter spans all 3 input channels", lambda: A.conv_params(1, 4, 3)),
        ),
    ),
    Exercise(
        "xcorr-rgb-64-params",
        XCORR,
        "How many parameters has a layer of 64 filters of 5x5 on an RGB image?",
        expected=lambda: A.conv_params(3, 64, 5),
        unit="parameters",
        mistakes=(
            ("you left out the biases", lambda: A.conv_params(3, 64, 5, bias=False)),
        ),
    ),
    Exercise(
        "xcorr-mults-per-output",
        XCORR,
        "How many multiplications produce one output value of a 3x3 convolution over 3 input channels?",
        expected=lambda: A.conv_macs(1, 3, 1, 3),
        unit="multiplications",
        mistakes=(("the window spans all 3 channels: 3x3x3", lambda: 9),),
    ),
    Exercise(
        "xcorr-valid-shape",
        XCORR,
        "Output shape (H, W, C) of 8 filters of 3x3, stride 1, no padding, on a 32x32x3 image?",
        expected=lambda: (A.conv_output_size(32, 3), A.conv_output_size(32, 3), 8),
        kind="shape",
        mistakes=(
            ("without padding the output shrinks by kernel - 1", lambda: (32, 32, 8)),
        ),
    ),
    Exercise(
        "xcorr-strided-shape",
        XCORR,
        "Output shape of 16 filters of 3x3, stride 2, padding 1, on a 32x32x3 image?",
        expected=lambda: (
            A.conv_output_size(32, 3, 2, 1),
            A.conv_output_size(32, 3, 2, 1),
            16,
        ),
        kind="shape",
    ),
    Exercise(
        "xcorr-im2col-shape",
        XCORR,
        "im2col turns a 5x5x3 input and a 3x3 kernel (stride 1, no padding) into a matrix with one row per "
        "output position. What is its shape (rows, columns)?",
        expected=lambda: (A.conv_output_size(5, 3) ** 2, 3 * 3 * 3),
        kind="shape",
        mistakes=(
            (
                "columns hold a whole window: kh x kw x C",
                lambda: (A.conv_output_size(5, 3) ** 2, 9),
            ),
        ),
    ),
    Exercise(
        "xcorr-dilated-span",
        XCORR,
        "How many pixels wide is the window of a 3x3 kernel with dilation 3?",
        expected=lambda: A.receptive_field([(3, 1, 3)]).size,
        unit="pixels",
        mistakes=(("dilation d spaces the taps d apart: d*(k-1)+1", lambda: 9),),
    ),
]


# A 1-D example written as 1xN images: x = (1, 2, 3, 4), kernel (2, -1), upstream gradient (1, 0, -1).
_X1D, _W1D, _G1D = (1.0, 2.0, 3.0, 4.0), (2.0, -1.0), (1.0, 0.0, -1.0)


def _row(values):
    return np.array(values, float)[None, None, :, None]  # (1, 1, N, 1)


def _kernel_row(values):
    return np.array(values, float)[None, :, None, None]  # (1, k, 1, 1)


def _dw_1d(index):
    return float(
        conv2d_grad_weights(_row(_X1D), _kernel_row(_W1D), _row(_G1D))[0, index, 0, 0]
    )


def _dx_1d(index, flip=True):
    kernel = (
        _W1D if flip else _W1D[::-1]
    )  # the unflipped slip equals using the reversed kernel here
    return float(
        conv2d_grad_input((1, 1, len(_X1D), 1), _kernel_row(kernel), _row(_G1D))[
            0, 0, index, 0
        ]
    )


def _overlapping_max_grad():
    """A 4x4 map whose largest value sits inside every 3x3 window (stride 1); all-ones upstream gradient."""
    x = np.arange(16, dtype=float).reshape(1, 4, 4, 1) / 100
    x[0, 1, 2, 0] = 1.0
    dout = np.ones_like(max_pool2d(x, 3, 1))
    return float(max_pool2d_backward(x, dout, 3, 1)[0, 1, 2, 0])


def _avg_share():
    x = np.zeros((1, 2, 2, 1))
    return float(avg_pool2d_backward(x, np.full((1, 1, 1, 1), 0.8), 2)[0, 0, 0, 0])


_BACKPROP = [
    Exercise(
        "bp-dw-shape",
        BACKPROP,
        "A layer of 8 filters of 3x3 takes a 5x5x2 input. What is the shape of dL/dW?",
        expected=lambda: (
            conv2d_grad_weights(
                np.zeros((1, 5, 5, 2)), np.zeros((3, 3, 2, 8)), np.zeros((1, 3, 3, 8))
            ).shape
        ),
        kind="shape",
        mistakes=(
            (
                "that is the upstream gradient's shape; dL/dW has the kernel's shape (kh, kw, C, F)",
                lambda: (3, 3, 8),
            ),
        ),
    ),
    Exercise(
        "bp-full-pad",
        BACKPROP,
        "To compute dL/dX as a full convolution, by how many zeros do you pad the upstream gradient on each "
        "side for a 5x5 kernel (stride 1, no dilation)?",
        expected=lambda: A.receptive_field([(5, 1)]).size - 1,
        unit="zeros",
        mistakes=(
            (
                "that is 'same' padding for the forward pass; the full convolution pads kernel - 1",
                lambda: 2,
            ),
        ),
    ),
    Exercise(
        "bp-db",
        BACKPROP,
        "A layer's output is 4x4x1 for each of 2 images, and every upstream gradient value is 1. What is dL/db?",
        expected=lambda: float(np.ones((2, 4, 4, 1)).sum()),
        kind="number",
        rel_tol=1e-9,
        mistakes=(
            (
                "the bias is added at every position of every image in the batch",
                lambda: 16.0,
            ),
        ),
    ),
    Exercise(
        "bp-1d-dw",
        BACKPROP,
        "In 1-D, y_i = w_0 x_i + w_1 x_{i+1} with x = (1, 2, 3, 4). The upstream gradient is dL/dy = (1, 0, -1). "
        "What is dL/dw_0?",
        expected=lambda: _dw_1d(0),
        kind="number",
        rel_tol=1e-9,
        mistakes=(
            ("that is dL/dw_1: w_0 multiplies x_i, not x_{i+1}", lambda: _dw_1d(1)),
        ),
    ),
    Exercise(
        "bp-1d-dx",
        BACKPROP,
        "Same layer with w = (2, -1). What is dL/dx_1 (x_1 = 2, the second input)?",
        expected=lambda: _dx_1d(1),
        kind="number",
        rel_tol=1e-9,
        mistakes=(
            (
                "you slid the kernel without flipping it; dL/dX is a true convolution",
                lambda: _dx_1d(1, flip=False),
            ),
        ),
    ),
    Exercise(
        "bp-avgpool-share",
        BACKPROP,
        "A 2x2 average-pooling window receives an upstream gradient of 0.8. What gradient reaches each of its 4 pixels?",
        expected=_avg_share,
        kind="number",
        rel_tol=1e-9,
        mistakes=(
            (
                "the output is the mean, so each pixel's share is divided by 4",
                lambda: 0.8,
            ),
        ),
    ),
    Exercise(
        "bp-maxpool-overlap",
        BACKPROP,
        "3x3 max pooling with stride 1 on a 4x4 map gives a 2x2 output; the map's largest value lies in all four "
        "windows. With an upstream gradient of 1 everywhere, what gradient does that pixel receive?",
        expected=_overlapping_max_grad,
        kind="number",
        rel_tol=1e-9,
        mistakes=(("overlapping windows add their gradients", lambda: 1.0),),
    ),
    Exercise(
        "bp-numgrad-calls",
        BACKPROP,
        "A numerical gradient check of a 3x3 kernel from 16 to 32 channels uses central differences. "
        "How many forward passes does it take?",
        expected=lambda: 2 * A.conv_params(16, 32, 3, bias=False),
        unit="forward passes",
        mistakes=(
            (
                "central differences need two passes per weight: f(w + eps) and f(w - eps)",
                lambda: A.conv_params(16, 32, 3, bias=False),
            ),
        ),
    ),
    Exercise(
        "bp-dilate-size",
        BACKPROP,
        "For a stride-2 layer, the 4x4 upstream gradient is dilated (zeros inserted between its values) "
        "before the full convolution. What is its side after dilation?",
        expected=lambda: dilate(np.zeros((1, 4, 4, 1)), 2).shape[1],
        unit="pixels",
        mistakes=(
            ("insert stride - 1 zeros *between* values, not after each one", lambda: 8),
        ),
    ),
]

_SHAPES = [
    Exercise(
        "shapes-7-3-s2",
        SHAPES,
        "Output side of a 3x3 convolution with stride 2 on a 7x7 input, no padding?",
        expected=lambda: A.conv_output_size(7, 3, 2),
    ),
    Exercise(
        "shapes-not-divide",
        SHAPES,
        "Output side of a 3x3 convolution with stride 3 on a 7x7 input, no padding? "
        "(The stride does not divide: frameworks floor.)",
        expected=lambda: A.conv_output_size(7, 3, 3),
        mistakes=(
            ("frameworks drop the partial window: floor, not round up", lambda: 3),
        ),
    ),
    Exercise(
        "shapes-same-padding",
        SHAPES,
        "How much padding on each side keeps the size of a 5x5, stride-1 convolution ('same')?",
        expected=lambda: (A.receptive_field([(5, 1)]).size - 1) // 2,
        unit="pixels",
    ),
    Exercise(
        "shapes-keras-same-s2",
        SHAPES,
        "Keras, padding='same', 7x7 kernel, stride 2, on a 224x224 input: output side?",
        expected=lambda: A.conv_output_size(224, 7, 2, "same"),
        mistakes=(
            (
                "'same' means ceil(W / S) in Keras, whatever the kernel",
                lambda: A.conv_output_size(224, 7, 2),
            ),
        ),
    ),
    Exercise(
        "shapes-alexnet-224",
        SHAPES,
        "AlexNet's conv1 (96 filters 11x11, stride 4, no padding) on the paper's 224x224 input: output side?",
        expected=lambda: A.conv_output_size(224, 11, 4),
        mistakes=(
            (
                "55 needs a 227x227 input; redo (224 - 11)/4 + 1 with the floor",
                lambda: 55,
            ),
        ),
    ),
    Exercise(
        "shapes-pool-55",
        SHAPES,
        "2x2 max pooling with stride 2 on a 55x55 map: output side?",
        expected=lambda: A.pool_output_size(55, 2, 2),
        mistakes=(("the last odd row has no partner: floor", lambda: 28),),
    ),
    Exercise(
        "shapes-dilated",
        SHAPES,
        "A 3x3 convolution with dilation 2, stride 1, no padding, on 32x32: output side?",
        expected=lambda: A.conv_output_size(32, 3, 1, 0, 2),
        mistakes=(("a dilated 3x3 spans 5 pixels", lambda: A.conv_output_size(32, 3)),),
    ),
    Exercise(
        "shapes-same-macs",
        SHAPES,
        "MACs of 32 filters of 3x3, 'same' padding, stride 1, on a 32x32x16 input?",
        expected=lambda: A.conv_macs(A.conv_output_size(32, 3, 1, "same"), 16, 32, 3),
        unit="MACs",
    ),
    Exercise(
        "shapes-transposed",
        SHAPES,
        "A transposed convolution with a 4x4 kernel, stride 2 and padding 1 takes a 16x16 map. Output side?",
        expected=lambda: A.conv_transpose_output_size(16, 4, 2, 1),
    ),
]


def _vgg16_pool5_stack():
    block = [(3, 1)]
    return (
        block * 2
        + [(2, 2)]
        + block * 2
        + [(2, 2)]
        + block * 3
        + [(2, 2)]
        + block * 3
        + [(2, 2)]
        + block * 3
        + [(2, 2)]
    )


def _layers_needed(size):
    n = 1
    while A.receptive_field([(3, 1)] * n).size < size:
        n += 1
    return n


_FIELDS = [
    Exercise(
        "rf-two-3x3",
        FIELDS,
        "Receptive field (side) of two stacked 3x3 stride-1 convolutions?",
        expected=lambda: A.receptive_field([(3, 1)] * 2).size,
        unit="pixels",
        mistakes=(("each extra 3x3 layer adds 2, not 3", lambda: 6),),
    ),
    Exercise(
        "rf-three-3x3-params",
        FIELDS,
        "Three stacked 3x3 convolutions from 256 to 256 channels (no biases): how many weights?",
        expected=lambda: 3 * A.conv_params(256, 256, 3, bias=False),
        unit="weights",
        mistakes=(
            (
                "that is one layer; there are three",
                lambda: A.conv_params(256, 256, 3, bias=False),
            ),
        ),
    ),
    Exercise(
        "rf-7x7-ratio",
        FIELDS,
        "How many times more weights has one 7x7 layer than three 3x3 layers with the same receptive field "
        "(C channels in and out, no biases)?",
        expected=lambda: (
            A.conv_params(8, 8, 7, bias=False)
            / (3 * A.conv_params(8, 8, 3, bias=False))
        ),
        kind="number",
        rel_tol=1e-3,
    ),
    Exercise(
        "rf-conv-pool-conv",
        FIELDS,
        "Receptive field of 3x3 conv (stride 1) -> 2x2 max pool (stride 2) -> 3x3 conv (stride 1)?",
        expected=lambda: A.receptive_field([(3, 1), (2, 2), (3, 1)]).size,
        unit="pixels",
        mistakes=(
            (
                "after the pool, each step of the last conv moves 2 input pixels",
                lambda: 6,
            ),
        ),
    ),
    Exercise(
        "rf-dilated",
        FIELDS,
        "Receptive field of three 3x3 convolutions with dilations 1, 2 and 4 (stride 1)?",
        expected=lambda: A.receptive_field([(3, 1, 1), (3, 1, 2), (3, 1, 4)]).size,
        unit="pixels",
        mistakes=(("that is three undilated 3x3 layers", lambda: 7),),
    ),
    Exercise(
        "rf-jump",
        FIELDS,
        "Conv stride 2 -> pool stride 2 -> conv stride 2: how many input pixels apart are neighbouring outputs?",
        expected=lambda: A.receptive_field([(3, 2), (2, 2), (3, 2)]).jump,
        unit="pixels",
    ),
    Exercise(
        "rf-alexnet-pool1",
        FIELDS,
        "Receptive field of AlexNet's pool1: conv1 11x11 stride 4, then 3x3 max pooling stride 2?",
        expected=lambda: A.receptive_field([(11, 4), (3, 2)]).size,
        unit="pixels",
        mistakes=(
            (
                "the pool's window steps 4 input pixels at a time (conv1's stride)",
                lambda: 13,
            ),
        ),
    ),
    Exercise(
        "rf-vgg16-pool5",
        FIELDS,
        "Theoretical receptive field of VGG-16 at pool5 (13 3x3 convs, 5 2x2 pools)?",
        expected=lambda: A.receptive_field(_vgg16_pool5_stack()).size,
        unit="pixels",
    ),
    Exercise(
        "rf-layers-needed",
        FIELDS,
        "How many stacked 3x3 stride-1 convolutions are needed before one unit sees a 33x33 window?",
        expected=lambda: _layers_needed(33),
        unit="layers",
        mistakes=(("each layer adds 2; the first gives 3", lambda: 17),),
    ),
]


def _shift_of_output(stride, shift):
    """How far a strided 1-D conv's output moves when the input moves by ``shift`` (None if not a whole shift)."""
    return shift // stride if shift % stride == 0 else None


# ResNet-50's strided layers (He et al. 2016, Table 1): conv1, the max pool, and the first block of stages 3-5.
_RESNET50_STRIDED = [(7, 2), (3, 2), (1, 2), (1, 2), (1, 2)]


def _maxpool_1d(signal, pool=2):
    """Non-overlapping 1-D max pooling (stride = pool)."""
    x = np.array(signal, float)
    return tuple(
        int(v) for v in x[: len(x) // pool * pool].reshape(-1, pool).max(axis=1)
    )


def _check_pooled(answer):
    expected = _maxpool_1d((0, 0, 9, 0))
    if not isinstance(answer, (tuple, list)):
        return f"give the output as a tuple of numbers, e.g. (9, 0); got {answer!r}"
    if tuple(answer) == _maxpool_1d((0, 9, 0, 0)):
        return "that is the output before the shift: the 9 moved into the second window"
    return (
        None
        if tuple(answer) == expected
        else "not quite: pool the windows (0, 0) and (9, 0) separately"
    )


_EQUIVARIANT = {"conv", "relu"}


def _check_equivariant(answer):
    if not isinstance(answer, (set, frozenset, list, tuple)) or not all(
        isinstance(a, str) for a in answer
    ):
        return "give a set of names, e.g. {'conv', 'dense'}"
    got = {a.strip().lower() for a in answer}
    unknown = got - {"conv", "relu", "maxpool", "dense"}
    if unknown:
        return f"unknown names {sorted(unknown)}; choose from 'conv', 'relu', 'maxpool', 'dense'"
    if "maxpool" in got:
        return "stride-2 max pooling is not equivariant: a 1-pixel shift of the input is half an output pixel"
    if "dense" in got:
        return "a dense layer has a different weight for every position: shifting the input changes everything"
    missing = _EQUIVARIANT - got
    return (
        None
        if not missing
        else f"one is missing: {sorted(missing)[0]!r} is equivariant too"
    )


_EQUIV = [
    Exercise(
        "eq-shift-conv",
        EQUIVARIANCE,
        "A stride-1 convolution (circular padding) sees its input shifted 3 pixels to the right. "
        "By how many pixels does its output move?",
        expected=lambda: _shift_of_output(1, 3),
        unit="pixels",
    ),
    Exercise(
        "eq-shift-stride2",
        EQUIVARIANCE,
        "A stride-2 convolution sees its input shifted by 4 pixels. By how many output pixels does its output move?",
        expected=lambda: _shift_of_output(2, 4),
        unit="output pixels",
        mistakes=(("the output grid is twice as coarse", lambda: 4),),
    ),
    Exercise(
        "eq-total-stride",
        EQUIVARIANCE,
        "ResNet-50 maps 224x224 to a 7x7 feature map. What is the smallest input shift that moves its features "
        "by a whole output pixel?",
        expected=lambda: A.receptive_field(_RESNET50_STRIDED).jump,
        unit="pixels",
        mistakes=(
            ("224 / 7 is right, but count the stride-2 layers: 2^5", lambda: 16),
        ),
    ),
    Exercise(
        "eq-lenet-jump",
        EQUIVARIANCE,
        "LeNet-5 before C5: 5x5 conv, 2x2 subsampling (stride 2), 5x5 conv, 2x2 subsampling. Total stride?",
        expected=lambda: A.receptive_field([(5, 1), (2, 2), (5, 1), (2, 2)]).jump,
        unit="pixels",
    ),
    Exercise(
        "eq-maxpool-shift",
        EQUIVARIANCE,
        "The 1-D signal (0, 9, 0, 0) through 2-wide max pooling, stride 2, gives (9, 0). Shift it right by one: "
        "(0, 0, 9, 0). What is the output now (a tuple)?",
        kind="object",
        validate=_check_pooled,
    ),
    Exercise(
        "eq-global-pool-change",
        EQUIVARIANCE,
        "A feature map is shifted circularly (what leaves one edge re-enters at the other). By how much does its "
        "global average change?",
        expected=lambda: float(
            np.roll(np.arange(12.0), 5).mean() - np.arange(12.0).mean()
        ),
        kind="number",
        rel_tol=1e-9,
    ),
    Exercise(
        "eq-equivariant-ops",
        EQUIVARIANCE,
        "Which of these are shift-equivariant (for shifts by one pixel): 'conv' (stride 1), 'relu', "
        "'maxpool' (2x2, stride 2), 'dense'? Answer with a set of names.",
        kind="object",
        validate=_check_equivariant,
    ),
    Exercise(
        "eq-valid-border",
        EQUIVARIANCE,
        "A 5x5 'valid' convolution maps 28x28 to 24x24. Shift the input 2 pixels right, zeros entering on the "
        "left. How many of the 24 output columns equal the original output shifted by 2?",
        expected=lambda: A.conv_output_size(28, 5) - 2,
        unit="columns",
        mistakes=(
            (
                "the 2 columns whose windows now cover the zeros are new values",
                lambda: 24,
            ),
        ),
    ),
]

for _ex in _XCORR + _BACKPROP + _SHAPES + _FIELDS + _EQUIV:
    register_exercise(_ex)
