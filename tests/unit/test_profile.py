"""course_lib.profile on hand-built models and on keras.applications builders.

Runs under both KERAS_BACKEND=tensorflow and KERAS_BACKEND=jax (see Makefile).
"""

import math
import time

import keras
import pytest

import course_lib
from course_lib import arithmetic as A
from course_lib import profile

APPS = keras.applications

# Published figures: (builder, params, MACs, source). MACs within 2%.
PUBLISHED = [
    (
        APPS.VGG16,
        138_357_544,
        15.5e9,
        "Das's notes (138M params, 3x3 conv stack); VGG paper Table 2; 15.5 G MACs as commonly cited",
    ),
    (
        APPS.ResNet50,
        None,
        3.86e9,
        "He et al. 2016, Table 1: 3.8 x 10^9 FLOPs (multiply-adds) for 50 layers",
    ),
    (
        APPS.MobileNet,
        4_253_864,
        569e6,
        "Das's notes, MobileNet paper Table 6: 1.0 MobileNet-224, 569 M Mult-Adds, 4.2 M params",
    ),
    (
        APPS.MobileNetV2,
        3_538_984,
        300e6,
        "Sandler et al. 2018, Table 4: MobileNetV2 (1.0) 300 M MAdds",
    ),
    (
        APPS.ResNet152,
        None,
        11.3e9,
        "He et al. 2016, Table 1: 11.3 x 10^9 FLOPs for 152 layers",
    ),
    (
        APPS.EfficientNetB0,
        None,
        0.39e9,
        "Tan & Le 2019, Table 2: EfficientNet-B0 0.39 B FLOPs (multiply-adds)",
    ),
    (
        APPS.DenseNet121,
        None,
        2.83e9,
        "torchvision model docs: densenet121 2.83 GFLOPS (fvcore counts MACs)",
    ),
    (
        APPS.InceptionV3,
        23_851_784,
        5.71e9,
        "torchvision model docs: inception_v3 5.71 GFLOPS at 299x299 (MACs)",
    ),
]


@pytest.mark.counting
@pytest.mark.parametrize(
    "builder, params, macs, source", PUBLISHED, ids=[p[0].__name__ for p in PUBLISHED]
)
def test_keras_applications_match_published_figures(builder, params, macs, source):
    model = builder(weights=None)
    prof = profile(model)
    assert prof.total_params == model.count_params()
    assert prof.total_trainable_params == sum(
        math.prod(w.shape) for w in model.trainable_weights
    )
    if params is not None:
        assert prof.total_params == params, source
    assert prof.total_macs == pytest.approx(macs, rel=0.02), source
    assert sum(r.params for r in prof.rows) == prof.total_params


@pytest.mark.counting
def test_xception_separable_convolutions_are_counted():
    model = APPS.Xception(weights=None)
    prof = profile(model)
    assert prof.total_params == model.count_params() == 22_910_480  # Keras docs table
    separable = [r for r in prof.rows if r.layer_type == "SeparableConv2D"]
    assert len(separable) == 34 and all(r.macs > 0 for r in separable)


@pytest.mark.counting
def test_vgg16_memory_matches_the_notes():
    # Das's notes: "TOTAL memory: 15.2M * 4 bytes ~ 58MB / image (for a forward pass)"
    prof = profile(APPS.VGG16(weights=None))
    assert prof.total_activations == pytest.approx(15.2e6, rel=0.01)
    first_conv = next(r for r in prof.rows if r.layer_type == "Conv2D")
    assert (
        first_conv.output_shape == (224, 224, 64)
        and first_conv.activations == 224 * 224 * 64
    )


@pytest.mark.counting
def test_resnet152_profiles_quickly():
    model = APPS.ResNet152(weights=None)
    start = time.perf_counter()
    profile(model)
    assert time.perf_counter() - start < 2.0  # issue #3: "under 2 s"


# --- every counted layer type agrees with course_lib.arithmetic -------------------
def _single_layer_profile(input_shape, layer):
    inputs = keras.Input(input_shape)
    model = keras.Model(inputs, layer(inputs))
    return profile(model), model


