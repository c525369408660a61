"""course_lib.models.modern.regnet_stages against the RegNetX table of keras.applications.

Keras 3 ships no RegNet; the table below is MODEL_CONFIGS of tf.keras 2
(keras/applications/regnet.py): per model, the stage depths and widths. The parameters
(w0, wa, wm, depth, group width) are those of the RegNet paper's appendix
(Radosavovic et al. 2020), as released in the authors' pycls configurations.
"""

import pytest

from course_lib.models.modern import regnet_stages

PAPER = {  # model: (w0, wa, wm, depth, group width)
    "x002": (24, 36.44, 2.49, 13, 8),
    "x004": (24, 24.48, 2.54, 22, 16),
    "x006": (48, 36.97, 2.24, 16, 24),
    "x008": (56, 35.73, 2.28, 16, 16),
    "x016": (80, 34.01, 2.25, 18, 24),
    "x032": (88, 26.31, 2.25, 25, 48),
    "x040": (96, 38.65, 2.43, 23, 40),
    "x064": (184, 60.83, 2.07, 17, 56),
    "x080": (80, 49.56, 2.88, 23, 120),
    "x120": (168, 73.36, 2.37, 19, 112),
    "x160": (216, 55.59, 2.1, 22, 128),
    "x320": (320, 69.86, 2.0, 23, 168),
}
KERAS = {  # model: (depths, widths), copied from tf.keras 2's MODEL_CONFIGS
    "x002": ([1, 1, 4, 7], [24, 56, 152, 368]),
    "x004": ([1, 2, 7, 12], [32, 64, 160, 384]),
    "x006": ([1, 3, 5, 7], [48, 96, 240, 528]),
    "x008": ([1, 3, 7, 5], [64, 128, 288, 672]),
    "x016": ([2, 4, 10, 2], [72, 168, 408, 912]),
    "x032": ([2, 6, 15, 2], [96, 192, 432, 1008]),
    "x040": ([2, 5, 14, 2], [80, 240, 560, 1360]),
    "x064": ([2, 4, 10, 1], [168, 392, 784, 1624]),
    "x080": ([2, 5, 15, 1], [80, 240, 720, 1920]),
    "x120": ([2, 5, 11, 1], [224, 448, 896, 2240]),
    "x160": ([2, 6, 13, 1], [256, 512, 896, 2048]),
    "x320": ([2, 7, 13, 1], [336, 672, 1344, 2520]),
}


@pytest.mark.parametrize("model", sorted(PAPER))
def test_depths_follow_from_the_quantised_rule_alone(model):
    w0, wa, wm, depth, _ = PAPER[model]
    widths, depths = regnet_stages(w0, wa, wm, depth)
    assert depths == KERAS[model][0]
    assert sum(depths) == depth
    assert all(w % 8 == 0 for w in widths)
    assert widths == sorted(set(widths))  # stages strictly widen


@pytest.mark.parametrize("model", sorted(PAPER))
def test_widths_match_keras_after_group_width_rounding(model):
    w0, wa, wm, depth, group_width = PAPER[model]
    assert regnet_stages(w0, wa, wm, depth, group_width=group_width) == (
        KERAS[model][1],
        KERAS[model][0],
    )


def test_regnetx_200mf_needs_no_group_rounding():
    # group width 8 = q: the quantised widths are already multiples of the group width
    assert regnet_stages(24, 36.44, 2.49, 13) == ([24, 56, 152, 368], [1, 1, 4, 7])


def test_zero_slope_gives_one_stage():
    assert regnet_stages(48, 0, 2.5, 6) == ([48], [6])


@pytest.mark.parametrize(
    "kwargs, word",
    [
        (dict(w0=0, wa=36.0, wm=2.5, depth=13), "w0"),
        (dict(w0=20, wa=36.0, wm=2.5, depth=13), "multiple"),
        (dict(w0=24, wa=-1.0, wm=2.5, depth=13), "wa"),
        (dict(w0=24, wa=36.0, wm=1.0, depth=13), "wm"),
        (dict(w0=24, wa=36.0, wm=2.5, depth=0), "depth"),
        (dict(w0=24, wa=36.0, wm=2.5, depth=13, q=0), "q"),
        (dict(w0=24, wa="a", wm=2.5, depth=13), "wa"),
        (dict(w0=24, wa=36.0, wm=2.5, depth=13, group_width=0), "group_width"),
    ],
)
def test_bad_parameters_raise_clear_errors(kwargs, word):
    with pytest.raises(ValueError, match=word):
        regnet_stages(**kwargs)
