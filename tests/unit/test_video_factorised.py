"""After C3D: I3D's kernel inflation and R(2+1)D's factorised convolution (course_lib.models.video)."""

import keras
import numpy as np
import pytest

from course_lib.models import block_model
from course_lib.models.video import conv2plus1d, conv2plus1d_channels, inflate_kernel


def _conv2d_and_inflated(time, frames=5):
    keras.utils.set_random_seed(0)
    frame = np.random.default_rng(0).normal(size=(2, 9, 9, 3)).astype("float32")
    conv2d = keras.layers.Conv2D(4, 3)
    out_2d = keras.ops.convert_to_numpy(conv2d(frame))
    kernel, bias = conv2d.get_weights()
    conv3d = keras.layers.Conv3D(4, (time, 3, 3))
    clip = np.repeat(frame[:, np.newaxis], frames, axis=1)  # a "boring" video
    conv3d.build(clip.shape)
    conv3d.set_weights([inflate_kernel(kernel, time), bias])
    return out_2d, keras.ops.convert_to_numpy(conv3d(clip))


def test_inflated_kernel_has_conv3d_layout_and_sums_to_the_2d_kernel():
    kernel = np.random.default_rng(1).normal(size=(3, 3, 2, 5)).astype("float32")
    inflated = inflate_kernel(kernel, 4)
    assert inflated.shape == (4, 3, 3, 2, 5) and inflated.dtype == np.float32
    np.testing.assert_allclose(inflated.sum(axis=0), kernel, rtol=1e-6, atol=1e-6)
    np.testing.assert_allclose(inflated[0], kernel / 4, rtol=1e-6)


def test_time_one_returns_the_2d_kernel():
    kernel = np.arange(2 * 2 * 1 * 3).reshape(2, 2, 1, 3)
    inflated = inflate_kernel(kernel, 1)
    assert inflated.shape == (1, 2, 2, 1, 3) and inflated.dtype == np.float32
    np.testing.assert_array_equal(inflated[0], kernel)


@pytest.mark.parametrize("time", [1, 3])
def test_conv3d_with_inflated_kernel_on_a_static_clip_equals_conv2d(time):
    out_2d, out_3d = _conv2d_and_inflated(time)
    assert out_3d.shape[1] == 5 - time + 1
    for t in range(out_3d.shape[1]):
        np.testing.assert_allclose(out_3d[:, t], out_2d, rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize(
    "kernel, time, message",
    [
        (np.zeros((3, 3, 3)), 3, "kernel_2d"),
        (np.zeros((3, 3, 3, 3, 3)), 3, "kernel_2d"),
        (np.zeros((3, 0, 3, 3)), 3, "kernel_2d"),
        (np.zeros((3, 3, 3, 3)), 0, "time"),
        (np.zeros((3, 3, 3, 3)), 2.5, "time"),
        (np.zeros((3, 3, 3, 3)), True, "time"),
    ],
)
def test_inflate_kernel_rejects_bad_shapes_and_times(kernel, time, message):
    with pytest.raises(ValueError, match=message):
        inflate_kernel(kernel, time)


@pytest.mark.parametrize(
    "n_in, n_out, kernel, expected",
    [(256, 256, (3, 3, 3), 576), (3, 64, 3, 23), (64, 128, (3, 3, 3), 230)],
)
def test_intermediate_width_follows_the_formula(n_in, n_out, kernel, expected):
    assert conv2plus1d_channels(n_in, n_out, kernel) == expected


@pytest.mark.parametrize("n_in, n_out", [(3, 64), (16, 32), (64, 128), (256, 256)])
def test_factorised_block_matches_the_3d_weights_within_rounding(n_in, n_out):
    t = d = 3
    net = block_model(conv2plus1d, (4, 8, 8, n_in), n_out, use_bias=False)
    full = t * d * d * n_in * n_out
    rounding = d * d * n_in + t * n_out  # one intermediate channel's weights
    assert full - rounding < net.count_params() <= full
    relus = [
        layer
        for layer in net.layers
        if getattr(layer, "activation", None) is keras.activations.relu
    ]
    assert len(relus) == 2


def test_factorised_block_keeps_the_shape_and_names_its_layers():
    net = block_model(conv2plus1d, (6, 10, 10, 8), 16, kernel=(3, 5, 5), name="b")
    assert net.output_shape == (None, 6, 10, 10, 16)
    spatial, temporal = net.get_layer("b_spatial"), net.get_layer("b_temporal")
    assert spatial.kernel_size == (1, 5, 5) and temporal.kernel_size == (3, 1, 1)
    assert spatial.filters == conv2plus1d_channels(8, 16, (3, 5, 5))


def test_explicit_intermediate_width_is_used():
    net = block_model(conv2plus1d, (4, 8, 8, 4), 8, intermediate=7, name="c")
    assert net.get_layer("c_spatial").filters == 7


@pytest.mark.parametrize(
    "kwargs, message",
    [
        (dict(filters=0), "filters"),
        (dict(filters=8, kernel=(3, 3)), "kernel"),
        (dict(filters=8, intermediate=0), "intermediate"),
    ],
)
def test_conv2plus1d_rejects_bad_arguments(kwargs, message):
    with pytest.raises(ValueError, match=message):
        block_model(conv2plus1d, (4, 8, 8, 4), **kwargs)


def test_channels_rejects_bad_widths():
    with pytest.raises(ValueError, match="filters_in"):
        conv2plus1d_channels(0, 8)
