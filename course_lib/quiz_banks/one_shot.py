"""Chapter 14 (Siamese networks and one-shot learning): shared twins, the two losses, the one-shot test."""

from course_lib import arithmetic as A
from course_lib.quiz import choice, numeric


def _koch_encoder_params():
    """Parameters of Koch et al.'s twin (Fig. 4): four 'valid' convolutions and a 4096-unit layer
    on the 6x6x256 map they leave of a 105x105 image."""
    convolutions = (
        A.conv_params(1, 64, 10)
        + A.conv_params(64, 128, 7)
        + A.conv_params(128, 128, 4)
        + A.conv_params(128, 256, 4)
    )
    return convolutions + A.dense_params(6 * 6 * 256, 4096)


def questions():
    return [
        choice(
            "Why does a Siamese network run one encoder on both images instead of two?",
            {
                "So that both images land in one embedding space": (
                    True,
                    "Right: one function f maps both, so |f(x1) - f(x2)| compares like with like, in either order.",
                ),
                "Running one encoder twice is faster than running two": (
                    False,
                    "Two encoders of the same design cost the same MACs; sharing saves parameters, not time.",
                ),
                "Keras cannot feed two inputs into two different encoders": (
                    False,
                    "It can: a functional model takes any number of inputs and branches.",
                ),
            },
        ),
        choice(
            "A trained Siamese face verifier must recognise a new employee. What is needed?",
            {
                "One reference photo, compared with the new face": (
                    True,
                    "Right: the network scores similarity, so a newcomer needs one example and no retraining.",
                ),
                "A new output unit and a few epochs of training on the newcomer's photos": (
                    False,
                    "That is what a classifier needs; a Siamese network has no output per person.",
                ),
                "Retraining on pairs that include the newcomer": (
                    False,
                    "The similarity learned on other people carries over; the one-shot test checks exactly that.",
                ),
            },
        ),
        choice(
            "What would go wrong with a contrastive loss that pushed different pairs apart with no margin?",
            {
                "The loss could fall without end by scaling every embedding up": (
                    True,
                    "Right: the margin caps the reward for distance, so pairs already far apart stop pulling on the weights.",
                ),
                "Same-class pairs would no longer be pulled together, only different ones pushed apart": (
                    False,
                    "The same-class term d^2 does not involve the margin at all.",
                ),
                "Nothing: the margin only makes training faster": (
                    False,
                    "Without it the loss has no lower bound for different pairs, so the embedding can grow without limit.",
                ),
            },
        ),
        choice(
            "Why are the one-shot trials drawn from alphabets the network never saw in training?",
            {
                "To test the learned similarity, not a memory of the training characters": (
                    True,
                    "Right: a network could score training characters well by memorising them; unseen scripts rule that out.",
                ),
                "Because the training alphabets have too few characters for a 20-way trial": (
                    False,
                    "The split is chosen for what the test measures, not for how many characters each part holds.",
                ),
                "To make the task easier, since new scripts have simpler shapes": (
                    False,
                    "New scripts make it harder, if anything: none of their shapes was seen.",
                ),
            },
        ),
        choice(
            "Nearest neighbour in pixels beats chance but loses to the Siamese networks. What defeats it?",
            {
                "Changes of style and position, which move many pixels": (
                    True,
                    "Right: a pixel distance counts every shifted or thickened stroke, while the networks learned to ignore those.",
                ),
                "It needs training data, and the evaluation alphabets give it none": (
                    False,
                    "It needs no training at all: it compares the raw images.",
                ),
                "The images are too small for a pixel distance": (
                    False,
                    "Size is not the problem; the distance weighs irrelevant differences as much as the strokes.",
                ),
            },
        ),
        choice(
            "Koch et al.'s twin keeps almost all its parameters in one layer. Which change would remove most of them?",
            {
                "Global average pooling before the dense layer": (
                    True,
                    "Right: the dense layer would read 256 numbers instead of 6 x 6 x 256, as in this chapter's small twin.",
                ),
                "Halving the filters of the first convolution": (
                    False,
                    "The first convolution sees one channel with few filters; it holds a tiny share of the weights.",
                ),
                "Replacing the L1 distance by the Euclidean distance": (
                    False,
                    "The distance layer has no weights; the sigmoid unit after it has only 4,097.",
                ),
                "Max pooling after the fourth convolution as well": (
                    False,
                    "It would shrink the map to 3x3, cutting the dense layer by four, but pooling it to 1x1 cuts far more.",
                ),
            },
        ),
        choice(
            "Halfway through training with the triplet loss, you average it over random triplets of each "
            "batch, and it is near zero. What does that most likely mean?",
            {
                "Most random triplets are easy and give no gradient": (
                    True,
                    "Right: an easy triplet has loss and gradient zero, and averaging over many dilutes the "
                    "few that matter; this is why FaceNet and Hermans et al. mine triplets.",
                ),
                "The embedding is finished: every class lies farther than the margin from every other": (
                    False,
                    "Only the sampled triplets are; the informative ones (semi-hard, hard) are rare among "
                    "random triplets, so a small mean says little about them.",
                ),
                "The margin is too large": (
                    False,
                    "A larger margin makes more triplets violate it, which raises the loss; a near-zero "
                    "loss points the other way.",
                ),
            },
        ),
        choice(
            "FaceNet picks semi-hard negatives rather than the hardest ones. What goes wrong with the "
            "hardest negatives early in training?",
            {
                "Training can collapse every image onto one point": (
                    True,
                    "Right: the collapsed state costs only the margin and, with squared distances, has zero "
                    "gradient; the hardest negatives (often odd or mislabelled images) can make shrinking "
                    "all distances the cheapest way down.",
                ),
                "The hardest negatives have zero loss, so each one wastes a forward and backward pass": (
                    False,
                    "That describes easy triplets; a hard triplet's loss is at least the margin.",
                ),
                "Finding them needs a pass over the whole training set": (
                    False,
                    "FaceNet and Hermans et al. find them inside each mini-batch; cost is not the problem "
                    "FaceNet reports.",
                ),
            },
        ),
        choice(
            "A prototypical network is given one support image per class (one-shot). How does it then "
            "classify a query?",
            {
                "By its nearest support embedding, as the distance head does": (
                    True,
                    "Right: with one image per class the prototype is that image's embedding; the methods "
                    "differ in training (N-way episodes instead of pairs), not in the test.",
                ),
                "By a learned sigmoid unit on the L1 difference between the query and each support image": (
                    False,
                    "That is Koch et al.'s head; prototypical networks use a fixed squared Euclidean "
                    "distance and put all the learning into the embedding.",
                ),
                "It cannot: a class mean needs at least two images": (
                    False,
                    "The mean of one embedding is that embedding, so one-shot is the simplest case.",
                ),
            },
        ),
        numeric(
            "If Koch et al.'s twins did not share their weights (two encoders, one sigmoid unit on the L1 distance), "
            "how many parameters would the network have?",
            2 * _koch_encoder_params() + A.dense_params(4096, 1),
            "Right: each encoder brings all its weights, and only the sigmoid unit is common.",
            "Count one encoder (four convolutions and the 4096-unit layer), double it, and add the sigmoid unit's 4096 + 1.",
        ),
    ]
