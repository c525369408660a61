"""Run-time switches shared by every notebook and lab.

``COURSE_QUICK=1`` shrinks training to a few seconds (the test run sets it);
``COURSE_OFFLINE=1`` forces the offline data fallbacks (no network is tried).
"""

from __future__ import annotations

import os
import random

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"", "0", "false", "no", "off"}


def _flag(name: str) -> bool:
    value = os.environ.get(name, "").strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ValueError(
        f"environment variable {name}={value!r}: use 1/true/yes/on or 0/false/no/off"
    )


def is_quick() -> bool:
    """True when COURSE_QUICK asks for small, fast training (tests, CI)."""
    return _flag("COURSE_QUICK")


def is_offline() -> bool:
    """True when COURSE_OFFLINE forbids network access (tests, CI)."""
    return _flag("COURSE_OFFLINE")


def pick(quick, full):
    """``quick`` under COURSE_QUICK, else ``full`` (epochs, sample counts, ...)."""
    return quick if is_quick() else full


def seed_everything(seed: int = 0) -> None:
    """Seed Python, NumPy and the Keras backend so that runs repeat."""
    import numpy as np

    random.seed(seed)
    np.random.seed(seed)
    import keras

    keras.utils.set_random_seed(seed)


__all__ = ["is_quick", "is_offline", "pick", "seed_everything"]


def glue(name: str, value):
    """Record ``value`` under ``name`` for the book's prose (myst-nb's ``glue``, shown with
    ``{glue:text}`name``` or ``{glue:text}`name:,.0f```), without displaying it in the cell.

    In Colab or plain Jupyter, where myst-nb is not installed, nothing is recorded and the
    notebook runs unchanged. Returns ``value`` (a NumPy scalar as a Python number), so a cell can
    glue and use it in one line; IPython does not display it, so a cell may end with a glue call.
    """
    try:
        from myst_nb import glue as myst_glue
    except ImportError:  # Colab: the prose is read in the book, not in the notebook
        return quiet(value)
    # A NumPy scalar would be recorded as "np.float64(0.43)", which a format spec such as
    # {glue:text}`name:.1%` cannot read: record the Python number instead.
    shown = value.item() if getattr(value, "shape", None) == () else value
    myst_glue(name, shown, display=False)
    return quiet(shown)


class _Quiet:
    """Mixin: IPython displays nothing for the value (a cell that ends with a glue call shows no
    Out[], with or without a semicolon, under Jupyter, nbconvert and nbval alike)."""

    def _ipython_display_(self):
        pass


_QUIET_TYPES = {}


def quiet(value):
    """``value`` as an instance of a subclass of its type that IPython does not display, for the
    glue helpers' return values; values whose type cannot be subclassed (bool, None, NumPy
    scalars) are returned unchanged."""
    kind = type(value)
    if kind in (bool, type(None)) or kind.__module__ == "numpy":
        return value
    if kind not in _QUIET_TYPES:
        try:
            _QUIET_TYPES[kind] = type(
                f"Quiet{kind.__name__.title()}", (_Quiet, kind), {}
            )
        except TypeError:  # a final type
            _QUIET_TYPES[kind] = None
    quiet_kind = _QUIET_TYPES[kind]
    return value if quiet_kind is None else quiet_kind(value)
