"""Periods of figures whose own clause states none (docs/extraction.md, "Periods when the text states
none"): carried periods, war-long tolls, month / week / length spans, statement-time months, rate ends."""

from __future__ import annotations

from datetime import date

from attrition.extract import extract
from attrition.models import Claim


def _one(text: str, published: date, quote_start: str) -> Claim:
    found = [c for c in extract(text, published) if c.quote.startswith(quote_start)]
    assert len(found) == 1, [c.quote for c in extract(text, published)]
    return found[0]


def test_month_span_carries_to_the_next_sentence() -> None:
    text = (
        "In March, Russia lost 95 tanks, the ministry said. Russia also lost 210 artillery systems, it added."
    )
    for quote in ("95 tanks", "210 artillery"):
        p = _one(text, date(2024, 4, 2), quote).period
        assert (p.kind, p.start, p.end) == ("span", date(2024, 3, 1), date(2024, 3, 31))


def test_same_claimant_carries_without_also() -> None:
    text = "Since October 10, Russian forces lost 900 tanks near the town, the group said. It said 2,000 armoured vehicles were destroyed."
    assert _one(text, date(2024, 2, 1), "2,000").period.kind == "cumulative"


def test_toll_without_period_is_cumulative_from_war_start() -> None:
    p = _one("Officials said 4,000 Russian troops had been killed.", date(2022, 4, 1), "4,000").period
    assert (p.kind, p.start, p.end) == ("cumulative", date(2022, 2, 24), date(2022, 4, 1))


def test_incident_stays_an_event() -> None:
    p = _one(
        "Officials said 12 people had been killed in a missile strike on the port.", date(2023, 5, 2), "12"
    ).period
    assert p.kind == "event"


def test_statement_month_dates_the_statement_not_the_losses() -> None:
    p = _one(
        "The president said last month that 31,000 Ukrainian soldiers had been killed.",
        date(2024, 3, 20),
        "31,000",
    ).period
    assert (p.kind, p.end) == ("cumulative", None)


def test_over_the_week_and_hours_spans() -> None:
    week = _one(
        "The ministry said Ukraine lost 2,100 servicemen over the week.", date(2024, 7, 30), "2,100"
    ).period
    assert (week.kind, week.start, week.end) == ("span", date(2024, 7, 23), date(2024, 7, 30))
    hours = _one("The army said 40 militants were killed over 72 hours.", date(2024, 7, 30), "40").period
    assert (hours.kind, hours.start) == ("span", date(2024, 7, 27))


def test_length_named_campaign_is_a_span_not_a_rate() -> None:
    p = _one(
        "Rebels killed 60 soldiers during a week-long battle, the group said on Monday.",
        date(2025, 3, 18),
        "60",
    ).period
    assert (p.kind, p.start, p.end) == ("span", date(2025, 3, 10), date(2025, 3, 17))


def test_rate_ends_on_the_statement_or_the_averaged_span() -> None:
    plain = _one("Russia loses about 1,100 troops a day, Kyiv said.", date(2024, 9, 12), "about 1,100").period
    assert (plain.kind, plain.end) == ("rate", date(2024, 9, 12))
    span = _one(
        "Russia lost an average of 700 troops a day over the past fortnight.", date(2023, 1, 18), "an average"
    ).period
    assert (span.kind, span.start, span.end) == ("rate", date(2023, 1, 4), date(2023, 1, 18))


def test_superlative_so_far_is_not_a_running_total() -> None:
    p = _one(
        "Nine people were killed in the heaviest raid on the city so far.", date(2025, 2, 4), "Nine"
    ).period
    assert p.kind == "event"


def test_weekday_nearer_than_the_running_total_cue() -> None:
    text = (
        "Russia lost 1,380 troops on Wednesday, bringing its losses since the invasion to 684,000, Kyiv said."
    )
    day = _one(text, date(2024, 10, 24), "1,380").period
    assert (day.kind, day.end) == ("day", date(2024, 10, 23))
    assert _one(text, date(2024, 10, 24), "684,000").period.kind == "cumulative"


def test_same_period_takes_the_dated_span_of_its_sentence() -> None:
    text = "The ministry said its troops had destroyed 40 tanks over the past week and had killed up to 900 there in the same period."
    p = _one(text, date(2025, 6, 5), "up to 900").period
    assert (p.kind, p.start) == ("span", date(2025, 5, 29))


def test_month_a_war_began_in_is_not_a_span() -> None:
    p = _one(
        "The war, which began in April, has killed more than 10,000 people.", date(2023, 11, 21), "more than"
    ).period
    assert p.kind == "cumulative"
