"""The find-based scans give exactly what the regex scans they replace give (docs/extraction.md,
"Benchmark"): digit starts, sentence ends, hint words, the last stop before a reporting verb."""

from __future__ import annotations

import re

import pytest

from attrition.extract import sentences
from attrition.extract.numbers import _DIGIT_START
from attrition.extract.scanning import contains_any, digit_run_starts
from attrition.extract.sentences import CAVEAT_HINTS, _boundaries, _last_words_start

#: Texts with the characters the scans must get right: non-ASCII digits, "?", quotes, dashes, abbreviations.
TRICKY = [
    "",
    "123",
    "?",
    "1?2",
    "٣5 and 5٣7",
    "a1 ?5 “7” x\u0663 \u0663 é3 €4 $5 -6 /7 .8 ,9 :10",
    "Russia lost 1,150 soldiers in the past 24 hours, Kyiv said. Reuters could not verify it! Why? 12",
    "Gen. Smith said 5 were killed. The U.S. figure was higher. “It is 40,” he said.' Next one.",
    "KYIV, March 12 (Reuters) — about 300 troops... No one knows!? 2024",
    "\U0001d7d9 (mathematical digit one) then 7 and tabs\t8\nnew line 9",
]


@pytest.mark.parametrize("text", TRICKY)
def test_digit_starts_match_the_regex_scan(text: str) -> None:
    found = [i for i in digit_run_starts(text) if _DIGIT_START.match(text, i)]
    assert found == [m.start() for m in _DIGIT_START.finditer(text)]


@pytest.mark.parametrize("text", TRICKY)
def test_sentence_ends_match_the_regex_scan(text: str) -> None:
    for start in (0, 3):
        spans = [m.span() for m in _boundaries(text, start)]
        assert spans == [m.span() for m in sentences._BOUNDARY.finditer(text, start)]


@pytest.mark.parametrize(
    "text", [*TRICKY, "The claims could not be independently verified.", "Kyiv denied it"]
)
def test_caveat_hints_match_the_alternation(text: str) -> None:
    low = text.lower()
    assert contains_any(low, CAVEAT_HINTS) == bool(re.search("|".join(CAVEAT_HINTS), low))


@pytest.mark.parametrize(
    ("text", "n", "expected"),
    [
        ("the army said", 2, len("the")),
        ("army said", 2, 0),
        ("one two three four", 2, len("one two")),
        ("  a  b  c  ", 2, len("  a")),
        ("single", 2, 0),
    ],
)
def test_last_words_start(text: str, n: int, expected: int) -> None:
    assert _last_words_start(text, len(text), n) == expected


def test_end_anchored_marks_unchanged_by_the_window() -> None:
    """ "were reportedly" before a verb is passive whether searched from the start or the last words."""
    s = "Many soldiers, officials said, were reportedly estimated at 300"
    at = s.index("estimated")
    lo = _last_words_start(s, at, 2)
    assert bool(sentences._PASSIVE.search(s, lo, at)) == bool(sentences._PASSIVE.search(s, 0, at)) is True
