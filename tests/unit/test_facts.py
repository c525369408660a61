"""The facts table (course_lib.facts) and the lecture notes' names (course_lib._notes).

Every fact must cite a key of book/references.bib, say what it measures and where, and a
rate must state its context (split, number of models, crops) in its controlled fields and
in its sentence. None of these tests repeats a value of the table.
"""

from __future__ import annotations

import ast
import dataclasses
import re
from pathlib import Path

import pytest

from course_lib import facts
from course_lib._notes import NOTES, NOTES_SHORT
from course_lib.facts import FACTS, Fact, fact

BIBLIOGRAPHY = Path(__file__).parents[2] / "book" / "references.bib"


def bib_entries() -> dict[str, str]:
    """Key -> entry type of every entry in references.bib (a BibTeX entry starts `@type{key,`)."""
    text = BIBLIOGRAPHY.read_text(encoding="utf-8")
    return {
        key: kind.lower()
        for kind, key in re.findall(r"^@(\w+)\s*\{\s*([^,\s]+)\s*,", text, flags=re.M)
    }


def bib_fields(key: str) -> dict[str, str]:
    text = BIBLIOGRAPHY.read_text(encoding="utf-8")
    start = re.search(r"^@\w+\s*\{\s*" + re.escape(key) + r"\s*,", text, flags=re.M)
    assert start, key
    end = text.find("\n@", start.end())
    body = text[start.end() : end if end >= 0 else len(text)]
    return {
        name.lower(): value
        for name, value in re.findall(r"^\s*(\w+)\s*=\s*(.+?),?\s*$", body, flags=re.M)
    }


def test_the_bibliography_parser_sees_every_entry():
    # The regex must not silently miss entries: count the '@' lines independently.
    text = BIBLIOGRAPHY.read_text(encoding="utf-8")
    assert len(bib_entries()) == len(re.findall(r"^@", text, flags=re.M)) > 0


@pytest.mark.parametrize("key", sorted(FACTS))
def test_every_fact_cites_a_key_of_the_bibliography(key):
    assert fact(key).cite in bib_entries(), (
        f"{key}: cite key {fact(key).cite!r} is not in {BIBLIOGRAPHY.name}"
    )


@pytest.mark.parametrize("key", sorted(FACTS))
def test_every_fact_says_what_it_measures_and_where(key):
    f = fact(key)
    assert f.key == key
    for name in ("unit", "measures", "where"):
        assert getattr(f, name).strip(), f"{key}: empty `{name}`"
    assert len(f.measures.split()) >= 3, (
        f"{key}: `measures` should be a phrase, got {f.measures!r}"
    )


RATES = sorted(k for k, f in FACTS.items() if f.metric in facts.RATE_METRICS)


def test_the_table_has_rates_and_percentages_are_rates_or_declared_otherwise():
    assert RATES
    for key, f in FACTS.items():
        if f.unit == "%" and f.metric not in facts.RATE_METRICS:
            # a share, a relative change or a hyperparameter in percent: never an error rate in disguise
            assert "error" not in f.metric and "accuracy" not in f.metric, key
            assert f.metric in ("share", "relative change", "hyperparameter"), key


@pytest.mark.parametrize("key", RATES)
def test_every_rate_states_its_context_in_words(key):
    f = fact(key)
    assert f.unit == "%", key
    words = f.measures.lower()
    if f.split in ("validation", "test", "train"):
        assert {"validation": "validation", "test": "test", "train": "train"}[
            f.split
        ] in words, (
            f"{key}: split {f.split!r} but `measures` does not say so: {f.measures!r}"
        )
    if isinstance(f.models, int) and f.models > 1:
        number_words = {2: "two", 3: "three", 5: "five", 6: "six", 7: "seven"}
        assert str(f.models) in words or number_words.get(f.models, "@") in words, (
            f"{key}: an ensemble of {f.models} but `measures` does not say how many: {f.measures!r}"
        )
    if f.metric.startswith("top-"):
        assert f.metric.split()[0] in words, (
            f"{key}: `measures` does not say {f.metric.split()[0]}"
        )
    # the generated context names every controlled field that the source states
    assert f.metric in f.context
    assert ("single model" in f.context) == (f.models == 1)


