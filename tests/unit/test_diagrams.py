"""course_lib.diagrams: what ``draw`` draws is the Keras graph, for every registered model and block.

Nothing is listed by hand where the registry can say it: the models come from ``available()``
built in their card's small configuration, and the expected graph is read here from each
model's ``layers`` and their inbound nodes (``model._nodes``, the keys Keras keeps for the
calls inside a graph), independently of the module's own walk. Every public block of
course_lib.models is wrapped in a model by ``course_lib.models.block_model`` and
checked the same way; a test fails when a new public block has no configuration here.

None of these tests is marked ``counting``: ``make test-jax`` runs them all again on JAX. A
diagram needs shapes, never weight values, so models are built with their weights left
uninitialised (``_shapes_only``): on JAX, initialising them compiles a random-number kernel
per weight shape, which took 15 s of a small U-Net's 16 s build.
"""

import inspect
import re
import time
from functools import cache

import keras
import pytest
from keras.src.backend.common import global_state

from course_lib import diagrams, models, profile
from course_lib.diagrams import Diagram, GraphvizNotFoundError, draw
from course_lib.models import available, build, card


def _shapes_only():
    """Build inside this scope to skip weight initialisation (variables keep their shapes)."""
    return keras.StatelessScope(initialize_variables=False)


@pytest.fixture(autouse=True, scope="module")
def _forget_uninitialised_weights():
    # Keras lists the variables a stateless scope left uninitialised and initialises them all when
    # a later scope closes; drop the list, so that no later test pays for this module's weights.
    yield
    global_state.set_global_attribute("uninitialized_variables", [])


# --- the Keras graph, read independently --------------------------------------------------------------
def _graph(model):
    return model._functional if isinstance(model, keras.Sequential) else model


def _keras_graph(model, expand=True, prefix=""):
    """(layer names in graph order, set of (from, to) names) of ``model``'s graph.

    With ``expand`` nested models are replaced by their own layers (``outer/inner``): an edge
    into one goes to its InputLayer, an edge out of one leaves from the layer that produces
    the nested model's output.
    """
    graph = _graph(model)
    names, edges = [], set()
    for layer in graph.layers:
        own_calls = [
            i
            for i in range(len(layer._inbound_nodes))
            if f"{id(layer)}_ib-{i}" in graph._nodes
        ]
        if not own_calls:
            continue
        if expand and isinstance(layer, keras.Model):
            inner_names, inner_edges = _keras_graph(
                layer, True, f"{prefix}{layer.name}/"
            )
            names += [n for n in inner_names if n not in names]
            edges |= inner_edges
        else:
            names.append(prefix + layer.name)
        for i in own_calls:
            for position, tensor in enumerate(layer._inbound_nodes[i].input_tensors):
                source, _, index = tensor._keras_history
                edges.add(
                    (
                        _exit(source, index, prefix, expand),
                        _entry(layer, position, prefix, expand),
                    )
                )
    return names, edges


def _entry(layer, position, prefix, expand):
    if expand and isinstance(layer, keras.Model):
        inner = _graph(layer).inputs[position]._keras_history.operation
        return f"{prefix}{layer.name}/{inner.name}"
    return prefix + layer.name


def _exit(layer, index, prefix, expand):
    if expand and isinstance(layer, keras.Model):
        inner, _, inner_index = _graph(layer).outputs[index]._keras_history
        return _exit(inner, inner_index, f"{prefix}{layer.name}/", expand)
    return prefix + layer.name


def _group(name):
    """The grouping the tests collapse by: a layer's name up to its last underscore
    (conv2_block1_1_conv -> conv2_block1_1: each conv, batch norm and ReLU triple)."""
    return name.rsplit("_", 1)[0] if "_" in name else None


def _grouped(names, edges):
    named = {n: _group(n) or n for n in names}
    return (
        list(dict.fromkeys(named.values())),
        {(named[u], named[v]) for u, v in edges if named[u] != named[v]},
    )


def _assert_draws_the_graph(model):
    diagram = draw(model)
    names, edges = _keras_graph(model)
    assert diagram.nodes == names
    assert set(diagram.edges) == edges and len(diagram.edges) == len(edges)
    collapsed = draw(model, collapse=True, group_by=_group)
    names, edges = _grouped(*_keras_graph(model, expand=False))
    assert collapsed.nodes == names
    assert set(collapsed.edges) == edges and len(collapsed.edges) == len(edges)


# --- every registered model ------------------------------------------------------------------------------
@cache
def _small(name):
    with _shapes_only():
        return build(name, **card(name).small)


