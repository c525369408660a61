"""Coding exercises: a right block passes whatever its layer names and order of branches; a
wrong one is told what differs: its shape, a layer it lacks, or the first layer that computes
something else once the reference's weights are copied in."""

from __future__ import annotations

import json
from pathlib import Path

import keras
import pytest
from keras import layers

from course_lib.exercises import writing_blocks
from course_lib.exercises.blocks import block_exercise, compare_blocks
from course_lib.models import residual_block, vgg_block

SHAPE = (8, 8, 4)


def _reference_residual(x, filters):
    return residual_block(x, filters, stride=2, shortcut="B", name="ref")


def student_residual(x, filters):
    """A right answer written differently: other names, the shortcut built first."""
    shortcut = layers.Conv2D(filters, 1, strides=2, use_bias=False, name="proj")(x)
    shortcut = layers.BatchNormalization(name="proj_bn")(shortcut)
    y = layers.Conv2D(filters, 3, strides=2, padding="same", use_bias=False, name="a")(
        x
    )
    y = layers.BatchNormalization(name="a_bn")(y)
    y = layers.ReLU()(y)
    y = layers.Conv2D(filters, 3, padding="same", use_bias=False, name="b")(y)
    y = layers.BatchNormalization(name="b_bn")(y)
    return layers.ReLU()(layers.Add()([y, shortcut]))


def no_shortcut(x, filters):
    y = layers.Conv2D(filters, 3, strides=2, padding="same", use_bias=False)(x)
    y = layers.BatchNormalization()(y)
    y = layers.ReLU()(y)
    y = layers.Conv2D(filters, 3, padding="same", use_bias=False)(y)
    y = layers.BatchNormalization()(y)
    return layers.ReLU()(y)


def relu_before_bn(x, filters):
    shortcut = layers.BatchNormalization()(
        layers.Conv2D(filters, 1, strides=2, use_bias=False)(x)
    )
    y = layers.Conv2D(
        filters, 3, strides=2, padding="same", use_bias=False, name="first"
    )(x)
    y = layers.ReLU()(y)  # before the normalisation: the first BN sees other numbers
    y = layers.BatchNormalization(name="first_bn")(y)
    y = layers.Conv2D(filters, 3, padding="same", use_bias=False)(y)
    y = layers.BatchNormalization()(y)
    return layers.ReLU()(layers.Add()([y, shortcut]))


def test_a_right_block_passes_whatever_its_names_and_order():
    assert compare_blocks(student_residual, _reference_residual, SHAPE, 6) is None


def test_the_reference_passes_against_itself():
    assert compare_blocks(_reference_residual, _reference_residual, SHAPE, 6) is None


def test_a_missing_projection_shortcut_is_named():
    message = compare_blocks(no_shortcut, _reference_residual, SHAPE, 6)
    assert message == (
        "the reference has 1 x Conv2D with weights 1x1x4x6, your block 0; "
        "the reference has 3 x BatchNormalization over 6 channels, your block 2"
    )


def test_a_layer_out_of_order_is_named_as_the_first_difference():
    message = compare_blocks(relu_before_bn, _reference_residual, SHAPE, 6)
    assert "your layer 'first_bn' (BatchNormalization) is the first" in message


def test_a_wrong_output_shape_is_reported_before_anything_else():
    def stride_one(x, filters):
        return residual_block(x, filters, stride=1, shortcut="B", name="s1")

    message = compare_blocks(stride_one, _reference_residual, SHAPE, 6)
    assert message.startswith(
        "your block's output shape is (8, 8, 6); it should be (4, 4, 6)"
    )


def test_a_missing_activation_after_the_last_weighted_layer_is_explained():
    def no_final_relu(x, filters):
        y = layers.MaxPooling2D(2)(
            layers.Conv2D(filters, 3, padding="same", activation="relu")(
                layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
            )
        )
        return y

    def no_relu(x, filters):
        y = layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
        y = layers.Conv2D(filters, 3, padding="same")(y)  # the ReLU forgotten
        return layers.MaxPooling2D(2)(y)

    def reference(x, filters):
        return vgg_block(x, filters, (3, 3), name="ref")

    assert compare_blocks(no_final_relu, reference, SHAPE, 5) is None
    message = compare_blocks(no_relu, reference, SHAPE, 5)
    assert (
        "is the first to compute something else" in message and "activation" in message
    )


def test_code_that_raises_or_is_no_function_gets_a_message_not_an_exception():
    def broken(x, filters):
        return layers.Conv2D(filters, 3)(undefined_name)  # noqa: F821

    message = compare_blocks(broken, _reference_residual, SHAPE, 6)
    assert message.startswith(
        "building your block on input(s) of shape (8, 8, 4) raised NameError"
    )
    assert "must be a function" in compare_blocks(3, _reference_residual, SHAPE, 6)


