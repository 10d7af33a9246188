"""One test per grammar rule, on short sentences written for the test."""

from __future__ import annotations

from datetime import date

import pytest

from attrition.extract import extract
from attrition.models import Claim

PUB = date(2024, 2, 6)  # a Tuesday


def only(text: str, published: date | None = PUB) -> Claim:
    claims = extract(text, published)
    assert len(claims) == 1, [(c.quote, c.category, c.value) for c in claims]
    return claims[0]


def keys(text: str, published: date | None = PUB) -> list[tuple[str | None, str, float]]:
    return [(c.subject, c.category, c.value) for c in extract(text, published)]


# --- categories -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("noun", "category"),
    [
        ("tanks", "tanks"),
        ("APVs", "armored_vehicles"),
        ("APCs", "armored_vehicles"),
        ("IFVs", "armored_vehicles"),
        ("AFVs", "armored_vehicles"),
        ("tanks and other armored combat vehicles", "armored_vehicles"),
        ("MLRS", "artillery"),
        ("artillery systems", "artillery"),
        ("SAM systems", "air_defense"),
        ("air defense systems", "air_defense"),
        ("UAVs", "drones"),
        ("drones", "drones"),
        ("aircraft", "aircraft"),
        ("helicopters", "helicopters"),
        ("warships", "ships"),
        ("trucks", "vehicles_other"),
    ],
)
def test_equipment_categories(noun: str, category: str) -> None:
    c = only(f"Russia has lost 12 {noun} in the past day, Ukraine's General Staff said.")
    assert (c.subject, c.category, c.value) == ("Russia", category, 12)


@pytest.mark.parametrize(
    ("phrase", "category"),
    [
        ("40 Russian soldiers were killed", "personnel_killed"),
        ("40 Russian soldiers were wounded", "personnel_wounded"),
        ("40 Russian soldiers were killed or wounded", "personnel_casualties"),
        ("Russia suffered 40 casualties", "personnel_casualties"),
        ("Russia lost 40 troops", "personnel_casualties"),
        ("40 Russian soldiers surrendered", "personnel_captured"),
        ("Ukrainian forces captured 40 Russian soldiers", "personnel_captured"),
        ("a Russian strike killed 40 civilians", "civilians_killed"),
        ("a Russian strike injured 40 people in Kharkiv", "civilians_wounded"),
    ],
)
def test_personnel_and_civilian_categories(phrase: str, category: str) -> None:
    c = only(f"Officials said {phrase} on Monday.")
    assert c.category == category and c.value == 40


# --- subject ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("More than 300,000 of Moscow's troops have been killed or wounded, officials said.", "Russia"),
        ("Kyiv's armed forces had lost 800 soldiers in the past day, Moscow said.", "Ukraine"),
        ("Wagner fighters lost 200 men in the assault, Prigozhin said.", "Russia"),
        ("The Israeli military said it had killed 30 Hamas militants in Khan Younis.", "Hamas"),
        ("The RSF said it had killed 50 army soldiers in Omdurman.", "SAF"),
        ("Azerbaijan said 40 of its servicemen had been killed.", "Azerbaijan"),
        ("Ukrainian forces destroyed 14 tanks near Avdiivka, the General Staff said.", "Russia"),
        ("Ukraine's General Staff said 14 enemy tanks were destroyed overnight.", "Russia"),
    ],
)
def test_subject(text: str, subject: str) -> None:
    assert only(text).subject == subject


# --- claimant and chain --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        (
            "Russia lost 900 soldiers in the past day, "
            "according to the General Staff of Ukraine's Armed Forces.",
            "Ukrainian General Staff",
        ),
        ("Russia lost 900 soldiers in the past day, Kyiv's military said.", "Ukrainian General Staff"),
        (
            "The Russian Defence Ministry claimed Ukraine had lost 600 soldiers in the past day.",
            "Russian Defense Ministry",
        ),
        (
            "Russia has suffered 450,000 casualties, the UK Ministry of Defence said in a post on X.",
            "UK Defence Ministry",
        ),
    ],
)
def test_claimant_aliases(text: str, claimant: str) -> None:
    assert only(text).claimant == claimant


def test_citing_builds_the_chain() -> None:
    c = only("Russia lost 900 soldiers in the past day, Reuters reported, citing Ukraine's General Staff.")
    assert c.claimant == "Ukrainian General Staff"
    assert c.via == ("Reuters",)


def test_attribution_carries_to_the_next_sentence() -> None:
    claims = extract(
        "Russia lost 900 soldiers in the past day, Ukraine's military said on Tuesday. "
        "It has lost 6,300 tanks since February 24, 2022.",
        PUB,
    )
    assert [c.claimant for c in claims] == ["Ukrainian General Staff"] * 2


