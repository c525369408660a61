"""Option checks shared by the model builders: clear errors, never a silent wrong model."""
from __future__ import annotations

from .._validate import check_int


def check_classes(func: str, num_classes) -> int:
    return check_int(func, "num_classes", num_classes, 1)


def check_positive(func: str, name: str, value) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0:
        raise ValueError(f"{func}: `{name}` must be a number > 0, got {value!r}")
    return float(value)


def check_fraction(func: str, name: str, value) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value < 1:
        raise ValueError(f"{func}: `{name}` must be a number in [0, 1), got {value!r}")
    return float(value)


def check_input_shape(func: str, input_shape, *, channels: int | None = None, min_size: int = 1,
                      ndim: int = 3, fixed: tuple | None = None) -> tuple:
    """Validate an input shape (H, W, C) (or (T, H, W, C) with ndim=4).

    ``fixed`` refuses any other shape (for networks whose dense head needs it);
    ``min_size`` is the smallest spatial side that survives all downsampling.
    """
    shape = tuple(input_shape) if isinstance(input_shape, (tuple, list)) else None
    if shape is None or len(shape) != ndim:
        raise ValueError(f"{func}: `input_shape` must be a tuple of {ndim} ints, got {input_shape!r}")
    shape = tuple(check_int(func, f"input_shape[{i}]", v, 1) for i, v in enumerate(shape))
    if fixed is not None and shape != tuple(fixed):
        raise ValueError(f"{func}: this network is defined for input_shape={tuple(fixed)} only, got {shape}")
    if channels is not None and shape[-1] != channels:
        raise ValueError(f"{func}: input must have {channels} channel(s), got input_shape={shape}")
    if min(shape[-3:-1]) < min_size:
        raise ValueError(
            f"{func}: input_shape={shape} is too small for the network's downsampling; "
            f"height and width must be at least {min_size}")
    return shape
