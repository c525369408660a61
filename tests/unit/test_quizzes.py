"""The quizzes as a student meets them: enough questions, one right option, feedback that
explains each wrong one, and no give-away in the options' lengths; every chapter shows one."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from course_lib import quiz

ROOT = Path(__file__).resolve().parents[2]
CHAPTERS = sorted(ROOT.glob("notebooks/[0-9][0-9]_*.ipynb"))
ARCHITECTURE_CHAPTERS = [p for p in CHAPTERS if int(p.name[:2]) >= 6]
LABS = sorted(ROOT.glob("labs/lab*.ipynb"))
MIN_QUESTIONS = 6
SHOW = re.compile(r"""quiz\.show\(\s*["']([a-z0-9-]+)["']\s*\)""")


def _code(path: Path) -> list[str]:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]


def _shown(path: Path) -> list[str]:
    return [name for source in _code(path) for name in SHOW.findall(source)]


def _choices(questions):
    return [q for q in questions if q["type"] == "multiple_choice"]


@pytest.mark.parametrize("name", sorted(quiz.QUIZZES))
def test_quiz_questions_are_well_formed(name):
    questions = quiz.questions(name)
    for q in questions:
        assert q["question"].strip(), (name, q)
        answers = q["answers"]
        if q["type"] == "multiple_choice":
            assert len(answers) >= 3, f"{name}: {q['question']!r} needs 3+ options"
            assert sum(bool(a["correct"]) for a in answers) == 1, q["question"]
            feedback = [a["feedback"].strip() for a in answers]
            assert all(feedback), (
                f"{name}: every option of {q['question']!r} needs feedback"
            )
            assert len(set(feedback)) == len(feedback), (
                f"{name}: {q['question']!r} gives two options the same feedback"
            )
            texts = [a["answer"] for a in answers]
            assert len(set(texts)) == len(texts), q["question"]
        else:
            assert q["type"] == "numeric", (name, q)
            (value,) = [a["value"] for a in answers if a.get("type") == "value"]
            assert isinstance(value, (int, float)) and not isinstance(value, bool)
            assert all(a["feedback"].strip() for a in answers), q["question"]


@pytest.mark.parametrize("name", sorted(quiz.QUIZZES))
def test_the_right_option_is_not_given_away_by_its_length(name):
    """A student who always picks the longest option must not pass: the right option is the
    (strictly) longest in at most half of a quiz's multiple-choice questions."""
    longest_right = []
    choices = _choices(quiz.questions(name))
    for q in choices:
        lengths = sorted((len(a["answer"]), bool(a["correct"])) for a in q["answers"])
        if lengths[-1][1] and lengths[-1][0] > lengths[-2][0]:
            longest_right.append(q["question"])
    assert len(longest_right) <= len(choices) / 2, (
        f"{name}: the right option is the longest in {len(longest_right)} of {len(choices)}"
    )


def test_no_question_is_asked_twice():
    seen = {}
    for name in quiz.QUIZZES:
        for q in quiz.questions(name):
            assert q["question"] not in seen, (name, seen.get(q["question"]))
            seen[q["question"]] = name


@pytest.mark.parametrize("path", [*CHAPTERS[1:], *LABS], ids=lambda p: p.stem)
def test_every_chapter_has_a_quiz_of_six_questions(path):
    shown = _shown(path)
    assert shown, f"{path.name} shows no quiz"
    unknown = [n for n in shown if n not in quiz.QUIZZES]
    assert not unknown, f"{path.name} shows unknown quizzes {unknown}"
    total = sum(len(quiz.questions(n)) for n in shown)
    assert total >= MIN_QUESTIONS, f"{path.name}: {total} quiz questions"


def test_every_quiz_is_shown_somewhere():
    shown = {n for p in [*CHAPTERS, *ROOT.glob("labs/*.ipynb")] for n in _shown(p)}
    assert set(quiz.QUIZZES) <= shown, sorted(set(quiz.QUIZZES) - shown)


PREDICT = re.compile(r"^#+ .*Predict, then run", re.MULTILINE)


@pytest.mark.parametrize("path", ARCHITECTURE_CHAPTERS, ids=lambda p: p.stem)
def test_architecture_chapter_predicts_then_runs(path):
    """A "Predict, then run" section: a quiz question first, then code that runs the ablation."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    starts = [
        i
        for i, c in enumerate(cells)
        if c["cell_type"] == "markdown" and PREDICT.search("".join(c["source"]))
    ]
    assert starts, f'{path.name} has no "Predict, then run" section'
    following = cells[starts[0] + 1 :]
    code = [i for i, c in enumerate(following) if c["cell_type"] == "code"]
    assert code, path.name
    sources = ["".join(following[i]["source"]) for i in code]
    asked = [i for i, s in enumerate(sources) if SHOW.search(s)]
    assert asked, f"{path.name}: the section asks no quiz question"
    assert any(not SHOW.search(s) for s in sources[asked[0] + 1 :]), (
        f"{path.name}: nothing runs after the prediction"
    )
