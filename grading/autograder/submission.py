"""Reading a student's folder: which notebook, is it a notebook, and which cell answers what.

Every problem is reported as a sentence for the instructor (and the student), never as a
crash: a missing or malformed notebook, two notebooks, a file that is not UTF-8.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

MAX_NOTEBOOK_BYTES = 20 << 20


class SubmissionError(ValueError):
    """The folder holds nothing that can be graded; the message says why."""


@dataclass
class Program:
    """The student's code cells, in their order, with what each one answers."""

    cells: list[dict] = field(
        default_factory=list
    )  # {"id", "grade_id", "source", "answers"}
    notes: list[str] = field(default_factory=list)  # what the instructor should know

    def answer(self, grade_id: str) -> dict | None:
        return next((c for c in self.cells if c["answers"] == grade_id), None)


def find_notebook(folder: Path, expected_name: str) -> tuple[Path, list[str]]:
    """The notebook to grade in a student's folder, and notes on anything odd about it."""
    notebooks = sorted(p for p in folder.glob("*.ipynb") if p.is_file())
    names = [p.name for p in notebooks]
    if not notebooks:
        other = sorted(p.name for p in folder.iterdir() if p.name != "timestamp.txt")
        raise SubmissionError(
            f"no notebook submitted (expected {expected_name}"
            + (f"; the folder holds {', '.join(other)})" if other else ")")
        )
    if expected_name in names:
        extra = [n for n in names if n != expected_name]
        return folder / expected_name, (
            [f"ignored other notebooks: {', '.join(extra)}"] if extra else []
        )
    if len(notebooks) == 1:
        return notebooks[0], [f"graded {names[0]} (expected the name {expected_name})"]
    raise SubmissionError(
        f"{len(notebooks)} notebooks ({', '.join(names)}) and none named {expected_name}: "
        "cannot tell which one to grade"
    )


def read_notebook(path: Path):
    size = path.stat().st_size
    if size > MAX_NOTEBOOK_BYTES:
        raise SubmissionError(
            f"{path.name} is {size / 2**20:.0f} MiB; a submission may be at most "
            f"{MAX_NOTEBOOK_BYTES >> 20} MiB"
        )
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise SubmissionError(
            f"{path.name} is not UTF-8 text (byte {error.start}): a notebook "
            "saved by Jupyter always is; was the file converted or damaged?"
        ) from None
    try:
        nb = nbformat.reads(text, as_version=4)
    except (json.JSONDecodeError, nbformat.reader.NotJSONError) as error:
        raise SubmissionError(
            f"{path.name} is not a notebook (not valid JSON: {str(error)[:80]})"
        ) from None
    except (
        Exception
    ) as error:  # nbformat raises assorted errors for JSON that is no notebook
        raise SubmissionError(
            f"{path.name} is not a readable notebook ({type(error).__name__}: "
            f"{str(error)[:80]})"
        ) from None
    if not isinstance(nb.get("cells"), list):
        raise SubmissionError(f"{path.name} has no cells")
    return nb


def _source(cell) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def _grade_id(cell) -> str | None:
    meta = cell.get("metadata", {})
    nbg = meta.get("nbgrader", {}) if isinstance(meta, dict) else {}
    return nbg.get("grade_id") if isinstance(nbg, dict) else None


def student_program(nb, template) -> Program:
    """The student's code: their answer cells (matched to the template's by grade_id, or by
    position when ids were renamed) and the cells they added; the template's own cells
    (setup, tests) are never taken from the submission."""
    answer_ids = [
        _grade_id(c)
        for c in template.cells
        if c.cell_type == "code" and c.metadata.get("nbgrader", {}).get("solution")
    ]
    template_ids = {_grade_id(c) for c in template.cells}
    program = Program()
    unmatched = []
    for index, cell in enumerate(nb.cells):
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        gid = _grade_id(cell)
        meta = (
            cell.get("metadata", {}).get("nbgrader", {})
            if isinstance(cell.get("metadata"), dict)
            else {}
        )
        entry = {
            "id": f"cell:{index}",
            "grade_id": gid,
            "source": _source(cell),
            "answers": None,
        }
        if gid in answer_ids:
            entry["answers"] = gid
        elif gid in template_ids:
            continue  # a setup or test cell: the template's version runs instead
        elif isinstance(meta, dict) and meta.get("solution"):
            unmatched.append(entry)  # an answer cell whose id was changed
        program.cells.append(entry)
    taken = {c["answers"] for c in program.cells if c["answers"]}
    missing = [gid for gid in answer_ids if gid not in taken]
    duplicates = len([c for c in program.cells if c["answers"]]) - len(taken)
    if duplicates:
        program.notes.append(
            f"{duplicates} answer cells share an id; the first of each is graded"
        )
        seen = set()
        for c in program.cells:
            if c["answers"] in seen:
                c["answers"] = None
            elif c["answers"]:
                seen.add(c["answers"])
    if unmatched and len(unmatched) == len(missing):
        # Renamed (or re-created) answer cells: the k-th unmatched one answers the k-th missing question.
        for entry, gid in zip(unmatched, missing):
            entry["answers"] = gid
            program.notes.append(
                f"answer cell {gid} had the id {entry['grade_id']!r}; matched by position"
            )
        missing = []
    for gid in missing:
        program.notes.append(f"no answer cell {gid} (deleted, or its id changed)")
    return program
