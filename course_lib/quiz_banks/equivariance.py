"""Chapter 05 (equivariance and invariance)."""

from course_lib import arithmetic as A
from course_lib.quiz import choice, numeric


def questions():
    return [
        choice(
            "Shift an image by one pixel. What happens to a stride-1 convolution's output?",
            {
                "It shifts by one pixel too (away from the borders)": (
                    True,
                    "Right: equivariance.",
                ),
                "It stays exactly the same": (False, "That would be invariance."),
                "It changes in a way that cannot be predicted": (
                    False,
                    "The same kernel is applied everywhere, so the output simply moves.",
                ),
            },
        ),
        choice(
            "Which part of a CNN makes its class scores (nearly) invariant to small shifts?",
            {
                "Pooling, above all the final global average": (
                    True,
                    "Right; strided layers weaken it again.",
                ),
                "The first convolution, which sees the raw pixels": (
                    False,
                    "It is equivariant, not invariant.",
                ),
                "The bias terms, which are the same at every position": (
                    False,
                    "Biases do not pool over positions.",
                ),
            },
        ),
        choice(
            "Why does a stride-2 layer break exact shift equivariance?",
            {
                "It samples every other position": (
                    True,
                    "Right: a one-pixel shift moves the input between the kept and the dropped positions (aliasing).",
                ),
                "Because a stride-2 layer uses different weights at even and odd positions": (
                    False,
                    "The weights are shared; only the sampling grid changes.",
                ),
                "It does not: a stride-2 layer is as shift-equivariant as a stride-1 one": (
                    False,
                    "Shift the input by one pixel and compare: the output does not simply shift.",
                ),
            },
        ),
        choice(
            "Is a CNN equivariant to rotating the image by 90 degrees?",
            {
                "Not in general": (
                    True,
                    "Right: a learned kernel is not rotation-symmetric; rotation robustness must come from data augmentation or special layers.",
                ),
                "Yes, because convolution treats every direction of the image alike": (
                    False,
                    "Convolution shares weights across positions, not orientations.",
                ),
                "Yes, as long as the network ends with global average pooling": (
                    False,
                    "Global pooling removes position, not orientation.",
                ),
            },
        ),
        choice(
            "Why can invariance hurt a network that must locate objects, such as a segmentation network?",
            {
                "It throws away the position the task needs": (
                    True,
                    "Right: a segmentation map must move with the object; such networks keep equivariance and restore resolution.",
                ),
                "Invariant networks cannot be trained with gradient descent": (
                    False,
                    "They train fine; they just discard information.",
                ),
                "Because invariance makes a network need many more parameters": (
                    False,
                    "Pooling adds no parameters; the cost is lost position, not size.",
                ),
            },
        ),
        numeric(
            "A network's total stride is 32. What is the smallest input shift that shifts its last feature map by exactly one position?",
            A.receptive_field([(3, 2)] * 5).jump,
            "Right: 2^5.",
            "Multiply the strides of all layers.",
        ),
    ]
