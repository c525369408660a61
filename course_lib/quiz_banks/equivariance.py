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
        choice(
            "Zhang inserts a small blur before every subsampling step. Why does that make a network more consistent under one-pixel shifts?",
            {
                "It makes every strided layer exactly equivariant to one-pixel shifts": (
                    False,
                    "The output still lives on the coarse grid and cannot move by half a position; the layer becomes more stable, not exactly equivariant.",
                ),
                "It removes the fast variations that subsampling would fold into slow ones": (
                    True,
                    "Right: aliased content is what flips when the input moves by one pixel; blurring first leaves little of it to alias.",
                ),
                "It enlarges the receptive field, so each unit sees the whole object": (
                    False,
                    "A 3x3 blur adds only a pixel of radius; the gain comes from suppressing high frequencies before subsampling.",
                ),
            },
        ),
        choice(
            "A group-equivariant layer applies each filter in all four 90-degree rotations. What happens to its output when the input image is rotated by 90 degrees?",
            {
                "Nothing: the layer is invariant to the rotation": (
                    False,
                    "That would need pooling over the rotations (and positions); the layer itself is equivariant, so its output changes in a predictable way.",
                ),
                "Each map rotates, and the four rotation channels are cyclically permuted": (
                    True,
                    "Right: the filter that answered a vertical edge now meets a horizontal one, so its rotated copy takes over; this is the output action T' of the general definition.",
                ),
                "The maps rotate, while each channel keeps the same filter's response": (
                    False,
                    "A rotated edge is answered by the rotated copy of the filter, so the responses move to another rotation channel.",
                ),
            },
        ),
        choice(
            "A vision transformer embeds 16x16 patches and adds a learned position embedding. For which input shifts is the patch embedding alone an exact shifted copy, and what do the position embeddings change?",
            {
                "Any shift: a linear map of each patch treats all positions alike": (
                    False,
                    "The embedding is a convolution with stride 16, so a shift that is not a multiple of 16 cuts different patches.",
                ),
                "Only multiples of 16; the position embeddings then break even those": (
                    True,
                    "Right: a whole-patch shift moves the content onto different position vectors, so nothing is guaranteed after the addition.",
                ),
                "Only multiples of 16, and the position embeddings restore equivariance for the rest": (
                    False,
                    "A different vector for each position cannot undo the cutting of patches; it adds absolute position, the opposite of equivariance.",
                ),
            },
        ),
    ]
