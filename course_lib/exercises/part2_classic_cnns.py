"""Exercises of Part II, the classic and efficient CNNs (chapters 06-11: LeNet-5, AlexNet and ZFNet,
VGG, GoogLeNet, ResNet, MobileNet). Expected values come from course_lib's models (via the
profiler) and formulas, never from literals."""

from __future__ import annotations

import math

from .. import arithmetic as A
from .core import Exercise
from .profiles import from_layer, model_profile, profile_rows
from .registry import register_exercise

LENET = "06_lenet5"
ALEXNET = "07_alexnet_zfnet"
VGG = "08_vgg"
INCEPTION = "09_googlenet_inception"
RESNET = "10_resnet"
MOBILENET = "11_mobilenet"


def _share(name, layer_type, field):
    """Fraction of a model's ``field`` (params or macs) in layers of ``layer_type``."""
    prof = model_profile(name)
    part = sum(getattr(r, field) for r in prof.rows if r.layer_type == layer_type)
    return part / sum(getattr(r, field) for r in prof.rows)


def _largest_layer_check(model: str, example: str, listed: str):
    """A validator for "which layer of ``model`` holds the most parameters?"."""

    def validate(answer):
        if not isinstance(answer, str):
            return f"give a layer name as a string, e.g. {example!r}; got {answer!r}"
        rows = profile_rows(model)
        name = answer.strip().lower()
        if name not in rows:
            return f"{model} has no layer {answer!r}; its layers include {listed}"
        if name == max(rows.values(), key=lambda r: r.params).name:
            return None
        return f"{answer} has {rows[name].params:,} parameters; another layer has more"

    return validate


_LENET = [
    Exercise(
        "lenet-c1-params",
        LENET,
        "How many parameters has LeNet-5's C1 (6 filters of 5x5 on a 32x32x1 input)?",
        expected=from_layer("lenet5", "c1", "params"),
        unit="parameters",
        mistakes=(
            ("you left out the 6 biases", lambda: A.conv_params(1, 6, 5, bias=False)),
        ),
    ),
    Exercise(
        "lenet-c1-connections",
        LENET,
        "How many connections has C1? (Each of its 28x28x6 output units connects to 25 inputs and a bias.)",
        expected=lambda: A.conv_output_size(32, 5) ** 2 * A.conv_params(1, 6, 5),
        unit="connections",
        mistakes=(
            (
                "count the bias connection of every unit too",
                lambda: A.conv_macs(28, 1, 6, 5),
            ),
        ),
    ),
    Exercise(
        "lenet-c1-dense",
        LENET,
        "If C1 were fully connected (all 32x32 inputs to all 28x28x6 outputs, with biases), how many parameters?",
        expected=lambda: A.dense_params(32 * 32, A.conv_output_size(32, 5) ** 2 * 6),
        unit="parameters",
    ),
    Exercise(
        "lenet-s2-params",
        LENET,
        "LeNet's S2 subsampling multiplies each 2x2 sum by a trainable coefficient and adds a trainable bias, "
        "one pair per map. How many parameters for its 6 maps?",
        expected=from_layer("lenet5", "s2", "params"),
        unit="parameters",
        mistakes=(
            (
                "one coefficient and one bias per map, not per pixel",
                lambda: 6 * 14 * 14 * 2,
            ),
        ),
    ),
    Exercise(
        "lenet-c3-full",
        LENET,
        "C3 uses a connection table (1,516 parameters). How many would a full 5x5 convolution from 6 to 16 maps have?",
        expected=lambda: A.conv_params(6, 16, 5),
        unit="parameters",
    ),
    Exercise(
        "lenet-c5-params",
        LENET,
        "How many parameters has C5 (120 filters of 5x5 over 16 maps)?",
        expected=from_layer("lenet5", "c5", "params"),
        unit="parameters",
        mistakes=(
            (
                "you left out the 120 biases",
                lambda: A.conv_params(16, 120, 5, bias=False),
            ),
        ),
    ),
    Exercise(
        "lenet-c5-shape",
        LENET,
        "What is the output shape of C5 on S4's 5x5x16 maps (a tuple)?",
        expected=lambda: (A.conv_output_size(5, 5), A.conv_output_size(5, 5), 120),
        kind="shape",
    ),
    Exercise(
        "lenet-largest-layer",
        LENET,
        "Which layer of LeNet-5 holds the most parameters? (a name, e.g. 'c1')",
        kind="object",
        validate=_largest_layer_check("lenet5", "c1", "c1, s2, c3, s4, c5, f6 and rbf"),
    ),
]


