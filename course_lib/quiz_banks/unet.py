"""Quiz for chapter 13 (U-Net): cropping, concatenation, sizes that fit, what the skips carry."""

from __future__ import annotations

from ..exercises.profiles import profile_rows
from ..quiz import choice, numeric

# the paper's network: 'valid' convolutions, depth 4, one input channel, two classes
_ORIGINAL = (("input_shape", (572, 572, 1)), ("num_classes", 2), ("padding", "valid"))


def _crop_question():
    """How many pixels the level-2 crop removes from each side of the encoder's map."""
    rows = profile_rows("unet", _ORIGINAL)
    encoder = rows["down2_relu2"].output_shape[0]
    decoder = rows["up2_upconv"].output_shape[0]
    return numeric(
        f"In the original U-Net, level 2's encoder block outputs {encoder}x{encoder} maps and the "
        f"up-convolution at that level outputs {decoder}x{decoder}. How many pixels does the centre "
        "crop remove from each side (top, bottom, left or right) of the encoder's map?",
        (encoder - decoder) // 2,
        "Right: the difference in side, split evenly between the two edges.",
        "Take the difference of the two sides and split it between the two edges of the map.",
    )


def questions() -> list[dict]:
    """The chapter's questions."""
    return [
        choice(
            "Why does the original U-Net crop the encoder's features before concatenating them?",
            {
                "Its 'valid' convolutions shrink every map, so the decoder's maps are smaller than the encoder's": (
                    True,
                    "Right: each block loses a border, and the decoder has passed through more blocks than "
                    "the encoder map it meets.",
                ),
                "To save memory, since the encoder's maps are the largest in the network": (
                    False,
                    "Memory is not the reason: the crop exists because two maps of different sizes "
                    "cannot be stacked along the channel axis.",
                ),
                "Because the border pixels of an encoder map carry no useful features": (
                    False,
                    "The border is cut only because the sizes must match; with 'same' padding nothing "
                    "is cropped at all.",
                ),
                "To shrink the receptive field of the decoder to that of the encoder": (
                    False,
                    "Cropping removes positions, not context: each kept pixel still sees the same input "
                    "region as before.",
                ),
            },
        ),
        choice(
            "U-Net joins a skip by concatenation, ResNet by addition. What does concatenation give the "
            "decoder that addition would not?",
            {
                "Its next convolution learns separate weights for the encoder's and the decoder's features": (
                    True,
                    "Right: the two maps stay separate channels, so the convolution decides how much of each "
                    "to use; a sum mixes them one to one before any weight sees them.",
                ),
                "No extra parameters: stacking channels is free": (
                    False,
                    "The concatenation itself has no weights, but the convolution after it now spans twice "
                    "the channels, so it has more.",
                ),
                "A channel count that stays the same from level to level, which keeps the blocks small": (
                    False,
                    "Concatenation doubles the channels entering the next block; addition is the one that "
                    "keeps them.",
                ),
                "A larger receptive field for every decoder pixel": (
                    False,
                    "Stacking maps does not widen any convolution's view; the field is set by the kernels, "
                    "strides and pooling.",
                ),
            },
        ),
        choice(
            "A 'same'-padded U-Net of depth 4 is given 100x100 images. What goes wrong?",
            {
                "The skips no longer fit": (
                    True,
                    "Right: pooling floors 25 to 12, so coming back up the decoder reaches 24 where the "
                    "encoder had 25, and maps of different sizes cannot be concatenated (course_lib "
                    "refuses such a shape at once).",
                ),
                "Nothing: 'same' padding keeps every size": (
                    False,
                    "'Same' keeps sizes through the convolutions, not through pooling: an odd side loses a "
                    "row at each halving, which the up-convolutions do not give back.",
                ),
                "The output mask is 100x100 but shifted by a pixel": (
                    False,
                    "The network does not get as far as an output: the encoder's and decoder's maps of one "
                    "level differ in size, and the concatenation fails.",
                ),
                "Only the bottleneck is smaller; the mask is still correct": (
                    False,
                    "A smaller bottleneck would be harmless, but the decoder's maps then miss the encoder's "
                    "sizes at every level, so the skips cannot be joined.",
                ),
            },
        ),
        choice(
            "Trained without its skips, the small U-Net misses thin parts of the shapes (the tips of triangles, slivers where shapes overlap). Why?",
            {
                "Each bottleneck position stands for an 8x8 patch, and the decoder must guess where inside it the edge ran": (
                    True,
                    "Right: the exact position of an edge is lost in the pooling, and the up-convolutions can "
                    "only interpolate between coarse positions.",
                ),
                "The network has too few parameters to represent a thin part": (
                    False,
                    "Removing the skips removes only a small share of the parameters; what is missing is "
                    "information, not capacity.",
                ),
                "Transposed convolutions can only produce smooth outputs": (
                    False,
                    "A transposed convolution can produce sharp patterns (even checkerboards); the trouble "
                    "is that it has no fine-resolution input to place an edge.",
                ),
                "Binary cross-entropy rewards blurred masks": (
                    False,
                    "The network with skips is trained on the same loss and keeps those details.",
                ),
            },
        ),
        choice(
            "You add a fifth level to a U-Net with 64 filters at the top (depth 5 instead of 4). "
            "Roughly how does its parameter count change?",
            {
                "It roughly quadruples": (
                    True,
                    "Right: the new bottom block has twice the channels of the old one, so about four times "
                    "its weights, and the deepest level dominates the total.",
                ),
                "It grows by about a fifth, one level in five": (
                    False,
                    "The levels are far from equal: a convolution's weights grow with the square of its "
                    "channels, which double at every level.",
                ),
                "It roughly doubles, as the channels do": (
                    False,
                    "The channels double, but a convolution's weights grow with input times output channels, "
                    "so four times as many.",
                ),
                "It stays the same: the new level works on smaller maps": (
                    False,
                    "A convolution's parameters do not depend on the size of its maps; only its MACs do.",
                ),
            },
        ),
        choice(
            "On test images whose pixels are mostly background, a network predicts 'background' "
            "everywhere. How does it score?",
            {
                "High pixel accuracy, but a foreground IoU of zero": (
                    True,
                    "Right: it is right on most pixels, yet its predicted foreground is empty, so the "
                    "intersection with the true foreground is empty too.",
                ),
                "Low accuracy and low IoU": (
                    False,
                    "Accuracy counts every correct pixel, and most pixels are background, so its accuracy "
                    "is high.",
                ),
                "High accuracy and a high IoU, since both count correct pixels": (
                    False,
                    "IoU counts only the foreground: with no predicted foreground the intersection is "
                    "empty, whatever the background pixels do.",
                ),
            },
        ),
        _crop_question(),
        choice(
            "A classifier ends in a Dense layer on a flattened 7x7x512 map. You rewrite the layer "
            "as a 7x7 Conv2D ('valid') with the same weights reshaped, and feed the network an "
            "image twice as large in each direction, so that the map is 14x14x512. What does the "
            "converted layer return?",
            {
                "An 8x8 grid of score vectors, each the classifier's answer for one 7x7 window": (
                    True,
                    "Right: the kernel fits at 14 - 7 + 1 = 8 positions per axis, and at each one "
                    "it computes exactly the Dense layer's sum over that window: a sliding-window "
                    "classifier in one pass.",
                ),
                "One score vector, for the whole larger image": (
                    False,
                    "That is what the Dense layer would need; the convolution has no fixed input "
                    "size and slides, giving one vector per position where its kernel fits.",
                ),
                "A 2x2 grid, one vector per 7x7 quarter of the map": (
                    False,
                    "A 'valid' convolution moves one position at a time (stride 1), so the windows "
                    "overlap; non-overlapping quarters would need a stride of 7.",
                ),
                "An error: the weights were trained on a 7x7 map and cannot be applied to a larger one": (
                    False,
                    "The weights are a 7x7 kernel and nothing else: the layer accepts any map at "
                    "least 7x7, which is why FCN could reuse trained classifiers.",
                ),
            },
        ),
        choice(
            "U-Net's weight map adds w0 * exp(-(d1 + d2)^2 / (2 sigma^2)) to each background "
            "pixel, where d1 and d2 are the distances to the nearest and the second nearest cell. "
            "Why the sum d1 + d2 and not d1 alone?",
            {
                "Only the sum singles out the gaps between two cells": (
                    True,
                    "Right: d1 alone would weight every cell's outline. Next to an isolated cell d1 is "
                    "small but d2 is large, so the term vanishes; only in a narrow gap between two cells are both distances small.",
                ),
                "d1 + d2 is cheaper to compute than d1": (
                    False,
                    "It is dearer, if anything: d2 needs the distance to every cell, not only the "
                    "nearest. The reason is what the term singles out.",
                ),
                "The sum makes the total weight of the cell pixels equal to that of the background pixels": (
                    False,
                    "Balancing the classes is the job of the other term, w_c; the border term is "
                    "about the gaps between cells.",
                ),
                "Without d2 the weights could become negative": (
                    False,
                    "An exponential is positive whatever its argument, so w0 * exp(...) is never "
                    "negative, with or without d2.",
                ),
            },
        ),
        choice(
            "U-Net is trained on large tiles with a batch of one image and momentum 0.99. What "
            "does the high momentum do in this set-up?",
            {
                "It averages gradients over about a hundred steps, like a large batch": (
                    True,
                    "Right: past gradients enter with weights 1, 0.99, 0.99^2, ..., which sum to "
                    "1 / (1 - 0.99) = 100, so one image's noisy gradient moves the weights only a "
                    "little.",
                ),
                "It lets the network fit each image exactly before moving on to the next": (
                    False,
                    "The opposite: a high momentum makes each update depend mostly on earlier "
                    "images, so no single image can dominate.",
                ),
                "It replaces augmentation, which a batch of one cannot use": (
                    False,
                    "Augmentation works per image and is used heavily (elastic deformations); "
                    "momentum smooths the updates, it creates no new examples.",
                ),
                "It is needed because 'valid' convolutions shrink the gradients near the border of each tile": (
                    False,
                    "Padding has nothing to do with it: the momentum answers the noise of a batch "
                    "of one, which the paper accepts to fit large tiles in memory.",
                ),
            },
        ),
    ]
