"""Exercises with instant feedback.

A chapter asks a question, the student types an answer, and a check cell says
at once whether it is right and, when it is not, what the likely slip was
("you left out the biases", "this is FLOPs, the question asks for MACs").
Expected values are computed by course_lib from the course's own formulas
and networks, never typed in. A check never raises: whatever the student
writes, the cell finishes and shows a message.

Usage in a notebook::

    from course_lib.exercises import check
    answer = 34_944
    check("alexnet-conv1-params", answer)

The package is in three layers, each importing only the ones above it:

* :mod:`.core`: what an exercise is (``Exercise``, ``Feedback``);
* :mod:`.registry`: the registry and the lookups (``register_exercise``, ``check``);
* :mod:`.profiles`: cached model profiles that the Parts' expected values read;
* one content module per Part of the book, named for it, each registering the
  exercises of its chapters when imported: :mod:`.getting_started` (chapter 00),
  :mod:`.part1_first_principles` (01-05), :mod:`.part2_classic_cnns` (06-11),
  :mod:`.part3_beyond_classification` (12-16) and :mod:`.part4_after_resnet` (17);
* :mod:`.blocks` checks a block the student writes against course_lib's, and
  :mod:`.writing_blocks` registers one such coding exercise per architecture chapter.
"""

from __future__ import annotations

from .core import Exercise, Feedback
from .registry import (
    all_exercises,
    answer_glue_name,
    check,
    exercise,
    exercises_for,
    glue_answers,
    hint,
    register_exercise,
)

# Importing a Part registers its exercises; cheap (NumPy only): expected values are computed on demand.
from . import (
    getting_started,
    part1_first_principles,
    part2_classic_cnns,
    part3_beyond_classification,
    part4_after_resnet,
    writing_blocks,
)

__all__ = [
    "Exercise",
    "Feedback",
    "all_exercises",
    "check",
    "exercise",
    "exercises_for",
    "hint",
    "register_exercise",
]
