"""Serve MathJax 3 from the book itself, so math renders offline and in tests.

The files come from the PyPI package `django-static-mathjax` (MathJax's own
release files, Apache-2.0; it installs as the module `mathjax` and needs no
Django). Only what the `tex-chtml` bundle loads is copied (about 2 MB): the
bundle, its fonts, the TeX extensions, the menu and the accessibility parts.
"""

from __future__ import annotations

import shutil
from pathlib import Path

PARTS = (
    "tex-chtml.js",
    "output/chtml/fonts",
    "input/tex/extensions",
    "ui",
    "a11y",
    "adaptors",
)


def _source() -> Path:
    import mathjax  # the `django-static-mathjax` distribution

    return Path(mathjax.__file__).parent / "static" / "mathjax" / "es5"


def _configure(app, config):
    _source()  # fail at start-up, with the import error, if missing
    config.mathjax_path = "mathjax/tex-chtml.js"  # relative to _static


def _copy(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    source, target = _source(), Path(app.outdir) / "_static" / "mathjax"
    for part in PARTS:
        src, dst = source / part, target / part
        if src.is_dir():
            shutil.copytree(src, dst, dirs_exist_ok=True)
        else:
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dst)


def setup(app):
    app.connect("config-inited", _configure)
    app.connect("build-finished", _copy)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
