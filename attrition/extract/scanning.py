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
from itertools import compress

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


#: Byte translation: ASCII letters to lower case, every other byte to " ".
_LETTER_MARKS = bytes(c | 0x20 if 0x41 <= c <= 0x5A or 0x61 <= c <= 0x7A else 0x20 for c in range(256))


#: In `run_starts`'s marks: a run "the" and the run after it (a lookahead: "the the army" keeps both).
_THE_THEN_RUN = re.compile(rb" the(?= +([a-z]+) )")


def run_starts(text: str, words: frozenset[bytes], after_the: frozenset[bytes] | None = None) -> list[int]:
    """Offsets, ascending, of the runs of ASCII letters of `text` that, lower-cased, are in `words`;
    with `after_the`, also of each run "the" (not in `words` then) whose next run is in `after_the`.

    Why bytes: the text is encoded to Latin-1 (each other character one "?", offsets unchanged) and
    translated to lower-case letters and spaces, so that splitting it into runs, keeping the runs in
    `words` (`compress`) and finding each kept run again (`bytes.find` of the run between spaces, from
    the end of the run kept before it) all run in C; a regex over the text pays for every run, kept
    or not. A run of `str.lower()` text differs only where a character outside ASCII lower-cases to an
    ASCII letter (U+0130 and U+212A, `WordGate.ignorecase_extras`): callers exclude such texts.
    Why `after_the`: "the" is most of a document's runs in `words` (it may open "the Kremlin"), and
    the run after it tells cheaply whether a match can start there.
    """
    marks = b" " + text.encode("latin-1", "replace").translate(_LETTER_MARKS) + b" "
    runs = marks.split()
    out: list[int] = []
    if after_the is not None:
        out += [m.start() for m in _THE_THEN_RUN.finditer(marks) if m.group(1) in after_the]
    # The kept runs in order: between two of them no other run equal to the second is kept, so the
    # first occurrence of a kept run after the one before is that run. In `marks` a run starts one
    # byte after its offset in `text`: the needle's space is at that offset.
    i = 0
    for w in compress(runs, map(words.__contains__, runs)):
        i = marks.find(b" " + w + b" ", i)
        out.append(i)
        i += len(w) + 1  # the closing space may open the next run
    if after_the is not None:
        out.sort()
    return out


def runs_after_the(words: Iterable[str]) -> frozenset[str] | None:
    """The runs of letters that may follow a run "the" in a match of `WordGate`'s pattern over `words`
    (lower-case): each word's first run of letters, wherever it starts ("33rd front": "rd", read after
    "the\\s+"), and the second run of each word that opens with the run "the" ("the army"); None when a
    word has no run of letters after such a "the" (a match may end there)."""
    out: set[str] = set()
    for w in words:
        runs = _LETTER_RUN.findall(w)
        opens_with_the = first_run(w) == "the"
        if not runs or (opens_with_the and len(runs) == 1):
            return None
        out.add(runs[0])
        if opens_with_the:
            out.add(runs[1])
    return frozenset(out)


def contains_any(text: str, needles: Iterable[str]) -> bool:
    """Whether any of the literal `needles` occurs in `text` (a `re` alternation of literals tries each
    at every position; `in` is one fast scan per needle)."""
    return any(n in text for n in needles)


#: A run of ASCII letters: a regex opening with `lexicon.WORD_START` matches only at the start of one.
_LETTER_RUN = re.compile(r"[a-z]+")


class WordGate:
    """A word-list regex whose `finditer` tries the pattern only where the text has a word a match can
    open with.

    Why: a gazetteer scan costs `re` a few hundred nanoseconds at every word start, and almost half
    the sentences scanned for side names hold none; listing a text's runs of letters and testing
    them against a set is several times cheaper than the scan.

    Exact when every match of `pattern` starts at the start of a run of ASCII letters of the text and
    that run, lower-cased, is in `first_words`: true of `lexicon.WORD_START` followed by an optional
    "the\\s+" and an IGNORECASE alternation of lower-case words, each matched only when no letter
    follows it, with "the" and each word's first run of letters (`first_run`) in `first_words`. A text
    holding a character that IGNORECASE matches to an ASCII letter (`ignorecase_extras`) is scanned.
    With `after_the` (`runs_after_the` of the words), a run "the" is tried only when the run after it
    is one of those: "the" then opens neither "the\\s+word" nor a word such as "the army".
    """

    __slots__ = ("pattern", "first_words", "ignorecase_extras", "_first_bytes", "_after_the")

    def __init__(
        self,
        pattern: re.Pattern[str],
        first_words: Iterable[str],
        ignorecase_extras: str,
        after_the: Iterable[str] | None = None,
    ) -> None:
        self.pattern = pattern
        self.first_words = frozenset(first_words)
        self.ignorecase_extras = ignorecase_extras
        self._after_the = None if after_the is None else frozenset(w.encode("ascii") for w in after_the if w)
        # With `after_the`, `run_starts` finds the runs "the" itself.
        skipped = {"", "the"} if after_the is not None else {""}
        self._first_bytes = frozenset(w.encode("ascii") for w in self.first_words - skipped)

    def finditer(self, string: str) -> Iterator[re.Match[str]]:
        """`pattern.finditer(string)`: the pattern is matched only at the runs of letters that can open
        a match, left to right, each from the end of the match before.

        Why not `finditer` behind a "does any run open a match" test: in a whole document almost every
        test passes, and `re` then tries the alternation at every word start; matching at the few runs
        that can open a match is several times cheaper (the lookbehinds of `WORD_START` still see the
        text before each run, so every match is the one `finditer` finds there).
        """
        if not string:  # a match holds a letter; most noun phrases have no modifiers to scan
            return iter(())
        # `isascii` first: one C pass that clears most texts of the (non-ASCII) extras at once
        if not string.isascii() and contains_any(string, self.ignorecase_extras):
            return self.pattern.finditer(string)
        return self._gated(string, run_starts(string, self._first_bytes, self._after_the))

    def _gated(self, string: str, starts: list[int]) -> Iterator[re.Match[str]]:
        """The matches of `pattern` in `string` that start at one of the offsets `starts` (ascending)."""
        match = self.pattern.match
        end = 0
        for start in starts:
            if start >= end:
                m = match(string, start)
                if m is not None:
                    end = m.end()
                    yield m

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """`pattern.match`: one position, nothing to skip."""
        return self.pattern.match(string, pos, endpos)


def first_run(word: str) -> str:
    """The first run of ASCII letters of a lower-case word ("al-shabaab" -> "al"): the run of the text
    that a match of the word opens ("" when the word does not open with a letter)."""
    m = _LETTER_RUN.match(word)
    return m.group() if m else ""
