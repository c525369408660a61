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

    ``input_shape`` excludes the batch axis; ``model_name`` defaults to the block function's
    name (``name=`` and other keywords go to the block);
    ``input_name`` names the input layer (Keras numbers it otherwise).
    """
    check_callable(
        "block_model", "block", block, what="a function x -> y that builds Keras layers"
    )
    input_shape = check_positive_ints(
        "block_model", "input_shape", input_shape
    )  # no batch axis
    inputs = keras.Input(input_shape, name=input_name)
    return keras.Model(
        inputs,
        block(inputs, *args, **kwargs),
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
