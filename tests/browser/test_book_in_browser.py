"""The rendered book in a real browser (Debian's Chromium driven by Playwright).

Serves _build/html on 127.0.0.1, visits every page of _toc.yml and checks what
a student would notice: errors, broken links and images, unrendered math,
missing outputs, wrong Colab links, dead quizzes, search, visible solutions.
Requests that would leave the machine are blocked and reported: the book
must work offline. Screenshots of key pages go to _build/screenshots/.
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import shutil
import threading
import time
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
HTML = ROOT / "_build" / "html"
SHOTS = ROOT / "_build" / "screenshots"
CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text())
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SETTLE_MS = 60_000
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _toc_files(node):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from ([value] if key in ("file", "root") else _toc_files(value))
    elif isinstance(node, list):
        for item in node:
            yield from _toc_files(item)


PAGES = list(_toc_files(yaml.safe_load((ROOT / "_toc.yml").read_text())))
NOTEBOOK_PAGES = [p for p in PAGES if (ROOT / f"{p}.ipynb").exists()]


@pytest.fixture(scope="session")
def server():
    if not (HTML / "index.html").exists():
        pytest.fail("build the book first: make book")
    handler = functools.partial(_QuietHandler, directory=str(HTML))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def browser():
    if CHROMIUM is None:
        pytest.fail(
            "Chromium is not installed: `make browser-deps` installs Debian's chromium"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Visit:
    """A page opened in a fresh context, with its console errors and blocked requests.
    Requests whose URL contains one of ``slow`` are answered 2 s late (a slow connection)."""

    def __init__(self, browser, url, slow=(), width=1280):
        self.slow = tuple(slow)
        self.context = browser.new_context(viewport={"width": width, "height": 900})
        self.page = self.context.new_page()
        self.errors, self.external, self.failed = [], [], []
        self.page.on(
            "console", lambda m: m.type == "error" and self.errors.append(m.text)
        )
        self.page.on(
            "response",
            lambda r: r.status >= 400 and self.failed.append(f"{r.status} {r.url}"),
        )
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.in_flight = track_requests(self.page)
        self.page.route("**/*", self._route)
        self.page.goto(url, wait_until="load")

    def settle(self):
        settle(self.page, self.in_flight)

    def _route(self, route):
        host = urlparse(route.request.url).hostname
        if host in ("127.0.0.1", "localhost") or route.request.url.startswith("data:"):
            if any(part in route.request.url for part in self.slow):
                time.sleep(2)
            route.continue_()
        else:
            self.external.append(route.request.url)
            route.abort()

    def close(self):
        self.context.close()


def track_requests(page) -> dict:
    """The page's requests still in flight (URL -> count), kept up to date."""
    in_flight: dict[str, int] = {}

    def started(request):
        in_flight[request.url] = in_flight.get(request.url, 0) + 1

    def ended(request):
        if in_flight.get(request.url, 0) > 1:
            in_flight[request.url] -= 1
        else:
            in_flight.pop(request.url, None)

    page.on("request", started)
    page.on("requestfinished", ended)
    page.on("requestfailed", ended)
    return in_flight


