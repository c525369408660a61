"""The common frame of the GPU labs: one place for what every lab does first.

``setup()`` seeds everything, reports the backend and the accelerator (with a
clear warning when there is none), and on a GPU turns on mixed precision;
``colab_badge()`` links a lab to Colab; ``callbacks()`` gives checkpoints that
survive a Colab disconnect (``BackupAndRestore``) and live training curves
titled with the time per epoch and the time left;
``training_time_estimate()`` bounds a full run's time on Colab's usual GPU from
the network's operation count, before any measurement exists;
``data_parallel()`` replicates training over every visible accelerator
(Keras's distribution API on jax, ``tf.distribute.MirroredStrategy`` on
tensorflow), and ``split_cpu()`` lets a CPU pose as several devices to try it.
"""

from __future__ import annotations

import functools
import os
import statistics
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import keras

from . import runtime
from ._validate import check_choice, check_fraction, check_int

REPOSITORY = "convnet-course/convnet-course"
COLAB_URL = "https://colab.research.google.com/github/{repo}/blob/main/{path}"
BADGE = "https://colab.research.google.com/assets/colab-badge.svg"


def colab_badge(path: str) -> str:
    """Markdown for an "Open in Colab" badge of the notebook at ``path`` (relative to the repository)."""
    if not path.endswith(".ipynb") or path.startswith("/"):
        raise ValueError(
            f"colab_badge: `path` must be a notebook path inside the repository, got {path!r}"
        )
    return (
        f"[![Open In Colab]({BADGE})]({COLAB_URL.format(repo=REPOSITORY, path=path)})"
    )


@dataclass(frozen=True)
class LabSetup:
    """What ``setup()`` found: backend, accelerators, the precision policy, the run size."""

    backend: str
    accelerators: tuple[str, ...]
    precision: str
    quick: bool
    offline: bool

    @property
    def has_gpu(self) -> bool:
        return bool(self.accelerators)

    def describe(self) -> str:
        device = ", ".join(self.accelerators) if self.accelerators else "CPU only"
        size = (
            "QUICK (COURSE_QUICK=1: small data, few epochs)"
            if self.quick
            else "full size"
        )
        lines = [
            f"backend: {self.backend}; device: {device}; precision: {self.precision}; run: {size}"
        ]
        if not self.has_gpu:
            lines.append(
                "WARNING: no GPU found. In Colab choose Runtime > Change runtime type > GPU; "
                "on the CPU only the quick run finishes in reasonable time."
            )
        if self.offline:
            lines.append(
                "COURSE_OFFLINE=1: the labelled offline fallback data are used, nothing is downloaded."
            )
        return "\n".join(lines)


def _accelerators(backend: str) -> tuple[str, ...]:
    """Names of the GPUs (or TPUs) the backend sees; empty on a CPU."""
    if backend == "jax":
        import jax

        return tuple(
            f"{d.platform}:{d.id} {getattr(d, 'device_kind', '')}".strip()
            for d in jax.devices()
            if d.platform != "cpu"
        )
    if backend == "tensorflow":
        import tensorflow as tf

        return tuple(
            d.name
            for d in tf.config.list_physical_devices()
            if d.device_type in ("GPU", "TPU")
        )
    if backend == "torch":
        import torch

        return tuple(
            torch.cuda.get_device_name(i) for i in range(torch.cuda.device_count())
        )
    return ()


def setup(
    seed: int = 0, mixed_precision: str = "auto", verbose: bool = True
) -> LabSetup:
    """Seed, detect the accelerator and choose the precision for a lab.

    mixed_precision: "auto" (``mixed_float16`` on a GPU or TPU, float32 on a CPU,
    where mixed precision is slower; float16 rather than bfloat16 because Colab's
    free T4 has no fast bfloat16), "on" or "off". Keras compiles the training step
    with XLA on its own where it can (``jit_compile="auto"``).
    """
    check_choice("setup", "mixed_precision", mixed_precision, ("auto", "on", "off"))
    runtime.seed_everything(seed)
    backend = keras.backend.backend()
    accelerators = _accelerators(backend)
    use_mixed = mixed_precision == "on" or (
        mixed_precision == "auto" and bool(accelerators)
    )
    keras.mixed_precision.set_dtype_policy("mixed_float16" if use_mixed else "float32")
    found = LabSetup(
        backend,
        accelerators,
        keras.mixed_precision.dtype_policy().name,
        runtime.is_quick(),
        runtime.is_offline(),
    )
    if verbose:
        print(found.describe())
    return found


