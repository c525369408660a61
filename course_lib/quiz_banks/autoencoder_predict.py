"""Chapter 12, "Predict, then run": an autoencoder without a bottleneck."""

from course_lib.quiz import choice


def questions():
    return [
        choice(
            "The network without a bottleneck trains for a few seconds. How does its error on the "
            "test digits compare with that of this chapter's trained autoencoder?",
            {
                "Lower": (
                    True,
                    "Right: with room for every pixel it only has to learn a local copy, which "
                    "is quick to find and rebuilds digits more exactly than a 49-number code.",
                ),
                "About the same, since both were trained on the same digits": (
                    False,
                    "The same data, but not the same task: one must summarise each digit in a "
                    "short code, the other only copies it.",
                ),
                "Higher, since it was trained for a fraction of the time": (
                    False,
                    "Copying is easy: a few seconds suffice, while a good short code takes "
                    "the autoencoder many epochs.",
                ),
            },
        ),
        choice(
            "Both networks are then given the test digits turned upside down. Whose "
            "reconstruction error rises?",
            {
                "Only the bottleneck autoencoder's": (
                    True,
                    "Right: its code describes upright digits; the copier's small filters "
                    "copy a stroke the same way whatever its orientation.",
                ),
                "Only that of the network without a bottleneck": (
                    False,
                    "Its filters see a few pixels at a time, and turned strokes are still "
                    "strokes to them.",
                ),
                "Both, by about the same factor": (
                    False,
                    "Only a network that has learned what upright digits look like can be "
                    "surprised by upside-down ones.",
                ),
                "Neither, since the pixels are the same, only moved": (
                    False,
                    "The code of the bottleneck autoencoder depends on where the strokes are, "
                    "not only on which pixel values occur.",
                ),
            },
        ),
    ]