def settle(page, in_flight, timeout_ms=SETTLE_MS):
    """Wait until the page has made no request for 500 ms; if it has not within ``timeout_ms``,
    fail naming the requests still open (a page normally settles in 2-3 s; a loaded 2-core
    machine once took over 30 s, with no record of what was waited for)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_load_state("networkidle", timeout=timeout_ms)
    except PlaywrightTimeout:
        pytest.fail(
            f"{page.url} did not settle in {timeout_ms / 1000:.0f} s; requests still open: "
            f"{sorted(in_flight)[:5]}"
        )


@pytest.fixture
def visit(browser, server):
    opened = []

    def open_page(path):
        v = Visit(browser, urljoin(server, path))
        opened.append(v)
        return v

    yield open_page
    for v in opened:
        v.close()


def _math_rendered(page):
    page.wait_for_function(
        "document.querySelectorAll('mjx-container').length > 0", timeout=15_000
    )
    return page.locator("mjx-container").count()


@pytest.mark.parametrize("page_path", PAGES)
def test_page_loads_cleanly(visit, page_path):
    v = visit(f"{page_path}.html")
    v.settle()
    assert v.page.title(), "page has a title"
    assert not v.errors, f"console errors: {v.errors[:3]}"
    assert not v.external, (
        f"requests leaving the machine (the book must work offline): {v.external[:3]}"
    )
    assert not v.failed, f"requests that failed: {v.failed[:3]}"
    icons = v.page.eval_on_selector_all(
        "link[rel~='icon']", "els => els.map(e => e.href)"
    )
    assert icons, (
        "no favicon: the browser tab shows a blank page and asks for /favicon.ico"
    )
    for href in icons:
        assert v.page.request.get(href).ok, f"favicon {href} does not load"


# Surnames start with a capital letter, not only an ASCII one (Çiçek et al. 2016).
BIB_LABEL = re.compile(
    r"^[^\W\d_][\w'. -]+?( and [^\W\d_][\w' -]+| et al\.)? (\d{4}|n\.d\.)[a-z]?$"
)


def test_bibliography_labels_read_as_author_and_year(visit):
    """Labels as the text cites: [He et al. 2016], never BibTeX's alpha labels built from
    LaTeX source ("GDollarG+17" for Doll{\\'a}r)."""
    v = visit("book/bibliography.html")
    labels = v.page.eval_on_selector_all(
        ".citation .label",
        "els => els.map(e => e.textContent.replace(/[\\[\\]]/g, '').trim())",
    )
    assert len(labels) >= 40, f"only {len(labels)} bibliography entries found"
    odd = [label for label in labels if not BIB_LABEL.match(label)]
    assert not odd, f"labels that are not author and year: {odd[:5]}"
    assert len(set(labels)) == len(labels), "two entries share a label"


@pytest.mark.parametrize("page_path", PAGES)
def test_internal_links_and_images(visit, page_path):
    v = visit(f"{page_path}.html")
    base = HTML / page_path
    hrefs = v.page.eval_on_selector_all(
        "a[href]", "els => els.map(e => e.getAttribute('href'))"
    )
    broken = []
    for href in hrefs:
        parsed = urlparse(href)
        if parsed.scheme or href.startswith(("#", "mailto:")):
            continue
        target = (base.parent / unquote(parsed.path)).resolve()
        if not target.exists():
            broken.append(href)
    assert not broken, f"broken internal links: {broken[:5]}"
    images = v.page.eval_on_selector_all(
        "img",
        "els => els.map(e => ({src: e.getAttribute('src'), ok: e.complete && e.naturalWidth > 0, alt: e.alt}))",
    )
    assert all(i["ok"] for i in images), (
        f"images that did not load: {[i['src'] for i in images if not i['ok']][:5]}"
    )
    outputs = [i for i in images if "_images/" in (i["src"] or "")]
    assert all(i["alt"] for i in outputs), "every figure needs alt text"


@pytest.mark.parametrize(
    "page_path", ["notebooks/00_counting_with_course_lib", "book/glossary"]
)
def test_math_is_rendered(visit, page_path):
    v = visit(f"{page_path}.html")
    assert _math_rendered(v.page) > 3
    assert not v.page.locator("text=\\frac{").count(), "raw TeX left on the page"


@pytest.mark.parametrize("page_path", NOTEBOOK_PAGES)
def test_outputs_and_figures_are_present(visit, page_path):
    nb = json.loads((ROOT / f"{page_path}.ipynb").read_text())
    shown = [
        c
        for c in nb["cells"]
        if c["cell_type"] == "code"
        # a glued value (myst-nb's scrapbook record) is shown in the prose, not as an output
        and any("scrapbook" not in o.get("metadata", {}) for o in c["outputs"])
        and not {"remove-output", "remove-cell"}
        & set(c.get("metadata", {}).get("tags", []))
    ]
    figures = sum(
        1 for c in shown for o in c["outputs"] if "image/png" in o.get("data", {})
    )
    v = visit(f"{page_path}.html")
    assert v.page.locator(".cell_output").count() >= len(shown)
    assert v.page.locator(".cell_output img").count() >= figures


@pytest.mark.parametrize("page_path", NOTEBOOK_PAGES)
def test_colab_button_points_at_this_notebook(visit, page_path):
    v = visit(f"{page_path}.html")
    hrefs = v.page.eval_on_selector_all(
        "a[href*='colab.research.google.com']", "els => els.map(e => e.href)"
    )
    repo = urlparse(CONFIG["repository"]["url"]).path.strip("/")
    expected = f"https://colab.research.google.com/github/{repo}/blob/{CONFIG['repository']['branch']}/{page_path}.ipynb"
    assert expected in hrefs, f"Colab links on the page: {hrefs}"


def test_quiz_responds_to_a_click(visit):
    v = visit("notebooks/00_counting_with_course_lib.html")
    button = v.page.locator(".MCButton").first
    button.scroll_into_view_if_needed()
    button.click()
    feedback = v.page.locator(".Feedback").first
    feedback.wait_for(state="visible", timeout=5_000)
    assert feedback.inner_text().strip()


def _numeric_quiz_pages():
    """Pages whose notebook shows a course_lib quiz with numeric questions."""
    from course_lib import quiz

    numeric = {
        name
        for name in quiz.QUIZZES
        if any(q["type"] == "numeric" for q in quiz.questions(name))
    }
    for page in NOTEBOOK_PAGES:
        shown = re.findall(
            r'quiz\.show\(\\"([\w-]+)\\"\)', (ROOT / f"{page}.ipynb").read_text()
        )
        if numeric & set(shown):
            yield page


NUMERIC_QUIZ_PAGES = list(_numeric_quiz_pages())


@pytest.mark.parametrize("page_path", NUMERIC_QUIZ_PAGES)
def test_numeric_questions_answer_right_and_wrong(visit, page_path):
    """Type each numeric question's right answer, press Enter: its feedback appears, and a
    wrong answer gets other feedback, with no page error (a precision of 0 once made
    jupyterquiz throw RangeError here, leaving the student with no feedback at all)."""
    v = visit(f"{page_path}.html")
    v.settle()
    inputs = v.page.locator("input.Input-text")
    assert inputs.count() > 0, f"{page_path}: no numeric question"
    for i in range(inputs.count()):
        box = inputs.nth(i)
        answers = json.loads(box.get_attribute("data-answers"))
        right = next(a["value"] for a in answers if a.get("correct"))
        feedback = v.page.locator(f"#fb{box.get_attribute('id').split('-')[0]}")
        shown = []
        for typed in (right, right + 1):
            box.scroll_into_view_if_needed()
            box.click()
            box.fill(str(typed))
            box.press("Enter")
            feedback.wait_for(state="visible", timeout=5_000)
            shown.append(feedback.inner_text().strip())
        assert shown[0] and shown[1] and shown[0] != shown[1], (page_path, i, shown)
    assert not v.errors, f"{page_path}: page errors while answering: {v.errors[:3]}"


def _quiz_pages():
    """Pages whose notebook shows a course_lib quiz."""
    for page in NOTEBOOK_PAGES:
        if re.search(r'quiz\.show\(\\"', (ROOT / f"{page}.ipynb").read_text()):
            yield page


QUIZ_PAGES = list(_quiz_pages())


def _visible_text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html)).strip()


