"""Chapter 16 (C3D): what a temporal kernel dimension changes, and what breaks without it."""

from __future__ import annotations

from .. import arithmetic as A
from ..quiz import choice, numeric


def _frames_after_two_valid_convolutions(frames: int = 16) -> int:
    """Frames left after two 3x3x3 convolutions with stride 1 and no padding."""
    return A.conv_output_size(A.conv_output_size(frames, 3, 1, 0), 3, 1, 0)


def questions() -> list[dict]:
    """The chapter's quiz: frame order, clip length, padding in time, pooling, memory, and what
    came after C3D (inflation, (2+1)-D factorisation, the limits of Sports-1M)."""
    return [
        choice(
            "frame_cnn applies a 2-D network to each frame and averages the frame features over time. Which "
            "change to a clip leaves its prediction exactly unchanged?",
            {
                "Playing the clip backwards": (
                    True,
                    "Right: the same frame features in another order have the same average, which is why it "
                    "cannot tell left from right.",
                ),
                "Shifting the digit by one pixel in every frame": (
                    False,
                    "Convolutions shift their output along, but the borders and the poolings' fixed grid change "
                    "the features slightly.",
                ),
                "Halving the brightness of every frame": (
                    False,
                    "The biases and the softmax do not scale along with the input, so the scores change.",
                ),
                "Replacing the first frame with a blank one": (
                    False,
                    "A blank frame has other features, so the average over time changes.",
                ),
            },
        ),
        choice(
            "C3D was designed for 16-frame clips. Fed 8-frame clips instead, where does it break?",
            {
                "At pool5, which gets one frame and cannot halve it": (
                    True,
                    "Right: pool1 keeps the 8 frames, pool2 to pool4 halve them to 1, and a 2x2x2 window no "
                    "longer fits in time.",
                ),
                "At conv1a, whose 3x3x3 kernels need 16 frames": (
                    False,
                    "A kernel three frames deep slides over any clip of at least three frames.",
                ),
                "Nowhere: the dense head adapts to the clip's length": (
                    False,
                    "fc6's weights are sized for the flattened 1x4x4x512 map; a dense layer cannot adapt.",
                ),
                "At pool1, which removes the time axis": (
                    False,
                    "pool1 is 1x2x2: it leaves the time axis untouched.",
                ),
            },
        ),
        numeric(
            "A 16-frame clip passes through two 3x3x3 convolutions with stride 1 and 'valid' padding. How many "
            "frames leave the second one?",
            _frames_after_two_valid_convolutions(),
            "Right: each convolution without padding removes two frames, one at each end.",
            "Apply T' = T - k + 1 along the time axis, once per convolution.",
        ),
        choice(
            "The same 3x3x3 'same' convolution runs on 8-frame clips instead of 16-frame ones. What changes?",
            {
                "The MACs halve; the parameters stay": (
                    True,
                    "Right: the weights do not depend on the clip, but the kernel is applied at half as many "
                    "frame positions.",
                ),
                "The parameters halve; the MACs stay": (
                    False,
                    "The parameters are the kernel's weights, which are the same for any clip length.",
                ),
                "Both halve, since the kernel covers half the clip": (
                    False,
                    "The kernel is three frames deep either way; only the number of positions changes.",
                ),
                "Nothing, since the kernel has the same size": (
                    False,
                    "The cost is paid at every output position, and there are half as many.",
                ),
            },
        ),
        choice(
            "mini C3D ends with global average pooling over time, height and width, yet it learns the direction "
            "of motion. Why does its average not lose the order of the frames, as frame_cnn's does?",
            {
                "Its 3-D kernels have already turned the order of neighbouring frames into features": (
                    True,
                    "Right: a feature that fires for 'stroke moves left' survives averaging; the order it encodes "
                    "was read before the pooling.",
                ),
                "Global average pooling keeps the frame order in the channel index": (
                    False,
                    "Averaging over an axis removes that axis; the channels are the features, not the frames.",
                ),
                "Its dense layer reads each frame's features separately": (
                    False,
                    "After global average pooling there is one vector for the whole clip, not one per frame.",
                ),
                "It does lose the order, and classifies by the digit's appearance": (
                    False,
                    "Appearance cannot decide the task: a leftward clip holds the frames of a rightward one, reversed.",
                ),
            },
        ),
        choice(
            "C3D's pool1 halves height and width but keeps all frames. What does that give conv2a?",
            {
                "Kernels that still step through time at the clip's full frame rate": (
                    True,
                    "Right: conv2a's three frames are three consecutive frames of conv1a's output, so short "
                    "motions are not merged away before it sees them.",
                ),
                "Fewer MACs than a 2x2x2 pool1 would leave it": (
                    False,
                    "It is the other way round: with all frames kept, conv2a runs at twice as many frame positions.",
                ),
                "Twice as many input channels to read": (
                    False,
                    "Pooling never changes the number of channels.",
                ),
                "A wider spatial window, and nothing in time": (
                    False,
                    "Halving space does widen the window in pixels, but the point of keeping the frames is time.",
                ),
            },
        ),
        choice(
            "C3D is trained on batches of 30 clips instead of single clips. How do the memory for its activations "
            "and the memory for its parameters change?",
            {
                "Activations grow 30-fold; parameters stay": (
                    True,
                    "Right: every clip of the batch has its own activations, but all share one set of weights.",
                ),
                "Both grow 30-fold": (
                    False,
                    "The weights exist once, however many clips pass through them.",
                ),
                "Parameters grow 30-fold; activations stay": (
                    False,
                    "It is the reverse: activations belong to each clip, weights to the network.",
                ),
                "Neither: memory depends on the model, not the batch": (
                    False,
                    "Activations are per clip, so their memory scales with the batch.",
                ),
            },
        ),
        choice(
            "I3D inflates a pretrained 3x3 kernel to 3x3x3 by repeating it three times along time and "
            "dividing by three. What would go wrong if it repeated the kernel without dividing?",
            {
                "On a still video each response would triple, unlike the image network's": (
                    True,
                    "Right: the division makes the three copies sum to the 2-D kernel, so a video of one "
                    "repeated frame reproduces the image network's activations exactly.",
                ),
                "Nothing: ReLU is scale-invariant, so the scale of the kernel does not matter": (
                    False,
                    "ReLU commutes with positive scaling, but the biases are not scaled, and the error "
                    "compounds through every inflated layer and into the classifier.",
                ),
                "The kernel could no longer detect motion, because its copies would be too large": (
                    False,
                    "With or without the division the three copies are equal, so the inflated kernel is "
                    "blind to frame order either way; training has to learn that.",
                ),
                "The output would have three times as many frames": (
                    False,
                    "The output's length depends on the kernel's depth and the padding, not on the values "
                    "of its weights.",
                ),
            },
        ),
        choice(
            "A 3x3x3 convolution from 64 to 64 channels is replaced by a (2+1)-D block with M chosen by "
            "R(2+1)D's formula. What does the block gain at (almost) the same number of weights?",
            {
                "A second nonlinearity, between the spatial and the temporal convolution": (
                    True,
                    "Right: the 1x3x3 convolution to M channels has its own ReLU before the 3x1x1 one, so the "
                    "same budget buys a composition of two layers.",
                ),
                "A larger receptive field in time": (
                    False,
                    "The temporal 3x1x1 convolution spans three frames, exactly like the 3x3x3 kernel; both "
                    "see a 3x3x3 neighbourhood of the input.",
                ),
                "Fewer multiply-accumulates, since each factor is a smaller kernel": (
                    False,
                    "M is chosen to match the weights, and at stride 1 with 'same' padding the MACs per "
                    "position equal the weights, so the cost matches too.",
                ),
                "Invariance to the order of the frames": (
                    False,
                    "The temporal convolution weighs the three frames differently, so it is as sensitive to "
                    "their order as the full kernel.",
                ),
            },
        ),
        choice(
            "Karpathy et al. found a network that saw one frame at a time nearly as accurate on Sports-1M as "
            "their best multi-frame network. Which conclusion does that result support?",
            {
                "Much of a sports label can be read from appearance, so the benchmark rewards motion "
                "modelling only weakly": (
                    True,
                    "Right: the pool says swimming. That is why stronger motion models (two streams, C3D, I3D) "
                    "needed data sets and tests in which motion matters.",
                ),
                "Motion carries no information about actions": (
                    False,
                    "The two-stream network's optical-flow stream shows that it does; the moving-digits task "
                    "of this chapter is an extreme case.",
                ),
                "3-D convolutions cannot learn motion": (
                    False,
                    "The fusion networks mostly merged frames by 2-D convolutions over stacked channels; the "
                    "result says little about 3x3x3 kernels used throughout a network.",
                ),
                "Single-frame networks see the order of frames through their averaging": (
                    False,
                    "Averaging over frames discards their order, which is exactly why such a network "
                    "cannot tell a clip from its reverse.",
                ),
            },
        ),
    ]