@pytest.mark.parametrize(
    "input_shape, layer, expected_macs",
    [
        ((32, 32, 3), keras.layers.Conv2D(16, 3), A.conv_macs(30, 3, 16, 3)),
        (
            (32, 32, 8),
            keras.layers.Conv2D(16, 5, strides=2, padding="same", groups=2),
            A.conv_macs(16, 8, 16, 5, groups=2),
        ),
        ((100, 4), keras.layers.Conv1D(8, 5), A.conv_macs((96,), 4, 8, (5,))),
        (
            (8, 16, 16, 3),
            keras.layers.Conv3D(4, 3, padding="same"),
            A.conv_macs((8, 16, 16), 3, 4, (3, 3, 3)),
        ),
        (
            (7, 7, 32),
            keras.layers.Conv2DTranspose(16, 3, strides=2, padding="same"),
            7 * 7 * 32 * 9 * 16,
        ),
        (
            (14, 14, 32),
            keras.layers.DepthwiseConv2D(3, padding="same"),
            A.depthwise_conv_macs(14, 32, 3),
        ),
        (
            (14, 14, 32),
            keras.layers.DepthwiseConv2D(3, depth_multiplier=2),
            A.depthwise_conv_macs(12, 32, 3, 2),
        ),
        (
            (14, 14, 32),
            keras.layers.SeparableConv2D(64, 3, padding="same"),
            A.depthwise_conv_macs(14, 32, 3) + A.conv_macs(14, 32, 64, 1),
        ),
        ((10, 20), keras.layers.Dense(30), 10 * A.dense_macs(20, 30)),
        ((20,), keras.layers.Dense(30), A.dense_macs(20, 30)),
        ((8, 8, 4), keras.layers.BatchNormalization(), 0),
        ((8, 8, 4), keras.layers.MaxPooling2D(), 0),
    ],
)
def test_layer_macs_agree_with_arithmetic(input_shape, layer, expected_macs):
    prof, model = _single_layer_profile(input_shape, layer)
    row = prof.rows[-1]
    assert row.macs == expected_macs
    assert row.params == layer.count_params()
    assert prof.total_params == model.count_params()


def test_params_match_arithmetic_formulas():
    prof, _ = _single_layer_profile((32, 32, 3), keras.layers.Conv2D(64, 3))
    assert prof.rows[-1].params == A.conv_params(3, 64, 3)
    prof, _ = _single_layer_profile((14, 14, 32), keras.layers.SeparableConv2D(64, 3))
    assert prof.rows[-1].params == A.separable_conv_params(32, 64, 3)


# --- graphs: nested, shared, Sequential -------------------------------------------
def _twin_model():
    encoder = keras.Sequential(
        [
            keras.Input((16, 16, 1)),
            keras.layers.Conv2D(4, 3),
            keras.layers.GlobalAveragePooling2D(),
        ],
        name="encoder",
    )
    a, b = keras.Input((16, 16, 1)), keras.Input((16, 16, 1))
    distance = keras.layers.Subtract()([encoder(a), encoder(b)])
    return keras.Model([a, b], keras.layers.Dense(1)(distance)), encoder


def test_nested_model_called_twice_costs_twice_but_counts_weights_once():
    model, encoder = _twin_model()
    prof = profile(model)
    assert prof.total_params == model.count_params()
    conv = next(r for r in prof.rows if r.name == "encoder/" + encoder.layers[0].name)
    assert conv.calls == 2
    assert conv.macs == 2 * A.conv_macs(14, 1, 4, 3)
    assert conv.params == A.conv_params(1, 4, 3)


def test_shared_layer_called_twice():
    dense = keras.layers.Dense(5)
    a, b = keras.Input((3,)), keras.Input((3,))
    model = keras.Model([a, b], keras.layers.Add()([dense(a), dense(b)]))
    row = next(r for r in profile(model).rows if r.layer_type == "Dense")
    assert row.calls == 2 and row.macs == 2 * 15 and row.params == 20


