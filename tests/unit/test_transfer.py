"""course_lib.models.transfer: the shipped pretrained encoder and the three scenarios."""

import shutil

import keras
import numpy as np
import pytest

from course_lib import data
from course_lib.models import build, transfer


@pytest.fixture(scope="module")
def pretrained():
    return transfer.course_pretrained("glyph_cnn")


def test_shipped_weights_match_their_manifest_and_recorded_accuracy(pretrained):
    manifest = transfer.course_manifest("glyph_cnn")
    assert manifest["sha256"] == transfer._sha256(
        transfer.WEIGHTS_DIR / manifest["weights_file"]
    )
    val = data.font_glyphs(size=32, seed=manifest["recipe"]["validation_seed"])
    accuracy = np.mean(
        pretrained.predict(val.x_train, verbose=0).argmax(-1) == val.y_train
    )
    assert accuracy == pytest.approx(manifest["validation_accuracy"], abs=0.01)
    assert accuracy > 0.5  # far above chance (1/130): it did learn


def test_a_damaged_weights_file_is_refused(monkeypatch, tmp_path):
    for f in transfer.WEIGHTS_DIR.iterdir():
        shutil.copy(f, tmp_path / f.name)
    with open(tmp_path / "glyph_cnn.weights.h5", "r+b") as f:
        f.seek(-100, 2)
        f.write(b"\0" * 10)
    monkeypatch.setattr(transfer, "WEIGHTS_DIR", tmp_path)
    with pytest.raises(ValueError, match="SHA-256"):
        transfer.course_pretrained("glyph_cnn")
    with pytest.raises(ValueError, match="no course weights named 'imagenet'"):
        transfer.course_manifest("imagenet")


@pytest.mark.parametrize(
    "scenario, trainable",
    [
        ("replace_last", 128 * 10 + 10),
        ("replace_head", (128 * 128 + 128) + (128 * 10 + 10)),
    ],
)
def test_scenarios_freeze_the_pretrained_layers(pretrained, scenario, trainable):
    model = transfer.transfer_model(pretrained, 10, scenario)
    assert sum(int(np.prod(w.shape)) for w in model.trainable_weights) == trainable
    kept = model.get_layer("pretrained")
    for layer in kept.layers:  # the kept layers carry the pretrained weights
        for w_new, w_old in zip(
            layer.get_weights(), pretrained.get_layer(layer.name).get_weights()
        ):
            np.testing.assert_array_equal(w_new, w_old)
    kept.trainable = True  # fine-tuning: everything trains
    assert len(model.trainable_weights) > 4
    with pytest.raises(ValueError, match="`scenario` must be one of"):
        transfer.transfer_model(pretrained, 10, "replace_everything")


def test_frozen_training_leaves_the_encoder_unchanged(pretrained):
    keras.utils.set_random_seed(0)
    model = transfer.transfer_model(pretrained, 3, "replace_last")
    before = [w.copy() for w in model.get_layer("pretrained").get_weights()]
    model.compile("adam", "sparse_categorical_crossentropy")
    x = np.random.default_rng(0).uniform(0, 1, (8, 32, 32, 1)).astype("float32")
    model.fit(x, np.arange(8) % 3, epochs=1, verbose=0)
    for a, b in zip(before, model.get_layer("pretrained").get_weights()):
        np.testing.assert_array_equal(a, b)  # batch-norm statistics included


def test_feature_extractor(pretrained):
    features = transfer.feature_extractor(pretrained)
    assert features.output_shape == (None, 128)
    with pytest.raises(ValueError, match="`layer` must be one of"):
        transfer.feature_extractor(pretrained, "fc9")


def test_per_class_split():
    x, y = np.arange(30), np.repeat(np.arange(3), 10)
    xs, ys, x_rest, y_rest = data.per_class_split(x, y, 4, seed=0)
    assert list(np.bincount(ys)) == [4, 4, 4] and list(np.bincount(y_rest)) == [6, 6, 6]
    assert sorted(np.concatenate([xs, x_rest])) == list(x)
    with pytest.raises(ValueError, match="`per_class` must be an int from 1 to 10"):
        data.per_class_split(x, y, 11)


