"""Chapter 16, "Predict, then run": 3x3x3 kernels against 2-D 3x3 kernels applied to each frame.

The ablation gives mini C3D's first two convolutions (pool1, 1x2x2, between them) either 3x3x3
kernels or 1x3x3 ones. The values that decide which option is right are computed here with
course_lib's arithmetic; a change that moved them out of what the right option says fails loudly.
"""

from __future__ import annotations

import inspect

from .. import arithmetic as A
from ..models.video import frame_cnn
from ..quiz import choice

CLIP_FRAMES = 8  # the chapter's moving-digit clips


def _widths() -> tuple[int, int]:
    """The first two widths that mini_c3d and frame_cnn share (their default ``filters``)."""
    first, second, *_ = inspect.signature(frame_cnn).parameters["filters"].default
    return first, second


def params_ratio() -> float:
    """Parameters of the two convolutions with 1x3x3 kernels over those with 3x3x3 kernels (one input channel)."""
    first, second = _widths()

    def both(kernel):
        return A.conv_params(1, first, kernel) + A.conv_params(first, second, kernel)

    return both((1, 3, 3)) / both((3, 3, 3))


def frames_seen_3d() -> int:
    """Input frames one output position of the second 3x3x3 convolution depends on: conv1, pool1 (1 in time), conv2."""
    return A.receptive_field([(3, 1), (1, 1), (3, 1)]).size


def questions() -> list[dict]:
    """What the per-frame kernels save, and what they give up in time."""
    ratio, seen = params_ratio(), frames_seen_3d()
    if not 0.3 <= ratio < 0.4 or seen != 5:
        raise ValueError(
            f"video-predict: the parameter ratio {ratio:.2f} or the {seen} frames seen no longer match "
            f"the right options; rewrite the questions"
        )
    return [
        choice(
            "mini C3D's first two convolutions get 1x3x3 kernels instead of 3x3x3 ones, with 'same' padding. "
            "What happens to their parameters and MACs?",
            {
                "Both fall to about a third": (
                    True,
                    "Right: each kernel keeps 9 of its 27 taps per channel pair, and every tap costs one MAC "
                    "at every output position; only the biases are not cut.",
                ),
                "The parameters fall to a third; the MACs stay, since the output shapes do not change": (
                    False,
                    "The output shapes stay, but each output position now needs a third of the multiplications.",
                ),
                "Nothing changes, since 'same' padding keeps every shape": (
                    False,
                    "The shapes stay, but the kernels are a third of the size, and so are their weights and work.",
                ),
                "Both fall to about a ninth": (
                    False,
                    "Only the time extent shrinks, from 3 to 1; height and width stay 3x3.",
                ),
            },
        ),
        choice(
            "With 'same' padding, how many input frames does one output position of the second convolution depend "
            "on, with 3x3x3 kernels and with 1x3x3 kernels?",
            {
                f"{seen} and 1": (
                    True,
                    "Right: conv1 sees 3 frames, pool1 adds none in time, conv2 adds 2 more; per-frame kernels "
                    "never mix frames.",
                ),
                "3 and 1": (
                    False,
                    "That is conv1 alone; conv2's three frames each see three input frames, and they overlap.",
                ),
                f"{seen} and 3": (
                    False,
                    "A 1x3x3 kernel is one frame deep, and pool1 does not pool over time: nothing mixes frames.",
                ),
                f"All {CLIP_FRAMES} in both, because 'same' padding lets each layer see the whole clip": (
                    False,
                    "'same' padding keeps the number of frames; it does not widen what one position sees.",
                ),
            },
        ),
    ]
