"""Chapter 01 (convolution as cross-correlation)."""

from course_lib import arithmetic as A
from course_lib.quiz import choice, numeric


def questions():
    return [
        choice(
            "What does keras.layers.Conv2D compute?",
            {
                "A cross-correlation": (
                    True,
                    "Right: the kernel slides without being flipped, and frameworks call it convolution anyway.",
                ),
                "A true convolution, with the kernel flipped in both axes first": (
                    False,
                    "No flip happens; compare the two in this chapter's code.",
                ),
                "A product of the image's and the kernel's Fourier transforms": (
                    False,
                    "Some libraries use FFTs internally, but the result is a cross-correlation.",
                ),
            },
        ),
        choice(
            "Why does it not matter for learning that the kernel is not flipped?",
            {
                "The network can learn the flipped kernel just as well": (
                    True,
                    "Yes: flipping is a fixed relabelling of the weights, so nothing learnable is lost.",
                ),
                "Because the kernels a network learns always come out symmetric": (
                    False,
                    "Sobel-like kernels, for one, are antisymmetric.",
                ),
                "Because the bias term of each filter corrects for the flip": (
                    False,
                    "The bias adds a constant; it cannot undo a flip.",
                ),
            },
        ),
        choice(
            "What makes convolution layers suited to images, compared with dense layers?",
            {
                "Local connections and shared weights": (
                    True,
                    "Right: few parameters, the same detector everywhere, and a shifted input gives a shifted output.",
                ),
                "They need no bias terms, so they have fewer parameters to learn": (
                    False,
                    "Convolutions have one bias per filter.",
                ),
                "They always reduce the spatial size, which summarises the image": (
                    False,
                    "With 'same' padding and stride 1 the size is kept.",
                ),
            },
        ),
        choice(
            "A stride-1 convolution is shift-equivariant. What does that mean?",
            {
                "Shifting the input shifts the output by the same amount": (
                    True,
                    "Right: the same kernel is applied everywhere, so features move with the image.",
                ),
                "Shifting the input leaves the output unchanged": (
                    False,
                    "That is invariance; pooling gives some of it.",
                ),
                "The output cannot depend on where things are": (
                    False,
                    "It does depend on position: the output moves with the input.",
                ),
            },
        ),
        choice(
            "A Sobel x kernel is applied to an image of a vertical black-white edge. Where is the response large?",
            {
                "Along the edge": (
                    True,
                    "Right: the kernel differences horizontal neighbours, which differ only at the vertical edge.",
                ),
                "Everywhere in the white half, where the pixel values are largest": (
                    False,
                    "Inside a flat region the neighbours are equal and the difference is zero.",
                ),
                "Nowhere, because that kernel responds only to horizontal edges": (
                    False,
                    "The x kernel measures change along x, which a vertical edge has.",
                ),
            },
        ),
        choice(
            "An RGB image meets a 3x3 Conv2D layer with 8 filters. What shape has one filter's kernel?",
            {
                "3x3x3": (True, "Right: each filter spans all input channels."),
                "3x3, shared by the three colour channels": (
                    False,
                    "Each input channel has its own 3x3 slice of the filter.",
                ),
                "3x3x8, one slice per output channel": (
                    False,
                    "The 8 counts filters; one filter's depth is the input's.",
                ),
            },
        ),
        numeric(
            "How many parameters has a layer of 4 filters of 3x3 over 3 input channels (with biases)?",
            A.conv_params(3, 4, 3),
            "Right: 4 x (3x3x3 + 1).",
            "Use N x (k1 x k2 x C + 1).",
        ),
        choice(
            "You load trained 3x3 kernels from a library whose convolution flips the kernel "
            "into a Keras Conv2D, without flipping them. Which first-layer filters keep "
            "working?",
            {
                "Only those symmetric under a half-turn, such as a Gaussian blur": (
                    True,
                    "Right: for such kernels the flip is the identity. A Sobel kernel flips into "
                    "its negative, so edge responses change sign, with no error raised.",
                ),
                "All of them, because the flip does not matter for learned kernels": (
                    False,
                    "It does not matter while training; here the kernels were trained under the "
                    "other convention and are reused without retraining.",
                ),
                "None of them, because Keras rejects kernels of the wrong orientation": (
                    False,
                    "The shapes are the same, so nothing is rejected; the outputs are silently "
                    "different for any kernel that is not half-turn symmetric.",
                ),
            },
        ),
        choice(
            "A locally connected layer (own filters at every position) and a convolution have "
            "the same windows, filter count and output size. How do they compare?",
            {
                "Same multiply-accumulates, far more parameters for the locally connected one": (
                    True,
                    "Right: each output is still one dot product over one window; sharing saves "
                    "parameters, one set instead of one per position, not arithmetic.",
                ),
                "Same parameters, but the convolution needs far fewer multiply-accumulates": (
                    False,
                    "Sharing reuses weights; every output still needs its own dot product, so "
                    "the arithmetic is the same.",
                ),
                "The convolution has fewer parameters and fewer multiply-accumulates": (
                    False,
                    "Parameters yes; the number of dot products and their length are the same "
                    "for both layers.",
                ),
            },
        ),
        choice(
            "Keras's Conv2D computes a cross-correlation. What does Conv2DTranspose, with the "
            "same kernel and stride 1, compute on a single channel?",
            {
                "A full true convolution: the kernel flipped, the input padded by k - 1": (
                    True,
                    "Right: it is the input gradient of the cross-correlation, which is a "
                    "convolution; the chapter checks it against scipy's convolve2d.",
                ),
                "A cross-correlation with the transposed kernel matrix K.T": (
                    False,
                    "The name refers to transposing the layer's matrix as a linear map, not to "
                    "transposing the 3x3 kernel.",
                ),
                "The inverse of the Conv2D layer, recovering its input": (
                    False,
                    "It restores the input's shape, not its values; a convolution is in general "
                    "not invertible.",
                ),
            },
        ),
    ]
