"""Chapter 11 (MobileNet): depthwise separable convolutions, the two multipliers, inverted residuals."""

from course_lib import arithmetic as A
from course_lib.quiz import choice, numeric


def _separable_weights(in_channels, out_channels, kernel=3):
    """Kernel weights (no biases) of a depthwise separable layer: depthwise k x k, then pointwise 1x1."""
    return A.separable_conv_params(in_channels, out_channels, kernel, bias=False)


def questions():
    return [
        choice(
            "A separable 3x3 layer's output channels grow from 256 to 1024. How does its cost, "
            "as a fraction of a standard 3x3 convolution's, change?",
            {
                "Hardly at all: it stays just above 1/9": (
                    True,
                    "Right: 1/N + 1/9 is dominated by 1/9 once N is in the hundreds, so a wider layer saves little more.",
                ),
                "It falls by a factor of four, with the 1/N term": (
                    False,
                    "Only the small 1/N term shrinks fourfold; the 1/9 of the depthwise filters stays.",
                ),
                "It rises, because the pointwise layer now has four times the weights": (
                    False,
                    "The standard convolution's cost grows fourfold too, so the fraction does not rise.",
                ),
            },
        ),
        choice(
            "Which of MobileNet's two knobs leaves the number of parameters unchanged?",
            {
                "The resolution multiplier": (
                    True,
                    "Right: a convolution's weights do not depend on the size of the map they slide over.",
                ),
                "The width multiplier": (
                    False,
                    "It scales every layer's channels, so the weights shrink roughly with its square.",
                ),
                "Neither: both shrink the weights, as both shrink the MACs": (
                    False,
                    "The MACs depend on the map size, the weights do not; the two knobs differ exactly there.",
                ),
            },
        ),
        choice(
            "After the depthwise factorisation, which layers would you make faster first to speed up MobileNet?",
            {
                "The pointwise 1x1 convolutions": (
                    True,
                    "Right: they hold most of the MACs, and they are plain matrix multiplications, which accelerators do well.",
                ),
                "The depthwise 3x3 convolutions, the new kind of layer": (
                    False,
                    "They are cheap by construction: D_K^2 M D_F^2 is a small share of the total.",
                ),
                "The standard 3x3 convolution at the input, conv1": (
                    False,
                    "It is a single layer on three input channels, a few percent of the computation.",
                ),
                "The fully connected classifier at the end": (
                    False,
                    "It holds many weights but does one multiply per weight per image: little computation.",
                ),
            },
        ),
        choice(
            "A depthwise separable MobileNet needs about eight times fewer MACs than its full-convolution twin, "
            "but on a GPU it runs far less than eight times faster. Why?",
            {
                "Depthwise layers are limited by memory traffic, not arithmetic": (
                    True,
                    "Right: each weight and input is reused few times, so the GPU waits for data instead of computing.",
                ),
                "The profiler undercounts the depthwise layers' MACs by a large factor": (
                    False,
                    "The counts reproduce the paper's tables; the gap is between MACs and time.",
                ),
                "Batch normalization after every layer doubles the work": (
                    False,
                    "Batch norm is a per-channel scale and shift, cheap next to any convolution.",
                ),
            },
        ),
        choice(
            "Why does a MobileNetV2 block have no activation after its projecting 1x1 convolution?",
            {
                "A ReLU there would destroy information in the narrow map": (
                    True,
                    "Right: the 'linear bottleneck'; the non-linearities act on the wide, expanded map instead.",
                ),
                "To save the cost of one ReLU per block": (
                    False,
                    "A ReLU costs almost nothing; the reason is what it would destroy.",
                ),
                "Because the Add of the shortcut already acts as a non-linearity": (
                    False,
                    "An addition is linear; it adds no non-linearity.",
                ),
            },
        ),
        choice(
            "Why does a stride-2 MobileNetV2 block have no shortcut?",
            {
                "Its output is smaller than its input, so they cannot be added": (
                    True,
                    "Right: Add needs equal shapes; the block halves height and width (and usually changes the channels too).",
                ),
                "Shortcuts only help in the later, narrower layers of a network": (
                    False,
                    "The stride-1 blocks of every stage have shortcuts, early ones included.",
                ),
                "A stride-2 block is always the last of the network": (
                    False,
                    "Stride-2 blocks open four of the seven stages of Table 2.",
                ),
            },
        ),
        choice(
            "A small MobileNet reaches high training accuracy on a small data set but sits at chance on the test set. "
            "Which cause does this chapter point to?",
            {
                "Batch norm's moving averages have not settled after so few updates": (
                    True,
                    "Right: test-time predictions use those averages; more updates (a smaller batch) let them catch up.",
                ),
                "Depthwise convolutions cannot learn on small images": (
                    False,
                    "They learn; the gap between training and test comes from what the test mode uses.",
                ),
                "ReLU6 saturates and stops the gradients": (
                    False,
                    "That would hurt training accuracy too, and training accuracy is high.",
                ),
            },
        ),
        numeric(
            "How many weights (no biases) has a depthwise separable 3x3 layer from 128 to 256 channels?",
            _separable_weights(128, 256),
            "Right: 3 x 3 x 128 depthwise weights plus 128 x 256 pointwise ones.",
            "Add the depthwise part, one 3x3 filter per input channel, and the pointwise part, 128 x 256.",
        ),
    ]
