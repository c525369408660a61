"""Bibliography labels that match the author-year citations in the text, in an accessible list.

sphinxcontrib-bibtex's default style labels entries "alpha"-style from the authors' LaTeX
source, which turns "Doll{\\'a}r" into "GDollarG+17" and a corporate author into "TheKteam24".
The text cites author-year ("He et al., 2016"), so the list is labelled the same way:
[He et al. 2016], sorted by author, year and title. Two works that would share a label get
"a", "b" after the year, as author-year bibliographies do.
"""

from __future__ import annotations

from collections import Counter

from pybtex.plugin import register_plugin
from pybtex.richtext import Text
from pybtex.style.formatting.plain import Style as PlainStyle
from pybtex.style.labels import BaseLabelStyle
from pybtex.style.sorting import BaseSortingStyle

STYLE = "course_author_year"


def _surname(person) -> str:
    # Text.from_latex decodes {\'a} to á and drops the braces that protect "{NVIDIA Corporation}".
    names = person.prelast_names + person.last_names
    return Text.from_latex(" ".join(names)).render_as("text")


def _authors(entry) -> str:
    people = entry.persons.get("author") or entry.persons.get("editor") or []
    if not people:
        return Text.from_latex(entry.fields.get("title", entry.key)).render_as("text")
    if str(people[-1]) == "others":  # BibTeX's "and others": more authors than listed
        return f"{_surname(people[0])} et al."
    if len(people) == 1:
        return _surname(people[0])
    if len(people) == 2:
        return f"{_surname(people[0])} and {_surname(people[1])}"
    return f"{_surname(people[0])} et al."


def author_year(entry) -> str:
    """``"He et al. 2016"``; "n.d." for an undated work."""
    return f"{_authors(entry)} {entry.fields.get('year', 'n.d.')}"


class AuthorYearLabels(BaseLabelStyle):
    def format_labels(self, sorted_entries):
        entries = list(sorted_entries)
        labels = [author_year(e) for e in entries]
        counts, seen = Counter(labels), Counter()
        for label in labels:
            if counts[label] > 1:
                seen[label] += 1
                label = f"{label}{'abcdefghijklmnopqrstuvwxyz'[seen[label] - 1]}"
            yield label


class AuthorYearSorting(BaseSortingStyle):
    """By the label as a reader sees it, then the title: brace-protected corporate authors
    ({NVIDIA Corporation}) sort by their name, not after every other entry."""

    def sorting_key(self, entry):
        title = Text.from_latex(entry.fields.get("title", "")).render_as("text")
        return (_authors(entry).lower(), entry.fields.get("year", ""), title.lower())


class AuthorYearStyle(PlainStyle):
    default_label_style = STYLE
    default_sorting_style = STYLE


register_plugin("pybtex.style.labels", STYLE, AuthorYearLabels)
register_plugin("pybtex.style.sorting", STYLE, AuthorYearSorting)
register_plugin("pybtex.style.formatting", STYLE, AuthorYearStyle)


def _entries_as_list_items(app, pagename, templatename, context, doctree):
    """docutils writes each entry as role="doc-biblioentry" inside a role="list": the role
    is deprecated (DPUB-ARIA 1.1), and a list must hold list items, so assistive technology
    (and axe-core's aria-required-children rule) finds a list with no items."""
    body = context.get("body")
    if body and 'role="doc-biblioentry"' in body:
        context["body"] = body.replace('role="doc-biblioentry"', 'role="listitem"')


def setup(app):
    # _config.yml selects the style (bibtex_default_style); importing this module registered it.
    app.connect("html-page-context", _entries_as_list_items)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
