"""Interactive explorers for the chapters (ipywidgets; need a running kernel).

In the static book a widget cannot run, so every chapter that shows an
explorer also draws the same picture with fixed settings underneath.
"""

from __future__ import annotations

from . import arithmetic as A
from .figures import draw_sliding_window, window_geometry

__all__ = ["conv_explorer", "describe_conv"]


def describe_conv(
    size, kernel, stride, padding, dilation, in_channels, out_channels
) -> str:
    """One paragraph of numbers for a square convolution: output size (with the formula), params and MACs."""
    g = window_geometry(size, kernel, stride, padding, dilation)
    numerator = g.padded - g.span
    divides = (
        "divides evenly"
        if not g.unused
        else f"leaves a remainder of {g.unused} (floored)"
    )
    params = A.conv_params(in_channels, out_channels, kernel)
    macs = A.conv_macs(g.output, in_channels, out_channels, kernel)
    return (
        f"output = ⌊({size} + 2·{padding} − {g.span}) / {stride}⌋ + 1 = {g.output}  "
        f"[{numerator} / {stride} {divides}]\n"
        f"output shape {g.output}×{g.output}×{out_channels}; parameters {params:,}; MACs {macs:,}"
    )


def conv_explorer(
    size=7, kernel=3, stride=1, padding=0, dilation=1, in_channels=3, out_channels=8
):
    """Sliders for one convolution's settings; shows the window, the output size, params and MACs.

    Returns an ipywidgets ``VBox``: display it (it is the last expression of a cell).
    Settings for which the kernel does not fit show course_lib's error message
    instead of a picture.
    """
    try:
        import ipywidgets as W
    except (
        ImportError
    ) as error:  # pragma: no cover - ipywidgets ships with Colab and the course
        raise ImportError(
            "conv_explorer needs ipywidgets: pip install ipywidgets"
        ) from error
    import matplotlib.pyplot as plt

    sliders = {
        "size": W.IntSlider(size, 3, 16, description="input"),
        "kernel": W.IntSlider(kernel, 1, 7, description="kernel"),
        "stride": W.IntSlider(stride, 1, 4, description="stride"),
        "padding": W.IntSlider(padding, 0, 3, description="padding"),
        "dilation": W.IntSlider(dilation, 1, 3, description="dilation"),
        "in_channels": W.IntSlider(in_channels, 1, 512, description="C in"),
        "out_channels": W.IntSlider(out_channels, 1, 512, description="C out"),
        "row": W.IntSlider(0, 0, 15, description="out row"),
        "col": W.IntSlider(0, 0, 15, description="out col"),
    }

    def show(
        size, kernel, stride, padding, dilation, in_channels, out_channels, row, col
    ):
        try:
            text = describe_conv(
                size, kernel, stride, padding, dilation, in_channels, out_channels
            )
        except ValueError as error:
            print(error)
            return
        out = window_geometry(size, kernel, stride, padding, dilation).output
        print(text)
        fig, ax = plt.subplots(figsize=(7, 4))
        draw_sliding_window(
            ax,
            size,
            kernel,
            stride,
            padding,
            dilation,
            (min(row, out - 1), min(col, out - 1)),
        )
        plt.show()

    output = W.interactive_output(show, sliders)
    controls = W.HBox(
        [W.VBox(list(sliders.values())[:5]), W.VBox(list(sliders.values())[5:])]
    )
    box = W.VBox([controls, output])
    return box
