"""Print the built HTML book to one PDF with Debian's Chromium (``make pdf``).

Jupyter Book's own PDF builders need either a LaTeX installation of several gigabytes
(``--builder pdflatex``) or pyppeteer, which downloads its own Chromium (``pdfhtml``); neither
works offline. This script prints every page of the HTML build (``make book``), in the order of
``_toc.yml``, with the Chromium the browser tests use (through Playwright), after MathJax has
typeset each page, and joins the pages with pypdf into one file with a title page, a contents
page with page numbers, and a bookmark per page::

    python scripts/print_pdf.py [--html _build/html] [--out _build/pdf/book.pdf]

Chapters keep the book's numbering ("6. LeNet-5 ...") because the HTML pages carry it. Worked
solutions stay folded, as on the web page; figures, tables and math print as the reader sees
them in the light theme. Each page has a time limit, so a page that never settles stops the run
with its name instead of hanging it.
"""

from __future__ import annotations

import argparse
import functools
import html as html_lib
import http.server
import io
import shutil
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]
PAGE_TIMEOUT_S = 120
MARGIN = {"top": "16mm", "bottom": "18mm", "left": "15mm", "right": "15mm"}
# MathJax 3 resolves startup.promise once the first typesetting is done; pages that load no
# MathJax (no formula) have nothing to wait for.
TYPESET = """() => new Promise(done => {
  const start = Date.now();
  const wait = () => {
    if (window.MathJax && MathJax.startup && MathJax.startup.promise)
      return MathJax.startup.promise.then(() => done(true));
    if (!document.querySelector('script[src*="mathjax"], script[src*="tex-"]')
        || Date.now() - start > 30000) return done(false);
    setTimeout(wait, 100);
  };
  wait();
})"""
# On paper: no navigation chrome, no launch or download buttons, code that wraps instead of
# scrolling, figures within the page width.
PRINT_CSS = """
.bd-header, .bd-sidebar-primary, .bd-sidebar-secondary, .header-article, .bd-footer,
.bd-footer-article, .prev-next-area, .bd-header-article, .skip-link, #pst-back-to-top,
.sidebar-toggle, .theme-switch-button { display: none !important; }
.bd-main .bd-content .bd-article-container { max-width: 100% !important; }
pre { white-space: pre-wrap !important; word-break: break-word; }
img, svg { max-width: 100% !important; height: auto; }
figure, table, .cell_output img { break-inside: avoid; }
"""

# The theme prints its own title block (#jb-print-docs-body) without the chapter number and
# hides the article's heading: give the printed title the heading's text, "6. LeNet-5 ...".
NUMBERED_TITLE = """() => {
  const heading = document.querySelector('section > h1') || document.querySelector('h1');
  if (!heading) return document.title;
  const clone = heading.cloneNode(true);
  clone.querySelectorAll('a.headerlink').forEach(a => a.remove());
  const text = clone.textContent.replace(/\\s+/g, ' ').trim();
  const printed = document.querySelector('#jb-print-docs-body h1');
  if (printed) printed.textContent = text;
  return text;
}"""


@dataclass(frozen=True)
class Page:
    """One page of the book: its document name (``notebooks/06_lenet5``) and its part caption."""

    doc: str
    part: str