def test_fact_rejects_an_unknown_key_and_suggests_close_ones():
    some_key = sorted(FACTS)[0]
    with pytest.raises(ValueError, match=r"fact: `key`.*close matches") as info:
        fact(some_key + "x")
    assert some_key in str(info.value)
    with pytest.raises(ValueError, match=r"fact: `key`"):
        fact("no such fact at all, surely")


def test_a_rate_without_its_context_is_refused():
    template = fact(RATES[0])
    for field, bad in (
        ("split", None),
        ("split", "dev"),
        ("models", None),
        ("models", 0),
        ("crops", None),
        ("crops", True),
    ):
        with pytest.raises(ValueError, match=field):
            dataclasses.replace(template, **{field: bad})
    with pytest.raises(ValueError, match="metric"):
        dataclasses.replace(template, metric="top-3 error")
    with pytest.raises(ValueError, match="measures"):
        dataclasses.replace(template, measures=" ")


def test_a_count_cannot_carry_rate_fields():
    count = next(f for f in FACTS.values() if f.metric == "count")
    with pytest.raises(ValueError, match="describe rates"):
        dataclasses.replace(count, split="test")


def test_text_keeps_the_precision_the_source_states():
    for f in FACTS.values():
        number = f.text.rstrip("%").replace(",", "")
        if "e" in number:
            assert float(number) == pytest.approx(f.value), f.key
            continue
        assert float(number) == pytest.approx(f.value), f.key
        decimals = len(number.split(".")[1]) if "." in number else 0
        assert decimals == f.places, f.key
        assert (f.unit == "%") == f.text.endswith("%"), f.key
    # myst-nb shows a glued text/plain after ast.literal_eval: the repr must evaluate back to the text
    # exactly ("1,000" unquoted would become the tuple (1, 0))
    for f in FACTS.values():
        assert ast.literal_eval(repr(f.text)) == str(f.text), f.key
    format_plain_text = pytest.importorskip("myst_nb.core.variables").format_plain_text
    for f in FACTS.values():
        assert format_plain_text(repr(f.text), "s") == str(f.text), f.key


def test_glue_facts_returns_the_facts_without_myst_nb():
    keys = sorted(FACTS)[:2]
    assert [f.key for f in facts.glue_facts(*keys)] == keys
    with pytest.raises(ValueError):
        facts.glue_facts("not a fact")


@pytest.mark.parametrize("key", sorted(FACTS))
def test_glued_text_shows_in_the_book_as_the_fact_text(key, monkeypatch):
    # myst-nb's {glue:text} literal_evals the stored text/plain: a bare "1,000" would show as "(1, 0)"
    variables = pytest.importorskip("myst_nb.core.variables")
    from course_lib import runtime

    glued = {}
    monkeypatch.setattr(
        runtime, "glue", lambda name, value: glued.setdefault(name, value)
    )
    facts.glue_facts(key)
    stored = repr(glued[key])  # what IPython writes as text/plain
    assert variables.format_plain_text(stored, "s") == str(fact(key).text)


def test_every_set_of_lecture_notes_is_in_the_bibliography_and_named():
    entries = bib_entries()
    assert set(NOTES) == set(NOTES_SHORT)
    for key, name in NOTES.items():
        assert entries.get(key) == "misc", (
            f"{key}: the notes need a @misc entry in {BIBLIOGRAPHY.name}"
        )
        fields = bib_fields(key)
        assert {"title", "author", "howpublished"} <= set(fields), key
        assert name.strip() and NOTES_SHORT[key].strip()
        # the readable name starts from what the bibliography says: the author's surname, or "anonymous"
        surname = re.sub(r"[{}]", "", fields["author"]).split(",")[0].strip()
        assert surname.lower() in name.lower() + " anonymous", (key, surname, name)


def test_facts_from_the_notes_cite_the_notes():
    from_notes = [f for f in FACTS.values() if f.key.startswith("notes_")]
    assert from_notes
    assert all(f.cite in NOTES for f in from_notes)
    # and no fact cites notes by anything but their key
    assert not any(
        re.search(r"seed\s*0\d\d", f.measures + f.where + f.note, re.I)
        for f in FACTS.values()
    )


def test_fact_is_frozen():
    f = fact(RATES[0])
    with pytest.raises(dataclasses.FrozenInstanceError):
        f.value = 0  # type: ignore[misc]
    assert isinstance(f, Fact)