def with_augmentation(model, pad: int = 4, flip: bool = True, seed: int = 0):
    """``model`` behind the CIFAR augmentation of He et al. (2016): pad ``pad`` pixels with
    zeros and crop back at random, i.e. shift by up to ``pad`` pixels with zero fill; mirror
    at random (``flip``). The layers run inside the model, on the accelerator and on any
    backend, and only while training (at inference they pass images through unchanged)."""
    from keras import layers

    height, width = model.input_shape[1:3]
    steps = [
        layers.RandomTranslation(
            pad / height,
            pad / width,
            fill_mode="constant",
            fill_value=0.0,
            seed=seed,
            name="random_shift",
        )
    ]
    if flip:
        steps.append(layers.RandomFlip("horizontal", seed=seed, name="random_flip"))
    inputs = keras.Input(model.input_shape[1:], name="image")
    x = inputs
    for step in steps:
        x = step(x)
    return keras.Model(inputs, model(x), name=f"{model.name}_augmented")


def checkpoint_dir(lab: str) -> Path:
    """Where a lab keeps its checkpoints: ``COURSE_CHECKPOINTS`` or ``~/course_checkpoints``, per lab.
    In Colab, point COURSE_CHECKPOINTS at a mounted Google Drive folder to survive a disconnect."""
    if not lab or any(c in lab for c in "/\\") or lab in (".", ".."):
        raise ValueError(f"checkpoint_dir: `lab` must be a plain name, got {lab!r}")
    root = Path(
        os.environ.get("COURSE_CHECKPOINTS", Path.home() / "course_checkpoints")
    )
    return root / lab


def callbacks(
    lab: str, live: bool = True, resume: bool = True, metrics=("loss", "accuracy")
) -> list:
    """Keras callbacks for a lab: ``BackupAndRestore`` (after a disconnect, ``fit`` continues
    from the last finished epoch; the backup is deleted when training completes) and, when
    ``live``, :class:`LiveCurves` of ``metrics``."""
    found = []
    if resume:
        found.append(
            keras.callbacks.BackupAndRestore(
                str(checkpoint_dir(lab) / "backup"), delete_checkpoint=True
            )
        )
    if live:
        found.append(LiveCurves(metrics))
    return found


def progress_title(done: int, total: int, epoch_seconds: list[float]) -> str:
    """The live curves' title: after ``done`` of ``total`` epochs, the seconds an epoch takes and
    the time left, so a student knows at once how long the full run will take. The first epoch
    includes compilation, so later epochs set the rate once there are any. A finished run's
    figure has no title: timings vary from run to run, and the figure a notebook stores keeps none."""
    if done >= total:
        return ""
    if not epoch_seconds:
        return f"epoch {done} of {total}"
    seconds = statistics.median(epoch_seconds[1:] or epoch_seconds)
    left = seconds * (total - done)
    left_text = f"{left / 60:.0f} min" if left >= 90 else f"{left:.0f} s"
    rate = (
        f"{seconds:.2f}" if seconds < 1 else f"{seconds:.1f}"
    )  # GPU epochs can be well under 1 s
    return f"epoch {done} of {total}: {rate} s per epoch, about {left_text} left"


class EpochTimer(keras.callbacks.Callback):
    """The wall time of every epoch in seconds (``epoch_seconds``), validation included:
    Keras ends an epoch after validating it."""

    def __init__(self):
        super().__init__()
        self.epoch_seconds: list[float] = []
        self._epoch_start = None

    def on_epoch_begin(self, epoch, logs=None):
        self._epoch_start = time.perf_counter()

    def on_epoch_end(self, epoch, logs=None):
        if self._epoch_start is not None:
            self.epoch_seconds.append(time.perf_counter() - self._epoch_start)


