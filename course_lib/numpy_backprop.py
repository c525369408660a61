"""Backpropagation through convolution and pooling, from scratch in NumPy.

Same layout as :mod:`course_lib.numpy_conv`: inputs (N, H, W, C), kernels
(kh, kw, C, F), upstream gradients ``dout`` shaped like the layer's output.

The two results Part I derives, written with the forward convolution itself:

* ``dL/dW`` is a cross-correlation of the (padded) input with the upstream
  gradient: the gradient plays the role of the kernel, spaced ``stride``
  pixels apart.
* ``dL/dX`` is a *full* convolution of the upstream gradient with the kernel:
  pad the gradient by the kernel's span minus one, then cross-correlate it
  with the kernel flipped in both spatial directions (and its channel axes
  swapped). With a stride, zeros are first inserted between the gradient's
  values ("dilating" it), because the skipped positions received no gradient.

Pooling: max pooling sends each window's gradient to the position of its
maximum; average pooling spreads it evenly over the window.
"""

from __future__ import annotations

import numpy as np

from .arithmetic import pool_output_size
from .numpy_conv import check_conv_inputs, conv_output_hw, conv2d_im2col, pad_input

__all__ = [
    "conv2d_backward",
    "conv2d_grad_weights",
    "conv2d_grad_input",
    "dilate",
    "max_pool2d",
    "avg_pool2d",
    "max_pool2d_backward",
    "avg_pool2d_backward",
    "numerical_gradient",
]


def _check_dout(func, dout, expected_shape):
    dout = np.asarray(dout)
    if dout.shape != tuple(expected_shape):
        raise ValueError(
            f"{func}: `dout` must have the layer output's shape {tuple(expected_shape)}, got {dout.shape}"
        )
    return dout


def _conv_out_shape(x, w, stride, padding, dilation):
    return (x.shape[0], *conv_output_hw(x, w, stride, padding, dilation), w.shape[-1])


def dilate(g, stride):
    """Insert ``stride - 1`` zeros between neighbouring values along height and width."""
    g = np.asarray(g)
    if stride == 1:
        return g
    n, h, w, c = g.shape
    out = np.zeros((n, (h - 1) * stride + 1, (w - 1) * stride + 1, c), dtype=g.dtype)
    out[:, ::stride, ::stride, :] = g
    return out


def conv2d_grad_weights(x, w, dout, stride=1, padding=0, dilation=1):
    """dL/dW, shape (kh, kw, C, F): the padded input cross-correlated with ``dout``.

    ``dW[u, v, c, f] = sum_{n, i, j} xpad[n, i*s + u*d, j*s + v*d, c] * dout[n, i, j, f]``.
    Written as one call of the forward convolution: the input's channels act
    as the batch, the batch acts as channels, and ``dout`` is the kernel with
    its taps ``stride`` apart (a dilation) moving ``dilation`` pixels per step.
    """
    x, w, _ = check_conv_inputs(x, w, None)
    dout = _check_dout(
        "conv2d_grad_weights", dout, _conv_out_shape(x, w, stride, padding, dilation)
    )
    kh, kw = w.shape[:2]
    xs = pad_input(x, padding).transpose(3, 1, 2, 0)  # (C, Hp, Wp, N)
    ks = dout.transpose(1, 2, 0, 3)  # (H', W', N, F)
    dw = conv2d_im2col(xs, ks, stride=dilation, dilation=stride)  # (C, >=kh, >=kw, F)
    # When the forward stride skipped the input's last rows, the result is larger than the kernel: crop.
    return dw[:, :kh, :kw, :].transpose(1, 2, 0, 3)


def conv2d_grad_input(x_shape, w, dout, stride=1, padding=0, dilation=1):
    """dL/dX, shape ``x_shape``: the full convolution of ``dout`` with the kernel.

    Dilate ``dout`` by the stride, pad it by the kernel's span minus one on
    every side, and cross-correlate with the kernel flipped in both spatial
    directions, its input and output channel axes swapped.
    """
    x_dummy = np.zeros((1, *tuple(x_shape)[1:]), dtype=np.asarray(w).dtype)
    _, w, _ = check_conv_inputs(x_dummy, w, None)
    n, h, wd, _ = x_shape
    dout = _check_dout(
        "conv2d_grad_input",
        dout,
        (n, *_conv_out_shape(x_dummy, w, stride, padding, dilation)[1:]),
    )
    kh, kw = w.shape[:2]
    span_h, span_w = dilation * (kh - 1), dilation * (kw - 1)
    g = dilate(dout, stride)
    g = np.pad(g, ((0, 0), (span_h, span_h), (span_w, span_w), (0, 0)))
    flipped = w[::-1, ::-1].transpose(0, 1, 3, 2)  # (kh, kw, F, C)
    dxp = conv2d_im2col(
        g, flipped, dilation=dilation
    )  # covers the padded input, minus skipped rows
    hp, wp = h + 2 * padding, wd + 2 * padding
    dxp = np.pad(dxp, ((0, 0), (0, hp - dxp.shape[1]), (0, wp - dxp.shape[2]), (0, 0)))
    return dxp[:, padding : padding + h, padding : padding + wd, :]


