"""ImageNet weights for course models, taken from their keras.applications twins.

``load_keras_applications_weights(course_model, keras_model)`` copies every
weight of a keras.applications model into the matching course model, layer by
layer in graph order, so that both compute the same function. Two differences
between the implementations are bridged exactly:

* keras.applications' ResNet50 convolutions have a bias right before batch
  norm; the course's have none. ``BN(conv(x) + b)`` equals ``BN'(conv(x))``
  with BN's moving mean reduced by ``b``, so the bias is folded into it.
* keras.applications' MobileNet classifies with a 1x1 convolution on the pooled
  features; the course uses a Dense layer: the kernel is reshaped.

``pretrained(name)`` downloads the ImageNet weights (Colab) and fails fast,
with a clear message, when offline.
"""

from __future__ import annotations

import keras
import numpy as np

from .. import runtime
from ..data._common import DOWNLOAD_TIMEOUT_S, socket_timeout
from . import inception, mobilenet, resnet, vgg  # noqa: F401  (their model cards name the twins: register them first)
from ._registry import available, build, card

# The order in which KERAS_TWINS lists the twins (error messages and backbone() show it); the facts
# themselves are in the cards, and the check below keeps this tuple and the cards in step.
_TWIN_ORDER = (
    "vgg16",
    "vgg19",
    "resnet50",
    "mobilenet_v1",
    "mobilenet_v2",
    "inception_v3",
)
if set(_TWIN_ORDER) != set(available(pretrained=True)):
    raise RuntimeError(
        f"pretrained: _TWIN_ORDER {sorted(_TWIN_ORDER)} and the model cards with a keras.applications "
        f"twin {available(pretrained=True)} disagree; update _TWIN_ORDER"
    )

# course model name -> keras.applications constructor name
KERAS_TWINS = {name: card(name).keras_twin for name in _TWIN_ORDER}

# How each twin's ImageNet weights expect their input (keras.applications' preprocess_input modes):
# "caffe": 0-255 BGR minus the ImageNet mean; "tf": scaled to [-1, 1].
PREPROCESS_MODES = {name: card(name).preprocess for name in _TWIN_ORDER}


def imagenet_preprocess(images, name: str):
    """Map RGB images in [0, 1] (NumPy or a Keras tensor, so it can sit inside a model) to
    the input the ImageNet weights of ``name`` were trained on."""
    if name not in PREPROCESS_MODES:
        raise ValueError(
            f"imagenet_preprocess: no ImageNet preprocessing for {name!r}; "
            f"available: {', '.join(sorted(PREPROCESS_MODES))}"
        )
    return keras.applications.imagenet_utils.preprocess_input(
        images * 255.0, mode=PREPROCESS_MODES[name]
    )


class WeightsUnavailableError(RuntimeError):
    """Pretrained weights cannot be downloaded (offline, or COURSE_OFFLINE=1)."""


def _weighted_layers(model):
    return [layer for layer in model.layers if layer.weights]


def _kind(layer) -> str:
    return type(layer).__name__


def _describe(layer) -> str:
    return f"{layer.name} ({_kind(layer)}, weights {[tuple(w.shape) for w in layer.weights]})"


def _batch_norm_after(model, conv_name: str):
    """The course's conv_bn names a convolution ``X_conv`` and its batch norm ``X_bn``."""
    if not conv_name.endswith("_conv"):
        return None
    try:
        return model.get_layer(conv_name[: -len("_conv")] + "_bn")
    except ValueError:
        return None


