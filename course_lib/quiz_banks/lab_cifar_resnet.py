"""Lab 1 (CIFAR-10 with residual networks): the recipe, its cost, and how to read the runs."""

import math
from functools import cache

from course_lib import data
from course_lib.facts import fact
from course_lib.models import build
from course_lib.profiler import profile
from course_lib.quiz import choice, numeric

# The accuracy the standard-error question assumes for a network on the stand-in's test set.
ASSUMED_ACCURACY = 0.7


def _steps_per_epoch() -> int:
    """Steps of one pass over CIFAR-10's training set at the paper's batch (last one partial)."""
    return math.ceil(
        fact("cifar10_train_images").value / fact("resnet_cifar_batch").value
    )


def _paper_epochs() -> int:
    """The paper's iterations as whole passes over CIFAR-10's training set."""
    return math.ceil(fact("resnet_cifar_iterations").value / _steps_per_epoch())


def _momentum_gain() -> float:
    """How much momentum amplifies a gradient term that is the same at every step."""
    return 1 / (1 - fact("resnet_momentum").value)


@cache
def _macs(name: str) -> int:
    return profile(build(name, num_classes=10)).total_macs


def _depth_cost_ratio() -> float:
    """ResNet-56's multiply-accumulates per image over ResNet-20's."""
    return _macs("resnet56") / _macs("resnet20")


def _deeper_section_cost() -> float:
    """The deeper section's new runs (plain-20, plain-56, ResNet-56), in ResNet-20 runs."""
    return sum(_macs(n) for n in ("plain20", "plain56", "resnet56")) / _macs("resnet20")


@cache
def _standin():
    return data.cifar10(source="digits")


def _standin_test_images() -> int:
    return len(_standin().y_test)


def _standin_train_images() -> int:
    return len(_standin().y_train)


def _fewer_images() -> float:
    """How many times fewer training images the stand-in has than CIFAR-10."""
    return fact("cifar10_train_images").value / _standin_train_images()


def _standard_error_points() -> float:
    p, n = ASSUMED_ACCURACY, _standin_test_images()
    return 100 * math.sqrt(p * (1 - p) / n)


