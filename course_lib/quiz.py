"""Self-test quizzes that work in the static book (no kernel) and in notebooks.

Built on jupyterquiz: the questions are embedded in the page with a little
JavaScript, so a click in the rendered HTML gives feedback at once. Numeric
answers are computed by course_lib, never typed in.
"""

from __future__ import annotations

import importlib
import random
import zlib
from unittest import mock

from . import arithmetic as A
from ._validate import check_int

__all__ = ["show", "questions", "QUIZZES"]


def _choice(question, options, explain=""):
    """A multiple-choice question: ``options`` maps answer text -> (correct, feedback)."""
    return {
        "question": question,
        "type": "multiple_choice",
        "answers": [
            {"answer": text, "correct": ok, "feedback": fb}
            for text, (ok, fb) in options.items()
        ],
    }


def _numeric(question, value, feedback_right, feedback_wrong, significant=None):
    """A numeric question whose answer is exactly ``value``; ``significant`` (1-100) compares
    answer and value after rounding both to that many significant digits instead.

    jupyterquiz rounds with JavaScript's ``toPrecision(precision)``, which throws for a
    precision outside 1-100, so the key is left out for exact answers rather than set to 0.
    """
    question_data = {"question": question, "type": "numeric"}
    if significant is not None:
        question_data["precision"] = check_int(
            "quiz", "significant", significant, 1, 100
        )
    question_data["answers"] = [
        {"type": "value", "value": value, "correct": True, "feedback": feedback_right},
        {"type": "default", "feedback": feedback_wrong},
    ]
    return question_data


def _counting():
    return [
        _choice(
            "Why does GoogLeNet put 1x1 convolutions before its 3x3 and 5x5 convolutions?",
            {
                "To reduce the number of channels, so the expensive convolutions do far fewer MACs": (
                    True,
                    "Right: a 1x1 'bottleneck' shrinks the depth the 5x5 filters must span.",
                ),
                "To enlarge the receptive field": (
                    False,
                    "A 1x1 convolution sees one pixel; it cannot enlarge the field.",
                ),
                "To downsample the image spatially": (
                    False,
                    "They use stride 1; the spatial size is unchanged.",
                ),
            },
        ),
        _choice(
            "A paper reports 3.8 GFLOPs for a network; the profiler says 3.86 G MACs. What is most likely?",
            {
                "The paper's 'FLOPs' are multiply-adds, i.e. MACs": (
                    True,
                    "Yes: the ResNet paper counts multiply-adds.",
                ),
                "The profiler counts twice too many operations": (
                    False,
                    "FLOPs would be about twice the MACs, not equal.",
                ),
                "The network is different": (
                    False,
                    "A 1.5% gap is rounding; the units are the real question.",
                ),
            },
        ),
        _numeric(
            "How many pixels wide is the receptive field of three stacked 3x3, stride-1 convolutions?",
            A.receptive_field([(3, 1)] * 3).size,
            "Right: each 3x3 layer adds 2 pixels.",
            "Each stride-1 3x3 layer adds 2 pixels to the field.",
        ),
        _numeric(
            "How many parameters (with biases) has a 3x3 convolution from 64 to 128 channels?",
            A.conv_params(64, 128, 3),
            "Right: 128 x (3x3x64 + 1).",
            "Use N x (k x k x C + 1) with N = 128 filters and C = 64 input channels.",
        ),
    ]


