"""Shape, parameter and operation arithmetic for convolutional networks.

Pure Python (no TensorFlow, no Keras): these are the formulas a student
should be able to apply by hand, written once so that chapters, exercises
and tests use the same definitions.

Units
-----
*MACs* (multiply-accumulates) count one multiplication and one addition as
one operation. *FLOPs* count them separately, so FLOPs ~= 2 x MACs. Papers
are inconsistent: the ResNet paper's "3.8 x 10^9 FLOPs" for ResNet-50 and the
MobileNet paper's "Mult-Adds" are both MACs; the lecture notes' "854M ops"
for the naive Inception module are MACs too. Every function here that counts
operations returns MACs, and biases are not counted (they add one addition
per output, which no paper includes).

Sizes
-----
Output-size functions accept an int (one spatial axis) or a tuple (one entry
per axis). Any tuple argument sets the number of axes; ints are repeated.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Iterable, Sequence, Union

from ._validate import check_bool, check_int, common_ndim, int_tuple

Size = Union[int, Sequence[int]]
Padding = Union[int, str, Sequence[int]]

_PADDING_WORDS = ("same", "valid")


# --------------------------------------------------------------------------
# Output sizes
# --------------------------------------------------------------------------
def _padding_per_axis(func: str, padding, ndim: int):
    if isinstance(padding, str):
        word = padding.lower()
        if word not in _PADDING_WORDS:
            raise ValueError(
                f"{func}: `padding` must be a non-negative int, a tuple of them, "
                f"'same' or 'valid'; got {padding!r}"
            )
        return (word,) * ndim
    return int_tuple(func, "padding", padding, ndim, minimum=0)


def _axes(func: str, size, kernel, stride, padding, dilation):
    """Normalise all arguments to per-axis tuples; remember if the caller used scalars."""
    pad_for_ndim = padding if not isinstance(padding, str) else 0
    ndim = common_ndim(func, size, kernel, stride, pad_for_ndim, dilation)
    scalar = ndim is None
    ndim = ndim or 1
    return (
        scalar,
        int_tuple(func, "size", size, ndim, minimum=1),
        int_tuple(func, "kernel", kernel, ndim, minimum=1),
        int_tuple(func, "stride", stride, ndim, minimum=1),
        _padding_per_axis(func, padding, ndim),
        int_tuple(func, "dilation", dilation, ndim, minimum=1),
    )


def _sliding_output(func, size, eff_kernel, stride, pad, exact, ceil_mode=False):
    """Output length of a window of ``eff_kernel`` sliding with ``stride``."""
    if pad == "same":
        if exact and size % stride:
            raise ValueError(
                f"{func}: with padding='same', `stride`={stride} does not divide "
                f"`size`={size} evenly (exact=True asks for exact division)"
            )
        return -(-size // stride)
    pad = 0 if pad == "valid" else pad
    span = size + 2 * pad - eff_kernel
    if span < 0:
        raise ValueError(
            f"{func}: `kernel` (effective size {eff_kernel}) is larger than the padded input "
            f"(size {size} + 2*padding {pad} = {size + 2 * pad}); use a kernel <= "
            f"{size + 2 * pad}, more padding, or padding='same'"
        )
    if exact and span % stride:
        raise ValueError(
            f"{func}: `stride`={stride} does not divide (size + 2*padding - kernel) = {span} "
            f"evenly, so the window does not tile the input (exact=True asks for exact division); "
            f"allowed strides here are the divisors of {span}"
        )
    return (span + (stride - 1 if ceil_mode else 0)) // stride + 1


def conv_output_size(
    size: Size,
    kernel: Size,
    stride: Size = 1,
    padding: Padding = 0,
    dilation: Size = 1,
    *,
    exact: bool = False,
):
    """Output length of a convolution along each spatial axis.

    ``out = floor((size + 2*padding - d*(kernel - 1) - 1) / stride) + 1``
    (CS231n's ``(W - F + 2P)/S + 1`` with dilation ``d``; Dumoulin & Visin,
    "A guide to convolution arithmetic", 2016). ``padding='valid'`` is 0,
    ``padding='same'`` gives ``ceil(size / stride)`` as in Keras.

    Args:
        size: input length (int) or per-axis lengths (tuple).
        kernel, stride, dilation: ints >= 1 or per-axis tuples.
        padding: int >= 0 on each side, a tuple of them, 'same' or 'valid'.
        exact: if True, raise when the stride does not tile the input exactly
            (the notes' "does it divide?" check) instead of flooring.

    Returns:
        An int when every argument is an int, else a tuple of ints.
    """
    func = "conv_output_size"
    check_bool(func, "exact", exact)
    scalar, sizes, kernels, strides, pads, dils = _axes(
        func, size, kernel, stride, padding, dilation
    )
    out = tuple(
        _sliding_output(func, n, d * (k - 1) + 1, s, p, exact)
        for n, k, s, p, d in zip(sizes, kernels, strides, pads, dils)
    )
    return out[0] if scalar else out


def pool_output_size(
    size: Size,
    pool: Size,
    stride: Size | None = None,
    padding: Padding = 0,
    *,
    ceil_mode: bool = False,
    exact: bool = False,
):
    """Output length of a pooling window (max or average) along each axis.

    Same formula as :func:`conv_output_size` with ``stride`` defaulting to
    ``pool`` (as in Keras). ``ceil_mode=True`` rounds up instead of down, as
    Caffe did (the original GoogLeNet's pooling sizes need it). Explicit
    padding may be at most half the window, else some windows would cover
    only padding.
    """
    func = "pool_output_size"
    check_bool(func, "ceil_mode", ceil_mode)
    check_bool(func, "exact", exact)
    stride = pool if stride is None else stride
    scalar, sizes, pools, strides, pads, _ = _axes(func, size, pool, stride, padding, 1)
    out = []
    for n, k, s, p in zip(sizes, pools, strides, pads):
        if isinstance(p, int) and p > k // 2:
            raise ValueError(
                f"{func}: `padding`={p} is more than half the pooling window {k}; "
                f"allowed: 0 to {k // 2}"
            )
        out.append(_sliding_output(func, n, k, s, p, exact, ceil_mode))
    return out[0] if scalar else tuple(out)


def conv_transpose_output_size(
    size: Size,
    kernel: Size,
    stride: Size = 1,
    padding: Padding = 0,
    output_padding: Size = 0,
    dilation: Size = 1,
):
    """Output length of a transposed convolution ("deconvolution").

    ``out = (size - 1)*stride - 2*padding + d*(kernel - 1) + output_padding + 1``,
    the inverse of :func:`conv_output_size` (Dumoulin & Visin 2016, relationship 14).
    With Keras' words: 'same' gives ``size*stride``; 'valid' gives
    ``size*stride + max(kernel_eff - stride, 0)``. ``output_padding`` (< stride)
    picks one of the input sizes that a strided convolution maps to the same output.
    """
    func = "conv_transpose_output_size"
    scalar, sizes, kernels, strides, pads, dils = _axes(
        func, size, kernel, stride, padding, dilation
    )
    out_pads = int_tuple(func, "output_padding", output_padding, len(sizes), minimum=0)
    out = []
    for n, k, s, p, d, op in zip(sizes, kernels, strides, pads, dils, out_pads):
        if op >= s and op >= d:
            raise ValueError(
                f"{func}: `output_padding`={op} must be smaller than `stride`={s} "
                f"(or `dilation`={d}); allowed: 0 to {max(s, d) - 1}"
            )
        eff = d * (k - 1) + 1
        if p == "same":
            length = n * s
        elif p == "valid":
            length = n * s + max(eff - s, 0)
        else:
            length = (n - 1) * s - 2 * p + eff
            if length < 1:
                raise ValueError(
                    f"{func}: `padding`={p} removes the whole output "
                    f"(size {n}, kernel {k}, stride {s}); use padding <= {((n - 1) * s + eff - 1) // 2}"
                )
        out.append(length + op)
    return out[0] if scalar else tuple(out)


# --------------------------------------------------------------------------
# Parameters
# --------------------------------------------------------------------------
def _kernel_volume(func: str, kernel) -> int:
    """Product of a kernel's sides; an int ``k`` means a square ``k x k`` 2-D kernel."""
    return math.prod(int_tuple(func, "kernel", kernel, None, minimum=1))


def _check_groups(func: str, in_channels: int, out_channels: int, groups: int) -> None:
    if in_channels % groups or out_channels % groups:
        raise ValueError(
            f"{func}: `groups`={groups} must divide both `in_channels`={in_channels} "
            f"and `out_channels`={out_channels}"
        )


def conv_params(
    in_channels: int,
    out_channels: int,
    kernel: Size,
    bias: bool = True,
    groups: int = 1,
) -> int:
    """Trainable parameters of a convolution layer (1-D, 2-D or 3-D).

    ``params = N * (k_1*...*k_d * C / groups) + N`` for ``N`` filters over ``C``
    input channels (the notes' ``N*(k1*k2*C + 1)``). ``kernel`` is an int
    (a square 2-D kernel) or a tuple of 1 to 3 sides.
    """
    func = "conv_params"
    c_in = check_int(func, "in_channels", in_channels, 1)
    c_out = check_int(func, "out_channels", out_channels, 1)
    g = check_int(func, "groups", groups, 1)
    check_bool(func, "bias", bias)
    _check_groups(func, c_in, c_out, g)
    return c_out * (_kernel_volume(func, kernel) * c_in // g) + (c_out if bias else 0)


def depthwise_conv_params(
    channels: int, kernel: Size, depth_multiplier: int = 1, bias: bool = True
) -> int:
    """Parameters of a depthwise convolution: one ``k x k`` filter per input channel
    (times ``depth_multiplier``), ``D_K*D_K*M`` in the MobileNet paper's notation."""
    func = "depthwise_conv_params"
    c = check_int(func, "channels", channels, 1)
    m = check_int(func, "depth_multiplier", depth_multiplier, 1)
    check_bool(func, "bias", bias)
    return c * m * _kernel_volume(func, kernel) + (c * m if bias else 0)


def separable_conv_params(
    in_channels: int,
    out_channels: int,
    kernel: Size,
    depth_multiplier: int = 1,
    bias: bool = True,
) -> int:
    """Parameters of a depthwise separable convolution (depthwise then 1x1 pointwise).

    ``D_K*D_K*M + M*N`` weights (MobileNet paper, eq. 4's parameter analogue) plus
    ``N`` biases on the pointwise output, as in ``keras.layers.SeparableConv2D``.
    """
    func = "separable_conv_params"
    c_in = check_int(func, "in_channels", in_channels, 1)
    c_out = check_int(func, "out_channels", out_channels, 1)
    m = check_int(func, "depth_multiplier", depth_multiplier, 1)
    check_bool(func, "bias", bias)
    depthwise = c_in * m * _kernel_volume(func, kernel)
    return depthwise + c_in * m * c_out + (c_out if bias else 0)


def dense_params(in_features: int, out_features: int, bias: bool = True) -> int:
    """Parameters of a fully connected layer: ``in*out + out``."""
    func = "dense_params"
    n_in = check_int(func, "in_features", in_features, 1)
    n_out = check_int(func, "out_features", out_features, 1)
    check_bool(func, "bias", bias)
    return n_in * n_out + (n_out if bias else 0)


# --------------------------------------------------------------------------
# Operations (MACs)
# --------------------------------------------------------------------------
def _output_volume(func: str, output_size, kernel) -> int:
    ndim = common_ndim(func, output_size, kernel)
    return math.prod(int_tuple(func, "output_size", output_size, ndim, minimum=1))


def conv_macs(
    output_size: Size,
    in_channels: int,
    out_channels: int,
    kernel: Size,
    groups: int = 1,
) -> int:
    """Multiply-accumulates of a convolution layer (biases not counted).

    ``MACs = H_out * W_out * N * (k_h * k_w * C / groups)``: each of the
    ``H_out*W_out*N`` outputs is a dot product over a ``k_h x k_w x C/groups``
    window. FLOPs ~= 2 x MACs. The ResNet and MobileNet papers report MACs
    (called "FLOPs" and "Mult-Adds"); so do the lecture notes' "ops".

    Args:
        output_size: output spatial size, an int (square, 2-D) or a tuple per axis.
        kernel: an int (square, 2-D) or a tuple per axis.
    """
    func = "conv_macs"
    c_in = check_int(func, "in_channels", in_channels, 1)
    c_out = check_int(func, "out_channels", out_channels, 1)
    g = check_int(func, "groups", groups, 1)
    _check_groups(func, c_in, c_out, g)
    volume = _output_volume(func, output_size, kernel)
    return volume * c_out * _kernel_volume(func, kernel) * c_in // g


def depthwise_conv_macs(
    output_size: Size, channels: int, kernel: Size, depth_multiplier: int = 1
) -> int:
    """MACs of a depthwise convolution: ``D_K*D_K*M*D_F*D_F`` (MobileNet paper, eq. 3)."""
    func = "depthwise_conv_macs"
    c = check_int(func, "channels", channels, 1)
    m = check_int(func, "depth_multiplier", depth_multiplier, 1)
    return (
        _output_volume(func, output_size, kernel) * c * m * _kernel_volume(func, kernel)
    )


def dense_macs(in_features: int, out_features: int) -> int:
    """MACs of a fully connected layer on one vector: ``in*out``."""
    func = "dense_macs"
    return check_int(func, "in_features", in_features, 1) * check_int(
        func, "out_features", out_features, 1
    )


def depthwise_separable_cost_ratio(out_channels: int, kernel: Size) -> float:
    """Cost of a depthwise separable convolution relative to a standard one.

    ``(D_K^2*M*D_F^2 + M*N*D_F^2) / (D_K^2*M*N*D_F^2) = 1/N + 1/D_K^2``
    (MobileNet paper, Howard et al. 2017, section 3.1). The same ratio holds
    for parameters. For ``N=1024, D_K=3`` it is about 1/8.9.
    """
    func = "depthwise_separable_cost_ratio"
    n = check_int(func, "out_channels", out_channels, 1)
    return 1.0 / n + 1.0 / _kernel_volume(func, kernel)


# --------------------------------------------------------------------------
# Receptive fields
# --------------------------------------------------------------------------
@dataclass(frozen=True)
class LayerField:
    """Receptive field after one layer, in input pixels.

    size: side of the input window one output unit sees.
    jump: distance in input pixels between two neighbouring output units.
    start: input coordinate of the centre of the first output unit's window
        (0 is the centre of the first input pixel; negative means padding).
    """

    size: int
    jump: int
    start: float


@dataclass(frozen=True)
class ReceptiveField:
    """Receptive field of a stack of layers: the last layer's values plus every layer's."""

    layers: tuple[LayerField, ...]

    @property
    def size(self) -> int:
        return self.layers[-1].size

    @property
    def jump(self) -> int:
        return self.layers[-1].jump

    @property
    def start(self) -> float:
        return self.layers[-1].start


def receptive_field(stack: Iterable[Sequence[int]]) -> ReceptiveField:
    """Receptive field of a stack of convolution / pooling layers (one axis).

    Each layer is ``(kernel, stride)``, ``(kernel, stride, dilation)`` or
    ``(kernel, stride, dilation, padding)``. The recurrence (Araujo et al.,
    "Computing receptive fields of CNNs", Distill 2019) is::

        k_eff = dilation*(kernel - 1) + 1
        size  = size_prev + (k_eff - 1) * jump_prev
        jump  = jump_prev * stride
        start = start_prev + ((k_eff - 1)/2 - padding) * jump_prev

    Three 3x3 stride-1 layers see 7x7 (the VGG argument): size 7.
    """
    func = "receptive_field"
    layers = list(stack) if not isinstance(stack, (str, bytes)) else None
    if not layers:
        raise ValueError(
            f"{func}: `stack` must be a non-empty list of (kernel, stride[, dilation[, padding]]) tuples, got {stack!r}"
        )
    size, jump, start = 1, 1, 0.0
    out = []
    for i, layer in enumerate(layers):
        if (
            not isinstance(layer, Sequence)
            or isinstance(layer, str)
            or not 2 <= len(layer) <= 4
        ):
            raise ValueError(
                f"{func}: layer {i} must be (kernel, stride), (kernel, stride, dilation) or "
                f"(kernel, stride, dilation, padding); got {layer!r}"
            )
        kernel = check_int(func, f"stack[{i}] kernel", layer[0], 1)
        stride = check_int(func, f"stack[{i}] stride", layer[1], 1)
        dilation = (
            check_int(func, f"stack[{i}] dilation", layer[2], 1)
            if len(layer) > 2
            else 1
        )
        padding = (
            check_int(func, f"stack[{i}] padding", layer[3], 0) if len(layer) > 3 else 0
        )
        k_eff = dilation * (kernel - 1) + 1
        start = start + ((k_eff - 1) / 2 - padding) * jump
        size = size + (k_eff - 1) * jump
        jump = jump * stride
        out.append(LayerField(size=size, jump=jump, start=start))
    return ReceptiveField(layers=tuple(out))


__all__ = [
    "conv_output_size",
    "pool_output_size",
    "conv_transpose_output_size",
    "conv_params",
    "depthwise_conv_params",
    "separable_conv_params",
    "dense_params",
    "conv_macs",
    "depthwise_conv_macs",
    "dense_macs",
    "depthwise_separable_cost_ratio",
    "receptive_field",
    "ReceptiveField",
    "LayerField",
]
