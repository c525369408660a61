"""Per-student variants of a problem set, drawn from a course secret and the student id.

Each grader module defines ``DEFAULT`` (the public variant, the numbers in the
repository's notebooks) and ``draw(rng)`` (one variant from a seeded generator). A
student's variant is ``draw`` on a generator seeded with HMAC-SHA256(secret,
assignment + student id), so it is stable, differs between students, and cannot be
computed without the secret, which lives only in the instructor's ``grading/`` folder.

Notebooks carry ``{{ name }}`` placeholders in their text, tests and solutions; rendering
replaces each with the variant's value, and an unknown name is an error, never a blank.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from pathlib import Path

import numpy as np

SECRET_FILE = ".course_secret"
PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")


class VariantError(ValueError):
    """A template names a parameter the variant does not have, or the secret is missing."""


def ensure_secret(course: Path) -> bytes:
    """The course secret, created (random, 256 bits, readable by its owner only) if absent."""
    path = course / SECRET_FILE
    if not path.exists():
        path.write_text(secrets.token_hex(32) + "\n")
        path.chmod(0o600)
    return read_secret(course)


def read_secret(course: Path) -> bytes:
    path = course / SECRET_FILE
    try:
        text = path.read_text().strip()
    except FileNotFoundError:
        raise VariantError(
            f"no course secret at {path}: it decides every student's numbers. Restore it "
            "from your backup, or run `make assignments` to create one before handing out "
            "the notebooks (a new secret gives every student new numbers)."
        ) from None
    if len(text) < 32:
        raise VariantError(
            f"{path} holds {len(text)} characters; a course secret has at least 32"
        )
    return text.encode()


def student_rng(secret: bytes, assignment: str, student: str) -> np.random.Generator:
    digest = hmac.new(
        secret, f"{assignment}\0{student}".encode(), hashlib.sha256
    ).digest()
    return np.random.default_rng(int.from_bytes(digest[:16], "big"))


def parameters(
    grader, secret: bytes | None, assignment: str, student: str | None
) -> dict:
    """The student's variant (the public default when ``student`` is None)."""
    if student is None:
        return dict(grader.DEFAULT)
    if secret is None:
        raise VariantError("per-student variants need the course secret")
    params = grader.draw(student_rng(secret, assignment, student))
    missing = set(grader.DEFAULT) - set(params)
    if missing:
        raise VariantError(f"{grader.__name__}.draw() left out {sorted(missing)}")
    return params


def render(text: str, params: dict) -> str:
    def value(match):
        name = match.group(1)
        if name not in params:
            raise VariantError(
                f"placeholder {{{{ {name} }}}} is not a parameter of this problem set "
                f"(it has: {', '.join(sorted(params))})"
            )
        return str(params[name])

    return PLACEHOLDER.sub(value, text)


def render_notebook(nb, params: dict):
    """A copy of a notebook with every cell's placeholders filled in."""
    import copy

    out = copy.deepcopy(nb)
    for cell in out.cells:
        cell.source = render(cell.source, params)
    return out
