"""Per-layer parameters, operations (MACs) and activations of a Keras 3 model.

``profile(model)`` walks the model's graph (functional or Sequential, nested
models included) and returns a :class:`ModelProfile`. It works on any
backend because it reads only shapes and weight counts, never runs the model.

Conventions (the same as the ResNet, VGG and MobileNet papers):

* **MACs** are multiply-accumulates of convolution and dense layers; biases,
  batch norm, activations, pooling and additions count 0. FLOPs ~= 2 x MACs.
* **activations** are the elements a layer outputs for one example (the
  notes' "memory" column); the batch axis is left out.
* A layer that is called several times (a shared layer, a nested model used
  twice as in a Siamese network) costs MACs for every call, but its weights
  count once.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Callable

import keras

__all__ = [
    "profile",
    "ModelProfile",
    "LayerRow",
    "register_mac_counter",
    "UncountableLayerError",
]


class UncountableLayerError(ValueError):
    """A layer has weights but no rule for counting its operations."""


# A counter gets the layer, its input shapes and its output shapes for one
# call (shapes without the batch axis) and returns that call's MACs.
MacCounter = Callable[[keras.layers.Layer, list, list], int]
_COUNTERS: list[tuple[type, MacCounter]] = []


def register_mac_counter(layer_class: type, counter: MacCounter) -> None:
    """Teach :func:`profile` how to count a layer type (checked before the built-in rules).

    ``counter(layer, input_shapes, output_shapes)`` returns the MACs of one
    call; shapes exclude the batch axis. Use it for custom layers with weights.
    """
    if not (
        isinstance(layer_class, type) and issubclass(layer_class, keras.layers.Layer)
    ):
        raise ValueError(
            f"register_mac_counter: `layer_class` must be a keras Layer subclass, got {layer_class!r}"
        )
    if not callable(counter):
        raise ValueError(
            f"register_mac_counter: `counter` must be callable, got {counter!r}"
        )
    _COUNTERS.insert(0, (layer_class, counter))


def _volume(shape) -> int:
    return math.prod(int(d) for d in shape)


def _weight_volume(weight) -> int:
    return _volume(weight.shape)


def _conv_macs(layer, in_shapes, out_shapes):
    # kernel (*k, C_in/groups, C_out): every output element is a dot product
    # over k x C_in/groups inputs, whatever the data format.
    return _volume(out_shapes[0]) * _volume(layer.kernel.shape[:-1])


def _conv_transpose_macs(layer, in_shapes, out_shapes):
    # kernel (*k, C_out, C_in): every input element is scattered into
    # k x C_out outputs (the convention of fvcore and ptflops).
    return _volume(in_shapes[0]) * _volume(layer.kernel.shape[:-1])


def _depthwise_macs(layer, in_shapes, out_shapes):
    # kernel (*k, C_in, multiplier): each output element sees k inputs.
    return _volume(out_shapes[0]) * _volume(layer.kernel.shape[:-2])


def _separable_macs(layer, in_shapes, out_shapes):
    depthwise = layer.depthwise_kernel.shape  # (*k, C_in, multiplier)
    pointwise = layer.pointwise_kernel.shape  # (1.., C_in*multiplier, C_out)
    mid_channels, out_channels = int(pointwise[-2]), int(pointwise[-1])
    positions = _volume(out_shapes[0]) // out_channels
    return positions * mid_channels * (_volume(depthwise[:-2]) + out_channels)


def _dense_macs(layer, in_shapes, out_shapes):
    # Dense acts on the last axis; any leading axes repeat it.
    return _volume(out_shapes[0]) * int(layer.kernel.shape[0])


def _no_macs(layer, in_shapes, out_shapes):
    return 0


def _time_distributed_macs(layer, in_shapes, out_shapes):
    # The wrapped layer (or model) runs once per step of the second axis.
    steps = int(in_shapes[0][0])
    inner = layer.layer
    if isinstance(inner, keras.Model):
        return steps * profile(inner).total_macs
    return steps * _counter_for(inner)(
        inner, [s[1:] for s in in_shapes], [s[1:] for s in out_shapes]
    )


_BUILTIN_COUNTERS: list[tuple[type, MacCounter]] = [
    # Order matters only between unrelated classes; keep the specific first.
    (keras.layers.SeparableConv1D, _separable_macs),
    (keras.layers.SeparableConv2D, _separable_macs),
    (keras.layers.DepthwiseConv1D, _depthwise_macs),
    (keras.layers.DepthwiseConv2D, _depthwise_macs),
    (keras.layers.Conv1DTranspose, _conv_transpose_macs),
    (keras.layers.Conv2DTranspose, _conv_transpose_macs),
    (keras.layers.Conv3DTranspose, _conv_transpose_macs),
    (keras.layers.Conv1D, _conv_macs),
    (keras.layers.Conv2D, _conv_macs),
    (keras.layers.Conv3D, _conv_macs),
    (keras.layers.Dense, _dense_macs),
    (keras.layers.TimeDistributed, _time_distributed_macs),
    # Weighted but element-wise or look-ups: no MACs by the papers' convention
    # (batch norm folds into the preceding convolution at inference).
    (keras.layers.BatchNormalization, _no_macs),
    (keras.layers.LayerNormalization, _no_macs),
    (keras.layers.GroupNormalization, _no_macs),
    (keras.layers.Normalization, _no_macs),
    (keras.layers.PReLU, _no_macs),
    (keras.layers.Embedding, _no_macs),
]


def _register_keras_applications_layers() -> None:
    """keras.applications' ConvNeXt scales each channel by a learned factor
    (LayerScale, weights of shape (C,)): element-wise, no MACs by convention."""
    try:
        from keras.src.applications.convnext import LayerScale
    except ImportError:  # private path; absent in some Keras versions
        return
    _BUILTIN_COUNTERS.append((LayerScale, _no_macs))


_register_keras_applications_layers()


def _counter_for(layer) -> MacCounter:
    for cls, counter in _COUNTERS + _BUILTIN_COUNTERS:
        if isinstance(layer, cls):
            return counter
    if not layer.weights:
        return _no_macs  # reshaping, pooling, activations, merges: no MACs
    raise UncountableLayerError(
        f"profile: cannot count the operations of layer '{layer.name}' of type "
        f"{type(layer).__name__}, which has weights; counted types are Conv1D/2D/3D, "
        f"their Transpose versions, DepthwiseConv1D/2D, SeparableConv1D/2D, Dense and "
        f"normalisation layers. Teach it with course_lib.register_mac_counter("
        f"{type(layer).__name__}, fn)."
    )


@dataclass(frozen=True)
class LayerRow:
    """One layer of a profile. MACs and activations are per example, all calls summed."""

    name: str
    layer_type: str
    output_shape: tuple
    params: int
    trainable_params: int
    macs: int
    activations: int
    calls: int = 1


_COLUMNS = (
    "name",
    "layer_type",
    "output_shape",
    "params",
    "trainable_params",
    "macs",
    "activations",
)


@dataclass
class ModelProfile:
    """Per-layer table of a model plus its totals.

    Attributes:
        rows: one :class:`LayerRow` per layer, in graph order; layers of nested
            models appear as ``outer/inner``.
        total_params: all weights (trainable and not), equal to ``model.count_params()``.
        total_trainable_params: trainable weights only.
        total_macs: multiply-accumulates for one example (FLOPs ~= 2x).
        total_activations: output elements of all layers for one example,
            inputs included (the notes' "total memory"; x4 bytes in float32).
    """

    model_name: str
    rows: list[LayerRow]
    total_params: int
    total_trainable_params: int
    total_macs: int = field(init=False)
    total_activations: int = field(init=False)

    def __post_init__(self):
        self.total_macs = sum(r.macs for r in self.rows)
        self.total_activations = sum(r.activations for r in self.rows)

    def to_frame(self):
        """The rows as a pandas DataFrame (one row per layer)."""
        import pandas as pd

        return pd.DataFrame(
            [{c: getattr(r, c) for c in _COLUMNS} for r in self.rows],
            columns=list(_COLUMNS),
        )

    def by_type(self):
        """Params, MACs and activations summed per layer type, largest MACs first."""
        frame = (
            self.to_frame()
            .groupby("layer_type")[["params", "macs", "activations"]]
            .sum()
        )
        return frame.sort_values("macs", ascending=False)

    def _totals_line(self) -> str:
        return (
            f"Total params: {self.total_params:,} (trainable {self.total_trainable_params:,}) | "
            f"MACs: {self.total_macs:,} ({self.total_macs / 1e9:.3f} G) | "
            f"activations: {self.total_activations:,}"
        )

    def __str__(self) -> str:
        header = ("layer", "type", "output shape", "params", "MACs", "activations")
        body = [
            (
                r.name,
                r.layer_type,
                _format_shape(r.output_shape),
                f"{r.params:,}",
                f"{r.macs:,}",
                f"{r.activations:,}",
            )
            for r in self.rows
        ]
        widths = [
            max(len(h), *(len(b[i]) for b in body)) if body else len(h)
            for i, h in enumerate(header)
        ]
        align = ["<", "<", "<", ">", ">", ">"]
        fmt = "  ".join(f"{{:{a}{w}}}" for a, w in zip(align, widths))
        lines = [
            f"Profile of {self.model_name}",
            fmt.format(*header),
            "-" * (sum(widths) + 10),
        ]
        lines += [fmt.format(*b) for b in body]
        lines.append(self._totals_line())
        return "\n".join(lines)

    __repr__ = __str__

    def _repr_html_(self) -> str:
        frame = self.to_frame()
        frame["output_shape"] = frame["output_shape"].map(_format_shape)
        table = frame.to_html(
            index=False,
            formatters={
                c: "{:,}".format
                for c in ("params", "trainable_params", "macs", "activations")
            },
        )
        return f"<p><b>Profile of {self.model_name}</b></p>{table}<p>{self._totals_line()}</p>"


def _format_shape(shape) -> str:
    if shape and isinstance(shape[0], tuple):
        return ", ".join(_format_shape(s) for s in shape)
    return "(" + ", ".join(str(d) for d in shape) + ")"


def _example_shape(tensor, layer) -> tuple:
    shape = tuple(tensor.shape)[1:]
    if any(d is None for d in shape):
        raise ValueError(
            f"profile: layer '{layer.name}' has an unknown size in its shape {tuple(tensor.shape)}; "
            f"build the model with a fixed input shape, e.g. keras.Input((224, 224, 3))"
        )
    return shape


def _graph_of(model):
    """The Functional graph behind a model (Sequential keeps one inside)."""
    graph = (
        getattr(model, "_functional", None)
        if isinstance(model, keras.Sequential)
        else model
    )
    if graph is None or not hasattr(graph, "_nodes_by_depth"):
        raise ValueError(
            f"profile: model '{model.name}' ({type(model).__name__}) has no layer graph to walk; "
            f"profile supports functional and Sequential models with a known input shape "
            f"(give Sequential a keras.Input first); subclassed models are not supported"
        )
    return graph


def _calls_by_layer(graph) -> dict[int, list]:
    """Map id(layer) -> the nodes (calls) of that layer inside this graph only."""
    calls: dict[int, list] = {}
    for nodes in graph._nodes_by_depth.values():
        for node in nodes:
            calls.setdefault(id(node.operation), []).append(node)
    return calls


def _layer_rows(model, prefix: str, repeat: int, rows: list) -> None:
    graph = _graph_of(model)
    calls = _calls_by_layer(graph)
    for layer in graph.layers:
        nodes = calls.get(id(layer), [])
        if not nodes:
            continue  # defined on the model but not used in its graph
        if prefix and isinstance(layer, keras.layers.InputLayer):
            continue  # a nested model's input is its caller's tensor: counted there
        name = f"{prefix}{layer.name}"
        times = repeat * len(nodes)
        if isinstance(layer, keras.Model):
            _layer_rows(layer, f"{name}/", times, rows)
            continue
        rows.append(_leaf_row(layer, name, nodes, repeat))


def _leaf_row(layer, name: str, nodes: list, repeat: int) -> LayerRow:
    counter = _counter_for(layer)
    macs = activations = 0
    first_out = None
    for node in nodes:
        outs = [_example_shape(t, layer) for t in node.output_tensors]
        ins = [_example_shape(t, layer) for t in node.input_tensors]
        macs += int(counter(layer, ins, outs))
        activations += sum(_volume(s) for s in outs)
        if first_out is None:
            first_out = outs[0] if len(outs) == 1 else tuple(outs)
    params = sum(_weight_volume(w) for w in layer.weights)
    trainable = sum(_weight_volume(w) for w in layer.trainable_weights)
    return LayerRow(
        name,
        type(layer).__name__,
        first_out,
        params,
        trainable,
        macs * repeat,
        activations * repeat,
        len(nodes) * repeat,
    )


def _unique_count(weights) -> int:
    seen = {id(w): w for w in weights}
    return sum(_weight_volume(w) for w in seen.values())


def profile(model) -> ModelProfile:
    """Profile a built Keras 3 model: per-layer params, MACs and activations.

    Args:
        model: a functional or Sequential ``keras.Model`` with a fixed input
            shape (any ``keras.applications`` builder qualifies).

    Returns:
        A :class:`ModelProfile`; ``.total_params == model.count_params()``.

    Raises:
        ValueError: the model is not a Keras model, has no graph (subclassed,
            or Sequential without an input), or has an unknown input size.
        UncountableLayerError: a layer has weights but no MAC rule.
    """
    if not isinstance(model, keras.Model):
        raise ValueError(f"profile: expected a keras.Model, got {type(model).__name__}")
    rows: list[LayerRow] = []
    _layer_rows(model, "", 1, rows)
    return ModelProfile(
        model_name=model.name,
        rows=rows,
        total_params=_unique_count(model.weights),
        total_trainable_params=_unique_count(model.trainable_weights),
    )
