"""The registry of exercises and the lookups the notebooks use: ``check(id, answer)``.

The Part modules (``getting_started``, ``part1_first_principles``, ...) register
their exercises when they are imported; the package's ``__init__`` imports them
all, so any import of ``course_lib.exercises`` sees the full catalogue. This
module imports none of them: the registry does not depend on its content.
"""

from __future__ import annotations

from .core import KIND_HINTS, KINDS, UNIT_HINTS, Exercise, Feedback, Hint

__all__ = [
    "all_exercises",
    "answer_glue_name",
    "check",
    "exercise",
    "exercises_for",
    "glue_answers",
    "hint",
    "hints_of",
    "register_exercise",
]

_EXERCISES: dict[str, Exercise] = {}


def register_exercise(ex: Exercise) -> Exercise:
    """Add ``ex`` to the registry after checking that its id is new and its kind is coherent."""
    if ex.id in _EXERCISES:
        raise ValueError(f"register_exercise: exercise id {ex.id!r} is already used")
    if ex.kind not in KINDS:
        raise ValueError(
            f"register_exercise: kind must be count, number, shape or object, got {ex.kind!r}"
        )
    if (ex.kind == "object") != (ex.validate is not None) or (ex.kind != "object") == (
        ex.expected is None
    ):
        raise ValueError(
            f"register_exercise: {ex.id!r} needs `expected` (or `validate` for kind='object')"
        )
    _EXERCISES[ex.id] = ex
    return ex


def exercise(exercise_id: str) -> Exercise:
    """The registered exercise ``exercise_id``; KeyError (listing similar ids) if there is none."""
    if exercise_id not in _EXERCISES:
        close = [k for k in _EXERCISES if exercise_id.split("-")[0] in k]
        raise KeyError(
            f"unknown exercise {exercise_id!r}; similar ids: {close or sorted(_EXERCISES)[:10]}"
        )
    return _EXERCISES[exercise_id]


def exercises_for(chapter: str) -> list[Exercise]:
    """The exercises of one chapter, in the order they were defined."""
    return [e for e in _EXERCISES.values() if e.chapter == chapter]


def all_exercises() -> list[Exercise]:
    """Every registered exercise, in the order they were defined (chapter by chapter)."""
    return list(_EXERCISES.values())


def check(exercise_id: str, answer) -> Feedback:
    """Check ``answer`` against exercise ``exercise_id``; never raises for a bad answer."""
    try:
        ex = exercise(exercise_id)
    except KeyError as error:
        return Feedback(str(exercise_id), False, str(error.args[0]))
    return ex.check(answer)


def answer_glue_name(exercise_id: str) -> str:
    """The glue name of an exercise's answer: ``ex_`` and the id with ``_`` for ``-``
    (``alexnet-conv1-params`` -> ``ex_alexnet_conv1_params``)."""
    return "ex_" + exercise(exercise_id).id.replace("-", "_")


def glue_answers(chapter: str) -> dict[str, object]:
    """Glue the computed answer of every exercise of ``chapter`` (see :func:`answer_glue_name`),
    so that a worked solution in the prose states the answer course_lib computes, never a
    retyped copy: ``{glue:text}`ex_alexnet_conv1_params:,```. Returns name -> answer.
    Exercises whose answer is an object (a model, a function) are skipped."""
    from ..runtime import glue, quiet

    exercises = exercises_for(chapter)
    if not exercises:
        raise ValueError(
            f"glue_answers: no exercises registered for chapter {chapter!r}; chapters: "
            f"{sorted({e.chapter for e in _EXERCISES.values()})}"
        )
    glued = {}
    for ex in exercises:
        if ex.kind == "object":
            continue
        glued[answer_glue_name(ex.id)] = glue(answer_glue_name(ex.id), ex.answer())
    return quiet(glued)


def hints_of(ex: Exercise) -> list[str]:
    """Every hint level of ``ex``: its own hints, else one on what its unit counts; then, for a
    number, the slips the check recognises, and last, where the worked solution is."""
    levels = list(ex.hints)
    if not levels:
        levels.append(UNIT_HINTS.get(ex.unit, KIND_HINTS[ex.kind]))
    if ex.mistakes:
        levels.append(
            "the check recognises these slips; is yours one of them? "
            + "; ".join(text for text, _ in ex.mistakes)
        )
    if ex.kind == "object" and not ex.hints:
        levels.append(
            "run the check: its message names what differs from the expected answer"
        )
    levels.append(
        "the worked solution is just below the exercise, hidden until you open it: read it, then "
        "close it and redo the exercise without it"
    )
    return levels


def hint(exercise_id: str, level: int = 1) -> Hint:
    """Hint ``level`` (1 = gentlest) of exercise ``exercise_id``; raises ValueError naming the
    levels there are when ``level`` is not one of them."""
    ex = exercise(exercise_id)
    levels = hints_of(ex)
    if (
        isinstance(level, bool)
        or not isinstance(level, int)
        or not 1 <= level <= len(levels)
    ):
        raise ValueError(
            f"hint: {exercise_id!r} has hint levels 1 to {len(levels)}; got level={level!r}"
        )
    return Hint(ex.id, level, len(levels), levels[level - 1])
