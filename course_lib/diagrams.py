"""Block diagrams of Keras 3 models, laid out by Graphviz ``dot``.

``draw(model)`` draws any functional or Sequential Keras model -- a course_lib builder's,
a keras.applications model, a student's, or a block wrapped in a small ``keras.Model`` --
as one box per layer (type, kernel size and stride where relevant, output shape, and on
request parameters and MACs from :func:`course_lib.profile`), with arrows for the data
flow. The layout is Graphviz's; this module only says what belongs together:

* parallel branches (an Inception module's four paths) are put on one rank, side by side;
* skip connections (ResNet's shortcut into ``Add``, U-Net's ``Concatenate`` across the U)
  are drawn as arcs that do not constrain the ranking, so the main path stays straight;
* a layer or nested model called several times (a Siamese network's encoder) is drawn
  once per call, as twin towers joined by a dashed "shared weights" link;
* nested models are expanded into their layers by default (inside a labelled frame);
  ``collapse=`` turns some or all of them into single boxes;
* ``group_by=`` collapses repeated blocks or whole stages (``"blocks"``, ``"stages"``, a
  regular expression or a function of the layer name), so ResNet-152 reads as five stages;
* ``highlight=`` marks a path of layers.

``draw`` returns a :class:`Diagram`: ``.nodes`` and ``.edges`` say what was drawn (the Keras
graph itself when nothing is collapsed), ``.svg()``, ``.png()``, ``.save(path)`` render it,
``.source`` is the dot text and ``.alt_text`` a plain-language description for a figure's
alt text. Graphviz's ``dot`` program must be installed (``apt-get install graphviz``;
Colab has it); the module imports no deep-learning framework but Keras.
"""

from __future__ import annotations

import html
import re
import shutil
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import graphviz
import keras

from ._validate import check_bool, check_choice

__all__ = ["draw", "Diagram", "GraphvizNotFoundError", "GROUPINGS"]

_FUNC = "draw"

# Preset groupings for keras.applications' and course_lib's layer names; each is a list of
# regular expressions tried in order, the first capture group being the group's name.
GROUPINGS: dict[str, tuple[str, ...]] = {
    # one box per residual / dense / inverted-residual / Inception block
    "blocks": (
        r"^((?:conv|stage)\d+_block\d+)[_/]",  # ResNet, DenseNet (keras and course_lib), CIFAR ResNet
        r"^(block_?\d+)_",  # VGG, MobileNet (block_3_expand, block3_expand)
        r"^(expanded_conv)_",  # keras MobileNetV2's first block
        r"^(inception_[0-9a-z]+)_",  # GoogLeNet inception_4c_1x1, mini_inception
        r"^(mixed\d+)",  # Inception-v3 (keras and course_lib)
        r"^((?:down|up)\d+|bottom)_",  # U-Net
        r"^((?:conv|pool)\d+)[_/]",  # stems (conv1_conv, conv1/bn) and DenseNet transitions
    ),
    # one box per stage (all blocks at one resolution)
    "stages": (
        r"^((?:conv|stage)\d+)_block\d+",  # ResNet conv2_block1_... -> conv2, DenseNet
        r"^(block\d+)_",  # VGG stages
        r"^(inception_\d)",  # GoogLeNet inception_4a..4e -> inception_4
        r"^(mixed\d+)",
        r"^((?:down|up)\d+|bottom)_",
        r"^((?:conv|pool)\d+)[_/]",
    ),
}

# Fill colours by kind of layer, so that the eye finds convolutions, merges and heads.
_COLOURS = {
    "input": "#ffffff",
    "conv": "#cfe2f3",
    "pool": "#d9ead3",
    "norm": "#eeeeee",
    "merge": "#fce5cd",
    "dense": "#d9d2e9",
    "group": "#fff2cc",
    "model": "#f4cccc",
    "other": "#f3f3f3",
}
_HIGHLIGHT_FILL, _HIGHLIGHT_LINE = "#ffd54f", "#e65100"
_SKIP_COLOUR, _SHARED_COLOUR = "#1c4587", "#990000"


class GraphvizNotFoundError(RuntimeError):
    """Graphviz's ``dot`` program, which lays the diagram out, is not installed."""


# --- what the walk over the Keras graph produces --------------------------------------------------
@dataclass
class _Box:
    """One call of one layer (a layer called twice gives two boxes)."""

    name: str  # qualified layer name: "encoder/conv1" inside a nested model
    prefix: str  # the nested models around it: "encoder/"
    layer: object
    call: int  # which call of the layer in its graph, from 0
    calls: int  # how many calls it has there (> 1: shared weights)
    frames: (
        tuple  # the expanded nested-model calls around it: ((name, call, calls), ...)
    )
    output_shapes: list


@dataclass
class _Unit:
    """One drawn node: a box, or a group of boxes collapsed by ``group_by``."""

    id: str
    name: str
    boxes: list
    frames: tuple
    group: bool = False


