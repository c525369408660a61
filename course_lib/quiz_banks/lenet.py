"""Chapter 06, LeNet-5: shapes through the network, weight sharing, C3's table, subsampling."""

from __future__ import annotations

from .. import arithmetic as A
from ..quiz import choice, numeric


def _side_after_trunk(side: int) -> int:
    """Side of S4's maps for a square input: C1 (5x5), S2 (2x2 /2), C3 (5x5), S4 (2x2 /2)."""
    side = A.pool_output_size(A.conv_output_size(side, 5), 2)
    return A.pool_output_size(A.conv_output_size(side, 5), 2)


def questions() -> list[dict]:
    """The quiz of chapter 06 (quiz name ``lenet``)."""
    s4_at_28 = _side_after_trunk(28)  # an MNIST digit fed without the 32x32 canvas
    s4_at_36 = _side_after_trunk(36)
    c5_at_36 = A.conv_output_size(s4_at_36, 5)
    c5_params = A.conv_params(16, 120, 5)
    c5_dense = A.dense_params(5 * 5 * 16, 120)
    c1_unshared = A.conv_output_size(32, 5) ** 2 * A.conv_params(1, 6, 5)
    zip_h1_uses = 8 * 8  # units of one 8x8 map of the 1989 network's H1, one kernel
    return [
        choice(
            "Hubel and Wiesel's complex cell responds to a bar of one orientation anywhere "
            "in a larger receptive field. Which part of LeNet-5 plays its role?",
            {
                "S2's subsampling over one of C1's maps": (
                    True,
                    "Right: a complex cell pools simple cells of one preference over nearby "
                    "positions, as S2 combines a 2x2 block of one C1 map, so its output "
                    "changes little when the bar moves.",
                ),
                "C1's convolution": (
                    False,
                    "A C1 unit responds to one pattern at one position, which is the simple "
                    "cell; weight sharing repeats it at every position.",
                ),
                "C3's connection table": (
                    False,
                    "The table says which feature maps are combined, not how positions are "
                    "pooled: it mixes kinds of feature, while a complex cell mixes places.",
                ),
                "The RBF output layer": (
                    False,
                    "The output compares a whole 84-value code with class templates; it does "
                    "no pooling over positions within one kind of feature.",
                ),
            },
        ),
        choice(
            "The Neocognitron (1980) already had shared S-planes and pooling C-planes. What "
            "did the 1989 zip-code network add that makes it a CNN in today's sense?",
            {
                "Every layer trained by backpropagating the output error": (
                    True,
                    "Right: the Neocognitron's S-cells learned without a teacher, by "
                    "competition, so no output error shaped the early features; backprop, "
                    "with the gradients of a shared weight summed, trains them all for the task.",
                ),
                "Convolution, that is the same weights at every position": (
                    False,
                    "A Neocognitron cell-plane already gives all its cells the same input "
                    "connections, shifted: that is weight sharing.",
                ),
                "Tolerance to shifts of the input": (
                    False,
                    "Shift tolerance was the Neocognitron's purpose (it is in its title), "
                    "obtained by its C-cells.",
                ),
                "More than one layer of feature detectors": (
                    False,
                    "The Neocognitron is a cascade of several S- and C-layer modules.",
                ),
            },
        ),
        numeric(
            "In the 1989 zip-code network, one H1 feature map has 8x8 units that all use the "
            "same 5x5 kernel. In backpropagation, the gradient of one of these shared weights "
            "is a sum of how many per-connection gradients?",
            zip_h1_uses,
            "Right: each of the 64 units uses the weight once, and the constraint that the "
            "copies stay equal is kept by summing their 64 gradients.",
            "Count the units of one map: each uses every weight of the kernel exactly once.",
        ),
        choice(
            "MNIST digits are stored as 28x28 images. What happens if you feed them to LeNet-5 "
            "as they are, without the 32x32 canvas?",
            {
                "C5 has nothing to convolve": (
                    True,
                    f"Right: S4's maps shrink to {s4_at_28}x{s4_at_28}, smaller than C5's 5x5 kernel, "
                    "so the network cannot be built; that is one reason for the padded canvas.",
                ),
                "C5 outputs a smaller map, and the network still runs": (
                    False,
                    f"C5 would need a map of at least 5x5, and S4's is only {s4_at_28}x{s4_at_28}: "
                    "there is no valid position for the kernel at all.",
                ),
                "Nothing changes: the convolutions pad their inputs": (
                    False,
                    "LeNet-5's convolutions use no padding; each 5x5 one removes four pixels "
                    "from each side length.",
                ),
                "Only F6 changes, because it is the first dense layer": (
                    False,
                    "The shapes break before F6 is reached: C5's kernel no longer fits on S4's maps.",
                ),
            },
        ),
        choice(
            "A LeNet-5 is built for 36x36 inputs instead of 32x32. What does C5 become?",
            {
                "A true convolution with a 2x2 output, so F6 sees four times as many inputs": (
                    True,
                    f"Right: S4 is {s4_at_36}x{s4_at_36}, C5's output {c5_at_36}x{c5_at_36}; C5 is a "
                    "dense layer only when its kernel exactly covers S4's maps.",
                ),
                "Still a fully connected layer over a 1x1 output": (
                    False,
                    f"A 5x5 kernel on {s4_at_36}x{s4_at_36} maps has more than one position: "
                    "C5 is fully connected only while S4 is 5x5.",
                ),
                "A layer with four times as many parameters": (
                    False,
                    "C5's parameters depend on its kernel and channels, not on the input size; "
                    "its output grows instead.",
                ),
            },
        ),
        numeric(
            "Suppose C1's units did not share weights: each of its 28x28x6 units gets its own 5x5 "
            "weights and bias (a locally connected layer). How many parameters would C1 have?",
            c1_unshared,
            "Right: without sharing, every connection has its own weight, so the parameters equal "
            "the connections.",
            "Each of the 28x28x6 units has 5x5 weights and one bias of its own: multiply.",
        ),
        choice(
            "C5 is a 5x5 convolution over S4's 5x5x16 maps. What changes if it is written as "
            "Flatten followed by Dense(120) instead?",
            {
                "Nothing, at this input size": (
                    True,
                    f"Right: both have {c5_params:,} parameters and compute the same 120 dot "
                    "products over all of S4; only on larger inputs would the convolution slide "
                    "and the dense layer refuse the new size.",
                ),
                "The dense layer has more parameters, since it shares no weights": (
                    False,
                    "With one kernel position there is nothing to share: the convolution's "
                    f"weights are already one per (input, output) pair, {c5_params:,} in all.",
                ),
                "The dense layer has fewer parameters, since it has no kernels": (
                    False,
                    f"A dense layer from {5 * 5 * 16} inputs to 120 units needs a weight per pair plus a "
                    f"bias per unit: {c5_dense:,}, the same as the convolution.",
                ),
                "The outputs lose their position, so F6 cannot be trained": (
                    False,
                    "C5's output is 1x1 already: there is no position to lose, and F6 reads the "
                    "same 120 numbers either way.",
                ),
            },
        ),
        choice(
            "Which change of the modern LeNet removes the parameters that S2 and S4 had?",
            {
                "Max pooling instead of subsampling": (
                    True,
                    "Right: max pooling has no weights, while each subsampling map had a "
                    "trainable coefficient and bias.",
                ),
                "ReLU instead of the scaled tanh": (
                    False,
                    "Neither activation has parameters: the scaled tanh's two constants are fixed, not trained.",
                ),
                "A full C3 instead of the paper's table": (
                    False,
                    "A full C3 adds parameters to C3; it does not touch the subsampling layers.",
                ),
                "Softmax instead of the RBF output": (
                    False,
                    "The output layer comes after F6; S2 and S4 keep their parameters whatever the output is.",
                ),
            },
        ),
        choice(
            "Why do today's versions of LeNet-5 drop C3's connection table?",
            {
                "Random initialisation already breaks the symmetry": (
                    True,
                    "Right: maps that start from different random weights learn different "
                    "features anyway, and one full convolution is simpler to run than sixteen "
                    "small ones, even though it costs more multiply-accumulates.",
                ),
                "The table makes C3 need more multiply-accumulates than a full layer": (
                    False,
                    "It needs fewer: each output map reads only some of S2's maps, so C3's MACs "
                    "are below a full layer's (count them in this chapter).",
                ),
                "Keras cannot express partial connections": (
                    False,
                    "course_lib builds the table in Keras, with one small convolution per output map.",
                ),
                "The table stops some gradients from ever reaching C1's filters": (
                    False,
                    "Every S2 map feeds some C3 maps, so every C1 filter still gets a gradient.",
                ),
            },
        ),
        choice(
            "S2 sums each 2x2 block, multiplies by a trainable coefficient, adds a bias and applies "
            "the scaled tanh. What can the coefficient do?",
            {
                "Set how strongly tanh saturates": (
                    True,
                    "Right: a small coefficient keeps the unit in tanh's near-linear range, a "
                    "large one pushes it towards a nearly binary output (the paper's own remark).",
                ),
                "Pick which of the four values to keep": (
                    False,
                    "That is max pooling; subsampling adds all four values, weighted equally.",
                ),
                "Change the size of the pooling window": (
                    False,
                    "The window is fixed at 2x2 by the architecture; a weight cannot resize it.",
                ),
            },
        ),
    ]
