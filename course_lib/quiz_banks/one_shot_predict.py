"""Chapter 14, "Predict, then run": twins that share no weights."""

from course_lib.quiz import choice


def questions():
    return [
        choice(
            "Give each of the two images its own encoder, of the same design but with separate weights. "
            "What happens to the parameter count?",
            {
                "It almost doubles": (
                    True,
                    "Right: the encoder's weights are there twice; only the small head is not duplicated.",
                ),
                "It stays the same, since the layers are the same": (
                    False,
                    "Same design, but two sets of weights: every encoder weight now exists twice.",
                ),
                "It exactly doubles, the sigmoid unit included": (
                    False,
                    "There is still one sigmoid unit on one distance vector; only the encoders are duplicated.",
                ),
            },
        ),
        choice(
            "Swap the two images of each pair (left for right). Does the score change, with shared and with "
            "separate encoders (the same L1 head, untrained)?",
            {
                "Shared: no change. Separate: it changes": (
                    True,
                    "Right: |f(a) - f(b)| = |f(b) - f(a)|, but |f(a) - g(b)| and |f(b) - g(a)| are different numbers.",
                ),
                "No change for either: the L1 distance is symmetric": (
                    False,
                    "The distance is symmetric in its two embeddings, but separate encoders give a different "
                    "pair of embeddings when the images trade places.",
                ),
                "It changes for both, because the weights are random": (
                    False,
                    "Random or trained, one shared encoder maps each image to the same embedding on either side.",
                ),
                "Separate: no change. Shared: it changes": (
                    False,
                    "It is the other way round: sharing is what makes the score symmetric.",
                ),
            },
        ),
    ]
