"""Periods stated in forms the cue list missed up to 0.4.0 (docs/extraction.md, "Changes in 0.4.1:
periods"): date ranges, opening stretches, projections with a horizon, superlatives, "since" clauses,
"by <date>", country-wide days, overnight interceptions, subsets of a toll, summed days, daily briefings.
Each sentence is worded unlike the development documents that exercise the same rule."""

from __future__ import annotations

from datetime import date

from attrition.extract import extract, periods
from attrition.models import Claim


def _one(text: str, published: date, quote_start: str) -> Claim:
    found = [c for c in extract(text, published) if c.quote.startswith(quote_start)]
    assert len(found) == 1, [c.quote for c in extract(text, published)]
    return found[0]


def _period(text: str, published: date, quote_start: str) -> tuple[str, date | None, date | None]:
    p = _one(text, published, quote_start).period
    return p.kind, p.start, p.end


def test_between_two_dates_is_a_span() -> None:
    text = "Between 12 and 18 August, shelling killed 23 civilians in Kherson, the UN said."
    assert _period(text, date(2024, 8, 21), "23") == ("span", date(2024, 8, 12), date(2024, 8, 18))


def test_between_weekdays_and_months() -> None:
    days = "Kyiv said Russia lost 2,950 soldiers between Friday and Sunday near Toretsk."
    assert _period(days, date(2025, 2, 4), "2,950") == ("span", date(2025, 1, 31), date(2025, 2, 2))
    months = "Strikes between June and August killed 410 civilians in Gaza, the health ministry said."
    assert _period(months, date(2024, 9, 10), "410") == ("span", date(2024, 6, 1), date(2024, 8, 31))


def test_between_the_war_start_and_a_date_is_a_running_total() -> None:
    text = "Between 7 October 2023 and 30 June 2024, 37,900 Palestinians were killed, the ministry said."
    assert _period(text, date(2024, 7, 2), "37,900") == ("cumulative", date(2023, 10, 7), date(2024, 6, 30))


def test_between_two_numbers_is_no_stretch() -> None:
    sentence = "The army said between 10 and 20 soldiers were killed."
    assert not any(m.group("ba") for m in periods.cue_matches(sentence) if m.lastgroup == "span")


def test_opening_stretches() -> None:
    year = "Russia lost 118 tanks in the first two months of the year, Oryx said."
    assert _period(year, date(2024, 5, 6), "118") == ("span", date(2024, 1, 1), date(2024, 2, 29))
    war = "In the first ten days of the war, 1,300 Israeli civilians were killed."
    assert _period(war, date(2024, 1, 9), "1,300") == ("span", date(2023, 10, 7), date(2023, 10, 17))
    dated = "Russia launched the offensive on March 2 and lost 160 armoured vehicles in the first week, Kyiv said."
    assert _period(dated, date(2024, 4, 1), "160") == ("span", date(2024, 3, 2), date(2024, 3, 9))


def test_modal_threshold_is_a_projection_with_its_horizon() -> None:
    season = "At this rate Russian casualties could exceed 900,000 by the end of the spring, analysts said."
    assert _period(season, date(2025, 1, 20), "exceed 900,000") == ("projection", None, date(2025, 5, 31))
    year = "Analysts said Russian casualties would top 500,000 by the end of 2024."
    assert _period(year, date(2024, 2, 1), "top 500,000") == ("projection", None, date(2024, 12, 31))


def test_superlative_keeps_this_year_and_since_off_the_figure() -> None:
    text = (
        "A drone strike on a bus in Kherson killed six people on Friday, the region's worst attack this year."
    )
    assert _period(text, date(2024, 6, 9), "six")[:1] == ("event",)
    since = "It was the bloodiest day since March 4, when 14 people were killed in a strike on Odesa."
    assert _period(since, date(2024, 6, 9), "14")[::2] == ("event", date(2024, 3, 4))


def test_since_a_clause_ending_in_a_month_starts_a_running_total() -> None:
    text = "Since the army began its push on Wad Madani in January 2025, 870 RSF fighters have been killed, the army said."
    assert _period(text, date(2025, 3, 3), "870") == ("cumulative", date(2025, 1, 1), date(2025, 3, 3))


def test_by_a_date_ends_a_running_total_and_a_start_date_is_no_event() -> None:
    by = "The ministry said 1,040 civilians had been killed in the region by June 30."
    assert _period(by, date(2024, 7, 3), "1,040")[::2] == ("cumulative", date(2024, 6, 30))
    began = "The conflict, which began on April 15, 2023, has killed 15,000 people, the UN said."
    assert _period(began, date(2024, 1, 8), "15,000") == ("cumulative", date(2023, 4, 15), date(2024, 1, 8))


def test_strikes_across_a_country_on_a_weekday_are_that_days_tally() -> None:
    text = (
        "On Thursday, Russian strikes across Ukraine killed 19 civilians, according to the interior ministry."
    )
    assert _period(text, date(2024, 12, 13), "19") == ("day", date(2024, 12, 12), date(2024, 12, 12))


def test_interceptions_overnight_are_a_day_and_an_attack_overnight_an_event() -> None:
    shot = "Russia's air defence units intercepted 37 Ukrainian drones during the night over Kursk."
    assert _period(shot, date(2024, 9, 2), "37")[0] == "day"
    attack = "A drone attack on Sumy overnight killed three residents, the city council said."
    assert _period(attack, date(2024, 9, 2), "three")[0] == "event"


def test_a_part_of_the_toll_takes_its_period_whoever_says_it() -> None:
    text = (
        "A glide bomb hit a shopping centre in Kharkiv on Saturday, killing 19 people, Ukrainian officials said. "
        "Among the dead were two children, the regional prosecutor said."
    )
    assert _period(text, date(2024, 5, 27), "two")[::2] == ("event", date(2024, 5, 25))


def test_in_total_beside_a_day_sums_that_day() -> None:
    text = "The governor said that altogether 7 civilians were wounded in the region over the past day."
    assert _period(text, date(2025, 3, 1), "7")[0] == "day"


def test_daily_briefing_frames_the_next_sentence() -> None:
    text = (
        "Russia's Defence Ministry gave its daily update on Monday. "
        "Ukraine lost up to 140 servicemen in the Kupiansk direction, it said."
    )
    assert _period(text, date(2025, 5, 5), "up to 140")[0] == "day"


def test_recent_days_is_a_span_ending_on_the_report() -> None:
    text = "The army said it had killed 35 Fano fighters around Gondar in recent days."
    assert _period(text, date(2024, 4, 11), "35") == ("span", None, date(2024, 4, 11))
