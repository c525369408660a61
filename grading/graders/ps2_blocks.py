"""Problem set 2: a residual block and an Inception module in Keras.

Each block is built in the sandbox on the grader's input, given seeded weights and run
once; the reference block here gets the same weights (matched by shape) and must give
the same output. Equal parameter counts alone would pass a block without its shortcut.
"""

from __future__ import annotations


from autograder.spec import BlockCase, BlockQuestion

ASSIGNMENT = "ps2_blocks"
NOTEBOOK = "blocks.ipynb"
FORBID = ("course_lib",)
KERAS = True

BRANCHES = ("1x1", "3x3", "5x5", "pool")
DEFAULT = {"q2_order": list(BRANCHES), "q2_order_text": "1x1, 3x3, 5x5, pool"}


def draw(rng) -> dict:
    order = [BRANCHES[i] for i in rng.permutation(len(BRANCHES))]
    return {"q2_order": order, "q2_order_text": ", ".join(order)}


# --- Q1 ---------------------------------------------------------------------------------------------
def residual_cases(params, rng) -> list[BlockCase]:
    """An identity shortcut, a strided projection and a channels-only projection."""
    cases = []
    for kind in ("identity", "strided", "wider"):
        channels = int(rng.choice([4, 6, 8]))
        filters = channels if kind == "identity" else 2 * channels
        stride = 2 if kind == "strided" else 1
        size = int(rng.choice([6, 8]))
        x = rng.normal(size=(2, size, size, channels)).astype("float32")
        cases.append(BlockCase(x, (filters, stride), seed=int(rng.integers(1 << 31))))
    return cases


def residual_reference(params, case):
    from course_lib.models import residual_block

    filters, stride = case.args
    return lambda x: residual_block(x, filters, stride, shortcut="B", name="reference")


# --- Q2 ---------------------------------------------------------------------------------------------
def inception_cases(params, rng) -> list[BlockCase]:
    cases = []
    for _ in range(2):
        channels = int(rng.choice([6, 8, 12]))
        filters = tuple(int(rng.integers(2, 9)) for _ in range(6))
        x = rng.normal(size=(2, 6, 6, channels)).astype("float32")
        cases.append(BlockCase(x, filters, seed=int(rng.integers(1 << 31))))
    return cases


def inception_reference(params, case):
    from keras import layers

    f1, f3r, f3, f5r, f5, pool_proj = case.args

    def conv(t, n, k):
        return layers.Conv2D(n, k, padding="same", activation="relu")(t)

    def build(x):
        branches = {
            "1x1": conv(x, f1, 1),
            "3x3": conv(conv(x, f3r, 1), f3, 3),
            "5x5": conv(conv(x, f5r, 1), f5, 5),
            "pool": conv(
                layers.MaxPooling2D(3, strides=1, padding="same")(x), pool_proj, 1
            ),
        }
        return layers.Concatenate()([branches[name] for name in params["q2_order"]])

    return build


QUESTIONS = (
    BlockQuestion(
        "q1-tests", "q1-answer", "residual_block", 5, residual_cases, residual_reference
    ),
    BlockQuestion(
        "q2-tests",
        "q2-answer",
        "inception_module",
        5,
        inception_cases,
        inception_reference,
    ),
)
