"""Properties that hold for any input: no exception, spans match quotes, determinism."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from attrition.extract import extract

VOCABULARY = (
    "Russia Ukraine Kyiv's Moscow lost killed wounded more than around 1,020 390 580 soldiers tanks "
    "APVs since "
    "February 24, 2022 in the past day said according to the General Staff . , : 17 dozens between and - "
    "civilians were hit on Monday could not be independently verified"
)
WORDS = st.one_of(st.sampled_from(VOCABULARY.split()), st.just("\n"))
NEWSY = st.lists(WORDS, max_size=60).map(" ".join)
ANY_TEXT = st.one_of(st.text(max_size=400), NEWSY)
DATES = st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)))


@settings(max_examples=300, deadline=None)
@given(ANY_TEXT, DATES)
def test_never_raises_and_spans_match(text: str, published: date | None) -> None:
    for c in extract(text, published):
        assert text[c.start : c.end] == c.quote
        assert c.mentions[0] == (c.start, c.end)
        for s, e in c.mentions:
            assert 0 <= s < e <= len(text)


@settings(max_examples=100, deadline=None)
@given(NEWSY, DATES)
def test_deterministic(text: str, published: date | None) -> None:
    assert extract(text, published) == extract(text, published)
