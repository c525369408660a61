"""Every custom layer of the course: what the historical networks need and Keras does not ship
(LeNet-5, AlexNet, ResNet's option-A shortcut, the Siamese distances, ConvNeXt's layer scale).

All are written with ``keras.ops`` only, so they run on every backend, and
all are serializable. Those with weights teach :func:`course_lib.profile`
how to count their operations.
"""

from __future__ import annotations

import math

import keras
from keras import ops

from ..profiler import register_mac_counter

_PACKAGE = (
    "course_lib"  # the registered names stay "course_lib>Name" (saved models load)
)


@keras.saving.register_keras_serializable(package=_PACKAGE)
def scaled_tanh(x):
    """LeNet-5's squashing function ``1.7159 * tanh(2x/3)`` (LeCun et al. 1998, appendix A)."""
    return 1.7159 * ops.tanh(x * (2.0 / 3.0))


@keras.saving.register_keras_serializable(package=_PACKAGE)
class Subsampling(keras.layers.Layer):
    """LeNet-5's S-layers: sum of each 2x2 block, times a trainable coefficient,
    plus a trainable bias, one pair per feature map (2 parameters per map)."""

    def __init__(self, pool_size: int = 2, **kwargs):
        super().__init__(**kwargs)
        self.pool_size = pool_size

    def build(self, input_shape):
        channels = input_shape[-1]
        self.coefficient = self.add_weight(
            shape=(channels,), initializer="ones", name="coefficient"
        )
        self.bias = self.add_weight(shape=(channels,), initializer="zeros", name="bias")

    def call(self, x):
        area = float(self.pool_size * self.pool_size)
        summed = (
            ops.average_pool(x, self.pool_size, self.pool_size, padding="valid") * area
        )
        return summed * self.coefficient + self.bias

    def compute_output_shape(self, input_shape):
        b, h, w, c = input_shape
        return (b, h // self.pool_size, w // self.pool_size, c)

    def get_config(self):
        return {**super().get_config(), "pool_size": self.pool_size}


@keras.saving.register_keras_serializable(package=_PACKAGE)
class SelectChannels(keras.layers.Layer):
    """Keep the listed channels (LeNet-5's C3 connection table uses it)."""

    def __init__(self, channels, **kwargs):
        super().__init__(**kwargs)
        self.channels = [int(c) for c in channels]

    def call(self, x):
        return ops.take(x, self.channels, axis=-1)

    def compute_output_shape(self, input_shape):
        return (*input_shape[:-1], len(self.channels))

    def get_config(self):
        return {**super().get_config(), "channels": self.channels}


@keras.saving.register_keras_serializable(package=_PACKAGE)
class EuclideanRBF(keras.layers.Layer):
    """LeNet-5's output layer: unit i outputs ``sum_j (x_j - w_ij)^2``.

    The paper fixed the centres ``w`` to stylised 7x12 bitmaps of the
    characters (+1/-1). We do not have those bitmaps, so the centres are a
    fixed random +1/-1 code drawn from ``seed``; like the paper's, they are
    not trained. Lower output means a better match: use ``-output`` as logits.
    """

    def __init__(self, units: int, seed: int = 1998, **kwargs):
        super().__init__(**kwargs)
        self.units, self.seed = units, seed

    def build(self, input_shape):
        codes = keras.random.randint(
            (input_shape[-1], self.units), 0, 2, seed=self.seed
        )
        self.centres = self.add_weight(
            shape=(input_shape[-1], self.units),
            trainable=False,
            name="centres",
            initializer=keras.initializers.Constant(
                ops.convert_to_numpy(codes) * 2.0 - 1.0
            ),
        )

    def call(self, x):
        # |x - w|^2 = |x|^2 - 2 x.w + |w|^2, one matrix product instead of a broadcast
        x_sq = ops.sum(ops.square(x), axis=-1, keepdims=True)
        w_sq = ops.sum(ops.square(self.centres), axis=0)
        return x_sq - 2.0 * ops.matmul(x, self.centres) + w_sq

    def compute_output_shape(self, input_shape):
        return (*input_shape[:-1], self.units)

    def get_config(self):
        return {**super().get_config(), "units": self.units, "seed": self.seed}


@keras.saving.register_keras_serializable(package=_PACKAGE)
class LocalResponseNormalization(keras.layers.Layer):
    """AlexNet's local response normalisation across channels (Krizhevsky et al. 2012, sec. 3.3).

    ``b_c = a_c / (k + alpha * sum_{c' in window(c)} a_{c'}^2) ** beta`` with the
    paper's ``k=2, n=5, alpha=1e-4, beta=0.75``. No weights.
    """

    def __init__(
        self,
        depth_radius: int = 2,
        bias: float = 2.0,
        alpha: float = 1e-4,
        beta: float = 0.75,
        **kwargs,
    ):
        super().__init__(**kwargs)
        self.depth_radius, self.bias, self.alpha, self.beta = (
            depth_radius,
            bias,
            alpha,
            beta,
        )

    def call(self, x):
        squared = ops.square(x)
        channels = x.shape[-1]
        padded = ops.pad(
            squared,
            [[0, 0]] * (len(x.shape) - 1) + [[self.depth_radius, self.depth_radius]],
        )
        window = sum(
            padded[..., i : i + channels] for i in range(2 * self.depth_radius + 1)
        )
        return x / ops.power(self.bias + self.alpha * window, self.beta)

    def get_config(self):
        return {
            **super().get_config(),
            "depth_radius": self.depth_radius,
            "bias": self.bias,
            "alpha": self.alpha,
            "beta": self.beta,
        }


@keras.saving.register_keras_serializable(package=_PACKAGE)
class PadShortcut(keras.layers.Layer):
    """ResNet's option-A shortcut (He et al. 2016, sec. 4.2): subsample by
    ``stride`` and pad the new channels with zeros. No parameters."""

    def __init__(self, stride: int, extra_channels: int, **kwargs):
        super().__init__(**kwargs)
        self.stride, self.extra_channels = stride, extra_channels

    def call(self, x):
        x = x[:, :: self.stride, :: self.stride, :]
        half = self.extra_channels // 2
        return ops.pad(x, [[0, 0], [0, 0], [0, 0], [half, self.extra_channels - half]])

    def compute_output_shape(self, input_shape):
        b, h, w, c = input_shape
        return (
            b,
            math.ceil(h / self.stride),
            math.ceil(w / self.stride),
            c + self.extra_channels,
        )

    def get_config(self):
        return {
            **super().get_config(),
            "stride": self.stride,
            "extra_channels": self.extra_channels,
        }


def _elementwise_macs(layer, input_shapes, output_shapes):
    return math.prod(output_shapes[0])  # one multiply(-add) per output value


def _rbf_macs(layer, input_shapes, output_shapes):
    return math.prod(output_shapes[0]) * int(input_shapes[0][-1])


register_mac_counter(Subsampling, _elementwise_macs)
register_mac_counter(EuclideanRBF, _rbf_macs)


@keras.saving.register_keras_serializable(package=_PACKAGE)
class L1Distance(keras.layers.Layer):
    """Component-wise absolute difference |h1 - h2| of two embeddings."""

    def call(self, inputs):
        a, b = inputs
        return ops.abs(a - b)

    def compute_output_shape(self, input_shapes):
        return input_shapes[0]


@keras.saving.register_keras_serializable(package=_PACKAGE)
class EuclideanDistance(keras.layers.Layer):
    """Euclidean distance ||h1 - h2|| of two embeddings, shape (batch, 1); the
    square root is kept away from 0, where its gradient is infinite."""

    def call(self, inputs):
        a, b = inputs
        return ops.sqrt(
            ops.maximum(ops.sum(ops.square(a - b), axis=-1, keepdims=True), 1e-12)
        )

    def compute_output_shape(self, input_shapes):
        return (input_shapes[0][0], 1)


@keras.saving.register_keras_serializable(package=_PACKAGE)
class LayerScale(keras.layers.Layer):
    """Multiply every channel by a learned factor, initialised small (1e-6) so that
    each ConvNeXt block starts close to the identity."""

    def __init__(self, init_value=1e-6, **kwargs):
        super().__init__(**kwargs)
        self.init_value = init_value

    def build(self, input_shape):
        self.gamma = self.add_weight(
            shape=(input_shape[-1],),
            name="gamma",
            initializer=keras.initializers.Constant(self.init_value),
        )

    def call(self, x):
        return x * ops.cast(self.gamma, x.dtype)

    def get_config(self):
        return {**super().get_config(), "init_value": self.init_value}


register_mac_counter(
    LayerScale, lambda layer, in_shapes, out_shapes: 0
)  # element-wise: no MACs
