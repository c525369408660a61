"""The lecture notes the course compares itself with, by their key in book/references.bib.

Chapters cite a set of notes as ``{cite:t}`das2021cnn``` and, where prose names them, with
the short name below ("Das's CS60010 slides"), never by the file name they were collected
under. Each entry is a plain string so that a chapter can write ``NOTES["das2021cnn"]``.

The module imports nothing: it is plain data.
"""

from __future__ import annotations

__all__ = ["NOTES", "NOTES_SHORT"]

# key in book/references.bib -> how a reader should see the notes named in prose.
NOTES = {
    "das2021cnn": "Das, CS60010 Deep Learning, IIT Kharagpur (2021)",
    "pedersen_lecture7": "Pedersen, Deep Learning for Visual Recognition, Aarhus University, lecture 7",
    "dube_lecture6": "Dube, DS-UA 301 Advanced Techniques in ML and Deep Learning, NYU, lecture 6",
    "kira_cnn": "Kira, CS 4644/7643 Deep Learning, Georgia Tech",
    "famous_networks": "the anonymous course-notes chapter 'Famous Networks'",
}

# A shorter form for tables and code comments, where the full name does not fit.
NOTES_SHORT = {
    "das2021cnn": "Das (IIT Kharagpur)",
    "pedersen_lecture7": "Pedersen (Aarhus)",
    "dube_lecture6": "Dube (NYU)",
    "kira_cnn": "Kira (Georgia Tech)",
    "famous_networks": "'Famous Networks' notes",
}
