"""Chapter 10, "Predict, then run": the shortcuts removed, the gradient at the first layer at initialisation."""

from course_lib.quiz import choice


def questions():
    return [
        choice(
            "Plain-56 and ResNet-56 start from the same random weights and see the same random batch, "
            "batch norm in training mode. How does the norm of the loss gradient at the first "
            "convolution of plain-56 compare with ResNet-56's?",
            {
                "It is far larger": (
                    True,
                    "Right: in a stack of batch-normalised layers without shortcuts the gradient grows "
                    "on its way back, layer after layer; the shortcuts keep it close to its size at the top.",
                ),
                "It is far smaller: it vanishes through 56 layers": (
                    False,
                    "That was the worry before batch normalisation; with it, the plain network's gradient "
                    "does not shrink towards the input. Run the cell to see which way it goes.",
                ),
                "About the same, since batch norm fixes every layer's scale": (
                    False,
                    "Batch norm fixes the scale of the activations going forward, not of the gradients "
                    "coming back.",
                ),
            },
        ),
        choice(
            "Suppose plain-56's first-layer gradient does not vanish. What does that say about "
            "why plain-56 trains worse than plain-20?",
            {
                "Vanishing gradients cannot be the whole explanation": (
                    True,
                    "Right: He et al. argue the same, having checked that their batch-normalised plain "
                    "networks keep healthy gradient norms; something else makes them hard to optimise.",
                ),
                "Nothing: a gradient at initialisation says nothing about training": (
                    False,
                    "It does rule out one explanation: the first layers do receive a signal to learn from.",
                ),
                "The deeper network must be overfitting after all": (
                    False,
                    "Its training error is the higher one; a gradient measurement cannot turn that into "
                    "overfitting.",
                ),
            },
        ),
    ]
