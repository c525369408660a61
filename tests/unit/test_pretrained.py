"""ImageNet weights from keras.applications: the course model must compute the same function.

Checked with random weights (nothing is downloaded): both models get the same
input, and outputs must agree to 1e-4 (issue #8).
"""

import keras
import numpy as np
import pytest

from course_lib.models import (
    KERAS_TWINS,
    WeightsUnavailableError,
    build,
    load_keras_applications_weights,
    pretrained,
)

# small inputs keep the test fast; the weights do not depend on the input size
CASES = {
    "vgg16": dict(input_shape=(32, 32, 3)),
    "resnet50": dict(input_shape=(64, 64, 3)),
    "mobilenet_v1": dict(input_shape=(64, 64, 3), alpha=0.5),
    "mobilenet_v2": dict(input_shape=(64, 64, 3), alpha=0.5),
    "inception_v3": dict(input_shape=(75, 75, 3)),
}


def _randomise(model, rng):
    """Random weights everywhere, positive variances, non-zero biases and means (so folding is tested)."""
    for w in model.weights:
        value = rng.normal(0, 0.05, tuple(w.shape)).astype("float32")
        if "variance" in w.path:
            value = rng.uniform(0.5, 1.5, tuple(w.shape)).astype("float32")
        w.assign(value)


@pytest.mark.parametrize("name", sorted(CASES))
def test_loaded_model_computes_the_same_outputs(name):
    options = dict(CASES[name])
    twin_options = dict(weights=None, input_shape=options["input_shape"])
    if "alpha" in options:
        twin_options["alpha"] = options["alpha"]
    theirs = getattr(keras.applications, KERAS_TWINS[name])(**twin_options)
    ours = build(name, **options)
    rng = np.random.default_rng(0)
    _randomise(theirs, rng)
    load_keras_applications_weights(ours, theirs)
    x = rng.uniform(0, 1, (2, *options["input_shape"])).astype("float32")
    a, b = ours.predict(x, verbose=0), theirs.predict(x, verbose=0)
    assert a.shape == b.shape
    np.testing.assert_allclose(a, b, atol=1e-4)


def test_mismatched_architectures_are_refused():
    theirs = keras.applications.MobileNet(
        weights=None, input_shape=(64, 64, 3), alpha=0.5
    )
    with pytest.raises(
        ValueError, match="not the same architecture|cannot take the weights"
    ):
        load_keras_applications_weights(
            build("mobilenet_v1", input_shape=(64, 64, 3), alpha=0.25), theirs
        )
    with pytest.raises(ValueError, match="layers with weights"):
        load_keras_applications_weights(
            build("resnet18", input_shape=(64, 64, 3)),
            keras.applications.ResNet50(weights=None, input_shape=(64, 64, 3)),
        )


def test_pretrained_fails_fast_offline(monkeypatch):
    monkeypatch.setenv("COURSE_OFFLINE", "1")
    with pytest.raises(WeightsUnavailableError, match="COURSE_OFFLINE=1"):
        pretrained("resnet50")
    with pytest.raises(ValueError, match="no ImageNet weights for 'lenet5'"):
        pretrained("lenet5")