@dataclass
class _Walk:
    boxes: list = field(default_factory=list)
    edges: list = field(
        default_factory=list
    )  # (box index, box index), one per tensor passed
    index: dict = field(default_factory=dict)  # id(box) -> box index


# --- input checks -----------------------------------------------------------------------------------
def _graph_of(model, where: str):
    """The functional graph behind a model: itself, or the Functional a built Sequential keeps."""
    if isinstance(model, keras.Sequential):
        graph = getattr(model, "_functional", None)
        if graph is None:
            raise ValueError(
                f"{_FUNC}: Sequential model '{model.name}'{where} is not built, so it has no layers graph yet; "
                f"start it with keras.Input(shape) or call model.build((None, *shape)) first"
            )
        return graph
    if not hasattr(model, "_nodes_by_depth"):
        state = "built" if model.built else "not built"
        raise ValueError(
            f"{_FUNC}: model '{model.name}'{where} is a subclassed keras.Model ({type(model).__name__}, {state}): "
            f"its layers are connected only inside its Python call(), so there is no graph to draw. "
            f"Draw a functional model (keras.Model(inputs, outputs)) or a Sequential one instead"
        )
    return model


def _check_model(model):
    if isinstance(model, keras.Model):
        return _graph_of(model, "")
    what = (
        (
            f"a {type(model).__name__} layer; wrap it in a model, e.g. keras.Model(x, layer(x)) "
            f"with x = keras.Input(shape)"
        )
        if isinstance(model, keras.layers.Layer)
        else repr(type(model).__name__)
    )
    raise ValueError(
        f"{_FUNC}: `model` must be a Keras functional or Sequential model (a keras.Model, "
        f"as course_lib.models and keras.applications build), got {what}"
    )


def _check_names(name: str, value) -> tuple[str, ...]:
    """A list or tuple of layer names (a single string is taken as one name)."""
    if isinstance(value, str):
        return (value,)
    items = tuple(value) if isinstance(value, (list, tuple, set, frozenset)) else None
    if items is None or not all(isinstance(v, str) for v in items):
        raise ValueError(
            f"{_FUNC}: `{name}` must be a list of layer names (str), got {value!r}"
        )
    return items


def _check_collapse(collapse):
    """``None``/``False`` (expand every nested model), ``True`` (collapse all) or names."""
    if collapse is None or isinstance(collapse, bool):
        return bool(collapse)
    return frozenset(_check_names("collapse", collapse))


def _grouping(group_by) -> Callable[[str, str], str | None]:
    """``group_by`` as a function (prefix, layer name) -> the group's qualified name, or None.

    Presets and regular expressions match the layer's own name (so a nested model's layers
    group as at top level, and DenseNet's "conv1/conv" is not mistaken for a nested name);
    a function gets the qualified name ``prefix + name``.
    """
    if group_by is None:
        return lambda prefix, name: None
    if isinstance(group_by, str) and group_by in GROUPINGS:
        patterns = [re.compile(p) for p in GROUPINGS[group_by]]
    elif isinstance(group_by, (str, re.Pattern)):
        try:
            patterns = [re.compile(group_by)]
        except re.error as err:
            raise ValueError(
                f"{_FUNC}: `group_by` {group_by!r} is not a valid regular expression ({err})"
            ) from None
    elif callable(group_by):
        return lambda prefix, name: _group_name(group_by(prefix + name), prefix + name)
    else:
        raise ValueError(
            f"{_FUNC}: `group_by` must be one of {sorted(GROUPINGS)}, a regular expression or a "
            f"function of the layer name returning the group's name (or None), got {group_by!r}"
        )
    return lambda prefix, name: _match_group(patterns, prefix, name)


def _match_group(patterns, prefix: str, name: str) -> str | None:
    for pattern in patterns:
        match = pattern.search(name)
        if match:
            return prefix + (match.group(1) if pattern.groups else match.group(0))
    return None


def _group_name(key, name: str) -> str | None:
    if key is not None and not isinstance(key, str):
        raise ValueError(
            f"{_FUNC}: the `group_by` function must return a str or None, got {key!r} for {name!r}"
        )
    return key or None


# --- walking the Keras graph (as keras.utils.plot_model does) ----------------------------------------
def _is_graph_model(op) -> bool:
    return isinstance(op, keras.Model) and (
        isinstance(op, keras.Sequential) or hasattr(op, "_nodes_by_depth")
    )


def _example_shape(tensor) -> tuple:
    return tuple(tensor.shape)[1:]


def _collapsed(collapse, name: str, op) -> bool:
    if collapse is True:
        return True
    return bool(collapse) and (name in collapse or op.name in collapse)


