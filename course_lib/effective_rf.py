"""Effective receptive fields, measured by gradients (Luo et al., NeurIPS 2016).

The theoretical receptive field (:func:`course_lib.arithmetic.receptive_field`)
is every input pixel that *can* influence an output unit. How much each pixel
actually does is the size of the gradient of that unit with respect to it.
Averaged over inputs, this map is the effective receptive field: it looks
like a Gaussian and fills only part of the theoretical square.
"""

from __future__ import annotations

import keras
import numpy as np

from .autodiff import gradients

__all__ = ["effective_receptive_field", "centred_mass_side", "support_side"]


def _truncate(model, layer):
    if layer is None:
        return model
    names = [l.name for l in model.layers]
    if layer not in names:
        raise ValueError(
            f"effective_receptive_field: the model has no layer {layer!r}; its layers include {names[-8:]}"
        )
    return keras.Model(
        model.inputs[0] if len(model.inputs) == 1 else model.inputs,
        model.get_layer(layer).output,
    )


def effective_receptive_field(
    model, layer: str | None = None, samples: int = 8, seed: int = 0
) -> np.ndarray:
    """|d(centre unit) / d(input)|, averaged over ``samples`` random normal inputs.

    The centre unit is the middle position of ``layer``'s output (the model's
    output if None), summed over its channels, as in Luo et al. Returns an
    (H, W) map over the input, summed over input channels and normalised to
    sum to 1. Uses the model's current weights (random or trained).
    """
    if not isinstance(samples, int) or samples < 1:
        raise ValueError(
            f"effective_receptive_field: `samples` must be a positive int, got {samples!r}"
        )
    net = _truncate(model, layer)
    shape = tuple(net.inputs[0].shape[1:])
    if None in shape:
        raise ValueError(
            f"effective_receptive_field: the model needs a fixed input size, got {shape}"
        )
    out_shape = tuple(net.outputs[0].shape[1:])
    if len(out_shape) != 3:
        raise ValueError(
            f"effective_receptive_field: layer output must be (H, W, C), got {out_shape}"
        )
    ci, cj = out_shape[0] // 2, out_shape[1] // 2
    x = np.random.default_rng(seed).normal(size=(samples, *shape)).astype("float32")
    # Each sample's centre unit depends only on that sample, so one gradient of the sum gives all of them.
    (grad,) = gradients(
        lambda inp: keras.ops.sum(net(inp, training=False)[:, ci, cj, :]), [x]
    )
    erf = np.abs(grad).sum(axis=(0, 3))
    return erf / erf.sum()


def centred_mass_side(erf: np.ndarray, fraction: float = 0.9) -> int:
    """Side (pixels) of the smallest square around the map's centre holding ``fraction`` of its mass."""
    if not 0 < fraction <= 1:
        raise ValueError(
            f"centred_mass_side: `fraction` must be in (0, 1], got {fraction!r}"
        )
    erf = np.asarray(erf, dtype=float)
    h, w = erf.shape
    ci, cj = h // 2, w // 2
    total = erf.sum()
    for r in range(max(h, w)):
        if (
            erf[max(ci - r, 0) : ci + r + 1, max(cj - r, 0) : cj + r + 1].sum()
            >= fraction * total - 1e-12
        ):
            return min(2 * r + 1, max(h, w))
    return max(h, w)


def support_side(erf: np.ndarray) -> tuple[int, int]:
    """(height, width) of the bounding box of the map's non-zero entries: the theoretical field, measured."""
    nonzero = np.argwhere(np.asarray(erf) != 0)
    if nonzero.size == 0:
        raise ValueError("support_side: the map is all zeros")
    return tuple(int(v) for v in nonzero.max(axis=0) - nonzero.min(axis=0) + 1)
