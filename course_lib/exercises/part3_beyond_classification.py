"""Exercises of Part III, beyond image classification (chapters 12-16: autoencoder, U-Net,
Siamese networks, transfer learning, C3D). Expected values are computed."""

from __future__ import annotations

import math

import numpy as np

from .. import arithmetic as A
from .. import metrics
from .core import Exercise
from .profiles import from_layer, model_profile, profile_rows
from .registry import register_exercise

AUTOENCODER = "12_convolutional_autoencoder"
UNET = "13_unet"
SIAMESE = "14_siamese_one_shot"
TRANSFER = "15_transfer_learning"
C3D = "16_c3d_video"


# the original U-Net and a small 'same'-padded one (16 or 64 filters at the top)
UNET_ORIGINAL = (
    ("input_shape", (572, 572, 1)),
    ("num_classes", 2),
    ("padding", "valid"),
)


def _unet_small(n_filters):
    return (("input_shape", (64, 64, 1)), ("n_filters", n_filters))


def _code_size():
    return profile_rows("conv_autoencoder")["encoder/code"].output_shape[-1]


def _transpose_coverage():
    """How many kernel taps reach each output of a 1-D stride-2, size-3 transposed convolution."""
    import keras

    ones = np.ones((1, 8, 1), "float32")
    out = keras.ops.conv_transpose(
        ones, np.ones((3, 1, 1), "float32"), strides=2, padding="same"
    )
    return int(np.asarray(keras.ops.convert_to_numpy(out))[0, 2:-2, 0].max())


def _masks(pred_pixels, true_pixels, overlap):
    """Two 1-row masks with the given pixel counts and overlap."""
    size = pred_pixels + true_pixels
    pred, true = np.zeros((1, size)), np.zeros((1, size))
    pred[0, :pred_pixels] = 1
    true[0, pred_pixels - overlap : pred_pixels - overlap + true_pixels] = 1
    return true, pred


_AUTOENCODER = [
    Exercise(
        "ae-encoder-shape",
        AUTOENCODER,
        "The encoder: 28x28x1 -> 3x3 conv (32) -> 2x2 pool -> 3x3 conv (64) -> 2x2 pool -> 3x3 conv (64), "
        "all 'valid'. Output shape of the last convolution?",
        expected=from_layer("conv_autoencoder", "encoder/enc_conv3", "output_shape"),
        kind="shape",
    ),
    Exercise(
        "ae-code-params",
        AUTOENCODER,
        "The code layer is Dense(49) on the flattened 3x3x64 map. How many parameters?",
        expected=lambda: A.dense_params(3 * 3 * 64, _code_size()),
        unit="parameters",
    ),
    Exercise(
        "ae-compression",
        AUTOENCODER,
        "By what factor does the 49-number code compress a 28x28 image? (a number)",
        expected=lambda: 28 * 28 / _code_size(),
        kind="number",
        rel_tol=1e-6,
    ),
    Exercise(
        "ae-transpose-shape",
        AUTOENCODER,
        "A 3x3 transposed convolution with stride 2 and 'same' padding on a 7x7 map: output side?",
        expected=lambda: A.conv_transpose_output_size(7, 3, 2, padding="same"),
        unit="pixels",
        mistakes=(
            (
                "a stride-2 transposed convolution doubles the side with 'same' padding",
                lambda: A.conv_transpose_output_size(7, 3, 2),
            ),
        ),
    ),
    Exercise(
        "ae-transpose-valid",
        AUTOENCODER,
        "The notes' second listing uses a 3x3 stride-1 transposed convolution with 'valid' padding on 28x28. "
        "Output side?",
        expected=lambda: A.conv_transpose_output_size(28, 3, 1),
        unit="pixels",
        mistakes=(
            (
                "a 'valid' transposed convolution grows the map by kernel - 1",
                lambda: 26,
            ),
        ),
    ),
    Exercise(
        "ae-total-params",
        AUTOENCODER,
        "How many parameters has the whole autoencoder (trainable and not)?",
        expected=lambda: model_profile("conv_autoencoder").total_params,
        unit="parameters",
    ),
    Exercise(
        "ae-checkerboard",
        AUTOENCODER,
        "In 1-D, a stride-2 transposed convolution with a size-3 kernel of ones, applied to a signal of ones: "
        "away from the edges, what is the largest output value (how many taps overlap)?",
        expected=_transpose_coverage,
        unit="taps",
    ),
]


