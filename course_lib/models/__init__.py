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
``alexnet``        alexnet, zfnet
``vgg``            vgg11, vgg13, vgg16, vgg16_c, vgg19; vgg_block
``resnet``         resnet18-152, plain18/34, resnet20-110, plain20/56;
                   residual_block, bottleneck_block, conv_bn
``mobilenet``      mobilenet_v1, mobilenet_v2; depthwise_separable_block,
                   inverted_residual_block
``inception``      googlenet, inception_v3; inception_module, naive_inception_module,
                   auxiliary_classifier, factorized_7x7
``c3d``            c3d, mini_c3d, frame_cnn (its 2-D frame-by-frame baseline);
                   conv3d_block
``unet``           unet; conv2d_block
``siamese``        siamese; koch_encoder, small_encoder, contrastive_loss,
                   n_way_one_shot_accuracy
``autoencoder``    conv_autoencoder; conv_encoder, conv_decoder
``pretrained``     load_keras_applications_weights, pretrained: ImageNet
                   weights from keras.applications twins
``mini``           mini_alexnet, mini_vgg, mini_inception: 32x32 variants for
                   the chapters' CPU experiments
``transfer``       glyph_cnn; course_pretrained (shipped weights, checksummed),
                   transfer_model (scenarios 1-2), feature_extractor (scenario 3)
``modern``         se_resnet50, resnext50; se_block, resnext_block, dense_block,
                   transition, mbconv_block, convnext_block; IMAGENET_TOP1
                   (chapter 17's survey, read from the model cards)
=================  ===========================================================
"""
from ._cards import OWN, Count, ModelCard, Top1
from ._registry import available, build, card, register
from . import alexnet, autoencoder, c3d, inception, lenet, mini, mobilenet, modern, resnet, siamese, transfer, unet, vgg  # noqa: F401  (registers)
from .alexnet import zfnet
from .autoencoder import conv_decoder, conv_encoder
from .c3d import conv3d_block
from .inception import auxiliary_classifier, factorized_7x7, inception_module, naive_inception_module
from .siamese import contrastive_loss, koch_encoder, n_way_one_shot_accuracy, small_encoder
from .unet import conv2d_block
from .lenet import partially_connected_conv
from .mobilenet import depthwise_separable_block, inverted_residual_block
from .resnet import bottleneck_block, conv_bn, residual_block
from .vgg import vgg_block
from .pretrained import KERAS_TWINS, WeightsUnavailableError, load_keras_applications_weights, pretrained
from .transfer import course_pretrained, feature_extractor, transfer_model
from .modern import convnext_block, dense_block, mbconv_block, resnext_block, se_block, transition

__all__ = [
    "build", "available", "card", "register", "ModelCard", "Count", "Top1", "OWN",
    "partially_connected_conv", "vgg_block", "residual_block", "bottleneck_block", "conv_bn",
    "depthwise_separable_block", "inverted_residual_block", "conv3d_block",
    "conv_encoder", "conv_decoder", "zfnet", "inception_module", "naive_inception_module",
    "auxiliary_classifier", "factorized_7x7", "conv2d_block", "koch_encoder", "small_encoder",
    "contrastive_loss", "n_way_one_shot_accuracy",
    "load_keras_applications_weights", "pretrained", "KERAS_TWINS", "WeightsUnavailableError",
    "course_pretrained", "feature_extractor", "transfer_model",
    "se_block", "resnext_block", "dense_block", "transition", "mbconv_block", "convnext_block",
]
