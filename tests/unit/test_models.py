"""The architecture zoo against the lecture notes, the papers and keras.applications.

Runs under both KERAS_BACKEND=tensorflow and KERAS_BACKEND=jax (see Makefile).
"""

import numpy as np
import keras
import pytest

from course_lib import profile
from course_lib.models import build
from course_lib import models as M

# Every model's reference counts (total and trainable parameters, MACs where a source gives
# them), its forward pass and its save/reload are checked from its model card by
# tests/unit/test_model_cards.py, generated from the registry. This file checks the rest:
# per-layer tables, options, blocks and training.


# --- LeNet-5 --------------------------------------------------------------------
def test_lenet5_per_layer_params_seed_002():
    rows = profile(build("lenet5")).rows

    def params(prefix):
        return sum(
            r.params
            for r in rows
            if r.name == prefix or r.name.startswith(prefix + "_map")
        )

    # Dube's notes: C1 156, C3 1,516, F6 10,164; the paper: S2 12, S4 32, C5 48,120
    assert [params(n) for n in ("c1", "s2", "c3", "s4", "c5", "f6")] == [
        156,
        12,
        1_516,
        32,
        48_120,
        10_164,
    ]


def test_lenet5_partial_connection_saves_params():
    full = profile(build("lenet5_modern")).rows
    assert next(r for r in full if r.name == "c3").params == 2_416  # 16 * (25*6 + 1)


# --- The chapters' 32x32 experiment networks --------------------------------------
def test_mini_alexnet_variants_differ_only_in_activation():
    from course_lib import arithmetic as A

    relu, tanh = build("mini_alexnet"), build("mini_alexnet", activation="tanh")
    convs = (
        A.conv_params(1, 32, 5) + A.conv_params(32, 32, 5) + A.conv_params(32, 64, 5)
    )
    assert (
        relu.count_params()
        == tanh.count_params()
        == convs + A.dense_params(4 * 4 * 64, 10)
    )
    assert relu.get_layer("conv2").activation.__name__ == "relu"
    assert tanh.get_layer("conv2").activation.__name__ == "tanh"


def test_mini_vgg_two_3x3_vs_one_5x5():
    from course_lib import arithmetic as A

    stacked, single = build("mini_vgg"), build("mini_vgg", stage="5x5")
    head = A.dense_params(64, 10)
    assert (
        stacked.count_params()
        == A.conv_params(1, 64, 3) + 5 * A.conv_params(64, 64, 3) + head
    )
    assert (
        single.count_params()
        == A.conv_params(1, 64, 5) + 2 * A.conv_params(64, 64, 5) + head
    )
    assert stacked.output_shape == single.output_shape == (None, 10)


def test_mini_inception_heads():
    gap, dense = build("mini_inception"), build("mini_inception", head="dense")
    assert gap.get_layer("inception_b").output.shape[-1] == 128
    body = gap.count_params() - (128 * 10 + 10)
    assert dense.count_params() - body == 8 * 8 * 128 * 256 + 256 + 256 * 10 + 10
    with pytest.raises(ValueError, match="`head` must be one of"):
        build("mini_inception", head="fc")


# --- AlexNet / ZFNet ------------------------------------------------------------------
def test_alexnet_table_seed_001():
    rows = {r.name: r for r in profile(build("alexnet")).rows}
    expected = {
        "conv1": (34_944, (55, 55, 96)),
        "conv2": (614_656, (27, 27, 256)),
        "conv3": (885_120, (13, 13, 384)),
        "conv4": (1_327_488, (13, 13, 384)),
        "conv5": (884_992, (13, 13, 256)),
        "fc6": (37_752_832, (4096,)),
        "fc7": (16_781_312, (4096,)),
        "fc8": (4_097_000, (1000,)),
    }
    for name, (params, shape) in expected.items():
        assert (rows[name].params, rows[name].output_shape) == (params, shape), name
    assert rows["pool5"].output_shape == (6, 6, 256)  # Das's notes: [6x6x256] MAX POOL3