def _walk(
    model, prefix: str, frames: tuple, collapse, walk: _Walk
) -> tuple[list, list]:
    """Add a box per layer call of ``model``'s graph and an edge per tensor passed on.

    Like keras.utils.plot_model: each operation's inbound nodes that belong to this graph are
    its calls here; an input tensor's ``_keras_history`` names the call that produced it. A
    nested model that is expanded is walked in turn, and edges into it go to its input
    layers, edges out of it leave from the layers that produce its outputs.

    Returns the boxes at which the graph's inputs enter and its outputs leave.
    """
    graph = _graph_of(model, f" (inside '{prefix[:-1]}')" if prefix else "")
    in_graph = {id(node) for nodes in graph._nodes_by_depth.values() for node in nodes}
    ends: dict[
        int, tuple[list, list]
    ] = {}  # id(node) -> (entry box per input, exit box per output)
    calls_of = []
    for op in graph.operations:
        calls = [node for node in op._inbound_nodes if id(node) in in_graph]
        calls_of.append(calls)
        for i, node in enumerate(calls):
            name = prefix + op.name
            if _is_graph_model(op) and not _collapsed(collapse, name, op):
                ends[id(node)] = _walk(
                    op, name + "/", frames + ((name, i, len(calls)),), collapse, walk
                )
                continue
            box = _Box(
                name,
                prefix,
                op,
                i,
                len(calls),
                frames,
                [_example_shape(t) for t in node.output_tensors],
            )
            walk.index[id(box)] = len(walk.boxes)
            walk.boxes.append(box)
            ends[id(node)] = (
                [box] * max(1, len(node.input_tensors)),
                [box] * len(node.output_tensors),
            )
    for calls in calls_of:
        for node in calls:
            for position, tensor in enumerate(node.input_tensors):
                source = _producer(tensor, ends)
                walk.edges.append(
                    (
                        walk.index[id(source)],
                        walk.index[id(ends[id(node)][0][position])],
                    )
                )
    return [_producer(t, ends) for t in graph.inputs], [
        _producer(t, ends) for t in graph.outputs
    ]


def _producer(tensor, ends) -> _Box:
    """The box whose call output ``tensor``."""
    history = tensor._keras_history
    node = history.operation._inbound_nodes[history.node_index]
    return ends[id(node)][1][history.tensor_index]


# --- from boxes to drawn units -------------------------------------------------------------------------
def _unit_id(box: _Box, name: str) -> str:
    # A layer drawn more than once (its own calls, or its nested model's) gets the calls in its id.
    calls = [c for _, c, n in box.frames if n > 1] + (
        [box.call] if box.calls > 1 else []
    )
    return name + "".join(f"@{c + 1}" for c in calls)


def _units(walk: _Walk, group_of) -> tuple[list[_Unit], list[int]]:
    """Group the boxes into drawn units; returns the units and each box's unit index."""
    units: list[_Unit] = []
    by_id: dict[str, int] = {}
    unit_of = []
    groups = [group_of(box.prefix, box.layer.name) for box in walk.boxes]
    named = set(groups) - {None}
    for box, group in zip(walk.boxes, groups):
        if group is None and box.prefix + box.layer.name in named:
            # a layer named as a group ("conv1" beside "conv1_bn", "conv1_relu") belongs to it
            group = box.prefix + box.layer.name
        name = group or box.name
        uid = (
            _unit_id(box, name)
            if group is None
            else name + "".join(f"@{c + 1}" for _, c, n in box.frames if n > 1)
        )
        if uid not in by_id:
            by_id[uid] = len(units)
            units.append(_Unit(uid, name, [], box.frames, group is not None))
        units[by_id[uid]].boxes.append(box)
        unit_of.append(by_id[uid])
    return units, unit_of


def _unique(items: Iterable) -> list:
    return list(dict.fromkeys(items))


def _topological(n: int, edges: list[tuple[int, int]]) -> list[int] | None:
    """Kahn's order of the unit graph, or None if grouping made it cyclic."""
    succ = [[] for _ in range(n)]
    indegree = [0] * n
    for u, v in edges:
        succ[u].append(v)
        indegree[v] += 1
    ready = [u for u in range(n) if indegree[u] == 0]
    order = []
    while ready:
        u = ready.pop()
        order.append(u)
        for v in succ[u]:
            indegree[v] -= 1
            if indegree[v] == 0:
                ready.append(v)
    return order if len(order) == n else None


def _reach(n: int, edges, order) -> list[int]:
    """Bit set of the units reachable from each unit (itself excluded)."""
    succ = [[] for _ in range(n)]
    for u, v in edges:
        succ[u].append(v)
    reach = [0] * n
    for u in reversed(order):
        for v in succ[u]:
            reach[u] |= (1 << v) | reach[v]
    return reach


