"""Lab 3 (U-Net on Oxford-IIIT Pet): how the recipe and the scores are built, how to read
them, and what the offline stand-in on generated shapes can and cannot show."""

from __future__ import annotations

import numpy as np

from .. import lab, metrics
from ..quiz import choice, numeric

# Three test images of 10x10 pixels whose target covers these shares of the pixels.
_PET_SHARES = (0.2, 0.4, 0.6)
# One image: the true pet has 10 pixels, the prediction 8 of them and nothing else.
_TRUE_PIXELS, _FOUND_PIXELS = 10, 8


def _everything_question():
    """The IoU of calling every pixel "pet", computed by course_lib.metrics."""
    truth = np.zeros((len(_PET_SHARES), 10, 10, 1), "float32")
    for k, share in enumerate(_PET_SHARES):
        truth[k, : round(share * 10)] = 1.0
    shares = ", ".join(f"{s:.0%}" for s in _PET_SHARES)
    return numeric(
        f"Three test images; the pet covers {shares} of their pixels. What test IoU does the "
        "baseline 'everything is the target' score, averaged over images as in this lab?",
        metrics.iou(truth, np.ones_like(truth)),
        "Right: on each image the intersection is the pet and the union the whole image, so "
        "the IoU is the pet's share; the mean of the shares is the score.",
        "Calling every pixel pet finds the whole pet (the intersection) but the union is the "
        "whole image: work out each image's IoU, then average.",
        significant=2,
    )


def _dice_question():
    """Dice of a prediction with a given IoU, computed by course_lib.metrics."""
    truth = np.ones((1, 1, _TRUE_PIXELS, 1), "float32")
    found = truth.copy()
    found[0, 0, _FOUND_PIXELS:] = 0.0
    iou = metrics.iou(truth, found)
    return numeric(
        f"A predicted mask scores an IoU of {iou:.1f} on one image. What is its Dice on that "
        "image (to three significant digits)?",
        metrics.dice(truth, found),
        "Right: Dice = 2 IoU / (1 + IoU), never below the IoU, and the two agree only at 0 and 1.",
        "Write Dice and IoU with the same intersection I and union U: |A| + |B| = U + I, so "
        "Dice = 2I / (U + I) = 2 IoU / (1 + IoU).",
        significant=3,
    )


