import numpy as np
import pytest

from bpstudio.engine import Network


def test_article_layout():
    net = Network((3, 5, 3))
    assert net.shapes == ((4, 5), (6, 3))
    assert net.n_params == 38
    flat = np.arange(38.0)
    w0, w1 = net.layers(flat)
    # the article: W[:20].reshape(4, 5) and W[20:].reshape(6, 3)
    np.testing.assert_array_equal(w0, flat[:20].reshape(4, 5))
    np.testing.assert_array_equal(w1, flat[20:].reshape(6, 3))
    np.testing.assert_array_equal(net.flatten([w0, w1]), flat)


def test_layers_are_views():
    net = Network((2, 2, 2))
    flat = np.zeros(net.n_params)
    net.layers(flat)[1][0, 0] = 7.0
    assert flat[net.param_index(1, 0, 0)] == 7.0


def test_names_round_trip():
    net = Network((3, 8, 6, 3))
    for i in range(net.n_params):
        assert net.param_index(*net.parse_param(net.param_name(i))) == i
    assert net.param_name(20) == "W0[2,4]" and net.parse_param(" W2[ 6 , 2 ]") == (2, 6, 2)
    assert net.is_bias(0, 3)


@pytest.mark.parametrize("bad", ["W9[0,0]", "W0[4,0]", "W0[0,5]", "w0", "W0[a,b]"])
def test_bad_names_list_the_valid_ones(bad):
    with pytest.raises(ValueError, match=r"W0\[0\.\.3,0\.\.4\]"):
        Network((3, 5, 3)).parse_param(bad)


def test_bad_sizes():
    with pytest.raises(ValueError):
        Network((3,))
    with pytest.raises(ValueError):
        Network((3, 0, 3))
    with pytest.raises(ValueError, match="unknown activation"):
        Network((3, 5, 3), "softsign")
