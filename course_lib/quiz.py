"""Self-test quizzes that work in the static book (no kernel) and in notebooks.

Built on jupyterquiz: the questions are embedded in the page with a little
JavaScript, so a click in the rendered HTML gives feedback at once. Numeric
answers are computed by course_lib, never typed in.
"""
from __future__ import annotations

import random
import zlib

from . import arithmetic as A

__all__ = ["show", "questions", "QUIZZES"]


def _choice(question, options, explain=""):
    """A multiple-choice question: ``options`` maps answer text -> (correct, feedback)."""
    return {"question": question, "type": "multiple_choice",
            "answers": [{"answer": text, "correct": ok, "feedback": fb} for text, (ok, fb) in options.items()]}


def _numeric(question, value, feedback_right, feedback_wrong, precision=0):
    return {"question": question, "type": "numeric", "precision": precision,
            "answers": [{"type": "value", "value": value, "correct": True, "feedback": feedback_right},
                        {"type": "default", "feedback": feedback_wrong}]}


def _counting():
    return [
        _choice("Why does GoogLeNet put 1x1 convolutions before its 3x3 and 5x5 convolutions?", {
            "To reduce the number of channels, so the expensive convolutions do far fewer MACs":
                (True, "Right: a 1x1 'bottleneck' shrinks the depth the 5x5 filters must span."),
            "To enlarge the receptive field": (False, "A 1x1 convolution sees one pixel; it cannot enlarge the field."),
            "To downsample the image spatially": (False, "They use stride 1; the spatial size is unchanged."),
        }),
        _choice("A paper reports 3.8 GFLOPs for a network; the profiler says 3.86 G MACs. What is most likely?", {
            "The paper's 'FLOPs' are multiply-adds, i.e. MACs": (True, "Yes: the ResNet paper counts multiply-adds."),
            "The profiler counts twice too many operations": (False, "FLOPs would be about twice the MACs, not equal."),
            "The network is different": (False, "A 1.5% gap is rounding; the units are the real question."),
        }),
        _numeric("How many pixels wide is the receptive field of three stacked 3x3, stride-1 convolutions?",
                 A.receptive_field([(3, 1)] * 3).size,
                 "Right: each 3x3 layer adds 2 pixels.", "Each stride-1 3x3 layer adds 2 pixels to the field."),
        _numeric("How many parameters (with biases) has a 3x3 convolution from 64 to 128 channels?",
                 A.conv_params(64, 128, 3), "Right: 128 x (3x3x64 + 1).",
                 "Use N x (k x k x C + 1) with N = 128 filters and C = 64 input channels."),
    ]


QUIZZES = {"counting": _counting}


def questions(name: str) -> list[dict]:
    """The questions of quiz ``name`` as jupyterquiz dictionaries."""
    if name not in QUIZZES:
        raise ValueError(f"quiz: unknown quiz {name!r}; available: {sorted(QUIZZES)}")
    return QUIZZES[name]()


def show(name: str) -> None:
    """Display quiz ``name`` (stable element ids, so stored outputs do not churn)."""
    from jupyterquiz import display_quiz

    state = random.getstate()
    random.seed(zlib.crc32(name.encode()))      # jupyterquiz draws its element id from `random`
    try:
        display_quiz(questions(name), shuffle_answers=False)
    finally:
        random.setstate(state)
