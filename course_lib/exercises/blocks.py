"""Coding exercises: the student writes a block, the check compares it with course_lib's.

A block is a function ``block(x, *args, **kwargs) -> y`` that builds Keras layers, as
course_lib's builders are (``vgg_block(x, filters, convs)``). The check wraps both the
student's block and the reference in a small model on one input and compares, in order:

1. that the student's function builds at all, on the input it is given;
2. the output shape;
3. the layers that hold weights, matched by type and weight shapes: a missing, extra or
   differently shaped layer is named ("the reference has a Conv2D with kernel 1x1x64x64
   that your block lacks");
4. the behaviour: the reference's weights are copied into the student's layers, both run on
   one fixed random batch, and the first layer whose output differs is named, with what
   usually causes it (activation, stride, padding, order, a missing shortcut).

Keras is imported only when a block is checked, so importing the exercises stays cheap.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

import numpy as np

from .core import Exercise

# Outputs are compared at the scale of the reference's: a right block differs only by
# float32 rounding in another order of operations (about 1e-6 of that scale), a wrong block by
# far more (a missing ReLU alone changes half the values by their own size).
TOLERANCE = 1e-2
MAX_PAIRINGS = 720  # ways to pair look-alike layers tried before giving up (6!)


def _layer_signature(layer) -> tuple:
    return type(layer).__name__, tuple(tuple(w.shape) for w in layer.weights)


def _weighted_layers(model) -> list:
    return [layer for layer in model.layers if layer.weights]


def _describe(signature) -> str:
    kind, shapes = signature
    if kind == "BatchNormalization":
        return f"BatchNormalization over {shapes[0][0]} channels"
    if not shapes:
        return kind
    return f"{kind} with weights {' and '.join('x'.join(map(str, s)) for s in shapes)}"


def _count_problems(have: list, want: list) -> list[str]:
    problems = []
    for signature in dict.fromkeys(want):
        if want.count(signature) > have.count(signature):
            problems.append(
                f"the reference has {want.count(signature)} x {_describe(signature)}, "
                f"your block {have.count(signature)}"
            )
    for signature in dict.fromkeys(have):
        if have.count(signature) > want.count(signature):
            problems.append(
                f"your block has {have.count(signature)} x {_describe(signature)}, "
                f"the reference {want.count(signature)}"
            )
    return problems


def _structure_problem(mine: list, theirs: list) -> str | None:
    """A message naming the layers (with weights) that one block has and the other lacks;
    kernels (convolutions, dense layers) first, as they usually explain the rest."""
    problems = _count_problems(
        [_layer_signature(layer) for layer in mine],
        [_layer_signature(layer) for layer in theirs],
    )
    problems.sort(key=lambda p: "BatchNormalization" in p)
    return "; ".join(problems[:3]) or None


def _randomise(model, rng) -> None:
    """Give the reference weights no layer order could get away with: batch norm with its
    default statistics is nearly the identity, so a ReLU moved across it would go unseen."""
    for layer in model.layers:
        for variable in layer.weights:
            name = variable.path.rsplit("/", 1)[-1]
            shape = tuple(variable.shape)
            if name in ("gamma", "moving_variance"):
                value = rng.uniform(0.5, 1.5, shape)
            elif name in ("beta", "moving_mean", "bias"):
                value = rng.normal(0.0, 0.5, shape)
            else:
                continue  # kernels keep their initialisers' scale
            variable.assign(value.astype(variable.dtype))


def _pairings(mine: list, theirs: list):
    """Every way to pair the reference's weighted layers with the student's look-alikes
    (same type and weight shapes), in graph order first; at most MAX_PAIRINGS."""
    groups: dict[tuple, list[list[int]]] = {}
    for index, layer in enumerate(theirs):
        groups.setdefault(_layer_signature(layer), [[], []])[0].append(index)
    for index, layer in enumerate(mine):
        groups[_layer_signature(layer)][1].append(index)
    options = [
        [list(zip(ref, perm)) for perm in itertools.permutations(student)]
        for ref, student in groups.values()
    ]
    for choice in itertools.islice(itertools.product(*options), MAX_PAIRINGS):
        pairs = dict(pair for group in choice for pair in group)
        yield [(theirs[r], mine[pairs[r]]) for r in range(len(theirs))]


def _outputs_of(model, layers, batch) -> list[np.ndarray]:
    import keras

    probe = keras.Model(model.inputs, [layer.output for layer in layers])
    outputs = probe(batch, training=False)
    outputs = outputs if isinstance(outputs, (list, tuple)) else [outputs]
    return [keras.ops.convert_to_numpy(o) for o in outputs]


def _close(a, b) -> bool:
    scale = max(float(np.std(a)), 1e-6)
    return a.shape == b.shape and float(np.max(np.abs(a - b))) <= TOLERANCE * scale


def _first_difference(yours, reference, pairs, batch) -> str:
    """Name the first reference layer (in graph order) whose output the student's matched
    layer does not reproduce."""
    theirs = [r for r, _ in pairs]
    mine = [s for _, s in pairs]
    ref_out = _outputs_of(reference, theirs, batch)
    your_out = _outputs_of(yours, mine, batch)
    for (ref_layer, your_layer), a, b in zip(pairs, ref_out, your_out):
        if not _close(a, b):
            return (
                f"with the reference's weights copied in, your layer '{your_layer.name}' "
                f"({type(your_layer).__name__}) is the first to compute something else than the "
                f"reference's '{ref_layer.name}' (largest difference {np.max(np.abs(a - b)):.3g}"
                f"{'' if a.shape == b.shape else f'; shapes {b.shape} vs {a.shape}'}): check what feeds "
                "it (the order of the layers, a branch or shortcut taken from the wrong place) "
                "and its stride, padding and activation"
            )
    return (
        "every layer with weights matches the reference, but the output differs: check what comes "
        "after the last of them (an activation, the addition of the shortcut, a concatenation's order)"
    )


def _copy_into(yours, reference) -> None:
    """The reference layer's weights, and a normalisation's epsilon: a detail no exercise asks
    about (Keras's default is 1e-3, keras.applications' ResNets use 1.001e-5), which would
    otherwise add a difference of its own."""
    yours.set_weights(reference.get_weights())
    if hasattr(reference, "epsilon") and hasattr(yours, "epsilon"):
        yours.epsilon = reference.epsilon


def compare_blocks(
    yours: Callable, reference: Callable, input_shape, *args, seed: int = 0, **kwargs
) -> str | None:
    """None when ``yours(x, *args, **kwargs)`` builds the same block as ``reference``;
    otherwise a message naming the first difference (see the module docstring).

    ``input_shape`` excludes the batch axis; a list of shapes gives the block one input per
    shape (``head(a, b)``), before ``args``. Weights are the reference's, copied in, so a
    right block matches whatever its initialisers; the batch is ``seed``-fixed normal noise.
    """
    import keras

    from ..models import block_model

    if not callable(yours):
        return f"the answer must be a function x -> y that builds the block; got {type(yours).__name__}"
    ref_model = block_model(
        reference, input_shape, *args, model_name="reference", **kwargs
    )
    shapes = [tuple(t.shape[1:]) for t in ref_model.inputs]
    try:
        your_model = block_model(
            yours, input_shape, *args, model_name="yours", **kwargs
        )
    except Exception as error:  # the student's code: report, never raise
        return (
            f"building your block on input(s) of shape {', '.join(map(str, shapes))} raised "
            f"{type(error).__name__}: {error}"
        )
    if tuple(your_model.output.shape) != tuple(ref_model.output.shape):
        return (
            f"your block's output shape is {tuple(your_model.output.shape)[1:]}; "
            f"it should be {tuple(ref_model.output.shape)[1:]} (batch axis left out)"
        )
    mine, theirs = _weighted_layers(your_model), _weighted_layers(ref_model)
    problem = _structure_problem(mine, theirs)
    if problem:
        return problem
    rng = np.random.default_rng(seed)
    _randomise(ref_model, rng)
    batch = [rng.standard_normal((2, *shape)).astype("float32") for shape in shapes]
    batch = batch[0] if len(batch) == 1 else batch
    expected = keras.ops.convert_to_numpy(ref_model(batch, training=False))
    first_pairs = None
    for pairs in _pairings(mine, theirs):
        first_pairs = first_pairs or pairs
        for ref_layer, your_layer in pairs:
            _copy_into(your_layer, ref_layer)
        if _close(
            keras.ops.convert_to_numpy(your_model(batch, training=False)), expected
        ):
            return None
    for ref_layer, your_layer in first_pairs or []:
        _copy_into(your_layer, ref_layer)
    return _first_difference(your_model, ref_model, first_pairs or [], batch)


def block_exercise(
    id: str,
    chapter: str,
    question: str,
    reference: Callable,
    input_shape,
    *args,
    hints: tuple[str, ...] = (),
    **kwargs,
) -> Exercise:
    """An exercise whose answer is a block function, checked against ``reference`` on
    ``input_shape`` with ``args``/``kwargs`` (see :func:`compare_blocks`)."""
    return Exercise(
        id,
        chapter,
        question,
        kind="object",
        hints=tuple(hints),
        validate=lambda answer: compare_blocks(
            answer, reference, input_shape, *args, **kwargs
        ),
    )
