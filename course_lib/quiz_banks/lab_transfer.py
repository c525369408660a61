"""Lab 2 (transfer learning to pet breeds): why the recipe is what it is, how to read a run."""

import math

from course_lib import lab
from course_lib.models import card
from course_lib.quiz import choice, numeric

# The lab squashes every photo to this side; MobileNetV2's card gives the side it was trained at.
LAB_SIZE = 160
# A hypothetical stand-in result for the question on reading it: test photos, an accuracy, and
# the photos by which fine-tuning beats the probe (the givens of the question, not a result).
TEST_PHOTOS, ACCURACY, GAIN_PHOTOS = 450, 0.97, 3


def _trained_size() -> int:
    return card("mobilenet_v2").input_shape[0]


def _area_share() -> float:
    """A 160-pixel photo's share of MobileNetV2's cost at its training size: every map shrinks
    by the same factor in both directions, and a convolution's cost grows with the map's area."""
    return (LAB_SIZE / _trained_size()) ** 2


def _standard_error_points() -> float:
    """Sampling error of an accuracy ACCURACY measured on TEST_PHOTOS photos, in points."""
    return 100 * math.sqrt(ACCURACY * (1 - ACCURACY) / TEST_PHOTOS)


def questions():
    low, high = lab.SUSTAINED_SHARE
    trained = _trained_size()
    return [
        choice(
            "The lab copies the logistic regression's weights into the new softmax layer before "
            "fine-tuning. What does that buy?",
            {
                "The encoder never sees the large, noisy gradients of a random head": (
                    True,
                    "Right: the head starts at the probe's accuracy, so its errors and their "
                    "gradients are already small when they reach the pretrained layers.",
                ),
                "Fine-tuning can then use a large learning rate safely": (
                    False,
                    "The lab still fine-tunes at a small rate: a good head removes one danger, "
                    "but large steps would still carry the pretrained weights far from where "
                    "a few thousand photos can bring them back.",
                ),
                "The fine-tuned model needs fewer parameters": (
                    False,
                    "The model has the same layers either way; only the head's starting values differ.",
                ),
                "It makes the k-NN and probe columns comparable with the fine-tuned one": (
                    False,
                    "Those two columns are computed before fine-tuning and do not depend on it.",
                ),
            },
        ),
        choice(
            "Fine-tuning in this lab starts from the probe, and Keras's evaluate() uses no "
            "dropout. What should the fine-tuned model's test accuracy be before its first update?",
            {
                "The linear probe's accuracy, up to rounding": (
                    True,
                    "Right: the softmax layer computes the same linear function of the same "
                    "features, so the fine-tuned column measures exactly what training added.",
                ),
                "Chance, one over the number of classes": (
                    False,
                    "That would be a random head; the lab sets the probe's weights first.",
                ),
                "The k-NN accuracy, since both use the same features": (
                    False,
                    "Same features, different classifier: the softmax layer is the probe, not "
                    "a nearest-neighbour vote.",
                ),
            },
        ),
        choice(
            "The k-NN classifier measures cosine distance between feature vectors. What does "
            "it ignore that Euclidean distance would not?",
            {
                "How long each vector is": (
                    True,
                    "Right: only the angle counts; two photos whose feature vectors differ by a "
                    "common factor are at distance zero.",
                ),
                "Which features are large and which are small": (
                    False,
                    "That pattern is the vector's direction, which is exactly what cosine compares.",
                ),
                "The labels of the neighbours": (
                    False,
                    "Both distances only choose the neighbours; the vote over their labels is the same.",
                ),
            },
        ),
        choice(
            "Pets are augmented with random shifts and mirror images, the offline digits are not. "
            "Which reason applies to mirroring in particular?",
            {
                "A mirrored 2 or 7 is no longer a well-formed digit": (
                    True,
                    "Right: a mirrored cat is a cat of the same breed, so mirroring adds valid "
                    "photos; a mirrored digit is a shape the test set never shows.",
                ),
                "Mirroring is too slow on the CPU the offline run uses": (
                    False,
                    "It is one of the cheapest image operations; the reason is what it does to "
                    "the label, not its cost.",
                ),
                "The digits are grey, and mirroring needs colour": (
                    False,
                    "Mirroring reverses the columns of a grey image as easily as of a colour one.",
                ),
                "Digits have only ten classes": (
                    False,
                    "The number of classes does not decide whether a transformation keeps the label.",
                ),
            },
        ),
        choice(
            f"Suppose that on {TEST_PHOTOS} test photos, at about {ACCURACY:.0%} accuracy, "
            f"fine-tuning beats the probe by {GAIN_PHOTOS} photos. What does that show?",
            {
                "Little: it is a few photos, within one test set's sampling noise": (
                    True,
                    f"Right: one photo is {100 / TEST_PHOTOS:.2f} points, and such an accuracy "
                    f"has a standard error of {_standard_error_points():.1f} points on "
                    f"{TEST_PHOTOS} photos; another seed could reverse the order.",
                ),
                "That fine-tuning beats the linear probe in general": (
                    False,
                    "One run, one seed and a few photos of difference cannot establish a general "
                    "ordering; Kornblith et al. needed many networks and data sets.",
                ),
                "That the glyph network was pretrained on data similar to digits": (
                    False,
                    "A small gain says nothing about similarity; in the notes' terms rendered "
                    "glyphs and handwriting are different data.",
                ),
            },
        ),
        choice(
            "Which of the lab's expectations can the offline stand-in run not test at all?",
            {
                "ResNet-50 transfers better than MobileNetV2": (
                    True,
                    "Right: offline there is one backbone, the glyph network, so no comparison "
                    "of backbones exists on the page.",
                ),
                "Every method beats chance by a wide margin": (
                    False,
                    "It can: the check cell tests exactly that on the digits.",
                ),
                "Fine-tuning from the probe does not destroy the features": (
                    False,
                    "It can: a fine-tuned score far below the probe's would show damaged features, "
                    "on digits as on pets.",
                ),
            },
        ),
        choice(
            "The k-NN column should already be high on Pets with ImageNet features. Why?",
            {
                "ImageNet's classes include many dog and some cat breeds": (
                    True,
                    "Right: the pretrained features were trained to tell such breeds apart, so "
                    "photos of one breed lie close together: similar data, in the notes' terms.",
                ),
                "k-NN trains for longer than the linear probe does on the same features": (
                    False,
                    "k-NN trains nothing; it stores the training features and votes at test time.",
                ),
                "The features have many dimensions": (
                    False,
                    "Many dimensions alone do not put same-breed photos together; random "
                    "features of the same size would give poor neighbours.",
                ),
            },
        ),
        choice(
            f"The time estimate assumes the T4 sustains {low:.0%} to {high:.0%} of its peak. "
            "Why should MobileNetV2 sit nearer the slow end than ResNet-50?",
            {
                "Its thin depthwise layers do little arithmetic per value they move": (
                    True,
                    "Right: the GPU waits on memory and on per-layer overheads, so it reaches a "
                    "smaller share of its peak than on ResNet-50's wide convolutions.",
                ),
                "It does more multiply-accumulates per photo than ResNet-50, so it runs longer": (
                    False,
                    "It has far fewer; the count is already in the estimate, the share is not.",
                ),
                "Mixed precision does not work for MobileNetV2": (
                    False,
                    "Both networks train in mixed precision on the T4; the difference is how busy "
                    "their layers keep it.",
                ),
            },
        ),
        choice(
            "The lab passes the test photos as validation_data and trains for a fixed number "
            "of epochs. When would the test accuracy it reports stop being an honest estimate?",
            {
                "If you chose the epochs or the learning rate by watching those curves": (
                    True,
                    "Right: then the test set has tuned the recipe; a fixed recipe only reports on "
                    "it. Tune on a split of the training photos instead.",
                ),
                "As soon as validation_data is passed to fit at all, even with a fixed recipe": (
                    False,
                    "Evaluating a fixed recipe after each epoch changes nothing in training; the "
                    "weights never see the test labels.",
                ),
                "When the live curves show the validation loss rising": (
                    False,
                    "A rising loss is overfitting, a fact about the model; it does not make the "
                    "measurement dishonest unless it steers your choices.",
                ),
            },
        ),
        numeric(
            f"MobileNetV2 was trained on {trained}-pixel photos; the lab squashes them to "
            f"{LAB_SIZE}. What share of the {trained}-pixel network's multiply-accumulates does "
            f"a {LAB_SIZE}-pixel photo cost? (A fraction such as 0.75, two significant digits.)",
            _area_share(),
            f"Right: ({LAB_SIZE}/{trained})² ≈ {_area_share():.2f}. Both sides shrink by "
            f"{LAB_SIZE}/{trained}, so every map's area, and every convolution's cost, by the "
            "square: about half, not four-fifths.",
            f"The side shrinks by {LAB_SIZE}/{trained}, but a convolution's cost grows with the "
            "map's area, height times width.",
            significant=2,
        ),
    ]
