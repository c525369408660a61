"""Coding exercises: a right block passes whatever its layer names and order of branches; a
wrong one is told what differs: its shape, a layer it lacks, or the first layer that computes
something else once the reference's weights are copied in."""

from __future__ import annotations

import keras
import pytest
from keras import layers

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
        "building your block on an input of shape (8, 8, 4) raised NameError"
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
