"""Whole-document scans done with `str.find` / `bytes.find` instead of a regex `finditer`.

Why: Python's `re` tests the first character (class) of a pattern at every position of the text,
about 10-20 ns a character, while `find` runs at memchr speed. A document is scanned whole a few
times (figure starts, hint words); the helpers here find the few positions where a pattern can
start, and the caller matches its regex only there, so that what it finds is exactly what
`finditer` over the whole text would find.
"""

from __future__ import annotations

from collections.abc import Iterable

#: Byte translation: ASCII digits to "0", every other byte to " ".
_DIGIT_MARKS = bytes(0x30 if 0x30 <= c <= 0x39 else 0x20 for c in range(256))


def digit_run_starts(text: str) -> list[int]:
    """Offsets, ascending, of the first digit of every run of ASCII digits in `text`, and of every
    character that is "?" or lies outside Latin-1 (a non-ASCII decimal digit may be one of those).

    Every decimal digit that is not preceded by another one is among these offsets: Latin-1 has no
    decimal digits beyond 0-9, and encoding to Latin-1 with "replace" turns each other character into
    one "?" (offsets unchanged).
    """
    raw = text.encode("latin-1", "replace")
    marks = raw.translate(_DIGIT_MARKS)
    out: list[int] = []
    find = marks.find
    i = find(b"0")
    while i >= 0:
        out.append(i)
        j = find(b" ", i)
        if j < 0:
            break
        i = find(b"0", j)
    if b"?" in raw:
        find = raw.find
        i = find(b"?")
        while i >= 0:
            out.append(i)
            i = find(b"?", i + 1)
        out.sort()
    return out


def contains_any(text: str, needles: Iterable[str]) -> bool:
    """Whether any of the literal `needles` occurs in `text` (a `re` alternation of literals tries each
    at every position; `in` is one fast scan per needle)."""
    return any(n in text for n in needles)
