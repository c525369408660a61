"""Chapter 09, "Predict, then run": module 3a without its 1x1 reductions.

The options name ranges; the ratios that decide which range is right are measured here with
course_lib.profile, exactly as the chapter's ablation measures them, and a change of model that
moved a ratio out of its range fails loudly instead of leaving a wrong answer marked right.
"""

from __future__ import annotations

from functools import cache

from ..models import block_model
from ..models import inception
from ..profiler import profile
from ..quiz import choice

STEM_OUTPUT = (28, 28, 192)  # what GoogLeNet's stem hands to module 3a


def _modules_3a_3b(x, reduce_3a=True):
    """Modules 3a and 3b with Table 1's filters; with ``reduce_3a=False`` module 3a is the naive one."""
    f1, _, f3, _, f5, _ = filters = inception.GOOGLENET_MODULES["3a"]
    if reduce_3a:
        x = inception.inception_module(x, *filters, name="inception_3a")
    else:
        x = inception.naive_inception_module(x, f1, f3, f5, name="inception_3a")
    return inception.inception_module(
        x, *inception.GOOGLENET_MODULES["3b"], name="inception_3b"
    )


def _module_macs(reduce_3a: bool) -> dict[str, int]:
    rows = profile(block_model(_modules_3a_3b, STEM_OUTPUT, reduce_3a=reduce_3a)).rows
    return {
        key: sum(r.macs for r in rows if r.name.startswith(f"inception_{key}"))
        for key in ("3a", "3b")
    }


@cache
def ratios() -> dict[str, float]:
    """MACs without 3a's reductions over MACs with them, for module 3a and for module 3b."""
    with_, without = _module_macs(True), _module_macs(False)
    return {key: without[key] / with_[key] for key in with_}


def _in_range(name: str, value: float, low: float, high: float) -> None:
    if not low <= value < high:
        raise ValueError(
            f"inception-predict: the measured {name} ratio {value:.2f} has left the range "
            f"[{low}, {high}) that the right option names; rewrite the question"
        )


def questions() -> list[dict]:
    """What dropping the reductions of one module does to it, and to the module after it."""
    r = ratios()
    _in_range("3a MACs", r["3a"], 2, 3)
    _in_range("3b MACs", r["3b"], 1, 1.5)
    f1, f3_reduce, f3, f5_reduce, f5, _ = inception.GOOGLENET_MODULES["3a"]
    depth = STEM_OUTPUT[-1]
    return [
        choice(
            f"Module 3a ({f1} 1x1, {f3} 3x3 and {f5} 5x5 filters on a 28x28x{depth} map) loses its three 1x1 "
            "reductions and its pool projection. What happens to its MACs?",
            {
                "They fall, since three fewer convolutions run": (
                    False,
                    "The convolutions that go are the cheap 1x1 ones; the expensive ones get more expensive.",
                ),
                "They stay within about 20%": (
                    False,
                    "The 3x3 and 5x5 convolutions dominate the cost, and their input depth changes a lot.",
                ),
                "They rise between 2 and 3 times": (
                    True,
                    f"Right: the 3x3 and 5x5 convolutions now read all {depth} channels instead of {f3_reduce} "
                    f"and {f5_reduce}.",
                ),
                "They rise more than 10 times": (
                    False,
                    f"The 5x5 branch's input depth grows {depth // f5_reduce}-fold, but the 3x3 branch's only "
                    f"{depth // f3_reduce}-fold, and the 1x1 branch is unchanged.",
                ),
            },
        ),
        choice(
            "Module 3b keeps all its reductions, but 3a before it has lost its own. What happens to 3b's MACs?",
            {
                "Nothing: 3b has the same filters as before": (
                    False,
                    "Its input is deeper now, and every convolution that reads the input pays for that depth.",
                ),
                "They rise by less than half": (
                    True,
                    "Right: only 3b's 1x1 layers read the deeper input; its reductions shield the 3x3 and 5x5.",
                ),
                "They rise about as much as 3a's did": (
                    False,
                    "3b's 3x3 and 5x5 still read their reduced depths, so only the cheap layers get dearer.",
                ),
                "They fall, because 3a's output is shallower": (
                    False,
                    "3a's output is deeper: its pooling branch now passes all its input channels through.",
                ),
            },
        ),
    ]
