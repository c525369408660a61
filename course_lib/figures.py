"""Drawings the chapters share (matplotlib only, no framework import).

:func:`draw_sliding_window` is the picture behind the output-size formula: the
padded input as a grid, the taps of one kernel position, the cells that no
window ever reaches (when the stride does not divide), and the output grid.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import arithmetic as A

__all__ = ["WindowGeometry", "window_geometry", "draw_sliding_window"]

_INPUT, _PAD, _TAP, _UNUSED, _OUT, _OUT_HI = (
    "#ffffff",
    "#e6e6e6",
    "#4c72b0",
    "#f2b8b5",
    "#f7f7f7",
    "#dd8452",
)


@dataclass(frozen=True)
class WindowGeometry:
    """Where one window sits, in padded-input coordinates (one axis is enough: the grid is square)."""

    size: int
    kernel: int
    stride: int
    padding: int
    dilation: int
    output: int  # output side
    span: int  # kernel's effective size, dilation*(kernel-1)+1
    covered: int  # padded cells from the left that some window touches

    @property
    def padded(self) -> int:
        return self.size + 2 * self.padding

    @property
    def unused(self) -> int:
        """Cells at the end that no window reaches: the 'does it divide?' remainder."""
        return self.padded - self.covered

    def taps(self, i: int) -> list[int]:
        """Padded-input coordinates of the kernel's taps for output index ``i``."""
        return [i * self.stride + u * self.dilation for u in range(self.kernel)]


def window_geometry(
    size: int, kernel: int, stride: int = 1, padding: int = 0, dilation: int = 1
) -> WindowGeometry:
    """Sizes of the sliding-window picture; raises course_lib's clear error if the kernel does not fit."""
    out = A.conv_output_size(size, kernel, stride, padding, dilation)
    span = dilation * (kernel - 1) + 1
    return WindowGeometry(
        size, kernel, stride, padding, dilation, out, span, (out - 1) * stride + span
    )


def _cell(ax, x, y, colour, **kw):
    from matplotlib.patches import Rectangle

    ax.add_patch(
        Rectangle(
            (x, y), 1, 1, facecolor=colour, edgecolor="#555555", linewidth=0.6, **kw
        )
    )


def draw_sliding_window(
    ax,
    size: int,
    kernel: int,
    stride: int = 1,
    padding: int = 0,
    dilation: int = 1,
    position: tuple[int, int] = (0, 0),
    title: bool = True,
) -> WindowGeometry:
    """Draw a square input with padding, one kernel position and the output grid on ``ax``.

    ``position`` is the (row, column) of the highlighted output unit. Grey cells
    are zero padding; blue cells are the kernel's taps; pink cells are never
    covered by any window (the stride does not divide); orange is the output
    unit those taps produce.
    """
    g = window_geometry(size, kernel, stride, padding, dilation)
    row, col = position
    if not (0 <= row < g.output and 0 <= col < g.output):
        raise ValueError(
            f"draw_sliding_window: `position` must be within the {g.output}x{g.output} output, got {position}"
        )
    rows, cols = set(g.taps(row)), set(g.taps(col))
    n = g.padded
    for r in range(n):
        for c in range(n):
            inside = padding <= r < padding + size and padding <= c < padding + size
            colour = _INPUT if inside else _PAD
            if r >= g.covered or c >= g.covered:
                colour = _UNUSED
            if r in rows and c in cols:
                colour = _TAP
            _cell(ax, c, n - 1 - r, colour)
    gap = 2
    for r in range(g.output):
        for c in range(g.output):
            _cell(ax, n + gap + c, n - 1 - r, _OUT_HI if (r, c) == (row, col) else _OUT)
    ax.annotate(
        "",
        xy=(n + gap - 0.2, n - 0.5 - row),
        xytext=(n + 0.2, n - 0.5 - row),
        arrowprops={"arrowstyle": "->", "color": _OUT_HI},
    )
    ax.set_xlim(-0.5, n + gap + g.output + 0.5)
    ax.set_ylim(-0.5, n + 0.5)
    ax.set_aspect("equal")
    ax.axis("off")
    if title:
        ax.set_title(
            f"input {size}, kernel {kernel}, stride {stride}, pad {padding}, dilation {dilation}"
            f" → output {g.output}"
            + (f"\n({g.unused} row(s)/column(s) never covered)" if g.unused else ""),
            fontsize=9,
        )
    return g
