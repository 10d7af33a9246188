"""Recall rules of extractor 0.4: loss tables in many layouts, figures without a noun, subsets, and
the negatives that must stay out (evacuations, retracted misquotes, delivery tables)."""

from __future__ import annotations

from datetime import date

import pytest

from attrition.extract import extract
from attrition.extract.tables import find_rows, may_hold_table

PUB = date(2025, 3, 4)


def cats(text: str) -> list[tuple[str, float, str]]:
    return [(c.category, c.value, c.period.kind) for c in extract(text, PUB)]


@pytest.mark.parametrize(
    "table",
    [
        "Enemy losses so far:\nTanks: 10,255 (+4)\nArtillery systems: 24,110 (+38)",
        "The enemy's losses now stand at: 10,255 (+4) tanks; 24,110 (+38) artillery systems.",
        "Losses of the occupiers (General Staff):\n1. tanks - 10,255 (+4)\n2. artillery systems - 24,110 (+38)",
        "Combat losses of the enemy were approximately: tanks — 10,255 (+4), artillery systems — 24,110 (+38).",
    ],
)
def test_table_layouts(table: str) -> None:
    assert cats(table) == [
        ("tanks", 10255, "cumulative"),
        ("tanks", 4, "day"),
        ("artillery", 24110, "cumulative"),
        ("artillery", 38, "day"),
    ]


def test_table_pair_and_rows_without_change_under_a_loss_heading() -> None:
    text = (
        "Russian losses as of today, per the General Staff:\naircraft/helicopters - 369/331\nsubmarines - 1"
    )
    assert cats(text) == [
        ("aircraft", 369, "cumulative"),
        ("helicopters", 331, "cumulative"),
        ("ships", 1, "cumulative"),
    ]


def test_table_claimant_from_heading() -> None:
    text = "Ministry of Defence of Ukraine\nThe total combat losses of the enemy are approximately:\ntanks - 8,050 (+7)\nMLRS - 1,111 (+1)"
    claims = extract(text, PUB)
    assert {c.claimant for c in claims} == {"Ukrainian Defense Ministry"}
    assert {c.subject for c in claims} == {"Russia"}


def test_delivery_table_is_not_losses() -> None:
    text = "Equipment delivered to Ukraine so far:\ntanks - 471\narmoured vehicles - 1,350\nartillery systems - 600"
    assert cats(text) == []


def test_table_gate_ignores_clock_times() -> None:
    assert not may_hold_table("The strike hit at 10:30 and 12:45 on Monday.")
    assert find_rows("Talks resumed at 10:30 on Monday.") == ({}, {})


def test_list_verb_after_the_list_and_along_with() -> None:
    text = "The General Staff said nine tanks, 16 armoured vehicles and 27 artillery systems had been destroyed, along with 48 drones."
    assert [c[0] for c in cats(text)] == ["tanks", "armored_vehicles", "artillery", "drones"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The toll of those killed since Feb. 24 had reached 1,200, officials said.",
            ("personnel_killed", 1200),
        ),
        (
            "Russia lost 1,410 troops on Monday, Kyiv said, against 1,260 on Sunday.",
            ("personnel_casualties", 1260),
        ),
        (
            'The IDF said it killed 200 Hamas fighters in May, and "about 900" in total.',
            ("personnel_killed", 900),
        ),
        ("The army said it killed 140 RSF fighters and captured 65 others.", ("personnel_captured", 65)),
        (
            "Losses would pass 500,000 by the end of June, analysts estimate.",
            ("personnel_casualties", 500000),
        ),
    ],
)
def test_figures_without_a_noun(text: str, expected: tuple[str, float]) -> None:
    assert expected in [(c, v) for c, v, _ in cats(text)]


def test_subsets_named_after_were() -> None:
    text = "The monitor said 214 people were killed. Of the dead, 61 were security personnel and 153 were civilians."
    assert [(c, v) for c, v, _ in cats(text)][1:] == [("personnel_killed", 61), ("civilians_killed", 153)]


def test_military_noun_beats_dead() -> None:
    assert [
        (c, v) for c, v, _ in cats("Ukraine has suffered 100,000 military dead or wounded, Norway said.")
    ] == [("personnel_casualties", 100000)]


def test_vague_plural_and_taken_prisoner() -> None:
    got = extract('Wagner said it had taken "several dozen" Ukrainian soldiers prisoner near Soledar.', PUB)
    assert [(c.category, c.value, c.qualifier) for c in got] == [("personnel_captured", 24, "at_least")]


@pytest.mark.parametrize(
    "text",
    [
        "Officials said 121,000 people have been evacuated from the region since Tuesday.",
        "Correction: An earlier version of this article said Russia lost 1,210 tanks in 2025.",
        "A previous version of this story misstated the number of soldiers killed as 1,850.",
    ],
)
def test_negatives(text: str) -> None:
    assert cats(text) == []
