"""Quiz for chapter 17 (modern CNNs): what each of the five blocks changes, and what it costs."""

from __future__ import annotations

from .. import arithmetic as A
from ..quiz import choice, numeric

# ResNeXt-50's first stage: a 3x3 convolution 128 channels wide, in 32 groups (32x4d)
_WIDTH, _GROUPS = 128, 32


def _grouped_factor_question():
    """By what factor grouping cuts a 3x3 convolution's weights."""
    dense = A.conv_params(_WIDTH, _WIDTH, 3, bias=False)
    grouped = A.conv_params(_WIDTH, _WIDTH, 3, bias=False, groups=_GROUPS)
    return numeric(
        f"ResNeXt splits a 3x3 convolution from {_WIDTH} to {_WIDTH} channels into {_GROUPS} groups. "
        "By what factor does this divide the layer's weights?",
        dense // grouped,
        "Right: each filter now spans only its own group's input channels, a fraction one over the "
        "number of groups of them.",
        "Each output channel sees only the input channels of its group: count a filter's weights "
        "before and after.",
    )


def questions() -> list[dict]:
    """The chapter's questions."""
    return [
        choice(
            "An SE block rescales every channel of a feature map. What do the scale factors at one "
            "pixel depend on?",
            {
                "The whole image": (
                    True,
                    "Right: the squeeze is a global average, so the channel weights, and every pixel's "
                    "rescaling, carry context from the entire image.",
                ),
                "Only the 3x3 neighbourhood of that pixel": (
                    False,
                    "That is a convolution's view; the SE block pools over all positions before its "
                    "dense layers.",
                ),
                "Nothing that changes with the image: they are learned constants": (
                    False,
                    "The dense layers are fixed after training, but their input, the pooled channel "
                    "averages, differs from image to image, and so do the weights.",
                ),
            },
        ),
        _grouped_factor_question(),
        choice(
            "Why do DenseNet's transition layers use a 1x1 convolution that halves the channels?",
            {
                "Concatenation grows the channels with every layer, and without compression each block "
                "would start ever wider": (
                    True,
                    "Right: a block adds k maps per layer, so the next block's layers would see ever more "
                    "input channels and cost ever more.",
                ),
                "To undo the concatenation, so that the next block sees only the newest maps": (
                    False,
                    "A 1x1 convolution mixes all the input channels; it keeps a compressed summary of "
                    "every earlier map, not just the newest ones.",
                ),
                "Because average pooling needs an even number of channels": (
                    False,
                    "Pooling acts on each channel separately and accepts any number of them.",
                ),
                "To make the block's output match the ResNet shortcut's channel count": (
                    False,
                    "DenseNet has no additive shortcut; its connections are concatenations, which accept "
                    "any channel counts.",
                ),
            },
        ),
        choice(
            "DenseNet-121's layers add only k = 32 new maps each, far fewer than a ResNet layer outputs. "
            "Why does that suffice?",
            {
                "Each layer receives all earlier maps directly, so it only adds what is new": (
                    True,
                    "Right: features are reused instead of re-learned, and the collective state is the "
                    "whole concatenation, not one layer's output.",
                ),
                "Its 3x3 convolutions are grouped, as in ResNeXt, so they are wider than they look": (
                    False,
                    "DenseNet's convolutions are ordinary ones; its layers are thin because of "
                    "concatenation, not grouping.",
                ),
                "The transition layers restore the width that the thin layers lack": (
                    False,
                    "Transitions halve the channels rather than restore them; the width comes from "
                    "stacking every layer's few new maps.",
                ),
            },
        ),
        choice(
            "In an MBConv block with expansion ratio 6 (EfficientNet's block2b), which layers do most of "
            "the multiply-accumulates?",
            {
                "The two 1x1 convolutions, expansion and projection": (
                    True,
                    "Right: each spans the expanded width times the narrow width at every pixel, while "
                    "the depthwise 3x3 spans one channel per filter.",
                ),
                "The depthwise 3x3, whose kernel is the largest in the block": (
                    False,
                    "A depthwise filter sees a single channel, so its nine taps per pixel and channel "
                    "cost less than a 1x1 convolution across the expanded width.",
                ),
                "The squeeze-and-excitation branch, which looks at every channel": (
                    False,
                    "Its convolutions act on a 1x1 map, one number per channel, so they cost about as "
                    "many MACs as they have weights: very few.",
                ),
            },
        ),
        choice(
            "EfficientNet scales depth by $\\alpha^\\phi$, width by $\\beta^\\phi$ and resolution by "
            "$\\gamma^\\phi$ with $\\alpha \\beta^2 \\gamma^2 \\approx 2$. Why are width and resolution squared?",
            {
                "A network's MACs grow with the square of its width and of its resolution, but only "
                "linearly with its depth": (
                    True,
                    "Right: wider layers multiply input by output channels, a larger image multiplies "
                    "height by width, while an extra layer adds its cost once.",
                ),
                "Width and resolution matter twice as much for accuracy as depth": (
                    False,
                    "The constraint is about cost, not accuracy: it makes each step of $\\phi$ double the "
                    "MACs whatever the split.",
                ),
                "Width and resolution are scaled from a smaller base value than depth is": (
                    False,
                    "The base values do not enter the constraint; the squares come from how a "
                    "convolution's cost grows: channels in times channels out, height times width.",
                ),
            },
        ),
        choice(
            "ConvNeXt runs its depthwise 7x7 at the block's input width $C$, before the expansion to "
            "$4C$, rather than on the expanded channels. What does this order save?",
            {
                "A factor four in the depthwise layer's weights and MACs": (
                    True,
                    "Right: a depthwise layer costs one filter per channel, so on $C$ channels instead of "
                    "$4C$ it is four times cheaper.",
                ),
                "Nothing: a depthwise convolution's cost does not depend on its channels": (
                    False,
                    "It has one filter per channel, so its cost grows in proportion to the channels.",
                ),
                "The Dense layers' cost, which no longer sees the 7x7 output": (
                    False,
                    "The two Dense layers cost the same in either order: $C \\cdot 4C$ weights each way.",
                ),
                "The receptive field: the 7x7 sees farther on fewer channels": (
                    False,
                    "A kernel's reach depends on its size and the strides before it, not on how many "
                    "channels it filters.",
                ),
            },
        ),
        choice(
            "RegNet compares two design spaces by sampling a few hundred models from each, "
            "training them briefly and plotting the distribution of their errors, rather than "
            "by the best model found in each. Why?",
            {
                "The best model of a space depends on the luck and effort of one search; the "
                "distribution says how likely a random model from the space is to be good": (
                    True,
                    "Right: a design space is a population, and restricting it is worthwhile when "
                    "the whole error distribution moves left (or stays put while the space "
                    "shrinks), not when one lucky sample improves.",
                ),
                "A design space holds so many models that training even one of them to convergence "
                "would cost more computation than sampling hundreds of short runs": (
                    False,
                    "Any single model can be trained fully; the short runs make the sampling of "
                    "many models affordable, but the reason to sample is that one model is a "
                    "noisy summary of a space.",
                ),
                "The distribution shows which single model to deploy": (
                    False,
                    "The distribution describes the space, not one member; the RegNet models "
                    "themselves are picked afterwards, by their own training.",
                ),
            },
        ),
        numeric(
            "A vision transformer with 16x16 patches, whose patch embedding is a Conv2D with a "
            "16x16 kernel and stride 16, is fine-tuned on 384x384 images. How many patch tokens "
            "does one image give (the class token not counted)?",
            (384 // 16) ** 2,
            "Right: 24 patches along each side, 24 * 24 tokens, almost three times the 196 "
            "tokens of a 224x224 image, and self-attention's pairs grow with the square of that.",
            "A stride equal to the kernel size cuts the image into non-overlapping patches: "
            "divide each side by the patch size and multiply the two counts.",
        ),
        choice(
            "Trained on ImageNet alone, the original ViT ends below ResNets of comparable size; "
            "pre-trained on far larger data sets, it overtakes them. Which property explains "
            "both results?",
            {
                "Weak inductive bias: self-attention builds in neither locality nor translation "
                "equivariance, so the network must learn them from data, and is not limited "
                "by them once it has enough": (
                    True,
                    "Right: what a convolution assumes for free, ViT must learn from examples; "
                    "with enough of them, its freedom to relate distant patches pays off.",
                ),
                "ViT has far more parameters than the ResNets of its time, so it overfits a data set "
                "of ImageNet's size, and only a larger data set can fill all of its weights": (
                    False,
                    "The comparison is with ResNets of comparable size; the difference is in what "
                    "the architecture assumes, not in how many weights it has.",
                ),
                "The 16x16 patch embedding throws away the fine detail that ImageNet needs": (
                    False,
                    "The patch embedding is a learned linear map of all the pixels of each "
                    "patch, and the same embedding works well after large-scale pre-training.",
                ),
                "Self-attention cannot be trained with SGD on small batches": (
                    False,
                    "Transformers train with the same gradient methods (usually Adam-type "
                    "optimisers); their data hunger comes from their assumptions, not from the "
                    "optimiser.",
                ),
            },
        ),
    ]
