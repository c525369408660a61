"""Chapter 06, "Predict, then run": a full C3 instead of the paper's connection table."""

from __future__ import annotations

from ..quiz import choice


def questions() -> list[dict]:
    """The prediction questions of chapter 06 (quiz name ``lenet-predict``); the chapter's
    next cells measure the answers with course_lib.profile."""
    from ..models.lenet import C3_TABLE

    used = sum(len(inputs) for inputs in C3_TABLE)
    maps_in, maps_out = max(max(inputs) for inputs in C3_TABLE) + 1, len(C3_TABLE)
    possible = maps_in * maps_out
    return [
        choice(
            "Connect every C3 map to all six S2 maps instead of following the paper's table. "
            "What happens to C3's parameters?",
            {
                "They grow by a little over half": (
                    True,
                    f"Right: the table uses {used} of the {possible} possible (input map, output map) "
                    f"pairs, each a 5x5 kernel; a full C3 uses all {possible}, and the {maps_out} "
                    "biases stay.",
                ),
                "They double": (
                    False,
                    "That would need twice as many kernels; the table already uses more than "
                    f"half of the {possible} possible pairs.",
                ),
                "They grow sixteenfold, one full layer per output map": (
                    False,
                    "Each output map gets one 5x5 kernel per input map it sees, not a whole layer: "
                    "at most six kernels per map.",
                ),
                "They stay the same: the kernels are still 5x5": (
                    False,
                    "The kernel size is the same, but each map now sees more input maps, so it "
                    "has more 5x5 kernels.",
                ),
            },
        ),
        choice(
            "And for the whole network: what does a full C3 do to LeNet-5's parameters and to its "
            "multiply-accumulates (MACs) per image?",
            {
                "Parameters barely change; MACs grow noticeably": (
                    True,
                    "Right: C3 holds few of the network's weights (C5 and F6 hold most), but it "
                    "uses each of them at 10x10 positions, so it does a large share of the work.",
                ),
                "Both grow by about the same fraction": (
                    False,
                    "A layer adds as many MACs as weights only when its output is 1x1; C3 uses each "
                    "new weight at 10x10 positions, while most of the parameters sit elsewhere.",
                ),
                "Parameters grow noticeably; MACs barely change": (
                    False,
                    "It is the other way round: C3 has few weights compared with C5, but its "
                    "weights are applied at many positions.",
                ),
            },
        ),
    ]
