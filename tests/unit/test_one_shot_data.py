"""course_lib.data's one-shot sets: rendered font glyphs (offline), the Omniglot loader, trials and pairs."""

import collections

import keras
import numpy as np
import pytest

from course_lib import data
from course_lib.models.one_shot import n_way_one_shot_accuracy


@pytest.fixture(scope="module")
def glyphs():
    return data.font_glyphs()


def test_font_glyphs_split_alphabets_and_record_drawers(glyphs):
    assert glyphs.offline_fallback and "OFFLINE FALLBACK" in glyphs.describe()
    assert (
        glyphs.x_train.shape[1:] == (28, 28, 1) and glyphs.x_train.dtype == np.float32
    )
    assert 0 <= glyphs.x_train.min() and glyphs.x_train.max() <= 1
    train_alphabets = {glyphs.alphabet_of[c] for c in np.unique(glyphs.y_train)}
    test_alphabets = {glyphs.alphabet_of[c] for c in np.unique(glyphs.y_test)}
    assert train_alphabets == set(data.BACKGROUND_ALPHABETS) and test_alphabets == set(
        data.EVALUATION_ALPHABETS
    )
    # every class is drawn once by each of the 12 font drawers
    per_class = collections.Counter(
        zip(glyphs.y_train.tolist(), glyphs.drawers_train.tolist())
    )
    assert set(per_class.values()) == {1}
    assert len(per_class) == len(np.unique(glyphs.y_train)) * len(data.FONT_DRAWERS)


def test_homoglyphs_are_not_separate_classes(glyphs):
    names = set(glyphs.class_names)
    assert "A" in names and "\u0410" not in names  # Cyrillic A renders like Latin A
    assert (
        "\u0393" in names or "\u0413" in names
    )  # Greek Gamma / Cyrillic Ge: one of them
    assert not ("\u0393" in names and "\u0413" in names)
    assert "\u0398" in names  # Greek Theta differs from O by its bar
    assert len(names) == len(glyphs.class_names)


def test_font_glyphs_repeat_for_a_seed_and_jitter_between_seeds(glyphs):
    np.testing.assert_array_equal(glyphs.x_test, data.font_glyphs().x_test)
    assert not np.array_equal(glyphs.x_test, data.font_glyphs(seed=1).x_test)


def test_one_shot_trials_follow_koch(glyphs):
    trials = data.one_shot_trials(glyphs, n_way=20, n_trials=30, seed=0)
    assert len(trials) == 30
    index = {
        img.tobytes(): (label, drawer)
        for img, label, drawer in zip(glyphs.x_test, glyphs.y_test, glyphs.drawers_test)
    }
    for query, candidates, answer in trials:
        assert candidates.shape == (20, 28, 28, 1)
        q_label, q_drawer = index[query.tobytes()]
        labels, drawers = zip(*(index[c.tobytes()] for c in candidates))
        assert (
            len(set(labels)) == 20 and len(set(drawers)) == 1 and drawers[0] != q_drawer
        )
        assert labels[answer] == q_label
        assert len({glyphs.alphabet_of[l] for l in labels}) == 1  # within one alphabet
    # a perfect similarity (the same class) solves every trial; a constant one picks index 0
    oracle = lambda q, c: [
        float(index[a.tobytes()][0] == index[b.tobytes()][0]) for a, b in zip(q, c)
    ]
    assert n_way_one_shot_accuracy(oracle, trials) == 1.0


def test_one_shot_trials_reject_impossible_requests(glyphs):
    with pytest.raises(
        ValueError,
        match=r"`n_way` must be an int from 2 to \d+ \(the largest test alphabet\)",
    ):
        data.one_shot_trials(glyphs, n_way=500)
    with pytest.raises(ValueError, match="`split` must be one of"):
        data.one_shot_trials(glyphs, split="validation")


def test_pairs_are_balanced_and_labelled(glyphs):
    left, right, same = data.pairs(glyphs.x_train, glyphs.y_train, 200, seed=0)
    assert left.shape == right.shape == (200, 28, 28, 1) and same.mean() == 0.5
    label_of = {
        img.tobytes(): label for img, label in zip(glyphs.x_train, glyphs.y_train)
    }
    truth = [
        label_of[a.tobytes()] == label_of[b.tobytes()] for a, b in zip(left, right)
    ]
    assert truth == list(same.astype(bool))
    with pytest.raises(ValueError, match="two classes"):
        data.pairs(glyphs.x_train[:3], np.zeros(3, int), 10)