@pytest.mark.parametrize("page_path", QUIZ_PAGES)
def test_every_multiple_choice_option_gives_its_own_feedback(visit, page_path):
    """Click every option of every multiple-choice question: the feedback box shows that
    option's feedback, marked correct only for the right option, with no page error."""
    v = visit(f"{page_path}.html")
    v.settle()
    labels = v.page.locator("label.MCButton")
    assert labels.count() > 0, f"{page_path}: no multiple-choice question"
    by_question: dict[str, list[int]] = {}
    for i in range(labels.count()):
        by_question.setdefault(
            labels.nth(i).get_attribute("id").split("-")[0], []
        ).append(i)
    for qid, indices in by_question.items():
        feedback = v.page.locator(f"#fb{qid}")
        rights = 0
        for i in indices:
            label = labels.nth(i)
            label.scroll_into_view_if_needed()
            label.click()
            feedback.wait_for(state="visible", timeout=5_000)
            right = label.get_attribute("data-correct") == "true"
            rights += right
            expected = _visible_text(label.get_attribute("data-feedback") or "")
            shown = re.sub(r"\s+", " ", feedback.inner_text()).strip()
            assert expected and shown, (page_path, qid, i)
            # MathJax typesets $...$ in the box, so compare the words outside the math
            words = [
                w for w in re.sub(r"\$[^$]*\$", " ", expected).split() if w.isalpha()
            ]
            assert all(w in shown for w in words[:6]), (page_path, qid, shown, expected)
            classes = feedback.get_attribute("class").split()
            assert ("correct" in classes) == right, (page_path, qid, classes)
        assert rights == 1, f"{page_path}: question {qid} has {rights} right options"
    assert not v.errors, f"{page_path}: page errors while answering: {v.errors[:3]}"


