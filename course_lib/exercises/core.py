"""What an exercise is: a question, its computed answer, the slips it recognises, and the
feedback a check returns. Nothing here knows any particular exercise; the registry
(:mod:`.registry`) holds them and the Part modules define them.
"""

from __future__ import annotations

import html
import math
import numbers
from dataclasses import dataclass, field
from typing import Any, Callable

__all__ = ["Exercise", "Feedback", "Mistake", "KINDS"]

# The kinds of answer an exercise can expect (see ``Exercise.kind``).
KINDS = ("count", "number", "shape", "object")


@dataclass(frozen=True)
class Feedback:
    """The outcome of a check: ``correct`` and the message shown to the student."""

    exercise_id: str
    correct: bool
    message: str

    def __bool__(self) -> bool:
        return self.correct

    def __repr__(self) -> str:
        mark = "Correct" if self.correct else "Not yet"
        return f"[{self.exercise_id}] {mark}: {self.message}"

    def _repr_html_(self) -> str:
        # The colours are CSS variables with a light-theme fallback: the book's stylesheet
        # (_static/course.css) sets lighter ones for its dark theme; Colab and Jupyter use the fallback.
        kind, mark = ("ok", "✔ Correct") if self.correct else ("todo", "✘ Not yet")
        colour = f"var(--course-{kind}, {_FALLBACK_COLOURS[kind]})"
        return (
            f'<div class="course-feedback course-feedback-{kind}" '
            f'style="border-left:4px solid {colour};padding:4px 10px;margin:4px 0">'
            f'<b style="color:{colour}">{mark}</b> <code>{html.escape(self.exercise_id)}</code>: '
            f"{html.escape(self.message)}</div>"
        )


# Dark enough for white and light-grey pages (WCAG AA contrast for bold text).
_FALLBACK_COLOURS = {"ok": "#1a7f37", "todo": "#b35900"}


@dataclass(frozen=True)
class Hint:
    """One level of an exercise's hints, as ``hint(id, level)`` shows it."""

    exercise_id: str
    level: int
    levels: int
    text: str

    def __repr__(self) -> str:
        return f"[{self.exercise_id}] hint {self.level} of {self.levels}: {self.text}"

    def _repr_html_(self) -> str:
        more = (
            f" (more: level {self.level + 1})"
            if self.level < self.levels
            else " (the last)"
        )
        return (
            '<div class="course-feedback course-hint" style="border-left:4px solid '
            'var(--course-hint, #4a5a8c);padding:4px 10px;margin:4px 0">'
            f"<b>Hint {self.level} of {self.levels}</b>{html.escape(more)} "
            f"<code>{html.escape(self.exercise_id)}</code>: {html.escape(self.text)}</div>"
        )


# What to look at first, by what an exercise's answer counts (its ``unit``).
UNIT_HINTS = {
    "parameters": "count each layer's weights and biases: a convolution has one k x k x C kernel "
    "per filter plus one bias per filter; a dense layer one weight per input and output pair plus "
    "one bias per output; pooling has none",
    "weights": "count only kernel weights (no biases): k x k x C per filter, times the filters",
    "MACs": "one multiply-accumulate per kernel weight per output position: output height x width "
    "x filters x (k x k x C)",
    "pixels": "use the output-size formula floor((W - F + 2P) / S) + 1, or the receptive-field "
    "recurrence r = r + (k - 1) x jump, layer by layer",
    "values": "multiply the sizes of the axes together",
}


# What to look at first when the unit says nothing more specific, by kind of answer.
KIND_HINTS = {
    "count": "write down the formula the chapter derived for this quantity, then put in the "
    "question's givens one at a time",
    "number": "write the quantity as a ratio or product of counts the chapter computes, and compute "
    "each count first",
    "shape": "work axis by axis: height and width from the output-size formula, the last axis "
    "from the number of filters (or channels)",
    "object": "reread what the question asks for and in which form (a name, a tuple, a set)",
}


# A mistake maps a wrong answer (computed lazily) to a hint.
Mistake = tuple[str, Callable[[], Any]]


