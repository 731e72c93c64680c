"""seedrandom's ARC4 stream, as Playground's ``Math.seedrandom(seed)`` makes ``Math.random``.

Playground seeds with the URL's ``seed`` string (seedrandom 2.4, the version its page loads).
The seed's UTF-16 code units are mixed into a 256-byte key, RC4 is keyed with it, its first
256 bytes are dropped, and each double takes 7 or more bytes: 52 significant bits, built with
exactly the floating-point steps seedrandom uses so that every value is the same double.
"""

from __future__ import annotations

WIDTH = 256
MASK = WIDTH - 1
CHUNKS = 6
START_DENOMINATOR = float(WIDTH**CHUNKS)  # 2**48
SIGNIFICANCE = float(2**52)
OVERFLOW = SIGNIFICANCE * 2


def _code_units(text: str) -> list[int]:
    """JavaScript's ``charCodeAt`` for each position: UTF-16 code units."""
    data = text.encode("utf-16-le", "surrogatepass")
    return [data[i] | data[i + 1] << 8 for i in range(0, len(data), 2)]


def _mix_key(seed: str) -> list[int]:
    """seedrandom's ``mixkey``: the seed's characters smeared into at most 256 key bytes."""
    key: list[int] = []
    smear = 0
    for j, unit in enumerate(_code_units(seed)):
        slot = MASK & j
        previous = key[slot] if slot < len(key) else 0  # an unset slot reads as 0 (NaN | 0 in JavaScript)
        smear ^= previous * 19
        value = MASK & (smear + unit)
        if slot < len(key):
            key[slot] = value
        else:
            key.append(value)
    return key


class PlaygroundRandom:
    """``Math.random`` after ``Math.seedrandom(seed)``: call it for the next double in [0, 1)."""

    def __init__(self, seed: str) -> None:
        key = _mix_key(seed) or [0]
        s = list(range(WIDTH))
        j = 0
        for i in range(WIDTH):
            t = s[i]
            j = MASK & (j + key[i % len(key)] + t)
            s[i] = s[j]
            s[j] = t
        self._s, self._i, self._j = s, 0, 0
        self._bytes(WIDTH)  # RC4-drop[256]

    def _bytes(self, count: int) -> int:
        """The next ``count`` RC4 bytes as one big-endian integer."""
        s, i, j = self._s, self._i, self._j
        r = 0
        for _ in range(count):
            i = MASK & (i + 1)
            t = s[i]
            j = MASK & (j + t)
            s[i] = s[j]
            s[j] = t
            r = r * WIDTH + s[MASK & (s[i] + s[j])]
        self._i, self._j = i, j
        return r

    def __call__(self) -> float:
        n = float(self._bytes(CHUNKS))
        d = START_DENOMINATOR
        x = 0
        while n < SIGNIFICANCE:
            n = (n + x) * WIDTH
            d *= WIDTH
            x = self._bytes(1)
        while n >= OVERFLOW:
            n /= 2
            d /= 2
            x >>= 1
        return (n + x) / d
