"""Find the numbers in a chapter's prose that have no source: neither glued, nor a fact, nor whitelisted.

Issue 21 asks that every number a sentence states either comes from the cell that computed it
(``{glue:text}`key```), or from the facts table (:mod:`course_lib.facts`, glued the same way),
or is one of the few kinds of number that need no source. This module lists the others, for a
notebook's markdown cells or a Markdown file::

    python -m course_lib._number_audit notebooks/07_alexnet_zfnet.ipynb      # one file, every hit
    python -m course_lib._number_audit --summary notebooks/*.ipynb labs/*.ipynb book/*.md

It reports; it does not enforce. A converted chapter gets its own test that its count is zero.

What is skipped (``WHITELIST`` below gives each rule with its reason): glue roles, code
spans and blocks, math (``$...$``, ``$$...$$``), cross-reference and citation roles, link
targets, headings' section numbers, numbers inside identifiers (conv1, VGG-16, ResNet-50,
Inception-v3, fc6), kernel and shape products (3x3, 224 x 224), years, and the small counts
0 to 10 written as words would be.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Hit", "WHITELIST", "unsourced_numbers", "scan_file", "main"]

# Spans removed before looking for numbers, each with why its numbers need no source here.
_MASKS = (
    (r"\{glue(?::\w+)?\}`[^`]*`", "glued: the number comes from a cell"),
    # A fence whose info string is empty, a language or {code-cell}: code. Directives such as
    # ```{admonition}, ```{note} or a dropdown solution hold prose, so only their first line
    # (the directive and its title) is masked and their body is scanned like any paragraph.
    (
        r"^```(?:[A-Za-z0-9_+-]*|\{code-cell\}[^\n]*)\n.*?^```",
        "a code block: code, not prose",
    ),
    (r"^```\{[\w:-]+\}.*$", "a directive's opening line: its name and title"),
    (
        r"^\*\*(?:Exercise|Problem) \d+[a-z]?\.\*\*.*?(?=\n\s*\n|\Z)",
        "an exercise's or an end-of-chapter problem's statement: its numbers are the givens "
        "the author chose; an exercise's answer is computed by course_lib.exercises and "
        "checked there, a problem's is the student's to compute",
    ),
    (r"`[^`\n]*`", "inline code: a name or an expression, checked by running it"),
    (
        r"\$\$.*?\$\$",
        "display math: a formula, whose numbers are part of the derivation",
    ),
    (r"\$[^$\n]+\$", "inline math: a formula"),
    (
        r"\{(?:cite|cite:p|cite:t|doc|ref|term|numref|eq)\}`[^`]*`",
        "a role's target: a key, not a number",
    ),
    (r"\]\([^)]*\)", "a link target: a URL or path"),
    (r"https?://\S+", "a bare URL"),
    (r"<[^>]+>", "an HTML tag or autolink"),
    (r"^#+ .*$", "a heading: section titles name things, they state no facts"),
    (r"^:\w+:.*$", "a directive option such as :class: dropdown"),
)

# Numbers kept in the prose on purpose: (pattern matched around the number, reason).
WHITELIST = (
    (
        r"\b(?:19[89]\d|20[0-2]\d)\b",
        "a year 1980-2029: dates of papers and challenges are the papers' "
        "citation data, already in references.bib",
    ),
    (
        r"\b\d+(?:\s*[x×]\s*\d+)+\b",
        "a kernel, window or shape such as 3x3, 11x11 or 224 x 224: the architecture "
        "being described, checked by building it",
    ),
    (
        r"\b[A-Za-z][A-Za-z]*[-_]?v?\d+[a-z]?\b",
        "a number inside an identifier: conv1, fc6, VGG-16, ResNet-50, "
        "Inception-v3, 4c, B0, C3",
    ),
    (r"\b\d+[a-z]\b", "a module or layer label such as 3a, 5b or 4e"),
    (r"\b10[⁰¹²³⁴⁵⁶⁷⁸⁹]+", "a power of ten written as a unit, as in 4.1 × 10⁹"),
    (
        r"\b(?:GTX|RTX|Tesla [A-Z]?|TPU ?v?)\s?\d+\b",
        "a hardware product name such as GTX 580",
    ),
    (
        r"\b(?:[0-9]|10)\b(?![.,]\d)(?!\s*%)",
        "a small count 0-10 (two GPUs, three scenarios), not a measurement",
    ),
    (
        r"(?:chapter|chapters|section|table|tables|figure|figures|fig\.|equation|eq\.|part|lab|exercise|step|"
        r"row|column|configuration)s?\s+\d+(?:\.\d+)*(?:\s*(?:,|and|to|-|–)\s*\d+(?:\.\d+)*)*",
        "a reference to a chapter, section, table, figure or equation",
    ),
    (
        r"\b\d+-(?:way|layer|bit|fold|shot|pixel|frame|unit|channel|number|dimensional|D)\b",
        "a compound naming a kind, as in 20-way, 16-frame, 32-bit (the count is the name)",
    ),
)

_NUMBER = re.compile(r"(?<![\w.])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s*%)?")


@dataclass(frozen=True)
class Hit:
    """A number found in prose with no source: file, cell index (-1 for a Markdown file), the number and its context."""

    path: str
    cell: int
    number: str
    context: str


def _mask(text: str, pattern: str, flags=0) -> str:
    return re.sub(
        pattern, lambda m: re.sub(r"[^\n]", " ", m.group(0)), text, flags=flags
    )


def unsourced_numbers(markdown: str) -> list[tuple[str, str]]:
    """Every number of ``markdown`` prose outside the masked spans and the whitelist, with its context."""
    text = markdown
    for pattern, _reason in _MASKS:
        # only fenced blocks and display math may span lines; every other span ends at its line
        multiline = pattern.startswith((r"^```(?:", r"\$\$", r"^\*\*(?:Exercise"))
        flags = re.M | (re.S if multiline else 0)
        text = _mask(text, pattern, flags)
    allowed = [False] * len(text)
    for pattern, _reason in WHITELIST:
        for m in re.finditer(pattern, text, re.I):
            for i in range(m.start(), m.end()):
                allowed[i] = True
    hits = []
    for m in _NUMBER.finditer(text):
        if all(allowed[i] for i in range(m.start(), m.end())):
            continue
        context = " ".join(
            markdown_line
            for markdown_line in text[max(0, m.start() - 40) : m.end() + 40].split()
        )
        hits.append((m.group(0).strip(), context))
    return hits


def _cells(path: Path):
    if path.suffix == ".ipynb":
        notebook = json.loads(path.read_text(encoding="utf-8"))
        for index, cell in enumerate(notebook["cells"]):
            if cell["cell_type"] == "markdown":
                source = cell["source"]
                yield index, "".join(source) if isinstance(source, list) else source
    else:
        yield -1, path.read_text(encoding="utf-8")


def scan_file(path: str | Path) -> list[Hit]:
    """The unsourced numbers of one notebook's markdown cells, or of one Markdown file."""
    path = Path(path)
    if path.suffix not in (".ipynb", ".md"):
        raise ValueError(
            f"scan_file: `path` must be a .ipynb or .md file, got {str(path)!r}"
        )
    return [
        Hit(str(path), index, number, context)
        for index, text in _cells(path)
        for number, context in unsourced_numbers(text)
    ]


def main(argv=None) -> int:
    """Command line: list the hits of each file, or with ``--summary`` one count per file."""
    parser = argparse.ArgumentParser(
        prog="python -m course_lib._number_audit", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "files", nargs="+", help="notebooks (.ipynb) or Markdown files (.md)"
    )
    parser.add_argument(
        "--summary",
        action="store_true",
        help="one line per file: the count of unsourced numbers",
    )
    args = parser.parse_args(argv)
    total = 0
    for name in args.files:
        hits = scan_file(name)
        total += len(hits)
        if args.summary:
            print(f"{len(hits):5d}  {name}")
        else:
            for hit in hits:
                print(f"{hit.path}[{hit.cell}]  {hit.number:>10}  …{hit.context}…")
    if args.summary:
        print(f"{total:5d}  total")
    return 0


if __name__ == "__main__":
    sys.exit(main())
