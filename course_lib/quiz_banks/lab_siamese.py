"""Lab 4 (Siamese network on Omniglot): reading the one-shot result, the stand-in run, the recipe
and the time estimate."""

from course_lib import arithmetic as A
from course_lib.facts import fact
from course_lib.models import card
from course_lib.quiz import choice, numeric

# The lab's full run (its time-estimate cell): pairs and epochs.
FULL_PAIRS = 30_000
FULL_EPOCHS = 20
# A training step costs about three forward passes (course_lib.lab.training_time_estimate).
PASSES_PER_STEP = 3


def _koch_pair_macs() -> int:
    """Multiply-accumulates of one pair through Koch et al.'s twin (Fig. 4): the shared encoder
    runs on both images; the sigmoid unit on the L1 distance adds its 4,096 products."""
    side = card("siamese").input_shape[0]
    macs, channels = 0, 1
    for filters, kernel, pool in (
        (64, 10, True),
        (128, 7, True),
        (128, 4, True),
        (256, 4, False),
    ):
        side = A.conv_output_size(side, kernel)
        macs += A.conv_macs(side, channels, filters, kernel)
        channels = filters
        if pool:
            side = A.pool_output_size(side, 2)
    encoder = macs + A.dense_macs(side * side * channels, 4096)
    return 2 * encoder + A.dense_macs(4096, 1)


def _minutes_at_t4_peak() -> float:
    """The full run's lower bound: every operation at the T4's mixed-precision peak."""
    flops = 2 * PASSES_PER_STEP * _koch_pair_macs() * FULL_PAIRS * FULL_EPOCHS
    return flops / (fact("t4_fp16_tflops").value * 1e12) / 60


