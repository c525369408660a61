"""Chapter 00 (the architecture timeline): the ideas that moved the field."""

from course_lib import arithmetic as A
from course_lib.quiz import choice


def questions():
    vgg_fc1 = A.dense_params(7 * 7 * 512, 4096)  # VGG-16's first fully connected layer
    return [
        choice(
            "Why could ResNet train 152 layers when plain networks of 56 layers trained worse than 20-layer ones?",
            {
                "Identity shortcuts: each block learns a correction to its input": (
                    True,
                    "Right: extra blocks can start near the identity and gradients flow through the shortcuts; "
                    "the degradation problem was one of optimisation, not overfitting.",
                ),
                "Because residual networks have far more parameters than plain ones": (
                    False,
                    "ResNet-34 has about as many as plain-34: identity shortcuts have no weights.",
                ),
                "Because residual blocks use dropout to stop the deep network overfitting": (
                    False,
                    "ResNet uses batch normalization, not dropout; and the deeper plain net was worse on training data too.",
                ),
            },
        ),
        choice(
            "GoogLeNet and ResNet end with global average pooling instead of AlexNet's and VGG's large fully connected layers. What does that save?",
            {
                "Most of the parameters": (
                    True,
                    f"Yes: VGG-16's first fully connected layer alone holds {vgg_fc1 / 1e6:.0f} million; "
                    "the network also accepts other input sizes.",
                ),
                "Most of the multiply-accumulates, since dense layers are the slowest part": (
                    False,
                    "The convolutions dominate the MACs; the dense layers dominate the parameters.",
                ),
                "Nothing measurable: global pooling only makes class maps easier to draw": (
                    False,
                    "Count VGG-16's fc1 parameters to see what it saves.",
                ),
            },
        ),
        choice(
            "What did MobileNet trade to cut its operations by about a factor of eight?",
            {
                "Full convolutions for depthwise separable ones": (
                    True,
                    "Right, at the price of about one point of ImageNet top-1 accuracy (paper, Table 4).",
                ),
                "Depth: it is a much shallower network than AlexNet was": (
                    False,
                    "It is deeper than AlexNet; its savings are per layer.",
                ),
                "Resolution: it accepts only small images of 64x64 pixels": (
                    False,
                    "It runs at 224x224; smaller resolutions are an option, not the main saving.",
                ),
            },
        ),
        choice(
            "AlexNet's win in 2012 is usually credited to which combination?",
            {
                "GPUs, ReLU, dropout and a large labelled data set": (
                    True,
                    "Right: ImageNet made a big network trainable without overfitting, GPUs made it fast enough.",
                ),
                "A new convolution operation that had never been used before in vision": (
                    False,
                    "LeNet used convolutions in 1998; AlexNet scaled them up.",
                ),
                "Hand-designed features fed to a support vector machine at the end": (
                    False,
                    "That was the competition's earlier approach; AlexNet learned its features.",
                ),
            },
        ),
        choice(
            "VGG replaced large kernels with stacks of 3x3 convolutions. What did it gain?",
            {
                "The same field with fewer weights and more non-linearities": (
                    True,
                    "Right: three 3x3 layers see 7x7 with 27C² weights instead of 49C².",
                ),
                "A much larger receptive field than a single large kernel could have": (
                    False,
                    "Three stacked 3x3 layers see exactly 7x7, the same as one 7x7 kernel.",
                ),
                "Fewer layers, so that the network trained faster on the GPUs of the time": (
                    False,
                    "Stacking adds layers; VGG was deeper and slower than AlexNet.",
                ),
            },
        ),
        choice(
            "Which idea do U-Net and ResNet share, though they use it for different ends?",
            {
                "Skip connections": (
                    True,
                    "Right: ResNet adds its input back for optimisation; U-Net concatenates encoder maps to restore detail.",
                ),
                "Depthwise separable convolutions in every block to save multiply-accumulates": (
                    False,
                    "That is MobileNet's idea; neither U-Net nor ResNet uses it.",
                ),
                "Twin networks with shared weights that compare two inputs": (
                    False,
                    "That is the Siamese network of one-shot learning.",
                ),
            },
        ),
    ]
