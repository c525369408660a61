"""course_lib._validate, the one module of argument checks, and its use by every builder and loader.

A bad option must fail at once with a message naming the function, the argument, the bad value and
what is allowed, never build a silently wrong model or fail deep inside Keras.
"""

import math
import re
from pathlib import Path

import numpy as np
import pytest

from course_lib import _validate as V
from course_lib import data
from course_lib.models import build, resnet, transfer

ROOT = Path(__file__).resolve().parents[2]


# --- the checks themselves ------------------------------------------------------------------------
@pytest.mark.parametrize(
    "value, minimum, maximum, allowed",
    [
        (0, 1, None, "a positive int"),
        (-1, 0, None, "a non-negative int"),
        (16, 28, None, "an int >= 28"),
        (11, 1, 10, "an int from 1 to 10"),
        (True, 1, None, "a positive int"),  # bool is not an int here
        (2.0, 1, None, "a positive int"),
        ("3", 1, None, "a positive int"),
        (None, 1, None, "a positive int"),
    ],
)
def test_check_int_names_argument_value_and_range(value, minimum, maximum, allowed):
    with pytest.raises(ValueError) as info:
        V.check_int("f", "n", value, minimum, maximum)
    assert str(info.value).startswith(f"f: `n` must be {allowed}, got {value!r}")


def test_check_int_accepts_numpy_ints_and_returns_python_ints():
    value = V.check_int("f", "n", np.int64(3), 1)
    assert value == 3 and type(value) is int
    assert V.check_int("f", "n", 10, 1, 10, note="the smallest class") == 10
    with pytest.raises(
        ValueError, match=r"an int from 1 to 10 \(the smallest class\), got 11"
    ):
        V.check_int("f", "n", 11, 1, 10, note="the smallest class")


@pytest.mark.parametrize("value", [1, 0, "yes", "True", None, np.float32(1.0)])
def test_check_bool_refuses_anything_but_true_and_false(value):
    with pytest.raises(
        ValueError, match=re.escape(f"f: `flag` must be True or False, got {value!r}")
    ):
        V.check_bool("f", "flag", value)
    assert V.check_bool("f", "flag", False) is False


@pytest.mark.parametrize("value", [1.0, 1, 1.5, -0.1, True, "0.5", None, math.nan])
def test_check_fraction_wants_a_number_in_0_1(value):
    with pytest.raises(
        ValueError, match=re.escape(r"f: `dropout` must be a number in [0, 1), got")
    ):
        V.check_fraction("f", "dropout", value)


def test_check_fraction_bounds():
    assert (
        V.check_fraction("f", "dropout", 0) == 0.0
        and V.check_fraction("f", "dropout", np.float32(0.5)) == 0.5
    )
    with pytest.raises(
        ValueError,
        match=re.escape("f: `test_fraction` must be a number in (0, 1), got 0"),
    ):
        V.check_fraction("f", "test_fraction", 0, allow_zero=False)


def test_check_choice_lists_or_words_the_choices_and_refuses_bool_for_int():
    with pytest.raises(
        ValueError, match=re.escape("f: `mode` must be one of ['a', 'b'], got 'c'")
    ):
        V.check_choice("f", "mode", "c", ("a", "b"))
    with pytest.raises(
        ValueError, match=re.escape("f: `groups` must be 1 or 2, got True")
    ):
        V.check_choice(
            "f", "groups", True, (1, 2), wording="1 or 2"
        )  # True == 1, but it is not a choice
    assert V.check_choice("f", "flag", True, (True, False)) is True
    assert V.check_choice("f", "stage", "3x3", {"3x3": 1, "5x5": 2}) == "3x3"


@pytest.mark.parametrize(
    "value", [(), [], (16, 0), (16, True), (16, 2.0), 16, "16", None]
)
def test_check_positive_ints(value):
    with pytest.raises(
        ValueError,
        match=re.escape("f: `filters` must be a non-empty tuple of positive ints, got"),
    ):
        V.check_positive_ints("f", "filters", value)
    assert V.check_positive_ints("f", "filters", [16, np.int64(32)]) == (16, 32)


@pytest.mark.parametrize("value", [0, -1.0, True, "1", None, math.nan])
def test_check_positive(value):
    with pytest.raises(
        ValueError, match=re.escape("f: `alpha` must be a number > 0, got")
    ):
        V.check_positive("f", "alpha", value)