def test_fine_tuning_a_transfer_model_leaves_the_pretrained_model_alone(pretrained):
    before = [w.copy() for w in pretrained.get_weights()]
    model = transfer.transfer_model(pretrained, 3, "replace_head")
    transfer.unfreeze(model.get_layer("pretrained"))
    model.compile("adam", "sparse_categorical_crossentropy")
    x = np.random.default_rng(0).uniform(0, 1, (8, 32, 32, 1)).astype("float32")
    model.fit(x, np.arange(8) % 3, epochs=1, verbose=0)
    for a, b in zip(before, pretrained.get_weights()):
        np.testing.assert_array_equal(a, b)


# --- backbones for the transfer lab ------------------------------------------------------------
def test_unfreeze_keeps_batch_norm_in_inference_mode():
    """Keras 3 ignores the build-time ``training=False`` once a batch-norm layer is trainable
    (keras-team/keras#20285); unfreeze() keeps them frozen, so training-mode outputs equal
    inference outputs (no dropout here) while the other weights become trainable."""
    encoder = transfer.backbone(source="course").encoder
    model = transfer.new_classifier(encoder, 4, dropout=0.0)
    x = np.random.default_rng(0).uniform(0, 1, (16, 32, 32, 1)).astype("float32")
    assert len(model.trainable_weights) == 2  # the linear probe: kernel and bias
    transfer.unfreeze(encoder)
    assert len(model.trainable_weights) == 2 + 5  # and the five convolution kernels
    np.testing.assert_allclose(
        keras.ops.convert_to_numpy(model(x, training=True)),
        keras.ops.convert_to_numpy(model(x, training=False)),
        atol=1e-6,
    )
    transfer.unfreeze(encoder, batch_norm=True)  # the ablation: batch statistics
    assert len(model.trainable_weights) == 2 + 5 + 2 * 5
    assert not np.allclose(
        keras.ops.convert_to_numpy(model(x, training=True)),
        keras.ops.convert_to_numpy(model(x, training=False)),
        atol=1e-3,
    )


def test_course_backbone_is_the_labelled_offline_fallback():
    backbone = transfer.backbone(source="course")
    assert backbone.offline_fallback and backbone.feature_size == 128
    assert "OFFLINE FALLBACK BACKBONE" in backbone.describe()
    with pytest.raises(ValueError, match="`source` must be one of"):
        transfer.backbone(source="internet")


def test_imagenet_backbone_refuses_offline(monkeypatch):
    from course_lib.models.imagenet_weights import WeightsUnavailableError

    monkeypatch.setenv("COURSE_OFFLINE", "1")
    with pytest.raises(WeightsUnavailableError, match="COURSE_OFFLINE"):
        transfer.backbone("mobilenet_v2", (96, 96, 3))


@pytest.mark.parametrize("name, mode", [("mobilenet_v2", "tf"), ("resnet50", "caffe")])
def test_imagenet_backbone_copies_weights_to_any_size(monkeypatch, name, mode):
    """The 224x224 weights go into a network built for 64x64, behind the twin's own preprocessing."""
    keras.utils.set_random_seed(0)
    trained = build(name)  # stands in for the ImageNet download
    monkeypatch.setattr(
        transfer, "pretrained", lambda requested: trained if requested == name else None
    )
    backbone = transfer.backbone(name, (64, 64, 3))
    assert not backbone.offline_fallback and backbone.encoder.input_shape[1:] == (
        64,
        64,
        3,
    )
    conv_weights = [w for w in backbone.encoder.get_weights() if w.ndim == 4]
    np.testing.assert_array_equal(
        conv_weights[0], [w for w in trained.get_weights() if w.ndim == 4][0]
    )
    x = np.random.default_rng(1).uniform(0, 1, (2, 64, 64, 3)).astype("float32")
    expected = keras.applications.imagenet_utils.preprocess_input(x * 255.0, mode=mode)
    np.testing.assert_allclose(
        keras.ops.convert_to_numpy(transfer.imagenet_preprocess(x, name)),
        expected,
        rtol=1e-6,
    )
    with pytest.raises(ValueError, match="no ImageNet preprocessing for 'lenet5'"):
        transfer.imagenet_preprocess(x, "lenet5")
