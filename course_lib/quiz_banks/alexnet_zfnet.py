"""Chapter 07, AlexNet and ZFNet: input sizes, where the cost is, grouped convolutions, ZFNet's fix."""

from __future__ import annotations

from .. import arithmetic as A
from ..quiz import choice, numeric


def _alexnet_pool5_side(side: int) -> int:
    """Side of AlexNet's pool5 for a square input, with Keras's flooring ('valid' conv1 and pools)."""
    side = A.pool_output_size(A.conv_output_size(side, 11, 4), 3, 2)  # conv1, pool1
    side = A.pool_output_size(
        A.conv_output_size(side, 5, 1, "same"), 3, 2
    )  # conv2, pool2
    return A.pool_output_size(side, 3, 2)  # conv3-5 keep the size ('same'); pool5


def questions() -> list[dict]:
    """The quiz of chapter 07 (quiz name ``alexnet-zfnet``)."""
    pool5_224, pool5_227 = _alexnet_pool5_side(224), _alexnet_pool5_side(227)
    fc6_at_224 = A.dense_params(pool5_224 * pool5_224 * 256, 4096)
    return [
        choice(
            "You build AlexNet for 224x224 images, the size the paper states, with "
            '`build("alexnet", input_shape=(224, 224, 3))`. What happens?',
            {
                "It builds, with slightly smaller maps and a smaller fc6": (
                    True,
                    f"Right: Keras floors each division, so conv1 is "
                    f"{A.conv_output_size(224, 11, 4)} wide instead of "
                    f"{A.conv_output_size(227, 11, 4)} and pool5 "
                    f"{pool5_224}x{pool5_224} instead of {pool5_227}x{pool5_227}; only fc6's "
                    "weights, which read the flattened pool5, change in number.",
                ),
                "Keras raises an error, because the stride does not divide the input": (
                    False,
                    "Keras floors silently; only course_lib.arithmetic with exact=True "
                    "refuses the fit.",
                ),
                "Keras pads the image to 227x227 first": (
                    False,
                    "conv1 uses padding='valid': nothing is added, the last columns that "
                    "no window reaches are dropped.",
                ),
                "The network outputs fewer than 1000 classes": (
                    False,
                    "fc8's width is set by num_classes, not by the input size.",
                ),
            },
        ),
        numeric(
            f"At 224x224 AlexNet's pool5 is {pool5_224}x{pool5_224}x256. How many parameters "
            "(weights and biases) has fc6, with its 4096 units, then?",
            fc6_at_224,
            "Right: the flattened pool5 times 4096, plus 4096 biases; the convolutions "
            "keep their parameters whatever the input size.",
            f"Flatten pool5 ({pool5_224} x {pool5_224} x 256 numbers), multiply by the 4096 "
            "units, and add one bias per unit.",
        ),
        choice(
            "You must halve AlexNet's computation per image. Where do you look first?",
            {
                "The convolution layers": (
                    True,
                    "Right: they do almost all of the multiply-accumulates, each weight "
                    "being used at every position of its map.",
                ),
                "fc6 and fc7, which hold most of the parameters": (
                    False,
                    "Each dense weight is used once per image: most parameters, but a small "
                    "share of the MACs.",
                ),
                "The dropout layers, which run on every image": (
                    False,
                    "Dropout multiplies by a mask during training only, and costs nothing at test time.",
                ),
                "The max-pooling layers, which see the largest maps": (
                    False,
                    "Pooling takes maxima without weights; course_lib counts it as no MACs, "
                    "and its cost is small.",
                ),
            },
        ),
        choice(
            "With groups=2, each of conv2's filters sees only half of conv1's channels. What "
            "happens to conv2's multiply-accumulates per image?",
            {
                "They halve, as its weights do": (
                    True,
                    "Right: every output is a dot product over half as many inputs, at the "
                    "same positions.",
                ),
                "They stay the same, since the output has the same shape": (
                    False,
                    "The output shape is the same, but each output value needs half as many "
                    "products.",
                ),
                "They double, since two groups are computed instead of one": (
                    False,
                    "Each group computes half of the filters over half of the channels: a "
                    "quarter of the work each, half in total.",
                ),
            },
        ),
        choice(
            "In the paper's two-GPU AlexNet, where do the two GPUs' feature maps meet?",
            {
                "In conv3 and in the fully connected layers": (
                    True,
                    "Right: those layers read the maps of both towers; the others are grouped.",
                ),
                "In conv2, conv4 and conv5": (
                    False,
                    "Those are exactly the grouped layers, which see only their own GPU's channels.",
                ),
                "Only in fc8, the output layer": (
                    False,
                    "conv3 and fc6 already read both towers' maps.",
                ),
                "Nowhere: each GPU ends in a classifier of its own": (
                    False,
                    "There is a single classifier; fc6 reads the pool5 maps of both GPUs.",
                ),
            },
        ),
        choice(
            "Zeiler and Fergus traced aliasing in AlexNet's second-layer features to conv1's stride "
            "of 4. Why does a stride of 2 help?",
            {
                "It samples each filter's response twice as densely along each axis": (
                    True,
                    "Right: patterns finer than the sampling step no longer fold into false, "
                    "coarser ones.",
                ),
                "It gives conv1 more filters": (
                    False,
                    "The stride changes where filters are applied, not how many there are.",
                ),
                "It enlarges each conv1 unit's receptive field": (
                    False,
                    "A unit's field is its kernel, which ZFNet even made smaller (7x7).",
                ),
                "It adds parameters to conv1": (
                    False,
                    "Parameters do not depend on the stride; ZFNet's smaller kernel has fewer.",
                ),
            },
        ),
        choice(
            "Why does AlexNet apply dropout in fc6 and fc7 and not after its convolutions?",
            {
                "Most of the weights, and so most of the room to overfit, are there": (
                    True,
                    "Right: the two layers hold most of the parameters, and dropout stops their "
                    "units from relying on one another.",
                ),
                "Dropout cannot be applied to feature maps": (
                    False,
                    "It can (spatial dropout drops whole maps); the paper chose the layers "
                    "that hold the parameters.",
                ),
                "The convolutions already have LRN, which regularises them as much": (
                    False,
                    "LRN normalises responses across neighbouring maps; the paper credits it "
                    "with a small accuracy gain, not as a substitute for dropout.",
                ),
                "Dropout would change the convolutions' output shapes": (
                    False,
                    "Dropout zeroes values and rescales the rest; shapes are unchanged.",
                ),
            },
        ),
    ]
