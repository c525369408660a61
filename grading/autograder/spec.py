"""The kinds of question a grader module declares, and how each is judged outside the sandbox.

A question names the notebook's graded test cell (its points are nbgrader's) and the
answer cell it grades. What the student's code produced comes back as plain data
(harness.encode); the expected value is computed here, by the grader, from the
student's variant. Nothing here runs student code.
"""

from __future__ import annotations

import base64
import itertools
import math
from dataclasses import dataclass, field
from typing import Any, Callable

import numpy as np


# --- plain data from the sandbox -------------------------------------------------------------------
class BadAnswer(ValueError):
    """An answer that is not what the question asks for (a message for the student)."""


def describe(data: dict) -> str:
    """A short, student-facing description of an encoded value."""
    if not isinstance(data, dict):
        return "an unreadable value"
    for key in ("int", "float", "str"):
        if key in data:
            text = str(data[key])
            return (text[:60] + "...") if len(text) > 60 else text
    if "bool" in data:
        return str(data["bool"])
    if "none" in data:
        return "None"
    if "missing" in data:
        return "not defined"
    if "ndarray" in data:
        return f"an array of shape {tuple(data['ndarray'].get('shape', ()))}"
    if "list" in data:
        return f"a sequence of {len(data['list'])} items"
    return f"a {data.get('unsupported', 'value')} object"


def as_number(data: dict, integer: bool) -> float | int:
    """The number an answer holds; a plain int (or an integral float) for counts."""
    if not isinstance(data, dict) or "missing" in data:
        raise BadAnswer("not defined")
    kind = data.get("type", "")
    if "bool" in data:
        raise BadAnswer(f"{data['bool']} is a truth value, not a number")
    if "int" in data:
        value = int(data["int"])
    elif "float" in data:
        value = float(data["float"])
    elif "ndarray" in data and data["ndarray"].get("shape") == []:
        value = as_array(data).item()
    else:
        raise BadAnswer(f"expected a number, got {describe(data)}")
    if kind and kind.split(".")[0] not in ("builtins", "numpy"):
        raise BadAnswer(f"expected a plain number, got an object of type {kind}")
    if integer:
        if isinstance(value, float) and not (
            math.isfinite(value) and value.is_integer()
        ):
            raise BadAnswer(f"expected a whole number, got {value!r}")
        return int(value)
    if not math.isfinite(value):
        raise BadAnswer(f"expected a finite number, got {value!r}")
    return float(value)


ALLOWED_DTYPES = {
    "<f2",
    "<f4",
    "<f8",
    "<i1",
    "<i2",
    "<i4",
    "<i8",
    "<u1",
    "<u2",
    "<u4",
    "<u8",
    "|b1",
    "|i1",
    "|u1",
}


def as_array(data: dict) -> np.ndarray:
    if not isinstance(data, dict) or "ndarray" not in data:
        if isinstance(data, dict) and ("int" in data or "float" in data):
            return np.asarray(as_number(data, integer=False))
        raise BadAnswer(f"expected a NumPy array, got {describe(data)}")
    spec = data["ndarray"]
    dtype, shape = spec.get("dtype"), spec.get("shape")
    if (
        dtype not in ALLOWED_DTYPES
        or not isinstance(shape, list)
        or not all(isinstance(n, int) and n >= 0 for n in shape)
    ):
        raise BadAnswer("an array of an unsupported kind")
    raw = base64.b64decode(spec.get("b64", ""), validate=True)
    if len(raw) != np.dtype(dtype).itemsize * math.prod(shape):
        raise BadAnswer("an array whose data does not match its shape")
    return np.frombuffer(raw, dtype=dtype).reshape(shape).astype(np.float64)


def as_sequence(data: dict, length: int) -> list:
    if not isinstance(data, dict) or "list" not in data:
        raise BadAnswer(f"expected a tuple of {length} items, got {describe(data)}")
    if len(data["list"]) != length:
        raise BadAnswer(f"expected a tuple of {length} items, got {len(data['list'])}")
    return data["list"]


def encode_array(array) -> dict:
    """Grader-side encoding of a NumPy argument for the harness."""
    plain = np.ascontiguousarray(array, dtype=np.asarray(array).dtype.newbyteorder("<"))
    return {
        "ndarray": {
            "dtype": plain.dtype.str,
            "shape": list(plain.shape),
            "b64": base64.b64encode(plain.tobytes()).decode(),
        }
    }


def encode_args(values) -> list:
    return [encode_array(v) if isinstance(v, np.ndarray) else v for v in values]


# --- questions -------------------------------------------------------------------------------------
class _Graded:
    """What every question kind shares: its graded parts (label, points) and an all-zero verdict."""

    def graded_parts(self) -> list[tuple[str, float]]:
        raise NotImplementedError

    def zero(self, message: str, flag: str | None = None) -> list["PartResult"]:
        return [
            PartResult(label, points, 0, message, flag=flag)
            for label, points in self.graded_parts()
        ]


