"""Siamese networks for one-shot learning (Koch, Zemel & Salakhutdinov 2015)."""

from __future__ import annotations

import keras
import numpy as np
from keras import layers, ops

from .._validate import (
    check_choice,
    check_input_shape,
    check_int,
    check_ndim,
    check_number,
    check_positive,
)
from ._cards import OWN, Count, ModelCard
from ._registry import register
from .custom_layers import EuclideanDistance, L1Distance
from .mini import small_encoder


def koch_encoder(input_shape=(105, 105, 1)):
    """The twin of Koch et al. (Fig. 4): 64@10x10, 128@7x7, 128@4x4, 256@4x4
    convolutions with max pooling, then a 4096-unit sigmoid feature vector."""
    inputs = keras.Input(input_shape, name="image")
    x = layers.Conv2D(64, 10, activation="relu", name="conv1")(inputs)
    x = layers.MaxPooling2D(2, name="pool1")(x)
    x = layers.Conv2D(128, 7, activation="relu", name="conv2")(x)
    x = layers.MaxPooling2D(2, name="pool2")(x)
    x = layers.Conv2D(128, 4, activation="relu", name="conv3")(x)
    x = layers.MaxPooling2D(2, name="pool3")(x)
    x = layers.Conv2D(256, 4, activation="relu", name="conv4")(x)
    x = layers.Flatten(name="flatten")(x)
    return keras.Model(
        inputs,
        layers.Dense(4096, activation="sigmoid", name="features")(x),
        name="encoder",
    )


def siamese_head(encoder, input_shape, head="sigmoid"):
    """Apply one encoder to two images (shared weights). ``head="sigmoid"``
    (Koch et al.): a sigmoid unit weighs their L1 distance, giving the probability
    that they show the same class (train with binary cross-entropy).
    ``head="distance"``: output the Euclidean distance of the embeddings (train
    with :func:`contrastive_loss`; small means alike)."""
    left, right = (
        keras.Input(input_shape, name="left"),
        keras.Input(input_shape, name="right"),
    )
    embeddings = [encoder(left), encoder(right)]
    if head == "distance":
        return left, right, EuclideanDistance(name="distance")(embeddings)
    distance = L1Distance(name="l1_distance")(embeddings)
    return (
        left,
        right,
        layers.Dense(1, activation="sigmoid", name="same_class")(distance),
    )


SIAMESE_CARD = ModelCard(
    title="Siamese network (Koch et al.)",
    family="siamese",
    input_shape=(105, 105, 1),  # each of the two inputs
    # Koch et al. (Fig. 4) list the layers but state no total: the count is the course's own.
    params=Count(38_951_745, OWN),
    trainable=Count(38_951_745, OWN),
    small=dict(variant="small", input_shape=(28, 28, 1)),
)


@register("siamese", card=SIAMESE_CARD)
def siamese(
    input_shape=(105, 105, 1), variant="koch", embedding_dim=64, head="sigmoid"
):
    """Siamese network: variant "koch" (105x105x1, 38,951,745 parameters, Koch
    et al. 2015) or "small" (28x28 glyphs); ``head`` "sigmoid" (same-class
    probability) or "distance" (embedding distance, see :func:`siamese_head`).
    The shared twin is ``get_layer("encoder")``."""
    func = "siamese"
    check_choice(func, "head", head, ("sigmoid", "distance"))
    check_choice(
        func, "variant", variant, ("koch", "small"), wording="'koch' or 'small'"
    )
    if variant == "koch":
        check_input_shape(func, input_shape, fixed=(105, 105, 1))
        encoder = koch_encoder(input_shape)
    else:
        check_input_shape(func, input_shape, min_size=8)
        encoder = small_encoder(
            input_shape, check_int(func, "embedding_dim", embedding_dim, 1)
        )
    left, right, output = siamese_head(encoder, input_shape, head)
    return keras.Model(
        [left, right],
        output,
        name=f"siamese_{variant}" + ("_distance" if head == "distance" else ""),
    )


def contrastive_loss(margin=1.0):
    """Contrastive loss (Hadsell, Chopra & LeCun 2006) on a distance ``d``:
    ``y*d^2 + (1-y)*max(margin - d, 0)^2`` with y=1 for a same-class pair."""
    margin = check_positive("contrastive_loss", "margin", margin)

    def loss(y_true, distance):
        y = ops.cast(y_true, distance.dtype)
        return ops.mean(
            y * ops.square(distance)
            + (1 - y) * ops.square(ops.maximum(margin - distance, 0.0))
        )

    return loss