def _alexnet_conv1_neurons():
    h, w, c = profile_rows("alexnet")["conv1"].output_shape
    return h * w * c


_ALEXNET = [
    Exercise(
        "alexnet-input-side",
        ALEXNET,
        "AlexNet's conv1 (96 filters, 11x11, stride 4, no padding) outputs 55x55. Which square input side "
        "makes that work exactly?",
        expected=lambda: profile_rows("alexnet")["image"].output_shape[0],
        unit="pixels",
        mistakes=(
            (
                "224 is what the paper says, but (224 - 11)/4 + 1 = 54.25 is not a whole number",
                lambda: 224,
            ),
        ),
    ),
    Exercise(
        "alexnet-conv2-params",
        ALEXNET,
        "How many parameters has conv2 (256 filters of 5x5 over conv1's 96 channels, one GPU)?",
        expected=from_layer("alexnet", "conv2", "params"),
        unit="parameters",
        mistakes=(
            (
                "that is the two-GPU version, where each filter sees only 48 channels",
                lambda: A.conv_params(96, 256, 5, groups=2),
            ),
            (
                "you left out the 256 biases",
                lambda: A.conv_params(96, 256, 5, bias=False),
            ),
        ),
    ),
    Exercise(
        "alexnet-conv2-grouped",
        ALEXNET,
        "On the paper's two GPUs, conv2 is split in two groups: each GPU's 128 filters see only its own 48 "
        "channels. How many parameters has conv2 then?",
        expected=lambda: A.conv_params(96, 256, 5, groups=2),
        unit="parameters",
        mistakes=(
            (
                "that is the one-GPU count; with two groups each filter sees 48 channels, not 96",
                lambda: A.conv_params(96, 256, 5),
            ),
        ),
    ),
    Exercise(
        "alexnet-flatten",
        ALEXNET,
        "How many numbers does pool5 (6x6x256) hand to fc6 after flattening?",
        expected=lambda: math.prod(profile_rows("alexnet")["pool5"].output_shape),
        unit="features",
    ),
    Exercise(
        "alexnet-conv1-neurons",
        ALEXNET,
        "How many neurons (output values) has conv1 for one 227x227x3 image?",
        expected=_alexnet_conv1_neurons,
        unit="neurons",
        mistakes=(
            (
                "253,440 is the figure printed in the paper; 55 x 55 x 96 gives a different number",
                lambda: 253_440,
            ),
        ),
    ),
    Exercise(
        "alexnet-fc-share",
        ALEXNET,
        "What fraction of AlexNet's parameters are in its three fully connected layers? (a number between 0 and 1)",
        expected=lambda: _share("alexnet", "Dense", "params"),
        kind="number",
        rel_tol=0.01,
    ),
    Exercise(
        "alexnet-conv-mac-share",
        ALEXNET,
        "And what fraction of its MACs (per image) are in its five convolution layers? (between 0 and 1)",
        expected=lambda: _share("alexnet", "Conv2D", "macs"),
        kind="number",
        rel_tol=0.01,
    ),
    Exercise(
        "alexnet-memory-mb",
        ALEXNET,
        "How many megabytes (1 MB = 10^6 bytes) do AlexNet's 62,378,344 parameters take in float32?",
        expected=lambda: model_profile("alexnet").total_params * 4 / 1e6,
        kind="number",
        rel_tol=0.005,
        unit="MB",
        mistakes=(
            (
                "that is MiB (2^20 bytes); the question asks for 10^6-byte megabytes",
                lambda: model_profile("alexnet").total_params * 4 / 2**20,
            ),
        ),
    ),
    Exercise(
        "zfnet-conv1-shape",
        ALEXNET,
        "ZFNet's conv1 applies 96 filters of 7x7 at stride 2 to a 224x224x3 image padded by 1 pixel. Output shape?",
        expected=from_layer("zfnet", "conv1", "output_shape"),
        kind="shape",
    ),
]


