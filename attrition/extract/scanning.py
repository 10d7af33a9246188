"""Whole-document scans done with `str.find` / `bytes.find` instead of a regex `finditer`.

Why: Python's `re` tests the first character (class) of a pattern at every position of the text,
about 10-20 ns a character, while `find` runs at memchr speed. A document is scanned whole a few
times (figure starts, hint words); the helpers here find the few positions where a pattern can
start, and the caller matches its regex only there, so that what it finds is exactly what
`finditer` over the whole text would find.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator

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


#: A run of ASCII letters: word-list regexes that open with `lexicon.WORD_START` match only at its start.
_LETTER_RUN = re.compile(r"[A-Za-z]+")
#: The characters outside ASCII that `re` matches to an ASCII letter under IGNORECASE (dotted and
#: dotless I, long s, Kelvin sign): a text holding one is scanned by the regex itself.
IGNORECASE_EXTRAS = "\u0130\u0131\u017f\u212a"


class WordGate:
    """A word-list regex tried only at the runs of letters that can open one of its matches.

    Why: a regex opening with a lookbehind (`lexicon.WORD_START`) is tried by `re` at every position,
    and a gazetteer alternation costs a few hundred nanoseconds at every word start; finding the
    runs of letters is cheap, and most runs are no gazetteer's first word, so the regex is matched
    only at the few that are.

    Valid when every match of `pattern` starts at the start of a run of ASCII letters (the character
    before is not one) and that run, lower-cased, is in `first_words`: true of `WORD_START` followed by
    an optional "the\\s+" and an alternation of lower-case words, each ending before a letter (the
    callers add "the" and the words' first runs, see `first_run`). What `finditer` and `search` find
    is then exactly what the regex finds over the same text.
    """

    __slots__ = ("pattern", "first_words")

    def __init__(self, pattern: re.Pattern[str], first_words: Iterable[str]) -> None:
        self.pattern = pattern
        self.first_words = frozenset(first_words)

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        """The matches of `pattern.finditer(string, pos, endpos)`, leftmost first, not overlapping."""
        if contains_any(string, IGNORECASE_EXTRAS):  # a letter the runs would not see: the plain scan
            yield from self.pattern.finditer(string, pos, endpos)
            return
        end = min(endpos, len(string))
        match = self.pattern.match
        first_words = self.first_words
        after = pos
        for run in _LETTER_RUN.finditer(string, pos, end):
            start = run.start()
            if start >= after and run.group().lower() in first_words:
                m = match(string, start, end)
                if m is not None:
                    after = m.end()
                    yield m

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """The first match, as `pattern.search` finds it."""
        return next(self.finditer(string, pos, endpos), None)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """`pattern.match`: at one position the gate has nothing to skip."""
        return self.pattern.match(string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """`pattern.fullmatch`."""
        return self.pattern.fullmatch(string, pos, endpos)


def first_run(word: str) -> str:
    """The first run of ASCII letters of a lower-case word ("al-shabaab" -> "al"), the run a match of
    it opens in the text ("" when it does not open with a letter: `WORD_START` never matches it)."""
    m = _LETTER_RUN.match(word)
    return m.group() if m else ""