class LiveCurves(EpochTimer):
    """Redraw the loss and accuracy curves after every epoch, in place (one figure per fit),
    titled with the time per epoch and the time left (see :func:`progress_title`)."""

    def __init__(self, metrics=("loss", "accuracy")):
        super().__init__()
        self.metrics = tuple(metrics)
        self.history: dict[str, list[float]] = {}
        self._handle = None

    def on_epoch_end(self, epoch, logs=None):
        super().on_epoch_end(epoch, logs)
        for key, value in (logs or {}).items():
            self.history.setdefault(key, []).append(float(value))
        total = (self.params or {}).get("epochs") or epoch + 1
        self._draw(progress_title(epoch + 1, total, self.epoch_seconds))

    def _draw(self, title: str = ""):
        import matplotlib.pyplot as plt
        from IPython.display import display

        shown = [m for m in self.metrics if m in self.history]
        if not shown:
            return
        fig, axes = plt.subplots(
            1,
            len(shown),
            figsize=(4.5 * len(shown), 3),
            layout="constrained",
            squeeze=False,
        )
        for ax, metric in zip(axes[0], shown):
            for key in (metric, f"val_{metric}"):
                if key in self.history:
                    ax.plot(
                        range(1, len(self.history[key]) + 1),
                        self.history[key],
                        marker=".",
                        label=key,
                    )
            ax.set(xlabel="epoch", title=metric)
            ax.legend(frameon=False, fontsize=8)
        if title:
            fig.suptitle(title, fontsize=9)
        if self._handle is None:
            self._handle = display(fig, display_id=True)
        else:
            self._handle.update(fig)
        plt.close(fig)


# --- data-parallel scale-out ------------------------------------------------------------------
def split_cpu(n: int = 2) -> None:
    """Make the CPU appear as ``n`` devices, so that data parallelism can be tried (and
    tested) on a machine without accelerators. Accelerators, when present, are still
    the devices :func:`data_parallel` uses. Call it first, before anything computes:
    the backend fixes its devices when it starts."""
    n = check_int("split_cpu", "n", n, 1)
    backend = keras.backend.backend()
    try:
        if backend == "jax":
            import jax

            jax.config.update("jax_num_cpu_devices", n)
        elif backend == "tensorflow":
            import tensorflow as tf

            cpu = tf.config.list_physical_devices("CPU")[0]
            tf.config.set_logical_device_configuration(
                cpu, [tf.config.LogicalDeviceConfiguration()] * n
            )
        else:
            raise ValueError(
                f"split_cpu: the {backend} backend is not supported; use jax or tensorflow"
            )
    except (
        RuntimeError
    ) as error:  # both backends refuse once their devices are initialised
        raise RuntimeError(
            f"split_cpu({n}) came too late: the {backend} backend has already started its "
            "devices. Restart the kernel and call lab.split_cpu first."
        ) from error


def data_parallel_devices() -> list[str]:
    """The devices :func:`data_parallel` trains on: every GPU/TPU, or else every CPU device."""
    backend = keras.backend.backend()
    if backend == "jax":
        import jax

        accelerators = [d for d in jax.devices() if d.platform != "cpu"]
        return [f"{d.platform}:{d.id}" for d in (accelerators or jax.devices("cpu"))]
    if backend == "tensorflow":
        import tensorflow as tf

        logical = tf.config.list_logical_devices
        return [d.name for d in (logical("GPU") or logical("TPU") or logical("CPU"))]
    raise ValueError(
        f"data_parallel: the {backend} backend is not supported; use jax or tensorflow"
    )


@contextmanager
def data_parallel(devices: list[str] | None = None):
    """A scope in which models are replicated on ``devices`` (default: all of
    :func:`data_parallel_devices`) and every batch is split evenly between them; the
    gradients are averaged across replicas, so training matches one device at the same
    *global* batch size. Build, compile and fit the model inside the scope.

    jax: ``keras.distribution.DataParallel`` (one SPMD program; batch-norm statistics
    cover the whole global batch). tensorflow: ``tf.distribute.MirroredStrategy``
    (batch norm sees each replica's share unless ``BatchNormalization(synchronized=True)``).
    Yields the number of replicas; the global batch must be a multiple of it.
    """
    devices = list(devices) if devices is not None else data_parallel_devices()
    if not devices:
        raise ValueError(
            "data_parallel: `devices` is empty; give at least one device name"
        )
    backend = keras.backend.backend()
    if backend == "jax":
        scope = keras.distribution.DataParallel(devices=devices).scope()
    else:
        scope = _mirrored_strategy(tuple(devices)).scope()
    with scope:
        yield len(devices)


# Colab's free tier usually hands out an NVIDIA T4; its peak rates are in the facts table.
PEAK_FACTS = {"mixed_float16": "t4_fp16_tflops", "float32": "t4_fp32_tflops"}
# The share of the peak a training run sustains is the one assumption of the estimate, not a
# measurement: large networks with wide layers reach tens of percent, small CIFAR-sized ones
# about one percent (thin layers, and per-step overheads that do not shrink with the network).
SUSTAINED_SHARE = (0.01, 0.2)


