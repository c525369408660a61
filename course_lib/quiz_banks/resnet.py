"""Chapter 10 (ResNet): what the shortcut does, the two kinds of block, where the cost goes."""

from functools import cache

from course_lib import arithmetic as A
from course_lib.models import build
from course_lib.quiz import choice, numeric

# The two downsampling blocks of the CIFAR ResNets: 16 to 32 and 32 to 64 channels.
CIFAR_TRANSITIONS = ((16, 32), (32, 64))


@cache
def _projection_shortcuts(name: str) -> int:
    """How many blocks of model ``name`` have a projection shortcut (a ``*_proj_conv`` layer)."""
    return sum(1 for layer in build(name).layers if layer.name.endswith("_proj_conv"))


def _option_b_weights() -> int:
    """1x1 projection weights that option B would add to a CIFAR ResNet (no biases)."""
    return sum(
        A.conv_params(c_in, c_out, 1, bias=False) for c_in, c_out in CIFAR_TRANSITIONS
    )


def questions():
    return [
        choice(
            "The last batch-norm layer of a residual branch has scale γ = 0 and shift β = 0. "
            "What does the block output for an input x that came out of the previous block's ReLU?",
            {
                "x, unchanged": (
                    True,
                    "Right: the branch adds zero, and the final ReLU leaves a non-negative x as it "
                    "is; large-batch training starts every block this way on purpose (Goyal et al. 2017).",
                ),
                "Zero, since the branch is switched off": (
                    False,
                    "Only the branch is zero; the shortcut still carries x to the addition.",
                ),
                "Twice x, counted by both paths": (
                    False,
                    "The branch contributes F(x) = 0, not a second copy of x.",
                ),
                "A batch-normalised copy of x": (
                    False,
                    "The shortcut has no batch norm when shapes match; x reaches the Add untouched.",
                ),
            },
        ),
        choice(
            "Plain-56 ends training with a higher training error than plain-20. Why does that rule "
            "out overfitting as the cause?",
            {
                "Overfitting lowers the training error; here it is the training error that rose": (
                    True,
                    "Right: an overfitted network fits its training data too well; this one cannot "
                    "fit it at all, which points at optimisation.",
                ),
                "Plain-56 has fewer parameters than plain-20, so it cannot overfit": (
                    False,
                    "Plain-56 has about three times as many parameters; more room to overfit, not less.",
                ),
                "Networks trained with batch normalisation never overfit": (
                    False,
                    "Batch norm regularises a little, but batch-normalised networks can still overfit.",
                ),
                "Both networks were evaluated on the test set only": (
                    False,
                    "The degradation figure plots training error; that is what makes the argument work.",
                ),
            },
        ),
        choice(
            "An option-A downsampling block goes from 16 to 32 channels. What does its shortcut "
            "add to the 16 new channels?",
            {
                "Zeros: those channels carry F(x) alone": (
                    True,
                    "Right: option A subsamples the input and pads the extra channels with zeros, "
                    "which is why it has no parameters.",
                ),
                "A second copy of the 16 input channels": (
                    False,
                    "That would need no parameters either, but course_lib and the paper pad with zeros.",
                ),
                "A learned 1x1 projection of the input": (
                    False,
                    "That is option B, which costs a 1x1 convolution and a batch norm.",
                ),
                "The mean of the 16 input channels": (
                    False,
                    "No averaging happens on the shortcut; it only subsamples and pads.",
                ),
            },
        ),
        choice(
            "Why do the convolutions in course_lib's ResNets have no bias?",
            {
                "Batch norm follows and cancels it": (
                    True,
                    "Right: subtracting the batch mean removes any constant the bias adds, and batch "
                    "norm's own shift β takes its role.",
                ),
                "A bias would break the identity shortcut": (
                    False,
                    "The shortcut is added after the branch; a constant in the branch would not stop "
                    "the addition from working.",
                ),
                "He initialisation is defined only for kernels": (
                    False,
                    "Biases are simply initialised to zero; initialisation is no reason to drop them.",
                ),
                "Weight decay would make the biases grow without bound": (
                    False,
                    "Weight decay shrinks weights towards zero; it never makes them grow.",
                ),
            },
        ),
        choice(
            "Why does ResNet-50 switch to bottleneck blocks for its 256-channel and wider features?",
            {
                "The 3x3 convolution then works on a quarter of the channels": (
                    True,
                    "Right: a 3x3 layer's weights grow with input times output channels, so working "
                    "at 64 instead of 256 cuts them sixteenfold; the two 1x1 layers are cheap.",
                ),
                "Two 1x1 convolutions see further than one 3x3 convolution": (
                    False,
                    "A 1x1 convolution sees a single position; the receptive field comes from the 3x3.",
                ),
                "A bottleneck block needs no shortcut, so it saves the addition": (
                    False,
                    "Bottleneck blocks have shortcuts too, identities or projections like the basic ones.",
                ),
                "The 1x1 layers replace batch normalisation": (
                    False,
                    "Every convolution of a bottleneck block is still followed by batch norm.",
                ),
            },
        ),
        choice(
            "Moving a downsampling bottleneck's stride from its first 1x1 convolution to its 3x3 "
            "(ResNet v1.5) raises the MACs. Where does the extra computation go?",
            {
                "Into the first 1x1, which now runs at full resolution": (
                    True,
                    "Right: its output has four times as many positions; the 3x3 still produces the "
                    "halved map, so its cost is unchanged.",
                ),
                "Into the 3x3, which now runs at full resolution": (
                    False,
                    "With the stride inside it, the 3x3 computes only the halved output map, as before.",
                ),
                "Into the projection shortcut, which becomes a 3x3": (
                    False,
                    "The projection stays a 1x1 stride-2 convolution in both variants.",
                ),
                "Into the last 1x1, which doubles its channels": (
                    False,
                    "The expansion to four times the filters is the same in both variants.",
                ),
            },
        ),
        numeric(
            "How many of ResNet-34's residual blocks have a projection (option B) shortcut?",
            _projection_shortcuts("resnet34"),
            "Right: only the first block of conv3_x, conv4_x and conv5_x changes shape; conv2_x "
            "keeps the 56x56x64 map that pool1 delivers, so all its shortcuts are identities.",
            "A block needs a projection only where the shape changes: count the stages that halve "
            "the map and double the channels.",
        ),
        numeric(
            "The CIFAR ResNets downsample twice, from 16 to 32 and from 32 to 64 channels. How many "
            "weights would option B's 1x1 projections add (no biases, no batch norm)?",
            _option_b_weights(),
            "Right: 16 x 32 + 32 x 64; option A adds none, which is why the CIFAR plain and "
            "residual networks have exactly the same parameters.",
            "A 1x1 projection from C to N channels has C x N weights; add the two transitions.",
        ),
        choice(
            "Every shortcut of a 54-block ResNet is scaled by λ = 0.9 instead of being the identity. "
            "What happens to the direct term of the gradient from the top block to the first one?",
            {
                "It becomes 0.9^54, well under one percent of its value": (
                    True,
                    "Right: unrolled, the direct path multiplies the scales of all the shortcuts it "
                    "crosses; below one the product vanishes exponentially with depth.",
                ),
                "It stays 1, since the scaling is undone by batch norm": (
                    False,
                    "The shortcut has no batch norm on it; nothing rescales what the λs remove.",
                ),
                "It becomes 0.9, the scale of a single shortcut": (
                    False,
                    "The path from the top to the first block crosses every shortcut, so the "
                    "scales multiply.",
                ),
                "It grows, because the branches compensate for the smaller shortcut": (
                    False,
                    "The branches add terms that pass through weight layers; the direct term, "
                    "the one that needs no weights, still shrinks.",
                ),
            },
        ),
        choice(
            "In a pre-activation unit, what is applied to the sum x + F(x) before the next unit "
            "receives it?",
            {
                "Nothing: the next unit gets the sum itself": (
                    True,
                    "Right: batch norm and ReLU moved to the start of the next unit's branch, so the "
                    "shortcut carries the sum unchanged; only the network's end adds a BN-ReLU.",
                ),
                "A ReLU, as in the original ResNet": (
                    False,
                    "That after-addition ReLU is exactly what pre-activation removes: it cuts the "
                    "negative components of the shortcut signal.",
                ),
                "Batch norm, so that the trunk stays standardised": (
                    False,
                    "Batch norm after the addition is one of the paper's worst variants: it rescales "
                    "the shortcut at every unit.",
                ),
                "A 1x1 convolution that mixes the channels": (
                    False,
                    "A convolution on the shortcut path would no longer be an identity; the paper "
                    "finds such shortcuts train worse.",
                ),
            },
        ),
        choice(
            "Moving the ReLU before the addition also makes the after-addition function the "
            "identity. Why is it still worse than full pre-activation?",
            {
                "The branch can then only add non-negative values, so the signal never decreases": (
                    True,
                    "Right: x_{l+1} = x_l + F with F ≥ 0 grows monotonically; a residual should be free "
                    "to be negative.",
                ),
                "A ReLU before the addition blocks the gradient of the shortcut": (
                    False,
                    "The ReLU sits on the branch, not on the shortcut; the shortcut's gradient "
                    "passes unchanged.",
                ),
                "It doubles the number of ReLUs per unit": (
                    False,
                    "The unit still has two ReLUs; only the position of one of them changes.",
                ),
                "Batch norm can no longer follow a convolution": (
                    False,
                    "Batch norm still follows each convolution in that variant; the problem is the "
                    "sign of the branch's output.",
                ),
            },
        ),
    ]
