"""Exercises of Part III (beyond classification). Expected values are computed."""
from __future__ import annotations

import math

import numpy as np

from .. import arithmetic as A
from .. import metrics
from . import Exercise, register_exercise
from .catalog import _layer, _profile, _profile_rows

AUTOENCODER = "12_convolutional_autoencoder"
UNET = "13_unet"
SIAMESE = "14_siamese_one_shot"


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


KOCH = (("variant", "koch"),)
SMALL_SIAMESE = (("input_shape", (28, 28, 1)), ("variant", "small"))


def _contrastive(same, distance, margin=1.0):
    from ..models.siamese import contrastive_loss

    loss = contrastive_loss(margin)(np.array([float(same)], "float32"), np.array([distance], "float32"))
    return float(np.asarray(loss))


def _koch_encoder_rows():
    return _profile_rows("siamese", KOCH)


_SIAMESE = [
    Exercise("siamese-koch-conv1", SIAMESE,
             "Koch et al.'s twin starts with 64 filters of 10x10 ('valid', stride 1) on a 105x105x1 image. "
             "Output shape?", expected=lambda: _koch_encoder_rows()["encoder/conv1"].output_shape, kind="shape",
             mistakes=(("'valid': the side shrinks by kernel - 1 = 9", lambda: (95, 95, 64)),)),
    Exercise("siamese-koch-flatten", SIAMESE,
             "After conv4 the twin's map is 6x6x256. How many numbers enter its 4,096-unit dense layer?",
             expected=lambda: _koch_encoder_rows()["encoder/flatten"].output_shape[-1], unit="features"),
    Exercise("siamese-koch-params", SIAMESE,
             "How many parameters has Koch et al.'s whole Siamese network (two twins with shared weights, "
             "plus the sigmoid unit on the 4,096 L1 differences)?",
             expected=lambda: _profile("siamese", KOCH).total_params, unit="parameters",
             mistakes=(("the twins share one set of weights: count the encoder once",
                        lambda: 2 * (_profile("siamese", KOCH).total_params - A.dense_params(4096, 1))
                        + A.dense_params(4096, 1)),)),
    Exercise("siamese-head-params", SIAMESE,
             "The course's small Siamese network compares 64-number embeddings with a sigmoid unit on "
             "|h1 - h2|. How many parameters has that unit?",
             expected=lambda: _profile_rows("siamese", SMALL_SIAMESE)["same_class"].params, unit="parameters",
             mistakes=(("one weight per embedding component, plus a bias", lambda: 64),)),
    Exercise("siamese-chance", SIAMESE,
             "A network that guesses at random: its expected accuracy in 20-way one-shot trials? (a fraction)",
             expected=lambda: 1 / 20, kind="number", rel_tol=1e-6),
    Exercise("siamese-contrastive-different", SIAMESE,
             "Contrastive loss with margin 1: a different-class pair at distance 0.3. Loss?",
             expected=lambda: _contrastive(False, 0.3), kind="number", rel_tol=1e-4,
             mistakes=(("that is the same-class term d^2; a different pair pays max(margin - d, 0)^2",
                        lambda: 0.09),)),
    Exercise("siamese-contrastive-far", SIAMESE,
             "And a different-class pair at distance 1.5 (beyond the margin)? Loss?",
             expected=lambda: _contrastive(False, 1.5), kind="number", rel_tol=1e-4),
    Exercise("siamese-positive-pairs", SIAMESE,
             "One character drawn by 12 drawers: how many distinct same-class pairs can be made from its images?",
             expected=lambda: math.comb(12, 2), unit="pairs",
             mistakes=(("a pair is unordered: (a, b) and (b, a) are the same", lambda: 12 * 11),)),
]


for _ex in (*_AUTOENCODER, *_UNET, *_SIAMESE):
    register_exercise(_ex)
