"""Chapter 11, "Predict, then run": a standard 3x3 convolution in place of a depthwise separable one."""

from course_lib.quiz import choice


def questions():
    return [
        choice(
            "One of MobileNet's separable layers (14x14x512 in, 512 filters) becomes a standard 3x3 convolution "
            "with the same input and output channels. What happens to its MACs and its weights?",
            {
                "Both grow by the same factor, a little under 9": (
                    True,
                    "Right: each weight is used once per output position in either version, so MACs are weights "
                    "times D_F^2 and the ratio of both is 1/N + 1/D_K^2.",
                ),
                "The MACs grow about 9 times; the weights grow far less, as they do not depend on the map": (
                    False,
                    "The weights do not depend on the map, but the factor is a ratio of two layers on the same map: "
                    "the map size cancels.",
                ),
                "Both grow about 512 times, since each filter now spans all 512 input channels": (
                    False,
                    "The pointwise layer already spans all channels; only the 3x3 spatial part is new per channel.",
                ),
                "The weights grow about 9 times; the MACs stay the same, as the output map is unchanged": (
                    False,
                    "Every output value now sums over 3x3x512 inputs instead of 3x3 plus 512: the MACs grow too.",
                ),
            },
        ),
        choice(
            "Make the same swap in each of MobileNet's separable layers. Where does it cost the smallest factor more?",
            {
                "In the first layer, the one with the fewest output channels": (
                    True,
                    "Right: 1/N + 1/9 is largest for small N, so the separable version saves least there.",
                ),
                "In the 7x7 layers at the end, where the maps are smallest": (
                    False,
                    "The map size D_F^2 multiplies both versions and cancels from the ratio.",
                ),
                "In the stride-2 layers, which compute fewer output positions": (
                    False,
                    "Both versions compute the same, fewer, positions: the stride cancels too.",
                ),
                "Nowhere: the factor is the same in every layer": (
                    False,
                    "The 1/N term differs from layer to layer, since N runs from 64 to 1024.",
                ),
            },
        ),
    ]
