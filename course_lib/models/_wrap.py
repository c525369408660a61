"""Blocks as models: the one helper that chapters, exercises and tests use to look at a block alone."""

from __future__ import annotations

import keras
import numpy as np

from .._validate import check_callable, check_positive_ints


def block_model(
    block, input_shape, *args, model_name=None, input_name=None, **kwargs
) -> keras.Model:
    """``block(x, *args, **kwargs)`` applied to one ``keras.Input(input_shape)``, as a functional model,
    so that it can be counted, profiled, drawn or run, e.g. ``block_model(residual_block, (56, 56, 64), 64)``.

    ``input_shape`` excludes the batch axis; a list of shapes gives one input per shape, passed
    to the block first (``block_model(head, [(64,), (64,)])`` calls ``head(a, b)``).
    ``model_name`` defaults to the block function's name (``name=`` and other keywords go to
    the block); ``input_name`` names the (single) input layer (Keras numbers it otherwise).
    Raises TypeError when the block returns something other than a Keras tensor.
    """
    check_callable(
        "block_model", "block", block, what="a function x -> y that builds Keras layers"
    )
    several = (
        isinstance(input_shape, (tuple, list))
        and bool(input_shape)
        and all(isinstance(shape, (tuple, list)) for shape in input_shape)
    )
    shapes = [
        check_positive_ints("block_model", "input_shape", shape)  # no batch axis
        for shape in (input_shape if several else [input_shape])
    ]
    inputs = [
        keras.Input(shape, name=None if several else input_name) for shape in shapes
    ]
    output = block(*inputs, *args, **kwargs)
    if not isinstance(output, keras.KerasTensor):
        raise TypeError(
            "no answer yet: write the block and return its output tensor"
            if output is None
            else f"the block returned {type(output).__name__}, not the output tensor"
        )
    return keras.Model(
        inputs if several else inputs[0],
        output,
        name=model_name or getattr(block, "__name__", "block"),
    )


def kernel_weights(model) -> int:
    """Number of convolution and dense kernel weights in ``model``: no biases, no batch-norm parameters
    (the count papers compare blocks by, e.g. ResNeXt's Fig. 1)."""
    return sum(
        int(np.prod(layer.kernel.shape))
        for layer in model.layers
        if hasattr(layer, "kernel")
    )
