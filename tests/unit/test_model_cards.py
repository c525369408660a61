"""Tests generated from the registry: every registered model against its model card.

Nothing is listed by hand: the models come from ``available()`` and the facts from
``card(name)``, so a new architecture is tested as soon as it is registered with its card.

* counting: the full-size model's parameters (total and trainable) and MACs per image
  against the card's reference counts; marked ``counting`` for large models, which
  ``make test-jax`` skips (Keras builds the same graph on every backend);
* forward and save/reload: the card's small configuration runs forward, and
  ``model.save(path.keras)`` then ``keras.models.load_model`` gives the same outputs
  (every custom layer is serializable); on both backends, except that jax runs one model of
  each group that only repeats the same builder's blocks (``_small_params``).
"""

import dataclasses
import re
from pathlib import Path

import keras
import numpy as np
import pytest

from course_lib import profile
from course_lib.models import OWN, ModelCard, _registry, available, build, card, modern

# The module, not the function of the same name that course_lib.models exports.
from course_lib.models import imagenet_weights as pretrained_module

BIBLIOGRAPHY = Path(__file__).parents[2] / "book" / "references.bib"


def _counting_params():
    """Every registered name; the large ones carry the ``counting`` marker."""
    return [
        pytest.param(name, marks=pytest.mark.counting) if card(name).is_large else name
        for name in available()
    ]


def _small_params():
    """Every registered name. A name that stacks the same builder's blocks another number of
    times (same builder function, same small configuration: resnet34 and resnet152 beside
    resnet18, vgg19 beside vgg11) carries the ``counting`` marker unless it is the cheapest of
    its group (a residual network before its plain twin): ``make test-jax`` runs one per
    group, since what a backend can get wrong is a layer, not how often it is repeated.
    TensorFlow runs them all."""
    groups = {}
    for name in available():
        fn = _registry._BUILDERS[name].__wrapped__
        groups.setdefault((fn, repr(sorted(card(name).small.items()))), []).append(name)

    def cost(name):  # a plain network is its residual twin with the shortcuts removed
        plain = _registry._BUILDERS[name].preset.get("residual") is False
        return (plain, card(name).params.value, name)

    cheapest = {min(names, key=cost) for names in groups.values()}
    return [
        name if name in cheapest else pytest.param(name, marks=pytest.mark.counting)
        for name in available()
    ]


def _input_shapes(model):
    """The model's input shapes without the batch axis, as a list (siamese has two inputs)."""
    shapes = (
        model.input_shape
        if isinstance(model.input_shape, list)
        else [model.input_shape]
    )
    return [tuple(s[1:]) for s in shapes]


def _random_inputs(model, batch=2):
    rng = np.random.default_rng(0)
    xs = [
        rng.uniform(0, 1, (batch, *shape)).astype("float32")
        for shape in _input_shapes(model)
    ]
    return xs if len(xs) > 1 else xs[0]


def _infer(model, x):
    """One eager inference call: ``predict`` would first trace the whole graph, which costs
    more than the pass itself for a deep network on two small images."""
    return keras.ops.convert_to_numpy(model(x, training=False))


def _ends_in_softmax(model) -> bool:
    activation = getattr(model.layers[-1], "activation", None)
    return getattr(activation, "__name__", "") == "softmax"


# --- counting against the card ------------------------------------------------------------------
@pytest.mark.parametrize("name", _counting_params())
def test_full_size_model_matches_its_card(name):
    model_card = card(name)
    model = build(name)
    prof = profile(model)
    assert set(_input_shapes(model)) == {model_card.input_shape}, "default input size"
    checks = [
        ("parameters", model_card.params, model.count_params()),
        ("parameters (profile)", model_card.params, prof.total_params),
        ("trainable parameters", model_card.trainable, prof.total_trainable_params),
    ]
    if model_card.macs is not None:
        checks.append(("MACs per image", model_card.macs, prof.total_macs))
    for what, reference, measured in checks:
        assert reference.matches(measured), (
            f"{name}: {what} {measured:,} != card's {reference.describe()}"
        )