def _tiny_base():
    """A base network for transfer_model, which copies its base's weights (so this one needs
    them): the layer names transfer_model cuts at, and few weight shapes to initialise."""
    x = keras.Input((16, 16, 1), name="image")
    y = keras.layers.Conv2D(4, 3, name="conv1")(x)
    y = keras.layers.GlobalAveragePooling2D(name="features")(y)
    y = keras.layers.Dense(4, name="fc1")(y)
    return keras.Model(
        x, keras.layers.Dense(2, name="predictions")(y), name="tiny_base"
    )


@pytest.mark.parametrize("name", available())
def test_every_registered_model_is_drawn_as_its_keras_graph(name):
    _assert_draws_the_graph(_small(name))


# --- every public block, wrapped in a small model -----------------------------------------------------
def _block_model(block, input_shape, **options):
    """course_lib's block_model, with weights left uninitialised and a known input name."""
    with _shapes_only():
        return models.block_model(
            block, input_shape, input_name="block_input", **options
        )


# Small call options for each public block (functions of a tensor ``x``).
BLOCKS = {
    "partially_connected_conv": ((14, 14, 6), {}),
    "vgg_block": ((8, 8, 3), dict(filters=4, kernels=(3, 3), name="block1")),
    "residual_block": ((8, 8, 8), dict(filters=8)),
    "bottleneck_block": ((8, 8, 8), dict(filters=4, stride=2)),
    "conv_bn": ((8, 8, 3), dict(filters=4, kernel=3, name="conv1")),
    "shortcut_branch": ((8, 8, 4), dict(filters=8, stride=2, mode="B", name="s")),
    "depthwise_separable_block": ((8, 8, 4), dict(filters=8, stride=2)),
    "inverted_residual_block": ((8, 8, 8), dict(filters=8, stride=1, expansion=2)),
    "conv3d_block": (
        (4, 8, 8, 1),
        dict(filters=4, convolutions=2, pool=(1, 2, 2), name="1"),
    ),
    "inception_module": (
        (8, 8, 8),
        dict(f1=4, f3_reduce=4, f3=4, f5_reduce=2, f5=2, pool_proj=2),
    ),
    "naive_inception_module": ((8, 8, 8), dict(f1=4, f3=4, f5=2)),
    "auxiliary_classifier": ((14, 14, 8), dict(num_classes=3, name="aux")),
    "factorized_7x7": ((8, 8, 4), dict(mid=4, out=4, name="f7")),
    "conv2d_block": ((8, 8, 3), dict(filters=4, batch_norm=True)),
    "se_block": ((4, 4, 16), dict(ratio=4)),
    "resnext_block": ((8, 8, 16), dict(width=8, cardinality=4)),
    "dense_block": ((8, 8, 8), dict(n_layers=2, growth_rate=4)),
    "transition": ((8, 8, 8), {}),
    "mbconv_block": ((8, 8, 8), dict(filters=8)),
    "convnext_block": ((8, 8, 16), {}),
}
# Public builders that return a model themselves (called with these options).
MODEL_BUILDERS = {
    "koch_encoder": lambda: models.koch_encoder((72, 72, 1)),
    # two towers that fork from one input, meet at conv3 and again at the end
    "alexnet_two_towers": lambda: models.alexnet_two_towers((67, 67, 3)),
    "small_encoder": lambda: models.small_encoder(),
    "conv_encoder": lambda: models.conv_encoder(),
    "conv_decoder": lambda: models.conv_decoder(),
    # a nested "pretrained" model: the Keras graph with a model inside a model
    "transfer_model": lambda: models.transfer_model(
        _tiny_base(), 3, scenario="replace_head"
    ),
    "feature_extractor": lambda: models.feature_extractor(_small("glyph_cnn")),
}
# Public names of course_lib.models that build nothing to draw.
NOT_DRAWABLE = {
    "build",
    "available",
    "card",
    "register",
    "contrastive_loss",
    "n_way_one_shot_accuracy",
    "load_keras_applications_weights",
    "pretrained",
    "course_pretrained",
    "pixel_similarity",
    "block_model",  # the wrapper the block tests use
    "kernel_weights",
    "siamese_head",  # returns the two inputs and the head's output, drawn within siamese
}


def test_every_public_builder_has_a_small_configuration_here():
    public = {n for n in models.__all__ if inspect.isfunction(getattr(models, n))}
    registered = set(available())  # drawn by the registry test above
    assert public - NOT_DRAWABLE - registered == set(BLOCKS) | set(MODEL_BUILDERS)
    takes_a_tensor = {
        n
        for n in public
        if next(iter(inspect.signature(getattr(models, n)).parameters)) == "x"
    }
    assert takes_a_tensor == set(BLOCKS)


