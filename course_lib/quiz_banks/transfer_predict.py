"""Chapter 15, "Predict, then run": trainable parameters with the base frozen, the top block
fine-tuned, or everything fine-tuned."""

from course_lib.quiz import choice


def questions():
    return [
        choice(
            "Scenario 2's model with the top block (conv3_1, the last of the encoder's five "
            "convolutions) fine-tuned along with the new head: what share of the trainable "
            "parameters of fine-tuning everything will it have?",
            {
                "More than half": (
                    True,
                    "Right: a 3x3 kernel holds 9 x input x output channels, and conv3_1 maps 64 "
                    "channels to 128, the widest pair; it alone outweighs the four layers below it.",
                ),
                "About a fifth: one convolution of five": (
                    False,
                    "That would hold if all five convolutions were equally wide; the first maps one "
                    "channel to 32, the last 64 to 128.",
                ),
                "Over nine tenths: almost everything": (
                    False,
                    "The four lower convolutions stay frozen, and together they hold a sizeable part "
                    "of the encoder's weights.",
                ),
                "The same as with the base frozen: batch norm stays frozen": (
                    False,
                    "Only conv3_1's batch norm stays frozen; its convolution kernel becomes trainable.",
                ),
            },
        ),
        choice(
            "And what will model.count_params() report for the three versions?",
            {
                "The same number for all three": (
                    True,
                    "Right: count_params counts every weight of the model, trainable or not; freezing "
                    "moves weights between trainable_weights and non_trainable_weights.",
                ),
                "Fewer for the frozen base, since frozen weights are not counted": (
                    False,
                    "Frozen weights still belong to the model and are counted; only trainable_weights "
                    "leaves them out.",
                ),
                "More when fine-tuning, for the optimiser's extra state": (
                    False,
                    "The optimiser's moment estimates live in the optimiser, not in the model's weights.",
                ),
            },
        ),
    ]
