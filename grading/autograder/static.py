"""Finds, before anything runs, code that reaches for what an answer may not use.

Two kinds: what a question forbids (``course_lib``, which would compute a graded count
for the student; Keras in a NumPy-only question), and the machinery of the kernel and
the interpreter (IPython hooks, builtins, ``sys.modules``, frames, files, processes).
Neither is needed by any honest answer to these problem sets, and the sandbox lacks the
grading material anyway; this is the second line, which names the attempt in the report
and scores the question 0 instead of letting the attempt fail silently.

The check reads the code's syntax tree (never runs it). It follows import aliases and
``from`` imports, and treats string tricks (``getattr(m, "mod" + "ules")``, ``exec``,
``eval``, ``__import__``) as reaching for the machinery themselves.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

# Modules no answer imports: the course's own library, the kernel, the interpreter's
# internals, files and processes.
MACHINERY_MODULES = {
    "course_lib",
    "IPython",
    "ipykernel",
    "jupyter_client",
    "nbformat",
    "nbclient",
    "nbgrader",
    "traitlets",
    "builtins",
    "ctypes",
    "gc",
    "importlib",
    "inspect",
    "sys.monitoring",
    "atexit",
    "signal",
    "faulthandler",
    "subprocess",
    "multiprocessing",
    "socket",
    "pathlib",
    "shutil",
    "glob",
    "tempfile",
    "pickle",
    "marshal",
    "code",
    "codeop",
    "runpy",
    "pty",
    "fcntl",
    "mmap",
    "resource",
    "threading",
    "_thread",
    "sqlite3",
}
MACHINERY_NAMES = {
    "get_ipython",
    "__builtins__",
    "__import__",
    "exec",
    "eval",
    "compile",
    "globals",
    "locals",
    "vars",
    "open",
    "breakpoint",
    "__loader__",
    "__spec__",
    "__file__",
    "setattr",
    "delattr",
}
MACHINERY_ATTRIBUTES = {
    "__globals__",
    "__code__",
    "__closure__",
    "__subclasses__",
    "__dict__",
    "__builtins__",
    "__bases__",
    "__mro__",
    "__class__",
    "__getattribute__",
    "__setattr__",
    "__func__",
    "__self__",
    "f_globals",
    "f_locals",
    "f_back",
    "gi_frame",
    "tb_frame",
    "__init_subclass__",
    "__reduce__",
}
SYS_ALLOWED = {
    "stdout",
    "stderr",
    "__stdout__",
    "__stderr__",
    "version",
    "version_info",
    "float_info",
    "maxsize",
    "exit",
    "platform",
}
OS_ALLOWED = {"_exit", "environ", "getenv", "cpu_count", "getpid", "linesep", "sep"}


@dataclass(frozen=True)
class Finding:
    line: int
    what: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.what}"


def _root(module: str) -> str:
    return module.split(".")[0]


class _Scanner(ast.NodeVisitor):
    def __init__(self, forbidden_modules: set[str]):
        self.forbidden = forbidden_modules
        self.aliases: dict[str, str] = {}  # local name -> module it refers to
        self.findings: list[Finding] = []

    def flag(self, node, what):
        self.findings.append(Finding(getattr(node, "lineno", 0), what))

    def _check_module(self, node, module: str):
        for name in (module, _root(module)):
            if name in self.forbidden:
                return self.flag(node, f"imports {module}, which this question forbids")
            if name in MACHINERY_MODULES:
                return self.flag(
                    node,
                    f"imports {module} (the interpreter's or the kernel's machinery)",
                )

    def visit_Import(self, node):
        for alias in node.names:
            self._check_module(node, alias.name)
            self.aliases[alias.asname or _root(alias.name)] = (
                alias.name if alias.asname else _root(alias.name)
            )

    def visit_ImportFrom(self, node):
        module = "." * node.level + (node.module or "")
        if node.level:
            return self.flag(node, "a relative import")
        self._check_module(node, module)
        for alias in node.names:
            if alias.name == "*" and _root(module) in ("os", "sys"):
                self.flag(node, f"from {module} import *")
            full = f"{module}.{alias.name}"
            self.aliases[alias.asname or alias.name] = full
            self._check_attribute(node, _root(module), alias.name, full)
            if full in MACHINERY_MODULES:  # from sys import monitoring, and the like
                self._check_module(node, full)

    def _check_attribute(self, node, module: str, attribute: str, shown: str):
        if module == "sys" and attribute not in SYS_ALLOWED:
            self.flag(node, f"uses {shown} (the interpreter's machinery)")
        elif module == "os" and attribute not in OS_ALLOWED:
            self.flag(
                node, f"uses {shown} (files and processes are not part of any answer)"
            )

    def visit_Name(self, node):
        if node.id in MACHINERY_NAMES:
            self.flag(node, f"uses {node.id}")
        self.generic_visit(node)

    def visit_Attribute(self, node):
        if node.attr in MACHINERY_ATTRIBUTES:
            self.flag(node, f"uses .{node.attr}")
        if isinstance(node.value, ast.Name) and node.value.id in self.aliases:
            module = self.aliases[node.value.id]
            if _root(module) in self.forbidden or module in self.forbidden:
                self.flag(
                    node, f"uses {module}.{node.attr}, which this question forbids"
                )
            if module in ("sys", "os"):
                self._check_attribute(node, module, node.attr, f"{module}.{node.attr}")
        self.generic_visit(node)

    def visit_Call(self, node):
        if (
            isinstance(node.func, ast.Name)
            and node.func.id == "getattr"
            and len(node.args) >= 2
        ):
            name = node.args[1]
            if not (isinstance(name, ast.Constant) and isinstance(name.value, str)):
                self.flag(node, "getattr with a computed attribute name")
            elif name.value in MACHINERY_ATTRIBUTES or name.value in MACHINERY_NAMES:
                self.flag(node, f"getattr(..., {name.value!r})")
        self.generic_visit(node)


def scan(source: str, forbidden_modules=()) -> list[Finding]:
    """What in ``source`` an answer may not use; [] when nothing. A syntax error is no finding:
    the cell simply fails when it runs."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return []
    scanner = _Scanner(set(forbidden_modules))
    scanner.visit(tree)
    return scanner.findings