def test_a_block_exercise_gives_feedback_through_check():
    ex = block_exercise(
        "test-residual", "tests", "Write the block.", _reference_residual, SHAPE, 6
    )
    assert ex.check(student_residual).correct
    feedback = ex.check(no_shortcut)
    assert not feedback.correct and "1x1x4x6" in feedback.message
    assert "placeholder" in ex.check(...).message


@pytest.mark.parametrize("twins", [2, 3])
def test_look_alike_branches_built_in_another_order_still_pass(twins):
    """Branches with identically shaped weights (Inception's, ResNeXt's) may come in any order."""

    def reference(x):
        branches = [
            layers.Conv2D(3, 1, activation="relu", name=f"r{i}")(x)
            for i in range(twins)
        ]
        return layers.Concatenate()(
            [branches[0], layers.Add()(branches[1:]) if twins > 2 else branches[1]]
        )

    def reordered(x):
        branches = [
            layers.Conv2D(3, 1, activation="relu", name=f"s{i}")(x)
            for i in range(twins)
        ]
        first, rest = branches[-1], branches[:-1]
        return layers.Concatenate()(
            [first, layers.Add()(rest) if twins > 2 else rest[0]]
        )

    assert compare_blocks(reordered, reference, SHAPE) is None
    keras.backend.clear_session()


def test_a_block_that_returns_nothing_is_told_so():
    def forgot_return(x, filters):
        layers.Conv2D(filters, 3)(x)

    message = compare_blocks(forgot_return, _reference_residual, SHAPE, 6)
    assert message.endswith(
        "no answer yet: write the block and return its output tensor"
    )


def test_a_two_input_head_is_compared_input_by_input():
    def reference(a, b):
        return layers.Dense(1, activation="sigmoid")(keras.ops.abs(a - b))

    def swapped_subtraction(a, b):  # |b - a| = |a - b|: right
        return layers.Dense(1, activation="sigmoid")(keras.ops.abs(b - a))

    def squared(a, b):
        return layers.Dense(1, activation="sigmoid")(keras.ops.square(a - b))

    assert compare_blocks(swapped_subtraction, reference, [(5,), (5,)]) is None
    assert "is the first to compute something else" in compare_blocks(
        squared, reference, [(5,), (5,)]
    )


# --- every chapter's coding exercise: its worked solution passes, mutants of it fail --------------
ROOT = Path(__file__).resolve().parents[2]
CODING = writing_blocks.CODING_EXERCISES

# (find, replace, what the message must say): a slip students make, applied to the worked
# solution once (first occurrence); each must be caught, with the message meant for it.
MUTATIONS = [
    (
        'activation="relu"',
        "activation=None",
        ("compute something else", "output differs"),
    ),
    ('padding="same"', 'padding="valid"', ("output shape", "raised")),
    ("use_bias=False", "use_bias=True", ("the reference has", "your block has")),
    ("strides=2", "strides=1", ("output shape", "raised")),
    ('"sigmoid"', '"relu"', ("compute something else",)),
    ("MaxPooling", "AveragePooling", ("compute something else", "output differs")),
    ("GlobalAveragePooling2D", "GlobalMaxPooling2D", ("compute something else",)),
    (
        'interpolation="nearest"',
        'interpolation="bilinear"',
        ("compute something else",),
    ),
    ("keras.ops.abs(a - b)", "(a - b)", ("compute something else",)),
    ("layers.Add()([y, shortcut])", "y", ("the reference has", "output differs")),
]


def _worked_solution(ex) -> str:
    cells = json.loads((ROOT / "notebooks" / f"{ex.chapter}.ipynb").read_text())[
        "cells"
    ]
    (cell,) = [c for c in cells if c.get("id") == f"{ex.id}-solution"]
    source = "".join(cell["source"])
    return source[: source.rindex("\ncheck(")]


def _function(source: str):
    namespace = {"keras": keras}
    exec(source, namespace)  # the notebook's own worked solution
    (name,) = [n for n, v in namespace.items() if callable(v) and n != "keras"]
    return namespace[name]


@pytest.mark.parametrize("ex", CODING, ids=lambda e: e.id)
def test_worked_solution_passes_and_its_mutants_fail_with_the_intended_message(ex):
    source = _worked_solution(ex)
    assert ex.check(_function(source)).correct, ex.id
    applied = 0
    for find, replace, expected in MUTATIONS:
        if find not in source:
            continue
        applied += 1
        feedback = ex.check(_function(source.replace(find, replace, 1)))
        assert not feedback.correct, f"{ex.id}: {find} -> {replace} passed"
        assert any(e in feedback.message for e in expected), (
            ex.id,
            find,
            feedback.message,
        )
        keras.backend.clear_session()
    assert applied >= 2, f"{ex.id}: only {applied} wrong solution(s) tried"


def test_every_architecture_chapter_has_a_coding_exercise():
    chapters = {ex.chapter for ex in CODING}
    wanted = {
        p.stem
        for p in (ROOT / "notebooks").glob("*.ipynb")
        if 6 <= int(p.name[:2]) <= 17
    }
    assert wanted <= chapters, sorted(wanted - chapters)