@dataclass(frozen=True)
class Value:
    """One named value an answer cell must define."""

    name: str
    expected: Callable[[dict], float]
    points: float
    integer: bool = True
    rel_tol: float = 1e-9
    unit: str = ""


@dataclass(frozen=True)
class ValueQuestion(_Graded):
    """Answers that are values: read from one run of the whole notebook, compared here."""

    test_cell: str
    answer_cell: str
    values: tuple[Value, ...]
    forbid: tuple[str, ...] = ()

    @property
    def points(self) -> float:
        return sum(v.points for v in self.values)

    def graded_parts(self):
        return [(v.name, v.points) for v in self.values]

    def judge(
        self, params: dict, answers: dict, default_params: dict | None = None
    ) -> list["PartResult"]:
        results = []
        for value in self.values:
            expected = value.expected(params)
            label = value.name
            try:
                got = as_number(
                    answers.get(value.name, {"missing": True}), value.integer
                )
            except BadAnswer as error:
                results.append(
                    PartResult(label, value.points, 0, f"`{value.name}`: {error}")
                )
                continue
            if math.isclose(
                got,
                expected,
                rel_tol=value.rel_tol,
                abs_tol=0 if value.integer else 1e-12,
            ):
                results.append(
                    PartResult(
                        label, value.points, value.points, f"`{value.name}` is right"
                    )
                )
                continue
            note = ""
            if (
                default_params is not None
                and default_params != params
                and math.isclose(
                    got, value.expected(default_params), rel_tol=value.rel_tol
                )
            ):
                note = " (it answers the public default variant, not your notebook's numbers)"
            results.append(
                PartResult(
                    label,
                    value.points,
                    0,
                    f"`{value.name}` = {got!r} is not right{note}",
                    expected=expected,
                    flag="default-variant" if note else None,
                )
            )
        return results


@dataclass(frozen=True)
class Case:
    args: tuple
    kwargs: dict = field(default_factory=dict)

    def show(self) -> str:
        def one(v):
            return f"array{tuple(v.shape)}" if isinstance(v, np.ndarray) else repr(v)

        items = [one(a) for a in self.args] + [
            f"{k}={one(v)}" for k, v in self.kwargs.items()
        ]
        return ", ".join(items)


@dataclass(frozen=True)
class FunctionQuestion(_Graded):
    """A function the student writes: called in a fresh sandbox on the grader's cases.

    ``check(params, case, result) -> {part: None or failure message}`` compares the plain
    result with the grader's own reference.
    """

    test_cell: str
    answer_cell: str
    function: str
    parts: tuple[tuple[str, float], ...]
    cases: Callable[[dict, np.random.Generator], list[Case]]
    check: Callable[[dict, Case, dict], dict[str, str | None]]
    forbid: tuple[str, ...] = ()

    @property
    def points(self) -> float:
        return sum(p for _, p in self.parts)

    def graded_parts(self):
        return list(self.parts)

    def probes(self, params, rng) -> tuple[list[Case], list[dict]]:
        cases = self.cases(params, rng)
        return cases, [
            {
                "kind": "call",
                "function": self.function,
                "args": encode_args(c.args),
                "kwargs": dict(zip(c.kwargs, encode_args(c.kwargs.values()))),
            }
            for c in cases
        ]

    def judge(self, params, cases, outcomes: list[dict]) -> list["PartResult"]:
        failures: dict[str, str] = {}
        for case, outcome in zip(cases, outcomes):
            for label, message in self._one(params, case, outcome).items():
                if message and label not in failures:
                    failures[label] = f"{self.function}({case.show()}): {message}"
        return [
            PartResult(
                label,
                points,
                0 if label in failures else points,
                failures.get(label, f"{self.function}: {label or 'every case'} right"),
            )
            for label, points in self.parts
        ]

    def _one(self, params, case, outcome) -> dict[str, str | None]:
        labels = [label for label, _ in self.parts]
        if outcome.get("status") != "ok":
            return dict.fromkeys(labels, outcome.get("error") or "did not return")
        result = outcome.get("result", {})
        if isinstance(result, dict) and "missing" in result:
            return dict.fromkeys(labels, f"`{self.function}` is not defined")
        try:
            return self.check(params, case, result)
        except BadAnswer as error:
            return dict.fromkeys(
                labels,
                f"returned {error}"
                if not str(error).startswith("expected")
                else str(error),
            )


@dataclass(frozen=True)
class BlockCase:
    x: np.ndarray
    args: tuple
    seed: int

    def show(self) -> str:
        return f"input {tuple(self.x.shape[1:])}, " + ", ".join(
            repr(a) for a in self.args
        )


