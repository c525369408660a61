"""Argument checks shared by course_lib's public functions.

Every check raises ``ValueError`` whose message names the function, the
argument, what was given and what is allowed, so that a student who passes
a bad value learns exactly what to change.
"""
from __future__ import annotations

import numbers
from typing import Sequence


def check_int(func: str, name: str, value, minimum: int = 0) -> int:
    """Return ``value`` as an ``int`` if it is an integer >= ``minimum``.

    ``bool`` is refused although it subclasses ``int``: ``kernel=True`` is
    always a mistake, never a request for a 1x1 kernel.
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise ValueError(
            f"{func}: `{name}` must be an integer >= {minimum}, "
            f"got {value!r} of type {type(value).__name__}"
        )
    if value < minimum:
        raise ValueError(f"{func}: `{name}` must be an integer >= {minimum}, got {value}")
    return int(value)


def check_choice(func: str, name: str, value, allowed):
    """``value`` if it is one of ``allowed``, else a ValueError listing them."""
    options = list(allowed)
    if value not in options:
        raise ValueError(f"{func}: `{name}` must be one of {options}, got {value!r}")
    return value


def check_bool(func: str, name: str, value) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"{func}: `{name}` must be True or False, got {value!r}")
    return value


def int_tuple(func: str, name: str, value, ndim: int | None, minimum: int = 1) -> tuple[int, ...]:
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
        return tuple(check_int(func, f"{name}[{i}]", v, minimum) for i, v in enumerate(items))
    return (check_int(func, name, value, minimum),) * (ndim or 2)


def common_ndim(func: str, *values) -> int | None:
    """The number of axes implied by whichever arguments are tuples (None if all are ints)."""
    lengths = {len(v) for v in values if isinstance(v, Sequence) and not isinstance(v, str)}
    if any(n not in (1, 2, 3) for n in lengths):
        raise ValueError(f"{func}: tuple arguments must have 1, 2 or 3 entries (one per spatial axis), got lengths {sorted(lengths)}")
    if len(lengths) > 1:
        raise ValueError(
            f"{func}: tuple arguments disagree on the number of axes {sorted(lengths)}; "
            f"they must all have the same length (or be ints)"
        )
    return lengths.pop() if lengths else None
