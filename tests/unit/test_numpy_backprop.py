"""Hand-derived backward passes of convolution and pooling, checked three ways:
numerically (central differences), against the backend's autodiff, and on
seed-style worked examples."""

import keras
import numpy as np
import pytest

from course_lib.autodiff import gradients
from course_lib.numpy_backprop import (
    avg_pool2d,
    avg_pool2d_backward,
    conv2d_backward,
    dilate,
    max_pool2d,
    max_pool2d_backward,
    numerical_gradient,
)
from course_lib.numpy_conv import conv2d_im2col

CASES = [  # (H, C, F, kernel, stride, padding, dilation): uneven strides drop the input's last rows
    (6, 1, 1, 3, 1, 0, 1),
    (8, 2, 3, 3, 2, 1, 1),
    (9, 1, 2, 3, 2, 0, 1),
    (10, 2, 2, 3, 1, 1, 2),
    (11, 3, 2, 2, 3, 0, 1),
    (9, 2, 2, 3, 2, 1, 2),
]


def _loss(g, stride, padding, dilation):
    """L = sum(conv(x, w, b) * g): its gradient w.r.t. the output is exactly g."""
    return lambda x, w, b: float(
        np.sum(conv2d_im2col(x, w, b, stride, padding, dilation) * g)
    )


@pytest.mark.parametrize("case", CASES, ids=[str(c) for c in CASES])
def test_conv_backward_matches_numerical_gradient(case):
    h, c, f, k, stride, padding, dilation = case
    rng = np.random.default_rng(sum(case))
    x, w, b = (
        rng.normal(size=(2, h, h, c)),
        rng.normal(size=(k, k, c, f)),
        rng.normal(size=f),
    )
    g = rng.normal(size=conv2d_im2col(x, w, b, stride, padding, dilation).shape)
    loss = _loss(g, stride, padding, dilation)
    dx, dw, db = conv2d_backward(x, w, g, stride, padding, dilation)
    np.testing.assert_allclose(
        dx, numerical_gradient(lambda v: loss(v, w, b), x), atol=1e-6
    )
    np.testing.assert_allclose(
        dw, numerical_gradient(lambda v: loss(x, v, b), w), atol=1e-6
    )
    np.testing.assert_allclose(
        db, numerical_gradient(lambda v: loss(x, w, v), b), atol=1e-6
    )


@pytest.mark.parametrize("case", CASES[:4], ids=[str(c) for c in CASES[:4]])
def test_conv_backward_matches_autodiff(case):
    h, c, f, k, stride, padding, dilation = case
    rng = np.random.default_rng(sum(case))
    x, w = (
        rng.normal(size=(2, h, h, c)).astype("float32"),
        rng.normal(size=(k, k, c, f)).astype("float32"),
    )
    g = rng.normal(
        size=conv2d_im2col(x, w, None, stride, padding, dilation).shape
    ).astype("float32")

    def loss(xv, wv):
        xp = keras.ops.pad(xv, ((0, 0), (padding, padding), (padding, padding), (0, 0)))
        return keras.ops.sum(
            keras.ops.conv(xp, wv, strides=stride, dilation_rate=dilation) * g
        )

    auto_dx, auto_dw = gradients(loss, [x, w])
    dx, dw, _ = conv2d_backward(x, w, g, stride, padding, dilation)
    np.testing.assert_allclose(dx, auto_dx, atol=1e-4)
    np.testing.assert_allclose(dw, auto_dw, atol=1e-4)


@pytest.mark.parametrize("pool, stride", [(2, None), (3, 2), (2, 1), (3, 3)])
def test_pooling_backward(pool, stride):
    rng = np.random.default_rng(pool * 10 + (stride or 0))
    x = rng.normal(size=(2, 9, 9, 3))  # continuous values: no ties
    for forward, backward, keras_pool in (
        (max_pool2d, max_pool2d_backward, keras.ops.max_pool),
        (avg_pool2d, avg_pool2d_backward, keras.ops.average_pool),
    ):
        out = forward(x, pool, stride)
        np.testing.assert_allclose(
            out,
            keras.ops.convert_to_numpy(
                keras_pool(x.astype("float32"), pool, stride or pool, "valid")
            ),
            atol=1e-5,
        )
        g = rng.normal(size=out.shape)
        numeric = numerical_gradient(lambda v: np.sum(forward(v, pool, stride) * g), x)
        np.testing.assert_allclose(backward(x, g, pool, stride), numeric, atol=1e-6)


def test_dilate_and_errors():
    assert dilate(np.ones((1, 4, 4, 1)), 2).shape == (1, 7, 7, 1)
    with pytest.raises(ValueError, match="`dout` must have the layer output's shape"):
        conv2d_backward(
            np.zeros((1, 5, 5, 1)), np.zeros((3, 3, 1, 1)), np.zeros((1, 4, 4, 1))
        )
    with pytest.raises(ValueError, match=r"\(N, H, W, C\)"):
        max_pool2d(np.zeros((4, 4)))
    with pytest.raises(ValueError, match="at most 100,000 entries"):
        numerical_gradient(np.sum, np.zeros(200_000))


def test_gradients_rejects_non_scalar():
    with pytest.raises(ValueError, match="must return a scalar"):
        gradients(lambda x: x * 2, [np.ones(3)])