# --- forward pass and save/reload in the small configuration -------------------------------------
@pytest.mark.parametrize("name", _small_params())
def test_small_model_runs_and_survives_save_and_reload(name, tmp_path):
    keras.utils.set_random_seed(0)
    model = build(name, **card(name).small)
    x = _random_inputs(model)
    y = _infer(model, x)
    assert y.shape == (2, *model.output_shape[1:]) and np.all(np.isfinite(y))
    if _ends_in_softmax(model):
        np.testing.assert_allclose(y.sum(axis=-1), 1.0, atol=1e-5)
    path = tmp_path / f"{name}.keras"
    model.save(path)
    reloaded = keras.models.load_model(path)
    np.testing.assert_allclose(_infer(reloaded, x), y, rtol=1e-5, atol=1e-6)


# --- the cards themselves --------------------------------------------------------------------------
def test_every_registered_model_has_a_named_card():
    for name in available():
        model_card = card(name)
        assert isinstance(model_card, ModelCard) and model_card.name == name
        assert model_card.params.value >= model_card.trainable.value, name


def test_every_cited_key_is_in_the_bibliography():
    keys = set(re.findall(r"^@\w+\{([^,]+),", BIBLIOGRAPHY.read_text(), flags=re.M))
    for name in available():
        model_card = card(name)
        cited = [
            c.bib
            for c in (model_card.params, model_card.trainable, model_card.macs)
            if c and c.bib
        ]
        if model_card.imagenet_top1:
            cited.append(model_card.imagenet_top1.bib)
        assert set(cited) <= keys, (
            f"{name}: {sorted(set(cited) - keys)} not in {BIBLIOGRAPHY.name}"
        )


def test_counts_without_an_external_source_say_so():
    for name in available():
        for count in (card(name).params, card(name).trainable):
            assert count.source.strip(), name
            assert count.external == (count.source != OWN)


def test_cards_are_frozen():
    model_card = card("resnet50")
    with pytest.raises(dataclasses.FrozenInstanceError):
        model_card.params = None
    with pytest.raises(TypeError):
        model_card.small["num_classes"] = 7


def test_unknown_card_lists_the_available_models():
    with pytest.raises(
        ValueError, match="card: unknown model 'resnet51'; available models: .*resnet50"
    ):
        card("resnet51")


# --- available(family=..., pretrained=...) ---------------------------------------------------------
def test_available_filters_partition_the_registry():
    everything = available()
    assert everything == sorted(everything)
    families = {card(name).family for name in everything}
    assert sorted(n for f in families for n in available(family=f)) == everything
    assert (
        sorted(available(pretrained=True) + available(pretrained=False)) == everything
    )
    assert "resnet50" in available(family="resnet", pretrained=True)
    assert "resnet18" in available(family="resnet", pretrained=False)


def test_available_refuses_bad_filters():
    with pytest.raises(ValueError, match="available: `family` must be one of"):
        available(family="transformer")
    with pytest.raises(
        ValueError, match="available: `pretrained` must be True or False"
    ):
        available(pretrained="yes")


# --- the old module-level tables read from the cards ------------------------------------------------
def test_keras_twins_and_preprocessing_come_from_the_cards():
    twins = pretrained_module.KERAS_TWINS
    assert set(twins) == set(available(pretrained=True))
    for name, constructor in twins.items():
        assert constructor == card(name).keras_twin and hasattr(
            keras.applications, constructor
        )
        assert pretrained_module.PREPROCESS_MODES[name] == card(name).preprocess


def test_imagenet_top1_survey_comes_from_the_cards():
    for label, (spec, top1, source, where) in modern.IMAGENET_TOP1.items():
        if spec.startswith("keras:"):
            continue  # not a course model: no card
        cited = card(spec).imagenet_top1
        assert (label, top1, source, where) == (
            card(spec).title,
            cited.accuracy,
            cited.bib,
            cited.where,
        )
    with_top1 = {name for name in available() if card(name).imagenet_top1}
    assert with_top1 <= {spec for spec, *_ in modern.IMAGENET_TOP1.values()}, (
        "a cited top-1 the survey leaves out"
    )
