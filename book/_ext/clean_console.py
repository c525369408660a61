"""Two upstream glitches that print errors in every reader's browser console.

1. sphinx-thebe's inline configuration script is added twice to each page, so
   the second copy fails with "Identifier 'THEBE_JS_URL' has already been
   declared". Duplicate script assets are dropped when a page is rendered.
2. On a reader's first visit (empty localStorage) sphinx-book-theme sets the
   colour mode to "" and pydata-sphinx-theme logs "Got invalid theme mode".
   A one-line script seeds the mode the themes fall back to anyway ("auto").
"""

from __future__ import annotations

SEED_MODE = (
    'if (!localStorage.getItem("mode")) { localStorage.setItem("mode", "auto"); }'
    'if (!document.documentElement.dataset.mode) { document.documentElement.dataset.mode = "auto"; }'
)


def _dedupe_scripts(app, pagename, templatename, context, doctree):
    seen, kept = set(), []
    for script in context.get("script_files", []):
        # Inline scripts come with filename None or '' depending on who added them.
        key = (
            getattr(script, "filename", None) or "",
            tuple(sorted(getattr(script, "attributes", {}).items())),
        )
        if key not in seen:
            seen.add(key)
            kept.append(script)
    context["script_files"] = kept


def setup(app):
    app.add_js_file(None, body=SEED_MODE, priority=1)  # before the themes' own scripts
    app.connect(
        "html-page-context", _dedupe_scripts, priority=999
    )  # after the themes add theirs
    return {"parallel_read_safe": True, "parallel_write_safe": True}