def _structure(n: int, edges: list[tuple[int, int]]):
    """Skip edges and parallel branches of the (deduplicated, loop-free) unit graph.

    An edge u -> v is a skip connection when v can also be reached from u the long way;
    the heads of parallel branches are the successors of a fork that no other successor
    leads to (a ResNet's identity shortcut goes to the Add, which the residual path reaches,
    so it is a skip, not a branch). Returns (skip edges, [(fork, heads, merge)]).
    """
    order = _topological(n, edges)
    if order is None:
        return set(), []
    reach = _reach(n, edges, order)
    succ: dict[int, list[int]] = {}
    for u, v in edges:
        succ.setdefault(u, []).append(v)
    skips = {
        (u, v)
        for u, vs in succ.items()
        for v in vs
        if any(w != v and reach[w] >> v & 1 for w in vs)
    }
    position = {u: i for i, u in enumerate(order)}
    forks = []
    for u, vs in succ.items():
        heads = [v for v in vs if not any(w != v and reach[w] >> v & 1 for w in vs)]
        if len(heads) >= 2:
            common = reach[heads[0]]
            for h in heads[1:]:
                common &= reach[h]
            meets = [m for m in range(n) if common >> m & 1]
            merge = min(meets, key=position.get) if meets else None
            forks.append((u, _in_merge_order(heads, merge, edges, reach), merge))
    return skips, forks


def _in_merge_order(heads: list[int], merge, edges, reach) -> list[int]:
    """Branch heads in the order their branches enter the merge (an Inception module's 1x1,
    3x3, 5x5, pool, as the paper draws it), rather than Keras's graph order."""
    if merge is None:
        return heads
    entering = [u for u, v in edges if v == merge]  # in the merge's input order

    def first_input(head):
        return min(
            (i for i, u in enumerate(entering) if u == head or reach[head] >> u & 1),
            default=len(entering),
        )

    return sorted(heads, key=first_input)


# --- labels ----------------------------------------------------------------------------------------------
def _kind(layer) -> str:
    name = type(layer).__name__
    if isinstance(layer, keras.layers.InputLayer):
        return "input"
    if isinstance(layer, keras.Model):
        return "model"
    for kind, words in (
        ("conv", ("Conv",)),
        ("pool", ("Pool",)),
        ("merge", ("Add", "Concatenate", "Multiply", "Subtract", "Average", "Maximum")),
        ("norm", ("Normalization", "Activation", "ReLU", "Dropout", "Softmax")),
        ("dense", ("Dense",)),
    ):
        if any(w in name for w in words):
            return kind
    return "other"


def _format_shape(shape) -> str:
    return "x".join("?" if d is None else str(d) for d in shape) or "scalar"


def _format_count(value: float, unit: str) -> str:
    for scale, suffix in ((1e9, "G"), (1e6, "M"), (1e3, "k")):
        if value >= scale:
            return f"{value / scale:.3g} {suffix} {unit}"
    return f"{value:.0f} {unit}"


def _geometry(layer) -> str:
    """Kernel (or pool) size and stride, where the layer has them: "3x3 /2"."""
    size = getattr(layer, "kernel_size", None) or getattr(layer, "pool_size", None)
    if not isinstance(size, (tuple, list)) or not all(isinstance(s, int) for s in size):
        return ""
    text = "x".join(map(str, size))
    strides = getattr(layer, "strides", None)
    if isinstance(strides, (tuple, list)) and any(s != 1 for s in strides):
        text += " /" + (
            "x".join(map(str, strides)) if len(set(strides)) > 1 else str(strides[0])
        )
    dilation = getattr(layer, "dilation_rate", None)
    if isinstance(dilation, (tuple, list)) and any(d != 1 for d in dilation):
        text += f" dilation {'x'.join(map(str, dilation))}"
    return text


def _type_line(layer) -> str:
    if isinstance(layer, keras.layers.InputLayer):
        return "Input"
    name = type(layer).__name__
    if isinstance(layer, keras.layers.Activation):
        activation = getattr(layer.activation, "__name__", "")
        return f"Activation {activation}" if activation else name
    if isinstance(layer, keras.Model):
        return f"{name} model ({len(layer.layers)} layers)"
    return name


def _costs(rows: dict, names: list[str]) -> tuple[int, int] | None:
    """Parameters and MACs of the named layers, read from the profile's rows.

    A collapsed nested model sums its layers' rows (``name/...``). A shared layer's row sums
    all its calls; one box shows one call, so MACs are divided by the number of calls.
    """
    found = [rows[n] for n in names if n in rows]
    found += [r for n in names for key, r in rows.items() if key.startswith(n + "/")]
    if not found:
        return None
    return sum(r.params for r in found), int(
        sum(r.macs / max(r.calls, 1) for r in found)
    )


def _group_summary(boxes: list) -> str:
    """ "32 layers, 10 Conv2D": the size of a group and its convolutions, the layers that cost."""
    convs = Counter(type(b.layer).__name__ for b in boxes if _kind(b.layer) == "conv")
    text = f"{len(boxes)} layer{'s' * (len(boxes) > 1)}"
    return text + "".join(f", {n} {kind}" for kind, n in convs.most_common(2))


