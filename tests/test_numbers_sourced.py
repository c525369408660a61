"""Every number in the chapters' prose has a source (issue 21).

* The scanner (course_lib._number_audit) finds no number in a chapter's or lab's markdown that
  is neither glued from a cell, nor on its explained whitelist.
* Every glued name the prose shows is recorded by a cell of the same notebook (the stored
  output comes from a run); a glued fact shows the facts table's text, not a retyped copy.
* The lecture notes are named, never by the label of the file they were collected under.

Needs no kernel and no book build: it reads the stored notebooks.
"""

import ast
import json
import re
from pathlib import Path

import pytest

from course_lib import facts
from course_lib._number_audit import scan_file

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted([*ROOT.glob("notebooks/*.ipynb"), *ROOT.glob("labs/*.ipynb")])
PAGES = sorted(ROOT.glob("book/*.md"))
GLUE_ROLE = re.compile(r"\{glue(?::\w+)?\}`([A-Za-z0-9_]+)")
RECORD = "application/papermill.record/text/plain"
FILE_LABEL = re.compile(r"\bseeds? 00\d", re.IGNORECASE)

# Pending conversions, each with its reason. strict: once a pending file passes, its xfail
# fails and it must leave the list. None is pending: the labs were converted and re-run.
PENDING: dict[str, str] = {}
PENDING_LINKS = PENDING


def _with_pending(paths, pending=PENDING):
    return [
        pytest.param(p, marks=pytest.mark.xfail(strict=True, reason=pending[p.stem]))
        if p.stem in pending
        else p
        for p in paths
    ]


def _cells(path):
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def glued(path) -> dict[str, str]:
    """name -> recorded text/plain of every value glued in the notebook's stored outputs."""
    records = {}
    for cell in _cells(path):
        for out in cell.get("outputs", []):
            name = out.get("metadata", {}).get("scrapbook", {}).get("name")
            if name:
                records[name] = "".join(out.get("data", {}).get(RECORD, ""))
    return records


def used_glue(path) -> set[str]:
    return {
        name
        for cell in _cells(path)
        if cell["cell_type"] == "markdown"
        for name in GLUE_ROLE.findall("".join(cell["source"]))
    }


@pytest.mark.parametrize("path", _with_pending(NOTEBOOKS), ids=lambda p: p.stem)
def test_no_unsourced_number_in_the_prose(path):
    """Chapters and labs (issue 21); the book's few plain pages quote code defaults."""
    hits = scan_file(path)
    listing = "\n".join(
        f"  cell {h.cell}: {h.number!r} in ...{h.context}..." for h in hits[:15]
    )
    assert not hits, (
        f"{path.name}: {len(hits)} number(s) with no source; glue it from the cell that "
        f"computes it, or glue its course_lib.facts entry (CONTRIBUTING.md, 'Where a "
        f"number lives'):\n{listing}"
    )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_glued_name_is_recorded_and_facts_are_the_tables(path):
    records = glued(path)
    formatted_facts = sorted(
        name
        for cell in _cells(path)
        if cell["cell_type"] == "markdown"
        for name in re.findall(r"\{glue:text\}`(\w+):", "".join(cell["source"]))
        if name in facts.FACTS
    )
    assert not formatted_facts, (
        f"{path.name}: facts are text as their source states them; a format spec cannot "
        f"apply to them: {formatted_facts}"
    )
    missing = sorted(used_glue(path) - set(records))
    assert not missing, (
        f"{path.name}: prose shows glue that no stored output records: {missing}"
    )
    for name, text in records.items():
        assert not text.startswith(("np.", "array(")), (
            f"{path.name}: glue {name!r} recorded {text!r}, which a format spec cannot "
            f"read; glue a Python number (course_lib.glue converts NumPy scalars)"
        )
        if name in facts.FACTS:
            # myst-nb shows a record through ast.literal_eval: "'1,000'" -> 1,000, "1,000" -> (1, 0)
            try:
                shown = ast.literal_eval(text)
            except (ValueError, SyntaxError):
                shown = text
            shown = str(shown)  # what the page shows
            assert shown == facts.fact(name).text, (
                f"{path.name}: glued fact {name!r} shows {shown!r}, the facts table says "
                f"{facts.fact(name).text!r}; re-run the notebook"
            )


def test_glue_names_are_unique_across_the_book():
    """A name glued in two notebooks with different values would confuse readers of both."""
    seen = {}
    for path in NOTEBOOKS:
        for name, text in glued(path).items():
            if name in facts.FACTS:
                continue  # a fact may be glued by every chapter that quotes it
            assert name not in seen, (
                f"glue name {name!r} is used by {seen[name]} and {path.name}"
            )
            seen[name] = path.name


def test_lecture_notes_are_named_not_labelled():
    sources = [
        *NOTEBOOKS,
        *PAGES,
        *ROOT.glob("course_lib/**/*.py"),
        *ROOT.glob("tests/**/*.py"),
    ]
    sources += [ROOT / "CONTRIBUTING.md", ROOT / "README.md"]
    for path in sources:
        if path == Path(__file__):
            continue
        text = path.read_text(encoding="utf-8")
        if (
            path.suffix == ".ipynb"
        ):  # sources only: stored outputs are checked by re-running
            text = "\n".join("".join(c["source"]) for c in _cells(path))
        match = FILE_LABEL.search(text)
        assert not match, (
            f"{path.relative_to(ROOT)} names lecture notes by a file label "
            f"({match.group(0)!r}); cite them by name (course_lib._notes, references.bib)"
        )


CROSS_REFERENCE = re.compile(r"\b(?:[Cc]hapters?|[Ll]abs?|Part)\s+(?:\d+|[IV]+)\b")
ROLE = re.compile(r"\{(?:doc|ref|numref)\}`[^`]*`")


@pytest.mark.parametrize(
    "path", _with_pending(NOTEBOOKS, PENDING_LINKS), ids=lambda p: p.stem
)
def test_cross_references_are_links_the_build_checks(path):
    """'chapter 10', 'Part IV' or 'lab 3' as plain text can point at nothing; a {doc} or {ref}
    role is checked by the build (-n -W) and shows the chapter's number and title."""
    found = []
    for index, cell in enumerate(_cells(path)):
        if cell["cell_type"] != "markdown":
            continue
        text = ROLE.sub("", "".join(cell["source"]))
        text = re.sub(
            r"^#+ .*$", "", text, flags=re.MULTILINE
        )  # a title may name a Part
        found += [
            f"cell {index}: {m.group(0)!r}" for m in CROSS_REFERENCE.finditer(text)
        ]
    assert not found, (
        f"{path.name}: plain-text cross-references {found[:5]}; use {{doc}}"
    )