_UNET = [
    Exercise(
        "unet-original-output",
        UNET,
        "The original U-Net ('valid' convolutions, depth 4) on a 572x572 tile: side of the output mask?",
        expected=lambda: model_profile("unet", UNET_ORIGINAL).rows[-1].output_shape[0],
        unit="pixels",
        mistakes=(
            (
                "with 'valid' 3x3 convolutions the output is smaller than the input",
                lambda: 572,
            ),
        ),
    ),
    Exercise(
        "unet-concat-channels",
        UNET,
        "In a U-Net with 64 filters at the top level, the last up-convolution outputs 64 channels and is "
        "concatenated with the top encoder block's features. How many channels after concatenation?",
        expected=lambda: profile_rows("unet", _unet_small(64))[
            "up1_concat"
        ].output_shape[-1],
        unit="channels",
        mistakes=(("concatenation stacks the two maps' channels", lambda: 64),),
    ),
    Exercise(
        "unet-upconv-params",
        UNET,
        "A 2x2 stride-2 up-convolution from 1,024 to 512 channels: how many parameters (with biases)?",
        expected=lambda: A.conv_params(1024, 512, 2),
        unit="parameters",
    ),
    Exercise(
        "unet-iou",
        UNET,
        "A predicted mask has 40 pixels, the true mask 50, and 30 pixels are in both. IoU?",
        expected=lambda: metrics.iou(*_masks(40, 50, 30)),
        kind="number",
        rel_tol=1e-6,
        mistakes=(
            (
                "that is the Dice score; IoU divides by the union",
                lambda: metrics.dice(*_masks(40, 50, 30)),
            ),
        ),
    ),
    Exercise(
        "unet-dice",
        UNET,
        "And the Dice score of the same masks?",
        expected=lambda: metrics.dice(*_masks(40, 50, 30)),
        kind="number",
        rel_tol=1e-6,
        mistakes=(
            (
                "that is the IoU; Dice is 2|A and B| / (|A| + |B|)",
                lambda: metrics.iou(*_masks(40, 50, 30)),
            ),
        ),
    ),
    Exercise(
        "unet-down-shape",
        UNET,
        "A 'same'-padded U-Net with 16 filters at the top on a 64x64x1 image: output shape of the third encoder "
        "block (before its pooling)?",
        expected=lambda: (
            profile_rows("unet", _unet_small(16))["down3_relu2"].output_shape
        ),
        kind="shape",
    ),
]


KOCH = (("variant", "koch"),)
SMALL_SIAMESE = (("input_shape", (28, 28, 1)), ("variant", "small"))


def _contrastive(same, distance, margin=1.0):
    from ..models.one_shot import contrastive_loss

    loss = contrastive_loss(margin)(
        np.array([float(same)], "float32"), np.array([distance], "float32")
    )
    return float(np.asarray(loss))


def _koch_encoder_rows():
    return profile_rows("siamese", KOCH)