@dataclass
class Exercise:
    """One question with a computed answer.

    Args:
        id: unique name, e.g. ``"alexnet-conv1-params"``.
        chapter: the notebook stem it belongs to.
        question: the question as shown to students.
        expected: a function returning the right answer (an int, a float, a
            tuple for shapes), or None for exercises checked by ``validate``.
        kind: "count" (exact integer), "number" (float within ``rel_tol``),
            "shape" (tuple of ints) or "object" (checked by ``validate``).
        mistakes: (hint, wrong-answer function) pairs for common slips.
        validate: for "object" exercises, ``f(answer) -> None`` if right, else a
            message saying what is wrong.
        unit: what the number counts ("parameters", "MACs"), used in messages.
        hints: hints from gentle to specific, shown one level at a time by
            ``course_lib.exercises.hint(id, level)``; none gives the answer away.
    """

    id: str
    chapter: str
    question: str
    expected: Callable[[], Any] | None = None
    kind: str = "count"
    mistakes: tuple[Mistake, ...] = ()
    validate: Callable[[Any], str | None] | None = None
    unit: str = ""
    rel_tol: float = 1e-3
    hints: tuple[str, ...] = ()
    _cache: dict = field(default_factory=dict, repr=False)

    def answer(self):
        """The expected answer (computed once)."""
        if "value" not in self._cache:
            self._cache["value"] = self.expected()
        return self._cache["value"]

    def check(self, answer) -> Feedback:
        """Feedback on ``answer``; never raises, whatever the student typed."""
        try:
            return self._check(answer)
        except Exception as error:  # a check must never break the student's notebook
            return Feedback(
                self.id,
                False,
                f"checking your answer raised {type(error).__name__}: {error}",
            )

    def _check(self, answer) -> Feedback:
        if answer is None or answer is Ellipsis:
            return Feedback(
                self.id,
                False,
                "no answer yet: replace the placeholder with your answer",
            )
        if self.kind == "object":
            problem = self.validate(answer)
            return Feedback(
                self.id, problem is None, problem or "your answer passes every check"
            )
        problem = _type_problem(self.kind, answer)
        if problem:
            return Feedback(self.id, False, problem)
        expected = self.answer()
        if self._same(answer, expected):
            unit = f" {self.unit}" if self.unit else ""
            return Feedback(self.id, True, f"{_show(expected)}{unit}")
        for hint, wrong in self.mistakes:
            if self._same(answer, wrong()):
                return Feedback(self.id, False, hint)
        return Feedback(self.id, False, self._generic_hint(answer, expected))

    def _same(self, a, b) -> bool:
        if self.kind == "shape":
            return tuple(a) == tuple(b)
        if self.kind == "number":
            return math.isclose(float(a), float(b), rel_tol=self.rel_tol)
        return int(a) == int(b) if float(a).is_integer() else False

    def _generic_hint(self, answer, expected) -> str:
        if self.kind == "shape":
            if len(answer) != len(expected):
                return f"your shape has {len(answer)} axes; this one has {len(expected)} (height, width, channels?)"
            return "the shape is off: recheck the output-size formula, the padding and the stride"
        a, e = float(answer), float(expected)
        if e and math.isclose(a, 2 * e, rel_tol=self.rel_tol):
            return "this is twice the answer: are you counting FLOPs? The question asks for MACs (FLOPs ≈ 2 × MACs)"
        if e and math.isclose(2 * a, e, rel_tol=self.rel_tol):
            return "this is half the answer: the question asks for FLOPs (2 per multiply-accumulate)"
        for scale, word in ((1e3, "thousands"), (1e6, "millions"), (1e9, "billions")):
            if e and math.isclose(a * scale, e, rel_tol=0.05):
                return f"give the full number, not {word}"
        return f"not quite: {'too large' if a > e else 'too small'}; work through the formula step by step"


def _type_problem(kind: str, answer) -> str | None:
    if kind == "shape":
        if not isinstance(answer, (tuple, list)) or not all(
            isinstance(d, numbers.Integral) and not isinstance(d, bool) for d in answer
        ):
            return f"give the shape as a tuple of whole numbers, e.g. (55, 55, 96); got {answer!r}"
        return None
    if isinstance(answer, bool) or not isinstance(answer, numbers.Real):
        return f"give a number, got {type(answer).__name__} {answer!r}"
    if kind == "count" and not float(answer).is_integer():
        return f"a count is a whole number, got {answer!r}"
    return None


def _show(value) -> str:
    if isinstance(value, tuple):
        return str(value)
    if isinstance(value, numbers.Integral):
        return f"{value:,}"
    return f"{value:.4g}"