def test_quiz_waits_for_a_slow_mathjax(browser, server):
    """On a slow connection MathJax arrives after the quiz has drawn itself (here held back 2 s): the
    quiz must not throw in the console nor fetch MathJax from a CDN (course_lib.quiz.WAIT_FOR_MATHJAX)."""
    v = Visit(
        browser,
        urljoin(server, "notebooks/00_counting_with_course_lib.html"),
        slow=("/mathjax/",),
    )
    try:
        v.settle()
        v.page.wait_for_timeout(1_000)
        assert not v.errors, f"console errors with a slow MathJax: {v.errors[:3]}"
        assert not v.external, f"requests leaving the machine: {v.external[:3]}"
        assert (
            v.page.locator(".MCButton").count() > 0
            and v.page.locator("mjx-container").count() > 0
        )
    finally:
        v.close()


def test_search_finds_bottleneck(visit):
    v = visit("search.html?q=bottleneck")
    v.page.wait_for_selector("ul.search li", timeout=15_000)
    assert v.page.locator("ul.search li").count() >= 1


def test_solutions_are_hidden_until_opened(visit):
    v = visit("notebooks/00_counting_with_course_lib.html")
    solution = v.page.locator("details.dropdown, .admonition.dropdown").first
    assert solution.count() == 1
    body = v.page.locator("text=every filter spans all three input channels").first
    assert not body.is_visible(), (
        "a worked solution is visible before the student opens it"
    )
    # the cell that checks the worked solution is not on the page, nor is "Not yet" under
    # the placeholder (scripts/clean_notebooks.py tags both)
    assert not v.page.locator("text=replace the placeholder").count()
    assert not v.page.locator(".cell.tag_remove-cell").count()


@pytest.mark.parametrize(
    "page_path",
    [
        "book/intro",
        "notebooks/00_counting_with_course_lib",
        "notebooks/00_architecture_timeline",
        "book/instructor-guide",
    ],
)
def test_screenshots_for_review(visit, page_path):
    SHOTS.mkdir(parents=True, exist_ok=True)
    v = visit(f"{page_path}.html")
    v.settle()
    path = SHOTS / (page_path.replace("/", "__") + ".png")
    v.page.screenshot(path=str(path), full_page=False)
    assert path.stat().st_size > 10_000


def test_a_page_that_never_settles_is_reported_with_its_open_requests(browser, server):
    """The settle helper itself: a stylesheet request that is never answered must fail the wait and be named."""
    held = []
    context = browser.new_context()
    try:
        page = context.new_page()
        in_flight = track_requests(page)
        page.route(
            "**/*.css", lambda route: held.append(route)
        )  # never continued: the request stays open
        page.goto(
            urljoin(server, "book/intro.html"), wait_until="commit"
        )  # stylesheets block later events
        with pytest.raises(
            pytest.fail.Exception,
            match=r"did not settle in 2 s; requests still open: \['http.*\.css",
        ):
            settle(page, in_flight, timeout_ms=2_000)
    finally:
        for route in held:
            route.abort()
        context.close()


# --- diagrams and quizzes: the page width of a laptop, and the dark theme -------------------------


