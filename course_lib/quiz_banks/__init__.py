"""The chapters' quiz questions, one module per quiz.

A module ``<name>.py`` here is quiz ``<name>`` (underscores become hyphens) for
``course_lib.quiz.show``; it defines ``questions()``, returning a list built with
``course_lib.quiz.choice`` and ``course_lib.quiz.numeric``. Numeric answers are computed
(by course_lib's arithmetic, profiler or models), never typed in.
"""
