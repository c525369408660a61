"""U-Net's weight map: class balancing plus a penalty on the gaps between touching objects.

Ronneberger et al. (MICCAI 2015, Section 3) train U-Net with a pixel-wise cross-entropy in
which every pixel ``x`` has its own weight

    w(x) = w_c(x) + w0 * exp(-(d1(x) + d2(x))**2 / (2 * sigma**2)),

where ``w_c`` balances the class frequencies, ``d1`` is the distance to the nearest object
and ``d2`` the distance to the second nearest. The second term is large only where two
objects come close, which is where the thin strips of background that separate touching cells
lie; the paper uses ``w0 = 10`` and ``sigma`` of about 5 pixels. The map is computed once
per ground-truth mask, before training::

    >>> import numpy as np
    >>> labels = np.zeros((9, 9), int)
    >>> labels[:, :4], labels[:, 5:] = 1, 2            # two objects, a one-pixel gap
    >>> w = unet_weight_map(labels, class_balance=False)
    >>> float(w[4, 4]) > 10                             # the gap pixel: 1 + 10 * exp(-4/50)
    True

The module uses NumPy only (it prepares data; it builds no layer).
"""

from __future__ import annotations

import numbers

import numpy as np

__all__ = ["unet_weight_map", "distance_to"]


def distance_to(mask: np.ndarray) -> np.ndarray:
    """Euclidean distance from every pixel to the nearest ``True`` pixel of ``mask`` (2-D).

    Exact, by two separable passes over squared distances (first along the columns, then
    along the rows); pixels of the mask get 0. An empty mask gives ``inf`` everywhere.
    """
    mask = np.asarray(mask, dtype=bool)
    if mask.ndim != 2:
        raise ValueError(
            f"distance_to: `mask` must be a 2-D array, got shape {mask.shape}"
        )
    h, w = mask.shape
    if not mask.any():
        return np.full((h, w), np.inf)
    cost = np.where(mask, 0.0, np.inf)  # 0 on the mask, unreachable elsewhere
    rows = np.arange(h, dtype=float)
    # pass 1: g[i, j] = min over i' of (i - i')**2 + cost[i', j], the nearest in column j
    g = np.empty((h, w))
    for i in range(h):
        g[i] = (((i - rows) ** 2)[:, None] + cost).min(axis=0)
    cols = np.arange(w, dtype=float)
    # pass 2: d2[i, j] = min over j' of (j - j')**2 + g[i, j']
    d2 = np.empty((h, w))
    for j in range(w):
        d2[:, j] = (((j - cols) ** 2)[None, :] + g).min(axis=1)
    return np.sqrt(d2)


def _check_labels(instance_labels) -> np.ndarray:
    labels = np.asarray(instance_labels)
    if labels.ndim != 2:
        raise ValueError(
            "unet_weight_map: `instance_labels` must be a 2-D array (height, width) of "
            f"object ids, got shape {labels.shape}"
        )
    if labels.dtype == bool or not (
        np.issubdtype(labels.dtype, np.integer)
        or (
            np.issubdtype(labels.dtype, np.floating)
            and np.all(np.isfinite(labels))
            and np.all(labels == np.round(labels))
        )
    ):
        raise ValueError(
            "unet_weight_map: `instance_labels` must hold integer object ids (0 for the "
            f"background, 1, 2, ... for the objects), got dtype {labels.dtype}"
        )
    if labels.size and labels.min() < 0:
        raise ValueError(
            "unet_weight_map: `instance_labels` must be non-negative (0 is the "
            f"background), got a minimum of {labels.min()}"
        )
    return labels.astype(np.int64)


def _check_number(name, value, positive):
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ValueError(
            f"unet_weight_map: `{name}` must be a number, got {value!r} of type "
            f"{type(value).__name__}"
        )
    if not np.isfinite(value) or value < 0 or (positive and value == 0):
        allowed = "a positive number" if positive else "a non-negative number"
        raise ValueError(f"unet_weight_map: `{name}` must be {allowed}, got {value!r}")
    return float(value)


def unet_weight_map(
    instance_labels,
    w0: float = 10.0,
    sigma: float = 5.0,
    class_balance: bool = True,
) -> np.ndarray:
    """The per-pixel loss weights of U-Net (Ronneberger et al. 2015, Section 3, eq. 2).

    ``instance_labels`` is a 2-D integer array: 0 for the background, and one id (1, 2, ...)
    per object, so that two touching cells of the same class are still told apart. Returns a
    float array of the same shape,

        w(x) = w_c(x) + w0 * exp(-(d1(x) + d2(x))**2 / (2 * sigma**2)),

    * ``w_c`` balances the two classes (background, and foreground = any object): with
      ``class_balance=True`` a pixel of class c gets ``n / (k * n_c)`` (n pixels, k classes
      present, n_c pixels of class c), so both classes carry the same total weight and the
      mean of ``w_c`` is 1; with ``class_balance=False``, ``w_c = 1``.
    * ``d1`` and ``d2`` are the Euclidean distances (in pixels) from x to the nearest and the
      second nearest object, measured to the object's nearest pixel, i.e. its border. The
      border term is added on background pixels only: those are the separating strips the
      paper draws in its Figure 3 (inside an object ``d1`` would be 0 and the term would
      mark the object's own rim). With fewer than two objects there is no such term.

    ``w0`` (paper: 10) scales the border term and ``sigma`` (paper: about 5 pixels) sets how
    far from the gap it reaches. Raises ``ValueError`` for labels that are not a 2-D array of
    non-negative integers, for ``sigma <= 0`` and for a negative ``w0``.
    """
    labels = _check_labels(instance_labels)
    w0 = _check_number("w0", w0, positive=False)
    sigma = _check_number("sigma", sigma, positive=True)
    if not isinstance(class_balance, bool):
        raise ValueError(
            f"unet_weight_map: `class_balance` must be True or False, got {class_balance!r}"
        )

    foreground = labels > 0
    weights = np.ones(labels.shape, dtype=float)
    if class_balance and labels.size:
        counts = {c: int(np.sum(foreground == c)) for c in (False, True)}
        present = [c for c, n in counts.items() if n > 0]
        for c in present:
            weights[foreground == c] = labels.size / (len(present) * counts[c])

    ids = [i for i in np.unique(labels) if i > 0]
    if len(ids) >= 2 and w0 > 0:
        distances = np.stack([distance_to(labels == i) for i in ids])
        distances.sort(axis=0)  # per pixel: nearest object first
        d1, d2 = distances[0], distances[1]
        border = w0 * np.exp(-((d1 + d2) ** 2) / (2.0 * sigma**2))
        weights = weights + np.where(foreground, 0.0, border)
    return weights
