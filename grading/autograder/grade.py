"""Grade a whole class: every submission in its own sandbox, verdicts outside, nbgrader's gradebook.

For each student folder ``submitted/<student>/<assignment>/``:

1. find and read the notebook (clear report lines for anything odd);
2. take the student's code cells only; the template's setup and test cells are the
   instructor's, rendered for the student's variant;
3. scan the code for what a question forbids (course_lib, the kernel's machinery): a
   flagged cell does not run and its question scores 0;
4. run the cells in a fresh sandbox and read the value answers out as plain data; run each
   function or block question again in its own fresh sandbox, from the cells that define
   it, on the grader's cases; a cell that loops, sleeps or ends the process is stopped and
   skipped, and only its question suffers;
5. judge every answer here, against the grader's references for that variant;
6. write the verdicts into an "autograded" notebook, record it with nbgrader (gradebook,
   formgrader, feedback, export), and report.
"""

from __future__ import annotations

import concurrent.futures
import importlib
import json
import os
import shutil
import sys
import threading
import traceback
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from . import sandbox, static, submission, variants
from .spec import BlockQuestion, PartResult, ValueQuestion

VERDICTS = "verdicts"  # nbgrader step folder holding the notebooks nbgrader records
OUTPUT_CHARS = 20_000  # kept per cell and stream for the feedback
_keras_lock = (
    threading.Lock()
)  # reference blocks are built one at a time (Keras's global state)


@dataclass
class StudentResult:
    student: str
    max_score: float
    parts: dict[str, list[PartResult]] = field(
        default_factory=dict
    )  # test cell -> verdicts
    outputs: dict[str, dict] = field(
        default_factory=dict
    )  # program cell id -> end event
    program: submission.Program | None = None
    params: dict | None = None
    notebook_name: str | None = None
    notes: list[str] = field(default_factory=list)  # report lines
    flags: list[str] = field(
        default_factory=list
    )  # forbidden code and other suspicious answers
    error: str | None = None  # nothing could be graded
    recorded_score: float | None = None

    @property
    def score(self) -> float:
        return sum(p.score for parts in self.parts.values() for p in parts)


@dataclass
class Context:
    course: Path
    assignment: str
    grader: object
    template: object  # the released notebook, placeholders unfilled
    secret: bytes | None
    limits: sandbox.Limits
    env: dict

    @property
    def max_score(self) -> float:
        return sum(q.points for q in self.grader.QUESTIONS)


def load_grader(course: Path, assignment: str):
    if str(course) not in sys.path:
        sys.path.insert(0, str(course))
    try:
        return importlib.import_module(f"graders.{assignment}")
    except ModuleNotFoundError as error:
        if error.name != f"graders.{assignment}":
            raise
        available = sorted(p.stem for p in (course / "graders").glob("ps*.py"))
        raise SystemExit(
            f"no grader for assignment {assignment!r}: expected graders/{assignment}.py "
            f"(there are: {', '.join(available) or 'none'})"
        ) from None


def sandbox_env(grader) -> dict:
    env = {
        "PYTHONHASHSEED": "0",
        "OMP_NUM_THREADS": "1",
        "OPENBLAS_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
        "TF_CPP_MIN_LOG_LEVEL": "3",
        "JAX_PLATFORMS": "cpu",
        "XLA_FLAGS": "--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1",
    }
    if getattr(grader, "KERAS", False):
        # Blocks only run forward once: Keras's NumPy backend starts fastest and compiles nothing.
        env["KERAS_BACKEND"] = os.environ.get("AUTOGRADER_KERAS_BACKEND", "numpy")
    return env


# --- running --------------------------------------------------------------------------------------
def _stop_reason(outcome: sandbox.JobOutcome, limits: sandbox.Limits) -> str:
    if outcome.stopped == "cpu":
        return f"stopped after {limits.step_cpu_s:g} CPU seconds (an endless loop?)"
    if outcome.stopped == "wall":
        return f"stopped after {limits.step_wall_s:g} seconds without finishing"
    if outcome.stopped == "job-wall":
        return f"the run was stopped after {limits.job_wall_s:g} seconds in all"
    if outcome.stopped == "messages":
        return "sent more data than an answer can hold"
    last = outcome.stderr_tail.strip().splitlines()[-1:] if outcome.stderr_tail else []
    return (
        f"ended the Python process (exit code {outcome.returncode}: os._exit, a crash, or the "
        f"{limits.memory_bytes >> 30} GiB memory limit)"
        + (f"; its last error output: {last[0][:200]}" if last else "")
    )


