"""course_lib.models.modern: each block against the paper's or keras.applications' counts."""

import keras
import numpy as np
import pytest

from course_lib.models import build, modern
from course_lib.models.resnet import bottleneck_block


from course_lib.models import block_model as _block, kernel_weights as _kernels


def test_resnext_block_matches_resnet_bottleneck_budget():
    # Xie et al. 2017, Fig. 1: both blocks have about 70k weights on a 256-d input
    assert (
        _kernels(_block(modern.resnext_block, (8, 8, 256), 128))
        == 256 * 128 + 32 * 9 * 4 * 4 + 128 * 256
    )
    assert (
        _kernels(_block(bottleneck_block, (8, 8, 256), 64))
        == 256 * 64 + 9 * 64 * 64 + 64 * 256
    )


def test_se_block_counts_and_scales_channels():
    model = _block(modern.se_block, (4, 4, 32), 8)
    assert model.count_params() == 32 * 4 + 4 + 4 * 32 + 32
    x = np.random.default_rng(0).uniform(0, 1, (1, 4, 4, 32)).astype("float32")
    ratio = model.predict(x, verbose=0) / x  # one factor in (0, 1) per channel
    assert (
        np.allclose(ratio, ratio[:, :1, :1, :], atol=1e-5)
        and ((0 < ratio) & (ratio < 1)).all()
    )


# The whole networks' parameter counts are on their model cards (modern.py), checked by
# test_model_cards.py.


@pytest.mark.counting
def test_se_resnet50_adds_one_se_block_per_bottleneck():
    extra = build("se_resnet50").count_params() - build("resnet50").count_params()
    stages = [(3, 256), (4, 512), (6, 1024), (3, 2048)]
    assert extra == sum(n * (2 * c * (c // 16) + c // 16 + c) for n, c in stages)


@pytest.mark.counting
def test_blocks_match_keras_applications():
    dense = keras.applications.DenseNet121(weights=None)
    assert _block(modern.dense_block, (56, 56, 64), 1).count_params() == sum(
        l.count_params() for l in dense.layers if l.name.startswith("conv2_block1_")
    )
    effnet = keras.applications.EfficientNetB0(weights=None)
    for prefix, shape, filters, kwargs in (
        ("block1a", (112, 112, 32), 16, dict(expand_ratio=1)),
        ("block2a", (112, 112, 16), 24, dict(stride=2)),
        ("block2b", (56, 56, 24), 24, {}),
    ):
        assert _block(
            modern.mbconv_block, shape, filters, **kwargs
        ).count_params() == sum(
            l.count_params() for l in effnet.layers if l.name.startswith(prefix + "_")
        )
    convnext = keras.applications.ConvNeXtTiny(weights=None)
    assert _block(modern.convnext_block, (56, 56, 96)).count_params() == sum(
        l.count_params() for l in convnext.layers if "stage_0_block_0" in l.name
    )


def test_convnext_block_starts_near_identity_and_transition_halves():
    x = np.random.default_rng(0).normal(size=(1, 8, 8, 16)).astype("float32")
    np.testing.assert_allclose(
        _block(modern.convnext_block, (8, 8, 16)).predict(x, verbose=0), x, atol=1e-4
    )
    assert _block(modern.transition, (8, 8, 64)).output_shape == (None, 4, 4, 32)


@pytest.mark.counting
def test_published_accuracies_cite_sources_in_the_bibliography():
    from pathlib import Path

    bib = (Path(__file__).parents[2] / "book" / "references.bib").read_text()
    for name, (spec, top1, source, where) in modern.IMAGENET_TOP1.items():
        assert "{" + source + "," in bib, name
        assert 50 < top1 < 90 and where
    assert (
        modern.build_for_comparison("keras:EfficientNetB0").count_params() == 5_330_571
    )
