"""Exercises of Part IV, after ResNet (chapter 17: squeeze-and-excitation, ResNeXt, DenseNet,
ConvNeXt). Expected values come from the blocks of course_lib.models.modern and the profiler."""

from __future__ import annotations

from .core import Exercise
from .profiles import model_profile
from .registry import register_exercise

MODERN = "17_modern_cnns"


def _block_params(block, input_shape, *args, weights_only=False, **kwargs):
    """Parameters of one block from course_lib.models.modern on an input of ``input_shape``
    (``weights_only``: convolution and dense weights, without batch norm and biases)."""
    from ..models import block_model, kernel_weights, modern

    model = block_model(getattr(modern, block), input_shape, *args, **kwargs)
    return kernel_weights(model) if weights_only else model.count_params()


def _resnet_bottleneck_weights():
    from ..models import block_model, bottleneck_block, kernel_weights

    return kernel_weights(block_model(bottleneck_block, (56, 56, 256), 64))


_MODERN = [
    Exercise(
        "modern-se-params",
        MODERN,
        "A squeeze-and-excitation block on 256 channels with reduction ratio 16 (two dense layers with biases). "
        "How many parameters?",
        expected=lambda: _block_params("se_block", (14, 14, 256), 16),
        unit="parameters",
        mistakes=(("both dense layers have biases: 16 and 256", lambda: 2 * 256 * 16),),
    ),
    Exercise(
        "modern-resnext-weights",
        MODERN,
        "A ResNeXt block on a 256-channel input: 1x1 to 128, 3x3 in 32 groups of 4 channels, 1x1 to 256. "
        "How many convolution weights (no biases, no batch norm)?",
        expected=lambda: _block_params(
            "resnext_block", (56, 56, 256), 128, weights_only=True
        ),
        unit="weights",
        mistakes=(
            (
                "a grouped 3x3 connects each output only to its group's 4 input channels",
                lambda: 256 * 128 + 9 * 128 * 128 + 128 * 256,
            ),
        ),
    ),
    Exercise(
        "modern-resnet-bottleneck-weights",
        MODERN,
        "And ResNet's bottleneck on the same input: 1x1 to 64, 3x3 (64 to 64), 1x1 to 256. Convolution weights?",
        expected=_resnet_bottleneck_weights,
        unit="weights",
    ),
    Exercise(
        "modern-dense-channels",
        MODERN,
        "A dense block of 6 layers with growth rate 32 on a 64-channel input: how many channels leave it?",
        expected=lambda: _block_output_channels("dense_block", (8, 8, 64), 6, 32),
        unit="channels",
        mistakes=(
            (
                "every layer adds 32 maps to all the earlier ones; nothing is replaced",
                lambda: 32,
            ),
        ),
    ),
    Exercise(
        "modern-convnext-params",
        MODERN,
        "A ConvNeXt block at 96 channels: depthwise 7x7 (with biases), LayerNorm, Dense 96->384 and 384->96 "
        "(with biases), layer scale. How many parameters?",
        expected=lambda: _block_params("convnext_block", (56, 56, 96)),
        unit="parameters",
    ),
    Exercise(
        "modern-se-resnet-extra",
        MODERN,
        "How many parameters does SE-ResNet-50 add to ResNet-50 (both with 1,000 classes)?",
        expected=lambda: (
            model_profile("se_resnet50").total_params
            - model_profile("resnet50").total_params
        ),
        unit="parameters",
    ),
]


def _block_output_channels(block, input_shape, *args):
    from ..models import block_model, modern

    return int(block_model(getattr(modern, block), input_shape, *args).output.shape[-1])


for _ex in _MODERN:
    register_exercise(_ex)
