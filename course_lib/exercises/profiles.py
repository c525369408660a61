"""Model facts that several Parts' exercises read: profiles of course models, built once.

Building and profiling a network takes seconds, and many exercises ask about the
same one (AlexNet's layers appear in chapters 00, 07 and 15), so each profile is
cached for the session. Keras is imported only when a profile is first needed.
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["from_layer", "model_profile", "profile_rows"]


@lru_cache(maxsize=None)
def model_profile(name: str, options: tuple = ()):
    """The profile of ``build(name, **dict(options))``, built once per session.

    ``options`` is a tuple of (option, value) pairs rather than a dict so that it can be a cache key.
    """
    from .. import profile
    from ..models import build

    return profile(build(name, **dict(options)))


@lru_cache(maxsize=None)
def profile_rows(name: str, options: tuple = ()):
    """The same profile's rows by layer name (nested models appear as ``outer/inner``)."""
    return {row.name: row for row in model_profile(name, options).rows}


def from_layer(name: str, layer: str, field: str):
    """An ``expected`` function: ``field`` ("params", "macs", "output_shape", ...) of one layer of model ``name``."""
    return lambda: getattr(profile_rows(name)[layer], field)