_SIAMESE = [
    Exercise(
        "siamese-koch-conv1",
        SIAMESE,
        "Koch et al.'s twin starts with 64 filters of 10x10 ('valid', stride 1) on a 105x105x1 image. "
        "Output shape?",
        expected=lambda: _koch_encoder_rows()["encoder/conv1"].output_shape,
        kind="shape",
        mistakes=(
            ("'valid': the side shrinks by kernel - 1 = 9", lambda: (95, 95, 64)),
        ),
    ),
    Exercise(
        "siamese-koch-flatten",
        SIAMESE,
        "After conv4 the twin's map is 6x6x256. How many numbers enter its 4,096-unit dense layer?",
        expected=lambda: _koch_encoder_rows()["encoder/flatten"].output_shape[-1],
        unit="features",
    ),
    Exercise(
        "siamese-koch-params",
        SIAMESE,
        "How many parameters has Koch et al.'s whole Siamese network (two twins with shared weights, "
        "plus the sigmoid unit on the 4,096 L1 differences)?",
        expected=lambda: model_profile("siamese", KOCH).total_params,
        unit="parameters",
        mistakes=(
            (
                "the twins share one set of weights: count the encoder once",
                lambda: (
                    2
                    * (
                        model_profile("siamese", KOCH).total_params
                        - A.dense_params(4096, 1)
                    )
                    + A.dense_params(4096, 1)
                ),
            ),
        ),
    ),
    Exercise(
        "siamese-head-params",
        SIAMESE,
        "The course's small Siamese network compares 64-number embeddings with a sigmoid unit on "
        "|h1 - h2|. How many parameters has that unit?",
        expected=lambda: profile_rows("siamese", SMALL_SIAMESE)["same_class"].params,
        unit="parameters",
        mistakes=(("one weight per embedding component, plus a bias", lambda: 64),),
    ),
    Exercise(
        "siamese-chance",
        SIAMESE,
        "A network that guesses at random: its expected accuracy in 20-way one-shot trials? (a fraction)",
        expected=lambda: 1 / 20,
        kind="number",
        rel_tol=1e-6,
    ),
    Exercise(
        "siamese-contrastive-different",
        SIAMESE,
        "Contrastive loss with margin 1: a different-class pair at distance 0.3. Loss?",
        expected=lambda: _contrastive(False, 0.3),
        kind="number",
        rel_tol=1e-4,
        mistakes=(
            (
                "that is the same-class term d^2; a different pair pays max(margin - d, 0)^2",
                lambda: 0.09,
            ),
        ),
    ),
    Exercise(
        "siamese-contrastive-far",
        SIAMESE,
        "And a different-class pair at distance 1.5 (beyond the margin)? Loss?",
        expected=lambda: _contrastive(False, 1.5),
        kind="number",
        rel_tol=1e-4,
    ),
    Exercise(
        "siamese-positive-pairs",
        SIAMESE,
        "One character drawn by 12 drawers: how many distinct same-class pairs can be made from its images?",
        expected=lambda: math.comb(12, 2),
        unit="pairs",
        mistakes=(
            ("a pair is unordered: (a, b) and (b, a) are the same", lambda: 12 * 11),
        ),
    ),
]


GLYPH_CNN = (("input_shape", (32, 32, 1)), ("num_classes", 130))


def _transfer_trainable(scenario, num_classes=10):
    """Trainable parameters of a frozen transfer model on a fresh glyph_cnn (weights do not matter)."""
    from ..models import build
    from ..models.transfer import transfer_model

    model = transfer_model(build("glyph_cnn", **dict(GLYPH_CNN)), num_classes, scenario)
    return sum(int(np.prod(w.shape)) for w in model.trainable_weights)


def _vgg16_conv_base_params():
    rows = model_profile("vgg16").rows
    return sum(
        r.params for r in rows[: [r.name for r in rows].index("block5_pool") + 1]
    )


