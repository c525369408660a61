"""Model cards: what the course knows about each registered model, and where it comes from.

Like timm's ``default_cfgs``, one card per registered name, written next to the
model's builder and passed to :func:`register`. A card holds the default input
size, reference counts (total and trainable parameters, MACs per image) each
with its source, the keras.applications twin and its preprocessing, the cited
ImageNet top-1 accuracy with its context, and a small configuration for fast
tests. The tests (tests/unit/test_model_cards.py) build every registered model
and check it against its card, so a fact stated here is a fact tested.

The module imports no deep-learning framework: cards are plain data.
"""

from __future__ import annotations

import types
from dataclasses import dataclass, field
from typing import Mapping

from .._validate import check_choice, check_positive

# A count that no paper, keras.applications or torchvision states: the course's own
# number, pinned so that a change to the builder cannot go unnoticed.
OWN = "course_lib's own count, no external source"

# Architecture lineages, for ``available(family=...)``; small variants join their parent's.
FAMILIES = (
    "lenet",
    "alexnet",
    "vgg",
    "resnet",
    "mobilenet",
    "inception",
    "c3d",
    "unet",
    "siamese",
    "autoencoder",
)

# keras.applications.imagenet_utils.preprocess_input modes: "caffe" is 0-255 BGR minus the
# ImageNet mean, "tf" scales to [-1, 1], "torch" scales to [0, 1] and standardises.
PREPROCESS_CHOICES = ("caffe", "tf", "torch")

# Above this many parameters a model is "large": counting it at full size takes seconds,
# so its counting test carries the ``counting`` marker (``make test-jax`` skips those).
LARGE_PARAMS = 2_000_000


@dataclass(frozen=True)
class Count:
    """A reference count (parameters, or MACs = multiply-accumulates per image) and its source.

    ``value`` is in units (parameters or MACs, not millions). A paper's rounded figure is
    matched with ``rel`` (relative tolerance, e.g. 0.02 for "3.6 G") or ``rounding``
    (the unit the source rounds to, e.g. 10_000 for "0.27M"); with neither the count is exact.
    ``bib`` is the key of the source in book/references.bib, when it is there.
    """

    value: float
    source: str
    bib: str | None = None
    rel: float = 0.0
    rounding: float | None = None

    def __post_init__(self):
        if not self.source:
            raise ValueError(
                "Count: no `source`; say where the number comes from, or use OWN"
            )
        check_positive("Count", "value", self.value)
        if self.rel:
            check_positive("Count", "rel", self.rel)
        if self.rounding is not None:
            check_positive("Count", "rounding", self.rounding)

    @property
    def external(self) -> bool:
        """True when a source outside course_lib states the number."""
        return self.source != OWN

    def matches(self, measured: float) -> bool:
        """Whether ``measured`` agrees with the reference, to the precision the source gives."""
        if self.rounding is not None:
            return round(measured / self.rounding) == round(self.value / self.rounding)
        if self.rel:
            return abs(measured - self.value) <= self.rel * self.value
        return measured == self.value

    def describe(self) -> str:
        precision = (
            f", rounded to {self.rounding:g}"
            if self.rounding
            else f", within {self.rel:.1%}"
            if self.rel
            else ""
        )
        return f"{self.value:,.0f} ({self.source}{precision})"


@dataclass(frozen=True)
class Top1:
    """A published ImageNet top-1 accuracy (%), in the context its source gives it.

    ``context`` says what was measured (single model or ensemble, validation or test
    set, crops, input size), because numbers from different protocols do not compare.
    ``where`` points into the source (a table, a row); ``bib`` is its references.bib key.
    """

    accuracy: float
    bib: str
    where: str
    context: str = "single model, ILSVRC-2012 validation, single 224x224 centre crop"

    def __post_init__(self):
        if check_positive("Top1", "accuracy", self.accuracy) >= 100:
            raise ValueError(
                f"Top1: `accuracy` is a percentage below 100, got {self.accuracy!r}"
            )


@dataclass(frozen=True)
class ModelCard:
    """Everything the course states about one registered model (see the module docstring).

    Counts are for the default options (``build(name)``). ``small`` holds build options
    small enough for a forward pass and a save/reload in a second or so on a CPU.
    """

    title: str
    family: str
    input_shape: tuple
    params: Count
    trainable: Count
    macs: Count | None = None
    keras_twin: str | None = None
    preprocess: str | None = None
    imagenet_top1: Top1 | None = None
    small: Mapping = field(default_factory=dict)
    name: str = ""  # filled in by register()

    def __post_init__(self):
        check_choice("ModelCard", "family", self.family, FAMILIES)
        if (self.keras_twin is None) != (self.preprocess is None):
            raise ValueError(
                f"ModelCard({self.title!r}): a keras.applications twin and its preprocessing "
                "mode come together"
            )
        if self.preprocess is not None:
            check_choice("ModelCard", "preprocess", self.preprocess, PREPROCESS_CHOICES)
        # frozen all the way down: a test must not be able to edit the shared small configuration
        object.__setattr__(self, "small", types.MappingProxyType(dict(self.small)))
        object.__setattr__(self, "input_shape", tuple(self.input_shape))

    @property
    def is_large(self) -> bool:
        """More than LARGE_PARAMS parameters: counting it at full size is slow."""
        return self.params.value > LARGE_PARAMS

    @property
    def pretrained(self) -> bool:
        """ImageNet weights can be loaded from a keras.applications twin."""
        return self.keras_twin is not None