@pytest.mark.parametrize("block", sorted(BLOCKS))
def test_every_public_block_is_drawn_as_its_keras_graph(block):
    shape, options = BLOCKS[block]
    _assert_draws_the_graph(_block_model(getattr(models, block), shape, **options))


@pytest.mark.parametrize("builder", sorted(MODEL_BUILDERS))
def test_every_public_model_builder_is_drawn_as_its_keras_graph(builder):
    if builder == "transfer_model":
        model = MODEL_BUILDERS[builder]()
    else:
        with _shapes_only():
            model = MODEL_BUILDERS[builder]()
    _assert_draws_the_graph(model)


# --- keras.applications: large graphs, collapsed into stages ---------------------------------------------
@pytest.mark.parametrize(
    "constructor, grouping, block_layer",
    [
        ("ResNet50", "stages", keras.layers.Add),
        ("MobileNetV2", "blocks", keras.layers.Add),
        ("DenseNet121", "stages", keras.layers.Concatenate),
    ],
)
def test_keras_applications_draw_quickly_and_collapse(
    constructor, grouping, block_layer
):
    with _shapes_only():
        model = getattr(keras.applications, constructor)(
            weights=None, input_shape=(96, 96, 3)
        )
    start = time.perf_counter()
    full = draw(model)
    svg = full.svg()
    elapsed = time.perf_counter() - start
    assert elapsed < 20, (
        f"{constructor}: drawing took {elapsed:.1f} s, a pathological layout?"
    )
    assert "<svg" in svg and svg.rstrip().endswith("</svg>")
    assert full.nodes == [l.name for l in model.layers]
    collapsed = draw(model, group_by=grouping)
    merges = sum(isinstance(l, block_layer) for l in model.layers)
    assert len(collapsed.nodes) < len(full.nodes) / 5
    assert "<svg" in collapsed.svg()
    if (
        grouping == "stages"
    ):  # ResNet's residual (Add) and DenseNet's dense (Concatenate) blocks: one merge each
        blocks = draw(model, group_by="blocks").nodes
        assert (
            sum(bool(re.fullmatch(r"conv\d+_block\d+", n)) for n in blocks)
            == merges
            > len(collapsed.nodes)
        )


# --- structure: branches, skips, twin towers, highlight -------------------------------------------------
def _rank_groups(source):
    """The node ids of each ``{rank=same ...}`` subgraph of a dot source."""
    groups = re.findall(r"\{\s*rank=same\s*([^{}]*)\}", source)
    return [
        {a or b for a, b in re.findall(r'"([^"]+)"|(\S+)', body)} for body in groups
    ]


def test_inception_branches_sit_on_one_rank():
    shape, options = BLOCKS["inception_module"]
    model = _block_model(models.inception_module, shape, **options)
    diagram = draw(model)
    _, edges = _keras_graph(model)
    heads = {v for u, v in edges if u == "block_input"}
    assert len(heads) == 4
    assert heads in _rank_groups(diagram.source)
    merge = model.layers[-1]
    [(fork, ordered, meet)] = diagram.branches
    assert (fork, set(ordered), meet) == ("block_input", heads, merge.name)
    # left to right in the order the branches enter the Concatenate (the 1x1 branch is one layer)
    first = merge._inbound_nodes[0].input_tensors[0]._keras_history.operation.name
    assert ordered[0] == first
    assert (
        f"{len(heads)} parallel branches merged by {type(model.layers[-1]).__name__}"
        in diagram.alt_text
    )


@pytest.mark.parametrize(
    "options",
    [dict(filters=8), dict(filters=16, stride=2)],
    ids=["identity", "projection"],
)
def test_residual_block_draws_its_shortcut(options):
    model = _block_model(models.residual_block, (8, 8, 8), **options)
    diagram = draw(model)
    add = next(l for l in model.layers if isinstance(l, keras.layers.Add))
    sources = [
        _exit(t._keras_history.operation, t._keras_history.tensor_index, "", True)
        for t in add._inbound_nodes[0].input_tensors
    ]
    assert all((s, add.name) in diagram.edges for s in sources)
    if (
        "block_input" in sources
    ):  # identity: the input goes straight into the Add, as an arc
        assert diagram.skips == [("block_input", add.name)]
        assert re.search(
            rf"block_input -> {add.name} \[[^\]]*constraint=false", diagram.source
        )
    else:  # projection: a 1x1 conv beside the residual path
        assert diagram.skips == [] and len(diagram.branches) == 1
    assert (
        f"{len(diagram.skips)} skip connection" in diagram.alt_text or not diagram.skips
    )


