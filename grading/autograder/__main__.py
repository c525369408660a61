"""The instructor's commands (run from grading/; the Makefile wraps them).

python -m autograder assignments [--roster students.csv]
    student versions: release/<assignment>/ (the public default variant, what nbgrader
    hands out) and, for every student of the roster, variants/<student>/<assignment>/
python -m autograder grade <assignment> [--jobs N] [--step-cpu S]
    grade every submission in submitted/<student>/<assignment>/, record the grades in
    nbgrader's gradebook, write feedback/ and grades.csv, print the report
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

import nbformat

from . import grade, sandbox, variants


def release(course: Path, roster: Path | None) -> None:
    variants.ensure_secret(course)
    students = []
    if roster is not None:
        with open(roster, newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        if rows and "id" not in rows[0]:
            raise SystemExit(
                f"{roster}: the roster needs an 'id' column (nbgrader's student import format)"
            )
        students = [row["id"].strip() for row in rows if row.get("id", "").strip()]
    secret = variants.read_secret(course)
    for source in sorted(p for p in (course / "source").iterdir() if p.is_dir()):
        assignment = source.name
        grader = grade.load_grader(course, assignment)
        template = grade.template_path(course, assignment, grader.NOTEBOOK)
        template.unlink(missing_ok=True)  # always regenerate from the source
        nb = nbformat.read(grade.ensure_released(course, assignment), as_version=4)
        for student in students:
            out = course / "variants" / student / assignment / grader.NOTEBOOK
            out.parent.mkdir(parents=True, exist_ok=True)
            params = variants.parameters(grader, secret, assignment, student)
            nbformat.write(variants.render_notebook(nb, params), out)
        print(
            f"{assignment}: release/{assignment}/{grader.NOTEBOOK} (public default variant)"
            + (f", {len(students)} student variants in variants/" if students else "")
        )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m autograder",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", required=True)
    rel = sub.add_parser("assignments", help="write the student versions")
    rel.add_argument(
        "--roster",
        type=Path,
        default=None,
        help="CSV with an 'id' column (default: students.csv if present)",
    )
    gr = sub.add_parser("grade", help="grade every submission of an assignment")
    gr.add_argument("assignment")
    gr.add_argument(
        "--jobs", type=int, default=2, help="submissions graded at once (default 2)"
    )
    gr.add_argument(
        "--step-cpu", type=float, default=None, help="CPU seconds one cell may use"
    )
    args = parser.parse_args(argv)
    course = Path.cwd()
    if not (course / "nbgrader_config.py").exists():
        raise SystemExit(
            "run this from the course folder (grading/), which holds nbgrader_config.py"
        )
    if args.command == "assignments":
        roster = args.roster or (
            course / "students.csv" if (course / "students.csv").exists() else None
        )
        release(course, roster)
        return 0
    limits = (
        sandbox.Limits()
        if args.step_cpu is None
        else sandbox.Limits(step_cpu_s=args.step_cpu)
    )
    try:
        grade.grade_class(course, args.assignment, jobs=args.jobs, limits=limits)
    except (sandbox.SandboxUnavailable, variants.VariantError) as error:
        raise SystemExit(f"make grade: {error}") from None
    return 0


if __name__ == "__main__":
    sys.exit(main())
