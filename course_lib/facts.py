"""The facts table: every number the chapters quote from a paper, a data set or the lecture notes.

A number that a cell computes is glued from that cell. A parameter count or a MAC count is
on the model's card (:func:`course_lib.models.card`). Everything else a chapter *quotes*
(an error rate, a data set's size, a training recipe's constant, a figure the notes print)
lives here, once, with what exactly it measures and where the source says it::

    >>> from course_lib.facts import fact
    >>> f = fact("resnet152_ilsvrc15_top5_ensemble")
    >>> print(f.text)               # as the source states it, for {glue:text}
    3.57%
    >>> f.context                   # what a sentence quoting it must say
    'top-5 error, test set, ensemble of 6 models, multi-scale dense evaluation'

A chapter glues the facts it uses (``glue_facts("resnet152_ilsvrc15_top5_ensemble")``) and
writes ``{glue:text}`resnet152_ilsvrc15_top5_ensemble``` in its prose. The tests
(tests/unit/test_facts.py) check that every citation key is in book/references.bib and that
every error rate states its context.

Classification rates carry a small controlled vocabulary instead of free text: ``metric``
(what is measured), ``split`` (which images), ``models`` (1 for a single network, n for an
ensemble of n, ``"entry"`` for a challenge submission whose make-up the source does not
give) and ``crops`` (views per image at test time). ``"not stated"`` records a source's
silence rather than a guess.

The module imports no deep-learning framework: facts are plain data.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from ._validate import check_choice

__all__ = [
    "Fact",
    "FACTS",
    "fact",
    "glue_facts",
    "GlueText",
    "RATE_METRICS",
    "SPLITS",
    "CROP_WORDS",
]

# Metrics that are rates on a labelled set: a sentence quoting one must say which images,
# how many models and how many crops, so these need `split`, `models` and `crops`.
RATE_METRICS = (
    "top-1 error",
    "top-5 error",
    "top-1 accuracy",
    "error",
    "accuracy",
    "20-way one-shot accuracy",
    "clip hit@1",
    "video hit@1",
    "video hit@5",
    "IoU",
)
# Every other metric the table uses.
OTHER_METRICS = (
    "count",
    "year",
    "hyperparameter",
    "ratio",
    "relative change",
    "share",
    "memory",
    "time",
    "segmentation error",
    "throughput",
)
SPLITS = ("train", "validation", "test", "validation and test", "not stated")
# Views per image when not a number of crops.
CROP_WORDS = ("dense", "multi-scale dense", "not stated", "not applicable")

_KEY = re.compile(r"^[a-z][a-z0-9_]*$")


class GlueText(str):
    """A fact's text for ``{glue:text}``: its repr is a quoted string literal.

    myst-nb reads a glued ``text/plain`` back with ``ast.literal_eval`` before showing it, which
    strips the quotes (``'3.57%'`` shows as 3.57%). An unquoted repr would be evaluated as
    Python: ``1,000`` would show as the tuple ``(1, 0)`` and ``1e-5`` as ``1e-05``.
    """

    def __repr__(self) -> str:
        return repr(str(self))


@dataclass(frozen=True)
class Fact:
    """One quoted number, with what it measures and where its source states it.

    ``value`` is the number as the source gives it (``3.57`` for "3.57%", ``1_281_167`` for
    the training images); ``decimals`` is the precision the source states, when the value
    alone does not show it (``92.0`` needs ``decimals=1``). ``unit`` is ``"%"`` for rates and
    shares, otherwise a word ("images", "GB", "year"). ``measures`` says in a sentence exactly
    what the number is; ``cite`` is a key of book/references.bib and ``where`` the table,
    section or slide of that source. ``note`` records a trap: a rounding, a disagreement, an
    erratum.
    """

    key: str
    value: float
    unit: str
    measures: str
    cite: str
    where: str
    metric: str = "count"
    split: str | None = None
    models: int | str | None = None
    crops: int | str | None = None
    decimals: int | None = None
    note: str = ""

    def __post_init__(self):
        where = f"Fact {self.key!r}"
        if not isinstance(self.key, str) or not _KEY.match(self.key):
            raise ValueError(
                f"Fact: `key` must be snake_case (a-z, 0-9, _), got {self.key!r}"
            )
        if isinstance(self.value, bool) or not isinstance(self.value, (int, float)):
            raise ValueError(f"{where}: `value` must be a number, got {self.value!r}")
        for name in ("unit", "measures", "cite", "where"):
            if (
                not isinstance(getattr(self, name), str)
                or not getattr(self, name).strip()
            ):
                raise ValueError(
                    f"{where}: `{name}` must be a non-empty string, got {getattr(self, name)!r}"
                )
        check_choice(where, "metric", self.metric, RATE_METRICS + OTHER_METRICS)
        if self.metric in RATE_METRICS:
            check_choice(where, "split", self.split, SPLITS)
            if not (
                self.models == "entry"
                or (
                    isinstance(self.models, int)
                    and not isinstance(self.models, bool)
                    and self.models >= 1
                )
            ):
                raise ValueError(
                    f"{where}: `models` must be a positive int (1 = single model) or 'entry', "
                    f"got {self.models!r}"
                )
            if not (
                self.crops in CROP_WORDS
                or (
                    isinstance(self.crops, int)
                    and not isinstance(self.crops, bool)
                    and self.crops >= 1
                )
            ):
                raise ValueError(
                    f"{where}: `crops` must be a positive int or one of {list(CROP_WORDS)}, "
                    f"got {self.crops!r}"
                )
        elif (self.split, self.models, self.crops) != (None, None, None):
            raise ValueError(
                f"{where}: `split`, `models` and `crops` describe rates; metric {self.metric!r} "
                "takes none of them"
            )
        if self.decimals is not None and (
            not isinstance(self.decimals, int) or self.decimals < 0
        ):
            raise ValueError(
                f"{where}: `decimals` must be a non-negative int, got {self.decimals!r}"
            )

    @property
    def places(self) -> int:
        """Decimal places as the source states the number."""
        if self.decimals is not None:
            return self.decimals
        if isinstance(self.value, int):
            return 0
        text = repr(self.value)
        return 0 if "e" in text else len(text.split(".")[1].rstrip("0") or "")

    @property
    def text(self) -> GlueText:
        """The number as the source writes it: ``"3.57%"``, ``"1,281,167"``, ``"2012"``, ``"0.0005"``."""
        if self.unit == "year":
            return GlueText(str(int(self.value)))
        if isinstance(self.value, float) and "e" in repr(self.value):
            number = re.sub(r"e([+-])0*(\d)", r"e\1\2", f"{self.value:g}")
        else:
            number = f"{self.value:,.{self.places}f}"
        return GlueText(number + ("%" if self.unit == "%" else ""))

    @property
    def with_unit(self) -> GlueText:
        """The number followed by its unit when the unit is a word: ``"3 GB"``; rates as :attr:`text`."""
        if self.unit in ("%", "year", "1"):
            return self.text
        return GlueText(f"{self.text} {self.unit}")

    @property
    def context(self) -> str:
        """What a sentence quoting a rate must say with it, e.g. ``'top-5 error, test set, ensemble of 6 models'``."""
        if self.metric not in RATE_METRICS:
            return self.metric
        parts = [self.metric]
        if self.split != "not stated":
            parts.append(f"{self.split} set")
        if self.models == "entry":
            parts.append("a challenge entry")
        else:
            parts.append(
                "single model"
                if self.models == 1
                else f"ensemble of {self.models} models"
            )
        if isinstance(self.crops, int):
            parts.append("1 crop" if self.crops == 1 else f"{self.crops} crops")
        elif self.crops in ("dense", "multi-scale dense"):
            parts.append(f"{self.crops} evaluation")
        return ", ".join(parts)


def _rate(key, value, metric, split, models, crops, measures, cite, where, **kw):
    return Fact(
        key,
        value,
        "%",
        measures,
        cite,
        where,
        metric=metric,
        split=split,
        models=models,
        crops=crops,
        **kw,
    )


def _n(key, value, unit, measures, cite, where, metric="count", **kw):
    return Fact(key, value, unit, measures, cite, where, metric=metric, **kw)


_TABLE = (
    # --- ImageNet and the ILSVRC challenge ------------------------------------------------------
    _n(
        "ilsvrc12_train_images",
        1_281_167,
        "images",
        "training images of the ILSVRC 2012-2014 classification data set",
        "russakovsky2015imagenet",
        "Table 2",
    ),
    _n(
        "ilsvrc12_val_images",
        50_000,
        "images",
        "validation images of the ILSVRC 2012-2014 classification data set",
        "russakovsky2015imagenet",
        "Table 2",
    ),
    _n(
        "ilsvrc12_test_images",
        100_000,
        "images",
        "test images of the ILSVRC 2012-2014 classification data set",
        "russakovsky2015imagenet",
        "Table 2",
    ),
    _n(
        "ilsvrc_classes",
        1000,
        "classes",
        "object classes of the ILSVRC classification task",
        "russakovsky2015imagenet",
        "Section 2",
    ),
    _n(
        "ilsvrc_train_images_rounded",
        1.2,
        "million images",
        "ILSVRC training images, as the AlexNet paper rounds "
        "them ('roughly 1.2 million')",
        "krizhevsky2012imagenet",
        "Section 2",
    ),
    _rate(
        "ilsvrc12_runner_up_top5",
        26.2,
        "top-5 error",
        "test",
        "entry",
        "not stated",
        "top-5 test error of the second-best ILSVRC 2012 entry (hand-designed features)",
        "krizhevsky2012imagenet",
        "Section 6 and Table 2",
    ),
    _rate(
        "ilsvrc13_winner_top5",
        11.7,
        "top-5 error",
        "test",
        "entry",
        "not stated",
        "top-5 test error of the ILSVRC 2013 winner, Clarifai (Zeiler's entry built on the ZFNet design), "
        "without external training data",
        "szegedy2015going",
        "Table 1",
        note="The notes credit it to ZFNet; the ZFNet paper's own best is 14.8% (six networks).",
    ),
    # --- AlexNet -----------------------------------------------------------------------------------
    _rate(
        "alexnet_ilsvrc12_top5_val_1cnn",
        18.2,
        "top-5 error",
        "validation",
        1,
        10,
        "ILSVRC 2012 top-5 validation error of one AlexNet (ten-patch test-time averaging)",
        "krizhevsky2012imagenet",
        "Table 2",
    ),
    _rate(
        "alexnet_ilsvrc12_top5_5cnn",
        16.4,
        "top-5 error",
        "validation and test",
        5,
        10,
        "ILSVRC 2012 top-5 error of an ensemble of five AlexNets (16.4% on validation and on test); "
        "the best 2012 entry that used no external data",
        "krizhevsky2012imagenet",
        "Table 2",
        note="The GoogLeNet paper's Table 1 lists it as SuperVision's 2012 result without external data.",
    ),
    _rate(
        "alexnet_ilsvrc12_top5_val_7cnn",
        15.4,
        "top-5 error",
        "validation",
        7,
        10,
        "ILSVRC 2012 top-5 validation error of seven AlexNets, two of them pre-trained on the "
        "ImageNet Fall 2011 release",
        "krizhevsky2012imagenet",
        "Table 2",
    ),
    _rate(
        "alexnet_ilsvrc12_top5_test_7cnn",
        15.3,
        "top-5 error",
        "test",
        7,
        10,
        "ILSVRC 2012 top-5 test error of seven AlexNets, two pre-trained on the ImageNet Fall 2011 "
        "release: the winning entry",
        "krizhevsky2012imagenet",
        "Section 6 and Table 2",
    ),
    _n(
        "alexnet_fig2_conv1_neurons",
        253_440,
        "neurons",
        "neurons of conv1 as the caption of Figure 2 gives them "
        "(an erratum: 55 x 55 x 96 = 290,400)",
        "krizhevsky2012imagenet",
        "Figure 2 caption",
    ),
    _n(
        "alexnet_params_paper",
        60,
        "million parameters",
        "AlexNet's parameters as the paper rounds them ('60 million parameters'), for the "
        "two-GPU network with grouped conv2, conv4 and conv5",
        "krizhevsky2012imagenet",
        "Abstract and Section 4",
        note="A rounding: chapter 07 counts the one-tower and the grouped network exactly.",
    ),
    _n(
        "alexnet_fig2_conv1_side",
        55,
        "pixels",
        "side of conv1's output maps as Figure 2 draws them; from the 224-pixel input the "
        "figure also shows, an 11x11 kernel at stride 4 gives 54 (a 227-pixel input gives 55)",
        "krizhevsky2012imagenet",
        "Figure 2",
    ),
    _n(
        "alexnet_gpu_memory",
        3,
        "GB",
        "memory of one GTX 580 GPU, the reason the network is split over two",
        "krizhevsky2012imagenet",
        "Section 3.2",
    ),
    _n(
        "alexnet_training_days_min",
        5,
        "days",
        "lower end of the training time on two GTX 580 GPUs ('five to six days')",
        "krizhevsky2012imagenet",
        "Section 1",
        metric="time",
    ),
    _n(
        "alexnet_training_days_max",
        6,
        "days",
        "upper end of the training time on two GTX 580 GPUs ('five to six days')",
        "krizhevsky2012imagenet",
        "Section 1",
        metric="time",
    ),
    _n(
        "alexnet_epochs",
        90,
        "epochs",
        "passes over the training set ('roughly 90 cycles')",
        "krizhevsky2012imagenet",
        "Section 5",
        metric="hyperparameter",
    ),
    _n(
        "alexnet_batch_size",
        128,
        "examples",
        "size of the SGD mini-batches",
        "krizhevsky2012imagenet",
        "Section 5",
        metric="hyperparameter",
    ),
    _n(
        "alexnet_momentum",
        0.9,
        "1",
        "momentum of the SGD updates",
        "krizhevsky2012imagenet",
        "Section 5",
        metric="hyperparameter",
    ),
    _n(
        "alexnet_weight_decay",
        0.0005,
        "1",
        "weight decay coefficient",
        "krizhevsky2012imagenet",
        "Section 5",
        metric="hyperparameter",
    ),
    _n(
        "alexnet_learning_rate",
        0.01,
        "1",
        "initial learning rate, divided by 10 when the validation error stopped "
        "improving",
        "krizhevsky2012imagenet",
        "Section 5",
        metric="hyperparameter",
    ),
    _n(
        "alexnet_dropout",
        0.5,
        "1",
        "dropout probability in the first two fully connected layers",
        "krizhevsky2012imagenet",
        "Section 4.2",
        metric="hyperparameter",
    ),
    _n(
        "alexnet_crop_side",
        224,
        "pixels",
        "side of the random training crops",
        "krizhevsky2012imagenet",
        "Section 4.1",
        metric="hyperparameter",
    ),
    _n(
        "alexnet_image_side",
        256,
        "pixels",
        "side of the rescaled images the crops are taken from",
        "krizhevsky2012imagenet",
        "Section 2",
        metric="hyperparameter",
    ),
    _n(
        "alexnet_augmentation_factor",
        2048,
        "1",
        "factor by which crops and mirroring enlarge the training set, "
        "(256 - 224)^2 x 2 for 224-pixel crops",
        "krizhevsky2012imagenet",
        "Section 4.1",
        metric="ratio",
        note="It holds for 224 crops only; 227 crops give another factor, which a chapter must compute.",
    ),
    _n(
        "alexnet_relu_speedup",
        6,
        "times",
        "how much sooner a four-layer CNN with ReLUs reaches 25% training error "
        "on CIFAR-10 than one with tanh",
        "krizhevsky2012imagenet",
        "Figure 1",
        metric="ratio",
    ),
    _rate(
        "alexnet_relu_target_train_error",
        25,
        "error",
        "train",
        1,
        "not applicable",
        "training error on CIFAR-10 at which Figure 1 compares ReLU and tanh",
        "krizhevsky2012imagenet",
        "Figure 1",
    ),
    # --- ZFNet ---------------------------------------------------------------------------------
    _rate(
        "zfnet_top5_val_1net",
        16.5,
        "top-5 error",
        "validation",
        1,
        10,
        "ILSVRC 2012 top-5 validation error of one network as in Figure 3",
        "zeiler2014visualizing",
        "Table 2",
    ),
    _rate(
        "zfnet_wide_top5_val_1net",
        16.0,
        "top-5 error",
        "validation",
        1,
        10,
        "ILSVRC 2012 top-5 validation error of one network with 512, 1024 and 512 maps in layers 3-5",
        "zeiler2014visualizing",
        "Table 2",
        decimals=1,
    ),
    _rate(
        "zfnet_top5_test_6nets",
        14.8,
        "top-5 error",
        "test",
        6,
        10,
        "ILSVRC 2012 top-5 test error of six networks (both variants combined), the paper's best",
        "zeiler2014visualizing",
        "Table 2",
    ),
    # --- VGG -------------------------------------------------------------------------------------
    _rate(
        "vgg_ilsvrc14_top5_test_7nets",
        7.3,
        "top-5 error",
        "test",
        7,
        "dense",
        "top-5 test error of VGG's ILSVRC 2014 submission (seven networks, dense evaluation), second in "
        "classification",
        "simonyan2015very",
        "Table 7",
    ),
    _rate(
        "vgg_post_top5_test_2nets",
        6.8,
        "top-5 error",
        "test",
        2,
        "multi-scale dense",
        "top-5 test error of two networks (D and E) after the challenge, multi-crop and dense evaluation",
        "simonyan2015very",
        "Table 7",
    ),
    _rate(
        "vgg_single_top5_test",
        7.0,
        "top-5 error",
        "test",
        1,
        "multi-scale dense",
        "top-5 test error of the best single VGG network, multi-crop and dense evaluation",
        "simonyan2015very",
        "Table 7",
        decimals=1,
    ),
    _n(
        "vgg_5x5_top1_increase",
        7,
        "%",
        "how much higher (relative) the top-1 error of configuration B became with "
        "each pair of 3x3 layers replaced by one 5x5 (centre crop)",
        "simonyan2015very",
        "Section 4.1",
        metric="relative change",
    ),
    # --- GoogLeNet and Inception --------------------------------------------------------------------
    _rate(
        "googlenet_ilsvrc14_top5_test",
        6.67,
        "top-5 error",
        "test",
        7,
        144,
        "top-5 test error of the winning ILSVRC 2014 entry: seven GoogLeNets, 144 crops per image",
        "szegedy2015going",
        "Tables 2 and 3",
    ),
    _rate(
        "googlenet_top5_val_1model_1crop",
        10.07,
        "top-5 error",
        "validation",
        1,
        1,
        "top-5 validation error of one GoogLeNet on one crop",
        "szegedy2015going",
        "Table 3",
    ),
    _n(
        "googlenet_depth",
        22,
        "layers",
        "layers with parameters (27 counting pooling)",
        "szegedy2015going",
        "Section 5",
    ),
    _n(
        "googlenet_budget_madds",
        1.5,
        "billion multiply-adds",
        "the computational budget per image the design kept "
        "to (a target, not a count: the count is on the model card)",
        "szegedy2015going",
        "Section 1",
        metric="hyperparameter",
    ),
    _n(
        "googlenet_fewer_params_factor",
        12,
        "times",
        "how many times fewer parameters GoogLeNet uses than AlexNet",
        "szegedy2015going",
        "Abstract and Section 1",
        metric="ratio",
    ),
    _n(
        "googlenet_params_rounded",
        5,
        "million parameters",
        "GoogLeNet's parameters as the Inception-v3 paper rounds "
        "them ('only 5 million'); the sum of the GoogLeNet paper's Table 1 is about 7 million",
        "szegedy2016rethinking",
        "Section 1",
    ),
    _n(
        "googlenet_gap_top1_gain",
        0.6,
        "%",
        "improvement of top-1 accuracy from replacing the fully connected "
        "layers by average pooling ('about 0.6%')",
        "szegedy2015going",
        "Section 5",
        metric="relative change",
    ),
    _n(
        "googlenet_main_dropout",
        40,
        "%",
        "dropout rate before the main classifier",
        "szegedy2015going",
        "Table 1",
        metric="hyperparameter",
    ),
    _n(
        "googlenet_aux_dropout",
        70,
        "%",
        "dropout rate in the auxiliary classifiers",
        "szegedy2015going",
        "Section 5",
        metric="hyperparameter",
    ),
    _n(
        "googlenet_aux_loss_weight",
        0.3,
        "1",
        "weight of each auxiliary classifier's loss in the total loss",
        "szegedy2015going",
        "Section 5",
        metric="hyperparameter",
    ),
    _n(
        "googlenet_aux_fc_units",
        1024,
        "units",
        "units of the auxiliary classifiers' fully connected layer",
        "szegedy2015going",
        "Section 5",
        metric="hyperparameter",
    ),
    _n(
        "googlenet_aux_conv_filters",
        128,
        "filters",
        "filters of the auxiliary classifiers' 1x1 convolution (dimension reduction)",
        "szegedy2015going",
        "Section 5",
        metric="hyperparameter",
    ),
    # GoogLeNet's Table 1, row by row: each Inception module's output channels (the depth of the
    # 'output size' column), its 'params' (weights without biases, in K = 1,024: 3a's 163,328
    # weights print as 159K) and its 'ops' (multiply-accumulates, in millions); for the two stem
    # convolutions and the linear layer only params and ops. Keys: googlenet_table1_<row>_<column>.
    *(
        _n(
            f"googlenet_table1_{row}_{column}",
            value,
            unit,
            f"{noun} of {label} in the GoogLeNet paper's Table 1",
            "szegedy2015going",
            "Table 1",
            note=(
                "The module's filter counts give 498K; the ops column (100M) agrees with them."
                if (row, column) == ("4c", "params_k")
                else "A 7x7 convolution from 3 to 64 channels has 9,408 weights (9.2K); the printed "
                "2.7K and 34M agree with each other, not with that."
                if row == "conv1"
                else "The module's filter counts on an 832-channel input give 1,018K weights and 51M "
                "operations; the printed params and ops agree with each other, not with the counts."
                if row == "5a" and column != "channels"
                else ""
            ),
        )
        for row, label, channels, params_k, mops in (
            ("conv1", "the first 7x7/2 convolution", None, 2.7, 34),
            ("conv2", "the 3x3 convolution (with its 1x1 reduction)", None, 112, 360),
            ("3a", "inception (3a)", 256, 159, 128),
            ("3b", "inception (3b)", 480, 380, 304),
            ("4a", "inception (4a)", 512, 364, 73),
            ("4b", "inception (4b)", 512, 437, 88),
            ("4c", "inception (4c)", 512, 463, 100),
            ("4d", "inception (4d)", 528, 580, 119),
            ("4e", "inception (4e)", 832, 840, 170),
            ("5a", "inception (5a)", 832, 1072, 54),
            ("5b", "inception (5b)", 1024, 1388, 71),
            ("linear", "the final linear layer", None, 1000, 1),
        )
        for column, value, unit, noun in (
            (
                "channels",
                channels,
                "channels",
                "output channels (the last number of the 'output size' column)",
            ),
            (
                "params_k",
                params_k,
                "K parameters",
                "parameters ('params' column, K = 1,024 weights)",
            ),
            (
                "mops",
                mops,
                "million operations",
                "multiply-accumulates ('ops' column, in millions)",
            ),
        )
        if value is not None
    ),
    _rate(
        "inceptionv3_top5_val_1crop",
        5.6,
        "top-5 error",
        "validation",
        1,
        1,
        "top-5 validation error of one Inception-v3 on one crop",
        "szegedy2016rethinking",
        "Table 3",
    ),
    _rate(
        "inceptionv3_top1_val_1crop",
        21.2,
        "top-1 error",
        "validation",
        1,
        1,
        "top-1 validation error of one Inception-v3 on one crop",
        "szegedy2016rethinking",
        "Table 3",
    ),
    # --- ResNet ----------------------------------------------------------------------------------------
    _rate(
        "resnet152_ilsvrc15_top5_ensemble",
        3.57,
        "top-5 error",
        "test",
        6,
        "multi-scale dense",
        "top-5 test error of the winning ILSVRC 2015 entry: six ResNets of different depths, two of them "
        "152-layer",
        "he2016deep",
        "Table 5",
    ),
    _rate(
        "resnet152_top5_val_single",
        4.49,
        "top-5 error",
        "validation",
        1,
        "multi-scale dense",
        "top-5 validation error of one ResNet-152, multi-scale fully convolutional evaluation",
        "he2016deep",
        "Table 4",
    ),
    _rate(
        "resnet152_top5_val_10crop",
        5.71,
        "top-5 error",
        "validation",
        1,
        10,
        "top-5 validation error of one ResNet-152, ten crops",
        "he2016deep",
        "Table 3",
    ),
    _rate(
        "resnet20_cifar10_error",
        8.75,
        "error",
        "test",
        1,
        1,
        "CIFAR-10 test error of ResNet-20",
        "he2016deep",
        "Table 6",
    ),
    _rate(
        "resnet56_cifar10_error",
        6.97,
        "error",
        "test",
        1,
        1,
        "CIFAR-10 test error of ResNet-56",
        "he2016deep",
        "Table 6",
    ),
    _rate(
        "resnet110_cifar10_error_best",
        6.43,
        "error",
        "test",
        1,
        1,
        "CIFAR-10 test error of ResNet-110, the best of five runs",
        "he2016deep",
        "Table 6",
        note="Only ResNet-110 is reported as best (mean 6.61 +- 0.16) of five runs.",
    ),
    _rate(
        "resnet110_cifar10_error_mean",
        6.61,
        "error",
        "test",
        1,
        1,
        "CIFAR-10 test error of ResNet-110, the mean of five runs",
        "he2016deep",
        "Table 6",
    ),
    _n(
        "resnet_weight_decay",
        0.0001,
        "1",
        "weight decay on ImageNet and on CIFAR-10",
        "he2016deep",
        "Sections 3.4 and 4.2",
        metric="hyperparameter",
    ),
    _n(
        "resnet_momentum",
        0.9,
        "1",
        "momentum of the SGD updates",
        "he2016deep",
        "Section 3.4",
        metric="hyperparameter",
    ),
    _n(
        "resnet_learning_rate",
        0.1,
        "1",
        "initial learning rate, divided by 10 when the error plateaus",
        "he2016deep",
        "Section 3.4",
        metric="hyperparameter",
    ),
    _n(
        "resnet_imagenet_batch",
        256,
        "examples",
        "mini-batch size on ImageNet",
        "he2016deep",
        "Section 3.4",
        metric="hyperparameter",
    ),
    _n(
        "resnet_cifar_batch",
        128,
        "examples",
        "mini-batch size on CIFAR-10",
        "he2016deep",
        "Section 4.2",
        metric="hyperparameter",
    ),
    _n(
        "resnet_cifar_iterations",
        64_000,
        "iterations",
        "length of CIFAR-10 training",
        "he2016deep",
        "Section 4.2",
        metric="hyperparameter",
    ),
    _n(
        "resnet_cifar_lr_drop1",
        32_000,
        "iterations",
        "first division of the learning rate by 10 on CIFAR-10",
        "he2016deep",
        "Section 4.2",
        metric="hyperparameter",
    ),
    _n(
        "resnet_cifar_lr_drop2",
        48_000,
        "iterations",
        "second division of the learning rate by 10 on CIFAR-10",
        "he2016deep",
        "Section 4.2",
        metric="hyperparameter",
    ),
    _n(
        "resnet_cifar_pad",
        4,
        "pixels",
        "padding before the random 32x32 crop on CIFAR-10",
        "he2016deep",
        "Section 4.2",
        metric="hyperparameter",
    ),
    _n(
        "resnet110_warmup_lr",
        0.01,
        "1",
        "ResNet-110's warm-up learning rate",
        "he2016deep",
        "Section 4.2",
        metric="hyperparameter",
    ),
    _n(
        "resnet110_warmup_iterations",
        400,
        "iterations",
        "ResNet-110's warm-up, until the training error is below "
        "80% ('about 400 iterations')",
        "he2016deep",
        "Section 4.2",
        metric="hyperparameter",
    ),
    # --- MobileNet ----------------------------------------------------------------------------------
    *(
        _rate(
            f"mobilenet_{name}_top1",
            acc,
            "top-1 accuracy",
            "not stated",
            1,
            "not stated",
            f"ImageNet top-1 accuracy of {label}",
            "howard2017mobilenets",
            table,
            decimals=1,
        )
        for name, label, acc, table in (
            ("v1_224", "1.0 MobileNet-224", 70.6, "Tables 4, 6 and 7"),
            ("conv_224", "the MobileNet with full 3x3 convolutions", 71.7, "Table 4"),
            ("a075_224", "0.75 MobileNet-224", 68.4, "Table 6"),
            ("a050_224", "0.5 MobileNet-224", 63.7, "Table 6"),
            ("a025_224", "0.25 MobileNet-224", 50.6, "Table 6"),
            ("v1_192", "1.0 MobileNet-192", 69.1, "Table 7"),
            ("v1_160", "1.0 MobileNet-160", 67.2, "Table 7"),
            ("v1_128", "1.0 MobileNet-128", 64.4, "Table 7"),
            (
                "googlenet_ref",
                "GoogLeNet, as the MobileNet paper compares it",
                69.8,
                "Table 8",
            ),
            (
                "vgg16_ref",
                "VGG-16, as the MobileNet paper compares it",
                71.5,
                "Table 8",
            ),
        )
    ),
    # Mult-Adds (millions) and parameters (millions) of the same rows. 1.0 MobileNet-224's
    # 569 M Mult-Adds is on the mobilenet_v1 model card, so it has no fact here.
    *(
        _n(
            f"mobilenet_{name}_madds",
            madds,
            "million Mult-Adds",
            f"multiply-adds per image of {label}, in millions",
            "howard2017mobilenets",
            table,
        )
        for name, label, madds, table in (
            ("conv_224", "the MobileNet with full 3x3 convolutions", 4866, "Table 4"),
            ("a075_224", "0.75 MobileNet-224", 325, "Table 6"),
            ("a050_224", "0.5 MobileNet-224", 149, "Table 6"),
            ("a025_224", "0.25 MobileNet-224", 41, "Table 6"),
            ("v1_192", "1.0 MobileNet-192", 418, "Table 7"),
            ("v1_160", "1.0 MobileNet-160", 290, "Table 7"),
            ("v1_128", "1.0 MobileNet-128", 186, "Table 7"),
        )
    ),
    *(
        _n(
            f"mobilenet_{name}_params",
            params,
            "million parameters",
            f"parameters of {label}, in millions, rounded to one decimal",
            "howard2017mobilenets",
            table,
            decimals=1,
            note="The resolution does not change the parameters: Table 7 prints 4.2 in every row."
            if name.startswith("v1_1")
            else "",
        )
        for name, label, params, table in (
            ("v1_224", "1.0 MobileNet-224", 4.2, "Tables 4, 6 and 7"),
            ("conv_224", "the MobileNet with full 3x3 convolutions", 29.3, "Table 4"),
            ("a075_224", "0.75 MobileNet-224", 2.6, "Table 6"),
            ("a050_224", "0.5 MobileNet-224", 1.3, "Table 6"),
            ("a025_224", "0.25 MobileNet-224", 0.5, "Table 6"),
            ("v1_192", "1.0 MobileNet-192", 4.2, "Table 7"),
            ("v1_160", "1.0 MobileNet-160", 4.2, "Table 7"),
            ("v1_128", "1.0 MobileNet-128", 4.2, "Table 7"),
        )
    ),
    *(
        _n(
            f"mobilenet_share_{kind}_{what}",
            share,
            "%",
            f"share of 1.0 MobileNet-224's {noun} in {label}",
            "howard2017mobilenets",
            "Table 2",
            metric="share",
            decimals=2,
            note="The four Mult-Adds shares add up to 99.29%: the 1.19% of the standard convolution is a slip "
            "for 1.91%."
            if (kind, what) == ("conv3x3", "madds")
            else "",
        )
        for kind, label, madds, params in (
            ("conv1x1", "the 1x1 convolutions", 94.86, 74.59),
            ("dw3x3", "the depthwise 3x3 convolutions", 3.06, 1.06),
            ("conv3x3", "the one standard 3x3 convolution", 1.19, 0.02),
            ("fc", "the fully connected layer", 0.18, 24.33),
        )
        for what, noun, share in (
            ("madds", "Mult-Adds", madds),
            ("params", "parameters", params),
        )
    ),
    _rate(
        "mobilenetv2_top1",
        72.0,
        "top-1 accuracy",
        "not stated",
        1,
        "not stated",
        "ImageNet top-1 accuracy of MobileNetV2 (1.0, 224)",
        "sandler2018mobilenetv2",
        "Table 4",
        decimals=1,
    ),
    _n(
        "mobilenetv2_params",
        3.4,
        "million parameters",
        "parameters of MobileNetV2 (1.0, 224), in millions as the paper rounds them",
        "sandler2018mobilenetv2",
        "Table 4",
        decimals=1,
    ),
    _n(
        "mobilenetv2_expansion",
        6,
        "times",
        "expansion factor t of the inverted residual blocks",
        "sandler2018mobilenetv2",
        "Section 4",
        metric="hyperparameter",
    ),
    # --- Modern networks ------------------------------------------------------------------------------
    _n(
        "senet_params_increase",
        10,
        "%",
        "parameters SE-ResNet-50 adds to ResNet-50 (about 2.5 M on about 25 M)",
        "hu2018squeeze",
        "Section 4",
        metric="relative change",
    ),
    _n(
        "senet_se_resnet50_gflops",
        3.87,
        "GFLOPs",
        "computation of SE-ResNet-50 per 224x224 image, as the paper counts it (its 'GFLOPs', "
        "the multiply-add convention of He et al.)",
        "hu2018squeeze",
        "Table 2",
    ),
    _n(
        "senet_resnet50_gflops",
        3.86,
        "GFLOPs",
        "computation of the authors' re-implementation of ResNet-50, counted the same way",
        "hu2018squeeze",
        "Table 2",
    ),
    _n(
        "densenet121_growth_rate",
        32,
        "channels",
        "growth rate k of DenseNet-121",
        "huang2017densely",
        "Table 1",
        metric="hyperparameter",
    ),
    _n(
        "efficientnet_compound_constraint",
        2,
        "1",
        "alpha * beta^2 * gamma^2, the factor by which each step of phi "
        "multiplies the FLOPs",
        "tan2019efficientnet",
        "Section 3.3, Equation 3",
        metric="hyperparameter",
    ),
    # --- LeNet-5 and MNIST ----------------------------------------------------------------------------
    _rate(
        "lenet5_mnist_error",
        0.95,
        "error",
        "test",
        1,
        "not applicable",
        "MNIST test error of LeNet-5",
        "lecun1998gradient",
        "Section III-C",
    ),
    _rate(
        "lenet5_mnist_error_distorted",
        0.8,
        "error",
        "test",
        1,
        "not applicable",
        "MNIST test error of LeNet-5 trained with artificially distorted images",
        "lecun1998gradient",
        "Section III-C",
    ),
    _n(
        "mnist_train_images",
        60_000,
        "images",
        "MNIST training images",
        "lecun1998gradient",
        "Section III-A",
    ),
    _n(
        "mnist_test_images",
        10_000,
        "images",
        "MNIST test images",
        "lecun1998gradient",
        "Section III-A",
    ),
    _n(
        "lenet5_c1_connections",
        122_304,
        "connections",
        "connections of layer C1",
        "lecun1998gradient",
        "Section II-B",
    ),
    _n(
        "lenet5_tanh_amplitude",
        1.7159,
        "1",
        "amplitude A of the squashing function A tanh(S a)",
        "lecun1998gradient",
        "Appendix A",
        metric="hyperparameter",
    ),
    # --- Data sets ----------------------------------------------------------------------------------
    _n(
        "cifar10_images",
        60_000,
        "images",
        "CIFAR-10 images, 32x32 colour",
        "krizhevsky2009learning",
        "Chapter 3",
    ),
    _n(
        "cifar10_train_images",
        50_000,
        "images",
        "CIFAR-10 training images",
        "krizhevsky2009learning",
        "Chapter 3",
    ),
    _n(
        "cifar10_test_images",
        10_000,
        "images",
        "CIFAR-10 test images",
        "krizhevsky2009learning",
        "Chapter 3",
    ),
    _n(
        "fashion_mnist_images",
        70_000,
        "images",
        "Fashion-MNIST images (60,000 training, 10,000 test)",
        "xiao2017fashion",
        "Section 2",
    ),
    _n(
        "pets_breeds",
        37,
        "breeds",
        "cat and dog breeds of Oxford-IIIT Pet",
        "parkhi2012cats",
        "Section 2",
    ),
    _n(
        "pets_images",
        7349,
        "images",
        "images of Oxford-IIIT Pet",
        "parkhi2012cats",
        "Section 2",
        note="The downloadable archive holds a few more image files than the split lists name.",
    ),
    _n(
        "pets_trainval_images",
        3680,
        "images",
        "training and validation images of the authors' split",
        "parkhi2012cats",
        "Section 2",
    ),
    _n(
        "pets_test_images",
        3669,
        "images",
        "test images of the authors' split",
        "parkhi2012cats",
        "Section 2",
    ),
    _n(
        "omniglot_characters",
        1623,
        "characters",
        "characters of Omniglot",
        "lake2015human",
        "Omniglot data set, supplementary materials",
    ),
    _n(
        "omniglot_alphabets",
        50,
        "alphabets",
        "alphabets of Omniglot",
        "lake2015human",
        "Omniglot data set, supplementary materials",
    ),
    _n(
        "omniglot_drawers",
        20,
        "people",
        "people who drew each character once",
        "lake2015human",
        "Omniglot data set, supplementary materials",
    ),
    _n(
        "omniglot_background_alphabets",
        30,
        "alphabets",
        "alphabets of the standard background set (Lake et al.)",
        "lake2015human",
        "Omniglot data set, supplementary materials",
    ),
    _n(
        "omniglot_evaluation_alphabets",
        20,
        "alphabets",
        "alphabets of the standard evaluation set (Lake et al.)",
        "lake2015human",
        "Omniglot data set, supplementary materials",
    ),
    _n(
        "sports1m_videos",
        1.1,
        "million videos",
        "YouTube videos of Sports-1M (1,133,158 URLs)",
        "karpathy2014large",
        "Section 4",
    ),
    _n(
        "sports1m_classes",
        487,
        "classes",
        "sports classes of Sports-1M",
        "karpathy2014large",
        "Section 4",
    ),
    _n(
        "ucf101_classes",
        101,
        "classes",
        "action classes of UCF101",
        "soomro2012ucf101",
        "Section 1",
    ),
    _n(
        "ucf101_videos",
        13_320,
        "clips",
        "video clips of UCF101",
        "soomro2012ucf101",
        "Section 1",
    ),
    # --- Siamese networks --------------------------------------------------------------------------
    _rate(
        "koch_omniglot_20way",
        92.0,
        "20-way one-shot accuracy",
        "test",
        1,
        "not applicable",
        "accuracy of the convolutional Siamese network on 20-way one-shot test trials on Omniglot's "
        "evaluation alphabets",
        "koch2015siamese",
        "Table 2",
        decimals=1,
    ),
    _rate(
        "omniglot_20way_humans",
        95.5,
        "20-way one-shot accuracy",
        "test",
        "entry",
        "not applicable",
        "accuracy of people on the same 20-way one-shot test trials, as Koch et al. quote it",
        "koch2015siamese",
        "Table 2",
    ),
    _n(
        "koch_max_training_pairs",
        150_000,
        "pairs",
        "largest number of training pairs tried",
        "koch2015siamese",
        "Table 1",
        metric="hyperparameter",
    ),
    _n(
        "koch_affine_distortions",
        8,
        "distortions",
        "random affine distortions added per training pair",
        "koch2015siamese",
        "Table 1",
        metric="hyperparameter",
    ),
    _n(
        "koch_background_alphabets",
        40,
        "alphabets",
        "alphabets of Koch et al.'s background set (their split is "
        "not Lake et al.'s 30/20)",
        "koch2015siamese",
        "Section 4.1",
    ),
    _n(
        "koch_evaluation_alphabets",
        10,
        "alphabets",
        "alphabets of Koch et al.'s evaluation set",
        "koch2015siamese",
        "Section 4.1",
    ),
    _n(
        "koch_train_alphabets",
        30,
        "alphabets",
        "alphabets of the background set on which Koch et al. trained the verification "
        "network (the other background alphabets validate it)",
        "koch2015siamese",
        "Section 4.2",
    ),
    _n(
        "koch_train_drawers",
        12,
        "drawers",
        "drawers, of the 20, whose images Koch et al. used to train the verification network",
        "koch2015siamese",
        "Section 4.2",
    ),
    # --- U-Net -----------------------------------------------------------------------------------------
    _n(
        "unet_input_tile",
        572,
        "pixels",
        "side of the input tile in the paper's drawing of the network",
        "ronneberger2015unet",
        "Figure 1",
    ),
    _n(
        "unet_output_tile",
        388,
        "pixels",
        "side of the output segmentation map for that tile",
        "ronneberger2015unet",
        "Figure 1",
    ),
    _n(
        "unet_first_filters",
        64,
        "feature channels",
        "feature channels of the first two 3x3 convolutions; each of the four down-sampling "
        "steps doubles them, up to 1024",
        "ronneberger2015unet",
        "Section 2 and Figure 1",
    ),
    _n(
        "unet_em_train_images",
        30,
        "images",
        "training images of the ISBI 2012 EM segmentation challenge",
        "ronneberger2015unet",
        "Section 4",
    ),
    _n(
        "unet_em_warping_error",
        0.000353,
        "1",
        "warping error of U-Net on the ISBI 2012 EM challenge",
        "ronneberger2015unet",
        "Table 1",
        metric="segmentation error",
    ),
    _n(
        "unet_em_rand_error",
        0.0382,
        "1",
        "Rand error of U-Net on the ISBI 2012 EM challenge",
        "ronneberger2015unet",
        "Table 1",
        metric="segmentation error",
    ),
    _rate(
        "unet_phc_u373_iou",
        92.0,
        "IoU",
        "test",
        1,
        "not applicable",
        "mean IoU of U-Net on the PhC-U373 test set of the ISBI 2015 cell tracking challenge",
        "ronneberger2015unet",
        "Section 4 (text); Table 2 prints 0.9203",
        decimals=1,
    ),
    _rate(
        "unet_dic_hela_iou",
        77.5,
        "IoU",
        "test",
        1,
        "not applicable",
        "mean IoU of U-Net on the DIC-HeLa test set of the ISBI 2015 cell tracking challenge",
        "ronneberger2015unet",
        "Section 4 (text); Table 2 prints 0.7756",
    ),
    # --- C3D -------------------------------------------------------------------------------------
    _n(
        "c3d_clip_frames",
        16,
        "frames",
        "frames per input clip",
        "tran2015learning",
        "Section 3.1",
        metric="hyperparameter",
    ),
    _n(
        "c3d_crop_side",
        112,
        "pixels",
        "side of the random crop of each frame",
        "tran2015learning",
        "Section 3.1",
        metric="hyperparameter",
    ),
    _n(
        "c3d_temporal_depth_best",
        3,
        "frames",
        "temporal kernel depth that worked best in the search on UCF101",
        "tran2015learning",
        "Section 3.2",
        metric="hyperparameter",
    ),
    _rate(
        "c3d_sports1m_video_hit1",
        61.1,
        "video hit@1",
        "test",
        1,
        "not stated",
        "Sports-1M test-set video top-1 accuracy of one C3D fine-tuned from the I380K model",
        "tran2015learning",
        "Table 2",
    ),
    _rate(
        "c3d_sports1m_video_hit5",
        85.2,
        "video hit@5",
        "test",
        1,
        "not stated",
        "Sports-1M test-set video top-5 accuracy of one C3D fine-tuned from the I380K model",
        "tran2015learning",
        "Table 2",
    ),
    _rate(
        "c3d_ucf101_1net",
        82.3,
        "accuracy",
        "test",
        1,
        "not applicable",
        "UCF101 test accuracy (mean over the three splits) of a linear SVM on the features of one C3D",
        "tran2015learning",
        "Table 3",
    ),
    _rate(
        "c3d_ucf101_3nets",
        85.2,
        "accuracy",
        "test",
        3,
        "not applicable",
        "UCF101 test accuracy (mean over the three splits) of a linear SVM on the features of three C3Ds",
        "tran2015learning",
        "Table 3",
    ),
    _rate(
        "c3d_ucf101_3nets_idt",
        90.4,
        "accuracy",
        "test",
        3,
        "not applicable",
        "UCF101 test accuracy (mean over the three splits) of three C3Ds combined with iDT features",
        "tran2015learning",
        "Table 3",
    ),
    # --- Large-batch training ------------------------------------------------------------------------
    # --- Facts lab 1 quotes (He et al. 2016) ----------------------------------------------------
    # --- CIFAR-10 (Table 6 and Figure 6) --------------------------------------------------------
    _rate(
        "resnet32_cifar10_error",
        7.51,
        "error",
        "test",
        1,
        1,
        "CIFAR-10 test error of ResNet-32",
        "he2016deep",
        "Table 6",
    ),
    _rate(
        "resnet44_cifar10_error",
        7.17,
        "error",
        "test",
        1,
        1,
        "CIFAR-10 test error of ResNet-44",
        "he2016deep",
        "Table 6",
    ),
    _rate(
        "resnet110_cifar10_error_std",
        0.16,
        "error",
        "test",
        1,
        1,
        "standard deviation of ResNet-110's CIFAR-10 test error over its five runs, in "
        "percentage points",
        "he2016deep",
        "Table 6",
        note="Table 6 writes 6.43 (6.61±0.16): best (mean±std) of five runs; only ResNet-110 "
        "has more than one run reported.",
    ),
    _rate(
        "plain110_cifar10_error_floor",
        60,
        "error",
        "not stated",
        1,
        "not stated",
        "a lower bound: plain-110's CIFAR-10 error is 'higher than 60%', so Figure 6 does not "
        "plot it (the caption does not say whether training or test error)",
        "he2016deep",
        "Figure 6 caption",
        note="The paper gives no number for plain-20 to plain-56 on CIFAR-10: their errors are "
        "only plotted (Figures 1 and 6); Section 4.2 says the deep plain nets 'exhibit higher "
        "training error when going deeper'.",
    ),
    # --- ImageNet, the 18- and 34-layer pairs (Table 2): no extra parameters, option A ----------
    _rate(
        "plain18_top1_val_10crop",
        27.94,
        "top-1 error",
        "validation",
        1,
        10,
        "ImageNet top-1 validation error of the 18-layer plain network, ten crops",
        "he2016deep",
        "Table 2",
    ),
    _rate(
        "resnet18_top1_val_10crop",
        27.88,
        "top-1 error",
        "validation",
        1,
        10,
        "ImageNet top-1 validation error of ResNet-18 with option-A shortcuts, ten crops",
        "he2016deep",
        "Table 2",
        note="Section 4.1: the 18-layer plain and residual nets are 'comparably accurate', "
        "but ResNet-18 converges faster.",
    ),
    _rate(
        "plain34_top1_val_10crop",
        28.54,
        "top-1 error",
        "validation",
        1,
        10,
        "ImageNet top-1 validation error of the 34-layer plain network, ten crops",
        "he2016deep",
        "Tables 2 and 3",
    ),
    _rate(
        "resnet34a_top1_val_10crop",
        25.03,
        "top-1 error",
        "validation",
        1,
        10,
        "ImageNet top-1 validation error of ResNet-34 with option-A shortcuts, ten crops",
        "he2016deep",
        "Tables 2 and 3",
    ),
    # --- The CIFAR-10 recipe (Section 4.2) --------------------------------------------------------
    _n(
        "resnet_cifar_learning_rate",
        0.1,
        "1",
        "initial learning rate on CIFAR-10, divided by 10 at 32k and 48k iterations",
        "he2016deep",
        "Section 4.2",
        metric="hyperparameter",
        note="The same value as on ImageNet (resnet_learning_rate, Section 3.4), where it is "
        "divided when the error plateaus instead.",
    ),
    _n(
        "resnet_cifar_holdout_train_images",
        45_000,
        "images",
        "training part of the 45k/5k train/val split of CIFAR-10's training set on which the "
        "length of training (64k iterations) was determined",
        "he2016deep",
        "Section 4.2",
    ),
    _n(
        "resnet_cifar_holdout_val_images",
        5_000,
        "images",
        "validation part of the 45k/5k train/val split of CIFAR-10's training set on which the "
        "length of training (64k iterations) was determined",
        "he2016deep",
        "Section 4.2",
    ),
    # Also suggested (not a new entry): "resnet_momentum" has where="Section 3.4"; Section 4.2 states
    # the same momentum (0.9) for CIFAR-10, so where="Sections 3.4 and 4.2", as resnet_weight_decay has.
    # --- Facts the GPU labs quote (labs 2-5) ------------------------------------------------------
    _rate(
        "pets_parkhi_accuracy",
        59,
        "accuracy",
        "not stated",
        1,
        "not applicable",
        "average accuracy over the 37 breeds of the data set authors' own classifier "
        "(a deformable-part model of the pet's face with a bag-of-words model of its fur), "
        "as their abstract rounds it ('about 59%')",
        "parkhi2012cats",
        "Abstract",
        note="the abstract rounds and does not name the split; the paper's results tables "
        "give the exact figure of each variant",
    ),
    # --- Transfer learning ----------------------------------------------------------------------
    _n(
        "kornblith_networks",
        16,
        "networks",
        "ImageNet classification networks whose transfer Kornblith et al. compare",
        "kornblith2019better",
        "Abstract",
        note="the arXiv v1 abstract says 13 models; the CVPR 2019 version (the cited one) 16",
    ),
    _n(
        "kornblith_datasets",
        12,
        "data sets",
        "image-classification data sets Kornblith et al. transfer the networks to, "
        "Oxford-IIIT Pet among them",
        "kornblith2019better",
        "Abstract; Table 1 lists the data sets",
    ),
    _n(
        "pets_download_mib",
        773.52,
        "MiB",
        "download size of the Oxford-IIIT Pet archives (images.tar.gz and annotations.tar.gz "
        "together), as the TensorFlow Datasets catalogue gives it for oxford_iiit_pet 4.0.0",
        "tfds_oxford_iiit_pet",
        "catalogue entry oxford_iiit_pet, 'Download size'",
        metric="memory",
        note="811,092,049 bytes (about 811 MB): images.tar.gz 791,918,971 and annotations.tar.gz "
        "19,173,078 in TFDS's checksums.tsv for the same archives",
    ),
    _n(
        "koch_one_shot_trials",
        400,
        "trials",
        "20-way one-shot test trials of Koch et al.: 40 for each of their 10 evaluation "
        "alphabets (two drawers, twenty characters, each of the first drawer's characters "
        "a query), on which the accuracies of their Table 2 are computed",
        "koch2015siamese",
        "Section 4.3",
    ),
    _n(
        "koch_evaluation_drawers",
        4,
        "drawers",
        "drawers, of the 20, that Koch et al. reserved with the evaluation alphabets for "
        "testing (the same ones as Lake et al. 2013); the one-shot trials draw their two "
        "drawers from them",
        "koch2015siamese",
        "Section 4.2",
    ),
    _n(
        "koch_max_epochs",
        200,
        "epochs",
        "most epochs Koch et al. trained a network for; they stopped when the one-shot "
        "validation error had not fallen for 20 epochs and kept the best epoch's weights",
        "koch2015siamese",
        "Section 3.2, learning schedule",
        metric="hyperparameter",
    ),
    _n(
        "fashion_mnist_train_images",
        60_000,
        "images",
        "Fashion-MNIST training images (the other 10,000 of its 70,000 are the test set)",
        "xiao2017fashion",
        "Section 2",
    ),
    _n(
        "goyal_warmup_epochs",
        5,
        "epochs",
        "length of the gradual warm-up: the learning rate starts at the small-batch rate eta and "
        "rises by a constant amount every iteration until it reaches k * eta after 5 epochs "
        "('results are robust to the exact duration of warmup')",
        "goyal2017accurate",
        "Section 2.2",
        metric="hyperparameter",
    ),
    _n(
        "goyal_reference_lr",
        0.1,
        "1",
        "the constant of the reference learning rate eta = 0.1 * kn / 256 for a global mini-batch "
        "of kn images (k workers with n images each): 0.1 at the baseline's 256",
        "goyal2017accurate",
        "Section 5.1",
        metric="hyperparameter",
    ),
    _n(
        "goyal_lr_8k",
        3.2,
        "1",
        "reference learning rate of the runs at a global mini-batch of 8k (k = 256 GPUs, n = 32): "
        "the baseline's 0.1 scaled by the linear rule",
        "goyal2017accurate",
        "Section 5.2 and Table 1",
        metric="hyperparameter",
    ),
    _n(
        "goyal_epochs",
        90,
        "epochs",
        "training epochs of every ImageNet run, whatever the mini-batch size",
        "goyal2017accurate",
        "Section 5.1",
        metric="hyperparameter",
    ),
    _n(
        "goyal_baseline_hours",
        29,
        "hours",
        "training time of the original ResNet-50 recipe, mini-batch 256 on 8 Tesla P100 GPUs",
        "goyal2017accurate",
        "Section 1",
        metric="time",
    ),
    _n(
        "goyal_scaling_efficiency",
        90,
        "%",
        "scaling efficiency when moving from 8 to 256 GPUs ('~90%'): the share of the ideal, "
        "linear speed-up that the 256 GPUs reached",
        "goyal2017accurate",
        "Abstract",
        metric="share",
    ),
    _rate(
        "goyal_top1_baseline",
        23.60,
        "top-1 error",
        "validation",
        1,
        "not stated",
        "ImageNet top-1 validation error of ResNet-50 at mini-batch 256 (8 GPUs, 32 images each, "
        "learning rate 0.1): the mean of 5 runs (std 0.12), each run's error the median of its "
        "last 5 epochs",
        "goyal2017accurate",
        "Section 5.1 and Table 1",
        decimals=2,
    ),
    _rate(
        "goyal_top1_8k",
        23.74,
        "top-1 error",
        "validation",
        1,
        "not stated",
        "ImageNet top-1 validation error of ResNet-50 at mini-batch 8k (256 GPUs, 32 images "
        "each, learning rate 3.2) with gradual warm-up: the mean of 5 runs (std 0.09)",
        "goyal2017accurate",
        "Table 1",
        decimals=2,
    ),
    _rate(
        "goyal_top1_8k_no_warmup",
        24.84,
        "top-1 error",
        "validation",
        1,
        "not stated",
        "ImageNet top-1 validation error of ResNet-50 at mini-batch 8k and learning rate 3.2 "
        "without warm-up: the mean of 5 runs (std 0.37)",
        "goyal2017accurate",
        "Table 1",
        decimals=2,
    ),
    # --- The GPU a Colab student is usually given ------------------------------------------------
    _n(
        "t4_fp16_tflops",
        65,
        "TFLOPS",
        "peak mixed-precision (FP16 with FP32 accumulation) tensor-core throughput of an NVIDIA T4, "
        "in trillions of floating-point operations per second",
        "nvidia2019t4",
        "datasheet, specifications table",
        metric="throughput",
        note="a peak: real training sustains a fraction of it, smaller networks a smaller one",
    ),
    _n(
        "t4_fp32_tflops",
        8.1,
        "TFLOPS",
        "peak single-precision (FP32) throughput of an NVIDIA T4",
        "nvidia2019t4",
        "datasheet, specifications table",
        metric="throughput",
    ),
    _n(
        "goyal_gpus",
        256,
        "GPUs",
        "GPUs that trained ResNet-50 on ImageNet in one hour",
        "goyal2017accurate",
        "Abstract",
    ),
    _n(
        "goyal_hours",
        1,
        "hour",
        "time to train ResNet-50 on ImageNet on 256 GPUs",
        "goyal2017accurate",
        "Abstract",
        metric="time",
    ),
    _n(
        "goyal_max_batch",
        8192,
        "images",
        "largest global mini-batch that kept the small-batch accuracy",
        "goyal2017accurate",
        "Abstract",
        metric="hyperparameter",
    ),
    _n(
        "goyal_baseline_batch",
        256,
        "images",
        "global mini-batch of the baseline that the large batches are compared with "
        "(8 GPUs with 32 images each)",
        "goyal2017accurate",
        "Section 5.1",
        metric="hyperparameter",
    ),
    _n(
        "goyal_per_gpu_batch",
        32,
        "images",
        "images per GPU (per worker), kept fixed as the global batch grows; batch "
        "normalisation computes its statistics over these alone",
        "goyal2017accurate",
        "Sections 2.3 and 5.1",
        metric="hyperparameter",
    ),
    # --- Numbers the lecture notes print (the chapters quote them to correct or confirm them) ------
    _rate(
        "notes_das_alexnet_7cnn_top5",
        15.4,
        "top-5 error",
        "validation",
        7,
        10,
        "AlexNet's top-5 error in the notes' '7 CNN ensemble: 18.2% -> 15.4%' (the paper's validation figure; its test figure is 15.3%)",
        "das2021cnn",
        "AlexNet, 'Details/Retrospectives' slide",
    ),
    _rate(
        "notes_famous_alexnet_top5",
        16,
        "top-5 error",
        "not stated",
        "entry",
        "not stated",
        "AlexNet's ILSVRC 2012 top-5 error as the notes round it ('16% compared to runner-up with 26%')",
        "famous_networks",
        "Section 'AlexNet'",
    ),
    _rate(
        "notes_famous_alexnet_runner_up",
        26,
        "top-5 error",
        "not stated",
        "entry",
        "not stated",
        "the ILSVRC 2012 runner-up's top-5 error as the notes round it (26.2% in the paper)",
        "famous_networks",
        "Section 'AlexNet'",
    ),
    _rate(
        "notes_famous_resnet_top5",
        3.6,
        "top-5 error",
        "not stated",
        "entry",
        "not stated",
        "ResNet's ILSVRC 2015 top-5 error rounded to one decimal in the notes (3.57%, six models, in the paper)",
        "famous_networks",
        "Figure 1.8 caption",
    ),
    _n(
        "notes_das_vgg16_activations",
        15.2,
        "million numbers",
        "VGG-16's total activations per image for a forward "
        "pass ('15.2M x 4 bytes ~ 58MB'), which the rows of the table add up to",
        "das2021cnn",
        "VGG 'Case Study' memory slide",
        metric="memory",
    ),
    _n(
        "notes_das_vgg16_mb",
        58,
        "MB",
        "the same total in 2^20-byte megabytes",
        "das2021cnn",
        "VGG 'Case Study' memory slide",
        metric="memory",
    ),
    _n(
        "notes_das_vgg16_params",
        138,
        "million parameters",
        "VGG-16's parameters as the memory slide totals them ('TOTAL params: 138M "
        "parameters'; its per-layer counts leave out the biases)",
        "das2021cnn",
        "VGG 'Case Study' memory slide",
    ),
    _n(
        "notes_pedersen_vgg16_activations",
        24,
        "million numbers",
        "VGG-16's total activations as printed "
        "('24M x 4 bytes = 96MB'); the table's rows add up to 15.2 M",
        "pedersen_lecture7",
        "VGG memory slide",
        metric="memory",
    ),
    _n(
        "notes_pedersen_vgg16_mb",
        96,
        "MB",
        "the megabytes printed with that total",
        "pedersen_lecture7",
        "VGG memory slide",
        metric="memory",
    ),
    _n(
        "notes_famous_vgg16_mb",
        93,
        "MB",
        "the megabytes printed with the same 24 M total ('~= 93MB')",
        "famous_networks",
        "Section 'VGGNet'",
        metric="memory",
    ),
    _n(
        "notes_vgg16_params",
        138,
        "million parameters",
        "VGG-16's parameters as the notes round them ('TOTAL params: 138M "
        "parameters'; also in Pedersen's, Kira's and the Famous Networks notes)",
        "das2021cnn",
        "VGG 'Case Study' memory slide",
    ),
    _n(
        "notes_pedersen_vgg16_params_mb",
        552,
        "MB",
        "memory of VGG-16's parameters as printed under the 138M total (4 bytes each of the "
        "rounded 138 M)",
        "pedersen_lecture7",
        "VGG memory slide",
        metric="memory",
    ),
    _n(
        "notes_inception_naive_mops",
        854,
        "million operations",
        "the notes' total for the naive Inception module on 28x28x256 (correct)",
        "das2021cnn",
        "GoogLeNet, naive Inception module slide",
        metric="count",
    ),
    _n(
        "notes_inception_reduced_mops",
        358,
        "million operations",
        "the notes' total for the module with 1x1 "
        "reductions; its own six terms add up to 271 M",
        "das2021cnn",
        "GoogLeNet, 'Total: 358M ops' slide",
    ),
    _rate(
        "notes_googlenet_top5_rounded",
        6.7,
        "top-5 error",
        "not stated",
        "entry",
        "not stated",
        "GoogLeNet's ILSVRC 2014 top-5 error rounded to one decimal ('ILSVRC'14 classification "
        "winner (6.7% top 5 error)'; also in Pedersen's and Kira's slides; 6.67% in the paper)",
        "das2021cnn",
        "GoogLeNet 'Case Study' slide",
    ),
    _n(
        "notes_pedersen_googlenet_fc_weights",
        51.3,
        "million weights",
        "weights of a fully connected layer from 7x7x1024 to 1,024 units as printed "
        "('7 x 7 x 1024 x 1024 = 51.3M'; the product is 51,380,224)",
        "pedersen_lecture7",
        "GoogLeNet 'Global Average Pooling' slide",
    ),
    _n(
        "notes_googlenet_params",
        5,
        "million parameters",
        "GoogLeNet's parameters as the slides round them "
        "('Only 5 million parameters!')",
        "das2021cnn",
        "GoogLeNet 'Case Study' slide",
    ),
    _n(
        "notes_famous_googlenet_params",
        4,
        "million parameters",
        "GoogLeNet's parameters as the notes' prose gives "
        "them ('4M, compared to AlexNet with 60M')",
        "famous_networks",
        "Section 'GoogLeNet'",
    ),
    _n(
        "notes_famous_googlenet_compute_factor",
        2,
        "times",
        "the notes' 'Compared to AlexNet: 2x more compute'",
        "famous_networks",
        "Section 'GoogLeNet'",
        metric="ratio",
    ),
    _n(
        "notes_dube_3x3_saving",
        55,
        "%",
        "the notes' '55% less' parameters for three 3x3 layers against one 7x7 "
        "(27/49 = 55% *of* the parameters, 45% fewer)",
        "dube_lecture6",
        "VGG slide",
        metric="relative change",
    ),
    _n(
        "notes_pedersen_resnet_weight_decay",
        0.00001,
        "1",
        "ResNet's weight decay as the notes give it ('1e-5'; the paper uses 1e-4)",
        "pedersen_lecture7",
        "ResNet training slide",
        metric="hyperparameter",
    ),
    _n(
        "notes_pedersen_standard_conv_macs",
        86_400,
        "MACs",
        "MACs of the standard convolution in the notes' worked example (a 3x3 convolution from 3 to 128 channels on a 5x5 output), "
        "which counting confirms",
        "pedersen_lecture7",
        "MobileNet, 'Standard convolution' slide",
    ),
    _n(
        "notes_pedersen_depthwise_macs",
        675,
        "MACs",
        "MACs of the depthwise part in the notes' worked example (a 3x3 convolution from 3 to 128 channels on a 5x5 output), "
        "which counting confirms",
        "pedersen_lecture7",
        "MobileNet, 'Depthwise Separable Convolution' slide",
    ),
    _n(
        "notes_pedersen_pointwise_macs",
        9_600,
        "MACs",
        "MACs of the pointwise part in the notes' worked example (a 3x3 convolution from 3 to 128 channels on a 5x5 output), "
        "which counting confirms",
        "pedersen_lecture7",
        "MobileNet, 'Depthwise Separable Convolution' slide",
    ),
    _n(
        "notes_pedersen_separable_macs",
        10_275,
        "MACs",
        "MACs of the whole depthwise separable convolution in the notes' worked example (a 3x3 convolution from 3 to 128 channels on a 5x5 output), "
        "which counting confirms",
        "pedersen_lecture7",
        "MobileNet, 'Depthwise Separable Convolution' slide",
    ),
    _n(
        "notes_pedersen_alexnet_mb",
        249,
        "MB",
        "memory of AlexNet's parameters in float32",
        "pedersen_lecture7",
        "AlexNet 'Memory consumption' slide",
        metric="memory",
    ),
    _n(
        "notes_das_c3d_activations",
        28.3,
        "million numbers",
        "C3D's total activations per clip for a forward pass",
        "das2021cnn",
        "C3D memory slide",
        metric="memory",
    ),
    _n(
        "notes_das_c3d_conv1a_memory",
        12.8,
        "million numbers",
        "activations of C3D's conv1a (16 x 112 x 112 x 64) as the C3D table rounds them",
        "das2021cnn",
        "C3D table, CONV1a row",
        metric="memory",
    ),
    _n(
        "notes_das_c3d_conv1a_params",
        5_184,
        "parameters",
        "conv1a's weights as the C3D table counts them, 3 x (3 x 3 x 3) x 64: without the 64 biases",
        "das2021cnn",
        "C3D table, CONV1a row",
    ),
    _n(
        "notes_das_c3d_params",
        78.4,
        "million parameters",
        "C3D's total parameters as the C3D table rounds them",
        "das2021cnn",
        "C3D table, TOTAL params",
    ),
    _n(
        "notes_das_c3d_mb",
        107.82,
        "MB",
        "the same total in 2^20-byte megabytes ('107.82MB')",
        "das2021cnn",
        "C3D memory slide",
        metric="memory",
    ),
    # --- depth facts, ch01 (insert this chapter's new facts directly below this line) ---
    # --- depth facts, ch02 (insert this chapter's new facts directly below this line) ---
    # --- depth facts, ch03 (insert this chapter's new facts directly below this line) ---
    _n(
        "lenet5_s2_trainable_params",
        12,
        "parameters",
        "trainable parameters of LeNet-5's first subsampling layer S2: one coefficient "
        "and one bias for each of its six maps",
        "lecun1998gradient",
        "Section II-B",
    ),
    _n(
        "alexnet_overlap_pool_top1_gain",
        0.4,
        "%",
        "reduction of top-1 error from overlapping pooling (3x3 windows, stride 2) "
        "compared with non-overlapping 2x2 windows at stride 2, same output size",
        "krizhevsky2012imagenet",
        "Section 3.4",
        metric="relative change",
    ),
    _n(
        "alexnet_overlap_pool_top5_gain",
        0.3,
        "%",
        "reduction of top-5 error from overlapping pooling (3x3 windows, stride 2) "
        "compared with non-overlapping 2x2 windows at stride 2, same output size",
        "krizhevsky2012imagenet",
        "Section 3.4",
        metric="relative change",
    ),
    # --- depth facts, ch04 (insert this chapter's new facts directly below this line) ---
    _n(
        "notes_pedersen_7x7_weights",
        147,
        "weights",
        "the notes' weight count for one 7x7 filter over 3 input channels "
        "(1 x 7 x 7 x 3), set against a stack of three 3x3 layers",
        "pedersen_lecture7",
        "VGGNet 'Why use smaller filters?' slide",
        note="counts one filter per layer, not C filters: the ratio 27/49 is right, "
        "the totals are not those of a layer with several output channels",
    ),
    _n(
        "notes_pedersen_3x3_stack_weights",
        81,
        "weights",
        "the notes' weight count for three 3x3 filters over 3 input channels "
        "(3 x 3 x 3 x 3, 'num_layers x kernel_size x kernel_size x channels')",
        "pedersen_lecture7",
        "VGGNet 'Why use smaller filters?' slide",
        note="one filter per layer; with 3 channels in and out the stack has 243 "
        "weights against 441",
    ),
    # --- depth facts, ch05 (insert this chapter's new facts directly below this line) ---
    # --- depth facts, ch06 (insert this chapter's new facts directly below this line) ---
    _n(
        "lecun1989_train_digits",
        7_291,
        "images",
        "training digits of the 1989 zip-code network, segmented from US Postal Service "
        "zip codes",
        "lecun1989backpropagation",
        "Section 2",
    ),
    _n(
        "lecun1989_test_digits",
        2_007,
        "images",
        "test digits of the 1989 zip-code network",
        "lecun1989backpropagation",
        "Section 2",
    ),
    _n(
        "lecun1989_connections",
        64_660,
        "connections",
        "connections of the 1989 zip-code network (H1, H2, H3 and the output layer)",
        "lecun1989backpropagation",
        "Section 3",
    ),
    _n(
        "lecun1989_free_params",
        9_760,
        "parameters",
        "independent (free) parameters of the 1989 zip-code network, after weight sharing",
        "lecun1989backpropagation",
        "Section 3",
    ),
    _rate(
        "lecun1989_test_error",
        5.0,
        "error",
        "test",
        1,
        "not applicable",
        "error of the 1989 zip-code network on its test digits, no rejection",
        "lecun1989backpropagation",
        "Section 5",
        decimals=1,
    ),
    _n(
        "mnist_train_writers",
        250,
        "writers",
        "approximate number of writers of MNIST's training set, disjoint from the test "
        "set's writers",
        "lecun1998gradient",
        "Section III-A",
    ),
    _n(
        "mnist_distorted_extra",
        540_000,
        "images",
        "distorted training images added to the 60,000 MNIST training images "
        "(translations, scaling, squeezing, horizontal shearing)",
        "lecun1998gradient",
        "Section III-B",
        note="the existing LeNet-5 error facts cite Section III-C for the same results",
    ),
    _n(
        "lenet5_train_passes",
        20,
        "passes",
        "passes through the MNIST training set for which LeNet-5 was trained",
        "lecun1998gradient",
        "Section III-B",
        metric="hyperparameter",
    ),
    _n(
        "lenet5_input_background",
        -0.1,
        "1",
        "input value of the white background after normalisation",
        "lecun1998gradient",
        "Section II-B",
        metric="hyperparameter",
    ),
    _n(
        "lenet5_input_foreground",
        1.175,
        "1",
        "input value of black (ink) pixels after normalisation",
        "lecun1998gradient",
        "Section II-B",
        metric="hyperparameter",
    ),
    _n(
        "lenet5_init_scale",
        2.4,
        "1",
        "weights initialised uniformly in [-c/F, c/F], F the unit's fan-in: the constant c",
        "lecun1998gradient",
        "Appendix A",
        metric="hyperparameter",
    ),
    _rate(
        "lenet1_mnist_error",
        1.7,
        "error",
        "test",
        1,
        "not applicable",
        "MNIST test error of LeNet-1",
        "lecun1998gradient",
        "Section III-C, Fig. 9",
    ),
    _rate(
        "lenet4_mnist_error",
        1.1,
        "error",
        "test",
        1,
        "not applicable",
        "MNIST test error of LeNet-4",
        "lecun1998gradient",
        "Section III-C, Fig. 9",
    ),
    _rate(
        "boosted_lenet4_mnist_error",
        0.7,
        "error",
        "test",
        3,
        "not applicable",
        "MNIST test error of boosted LeNet-4 (three LeNet-4 combined by boosting, trained "
        "with artificially distorted patterns: '[dist]' in Fig. 9)",
        "lecun1998gradient",
        "Section III-C, Fig. 9",
    ),
    _rate(
        "svm_poly4_mnist_error",
        1.1,
        "error",
        "test",
        1,
        "not applicable",
        "MNIST test error of a support vector machine with a degree-4 polynomial kernel",
        "lecun1998gradient",
        "Section III-C, Fig. 9",
    ),
    _rate(
        "vsvm_mnist_error",
        0.8,
        "error",
        "test",
        1,
        "not applicable",
        "MNIST test error of the virtual SVM (degree-9 polynomial kernel, trained with "
        "added distorted support vectors)",
        "lecun1998gradient",
        "Section III-C, Fig. 9",
    ),
    # --- depth facts, ch08 (insert this chapter's new facts directly below this line) ---
    _n(
        "vgg_batch_size",
        256,
        "images",
        "mini-batch size of VGG's SGD training",
        "simonyan2015very",
        "Section 3.1",
    ),
    _n(
        "vgg_momentum",
        0.9,
        "1",
        "momentum coefficient of VGG's SGD training",
        "simonyan2015very",
        "Section 3.1",
        metric="hyperparameter",
    ),
    _n(
        "vgg_weight_decay",
        5e-4,
        "1",
        "L2 penalty multiplier (weight decay) of VGG's training",
        "simonyan2015very",
        "Section 3.1",
        metric="hyperparameter",
    ),
    _n(
        "vgg_dropout",
        0.5,
        "1",
        "dropout ratio of VGG's first two fully connected layers",
        "simonyan2015very",
        "Section 3.1",
        metric="hyperparameter",
    ),
    _n(
        "vgg_lr_initial",
        0.01,
        "1",
        "initial learning rate of VGG's training, divided by 10 when the validation "
        "accuracy stopped improving",
        "simonyan2015very",
        "Section 3.1",
        metric="hyperparameter",
    ),
    _n(
        "vgg_iterations",
        370_000,
        "iterations",
        "SGD iterations after which VGG's training was stopped",
        "simonyan2015very",
        "Section 3.1",
    ),
    _n(
        "vgg_epochs",
        74,
        "epochs",
        "epochs after which VGG's training was stopped (the same point as 370K iterations)",
        "simonyan2015very",
        "Section 3.1",
    ),
    _n(
        "vgg_init_variance",
        0.01,
        "1",
        "variance of the zero-mean normal distribution from which VGG drew its random "
        "weights (as the paper writes it: 10^-2 variance)",
        "simonyan2015very",
        "Section 3.1",
        metric="hyperparameter",
        note="He et al. (2015) describe the fixed Gaussian init of such networks as "
        "standard deviation 0.01; the VGG text says variance",
    ),
    _n(
        "vgg_jitter_scale_min",
        256,
        "pixels",
        "smallest training scale S (shorter image side) of VGG's multi-scale training",
        "simonyan2015very",
        "Section 3.1",
    ),
    _n(
        "vgg_jitter_scale_max",
        512,
        "pixels",
        "largest training scale S (shorter image side) of VGG's multi-scale training",
        "simonyan2015very",
        "Section 3.1",
    ),
    _rate(
        "vgg_a_top1_val",
        29.6,
        "top-1 error",
        "validation",
        1,
        "dense",
        "top-1 validation error of configuration A, trained and tested at scale 256",
        "simonyan2015very",
        "Table 3",
    ),
    _rate(
        "vgg_alrn_top1_val",
        29.7,
        "top-1 error",
        "validation",
        1,
        "dense",
        "top-1 validation error of configuration A with local response normalisation "
        "(A-LRN), trained and tested at scale 256",
        "simonyan2015very",
        "Table 3",
    ),
    _n(
        "bn_fewer_steps_factor",
        14,
        "times",
        "how many times fewer training steps a batch-normalised Inception network needed "
        "to reach the accuracy of the original",
        "ioffe2015batch",
        "Abstract; Section 4.2.2",
        metric="ratio",
    ),
    _rate(
        "gn_bs2_error_lower",
        10.6,
        "error",
        "validation",
        1,
        1,
        "how much lower, in percentage points, the ImageNet top-1 validation error of "
        "ResNet-50 with group normalisation is than with batch normalisation at a batch "
        "size of 2 images per GPU",
        "wu2018group",
        "Abstract; Section 4.1",
        decimals=1,
    ),
    # --- depth facts, ch09 (insert this chapter's new facts directly below this line) ---
    _rate(
        "nin_cifar10_error_gap",
        10.41,
        "error",
        "test",
        1,
        "not stated",
        "CIFAR-10 test error of Network in Network (three mlpconv layers, dropout, global "
        "average pooling head), without data augmentation",
        "lin2014network",
        "Tables 1 and 5",
    ),
    _rate(
        "nin_cifar10_error_fc",
        11.59,
        "error",
        "test",
        1,
        "not stated",
        "CIFAR-10 test error of the same mlpconv layers with a fully connected head instead "
        "of global average pooling, no dropout in the head",
        "lin2014network",
        "Table 5 (global average pooling as a regulariser)",
    ),
    _rate(
        "nin_cifar10_error_fc_dropout",
        10.88,
        "error",
        "test",
        1,
        "not stated",
        "CIFAR-10 test error of the same mlpconv layers with a fully connected head "
        "regularised by dropout",
        "lin2014network",
        "Table 5 (global average pooling as a regulariser)",
    ),
    _n(
        "googlenet_sgd_momentum",
        0.9,
        "1",
        "momentum of the asynchronous stochastic gradient descent GoogLeNet was trained with",
        "szegedy2015going",
        "Section 6",
        metric="hyperparameter",
    ),
    _n(
        "googlenet_lr_decay_pct",
        4,
        "%",
        "how much the learning rate was decreased at each step of the fixed schedule",
        "szegedy2015going",
        "Section 6",
        metric="hyperparameter",
    ),
    _n(
        "googlenet_lr_decay_epochs",
        8,
        "epochs",
        "interval of the fixed learning-rate schedule: one decrease every this many epochs",
        "szegedy2015going",
        "Section 6",
        metric="hyperparameter",
    ),
    _n(
        "googlenet_crop_area_min",
        8,
        "%",
        "smallest training patch, as a share of the image area (patch areas sampled evenly "
        "up to the whole image)",
        "szegedy2015going",
        "Section 6",
        metric="hyperparameter",
    ),
    _n(
        "googlenet_crop_area_max",
        100,
        "%",
        "largest training patch, as a share of the image area",
        "szegedy2015going",
        "Section 6",
        metric="hyperparameter",
    ),
    _rate(
        "googlenet_top5_val_1model_10crops",
        9.15,
        "top-5 error",
        "validation",
        1,
        10,
        "top-5 validation error of one GoogLeNet on ten crops",
        "szegedy2015going",
        "Table 3",
    ),
    _rate(
        "googlenet_top5_val_1model_144crops",
        7.89,
        "top-5 error",
        "validation",
        1,
        144,
        "top-5 validation error of one GoogLeNet on 144 crops",
        "szegedy2015going",
        "Table 3",
    ),
    _rate(
        "googlenet_top5_val_7models_1crop",
        8.09,
        "top-5 error",
        "validation",
        7,
        1,
        "top-5 validation error of seven GoogLeNets on one crop each",
        "szegedy2015going",
        "Table 3",
    ),
    _rate(
        "googlenet_top5_val_7models_10crops",
        7.62,
        "top-5 error",
        "validation",
        7,
        10,
        "top-5 validation error of seven GoogLeNets on ten crops each",
        "szegedy2015going",
        "Table 3",
    ),
    # --- depth facts, ch10 (insert this chapter's new facts directly below this line) ---
    _rate(
        "preact_t1_original_110",
        6.61,
        "error",
        "test",
        1,
        1,
        "CIFAR-10 test error of the original ResNet-110 (identity shortcut, ReLU after the addition), the baseline of the shortcut ablation",
        "he2016identity",
        "Table 1",
        note="The same figure as the original paper's mean of five ResNet-110 runs (he2016deep, Table 6).",
    ),
    _rate(
        "preact_t1_scaling_110",
        12.35,
        "error",
        "test",
        1,
        1,
        "CIFAR-10 test error of ResNet-110 with the shortcut and the residual branch both scaled by 0.5 (constant scaling)",
        "he2016identity",
        "Table 1",
        note="Scaling the shortcut by 0.5 and leaving the branch unscaled failed to converge well.",
    ),
    _rate(
        "preact_t1_exclusive_gating_110",
        8.7,
        "error",
        "test",
        1,
        1,
        "CIFAR-10 test error of ResNet-110 with exclusive gating (shortcut times 1 - g(x), branch times g(x)), gate bias initialised to -6",
        "he2016identity",
        "Table 1",
        note="With gate biases initialised between 0 and -5 the paper reports failure.",
        decimals=2,
    ),
    _rate(
        "preact_t1_shortcut_gating0_110",
        12.86,
        "error",
        "test",
        1,
        1,
        "CIFAR-10 test error of ResNet-110 with shortcut-only gating (shortcut times 1 - g(x)), gate bias initialised to 0",
        "he2016identity",
        "Table 1",
    ),
    _rate(
        "preact_t1_shortcut_gating6_110",
        6.91,
        "error",
        "test",
        1,
        1,
        "CIFAR-10 test error of ResNet-110 with shortcut-only gating, gate bias initialised to -6, so the gate starts almost open (near identity)",
        "he2016identity",
        "Table 1",
    ),
    _rate(
        "preact_t1_conv_shortcut_110",
        12.22,
        "error",
        "test",
        1,
        1,
        "CIFAR-10 test error of ResNet-110 with a 1x1 convolution on every shortcut",
        "he2016identity",
        "Table 1",
    ),
    _rate(
        "preact_t2_bn_after_add_110",
        8.17,
        "error",
        "test",
        1,
        1,
        "CIFAR-10 test error of ResNet-110 with batch norm moved after the addition",
        "he2016identity",
        "Table 2",
    ),
    _rate(
        "preact_t2_bn_after_add_164",
        6.5,
        "error",
        "test",
        1,
        1,
        "CIFAR-10 test error of ResNet-164 (bottleneck) with batch norm moved after the addition",
        "he2016identity",
        "Table 2",
        decimals=2,
    ),
    _rate(
        "preact_t2_relu_before_add_110",
        7.84,
        "error",
        "test",
        1,
        1,
        "CIFAR-10 test error of ResNet-110 with the ReLU moved before the addition (the branch output is non-negative)",
        "he2016identity",
        "Table 2",
    ),
    _rate(
        "preact_t2_relu_before_add_164",
        6.14,
        "error",
        "test",
        1,
        1,
        "CIFAR-10 test error of ResNet-164 with the ReLU moved before the addition",
        "he2016identity",
        "Table 2",
    ),
    _rate(
        "preact_t2_relu_only_110",
        6.71,
        "error",
        "test",
        1,
        1,
        "CIFAR-10 test error of ResNet-110 with ReLU-only pre-activation (batch norm stays after the convolutions)",
        "he2016identity",
        "Table 2",
    ),
    _rate(
        "preact_t2_relu_only_164",
        5.91,
        "error",
        "test",
        1,
        1,
        "CIFAR-10 test error of ResNet-164 with ReLU-only pre-activation",
        "he2016identity",
        "Table 2",
    ),
    _rate(
        "preact_t2_full_110",
        6.37,
        "error",
        "test",
        1,
        1,
        "CIFAR-10 test error of ResNet-110 with full pre-activation (BN-ReLU before each convolution)",
        "he2016identity",
        "Tables 2 and 3",
    ),
    _rate(
        "preact_t2_full_164",
        5.46,
        "error",
        "test",
        1,
        1,
        "CIFAR-10 test error of ResNet-164 with full pre-activation",
        "he2016identity",
        "Tables 2 and 3",
    ),
    _rate(
        "preact_t2_original_164",
        5.93,
        "error",
        "test",
        1,
        1,
        "CIFAR-10 test error of the original (post-activation) ResNet-164",
        "he2016identity",
        "Tables 2 and 3",
    ),
    _rate(
        "preact_t3_original_1001_c10",
        7.61,
        "error",
        "test",
        1,
        1,
        "CIFAR-10 test error of the original (post-activation) ResNet-1001",
        "he2016identity",
        "Table 3",
    ),
    _rate(
        "preact_t3_full_1001_c10",
        4.92,
        "error",
        "test",
        1,
        1,
        "CIFAR-10 test error of the pre-activation ResNet-1001",
        "he2016identity",
        "Table 3",
    ),
    _rate(
        "preact_t3_original_164_c100",
        25.16,
        "error",
        "test",
        1,
        1,
        "CIFAR-100 test error of the original ResNet-164",
        "he2016identity",
        "Table 3",
    ),
    _rate(
        "preact_t3_full_164_c100",
        24.33,
        "error",
        "test",
        1,
        1,
        "CIFAR-100 test error of the pre-activation ResNet-164",
        "he2016identity",
        "Table 3",
    ),
    _rate(
        "preact_t3_original_1001_c100",
        27.82,
        "error",
        "test",
        1,
        1,
        "CIFAR-100 test error of the original ResNet-1001",
        "he2016identity",
        "Table 3",
    ),
    _rate(
        "preact_t3_full_1001_c100",
        22.71,
        "error",
        "test",
        1,
        1,
        "CIFAR-100 test error of the pre-activation ResNet-1001",
        "he2016identity",
        "Table 3",
    ),
    _rate(
        "preact_1001_c10_best",
        4.62,
        "error",
        "test",
        1,
        1,
        "CIFAR-10 test error of the pre-activation ResNet-1001 trained with mini-batches of 64 instead of 128",
        "he2016identity",
        "Abstract and Table 4",
    ),
    _n(
        "preact_scaling_lambda",
        0.5,
        "1",
        "the constant by which the scaling ablation multiplies the shortcut (and, in its "
        "converging variant, the residual branch)",
        "he2016identity",
        "Table 1 and Section 3.1",
        metric="hyperparameter",
    ),
    _n(
        "preact_gate_bias",
        -6,
        "1",
        "initial bias of the 1x1-convolution gates g(x) = sigmoid(Wx + b) in the gating "
        "ablations, chosen so that the shortcut starts almost open",
        "he2016identity",
        "Table 1",
        metric="hyperparameter",
    ),
    # --- depth facts, ch12 (insert this chapter's new facts directly below this line) ---
    # --- depth facts, ch13 (insert this chapter's new facts directly below this line) ---
    _n(
        "unet_border_w0",
        10,
        "1",
        "w0, the scale of the border term exp(-(d1 + d2)^2 / (2 sigma^2)) in U-Net's "
        "per-pixel loss weight map",
        "ronneberger2015unet",
        "Section 3 (equation 2 and the text under it)",
        metric="hyperparameter",
    ),
    _n(
        "unet_border_sigma",
        5,
        "pixels",
        "sigma of the border term of U-Net's weight map (the paper writes 'sigma approx. "
        "5 pixels')",
        "ronneberger2015unet",
        "Section 3 (text under equation 2)",
        metric="hyperparameter",
    ),
    _n(
        "unet_momentum",
        0.99,
        "1",
        "SGD momentum U-Net is trained with, chosen high because the batch is a single "
        "image, so that many earlier samples shape each update",
        "ronneberger2015unet",
        "Section 3",
        metric="hyperparameter",
        decimals=2,
    ),
    _n(
        "unet_elastic_sd_pixels",
        10,
        "pixels",
        "standard deviation of the Gaussian random displacement vectors sampled on a "
        "coarse 3 by 3 grid for U-Net's elastic deformations (per-pixel displacements then "
        "by bicubic interpolation)",
        "ronneberger2015unet",
        "Section 3.1",
        metric="hyperparameter",
    ),
    _n(
        "fcn_coarsest_stride",
        32,
        "pixels",
        "output stride of the coarsest FCN prediction (after pool5 of VGG-16): one score "
        "per 32 by 32 block of input pixels, upsampled back in one step by FCN-32s",
        "long2015fully",
        "Section 4.2 and Figure 3",
    ),
    _rate(
        "fcn32s_voc2011_val_iou",
        59.4,
        "IoU",
        "validation",
        1,
        "not applicable",
        "mean IU (class-averaged intersection over union) of FCN-32s, upsampling the "
        "stride-32 prediction in one step, on a subset of the PASCAL VOC 2011 segmentation "
        "validation set (segval)",
        "long2015fully",
        "Table 2",
    ),
    _rate(
        "fcn16s_voc2011_val_iou",
        62.4,
        "IoU",
        "validation",
        1,
        "not applicable",
        "mean IU of FCN-16s (adds a skip from pool4) on the same VOC 2011 validation "
        "subset",
        "long2015fully",
        "Table 2; Section 4.2 ('by 3.0 mean IU to 62.4')",
    ),
    _rate(
        "fcn8s_voc2011_val_iou",
        62.7,
        "IoU",
        "validation",
        1,
        "not applicable",
        "mean IU of FCN-8s (adds a further skip from pool3) on the same VOC 2011 "
        "validation subset",
        "long2015fully",
        "Table 2",
        note="CVPR 2015 version; the 2017 PAMI version reports higher numbers from "
        "longer, differently staged training",
    ),
    # --- depth facts, ch14 (insert this chapter's new facts directly below this line) ---
    _n(
        "facenet_margin",
        0.2,
        "1",
        "margin alpha of FaceNet's triplet loss, on squared distances between embeddings "
        "of unit length",
        "schroff2015facenet",
        "Section 3.3",
        metric="hyperparameter",
    ),
    _n(
        "facenet_embedding_dim",
        128,
        "dimensions",
        "length of FaceNet's L2-normalised face embedding",
        "schroff2015facenet",
        "Section 1; Table 5 compares other lengths",
        metric="hyperparameter",
    ),
    _n(
        "facenet_batch_exemplars",
        1800,
        "faces",
        "approximate size of FaceNet's mini-batches, within which the triplets are mined",
        "schroff2015facenet",
        "Section 3.2",
        metric="hyperparameter",
        note="the paper says 'around 1,800 exemplars'",
    ),
    _n(
        "facenet_faces_per_identity",
        40,
        "faces",
        "approximate number of faces of each identity that FaceNet's sampling puts in one "
        "mini-batch (random negative faces are added)",
        "schroff2015facenet",
        "Section 3.2",
        metric="hyperparameter",
    ),
    _rate(
        "facenet_lfw_accuracy",
        99.63,
        "accuracy",
        "test",
        1,
        "not stated",
        "face verification accuracy on the test folds of Labeled Faces in the Wild, with "
        "the paper's additional face alignment (standard unrestricted protocol)",
        "schroff2015facenet",
        "Abstract; Section 5.6",
    ),
    _n(
        "koch_minibatch",
        128,
        "pairs",
        "mini-batch size of Koch et al.'s verification training",
        "koch2015siamese",
        "Section 3.2, optimization",
        metric="hyperparameter",
    ),
    _n(
        "koch_initial_momentum",
        0.5,
        "1",
        "momentum of every layer at the start of Koch et al.'s training; it rises "
        "linearly each epoch to a final value per layer found by the hyperparameter search",
        "koch2015siamese",
        "Section 3.2, learning schedule",
        metric="hyperparameter",
    ),
    _n(
        "koch_lr_decay_per_epoch",
        1,
        "%",
        "decay of every layer's learning rate per epoch in Koch et al.'s schedule "
        "(each epoch multiplies it by 0.99)",
        "koch2015siamese",
        "Section 3.2, learning schedule",
        metric="relative change",
    ),
    _rate(
        "koch_omniglot_20way_1nn",
        21.7,
        "20-way one-shot accuracy",
        "test",
        1,
        "not applicable",
        "accuracy of the 1-nearest-neighbour baseline (Euclidean distance on pixels) on the "
        "same 20-way one-shot Omniglot test trials, as Koch et al. list it",
        "koch2015siamese",
        "Table 2",
    ),
    _rate(
        "koch_omniglot_20way_hbpl",
        95.2,
        "20-way one-shot accuracy",
        "test",
        1,
        "not applicable",
        "accuracy of Lake et al.'s Hierarchical Bayesian Program Learning on the 20-way "
        "one-shot Omniglot test trials, as Koch et al. list it (it uses stroke data)",
        "koch2015siamese",
        "Table 2",
    ),
    _rate(
        "bpl_omniglot_20way_error",
        3.3,
        "error",
        "test",
        1,
        "not applicable",
        "error of Lake et al.'s Bayesian Program Learning on their 20-way one-shot "
        "classification test trials (people: 4.5%)",
        "lake2015human",
        "main text, one-shot classification results",
        note="Koch et al.'s Table 2 quotes the older HBPL model (95.2% accuracy), not this "
        "2015 result",
    ),
    _rate(
        "protonet_omniglot_20way",
        96.0,
        "20-way one-shot accuracy",
        "test",
        1,
        "not applicable",
        "accuracy of prototypical networks on 20-way one-shot Omniglot test episodes",
        "snell2017prototypical",
        "Table 1",
        decimals=1,
        note="on Vinyals et al.'s split of Omniglot's characters (images 28x28; rotations "
        "by multiples of 90 degrees as new classes), not Koch et al.'s alphabet split, so "
        "not comparable with their 92.0%",
    ),
    _n(
        "protonet_omniglot_train_way",
        60,
        "classes",
        "classes per training episode of prototypical networks on Omniglot (more than "
        "the 5 or 20 of the test episodes)",
        "snell2017prototypical",
        "Section 3.1",
        metric="hyperparameter",
    ),
    _rate(
        "simclr_linear_top1",
        76.5,
        "top-1 accuracy",
        "validation",
        1,
        "not stated",
        "ImageNet top-1 accuracy on the validation set of a linear classifier trained on "
        "SimCLR's self-supervised ResNet-50 (4x) features",
        "chen2020simple",
        "Abstract; Table 6",
    ),
    _n(
        "simclr_max_batch",
        8192,
        "images",
        "largest batch size SimCLR trains with; each image's positive is the other view "
        "of itself, and the other 2(N - 1) views of the batch are its negatives",
        "chen2020simple",
        "Section 2.2",
        metric="hyperparameter",
    ),
    # --- depth facts, ch16 (insert this chapter's new facts directly below this line) ---
    _rate(
        "karpathy_sports1m_single_frame_video_hit1",
        59.3,
        "video hit@1",
        "test",
        1,
        "not stated",
        "Sports-1M test-set video hit@1 of the single-frame network (Karpathy et al.)",
        "karpathy2014large",
        "Abstract and Table 1",
    ),
    _rate(
        "karpathy_sports1m_slow_fusion_video_hit1",
        60.9,
        "video hit@1",
        "test",
        1,
        "not stated",
        "Sports-1M test-set video hit@1 of the Slow Fusion network, the best spatio-temporal "
        "network of Karpathy et al.",
        "karpathy2014large",
        "Abstract and Table 1",
    ),
    _n(
        "c3d_search_lr",
        0.003,
        "1",
        "initial learning rate of the temporal-depth search networks trained on UCF101",
        "tran2015learning",
        "Section 3.1",
        metric="hyperparameter",
    ),
    _n(
        "c3d_search_epochs",
        16,
        "epochs",
        "epochs the temporal-depth search networks were trained (learning rate divided by 10 "
        "every 4 epochs)",
        "tran2015learning",
        "Section 3.1",
        metric="hyperparameter",
    ),
    _n(
        "c3d_search_params_m",
        17.5,
        "million parameters",
        "parameters of each network of the temporal-depth search",
        "tran2015learning",
        "Section 3.1",
    ),
    _n(
        "c3d_search_depth7_extra_params_k",
        51,
        "thousand parameters",
        "how many more parameters the depth-7 search network has than the depth-1 one",
        "tran2015learning",
        "Section 3.1",
        note="the paper adds: less than 0.3% of the 17.5 million",
    ),
    _n(
        "c3d_batch_clips",
        30,
        "clips",
        "clips per mini-batch of SGD, in the search and on Sports-1M",
        "tran2015learning",
        "Sections 3.1 and 3.3",
        metric="hyperparameter",
    ),
    _n(
        "c3d_sports1m_clips_per_video",
        5,
        "clips",
        "two-second clips extracted at random from every Sports-1M training video",
        "tran2015learning",
        "Section 3.3",
        metric="hyperparameter",
    ),
    _n(
        "c3d_sports1m_iterations_m",
        1.9,
        "million iterations",
        "SGD iterations after which C3D's Sports-1M training stopped (about 13 epochs; the "
        "learning rate, 0.003 at first, halves every 150K iterations)",
        "tran2015learning",
        "Section 3.3",
        metric="hyperparameter",
    ),
    _rate(
        "c3d_ucf101_10dims",
        52.8,
        "accuracy",
        "test",
        1,
        "not applicable",
        "UCF101 test accuracy of a linear classifier on C3D features reduced to 10 dimensions (PCA)",
        "tran2015learning",
        "Abstract; Section 4 ('C3D is compact')",
    ),
    _n(
        "twostream_flow_frames",
        10,
        "frames",
        "consecutive optical-flow fields stacked as the temporal stream's input (L, giving "
        "2L channels of horizontal and vertical displacement)",
        "simonyan2014twostream",
        "Section 3.1 (L flows, 2L channels); Section 6 and Table 1b (L kept fixed to 10)",
        metric="hyperparameter",
    ),
    _rate(
        "twostream_ucf101_svm",
        88.0,
        "accuracy",
        "test",
        1,
        "not stated",
        "UCF101 test accuracy (mean over the three splits) of the two-stream network, spatial "
        "and temporal streams fused by an SVM",
        "simonyan2014twostream",
        "Table 4",
        decimals=1,
        note="one model of two streams; the streams are two ConvNets",
    ),
    _n(
        "kinetics_classes",
        400,
        "classes",
        "human action classes of Kinetics (the first release, Kinetics-400)",
        "kay2017kinetics",
        "Abstract",
    ),
    _n(
        "kinetics_min_clips_per_class",
        400,
        "clips",
        "the fewest clips of any Kinetics class (each clip about ten seconds long)",
        "kay2017kinetics",
        "Abstract",
    ),
    _rate(
        "i3d_ucf101_two_stream",
        98.0,
        "accuracy",
        "test",
        1,
        "not stated",
        "UCF101 test accuracy of two-stream I3D pre-trained on ImageNet and Kinetics",
        "carreira2017quo",
        "Abstract and Table 5",
        decimals=1,
        note="the RGB and flow I3D are counted as one two-stream model; the HMDB-51 "
        "figure differs between arXiv versions (80.7% or 80.9%), so it is not quoted",
    ),
    _n(
        "slowfast_alpha",
        8,
        "times",
        "how many times higher the Fast pathway's frame rate is than the Slow pathway's "
        "(alpha in the paper's instantiations)",
        "feichtenhofer2019slowfast",
        "Section 3 and Table 1",
        metric="hyperparameter",
    ),
    _n(
        "slowfast_beta_inverse",
        8,
        "times",
        "how many times fewer channels the Fast pathway has than the Slow one (beta = 1/8)",
        "feichtenhofer2019slowfast",
        "Section 3 and Table 1",
        metric="hyperparameter",
    ),
    _rate(
        "slowfast_fast_compute_share",
        20,
        "share",
        None,
        None,
        None,
        "approximate share of the SlowFast network's computation spent in the Fast pathway",
        "feichtenhofer2019slowfast",
        "Section 1 and Section 3.2",
    ),
    # --- depth facts, ch17 (insert this chapter's new facts directly below this line) ---
    _rate(
        "senet_ilsvrc2017_top5_error",
        2.251,
        "top-5 error",
        "test",
        "entry",
        "not stated",
        "top-5 error on the ILSVRC 2017 test set of the SENet entry that won the "
        "classification task",
        "hu2018squeeze",
        "Abstract and Section 6.4",
    ),
    _rate(
        "senet_resnet50_top1_error",
        24.80,
        "top-1 error",
        "validation",
        1,
        1,
        "ImageNet validation top-1 error of the authors' re-implementation of ResNet-50 "
        "(224x224 centre crop)",
        "hu2018squeeze",
        "Table 2",
        decimals=2,
    ),
    _rate(
        "senet_se_resnet50_top1_error",
        23.29,
        "top-1 error",
        "validation",
        1,
        1,
        "ImageNet validation top-1 error of SE-ResNet-50 (224x224 centre crop)",
        "hu2018squeeze",
        "Table 2",
    ),
    _rate(
        "resnext_1x64d_top1_error",
        23.9,
        "top-1 error",
        "validation",
        1,
        1,
        "ImageNet validation top-1 error of ResNet-50 (cardinality 1, width 64d) in the "
        "cardinality study",
        "xie2017aggregated",
        "Table 3",
    ),
    _rate(
        "resnext_2x40d_top1_error",
        23.0,
        "top-1 error",
        "validation",
        1,
        1,
        "ImageNet validation top-1 error of ResNeXt-50 with cardinality 2 and width 40d "
        "(same complexity)",
        "xie2017aggregated",
        "Table 3",
        decimals=1,
    ),
    _rate(
        "resnext_32x4d_top1_error",
        22.2,
        "top-1 error",
        "validation",
        1,
        1,
        "ImageNet validation top-1 error of ResNeXt-50 (32x4d) in the cardinality study",
        "xie2017aggregated",
        "Table 3",
    ),
    _rate(
        "densenet121_top1_error",
        25.02,
        "top-1 error",
        "validation",
        1,
        1,
        "ImageNet validation top-1 error of DenseNet-121, single-crop",
        "huang2017densely",
        "Table 3",
    ),
    _rate(
        "densenet201_top1_error",
        22.58,
        "top-1 error",
        "validation",
        1,
        1,
        "ImageNet validation top-1 error of DenseNet-201, single-crop",
        "huang2017densely",
        "Table 3",
    ),
    _rate(
        "densenet_bc190_cifar10_error",
        3.46,
        "error",
        "test",
        1,
        1,
        "CIFAR-10 test error (standard augmentation) of DenseNet-BC with L = 190, k = 40",
        "huang2017densely",
        "Table 2",
    ),
    _rate(
        "efficientnet_b7_top1",
        84.3,
        "top-1 accuracy",
        "not stated",
        1,
        "not stated",
        "ImageNet top-1 accuracy of EfficientNet-B7",
        "tan2019efficientnet",
        "Table 2 and Abstract",
    ),
    _n(
        "efficientnet_b7_params",
        66,
        "million parameters",
        "parameters of EfficientNet-B7, in millions",
        "tan2019efficientnet",
        "Table 2",
    ),
    _n(
        "efficientnet_b7_smaller_than_gpipe",
        8.4,
        "times",
        "how many times fewer parameters EfficientNet-B7 has than GPipe, the best "
        "earlier ConvNet",
        "tan2019efficientnet",
        "Abstract and Section 5.2",
        metric="ratio",
    ),
    _n(
        "efficientnet_b7_faster_than_gpipe",
        6.1,
        "times",
        "how many times faster EfficientNet-B7 runs inference than GPipe",
        "tan2019efficientnet",
        "Abstract and Section 5.2",
        metric="ratio",
    ),
    _n(
        "efficientnet_search_target_mflops",
        400,
        "MFLOPs",
        "target FLOPs T in the search objective ACC(m) * (FLOPS(m) / T)^w for B0",
        "tan2019efficientnet",
        "Section 4",
        metric="hyperparameter",
    ),
    _n(
        "regnet_models_per_design_space",
        500,
        "models",
        "models sampled and trained from each design space to estimate its error "
        "distribution",
        "radosavovic2020designing",
        "Section 3.1",
        metric="hyperparameter",
    ),
    _n(
        "regnet_epochs_per_model",
        10,
        "epochs",
        "training epochs of each sampled model in the design-space study",
        "radosavovic2020designing",
        "Section 3.1",
        metric="hyperparameter",
    ),
    _n(
        "regnet_anynetx_degrees_of_freedom",
        16,
        "parameters",
        "degrees of freedom of AnyNetX: depth, width, bottleneck ratio and group width "
        "for each of four stages",
        "radosavovic2020designing",
        "Section 3.2",
    ),
    _n(
        "vit_base_params",
        86,
        "million parameters",
        "parameters of ViT-Base, in millions",
        "dosovitskiy2021image",
        "Table 1",
    ),
    _n(
        "vit_imagenet21k_images",
        14,
        "million images",
        "images of ImageNet-21k, in millions, as the paper rounds them",
        "dosovitskiy2021image",
        "Section 4.1",
    ),
    _n(
        "vit_jft300m_images",
        303,
        "million images",
        "high-resolution images of JFT-300M, in millions",
        "dosovitskiy2021image",
        "Section 4.1",
    ),
    _rate(
        "vit_h14_jft_top1",
        88.55,
        "top-1 accuracy",
        "not stated",
        1,
        "not stated",
        "ImageNet top-1 accuracy of ViT-H/14 pre-trained on JFT-300M and fine-tuned",
        "dosovitskiy2021image",
        "Table 2",
    ),
    _rate(
        "convnext_resnet50_baseline_top1",
        76.1,
        "top-1 accuracy",
        "validation",
        1,
        1,
        "ImageNet-1K validation top-1 accuracy of ResNet-50 trained with the original "
        "recipe, the roadmap's starting point",
        "liu2022convnet",
        "Section 2.1 and Figure 2",
    ),
    _rate(
        "convnext_resnet50_modern_recipe_top1",
        78.8,
        "top-1 accuracy",
        "validation",
        1,
        1,
        "ImageNet-1K validation top-1 accuracy of the same ResNet-50 trained with the "
        "modern (DeiT/Swin-like) recipe, no layer changed",
        "liu2022convnet",
        "Section 2.1",
    ),
    _rate(
        "convnext_roadmap_final_top1",
        82.0,
        "top-1 accuracy",
        "validation",
        1,
        1,
        "ImageNet-1K validation top-1 accuracy at the end of the roadmap (ConvNeXt-T)",
        "liu2022convnet",
        "Figure 2",
        decimals=1,
    ),
    _rate(
        "convnext_swin_t_top1",
        81.3,
        "top-1 accuracy",
        "validation",
        1,
        1,
        "ImageNet-1K validation top-1 accuracy of Swin-T, the roadmap's transformer "
        "reference",
        "liu2022convnet",
        "Figure 2",
    ),
    _n(
        "convnext_training_epochs",
        300,
        "epochs",
        "training epochs of the modern recipe (up from ResNet's 90)",
        "liu2022convnet",
        "Section 2.1",
        metric="hyperparameter",
    ),
    _n(
        "regnet_best_depth_blocks",
        20,
        "blocks",
        "approximate depth (blocks) of the best RegNetX models, stable across flop "
        "regimes (about 60 layers)",
        "radosavovic2020designing",
        "Section 4 (RegNet trends)",
    ),
    _n(
        "regnet_best_wm",
        2.5,
        "1",
        "approximate width multiplier w_m of good RegNetX models",
        "radosavovic2020designing",
        "Section 4 (RegNet trends)",
        metric="hyperparameter",
    ),
    _n(
        "regnet_gpu_speedup_vs_efficientnet",
        5,
        "times",
        "how many times faster on GPUs RegNet models run than EfficientNet models at "
        "comparable flops and training settings (an upper figure: 'up to')",
        "radosavovic2020designing",
        "Abstract and Section 5.3",
        metric="ratio",
    ),
)


def _registry(facts) -> dict[str, Fact]:
    table: dict[str, Fact] = {}
    for f in facts:
        if f.key in table:
            raise ValueError(f"facts table: key {f.key!r} appears twice")
        table[f.key] = f
    return table


FACTS: dict[str, Fact] = _registry(_TABLE)


def fact(key: str) -> Fact:
    """The fact stored under ``key``; a ValueError names the closest keys for a typo."""
    if key not in FACTS:
        close = difflib.get_close_matches(str(key), FACTS, n=5, cutoff=0.5)
        hint = (
            f"; close matches: {close}"
            if close
            else f"; {len(FACTS)} keys, see course_lib.facts.FACTS"
        )
        raise ValueError(
            f"fact: `key` must be a key of the facts table, got {key!r}{hint}"
        )
    return FACTS[key]


def glue_facts(*keys: str) -> list[Fact]:
    """Glue each fact's :attr:`Fact.text` under its key, for ``{glue:text}`key``` in the prose.

    Needs myst-nb (the book's notebook renderer); in a plain Jupyter or Colab session without it
    the facts are returned and nothing is glued.
    """
    from .runtime import glue, quiet

    facts = [fact(k) for k in keys]
    for f in facts:
        # A plain str, so the stored text/plain is quoted ('1,000'): {glue:text} passes it through
        # ast.literal_eval, which unquotes a string but turns a bare 1,000 into the tuple (1, 0)
        # and 1e-5 into 1e-05.
        glue(f.key, str(f.text))
    return quiet(facts)
