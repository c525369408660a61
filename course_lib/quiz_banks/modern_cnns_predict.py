"""Chapter 17's "Predict, then run": the cost of an SE block in ResNet-50's bottleneck, stage by stage."""

from __future__ import annotations

from ..quiz import choice


def questions() -> list[dict]:
    """Where in ResNet-50 an SE block costs the largest share of parameters, and of MACs."""
    return [
        choice(
            "Put an SE block (r = 16) into ResNet-50's identity bottleneck at each stage, conv2_x to "
            "conv5_x. Where does it add the largest share of the block's parameters?",
            {
                "About the same share at every stage": (
                    True,
                    "Right: the block's convolutions and the SE block's dense layers both have weights "
                    "proportional to the channels squared, so their ratio does not change.",
                ),
                "At conv2_x, where the maps are the largest": (
                    False,
                    "Parameters do not depend on the size of the maps, only on kernels and channels.",
                ),
                "At conv5_x, where the block has the most channels": (
                    False,
                    "The SE block grows with the channels squared, but so do the block's own "
                    "convolutions; the share stays put.",
                ),
            },
        ),
        choice(
            "And the largest share of the block's multiply-accumulates, counting the weighted layers "
            "(as course_lib.profile does)?",
            {
                "At conv5_x, where the maps are the smallest": (
                    True,
                    "Right: the SE block's dense layers act on one number per channel, so their MACs do "
                    "not shrink with the map, while the convolutions' MACs do.",
                ),
                "At conv2_x, where the SE block pools the most pixels": (
                    False,
                    "Pooling is additions, not MACs of a weighted layer; the dense layers after it cost "
                    "the same whatever the map size.",
                ),
                "The same share at every stage, like the parameters": (
                    False,
                    "The convolutions' MACs scale with the map's area, the SE block's dense layers' do "
                    "not, so the ratio changes from stage to stage.",
                ),
            },
        ),
    ]
