"""Number tokens: separators, scales, words, ranges, qualifiers, vague plurals."""

from __future__ import annotations

import pytest

from attrition.extract.numbers import scan


def one(text: str) -> tuple[float, float | None, str, str]:
    toks = scan(text)
    assert len(toks) == 1, toks
    t = toks[0]
    return t.value, t.value_high, t.qualifier, text[t.start : t.end]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("390,580 fighters", 390580),
        ("894 240 troops", 894240),
        ("1.2 million people", 1_200_000),
        ("390 thousand soldiers", 390_000),
        ("22k dead", 22_000),
        ("twenty tanks", 20),
        ("two thousand troops", 2000),
        ("twenty-five drones", 25),
        ("a dozen tanks", 12),
    ],
)
def test_values(text: str, value: float) -> None:
    assert one(text)[0] == value


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("more than 500 soldiers", "more_than"),
        ("over 500 soldiers", "more_than"),
        ("exceeded 500 soldiers", "more_than"),
        ("at least 500 soldiers", "at_least"),
        ("about 500 soldiers", "around"),
        ("approximately 500 soldiers", "around"),
        ("some 500 soldiers", "around"),
        ("roughly 500 soldiers", "around"),
        ("nearly 500 soldiers", "almost"),
        ("close to 500 soldiers", "almost"),
        ("approaching 500 soldiers", "almost"),
        ("up to 500 soldiers", "up_to"),
        ("as many as 500 soldiers", "up_to"),
        ("500 soldiers", "exact"),
    ],
)
def test_qualifiers(text: str, qualifier: str) -> None:
    assert one(text)[2] == qualifier


@pytest.mark.parametrize("text", ["between 50 and 60 troops", "50-60 troops", "50 to 60 troops"])
def test_ranges(text: str) -> None:
    value, high, qualifier, _ = one(text)
    assert (value, high, qualifier) == (50, 60, "range")


def test_from_to_is_not_a_range() -> None:
    assert [t.value for t in scan("the toll rose from 20 to 34")] == [20, 34]


@pytest.mark.parametrize(("text", "value"), [("dozens of soldiers", 24), ("hundreds of civilians", 200)])
def test_vague_plurals_are_lower_bounds(text: str, value: float) -> None:
    assert one(text)[:3] == (value, None, "at_least")


@pytest.mark.parametrize(
    "text", ["the 155th brigade", "a 45-year-old", "Feb 06/2024 05:50PM", "a 155-mm shell"]
)
def test_not_tokens(text: str) -> None:
    assert scan(text) == []


def test_year_is_marked() -> None:
    assert scan("in 2023")[0].is_year_like


def test_every_number_word_is_found_at_a_word_start_only() -> None:
    """The word scan is one regex built from `_START_WORDS`: each word is found after a space or an
    opening bracket, never inside another word."""
    from attrition.extract.numbers import _START_WORDS, _word_starts

    for w in _START_WORDS:
        text = f"They counted ({w} more, not x{w}y"
        assert _word_starts(text) == [text.index(w)], w


def test_grouped_alternation_matches_like_a_plain_one() -> None:
    import re

    from attrition.extract.lexicon import alternation

    words = ["Russia", "Russian", "russians", "Kyiv", "U.S.", "al-Sham", "the Houthis"]
    fast = re.compile(r"\b(?:" + alternation(words) + r")\b", re.IGNORECASE)
    plain = re.compile(
        r"\b(?:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")\b", re.I
    )
    text = "RUSSIAN troops, russia's army, the Houthis and KYIV; U.S. and al-sham Russians"
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