def questions():
    peak = fact("t4_fp16_tflops").text
    koch = fact("koch_omniglot_20way").text
    return [
        choice(
            "What does guessing score in a 20-way one-shot trial, and what on the balanced "
            "same/different pairs Keras validates the twin on during training?",
            {
                "One in twenty on the trials, one in two on the pairs": (
                    True,
                    "Right: a trial has twenty candidates and one right answer; half of the pairs are "
                    "same-character, so a coin is right on half of them.",
                ),
                "One in twenty on both": (
                    False,
                    "A pair has only two possible answers, same or different, and the pairs are "
                    "balanced: guessing is right on half of them.",
                ),
                "One in two on both: each candidate is a same/different question": (
                    False,
                    "Each comparison is, but a trial is solved only if the true match scores highest "
                    "of twenty; a random ranking puts it first once in twenty.",
                ),
                "One in four hundred on the trials, one in two on the pairs": (
                    False,
                    "Four hundred is the number of trials, not of candidates; each trial is a choice "
                    "among twenty.",
                ),
            },
        ),
        choice(
            "The twin is right on most held-out validation pairs, yet it solves far fewer "
            "20-way trials. Why is that no contradiction?",
            {
                "A trial fails if any one of 19 wrong candidates outscores the match": (
                    True,
                    "Right: one wrong candidate scoring above the true match is enough, and with 19 of "
                    "them even rare verification errors add up; the validation pairs also come from "
                    "characters seen in training.",
                ),
                "The validation pairs come from the evaluation alphabets": (
                    False,
                    "validation_split holds out the last pairs of the training set, which come from the "
                    "background alphabets: characters the twin has seen.",
                ),
                "Keras counts a pair as right only when its probability exceeds 0.9": (
                    False,
                    "The accuracy metric thresholds the sigmoid output at 0.5.",
                ),
                "The twin runs in inference mode in the trials, which switches its sigmoid off": (
                    False,
                    "Inference mode changes dropout and batch norm; the sigmoid output is the same.",
                ),
            },
        ),
        choice(
            "Set the page's offline 20-way accuracy next to Koch et al.'s "
            f"{koch}. What may you conclude from the difference?",
            {
                "Nothing yet about how the lab's recipe does on Omniglot": (
                    True,
                    "Right: the two numbers differ in data (fonts, not hands), network (the small twin), "
                    "recipe and test trials at once; only the Colab run on Omniglot measures the recipe.",
                ),
                "The course's network does not implement Koch et al.'s design": (
                    False,
                    "The offline run does not train Koch et al.'s network at all: it trains the small "
                    "twin on 28 x 28 glyphs.",
                ),
                "The missing affine distortions account for the gap": (
                    False,
                    "They are one of several differences between the two runs; the comparison cannot "
                    "separate them. Question 1 of the lab tests this one alone.",
                ),
                "Printed characters are harder to match than handwritten ones": (
                    False,
                    "The stand-in also has far fewer training scripts and a smaller network; the run "
                    "cannot single out the kind of characters as the cause.",
                ),
            },
        ),
        choice(
            "Run the lab on Omniglot with Koch et al.'s network. Why would its 20-way accuracy "
            f"still not be the measurement behind their {koch}?",
            {
                "Their trials came from the 10 evaluation alphabets and 4 drawers of their split": (
                    True,
                    "Right: Koch et al. used a 40/10 split of the alphabets and held out drawers; the "
                    "lab keeps Lake et al.'s 30/20 split and draws its trials from all 20 evaluation "
                    "alphabets and all drawers.",
                ),
                "The lab tests on the background alphabets it trained on": (
                    False,
                    "data.one_shot_trials uses the test split, the evaluation alphabets, by default.",
                ),
                "Koch et al. reported 5-way trials, the lab 20-way ones": (
                    False,
                    "Their Table 2 is 20-way, like the lab's second row.",
                ),
                "The lab's query and candidates may come from the same drawer": (
                    False,
                    "one_shot_trials picks two different drawers for every trial, as Lake et al.'s "
                    "protocol does.",
                ),
            },
        ),
        choice(
            "Which of these claims can the offline stand-in run test?",
            {
                "A similarity learned on some scripts beats pixels on unseen ones": (
                    True,
                    "Right: the stand-in's evaluation scripts, Armenian and Georgian, never appear in "
                    "training, so the twin against the pixel baseline tests exactly this transfer.",
                ),
                "Koch et al.'s recipe reaches their reported level on Omniglot": (
                    False,
                    "The stand-in has neither Omniglot nor Koch et al.'s network; it cannot reproduce "
                    "their number.",
                ),
                "The full run finishes within the estimate's range on a T4": (
                    False,
                    "The offline run trains the small twin on a CPU; only the live curves' title in a "
                    "Colab run measures the real time.",
                ),
                "Affine distortions help on handwritten characters": (
                    False,
                    "The stand-in has no handwriting, and its glyphs are already rendered with random "
                    "rotation, scale and shift.",
                ),
            },
        ),
        choice(
            "Why does lab.training_time_estimate give a range and not one time?",
            {
                "The share of the T4's peak that training sustains is assumed": (
                    True,
                    "Right: the operation count and the peak are known; how much of the peak a run "
                    "reaches depends on layer widths, batch size and overheads, so the estimate spans "
                    "an assumed range of shares.",
                ),
                "The operations per pair are unknown until the network trains": (
                    False,
                    "course_lib.profile counts them exactly from the layer shapes, before any training.",
                ),
                "Mixed precision may switch itself off halfway through the run": (
                    False,
                    "The precision policy is fixed when the model is built; it does not change during fit.",
                ),
            },
        ),
        choice(
            "You estimate the run's time from profile(twin.get_layer('encoder')) instead of "
            "profile(twin). How far off is the estimate?",
            {
                "About half the true time: each pair runs the encoder twice": (
                    True,
                    "Right: the twins share weights, not work; the profile of the whole model counts the "
                    "encoder once per call, two calls per pair.",
                ),
                "Not at all: the twins share their weights, so they share the work": (
                    False,
                    "Sharing halves the parameters, not the operations: both images pass through every "
                    "convolution.",
                ),
                "About twice the true time": (
                    False,
                    "The encoder alone is one of the two passes, so it undercounts.",
                ),
                "Far too low: the encoder holds a small share of the operations": (
                    False,
                    "Almost all operations are in the encoder; the sigmoid unit adds 4,096 products.",
                ),
            },
        ),
        choice(
            "Koch et al. distort the two images of a training pair with two independent random "
            "affine transforms. What does that teach the twin?",
            {
                "To ignore small shifts, rotations and shears, as between two people's drawings": (
                    True,
                    "Right: the label of the pair is unchanged, and the twin sees more of the "
                    "variation it must disregard in the one-shot trials.",
                ),
                "To tell more characters apart, since distortions create new ones": (
                    False,
                    "A distorted character is still the same class; the set of characters does not grow.",
                ),
                "It works only if both images get the same transform": (
                    False,
                    "Koch et al. draw one transform per image, T1 and T2: it is the difference between "
                    "the two images the twin must learn to disregard, and independent transforms vary it.",
                ),
                "To solve distorted test trials": (
                    False,
                    "The distortions are applied in training only; the test trials are the plain drawings.",
                ),
            },
        ),
        choice(
            "A change to the recipe raises 20-way accuracy by two points, each run measured on 400 "
            "trials. What can you say?",
            {
                "Not yet that it helps: one standard error is about 2.5 points": (
                    True,
                    "Right: at p near one half, sqrt(p(1 - p)/400) is about 0.025; a difference of two "
                    "points is within the noise of drawing the trials. Repeat with other seeds.",
                ),
                "It helps: 400 trials resolve accuracy to a quarter of a point": (
                    False,
                    "One trial is a quarter of a point of accuracy, but that is the resolution of the "
                    "count, not its uncertainty.",
                ),
                "It helps, provided the 5-way accuracy rose too": (
                    False,
                    "The 5-way trials are just as noisy; two noisy rises do not make a certain one.",
                ),
                "Nothing, since one-shot accuracy cannot be compared between runs": (
                    False,
                    "It can, on enough trials or with repeated draws; the question is only how large a "
                    "difference must be to count.",
                ),
            },
        ),
        choice(
            "Evaluated on the background alphabets (split='train'), the twin scores higher than on "
            "the evaluation alphabets. What does the gap measure?",
            {
                "How much of what it learned holds only for the characters it trained on": (
                    True,
                    "Right: both tests use the same network and protocol; only whether the characters, "
                    "indeed the very images, were seen in training differs.",
                ),
                "That chance is higher on the background alphabets": (
                    False,
                    "Chance is one in N for any alphabet large enough for an N-way trial.",
                ),
                "That the evaluation images are of lower quality": (
                    False,
                    "Both archives were collected the same way; what differs between the two tests is "
                    "whether the network has seen the characters.",
                ),
            },
        ),
        numeric(
            "How many GMACs (billions of multiply-accumulates) does one pair cost Koch et al.'s "
            "twin in a forward pass, both images and the sigmoid unit counted? Two significant "
            "digits.",
            round(_koch_pair_macs() / 1e9, 2),
            "Right: the encoder costs half of it per image, most of that in conv2; the shared "
            "weights do not share the work.",
            "Follow the 105 x 105 image through the four 'valid' convolutions (10, 7, 4, 4) and the "
            "three poolings, add the 4,096-unit layer on 6 x 6 x 256, then count the encoder twice.",
            significant=2,
        ),
        numeric(
            f"At the T4's peak of {peak} TFLOPS in mixed precision, how many minutes would the "
            f"lab's full run take at the very least: {FULL_PAIRS:,} pairs for {FULL_EPOCHS} epochs "
            "through Koch et al.'s twin, a training step costing three forward passes, 2 FLOPs per "
            "MAC? Two significant digits.",
            round(_minutes_at_t4_peak(), 1),
            "Right: the hard lower bound; a real run sustains a fraction of the peak, so the "
            "estimate divides it by an assumed share.",
            "Multiply the MACs of one pair by 3 passes, 2 FLOPs, the pairs and the epochs, divide "
            "by the peak in FLOP/s and by 60.",
            significant=2,
        ),
    ]
