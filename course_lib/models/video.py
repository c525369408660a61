"""C3D (Tran et al. 2015): 3-D convolutions over 16-frame video clips; after it, I3D's
kernel inflation and R(2+1)D's factorised (2+1)-D convolution."""

from __future__ import annotations

import keras
import numpy as np
from keras import layers

from .._validate import (
    check_ndim,
    check_classes,
    check_fraction,
    check_input_shape,
    check_int,
    check_positive_ints,
    int_tuple,
)
from ._heads import dense_classifier
from ._cards import OWN, Count, ModelCard
from ._registry import register

# (block, filters, convolutions) of the paper's Fig. 3.
C3D_BLOCKS = ((1, 64, 1), (2, 128, 1), (3, 256, 2), (4, 512, 2), (5, 512, 2))


def conv3d_block(x, filters, convolutions, pool, name, pad=None):
    """3x3x3 'same' convolutions with ReLU, then max pooling (pool1 is 1x2x2:
    it keeps all 16 frames so that early layers see motion)."""
    for i in range(convolutions):
        x = layers.Conv3D(
            filters, 3, padding="same", activation="relu", name=f"conv{name}{'ab'[i]}"
        )(x)
    if pad:
        x = layers.ZeroPadding3D(pad, name=f"pad{name}")(x)
    return layers.MaxPooling3D(pool, name=f"pool{name}")(x)


C3D_CARD = ModelCard(
    title="C3D",
    family="c3d",
    input_shape=(16, 112, 112, 3),
    params=Count(
        78_409_573,
        "Das's notes: C3D table, 78.4M parameters (101 classes; Tran et al. state no total)",
        bib="das2021cnn",
    ),
    trainable=Count(
        78_409_573,
        "Das's notes: C3D table, 78.4M parameters (101 classes; Tran et al. state no total)",
        bib="das2021cnn",
    ),
    # the input size is fixed, so the small configuration only shrinks the head (about 10 s on a CPU)
    small=dict(num_classes=3, dropout=0.0),
)


@register("c3d", card=C3D_CARD)
def c3d(input_shape=(16, 112, 112, 3), num_classes=101, dropout=0.5):
    """C3D for UCF101: 16x112x112x3 clips, 101 classes, 78,409,573 parameters.

    pool5 pads H and W by one pixel so 7x7 becomes 4x4 (as in the released
    Caffe model), giving the notes' 1x4x4x512 = 8,192 features into fc6.
    """
    func = "c3d"
    check_input_shape(func, input_shape, ndim=4, fixed=(16, 112, 112, 3))
    check_classes(func, num_classes)
    check_fraction(func, "dropout", dropout)
    inputs = keras.Input(input_shape, name="clip")
    x = inputs
    for block, filters, convs in C3D_BLOCKS:
        pool = (1, 2, 2) if block == 1 else (2, 2, 2)
        pad = ((0, 0), (0, 1), (0, 1)) if block == 5 else None
        x = conv3d_block(x, filters, convs, pool, str(block), pad)
    return keras.Model(inputs, dense_classifier(x, num_classes, dropout), name="c3d")


# The frame-by-frame baseline of the chapter: counted by a formula in test_models.py.
FRAME_CNN_CARD = ModelCard(
    title="frame-by-frame 2-D CNN",
    family="c3d",
    input_shape=(8, 32, 32, 1),
    params=Count(23_556, OWN),
    trainable=Count(23_556, OWN),
)


@register("frame_cnn", card=FRAME_CNN_CARD)
def frame_cnn(input_shape=(8, 32, 32, 1), num_classes=4, filters=(16, 32, 64)):
    """The 2-D baseline for video: the same layers with 3x3 kernels applied to every
    frame on its own (``TimeDistributed``), then the frame features averaged over
    time. It sees each frame, but not their order, so it cannot see motion."""
    func = "frame_cnn"
    check_input_shape(func, input_shape, ndim=4, min_size=8)
    check_classes(func, num_classes)
    check_positive_ints(func, "filters", filters)
    inputs = keras.Input(input_shape, name="clip")
    frame = keras.Input(input_shape[1:], name="frame")
    x = frame
    for i, width in enumerate(filters, start=1):
        x = layers.Conv2D(width, 3, padding="same", activation="relu", name=f"conv{i}")(
            x
        )
        if i < len(filters):
            x = layers.MaxPooling2D(2, name=f"pool{i}")(x)
    per_frame = keras.Model(
        frame, layers.GlobalAveragePooling2D(name="gap")(x), name="frame_encoder"
    )
    x = layers.TimeDistributed(per_frame, name="every_frame")(inputs)
    x = layers.GlobalAveragePooling1D(name="average_over_time")(x)
    return keras.Model(
        inputs,
        layers.Dense(num_classes, activation="softmax", name="predictions")(x),
        name="frame_cnn",
    )


