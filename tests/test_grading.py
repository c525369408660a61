"""End to end: `make assignments` and `make grade` on a class of submissions, on a loaded machine.

The class holds what real students send (correct work, noisy correct work, partial,
empty, wrong types, syntax errors, exceptions, endless loops, a loop that swallows
KeyboardInterrupt, os._exit, 50 MB of output, a renamed cell id, bad files) and what a
cheating or malicious student tries (an IPython input transformer, patching course_lib,
an int whose == is always True, reading the sources and the gradebook, writing into
classmates' files, a background process that outlives its cell, killing the grader).
Each gets exactly the score its work earns, computed here from the grader's own
expected values, while two CPU-burning processes load both cores.
"""

from __future__ import annotations

import copy
import csv
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
GRADING = ROOT / "grading"
SOURCE = GRADING / "source"
ASSIGNMENTS = sorted(p.name for p in SOURCE.iterdir() if p.is_dir())
SOLUTION_BLOCK = re.compile(
    r"[ \t]*### BEGIN SOLUTION\n(.*?)[ \t]*### END SOLUTION\n?", re.S
)
STEP_CPU = 15  # CPU seconds per cell in this test (honest cells here use under 5)
pytestmark = pytest.mark.skipif(
    shutil.which("bwrap") is None or os.geteuid() != 0,
    reason="the autograder needs bubblewrap and root (make sandbox-deps)",
)


def _course_modules():
    sys.path.insert(0, str(GRADING))
    from autograder import grade, variants

    return grade, variants