def _weight_share(kernels, single):
    """Weights of a stack of convolutions, as a fraction of one ``single`` x ``single`` layer
    (same channels in and out, so the channel count cancels)."""
    c = 64
    return sum(A.conv_params(c, c, k, bias=False) for k in kernels) / A.conv_params(
        c, c, single, bias=False
    )


def _vgg_conv_counts():
    return sum(1 for r in model_profile("vgg19").rows if r.layer_type == "Conv2D")


_VGG = [
    Exercise(
        "vgg-stack-rf",
        VGG,
        "What is the receptive field (side in pixels) of three stacked 3x3 stride-1 convolutions?",
        expected=lambda: A.receptive_field([(3, 1)] * 3).size,
        unit="pixels",
    ),
    Exercise(
        "vgg-three-3x3-weights",
        VGG,
        "How many weights (no biases) have three 3x3 convolutions of 256 to 256 channels?",
        expected=lambda: 3 * A.conv_params(256, 256, 3, bias=False),
        unit="weights",
        mistakes=(
            (
                "that is one 7x7 layer of the same width; the stack is cheaper",
                lambda: A.conv_params(256, 256, 7, bias=False),
            ),
        ),
    ),
    Exercise(
        "vgg-stack-saving",
        VGG,
        "What fraction of a 7x7 layer's weights does the 3x3 stack need (same channels C in and out)?",
        expected=lambda: _weight_share([3] * 3, 7),
        kind="number",
        rel_tol=0.005,
    ),
    Exercise(
        "vgg16-conv1-activations",
        VGG,
        "How many activations (numbers) does VGG-16's first convolution output for one 224x224 image?",
        expected=from_layer("vgg16", "block1_conv1", "activations"),
        unit="activations",
    ),
    Exercise(
        "vgg16-fc1-params",
        VGG,
        "How many parameters has VGG-16's first fully connected layer (7x7x512 inputs to 4,096 units, with biases)?",
        expected=from_layer("vgg16", "fc1", "params"),
        unit="parameters",
        mistakes=(
            (
                "you left out the 4,096 biases (the notes do too)",
                lambda: A.dense_params(7 * 7 * 512, 4096, bias=False),
            ),
        ),
    ),
    Exercise(
        "vgg16-fc-share",
        VGG,
        "What fraction of VGG-16's parameters are in its three fully connected layers? (between 0 and 1)",
        expected=lambda: _share("vgg16", "Dense", "params"),
        kind="number",
        rel_tol=0.01,
    ),
    Exercise(
        "vgg19-conv-layers",
        VGG,
        "How many convolution layers has VGG-19 (configuration E)?",
        expected=_vgg_conv_counts,
        unit="layers",
        mistakes=(("19 counts the three fully connected layers too", lambda: 19),),
    ),
    Exercise(
        "vgg16-largest-layer",
        VGG,
        "Which layer of VGG-16 holds the most parameters? (a keras.applications name)",
        kind="object",
        validate=_largest_layer_check(
            "vgg16",
            "block1_conv1",
            "block1_conv1 ... block5_conv3, fc1, fc2, predictions",
        ),
    ),
]


def _naive_module_depth():
    from ..models import block_model, naive_inception_module

    return block_model(
        naive_inception_module, (28, 28, 256), 128, 192, 96
    ).output.shape[-1]


def _total_loss(main, aux):
    from ..models.inception import AUX_LOSS_WEIGHT

    return main + AUX_LOSS_WEIGHT * sum(aux)