def _label(
    unit: _Unit, rows: dict | None, show_params: bool, show_macs: bool, show_names: bool
) -> str:
    last = unit.boxes[-1]
    lines = []
    if unit.group:
        lines.append(f"<B>{html.escape(unit.name)}</B>")
        lines.append(html.escape(_group_summary(unit.boxes)))
    else:
        lines.append(f"<B>{html.escape(_type_line(last.layer))}</B>")
        geometry = _geometry(last.layer)
        if geometry:
            lines.append(html.escape(geometry))
        if show_names:
            lines.append(
                f'<FONT POINT-SIZE="9" COLOR="#555555">{html.escape(unit.name)}</FONT>'
            )
    lines.append(html.escape(", ".join(_format_shape(s) for s in last.output_shapes)))
    if rows is not None:
        costs = _costs(rows, _unique(b.name for b in unit.boxes))
        if costs is not None and any(
            costs
        ):  # "0 params, 0 MACs" on every ReLU is noise
            parts = ([_format_count(costs[0], "params")] if show_params else []) + (
                [_format_count(costs[1], "MACs")] if show_macs else []
            )
            lines.append(
                f'<FONT POINT-SIZE="10">{html.escape(", ".join(parts))}</FONT>'
            )
    if not unit.group and last.calls > 1:
        lines.append(
            f'<FONT COLOR="{_SHARED_COLOUR}">call {last.call + 1} of {last.calls}, shared weights</FONT>'
        )
    return "<" + "<BR/>".join(lines) + ">"


# --- the Diagram ------------------------------------------------------------------------------------------
class Diagram:
    """A drawn model: what was drawn (``nodes``, ``edges``), its dot ``source`` and renderings.

    Attributes:
        nodes: names of the drawn boxes, in graph order: layer names (``outer/inner`` inside an
            expanded nested model, as in :func:`course_lib.profile`), group names where
            ``group_by`` collapsed layers, a nested model's name where ``collapse`` did. A layer
            called several times is drawn once per call but listed once.
        edges: ``(from, to)`` name pairs, one per connection (not per tensor or call).
        shared: name -> number of calls, for each layer or nested model that is called more
            than once (drawn as twin towers sharing weights).
        skips: the edges drawn as skip-connection arcs.
        branches: ``(fork, [heads], merge)`` per place where parallel branches leave ``fork``
            and meet again in ``merge`` (None when they do not meet).
        graph: the :class:`graphviz.Digraph`.
    """

    def __init__(
        self, model_name, graph, nodes, edges, shared, skips, branches, alt_text
    ):
        self.model_name = model_name
        self.graph = graph
        self.nodes = nodes
        self.edges = edges
        self.shared = shared
        self.skips = skips
        self.branches = branches
        self.alt_text = alt_text

    def __repr__(self) -> str:
        return f"<Diagram of {self.model_name}: {len(self.nodes)} boxes, {len(self.edges)} edges>"

    @property
    def source(self) -> str:
        """The dot text Graphviz lays out."""
        return self.graph.source

    def describe(self) -> str:
        """A plain-language description of the drawn structure (for a figure's alt text)."""
        return self.alt_text

    def _render(self, fmt: str) -> bytes:
        _require_dot()
        return self.graph.pipe(format=fmt)

    def svg(self) -> str:
        """The diagram as an SVG document (str), for the book."""
        return self._render("svg").decode("utf-8")

    def png(self) -> bytes:
        """The diagram as PNG bytes."""
        return self._render("png")

    def _repr_svg_(self) -> str:
        return self.svg()

    def _repr_png_(self) -> bytes:
        return self.png()

    def as_u(self, decoder: str) -> "Diagram":
        """The same diagram laid out as a U (U-Net's shape): the boxes whose name matches the
        regular expression ``decoder`` go up on the right, each skip connection runs straight
        across between the two boxes it joins, and every arrow still points along the data.
        Nodes, edges and skips are unchanged; only the layout differs."""
        rising = re.compile(decoder)
        graph = self.graph.copy()
        graph.body = [line for line in graph.body if " -> " not in line]  # boxes kept
        for a, b in self.edges:
            if (a, b) in self.skips:  # both ends on one rank: the arc becomes a rung
                graph.edge(a, b, color="#1c4587", penwidth="1.3")
                graph.body.append(f'\t{{rank=same; "{a}"; "{b}"}}\n')
            elif rising.search(
                b
            ):  # ranked upwards, drawn with its arrow along the data
                graph.edge(b, a, dir="back")
            else:
                graph.edge(a, b)
        return Diagram(
            self.model_name,
            graph,
            self.nodes,
            self.edges,
            self.shared,
            self.skips,
            self.branches,
            self.alt_text,
        )

    def save(self, path) -> Path:
        """Write the diagram to ``path``; the suffix picks the format (.svg, .png, .pdf, or .dot/.gv
        for the dot text). Returns the path."""
        path = Path(path)
        fmt = path.suffix.lstrip(".").lower()
        check_choice(
            "Diagram.save",
            "path's suffix",
            fmt,
            ("svg", "png", "pdf", "dot", "gv"),
            wording="one of .svg, .png, .pdf, .dot, .gv",
        )
        if fmt in ("dot", "gv"):
            path.write_text(self.source, encoding="utf-8")
        else:
            path.write_bytes(self._render(fmt))
        return path


