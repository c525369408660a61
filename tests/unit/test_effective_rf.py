"""Effective receptive fields (by autodiff) against the theoretical field, and the chapter figures."""

import matplotlib
import numpy as np
import pytest

matplotlib.use("Agg")
import keras  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402

from course_lib import arithmetic as A  # noqa: E402
from course_lib.effective_rf import (
    centred_mass_side,
    effective_receptive_field,
    support_side,
)  # noqa: E402
from course_lib.explorer import conv_explorer, describe_conv  # noqa: E402
from course_lib.figures import draw_sliding_window, window_geometry  # noqa: E402


def _stack(layers, size=33):
    inputs = keras.Input((size, size, 1))
    x = inputs
    for i in range(layers):
        x = keras.layers.Conv2D(4, 3, padding="same", name=f"conv{i}")(x)
    return keras.Model(inputs, x)


def test_erf_stays_inside_the_theoretical_field():
    keras.utils.set_random_seed(0)
    erf = effective_receptive_field(_stack(4), samples=2)
    theory = A.receptive_field([(3, 1)] * 4).size  # 9
    assert erf.shape == (33, 33) and np.isclose(erf.sum(), 1)
    assert support_side(erf) == (theory, theory)
    assert centred_mass_side(erf, 1.0) == theory
    assert centred_mass_side(erf, 0.5) < theory


def test_erf_of_a_named_layer_and_errors():
    model = _stack(3)
    erf = effective_receptive_field(model, layer="conv0", samples=1)
    assert centred_mass_side(erf, 1.0) == 3
    with pytest.raises(ValueError, match="no layer 'nope'"):
        effective_receptive_field(model, layer="nope")
    with pytest.raises(ValueError, match="positive int"):
        effective_receptive_field(model, samples=0)
    with pytest.raises(ValueError, match="fraction"):
        centred_mass_side(erf, 0)


@pytest.mark.parametrize(
    "size, kernel, stride, padding, dilation",
    [(7, 3, 1, 0, 1), (7, 3, 2, 1, 1), (8, 3, 3, 0, 1), (9, 3, 1, 0, 2)],
)
def test_sliding_window_geometry(size, kernel, stride, padding, dilation):
    g = window_geometry(size, kernel, stride, padding, dilation)
    assert g.output == A.conv_output_size(size, kernel, stride, padding, dilation)
    assert g.taps(g.output - 1)[-1] == g.covered - 1 <= g.padded - 1
    assert g.unused == (size + 2 * padding - g.span) % stride
    fig, ax = plt.subplots()
    draw_sliding_window(
        ax, size, kernel, stride, padding, dilation, position=(g.output - 1, 0)
    )
    plt.close(fig)


def test_explorer_text_and_widget():
    text = describe_conv(7, 3, 3, 0, 1, 3, 8)
    assert (
        "= 2" in text
        and "remainder of 1" in text
        and f"parameters {A.conv_params(3, 8, 3):,}" in text
    )
    with pytest.raises(ValueError, match="larger than the padded input"):
        describe_conv(3, 5, 1, 0, 1, 1, 1)
    box = conv_explorer()
    assert len(box.children) == 2
    with pytest.raises(ValueError, match="within the 5x5 output"):
        draw_sliding_window(plt.gca(), 7, 3, position=(5, 0))
