"""Problem set 3: convolution forward and backward in NumPy.

Half the class works channels-last (Keras's layout), half channels-first (PyTorch's),
drawn per student. The forward pass is compared with course_lib's NumPy convolution
(itself tested against Keras); the backward pass with a numerical gradient of that
reference forward pass, never of the student's own.
"""

from __future__ import annotations

import numpy as np

from course_lib.numpy_conv import conv2d_im2col

from autograder.spec import BadAnswer, Case, FunctionQuestion, as_array, as_sequence

ASSIGNMENT = "ps3_conv_numpy"
NOTEBOOK = "conv_numpy.ipynb"
FORBID = ("course_lib", "keras", "tensorflow", "jax", "torch", "scipy")

LAYOUTS = {
    False: {
        "channels_first": False,
        "x_shape": "(N, H, W, C)",
        "w_shape": "(K, K, C, F)",
        "out_shape": "(N, H', W', F)",
        "layout_name": "channels-last, as in Keras",
    },
    True: {
        "channels_first": True,
        "x_shape": "(N, C, H, W)",
        "w_shape": "(F, C, K, K)",
        "out_shape": "(N, F, H', W')",
        "layout_name": "channels-first, as in PyTorch",
    },
}
DEFAULT = dict(LAYOUTS[False])


def draw(rng) -> dict:
    return dict(LAYOUTS[bool(rng.integers(2))])


# Layout conversions: the reference works channels-last.
def to_student(params, x=None, w=None):
    if not params["channels_first"]:
        return x if w is None else w
    if w is None:
        return np.transpose(x, (0, 3, 1, 2))
    return np.transpose(w, (3, 2, 0, 1))


def from_student_output(params, out):
    return np.transpose(out, (0, 2, 3, 1)) if params["channels_first"] else out


def reference_forward(x, w, b, stride, pad):
    return conv2d_im2col(x, w, b, stride=stride, padding=pad)


def relative_error(got, expected) -> float:
    return float(np.max(np.abs(got - expected)) / max(np.max(np.abs(expected)), 1e-12))


# --- Q1 ---------------------------------------------------------------------------------------------
def _tensors(rng, n, size, c, f, k):
    return (
        rng.normal(size=(n, size, size, c)),
        rng.normal(size=(k, k, c, f)),
        rng.normal(size=f),
    )


def forward_cases(params, rng) -> list[Case]:
    cases = []
    for stride, pad, k in [(1, 0, 3), (2, 1, 3), (1, 2, 5), (3, 0, 2), (2, 0, 1)]:
        x, w, b = _tensors(
            rng,
            2,
            int(rng.integers(7, 11)),
            int(rng.integers(1, 4)),
            int(rng.integers(1, 5)),
            k,
        )
        cases.append(
            Case((to_student(params, x=x), to_student(params, w=w), b, stride, pad))
        )
    return cases


def _nhwc(params, case):
    x, w, b, stride, pad = case.args
    if params["channels_first"]:
        x, w = np.transpose(x, (0, 2, 3, 1)), np.transpose(w, (2, 3, 1, 0))
    return x, w, b, stride, pad


def check_forward(params, case, result) -> dict:
    x, w, b, stride, pad = _nhwc(params, case)
    expected = reference_forward(x, w, b, stride, pad)
    got = as_array(result)
    expected_shape = to_student(params, x=expected).shape
    if got.shape != expected_shape:
        return {"": f"output shape {got.shape}, expected {expected_shape}"}
    error = relative_error(from_student_output(params, got), expected)
    return {"": None if error < 1e-6 else f"wrong values (relative error {error:.2g})"}


# --- Q2 ---------------------------------------------------------------------------------------------
def backward_cases(params, rng) -> list[Case]:
    cases = []
    for stride, pad in [(1, 1), (2, 0), (2, 1)]:
        x, w, b = _tensors(rng, 2, 5, 2, 3, 3)
        dout = rng.normal(size=reference_forward(x, w, b, stride, pad).shape)
        cases.append(
            Case(
                (
                    to_student(params, x=dout),
                    to_student(params, x=x),
                    to_student(params, w=w),
                    stride,
                    pad,
                ),
                {},
            )
        )
    return cases


def numerical_gradient(f, value, eps=1e-6):
    grad = np.zeros_like(value)
    for idx in np.ndindex(value.shape):
        old = value[idx]
        value[idx] = old + eps
        up = f()
        value[idx] = old - eps
        down = f()
        value[idx] = old
        grad[idx] = (up - down) / (2 * eps)
    return grad


def expected_gradients(x, w, dout, stride, pad):
    """Central differences of sum(forward * dout) through the reference forward pass."""
    x, w = x.copy(), w.copy()
    b = np.zeros(w.shape[-1])
    loss = lambda: float(np.sum(reference_forward(x, w, b, stride, pad) * dout))  # noqa: E731
    return (
        numerical_gradient(loss, x),
        numerical_gradient(loss, w),
        numerical_gradient(loss, b),
    )


def check_backward(params, case, result) -> dict:
    dout, x, w, stride, pad = case.args
    if params["channels_first"]:
        dout, x, w = (
            np.transpose(dout, (0, 2, 3, 1)),
            np.transpose(x, (0, 2, 3, 1)),
            np.transpose(w, (2, 3, 1, 0)),
        )
    expected = expected_gradients(x, w, dout, stride, pad)
    expected_student = (
        to_student(params, x=expected[0]),
        to_student(params, w=expected[1]),
        expected[2],
    )
    verdicts = {}
    for label, item, want in zip(
        ("dx", "dw", "db"), as_sequence(result, 3), expected_student
    ):
        try:
            got = as_array(item)
        except BadAnswer as error:
            verdicts[label] = f"{label}: {error}"
            continue
        if got.shape != want.shape:
            verdicts[label] = f"{label} has shape {got.shape}, expected {want.shape}"
            continue
        error = relative_error(got, want)
        verdicts[label] = (
            None if error < 1e-5 else f"{label} is wrong (relative error {error:.2g})"
        )
    return verdicts


QUESTIONS = (
    FunctionQuestion(
        "q1-tests",
        "q1-answer",
        "conv_forward",
        (("", 4),),
        forward_cases,
        check_forward,
    ),
    FunctionQuestion(
        "q2-tests",
        "q2-answer",
        "conv_backward",
        (("dx", 2), ("dw", 2), ("db", 2)),
        backward_cases,
        check_backward,
    ),
)
