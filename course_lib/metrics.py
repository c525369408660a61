"""Segmentation scores for binary masks: intersection over union and Dice.

Both compare a predicted mask with the true one pixel by pixel, per image,
and average over images. Probabilities are thresholded at ``threshold``.
An image where both masks are empty scores 1 (nothing to find, nothing found).
"""

from __future__ import annotations

import numpy as np

__all__ = ["iou", "dice"]


def _binary_pair(func, y_true, y_pred, threshold):
    t, p = np.asarray(y_true), np.asarray(y_pred)
    if t.shape != p.shape:
        raise ValueError(
            f"{func}: y_true and y_pred must have the same shape, got {t.shape} and {p.shape}"
        )
    if t.ndim < 2:
        raise ValueError(
            f"{func}: masks must be at least 2-D (height, width), got shape {t.shape}"
        )
    if not 0 < threshold < 1:
        raise ValueError(f"{func}: `threshold` must be in (0, 1), got {threshold!r}")
    if t.ndim == 2:
        t, p = t[None], p[None]
    n = t.shape[0]
    return t.reshape(n, -1) >= threshold, p.reshape(n, -1) >= threshold


def iou(y_true, y_pred, threshold: float = 0.5) -> float:
    """Mean over images of |A and B| / |A or B| (Jaccard index), in [0, 1]."""
    t, p = _binary_pair("iou", y_true, y_pred, threshold)
    inter, union = (t & p).sum(1), (t | p).sum(1)
    return float(np.where(union == 0, 1.0, inter / np.maximum(union, 1)).mean())


def dice(y_true, y_pred, threshold: float = 0.5) -> float:
    """Mean over images of 2 |A and B| / (|A| + |B|) (F1 score of the pixels), in [0, 1]."""
    t, p = _binary_pair("dice", y_true, y_pred, threshold)
    inter, total = (t & p).sum(1), t.sum(1) + p.sum(1)
    return float(np.where(total == 0, 1.0, 2 * inter / np.maximum(total, 1)).mean())
