"""course_lib.data's video clips: generated moving digits and the UCF101 loader's failure modes."""

import sys

import numpy as np
import pytest

from course_lib import data


@pytest.fixture(scope="module")
def clips():
    return data.moving_digits(40, 20, seed=0)


def _centroids(clip):
    ys, xs = np.mgrid[0 : clip.shape[1], 0 : clip.shape[2]]
    mass = clip[..., 0].sum(axis=(1, 2))
    return (clip[..., 0] * ys).sum(axis=(1, 2)) / mass, (clip[..., 0] * xs).sum(
        axis=(1, 2)
    ) / mass


def test_clips_move_the_way_their_label_says(clips):
    assert clips.x_train.shape == (40, 8, 32, 32, 1) and clips.offline_fallback
    assert 0 <= clips.x_train.min() and clips.x_train.max() <= 1
    for clip, label in zip(clips.x_train, clips.y_train):
        cy, cx = _centroids(clip)
        dy, dx = cy[-1] - cy[0], cx[-1] - cx[0]
        expected = {"left": dx < -8, "right": dx > 8, "up": dy < -8, "down": dy > 8}
        assert expected[data.MOTIONS[label]], (data.MOTIONS[label], dy, dx)


def test_moving_digits_repeat_and_validate(clips):
    np.testing.assert_array_equal(
        clips.x_test, data.moving_digits(40, 20, seed=0).x_test
    )
    with pytest.raises(ValueError, match="`size` must be"):
        data.moving_digits(size=20)
    with pytest.raises(ValueError, match="`frames` must be"):
        data.moving_digits(frames=1)


def test_video_offline_falls_back(monkeypatch):
    monkeypatch.setenv("COURSE_OFFLINE", "1")
    monkeypatch.setenv("COURSE_QUICK", "1")
    assert data.video().name == "moving digits"
    with pytest.raises(data.DataUnavailableError, match="COURSE_OFFLINE"):
        data.video(source="ucf101")
    with pytest.raises(ValueError, match="`source` must be one of"):
        data.video(source="kinetics")


def test_ucf101_without_tensorflow_datasets_says_what_to_install(monkeypatch):
    monkeypatch.setenv("COURSE_OFFLINE", "0")
    monkeypatch.setitem(sys.modules, "tensorflow_datasets", None)  # import fails
    with pytest.raises(
        data.DataUnavailableError, match="pip install tensorflow-datasets"
    ):
        data.video(source="ucf101")
