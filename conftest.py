"""Per-notebook time budgets for the nbval run.

nbval times out single cells; this adds a budget for a whole notebook, read
from its metadata ``{"course": {"time_budget_s": N}}`` (default below). A
notebook over budget fails the run, with its time in the summary.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections import defaultdict
from pathlib import Path

import pytest

DEFAULT_BUDGET_S = 240
_spent: dict[str, float] = defaultdict(float)


def pytest_configure(config):
    # Lab checkpoints (course_lib.lab.callbacks) go to a throw-away folder: a test must never
    # resume from a stale backup in the home directory, nor leave one there.
    os.environ.setdefault(
        "COURSE_CHECKPOINTS", tempfile.mkdtemp(prefix="course_checkpoints_")
    )


def notebook_budget(path: Path) -> float:
    meta = json.loads(Path(path).read_text(encoding="utf-8")).get("metadata", {})
    return float(meta.get("course", {}).get("time_budget_s", DEFAULT_BUDGET_S))


def pytest_runtest_logreport(report):
    path = report.nodeid.split("::")[0]
    if path.endswith(".ipynb"):
        _spent[path] += report.duration


def _over_budget(rootdir: Path):
    for path, seconds in sorted(_spent.items()):
        budget = notebook_budget(rootdir / path)
        yield path, seconds, budget, seconds > budget


def pytest_terminal_summary(terminalreporter, config):
    if not _spent:
        return
    terminalreporter.section("notebook time budgets")
    for path, seconds, budget, over in _over_budget(Path(config.rootpath)):
        flag = "OVER BUDGET" if over else "ok"
        terminalreporter.write_line(
            f"{path}: {seconds:6.1f} s of {budget:.0f} s  {flag}"
        )


def pytest_sessionfinish(session, exitstatus):
    if any(over for *_, over in _over_budget(Path(session.config.rootpath))):
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