def test_layers_reused_by_another_model_are_not_double_counted():
    conv = keras.layers.Conv2D(2, 3)
    first = keras.Model(i1 := keras.Input((8, 8, 1)), conv(i1))
    keras.Model(
        i2 := keras.Input((10, 10, 1)), conv(i2)
    )  # a second graph through `conv`
    assert profile(first).total_macs == A.conv_macs(6, 1, 2, 3)


def test_sequential_and_nested_functional():
    inner = keras.Sequential(
        [keras.Input((8,)), keras.layers.Dense(4), keras.layers.Dense(2)], name="inner"
    )
    outer = keras.Sequential([keras.Input((8,)), inner, keras.layers.Dense(1)])
    prof = profile(outer)
    assert prof.total_params == outer.count_params() == 36 + 10 + 3
    assert [r.name.split("/")[0] for r in prof.rows].count("inner") == 2
    assert prof.total_macs == 32 + 8 + 2


def test_table_outputs():
    prof = profile(
        keras.Sequential(
            [
                keras.Input((28, 28, 1)),
                keras.layers.Conv2D(8, 3, name="c1"),
                keras.layers.Flatten(),
                keras.layers.Dense(10, name="d1"),
            ],
            name="tiny",
        )
    )
    frame = prof.to_frame()
    assert list(frame.columns) == [
        "name",
        "layer_type",
        "output_shape",
        "params",
        "trainable_params",
        "macs",
        "activations",
    ]
    assert frame["params"].sum() == prof.total_params
    assert "c1" in str(prof) and "Total params" in str(prof)
    html = prof._repr_html_()
    assert "<table" in html and "d1" in html and "(26, 26, 8)" in html
    assert prof.by_type().index[0] == "Dense"  # 5408*10 MACs > 26*26*8*9


def test_non_trainable_weights():
    bn = keras.Sequential([keras.Input((4, 4, 3)), keras.layers.BatchNormalization()])
    prof = profile(bn)
    assert prof.total_params == 12 and prof.total_trainable_params == 6


# --- errors -------------------------------------------------------------------------
def test_custom_weighted_layer_raises_then_can_be_registered():
    class Scale(keras.layers.Layer):
        def build(self, input_shape):
            self.gamma = self.add_weight(shape=(input_shape[-1],), initializer="ones")

        def call(self, x):
            return x * self.gamma

    model = keras.Sequential([keras.Input((4, 4, 3)), Scale(name="my_scale")])
    with pytest.raises(course_lib.UncountableLayerError, match="my_scale.*Scale"):
        profile(model)
    course_lib.register_mac_counter(Scale, lambda layer, ins, outs: 0)
    assert profile(model).total_params == 3


def test_unbuilt_sequential_is_refused():
    with pytest.raises(ValueError, match="keras.Input"):
        profile(keras.Sequential([keras.layers.Dense(3)]))


def test_unknown_input_size_is_refused():
    model = keras.Sequential([keras.Input((None, None, 3)), keras.layers.Conv2D(4, 3)])
    with pytest.raises(ValueError, match="fixed input shape"):
        profile(model)


def test_subclassed_model_is_refused():
    class Net(keras.Model):
        def __init__(self):
            super().__init__()
            self.dense = keras.layers.Dense(2)

        def call(self, x):
            return self.dense(x)

    with pytest.raises(ValueError, match="subclassed"):
        profile(Net())


def test_not_a_model():
    with pytest.raises(ValueError, match="keras.Model"):
        profile("vgg16")
    with pytest.raises(ValueError, match="Layer subclass"):
        course_lib.register_mac_counter(int, lambda *a: 0)


def test_time_distributed_counts_its_inner_layer_or_model_once_per_step():
    import keras

    from course_lib import profile

    dense = keras.Sequential(
        [keras.Input((5, 10)), keras.layers.TimeDistributed(keras.layers.Dense(3))]
    )
    assert profile(dense).total_macs == 5 * 10 * 3
    frame = keras.Sequential(
        [keras.Input((6, 6, 1)), keras.layers.Conv2D(2, 3)], name="frame"
    )
    clip = keras.Sequential(
        [keras.Input((4, 6, 6, 1)), keras.layers.TimeDistributed(frame)]
    )
    assert profile(clip).total_macs == 4 * (4 * 4 * 2 * 9)