def test_siamese_encoder_is_drawn_as_twin_towers_with_shared_weights():
    model = _small("siamese")
    encoder = model.get_layer("encoder")
    calls = sum(
        f"{id(encoder)}_ib-{i}" in model._nodes
        for i in range(len(encoder._inbound_nodes))
    )
    assert calls == 2
    for collapse in (None, True):
        diagram = draw(model, collapse=collapse)
        assert diagram.shared == {"encoder": calls}
        assert re.search(
            r'style=dashed[^\]]*label="shared weights"|label="shared weights"[^\]]*style=dashed',
            diagram.source,
        )
        assert "shared weights" in diagram.alt_text
    expanded = draw(model).source
    assert (
        expanded.count("cluster_") == calls
        and "call 2 of 2, shared weights" in expanded
    )
    one_box = draw(model, collapse=["encoder"]).source
    assert '"encoder@1"' in one_box and '"encoder@2"' in one_box


def test_highlight_marks_the_named_boxes_and_only_those():
    model = _small("resnet20")
    names = draw(model).nodes
    path = names[:4]
    source = draw(model, highlight=path).source
    for name in names:
        line = re.search(rf"^\s*{re.escape(name)} \[.*$", source, flags=re.M).group(0)
        assert (diagrams._HIGHLIGHT_FILL in line) == (name in path), name
    with pytest.raises(
        ValueError, match=r"draw: `highlight` names \['conv99'\] are not in the model"
    ):
        draw(model, highlight=["conv99"])


def test_grouped_boxes_are_highlighted_by_group_name_and_skips_join_groups():
    model = _small("resnet20")
    diagram = draw(model, group_by="blocks", highlight=["stage1_block1"])
    assert (
        "stage1_block1" in diagram.nodes and len(diagram.nodes) < len(model.layers) / 4
    )
    assert diagrams._HIGHLIGHT_FILL in re.search(
        r"^\s*stage1_block1 \[.*$", diagram.source, flags=re.M
    ).group(0)
    # consecutive blocks are joined by one edge, not by skip arcs
    assert ("stage1_block1", "stage1_block2") in diagram.edges and not diagram.skips


def test_params_and_macs_come_from_the_profile():
    model = _small("mini_vgg")
    rows = {r.name: r for r in profile(model).rows}
    conv = next(l.name for l in model.layers if isinstance(l, keras.layers.Conv2D))
    source = draw(model, show_params=True, show_macs=True).source
    line = re.search(rf"^\s*{conv} \[.*$", source, flags=re.M).group(0)
    assert diagrams._format_count(rows[conv].params, "params") in line
    assert diagrams._format_count(rows[conv].macs, "MACs") in line


def test_alt_text_names_inputs_outputs_and_skips():
    model = _small("resnet20")
    text = draw(model).describe()
    assert "x".join(map(str, model.input_shape[1:])) in text
    adds = sum(isinstance(l, keras.layers.Add) for l in model.layers)
    projections = len(draw(model).branches)  # the downsampling blocks' 1x1 shortcuts
    assert f"{adds - projections} skip connections" in text


def test_sequential_models_are_drawn_once_built():
    model = keras.Sequential(
        [
            keras.Input((8,)),
            keras.layers.Dense(4, name="hidden"),
            keras.layers.Dense(2, name="out"),
        ]
    )
    names, edges = _keras_graph(model)
    diagram = draw(model)
    assert diagram.nodes == names and set(diagram.edges) == edges and len(names) == 3


def test_rendering_and_saving(tmp_path):
    diagram = draw(_small("lenet5_modern"))
    assert isinstance(diagram, Diagram) and diagram.source.startswith("digraph")
    assert diagram._repr_svg_() == diagram.svg()
    assert diagram.png()[:8] == b"\x89PNG\r\n\x1a\n" == diagram._repr_png_()[:8]
    for suffix in ("svg", "png", "dot"):
        path = diagram.save(tmp_path / f"lenet.{suffix}")
        assert path.stat().st_size > 0
    with pytest.raises(
        ValueError, match=r"Diagram.save: `path's suffix` must be one of .svg"
    ):
        diagram.save(tmp_path / "lenet.jpeg")


