"""The autograder's parts on their own: the sandbox's isolation, the static check, variants.

tests/test_grading.py grades a whole class end to end; these tests pin down each
mechanism with a direct question, so a failure names the mechanism that broke.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "grading"))
from autograder import sandbox, static, variants  # noqa: E402

needs_sandbox = pytest.mark.skipif(
    shutil.which("bwrap") is None or os.geteuid() != 0,
    reason="the sandbox needs bubblewrap and root (make sandbox-deps)",
)
LIMITS = sandbox.Limits(step_cpu_s=5, step_wall_s=10, job_wall_s=60)


def run_cell(source: str, limits=LIMITS) -> tuple[dict, sandbox.JobOutcome]:
    job = {"steps": [{"id": "c", "kind": "cell", "source": source}]}
    outcome = sandbox.run_job(job, limits)
    ends = [e for e in outcome.events if e.get("event") == "end"]
    return (ends[0] if ends else {}), outcome


@needs_sandbox
def test_sandbox_holds_neither_the_repository_nor_the_grading_material():
    # The virtual environment is mounted at its own path; nothing else of the repository is there.
    venv = (
        Path(sys.prefix).relative_to(ROOT).parts[0]
        if Path(sys.prefix).is_relative_to(ROOT)
        else None
    )
    probe = (
        "import os\n"
        f"print(sorted(os.listdir({str(ROOT)!r})) if os.path.isdir({str(ROOT)!r}) else [])\n"
        "import importlib.util\nprint(importlib.util.find_spec('course_lib'))"
    )
    end, _ = run_cell(probe)
    first, second = end["stdout"].splitlines()
    assert first == str([venv] if venv else []), first
    assert second == "None"


@needs_sandbox
def test_sandbox_runs_as_an_unprivileged_user_without_network():
    end, _ = run_cell(
        "import os, socket\nprint(os.getuid(), os.geteuid())\n"
        "socket.create_connection(('127.0.0.1', 22), timeout=2)"
    )
    uid, euid = map(int, end["stdout"].split())
    assert (
        uid == euid and sandbox.UID_BASE <= uid < sandbox.UID_BASE + sandbox.UID_SLOTS
    )
    assert end["status"] == "error" and (
        "Network is unreachable" in end["error"] or "refused" in end["error"]
    )


@needs_sandbox
def test_sandbox_cannot_write_outside_its_own_folders():
    end, _ = run_cell(
        "import os\nfor path in ('/usr/evil', '/job/evil', %r):\n"
        "    try:\n        open(path, 'w').write('x'); print('wrote', path)\n"
        "    except OSError as e:\n        print('refused', type(e).__name__)\n"
        "open('/submission/ok', 'w').write('fine'); print('own folder ok')"
        % sys.executable
    )
    assert "wrote" not in end["stdout"] and "own folder ok" in end["stdout"]


@needs_sandbox
def test_a_background_process_dies_with_its_sandbox():
    end, outcome = run_cell(
        "import posix, time\nif posix.fork() == 0:\n    posix.setsid()\n"
        "    time.sleep(60)\n    posix._exit(0)\nprint('parent done')"
    )
    assert outcome.finished and "parent done" in end["stdout"]
    alive = [
        pid
        for pid, (_, uid, _) in sandbox._proc_stats().items()
        if sandbox.UID_BASE <= uid < sandbox.UID_BASE + sandbox.UID_SLOTS
    ]
    assert not alive


@needs_sandbox
def test_endless_loop_is_stopped_by_cpu_time_and_exit_is_reported():
    _, outcome = run_cell(
        "while True:\n    try:\n        pass\n    except BaseException:\n        pass"
    )
    assert outcome.stopped == "cpu" and outcome.running == "c" and not outcome.finished
    _, outcome = run_cell("import os\nos._exit(3)")
    assert outcome.stopped is None and outcome.running == "c" and not outcome.finished


@needs_sandbox
def test_output_flood_is_truncated_not_stored():
    end, outcome = run_cell(
        "import sys\nprint('x' * 10_000_000)\nsys.__stdout__.write('y' * 10_000_000)"
    )
    assert (
        end["status"] == "ok"
        and len(end["stdout"]) < 30_000
        and "not kept" in end["stdout"]
    )
    assert len(outcome.stdout_tail) < 5_000


def test_harness_reports_an_int_subclass_as_what_it_is():
    sys.path.insert(0, str(ROOT / "grading" / "autograder"))
    os.environ.setdefault("HARNESS_FD", "1")
    import harness

    class Always(int):
        def __eq__(self, other):
            return True

        __hash__ = int.__hash__

    encoded = harness.encode(Always(0))
    assert encoded["int"] == "0" and encoded["type"].endswith("Always")


@pytest.mark.parametrize(
    "source,needle",
    [
        ("get_ipython().input_transformers_cleanup.append(f)", "get_ipython"),
        (
            "import course_lib\nx = course_lib.arithmetic.conv_params(1, 2, 3)",
            "course_lib",
        ),
        ("import sys\nsys.modules['math'] = None", "sys.modules"),
        ("from sys import modules", "sys.modules"),
        ("import builtins\nbuiltins.print = None", "builtins"),
        ("x = getattr(sys, 'mod' + 'ules')", "computed attribute"),
        ("exec('x = 1')", "exec"),
        ("open('/etc/passwd').read()", "open"),
        ("import os as o\no.listdir('/')", "os.listdir"),
        ("(lambda: 0).__globals__", "__globals__"),
        ("import keras", "forbids"),
    ],
)
def test_static_check_flags_machinery_and_forbidden_modules(source, needle):
    findings = static.scan(source, ("course_lib", "keras"))
    assert any(needle in str(f) for f in findings), findings


@pytest.mark.parametrize(
    "source",
    [
        "import numpy as np\nx = np.zeros((2, 3)).sum()",
        "import sys, warnings, logging\nprint('x', file=sys.stderr)\nwarnings.warn('w')\nlogging.warning('l')",
        "import os\nos._exit(0)",
        "import math\ndef f(w, k, s, p):\n    return math.floor((w - k + 2 * p) / s) + 1",
        "def f(:\n",  # a syntax error is no finding: the cell fails when it runs
    ],
)
def test_static_check_leaves_honest_code_alone(source):
    assert static.scan(source, ("course_lib",)) == []


def test_variants_are_stable_secret_dependent_and_complete(tmp_path):
    from graders import ps1_counting as grader

    secret = variants.ensure_secret(tmp_path)
    assert (tmp_path / variants.SECRET_FILE).stat().st_mode & 0o077 == 0
    one = variants.parameters(grader, secret, "ps1_counting", "ada")
    assert one == variants.parameters(grader, secret, "ps1_counting", "ada")
    others = [
        variants.parameters(grader, secret, "ps1_counting", f"s{i}") for i in range(20)
    ]
    assert sum(o != one for o in others) >= 15
    other_secret = [
        variants.parameters(grader, b"x" * 64, "ps1_counting", f"s{i}")
        for i in range(20)
    ]
    assert other_secret != others
    assert set(one) == set(grader.DEFAULT)


def test_rendering_refuses_unknown_placeholders_and_missing_secret(tmp_path):
    assert variants.render("a {{ x }} b", {"x": 3}) == "a 3 b"
    with pytest.raises(variants.VariantError, match=r"\{\{ y \}\} is not a parameter"):
        variants.render("{{ y }}", {"x": 3})
    with pytest.raises(variants.VariantError, match="no course secret"):
        variants.read_secret(tmp_path)


@needs_sandbox
def test_sandbox_works_with_a_virtual_environment_under_tmp(tmp_path):
    """A clone (and its .venv) under /tmp must not be hidden by the sandbox's private /tmp."""
    import subprocess

    venv = tmp_path / "venv"
    subprocess.run(
        [sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True
    )
    code = (
        "import sys; sys.path.insert(0, %r)\nfrom autograder import sandbox\n"
        "o = sandbox.run_job({'steps': [{'id': 'c', 'kind': 'cell', 'source': 'import sys; print(sys.prefix)'}]},"
        " sandbox.Limits())\nprint([e.get('stdout') for e in o.events if e.get('event') == 'end'])"
        % str(ROOT / "grading")
    )
    out = subprocess.run(
        [str(venv / "bin" / "python"), "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert str(venv) in out.stdout, out.stdout + out.stderr