def _diagram_pages():
    """Pages whose notebook draws a figure with course_lib.diagrams."""
    for page in NOTEBOOK_PAGES:
        nb = json.loads((ROOT / f"{page}.ipynb").read_text())
        if any(
            c["cell_type"] == "code"
            and "draw(" in "".join(c["source"])
            and "mystnb" in c["metadata"]
            for c in nb["cells"]
        ):
            yield page


DIAGRAM_PAGES = list(_diagram_pages())
LEGIBLE_SCALE = 0.6  # a diagram shrunk below this is too small to read at 1366 px


@pytest.mark.parametrize("page_path", DIAGRAM_PAGES)
def test_diagrams_fit_a_laptop_page_legibly(browser, server, page_path):
    """At 1366 px every diagram is inside the text column (no page-wide horizontal scroll) and
    shrunk at most to LEGIBLE_SCALE of its drawn size, or sits in a box that scrolls on purpose."""
    v = Visit(browser, urljoin(server, f"{page_path}.html"), width=1366)
    try:
        v.settle()
        images = v.page.eval_on_selector_all(
            "figure img[src$='.svg'], .cell_output img[src$='.svg']",
            """els => els.map(e => {
                e.scrollIntoView();
                let box = e.parentElement, scrolls = false;
                while (box && box !== document.body) {
                    const o = getComputedStyle(box).overflowX;
                    if ((o === 'auto' || o === 'scroll') && box.scrollWidth > box.clientWidth) { scrolls = true; }
                    box = box.parentElement;
                }
                return {src: e.getAttribute('src'), natural: e.naturalWidth, shown: e.getBoundingClientRect().width,
                        right: e.getBoundingClientRect().right, scrolls: scrolls};
            })""",
        )
        assert images, f"{page_path}: no diagram on the page"
        page_width = v.page.evaluate("document.documentElement.clientWidth")
        for img in images:
            assert img["natural"] > 0, f"{page_path}: {img['src']} did not load"
            assert img["scrolls"] or img["right"] <= page_width, (page_path, img)
            assert img["scrolls"] or img["shown"] >= LEGIBLE_SCALE * img["natural"], (
                f"{page_path}: {img['src']} shrunk to {img['shown'] / img['natural']:.0%}"
            )
        assert v.page.evaluate(
            "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
        ), f"{page_path}: the page scrolls sideways at 1366 px"
    finally:
        v.close()


def _luminance(rgb):
    def channel(c):
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(text, back):
    high, low = sorted((_luminance(text), _luminance(back)), reverse=True)
    return (high + 0.05) / (low + 0.05)


COLOURS_JS = """el => {
    const rgb = s => s.match(/[\\d.]+/g).slice(0, 3).map(Number);
    let box = el;
    while (box && getComputedStyle(box).backgroundColor.match(/rgba\\(.*, 0\\)|transparent/)) { box = box.parentElement; }
    return {text: rgb(getComputedStyle(el).color), back: rgb(getComputedStyle(box || document.body).backgroundColor)};
}"""


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_quiz_feedback_and_diagrams_are_legible_in_both_themes(visit, theme):
    """Right and wrong feedback, the question text and the diagrams' page contrast with what
    lies behind them (WCAG AA, 4.5:1) in the book's light and dark themes."""
    page = next(p for p in DIAGRAM_PAGES if p in QUIZ_PAGES)
    v = visit(f"{page}.html")
    v.settle()
    v.page.evaluate(f"document.documentElement.dataset.theme = '{theme}'")
    question = v.page.locator(".MultipleChoiceQn").first
    assert _contrast(**question.evaluate(COLOURS_JS)) >= 4.5, (theme, "question")
    labels = v.page.locator("label.MCButton")
    qid = labels.first.get_attribute("id").split("-")[0]
    options = v.page.locator(f"label.MCButton[id^='{qid}-']")
    # before any click: an option's text on its button (once a fixed grey, unreadable in dark)
    assert _contrast(**options.first.evaluate(COLOURS_JS)) >= 4.5, (theme, "option")
    for i in range(options.count()):
        options.nth(i).scroll_into_view_if_needed()
        options.nth(i).click()
        feedback = v.page.locator(f"#fb{qid}")
        feedback.wait_for(state="visible", timeout=5_000)
        v.page.wait_for_timeout(900)  # the button's colour animation ends
        right = options.nth(i).get_attribute("data-correct") == "true"
        assert _contrast(**feedback.evaluate(COLOURS_JS)) >= 4.5, (
            theme,
            right,
            "feedback",
        )
        assert _contrast(**options.nth(i).evaluate(COLOURS_JS)) >= 4.5, (
            theme,
            right,
            "button",
        )
    # the diagrams are drawn on an opaque white page with dark ink, whatever the theme
    svg = next(
        (HTML / page).parent.joinpath(src)
        for src in v.page.eval_on_selector_all(
            "figure img[src$='.svg']", "els => els.map(e => e.getAttribute('src'))"
        )
    )
    first_fill = re.search(
        r'class="graph".*?<polygon fill="([^"]+)"', svg.read_text(), re.S
    )
    assert first_fill and first_fill.group(1) == "white", svg