def test_alexnet_fc_layers_hold_most_parameters():
    prof = profile(build("alexnet"))
    fc = sum(r.params for r in prof.rows if r.layer_type == "Dense")
    assert fc / prof.total_params == pytest.approx(
        0.94, abs=0.005
    )  # issue #7: "fc layers ~ 94%"


def test_alexnet_two_gpu_split_and_lrn():
    grouped = build("alexnet", groups=2, lrn=True)
    rows = {r.name: r for r in profile(grouped).rows}
    assert rows["conv2"].params == 256 * 5 * 5 * 48 + 256
    assert rows["conv3"].params == 885_120  # conv3 sees both GPUs
    assert "norm1" in rows and rows["norm1"].params == 0


def test_zfnet_shapes_follow_the_paper():
    rows = {r.name: r for r in profile(build("zfnet")).rows}
    shapes = [
        rows[n].output_shape[:2]
        for n in ("conv1", "pool1", "conv2", "pool2", "conv5", "pool5")
    ]
    assert shapes == [
        (110, 110),
        (55, 55),
        (26, 26),
        (13, 13),
        (13, 13),
        (6, 6),
    ]  # ZF paper, Fig. 3
    wide = {r.name: r for r in profile(build("zfnet", wide=True)).rows}
    assert [wide[f"conv{i}"].output_shape[-1] for i in (3, 4, 5)] == [
        512,
        1024,
        512,
    ]  # Das's notes


# --- VGG ---------------------------------------------------------------------------------
def test_vgg16_memory_table_seed_000():
    prof = profile(build("vgg16"))
    convs = [r for r in prof.rows if r.layer_type == "Conv2D"]
    weights_only = [
        r.params - r.output_shape[-1] for r in convs
    ]  # the notes leave out biases
    assert weights_only[:4] == [1_728, 36_864, 73_728, 147_456]
    assert weights_only[-1] == 2_359_296
    assert prof.total_activations == pytest.approx(15.2e6, rel=0.01)
    assert prof.total_activations * 4 / 2**20 == pytest.approx(58, abs=0.5)


# --- ResNet --------------------------------------------------------------------------------
def test_resnet50_stride_placement():
    assert profile(build("resnet50")).total_macs == pytest.approx(3.86e9, rel=0.005)
    assert profile(build("resnet50", stride_in_1x1=False)).total_macs == pytest.approx(
        4.1e9, rel=0.01
    )


def test_resnet50_matches_keras_applications_macs():
    ours = profile(build("resnet50")).total_macs
    theirs = profile(keras.applications.ResNet50(weights=None)).total_macs
    assert ours == theirs


def test_plain_nets_drop_only_the_shortcuts():
    for depth in (18, 34):
        resnet, plain = build(f"resnet{depth}"), build(f"plain{depth}")
        projections = sum(l.count_params() for l in resnet.layers if "_proj_" in l.name)
        assert resnet.count_params() - plain.count_params() == projections
        assert not any(isinstance(l, keras.layers.Add) for l in plain.layers)


def test_cifar_plain_nets_have_the_same_params():
    assert (
        build("plain20").count_params() == build("resnet20").count_params()
    )  # option A adds none
    assert build("plain56").count_params() == build("resnet56").count_params()


# --- MobileNet ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "alpha, mmacs, mparams",
    [(1.0, 569, 4.2), (0.75, 325, 2.6), (0.5, 149, 1.3), (0.25, 41, 0.5)],
)
def test_mobilenet_width_multiplier_table_seed_000(alpha, mmacs, mparams):
    model = build("mobilenet_v1", alpha=alpha)
    prof = profile(model)
    assert round(prof.total_macs / 1e6) == pytest.approx(mmacs, abs=1)  # paper Table 6
    assert (
        round(prof.total_trainable_params / 1e6, 1) == mparams
    )  # BN statistics are not "parameters" there
    assert (
        model.count_params()
        == keras.applications.MobileNet(weights=None, alpha=alpha).count_params()
    )


