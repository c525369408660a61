"""A timm-style registry: ``build(name, **options)``, ``available()`` and ``card(name)``."""

from __future__ import annotations

import dataclasses
import inspect
from typing import Callable

import keras

from .._validate import check_bool, check_choice
from ._cards import FAMILIES, ModelCard

_BUILDERS: dict[str, Callable[..., keras.Model]] = {}
_CARDS: dict[str, ModelCard] = {}


def register(name: str, *, card: ModelCard, **preset):
    """Register ``fn`` under ``name`` with its model ``card``; ``preset`` fixes some of its
    options (e.g. depth). Every model has a card: adding an architecture means writing its
    builder and its card, in one module."""

    def decorate(fn):
        if name in _BUILDERS:
            raise ValueError(f"register: model name {name!r} is already taken")
        if not isinstance(card, ModelCard):
            raise ValueError(
                f"register({name!r}): `card` is a {type(card).__name__}, not a ModelCard"
            )

        def builder(**options):
            clash = sorted(set(options) & set(preset))
            if clash:
                raise ValueError(
                    f"build({name!r}): option(s) {clash} are fixed by this model name"
                )
            return fn(**preset, **options)

        builder.__wrapped__ = fn
        builder.__doc__ = fn.__doc__
        builder.preset = preset
        _BUILDERS[name] = builder
        _CARDS[name] = dataclasses.replace(card, name=name)
        return fn

    return decorate


def available(family: str | None = None, pretrained: bool | None = None) -> list[str]:
    """Names accepted by :func:`build`, sorted; ``family`` (e.g. "resnet") keeps one lineage,
    ``pretrained=True`` the models with ImageNet weights from a keras.applications twin
    (``False``: those without)."""
    names = sorted(_BUILDERS)
    if family is not None:
        check_choice("available", "family", family, FAMILIES)
        names = [n for n in names if _CARDS[n].family == family]
    if pretrained is not None:
        check_bool("available", "pretrained", pretrained)
        names = [n for n in names if _CARDS[n].pretrained == pretrained]
    return names


def card(name: str) -> ModelCard:
    """The model card of ``name``: default input size, reference counts with their sources,
    keras.applications twin, cited ImageNet top-1 and a small test configuration."""
    if name not in _CARDS:
        raise ValueError(
            f"card: unknown model {name!r}; available models: {', '.join(available())}"
        )
    return _CARDS[name]


def build(name: str, **options) -> keras.Model:
    """Build a course model by name, e.g. ``build("resnet50", num_classes=10)``.

    Raises ValueError for an unknown name (listing the available ones) or an
    unknown option (listing the allowed ones).
    """
    if name not in _BUILDERS:
        raise ValueError(
            f"build: unknown model {name!r}; available models: {', '.join(available())}"
        )
    builder = _BUILDERS[name]
    params = inspect.signature(builder.__wrapped__).parameters
    allowed = sorted(p for p in params if p not in builder.preset)
    unknown = sorted(set(options) - set(allowed))
    if unknown:
        raise ValueError(
            f"build({name!r}): unknown option(s) {unknown}; allowed options: {allowed}"
        )
    return builder(**options)
