"""Exercises of Part II (the classic CNNs). Expected values come from course_lib's
models (via the profiler) and formulas, never from literals."""
from __future__ import annotations

from .. import arithmetic as A
from . import Exercise, register_exercise
from .catalog import _layer, _profile_rows

LENET = "06_lenet5"


def _lenet_largest_layer():
    rows = _profile_rows("lenet5")
    return max(rows.values(), key=lambda r: r.params).name


def _check_largest(answer):
    if not isinstance(answer, str):
        return f"give a layer name as a string, e.g. 'c1'; got {answer!r}"
    names = set(_profile_rows("lenet5"))
    if answer.strip().lower() not in names:
        return f"LeNet-5 has no layer {answer!r}; its layers are c1, s2, c3, s4, c5, f6 and rbf"
    right = _lenet_largest_layer()
    if answer.strip().lower() == right:
        return None
    return f"{answer} has {_profile_rows('lenet5')[answer.strip().lower()].params:,} parameters; another layer has more"


_LENET = [
    Exercise("lenet-c1-params", LENET, "How many parameters has LeNet-5's C1 (6 filters of 5x5 on a 32x32x1 input)?",
             expected=_layer("lenet5", "c1", "params"), unit="parameters",
             mistakes=(("you left out the 6 biases", lambda: A.conv_params(1, 6, 5, bias=False)),)),
    Exercise("lenet-c1-connections", LENET,
             "How many connections has C1? (Each of its 28x28x6 output units connects to 25 inputs and a bias.)",
             expected=lambda: A.conv_output_size(32, 5) ** 2 * A.conv_params(1, 6, 5), unit="connections",
             mistakes=(("count the bias connection of every unit too", lambda: A.conv_macs(28, 1, 6, 5)),)),
    Exercise("lenet-c1-dense", LENET,
             "If C1 were fully connected (all 32x32 inputs to all 28x28x6 outputs, with biases), how many parameters?",
             expected=lambda: A.dense_params(32 * 32, A.conv_output_size(32, 5) ** 2 * 6), unit="parameters"),
    Exercise("lenet-s2-params", LENET,
             "LeNet's S2 subsampling multiplies each 2x2 sum by a trainable coefficient and adds a trainable bias, "
             "one pair per map. How many parameters for its 6 maps?",
             expected=_layer("lenet5", "s2", "params"), unit="parameters",
             mistakes=(("one coefficient and one bias per map, not per pixel", lambda: 6 * 14 * 14 * 2),)),
    Exercise("lenet-c3-full", LENET,
             "C3 uses a connection table (1,516 parameters). How many would a full 5x5 convolution from 6 to 16 maps have?",
             expected=lambda: A.conv_params(6, 16, 5), unit="parameters"),
    Exercise("lenet-c5-params", LENET, "How many parameters has C5 (120 filters of 5x5 over 16 maps)?",
             expected=_layer("lenet5", "c5", "params"), unit="parameters",
             mistakes=(("you left out the 120 biases", lambda: A.conv_params(16, 120, 5, bias=False)),)),
    Exercise("lenet-c5-shape", LENET, "What is the output shape of C5 on S4's 5x5x16 maps (a tuple)?",
             expected=lambda: (A.conv_output_size(5, 5), A.conv_output_size(5, 5), 120), kind="shape"),
    Exercise("lenet-largest-layer", LENET, "Which layer of LeNet-5 holds the most parameters? (a name, e.g. 'c1')",
             kind="object", validate=_check_largest),
]

for _ex in _LENET:
    register_exercise(_ex)
