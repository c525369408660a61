"""Chapter 02 (backpropagation through convolution)."""

from course_lib.quiz import choice, numeric


def questions():
    return [
        choice(
            "What is dL/dW of a convolution layer, in words?",
            {
                "The input cross-correlated with the upstream gradient": (
                    True,
                    "Right: every weight meets every input pixel it multiplied, weighted by that output's gradient.",
                ),
                "The upstream gradient convolved with the layer's flipped kernel": (
                    False,
                    "That is dL/dX, the gradient sent on to the layer below.",
                ),
                "The upstream gradient summed over all output positions of each filter": (
                    False,
                    "That is dL/db, the bias gradient.",
                ),
            },
        ),
        choice(
            "Why does dL/dX involve the kernel flipped?",
            {
                "The index algebra runs through the kernel backwards": (
                    True,
                    "Yes: pixel x[i] fed output y[i-u] through weight w[u], so the forward cross-correlation's adjoint is a true convolution.",
                ),
                "Because frameworks store their kernels upside down in memory": (
                    False,
                    "They do not; the flip comes from the index algebra.",
                ),
                "It does not: dL/dX uses the kernel exactly as it is stored": (
                    False,
                    "Work the 1-D example of this chapter by hand to see the flip.",
                ),
            },
        ),
        choice(
            "Max pooling's backward pass sends each window's gradient...",
            {
                "...to the window's maximum, and zero elsewhere": (
                    True,
                    "Right: only that value affected the output.",
                ),
                "...equally to every position of the window, divided by its size": (
                    False,
                    "That is average pooling's backward pass.",
                ),
                "...nowhere: pooling has no parameters, so it needs no gradient": (
                    False,
                    "No parameters, but the layers below still need the gradient for their input.",
                ),
            },
        ),
        choice(
            "A convolution's output is used by two later layers. What is its upstream gradient?",
            {
                "The sum of the two layers' gradients": (
                    True,
                    "Right: a value used twice collects the gradient of each use (the multivariable chain rule).",
                ),
                "The larger of the two gradients, element by element": (
                    False,
                    "Both uses change the loss; neither is dropped.",
                ),
                "Their average, so that the step size does not double": (
                    False,
                    "The chain rule adds the contributions; it does not average them.",
                ),
            },
        ),
        choice(
            "Why is the same 3x3 kernel's gradient a sum over all output positions?",
            {
                "The kernel is shared by every position": (
                    True,
                    "Right: each position that used a weight adds its share, as for a value used many times.",
                ),
                "Because the optimiser averages the gradients of a mini-batch": (
                    False,
                    "That is a sum over examples; the sum over positions holds for one image too.",
                ),
                "Because a convolution layer's loss is computed at each output position": (
                    False,
                    "There is one loss; the sum comes from the weight sharing.",
                ),
            },
        ),
        choice(
            "A central-difference check with eps = 1e-6 in float32 disagrees with backprop by about 1e-2. What is most likely?",
            {
                "The step size is too small for float32": (
                    True,
                    "Right: with eps ~ 1e-6 the differences drown in rounding; check in float64 or with a larger eps.",
                ),
                "Backpropagation is only an approximation of the true gradient": (
                    False,
                    "Backprop is exact up to rounding; the finite difference is the approximation.",
                ),
                "The network has too many layers for the chain rule to apply": (
                    False,
                    "The chain rule holds for any depth.",
                ),
            },
        ),
        numeric(
            "A numerical gradient check with central differences of a layer with 1,000 weights needs how many forward passes?",
            2 * 1000,
            "Right: f(w + eps) and f(w - eps) for each weight.",
            "Two passes per weight.",
        ),
        choice(
            "Why is the input gradient of a convolution called a transposed convolution?",
            {
                "It multiplies the upstream gradient by the transpose of the convolution's matrix": (
                    True,
                    "Right: the layer is vec(Y) = A vec(X), so dL/dX = A^T dL/dY.",
                ),
                "Because it swaps the image's height and width axes": (
                    False,
                    "No axes of the image are swapped; the transpose is of the linear map.",
                ),
                "Because it is the inverse of the convolution": (
                    False,
                    "A transpose is not an inverse: A^T A is not the identity.",
                ),
            },
        ),
        choice(
            "A float32 gradient check with h = 1e-6 disagrees badly; with h = 1e-2 it agrees. Why?",
            {
                "Rounding error grows like 1/h and dominates at small steps in float32": (
                    True,
                    "Right: the best step is near the cube root of the unit roundoff.",
                ),
                "Truncation error grows as the step shrinks": (
                    False,
                    "Truncation error shrinks like h squared; it is rounding that grows.",
                ),
                "The backward pass has a bug that only shows at small steps": (
                    False,
                    "A real bug gives an error that does not change with h.",
                ),
            },
        ),
        numeric(
            "For a stride-1, unpadded convolution, the backward pass (dL/dW and dL/dX together) "
            "costs how many times the forward pass's multiply-accumulates?",
            2,
            "Right: each gradient needs as many products as the forward pass.",
            "Count the products of each gradient's sum: each equals the forward count.",
        ),
    ]