def _require_dot() -> None:
    if shutil.which("dot") is None:
        raise GraphvizNotFoundError(
            "draw: Graphviz's `dot` program, which lays out the diagram, is not installed. "
            "Install Debian's graphviz (sudo apt-get install graphviz, or `make diagram-deps`); "
            "on macOS: brew install graphviz. Colab has it already."
        )


# --- drawing ------------------------------------------------------------------------------------------------
def _dot_graph(name: str, rankdir: str):
    graph = graphviz.Digraph(name=name, engine="dot")
    graph.attr(
        # an opaque page: the dark book theme leaves the black lines legible
        bgcolor="white",
        pad="0.1",
        rankdir=rankdir,
        nodesep="0.25",
        ranksep="0.3",
        fontname="Helvetica",
        fontsize="11",
    )
    graph.attr(
        "node",
        shape="box",
        style="rounded,filled",
        fontname="Helvetica",
        fontsize="11",
        margin="0.08,0.04",
    )
    graph.attr("edge", arrowsize="0.6", color="#444444", fontname="Helvetica")
    return graph


def _frames_tree(units: list[_Unit]):
    """Every frame path that some unit sits in, parents included, in first-seen order."""
    paths = []
    for unit in units:
        for depth in range(1, len(unit.frames) + 1):
            paths.append(unit.frames[:depth])
    return _unique(paths)


def _frame_label(frame) -> str:
    name, call, calls = frame
    return f"{name} (call {call + 1} of {calls}, shared weights)" if calls > 1 else name


def _assemble(model_name, rankdir, units, unit_edges, skips, forks, highlight, labels):
    """The dot graph: frames (nested models) as clusters, branch heads on one rank, skip arcs."""
    graph = _dot_graph(model_name, rankdir)
    paths = _frames_tree(units)
    bodies = {(): graph}
    for i, path in enumerate(paths):
        sub = graphviz.Digraph(name=f"cluster_{i}")
        shared = path[-1][2] > 1
        sub.attr(
            label=_frame_label(path[-1]),
            style="dashed,rounded",
            color=_SHARED_COLOUR if shared else "#888888",
            fontcolor=_SHARED_COLOUR if shared else "#333333",
        )
        bodies[path] = sub
    fork_units = {f for f, _, _ in forks}
    for i, unit in enumerate(units):
        marked = unit.name in highlight
        kind = "group" if unit.group else _kind(unit.boxes[-1].layer)
        # ordering=out: dot keeps a fork's branches left to right in the order its edges come
        extra = {"ordering": "out"} if i in fork_units else {}
        bodies[unit.frames].node(
            unit.id,
            label=labels[i],
            tooltip=unit.name,
            **extra,
            fillcolor=_HIGHLIGHT_FILL if marked else _COLOURS[kind],
            color=_HIGHLIGHT_LINE if marked else "#666666",
            penwidth="3" if marked else "1",
        )
    # Branch heads side by side; Graphviz honours rank=same only within one cluster.
    for fork, heads, _ in forks:
        frames = {units[h].frames for h in heads}
        if len(frames) == 1:
            rank = graphviz.Digraph()
            rank.attr(rank="same")
            for h in heads:
                rank.node(units[h].id)
            bodies[frames.pop()].subgraph(rank)
    inputs = [
        u.id
        for u in units
        if not u.frames and isinstance(u.boxes[0].layer, keras.layers.InputLayer)
    ]
    if len(inputs) > 1:
        rank = graphviz.Digraph()
        rank.attr(rank="source")
        for uid in inputs:
            rank.node(uid)
        graph.subgraph(rank)
    for path in reversed(paths):  # innermost first: a cluster is copied into its parent
        bodies[path[:-1]].subgraph(bodies[path])
    side = "e" if rankdir == "TB" else "s"
    for u, v in _fork_edges_in_order(unit_edges, forks):
        attrs = {}
        if (u, v) in skips:
            # Not used for ranking, so the main path stays straight; leaves and enters at the side.
            attrs = dict(
                constraint="false",
                color=_SKIP_COLOUR,
                tailport=side,
                headport=side,
                penwidth="1.3",
            )
        if units[u].name in highlight and units[v].name in highlight:
            attrs.update(color=_HIGHLIGHT_LINE, penwidth="3")
        graph.edge(units[u].id, units[v].id, **attrs)
    return graph


def _fork_edges_in_order(unit_edges, forks):
    """The edges, each fork's edges to its branch heads in branch order (see _in_merge_order)."""
    heads_of = {f: heads for f, heads, _ in forks}
    done = set()
    for u, v in unit_edges:
        if u in heads_of and v in heads_of[u]:
            if u not in done:
                done.add(u)
                yield from ((u, h) for h in heads_of[u])
            continue
        yield u, v


