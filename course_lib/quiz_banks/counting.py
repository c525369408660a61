"""Chapter 00 (counting with course_lib): parameters, MACs and where they live."""

from course_lib import arithmetic as A
from course_lib.quiz import choice, numeric


def questions():
    return [
        choice(
            "Why does GoogLeNet put 1x1 convolutions before its 3x3 and 5x5 convolutions?",
            {
                "To cut the channels the costly filters must span": (
                    True,
                    "Right: a 1x1 'bottleneck' shrinks the depth the 5x5 filters read, so they cost far fewer MACs.",
                ),
                "To enlarge the receptive field of the module's later layers": (
                    False,
                    "A 1x1 convolution sees one pixel; it adds nothing to the field.",
                ),
                "To halve the height and width of the feature map before the 5x5": (
                    False,
                    "They use stride 1; the spatial size is unchanged.",
                ),
            },
        ),
        choice(
            "A paper reports 3.8 GFLOPs for a network; the profiler says 3.86 G MACs. What is most likely?",
            {
                "The paper's 'FLOPs' are multiply-adds": (
                    True,
                    "Yes: the ResNet paper counts multiply-adds and calls them FLOPs.",
                ),
                "The profiler counts each multiplication and each addition twice": (
                    False,
                    "Then FLOPs would be about twice the MACs, not equal to them.",
                ),
                "The profiled network is a different, larger variant of the model": (
                    False,
                    "A 1.5% gap is rounding; the units are the real question.",
                ),
            },
        ),
        choice(
            "Which layers of VGG-16 hold most of its parameters, and which most of its activations?",
            {
                "Parameters: the dense layers; activations: the first convolutions": (
                    True,
                    "Right: the dense layers connect everything to everything; the early maps are large.",
                ),
                "Both sit in the first convolutions, where the images are largest": (
                    False,
                    "A convolution's parameter count does not depend on the image size.",
                ),
                "Both sit in the dense layers at the end of the network": (
                    False,
                    "The dense layers' outputs are vectors of a few thousand numbers: small activations.",
                ),
            },
        ),
        choice(
            "Doubling the input's height and width of a fully convolutional network multiplies its MACs by about...",
            {
                "4": (
                    True,
                    "Right: every map has four times the positions; the weights are unchanged.",
                ),
                "2": (False, "MACs grow with the area, not the side."),
                "1, since the weights are the same": (
                    False,
                    "The parameters stay the same; the work per image does not.",
                ),
            },
        ),
        numeric(
            "How many pixels wide is the receptive field of three stacked 3x3, stride-1 convolutions?",
            A.receptive_field([(3, 1)] * 3).size,
            "Right: each 3x3 layer adds 2 pixels.",
            "Each stride-1 3x3 layer adds 2 pixels to the field.",
        ),
        numeric(
            "How many parameters (with biases) has a 3x3 convolution from 64 to 128 channels?",
            A.conv_params(64, 128, 3),
            "Right: 128 x (3x3x64 + 1).",
            "Use N x (k x k x C + 1) with N = 128 filters and C = 64 input channels.",
        ),
    ]