def run_steps(steps: list[dict], ctx: Context) -> tuple[dict, dict]:
    """Run steps in fresh sandboxes until every step has ended or been stopped.

    Returns (end events by step id, failure reasons by step id). A step that hangs or kills
    the process is skipped in the next run, so it costs only itself.
    """
    failed: dict[str, str] = {}
    ends: dict[str, dict] = {}
    retried: set[str] = set()
    for _ in range(2 * len(steps) + 2):
        job = {"steps": steps, "skip": sorted(failed), "output_chars": OUTPUT_CHARS}
        outcome = sandbox.run_job(job, ctx.limits, ctx.env)
        ends = {
            e["step"]: e
            for e in outcome.events
            if e.get("event") == "end" and isinstance(e.get("step"), str)
        }
        if outcome.finished:
            break
        if (
            outcome.stopped is None
            and outcome.running is not None
            and outcome.running not in retried
        ):
            # The process ended during a step. Once, under heavy load, a sandbox ended with no
            # sign of why; a submission's own exit or crash happens again, so it is blamed only
            # when a second run ends at the same step.
            retried.add(outcome.running)
            continue
        reason = _stop_reason(outcome, ctx.limits)
        if (
            outcome.running is None
            or outcome.stopped == "job-wall"
            or outcome.running in failed
        ):
            for step in steps:  # nothing more to learn by running again
                if step["id"] not in ends and step["id"] not in failed:
                    failed[step["id"]] = (
                        reason
                        if outcome.running in (None, step["id"])
                        else "not run: " + reason
                    )
            break
        failed[outcome.running] = reason
    return ends, failed


def _setup_steps(ctx: Context, params: dict) -> list[dict]:
    steps = []
    for cell in ctx.template.cells:
        meta = cell.metadata.get("nbgrader", {})
        if (
            cell.cell_type == "code"
            and not meta.get("solution")
            and not meta.get("grade")
        ):
            steps.append(
                {
                    "id": f"setup:{meta.get('grade_id')}",
                    "kind": "cell",
                    "name": meta.get("grade_id"),
                    "source": variants.render(cell.source, params),
                }
            )
    return steps


def _program_steps(cells: list[dict], blocked: set[str]) -> list[dict]:
    return [
        {
            "id": c["id"],
            "kind": "cell",
            "name": c["answers"] or c["grade_id"] or c["id"],
            "source": c["source"],
        }
        for c in cells
        if c["id"] not in blocked
    ]


def _questions_of_cells(program: submission.Program, questions) -> dict[str, object]:
    """Which question each program cell belongs to: its own, or the answer before it."""
    by_answer = {q.answer_cell: q for q in questions}
    owner, current = {}, questions[0]
    for cell in program.cells:
        current = by_answer.get(cell["answers"], current)
        owner[cell["id"]] = current
    return owner


