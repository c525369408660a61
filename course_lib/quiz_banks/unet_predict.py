"""Chapter 13's "Predict, then run": the small U-Net with and without its skip concatenations."""

from __future__ import annotations

from ..quiz import choice


def questions() -> list[dict]:
    """What removing the skips does to the parameters and to an output pixel's view of the input."""
    return [
        choice(
            "Remove the three skip concatenations from the small U-Net. What happens to its parameter count?",
            {
                "It falls a little: each decoder block's first convolution now sees half the channels": (
                    True,
                    "Right: the concatenation has no weights, but the convolution after it spans both maps; "
                    "without the skip it spans only the up-convolution's channels.",
                ),
                "Nothing: a concatenation has no weights": (
                    False,
                    "True of the concatenation itself, but the convolution that follows it loses the input "
                    "channels the skip brought, and their weights with them.",
                ),
                "It roughly halves: the skips carry half of the network": (
                    False,
                    "The skips carry features, not weights; only the first convolution of each decoder "
                    "block shrinks, and most weights sit in the deep levels.",
                ),
                "It grows: the decoder must be wider to make up for the skips": (
                    False,
                    "The builder changes nothing else: the decoder's widths are the same, only its first "
                    "convolutions have fewer input channels.",
                ),
            },
        ),
        choice(
            "At initialisation, take the gradient of the centre output pixel with respect to the input. "
            "What share of it lies in the 3x3 input patch right under that pixel?",
            {
                "A far larger share with the skips than without": (
                    True,
                    "Right: with skips, a path of only a few 3x3 convolutions joins the input to the output "
                    "at full resolution; without, every path runs through the coarse bottleneck.",
                ),
                "The same share: both networks see the same input": (
                    False,
                    "Both can reach the whole image, but how much each input pixel counts depends on the "
                    "paths; the short full-resolution path exists only with the skips.",
                ),
                "A larger share without the skips, since the bottleneck concentrates the signal": (
                    False,
                    "The bottleneck does the opposite: each of its positions mixes a wide patch, so the "
                    "gradient spreads over much of the image.",
                ),
                "None in either network until it has been trained": (
                    False,
                    "Random weights already pass gradients; the measurement needs no training, only the "
                    "network's wiring.",
                ),
            },
        ),
    ]