def pixel_similarity(queries, candidates):
    """The baseline similarity of one-shot trials: minus the Euclidean distance between the raw
    pixels of each query and its candidate (arrays of equal length; higher means more alike)."""
    queries, candidates = (
        np.asarray(queries, dtype="float64"),
        np.asarray(candidates, dtype="float64"),
    )
    if queries.shape != candidates.shape:
        raise ValueError(
            f"pixel_similarity: `queries` and `candidates` must have the same shape, "
            f"got {queries.shape} and {candidates.shape}"
        )
    return -np.sqrt(((queries - candidates) ** 2).reshape(len(queries), -1).sum(axis=1))


def n_way_one_shot_accuracy(similarity, trials):
    """Fraction of N-way one-shot trials solved.

    Args:
        similarity: ``f(queries, candidates) -> scores`` for two equally long
            arrays of images; higher means more alike (e.g. a Siamese model's
            ``predict``, or minus a pixel distance for the baseline). It is
            called once, on every (query, candidate) pair of every trial.
        trials: iterable of ``(query, candidates, answer)`` where ``candidates``
            holds N images, one per class, and ``answer`` is the index of the
            candidate of the query's class.
    """
    trials = list(trials)
    if not trials:
        raise ValueError("n_way_one_shot_accuracy: `trials` is empty")
    sizes = [len(candidates) for _, candidates, _ in trials]
    queries = np.concatenate(
        [
            np.repeat(np.asarray(q)[None], n, axis=0)
            for (q, _, _), n in zip(trials, sizes)
        ]
    )
    candidates = np.concatenate([np.asarray(c) for _, c, _ in trials])
    scores = np.asarray(similarity(queries, candidates)).reshape(-1)
    if scores.shape[0] != len(candidates):
        raise ValueError(
            f"n_way_one_shot_accuracy: `similarity` returned {scores.shape[0]} scores "
            f"for {len(candidates)} (query, candidate) pairs"
        )
    starts = np.cumsum([0, *sizes[:-1]])
    correct = sum(
        int(np.argmax(scores[start : start + n]) == answer)
        for start, n, (_, _, answer) in zip(starts, sizes, trials)
    )
    return correct / len(trials)


def _check_margin(func, margin):
    """``margin`` as a float if it is a real number >= 0 (a margin of 0 is allowed)."""
    return check_number(func, "margin", margin, at_least=0)


def _distance(squared_distance, squared):
    """The squared Euclidean distance as it is, or its square root (clipped away from 0,
    where the root's gradient is infinite)."""
    if squared:
        return squared_distance
    return ops.sqrt(ops.maximum(squared_distance, 1e-12))


def triplet_loss(anchor, positive, negative, margin=0.2, squared=True):
    """Triplet loss of FaceNet (Schroff, Kalenichenko & Philbin 2015), mean over the batch:
    ``max(0, d(a, p) - d(a, n) + margin)``, with ``d`` the squared Euclidean distance
    (``squared=True``, FaceNet's form) or the Euclidean distance (``squared=False``).

    Args:
        anchor, positive, negative: embeddings of equal shape ``(batch, dim)``; row ``i``
            of each is one triplet (``positive[i]`` of the anchor's class,
            ``negative[i]`` of another).
        margin: how much farther the negative must be than the positive (>= 0).
    """
    func = "triplet_loss"
    margin = _check_margin(func, margin)
    shapes = [tuple(ops.shape(x)) for x in (anchor, positive, negative)]
    if len(set(shapes)) != 1:
        raise ValueError(
            f"{func}: `anchor`, `positive` and `negative` must have the same shape, "
            f"got {shapes[0]}, {shapes[1]} and {shapes[2]}"
        )
    if len(shapes[0]) < 1:
        raise ValueError(f"{func}: embeddings must be at least 1-D, got a scalar")
    anchor, positive, negative = (
        ops.convert_to_tensor(x, "float32") for x in (anchor, positive, negative)
    )
    to_positive = _distance(ops.sum(ops.square(anchor - positive), axis=-1), squared)
    to_negative = _distance(ops.sum(ops.square(anchor - negative), axis=-1), squared)
    return ops.mean(ops.maximum(to_positive - to_negative + margin, 0.0))


