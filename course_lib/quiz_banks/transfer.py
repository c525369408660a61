"""Chapter 15 (transfer learning): which scenario when, what freezing does, how to fine-tune."""

from course_lib import arithmetic as A
from course_lib.models import vgg as vgg_module
from course_lib.quiz import choice, numeric

# A classic Keras recipe: VGG-16's frozen base, its 7x7x512 map flattened into a new head.
VGG_MAP_SIDE = 7
NEW_HIDDEN_UNITS = 256
NEW_CLASSES = 5


def _flattened_head_params() -> int:
    """Trainable parameters of Flatten -> Dense(256, relu) -> Dense(5) on VGG-16's last map."""
    flat = VGG_MAP_SIDE * VGG_MAP_SIDE * vgg_module.WIDTHS[-1]
    return A.dense_params(flat, NEW_HIDDEN_UNITS) + A.dense_params(
        NEW_HIDDEN_UNITS, NEW_CLASSES
    )


def questions():
    return [
        choice(
            "You have a few hundred labelled photos of birds and an ImageNet-trained network. "
            "Which use of it does Pedersen's advice point to first?",
            {
                "Freeze it and train a new last layer": (
                    True,
                    "Right: few labels and a domain close to ImageNet's; a new softmax layer has few "
                    "weights to fit, so it has little room to overfit.",
                ),
                "Unfreeze every layer and train all of them from the start": (
                    False,
                    "With a random new head, the first updates would be large and noisy, and a few "
                    "hundred images cannot re-estimate millions of weights.",
                ),
                "Train the same architecture from random weights": (
                    False,
                    "From scratch a few hundred images are far too few; that is the myth the chapter opens with.",
                ),
            },
        ),
        choice(
            "In this chapter's experiment, scenario 1 (a new softmax on the pretrained fc1) did worse "
            "than scenario 2 (new fc1 and softmax). Why?",
            {
                "fc1 was trained to separate the old classes": (
                    True,
                    "Right: the last layers are the most task-specific, as Yosinski et al. found; "
                    "cutting below fc1 keeps the more generic features.",
                ),
                "Scenario 1 has more trainable parameters, so it overfits": (
                    False,
                    "It has fewer: only the new softmax layer trains, fc1 stays frozen.",
                ),
                "The pretrained fc1 is reinitialised by the transfer": (
                    False,
                    "transfer_model copies fc1's pretrained weights; they are kept, not reset.",
                ),
                "Dropout is switched off in scenario 1": (
                    False,
                    "Both scenarios put the same dropout layer before the new classifier.",
                ),
            },
        ),
        choice(
            "Why does transfer.unfreeze keep the batch-normalisation layers frozen when the rest "
            "of the encoder is fine-tuned?",
            {
                "A trainable batch norm normalises with each batch's statistics, which a few "
                "hundred images estimate badly": (
                    True,
                    "Right: the pretrained moving statistics would be replaced by noisy ones, shifting "
                    "every feature downstream; fit passes training=True to a trainable layer regardless.",
                ),
                "Batch-normalisation layers have no weights to train": (
                    False,
                    "They have two per channel, the scale γ and the shift β, besides the moving statistics.",
                ),
                "Keras cannot compute gradients through a trainable batch norm": (
                    False,
                    "It can; every network trained from scratch in this course does.",
                ),
                "The new head would otherwise receive no gradient": (
                    False,
                    "The head's gradient does not depend on whether the layers below it train.",
                ),
            },
        ),
        choice(
            "Fine-tuning usually starts only after the new head has been trained with the base frozen. "
            "What goes wrong if you unfreeze everything from the first step?",
            {
                "The random head's large gradients disturb the pretrained features": (
                    True,
                    "Right: until the head makes sensible predictions, its errors are large, and they "
                    "flow back into the encoder and overwrite what it learned.",
                ),
                "The model cannot be compiled with trainable and frozen layers mixed": (
                    False,
                    "Keras compiles such models without trouble; scenario 1 and 2 are exactly that.",
                ),
                "The encoder's weights are reset to random values": (
                    False,
                    "Unfreezing changes only whether the weights are updated, not their values.",
                ),
            },
        ),
        choice(
            "Why does fine-tuning use a learning rate about ten times smaller than training the head?",
            {
                "Small steps adjust the pretrained weights": (
                    True,
                    "Right: the pretrained weights are already good; large steps would move them far "
                    "from that solution on a small data set.",
                ),
                "Frozen layers need a smaller rate to stay frozen": (
                    False,
                    "Frozen layers receive no updates at any learning rate.",
                ),
                "A small rate makes each epoch faster to compute": (
                    False,
                    "The learning rate scales the updates; it does not change the cost of an epoch.",
                ),
                "Adam diverges at higher rates on pretrained networks": (
                    False,
                    "Nothing about Adam is specific to pretrained weights; the reason is what the weights already encode.",
                ),
            },
        ),
        choice(
            "Your new task is X-ray images with tens of thousands of labels; the network was pretrained "
            "on ImageNet photos. What does the advice of Pedersen's notes and CS231n suggest?",
            {
                "Fine-tune many layers, or all": (
                    True,
                    "Right: much data of a different kind can afford, and needs, adapting the "
                    "specific later layers and often the earlier ones too.",
                ),
                "Freeze everything and use k-NN on the last-layer features": (
                    False,
                    "Features specific to ImageNet's classes are the least likely to suit X-rays; with "
                    "this much data, training them further pays.",
                ),
                "Freeze all but a new last layer, as for a small data set": (
                    False,
                    "That suits little data of a similar kind; it wastes tens of thousands of labels.",
                ),
            },
        ),
        numeric(
            "VGG-16's frozen base ends in a 7x7x512 map. A new head flattens it into Dense(256, relu) "
            "and Dense(5, softmax). How many trainable parameters has the head?",
            _flattened_head_params(),
            "Right: 25,088 x 256 + 256 for the hidden layer, 256 x 5 + 5 for the softmax; flattening "
            "makes the first new layer large, which is why many heads pool first.",
            "Flatten gives 7 x 7 x 512 numbers; each dense layer has inputs x outputs weights plus one bias per output.",
        ),
    ]
