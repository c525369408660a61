"""Exercises of Part III (beyond classification). Expected values are computed."""
from __future__ import annotations

import numpy as np

from .. import arithmetic as A
from .. import metrics
from . import Exercise, register_exercise
from .catalog import _layer, _profile, _profile_rows

AUTOENCODER = "12_convolutional_autoencoder"
UNET = "13_unet"


# the original U-Net and a small 'same'-padded one (16 or 64 filters at the top)
UNET_ORIGINAL = (("input_shape", (572, 572, 1)), ("num_classes", 2), ("padding", "valid"))


def _unet_small(n_filters):
    return (("input_shape", (64, 64, 1)), ("n_filters", n_filters))


def _code_size():
    return _profile_rows("conv_autoencoder")["encoder/code"].output_shape[-1]


def _transpose_coverage():
    """How many kernel taps reach each output of a 1-D stride-2, size-3 transposed convolution."""
    import keras

    ones = np.ones((1, 8, 1), "float32")
    out = keras.ops.conv_transpose(ones, np.ones((3, 1, 1), "float32"), strides=2, padding="same")
    return int(np.asarray(keras.ops.convert_to_numpy(out))[0, 2:-2, 0].max())


def _masks(pred_pixels, true_pixels, overlap):
    """Two 1-row masks with the given pixel counts and overlap."""
    size = pred_pixels + true_pixels
    pred, true = np.zeros((1, size)), np.zeros((1, size))
    pred[0, :pred_pixels] = 1
    true[0, pred_pixels - overlap:pred_pixels - overlap + true_pixels] = 1
    return true, pred


_AUTOENCODER = [
    Exercise("ae-encoder-shape", AUTOENCODER,
             "The encoder: 28x28x1 -> 3x3 conv (32) -> 2x2 pool -> 3x3 conv (64) -> 2x2 pool -> 3x3 conv (64), "
             "all 'valid'. Output shape of the last convolution?",
             expected=_layer("conv_autoencoder", "encoder/enc_conv3", "output_shape"), kind="shape"),
    Exercise("ae-code-params", AUTOENCODER,
             "The code layer is Dense(49) on the flattened 3x3x64 map. How many parameters?",
             expected=lambda: A.dense_params(3 * 3 * 64, _code_size()), unit="parameters"),
    Exercise("ae-compression", AUTOENCODER,
             "By what factor does the 49-number code compress a 28x28 image? (a number)",
             expected=lambda: 28 * 28 / _code_size(), kind="number", rel_tol=1e-6),
    Exercise("ae-transpose-shape", AUTOENCODER,
             "A 3x3 transposed convolution with stride 2 and 'same' padding on a 7x7 map: output side?",
             expected=lambda: A.conv_transpose_output_size(7, 3, 2, padding="same"), unit="pixels",
             mistakes=(("a stride-2 transposed convolution doubles the side with 'same' padding",
                        lambda: A.conv_transpose_output_size(7, 3, 2)),)),
    Exercise("ae-transpose-valid", AUTOENCODER,
             "The notes' second listing uses a 3x3 stride-1 transposed convolution with 'valid' padding on 28x28. "
             "Output side?", expected=lambda: A.conv_transpose_output_size(28, 3, 1), unit="pixels",
             mistakes=(("a 'valid' transposed convolution grows the map by kernel - 1", lambda: 26),)),
    Exercise("ae-total-params", AUTOENCODER, "How many parameters has the whole autoencoder (trainable and not)?",
             expected=lambda: _profile("conv_autoencoder").total_params, unit="parameters"),
    Exercise("ae-checkerboard", AUTOENCODER,
             "In 1-D, a stride-2 transposed convolution with a size-3 kernel of ones, applied to a signal of ones: "
             "away from the edges, what is the largest output value (how many taps overlap)?",
             expected=_transpose_coverage, unit="taps"),
]


_UNET = [
    Exercise("unet-original-output", UNET,
             "The original U-Net ('valid' convolutions, depth 4) on a 572x572 tile: side of the output mask?",
             expected=lambda: _profile("unet", UNET_ORIGINAL).rows[-1].output_shape[0], unit="pixels",
             mistakes=(("with 'valid' 3x3 convolutions the output is smaller than the input", lambda: 572),)),
    Exercise("unet-concat-channels", UNET,
             "In a U-Net with 64 filters at the top level, the last up-convolution outputs 64 channels and is "
             "concatenated with the top encoder block's features. How many channels after concatenation?",
             expected=lambda: _profile_rows("unet", _unet_small(64))["up1_concat"].output_shape[-1], unit="channels",
             mistakes=(("concatenation stacks the two maps' channels", lambda: 64),)),
    Exercise("unet-upconv-params", UNET,
             "A 2x2 stride-2 up-convolution from 1,024 to 512 channels: how many parameters (with biases)?",
             expected=lambda: A.conv_params(1024, 512, 2), unit="parameters"),
    Exercise("unet-iou", UNET,
             "A predicted mask has 40 pixels, the true mask 50, and 30 pixels are in both. IoU?",
             expected=lambda: metrics.iou(*_masks(40, 50, 30)), kind="number", rel_tol=1e-6,
             mistakes=(("that is the Dice score; IoU divides by the union", lambda: metrics.dice(*_masks(40, 50, 30))),)),
    Exercise("unet-dice", UNET, "And the Dice score of the same masks?",
             expected=lambda: metrics.dice(*_masks(40, 50, 30)), kind="number", rel_tol=1e-6,
             mistakes=(("that is the IoU; Dice is 2|A and B| / (|A| + |B|)", lambda: metrics.iou(*_masks(40, 50, 30))),)),
    Exercise("unet-down-shape", UNET,
             "A 'same'-padded U-Net with 16 filters at the top on a 64x64x1 image: output shape of the third encoder "
             "block (before its pooling)?",
             expected=lambda: _profile_rows("unet", _unet_small(16))["down3_relu2"].output_shape, kind="shape"),
]


for _ex in (*_AUTOENCODER, *_UNET):
    register_exercise(_ex)