def questions() -> list[dict]:
    """The lab's questions."""
    low, high = lab.SUSTAINED_SHARE
    return [
        choice(
            "During training the curves show Keras's BinaryIoU; the test table shows "
            "course_lib's metrics.iou. On the same images and threshold the two can disagree. Why?",
            {
                "They average differently: over all pixels, or image by image": (
                    True,
                    "Right: BinaryIoU pools every pixel of the epoch into one intersection and one "
                    "union, so large pets weigh most; metrics.iou scores each image and averages, "
                    "so a missed small pet counts as a whole zero.",
                ),
                "BinaryIoU counts the background class too": (
                    False,
                    "The lab gives it target_class_ids=[1]: it scores the pet class only, as "
                    "metrics.iou does.",
                ),
                "BinaryIoU is computed on the training images only": (
                    False,
                    "The curves show it on the validation images as well (val_iou); even there the "
                    "way of averaging differs.",
                ),
                "metrics.iou rounds the predicted probabilities before it scores them": (
                    False,
                    "Both threshold the same probabilities at the same value; neither rounds "
                    "anything else.",
                ),
            },
        ),
        _everything_question(),
        _dice_question(),
        choice(
            "The offline run stored in the book reaches an IoU close to 1 on the generated "
            "shapes. What does that say about the U-Net on the pet photos?",
            {
                "Little beyond the fact that the code trains and scores correctly": (
                    True,
                    "Right: the shapes are flat grey patches that a rule reading one pixel's grey "
                    "level already segments well; the photos demand context the shapes never do.",
                ),
                "That the full run on the photos will score close to 1 as well": (
                    False,
                    "Different data: fur, shadows, hidden parts and the undecided border band make "
                    "the photos far harder than the shapes.",
                ),
                "That the photos will score lower in proportion to the larger network": (
                    False,
                    "No rule ties a network's size to its IoU across data sets; the larger network "
                    "is there because the photos are harder.",
                ),
                "Nothing: the stand-in shares no code with the full run": (
                    False,
                    "It runs exactly the same cells on other data; that the code works end to end "
                    "is what it does show.",
                ),
            },
        ),
        choice(
            "Why can the lab's test IoU not be set beside the segmentation accuracy that "
            "Parkhi et al. report, as a like-for-like comparison?",
            {
                "The scores come from different test images and protocols": (
                    True,
                    "Right: the lab holds out its own random draw of photos, not the authors' test "
                    "split, squashes them, counts the border as background and averages IoU over "
                    "images; the paper measures its own way.",
                ),
                "Parkhi et al. segment with a larger neural network": (
                    False,
                    "Their segmentation is not a neural network at all; but even two networks are "
                    "comparable only on the same images and measure.",
                ),
                "The paper reports the accuracy of its breeds only": (
                    False,
                    "It also reports how well its method separates the pet from the background; "
                    "the obstacle is the protocol, not the task.",
                ),
                "IoU is defined for networks with skip connections only": (
                    False,
                    "IoU compares two masks, whatever made them; the baselines in the lab's table "
                    "are scored by it too.",
                ),
            },
        ),
        choice(
            "The lab counts the trimap's border band as background. Where do the errors of a "
            "good network on the photos gather?",
            {
                "Along the pet's outline": (
                    True,
                    "Right: the band is undecided by construction, so the network's probability "
                    "there hovers near the threshold, and thin parts such as ears and tails lie "
                    "along the outline too.",
                ),
                "In the open background, far from the pet": (
                    False,
                    "Large regions with no pet in sight are the easy pixels: the network's context "
                    "makes them safe.",
                ),
                "In the middle of the pet's body": (
                    False,
                    "Interior pixels are surrounded by fur on every side: the surest pet pixels of "
                    "all.",
                ),
            },
        ),
        choice(
            "Without retraining, you raise the threshold of the predicted probabilities from "
            "0.5 to 0.7. What happens to the predicted masks?",
            {
                "They shrink to the pixels the network is surer of": (
                    True,
                    "Right: fewer false alarms, more misses at the edges; whether IoU rises or falls "
                    "depends on which the network makes more of, so it has to be measured.",
                ),
                "They grow, since the threshold scales the probabilities up": (
                    False,
                    "The threshold does not change the probabilities; a higher bar lets fewer pixels "
                    "through.",
                ),
                "Nothing: the sigmoid outputs only 0 or 1": (
                    False,
                    "It outputs probabilities in between, most of all along the outline, as the "
                    "bottom row of the predictions figure shows.",
                ),
                "Nothing until the network is retrained with the new threshold": (
                    False,
                    "The loss is cross-entropy on probabilities, which no threshold enters; the "
                    "threshold acts after the prediction.",
                ),
            },
        ),
        choice(
            "To augment the photos, question 3 mirrors each photo and its mask before training. "
            "Why not put lab.with_augmentation in front of the U-Net, as a classification lab does?",
            {
                "It would mirror the photo but not its mask": (
                    True,
                    "Right: its layers sit inside the model and change only the input; a class label "
                    "survives a flip, a mask must move pixel by pixel with its photo.",
                ),
                "A mirrored photo is no longer a realistic photo of a pet": (
                    False,
                    "A mirrored cat is still a plausible cat; the problem is the label, which must "
                    "be mirrored too.",
                ),
                "It works only for CIFAR-sized images": (
                    False,
                    "It reads the model's input size and works for any; it is the mask it leaves "
                    "untouched that rules it out here.",
                ),
            },
        ),
        choice(
            f"The lab's time estimate for the full run spans a factor of {high / low:.0f} between "
            "its ends. Where does that spread come from?",
            {
                "The share of the T4's peak that training is assumed to sustain": (
                    True,
                    "Right: the operation count and the datasheet's peak are fixed; the sustained "
                    "share is assumed, which is why the live curves' measured time replaces the "
                    "estimate after two epochs.",
                ),
                "Uncertainty in the network's operation count": (
                    False,
                    "The profiler counts every multiply-accumulate of the built network exactly; "
                    "the count is not in doubt.",
                ),
                "The range of photo sizes in the data set": (
                    False,
                    "Every photo is squashed to the same size before training, so every one costs "
                    "the same.",
                ),
                "Whether Colab hands out a T4 or a faster GPU": (
                    False,
                    "Both ends assume a T4; another GPU would put the time outside the range "
                    "altogether.",
                ),
            },
        ),
        choice(
            "Why does the lab squash each photo to a square rather than cut a square from its "
            "middle?",
            {
                "A cut can lose parts of the pet, and so of its mask": (
                    True,
                    "Right: squashing keeps every pet pixel in the frame, at the price of "
                    "distorting proportions, the same way in the photo and in its mask.",
                ),
                "Squashing keeps the pet's proportions": (
                    False,
                    "It distorts them: a wide photo gives a narrower pet. What it keeps is every "
                    "pixel of the pet.",
                ),
                "The U-Net needs to see each photo in its original aspect ratio": (
                    False,
                    "The network is built for one fixed square input; every photo must be brought "
                    "to it somehow.",
                ),
            },
        ),
        choice(
            "Colab disconnects during epoch 13 of the full run. You reconnect and run the "
            "training cell again. What happens?",
            {
                "It resumes after epoch 12, if the backup folder survived": (
                    True,
                    "Right: BackupAndRestore saves at the end of every epoch; on a fresh Colab "
                    "machine the folder survives only if COURSE_CHECKPOINTS points at a mounted "
                    "Drive.",
                ),
                "It resumes in the middle of epoch 13": (
                    False,
                    "The backup is written when an epoch ends; the unfinished part of epoch 13 is "
                    "lost and run again.",
                ),
                "It always starts again from the first epoch": (
                    False,
                    "That happens only when the backup is gone; the callback exists to avoid it.",
                ),
                "Keras refuses to train until the old backup is deleted by hand": (
                    False,
                    "Keras reads the backup and continues from it; it deletes it itself once "
                    "training completes.",
                ),
            },
        ),
    ]
