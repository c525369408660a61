"""The prose number scanner (course_lib._number_audit): what it flags and what it lets through.

It reports and enforces nothing; converted chapters add their own zero-count test.
"""

from __future__ import annotations

import json

import pytest

from course_lib._number_audit import main, scan_file, unsourced_numbers


def numbers(text):
    return [n for n, _ in unsourced_numbers(text)]


def test_a_bare_quoted_number_is_flagged():
    assert numbers("ResNet won with 3.57% top-5 error on 100,000 images.") == [
        "3.57%",
        "100,000",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "ResNet won with {glue:text}`resnet152_ilsvrc15_top5_ensemble` top-5 error.",
        "The cost is $28 \\cdot 28 \\cdot 256$ MACs.",
        "$$W' = (W - 11)/4 + 1 = 55$$",
        "Call `conv_output_size(227, 11, 4)` to check.",
        "A 3x3 kernel on a 224 x 224 image, as in VGG-16, ResNet-50, Inception-v3 and conv1.",
        "In 2015 the paper (Table 4, Section 3.1) used two GPUs.",
        "See {cite:p}`he2016deep` and [the notes](https://example.org/lecture7).",
        "## 3. Receptive fields",
    ],
)
def test_sourced_and_whitelisted_numbers_pass(text):
    assert numbers(text) == []


def test_a_notebook_is_scanned_cell_by_cell_and_code_cells_are_skipped(
    tmp_path, capsys
):
    notebook = {
        "cells": [
            {"cell_type": "markdown", "source": ["Plain prose.\n"]},
            {"cell_type": "code", "source": ["x = 1234567"]},
            {"cell_type": "markdown", "source": "It has 62 million parameters."},
        ],
        "metadata": {},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    path = tmp_path / "chapter.ipynb"
    path.write_text(json.dumps(notebook))
    hits = scan_file(path)
    assert [(h.cell, h.number) for h in hits] == [(2, "62")]
    assert main(["--summary", str(path)]) == 0
    assert "1  total" in capsys.readouterr().out
    with pytest.raises(ValueError, match="scan_file: `path`"):
        scan_file(tmp_path / "chapter.txt")


def test_code_fences_are_skipped_but_directive_bodies_are_prose():
    from course_lib._number_audit import unsourced_numbers

    assert unsourced_numbers("```python\nx = 12345\n```") == []
    solution = "```{admonition} Solution\n:class: dropdown\nIt has 34,944 weights.\n```"
    assert [n for n, _ in unsourced_numbers(solution)] == ["34,944"]


def test_an_exercise_statement_keeps_its_givens_but_not_the_next_paragraph():
    from course_lib._number_audit import unsourced_numbers

    text = (
        "**Exercise 4.** Parameters of 64 filters of 5x5 on RGB?\n\nIt won with 15.3%."
    )
    assert [n for n, _ in unsourced_numbers(text)] == ["15.3%"]


def test_a_problem_statement_keeps_its_givens_but_not_the_next_paragraph():
    from course_lib._number_audit import unsourced_numbers

    text = "**Problem 2.** Widen VGG-16 to 96 filters in block 1.\n\nIt costs 41% more."
    assert [n for n, _ in unsourced_numbers(text)] == ["41%"]