# --- every builder uses them: a bad value of each kind -----------------------------------------------
BAD_OPTIONS = [
    # positive ints
    (lambda: resnet.cifar_resnet(0), "cifar_resnet: `n` must be a positive int, got 0"),
    (
        lambda: resnet.cifar_resnet(2.5),
        "cifar_resnet: `n` must be a positive int, got 2.5 of type float",
    ),
    (
        lambda: build("se_resnet50", ratio=0),
        "se_resnet50: `ratio` must be a positive int, got 0",
    ),
    (
        lambda: build("resnext50", group_width=-4),
        "resnext50: `group_width` must be a positive int, got -4",
    ),
    (
        lambda: build("unet", n_filters=0),
        "unet: `n_filters` must be a positive int, got 0",
    ),
    (
        lambda: build("siamese", variant="small", embedding_dim=0),
        "siamese: `embedding_dim` must be a positive int",
    ),
    (
        lambda: build("vgg16", num_classes=True),
        "vgg: `num_classes` must be a positive int, got True",
    ),
    # booleans
    (
        lambda: build("resnet20", residual=1),
        "cifar_resnet: `residual` must be True or False, got 1",
    ),
    (
        lambda: build("resnet50", stride_in_1x1="yes"),
        "resnet: `stride_in_1x1` must be True or False, got 'yes'",
    ),
    (lambda: build("alexnet", lrn=1), "alexnet: `lrn` must be True or False, got 1"),
    (
        lambda: build("zfnet", wide="yes"),
        "zfnet: `wide` must be True or False, got 'yes'",
    ),
    (
        lambda: build("googlenet", aux_classifiers=None),
        "googlenet: `aux_classifiers` must be True or False, got None",
    ),
    (
        lambda: build("mobilenet_v1", separable=0),
        "mobilenet_v1: `separable` must be True or False, got 0",
    ),
    (
        lambda: build("unet", skips="no"),
        "unet: `skips` must be True or False, got 'no'",
    ),
    # fractions
    (
        lambda: build("alexnet", dropout=1.0),
        "alexnet: `dropout` must be a number in [0, 1), got 1.0",
    ),
    (
        lambda: build("glyph_cnn", dropout=-0.1),
        "glyph_cnn: `dropout` must be a number in [0, 1), got -0.1",
    ),
    (
        lambda: build("c3d", dropout="0.5"),
        "c3d: `dropout` must be a number in [0, 1), got '0.5'",
    ),
    (
        lambda: build("unet", dropout=True),
        "unet: `dropout` must be a number in [0, 1), got True",
    ),
    # tuples of widths
    (
        lambda: build("mini_c3d", filters=()),
        "mini_c3d: `filters` must be a non-empty tuple of positive ints, got ()",
    ),
    (
        lambda: build("frame_cnn", filters=(16, 0)),
        "frame_cnn: `filters` must be a non-empty tuple of positive ints",
    ),
    (
        lambda: build("mini_vgg", widths=(64, True)),
        "mini_vgg: `widths` must be a non-empty tuple of positive ints",
    ),
    # choices
    (
        lambda: build("alexnet", groups=True),
        "alexnet: `groups` must be 1 (one tower) or 2 (the paper's two GPUs), got True",
    ),
    (
        lambda: build("lenet5", output="sigmoid"),
        "lenet5: `output` must be 'rbf' or 'softmax', got 'sigmoid'",
    ),
    (
        lambda: build("siamese", variant="big"),
        "siamese: `variant` must be 'koch' or 'small', got 'big'",
    ),
    (
        lambda: build("unet", padding="full"),
        "unet: `padding` must be 'same' or 'valid', got 'full'",
    ),
    (
        lambda: build("conv_autoencoder", upsampling="bilinear"),
        "conv_autoencoder: `upsampling` must be one of ['transpose', 'resize'], got 'bilinear'",
    ),
    (
        lambda: transfer.backbone("vgg16"),
        "backbone: `name` must be one of ['resnet50', 'mobilenet_v1', 'mobilenet_v2', "
        "'inception_v3'], got 'vgg16'",
    ),
    # shapes
    (
        lambda: build("resnet18", input_shape=(224, 224)),
        "resnet: `input_shape` must be a tuple of 3 ints",
    ),
    (
        lambda: build("mini_c3d", input_shape=(8, 32, 32, 0)),
        "mini_c3d: `input_shape[3]` must be a positive int, got 0",
    ),
]


@pytest.mark.parametrize(
    "call, message", BAD_OPTIONS, ids=[m.split(" must")[0] for _, m in BAD_OPTIONS]
)
def test_a_bad_builder_option_names_function_argument_value_and_what_is_allowed(
    call, message
):
    with pytest.raises(ValueError) as info:
        call()
    assert str(info.value).startswith(message), str(info.value)


def test_transfer_helpers_check_their_options():
    base = build("glyph_cnn", num_classes=10)
    with pytest.raises(
        ValueError,
        match=re.escape("transfer_model: `freeze` must be True or False, got 1"),
    ):
        transfer.transfer_model(base, 5, freeze=1)
    with pytest.raises(
        ValueError,
        match=re.escape("transfer_model: `dropout` must be a number in [0, 1), got 2"),
    ):
        transfer.transfer_model(base, 5, dropout=2)
    with pytest.raises(
        ValueError,
        match=re.escape("new_classifier: `dropout` must be a number in [0, 1), got 1"),
    ):
        transfer.new_classifier(base, 5, dropout=1)
    with pytest.raises(
        ValueError,
        match=re.escape("unfreeze: `batch_norm` must be True or False, got 'yes'"),
    ):
        transfer.unfreeze(base, batch_norm="yes")