@dataclass(frozen=True)
class TimeEstimate:
    """A training run's time on a T4, bounded from its operation count (see
    :func:`training_time_estimate`). Times in seconds; operations in FLOPs (2 per MAC)."""

    training_flops: float
    peak_flops_per_s: float
    share: tuple[float, float]
    peak_fact: str

    @property
    def at_peak_s(self) -> float:
        """The time if the GPU ran at its peak rate throughout: a hard lower bound."""
        return self.training_flops / self.peak_flops_per_s

    @property
    def range_s(self) -> tuple[float, float]:
        """The time at the highest and at the lowest sustained share of the peak."""
        low, high = self.share
        return self.at_peak_s / high, self.at_peak_s / low

    def describe(self) -> str:
        fastest, slowest = (_minutes(t) for t in self.range_s)
        return (
            f"estimate, not a measurement: {self.training_flops / 1e15:,.1f} PFLOP of training; "
            f"at least {_minutes(self.at_peak_s)} at the T4's peak, {fastest} to {slowest} at "
            f"{self.share[1]:.0%} to {self.share[0]:.0%} of it"
        )


def _minutes(seconds: float) -> str:
    if seconds < 90:
        return f"{seconds:.0f} s"
    if seconds < 90 * 60:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"


def training_time_estimate(
    model,
    images: int,
    epochs: int,
    precision: str = "mixed_float16",
    share: tuple[float, float] = SUSTAINED_SHARE,
) -> TimeEstimate:
    """Bound the time to train ``model`` for ``epochs`` passes over ``images`` examples on a T4.

    The count: one training step costs about three forward passes (the forward pass, then
    the backward pass's gradients with respect to the activations and to the weights, each
    about as costly), so a run is ``3 x MACs x images x epochs`` multiply-accumulates, 2
    FLOPs each; the MACs come from :func:`course_lib.profiler.profile`. Divided by the
    T4's peak rate (``precision`` "mixed_float16" or "float32", from the facts table) this
    is a lower bound; divided by ``share`` (the lowest and highest fraction of the peak a
    run is assumed to sustain) it gives the range to expect. A measurement, such as the
    live curves' seconds per epoch, replaces it as soon as there is one.
    """
    from .facts import fact
    from .profiler import profile

    check_choice("training_time_estimate", "precision", precision, tuple(PEAK_FACTS))
    images = check_int("training_time_estimate", "images", images, 1)
    epochs = check_int("training_time_estimate", "epochs", epochs, 1)
    if not (isinstance(share, tuple) and len(share) == 2):
        raise ValueError(
            f"training_time_estimate: `share` must be a (lowest, highest) pair of fractions, got {share!r}"
        )
    low, high = (
        check_fraction("training_time_estimate", "share", s, allow_zero=False)
        for s in share
    )
    if low > high:
        raise ValueError(
            f"training_time_estimate: `share` must be (lowest, highest), got {share!r}"
        )
    macs = profile(model).total_macs
    peak = fact(PEAK_FACTS[precision])
    return TimeEstimate(
        training_flops=2.0 * 3 * macs * images * epochs,
        peak_flops_per_s=peak.value * 1e12,
        share=(low, high),
        peak_fact=peak.key,
    )


@functools.lru_cache(maxsize=None)
def _mirrored_strategy(devices: tuple[str, ...]):
    """One MirroredStrategy per set of devices for the whole process: TensorFlow numbers its
    collective operations per strategy, and a second strategy on the same devices can collide
    with the first one's numbers (a "shape mismatch in the collective instance")."""
    import tensorflow as tf

    tf.get_logger().setLevel(
        "WARNING"
    )  # the strategy logs an INFO line for every reduction
    return tf.distribute.MirroredStrategy(list(devices))


def whole_batches(x, y, batch_size: int, replicas: int = 1):
    """``x`` and ``y`` cut to a multiple of ``batch_size``: every batch, the last one
    included, must split evenly between ``replicas`` devices."""
    batch_size, replicas = (
        check_int("whole_batches", "batch_size", batch_size, 1),
        check_int("whole_batches", "replicas", replicas, 1),
    )
    if batch_size % replicas:
        raise ValueError(
            f"whole_batches: `batch_size` {batch_size} must be a multiple of the {replicas} replicas"
        )
    keep = len(x) // batch_size * batch_size
    if keep == 0:
        raise ValueError(
            f"whole_batches: {len(x)} examples do not fill one batch of {batch_size}"
        )
    return x[:keep], y[:keep]