def make(course: Path, *args: str) -> subprocess.CompletedProcess:
    result = subprocess.run(
        ["make", "--no-print-directory", "-C", str(ROOT), f"COURSE={course}", *args],
        capture_output=True,
        text=True,
        timeout=1500,
    )
    assert result.returncode == 0, (
        f"make {' '.join(args)} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    )
    return result


# --- building submissions --------------------------------------------------------------------------
def _cells_by_id(nb):
    return {c.metadata.get("nbgrader", {}).get("grade_id"): c for c in nb.cells}


def solutions(course: Path, assignment: str, student: str) -> dict[str, str]:
    """grade_id -> the instructor's solution for this student's variant (markers removed)."""
    grade, variants = _course_modules()
    grader = grade.load_grader(course, assignment)
    params = variants.parameters(
        grader, variants.read_secret(course), assignment, student
    )
    (path,) = (course / "source" / assignment).glob("*.ipynb")
    source = variants.render_notebook(nbformat.read(path, as_version=4), params)
    return {
        c.metadata["nbgrader"]["grade_id"]: SOLUTION_BLOCK.sub(
            lambda m: m.group(1), c.source
        )
        for c in source.cells
        if c.metadata.get("nbgrader", {}).get("solution")
    }


def handout(course: Path, assignment: str, student: str):
    grade, _ = _course_modules()
    name = grade.load_grader(course, assignment).NOTEBOOK
    return name, nbformat.read(
        course / "variants" / student / assignment / name, as_version=4
    )


def submit(
    course,
    student,
    assignment,
    answers=None,
    extra_after=None,
    edit=None,
    raw=None,
    name=None,
):
    """Write a submission: the student's handout with some answer cells replaced."""
    folder = course / "submitted" / student / assignment
    folder.mkdir(parents=True, exist_ok=True)
    if raw is not None:
        (folder / (name or "counting.ipynb")).write_bytes(raw)
        return
    nb_name, nb = handout(course, assignment, student)
    nb = copy.deepcopy(nb)
    cells = _cells_by_id(nb)
    for gid, text in (answers or {}).items():
        cells[gid].source = text
    for gid, text in (extra_after or {}).items():
        nb.cells.insert(nb.cells.index(cells[gid]) + 1, nbformat.v4.new_code_cell(text))
    if edit:
        edit(nb)
    nbformat.write(nb, folder / (name or nb_name))


def full(course, student, assignment, **changes):
    return {**solutions(course, assignment, student), **changes}


# --- the class -------------------------------------------------------------------------------------
PS1 = "ps1_counting"
NOISY = (
    "import sys, warnings, logging\nprint('working on it')\nprint('a note', file=sys.stderr)\n"
    "warnings.warn('careful')\nlogging.warning('logged')\n"
)
ATTACK_FILES = """
import io
stolen = []
for path in {paths!r}:
    for mode in ("rb", "r+b"):
        try:
            with io.FileIO(path, mode) as f:
                stolen.append(f.read(100))
                f.seek(0)
                f.write(b"0wned")
        except OSError:
            pass
print("got", len(stolen))
"""
BACKGROUND = """
import posix, time, io
if posix.fork() == 0:
    posix.setsid()
    for _ in range(40):
        time.sleep(0.25)
        for path in {paths!r}:
            try:
                io.FileIO(path, "ab").write(b"late")
            except OSError:
                pass
    posix._exit(0)
"""


def build_class(course: Path) -> dict[str, str]:
    """Every submission; returns student -> the assignment it was made for."""
    made = {}

    def add(student, assignment=PS1, **kw):
        submit(course, student, assignment, **kw)
        made[student] = assignment

    for assignment in ASSIGNMENTS:
        submit(
            course, "perfect", assignment, answers=full(course, "perfect", assignment)
        )
    sol = lambda s, **kw: full(course, s, PS1, **kw)  # noqa: E731
    add("noisy", answers={gid: NOISY + src for gid, src in sol("noisy").items()})
    add(
        "partial",
        answers={
            k: v for k, v in sol("partial").items() if k in ("q1-answer", "q2-answer")
        },
    )
    add("empty")
    add(
        "wrong_types",
        answers=sol(
            "wrong_types",
            **{
                "q1-answer": "def conv_output_size(w, f, s, p):\n    return (w - f + 2 * p) / s + 1",
                "q2-answer": "split_conv_params = '12345'",
                "q3-answer": "vgg_block_activations = 0.5",
            },
        ),
    )
    add(
        "syntax_error",
        answers=sol("syntax_error", **{"q3-answer": "vgg_block_activations = = 3"}),
    )
    add(
        "exception",
        answers=sol(
            "exception",
            **{
                "q1-answer": "def conv_output_size(w, f, s, p):\n    raise RuntimeError('oops')"
            },
        ),
    )
    add("endless", answers=sol("endless", **{"q2-answer": "while True:\n    pass"}))
    add(
        "swallows_interrupt",
        answers=sol(
            "swallows_interrupt",
            **{
                "q4-answer": (
                    "while True:\n    try:\n        while True:\n            pass\n    except BaseException:\n        pass"
                )
            },
        ),
    )
    add("exits", answers=sol("exits", **{"q3-answer": "import os\nos._exit(0)"}))
    add(
        "floods_output",
        answers=sol(
            "floods_output",
            **{
                "q5-answer": (
                    "import sys\nprint('x' * 50_000_000)\nsys.__stdout__.write('y' * 50_000_000)\n"
                    + solutions(course, PS1, "floods_output")["q5-answer"]
                )
            },
        ),
    )

    def rename(nb):
        _cells_by_id(nb)["q4-answer"].metadata["nbgrader"]["grade_id"] = "my-answer"

    add("renamed_id", answers=sol("renamed_id"), edit=rename)
    made["public_solution"] = (
        PS1  # handed in by the fixture: the repository's default-variant answers
    )
    # Cheating and attacks.
    add(
        "transformer",
        answers={
            "q1-answer": (
                "ip = get_ipython()\nip.input_transformers_cleanup.append(lambda lines: [])\n"
                "def conv_output_size(w, f, s, p):\n    return 0"
            )
        },
    )
    add(
        "patches_course_lib",
        answers=sol(
            "patches_course_lib",
            **{
                "q1-answer": (
                    "import course_lib.arithmetic as A\nA.conv_output_size = lambda *a, **k: 0\n"
                    "def conv_output_size(w, f, s, p):\n    return A.conv_output_size(w, f, s, p)"
                )
            },
        ),
    )
    add(
        "always_equal",
        answers=sol(
            "always_equal",
            **{
                "q2-answer": (
                    "class Always(int):\n    def __eq__(self, other):\n        return True\n    __hash__ = int.__hash__\n"
                    "split_conv_params = Always(0)"
                )
            },
        ),
    )
    add(
        "reads_sources",
        answers=sol(
            "reads_sources",
            **{
                "q2-answer": ATTACK_FILES.format(
                    paths=[
                        str(course / "source" / PS1 / "counting.ipynb"),
                        str(course / "gradebook.db"),
                        str(GRADING / "graders" / "ps1_counting.py"),
                        str(course / ".course_secret"),
                        "/proc/1/environ",
                    ]
                )
                + "\nsplit_conv_params = 0"
            },
        ),
    )
    victims = [
        str(course / "submitted" / "perfect" / PS1 / "counting.ipynb"),
        str(course / "gradebook.db"),
        str(course / "grades.csv"),
        str(course / "feedback"),
    ]
    add(
        "writes_classmates",
        answers=sol("writes_classmates"),
        extra_after={"q5-answer": ATTACK_FILES.format(paths=victims)},
    )
    add(
        "background",
        answers=sol("background"),
        extra_after={"q1-answer": BACKGROUND.format(paths=victims)},
    )
    add(
        "kills_grader",
        answers=sol(
            "kills_grader",
            **{
                "q3-answer": (
                    "import posix\nfor pid in range(1, 5000):\n    try:\n        posix.kill(pid, 9)\n"
                    "    except OSError:\n        pass"
                )
            },
        ),
    )
    add(
        "edits_test_cell",
        answers=sol("edits_test_cell", **{"q2-answer": "split_conv_params = 1"}),
        edit=lambda nb: setattr(_cells_by_id(nb)["q2-tests"], "source", "assert True"),
    )
    # Bad files.
    add("not_json", raw=b"{ this is not json")
    add("not_utf8", raw='{"cells": [], "note": "caf\u00e9"}'.encode("latin-1"))
    folder = course / "submitted" / "two_notebooks" / PS1
    folder.mkdir(parents=True)
    for name in ("a.ipynb", "b.ipynb"):
        nbformat.write(handout(course, PS1, "two_notebooks")[1], folder / name)
    made["two_notebooks"] = PS1
    (course / "submitted" / "no_notebook" / PS1).mkdir(parents=True)
    (course / "submitted" / "no_notebook" / PS1 / "notes.txt").write_text("I forgot")
    made["no_notebook"] = PS1
    # ps2 and ps3: a block without its shortcut; a forward pass of zeros; Keras in a NumPy question.
    shortcutless = (
        "def residual_block(x, filters, stride=1):\n"
        "    y = layers.Conv2D(filters, 3, strides=stride, padding='same', use_bias=False)(x)\n"
        "    y = layers.BatchNormalization()(y)\n    y = layers.Activation('relu')(y)\n"
        "    y = layers.Conv2D(filters, 3, padding='same', use_bias=False)(y)\n"
        "    y = layers.BatchNormalization()(y)\n    return layers.Activation('relu')(y)"
    )
    add(
        "no_shortcut",
        "ps2_blocks",
        answers=full(
            course, "no_shortcut", "ps2_blocks", **{"q1-answer": shortcutless}
        ),
    )
    zeros = {
        "q1-answer": "def conv_forward(x, w, b, stride=1, pad=0):\n    return np.zeros(1)",
        "q2-answer": "def conv_backward(dout, x, w, stride=1, pad=0):\n"
        "    return np.zeros_like(x), np.zeros_like(w), np.zeros(w.shape[0])",
    }
    add("zeros", "ps3_conv_numpy", answers=zeros)
    add(
        "uses_keras",
        "ps3_conv_numpy",
        answers=full(
            course,
            "uses_keras",
            "ps3_conv_numpy",
            **{
                "q1-answer": (
                    "import keras\ndef conv_forward(x, w, b, stride=1, pad=0):\n"
                    "    return keras.ops.convert_to_numpy(keras.ops.conv(x, w, strides=stride)) + b"
                )
            },
        ),
    )
    return made


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    course = tmp_path_factory.mktemp("course")
    shutil.copy(GRADING / "nbgrader_config.py", course)
    for folder in ("source", "graders", "autograder"):
        shutil.copytree(
            GRADING / folder,
            course / folder,
            ignore=shutil.ignore_patterns("__pycache__"),
        )
    students = [
        "perfect",
        "noisy",
        "partial",
        "empty",
        "wrong_types",
        "syntax_error",
        "exception",
        "endless",
        "swallows_interrupt",
        "exits",
        "floods_output",
        "renamed_id",
        "public_solution",
        "transformer",
        "patches_course_lib",
        "always_equal",
        "reads_sources",
        "writes_classmates",
        "background",
        "kills_grader",
        "edits_test_cell",
        "two_notebooks",
        "no_notebook",
        "not_json",
        "not_utf8",
        "no_shortcut",
        "zeros",
        "uses_keras",
    ]
    (course / "students.csv").write_text(
        "id,first_name,last_name,email\n" + "".join(f"{s},,,\n" for s in students)
    )
    make(course, "assignments")
    made = build_class(course)
    # The public solution: the repository's default-variant answers, handed in by a student with another variant.
    submit(course, "public_solution", PS1, answers=_public_solutions())
    before = {p: _digest(p) for p in (course / "submitted").rglob("*") if p.is_file()}
    burners = [
        subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(2)
    ]
    try:
        logs = {}
        for assignment in ASSIGNMENTS:
            start = time.monotonic()
            logs[assignment] = make(
                course, "grade", f"A={assignment}", "JOBS=2", f"STEP_CPU={STEP_CPU}"
            )
            logs[assignment].seconds = time.monotonic() - start
    finally:
        for burner in burners:
            burner.kill()
    time.sleep(11)  # longer than the background attacker's 10 s of trying
    with open(course / "grades.csv", newline="") as f:
        grades = {
            (row["assignment"], row["student_id"]): (
                float(row["score"]),
                float(row["max_score"]),
            )
            for row in csv.DictReader(f)
        }
    reports = {
        a: {
            r["student"]: r
            for r in json.loads((course / "reports" / f"{a}.json").read_text())
        }
        for a in ASSIGNMENTS
    }
    return {
        "course": course,
        "grades": grades,
        "reports": reports,
        "logs": logs,
        "made": made,
        "before": before,
        "grades_digest": _digest(course / "grades.csv"),
        "gradebook_digest": _digest(course / "gradebook.db"),
    }


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _public_solutions() -> dict[str, str]:
    grade, variants = _course_modules()
    grader = grade.load_grader(GRADING, PS1)
    source = variants.render_notebook(
        nbformat.read(SOURCE / PS1 / "counting.ipynb", as_version=4), grader.DEFAULT
    )
    return {
        c.metadata["nbgrader"]["grade_id"]: SOLUTION_BLOCK.sub(
            lambda m: m.group(1), c.source
        )
        for c in source.cells
        if c.metadata.get("nbgrader", {}).get("solution")
    }


# --- expected scores, from the grader's own definitions --------------------------------------------
def _grader(assignment):
    grade, _ = _course_modules()
    return grade.load_grader(GRADING, assignment)


def points(assignment, *test_cells) -> float:
    return sum(
        q.points
        for q in _grader(assignment).QUESTIONS
        if not test_cells or q.test_cell in test_cells
    )


def value_points(assignment, name) -> float:
    return next(
        v.points
        for q in _grader(assignment).QUESTIONS
        if hasattr(q, "values")
        for v in q.values
        if v.name == name
    )


def score(graded, student, assignment=PS1):
    return graded["grades"][(assignment, student)][0]


FULL = points(PS1)
EXPECTED_PS1 = {
    "perfect": FULL,
    "noisy": FULL,
    "partial": points(PS1, "q1-tests", "q2-tests"),
    "empty": 0,
    "wrong_types": FULL - points(PS1, "q1-tests", "q2-tests", "q3-tests"),
    "syntax_error": FULL - points(PS1, "q3-tests"),
    "exception": FULL - points(PS1, "q1-tests"),
    "endless": FULL - points(PS1, "q2-tests"),
    "swallows_interrupt": FULL - points(PS1, "q4-tests"),
    "exits": FULL - points(PS1, "q3-tests"),
    "floods_output": FULL,
    "renamed_id": FULL,
    "transformer": 0,
    "patches_course_lib": FULL - points(PS1, "q1-tests"),
    "always_equal": FULL - points(PS1, "q2-tests"),
    "reads_sources": FULL - points(PS1, "q2-tests"),
    "writes_classmates": FULL,
    "background": FULL,
    "kills_grader": FULL - points(PS1, "q3-tests"),
    "edits_test_cell": FULL - points(PS1, "q2-tests"),
    "two_notebooks": 0,
    "no_notebook": 0,
    "not_json": 0,
    "not_utf8": 0,
}


@pytest.mark.parametrize("student", sorted(EXPECTED_PS1))
def test_each_submission_gets_its_fair_score(graded, student):
    assert score(graded, student) == EXPECTED_PS1[student], graded["reports"][PS1][
        student
    ]


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_instructor_solutions_get_full_marks_on_every_variant(graded, assignment):
    assert graded["grades"][(assignment, "perfect")] == (
        points(assignment),
        points(assignment),
    )


def test_variants_differ_between_students(graded):
    _, variants = _course_modules()
    secret = variants.read_secret(graded["course"])
    params = [variants.parameters(_grader(PS1), secret, PS1, s) for s in graded["made"]]
    assert len({json.dumps(p, sort_keys=True) for p in params}) > len(params) // 2


def test_public_solution_does_not_answer_another_variant(graded):
    _, variants = _course_modules()
    grader = _grader(PS1)
    mine = variants.parameters(
        grader, variants.read_secret(graded["course"]), PS1, "public_solution"
    )
    # Only the questions whose numbers happen to coincide with the public variant's can score.
    expected = points(PS1, "q1-tests") + sum(
        v.points
        for q in grader.QUESTIONS
        if hasattr(q, "values")
        for v in q.values
        if v.expected(mine) == v.expected(grader.DEFAULT)
    )
    assert score(graded, "public_solution") == expected < FULL
    assert any(
        p.get("flag") == "default-variant"
        for parts in graded["reports"][PS1]["public_solution"]["parts"].values()
        for p in parts
    )


def test_noisy_output_is_kept_as_feedback_not_scored(graded):
    html = (graded["course"] / "feedback" / "noisy" / PS1 / "counting.html").read_text()
    assert "working on it" in html and "careful" in html and "logged" in html


def test_timeouts_and_exits_are_reported(graded):
    notes = {
        s: " ".join(graded["reports"][PS1][s]["notes"])
        for s in ("endless", "swallows_interrupt", "exits", "kills_grader")
    }
    assert f"stopped after {STEP_CPU:g} CPU seconds" in notes["endless"]
    assert f"stopped after {STEP_CPU:g} CPU seconds" in notes["swallows_interrupt"]
    assert (
        "ended the Python process" in notes["exits"]
        and "ended the Python process" in notes["kills_grader"]
    )


@pytest.mark.parametrize(
    "student,needle",
    [
        ("transformer", "get_ipython"),
        ("patches_course_lib", "course_lib"),
        ("uses_keras", "keras"),
    ],
)
def test_forbidden_code_is_flagged_and_scores_zero(graded, student, needle):
    assignment = graded["made"][student]
    report = graded["reports"][assignment][student]
    assert any(needle in flag for flag in report["flags"]), report["flags"]


def test_other_problem_sets_judge_behaviour_not_counts(graded):
    assert score(graded, "no_shortcut", "ps2_blocks") == points("ps2_blocks") - points(
        "ps2_blocks", "q1-tests"
    )
    assert score(graded, "zeros", "ps3_conv_numpy") == 0
    assert score(graded, "uses_keras", "ps3_conv_numpy") == points(
        "ps3_conv_numpy", "q2-tests"
    )


def test_bad_files_get_a_clear_report_line(graded):
    errors = {
        s: graded["reports"][PS1][s]["error"]
        for s in ("not_json", "not_utf8", "two_notebooks", "no_notebook")
    }
    assert "not valid JSON" in errors["not_json"]
    assert "not UTF-8" in errors["not_utf8"]
    assert "none named counting.ipynb" in errors["two_notebooks"]
    assert (
        "no notebook submitted" in errors["no_notebook"]
        and "notes.txt" in errors["no_notebook"]
    )


def test_attacks_change_nothing_outside_the_sandbox(graded):
    course = graded["course"]
    after = {p: _digest(p) for p in (course / "submitted").rglob("*") if p.is_file()}
    assert after == graded["before"], "a submission changed a submitted file"
    assert _digest(course / "grades.csv") == graded["grades_digest"]
    assert _digest(course / "gradebook.db") == graded["gradebook_digest"], (
        "the gradebook changed after grading"
    )
    assert not any(
        b"0wned" in p.read_bytes() or b"late" in p.read_bytes()[-8:]
        for p in [course / "gradebook.db", course / "grades.csv"]
    )
    grade, _ = _course_modules()
    from autograder import sandbox

    alive = [
        pid
        for pid, (_, uid, _) in sandbox._proc_stats().items()
        if sandbox.UID_BASE <= uid < sandbox.UID_BASE + sandbox.UID_SLOTS
    ]
    assert not alive, "a sandboxed process outlived grading"


def test_every_student_in_the_report_and_the_export(graded):
    for assignment in ASSIGNMENTS:
        report = graded["reports"][assignment]
        exported = {s for (a, s) in graded["grades"] if a == assignment}
        assert set(report) <= exported
        for student, entry in report.items():
            assert (
                entry["recorded_score"]
                == entry["score"]
                == graded["grades"][(assignment, student)][0]
            )


def test_feedback_shows_no_grading_material(graded):
    course = graded["course"]
    grader_code = (GRADING / "graders" / "ps1_counting.py").read_text()
    secret_lines = {
        line.strip() for line in grader_code.splitlines() if len(line.strip()) > 30
    }
    report = graded["reports"][PS1]["edits_test_cell"]
    for html in (course / "feedback").rglob("*.html"):
        text = html.read_text()
        assert not [s for s in secret_lines if s in text], html
    wrong = next(p for p in report["parts"]["q2-tests"])
    assert wrong["score"] == 0


# --- no leaks --------------------------------------------------------------------------------------
def _secret_snippets():
    """Every non-trivial line of every solution, as the public default variant renders it."""
    snippets = set()
    for assignment in ASSIGNMENTS:
        grade, variants = _course_modules()
        grader = grade.load_grader(GRADING, assignment)
        (path,) = (SOURCE / assignment).glob("*.ipynb")
        for cell in nbformat.read(path, as_version=4).cells:
            for block in SOLUTION_BLOCK.findall(
                variants.render(cell.source, grader.DEFAULT)
            ):
                snippets |= {
                    line.strip()
                    for line in block.splitlines()
                    if len(line.strip()) > 25
                }
    return snippets


def _answer_values():
    """Problem set 1's answers for the public default variant, from the grader."""
    grader = _grader(PS1)
    values = {
        v.expected(grader.DEFAULT)
        for q in grader.QUESTIONS
        if hasattr(q, "values")
        for v in q.values
        if v.integer
    }
    return {f"{v}" for v in values} | {f"{v:,}" for v in values}


def test_student_versions_leak_nothing(graded):
    secrets, values = _secret_snippets(), _answer_values()
    assert secrets and values
    course = graded["course"]
    for path in list((course / "release").rglob("*.ipynb")) + list(
        (course / "variants").rglob("*.ipynb")
    ):
        text = path.read_text()
        assert "BEGIN SOLUTION" not in text and "{{" not in text
        leaked = [s for s in secrets if s in text] + [
            v for v in values if re.search(rf"\b{re.escape(v)}\b", text)
        ]
        if "variants" not in path.parts:
            assert not leaked, f"{path.name} leaks {leaked[:3]}"


def test_default_variant_matches_the_full_models():
    """Problem set 1's public answers are what course_lib.profile measures on the real networks."""
    import course_lib
    from course_lib.models import build

    grader = _grader(PS1)
    d = grader.DEFAULT
    vgg = course_lib.profile(build("vgg16")).rows
    assert grader.vgg_block_activations(d) == sum(
        r.activations for r in vgg if r.name.startswith("block3_")
    )
    googlenet = course_lib.profile(build("googlenet")).rows
    assert grader.inception_params(d) == sum(
        r.params for r in googlenet if r.name.startswith("inception_4a_")
    )


def test_book_html_leaks_nothing():
    html_root = ROOT / "_build" / "html"
    pages = list(html_root.rglob("*.html"))
    assert pages, "build the book first (make test does)"
    secrets, values = _secret_snippets(), _answer_values()
    for page in pages:
        text = page.read_text(errors="ignore")
        leaked = [s for s in secrets if s in text] + [
            v for v in values if re.search(rf"\b{re.escape(v)}\b", text)
        ]
        assert not leaked, f"{page.relative_to(html_root)} leaks {leaked[:3]}"