_INCEPTION = [
    Exercise(
        "inception-5x5-naive-macs",
        INCEPTION,
        "A 5x5 convolution with 48 filters on a 14x14x480 map ('same' padding). How many MACs?",
        expected=lambda: A.conv_macs(14, 480, 48, 5),
        unit="MACs",
    ),
    Exercise(
        "inception-5x5-reduced-macs",
        INCEPTION,
        "Now first reduce to 16 channels with a 1x1 convolution, then apply the 5x5 with 48 filters. Total MACs?",
        expected=lambda: A.conv_macs(14, 480, 16, 1) + A.conv_macs(14, 16, 48, 5),
        unit="MACs",
        mistakes=(("count the 1x1 reduction too", lambda: A.conv_macs(14, 16, 48, 5)),),
    ),
    Exercise(
        "inception-naive-depth",
        INCEPTION,
        "A naive Inception module on 28x28x256 has 128 1x1, 192 3x3, 96 5x5 filters and a 3x3 max pool. "
        "Output depth after concatenation?",
        expected=_naive_module_depth,
        unit="channels",
        mistakes=(
            (
                "the pooling branch passes all 256 input channels through",
                lambda: 128 + 192 + 96,
            ),
        ),
    ),
    Exercise(
        "inception-reduced-macs",
        INCEPTION,
        "The same module with 1x1 reductions (64 before the 3x3, 64 before the 5x5, 64 after the pool). "
        "Total MACs of its six convolutions?",
        expected=lambda: (
            3 * A.conv_macs(28, 256, 64, 1)
            + A.conv_macs(28, 256, 128, 1)
            + A.conv_macs(28, 64, 192, 3)
            + A.conv_macs(28, 64, 96, 5)
        ),
        unit="MACs",
        mistakes=(
            (
                "358M is the total the notes print; add up their six terms again",
                lambda: 358_000_000,
            ),
        ),
    ),
    Exercise(
        "googlenet-fc-head-weights",
        INCEPTION,
        "A fully connected layer from 7x7x1024 features to 1,024 units: how many weights (no biases)?",
        expected=lambda: A.dense_params(7 * 7 * 1024, 1024, bias=False),
        unit="weights",
    ),
    Exercise(
        "inception-two-3x3-share",
        INCEPTION,
        "Inception v3 replaces a 5x5 convolution by two 3x3 ones (same channels C). What fraction of the weights remains?",
        expected=lambda: _weight_share([3, 3], 5),
        kind="number",
        rel_tol=0.005,
    ),
    Exercise(
        "inception-asymmetric-share",
        INCEPTION,
        "And a 7x7 convolution by a 1x7 followed by a 7x1 (same channels)? Fraction of weights remaining?",
        expected=lambda: _weight_share([(1, 7), (7, 1)], 7),
        kind="number",
        rel_tol=0.005,
    ),
    Exercise(
        "googlenet-aux-loss",
        INCEPTION,
        "In training, the main classifier's loss is 1.2 and the two auxiliary classifiers' losses are 2.0 and 2.5. "
        "With GoogLeNet's weight of 0.3 on each auxiliary loss, what is the total loss?",
        expected=lambda: _total_loss(1.2, (2.0, 2.5)),
        kind="number",
        rel_tol=1e-6,
        mistakes=(
            (
                "weight each auxiliary loss by 0.3, not the main one",
                lambda: 0.3 * 1.2 + 2.0 + 2.5,
            ),
        ),
    ),
]


def _count_layers(name, layer_type):
    return sum(1 for r in model_profile(name).rows if r.layer_type == layer_type)


_RESNET = [
    Exercise(
        "resnet-basic-block-weights",
        RESNET,
        "A basic residual block: two 3x3 convolutions of 64 to 64 channels. How many weights (no biases)?",
        expected=lambda: 2 * A.conv_params(64, 64, 3, bias=False),
        unit="weights",
    ),
    Exercise(
        "resnet-bottleneck-weights",
        RESNET,
        "A bottleneck block on 256 channels: 1x1 to 64, 3x3 64 to 64, 1x1 back to 256. How many weights?",
        expected=lambda: (
            A.conv_params(256, 64, 1, bias=False)
            + A.conv_params(64, 64, 3, bias=False)
            + A.conv_params(64, 256, 1, bias=False)
        ),
        unit="weights",
        mistakes=(
            (
                "that is two 3x3 convolutions of 256 channels, the basic block at this width",
                lambda: 2 * A.conv_params(256, 256, 3, bias=False),
            ),
        ),
    ),
    Exercise(
        "resnet-projection-weights",
        RESNET,
        "A projection shortcut (option B) maps 64 channels at 56x56 to 128 channels at 28x28 with a 1x1 stride-2 "
        "convolution. How many weights?",
        expected=lambda: A.conv_params(64, 128, 1, bias=False),
        unit="weights",
    ),
    Exercise(
        "resnet-conv1-shape",
        RESNET,
        "ResNet's conv1 applies 64 filters of 7x7 at stride 2 with 'same'-style padding to 224x224x3. Output shape?",
        expected=from_layer("resnet34", "conv1_conv", "output_shape"),
        kind="shape",
    ),
    Exercise(
        "resnet34-blocks",
        RESNET,
        "How many residual blocks (shortcut additions) has ResNet-34?",
        expected=lambda: _count_layers("resnet34", "Add"),
        unit="blocks",
    ),
    Exercise(
        "resnet50-gmacs",
        RESNET,
        "How many billions of multiply-accumulates (GMACs) does ResNet-50 need per 224x224 image? "
        "(the paper's table says 3.8 x 10^9 'FLOPs')",
        expected=lambda: model_profile("resnet50").total_macs / 1e9,
        kind="number",
        rel_tol=0.02,
        unit="GMACs",
        mistakes=(
            (
                "one MAC is two FLOPs; the paper's 'FLOPs' are really MACs",
                lambda: 2 * model_profile("resnet50").total_macs / 1e9,
            ),
        ),
    ),
    Exercise(
        "resnet-cifar-depth",
        RESNET,
        "He et al.'s CIFAR-10 networks have 6n + 2 layers. How many layers for n = 9?",
        expected=lambda: (
            _count_layers("resnet56", "Conv2D") + _count_layers("resnet56", "Dense")
        ),
        unit="layers",
    ),
]


