"""End to end: generate the student versions, autograde a class of submissions, export grades.

The submissions cover what a real class sends: full solutions, untouched
notebooks, partial work, an edited read-only test cell, and code that raises,
loops forever or calls sys.exit. Each must get exactly the marks it earns,
and none may disturb the grading of the others.
"""
from __future__ import annotations

import copy
import csv
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "grading" / "source"
ASSIGNMENTS = sorted(p.name for p in SOURCE.iterdir() if p.is_dir())
STUB = "# YOUR CODE HERE\nraise NotImplementedError()"
# Markers may be indented (inside a function); the marker lines go, their contents stay.
SOLUTION_BLOCK = re.compile(r"[ \t]*### BEGIN SOLUTION\n(.*?)[ \t]*### END SOLUTION\n?", re.S)
HIDDEN_BLOCK = re.compile(r"[ \t]*### BEGIN HIDDEN TESTS\n(.*?)[ \t]*### END HIDDEN TESTS\n?", re.S)


def nbgrader(course: Path, *args: str) -> subprocess.CompletedProcess:
    # nbgrader starts `alembic` and kernels as subprocesses: the venv's bin must be on PATH.
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    result = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=course, env=env,
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, f"nbgrader {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
    return result


def _grade_id(cell) -> str | None:
    return cell.metadata.get("nbgrader", {}).get("grade_id")


def _source_cells(assignment: str):
    """The cells of an assignment's one source notebook (the instructor's version)."""
    (path,) = (SOURCE / assignment).glob("*.ipynb")
    return nbformat.read(path, as_version=4).cells


def _solutions(assignment: str) -> dict[str, str]:
    """grade_id -> the instructor's solution code (markers removed, indentation kept)."""
    out = {}
    for cell in _source_cells(assignment):
        if cell.metadata.get("nbgrader", {}).get("solution"):
            out[_grade_id(cell)] = SOLUTION_BLOCK.sub(lambda m: m.group(1), cell.source)
    return out


def _released(course: Path, assignment: str):
    (path,) = (course / "release" / assignment).glob("*.ipynb")
    return path.name, nbformat.read(path, as_version=4)


def _submission(course, assignment, answers: dict[str, str] | None = None, tests: dict[str, str] | None = None):
    """The student version with some answer cells (and, for tampering, test cells) replaced."""
    name, nb = _released(course, assignment)
    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        gid = _grade_id(cell)
        if answers and gid in answers:
            cell.source = answers[gid]
        if tests and gid in tests:
            cell.source = tests[gid]
    return name, nb


def _submit(course, student, assignment, name, nb):
    folder = course / "submitted" / student / assignment
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, folder / name)


@pytest.fixture(scope="module")
def graded_course(tmp_path_factory):
    course = tmp_path_factory.mktemp("course")
    shutil.copy(ROOT / "grading" / "nbgrader_config.py", course)
    shutil.copytree(SOURCE, course / "source")
    for assignment in ASSIGNMENTS:
        nbgrader(course, "generate_assignment", assignment, "--force")

    for assignment in ASSIGNMENTS:
        solutions = _solutions(assignment)
        _submit(course, "perfect", assignment, *_submission(course, assignment, solutions))
        _submit(course, "untouched", assignment, *_submission(course, assignment))

    ps1 = _solutions("ps1_counting")
    _submit(course, "partial", "ps1_counting",
            *_submission(course, "ps1_counting", {k: ps1[k] for k in ("q1-answer", "q2-answer")}))
    # A wrong answer, and the test cell that would catch it replaced by one that passes.
    _submit(course, "tamperer", "ps1_counting", *_submission(
        course, "ps1_counting", {**ps1, "q2-answer": "alexnet_conv2_split_params = 1"},
        tests={"q2-tests": "assert True"}))
    # Code that raises, hangs and exits, next to correct answers.
    chaos = {**ps1,
             "q1-answer": "def conv_output_size(w, f, s, p):\n    raise RuntimeError('oops')",
             "q2-answer": "while True:\n    pass",
             "q3-answer": "import sys\nsys.exit(1)"}
    _submit(course, "chaos", "ps1_counting", *_submission(course, "ps1_counting", chaos))

    logs = {a: nbgrader(course, "autograde", a, "--create", "--force") for a in ASSIGNMENTS}
    nbgrader(course, "generate_feedback", "ps1_counting", "--force")
    nbgrader(course, "export")
    with open(course / "grades.csv", newline="") as f:
        grades = {(row["assignment"], row["student_id"]): (float(row["score"]), float(row["max_score"]))
                  for row in csv.DictReader(f)}
    return course, grades, logs