def grade_student(ctx: Context, student: str) -> StudentResult:
    result = StudentResult(student, ctx.max_score)
    folder = ctx.course / "submitted" / student / ctx.assignment
    params = variants.parameters(ctx.grader, ctx.secret, ctx.assignment, student)
    result.params = params
    try:
        path, notes = submission.find_notebook(folder, ctx.grader.NOTEBOOK)
        result.notes += notes
        nb = submission.read_notebook(path)
        result.notebook_name = path.name
    except (submission.SubmissionError, OSError) as error:
        result.error = str(error)
        return _zero(ctx, result, f"not graded: {result.error}")
    program = submission.student_program(nb, ctx.template)
    result.program = program
    result.notes += program.notes
    questions = ctx.grader.QUESTIONS
    owner = _questions_of_cells(program, questions)

    # Forbidden code: the cell does not run, its question scores 0.
    blocked, flagged = set(), {}
    for cell in program.cells:
        question = owner[cell["id"]]
        findings = static.scan(
            cell["source"], tuple(getattr(ctx.grader, "FORBID", ())) + question.forbid
        )
        if findings:
            blocked.add(cell["id"])
            flagged.setdefault(question.test_cell, []).extend(str(f) for f in findings)
            result.flags.append(
                f"{question.test_cell}: {cell['answers'] or 'added cell'} "
                + "; ".join(str(f) for f in findings[:3])
            )

    setup = _setup_steps(ctx, params)
    rng = variants.student_rng(
        ctx.secret or b"public", ctx.assignment + "/cases", student
    )
    value_questions = [q for q in questions if isinstance(q, ValueQuestion)]
    if value_questions:
        names = [v.name for q in value_questions for v in q.values]
        steps = (
            setup
            + _program_steps(program.cells, blocked)
            + [
                {
                    "id": "probe:values",
                    "kind": "probe",
                    "probe": {"kind": "values", "names": names},
                }
            ]
        )
        ends, failed = run_steps(steps, ctx)
        _keep_outputs(result, ends, failed)
        answers = ends.get("probe:values", {}).get("result", {}) or {}
        for q in value_questions:
            result.parts[q.test_cell] = q.judge(params, answers, ctx.grader.DEFAULT)
    for q in questions:
        if isinstance(q, ValueQuestion):
            continue
        upto = _cells_through(program, q.answer_cell)
        cases, probes = q.probes(params, rng)
        probe_steps = [
            {"id": f"probe:{q.test_cell}:{i}", "kind": "probe", "probe": p}
            for i, p in enumerate(probes)
        ]
        if not any(
            c["answers"] == q.answer_cell and c["id"] not in blocked for c in upto
        ):
            result.parts[q.test_cell] = q.zero("no answer")
            continue
        ends, failed = run_steps(
            setup + _program_steps(upto, blocked) + probe_steps, ctx
        )
        _keep_outputs(
            result,
            ends,
            failed,
            only={c["id"] for c in upto if c["answers"] == q.answer_cell},
        )
        outcomes = [
            ends.get(s["id"])
            or {"status": "error", "error": failed.get(s["id"], "did not run")}
            for s in probe_steps
        ]
        if isinstance(q, BlockQuestion):
            with _keras_lock:
                result.parts[q.test_cell] = q.judge(params, cases, outcomes)
        else:
            result.parts[q.test_cell] = q.judge(params, cases, outcomes)
    for test_cell, findings in flagged.items():
        q = next(q for q in questions if q.test_cell == test_cell)
        result.parts[test_cell] = q.zero(
            "not graded: the answer uses what this problem set forbids ("
            + "; ".join(findings[:3])
            + ")",
            flag="forbidden",
        )
    for cell_id, reason in _failed_program_cells(result):
        result.notes.append(f"{cell_id}: {reason}")
    return result


def _cells_through(program: submission.Program, answer_cell: str) -> list[dict]:
    """The student's cells up to and including the answer to one question."""
    out = []
    for cell in program.cells:
        out.append(cell)
        if cell["answers"] == answer_cell:
            return out
    return out


def _keep_outputs(
    result: StudentResult, ends: dict, failed: dict, only: set | None = None
) -> None:
    for step_id, event in ends.items():
        if step_id.startswith("cell:") and (
            only is None or step_id in only or step_id not in result.outputs
        ):
            result.outputs[step_id] = event
    for step_id, reason in failed.items():
        if step_id.startswith(("cell:", "setup:")):
            result.outputs[step_id] = {
                "status": "stopped",
                "error": reason,
                "stdout": "",
                "stderr": "",
            }


def _failed_program_cells(result: StudentResult):
    names = {
        c["id"]: c["answers"] or c["grade_id"] or c["id"]
        for c in (result.program.cells if result.program else [])
    }
    for cell_id, event in sorted(result.outputs.items()):
        if event.get("status") == "stopped":
            yield names.get(cell_id, cell_id), event["error"]


def _zero(ctx: Context, result: StudentResult, why: str) -> StudentResult:
    for q in ctx.grader.QUESTIONS:
        result.parts[q.test_cell] = q.zero(why)
    return result


