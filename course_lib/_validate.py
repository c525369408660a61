"""Argument checks shared by course_lib's public functions: the one place they live.

Every check raises ``ValueError`` whose message names the function, the
argument, what was given and what is allowed, so that a student who passes
a bad value learns exactly what to change, e.g.
``cifar_resnet: `n` must be a positive int, got 0``. Each returns the value
it accepted (normalised: an ``int``, a ``float``, a tuple), so a caller can
check and convert in one line.

The module imports no deep-learning framework: :mod:`course_lib.arithmetic`
uses it and must stay importable without Keras.
"""

from __future__ import annotations

import numbers
from typing import Sequence

__all__ = [
    "check_int",
    "check_bool",
    "check_choice",
    "check_positive",
    "check_number",
    "check_ndim",
    "check_fraction",
    "check_positive_ints",
    "check_classes",
    "check_input_shape",
    "int_tuple",
    "common_ndim",
]


def _is_int(value) -> bool:
    """An integer, but not a bool: ``kernel=True`` is always a mistake, never a request for a 1x1 kernel."""
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


def _is_number(value) -> bool:
    """A real number (NumPy scalars included), but not a bool."""
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def _int_wording(minimum: int, maximum: int | None) -> str:
    if maximum is not None:
        return f"an int from {minimum} to {maximum}"
    if minimum == 1:
        return "a positive int"
    if minimum == 0:
        return "a non-negative int"
    return f"an int >= {minimum}"


def check_int(
    func: str,
    name: str,
    value,
    minimum: int = 0,
    maximum: int | None = None,
    *,
    note: str = "",
) -> int:
    """Return ``value`` as an ``int`` if it is an integer from ``minimum`` to ``maximum`` (inclusive).

    ``note`` says why the bounds are what they are (e.g. "the smallest class").
    """
    allowed = _int_wording(minimum, maximum) + (f" ({note})" if note else "")
    if not _is_int(value):
        raise ValueError(
            f"{func}: `{name}` must be {allowed}, got {value!r} of type {type(value).__name__}"
        )
    if value < minimum or (maximum is not None and value > maximum):
        raise ValueError(f"{func}: `{name}` must be {allowed}, got {value!r}")
    return int(value)


def check_bool(func: str, name: str, value) -> bool:
    """``value`` if it is ``True`` or ``False``; ``1``, ``"yes"`` or ``None`` are refused, not guessed at."""
    if not isinstance(value, bool):
        raise ValueError(f"{func}: `{name}` must be True or False, got {value!r}")
    return value


def check_choice(func: str, name: str, value, allowed, *, wording: str | None = None):
    """``value`` if it is one of ``allowed`` (a dict's keys count), else a ValueError listing them.

    ``wording`` replaces "one of [...]" in the message where the choices need explaining,
    e.g. ``"1 (one tower) or 2 (the paper's two GPUs)"``.
    """
    options = list(allowed)
    # True == 1, so `groups=True` would pass a plain `in` test against (1, 2).
    sneaked_in = isinstance(value, bool) and not any(
        isinstance(o, bool) for o in options
    )
    if sneaked_in or value not in options:
        raise ValueError(
            f"{func}: `{name}` must be {wording or f'one of {options}'}, got {value!r}"
        )
    return value


def check_callable(func: str, name: str, value, *, what: str = "a function"):
    """``value`` if it can be called (a block builder, a loss), else a ValueError saying what is expected."""
    if not callable(value):
        raise ValueError(
            f"{func}: `{name}` must be {what}, got {type(value).__name__} {value!r}"
        )
    return value


def check_positive(func: str, name: str, value) -> float:
    """``value`` as a float if it is a number > 0 (a width multiplier, a margin)."""
    if not _is_number(value) or not value > 0:
        raise ValueError(f"{func}: `{name}` must be a number > 0, got {value!r}")
    return float(value)


def check_number(
    func: str,
    name: str,
    value,
    *,
    at_least: float | None = None,
    above: float | None = None,
    what: str = "",
) -> float:
    """``value`` as a float if it is a real number (not a bool) ``>= at_least`` and ``> above``
    (either bound optional); ``what`` names the quantity in the message ("the slope")."""
    ok = _is_number(value)
    ok = (
        ok
        and (at_least is None or value >= at_least)
        and (above is None or value > above)
    )
    if not ok:
        bounds = [f">= {at_least:g}"] if at_least is not None else []
        bounds += [f"> {above:g}"] if above is not None else []
        label = f"`{name}` ({what})" if what else f"`{name}`"
        rule = " and ".join(bounds)
        raise ValueError(
            f"{func}: {label} must be a number{' ' + rule if rule else ''}, got {value!r}"
        )
    return float(value)


