"""Wrap the code lines that `ruff format` leaves longer than the book's 88 characters.

ruff format wraps code but never splits a comment or a string. This script, run after it, wraps
long comments at word boundaries and splits a long string literal that stands inside brackets
into adjacent literals (Python joins them), then proves that each changed cell parses to the
same syntax tree as before (comments aside), so the cell computes exactly what it did::

    python scripts/wrap_long_lines.py notebooks/*.ipynb labs/*.ipynb

A line it cannot wrap safely is reported and left for a person.
"""

from __future__ import annotations

import ast
import io
import json
import re
import sys
import textwrap
import tokenize
from pathlib import Path

LIMIT = 88


def _python(source: str) -> str:
    """The cell as plain Python: IPython's magics (%pip, !ls) turned into calls."""
    from IPython.core.inputtransformer2 import TransformerManager

    return TransformerManager().transform_cell(source)


def _tree(source: str) -> str:
    return ast.dump(_NormaliseDocstrings().visit(ast.parse(_python(source))))


def _wrap_comment(line: str) -> list[str]:
    indent = line[: len(line) - len(line.lstrip())]
    body = line.strip()[1:].strip()
    return textwrap.wrap(
        body,
        width=LIMIT,
        initial_indent=f"{indent}# ",
        subsequent_indent=f"{indent}# ",
        break_long_words=False,
        break_on_hyphens=False,
    )


def _tokens(text: str) -> list:
    """The tokens of one line, as far as they go: a line that opens a bracket ends early."""
    found = []
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            found.append(token)
    except (tokenize.TokenError, IndentationError, SyntaxError):
        pass
    return found


def _string_token(line: str):
    """(start, end, prefix, quote) of the line's only string token, if the line is just that
    string (plus a trailing comma or bracket)."""
    tokens = _tokens(line.lstrip())
    kinds = [
        t
        for t in tokens
        if t.type not in (tokenize.NEWLINE, tokenize.NL, tokenize.ENDMARKER)
    ]
    if sys.version_info >= (
        3,
        12,
    ):  # f-strings are several tokens there; keep it simple
        return None
    if not kinds or kinds[0].type != tokenize.STRING:
        return None
    if any(t.type == tokenize.STRING for t in kinds[1:]):
        return None
    rest = "".join(t.string for t in kinds[1:])
    if rest not in ("", ",", ")", "),", "]", "}"):
        return None
    text = kinds[0].string
    match = re.match(r"^([rbfuRBFU]*)(\"|')", text)
    if not match or text.startswith(('"""', "'''")):
        return None
    return text, match.group(1), match.group(2), rest


def _split_string(line: str) -> list[str] | None:
    found = _string_token(line)
    if found is None:
        return None
    text, prefix, quote, rest = found
    indent = line[: len(line) - len(line.lstrip())]
    body = text[len(prefix) + 1 : -1]
    room = LIMIT - len(indent) - len(prefix) - 2 - len(rest)
    pieces, start, last_break, depth = [], 0, None, 0
    for i, ch in enumerate(body):
        depth += ch == "{"
        depth -= ch == "}"
        if i + 1 - start > room and last_break and last_break > start:
            pieces.append(body[start:last_break])
            start = last_break
        # A break goes after a space outside any {...} field, never inside an escape.
        if ch == " " and depth == 0 and body[i - 1 : i] != "\\":
            last_break = i + 1
    pieces.append(body[start:])
    if len(pieces) == 1 or not all(pieces):
        return None
    lines = [f"{indent}{prefix}{quote}{p}{quote}" for p in pieces]
    lines[-1] += rest
    return lines


def _trailing_comment(line: str) -> list[str] | None:
    """``code  # comment`` too long: the comment moves, wrapped, onto lines above the code."""
    tokens = _tokens(line.lstrip())
    comments = [t for t in tokens if t.type == tokenize.COMMENT]
    if len(comments) != 1 or comments[0].start[1] == 0:
        return None
    indent = line[: len(line) - len(line.lstrip())]
    code = line.lstrip()[: comments[0].start[1]].rstrip()
    above = _wrap_comment(indent + comments[0].string)
    return [*above, indent + code]


def _docstring(node):
    """The docstring statement of a module, class or function node, or None."""
    body = getattr(node, "body", None)
    first = body[0] if isinstance(body, list) and body else None
    if (
        isinstance(first, ast.Expr)
        and isinstance(first.value, ast.Constant)
        and isinstance(first.value.value, str)
    ):
        return first
    return None


def _docstring_lines(source: str) -> set[int]:
    """0-based numbers of the lines that belong to a docstring."""
    lines = set()
    for node in ast.walk(ast.parse(_python(source))):
        docstring = _docstring(node)
        if docstring is not None:
            lines.update(range(docstring.lineno - 1, docstring.end_lineno))
    return lines


def _wrap_docstring_line(line: str) -> list[str]:
    indent = line[: len(line) - len(line.lstrip())]
    return textwrap.wrap(
        line.strip(),
        width=LIMIT,
        initial_indent=indent,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    )


class _NormaliseDocstrings(ast.NodeTransformer):
    """Docstrings compared with their whitespace collapsed: wrapping one changes no code."""

    def generic_visit(self, node):
        docstring = _docstring(node)
        if docstring is not None:
            docstring.value.value = " ".join(docstring.value.value.split())
        return super().generic_visit(node)


def wrap_cell(source: str) -> tuple[str, list[str]]:
    """The cell with its long comments and strings wrapped, and the lines left too long."""
    out, left = [], []
    docstrings = _docstring_lines(source)
    for number, line in enumerate(source.split("\n")):
        if len(line) <= LIMIT:
            out.append(line)
            continue
        if line.lstrip().startswith("#"):
            out.extend(_wrap_comment(line))
            continue
        if number in docstrings:
            out.extend(_wrap_docstring_line(line))
            continue
        split = _split_string(line) or _trailing_comment(line)
        if split and all(len(piece) <= LIMIT for piece in split):
            out.extend(split)
        else:
            out.append(line)
            left.append(line)
    wrapped = "\n".join(out)
    if wrapped != source and _tree(wrapped) != _tree(source):
        return source, [
            f"(cell unchanged: wrapping would change its meaning) {left or source[:60]}"
        ]
    return wrapped, left


def wrap_notebook(path: Path) -> list[str]:
    nb = json.loads(path.read_text(encoding="utf-8"))
    left, changed = [], False
    for cell in nb["cells"]:
        if cell["cell_type"] != "code":
            continue
        source = "".join(cell["source"])
        wrapped, still = wrap_cell(source)
        left += still
        if wrapped != source:
            cell["source"] = wrapped.splitlines(keepends=True)
            changed = True
    if changed:
        path.write_text(
            json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    return left


def main(paths: list[str]) -> int:
    status = 0
    for name in paths:
        for line in wrap_notebook(Path(name)):
            print(f"{name}: too long, wrap by hand: {line.strip()[:100]}")
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
