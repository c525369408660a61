"""Installing course_lib as Colab's first cell does must keep Colab's TensorFlow, Keras and NumPy.

A Colab-like environment is made from a fresh virtual environment that sees,
through a .pth file, a copy-free view of this venv's packages (TensorFlow,
Keras, NumPy, pandas, ...) without course_lib. Then course_lib is installed
from the repository with pip, dependencies resolved as in Colab, and the
test checks that pip installed nothing that replaces the pre-installed stack.
"""

from __future__ import annotations

import json
import re
import tomllib
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STACK = ("tensorflow", "keras", "numpy", "jax", "ml_dtypes", "protobuf")
VERSIONS = (
    "import json, importlib.metadata as m; print(json.dumps({n: m.version(n) for n in %r}))"
    % (STACK,)
)


def _colab_like_site(tmp: Path) -> Path:
    """This venv's site-packages as symlinks, minus course_lib and its editable hooks."""
    site = Path(sysconfig.get_paths()["purelib"])
    view = tmp / "preinstalled"
    view.mkdir()
    for entry in site.iterdir():
        name = entry.name.lower()
        if name.startswith(("course_lib", "__editable__")) or name.endswith(".pth"):
            continue
        (view / entry.name).symlink_to(entry)
    return view


def _run(python: Path, *args, cwd: Path) -> str:
    env = {
        k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")
    }
    result = subprocess.run(
        [str(python), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, (
        f"{args}:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    )
    return result.stdout


def test_colab_style_install_keeps_the_preinstalled_stack(tmp_path):
    venv = tmp_path / "colab"
    subprocess.run(
        [sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True
    )
    python = venv / "bin" / "python"
    own_site = Path(
        _run(
            python,
            "-c",
            "import sysconfig; print(sysconfig.get_paths()['purelib'])",
            cwd=tmp_path,
        ).strip()
    )
    (own_site / "preinstalled.pth").write_text(str(_colab_like_site(tmp_path)) + "\n")
    before = json.loads(_run(python, "-c", VERSIONS, cwd=tmp_path))

    # What a Colab first cell does, with the repository as the source.
    _run(
        python, "-m", "pip", "install", "--quiet", "--no-input", str(ROOT), cwd=tmp_path
    )

    after = json.loads(_run(python, "-c", VERSIONS, cwd=tmp_path))
    assert after == before, "installing course_lib changed the pre-installed stack"
    added = {p.name.split("-")[0].lower() for p in own_site.glob("*.dist-info")}
    assert added & set(STACK) == set(), (
        f"pip installed its own copies of {added & set(STACK)}"
    )
    assert "course_lib" in added

    # A chapter's imports work from the installed package (not from the repository).
    out = _run(
        python,
        "-c",
        (
            "import course_lib, course_lib.models as M, course_lib.exercises as E, course_lib.quiz;"
            "print(course_lib.__file__); print(M.build('lenet5').count_params());"
            "print(E.check('alexnet-conv1-params', 34944).correct);"
            "print(M.course_pretrained('glyph_cnn').count_params())"
        ),
        cwd=tmp_path,
    )
    location, params, correct, pretrained = out.split()
    assert str(own_site) in location and not location.startswith(str(ROOT))
    assert params == "60840" and correct == "True"
    assert pretrained == "173090", (
        "the pretrained weights (package data) must ship with the package"
    )


def _pins(path: Path) -> dict[str, str]:
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^([A-Za-z0-9_.-]+)(?:\[[^\]]*\])?==([^\s#]+)", line.strip())
        if match:
            pins[match.group(1).lower().replace("_", "-")] = match.group(2)
    return pins


def test_lower_bounds_are_versions_a_job_runs():
    """pyproject's `>=` bounds promise that those versions work: each must be Colab's version
    (make test-colab runs it) or, for a package Colab lacks, the one requirements.txt pins."""
    colab = _pins(ROOT / "tests" / "colab" / "colab-packages.txt")
    pinned = _pins(ROOT / "requirements.txt")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    for requirement in project["dependencies"]:
        name, bound = re.match(r"^([A-Za-z0-9_.-]+)>=([^\s,;]+)$", requirement).groups()
        name = name.lower()
        tested = colab.get(name, pinned.get(name))
        assert tested is not None, (
            f"{name}: neither Colab's list nor requirements.txt pins it"
        )
        assert bound == tested, (
            f"{name}>={bound}: the versions tested are Colab's or requirements.txt's, {tested}"
        )