def questions():
    iterations = fact("resnet_cifar_iterations").value
    drops = fact("resnet_cifar_lr_drop1").value, fact("resnet_cifar_lr_drop2").value
    batch, train_images = (
        fact("resnet_cifar_batch").value,
        fact("cifar10_train_images").value,
    )
    decay, momentum = fact("resnet_weight_decay").text, fact("resnet_momentum").text
    return [
        choice(
            "The lab divides the learning rate by 10 at fixed shares of the run's length "
            f"({drops[0] / iterations:.0%} and {drops[1] / iterations:.0%}), not at "
            f"iterations {drops[0]:,} and {drops[1]:,} as the paper says. Why?",
            {
                "A shorter run keeps the schedule's shape": (
                    True,
                    f"Right: those are the shares of the paper's {iterations:,} iterations at "
                    "which it divides; the stand-in run has a few hundred steps and would never "
                    "reach fixed boundaries, so it would train at the initial rate to the end.",
                ),
                "Keras schedules cannot count iterations, only fractions": (
                    False,
                    "PiecewiseConstantDecay takes its boundaries in optimizer steps, i.e. "
                    "iterations; the lab computes them from the run's length.",
                ),
                "He et al. divide the rate when the error stops falling": (
                    False,
                    "That is their ImageNet recipe; on CIFAR-10 they used fixed iterations.",
                ),
                "Dividing earlier protects small data sets from a large rate": (
                    False,
                    "The boundaries move with the run's length, not with the data set's size; "
                    "on CIFAR-10 the lab divides at the paper's iterations exactly.",
                ),
            },
        ),
        numeric(
            f"He et al. train for {iterations:,} iterations with mini-batches of {batch} on "
            f"CIFAR-10's {train_images:,} training images. How many epochs is that, rounding "
            "up to a whole epoch?",
            _paper_epochs(),
            f"Right: an epoch is {_steps_per_epoch()} steps ({train_images:,} / {batch}, the "
            f"last batch partial), and {iterations:,} / {_steps_per_epoch()} rounded up gives "
            "the epochs the lab's full run trains for.",
            "First count the steps of one epoch (a partial last batch is still a step), then "
            "divide the iterations by it.",
        ),
        choice(
            "Suppose a short stand-in run ends with plain-20 at a lower training error than "
            "ResNet-20. Does that contradict He et al.?",
            {
                "No: their claim is about going deeper, plain-56 against plain-20": (
                    True,
                    "Right: the degradation is the deeper plain net's higher training error. "
                    "With 18 layers on ImageNet they found plain and residual nets about as "
                    "accurate, the residual one converging faster.",
                ),
                "Yes: a shortcut should lower the training error at every depth": (
                    False,
                    "The paper does not claim that; at modest depth SGD still finds good "
                    "solutions for the plain net, and shortcuts mainly speed up early training.",
                ),
                "Yes: ResNet-20 has more parameters, so it should fit the data better": (
                    False,
                    "Option-A shortcuts have no parameters: the results table shows the same "
                    "count for plain-20 and ResNet-20.",
                ),
            },
        ),
        choice(
            "Suppose a short run ends with plain-56 and ResNet-56 both misclassifying most of "
            "their own training images. What does that say about He et al.'s degradation claim?",
            {
                "Nothing yet: neither network has finished learning": (
                    True,
                    "Right: the claim compares networks at the end of the full schedule; a run "
                    "too short for a deep network to start learning cannot rank the designs. "
                    "The paper's own ResNet-110 started slowly at the initial learning rate.",
                ),
                "It refutes it: the shortcuts did not help": (
                    False,
                    "A network that has not learned yet says nothing about where it would end; "
                    "the shortcuts' effect shows over the whole schedule.",
                ),
                "It confirms it: the deeper networks are worse": (
                    False,
                    "The degradation is a plain net's problem that the shortcuts remove; here the "
                    "residual network fails too, which is not that pattern.",
                ),
                "The deep networks overfit the small training set": (
                    False,
                    "Overfitting means a low training error and a high test error; these networks "
                    "do not even fit their training images.",
                ),
            },
        ),
        choice(
            "The table's final training error is read from the last epoch's training "
            "accuracy. Why is it not directly comparable with the test error next to it?",
            {
                "It is averaged over shifted images while the weights still change": (
                    True,
                    "Right: Keras averages the accuracy over the epoch's batches, on augmented "
                    "images and with batch norm on batch statistics; the test error uses the "
                    "final weights on unaltered images.",
                ),
                "It is also measured on the test images": (
                    False,
                    "The accuracy metric of fit is computed on the training batches only; the "
                    "test images are passed as validation_data and scored separately.",
                ),
                "It includes the weight-decay penalty": (
                    False,
                    "Accuracy counts correct answers; no penalty term enters it, and Keras's "
                    "weight decay is not even part of the loss.",
                ),
                "Dropout is switched on while it is measured": (
                    False,
                    "These networks have no dropout; He et al. train them without it.",
                ),
            },
        ),
        numeric(
            f"The stand-in's test set has {_standin_test_images()} images. If a network "
            f"truly classifies {ASSUMED_ACCURACY:.0%} of such images correctly, what is the "
            "standard error of its measured test accuracy, in percentage points (two "
            "significant digits)?",
            _standard_error_points(),
            "Right: sqrt(p (1 - p) / n) for a proportion. Two networks a few points apart "
            "on this test set may well be equally good, which one seed cannot settle.",
            "A measured accuracy is a proportion of n independent trials: its standard error "
            "is sqrt(p (1 - p) / n); multiply by 100 for points.",
            significant=2,
        ),
        numeric(
            "Each 3x3 convolution of a CIFAR ResNet costs about the same (the channels double "
            "where the map's side halves), and a plain net costs what its ResNet twin does. "
            "How many ResNet-20 runs' worth of computation do the deeper section's three new "
            "networks (plain-20, plain-56, ResNet-56) need? One significant digit.",
            _deeper_section_cost(),
            f"Right: ResNet-56 costs {_depth_cost_ratio():.1f} times ResNet-20 per image, and "
            "so does plain-56; with plain-20 that is far more than three runs.",
            "Count the 3x3 convolutions of a 6n + 2-layer net (n = 3 for 20 layers, n = 9 "
            "for 56), and add up the three networks' costs.",
            significant=1,
        ),
        choice(
            f"Keras's SGD(weight_decay={decay}) shrinks each weight by the learning rate times "
            f"{decay} at every step, outside the momentum. The paper's weight decay is an L2 "
            f"term in the gradient, which the momentum of {momentum} accumulates. Which "
            "shrinks the weights more?",
            {
                "The paper's, by about a factor of ten": (
                    True,
                    f"Right: a steady gradient term is amplified {_momentum_gain():.0f} times "
                    "(1 / (1 - momentum)) in the momentum's velocity; the decoupled decay is "
                    "not. Matching the paper needs a larger weight_decay or an L2 regulariser.",
                ),
                "Neither: weight decay and an L2 penalty are the same thing": (
                    False,
                    "They coincide for plain SGD without momentum; with momentum the L2 term is "
                    "accumulated and the decoupled decay is not.",
                ),
                "Keras's, because it acts on the weights directly": (
                    False,
                    "Acting directly means it skips the momentum, which makes it the weaker of "
                    "the two at the same coefficient.",
                ),
                "Keras's, by a factor of ten, as momentum damps the penalty": (
                    False,
                    "Momentum damps gradient terms that change sign, but a term that points the "
                    "same way at every step, as the L2 pull does, is amplified.",
                ),
            },
        ),
        choice(
            "Why does the lab switch random mirroring off for the digit stand-in but keep it "
            "for CIFAR-10?",
            {
                "A mirrored digit is another symbol or none": (
                    True,
                    "Right: a mirrored cat is still a cat, so mirroring adds valid training "
                    "images; a mirrored 2 or 7 is not a 2 or 7, so it would add wrong labels.",
                ),
                "The paper mirrors only photographs larger than 32x32": (
                    False,
                    "He et al. mirror CIFAR-10's 32x32 images themselves, choosing at random "
                    "between an image and its mirror image.",
                ),
                "Mirroring would leak test images into training": (
                    False,
                    "Augmentation transforms training images only; no test image is involved.",
                ),
                "The digits are grey, and mirroring needs colour": (
                    False,
                    "The stand-in's digits are coloured at random, and mirroring works on any "
                    "image whatever its channels.",
                ),
            },
        ),
        choice(
            "He et al. fixed the length of CIFAR-10 training on a validation part held out "
            "from the training set, not on the test set. What does that protect?",
            {
                "The test error as an unbiased estimate": (
                    True,
                    "Right: a choice tuned on the test set would fit its noise as well, and the "
                    "reported error would be optimistic.",
                ),
                "The test set is too small to choose anything with": (
                    False,
                    f"CIFAR-10's test set has {fact('cifar10_test_images').text} images, more "
                    "than the validation part held out from the training set.",
                ),
                "CIFAR-10's test labels were secret at the time": (
                    False,
                    "They are distributed with the data set; ImageNet's test labels are the "
                    "ones a server holds back.",
                ),
                "It lets the final run train on fewer images": (
                    False,
                    "The split served to fix the schedule; Table 6 reports networks trained on "
                    "the training set and evaluated on the test set.",
                ),
            },
        ),
        choice(
            "On the full CIFAR-10 run plain-56 ends with a higher training error than plain-20. "
            "Which change to plain-56 do you expect to close that gap?",
            {
                "Identity shortcuts, turning it into ResNet-56": (
                    True,
                    "Right: an optimisation failure needs an easier optimisation problem; with "
                    "shortcuts the extra layers only have to learn a residual.",
                ),
                "Stronger weight decay": (
                    False,
                    "Regularisation restrains the fit to the training set: if anything it raises "
                    "the training error further.",
                ),
                "Dropout after every convolution": (
                    False,
                    "Dropout is a regulariser too; it fights overfitting, and plain-56 is "
                    "underfitting its training set.",
                ),
                "Twice as many training images": (
                    False,
                    "More data helps a network that generalises badly; plain-56 already fails "
                    "to fit the images it has.",
                ),
            },
        ),
        choice(
            "Which question can the offline run on coloured digits actually answer?",
            {
                "Whether the code runs the recipe end to end": (
                    True,
                    "Right: it runs the same code, schedule and augmentation to the end and shows "
                    "which networks learn the stand-in in a short run; its numbers describe a "
                    "different, much smaller problem.",
                ),
                "Whether ResNet-20 reaches the error of Table 6": (
                    False,
                    f"Table 6 is CIFAR-10 after {_paper_epochs()} epochs on {train_images:,} "
                    f"photos; the stand-in has {_standin_train_images():,} scanned digits and "
                    "a few hundred steps.",
                ),
                "Whether plain-56 degrades on CIFAR-10": (
                    False,
                    "That needs CIFAR-10 and the full schedule; a small, easy problem may or may "
                    "not show the same pattern.",
                ),
                "How long an epoch of CIFAR-10 takes on a T4": (
                    False,
                    f"The stand-in runs on a CPU with {_fewer_images():.0f} times fewer images; "
                    "only the live title of a run in Colab measures a T4.",
                ),
            },
        ),
    ]
