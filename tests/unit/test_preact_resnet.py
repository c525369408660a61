"""Pre-activation ResNets (He et al. 2016b): the block's ordering, its clean identity
shortcut, the output shapes, the refusals, and the layer-for-layer match with
keras.applications' ResNet50V2."""

import keras
import numpy as np
import pytest

from course_lib.models import build, load_keras_applications_weights, resnet


def _block(fn, input_shape, *args, **kwargs):
    inputs = keras.Input(input_shape)
    return keras.Model(inputs, fn(inputs, *args, **kwargs))


def _types(model):
    return [type(layer).__name__ for layer in model.layers[1:]]


def test_basic_block_runs_bn_relu_conv_twice_then_adds_and_stops():
    model = _block(resnet.preact_block, (8, 8, 16), 16, name="b")
    main_path = [t for t in _types(model) if t not in ("ZeroPadding2D",)]
    assert main_path == [
        "BatchNormalization",
        "Activation",
        "Conv2D",
        "BatchNormalization",
        "Activation",
        "Conv2D",
        "Add",
    ]
    assert model.layers[-1] is model.get_layer("b_out")  # nothing after the addition


def test_bottleneck_block_order_and_projection_of_the_preactivated_input():
    model = _block(resnet.preact_bottleneck_block, (8, 8, 16), 8, name="b")
    assert _types(model)[:2] == ["BatchNormalization", "Activation"]
    assert _types(model)[-1] == "Add"
    projection = model.get_layer("b_0_conv")
    # the projection reads the block's BN-ReLU, not its raw input
    assert projection.input is model.get_layer("b_preact_relu").output
    assert model.output.shape == (None, 8, 8, 32)


@pytest.mark.parametrize("training", [False, True])
def test_identity_shortcut_is_clean(training):
    """With the last convolution at zero the block is exactly the identity, in training and
    in inference mode, negative inputs included (a ReLU after the addition would clip)."""
    keras.utils.set_random_seed(0)
    model = _block(resnet.preact_block, (8, 8, 16), 16, name="b")
    last = model.get_layer("b_2_conv")
    last.kernel.assign(np.zeros(last.kernel.shape, "float32"))
    x = np.random.default_rng(0).normal(size=(4, 8, 8, 16)).astype("float32")
    assert (x < 0).any()
    y = keras.ops.convert_to_numpy(model(x, training=training))
    np.testing.assert_array_equal(y, x)


def test_gradient_through_the_identity_is_passed_unchanged():
    """d(output)/d(input) = 1 + dF/dx: with F switched off the input gradient is exactly
    the output gradient."""
    from course_lib import autodiff

    model = _block(resnet.preact_block, (4, 4, 8), 8, name="b")
    last = model.get_layer("b_2_conv")
    last.kernel.assign(np.zeros(last.kernel.shape, "float32"))
    rng = np.random.default_rng(1)
    x = rng.normal(size=(2, 4, 4, 8)).astype("float32")
    v = rng.normal(size=(2, 4, 4, 8)).astype("float32")
    (grad,) = autodiff.gradients(
        lambda t: keras.ops.sum(model(t, training=False) * v), [x]
    )
    np.testing.assert_allclose(grad, v, atol=1e-6)


def test_shapes():
    down = _block(resnet.preact_block, (16, 16, 16), 32, stride=2, shortcut="A")
    assert down.output.shape == (None, 8, 8, 32)
    assert down.count_params() == _block(
        resnet.preact_block, (16, 16, 16), 32, stride=2, shortcut="B"
    ).count_params() - (16 * 32 + 32)  # option B adds a 1x1 projection with a bias
    kept_width = _block(resnet.preact_bottleneck_block, (8, 8, 64), 16, stride=2)
    assert kept_width.output.shape == (None, 4, 4, 64)
    assert "block_subsample" in [layer.name for layer in kept_width.layers]
    net = resnet.cifar_preact_resnet(n=1, num_classes=7)
    assert net.output.shape == (None, 7) and net.name == "preact_resnet8"
    assert net.get_layer("stage3_block1_out").output.shape == (None, 8, 8, 64)
    assert net.layers[-3].name == "post_relu"  # BN-ReLU, then pooling and classifier
    deep = resnet.cifar_preact_resnet(n=1, bottleneck=True)
    assert deep.name == "preact_resnet11"
    assert deep.get_layer("stage3_block1_out").output.shape == (None, 8, 8, 256)


def test_imagenet_stride_sits_in_the_last_block_of_a_stage():
    model = build("preact_resnet50", input_shape=(64, 64, 3), num_classes=5)
    shape = lambda name: model.get_layer(name).output.shape[1:]
    assert shape("conv2_block1_out") == (16, 16, 256)
    assert shape("conv2_block2_out") == (16, 16, 256)
    assert shape("conv2_block3_out") == (8, 8, 256)  # keras' convention
    assert shape("conv5_block3_out") == (2, 2, 2048)
    assert model.output.shape == (None, 5)


def test_same_function_as_keras_resnet50v2():
    theirs = keras.applications.ResNet50V2(
        weights=None, input_shape=(64, 64, 3), classes=5
    )
    ours = resnet.preact_resnet(50, input_shape=(64, 64, 3), num_classes=5)
    assert ours.count_params() == theirs.count_params()
    rng = np.random.default_rng(0)
    for w in theirs.weights:
        value = rng.normal(0, 0.05, tuple(w.shape)).astype("float32")
        if "variance" in w.path:
            value = rng.uniform(0.5, 1.5, tuple(w.shape)).astype("float32")
        w.assign(value)
    load_keras_applications_weights(ours, theirs)
    x = rng.uniform(-1, 1, (2, 64, 64, 3)).astype("float32")
    np.testing.assert_allclose(
        keras.ops.convert_to_numpy(ours(x)),
        keras.ops.convert_to_numpy(theirs(x)),
        atol=1e-5,
    )


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: resnet.preact_resnet(depth=34), "`depth` must be one of"),
        (lambda: resnet.preact_resnet(input_shape=(16, 16, 3)), "input_shape"),
        (lambda: resnet.cifar_preact_resnet(n=0), "`n`"),
        (lambda: resnet.cifar_preact_resnet(shortcut="C"), "`shortcut` must be one of"),
        (lambda: resnet.cifar_preact_resnet(bottleneck=1), "`bottleneck` must be True"),
        (lambda: build("preact_resnet56", n=3), "unknown option"),
    ],
)
def test_bad_inputs_are_refused(call, message):
    with pytest.raises(ValueError, match=message):
        call()