@pytest.mark.parametrize("size, mmacs", [(192, 418), (160, 290), (128, 186)])
def test_mobilenet_resolution_table_seed_000(size, mmacs):
    prof = profile(build("mobilenet_v1", input_shape=(size, size, 3)))
    assert round(prof.total_macs / 1e6) == pytest.approx(mmacs, abs=1)  # paper Table 7
    assert round(prof.total_trainable_params / 1e6, 1) == 4.2


def test_conv_mobilenet_seed_000():
    prof = profile(build("mobilenet_v1", separable=False))
    assert prof.total_macs / 1e6 == pytest.approx(4866, rel=0.01)  # paper Table 4
    assert prof.total_trainable_params / 1e6 == pytest.approx(29.3, abs=0.05)


def test_mobilenet_v2_matches_keras_and_paper():
    model = build("mobilenet_v2")
    assert (
        model.count_params()
        == keras.applications.MobileNetV2(weights=None).count_params()
    )
    assert profile(model).total_macs / 1e6 == pytest.approx(
        300, rel=0.01
    )  # paper Table 4


# --- C3D and the autoencoder ------------------------------------------------------------------
def test_c3d_table_seed_000():
    rows = {r.name: r for r in profile(build("c3d")).rows}
    shapes = {
        "conv1a": (16, 112, 112, 64),
        "pool1": (16, 56, 56, 64),
        "pool2": (8, 28, 28, 128),
        "pool3": (4, 14, 14, 256),
        "pool4": (2, 7, 7, 512),
        "conv5b": (2, 7, 7, 512),
        "pool5": (1, 4, 4, 512),
    }
    for name, shape in shapes.items():
        assert rows[name].output_shape == shape, name
    weights = {
        "conv1a": 5_184,
        "conv2a": 221_184,
        "conv3a": 884_736,
        "conv3b": 1_769_472,
        "conv4a": 3_538_944,
        "conv4b": 7_077_888,
        "conv5a": 7_077_888,
        "fc6": 33_554_432,
        "fc7": 16_777_216,
        "fc8": 413_696,
    }
    for name, w in weights.items():
        assert rows[name].params - rows[name].output_shape[-1] == w, (
            name
        )  # the notes leave out biases


def test_autoencoder_upsampling_options_have_the_same_parameters():
    transposed, resized = (
        build("conv_autoencoder"),
        build("conv_autoencoder", upsampling="resize"),
    )
    assert transposed.count_params() == resized.count_params() == 140_850
    assert resized.output_shape == (None, 28, 28, 1)
    with pytest.raises(ValueError, match="`upsampling` must be one of"):
        build("conv_autoencoder", upsampling="bilinear")


def test_autoencoder_parts():
    model = build("conv_autoencoder")
    encoder, decoder = model.get_layer("encoder"), model.get_layer("decoder")
    assert encoder.output_shape == (None, 49) and decoder.output_shape == (
        None,
        28,
        28,
        1,
    )
    assert encoder.count_params() + decoder.count_params() == 140_850
    assert model.count_params() - profile(model).total_trainable_params == 256


# --- registry and bad options ---------------------------------------------------------------------
def test_unknown_name_lists_available():
    with pytest.raises(ValueError, match="available models: .*resnet50"):
        build("resnet51")


def test_unknown_and_fixed_options():
    with pytest.raises(ValueError, match="allowed options: .*alpha"):
        build("mobilenet_v1", width=0.5)
    with pytest.raises(ValueError, match="depth"):
        build("resnet50", depth=18)