def _cross_correlation():
    return [
        _choice(
            "What does keras.layers.Conv2D compute?",
            {
                "A cross-correlation: the kernel slides without being flipped": (
                    True,
                    "Right: every framework skips the flip, and calls it convolution anyway.",
                ),
                "A true convolution with the kernel flipped": (
                    False,
                    "No flip happens; try it in this chapter's code.",
                ),
                "A Fourier-domain product": (
                    False,
                    "Some libraries use FFTs internally, but the result is a cross-correlation.",
                ),
            },
        ),
        _choice(
            "Why does it not matter for learning that the kernel is not flipped?",
            {
                "The network learns the kernel, so it can learn the flipped one just as well": (
                    True,
                    "Yes: flipping is a fixed relabelling of the weights.",
                ),
                "Because kernels are always symmetric": (
                    False,
                    "Sobel kernels, for one, are antisymmetric.",
                ),
                "Because the bias corrects it": (
                    False,
                    "The bias adds a constant; it cannot undo a flip.",
                ),
            },
        ),
        _choice(
            "What makes convolution layers suited to images, compared with dense layers?",
            {
                "Local connections and shared weights: few parameters, and the same detector everywhere": (
                    True,
                    "Right: that is also why a shifted input gives a shifted output (equivariance).",
                ),
                "They need no biases": (
                    False,
                    "Convolutions have one bias per filter.",
                ),
                "They always reduce the spatial size": (
                    False,
                    "With 'same' padding and stride 1 the size is kept.",
                ),
            },
        ),
        _choice(
            "A stride-1 convolution is shift-equivariant. What does that mean?",
            {
                "Shifting the input shifts the output by the same amount": (
                    True,
                    "Right: the same kernel is applied everywhere, so features move with the image.",
                ),
                "Shifting the input leaves the output unchanged": (
                    False,
                    "That is invariance; pooling gives some of it.",
                ),
                "The output does not depend on the input's position at all": (
                    False,
                    "It does: it moves with it.",
                ),
            },
        ),
        _numeric(
            "How many parameters has a layer of 4 filters of 3x3 over 3 input channels (with biases)?",
            A.conv_params(3, 4, 3),
            "Right: 4 x (3x3x3 + 1).",
            "Use N x (k1 x k2 x C + 1).",
        ),
    ]


def _big_ideas():
    vgg_fc1 = A.dense_params(7 * 7 * 512, 4096)  # VGG-16's first fully connected layer
    return [
        _choice(
            "Why could ResNet train 152 layers when plain networks of 56 layers trained worse than 20-layer ones?",
            {
                "Each block learns a correction F(x) added to an identity shortcut, so extra blocks can start near the identity and gradients flow through the shortcuts": (
                    True,
                    "Right: the degradation problem was one of optimisation, not overfitting.",
                ),
                "Because residual networks have far more parameters": (
                    False,
                    "ResNet-34 has about as many as plain-34: the shortcuts are identities.",
                ),
                "Because they use dropout": (
                    False,
                    "ResNet uses batch normalization, not dropout, in its blocks.",
                ),
            },
        ),
        _choice(
            "GoogLeNet and ResNet end with global average pooling instead of AlexNet's and VGG's large fully connected layers. What does that save?",
            {
                f"Most of the parameters: VGG-16's first fully connected layer alone holds {vgg_fc1 / 1e6:.0f} million": (
                    True,
                    "Yes, and the network also accepts other input sizes.",
                ),
                "Most of the operations": (
                    False,
                    "The convolutions dominate the MACs; the dense layers dominate the parameters.",
                ),
                "Nothing: it is only for visualisation": (
                    False,
                    "Count VGG-16's fc1 parameters to see.",
                ),
            },
        ),
        _choice(
            "What did MobileNet trade to cut operations by about 8x?",
            {
                "Full convolutions for depthwise separable ones, at about one point of ImageNet accuracy": (
                    True,
                    "Right: 4,866 M vs 569 M Mult-Adds, 71.7% vs 70.6% top-1 (paper, Table 4).",
                ),
                "Depth: it has fewer layers than AlexNet": (False, "It has 28 layers."),
                "Resolution: it only accepts 64x64 images": (
                    False,
                    "It runs at 224x224; smaller resolutions are an option.",
                ),
            },
        ),
    ]