def check_ndim(func: str, name: str, shape, ndim: int, layout: str = "") -> tuple:
    """``shape`` (a tuple) if it has ``ndim`` axes and none of them is empty, else a ValueError
    naming the expected ``layout`` ("(batch, dim)", "(kh, kw, c_in, c_out)")."""
    shape = tuple(shape)
    if len(shape) != ndim or 0 in shape:
        expected = f"{ndim}-D{' ' + layout if layout else ''}, with no empty axis"
        raise ValueError(f"{func}: `{name}` must be {expected}, got shape {shape}")
    return shape


def check_fraction(func: str, name: str, value, *, allow_zero: bool = True) -> float:
    """``value`` as a float if it is a number in [0, 1) (a dropout rate), or (0, 1) when
    ``allow_zero=False`` (a test fraction, which must leave some examples on each side)."""
    in_range = (
        _is_number(value) and (value >= 0 if allow_zero else value > 0) and value < 1
    )
    if not in_range:
        interval = "[0, 1)" if allow_zero else "(0, 1)"
        raise ValueError(
            f"{func}: `{name}` must be a number in {interval}, got {value!r}"
        )
    return float(value)


def check_positive_ints(func: str, name: str, value) -> tuple[int, ...]:
    """``value`` as a tuple if it is a non-empty tuple (or list) of positive ints, e.g. layer widths."""
    items = tuple(value) if isinstance(value, (tuple, list)) else ()
    if not items or not all(_is_int(v) and v > 0 for v in items):
        raise ValueError(
            f"{func}: `{name}` must be a non-empty tuple of positive ints, got {value!r}"
        )
    return tuple(int(v) for v in items)


def check_classes(func: str, num_classes) -> int:
    """The number of output classes: a positive int."""
    return check_int(func, "num_classes", num_classes, 1)


def check_input_shape(
    func: str,
    input_shape,
    *,
    channels: int | None = None,
    min_size: int = 1,
    ndim: int = 3,
    fixed: tuple | None = None,
) -> tuple:
    """Validate an input shape (H, W, C) (or (T, H, W, C) with ndim=4).

    ``fixed`` refuses any other shape (for networks whose dense head needs it);
    ``min_size`` is the smallest spatial side that survives all downsampling.
    """
    shape = tuple(input_shape) if isinstance(input_shape, (tuple, list)) else None
    if shape is None or len(shape) != ndim:
        raise ValueError(
            f"{func}: `input_shape` must be a tuple of {ndim} ints, got {input_shape!r}"
        )
    shape = tuple(
        check_int(func, f"input_shape[{i}]", v, 1) for i, v in enumerate(shape)
    )
    if fixed is not None and shape != tuple(fixed):
        raise ValueError(
            f"{func}: this network is defined for input_shape={tuple(fixed)} only, got {shape}"
        )
    if channels is not None and shape[-1] != channels:
        raise ValueError(
            f"{func}: input must have {channels} channel(s), got input_shape={shape}"
        )
    if min(shape[-3:-1]) < min_size:
        raise ValueError(
            f"{func}: input_shape={shape} is too small for the network's downsampling; "
            f"height and width must be at least {min_size}"
        )
    return shape


def int_tuple(
    func: str, name: str, value, ndim: int | None, minimum: int = 1
) -> tuple[int, ...]:
    """Normalise an int or a tuple of ints to a tuple of ``ndim`` ints.

    An int is repeated ``ndim`` times (``3`` -> ``(3, 3)`` in 2-D). A tuple
    must have ``ndim`` entries when ``ndim`` is given, else 1 to 3 entries.
    """
    if isinstance(value, Sequence) and not isinstance(value, str):
        items = tuple(value)
        allowed = (ndim,) if ndim is not None else (1, 2, 3)
        if len(items) not in allowed:
            want = f"{ndim}" if ndim is not None else "1, 2 or 3"
            raise ValueError(
                f"{func}: `{name}` must be an int or a tuple of {want} ints, got {value!r}"
            )
        return tuple(
            check_int(func, f"{name}[{i}]", v, minimum) for i, v in enumerate(items)
        )
    return (check_int(func, name, value, minimum),) * (ndim or 2)


def common_ndim(func: str, *values) -> int | None:
    """The number of axes implied by whichever arguments are tuples (None if all are ints)."""
    lengths = {
        len(v) for v in values if isinstance(v, Sequence) and not isinstance(v, str)
    }
    if any(n not in (1, 2, 3) for n in lengths):
        raise ValueError(
            f"{func}: tuple arguments must have 1, 2 or 3 entries (one per spatial axis), got lengths {sorted(lengths)}"
        )
    if len(lengths) > 1:
        raise ValueError(
            f"{func}: tuple arguments disagree on the number of axes {sorted(lengths)}; "
            f"they must all have the same length (or be ints)"
        )
    return lengths.pop() if lengths else None
