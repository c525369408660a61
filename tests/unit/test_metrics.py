"""IoU and Dice on masks whose answers are known by hand."""

import numpy as np
import pytest

from course_lib import metrics


def _row(*ones, size=10):
    m = np.zeros((1, size))
    m[0, list(ones)] = 1
    return m


def test_known_values():
    true, pred = _row(0, 1, 2, 3), _row(2, 3, 4, 5)  # overlap 2, union 6, sizes 4 + 4
    assert metrics.iou(true, pred) == pytest.approx(2 / 6)
    assert metrics.dice(true, pred) == pytest.approx(2 * 2 / 8)


def test_perfect_empty_and_disjoint():
    m = _row(1, 2)
    assert metrics.iou(m, m) == metrics.dice(m, m) == 1.0
    empty = np.zeros((1, 10))
    assert (
        metrics.iou(empty, empty) == metrics.dice(empty, empty) == 1.0
    )  # nothing to find, nothing found
    assert metrics.iou(m, _row(5, 6)) == metrics.dice(m, _row(5, 6)) == 0.0


def test_mean_over_images_and_threshold():
    true = np.stack([_row(0, 1)[0], _row(0, 1)[0]])[:, None]  # (2, 1, 10)
    pred = np.stack([_row(0, 1)[0] * 0.9, _row(0)[0] * 0.6])[:, None]
    assert metrics.iou(true, pred) == pytest.approx((1 + 0.5) / 2)
    assert metrics.iou(true, pred, threshold=0.7) == pytest.approx((1 + 0) / 2)


@pytest.mark.parametrize(
    "args, message",
    [
        ((np.zeros((2, 4, 4)), np.zeros((2, 4, 5))), "same shape"),
        ((np.zeros(4), np.zeros(4)), "at least 2-D"),
    ],
)
def test_bad_input(args, message):
    with pytest.raises(ValueError, match=message):
        metrics.iou(*args)
    with pytest.raises(ValueError, match="threshold"):
        metrics.dice(np.zeros((4, 4)), np.zeros((4, 4)), threshold=1.5)
