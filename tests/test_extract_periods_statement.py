"""Period rules of the third 0.4 pass (docs/extraction.md, "Changes in 0.4.2: periods"): a month right
after words of saying dates the statement, "bringing its toll to" makes a running total of the figure
after it only, "a week after" is no rate, and a rate in an ", adding" clause is not the total's."""

from __future__ import annotations

from datetime import date

from attrition.extract import extract
from attrition.models import Claim


def _one(text: str, published: date, quote_start: str) -> Claim:
    found = [c for c in extract(text, published) if c.quote.startswith(quote_start)]
    assert len(found) == 1, [c.quote for c in extract(text, published)]
    return found[0]


def _kind_end(text: str, published: date, quote_start: str) -> tuple[str, date | None]:
    p = _one(text, published, quote_start).period
    return p.kind, p.end


def test_month_of_a_statement_after_when_said() -> None:
    text = (
        "The army last gave a figure in October 2022, when its spokesman said 4,800 soldiers had been killed."
    )
    assert _kind_end(text, date(2024, 2, 1), "4,800") == ("cumulative", None)


def test_month_right_after_quoted_dates_the_statement() -> None:
    text = "Officials, quoted privately in June 2023, put Russian deaths at about 50,000."
    assert _kind_end(text, date(2024, 1, 9), "about 50,000") == ("cumulative", None)


def test_briefing_last_month_is_no_span() -> None:
    text = "In a briefing last month, Western officials put Russian casualties at 400,000."
    assert _kind_end(text, date(2024, 5, 20), "400,000")[0] == "cumulative"


def test_a_month_of_losses_stays_a_span() -> None:
    text = "Russia lost 30,000 troops in May, Ukraine's General Staff said."
    assert _kind_end(text, date(2024, 6, 3), "30,000") == ("span", date(2024, 5, 31))


def test_bringing_the_toll_to_is_a_total_and_the_figure_before_it_is_not() -> None:
    text = (
        "One more Israeli soldier was killed in northern Gaza, the military said on Monday, "
        "bringing its toll in the ground campaign to 410 soldiers."
    )
    published = date(2024, 6, 4)
    assert _one(text, published, "One").period.kind == "event"
    assert _one(text, published, "410").period.kind == "cumulative"


def test_a_week_after_is_no_rate() -> None:
    text = "A week after the summit, Kyiv's intelligence service estimated that 300,000 Russian troops had been killed or wounded."
    assert _kind_end(text, date(2023, 7, 20), "300,000") == ("cumulative", date(2023, 7, 20))


def test_rate_in_an_adding_clause_belongs_to_its_own_figure() -> None:
    text = "The General Staff puts Russian losses at 620,000 troops, adding roughly 1,200 troops a day."
    published = date(2024, 11, 12)
    assert _kind_end(text, published, "620,000")[0] == "cumulative"
    assert _kind_end(text, published, "roughly 1,200")[0] == "rate"
