"""Chapter 08, "Predict, then run": each block's 3x3 stack replaced by one large filter."""

from course_lib.quiz import choice


def questions():
    return [
        choice(
            "In VGG-16's convolutional part, each block's stack of 3x3 layers becomes one layer "
            "of the same receptive field (5x5 in blocks 1-2, 7x7 in blocks 3-5), same widths. "
            "What happens to the MACs per image?",
            {
                "They stay about the same": (
                    True,
                    "Right: block 5 costs more, but block 1 loses its expensive 64-to-64 "
                    "layer at full resolution, and in the widening blocks the stack's later "
                    "layers run at the doubled width; the changes nearly cancel.",
                ),
                "They grow by about 49/27, as the 3x3 argument predicts": (
                    False,
                    "49/27 holds only where every layer has the same channels in and out, "
                    "which in VGG-16 is block 5 alone.",
                ),
                "They fall to about a third, since 13 layers become 5": (
                    False,
                    "Fewer layers, but each large filter does more work per position: "
                    "25 or 49 taps instead of 9.",
                ),
            },
        ),
        choice(
            "And the receptive field of the last pooling layer on the input image?",
            {
                "Unchanged": (
                    True,
                    "Right: each large filter sees exactly what the stack it replaces saw, "
                    "and the poolings are the same.",
                ),
                "Smaller, because there are fewer layers": (
                    False,
                    "Depth is not what counts: a 7x7 layer adds as much as three 3x3 layers.",
                ),
                "Larger, because the kernels are larger": (
                    False,
                    "Each kernel is exactly as large as its stack's receptive field, no more.",
                ),
            },
        ),
    ]