def conv2d_backward(x, w, dout, stride=1, padding=0, dilation=1):
    """All three gradients of ``conv2d(x, w, b)``: returns ``(dx, dw, db)``.

    ``db`` sums the upstream gradient over batch, height and width: each bias
    is added to every output position of its channel.
    """
    x, w, _ = check_conv_inputs(x, w, None)
    dw = conv2d_grad_weights(x, w, dout, stride, padding, dilation)
    dx = conv2d_grad_input(x.shape, w, dout, stride, padding, dilation)
    db = np.asarray(dout).sum(axis=(0, 1, 2))
    return dx, dw, db


# --------------------------------------------------------------------------
# Pooling
# --------------------------------------------------------------------------
def _pool_windows(func, x, pool, stride):
    x = np.asarray(x)
    if x.ndim != 4:
        raise ValueError(
            f"{func}: `x` must have shape (N, H, W, C), got shape {x.shape}"
        )
    stride = pool if stride is None else stride
    out_h, out_w = (pool_output_size(n, pool, stride) for n in x.shape[1:3])
    windows = np.lib.stride_tricks.sliding_window_view(x, (pool, pool), axis=(1, 2))
    return windows[:, ::stride, ::stride][
        :, :out_h, :out_w
    ], stride  # (N, H', W', C, p, p)


def max_pool2d(x, pool=2, stride=None):
    """Max pooling, 'valid' padding; ``stride`` defaults to ``pool``."""
    windows, _ = _pool_windows("max_pool2d", x, pool, stride)
    return windows.max(axis=(-2, -1))


def avg_pool2d(x, pool=2, stride=None):
    """Average pooling, 'valid' padding; ``stride`` defaults to ``pool``."""
    windows, _ = _pool_windows("avg_pool2d", x, pool, stride)
    return windows.mean(axis=(-2, -1))


def max_pool2d_backward(x, dout, pool=2, stride=None):
    """dL/dX of max pooling: each window's gradient goes to its maximum.

    Ties go to the first maximum in row-major order, as in most frameworks;
    overlapping windows (stride < pool) add their contributions.
    """
    windows, stride = _pool_windows("max_pool2d_backward", x, pool, stride)
    dout = _check_dout("max_pool2d_backward", dout, windows.shape[:4])
    n, out_h, out_w, c = windows.shape[:4]
    flat = windows.reshape(n, out_h, out_w, c, pool * pool).argmax(axis=-1)
    du, dv = np.divmod(flat, pool)
    dx = np.zeros(np.shape(x), dtype=np.result_type(dout, float))
    nn, ii, jj, cc = np.indices((n, out_h, out_w, c))
    np.add.at(dx, (nn, ii * stride + du, jj * stride + dv, cc), dout)
    return dx


def avg_pool2d_backward(x, dout, pool=2, stride=None):
    """dL/dX of average pooling: each window's gradient, divided by pool², to every pixel of the window."""
    windows, stride = _pool_windows("avg_pool2d_backward", x, pool, stride)
    dout = _check_dout("avg_pool2d_backward", dout, windows.shape[:4])
    dx = np.zeros(np.shape(x), dtype=np.result_type(dout, float))
    share = dout / (pool * pool)
    for u in range(pool):
        for v in range(pool):
            dx[
                :,
                u : u + stride * dout.shape[1] : stride,
                v : v + stride * dout.shape[2] : stride,
                :,
            ] += share
    return dx


# --------------------------------------------------------------------------
# Gradient checking
# --------------------------------------------------------------------------
def numerical_gradient(f, x, eps=1e-5):
    """Central differences: ``(f(x + eps e_k) - f(x - eps e_k)) / (2 eps)`` for every entry k of ``x``.

    ``f`` maps an array shaped like ``x`` to a scalar. Costs two calls of ``f``
    per entry, so use it on small arrays only; compute in float64.
    """
    x = np.array(x, dtype=np.float64)
    if x.size > 100_000:
        raise ValueError(
            f"numerical_gradient: {x.size:,} entries would take {2 * x.size:,} calls of f; "
            "use an array of at most 100,000 entries"
        )
    grad = np.zeros_like(x)
    for k in np.ndindex(x.shape):
        original = x[k]
        x[k] = original + eps
        up = float(f(x))
        x[k] = original - eps
        down = float(f(x))
        x[k] = original
        grad[k] = (up - down) / (2 * eps)
    return grad
