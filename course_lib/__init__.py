"""course_lib: the code behind the course on convolutional network architectures.

* :mod:`course_lib.arithmetic` -- output sizes, parameter and MAC formulas (pure Python).
* :func:`course_lib.profile` -- per-layer params / MACs / activations of any Keras 3 model.
* :func:`course_lib.glue` -- a computed number for the book's prose (myst-nb glue; no-op in Colab).
* :mod:`course_lib.facts` -- every number the chapters quote, with its source and context.
* :mod:`course_lib.diagrams` -- ``draw(model)``: block diagrams of any Keras 3 model (Graphviz).

Keras is imported lazily, so ``import course_lib.arithmetic`` needs no backend.
"""

from __future__ import annotations

from . import arithmetic, runtime
from .runtime import glue

__version__ = "0.1.0"
__all__ = [
    "arithmetic",
    "runtime",
    "glue",
    "profile",
    "ModelProfile",
    "register_mac_counter",
    "UncountableLayerError",
]

_LAZY = {
    "profile",
    "ModelProfile",
    "LayerRow",
    "register_mac_counter",
    "UncountableLayerError",
}
_SUBMODULES = {"data", "exercises", "diagrams", "facts", "lab", "metrics", "models"}


def __getattr__(name):
    # Keep `import course_lib` free of keras (and so of TensorFlow) until needed.
    if name in _LAZY:
        from . import profiler

        return getattr(profiler, name)
    if (
        name in _SUBMODULES
    ):  # course_lib.lab.setup() works after a bare `import course_lib`
        import importlib

        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module 'course_lib' has no attribute {name!r}")