@dataclass(frozen=True)
class BlockQuestion(_Graded):
    """A Keras block: built and run in a fresh sandbox with seeded weights; the grader's
    reference block gets the same weights (matched by shape) and must give the same output."""

    test_cell: str
    answer_cell: str
    function: str
    points: float
    cases: Callable[[dict, np.random.Generator], list[BlockCase]]
    reference: Callable[
        [dict, BlockCase], Callable
    ]  # returns f(keras_input) -> output tensor
    forbid: tuple[str, ...] = ()
    rel_tol: float = 1e-2

    def graded_parts(self):
        return [("", self.points)]

    def probes(self, params, rng):
        cases = self.cases(params, rng)
        return cases, [
            {
                "kind": "keras_block",
                "function": self.function,
                "x": encode_array(c.x),
                "args": list(c.args),
                "seed": c.seed,
            }
            for c in cases
        ]

    def judge(self, params, cases, outcomes) -> list["PartResult"]:
        for case, outcome in zip(cases, outcomes):
            message = self._one(params, case, outcome)
            if message:
                return [
                    PartResult(
                        "", self.points, 0, f"{self.function}({case.show()}): {message}"
                    )
                ]
        return [
            PartResult(
                "",
                self.points,
                self.points,
                f"{self.function}: same output as the reference block on {len(cases)} cases",
            )
        ]

    def _one(self, params, case, outcome) -> str | None:
        if outcome.get("status") != "ok":
            return outcome.get("error") or "did not build"
        result = outcome.get("result", {})
        if "missing" in result:
            return f"`{self.function}` is not defined"
        try:
            student_layers = [
                [as_array(w) for w in layer["weights"]] for layer in result["layers"]
            ]
            output = as_array(result["output"])
        except (BadAnswer, KeyError, TypeError) as error:
            return f"the block could not be read back ({error})"
        return compare_block(
            self.reference(params, case), case.x, student_layers, output, self.rel_tol
        )


def _signature(weights) -> tuple:
    return tuple(tuple(w.shape) for w in weights)


def _shapes_text(signatures) -> str:
    counts: dict[tuple, int] = {}
    for s in signatures:
        counts[s] = counts.get(s, 0) + 1
    return "; ".join(
        f"{n} x {' + '.join('x'.join(map(str, shape)) or 'scalar' for shape in s)}"
        for s, n in sorted(counts.items())
    )


MAX_MATCHINGS = 5040


def compare_block(build_reference, x, student_layers, output, rel_tol) -> str | None:
    """None when some assignment of the student's weights to the reference's layers (equal
    shapes) makes the reference produce the student's output; else a message."""
    import keras

    inputs = keras.Input(tuple(x.shape[1:]))
    reference = keras.Model(inputs, build_reference(inputs))
    ref_layers = [layer for layer in reference.layers if layer.weights]
    ref_sigs = [_signature(layer.get_weights()) for layer in ref_layers]
    student_sigs = [_signature(w) for w in student_layers]
    if sorted(ref_sigs) != sorted(student_sigs):
        return (
            f"its layers' weights do not match the specification: expected {_shapes_text(ref_sigs)}; "
            f"got {_shapes_text(student_sigs) or 'no weights'}"
        )
    expected_shape = tuple(reference.output.shape[1:])
    if tuple(output.shape[1:]) != expected_shape:
        return f"output shape {tuple(output.shape[1:])}, expected {expected_shape}"
    groups: dict[tuple, list[int]] = {}
    for i, sig in enumerate(student_sigs):
        groups.setdefault(sig, []).append(i)
    choices = [list(itertools.permutations(groups[sig])) for sig in groups]
    if math.prod(len(c) for c in choices) > MAX_MATCHINGS:
        return "too many layers of identical shape to compare"
    scale = max(float(np.max(np.abs(output))), 1e-6)
    best = math.inf
    for combination in itertools.product(*choices):
        order = dict(zip(groups, (list(c) for c in combination)))
        for layer, sig in zip(ref_layers, ref_sigs):
            layer.set_weights(
                [w.astype("float32") for w in student_layers[order[sig].pop(0)]]
            )
        expected = keras.ops.convert_to_numpy(
            reference(x.astype("float32"), training=False)
        )
        error = float(np.max(np.abs(expected - output))) / scale
        if error <= rel_tol:
            return None
        best = min(best, error)
    return f"different output from the reference block with the same weights (relative error {best:.2g})"


@dataclass
class PartResult:
    """The verdict on one graded part."""

    label: str
    points: float
    score: float
    message: str
    expected: Any = (
        None  # for the instructor's report only, never the student's feedback
    )
    flag: str | None = None  # 'forbidden', 'default-variant', ... : shown in the report