def test_one_shot_offline_falls_back_and_omniglot_refuses(monkeypatch):
    monkeypatch.setenv("COURSE_OFFLINE", "1")
    assert data.one_shot().name == "font glyphs"
    with pytest.raises(data.DataUnavailableError, match="COURSE_OFFLINE"):
        data.one_shot(source="omniglot")
    with pytest.raises(ValueError, match="`source` must be one of"):
        data.one_shot(source="emnist")


def test_omniglot_loader_reads_the_archive_layout(monkeypatch, tmp_path):
    # get_file hands back two small folders laid out like images_background.zip / images_evaluation.zip.
    from PIL import Image

    folders = {}
    for part, alphabet in (("background", "Latin"), ("evaluation", "Tengwar")):
        extracted = (
            tmp_path / f"images_{part}_extracted"
        )  # Keras 3 keeps the archive's top folder
        root = extracted / f"images_{part}"
        for c in (1, 2):
            character = root / alphabet / f"character{c:02d}"
            character.mkdir(parents=True)
            for drawer in (1, 2, 3):
                picture = np.full((105, 105), 255, np.uint8)
                picture[20 * c : 20 * c + 30, 40:50] = (
                    0  # a black stroke on white paper
                )
                Image.fromarray(picture).save(
                    character / f"{c:02d}{drawer:02d}_{drawer:02d}.png"
                )
        folders[f"images_{part}.zip"] = extracted

    def fake_get_file(fname, origin, file_hash, hash_algorithm, extract, cache_dir):
        assert extract and hash_algorithm == "md5" and origin.endswith(fname)
        assert (
            file_hash == data._glyphs.OMNIGLOT_MD5[fname[len("images_") : -len(".zip")]]
        )
        return str(folders[fname])

    monkeypatch.setenv("COURSE_OFFLINE", "0")
    monkeypatch.setattr(keras.utils, "get_file", fake_get_file)
    omni = data.one_shot(source="omniglot")
    assert (
        not omni.offline_fallback
        and omni.x_train.shape == (6, 28, 28, 1)
        and len(omni.x_test) == 6
    )
    assert (
        omni.x_train.max() > 0.9 and np.median(omni.x_train) == 0
    )  # strokes bright, paper black
    assert sorted(set(omni.drawers_test.tolist())) == [0, 1, 2]
    assert {omni.alphabet_of[c] for c in omni.y_test} == {"Tengwar"}
    assert len(data.one_shot_trials(omni, n_way=2, n_trials=4)) == 4


def test_the_fixed_homoglyph_table_is_what_the_renders_measure():
    """HOMOGLYPHS is fixed so that the data set does not change with matplotlib's version;
    measuring the stored bitmaps again must give exactly that table."""
    from course_lib.data import _glyphs

    measured = _glyphs.measured_homoglyphs()
    assert {c: twin for c, (twin, _) in measured.items()} == _glyphs.HOMOGLYPHS
    assert all(d < _glyphs.HOMOGLYPH_TOLERANCE for _, d in measured.values())


def test_the_stored_glyph_bitmaps_are_what_matplotlib_draws():
    """glyph_ink.npz holds FreeType's bitmaps so that the data set is the same on every
    matplotlib; on the version that drew them (the pinned one) a fresh render is identical."""
    import matplotlib

    from course_lib.data import _glyphs

    with np.load(_glyphs.INK_FILE) as stored:
        drawn_by = str(stored["matplotlib_version"])
    if matplotlib.__version__ != drawn_by:
        pytest.skip(
            f"bitmaps drawn by matplotlib {drawn_by}, {matplotlib.__version__} here"
        )
    for char in _glyphs._all_characters():
        for font in _glyphs.FONT_DRAWERS:
            np.testing.assert_array_equal(
                _glyphs.glyph_ink(char, font), _glyphs.render_ink(char, font)
            )


def test_glyph_ink_names_a_wrong_font_or_character():
    from course_lib.data import _glyphs

    with pytest.raises(ValueError, match="`font` must be one of"):
        _glyphs.glyph_ink("A", "Arial.ttf")
    with pytest.raises(ValueError, match="not a character of the offline alphabets"):
        _glyphs.glyph_ink("\u4e00", _glyphs.FONT_DRAWERS[0])
