"""Chapter 04 (receptive fields)."""

from course_lib import arithmetic as A
from course_lib.quiz import choice, numeric


def questions():
    three = A.receptive_field([(3, 1)] * 3).size
    strided = A.receptive_field([(3, 2), (3, 1)]).size
    late = (
        A.receptive_field([(3, 2)] * 4 + [(3, 1)]).size
        - A.receptive_field([(3, 2)] * 4).size
    )
    return [
        numeric(
            "Receptive field of three stacked 3x3 stride-1 convolutions?",
            three,
            "Right: 3, then 5, then 7.",
            "Each stride-1 3x3 layer adds 2.",
        ),
        numeric(
            "A 3x3 stride-2 convolution is followed by a 3x3 stride-1 convolution. How wide is the second layer's receptive field on the input?",
            strided,
            "Right: the second layer's 2 extra pixels are 2 input pixels apart, so it adds 4.",
            "After a stride-2 layer each further pixel of kernel spans 2 input pixels (the jump).",
        ),
        choice(
            "Why did VGG stack 3x3 convolutions instead of using 7x7 ones?",
            {
                "Fewer weights and two more non-linearities": (
                    True,
                    "Right: three 3x3 layers see as far as one 7x7 with 27C² instead of 49C² weights "
                    "(Simonyan and Zisserman, section 2.3).",
                ),
                "A stack of 3x3 kernels sees further than a single 7x7 kernel does": (
                    False,
                    "The stack sees exactly 7x7, the same as the single kernel.",
                ),
                "GPUs of the time could not run kernels larger than 3x3 efficiently": (
                    False,
                    "AlexNet's 11x11 ran on GPUs in 2012.",
                ),
            },
        ),
        choice(
            "How does the effective receptive field compare with the theoretical one?",
            {
                "Roughly Gaussian, using only part of the square": (
                    True,
                    "Right (Luo et al. 2016): the centre pixels have many more paths to the output.",
                ),
                "It always equals the theoretical field, pixel for pixel": (
                    False,
                    "Measure it in this chapter: most of the mass sits near the centre.",
                ),
                "It is larger than the theoretical field, thanks to the padding": (
                    False,
                    "No pixel outside the theoretical field has any influence.",
                ),
            },
        ),
        choice(
            "Which change grows the receptive field fastest as layers are added?",
            {
                "Downsampling early (stride or pooling)": (
                    True,
                    "Right: after downsampling every later kernel pixel spans several input pixels.",
                ),
                "More filters per layer, so that each layer sees more patterns": (
                    False,
                    "Width changes what a layer can detect, not how far it sees.",
                ),
                "Adding 1x1 convolutions between the 3x3 layers of the network": (
                    False,
                    "A 1x1 convolution adds nothing to the field.",
                ),
            },
        ),
        choice(
            "A classifier's last feature map has a theoretical receptive field larger than the image. Does every output see the whole image equally?",
            {
                "No: central pixels still dominate": (
                    True,
                    "Right: the effective field is concentrated; padding zeros fill the rest of the theoretical square.",
                ),
                "Yes: once the field covers the image, every pixel has the same influence": (
                    False,
                    "Influence falls off from the centre, however large the theoretical field.",
                ),
                "Yes, because the pooling layers average the influence of all pixels": (
                    False,
                    "Local pooling does not make influence uniform; only a global average comes close.",
                ),
            },
        ),
        numeric(
            "Four 3x3 stride-2 layers are followed by one 3x3 stride-1 layer. How many input pixels does that last layer add to the receptive field?",
            late,
            "Right: its 2 extra kernel pixels are each a jump of 2^4 = 16 input pixels apart.",
            "A layer adds (k - 1) times the jump of the layer below, and the jump is the product of all strides before it.",
        ),
        choice(
            "In GoogLeNet's inception (3a), the 1x1 branch and the 5x5 branch are concatenated. What is true of the receptive field at one position of the concatenated map?",
            {
                "Different channels see windows of different sizes around the same centre": (
                    True,
                    "Right: the 1x1 channels see the field of the module's input, the 5x5 channels a wider window; "
                    "the padding keeps the centres aligned.",
                ),
                "All channels share the 5x5 branch's field, since concatenation merges the branches": (
                    False,
                    "Concatenation only stacks channels; each channel keeps the window of the branch that computed it.",
                ),
                "All channels share the 1x1 branch's field, because the narrowest branch limits the module": (
                    False,
                    "Nothing limits a branch to the narrowest one; the 5x5 branch really reads a wider window.",
                ),
            },
        ),
        choice(
            "A stride-1 stack of 3x3 ReLU layers is made four times deeper. Roughly how do its fields change (Luo et al. 2016)?",
            {
                "Both fields grow about fourfold, since every layer adds the same number of pixels": (
                    False,
                    "That holds for the theoretical field only; the gradient spreads like a sum of random steps.",
                ),
                "The theoretical field grows about fourfold, the effective one about twofold": (
                    True,
                    "Right: the theoretical field grows like n, the effective one like the square root of n.",
                ),
                "The effective field stays the same while the theoretical one grows": (
                    False,
                    "It does grow, only more slowly: the measured slope in the chapter is close to one half.",
                ),
            },
        ),
    ]