def _backprop():
    return [
        _choice(
            "What is dL/dW of a convolution layer, in words?",
            {
                "The layer's input cross-correlated with the upstream gradient": (
                    True,
                    "Right: every weight meets every input pixel it multiplied, weighted by that output's gradient.",
                ),
                "The upstream gradient convolved with the flipped kernel": (
                    False,
                    "That is dL/dX.",
                ),
                "The upstream gradient summed over all positions": (
                    False,
                    "That is dL/db.",
                ),
            },
        ),
        _choice(
            "Why does dL/dX involve the kernel flipped?",
            {
                "Input pixel x[i] fed output y[i-u] through weight w[u]: collecting those terms runs through the kernel backwards": (
                    True,
                    "Yes: the forward pass is a cross-correlation, so its adjoint is a true convolution.",
                ),
                "Because frameworks store kernels upside down": (
                    False,
                    "They do not; the flip comes from the index algebra.",
                ),
                "It does not: dL/dX uses the kernel as it is": (
                    False,
                    "Try the 1-D example of this chapter.",
                ),
            },
        ),
        _choice(
            "Max pooling's backward pass sends each window's gradient...",
            {
                "...to the position of the window's maximum, and zero to the rest": (
                    True,
                    "Right: only that value affected the output.",
                ),
                "...equally to every position of the window": (
                    False,
                    "That is average pooling.",
                ),
                "...nowhere: pooling has no parameters, so no gradient": (
                    False,
                    "No parameters, but the input still needs its gradient.",
                ),
            },
        ),
        _numeric(
            "A numerical gradient check with central differences of a layer with 1,000 weights needs how many forward passes?",
            2 * 1000,
            "Right: f(w + eps) and f(w - eps) for each weight.",
            "Two passes per weight.",
        ),
    ]


def _shapes():
    return [
        _numeric(
            "Output side of a 5x5 convolution, stride 2, padding 2, on a 32x32 input?",
            A.conv_output_size(32, 5, 2, 2),
            "Right: floor((32 - 5 + 4)/2) + 1.",
            "Use floor((W - F + 2P)/S) + 1.",
        ),
        _choice(
            "What does Keras' padding='same' guarantee?",
            {
                "An output of ceil(W / S): the input size divided by the stride, rounded up": (
                    True,
                    "Right: for stride 1 the size is kept. Keras adds any odd pixel of padding at the bottom/right.",
                ),
                "The same number of parameters as 'valid'": (
                    False,
                    "True, but padding never changes the parameter count; that is not what 'same' names.",
                ),
                "An output the same size as the input, for any stride": (
                    False,
                    "Only for stride 1.",
                ),
            },
        ),
        _choice(
            "A 3x3 stride-3 convolution runs over a 7x7 input without padding. What happens to the last row?",
            {
                "No window reaches it; frameworks drop it (the formula floors)": (
                    True,
                    "Right: (7 - 3)/3 + 1 = 2.33, floored to 2.",
                ),
                "It raises an error in every framework": (
                    False,
                    "Keras and PyTorch floor silently; course_lib raises only with exact=True.",
                ),
                "It is padded automatically": (False, "Only if you ask for padding."),
            },
        ),
    ]


def _receptive_fields():
    three = A.receptive_field([(3, 1)] * 3).size
    return [
        _numeric(
            "Receptive field of three stacked 3x3 stride-1 convolutions?",
            three,
            "Right: 3, then 5, then 7.",
            "Each stride-1 3x3 layer adds 2.",
        ),
        _choice(
            "Why did VGG stack 3x3 convolutions instead of using 7x7 ones?",
            {
                "Three 3x3 layers see as far as one 7x7 with 27C² instead of 49C² weights, and add two non-linearities": (
                    True,
                    "Right: the VGG paper's own argument (Simonyan and Zisserman 2015, section 2.3).",
                ),
                "3x3 kernels see further than 7x7 kernels": (
                    False,
                    "One 3x3 sees 3x3; only the stack sees 7x7.",
                ),
                "GPUs cannot run 7x7 kernels": (
                    False,
                    "AlexNet's 11x11 ran on GPUs in 2012.",
                ),
            },
        ),
        _choice(
            "How does the effective receptive field compare with the theoretical one?",
            {
                "It is roughly Gaussian and covers only part of the theoretical square": (
                    True,
                    "Right (Luo et al. 2016): the centre pixels have many more paths to the output.",
                ),
                "It always equals the theoretical field": (
                    False,
                    "Measure it in this chapter: most of the mass sits near the centre.",
                ),
                "It is larger than the theoretical field": (
                    False,
                    "No pixel outside the theoretical field has any influence.",
                ),
            },
        ),
    ]