# --- verdict notebooks ------------------------------------------------------------------------------
def _stream(name: str, text: str):
    return nbformat.v4.new_output("stream", name=name, text=text)


def _cell_outputs(event: dict | None) -> list:
    if not event:
        return []
    outputs = []
    if event.get("stdout"):
        outputs.append(_stream("stdout", event["stdout"]))
    if event.get("stderr"):
        outputs.append(_stream("stderr", event["stderr"]))
    if event.get("status") in ("error", "stopped"):
        lines = str(event.get("error", "")).splitlines() or ["error"]
        outputs.append(
            nbformat.v4.new_output(
                "error",
                ename="Error" if event["status"] == "error" else "Stopped",
                evalue=lines[-1],
                traceback=lines,
            )
        )
    return outputs


def verdict_outputs(parts: list[PartResult]) -> list:
    score, points = sum(p.score for p in parts), sum(p.points for p in parts)
    lines = [
        ("PASSED " if p.score == p.points else "FAILED ")
        + (f"[{p.label}] " if p.label else "")
        + p.message
        + f" ({p.score:g}/{p.points:g})"
        for p in parts
    ]
    outputs = [
        _stream("stdout", "\n".join(lines) + f"\nScore: {score:g} of {points:g}\n")
    ]
    if score == 0:
        failed = [p.message for p in parts if p.score < p.points]
        outputs.append(
            nbformat.v4.new_output(
                "error", ename="NotPassed", evalue=failed[0][:300], traceback=failed
            )
        )
    elif score < points:
        outputs.append(
            nbformat.v4.new_output(
                "execute_result",
                data={"text/plain": f"{score:g}"},
                execution_count=None,
            )
        )
    return outputs


def verdict_notebook(ctx: Context, result: StudentResult):
    """The student's variant of the notebook with their code, its output and the verdicts."""
    nb = variants.render_notebook(ctx.template, result.params or ctx.grader.DEFAULT)
    program = result.program or submission.Program()
    cells, pending = [], {c["id"]: c for c in program.cells}
    extras_after: dict[str, list[dict]] = {}
    last = None
    for c in program.cells:
        if c["answers"]:
            last = c["answers"]
        else:
            extras_after.setdefault(last, []).append(c)
    for cell in extras_after.pop(None, []):
        cells.append(_added_cell(cell, result))
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        gid = meta.get("grade_id")
        if cell.cell_type == "code" and meta.get("solution"):
            answer = program.answer(gid)
            if answer:
                cell.source = answer["source"]
                cell.outputs = _cell_outputs(result.outputs.get(answer["id"]))
                pending.pop(answer["id"], None)
            cells.append(cell)
            for extra in extras_after.pop(gid, []):
                cells.append(_added_cell(extra, result))
            continue
        if cell.cell_type == "code" and meta.get("grade"):
            cell.outputs = verdict_outputs(result.parts.get(gid, []))
        elif cell.cell_type == "code":
            cell.outputs = _cell_outputs(result.outputs.get(f"setup:{gid}"))
        cells.append(cell)
    nb.cells = cells
    return nb


def _added_cell(entry: dict, result: StudentResult):
    cell = nbformat.v4.new_code_cell(entry["source"])
    cell.outputs = _cell_outputs(result.outputs.get(entry["id"]))
    return cell


# --- recording with nbgrader ------------------------------------------------------------------------
def _nbgrader_api(course: Path):
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory
    from nbgrader.preprocessors import (
        AssignLatePenalties,
        CheckCellMetadata,
        DeduplicateIds,
        LimitOutput,
        OverwriteKernelspec,
        SaveAutoGrades,
    )
    from traitlets.config.loader import PyFileConfigLoader

    config = PyFileConfigLoader("nbgrader_config.py", path=str(course)).load_config()
    config.CourseDirectory.root = str(course)
    config.CourseDirectory.submitted_directory = VERDICTS
    # The verdict notebooks already hold trusted cells and outputs: nothing is executed or
    # restored here; nbgrader only records the scores their test cells carry.
    config.Autograde.sanitize_preprocessors = [
        DeduplicateIds,
        OverwriteKernelspec,
        CheckCellMetadata,
    ]
    config.Autograde.autograde_preprocessors = [
        LimitOutput,
        SaveAutoGrades,
        AssignLatePenalties,
        CheckCellMetadata,
    ]
    coursedir = CourseDirectory(config=config)
    return NbGraderAPI(coursedir=coursedir, config=config), config


