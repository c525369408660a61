"""Instant-feedback exercises: right answers pass, slips get targeted hints, nothing raises."""

import re
import ast
import subprocess
import sys
from pathlib import Path

import pytest

from course_lib import arithmetic as A
from course_lib.exercises import (
    Exercise,
    all_exercises,
    check,
    exercise,
    exercises_for,
    register_exercise,
)
from course_lib.exercises.getting_started import COUNTING


def test_right_answers_pass():
    assert check("alexnet-conv1-params", 34_944)  # Pedersen's notes: conv1 34,944
    assert check("alexnet-conv1-shape", (55, 55, 96))  # Das's notes: [55x55x96]
    assert check("alexnet-fc6-params", 37_752_832)  # Pedersen's notes: FC-6 37,752,832
    assert check("inception-naive-macs", 854_196_224)  # Das's notes: 854M ops
    assert check("stack-3x3-receptive-field", 9)
    assert check("separable-ratio", 1 / 256 + 1 / 9)


@pytest.mark.parametrize(
    "exercise_id, answer, hint",
    [
        ("alexnet-conv1-params", 34_848, "biases"),
        ("alexnet-conv1-params", 11_712, "3 input channels"),
        ("alexnet-conv1-shape", (54, 54, 96), "+1"),
        ("alexnet-conv1-shape", (55, 55, 3), "channels"),
        ("alexnet-conv1-shape", (55, 96), "axes"),
        ("vgg-conv3-64-macs", 2 * A.conv_macs(224, 64, 64, 3), "FLOPs"),
        ("vgg-conv3-64-macs", A.conv_macs(222, 64, 64, 3), "same"),
        ("inception-naive-macs", 854, "millions"),
        ("alexnet-fc6-params", 37_748_736, "biases"),
        ("stack-3x3-receptive-field", 12, "adds 2"),
        ("separable-ratio", 1 / (1 / 256 + 1 / 9), "invert"),
        ("pool1-shape", (28, 28, 96), "overlap"),
    ],
)
def test_common_slips_get_targeted_hints(exercise_id, answer, hint):
    feedback = check(exercise_id, answer)
    assert not feedback and hint in feedback.message


@pytest.mark.parametrize(
    "answer", [None, ..., "34944", 34944.5, True, [1, 2], {"a": 1}, object()]
)
def test_bad_answers_never_raise(answer):
    feedback = check("alexnet-conv1-params", answer)
    assert not feedback.correct and feedback.message


def test_unknown_exercise_does_not_raise():
    feedback = check("no-such-exercise", 1)
    assert not feedback and "unknown exercise" in feedback.message


def test_object_exercises_and_validator_errors():
    def validate(answer):
        return None if answer(2) == 4 else "square the input"

    ex = Exercise(
        "square-fn-test", "tests", "Write f(x) = x^2", kind="object", validate=validate
    )
    assert ex.check(lambda x: x * x)
    assert ex.check(lambda x: x + 1).message == "square the input"
    broken = ex.check(lambda x: 1 / 0)  # the student's code raises inside the check
    assert not broken and "ZeroDivisionError" in broken.message


def test_feedback_renders_in_notebooks():
    feedback = check("alexnet-conv1-params", 34_944)
    assert "Correct" in feedback._repr_html_() and "34,944" in repr(feedback)


def test_catalog_is_computed_and_consistent():
    chapter = exercises_for(COUNTING)
    assert len(chapter) >= 8
    for ex in chapter:
        assert ex.check(ex.answer()), ex.id  # the computed answer passes its own check
    with pytest.raises(ValueError, match="already used"):
        register_exercise(exercise("alexnet-conv1-params"))
    with pytest.raises(ValueError, match="needs `expected`"):
        register_exercise(Exercise("x-no-expected", "tests", "?"))


def test_quiz_questions_are_computed_and_well_formed():
    from course_lib import arithmetic as A
    from course_lib import quiz

    questions = quiz.questions("counting")
    assert len(questions) >= 4
    for q in questions:
        assert q["type"] in ("multiple_choice", "numeric")
        assert sum(bool(a.get("correct")) for a in q["answers"]) == 1
    values = {
        a["value"]
        for q in questions
        if q["type"] == "numeric"
        for a in q["answers"]
        if "value" in a
    }
    assert A.conv_params(64, 128, 3) in values
    with pytest.raises(ValueError, match="available"):
        quiz.questions("nope")