def pairwise_distances(embeddings, squared=True):
    """``(batch, batch)`` matrix of the (squared) Euclidean distances between the rows of
    ``embeddings`` (``(batch, dim)``), computed from the differences, so the diagonal is 0."""
    embeddings = ops.convert_to_tensor(embeddings, "float32")
    check_ndim(
        "pairwise_distances", "embeddings", ops.shape(embeddings), 2, "(batch, dim)"
    )
    differences = ops.expand_dims(embeddings, 1) - ops.expand_dims(embeddings, 0)
    squared_distance = ops.sum(ops.square(differences), axis=-1)
    if squared:
        return squared_distance
    # the diagonal is exactly 0: keep it 0 rather than the clipped root
    return ops.where(squared_distance > 0, _distance(squared_distance, False), 0.0)


def batch_hard_triplet_loss(embeddings, labels, margin=0.2, squared=False):
    """Batch-hard triplet loss (Hermans, Beyer & Leibe 2017): every image of the batch is
    an anchor once, with its *hardest* positive (the farthest image of its class) and its
    hardest negative (the nearest image of another class); the loss is the mean over the
    anchors of ``max(0, d(a, p_hard) - d(a, n_hard) + margin)``. Hermans et al. use the
    Euclidean distance (``squared=False``). Anchors with no other image of their class,
    or no image of another class, in the batch are left out; with no anchor left, 0.

    Args:
        embeddings: ``(batch, dim)``.
        labels: ``(batch,)`` integer class labels.
        margin: >= 0.
    """
    func = "batch_hard_triplet_loss"
    margin = _check_margin(func, margin)
    embeddings = ops.convert_to_tensor(embeddings, "float32")
    check_ndim(func, "embeddings", ops.shape(embeddings), 2, "(batch, dim)")
    labels = ops.reshape(ops.convert_to_tensor(labels), (-1,))
    if ops.shape(labels)[0] != ops.shape(embeddings)[0]:
        raise ValueError(
            f"{func}: got {ops.shape(labels)[0]} labels for {ops.shape(embeddings)[0]} "
            "embeddings; `labels` needs one label per embedding"
        )
    distance = pairwise_distances(embeddings, squared)
    batch = ops.shape(embeddings)[0]
    same = ops.equal(ops.expand_dims(labels, 1), ops.expand_dims(labels, 0))
    positive = ops.logical_and(same, ops.logical_not(ops.eye(batch, dtype="bool")))
    negative = ops.logical_not(same)
    hardest_positive = ops.max(ops.where(positive, distance, -1.0), axis=1)
    largest = ops.max(distance) + 1.0
    hardest_negative = ops.min(ops.where(negative, distance, largest), axis=1)
    valid = ops.logical_and(ops.any(positive, axis=1), ops.any(negative, axis=1))
    per_anchor = ops.maximum(hardest_positive - hardest_negative + margin, 0.0)
    valid = ops.cast(valid, "float32")
    return ops.sum(per_anchor * valid) / ops.maximum(ops.sum(valid), 1.0)


TRIPLET_KINDS = ("easy", "semi-hard", "hard")


def triplet_kinds(anchor, positive, negative, margin=0.2, squared=True):
    """Classify each triplet (rows of three equally shaped ``(batch, dim)`` arrays) by
    FaceNet's terms, with ``d`` the (squared) Euclidean distance: "easy" when the loss is
    already 0 (``d(a, n) >= d(a, p) + margin``), "hard" when the negative is no farther
    than the positive (``d(a, n) <= d(a, p)``), "semi-hard" in between (farther than the
    positive, but inside the margin). Returns a NumPy array of those strings."""
    func = "triplet_kinds"
    margin = _check_margin(func, margin)
    anchor, positive, negative = (
        np.asarray(x, dtype="float64") for x in (anchor, positive, negative)
    )
    if not anchor.shape == positive.shape == negative.shape:
        raise ValueError(
            f"{func}: `anchor`, `positive` and `negative` must have the same shape, "
            f"got {anchor.shape}, {positive.shape} and {negative.shape}"
        )
    to_positive = ((anchor - positive) ** 2).sum(axis=-1)
    to_negative = ((anchor - negative) ** 2).sum(axis=-1)
    if not squared:
        to_positive, to_negative = np.sqrt(to_positive), np.sqrt(to_negative)
    return np.where(
        to_negative >= to_positive + margin,
        "easy",
        np.where(to_negative <= to_positive, "hard", "semi-hard"),
    )