def _mobilenet_mac_ratio(options):
    return (
        model_profile("mobilenet_v1", options).total_macs
        / model_profile("mobilenet_v1").total_macs
    )


_MOBILENET = [
    Exercise(
        "mobilenet-standard-macs",
        MOBILENET,
        "A standard 3x3 convolution from 3 to 128 channels with a 5x5 output. How many MACs?",
        expected=lambda: A.conv_macs(5, 3, 128, 3),
        unit="MACs",
    ),
    Exercise(
        "mobilenet-separable-macs",
        MOBILENET,
        "The same as a depthwise separable convolution (3x3 depthwise on 3 channels, then 1x1 to 128). MACs?",
        expected=lambda: A.depthwise_conv_macs(5, 3, 3) + A.conv_macs(5, 3, 128, 1),
        unit="MACs",
        mistakes=(
            (
                "count the 1x1 pointwise part too",
                lambda: A.depthwise_conv_macs(5, 3, 3),
            ),
        ),
    ),
    Exercise(
        "mobilenet-ratio",
        MOBILENET,
        "By the formula 1/N + 1/D_K^2, what fraction of a standard convolution's cost does a separable 3x3 "
        "convolution with N = 512 output channels need?",
        expected=lambda: A.depthwise_separable_cost_ratio(512, 3),
        kind="number",
        rel_tol=0.005,
    ),
    Exercise(
        "mobilenet-dw-params",
        MOBILENET,
        "How many weights (no biases) has a 3x3 depthwise convolution on 512 channels?",
        expected=lambda: A.depthwise_conv_params(512, 3, bias=False),
        unit="weights",
        mistakes=(
            (
                "a depthwise filter sees one channel only: that was a full 3x3 convolution",
                lambda: A.conv_params(512, 512, 3, bias=False),
            ),
        ),
    ),
    Exercise(
        "mobilenet-alpha-macs",
        MOBILENET,
        "By course_lib's profile, what fraction of MobileNet-224's MACs does the width multiplier 0.5 keep?",
        expected=lambda: _mobilenet_mac_ratio((("alpha", 0.5),)),
        kind="number",
        rel_tol=0.02,
        mistakes=(
            ("the cost falls roughly with alpha squared, not with alpha", lambda: 0.5),
        ),
    ),
    Exercise(
        "mobilenet-rho-macs",
        MOBILENET,
        "And what fraction does the resolution 160 (instead of 224) keep, by the profile?",
        expected=lambda: _mobilenet_mac_ratio((("input_shape", (160, 160, 3)),)),
        kind="number",
        rel_tol=0.02,
        mistakes=(
            (
                "the cost falls with the square of the resolution multiplier",
                lambda: 160 / 224,
            ),
        ),
    ),
    Exercise(
        "mobilenet-v2-expanded",
        MOBILENET,
        "A MobileNetV2 inverted residual block takes 24 channels with expansion factor 6. How many channels "
        "does its depthwise 3x3 convolution work on?",
        expected=lambda: profile_rows("mobilenet_v2")["block3_expand"].output_shape[
            -1
        ],  # first on 24 channels
        unit="channels",
    ),
]

for _ex in (*_LENET, *_ALEXNET, *_VGG, *_INCEPTION, *_RESNET, *_MOBILENET):
    register_exercise(_ex)
