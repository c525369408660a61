"""Remove volatile noise from executed notebooks, keeping every real output.

TensorFlow's C++ runtime prints start-up log lines to stderr (process ids,
timestamps, CPU flags) that no setting silences; they change on every run
and say nothing to a student. This drops those lines from stderr outputs and
drops per-cell execution timestamps and saved widget state (random model ids
on every run; the book shows a static figure instead, and the widget manager
would load JavaScript from a CDN).

It also tags the exercise cells for the book (tags change no output): a check cell
run on the student's placeholder (``check("id", answer)``, or a coding exercise's template function) keeps its "Not yet" output in
the notebook but not on the page (``remove-output``), and the cell that runs a worked
solution through the check (which nbval verifies) is removed from the page
(``remove-cell``): the solution dropdown above it already shows the answer.
Nothing else is touched.

Usage: python scripts/clean_notebooks.py NOTEBOOK [NOTEBOOK ...]
"""

from __future__ import annotations

import re
import sys

import nbformat

NOISE = re.compile(
    r"^(WARNING: All log messages before absl::InitializeLog\(\) is called are written to STDERR"
    r"|[IWE]\d{4} [\d:.]+\s+\d+ \S+:\d+\] .*"
    r"|To enable the following instructions: .*"
    r"|E0000 .*)$"
)


def clean_text(text: str) -> str:
    return "".join(
        line
        for line in text.splitlines(keepends=True)
        if not NOISE.match(line.rstrip("\n"))
    )


# `answer`, or the name of the function a coding exercise's template defines
PLACEHOLDER_CHECK = re.compile(r'^check\("[^"]+", [A-Za-z_]\w*\)\s*$')


def tag_exercise_cells(nb) -> int:
    """Add the book's tags to exercise check cells; return how many cells changed."""
    changed = 0
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        tags = list(cell.metadata.get("tags", []))
        new = tags
        if PLACEHOLDER_CHECK.match(cell.source) and "remove-output" not in tags:
            new = [*tags, "remove-output"]
        elif "hide-cell" in tags and cell.source.lstrip().startswith("check("):
            new = ["remove-cell" if t == "hide-cell" else t for t in tags]
        if new != tags:
            cell.metadata["tags"] = new
            changed += 1
    return changed


def clean(nb) -> int:
    """Clean a notebook in place; return how many outputs were changed."""
    changed = int(nb.metadata.pop("widgets", None) is not None)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        cell.metadata.pop("execution", None)
        kept = []
        for out in cell.outputs:
            if out.output_type == "stream" and out.name == "stderr":
                text = clean_text(out.text)
                changed += text != out.text
                if not text.strip():
                    continue
                out.text = text
            kept.append(out)
        cell.outputs = kept
    return changed


def main(paths: list[str]) -> None:
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        n = clean(nb) + tag_exercise_cells(nb)
        nbformat.write(nb, path)
        print(f"{path}: cleaned {n} output(s)")


if __name__ == "__main__":
    main(sys.argv[1:])
