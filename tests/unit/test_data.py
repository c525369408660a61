"""course_lib.data: the offline fallback, and failing downloads that fail fast and fall back."""
import socket

import keras
import numpy as np
import pytest

from course_lib import data


def test_offline_digits_are_real_labelled_and_stratified(monkeypatch):
    monkeypatch.setenv("COURSE_OFFLINE", "1")
    d = data.digits()
    assert d.offline_fallback and "OFFLINE FALLBACK" in d.describe()
    assert d.x_train.shape[1:] == (32, 32, 1) and d.x_train.dtype == np.float32
    assert len(d.x_train) + len(d.x_test) == 1797
    assert 0 <= d.x_train.min() and d.x_train.max() <= 1
    assert d.x_train[:, :4].max() == 0, "MNIST-like black margin"
    assert set(np.unique(d.y_test)) == set(range(10))
    again = data.digits()
    np.testing.assert_array_equal(d.y_test, again.y_test)


def test_mnist_refuses_when_offline(monkeypatch):
    monkeypatch.setenv("COURSE_OFFLINE", "1")
    with pytest.raises(data.DataUnavailableError, match="COURSE_OFFLINE"):
        data.digits(source="mnist")


def test_failed_download_times_out_and_falls_back(monkeypatch, capsys):
    monkeypatch.setenv("COURSE_OFFLINE", "0")
    seen = {}

    def broken_download():
        seen["timeout"] = socket.getdefaulttimeout()
        raise OSError("network unreachable")

    monkeypatch.setattr(keras.datasets.mnist, "load_data", broken_download)
    d = data.digits()
    assert d.offline_fallback
    assert seen["timeout"] == data.DOWNLOAD_TIMEOUT_S
    assert "MNIST download failed (OSError: network unreachable); using the offline fallback" in capsys.readouterr().out
    with pytest.raises(data.DataUnavailableError, match="network unreachable"):
        data.digits(source="mnist")


@pytest.mark.parametrize("kwargs, message", [({"source": "web"}, "`source` must be one of"),
                                             ({"size": 16}, "`size` must be an int >= 28")])
def test_bad_arguments(kwargs, message):
    with pytest.raises(ValueError, match=message):
        data.digits(**kwargs)
