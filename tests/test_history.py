import numpy as np
import pytest

from bpstudio.engine import GrowingBuffer


def test_grows_and_keeps_values():
    buf = GrowingBuffer(2)
    for i in range(100):
        buf.append(i)
    buf.extend(np.arange(100, 1000))
    np.testing.assert_array_equal(buf.view(), np.arange(1000.0))
    assert buf.view().flags.writeable is False
    buf.truncate(10)
    assert len(buf) == 10 and buf.copy()[-1] == 9
    with pytest.raises(ValueError):
        buf.truncate(11)
