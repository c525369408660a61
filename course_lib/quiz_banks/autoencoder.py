"""Chapter 12 (the convolutional autoencoder): bottlenecks, transposed convolutions, uses."""

from course_lib import arithmetic as A
from course_lib.quiz import choice, numeric


def questions():
    return [
        choice(
            "Which of these does NOT stop an autoencoder from learning to copy its input?",
            {
                "A deeper encoder, with a code as large as the input": (
                    True,
                    "Right: depth adds capacity, not a constraint; with room for every pixel in "
                    "the code, copying is still the easiest solution.",
                ),
                "A code with far fewer numbers than the input": (
                    False,
                    "This does stop it: the code cannot hold every pixel, so it must keep what "
                    "the images have in common.",
                ),
                "Noisy inputs with the clean images as targets": (
                    False,
                    "This does stop it: copying would reproduce the noise, which the loss punishes.",
                ),
                "A penalty that keeps most code values at zero": (
                    False,
                    "This does stop it: a sparse code cannot carry every pixel, even if it is long.",
                ),
            },
        ),
        choice(
            "Is a stride-2 transposed convolution the inverse of a stride-2 convolution?",
            {
                "No: it only restores the shape": (
                    True,
                    "Right: it multiplies by the transposed matrix, which maps back to the "
                    "larger shape but does not undo the convolution.",
                ),
                "Yes, when it uses the same kernel as the convolution": (
                    False,
                    "The same kernel gives the transpose (the gradient's path), not the inverse; "
                    "a strided convolution loses information and has no inverse.",
                ),
                "Yes, which is why it is also called deconvolution": (
                    False,
                    "The name is a misnomer: deconvolution would undo a convolution, and this "
                    "layer does not.",
                ),
                "No: it changes the number of channels only": (
                    False,
                    "It changes the side too: stride 2 doubles it ('same' padding).",
                ),
            },
        ),
        choice(
            "Which stride-2 transposed convolution gives every output pixel (away from the "
            "borders) the same number of kernel contributions?",
            {
                "Kernel 4x4": (
                    True,
                    "Right: 4 is a multiple of the stride, so the kernel copies tile the output "
                    "evenly, two taps per pixel in each direction.",
                ),
                "Kernel 3x3": (
                    False,
                    "3 is not a multiple of 2: alternate pixels get two taps and one, the "
                    "checkerboard of this chapter.",
                ),
                "Kernel 5x5": (
                    False,
                    "5 is not a multiple of 2: alternate pixels get three taps and two.",
                ),
                "Kernel 7x7": (
                    False,
                    "7 is not a multiple of 2 either: alternate pixels get four taps and three.",
                ),
            },
        ),
        choice(
            "An autoencoder with one dense layer each way and no activations is trained with "
            "mean squared error. What does its code span, once trained to the optimum?",
            {
                "The space of the top principal components": (
                    True,
                    "Right: the best linear code spans the same subspace as PCA, though its "
                    "units need not be the components themselves.",
                ),
                "The principal components, one per unit, in order": (
                    False,
                    "Any invertible mixing of the components reconstructs equally well, so the "
                    "units are generally mixtures of them.",
                ),
                "A subspace unrelated to PCA, wherever gradient descent stops": (
                    False,
                    "At the optimum the subspace is PCA's: both minimise the same squared error.",
                ),
                "Nothing better than the mean image, since it is linear": (
                    False,
                    "A linear code is PCA, which beats the mean image in this chapter's table.",
                ),
            },
        ),
        choice(
            "The digits autoencoder is given the image of a letter. What do you expect?",
            {
                "A larger reconstruction error than for digits": (
                    True,
                    "Right: its code describes digits, so it rebuilds something digit-like; "
                    "that error is what an anomaly detector uses.",
                ),
                "A perfect copy, since convolutions work on any image": (
                    False,
                    "The convolutions do, but the image must pass through the small code, "
                    "which was fitted to digits.",
                ),
                "An error message, since the model accepts only digits": (
                    False,
                    "Any 28x28x1 array runs; nothing in the model checks what it shows.",
                ),
                "The same error as for a digit, since the pixels lie in [0, 1]": (
                    False,
                    "The range of the pixels does not decide the error; the shape they draw does.",
                ),
            },
        ),
        choice(
            "The encoder never saw a label, yet its codes group by digit. Why?",
            {
                "Alike images need alike codes to be rebuilt": (
                    True,
                    "Right: images of one digit share most pixels, so the decoder is best "
                    "served by codes that lie close together.",
                ),
                "The decoder's batch norm passes the class along": (
                    False,
                    "Batch norm uses statistics of the batch, not labels; no label enters training.",
                ),
                "The PCA used for the plot adds the class information": (
                    False,
                    "PCA sees only the codes; the labels only colour the points afterwards.",
                ),
                "Mean squared error weights each class separately": (
                    False,
                    "The loss compares pixels with pixels; it knows nothing of classes.",
                ),
            },
        ),
        numeric(
            "A 3x3 transposed convolution with stride 2 and 'valid' padding is applied to a 7x7 "
            "map. What is the output side?",
            A.conv_transpose_output_size(7, 3, 2, padding="valid"),
            "Right: (7 - 1) x 2 + 3; 'same' padding would trim it to 14.",
            "Use (n - 1) s + k for a transposed convolution without padding.",
        ),
    ]