@pytest.mark.parametrize(
    "name, options, message",
    [
        ("mobilenet_v1", {"alpha": 0}, "alpha"),
        ("mobilenet_v2", {"alpha": -1}, "alpha"),
        ("mobilenet_v1", {"input_shape": (16, 16, 3)}, "too small"),
        ("resnet50", {"input_shape": (8, 8, 3)}, "too small"),
        ("alexnet", {"input_shape": (32, 32, 3)}, "too small"),
        ("lenet5", {"input_shape": (28, 28, 1)}, r"\(32, 32, 1\) only"),
        ("c3d", {"input_shape": (16, 112, 112, 1)}, "only"),
        ("conv_autoencoder", {"input_shape": (28, 28, 3)}, "only"),
        ("alexnet", {"groups": 3}, "groups"),
        ("vgg16", {"num_classes": 0}, "num_classes"),
        ("vgg16", {"dropout": 1.5}, "dropout"),
        ("lenet5", {"output": "sigmoid"}, "output"),
        ("resnet18", {"input_shape": (224, 224)}, "input_shape"),
    ],
)
def test_bad_options_raise_clear_errors(name, options, message):
    with pytest.raises(ValueError, match=message):
        build(name, **options)


# --- blocks --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "block, args, in_shape, out_shape",
    [
        (M.residual_block, dict(filters=64), (56, 56, 64), (56, 56, 64)),
        (M.residual_block, dict(filters=128, stride=2), (56, 56, 64), (28, 28, 128)),
        (
            M.residual_block,
            dict(filters=32, stride=2, shortcut="A"),
            (32, 32, 16),
            (16, 16, 32),
        ),
        (M.bottleneck_block, dict(filters=64), (56, 56, 64), (56, 56, 256)),
        (M.bottleneck_block, dict(filters=128, stride=2), (56, 56, 256), (28, 28, 512)),
        (M.depthwise_separable_block, dict(filters=64), (112, 112, 32), (112, 112, 64)),
        (
            M.depthwise_separable_block,
            dict(filters=128, stride=2),
            (112, 112, 64),
            (56, 56, 128),
        ),
        (
            M.inverted_residual_block,
            dict(filters=24, stride=2, expansion=6),
            (112, 112, 16),
            (56, 56, 24),
        ),
        (
            M.inverted_residual_block,
            dict(filters=24, stride=1, expansion=6),
            (56, 56, 24),
            (56, 56, 24),
        ),
        (
            M.vgg_block,
            dict(filters=64, kernels=(3, 3), name="b"),
            (224, 224, 3),
            (112, 112, 64),
        ),
        (M.partially_connected_conv, dict(), (14, 14, 6), (10, 10, 16)),
        (
            M.conv3d_block,
            dict(filters=64, convolutions=1, pool=(1, 2, 2), name="1"),
            (16, 112, 112, 3),
            (16, 56, 56, 64),
        ),
    ],
)
def test_block_shapes(block, args, in_shape, out_shape):
    inputs = keras.Input(in_shape)
    assert tuple(block(inputs, **args).shape[1:]) == out_shape


def test_residual_block_adds_its_input():
    model = M.block_model(M.residual_block, (8, 8, 4), 4, name="r")
    for w in model.weights:  # all convolutions zero: output = relu(input + bn(0))
        if "conv" in w.path and "kernel" in w.path:
            w.assign(np.zeros(w.shape))
    x = np.random.default_rng(0).uniform(0, 1, (2, 8, 8, 4)).astype("float32")
    np.testing.assert_allclose(model.predict(x, verbose=0), x, atol=1e-5)


# --- forward passes and training ---------------------------------------------------------------------
@pytest.mark.parametrize(
    "name, options",
    [
        ("lenet5", dict(output="softmax")),
        ("lenet5_modern", {}),
        ("resnet20", {}),
        (
            "mobilenet_v1",
            dict(alpha=0.25, input_shape=(32, 32, 3), num_classes=10, dropout=0.0),
        ),
        ("conv_autoencoder", {}),
        ("unet", dict(input_shape=(32, 32, 1), n_filters=4, depth=2)),
    ],
)
def test_a_few_training_steps_lower_the_loss(name, options):
    keras.utils.set_random_seed(0)
    model = build(name, **options)
    rng = np.random.default_rng(0)
    x = rng.uniform(0, 1, (16, *model.input_shape[1:])).astype("float32")
    if name == "conv_autoencoder":
        y, loss = x, "mse"
    elif name == "unet":
        y, loss = (x > 0.5).astype("float32"), "binary_crossentropy"
    else:
        y, loss = rng.integers(0, 10, 16), "sparse_categorical_crossentropy"
    rate = 1e-2 if name == "unet" else 1e-3  # a 4-filter U-Net needs bigger steps
    model.compile(optimizer=keras.optimizers.Adam(rate), loss=loss)
    # One step per epoch; the training-mode loss of the first step is the loss
    # before any update (inference-mode loss would lag behind batch norm's
    # slowly moving statistics after so few steps).
    losses = model.fit(x, y, epochs=15, batch_size=16, verbose=0).history["loss"]
    assert losses[-1] < 0.9 * losses[0]


