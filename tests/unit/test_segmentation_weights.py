"""U-Net's weight map (course_lib.segmentation_weights): border term, class balance, checks."""

import numpy as np
import pytest

from course_lib.segmentation_weights import distance_to, unet_weight_map


def _two_touching(gap=2, side=24):
    """Two square objects side by side with a `gap`-pixel strip of background between them."""
    labels = np.zeros((side, side), dtype=int)
    left = (side - gap) // 2
    labels[4:-4, 2:left] = 1
    labels[4:-4, left + gap : -2] = 2
    return labels, left


def test_distance_to_matches_brute_force():
    mask = np.random.default_rng(0).random((17, 23)) > 0.9
    ys, xs = np.nonzero(mask)
    rows, cols = np.indices(mask.shape)
    brute = np.sqrt(
        ((rows[..., None] - ys) ** 2 + (cols[..., None] - xs) ** 2).min(axis=-1)
    )
    np.testing.assert_allclose(distance_to(mask), brute)
    assert np.all(np.isinf(distance_to(np.zeros((3, 4), bool))))


def test_weights_peak_in_the_gap_between_touching_objects():
    labels, left = _two_touching(gap=2)
    w = unet_weight_map(labels, class_balance=False)
    background = labels == 0
    gap = np.zeros_like(background)
    gap[4:-4, left : left + 2] = True
    # the largest weight of the image lies in the gap, and every gap pixel outweighs
    # every background pixel away from it
    assert gap[np.unravel_index(np.argmax(w), w.shape)]
    assert w[gap].min() > w[background & ~gap].max()
    # a gap of 2 pixels: a gap pixel is 1 pixel from one object and 2 from the other, so
    # the peak is 1 + w0 * exp(-(1 + 2)^2 / (2 sigma^2))
    assert w.max() == pytest.approx(1 + 10 * np.exp(-9 / 50))
    # objects get no border term
    np.testing.assert_allclose(w[labels > 0], 1.0)


def test_border_term_falls_with_the_gap_and_with_sigma():
    narrow = unet_weight_map(_two_touching(gap=2)[0], class_balance=False).max()
    wide = unet_weight_map(_two_touching(gap=8)[0], class_balance=False).max()
    assert narrow > wide > 1
    labels = _two_touching(gap=8)[0]
    assert (
        unet_weight_map(labels, sigma=2.0, class_balance=False).max()
        < unet_weight_map(labels, sigma=10.0, class_balance=False).max()
    )
    np.testing.assert_allclose(
        unet_weight_map(labels, w0=0.0, class_balance=False), 1.0
    )


def test_class_balance_gives_each_class_the_same_total_weight():
    labels = np.zeros((20, 20), dtype=int)
    labels[2:8, 2:8] = 1  # 36 foreground pixels against 364 background pixels
    w = unet_weight_map(labels)
    assert w[labels > 0].sum() == pytest.approx(w[labels == 0].sum())
    assert w.mean() == pytest.approx(1.0)
    assert w[3, 3] > w[15, 15]  # the rare class weighs more per pixel
    # one class only: nothing to balance
    np.testing.assert_allclose(unet_weight_map(np.zeros((5, 5), int)), 1.0)


def test_a_single_object_gives_no_border_term():
    labels = np.zeros((16, 16), dtype=int)
    labels[3:9, 4:12] = 5
    np.testing.assert_allclose(unet_weight_map(labels, class_balance=False), 1.0)
    balanced = unet_weight_map(labels)
    assert set(np.round(np.unique(balanced), 9)) == set(
        np.round([256 / (2 * 48), 256 / (2 * 208)], 9)
    )


def test_the_same_class_split_into_two_ids_is_what_creates_the_border_term():
    labels, _ = _two_touching(gap=2)
    merged = (labels > 0).astype(int)  # one id for both: one object to the weight map
    np.testing.assert_allclose(unet_weight_map(merged, class_balance=False), 1.0)
    assert unet_weight_map(labels, class_balance=False).max() > 9


@pytest.mark.parametrize(
    "labels, kwargs, match",
    [
        (np.zeros((2, 3, 3), int), {}, "2-D array"),
        (np.zeros(5, int), {}, "2-D array"),
        (np.array([[0, -1], [1, 2]]), {}, "non-negative"),
        (np.array([[0.0, 1.5], [1.0, 2.0]]), {}, "integer object ids"),
        (np.zeros((3, 3), bool), {}, "integer object ids"),
        (np.zeros((3, 3), int), {"sigma": 0.0}, "`sigma` must be a positive number"),
        (np.zeros((3, 3), int), {"sigma": -5}, "`sigma` must be a positive number"),
        (np.zeros((3, 3), int), {"w0": -1.0}, "`w0` must be a non-negative number"),
        (np.zeros((3, 3), int), {"sigma": "5"}, "`sigma` must be a number"),
        (np.zeros((3, 3), int), {"class_balance": 1}, "True or False"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(labels, kwargs, match):
    with pytest.raises(ValueError, match=match):
        unet_weight_map(labels, **kwargs)


def test_float_labels_with_integer_values_are_accepted():
    labels = _two_touching()[0]
    np.testing.assert_allclose(
        unet_weight_map(labels.astype(float)), unet_weight_map(labels)
    )