def _shared_links(graph, units, unit_of, walk) -> dict[str, int]:
    """Dashed "shared weights" links between the drawn calls of each reused layer or nested model."""
    copies: dict[str, dict] = {}
    calls_of: dict[str, int] = {}
    for b, box in enumerate(walk.boxes):
        if box.calls > 1:
            copies.setdefault(box.name, {}).setdefault(box.call, unit_of[b])
            calls_of[box.name] = box.calls
        for name, call, calls in box.frames:
            if calls > 1:
                copies.setdefault(name, {}).setdefault(call, unit_of[b])
                calls_of[name] = calls
    for name, by_call in copies.items():
        ordered = [by_call[c] for c in sorted(by_call)]
        for a, b in zip(ordered, ordered[1:]):
            if a != b:
                graph.edge(
                    units[a].id,
                    units[b].id,
                    style="dashed",
                    dir="none",
                    constraint="false",
                    color=_SHARED_COLOUR,
                    fontcolor=_SHARED_COLOUR,
                    label="shared weights",
                    fontsize="9",
                )
    return calls_of


def _describe(
    model,
    graph_model,
    units,
    names,
    unit_edges,
    skips,
    forks,
    shared,
    highlight,
    grouped,
    rankdir="TB",
) -> str:
    """Alt text: inputs and outputs, what the boxes are, and the structure (skips, branches, sharing)."""
    ins = [_format_shape(_example_shape(t)) for t in graph_model.inputs]
    outs = [_format_shape(_example_shape(t)) for t in graph_model.outputs]
    sentences = [
        f"Block diagram of the model {model.name}, read "
        f"{'top to bottom' if rankdir == 'TB' else 'left to right'}: "
        f"{'input' if len(ins) == 1 else f'{len(ins)} inputs'} {', '.join(ins)}, "
        f"{'output' if len(outs) == 1 else f'{len(outs)} outputs'} {', '.join(outs)}."
    ]
    if len(units) <= 16 or grouped:
        steps = []
        for unit in units[:40]:
            if unit.group:
                steps.append(
                    f"{unit.name} ({len(unit.boxes)} layers, "
                    f"{', '.join(_format_shape(s) for s in unit.boxes[-1].output_shapes)})"
                )
            elif not isinstance(unit.boxes[0].layer, keras.layers.InputLayer):
                steps.append(
                    f"{_type_line(unit.boxes[-1].layer)} {_geometry(unit.boxes[-1].layer)}".strip()
                )
        more = f" and {len(units) - 40} more" if len(units) > 40 else ""
        sentences.append(
            f"{len(names)} {'boxes' if grouped else 'layers'}: "
            + ", then ".join(steps)
            + more
            + "."
        )
    else:
        kinds = Counter(
            type(b.layer).__name__
            for u in units
            for b in u.boxes
            if not isinstance(b.layer, keras.layers.InputLayer)
        )
        common = ", ".join(f"{count} {kind}" for kind, count in kinds.most_common(4))
        sentences.append(f"{len(names)} layers, mostly {common}.")
    if skips:
        targets = Counter(
            type(units[v].boxes[0].layer).__name__ if not units[v].group else "group"
            for _, v in skips
        )
        into = ", ".join(f"{n} into {k}" for k, n in targets.most_common())
        sentences.append(
            f"{len(skips)} skip connection{'s' * (len(skips) > 1)} drawn as arcs ({into})."
        )
    if forks:
        shapes = Counter(
            (
                len(heads),
                type(units[m].boxes[0].layer).__name__
                if m is not None and not units[m].group
                else "a later layer",
            )
            for _, heads, m in forks
        )
        parts = [
            f"{times} time{'s' * (times > 1)} {n} parallel branches merged by {merge}"
            for (n, merge), times in shapes.most_common()
        ]
        sentences.append("Branches: " + "; ".join(parts) + ".")
    for name, calls in shared.items():
        sentences.append(
            f"{name} is applied {calls} times with shared weights, drawn as {calls} twin towers."
        )
    if highlight:
        sentences.append(
            "Highlighted: " + ", ".join(n for n in names if n in highlight) + "."
        )
    return " ".join(sentences)