@pytest.mark.counting  # layer names of the built graph: the same on every backend
def test_every_backbone_can_be_cut_after_global_average_pooling():
    # backbone() cuts at "avg_pool": the names it accepts must have that layer, and the refused ones lack it.
    for name in transfer.KERAS_TWINS:
        has_pool = "avg_pool" in {
            layer.name for layer in build(name, input_shape=(75, 75, 3)).layers
        }
        assert has_pool == (name in transfer.BACKBONES), name


# --- every loader uses them -------------------------------------------------------------------------
BAD_ARGUMENTS = [
    (lambda: data.digits(size=27.5), "digits: `size` must be an int >= 28, got 27.5"),
    (
        lambda: data.digits(test_fraction=1.0),
        "digits: `test_fraction` must be a number in (0, 1), got 1.0",
    ),
    (lambda: data.digits(seed=-1), "digits: `seed` must be a non-negative int, got -1"),
    (
        lambda: data.fashion_mnist(size=20),
        "fashion_mnist: `size` must be an int >= 28, got 20",
    ),
    (
        lambda: data.cifar10(seed="0"),
        "cifar10: `seed` must be a non-negative int, got '0'",
    ),
    (
        lambda: data.pet_breeds(size=16),
        "pet_breeds: `size` must be an int >= 32, got 16",
    ),
    (
        lambda: data.segmentation(size=8),
        "segmentation: `size` must be an int >= 16, got 8",
    ),
    (
        lambda: data.shapes(target="hexagon"),
        "shapes: `target` must be 'all' or one of ['circle', 'square', 'triangle']",
    ),
    (lambda: data.shapes(n_train=0), "shapes: `n_train` must be a positive int, got 0"),
    (lambda: data.video(frames=1), "video: `frames` must be an int >= 2, got 1"),
    (
        lambda: data.video(max_clips=0),
        "video: `max_clips` must be a positive int, got 0",
    ),
    (
        lambda: data.moving_digits(speed=0),
        "moving_digits: `speed` must be a positive int, got 0",
    ),
    (
        lambda: data.font_glyphs(seed=1.5),
        "font_glyphs: `seed` must be a non-negative int, got 1.5",
    ),
    (lambda: data.one_shot(size=8), "one_shot: `size` must be an int >= 16, got 8"),
    (
        lambda: data.pairs(np.zeros(4), np.array([0, 0, 1, 1]), 4, seed=None),
        "pairs: `seed` must be a non-negative int",
    ),
    (
        lambda: data.per_class_split(np.zeros(6), np.array([0, 0, 0, 1, 1, 1]), 4),
        "per_class_split: `per_class` must be an int from 1 to 3 (the smallest class), got 4",
    ),
]


@pytest.mark.parametrize(
    "call, message", BAD_ARGUMENTS, ids=[m.split(" must")[0] for _, m in BAD_ARGUMENTS]
)
def test_a_bad_loader_argument_names_function_argument_value_and_what_is_allowed(
    call, message
):
    with pytest.raises(ValueError) as info:
        call()
    assert str(info.value).startswith(message), str(info.value)


def test_one_validation_module():
    """Builders and loaders word their checks through course_lib._validate, not by hand."""
    assert not (ROOT / "course_lib" / "models" / "_checks.py").exists()
    for path in [
        *(ROOT / "course_lib" / "models").glob("*.py"),
        *(ROOT / "course_lib" / "data").glob("*.py"),
    ]:
        source = path.read_text()
        assert "_checks" not in source, f"{path.name} imports the old models/_checks.py"
        assert "` must be" not in source, (
            f"{path.name} words an argument check by hand; use course_lib._validate"
        )


def test_glue_records_numpy_scalars_as_python_numbers(monkeypatch):
    """myst-nb formats {glue:text}`name:.1%` from the recorded repr: np.float64(...) breaks it."""
    import sys
    import types

    import numpy as np

    from course_lib import runtime

    recorded = {}
    fake = types.ModuleType("myst_nb")
    fake.glue = lambda name, value, display: recorded.update({name: (value, display)})
    monkeypatch.setitem(sys.modules, "myst_nb", fake)
    assert runtime.glue("share", np.float64(0.431)) == np.float64(0.431)
    assert runtime.glue("count", np.int64(7)) == 7
    assert runtime.glue("label", "abc") == "abc"
    assert repr(recorded["share"][0]) == "0.431" and recorded["share"][1] is False
    assert type(recorded["count"][0]) is int and recorded["label"][0] == "abc"


def test_glue_return_values_are_not_displayed_by_ipython():
    """A cell ending with a glue call shows no Out[] in Jupyter, nbconvert and nbval alike (a
    trailing semicolon is not honoured when nbval runs a cell), and the value still computes."""
    from IPython.core.formatters import DisplayFormatter

    from course_lib import facts, runtime

    formatter = DisplayFormatter()
    for value in (3, 0.25, "3.57%", (55, 55, 96), [1, 2], {"a": 1}):
        shown = runtime.quiet(value)
        assert shown == value and formatter.format(shown) == ({}, {})
    assert formatter.format(facts.glue_facts(next(iter(facts.FACTS)))) == ({}, {})
    assert runtime.quiet(2) * 3 == 6 and f"{runtime.quiet(0.431):.1%}" == "43.1%"