_TRANSFER = [
    Exercise(
        "transfer-replace-last",
        TRANSFER,
        "Scenario 1 on the course's glyph_cnn: everything up to its 128-unit fc1 is frozen and a new softmax "
        "layer for the 10 digits is trained. How many trainable parameters?",
        expected=lambda: _transfer_trainable("replace_last"),
        unit="parameters",
        mistakes=(("the new layer has a bias per class too", lambda: 128 * 10),),
    ),
    Exercise(
        "transfer-replace-head",
        TRANSFER,
        "Scenario 2: the 128 encoder features feed a new 128-unit fc1 and a new 10-way softmax; the encoder is "
        "frozen. How many trainable parameters?",
        expected=lambda: _transfer_trainable("replace_head"),
        unit="parameters",
    ),
    Exercise(
        "transfer-glyph-cnn-params",
        TRANSFER,
        "How many parameters has the pretrained glyph_cnn (130 classes), batch-norm statistics included?",
        expected=lambda: model_profile("glyph_cnn", GLYPH_CNN).total_params,
        unit="parameters",
    ),
    Exercise(
        "transfer-alexnet-new-fc8",
        TRANSFER,
        "AlexNet pretrained on ImageNet ends with a 1,000-way fc8 on 4,096 fc7 units. Replacing it for a "
        "5-class data set: how many parameters has the new fc8?",
        expected=lambda: A.dense_params(
            from_layer("alexnet", "fc7", "output_shape")()[-1], 5
        ),
        unit="parameters",
    ),
    Exercise(
        "transfer-alexnet-code",
        TRANSFER,
        "Scenario 3 with AlexNet: remove the last layer and use the activations before it as features. "
        "How many numbers describe each image?",
        expected=lambda: from_layer("alexnet", "fc7", "output_shape")()[-1],
        unit="features",
    ),
    Exercise(
        "transfer-vgg16-frozen",
        TRANSFER,
        "VGG-16's convolutional base (everything up to block5_pool) is frozen. How many parameters does it hold?",
        expected=_vgg16_conv_base_params,
        unit="parameters",
    ),
]


_C3D = [
    Exercise(
        "c3d-conv1a-params",
        C3D,
        "C3D's conv1a: 64 filters of 3x3x3 over a 3-channel clip. How many parameters, biases included?",
        expected=from_layer("c3d", "conv1a", "params"),
        unit="parameters",
        mistakes=(
            (
                "that is the notes' count without biases; add one per filter",
                lambda: 3 * 27 * 64,
            ),
            (
                "a 3-D kernel has 3x3x3 = 27 taps per input channel",
                lambda: 3 * 9 * 64 + 64,
            ),
        ),
    ),
    Exercise(
        "c3d-pool2-shape",
        C3D,
        "conv2a outputs 16x56x56x128 (frames, height, width, channels). pool2 is 2x2x2 with stride 2. "
        "Its output shape?",
        expected=from_layer("c3d", "pool2", "output_shape"),
        kind="shape",
        mistakes=(
            (
                "pool2 halves time too (only pool1 keeps all frames)",
                lambda: (16, 28, 28, 128),
            ),
        ),
    ),
    Exercise(
        "c3d-pool1-frames",
        C3D,
        "pool1 is 1x2x2. How many frames does its output still have for a 16-frame clip?",
        expected=lambda: profile_rows("c3d")["pool1"].output_shape[0],
        unit="frames",
    ),
    Exercise(
        "c3d-fc6-inputs",
        C3D,
        "pool5 outputs 1x4x4x512. How many numbers enter fc6?",
        expected=lambda: profile_rows("c3d")["flatten"].output_shape[-1],
        unit="features",
    ),
    Exercise(
        "c3d-conv1a-memory",
        C3D,
        "How many activations does conv1a produce for one 16x112x112 clip (the notes' 'memory' column)?",
        expected=lambda: int(np.prod(profile_rows("c3d")["conv1a"].output_shape)),
        unit="activations",
    ),
    Exercise(
        "c3d-conv2a-macs",
        C3D,
        "conv2a: 128 filters of 3x3x3 over 64 channels, output 16x56x56x128. How many MACs?",
        expected=from_layer("c3d", "conv2a", "macs"),
        unit="MACs",
        mistakes=(
            (
                "that counts FLOPs (2 per MAC)",
                lambda: 2 * profile_rows("c3d")["conv2a"].macs,
            ),
        ),
    ),
    Exercise(
        "c3d-total-params",
        C3D,
        "How many parameters has C3D for UCF101's 101 classes?",
        expected=lambda: model_profile("c3d").total_params,
        unit="parameters",
    ),
]


for _ex in (*_AUTOENCODER, *_UNET, *_SIAMESE, *_TRANSFER, *_C3D):
    register_exercise(_ex)