def _transfer(model, ours, theirs, pending_bias: dict) -> None:
    """Copy one layer's weights, bridging the two known differences."""
    src = [np.asarray(keras.ops.convert_to_numpy(w)) for w in theirs.weights]
    dst_shapes = [tuple(w.shape) for w in ours.weights]
    if [s.shape for s in src] == dst_shapes:
        ours.set_weights(src)
        return
    if (
        _kind(ours) == "Conv2D"
        and _kind(theirs) == "Conv2D"
        and len(src) == 2
        and len(dst_shapes) == 1
        and src[0].shape == dst_shapes[0]
    ):
        bn = _batch_norm_after(model, ours.name)
        if bn is None:
            raise ValueError(
                f"load_keras_applications_weights: {theirs.name} has a bias but {ours.name} has none "
                "and no batch norm follows it to absorb the bias"
            )
        ours.set_weights([src[0]])
        pending_bias[bn.name] = src[1]
        return
    if (
        _kind(ours) == "Dense"
        and _kind(theirs) == "Conv2D"
        and src[0].shape[:2] == (1, 1)
    ):
        kernel = src[0].reshape(src[0].shape[2:])
        if [kernel.shape, *[s.shape for s in src[1:]]] == dst_shapes:
            ours.set_weights([kernel, *src[1:]])
            return
    raise ValueError(
        f"load_keras_applications_weights: layer {_describe(ours)} cannot take the weights of "
        f"{_describe(theirs)}; are the two models the same architecture and size?"
    )


def load_keras_applications_weights(
    course_model: keras.Model, keras_model: keras.Model
) -> keras.Model:
    """Copy all weights of ``keras_model`` (a keras.applications model) into ``course_model``.

    The two must be the same architecture with the same input size and number
    of classes, e.g. ``build("resnet50")`` and ``keras.applications.ResNet50()``.
    Layers are paired in graph order and their weight shapes checked; any
    mismatch raises ValueError naming both layers. Returns ``course_model``.
    """
    ours, theirs = _weighted_layers(course_model), _weighted_layers(keras_model)
    if len(ours) != len(theirs):
        raise ValueError(
            f"load_keras_applications_weights: {course_model.name} has {len(ours)} layers with weights, "
            f"{keras_model.name} has {len(theirs)}; they are not the same architecture"
        )
    pending_bias: dict[str, np.ndarray] = {}
    for mine, other in zip(ours, theirs):
        _transfer(course_model, mine, other, pending_bias)
    for bn_name, bias in pending_bias.items():  # after every BN has its own weights
        bn = course_model.get_layer(bn_name)
        gamma, beta, mean, var = (
            bn.get_weights() if bn.scale else (None, *bn.get_weights())
        )
        folded = [w for w in (gamma, beta, mean - bias, var) if w is not None]
        bn.set_weights(folded)
    return course_model


def pretrained(name: str, **options) -> keras.Model:
    """``build(name, **options)`` with ImageNet weights from keras.applications.

    Needs the network (the weights are downloaded once and cached by Keras).
    Raises WeightsUnavailableError when COURSE_OFFLINE=1 or the download fails.
    """
    if name not in KERAS_TWINS:
        raise ValueError(
            f"pretrained: no ImageNet weights for {name!r}; available: {', '.join(sorted(KERAS_TWINS))}"
        )
    if runtime.is_offline():
        raise WeightsUnavailableError(
            f"pretrained({name!r}): COURSE_OFFLINE=1 is set, so ImageNet weights are not downloaded; "
            "use the chapter's offline fallback"
        )
    course_model = build(name, **options)
    twin = getattr(keras.applications, KERAS_TWINS[name])
    twin_options = {"weights": "imagenet", "input_shape": course_model.input_shape[1:]}
    if name.startswith("mobilenet"):
        twin_options["alpha"] = options.get("alpha", 1.0)
    try:
        with socket_timeout(DOWNLOAD_TIMEOUT_S):  # never hang on a dead connection
            keras_model = twin(**twin_options)
    except Exception as err:  # no network, blocked host, truncated file
        raise WeightsUnavailableError(
            f"pretrained({name!r}): could not download the ImageNet weights ({type(err).__name__}: {err}); "
            "run where the internet is reachable (e.g. Colab) or use the offline fallback"
        ) from err
    return load_keras_applications_weights(course_model, keras_model)
