"""The course's architecture zoo: ``build(name, **options)`` and ``available()``.

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
``c3d``            c3d; conv3d_block
``autoencoder``    conv_autoencoder; conv_encoder, conv_decoder
=================  ===========================================================
"""
from ._registry import available, build, register
from . import alexnet, autoencoder, c3d, lenet, mobilenet, resnet, vgg  # noqa: F401  (registers)
from .alexnet import zfnet
from .autoencoder import conv_decoder, conv_encoder
from .c3d import conv3d_block
from .lenet import partially_connected_conv
from .mobilenet import depthwise_separable_block, inverted_residual_block
from .resnet import bottleneck_block, conv_bn, residual_block
from .vgg import vgg_block

__all__ = [
    "build", "available", "register",
    "partially_connected_conv", "vgg_block", "residual_block", "bottleneck_block", "conv_bn",
    "depthwise_separable_block", "inverted_residual_block", "conv3d_block",
    "conv_encoder", "conv_decoder", "zfnet",
]
