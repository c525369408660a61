"""The course's architecture zoo: ``build(name, **options)``, ``available()`` and ``card(name)``.

Every registered model has a model card (``card(name)``, a frozen :class:`ModelCard`) written
next to its builder: default input size, reference parameter and MAC counts with their
sources, keras.applications twin and preprocessing, cited ImageNet top-1, and a small
configuration for fast tests. ``available(family="resnet", pretrained=True)`` filters by card.

One module per family; the building blocks are public so that chapters can
show them with ``inspect.getsource`` and reuse them:

=================  ===========================================================
module             models and blocks
=================  ===========================================================
``lenet``          lenet5, lenet5_modern; partially_connected_conv
``alexnet_zfnet``  alexnet, zfnet
``vgg``            vgg11, vgg13, vgg16, vgg16_c, vgg19; vgg_block
``resnet``         resnet18-152, plain18/34, resnet20-110, plain20/56;
                   residual_block, bottleneck_block, shortcut_branch, conv_bn
``mobilenet``      mobilenet_v1, mobilenet_v2; depthwise_separable_block,
                   inverted_residual_block
``inception``      googlenet, inception_v3; inception_module, naive_inception_module,
                   auxiliary_classifier, factorized_7x7
``video``          c3d, frame_cnn (the 2-D frame-by-frame baseline); conv3d_block
``segmentation``   unet; conv2d_block
``one_shot``       siamese; koch_encoder, siamese_head, contrastive_loss,
                   n_way_one_shot_accuracy, pixel_similarity (the baseline)
``autoencoder``    conv_autoencoder; conv_encoder, conv_decoder
``mini``           every small variant for the chapters' CPU experiments:
                   mini_alexnet, mini_vgg, mini_inception, mini_c3d,
                   small_encoder (the Siamese twin for glyphs), glyph_cnn (the
                   course's own pretrained encoder)
``transfer``       course_pretrained (shipped glyph_cnn weights, checksummed),
                   transfer_model (scenarios 1-2), feature_extractor (scenario 3),
                   backbone (a cut network for the labs)
``imagenet_weights``  load_keras_applications_weights, pretrained: ImageNet
                   weights from keras.applications twins
``modern``         se_resnet50, resnext50; se_block, resnext_block, dense_block,
                   transition, mbconv_block, convnext_block; IMAGENET_TOP1
                   (chapter 17's survey, read from the model cards)
``custom_layers``  every custom Keras layer (Subsampling, EuclideanRBF,
                   LocalResponseNormalization, PadShortcut, L1Distance,
                   EuclideanDistance, LayerScale, ...)
=================  ===========================================================

``block_model(block, input_shape, *args)`` wraps any block in a model (to count, profile, draw or
run it alone); ``kernel_weights(model)`` counts its convolution and dense kernels.

Each builder is also importable by its model name (``from course_lib.models import c3d``);
module names differ from model names so that nothing shadows a module.
"""

from ._cards import OWN, Count, ModelCard, Top1
from ._registry import available, build, card, register
from ._wrap import block_model, kernel_weights

# Importing a family module registers its models.
from . import (
    alexnet_zfnet,
    autoencoder,
    inception,
    lenet,
    mini,
    mobilenet,
    modern,
    one_shot,
    resnet,
    segmentation,
    transfer,
    vgg,
    video,
)
from .alexnet_zfnet import alexnet, alexnet_two_towers, zfnet
from .mini import glyph_cnn, mini_c3d, small_encoder
from .one_shot import siamese, siamese_head
from .segmentation import unet
from .video import c3d
from .autoencoder import conv_decoder, conv_encoder
from .video import conv3d_block
from .inception import (
    auxiliary_classifier,
    factorized_7x7,
    inception_module,
    naive_inception_module,
)
from .one_shot import (
    contrastive_loss,
    koch_encoder,
    n_way_one_shot_accuracy,
    pixel_similarity,
)
from .segmentation import conv2d_block
from .lenet import partially_connected_conv
from .mobilenet import depthwise_separable_block, inverted_residual_block
from .resnet import bottleneck_block, conv_bn, residual_block, shortcut_branch
from .vgg import vgg_block
from .imagenet_weights import (
    KERAS_TWINS,
    WeightsUnavailableError,
    load_keras_applications_weights,
    pretrained,
)
from .transfer import course_pretrained, feature_extractor, transfer_model
from .modern import (
    convnext_block,
    dense_block,
    mbconv_block,
    resnext_block,
    se_block,
    transition,
)

__all__ = [
    "build",
    "available",
    "card",
    "register",
    "block_model",
    "kernel_weights",
    "ModelCard",
    "Count",
    "Top1",
    "OWN",
    "alexnet",
    "alexnet_two_towers",
    "zfnet",
    "c3d",
    "unet",
    "siamese",
    "siamese_head",
    "mini_c3d",
    "small_encoder",
    "glyph_cnn",
    "partially_connected_conv",
    "vgg_block",
    "residual_block",
    "bottleneck_block",
    "shortcut_branch",
    "conv_bn",
    "depthwise_separable_block",
    "inverted_residual_block",
    "conv3d_block",
    "conv_encoder",
    "conv_decoder",
    "inception_module",
    "naive_inception_module",
    "auxiliary_classifier",
    "factorized_7x7",
    "conv2d_block",
    "koch_encoder",
    "small_encoder",
    "contrastive_loss",
    "n_way_one_shot_accuracy",
    "pixel_similarity",
    "load_keras_applications_weights",
    "pretrained",
    "KERAS_TWINS",
    "WeightsUnavailableError",
    "course_pretrained",
    "feature_extractor",
    "transfer_model",
    "se_block",
    "resnext_block",
    "dense_block",
    "transition",
    "mbconv_block",
    "convnext_block",
]
