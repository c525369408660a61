"""Chapter 07, "Predict, then run": ZFNet's first layer (7x7, stride 2) against AlexNet's (11x11, stride 4)."""

from __future__ import annotations

from .. import arithmetic as A
from ..quiz import choice

FILTERS = 96  # conv1's filters, in both networks
CONV1 = {
    "AlexNet": dict(side=227, kernel=11, stride=4, padding=0),
    "ZFNet": dict(side=224, kernel=7, stride=2, padding=1),
}


def _conv1_cost(side, kernel, stride, padding):
    """(parameters, MACs per image) of a conv1 of FILTERS filters over an RGB image."""
    out = A.conv_output_size(side, kernel, stride, padding)
    return A.conv_params(3, FILTERS, kernel), A.conv_macs(out, 3, FILTERS, kernel)


def _zfnet_pool5_side(conv2_stride: int) -> int:
    """Side of ZFNet's pool5 (the paper's Figure 3 shapes) with conv2 at the given stride."""
    side = A.conv_output_size(224, 7, 2, 1)  # conv1 on the padded image
    side = A.pool_output_size(side, 3, 2, "same")  # pool1
    side = A.pool_output_size(A.conv_output_size(side, 5, conv2_stride), 3, 2, "same")
    return A.pool_output_size(side, 3, 2)  # conv3-5 keep the size; pool5


def questions() -> list[dict]:
    """The prediction questions of chapter 07 (quiz name ``alexnet-zfnet-predict``); the
    chapter's next cells measure the answers with course_lib.profile."""
    (alex_params, alex_macs), (zf_params, zf_macs) = (
        _conv1_cost(**CONV1[name]) for name in ("AlexNet", "ZFNet")
    )
    truth = (zf_params < alex_params, zf_macs > alex_macs)
    measured = (
        f"the parameters {'fall' if truth[0] else 'rise'} from {alex_params:,} to {zf_params:,} "
        f"and the MACs {'rise' if truth[1] else 'fall'} from {alex_macs:,} to {zf_macs:,}"
    )
    why = (
        "Parameters depend only on the kernel and the channels; MACs are the weights times "
        "the output positions, and halving the stride quadruples the positions."
    )
    options = {  # option -> (fewer parameters?, more MACs?); None: the same parameters
        "Fewer parameters and fewer MACs": (True, False),
        "Fewer parameters but more MACs": (True, True),
        "More parameters and more MACs": (False, True),
        "The same parameters, but more MACs": (None, True),
    }
    feedback = {
        text: (
            f"Right: {measured}. {why}"
            if guess == truth
            else f"No, not '{text[0].lower() + text[1:]}': {measured}. {why}"
        )
        for text, guess in options.items()
    }
    side1, side2 = _zfnet_pool5_side(1), _zfnet_pool5_side(2)
    return [
        choice(
            f"Both first layers have {FILTERS} filters on an RGB image: AlexNet's are 11x11 at "
            "stride 4, ZFNet's 7x7 at stride 2. Compared with AlexNet's conv1, ZFNet's has...",
            {text: (guess == truth, feedback[text]) for text, guess in options.items()},
        ),
        choice(
            "ZFNet's conv2 has a stride of 2. Set it to 1 and keep everything else: what happens "
            "to the network's parameters?",
            {
                "They grow several times over": (
                    True,
                    f"Right: pool5 grows from {side2}x{side2} to {side1}x{side1}, and fc6, which "
                    "reads the flattened pool5, grows with its area; fc6 already held most of "
                    "the weights.",
                ),
                "They barely change: the convolutions hold few of them": (
                    False,
                    "A convolution's parameters do not change, but the larger maps reach fc6, "
                    "whose weights grow with pool5's area.",
                ),
                "Only conv2's parameters grow, as it now visits more positions": (
                    False,
                    "A convolution's parameters do not depend on how many positions it visits; "
                    "its MACs do.",
                ),
                "They fall, because the later maps are larger": (
                    False,
                    "Larger maps never reduce the weights; they enlarge the flattened input of fc6.",
                ),
            },
        ),
    ]
