"""Self-test quizzes that work in the static book (no kernel) and in notebooks.

Built on jupyterquiz: the questions are embedded in the page with a little
JavaScript, so a click in the rendered HTML gives feedback at once. Numeric
answers are computed by course_lib, never typed in.
"""

from __future__ import annotations

import importlib
import pkgutil
import random
import zlib
from unittest import mock

from ._validate import check_int

__all__ = ["show", "questions", "choice", "numeric", "QUIZZES", "THEME_COLOURS"]


def choice(question, options):
    """A multiple-choice question: ``options`` maps answer text -> (correct, feedback).

    Exactly one option must be correct, and every option needs its own feedback: a wrong
    option's feedback says why that option is wrong, not just "no".
    """
    return {
        "question": question,
        "type": "multiple_choice",
        "answers": [
            {"answer": text, "correct": ok, "feedback": fb}
            for text, (ok, fb) in options.items()
        ],
    }


def numeric(question, value, feedback_right, feedback_wrong, significant=None):
    """A numeric question whose answer is exactly ``value``; ``significant`` (1-100) compares
    answer and value after rounding both to that many significant digits instead.

    jupyterquiz rounds with JavaScript's ``toPrecision(precision)``, which throws for a
    precision outside 1-100, so the key is left out for exact answers rather than set to 0.
    """
    question_data = {"question": question, "type": "numeric"}
    if significant is not None:
        question_data["precision"] = check_int(
            "quiz", "significant", significant, 1, 100
        )
    question_data["answers"] = [
        {"type": "value", "value": value, "correct": True, "feedback": feedback_right},
        {"type": "default", "feedback": feedback_wrong},
    ]
    return question_data


# Every quiz lives in course_lib.quiz_banks, one module per quiz (see _quiz_banks below).
QUIZZES: dict = {}


def _bank_loader(module_name: str):
    def load():
        return importlib.import_module(
            f"{__package__}.quiz_banks.{module_name}"
        ).questions()

    load.__name__ = module_name
    return load


def _quiz_banks() -> dict:
    """One quiz per module of ``course_lib.quiz_banks`` (``vgg.py`` -> quiz ``"vgg"``,
    ``modern_cnns.py`` -> ``"modern-cnns"``): a chapter's questions live in their own file,
    imported only when the quiz is shown."""
    from . import quiz_banks

    return {
        info.name.replace("_", "-"): _bank_loader(info.name)
        for info in pkgutil.iter_modules(quiz_banks.__path__)
        if not info.name.startswith("_")
    }


QUIZZES.update(_quiz_banks())


def questions(name: str) -> list[dict]:
    """The questions of quiz ``name`` as jupyterquiz dictionaries."""
    if name not in QUIZZES:
        raise ValueError(f"quiz: unknown quiz {name!r}; available: {sorted(QUIZZES)}")
    return QUIZZES[name]()


# jupyterquiz (2.9.6) reads MathJax.version 0.5 s after drawing a quiz. On a slow page the book's MathJax
# is still loading then: the global holds only its configuration, the read throws a TypeError in the
# reader's console, and a MathJax without `typeset` makes the quiz fetch MathJax from a CDN. The quiz's
# script therefore waits (at most 10 s) until MathJax is ready; where there is no MathJax (Colab,
# JupyterLab without it) it runs at once.
WAIT_FOR_MATHJAX = """(function courseQuiz(started) {
  var loading = typeof MathJax !== 'undefined' && !(MathJax.version && typeof MathJax.typeset === 'function');
  if (loading && Date.now() - started < 10000) { setTimeout(function () { courseQuiz(started); }, 100); return; }
%s
})(Date.now());"""


def _display_waiting_for_mathjax(*objects, **options):
    from IPython.display import Javascript, display

    display(
        *(
            Javascript(WAIT_FOR_MATHJAX % shown.data)
            if isinstance(shown, Javascript)
            else shown
            for shown in objects
        ),
        **options,
    )


# jupyterquiz's own palette is fixed (light text on dark purple); these follow the book's theme
# (pydata-sphinx-theme's variables, light or dark) and fall back to a light palette in Colab and
# Jupyter, where those variables are undefined. Right and wrong use the course's colours
# (_static/course.css, as course_lib.exercises' feedback does).
THEME_COLOURS = {
    "--jq-multiple-choice-bg": "var(--pst-color-surface, #f1f3f5)",
    "--jq-many-choice-bg": "var(--pst-color-surface, #f1f3f5)",
    "--jq-numeric-bg": "var(--pst-color-surface, #f1f3f5)",
    "--jq-string-bg": "var(--pst-color-surface, #f1f3f5)",
    "--jq-mc-button-bg": "var(--pst-color-background, #ffffff)",
    "--jq-mc-button-border": "var(--pst-color-border, #c9ced4)",
    "--jq-mc-button-inset-shadow": "var(--pst-color-shadow, #8a8f96)",
    "--jq-numeric-input-bg": "var(--pst-color-background, #ffffff)",
    "--jq-numeric-input-label": "var(--pst-color-text-base, #222832)",
    "--jq-numeric-input-shadow": "var(--pst-color-shadow, #8a8f96)",
    "--jq-text-color": "var(--pst-color-text-base, #222832)",
    "--jq-link-color": "var(--pst-color-link, #0a5d91)",
    "--jq-correct-color": "var(--course-ok, #1a7f37)",
    "--jq-incorrect-color": "var(--course-todo, #b35900)",
}

# A clicked option is filled with the right/wrong colour: its text takes the page's
# background colour, which contrasts with that fill in both themes.
BUTTON_TEXT_STYLE = (
    "<style>.MCButton.correctButton, .MCButton.incorrectButton "
    "{ color: var(--pst-color-background, #ffffff) !important; }</style>"
)


def _display_button_text_style():
    from IPython.display import HTML, display

    display(HTML(BUTTON_TEXT_STYLE))


def show(name: str) -> None:
    """Display quiz ``name`` (stable element ids, so stored outputs do not churn)."""
    from jupyterquiz import display_quiz

    state = random.getstate()
    random.seed(
        zlib.crc32(name.encode())
    )  # jupyterquiz draws its element id from `random`
    try:
        with mock.patch.object(
            importlib.import_module("jupyterquiz.dynamic.display"),
            "display",
            _display_waiting_for_mathjax,
        ):
            # the browser shuffles the options on every visit: the right one is not always first
            display_quiz(
                questions(name), shuffle_answers=True, colors=dict(THEME_COLOURS)
            )
        _display_button_text_style()
    finally:
        random.setstate(state)