def draw(
    model,
    *,
    collapse=None,
    group_by=None,
    highlight=(),
    show_params: bool = False,
    show_macs: bool = False,
    show_names: bool = False,
    rankdir: str = "TB",
) -> Diagram:
    """Draw a Keras 3 functional or Sequential model as a block diagram (laid out by Graphviz).

    Args:
        model: a built ``keras.Model``: functional (course_lib.models, keras.applications, or a
            block wrapped as ``keras.Model(x, block(x))``) or Sequential with a known input.
        collapse: nested models to draw as one box: ``None``/``False`` (default: expand every
            nested model into its layers, in a labelled frame), ``True`` (collapse all), or
            a list of names (``"encoder"``, or ``"outer/inner"`` for a deeper one).
        group_by: collapse layers into one box per group: ``"blocks"`` or ``"stages"`` (presets
            for keras.applications' and course_lib's names, see :data:`GROUPINGS`), a regular
            expression (its first group, or the whole match, names the group) or a function
            ``name -> group name or None``. Names are qualified (``encoder/conv1``).
        highlight: layer (or group) names whose boxes and connecting edges are marked.
        show_params: add each box's parameter count (from :func:`course_lib.profile`).
        show_macs: add each box's multiply-accumulates per example, MACs (FLOPs ~= 2 x MACs), from
            :func:`course_lib.profile`; a shared layer shows one call's MACs.
        show_names: add the layer name to each box (always in its tooltip).
        rankdir: ``"TB"`` (top to bottom) or ``"LR"`` (left to right).

    Returns:
        A :class:`Diagram`. With nothing collapsed, ``nodes`` and ``edges`` are exactly the
        Keras graph: every layer (InputLayers included) and every layer-to-layer connection,
        nested models expanded (edges into one go to its InputLayer).

    Raises:
        ValueError: not a Keras model, a subclassed or unbuilt Sequential model, a bad option,
            or a ``highlight``/``collapse`` name that is not in the model.
        GraphvizNotFoundError: Graphviz's ``dot`` is not installed.
        course_lib.UncountableLayerError: ``show_params``/``show_macs`` for a layer profile cannot count.
    """
    _require_dot()
    graph_model = _check_model(model)
    collapse = _check_collapse(collapse)
    group_of = _grouping(group_by)
    highlight = frozenset(_check_names("highlight", highlight))
    show_params, show_macs, show_names = (
        check_bool(_FUNC, n, v)
        for n, v in (
            ("show_params", show_params),
            ("show_macs", show_macs),
            ("show_names", show_names),
        )
    )
    rankdir = check_choice(_FUNC, "rankdir", rankdir, ("TB", "LR"))

    walk = _Walk()
    _walk(model, "", (), collapse, walk)
    _check_known(collapse, walk, "collapse", nested_only=True)
    units, unit_of = _units(walk, group_of)
    names = _unique(u.name for u in units)
    _check_known(highlight, walk, "highlight", drawn=names)

    unit_edges = _unique(
        (unit_of[a], unit_of[b]) for a, b in walk.edges if unit_of[a] != unit_of[b]
    )
    edges = _unique((units[u].name, units[v].name) for u, v in unit_edges)
    skips, forks = _structure(len(units), unit_edges)

    rows = None
    if show_params or show_macs:
        from .profiler import (
            profile,
        )  # profile's rows are keyed by the same qualified names

        rows = {r.name: r for r in profile(model).rows}
    labels = [_label(u, rows, show_params, show_macs, show_names) for u in units]
    # a layer's own name ("code") marks the box that draws it ("encoder/code")
    highlight = frozenset(
        u.name
        for u in units
        if u.name in highlight or any(b.layer.name in highlight for b in u.boxes)
    )
    graph = _assemble(
        model.name, rankdir, units, unit_edges, skips, forks, highlight, labels
    )
    shared = _shared_links(graph, units, unit_of, walk)
    alt = _describe(
        model,
        graph_model,
        units,
        names,
        unit_edges,
        skips,
        forks,
        shared,
        highlight,
        grouped=any(u.group for u in units),
        rankdir=rankdir,
    )
    return Diagram(
        model.name,
        graph,
        names,
        edges,
        shared,
        [(units[u].name, units[v].name) for u, v in unit_edges if (u, v) in skips],
        [
            (
                units[f].name,
                [units[h].name for h in heads],
                None if m is None else units[m].name,
            )
            for f, heads, m in forks
        ],
        alt,
    )


def _check_known(
    requested, walk: _Walk, option: str, nested_only: bool = False, drawn=()
) -> None:
    """Names given to ``collapse``/``highlight`` must be in the model (typos are not ignored)."""
    if not requested or requested is True:
        return
    known = set(drawn)
    for box in walk.boxes:
        known.add(box.name)
        known.add(box.layer.name)
        known.update(name for name, _, _ in box.frames)
        known.update(name.rsplit("/", 1)[-1] for name, _, _ in box.frames)
    if nested_only:
        known = {b.name for b in walk.boxes if _is_graph_model(b.layer)} | {
            b.layer.name for b in walk.boxes if _is_graph_model(b.layer)
        }
        known |= {n for b in walk.boxes for n, _, _ in b.frames} | {
            n.rsplit("/", 1)[-1] for b in walk.boxes for n, _, _ in b.frames
        }
    unknown = sorted(set(requested) - known)
    if unknown:
        allowed = sorted(known)
        shown = ", ".join(allowed[:30]) + (" ..." if len(allowed) > 30 else "")
        what = "nested models" if nested_only else "layers and groups"
        raise ValueError(
            f"{_FUNC}: `{option}` names {unknown} are not in the model; its {what}: {shown or 'none'}"
        )
