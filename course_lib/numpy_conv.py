"""Convolution layers from scratch in NumPy, as the Part I chapters teach them.

Layout as in Keras (channels last): inputs ``x`` of shape (N, H, W, C),
kernels ``w`` of shape (kh, kw, C, F), biases ``b`` of shape (F,), outputs
(N, H', W', F). Like every deep-learning framework, "convolution" here is a
cross-correlation: the kernel is not flipped.

Two versions that must agree: :func:`conv2d_loop` spells out the definition
with loops; :func:`conv2d_im2col` gathers every window into a matrix and does
one matrix product, which is how fast implementations work.
"""

from __future__ import annotations

import numpy as np

from .arithmetic import conv_output_size

__all__ = ["conv2d_loop", "conv2d_im2col", "im2col", "pad_input"]


def check_conv_inputs(x, w, b):
    """``(x, w, b)`` as arrays after checking their shapes (``x`` NHWC, ``w`` (kh, kw, C, F), ``b`` (F,)
    or None for zeros); shared by the forward pass here and the backward pass of numpy_backprop."""
    x, w = np.asarray(x), np.asarray(w)
    if x.ndim != 4:
        raise ValueError(
            f"conv2d: `x` must have shape (N, H, W, C), got shape {x.shape}"
        )
    if w.ndim != 4:
        raise ValueError(
            f"conv2d: `w` must have shape (kh, kw, C, F), got shape {w.shape}"
        )
    if x.shape[-1] != w.shape[2]:
        raise ValueError(
            f"conv2d: `x` has {x.shape[-1]} channels but `w` expects {w.shape[2]} (w.shape[2])"
        )
    b = (
        np.zeros(w.shape[-1], dtype=np.result_type(x, w))
        if b is None
        else np.asarray(b)
    )
    if b.shape != (w.shape[-1],):
        raise ValueError(f"conv2d: `b` must have shape ({w.shape[-1]},), got {b.shape}")
    return x, w, b


def pad_input(x, padding):
    """Zero-pad height and width by ``padding`` pixels on each side."""
    return np.pad(x, ((0, 0), (padding, padding), (padding, padding), (0, 0)))


def conv_output_hw(x, w, stride, padding, dilation):
    """Output height and width of a convolution of ``x`` with ``w`` (clear error when the kernel does not fit)."""
    return tuple(
        conv_output_size(n, k, stride, padding, dilation)
        for n, k in zip(x.shape[1:3], w.shape[:2])
    )


def conv2d_loop(x, w, b=None, stride=1, padding=0, dilation=1):
    """The definition, one output value at a time:

    ``out[n, i, j, f] = b[f] + sum_{u, v, c} xpad[n, i*s + u*d, j*s + v*d, c] * w[u, v, c, f]``
    """
    x, w, b = check_conv_inputs(x, w, b)
    kh, kw, _, filters = w.shape
    out_h, out_w = conv_output_hw(x, w, stride, padding, dilation)
    xp = pad_input(x, padding)
    out = np.empty((x.shape[0], out_h, out_w, filters), dtype=np.result_type(x, w, b))
    for n in range(x.shape[0]):
        for i in range(out_h):
            for j in range(out_w):
                rows = slice(i * stride, i * stride + dilation * (kh - 1) + 1, dilation)
                cols = slice(j * stride, j * stride + dilation * (kw - 1) + 1, dilation)
                window = xp[n, rows, cols, :]  # (kh, kw, C)
                for f in range(filters):
                    out[n, i, j, f] = np.sum(window * w[..., f]) + b[f]
    return out


def im2col(x, kh, kw, stride=1, padding=0, dilation=1):
    """Every (kh, kw, C) window of ``x`` as one row: shape (N, H', W', kh*kw*C).

    Built from a strided view, so no window is copied until the reshape.
    """
    xp = pad_input(np.asarray(x), padding)
    span_h, span_w = dilation * (kh - 1) + 1, dilation * (kw - 1) + 1
    windows = np.lib.stride_tricks.sliding_window_view(
        xp, (span_h, span_w), axis=(1, 2)
    )
    windows = windows[
        :, ::stride, ::stride, :, ::dilation, ::dilation
    ]  # (N, H', W', C, kh, kw)
    windows = windows.transpose(0, 1, 2, 4, 5, 3)  # (N, H', W', kh, kw, C)
    return windows.reshape(*windows.shape[:3], kh * kw * xp.shape[-1])


def conv2d_im2col(x, w, b=None, stride=1, padding=0, dilation=1):
    """The same convolution as one matrix product: windows (N*H'*W', kh*kw*C) @ kernels (kh*kw*C, F)."""
    x, w, b = check_conv_inputs(x, w, b)
    conv_output_hw(
        x, w, stride, padding, dilation
    )  # validates sizes with a clear error
    cols = im2col(x, w.shape[0], w.shape[1], stride, padding, dilation)
    return cols @ w.reshape(-1, w.shape[-1]) + b