def record(ctx: Context, results: list[StudentResult]) -> None:
    import warnings

    with warnings.catch_warnings():
        # nbgrader 0.9 with SQLAlchemy 2 warns on every autograde; the records are complete.
        warnings.filterwarnings("ignore", module="nbgrader")
        warnings.filterwarnings("ignore", message=".*not in session.*")
        _record(ctx, results)


def _record(ctx: Context, results: list[StudentResult]) -> None:
    api, config = _nbgrader_api(ctx.course)
    verdicts = ctx.course / VERDICTS
    for result in results:
        folder = verdicts / result.student / ctx.assignment
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        stamp = (
            ctx.course / "submitted" / result.student / ctx.assignment / "timestamp.txt"
        )
        if stamp.is_file():
            shutil.copy(stamp, folder / "timestamp.txt")
        # Also for a submission that could not be read: its feedback says why it scored 0.
        nbformat.write(verdict_notebook(ctx, result), folder / ctx.grader.NOTEBOOK)
        outcome = api.autograde(ctx.assignment, result.student, force=True, create=True)
        if not outcome.get("success"):
            result.notes.append(
                "nbgrader could not record this submission: "
                + (outcome.get("error") or outcome.get("log") or "")[-500:]
            )
    for result in results:
        api.generate_feedback(ctx.assignment, result.student, force=True)
    _read_back(ctx, results)
    export_csv(ctx.course, config)


def _read_back(ctx: Context, results: list[StudentResult]) -> None:
    """The scores nbgrader recorded; a mismatch with the verdicts is reported, never hidden."""
    from nbgrader.api import Gradebook, MissingEntry

    with Gradebook(f"sqlite:///{ctx.course / 'gradebook.db'}") as gb:
        for result in results:
            try:
                result.recorded_score = gb.find_submission(
                    ctx.assignment, result.student
                ).score
            except MissingEntry:
                result.recorded_score = None
            if (
                result.recorded_score is None
                or abs(result.recorded_score - result.score) > 1e-9
            ):
                result.notes.append(
                    f"RECORDING MISMATCH: verdicts give {result.score:g}, the gradebook holds "
                    f"{result.recorded_score}"
                )


def export_csv(course: Path, config) -> Path:
    from nbgrader.api import Gradebook
    from nbgrader.plugins import CsvExportPlugin

    destination = course / "grades.csv"
    plugin = CsvExportPlugin(config=config)
    plugin.to = str(destination)
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        plugin.export(gb)
    return destination


# --- the whole class ---------------------------------------------------------------------------------
TEMPLATES = (
    "templates"  # released notebooks with their {{ placeholders }}, instructor-only
)


def template_path(course: Path, assignment: str, notebook: str) -> Path:
    return course / TEMPLATES / assignment / notebook


def ensure_released(course: Path, assignment: str) -> Path:
    """The student version with placeholders (nbgrader generate_assignment is run when it is missing)."""
    grader = load_grader(course, assignment)
    path = template_path(course, assignment, grader.NOTEBOOK)
    from nbgrader.api import Gradebook, MissingEntry

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        try:
            gb.find_assignment(assignment)
            known = True
        except MissingEntry:
            known = False
    if not path.exists() or not known:
        api, _ = _nbgrader_api(course)
        outcome = api.generate_assignment(assignment, force=True, create=True)
        if not outcome.get("success"):
            raise SystemExit(
                f"nbgrader generate_assignment {assignment} failed:\n{outcome.get('log')}"
            )
        released = course / "release" / assignment / grader.NOTEBOOK
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(released, path)
        # What nbgrader hands out is the public default variant.
        nb = nbformat.read(path, as_version=4)
        nbformat.write(variants.render_notebook(nb, grader.DEFAULT), released)
    return path


