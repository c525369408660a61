"""Chapter 03 (shapes, padding, stride and pooling)."""

from course_lib import arithmetic as A
from course_lib.quiz import choice, numeric


def _valid_3x3_five_times(side=32):
    for _ in range(5):
        side = A.conv_output_size(side, 3)
    return side


def questions():
    side = _valid_3x3_five_times()
    return [
        numeric(
            "Output side of a 5x5 convolution, stride 2, padding 2, on a 32x32 input?",
            A.conv_output_size(32, 5, 2, 2),
            "Right: floor((32 - 5 + 4)/2) + 1.",
            "Use floor((W - F + 2P)/S) + 1.",
        ),
        choice(
            "What does Keras' padding='same' guarantee?",
            {
                "An output of ceil(W / S)": (
                    True,
                    "Right: the input size divided by the stride, rounded up; for stride 1 the size is kept. "
                    "Keras adds any odd pixel of padding at the bottom and right.",
                ),
                "The same number of parameters as the layer would have with 'valid'": (
                    False,
                    "True, but padding never changes the parameter count; that is not what 'same' names.",
                ),
                "An output the same size as the input, whatever the stride is": (
                    False,
                    "Only for stride 1; with stride 2 the output is half the size, rounded up.",
                ),
            },
        ),
        choice(
            "A 3x3 stride-3 convolution runs over a 7x7 input without padding. What happens to the last row?",
            {
                "No window reaches it, and it is dropped": (
                    True,
                    "Right: (7 - 3)/3 + 1 = 2.33, floored to 2; frameworks drop the row silently.",
                ),
                "It raises an error in every framework, since the sizes do not fit": (
                    False,
                    "Keras and PyTorch floor silently; course_lib raises only with exact=True.",
                ),
                "It is padded automatically so that a third window fits over it": (
                    False,
                    "Only if you ask for padding.",
                ),
            },
        ),
        choice(
            "Which change halves a feature map's height and width?",
            {
                "Stride 2": (
                    True,
                    "Right: with 'same' padding, stride 2 gives ceil(W/2).",
                ),
                "A 1x1 convolution with half as many filters as input channels": (
                    False,
                    "That halves the depth; height and width are unchanged.",
                ),
                "Doubling the kernel size of the convolution, with 'same' padding": (
                    False,
                    "'same' padding keeps the size for any kernel at stride 1.",
                ),
            },
        ),
        choice(
            "Why does a 2x2 max pooling layer add no parameters?",
            {
                "It takes a maximum: nothing to learn": (
                    True,
                    "Right: the window and stride are fixed hyperparameters.",
                ),
                "Because its weights are shared with the convolution that comes before it": (
                    False,
                    "Pooling has no weights at all to share.",
                ),
                "It has parameters, but Keras freezes them so they are not counted": (
                    False,
                    "A max needs no weights; count_params() reports zero because there are none.",
                ),
            },
        ),
        choice(
            "A 3x3 'valid' convolution is applied five times to a 32x32 image. What is lost?",
            {
                f"A border of {(32 - side) // 2} pixels on each side": (
                    True,
                    f"Right: each valid 3x3 layer trims one pixel per side, so 32 becomes {side}.",
                ),
                "Nothing, because a 3x3 kernel is centred on each input pixel": (
                    False,
                    "Without padding the kernel cannot be centred on the border pixels.",
                ),
                "Half the image each time, since every layer summarises its input": (
                    False,
                    "Halving comes from stride 2 or pooling, not from a valid 3x3.",
                ),
            },
        ),
        choice(
            "Five 3x3 stride-1 layers, no padding. Why does a corner pixel of the input "
            "barely influence the output?",
            {
                "It has a single path to the outputs, while a central pixel has thousands": (
                    True,
                    "Right: the corner lies in one window per layer, the centre in nine, and "
                    "the counts multiply through the stack.",
                ),
                "Its gradient is zeroed by the ReLU at every layer": (
                    False,
                    "The ReLU treats border and centre units alike; the imbalance comes from "
                    "how many windows contain each pixel.",
                ),
                "Frameworks skip the corner when the stride does not divide the size": (
                    False,
                    "With stride 1 every pixel is read; the corner is read by one window only.",
                ),
            },
        ),
        choice(
            "A 3x3 stride-2 convolution with 'same' padding on a 224x224 image is ported "
            "from Keras to PyTorch with padding=1. What changes?",
            {
                "Nothing visible in the shapes, but the sampling grid moves by one pixel": (
                    True,
                    "Right: Keras pads 0 before and 1 after, PyTorch 1 on each side; both give "
                    "112 outputs, on grids shifted by one pixel.",
                ),
                "The output becomes 113x113, so the weights no longer load": (
                    False,
                    "floor((224 + 2 - 3)/2) + 1 = 112 as well; the shapes agree, which is why "
                    "the mismatch goes unnoticed.",
                ),
                "The kernel is flipped, because PyTorch computes a true convolution": (
                    False,
                    "Both frameworks compute a cross-correlation; only the padding differs.",
                ),
            },
        ),
        choice(
            "Why does inserting a small blur before the subsampling of max pooling make a "
            "network more stable under one-pixel shifts?",
            {
                "Subsampling folds high frequencies into low ones; blurring removes them first": (
                    True,
                    "Right: it is the anti-aliasing filter of signal processing, which Zhang "
                    "(2019) inserted between the dense max and the subsampling.",
                ),
                "The blur adds parameters that learn to undo the shift": (
                    False,
                    "Zhang's blur is a fixed filter with no parameters.",
                ),
                "A blurred map has fewer pixels, so there is less to shift": (
                    False,
                    "The blur is applied at stride 1 and keeps the size; the subsampling after "
                    "it is unchanged.",
                ),
            },
        ),
    ]