# --- After C3D: I3D's inflation and R(2+1)D's factorised convolution ------------------------


def inflate_kernel(kernel_2d, time):
    """I3D's inflation (Carreira and Zisserman 2017): a 2-D kernel made 3-D.

    ``kernel_2d`` has Keras's Conv2D layout ``(kh, kw, c_in, c_out)``; the result has
    Conv3D's ``(time, kh, kw, c_in, c_out)``: the 2-D kernel repeated ``time`` times along
    a new leading time axis and divided by ``time``. On a clip whose frames are all the
    same image, a Conv3D with this kernel (no padding in time) computes exactly what the
    Conv2D computes on that image, so a pretrained 2-D network starts as a working 3-D one.
    Returns a NumPy array (float32 unless the kernel is already a float type).
    """
    func = "inflate_kernel"
    time = check_int(func, "time", time, 1, note="frames in the inflated kernel")
    kernel = np.asarray(keras.ops.convert_to_numpy(kernel_2d))
    check_ndim(
        func, "kernel_2d", kernel.shape, 4, "(kh, kw, c_in, c_out), a Conv2D kernel"
    )
    if not np.issubdtype(kernel.dtype, np.floating):
        kernel = kernel.astype("float32")
    inflated = np.repeat(kernel[np.newaxis], time, axis=0) / time
    return inflated.astype(kernel.dtype)


def conv2plus1d_channels(filters_in, filters, kernel=(3, 3, 3)):
    """R(2+1)D's intermediate width M (Tran et al. 2018), the floor of
    ``t d^2 N_in N_out / (d^2 N_in + t N_out)``: the number of channels between the
    1 x d x d spatial and the t x 1 x 1 temporal convolution at which the pair has (up to
    rounding down) the weights of one t x d x d convolution from N_in to N_out channels.
    ``kernel`` is ``(t, d, d)``, or an int for a cube."""
    func = "conv2plus1d_channels"
    n_in = check_int(func, "filters_in", filters_in, 1)
    n_out = check_int(func, "filters", filters, 1)
    t, kh, kw = int_tuple(func, "kernel", kernel, 3)
    return (t * kh * kw * n_in * n_out) // (kh * kw * n_in + t * n_out)


def conv2plus1d(
    x,
    filters,
    kernel=(3, 3, 3),
    intermediate=None,
    activation="relu",
    use_bias=True,
    name="conv2plus1d",
):
    """A (2+1)-D convolution (Tran et al. 2018): a ``1 x d x d`` spatial Conv3D to
    ``intermediate`` channels with ReLU, then a ``t x 1 x 1`` temporal Conv3D to
    ``filters`` channels with ``activation``; 'same' padding, stride 1.

    ``intermediate=None`` takes :func:`conv2plus1d_channels`, so that the block has the
    weights of one ``t x d x d`` Conv3D, rounded down, and twice its nonlinearities.
    Usable with :func:`course_lib.models.block_model`:
    ``block_model(conv2plus1d, (8, 28, 28, 256), 256)``.
    """
    func = "conv2plus1d"
    filters = check_int(func, "filters", filters, 1)
    t, kh, kw = int_tuple(func, "kernel", kernel, 3)
    if intermediate is None:
        intermediate = conv2plus1d_channels(x.shape[-1], filters, (t, kh, kw))
    intermediate = check_int(func, "intermediate", intermediate, 1)
    x = layers.Conv3D(
        intermediate,
        (1, kh, kw),
        padding="same",
        activation="relu",
        use_bias=use_bias,
        name=f"{name}_spatial",
    )(x)
    return layers.Conv3D(
        filters,
        (t, 1, 1),
        padding="same",
        activation=activation,
        use_bias=use_bias,
        name=f"{name}_temporal",
    )(x)
