"""The book's structure: every notebook listed, executed, and pointing at one repository."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import nbformat
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted([*ROOT.glob("notebooks/*.ipynb"), *ROOT.glob("labs/*.ipynb")])


def _toc_files(node) -> list[str]:
    files = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("file", "root"):
                files.append(value)
            else:
                files.extend(_toc_files(value))
    elif isinstance(node, list):
        for item in node:
            files.extend(_toc_files(item))
    return files


TOC = _toc_files(yaml.safe_load((ROOT / "_toc.yml").read_text()))
CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text())
REPO_URL = CONFIG["repository"]["url"]


def _rel(path: Path) -> str:
    return path.relative_to(ROOT).with_suffix("").as_posix()


def test_there_is_at_least_one_chapter():
    assert NOTEBOOKS, "no notebooks found in notebooks/ or labs/"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_rel)
def test_notebook_is_in_the_toc(path):
    assert _rel(path) in TOC, f"{_rel(path)} is missing from _toc.yml"


@pytest.mark.parametrize("entry", TOC)
def test_toc_entries_exist(entry):
    matches = [p for p in ROOT.glob(entry + ".*") if p.suffix in (".md", ".ipynb")]
    assert matches, f"_toc.yml lists {entry}, which does not exist"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_rel)
def test_notebook_has_stored_outputs_from_a_full_run(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert any(c["outputs"] for c in code), f"{_rel(path)} has no stored outputs"
    counts = [c["execution_count"] for c in code]
    assert None not in counts, f"{_rel(path)} has cells that were never executed"
    assert counts == list(range(1, len(code) + 1)), (
        f"{_rel(path)} was not run top to bottom in one go"
    )
    errors = [o for c in code for o in c["outputs"] if o["output_type"] == "error"]
    assert not errors, f"{_rel(path)} stores an error output"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_rel)
def test_notebook_metadata(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    assert nb["cells"][0]["cell_type"] == "markdown" and nb["cells"][0]["source"][
        0
    ].startswith("# "), "the first cell is the chapter title"
    budget = nb["metadata"].get("course", {}).get("time_budget_s")
    assert isinstance(budget, (int, float)) and 0 < budget <= 600, (
        "set metadata.course.time_budget_s"
    )
    checked = [
        c
        for c in nb["cells"]
        if "nbval-check-output" in c.get("metadata", {}).get("tags", [])
    ]
    assert checked, "tag the cells that state facts with nbval-check-output"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_rel)
def test_colab_install_cell_uses_the_repository_url(path):
    """The first code cell installs course_lib in Colab, from this repository."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    setup = "".join(next(c for c in nb["cells"] if c["cell_type"] == "code")["source"])
    assert "google.colab" in setup and f"git+{REPO_URL}" in setup


def test_repository_url_is_the_same_everywhere():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert project["project"]["urls"]["Repository"] == REPO_URL
    urls = set(
        re.findall(
            r"https://github\.com/[\w.-]+/[\w.-]+", (ROOT / "README.md").read_text()
        )
    )
    urls |= {
        u
        for p in ROOT.glob("book/*.md")
        for u in re.findall(r"https://github\.com/[\w.-]+/[\w.-]+", p.read_text())
    }
    assert urls == {REPO_URL}


def test_book_config_for_v1():
    assert CONFIG["execute"]["execute_notebooks"] == "off"
    buttons = CONFIG["launch_buttons"]
    assert buttons["colab_url"] == "https://colab.research.google.com"
    assert buttons["binderhub_url"] == "https://mybinder.org"
    assert "dollarmath" in CONFIG["parse"]["myst_enable_extensions"]


def test_package_never_pulls_tensorflow():
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"][
        "dependencies"
    ]
    assert not [d for d in deps if re.match(r"(tensorflow|tf-|jax|torch)", d, re.I)]
    reqs = (ROOT / "requirements.txt").read_text()
    for pinned in (
        "tensorflow==",
        "keras==",
        "jax[cpu]==",
        "jupyter-book==1.",
        "nbval==",
        "ipywidgets==",
        "matplotlib==",
    ):
        assert pinned in reqs, f"requirements.txt must pin {pinned}"


# --- exercises: each chapter asks its own registered exercises, and stores a passing solution of each ----
# A notebook asks an exercise with `check("<id>", answer)`; every Exercise knows the chapter it belongs to.
CHECK_CALL = re.compile(r"""\bcheck\(\s*["']([^"']+)["']""")


def _exercises_by_chapter() -> dict:
    """The registered exercises grouped by the chapter (notebook stem) each says it belongs to."""
    from course_lib.exercises import all_exercises

    chapters: dict = {}
    for ex in all_exercises():
        chapters.setdefault(ex.chapter, []).append(ex)
    return chapters


def _checked_ids(path: Path) -> list[str]:
    """The exercise ids a notebook's code cells pass to check()."""
    nb = nbformat.read(path, as_version=4)
    return [
        i
        for c in nb["cells"]
        if c["cell_type"] == "code"
        for i in CHECK_CALL.findall(c["source"])
    ]


def test_every_exercise_belongs_to_a_chapter_notebook():
    chapters = {p.stem for p in ROOT.glob("notebooks/*.ipynb")}
    strays = sorted(set(_exercises_by_chapter()) - chapters)
    assert not strays, (
        f"exercises registered for chapters that have no notebook: {strays}"
    )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_rel)
def test_a_notebook_checks_only_its_own_registered_exercises(path):
    from course_lib.exercises import all_exercises

    chapter_of = {ex.id: ex.chapter for ex in all_exercises()}
    asked = set(_checked_ids(path))
    unknown = sorted(asked - set(chapter_of))
    assert not unknown, (
        f"{_rel(path)} checks exercises that are not registered: {unknown}"
    )
    foreign = sorted(
        f"{i} ({chapter_of[i]})" for i in asked if chapter_of[i] != path.stem
    )
    assert not foreign, (
        f"{_rel(path)} checks exercises registered for another chapter: {foreign}"
    )


