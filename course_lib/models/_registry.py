"""A timm-style registry: ``build(name, **options)`` and ``available()``."""
from __future__ import annotations

import inspect
from typing import Callable

import keras

_BUILDERS: dict[str, Callable[..., keras.Model]] = {}


def register(name: str, **preset):
    """Register ``fn`` under ``name``; ``preset`` fixes some of its options (e.g. depth)."""

    def decorate(fn):
        if name in _BUILDERS:
            raise ValueError(f"register: model name {name!r} is already taken")

        def builder(**options):
            clash = sorted(set(options) & set(preset))
            if clash:
                raise ValueError(f"build({name!r}): option(s) {clash} are fixed by this model name")
            return fn(**preset, **options)

        builder.__wrapped__ = fn
        builder.__doc__ = fn.__doc__
        builder.preset = preset
        _BUILDERS[name] = builder
        return fn

    return decorate


def available() -> list[str]:
    """Names accepted by :func:`build`, sorted."""
    return sorted(_BUILDERS)


def build(name: str, **options) -> keras.Model:
    """Build a course model by name, e.g. ``build("resnet50", num_classes=10)``.

    Raises ValueError for an unknown name (listing the available ones) or an
    unknown option (listing the allowed ones).
    """
    if name not in _BUILDERS:
        raise ValueError(f"build: unknown model {name!r}; available models: {', '.join(available())}")
    builder = _BUILDERS[name]
    params = inspect.signature(builder.__wrapped__).parameters
    allowed = sorted(p for p in params if p not in builder.preset)
    unknown = sorted(set(options) - set(allowed))
    if unknown:
        raise ValueError(f"build({name!r}): unknown option(s) {unknown}; allowed options: {allowed}")
    return builder(**options)