# --- clear errors ------------------------------------------------------------------------------------------
class _Subclassed(keras.Model):
    def __init__(self):
        super().__init__()
        self.dense = keras.layers.Dense(2)

    def call(self, x):
        return self.dense(x)


@pytest.mark.parametrize(
    "bad, message",
    [
        (
            "resnet50",
            r"`model` must be a Keras functional or Sequential model .* got 'str'",
        ),
        (keras.layers.Dense(3), r"got a Dense layer; wrap it in a model"),
        (
            _Subclassed(),
            r"subclassed keras.Model \(_Subclassed, not built\).*no graph to draw",
        ),
        (
            keras.Sequential([keras.layers.Dense(3)]),
            r"Sequential model .* is not built.*keras.Input",
        ),
    ],
)
def test_what_cannot_be_drawn_is_refused_clearly(bad, message):
    with pytest.raises(ValueError, match=message):
        draw(bad)


@pytest.mark.parametrize(
    "options, message",
    [
        (
            dict(rankdir="BT"),
            r"draw: `rankdir` must be one of \['TB', 'LR'\], got 'BT'",
        ),
        (dict(show_macs="yes"), r"draw: `show_macs` must be True or False"),
        (
            dict(group_by=3),
            r"draw: `group_by` must be one of \['blocks', 'stages'\], a regular expression",
        ),
        (
            dict(group_by="conv(\\d"),
            r"draw: `group_by` 'conv\(\\\\d' is not a valid regular expression",
        ),
        (
            dict(group_by=lambda name: 1),
            r"the `group_by` function must return a str or None, got 1",
        ),
        (
            dict(collapse=["decoder"]),
            r"draw: `collapse` names \['decoder'\] are not in the model; its nested models: encoder",
        ),
        (dict(highlight=[3]), r"draw: `highlight` must be a list of layer names"),
    ],
)
def test_bad_options_are_refused_clearly(options, message):
    with pytest.raises(ValueError, match=message):
        draw(_small("siamese"), **options)


def test_missing_dot_says_how_to_install_it(monkeypatch):
    monkeypatch.setenv("PATH", "")
    with pytest.raises(
        GraphvizNotFoundError, match=r"apt-get install graphviz.*Colab has it"
    ):
        draw(_small("lenet5_modern"))


def test_a_unet_laid_out_as_a_u_keeps_its_graph_and_puts_each_skip_on_one_rank():
    net = build("unet", input_shape=(64, 64, 1), n_filters=4, depth=2)
    column = draw(net, group_by="blocks")
    u = column.as_u(decoder=r"^(up\d|mask)")
    assert (u.nodes, u.edges, u.skips) == (column.nodes, column.edges, column.skips)
    assert column.skips, "a U-Net has skip connections"
    for a, b in u.skips:
        assert f'{{rank=same; "{a}"; "{b}"}}' in u.source
    # the decoder's arrows are drawn reversed, so dot ranks it upwards; none is lost
    assert u.source.count("->") == column.source.count("->")
    assert u.svg().lstrip().startswith("<?xml")


def test_a_layer_named_like_its_group_joins_it_instead_of_colliding():
    """MobileNet's stem is conv1, conv1_bn, conv1_relu: one box "conv1", not two boxes of one name."""
    inputs = keras.Input((16, 16, 3))
    x = keras.layers.Conv2D(4, 3, name="conv1")(inputs)
    x = keras.layers.BatchNormalization(name="conv1_bn")(x)
    x = keras.layers.ReLU(name="conv1_relu")(x)
    x = keras.layers.Conv2D(4, 3, name="conv2_a")(x)
    model = keras.Model(inputs, keras.layers.ReLU(name="conv2_relu")(x))
    d = draw(model, group_by="blocks")
    assert d.nodes.count("conv1") == 1 and len(d.nodes) == len(set(d.nodes)) == 3
    assert ("conv1", "conv2") in d.edges


def test_a_bare_layer_name_highlights_its_box_inside_a_nested_model_and_lr_reads_left_to_right():
    inner_in = keras.Input((4,))
    inner = keras.Model(
        inner_in, keras.layers.Dense(2, name="code")(inner_in), name="encoder"
    )
    outer_in = keras.Input((4,))
    model = keras.Model(outer_in, keras.layers.Dense(1, name="head")(inner(outer_in)))
    d = draw(model, highlight=["code"], rankdir="LR")
    assert "Highlighted: encoder/code." in d.alt_text
    assert "read left to right" in d.alt_text
    assert d.source.count("#e65100") >= 1  # the highlight's outline colour is drawn
