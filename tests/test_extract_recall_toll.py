"""Recall, side and claimant rules read from blind set 4: noun-less tolls in civilian stories, an armed
force's own toll, ratios and call-ups that count nothing, tallies "now well above", a side's possessive
loss head, "inflicted losses of", and claimants named by a surname, an update or a sub-unit."""

from __future__ import annotations

from datetime import date

from attrition.extract import extract

PUB = date(2025, 4, 8)


def rows(text: str) -> list[tuple[str, float, str | None]]:
    return [(c.category, c.value, c.subject) for c in extract(text, PUB)]


def test_noun_less_toll_in_a_later_paragraph_counts_civilians() -> None:
    text = (
        "A missile hit a shopping centre in Dnipro, killing four shoppers, the regional governor said.\n\n"
        "Hours later officials put the toll at seven dead."
    )
    assert ("civilians_killed", 7, "Ukraine") in rows(text)
    assert not [r for r in rows(text) if r[0].startswith("personnel_")]


def test_noun_less_toll_with_a_military_word_stays_troops() -> None:
    text = (
        "Shelling killed two civilians in Kherson, the governor said.\n\n"
        "Ukraine's General Staff said the losses of Russian forces over the past day stood at 980."
    )
    assert ("personnel_casualties", 980, "Russia") in rows(text)


def test_an_army_toll_counts_soldiers_not_civilians() -> None:
    text = (
        "A rocket struck a kibbutz, wounding three residents, the Israeli military said. Four soldiers "
        "died in Rafah on Monday, raising the military's death toll in the ground operation to 215."
    )
    assert ("personnel_killed", 215, "Israel") in rows(text)
    assert ("civilians_killed", 215, "Israel") not in rows(text)


def test_ratios_proportions_and_call_ups_are_not_counts() -> None:
    text = (
        "Losses run at about 3 to 1 in Russia's disfavour, Ukraine's General Staff said, and roughly one in "
        "eight of the wounded never return. Moscow has announced the call-up of 160,000 conscripts."
    )
    assert rows(text) == []


def test_tally_now_well_above_and_killed_would_pass() -> None:
    text = (
        'Russian losses in Ukraine were now "far above 800,000", British intelligence said, and its killed, '
        "wounded and missing could pass one million by next year, the ministry added."
    )
    values = {(c, v) for c, v, _ in rows(text)}
    assert ("personnel_casualties", 800000) in values
    assert ("personnel_casualties", 1000000) in values


def test_a_sides_possessive_loss_head_names_the_side() -> None:
    text = (
        "Moscow rarely speaks of its losses. For Russia's own forces: 6,000 soldiers killed, the defence "
        "minister said in 2022, after Ukraine's General Staff had claimed far more."
    )
    assert ("personnel_killed", 6000, "Russia") in rows(text)


def test_inflicted_losses_count_the_actors_enemy() -> None:
    text = "Russia's Defence Ministry said the Vostok group had inflicted losses of up to 120 troops."
    [claim] = extract(text, PUB)
    assert (claim.subject, claim.claimant) == ("Ukraine", "Russian Defense Ministry")


def test_a_surname_alone_takes_the_titled_mention() -> None:
    text = (
        "Governor Serhiy Lysak said on Tuesday that a drone attack had damaged a power line.\n\n"
        "A later strike on Nikopol wounded five people, Lysak said."
    )
    [claim] = extract(text, PUB)
    assert claim.claimant == "Regional authorities"


def test_the_update_speaks_for_the_report_before_it() -> None:
    text = (
        "Ukraine's General Staff said on Tuesday that Russia had lost 1,100 troops in a day. According to "
        "the update, Russian forces also lost nine tanks."
    )
    assert {c.claimant for c in extract(text, PUB)} == {"Ukrainian General Staff"}


def test_a_pronoun_with_no_attribution_before_it_takes_the_named_claimant() -> None:
    text = (
        "President Volodymyr Zelensky spoke to reporters in Kyiv on Monday. For the past week: 70 Russian "
        "tanks destroyed near Pokrovsk, he said."
    )
    assert {c.claimant for c in extract(text, PUB)} == {"Ukrainian government"}