def test_quiz_script_waits_for_mathjax(monkeypatch):
    """The browser test holds MathJax back; here: the wrapper is applied and keeps jupyterquiz's script whole."""
    from IPython.display import HTML, Javascript

    from course_lib import quiz

    shown = []
    monkeypatch.setattr(
        "IPython.display.display", lambda *objects, **options: shown.extend(objects)
    )
    quiz.show("counting")
    (_html, style), (script,) = (
        [s for s in shown if isinstance(s, HTML)],
        [s for s in shown if isinstance(s, Javascript)],
    )
    assert style.data == quiz.BUTTON_TEXT_STYLE
    # the quiz's palette is the book theme's, with a light fallback outside the book
    for colour in quiz.THEME_COLOURS.values():
        assert re.fullmatch(r"var\(--[a-z-]+, #[0-9a-f]{6}\)", colour), colour
        assert colour in _html.data
    head, tail = quiz.WAIT_FOR_MATHJAX.split("%s")
    assert script.data.startswith(head) and script.data.endswith(tail)
    assert "show_questions(" in script.data and "MCButton" in script.data


def test_every_quiz_is_well_formed():
    from course_lib import quiz

    for name in quiz.QUIZZES:
        for q in quiz.questions(name):
            assert (
                q["question"].strip()
                and sum(bool(a.get("correct")) for a in q["answers"]) == 1
            ), (name, q)


@pytest.mark.counting
def test_every_registered_exercise_computes_its_answer():
    # A broken `expected` would make every student answer "Not yet"; compute them all once.
    for ex in all_exercises():
        if ex.kind == "object":
            continue
        value = ex.answer()
        assert value is not None, ex.id
        assert check(ex.id, value).correct, ex.id


# --- the package's structure: mechanism apart from content, no import cycle ---------------------------
EXERCISES_DIR = Path(__file__).resolve().parents[2] / "course_lib" / "exercises"
EXERCISE_MODULES = sorted(
    f"course_lib.exercises.{p.stem}"
    for p in EXERCISES_DIR.glob("*.py")
    if p.stem != "__init__"
)


def _package_imports(path: Path) -> list[tuple[str, list[str]]]:
    """(module, names) for every relative import inside course_lib.exercises in ``path``
    (``from .core import Exercise`` -> ("core", ["Exercise"]); ``from . import x`` -> ("", ["x"]))."""
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            found.append((node.module or "", [alias.name for alias in node.names]))
    return found


def test_modules_import_on_their_own_in_any_order():
    # A cycle that works "only by line order" breaks when some module is imported first.
    for order in (EXERCISE_MODULES, EXERCISE_MODULES[::-1]):
        code = "import importlib\nfor m in %r: importlib.import_module(m)\n" % (order,)
        subprocess.run(
            [sys.executable, "-c", code], check=True, cwd=EXERCISES_DIR.parents[1]
        )
    for module in EXERCISE_MODULES:
        code = f"import {module} as m, course_lib.exercises as E; assert len(E.all_exercises()) > 100"
        subprocess.run(
            [sys.executable, "-c", code], check=True, cwd=EXERCISES_DIR.parents[1]
        )


def test_the_package_imports_form_no_cycle_and_share_no_private_names():
    graph = {}
    for path in EXERCISES_DIR.glob("*.py"):
        imports = _package_imports(path)
        for module, names in imports:
            private = [n for n in names if n.startswith("_")]
            assert not private, (
                f"{path.name} imports private names {private} from .{module}"
            )
            if path.stem != "__init__":
                assert module, (
                    f"{path.name} imports from the package itself: import from its modules instead"
                )
        graph[path.stem] = {m for m, _ in imports} | {
            n for m, names in imports if not m for n in names
        }
    # The mechanism never depends on the content.
    assert (
        graph["core"] == set()
        and graph["registry"] <= {"core"}
        and graph["profiles"] == set()
    )
    done, visiting = set(), []

    def visit(node):
        assert node not in visiting, f"import cycle: {' -> '.join(visiting + [node])}"
        if node in done:
            return
        visiting.append(node)
        for target in graph.get(node, ()):
            visit(target)
        visiting.pop()
        done.add(node)

    for node in graph:
        visit(node)


def _chapters_of_each_part() -> dict[str, set[str]]:
    """Part caption -> the two-digit numbers of its chapter notebooks, read from _toc.yml."""
    import yaml

    toc = yaml.safe_load((EXERCISES_DIR.parents[1] / "_toc.yml").read_text())
    return {
        part["caption"]: {
            Path(c["file"]).name[:2]
            for c in part["chapters"]
            if c["file"].startswith("notebooks/")
        }
        for part in toc["parts"]
    }