def check_points(ctx: Context) -> None:
    """The grader's points must be the notebook's: nbgrader's gradebook counts the latter."""
    cells = {
        c.metadata["nbgrader"]["grade_id"]: c
        for c in ctx.template.cells
        if "nbgrader" in c.metadata
    }
    for q in ctx.grader.QUESTIONS:
        cell = cells.get(q.test_cell)
        if cell is None or not cell.metadata["nbgrader"].get("grade"):
            raise SystemExit(
                f"graders/{ctx.assignment}.py grades {q.test_cell}, which is no graded cell"
            )
        if float(cell.metadata["nbgrader"]["points"]) != q.points:
            raise SystemExit(
                f"{q.test_cell}: the notebook gives {cell.metadata['nbgrader']['points']} points, "
                f"the grader {q.points}"
            )
        if q.answer_cell not in cells:
            raise SystemExit(
                f"{q.test_cell}: no answer cell {q.answer_cell} in the notebook"
            )


def grade_class(
    course: Path,
    assignment: str,
    jobs: int = 2,
    limits: sandbox.Limits | None = None,
    students: list[str] | None = None,
) -> list[StudentResult]:
    course = course.resolve()
    sandbox.check_available()
    grader = load_grader(course, assignment)
    template = nbformat.read(ensure_released(course, assignment), as_version=4)
    secret = variants.read_secret(course)
    ctx = Context(
        course,
        assignment,
        grader,
        template,
        secret,
        limits or sandbox.Limits(),
        sandbox_env(grader),
    )
    check_points(ctx)
    submitted = course / "submitted"
    names = (
        students
        or sorted(p.name for p in submitted.iterdir() if (p / assignment).is_dir())
        if submitted.is_dir()
        else []
    )
    results: list[StudentResult] = []

    def safe(student):
        try:
            return grade_student(ctx, student)
        except (
            Exception
        ):  # a bug of ours must not cost the rest of the class its grades
            result = _zero(
                ctx,
                StudentResult(student, ctx.max_score),
                "the autograder failed on this submission",
            )
            result.error = "autograder error:\n" + traceback.format_exc()[-1500:]
            return result

    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        results = list(pool.map(safe, names))
    record(ctx, results)
    write_report(ctx, results)
    return results


def report_lines(ctx: Context, results: list[StudentResult]) -> list[str]:
    lines = [
        f"{ctx.assignment}: {len(results)} submissions graded; limits: {ctx.limits.describe()}",
        "",
    ]
    for r in results:
        recorded = (
            "" if r.recorded_score is None else f" (gradebook {r.recorded_score:g})"
        )
        lines.append(f"{r.student}: {r.score:g} / {r.max_score:g}{recorded}")
        if r.error:
            lines.append(f"    NOT GRADED: {r.error.splitlines()[0]}")
        for flag in r.flags:
            lines.append(f"    FLAGGED {flag}")
        for note in r.notes:
            lines.append(f"    note: {note}")
        for test_cell, parts in r.parts.items():
            for p in parts:
                if p.score < p.points and not r.error:
                    expected = (
                        "" if p.expected is None else f" [expected {p.expected!r}]"
                    )
                    lines.append(
                        f"    {test_cell}{'/' + p.label if p.label else ''}: {p.message}{expected}"
                    )
    return lines


def write_report(ctx: Context, results: list[StudentResult]) -> None:
    folder = ctx.course / "reports"
    folder.mkdir(exist_ok=True)
    text = "\n".join(report_lines(ctx, results)) + "\n"
    (folder / f"{ctx.assignment}.txt").write_text(text)
    data = [
        {
            "student": r.student,
            "score": r.score,
            "max_score": r.max_score,
            "recorded_score": r.recorded_score,
            "error": r.error,
            "flags": r.flags,
            "notes": r.notes,
            "parts": {
                cell: [
                    {
                        "label": p.label,
                        "points": p.points,
                        "score": p.score,
                        "message": p.message,
                        "flag": p.flag,
                    }
                    for p in parts
                ]
                for cell, parts in r.parts.items()
            },
        }
        for r in results
    ]
    (folder / f"{ctx.assignment}.json").write_text(json.dumps(data, indent=1))
    print(text, end="")
