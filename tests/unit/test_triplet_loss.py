"""Triplet losses of course_lib.models.one_shot against values computed by hand.

Runs under both KERAS_BACKEND=tensorflow and KERAS_BACKEND=jax (see Makefile): the losses
use keras.ops only.
"""

import numpy as np
import pytest

from course_lib.models.one_shot import (
    TRIPLET_KINDS,
    batch_hard_triplet_loss,
    pairwise_distances,
    triplet_kinds,
    triplet_loss,
)

# Three triplets in the plane, anchor at the origin; with margin 0.2 the first is easy
# (the negative is far), the second semi-hard (farther than the positive, inside the
# margin), the third hard (the negative nearer than the positive).
ANCHOR = np.array([[0.0, 0.0], [0.0, 0.0], [0.0, 0.0]], "float32")
POSITIVE = np.array([[1.0, 0.0], [1.0, 0.0], [2.0, 0.0]], "float32")
NEGATIVE = np.array([[0.0, 2.0], [0.0, 1.05], [1.0, 0.0]], "float32")


def test_triplet_loss_squared_matches_hand_computation():
    # squared distances: (1, 4), (1, 1.1025), (4, 1)
    by_hand = (0.0 + (1 - 1.1025 + 0.2) + (4 - 1 + 0.2)) / 3
    value = float(triplet_loss(ANCHOR, POSITIVE, NEGATIVE, margin=0.2))
    assert value == pytest.approx(by_hand, rel=1e-5)


def test_triplet_loss_unsquared_matches_hand_computation():
    # distances: (1, 2), (1, 1.05), (2, 1)
    by_hand = (0.0 + (1 - 1.05 + 0.2) + (2 - 1 + 0.2)) / 3
    value = float(triplet_loss(ANCHOR, POSITIVE, NEGATIVE, margin=0.2, squared=False))
    assert value == pytest.approx(by_hand, rel=1e-5)


def test_triplet_loss_matches_numpy_on_random_batch():
    rng = np.random.default_rng(0)
    a, p, n = rng.normal(size=(3, 16, 8)).astype("float32")
    d_ap, d_an = ((a - p) ** 2).sum(1), ((a - n) ** 2).sum(1)
    expected = np.maximum(d_ap - d_an + 0.5, 0).mean()
    assert float(triplet_loss(a, p, n, margin=0.5)) == pytest.approx(expected, rel=1e-5)


def test_triplet_loss_zero_margin_and_easy_triplets():
    assert float(triplet_loss(ANCHOR[:1], POSITIVE[:1], NEGATIVE[:1])) == 0.0
    # a margin of 0 is allowed: only the hard triplet, 4 - 1, is left
    assert float(triplet_loss(ANCHOR, POSITIVE, NEGATIVE, margin=0)) == pytest.approx(
        3 / 3
    )


@pytest.mark.parametrize("margin", [-0.1, True, "0.2", None])
def test_triplet_loss_rejects_bad_margin(margin):
    with pytest.raises(ValueError, match="margin"):
        triplet_loss(ANCHOR, POSITIVE, NEGATIVE, margin=margin)


def test_triplet_loss_rejects_mismatched_shapes():
    with pytest.raises(ValueError, match="same shape"):
        triplet_loss(ANCHOR, POSITIVE[:2], NEGATIVE)
    with pytest.raises(ValueError, match="same shape"):
        triplet_loss(ANCHOR, POSITIVE, np.zeros((3, 3), "float32"))


# Four points on a line, two classes, plus a class of one image far away (no positive:
# it is left out as an anchor, and is nobody's nearest negative).
EMBEDDINGS = np.array([[0.0, 0.0], [1.0, 0.0], [1.5, 0.0], [3.0, 0.0], [10.0, 0.0]])
LABELS = np.array([0, 0, 1, 1, 2])


def test_batch_hard_matches_hand_computation():
    # Euclidean distances; per anchor: hardest positive, hardest negative
    # 0: 1 and 1.5 -> max(1 - 1.5 + 0.2, 0) = 0
    # 1: 1 and 0.5 -> 0.7
    # 2: 1.5 and 0.5 -> 1.2
    # 3: 1.5 and 2 -> 0
    by_hand = (0.0 + 0.7 + 1.2 + 0.0) / 4
    value = float(batch_hard_triplet_loss(EMBEDDINGS, LABELS, margin=0.2))
    assert value == pytest.approx(by_hand, rel=1e-5)


def test_batch_hard_matches_brute_force_on_random_batch():
    rng = np.random.default_rng(1)
    x = rng.normal(size=(12, 5)).astype("float32")
    y = np.repeat(np.arange(4), 3)
    for squared in (True, False):
        d = ((x[:, None] - x[None]) ** 2).sum(-1)
        d = d if squared else np.sqrt(d)
        losses = []
        for i in range(len(x)):
            pos = [d[i, j] for j in range(len(x)) if j != i and y[j] == y[i]]
            neg = [d[i, k] for k in range(len(x)) if y[k] != y[i]]
            losses.append(max(max(pos) - min(neg) + 0.3, 0.0))
        value = float(batch_hard_triplet_loss(x, y, margin=0.3, squared=squared))
        assert value == pytest.approx(np.mean(losses), rel=1e-4)


def test_batch_hard_collapsed_embedding_costs_the_margin():
    # every image mapped to one point: the failure FaceNet warns of costs exactly the margin
    value = float(batch_hard_triplet_loss(np.zeros((6, 4)), [0, 0, 1, 1, 2, 2], 0.2))
    assert value == pytest.approx(0.2, rel=1e-5)


def test_batch_hard_without_valid_anchor_is_zero_and_checks_inputs():
    assert float(batch_hard_triplet_loss(np.eye(3), [0, 1, 2])) == 0.0
    with pytest.raises(ValueError, match="one label per embedding"):
        batch_hard_triplet_loss(EMBEDDINGS, LABELS[:3])
    with pytest.raises(ValueError, match="margin"):
        batch_hard_triplet_loss(EMBEDDINGS, LABELS, margin=-1)
    with pytest.raises(ValueError, match="2-D"):
        batch_hard_triplet_loss(EMBEDDINGS[:, 0], LABELS)


def test_pairwise_distances_symmetric_zero_diagonal():
    d = np.asarray(pairwise_distances(EMBEDDINGS, squared=False))
    assert np.allclose(d, d.T) and np.all(np.diag(d) == 0)
    assert d[0, 3] == pytest.approx(3.0) and d[2, 4] == pytest.approx(8.5)


def test_triplet_kinds_easy_semi_hard_hard():
    kinds = triplet_kinds(ANCHOR, POSITIVE, NEGATIVE, margin=0.2)
    assert list(kinds) == list(TRIPLET_KINDS)
    # every triplet with a positive loss is semi-hard or hard, every easy one costs 0
    rng = np.random.default_rng(2)
    a, p, n = rng.normal(size=(3, 50, 4))
    kinds = triplet_kinds(a, p, n, margin=0.5)
    per_triplet = [
        float(triplet_loss(a[i : i + 1], p[i : i + 1], n[i : i + 1], margin=0.5))
        for i in range(50)
    ]
    for kind, loss in zip(kinds, per_triplet):
        assert (kind == "easy") == (loss <= 1e-6)
    with pytest.raises(ValueError, match="same shape"):
        triplet_kinds(a, p[:3], n)
