"""Chapter 08 (VGG): why the design works, what depth costs, what breaks."""

from course_lib import arithmetic as A
from course_lib.models import vgg as vgg_module
from course_lib.quiz import choice, numeric


def _fc1_params(side: int) -> int:
    """Parameters of VGG's fc1 (with biases) for a square input of ``side`` pixels:
    five 2x2 poolings, then 512 channels flattened into 4,096 units."""
    for _ in vgg_module.CONFIGS["D"]:
        side = A.pool_output_size(side, 2, 2)
    return A.dense_params(side * side * vgg_module.WIDTHS[-1], 4096)


def questions():
    return [
        choice(
            "Configurations A to E go from 11 to 19 weight layers, yet their parameter counts "
            "differ by less than a tenth. Why?",
            {
                "Most parameters sit in fc1, whose size is set by the 7x7x512 map": (
                    True,
                    "Right: extra convolutions change the depth, not the size of the last map, "
                    "so fc1's share dominates in every configuration.",
                ),
                "The deeper configurations compensate with narrower blocks": (
                    False,
                    "Every configuration uses the same widths, 64 up to 512 channels.",
                ),
                "The added layers are 1x1 convolutions, which have few weights": (
                    False,
                    "Only configuration C uses 1x1 layers; D and E add full 3x3 layers.",
                ),
                "The added layers share their weights with the existing ones": (
                    False,
                    "No VGG layer shares weights; each convolution has its own kernel.",
                ),
            },
        ),
        choice(
            "VGG doubles the channels each time pooling halves the side (up to 512). "
            "What does that keep roughly constant from one block to the next?",
            {
                "The MACs of a convolution layer": (
                    True,
                    "Right: a quarter of the positions times four times the C_in x C_out "
                    "products per position leaves the work per layer unchanged.",
                ),
                "The activation memory of a layer": (
                    False,
                    "A quarter of the positions times twice the channels halves the "
                    "activations at every pooling.",
                ),
                "The number of weights of a layer": (
                    False,
                    "Doubling both C_in and C_out multiplies a layer's weights by four.",
                ),
                "The receptive field of a layer": (
                    False,
                    "The receptive field keeps growing with every layer, whatever the width.",
                ),
            },
        ),
        choice(
            "You double the batch size while training VGG-16. Which memory roughly doubles?",
            {
                "The stored activations": (
                    True,
                    "Right: each image in the batch keeps its own activations for the "
                    "backward pass; the weights are stored once.",
                ),
                "The weights and their gradients": (
                    False,
                    "There is one copy of the weights (and one of their gradients) "
                    "whatever the batch size.",
                ),
                "Both the weights and the activations": (
                    False,
                    "The weights do not depend on the batch; only per-image storage grows.",
                ),
                "Neither: memory is fixed once the model is built": (
                    False,
                    "Activations are per image; that is why a large batch can run out of memory.",
                ),
            },
        ),
        choice(
            "The VGG paper says a stack of three 3x3 layers acts as a regularisation of a 7x7 "
            "filter. What does that mean?",
            {
                "Only 7x7 filters that factor through the 3x3 layers are reachable": (
                    True,
                    "Right: with 27C² instead of 49C² weights the stack cannot express every "
                    "7x7 filter, so it is a constrained, cheaper family (with ReLUs between).",
                ),
                "The stack's weights get a stronger weight decay during training": (
                    False,
                    "VGG uses the same weight decay everywhere; the constraint is in the structure.",
                ),
                "The stack sees only the centre of the 7x7 region": (
                    False,
                    "Three stride-1 3x3 layers see the whole 7x7 region.",
                ),
                "Dropout is applied between the three layers": (
                    False,
                    "VGG applies dropout only in the fully connected head.",
                ),
            },
        ),
        choice(
            "Configuration C adds 1x1 convolutions where D has 3x3 ones. C beats B but loses to D. "
            "What does that suggest?",
            {
                "Extra non-linearity helps, and so does spatial context": (
                    True,
                    "Right: C's 1x1 layers add ReLUs (better than B); D's 3x3 layers also add "
                    "context (better than C), as the paper concludes.",
                ),
                "1x1 convolutions enlarge the receptive field, but less than 3x3": (
                    False,
                    "A 1x1 convolution does not enlarge the receptive field at all.",
                ),
                "Depth is all that matters, whatever the kernel": (
                    False,
                    "C and D have the same depth, yet D is better: the kernel size matters too.",
                ),
                "1x1 convolutions reduce the channels, which loses information": (
                    False,
                    "VGG's 1x1 layers keep the width (256 or 512 in and out); GoogLeNet's reduce it.",
                ),
            },
        ),
        choice(
            "VGG-16 with its fully connected head is given a 256x256 image instead of 224x224. "
            "What happens?",
            {
                "fc1 fails: it gets 8x8x512 inputs, not 7x7x512": (
                    True,
                    "Right: the convolutions and poolings accept any size, but fc1's weight "
                    "matrix has a fixed number of inputs.",
                ),
                "The first convolution fails: its kernel expects 224x224": (
                    False,
                    "A convolution slides over any size; its kernel is only 3x3.",
                ),
                "It runs and gives the same scores as for the 224x224 crop": (
                    False,
                    "The dense head cannot take the larger map; a fully convolutional "
                    "version (the paper's dense evaluation) could.",
                ),
                "The poolings fail because 256 is not a multiple of 7": (
                    False,
                    "256 halves cleanly five times, to 8; only fc1 minds the size.",
                ),
            },
        ),
        numeric(
            "Fed 448x448 images (everything else unchanged), how many parameters, with biases, "
            "would VGG-16's fc1 need?",
            _fc1_params(448),
            "Right: five poolings leave 14x14x512 inputs, four times as many as at 224x224.",
            "Halve 448 five times for the last map's side, then count inputs x 4,096 weights "
            "plus 4,096 biases.",
        ),
        choice(
            "After a short training run, a network with batch normalisation does well on "
            "its training batches but scores near chance with model.predict on the test "
            "set. What is the most likely cause?",
            {
                "predict normalises every test batch with that batch's own statistics": (
                    False,
                    "That is training mode. predict and evaluate call the layers with "
                    "training=False, which uses the moving averages instead.",
                ),
                "The moving averages still weigh their initial values heavily": (
                    True,
                    "Right: at Keras's momentum of 0.99 the averages need hundreds of steps "
                    "to forget mean 0 and variance 1. Train longer, lower the momentum, or "
                    "recompute the statistics with the final weights.",
                ),
                "BN's gamma and beta are not saved after training": (
                    False,
                    "They are ordinary weights, trained and saved like the kernels; the "
                    "moving statistics are the part that gradients do not train.",
                ),
                "The network over-fitted the training set": (
                    False,
                    "Over-fitting would also show with batch statistics on the test set; "
                    "the same weights do well once test batches use their own statistics.",
                ),
            },
        ),
        choice(
            "Why does vgg_block(..., batch_norm=True) build its convolutions with "
            "use_bias=False?",
            {
                "BN subtracts the channel mean, so beta replaces the bias": (
                    True,
                    "Right: a constant added to a channel is removed exactly by the mean "
                    "subtraction, and the learned shift beta plays its role.",
                ),
                "A bias before BN makes the batch statistics unstable in training": (
                    False,
                    "A bias only shifts the channel mean by a constant, which BN removes "
                    "exactly; it is wasted, not harmful.",
                ),
                "Keras refuses a biased convolution in front of a BatchNormalization": (
                    False,
                    "Keras accepts it; the bias is merely redundant.",
                ),
                "Dropping the bias saves MACs, which is the point of BN": (
                    False,
                    "A bias costs one addition per output; BN's point is to control the "
                    "scale of the signal, and the bias goes because it is redundant.",
                ),
            },
        ),
        choice(
            "Group normalisation takes its statistics over groups of channels within one "
            "image. Where does it most clearly beat batch normalisation?",
            {
                "ImageNet classification with batches of 256 images": (
                    False,
                    "With large batches BN's estimates are accurate and the two end close; "
                    "this is BN's home ground.",
                ),
                "Segmentation with two images per GPU": (
                    True,
                    "Right: with tiny batches BN's statistics are noisy estimates, while "
                    "GN's do not depend on the batch at all (Wu and He's comparison).",
                ),
                "Any network whose activation is a ReLU": (
                    False,
                    "The activation does not decide it; the number of images per batch does.",
                ),
                "At inference only, where BN has no statistics to use": (
                    False,
                    "BN has its moving averages at inference; GN needing none is a "
                    "convenience, not where it wins in accuracy.",
                ),
            },
        ),
    ]