# Issue 6: at least 8 exercises per Part I chapter; issue 7: at least 6 per Part II chapter.
MIN_EXERCISES = {
    "01": 8,
    "02": 8,
    "03": 8,
    "04": 8,
    "05": 8,
    "06": 6,
    "07": 6,
    "08": 6,
    "09": 6,
    "10": 6,
    "11": 6,
    "12": 5,
    "13": 5,
    "14": 5,
    "15": 5,
    "16": 5,
    "17": 5,
}


@pytest.mark.parametrize("chapter", sorted(_exercises_by_chapter()))
def test_every_exercise_is_asked_and_its_solution_is_stored_correct(chapter):
    nb = nbformat.read(ROOT / "notebooks" / f"{chapter}.ipynb", as_version=4)
    exercises = _exercises_by_chapter()[chapter]
    assert len(exercises) >= MIN_EXERCISES.get(chapter[:2], 1)
    for ex in exercises:
        solution_cells = [
            c
            for c in nb["cells"]
            if c["cell_type"] == "code"
            # a worked solution that is a number is in the dropdown above, so its check is
            # removed from the page; a coding exercise's solution is the code, shown on request
            and {"remove-cell", "hide-input"} & set(c["metadata"].get("tags", []))
            and any(found == ex.id for found in CHECK_CALL.findall(c["source"]))
        ]
        assert len(solution_cells) == 1, (
            f"{chapter}: exercise {ex.id} needs exactly one solution check cell (removed from the page, or its code hidden)"
        )
        shown = "".join(
            o.get("text", "") or o.get("data", {}).get("text/plain", "")
            for o in solution_cells[0]["outputs"]
        )
        assert "Correct" in shown, (
            f"{chapter}: the stored solution of {ex.id} does not pass: {shown[:200]}"
        )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_rel)
def test_the_book_shows_no_placeholder_feedback_nor_a_second_solution(path):
    """On the static page a student has typed nothing, so a check of the placeholder would
    print "Not yet" under every exercise; and the cell that runs the worked solution through
    the check repeats the dropdown's answer. scripts/clean_notebooks.py tags both."""
    import sys

    sys.path.insert(0, str(ROOT / "scripts"))
    from clean_notebooks import tag_exercise_cells

    nb = nbformat.read(path, as_version=4)
    untagged = tag_exercise_cells(nb)
    assert not untagged, (
        f"{path.name}: {untagged} exercise cell(s) lack their book tags; "
        "run scripts/clean_notebooks.py on it"
    )


CHAPTERS_1_TO_17 = [
    p for p in sorted(ROOT.glob("notebooks/*.ipynb")) if 1 <= int(p.name[:2]) <= 17
]
PROBLEM = re.compile(r"^\*\*Problem (\d+)\.\*\*", re.MULTILINE)


def _problems(path: Path) -> list[int]:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    text = "\n".join(
        "".join(c["source"]) for c in cells if c["cell_type"] == "markdown"
    )
    assert "## Problems" in text, f"{path.name} has no Problems section"
    return [int(n) for n in PROBLEM.findall(text[text.index("## Problems") :])]


@pytest.mark.parametrize("path", CHAPTERS_1_TO_17, ids=lambda p: p.stem)
def test_every_chapter_ends_with_open_problems_that_instructors_have_notes_for(path):
    numbers = _problems(path)
    assert len(numbers) >= 4 and numbers == list(range(1, len(numbers) + 1)), numbers
    notes = (ROOT / "book" / "problem-notes.md").read_text(encoding="utf-8")
    section = re.search(
        rf"^## Chapter {path.name[:2]}\b.*?(?=^## |\Z)", notes, re.MULTILINE | re.DOTALL
    )
    assert section, f"book/problem-notes.md has no section for chapter {path.name[:2]}"
    assert [int(n) for n in PROBLEM.findall(section.group(0))] == numbers, (
        f"chapter {path.name[:2]}: the notes cover other problems than the chapter asks"
    )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_rel)
def test_every_figure_cell_has_alt_text_where_myst_nb_reads_it(path):
    """myst-nb reads a figure's alt text from metadata.mystnb.image.alt; an "image" key beside
    "mystnb" is silently ignored, and the page then shows the file name as the alt text."""
    for cell in nbformat.read(path, as_version=4).cells:
        meta = cell.get("metadata", {})
        assert "image" not in meta, (
            f"{path.name}: cell {cell.get('id')}: move 'image' into 'mystnb'"
        )
        if "figure" in meta.get("mystnb", {}):
            alt = meta["mystnb"].get("image", {}).get("alt", "")
            assert len(alt) > 20, (
                f"{path.name}: figure cell {cell.get('id')} has no alt text"
            )


# pyproject.toml's line-length: what fits a book page and a Colab cell
CODE_LINE_LIMIT = 88


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_rel)
def test_code_lines_fit_the_page(path):
    """ruff format keeps code within the limit (make lint checks notebooks too); comments and
    strings it cannot wrap, scripts/wrap_long_lines.py wraps without changing the code."""
    nb = nbformat.read(path, as_version=4)
    long = [
        f"cell {index}: {line.strip()[:60]}..."
        for index, cell in enumerate(nb.cells)
        if cell.cell_type == "code"
        for line in cell.source.split("\n")
        if len(line) > CODE_LINE_LIMIT
    ]
    assert not long, (
        f"{path.name}: {len(long)} code line(s) over {CODE_LINE_LIMIT} characters "
        f"(run ruff format, then scripts/wrap_long_lines.py): {long[:3]}"
    )