def test_one_content_module_per_part_of_the_book():
    from course_lib import exercises as E

    parts = _chapters_of_each_part()
    modules = {
        "Getting started": E.getting_started,
        "Part I": E.part1_first_principles,
        "Part II": E.part2_classic_cnns,
        "Part III": E.part3_beyond_classification,
        "Part IV": E.part4_after_resnet,
    }
    for prefix, module in modules.items():
        (caption,) = [c for c in parts if c == prefix or c.startswith(prefix + ":")]
        registered = {
            ex.chapter[:2]
            for ex in all_exercises()
            if ex.chapter.split("_")[0] in parts[caption]
        }
        defined = {
            v[:2]
            for k, v in vars(module).items()
            if k.isupper() and isinstance(v, str) and v[:2].isdigit()
        }
        assert defined == registered, (
            f"{module.__name__} should hold the chapters of {caption!r}"
        )
    asked = {ex.chapter[:2] for ex in all_exercises()}
    assert asked <= set().union(*parts.values())


def test_numeric_quiz_questions_accept_their_answer_in_jupyterquiz():
    """jupyterquiz calls JavaScript's toPrecision(precision) when a question has a precision:
    outside 1-100 it throws and the student gets no feedback. An exact answer has none."""
    from course_lib import quiz

    numeric = [
        q
        for name in quiz.QUIZZES
        for q in quiz.questions(name)
        if q["type"] == "numeric"
    ]
    assert numeric
    for q in numeric:
        if "precision" in q:
            assert isinstance(q["precision"], int) and 1 <= q["precision"] <= 100, q
        values = [a["value"] for a in q["answers"] if a["type"] == "value"]
        assert values and all(isinstance(v, (int, float)) for v in values), q
    with pytest.raises(ValueError, match="`significant` must be"):
        quiz.numeric("?", 1, "yes", "no", significant=0)


def test_quiz_options_are_shuffled_in_the_browser(monkeypatch):
    """Authors list the right option first; jupyterquiz must shuffle them for the reader."""
    from course_lib import quiz

    calls = []
    monkeypatch.setattr(
        "jupyterquiz.display_quiz", lambda qs, **kw: calls.append(kw), raising=True
    )
    quiz.show("counting")
    assert calls == [{"shuffle_answers": True, "colors": quiz.THEME_COLOURS}]


def test_glue_answers_glues_every_computed_answer_of_a_chapter(monkeypatch):
    from course_lib import exercises, runtime

    recorded = {}
    monkeypatch.setattr(
        runtime, "glue", lambda name, value: recorded.setdefault(name, value)
    )
    glued = exercises.glue_answers("00_counting_with_course_lib")
    ids = [
        e.id
        for e in exercises.exercises_for("00_counting_with_course_lib")
        if e.kind != "object"
    ]
    assert list(glued) == [exercises.answer_glue_name(i) for i in ids] == list(recorded)
    assert (
        glued["ex_alexnet_conv1_params"]
        == exercises.exercise("alexnet-conv1-params").answer()
    )
    with pytest.raises(ValueError, match="no exercises registered for chapter 'nope'"):
        exercises.glue_answers("nope")


@pytest.mark.counting
def test_no_exercise_id_gives_its_answer_away():
    """An id is printed beside every check; ``xcorr-params-112`` once carried its answer."""
    for ex in all_exercises():
        if ex.kind in ("object", "shape"):
            continue
        value = ex.answer()
        if float(value).is_integer() and abs(value) >= 10:
            assert str(int(value)) not in ex.id.split("-"), ex.id


@pytest.mark.counting
def test_every_exercise_has_hints_in_levels_that_never_give_the_answer():
    from course_lib.exercises import hint
    from course_lib.exercises.registry import hints_of

    for ex in all_exercises():
        levels = hints_of(ex)
        assert len(levels) >= 2 and len(set(levels)) == len(levels), ex.id
        shown = [hint(ex.id, n) for n in range(1, len(levels) + 1)]
        assert [h.level for h in shown] == list(range(1, len(levels) + 1))
        if ex.kind in ("count", "number"):
            value = ex.answer()
            if float(value).is_integer() and abs(value) >= 10:
                for h in shown:
                    assert (
                        f"{int(value):,}" not in h.text
                        and str(int(value)) not in h.text.split()
                    ), (ex.id, h)


def test_a_hint_level_out_of_range_is_refused_with_the_levels_there_are():
    from course_lib.exercises import hint

    with pytest.raises(ValueError, match=r"has hint levels 1 to \d+; got level=0"):
        hint("lenet-c1-params", 0)
    with pytest.raises(ValueError, match="got level='2'"):
        hint("lenet-c1-params", "2")
    with pytest.raises(KeyError, match="unknown exercise"):
        hint("no-such-exercise")
    first = hint("resnet-code-projection-block", 1)
    assert "hint 1 of" in repr(first) and "Hint 1 of" in first._repr_html_()
