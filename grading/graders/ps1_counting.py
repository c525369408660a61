"""Problem set 1: output sizes, parameters, activations and MACs of famous layers.

Every expected value comes from ``course_lib.arithmetic``, whose formulas are tested
against the papers; the default variant's values are also checked against
``course_lib.profile`` of the full models (tests/test_grading.py).
"""

from __future__ import annotations

from course_lib import arithmetic as A
from course_lib.models.inception import GOOGLENET_MODULES

from autograder.spec import (
    Case,
    FunctionQuestion,
    Value,
    ValueQuestion,
    as_number,
    BadAnswer,
)

ASSIGNMENT = "ps1_counting"
NOTEBOOK = "counting.ipynb"
FORBID = ("course_lib",)


def _module_inputs() -> dict[str, int]:
    """Input channels of each GoogLeNet module: the previous module's output depth."""
    channels, out = {}, 192
    for key, (f1, _, f3, _, f5, pool_proj) in GOOGLENET_MODULES.items():
        channels[key] = out
        out = f1 + f3 + f5 + pool_proj
    return channels


MODULE_INPUT = _module_inputs()
MODULE_SIZE = {"3": 28, "4": 14, "5": 7}

DEFAULT = {
    # Q2: AlexNet's conv2 split over more GPUs
    "q2_filters": 256,
    "q2_kernel": 5,
    "q2_channels": 96,
    "q2_size": 27,
    "q2_gpus": 4,
    "q2_group": 24,
    # Q3: a VGG block
    "q3_convs": 3,
    "q3_filters": 256,
    "q3_size": 56,
    "q3_pooled": 28,
    "q3_convs_word": "three",
    # Q4: a GoogLeNet module
    "q4_module": "4a",
    "q4_size": 14,
    "q4_channels": 480,
    "q4_f1": 192,
    "q4_f3r": 96,
    "q4_f3": 208,
    "q4_f5r": 16,
    "q4_f5": 48,
    "q4_pool": 64,
    # Q5: a depthwise separable layer
    "q5_size": 56,
    "q5_channels": 128,
    "q5_kernel": 3,
}
WORDS = {2: "two", 3: "three", 4: "four"}


def draw(rng) -> dict:
    channels = int(rng.choice([96, 128, 192, 256]))
    gpus = int(rng.choice([g for g in (2, 4, 8) if channels % g == 0]))
    filters = int(rng.choice([128, 192, 256, 384]))
    convs = int(rng.choice([2, 3, 4]))
    vgg_size = int(rng.choice([28, 56, 112]))
    module = str(rng.choice(sorted(GOOGLENET_MODULES)))
    f1, f3r, f3, f5r, f5, pool = GOOGLENET_MODULES[module]
    return {
        "q2_filters": filters,
        "q2_kernel": int(rng.choice([3, 5, 7])),
        "q2_channels": channels,
        "q2_size": int(rng.choice([13, 27, 55])),
        "q2_gpus": gpus,
        "q2_group": channels // gpus,
        "q3_convs": convs,
        "q3_filters": int(rng.choice([128, 256, 512])),
        "q3_size": vgg_size,
        "q3_pooled": vgg_size // 2,
        "q3_convs_word": WORDS[convs],
        "q4_module": module,
        "q4_size": MODULE_SIZE[module[0]],
        "q4_channels": MODULE_INPUT[module],
        "q4_f1": f1,
        "q4_f3r": f3r,
        "q4_f3": f3,
        "q4_f5r": f5r,
        "q4_f5": f5,
        "q4_pool": pool,
        "q5_size": int(rng.choice([14, 28, 56, 112])),
        "q5_channels": int(rng.choice([64, 128, 256, 512])),
        "q5_kernel": int(rng.choice([3, 5])),
    }


# --- expected answers -------------------------------------------------------------------------------
def split_params(p) -> int:
    return A.conv_params(
        p["q2_channels"], p["q2_filters"], p["q2_kernel"], groups=p["q2_gpus"]
    )


def vgg_block_activations(p) -> int:
    size, filters = p["q3_size"], p["q3_filters"]
    pooled = A.pool_output_size(size, 2)
    return p["q3_convs"] * size * size * filters + pooled * pooled * filters


def inception_params(p) -> int:
    c = p["q4_channels"]
    return (
        A.conv_params(c, p["q4_f1"], 1)
        + A.conv_params(c, p["q4_f3r"], 1)
        + A.conv_params(p["q4_f3r"], p["q4_f3"], 3)
        + A.conv_params(c, p["q4_f5r"], 1)
        + A.conv_params(p["q4_f5r"], p["q4_f5"], 5)
        + A.conv_params(c, p["q4_pool"], 1)
    )


def separable_macs(p) -> int:
    size, c, k = p["q5_size"], p["q5_channels"], p["q5_kernel"]
    return A.depthwise_conv_macs(size, c, k) + A.conv_macs(size, c, c, 1)


def separable_ratio(p) -> float:
    return A.depthwise_separable_cost_ratio(p["q5_channels"], p["q5_kernel"])


# --- Q1: a function ---------------------------------------------------------------------------------
def output_size_cases(params, rng) -> list[Case]:
    """Famous layers, then random ones, including strides that do not tile the input."""
    cases = [
        (227, 11, 4, 0),
        (224, 7, 2, 3),
        (27, 5, 1, 2),
        (13, 3, 2, 0),
        (7, 3, 3, 0),
    ]
    while len(cases) < 12:
        f = int(rng.integers(1, 8))
        w = int(rng.integers(f, 300))
        s, p = int(rng.integers(1, 5)), int(rng.integers(0, f // 2 + 1))
        cases.append((w, f, s, p))
    return [Case(c) for c in cases]


def check_output_size(params, case, result) -> dict:
    expected = A.conv_output_size(*case.args)
    got = as_number(result, integer=True)
    if "int" not in result:
        raise BadAnswer(f"{got} as {result.get('type', 'a float')}, expected an int")
    return {"": None if got == expected else f"returned {got}"}


QUESTIONS = (
    FunctionQuestion(
        "q1-tests",
        "q1-answer",
        "conv_output_size",
        parts=(("", 3),),
        cases=output_size_cases,
        check=check_output_size,
    ),
    ValueQuestion(
        "q2-tests", "q2-answer", (Value("split_conv_params", split_params, 2),)
    ),
    ValueQuestion(
        "q3-tests",
        "q3-answer",
        (Value("vgg_block_activations", vgg_block_activations, 2),),
    ),
    ValueQuestion(
        "q4-tests",
        "q4-answer",
        (Value("inception_module_params", inception_params, 2),),
    ),
    ValueQuestion(
        "q5-tests",
        "q5-answer",
        (
            Value("separable_layer_macs", separable_macs, 2),
            Value(
                "separable_layer_ratio", separable_ratio, 1, integer=False, rel_tol=1e-6
            ),
        ),
    ),
)