def _points(assignment: str, *grade_ids: str) -> float:
    """Points of the named test cells, or of every graded cell when none is named."""
    return sum(float(c.metadata["nbgrader"].get("points", 0)) for c in _source_cells(assignment)
               if c.metadata["nbgrader"].get("grade") and (not grade_ids or _grade_id(c) in grade_ids))


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_solutions_get_full_marks(graded_course, assignment):
    _, grades, _ = graded_course
    score, max_score = grades[(assignment, "perfect")]
    assert max_score == _points(assignment) > 0
    assert score == max_score


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_untouched_student_version_gets_zero(graded_course, assignment):
    _, grades, _ = graded_course
    assert grades[(assignment, "untouched")][0] == 0


def test_partial_work_gets_partial_marks(graded_course):
    _, grades, _ = graded_course
    assert grades[("ps1_counting", "partial")][0] == _points("ps1_counting", "q1-tests", "q2-tests")


def test_edited_test_cell_is_detected_and_restored(graded_course):
    _, grades, logs = graded_course
    log = logs["ps1_counting"].stdout + logs["ps1_counting"].stderr
    assert re.search(r"Attribute 'checksum' for cell q2-tests has changed", log)
    expected = _points("ps1_counting") - _points("ps1_counting", "q2-tests")
    assert grades[("ps1_counting", "tamperer")][0] == expected


def test_raising_looping_and_exiting_cells_lose_only_their_marks(graded_course):
    _, grades, _ = graded_course
    lost = _points("ps1_counting", "q1-tests", "q2-tests", "q3-tests")
    assert grades[("ps1_counting", "chaos")][0] == _points("ps1_counting") - lost
    assert grades[("ps1_counting", "perfect")][0] == _points("ps1_counting")   # a neighbour is unaffected


def test_feedback_is_generated(graded_course):
    course, _, _ = graded_course
    reports = list((course / "feedback").rglob("*.html"))
    assert {p.parts[-3] for p in reports} >= {"perfect", "untouched", "chaos"}


# --- no leaks ------------------------------------------------------------------------------------
def _secret_snippets():
    """Every non-trivial line of every solution block and hidden test, from the sources."""
    snippets = set()
    for path in SOURCE.rglob("*.ipynb"):
        for cell in nbformat.read(path, as_version=4).cells:
            for block in SOLUTION_BLOCK.findall(cell.source) + HIDDEN_BLOCK.findall(cell.source):
                snippets |= {line.strip() for line in block.splitlines() if len(line.strip()) > 25}
    return snippets


def _answer_values():
    """The numeric answers of problem set 1, computed by course_lib."""
    from course_lib import arithmetic as A

    values = {A.conv_params(96, 256, 5, groups=4),
              A.depthwise_conv_macs(56, 128, 3) + A.conv_macs(56, 128, 128, 1),
              3 * 56 * 56 * 256 + 28 * 28 * 256}
    return {f"{v}" for v in values} | {f"{v:,}" for v in values}


def test_student_versions_leak_nothing(graded_course):
    course, _, _ = graded_course
    secrets, values = _secret_snippets(), _answer_values()
    assert secrets and values
    for path in (course / "release").rglob("*.ipynb"):
        text = path.read_text()
        assert "BEGIN SOLUTION" not in text and "BEGIN HIDDEN TESTS" not in text
        leaked = [s for s in secrets if s in text] + [v for v in values if re.search(rf"\b{re.escape(v)}\b", text)]
        assert not leaked, f"{path.name} leaks {leaked[:3]}"


def test_book_html_leaks_nothing():
    html_root = ROOT / "_build" / "html"
    pages = list(html_root.rglob("*.html"))
    assert pages, "build the book first (make test does)"
    secrets, values = _secret_snippets(), _answer_values()
    for page in pages:
        text = page.read_text(errors="ignore")
        leaked = [s for s in secrets if s in text] + [v for v in values if re.search(rf"\b{re.escape(v)}\b", text)]
        assert not leaked, f"{page.relative_to(html_root)} leaks {leaked[:3]}"