# --- GoogLeNet / Inception -------------------------------------------------------------------------
# the Famous Networks notes (GoogLeNet paper, Table 1): per module (output depth, params in K = 1024 weights, ops in M MACs).
GOOGLENET_TABLE = {
    "3a": (256, 159, 128),
    "3b": (480, 380, 304),
    "4a": (512, 364, 73),
    "4b": (512, 437, 88),
    "4c": (512, 463, 100),
    "4d": (528, 580, 119),
    "4e": (832, 840, 170),
    "5a": (832, 1072, 54),
    "5b": (1024, 1388, 71),
}
# Two rows of the table contradict its own filter counts; the chapter explains:
# 4c's 463K is a typo (its own 100M ops imply 100e6/14^2 = 510K weights = 498K);
# 5a's 1072K / 54M cannot come from (256, 160, 320, 32, 128, 128) on 832 channels,
# which give 1018K / 51M.
GOOGLENET_SLIPS = {"4c": "params", "5a": "both"}


def _googlenet_modules():
    rows = profile(build("googlenet")).rows
    out = {}
    for key in GOOGLENET_TABLE:
        convs = [
            r
            for r in rows
            if r.name.startswith(f"inception_{key}_") and r.layer_type == "Conv2D"
        ]
        concat = next(r for r in rows if r.name == f"inception_{key}")
        weights = sum(
            r.params - r.output_shape[-1] for r in convs
        )  # the table counts weights
        out[key] = (
            concat.output_shape[-1],
            weights / 1024,
            sum(r.macs for r in convs) / 1e6,
        )
    return out


def test_googlenet_module_table_seed_004():
    ours = _googlenet_modules()
    for key, (depth, kparams, mops) in GOOGLENET_TABLE.items():
        got_depth, got_k, got_m = ours[key]
        assert got_depth == depth, key
        slip = GOOGLENET_SLIPS.get(key)
        if slip != "both":
            assert got_m == pytest.approx(mops, rel=0.02), key
        if slip is None:
            assert got_k == pytest.approx(kparams, rel=0.02), key
    assert round(ours["4c"][1]) == 498 and round(100e6 / 14**2 / 1024) == 498
    assert round(ours["5a"][1]) == 1018 and round(ours["5a"][2]) == 51


def test_googlenet_budget_and_aux_heads():
    plain = build("googlenet")
    assert profile(plain).total_macs == pytest.approx(
        1.5e9, rel=0.06
    )  # paper: "1.5 billion multiply-adds"
    with_aux = build("googlenet", aux_classifiers=True)
    assert [tuple(o.shape) for o in with_aux.outputs] == [(None, 1000)] * 3
    assert with_aux.count_params() > plain.count_params()


def test_naive_vs_bottleneck_module_seed_000():
    naive = profile(
        M.block_model(M.naive_inception_module, (28, 28, 256), 128, 192, 96)
    )
    assert naive.rows[-1].output_shape == (28, 28, 672)  # Das's notes: 28x28x672
    assert round(naive.total_macs / 1e6) == 854  # Das's notes: 854M ops
    reduced = profile(
        M.block_model(M.inception_module, (28, 28, 256), 128, 64, 192, 64, 96, 64)
    )
    assert reduced.total_macs == 271_351_808  # notes print 358M: see test_arithmetic