def toc_pages(toc: Path) -> list[Page]:
    """Every page of ``_toc.yml`` in reading order: the root, then each part's chapters."""
    spec = yaml.safe_load(toc.read_text())
    pages = [Page(spec["root"], "")]
    for part in spec.get("parts", []):
        for chapter in part.get("chapters", []):
            pages.append(Page(chapter["file"], part.get("caption", "")))
    return pages


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _serve(folder: Path):
    handler = functools.partial(_Quiet, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def _footer(title: str) -> str:
    # Chromium fills pageNumber per printed file: the number is the page within the chapter.
    short = html_lib.escape(title if len(title) <= 70 else title[:67] + "...")
    return (
        '<div style="font-size:8px;width:100%;padding:0 15mm;display:flex;'
        'justify-content:space-between;color:#444;">'
        f'<span>{short}</span><span class="pageNumber"></span></div>'
    )


def _print_page(page, url: str, out: Path, title_hint: str) -> str:
    """Load ``url``, wait for its math, print it to ``out``; returns the page's title."""
    page.goto(url, wait_until="load")
    page.evaluate(TYPESET)
    page.add_style_tag(content=PRINT_CSS)
    title = page.evaluate(NUMBERED_TITLE)
    title = title or title_hint
    page.emulate_media(media="print")
    page.pdf(
        path=str(out),
        format="A4",
        print_background=True,
        margin=MARGIN,
        display_header_footer=True,
        header_template="<span></span>",
        footer_template=_footer(title),
    )
    return title


def _front_matter(page, titles: list[tuple[Page, str, int]], out: Path) -> None:
    """A title page and a contents page listing every page with its first page number."""
    rows, last_part = [], None
    for entry, title, first in titles:
        if entry.part != last_part and entry.part:
            rows.append(
                f'<tr><td colspan="2" class="part">{html_lib.escape(entry.part)}</td></tr>'
            )
            last_part = entry.part
        rows.append(
            f"<tr><td>{html_lib.escape(title)}</td><td class='n'>{first}</td></tr>"
        )
    book_title = html_lib.escape(titles[0][1]) if titles else "The book"
    doc = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Contents</title>
<style>body {{ font-family: sans-serif; }} .title {{ height: 240mm; display: flex;
flex-direction: column; justify-content: center; text-align: center; break-after: page; }}
h1 {{ font-size: 28pt; }} table {{ width: 100%; border-collapse: collapse; font-size: 10.5pt; }}
td {{ padding: 2pt 0; }} td.n {{ text-align: right; }} td.part {{ font-weight: bold;
padding-top: 10pt; }}</style></head><body>
<div class="title"><h1>{book_title}</h1><p>Printed from the HTML book</p></div>
<h2>Contents</h2><table>{"".join(rows)}</table></body></html>"""
    page.set_content(doc)
    page.pdf(path=str(out), format="A4", margin=MARGIN)


def print_pdf(html: Path, out: Path, toc: Path = ROOT / "_toc.yml") -> Path:
    """Print every page of the HTML build ``html`` to the PDF ``out``; returns ``out``."""
    from playwright.sync_api import sync_playwright
    from pypdf import PdfReader, PdfWriter

    pages = toc_pages(toc)
    missing = [p.doc for p in pages if not (html / f"{p.doc}.html").exists()]
    if missing:
        raise FileNotFoundError(
            f"print_pdf: {len(missing)} page(s) missing from {html} (first: {missing[0]}.html); "
            "build the book first (make book)"
        )
    if CHROMIUM is None:
        raise RuntimeError(
            "print_pdf: Chromium is not installed (make browser-deps installs Debian's)"
        )
    out.parent.mkdir(parents=True, exist_ok=True)
    httpd = _serve(html)
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    try:
        with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            context = browser.new_context()
            # the light theme on paper, whatever the reader's system prefers
            context.add_init_script(
                "localStorage.setItem('mode', 'light'); localStorage.setItem('theme', 'light');"
            )
            # the book must print offline: a request that would leave the machine fails
            # at once instead of holding the page's load event
            context.route(
                "**/*",
                lambda route: (
                    route.continue_()
                    if route.request.url.startswith((base, "data:", "blob:"))
                    else route.abort()
                ),
            )
            page = context.new_page()
            page.set_default_timeout(PAGE_TIMEOUT_S * 1000)
            printed = []
            for i, entry in enumerate(pages):
                part_file = Path(tmp) / f"{i:03d}.pdf"
                started = time.monotonic()
                try:
                    title = _print_page(
                        page, f"{base}/{entry.doc}.html", part_file, entry.doc
                    )
                except Exception as error:  # a page that never settles names itself
                    raise RuntimeError(
                        f"print_pdf: printing {entry.doc} failed: {error}"
                    ) from error
                printed.append((entry, title, part_file, time.monotonic() - started))
            # page numbers of the joined file: front matter first, so print it once to count it
            counts = [len(PdfReader(f).pages) for _, _, f, _ in printed]
            front = Path(tmp) / "front.pdf"
            for _ in range(2):  # the contents' own length shifts every number once
                front_pages = len(PdfReader(front).pages) if front.exists() else 2
                firsts, n = [], front_pages + 1
                for c in counts:
                    firsts.append(n)
                    n += c
                _front_matter(
                    page,
                    [(e, t, first) for (e, t, _, _), first in zip(printed, firsts)],
                    front,
                )
            browser.close()
            writer = PdfWriter()
            writer.append(str(front))
            for (entry, title, part_file, _), first in zip(printed, firsts):
                writer.append(str(part_file), outline_item=title)
            writer.add_metadata(
                {"/Title": printed[0][1], "/Creator": "scripts/print_pdf.py"}
            )
            buffer = io.BytesIO()
            writer.write(buffer)
            out.write_bytes(buffer.getvalue())
    finally:
        httpd.shutdown()
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--html", type=Path, default=ROOT / "_build" / "html")
    parser.add_argument(
        "--out", type=Path, default=ROOT / "_build" / "pdf" / "book.pdf"
    )
    args = parser.parse_args(argv)
    started = time.monotonic()
    out = print_pdf(args.html, args.out)
    print(
        f"printed {out} ({out.stat().st_size / 1e6:.1f} MB) "
        f"in {time.monotonic() - started:.0f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