# WCAG 2.1 levels A and AA, the rules axe-core tags with them.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# The theme changes colours only (pydata-sphinx-theme's data-theme swaps CSS variables), so in
# the dark theme the rules that read colour are run again, not all of them: contrast of text,
# and links told apart from the text around them. The light pass runs every A/AA rule.
THEME_RULES = ["color-contrast", "link-in-text-block"]


@pytest.mark.parametrize("page_path", PAGES)
def test_page_passes_axe_core_wcag_aa_in_both_themes(visit, page_path):
    """axe-core (bundled by axe-playwright-python, so nothing is downloaded) finds no serious
    or critical WCAG 2.1 A/AA violation, in the light theme and in the dark one."""
    from axe_playwright_python.sync_playwright import Axe

    v = visit(f"{page_path}.html")
    v.settle()
    found = []
    for theme, run_only in (
        ("light", {"type": "tag", "values": WCAG_TAGS}),
        ("dark", {"type": "rule", "values": THEME_RULES}),
    ):
        v.page.evaluate(f"document.documentElement.dataset.theme = '{theme}'")
        v.page.wait_for_timeout(300)  # the theme's colours are applied
        result = Axe().run(v.page, options={"runOnly": run_only})
        found += [
            f"{theme}: {rule['id']} ({rule['impact']}) at {rule['nodes'][0]['target']}"
            f", {len(rule['nodes'])} element(s)"
            for rule in result.response["violations"]
            if rule["impact"] in ("serious", "critical")
        ]
    assert not found, f"{page_path}: {found[:4]}"


def test_quizzes_work_from_the_keyboard(visit):
    """A student without a mouse: an option's radio button takes the focus and Space answers
    it; a numeric box takes the focus, typing and Enter answer it. Both give feedback."""
    page = QUIZ_PAGES[0]
    v = visit(f"{page}.html")
    v.settle()
    radio = v.page.locator("label.MCButton input[type=radio]").first
    radio.focus()
    assert radio.evaluate("el => document.activeElement === el"), "option not focusable"
    v.page.keyboard.press("Space")
    qid = radio.evaluate("el => el.closest('label').id.split('-')[0]")
    v.page.locator(f"#fb{qid}").wait_for(state="visible", timeout=5_000)
    numeric_page = NUMERIC_QUIZ_PAGES[0]
    v = visit(f"{numeric_page}.html")
    v.settle()
    box = v.page.locator("input.Input-text").first
    box.focus()
    v.page.keyboard.type("1")
    v.page.keyboard.press("Enter")
    v.page.locator(f"#fb{box.get_attribute('id').split('-')[0]}").wait_for(
        state="visible", timeout=5_000
    )
    assert not v.errors, v.errors[:3]


def test_math_carries_mathml_for_screen_readers(visit):
    """MathJax's assistive MathML: each rendered formula holds a hidden <math> element that
    screen readers read instead of the glyphs."""
    v = visit("notebooks/00_counting_with_course_lib.html")
    v.settle()
    assert _math_rendered(v.page) > 3
    containers = v.page.locator("mjx-container").count()
    readable = v.page.locator("mjx-container mjx-assistive-mml math").count()
    assert containers and readable == containers, (containers, readable)