def test_inception_v3_equals_keras_applications():
    model = build("inception_v3")
    assert (
        model.count_params()
        == keras.applications.InceptionV3(weights=None).count_params()
        == 23_851_784
    )
    assert profile(model).total_macs == pytest.approx(5.71e9, rel=0.01)


def test_factorization_saves_weights():
    factorized = M.block_model(
        M.factorized_7x7, (17, 17, 192), 192, 192, "f"
    ).count_params()
    full = 7 * 7 * 192 * 192
    assert (
        factorized - 4 * 192 * 3 // 2 == 2 * 7 * 192 * 192
    )  # minus BN (beta, mean, var)
    assert 2 * 7 / 49 == pytest.approx(factorized / full, rel=0.01)


# --- U-Net and Siamese ---------------------------------------------------------------------------------
def test_unet_original_configuration():
    model = build("unet", input_shape=(572, 572, 1), num_classes=2, padding="valid")
    assert model.output_shape == (None, 388, 388, 2)  # Ronneberger et al., Fig. 1
    from course_lib import arithmetic as A

    expected, c_in = 0, 1
    for level in range(5):  # contracting path + bottom
        c = 64 * 2**level
        expected += A.conv_params(c_in, c, 3) + A.conv_params(c, c, 3)
        c_in = c
    for level in reversed(range(4)):  # expanding path
        c = 64 * 2**level
        expected += (
            A.conv_params(2 * c, c, 2)
            + A.conv_params(2 * c, c, 3)
            + A.conv_params(c, c, 3)
        )
    expected += A.conv_params(64, 2, 1)
    assert model.count_params() == expected == 31_030_658


def test_unet_skips_concatenate_encoder_features():
    with_skips, without = (
        build("unet", n_filters=8, depth=3),
        build("unet", n_filters=8, depth=3, skips=False),
    )
    concat = with_skips.get_layer("up1_concat")
    assert concat.output.shape[-1] == 16  # 8 from the encoder + 8 upsampled
    assert with_skips.count_params() > without.count_params()
    assert not any(isinstance(l, keras.layers.Concatenate) for l in without.layers)


def test_unet_rejects_sizes_that_do_not_divide():
    with pytest.raises(ValueError, match="multiples of 2\\*\\*depth = 16"):
        build("unet", input_shape=(100, 100, 3))


def test_siamese_shares_one_encoder():
    model = build("siamese")
    assert model.count_params() == 38_951_745  # Koch et al. 2015
    encoders = [l for l in model.layers if l.name == "encoder"]
    assert len(encoders) == 1 and len(encoders[0]._inbound_nodes) == 2
    assert profile(model).total_macs == 2 * profile(encoders[0]).total_macs + 4096


def test_small_siamese_and_helpers():
    keras.utils.set_random_seed(0)
    model = build("siamese", variant="small", input_shape=(28, 28, 1))
    x = np.random.default_rng(0).uniform(0, 1, (3, 28, 28, 1)).astype("float32")
    scores = model.predict([x, x], verbose=0)
    assert scores.shape == (3, 1)
    loss = M.contrastive_loss(margin=1.0)
    same = float(loss(np.array([1.0], "float32"), np.array([0.5], "float32")))
    different = float(loss(np.array([0.0], "float32"), np.array([0.25], "float32")))
    assert same == pytest.approx(0.25) and different == pytest.approx(0.5625)


def test_n_way_one_shot_accuracy_with_pixel_baseline():
    rng = np.random.default_rng(0)
    prototypes = rng.uniform(0, 1, (5, 8, 8))
    trials = [
        (prototypes[k] + rng.normal(0, 0.05, (8, 8)), prototypes, k) for k in range(5)
    ]

    def negative_distance(a, b):
        return -np.abs(a - b).reshape(len(a), -1).sum(axis=1)

    assert M.n_way_one_shot_accuracy(negative_distance, trials) == 1.0
    assert (
        M.n_way_one_shot_accuracy(lambda a, b: -negative_distance(a, b), trials) == 0.0
    )
    with pytest.raises(ValueError, match="empty"):
        M.n_way_one_shot_accuracy(negative_distance, [])


