"""course_lib.models.modern.regnet_stages against the RegNetX table of keras.applications.

Keras 3 ships no RegNet; the table below is MODEL_CONFIGS of tf.keras 2
(keras/applications/regnet.py): per model, the stage depths and widths. The parameters
(w0, wa, wm, depth, group width) are those of the RegNet paper's appendix
(Radosavovic et al. 2020), as released in the authors' pycls configurations.
"""

import pytest

from course_lib.models.modern import (
    REGNETX_KERAS_TABLE,
    REGNETX_PARAMS,
    regnet_stages,
)

# The six models course_lib itself lists (REGNETX_PARAMS, REGNETX_KERAS_TABLE) and six larger
# ones: model -> (w0, wa, wm, depth, group width) and keras's (depths, widths).
PAPER = {
    **REGNETX_PARAMS,
    "RegNetX-4.0GF": (96, 38.65, 2.43, 23, 40),
    "RegNetX-6.4GF": (184, 60.83, 2.07, 17, 56),
    "RegNetX-8.0GF": (80, 49.56, 2.88, 23, 120),
    "RegNetX-12GF": (168, 73.36, 2.37, 19, 112),
    "RegNetX-16GF": (216, 55.59, 2.1, 22, 128),
    "RegNetX-32GF": (320, 69.86, 2.0, 23, 168),
}
KERAS = {
    **REGNETX_KERAS_TABLE,
    "RegNetX-4.0GF": ([2, 5, 14, 2], [80, 240, 560, 1360]),
    "RegNetX-6.4GF": ([2, 4, 10, 1], [168, 392, 784, 1624]),
    "RegNetX-8.0GF": ([2, 5, 15, 1], [80, 240, 720, 1920]),
    "RegNetX-12GF": ([2, 5, 11, 1], [224, 448, 896, 2240]),
    "RegNetX-16GF": ([2, 6, 13, 1], [256, 512, 896, 2048]),
    "RegNetX-32GF": ([2, 7, 13, 1], [336, 672, 1344, 2520]),
}


def test_the_two_tables_name_the_same_models():
    assert set(REGNETX_PARAMS) == set(REGNETX_KERAS_TABLE)
    assert set(PAPER) == set(KERAS) and len(PAPER) == 12


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
