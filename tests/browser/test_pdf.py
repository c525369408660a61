"""The printed book (``make pdf``): one PDF holding every page of _toc.yml, in order, numbered.

The PDF is printed once per run from the built HTML (scripts/print_pdf.py, Debian's Chromium)
into a temporary folder; the tests read it with pypdf as a reader's PDF viewer would: its
bookmarks, the text of each chapter's first page, its images, its contents page.
"""

from __future__ import annotations

import fcntl
import importlib.util
import os
import re
import subprocess
import sys
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HTML = ROOT / "_build" / "html"


def _script():
    spec = importlib.util.spec_from_file_location(
        "print_pdf", ROOT / "scripts" / "print_pdf.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


PRINT = _script()
PAGES = PRINT.toc_pages(ROOT / "_toc.yml")


class _Heading(HTMLParser):
    """The text of a page's first ``section > h1`` (the numbered heading), without its link."""

    def __init__(self):
        super().__init__()
        self.in_h1 = self.in_link = self.done = False
        self.text = ""
        self._stack = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.done:
            return
        if tag == "h1" and self._stack and self._stack[-1] == "section":
            self.in_h1 = True
        elif self.in_h1 and tag == "a" and "headerlink" in (attrs.get("class") or ""):
            self.in_link = True
        self._stack.append(tag)

    def handle_endtag(self, tag):
        if self._stack and tag in self._stack:
            while self._stack and self._stack.pop() != tag:
                pass
        if tag == "a":
            self.in_link = False
        if tag == "h1" and self.in_h1:
            self.in_h1, self.done = False, True

    def handle_data(self, data):
        if self.in_h1 and not self.in_link:
            self.text += data


def _heading(doc: str) -> str:
    parser = _Heading()
    parser.feed((HTML / f"{doc}.html").read_text(encoding="utf-8"))
    return re.sub(r"\s+", " ", parser.text).strip()


def _print_once(out: Path) -> Path:
    """Print the book to ``out`` unless another xdist worker has: the first worker to take the
    lock prints, the others wait for it and read the same file (pytest-xdist's recipe for a
    session fixture that must run once; its loadgroup mark split these tests over workers,
    and each printed the book, a minute or two apiece)."""
    with open(out.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not out.exists():
            # A separate process, as `make pdf` runs it: Playwright's sync API refuses to start
            # a second session inside this worker's, which the other browser tests hold open.
            partial = out.with_suffix(".partial.pdf")
            subprocess.run(
                [
                    sys.executable,
                    str(ROOT / "scripts" / "print_pdf.py"),
                    "--html",
                    str(HTML),
                    "--out",
                    str(partial),
                ],
                check=True,
                timeout=900,
            )
            partial.rename(out)  # only a whole PDF is ever found by the next worker
    return out


@pytest.fixture(scope="session")
def pdf(tmp_path_factory):
    from pypdf import PdfReader

    if not (HTML / "index.html").exists():
        pytest.fail("build the book first: make book")
    if PRINT.CHROMIUM is None:
        pytest.fail(
            "Chromium is not installed: `make browser-deps` installs Debian's chromium"
        )
    # the parent of a worker's base folder is the whole run's, shared by every worker
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent
    return PdfReader(_print_once(shared / "book.pdf"))


def _bookmarks(reader):
    return [
        (item.title, reader.get_destination_page_number(item))
        for item in reader.outline
    ]


def test_every_page_of_the_toc_has_a_bookmark_with_its_heading_in_order(pdf):
    assert [title for title, _ in _bookmarks(pdf)] == [_heading(p.doc) for p in PAGES]


def test_numbered_parts_keep_the_chapter_numbers(pdf):
    titles = dict(zip((p.doc for p in PAGES), (t for t, _ in _bookmarks(pdf))))
    chapters = [d for d in titles if re.match(r"notebooks/(0[1-9]|1\d)_", d)]
    assert len(chapters) >= 17
    for doc in chapters:
        number = int(Path(doc).name[:2])
        assert titles[doc].startswith(f"{number}. "), (doc, titles[doc])


def _words(text: str) -> list[str]:
    # NFKC undoes the printed ligatures ("ﬁ" -> "fi") that text extraction returns
    return re.findall(r"[A-Za-z]{3,}", unicodedata.normalize("NFKC", text))


def test_each_bookmark_opens_on_the_first_page_of_its_chapter(pdf):
    starts = [page for _, page in _bookmarks(pdf)]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)
    for (title, page), entry in zip(_bookmarks(pdf), PAGES):
        text = " ".join(_words(pdf.pages[page].extract_text()))
        # the printed title block repeats the numbered heading
        assert " ".join(_words(title)) in text, (entry.doc, page, text[:200])


def test_contents_page_lists_every_page_with_the_page_it_starts_on(pdf):
    contents = "\n".join(pdf.pages[i].extract_text() for i in (1, 2))
    for title, page in _bookmarks(pdf):
        # printed page numbers count from 1
        line = re.escape(" ".join(_words(title))[:40])
        assert re.search(line, " ".join(_words(contents))), title
        assert re.search(rf"\b{page + 1}\b", contents), (title, page + 1)


def _image_count(page) -> int:
    """Image XObjects drawn on a page, also inside form XObjects, counted without decoding
    them (pypdf's ``page.images`` decodes every bitmap: most of a minute for the book)."""

    def count(resources, seen):
        found = 0
        resources = resources.get_object() if resources is not None else {}
        xobjects = resources.get("/XObject")
        xobjects = xobjects.get_object() if xobjects is not None else {}
        for ref in xobjects.values():
            key = getattr(ref, "idnum", None) or id(ref)
            if key in seen:
                continue
            seen.add(key)
            obj = ref.get_object()
            if obj.get("/Subtype") == "/Image":
                found += 1
            elif obj.get("/Subtype") == "/Form":
                found += count(obj.get("/Resources"), seen)
        return found

    return count(page.get("/Resources"), set())


def test_figures_print_as_images_and_math_is_typeset(pdf):
    # every matplotlib figure of the HTML is a PNG in _images; each must reach the PDF
    pngs = sum(
        len(
            re.findall(
                r'<img[^>]+src="[^"]*_images/[^"]+\.png"',
                (HTML / f"{p.doc}.html").read_text(),
            )
        )
        for p in PAGES
    )
    images = sum(_image_count(page) for page in pdf.pages)
    assert pngs > 20 and images >= pngs, (images, pngs)
    # typeset math leaves no TeX source behind
    leftovers = [
        i
        for i, page in enumerate(pdf.pages)
        if re.search(r"\\(frac|times|mathrm|sum)\b|\$\$", page.extract_text())
    ]
    assert not leftovers, f"untypeset TeX on printed pages {leftovers[:10]}"