# --- Part III small models: counts from formulas ---------------------------------------------------------
def test_glyph_cnn_mini_c3d_and_frame_cnn_counts():
    conv_bn = lambda c_in, c_out: (
        9 * c_in * c_out + 4 * c_out
    )  # no conv bias; BN gamma, beta, mean, var
    glyph = (
        conv_bn(1, 32)
        + conv_bn(32, 32)
        + conv_bn(32, 64)
        + conv_bn(64, 64)
        + conv_bn(64, 128)
    )
    assert build("glyph_cnn", num_classes=10).count_params() == glyph + (
        128 * 128 + 128
    ) + (128 * 10 + 10)
    conv = lambda taps, c_in, c_out: taps * c_in * c_out + c_out
    head = 64 * 4 + 4
    assert (
        build("mini_c3d").count_params()
        == conv(27, 1, 16) + conv(27, 16, 32) + conv(27, 32, 64) + head
    )
    assert (
        build("frame_cnn").count_params()
        == conv(9, 1, 16) + conv(9, 16, 32) + conv(9, 32, 64) + head
    )


def test_frame_cnn_ignores_the_order_of_frames_and_mini_c3d_does_not():
    keras.utils.set_random_seed(0)
    clip = np.random.default_rng(0).uniform(0, 1, (1, 8, 32, 32, 1)).astype("float32")
    reverse = clip[:, ::-1]
    frame, c3d = build("frame_cnn"), build("mini_c3d")
    np.testing.assert_allclose(
        frame.predict(clip, verbose=0), frame.predict(reverse, verbose=0), atol=1e-6
    )
    assert (
        np.abs(c3d.predict(clip, verbose=0) - c3d.predict(reverse, verbose=0)).max()
        > 1e-6
    )
    with pytest.raises(ValueError, match="input_shape"):
        build("mini_c3d", input_shape=(32, 32, 1))


def test_block_model_wraps_any_block_and_refuses_bad_input():
    model = M.block_model(M.bottleneck_block, (8, 8, 256), 64)
    assert model.name == "bottleneck_block" and tuple(model.output.shape) == (
        None,
        8,
        8,
        256,
    )
    assert (
        M.kernel_weights(model) == 256 * 64 + 9 * 64 * 64 + 64 * 256
    )  # no biases, no batch norm
    assert M.kernel_weights(model) < model.count_params()
    with pytest.raises(ValueError, match="`block` must be a function"):
        M.block_model("bottleneck_block", (8, 8, 256), 64)
    for bad in (256, (8, 0, 256), ()):
        with pytest.raises(
            ValueError, match="`input_shape` must be a non-empty tuple of positive ints"
        ):
            M.block_model(M.bottleneck_block, bad, 64)


def test_pixel_similarity_is_minus_the_pixel_distance():
    rng = np.random.default_rng(0)
    a, b = rng.uniform(size=(3, 4, 4, 1)), rng.uniform(size=(3, 4, 4, 1))
    expected = [-np.linalg.norm(a[i] - b[i]) for i in range(3)]
    np.testing.assert_allclose(M.pixel_similarity(a, b), expected)
    assert M.pixel_similarity(a, a).tolist() == [0.0] * 3
    with pytest.raises(ValueError, match="same shape"):
        M.pixel_similarity(a, b[:2])


def test_alexnet_two_towers_count_as_the_grouped_alexnet():
    """The paper's Figure 2, tower by tower, is alexnet(groups=2) layer by layer."""
    from course_lib import profile
    from course_lib.models import alexnet, alexnet_two_towers

    grouped = profile(alexnet(groups=2, lrn=True))
    towers = profile(alexnet_two_towers())
    convs = [r for r in grouped.rows if r.layer_type == "Conv2D"]
    assert towers.total_params == sum(r.params for r in convs)
    assert towers.total_macs == sum(r.macs for r in convs)
    pool5 = next(r for r in grouped.rows if r.name == "pool5")
    assert towers.rows[-1].output_shape == pool5.output_shape