def test_headline_suffix_attributes_the_story() -> None:
    c = only("Russia loses 900 soldiers in a day: Kyiv\nRussian losses reached 900 soldiers in the past day.")
    assert c.claimant == "Ukrainian government"
    assert c.quote == "900 soldiers" and c.start > 40  # the body mention, not the headline


# --- periods -------------------------------------------------------------------------------------------


def test_day_ends_on_statement_date() -> None:
    c = only(
        "Russia's government said on Monday that Ukraine had lost 885 soldiers in the previous 24 hours."
    )
    assert (c.period.kind, c.period.start, c.period.end) == ("day", date(2024, 2, 5), date(2024, 2, 5))


def test_since_date_is_cumulative() -> None:
    c = only("Moscow has lost 390,580 fighters since February 24, 2022, according to Ukraine's military.")
    assert (c.period.kind, c.period.start, c.period.end) == ("cumulative", date(2022, 2, 24), PUB)


def test_since_start_of_invasion_uses_war_start() -> None:
    c = only("Russia has lost 6,365 tanks since the start of the full-scale invasion, Kyiv said.")
    assert (c.period.kind, c.period.start) == ("cumulative", date(2022, 2, 24))


def test_span_past_weeks() -> None:
    c = only("Over the past three weeks around 80 Russians have surrendered, Ukrainian officials said.")
    assert (c.period.kind, c.period.start, c.period.end) == ("span", date(2024, 1, 16), PUB)


def test_span_year() -> None:
    c = only("Russia lost 2,000 tanks in 2023, Oryx said.")
    assert (c.period.kind, c.period.start, c.period.end) == ("span", date(2023, 1, 1), date(2023, 12, 31))


def test_rate() -> None:
    assert (
        only("Russia is losing about 1,000 soldiers a day on average, officials said.").period.kind == "rate"
    )


def test_projection() -> None:
    c = only("Moscow will have sustained more than 500,000 casualties by 2025, the UK government said.")
    assert (c.period.kind, c.period.end) == ("projection", date(2025, 1, 1))


def test_incident_on_weekday_is_an_event() -> None:
    c = only("A Russian missile strike on Odesa killed 12 civilians on Saturday, the governor said.")
    assert (c.period.kind, c.period.end) == ("event", date(2024, 2, 3))


# --- hedges and verification --------------------------------------------------------------------------


def test_hedge_words() -> None:
    assert only("Russia has reportedly lost 300 soldiers near Avdiivka.").hedged
    assert not only("Russia lost 300 soldiers near Avdiivka, Kyiv said.").hedged


def test_caveat_covers_previous_claims() -> None:
    claims = extract(
        "Ukraine said Russia lost 300 soldiers near Avdiivka on Sunday. "
        "The claim could not be independently verified.",
        PUB,
    )
    assert [c.verification for c in claims] == ["unverified"]


def test_denial_marks_disputed() -> None:
    claims = extract("The RSF said it killed 200 soldiers on Monday. The army denied the claim.", PUB)
    assert [c.verification for c in claims] == ["disputed"]


# --- one claim per figure ------------------------------------------------------------------------------


def test_repeated_paragraph_merges() -> None:
    para = "Russian forces lost 17 tanks in the past day, Kyiv's military said."
    claims = extract(f"{para}\nOther news.\n{para}", PUB)
    assert len(claims) == 1 and len(claims[0].mentions) == 2
    assert claims[0].start == para.index("17 tanks")


def test_list_shares_claimant_and_period() -> None:
    claims = extract(
        "Russian forces lost 1,020 soldiers, 17 tanks and 35 armored personnel vehicles in the past day, "
        "Kyiv's military said on Tuesday.",
        PUB,
    )
    assert [(c.category, c.value) for c in claims] == [
        ("personnel_casualties", 1020),
        ("tanks", 17),
        ("armored_vehicles", 35),
    ]
    assert {c.claimant for c in claims} == {"Ukrainian General Staff"}
    assert {c.period.kind for c in claims} == {"day"}


# --- not claims --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The 47th Brigade has fought near Avdiivka since October 2023.",
        "A 23-year-old medic said the unit covered 120 kilometres in 48 hours.",
        "Germany will supply 50 more Leopard tanks and 20 armoured vehicles to Ukraine.",
        "The package is worth 500 million euros, and 60% of it will arrive by March.",
        "Russia launched 40 drones and 12 missiles at Ukraine overnight.",
        "Moscow has deployed about 20,000 troops to the border.",
        "The fighting has displaced 700,000 people, and 1,200 were hospitalised with cholera.",
        "On February 24, 2022, at 5 a.m., Russia invaded Ukraine.",
        "Almost half of Russia's combat losses were recruits, and a third were convicts.",
        "Twelve members of the 3rd Assault Brigade received medals on 12 May.",
    ],
)
def test_not_claims(text: str) -> None:
    assert keys(text) == []
