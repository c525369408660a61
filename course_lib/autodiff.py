"""Automatic differentiation on whichever backend Keras runs on.

Keras 3 has no portable ``grad`` function: each backend differentiates in
its own way (``tf.GradientTape``, ``jax.grad``, ``torch.autograd``), as
Keras' own guides on custom training loops show. This module is the one
place in course_lib that reaches past ``keras.ops`` to the backend, so that
chapters can compare hand-derived gradients with the framework's and
measure effective receptive fields on tensorflow and jax alike.
"""

from __future__ import annotations

from typing import Callable, Sequence

import keras
import numpy as np

__all__ = ["gradients"]


def gradients(
    fn: Callable[..., object], arrays: Sequence[np.ndarray]
) -> list[np.ndarray]:
    """Gradients of the scalar ``fn(*arrays)`` with respect to every array, as NumPy arrays.

    ``fn`` must be written with ``keras.ops`` (or call Keras layers) and return a
    scalar. The arrays are converted to float32 tensors of the active backend.
    """
    arrays = [np.asarray(a, dtype="float32") for a in arrays]
    backend = keras.backend.backend()
    if backend == "tensorflow":
        grads = _tensorflow(fn, arrays)
    elif backend == "jax":
        grads = _jax(fn, arrays)
    elif backend == "torch":
        grads = _torch(fn, arrays)
    else:
        raise NotImplementedError(
            f"gradients: backend {backend!r} is not supported; "
            "use tensorflow, jax or torch"
        )
    return [keras.ops.convert_to_numpy(g) for g in grads]


def _check_scalar(value):
    if tuple(keras.ops.shape(value)) not in ((), (1,)):
        raise ValueError(
            f"gradients: `fn` must return a scalar, got shape {tuple(keras.ops.shape(value))}"
        )
    return keras.ops.reshape(value, ())


def _tensorflow(fn, arrays):
    import tensorflow as tf

    tensors = [tf.constant(a) for a in arrays]
    with tf.GradientTape() as tape:
        tape.watch(tensors)
        value = _check_scalar(fn(*tensors))
    return tape.gradient(value, tensors)


def _jax(fn, arrays):
    import jax

    return jax.grad(
        lambda *xs: _check_scalar(fn(*xs)), argnums=tuple(range(len(arrays)))
    )(*arrays)


def _torch(fn, arrays):
    import torch

    tensors = [torch.tensor(a, requires_grad=True) for a in arrays]
    _check_scalar(fn(*tensors)).backward()
    return [t.grad for t in tensors]
