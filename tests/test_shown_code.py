"""Code that a chapter shows with ``inspect.getsource`` is course_lib's code as it is now.

nbval compares only the outputs tagged ``nbval-check-output``, so a stored listing of a
function could silently fall behind course_lib after an edit. This test needs no kernel:
every top-level ``def``/``class``/decorator block of a stored listing must appear verbatim
in course_lib's current source (re-run the chapter with ``make notebooks NB=...`` to fix).
"""

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted([*ROOT.glob("notebooks/*.ipynb"), *ROOT.glob("labs/*.ipynb")])
SOURCE = "\n".join(p.read_text() for p in sorted((ROOT / "course_lib").rglob("*.py")))
# A listing is split at every line that starts in column 0 (a definition, a decorator, or
# something a chapter appends, such as a repr of a table); definitions are then compared.
BLOCK_START = re.compile(r"^(?=\S)", re.MULTILINE)


def listings(path):
    """(cell index, stored plain-text output) of every cell that shows code with getsource."""
    cells = json.loads(path.read_text())["cells"]
    for i, cell in enumerate(cells):
        if cell["cell_type"] == "code" and "inspect.getsource(" in "".join(
            cell["source"]
        ):
            texts = [
                "".join(o["data"]["text/plain"])
                for o in cell.get("outputs", [])
                if "text/plain" in o.get("data", {})
            ]
            yield i, texts


def test_chapters_show_code():
    assert sum(1 for p in NOTEBOOKS for _ in listings(p)) >= 30


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_listing_is_current_source(path):
    for index, texts in listings(path):
        assert texts, f"{path.name} cell {index} shows code but has no stored output"
        for text in texts:
            blocks = [b.strip() for b in BLOCK_START.split(text) if b.strip()]
            code = [b for b in blocks if b.startswith(("@", "def ", "class "))]
            assert code, f"{path.name} cell {index}: no definition in the listing"
            for block in code:
                assert block in SOURCE, (
                    f"{path.name} cell {index} shows code that is no longer course_lib's "
                    f"(starts {block.splitlines()[0]!r}); re-run: make notebooks NB={path.relative_to(ROOT)}"
                )