def _equivariance():
    return [
        _choice(
            "Shift an image by one pixel. What happens to a stride-1 convolution's output?",
            {
                "It shifts by one pixel too (away from the borders)": (
                    True,
                    "Right: equivariance.",
                ),
                "It stays the same": (False, "That would be invariance."),
                "It changes unpredictably": (
                    False,
                    "The same kernel is applied everywhere, so it simply moves.",
                ),
            },
        ),
        _choice(
            "Which part of a CNN makes its class scores (nearly) invariant to small shifts?",
            {
                "Pooling, especially global average pooling at the end": (
                    True,
                    "Right; strided layers weaken it again.",
                ),
                "The first convolution": (False, "It is equivariant, not invariant."),
                "The bias terms": (
                    False,
                    "Biases are the same everywhere; they do not pool over positions.",
                ),
            },
        ),
        _numeric(
            "A network's total stride is 32. What is the smallest input shift that shifts its last feature map by exactly one position?",
            A.receptive_field([(3, 2)] * 5).jump,
            "Right: 2^5.",
            "Multiply the strides of all layers.",
        ),
    ]


QUIZZES = {
    "counting": _counting,
    "cross-correlation": _cross_correlation,
    "big-ideas": _big_ideas,
    "backprop": _backprop,
    "shapes": _shapes,
    "receptive-fields": _receptive_fields,
    "equivariance": _equivariance,
}


def questions(name: str) -> list[dict]:
    """The questions of quiz ``name`` as jupyterquiz dictionaries."""
    if name not in QUIZZES:
        raise ValueError(f"quiz: unknown quiz {name!r}; available: {sorted(QUIZZES)}")
    return QUIZZES[name]()


# jupyterquiz (2.9.6) reads MathJax.version 0.5 s after drawing a quiz. On a slow page the book's MathJax
# is still loading then: the global holds only its configuration, the read throws a TypeError in the
# reader's console, and a MathJax without `typeset` makes the quiz fetch MathJax from a CDN. The quiz's
# script therefore waits (at most 10 s) until MathJax is ready; where there is no MathJax (Colab,
# JupyterLab without it) it runs at once.
WAIT_FOR_MATHJAX = """(function courseQuiz(started) {
  var loading = typeof MathJax !== 'undefined' && !(MathJax.version && typeof MathJax.typeset === 'function');
  if (loading && Date.now() - started < 10000) { setTimeout(function () { courseQuiz(started); }, 100); return; }
%s
})(Date.now());"""


def _display_waiting_for_mathjax(*objects, **options):
    from IPython.display import Javascript, display

    display(
        *(
            Javascript(WAIT_FOR_MATHJAX % shown.data)
            if isinstance(shown, Javascript)
            else shown
            for shown in objects
        ),
        **options,
    )


def show(name: str) -> None:
    """Display quiz ``name`` (stable element ids, so stored outputs do not churn)."""
    from jupyterquiz import display_quiz

    state = random.getstate()
    random.seed(
        zlib.crc32(name.encode())
    )  # jupyterquiz draws its element id from `random`
    try:
        with mock.patch.object(
            importlib.import_module("jupyterquiz.dynamic.display"),
            "display",
            _display_waiting_for_mathjax,
        ):
            # the browser shuffles the options on every visit: the right one is not always first
            display_quiz(questions(name), shuffle_answers=True)
    finally:
        random.setstate(state)
