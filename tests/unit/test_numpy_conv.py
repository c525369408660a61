"""NumPy convolutions (loop and im2col) against keras.layers.Conv2D, on both backends."""

import keras
import numpy as np
import pytest

from course_lib.numpy_conv import conv2d_im2col, conv2d_loop, im2col, pad_input

CASES = [  # (H, W, C, F, kernel, stride, padding, dilation)
    (7, 7, 1, 1, 3, 1, 0, 1),
    (9, 8, 3, 4, 3, 2, 1, 1),
    (10, 10, 2, 5, 5, 1, 2, 1),
    (11, 9, 3, 2, 3, 1, 0, 2),
    (12, 12, 4, 3, 2, 3, 0, 1),
    (8, 8, 3, 6, 1, 1, 0, 1),
]


def _keras_reference(x, w, b, stride, padding, dilation):
    layer = keras.layers.Conv2D(
        w.shape[-1],
        w.shape[:2],
        strides=stride,
        dilation_rate=dilation,
        padding="valid",
    )
    layer.build((None, x.shape[1] + 2 * padding, x.shape[2] + 2 * padding, x.shape[3]))
    layer.set_weights([w, b])
    return keras.ops.convert_to_numpy(layer(pad_input(x, padding)))


@pytest.mark.parametrize("case", CASES, ids=[str(c) for c in CASES])
def test_both_versions_match_keras(case):
    h, wd, c, f, k, stride, padding, dilation = case
    rng = np.random.default_rng(sum(case))
    x = rng.normal(size=(2, h, wd, c)).astype("float32")
    w = rng.normal(size=(k, k, c, f)).astype("float32")
    b = rng.normal(size=(f,)).astype("float32")
    expected = _keras_reference(x, w, b, stride, padding, dilation)
    np.testing.assert_allclose(
        conv2d_loop(x, w, b, stride, padding, dilation), expected, atol=1e-5
    )
    np.testing.assert_allclose(
        conv2d_im2col(x, w, b, stride, padding, dilation), expected, atol=1e-5
    )


def test_seed_003_worked_example():
    # Kira's notes: X(0:2, 0:2) . K' = 65 + bias, with K' a Sobel kernel
    patch = np.array([[200, 150, 150], [100, 50, 100], [25, 25, 10]], float)[
        None, :, :, None
    ]
    sobel = np.array([[1, 0, -1], [2, 0, -2], [1, 0, -1]], float)[:, :, None, None]
    assert conv2d_loop(patch, sobel).item() == 65
    assert conv2d_im2col(patch, sobel, np.array([10.0])).item() == 75


def test_im2col_shape():
    assert im2col(np.zeros((1, 5, 5, 3)), 3, 3).shape == (1, 3, 3, 27)


@pytest.mark.parametrize(
    "x_shape, w_shape, b, message",
    [
        ((5, 5, 3), (3, 3, 3, 1), None, r"\(N, H, W, C\)"),
        ((1, 5, 5, 3), (3, 3, 2, 1), None, "channels"),
        ((1, 5, 5, 3), (3, 3, 3, 2), np.zeros(3), "`b` must have shape"),
        ((1, 2, 2, 3), (3, 3, 3, 1), None, "larger than the padded input"),
    ],
)
def test_bad_shapes_raise_clear_errors(x_shape, w_shape, b, message):
    for conv in (conv2d_loop, conv2d_im2col):
        with pytest.raises(ValueError, match=message):
            conv(np.zeros(x_shape), np.zeros(w_shape), b)
