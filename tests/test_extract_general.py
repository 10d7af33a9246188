"""Failure classes found on unseen text, one test each: reporting frames, generic claimants, loss
tables, individual deaths, fighting within one side, vague and hedged totals."""

from __future__ import annotations

from datetime import date

from attrition.extract import extract
from attrition.models import Claim

PUB = date(2024, 2, 12)  # a Monday


def claims(text: str, published: date = PUB) -> list[Claim]:
    return extract(text, published)


def one(text: str, published: date = PUB) -> Claim:
    found = claims(text, published)
    assert len(found) == 1, [(c.quote, c.category, c.value) for c in found]
    return found[0]


# --- within one side -------------------------------------------------------------------------------------


def test_fighting_within_one_side_is_not_charged_to_the_enemy() -> None:
    c = one(
        "Russian pilots were among those killed when Wagner forces shot down six helicopters during their "
        "mutiny, according to Russian bloggers."
    )
    assert (c.subject, c.category, c.value, c.period.kind) == ("Russia", "helicopters", 6, "span")


def test_side_named_on_the_object_wins_over_the_attacker_enemy() -> None:
    found = claims(
        "Wagner mercenaries shot down six Russian military helicopters during the mutiny, killing 13 airmen, "
        "Russian military bloggers said."
    )
    assert [(c.subject, c.category, c.value) for c in found] == [
        ("Russia", "helicopters", 6),
        ("Russia", "personnel_killed", 13),
    ]


# --- periods -------------------------------------------------------------------------------------------


def test_period_of_the_previous_sentence_carries_into_an_also_sentence() -> None:
    found = claims(
        "More than 4,000 Russian soldiers have died in the battle for Avdiivka in the past month, the "
        "spokesman for Ukraine's Tavria military group, Oleksandr Shtupun, told Ukrainian television. He said "
        "Russia had also lost some 200 tanks and armoured vehicles around the town.",
        date(2023, 11, 28),
    )
    assert [(c.category, c.period.kind, c.period.start) for c in found] == [
        ("personnel_killed", "span", date(2023, 10, 29)),
        ("armored_vehicles", "span", date(2023, 10, 29)),
    ]
    assert {c.claimant for c in found} == {"Tavria operational group"}


def test_a_clause_without_a_cue_shares_the_frame_set_before_it() -> None:
    found = claims(
        "Armenia said 105 of its soldiers had been killed in clashes on the border since Tuesday, while Baku "
        "put its own losses at 71 servicemen.",
        date(2022, 9, 14),
    )
    assert [(c.value, c.period.kind, c.period.start) for c in found] == [
        (105, "cumulative", date(2022, 9, 13)),
        (71, "cumulative", date(2022, 9, 13)),
    ]


def test_a_cue_in_a_later_clause_stays_there() -> None:
    found = claims(
        "Wagner claimed its fighters had captured 35 Ukrainian servicemen near Soledar, while the Russian "
        "Defense Ministry said up to 60 Ukrainian troops were killed in the area in a day.",
        date(2023, 1, 30),
    )
    assert [c.period.kind for c in found] == ["event", "day"]


def test_a_dated_span_beats_a_battle_span() -> None:
    c = one(
        "Russia lost 4,000 soldiers in the battle for Avdiivka in the past month, Kyiv said.",
        date(2023, 11, 28),
    )
    assert (c.period.kind, c.period.start) == ("span", date(2023, 10, 29))


# --- claimants -----------------------------------------------------------------------------------------


def test_generic_institution_is_read_from_the_acting_side() -> None:
    c = one("Ukraine's forces destroyed 17 tanks over the past week, the army said.")
    assert c.claimant == "Ukrainian General Staff"
    c = one("Over the past week, Ukrainian air defences shot down 92 Russian drones, the air force said.")
    assert c.claimant == "Ukrainian Air Force"


def test_a_spokesman_speaks_for_the_institution_the_sentence_names() -> None:
    found = claims("Ukraine's air force shot down three Russian helicopters on Sunday, a spokesman said.")
    assert [(c.claimant, c.period.end) for c in found] == [("Ukrainian Air Force", date(2024, 2, 11))]


def test_told_names_the_audience_not_the_claimant() -> None:
    c = one("Russia lost 300 soldiers in the past day, Oleksandr Shtupun told Ukrainian television.")
    assert c.claimant == "Tavria operational group"


def test_according_to_keeps_abbreviations() -> None:
    c = one("Ukraine's losses are believed to be around 100,000, according to U.S. estimates.")
    assert (c.subject, c.category, c.value, c.qualifier, c.claimant) == (
        "Ukraine",
        "personnel_casualties",
        100_000,
        "around",
        "US officials",
    )


# --- loss tables ---------------------------------------------------------------------------------------


BULLETIN = (
    "The General Staff of the Armed Forces of Ukraine said the total combat losses of the enemy from "
    "24.02.22 to 12.02.24 were approximately:\n"
    "personnel — about 352,650 (+760)\n"
    "tanks ‒ 6,365 (+17)\n"
    "artillery systems — 9,987 (+31)\n"
)


def test_general_staff_loss_table_gives_total_and_day_per_row() -> None:
    got = [(c.subject, c.category, c.value, c.qualifier, c.period.kind) for c in claims(BULLETIN)]
    assert got == [
        ("Russia", "personnel_casualties", 352_650, "around", "cumulative"),
        ("Russia", "personnel_casualties", 760, "exact", "day"),
        ("Russia", "tanks", 6_365, "exact", "cumulative"),
        ("Russia", "tanks", 17, "exact", "day"),
        ("Russia", "artillery", 9_987, "exact", "cumulative"),
        ("Russia", "artillery", 31, "exact", "day"),
    ]
    assert {c.claimant for c in claims(BULLETIN)} == {"Ukrainian General Staff"}
    assert claims(BULLETIN)[0].period.start == date(2022, 2, 24)


def test_a_dash_and_a_bracket_alone_do_not_make_a_table() -> None:
    assert claims("Score — 3,000 (+20)\n") == []


# --- figures without a noun, and individuals ---------------------------------------------------------


def test_appositive_figure_after_losses() -> None:
    c = one("US officials estimate that Russia has suffered heavy losses, possibly as many as 120,000.")
    assert (c.subject, c.category, c.value, c.qualifier, c.hedged) == (
        "Russia",
        "personnel_casualties",
        120_000,
        "up_to",
        True,
    )


def test_a_restated_toll_keeps_the_paragraph_civilians() -> None:
    found = claims(
        "The RSF killed at least 40 civilians in an attack on a village, the doctors' union said. Activists "
        "said the true toll could be as high as 100."
    )
    assert [(c.subject, c.category, c.value, c.qualifier) for c in found] == [
        ("Sudan", "civilians_killed", 40, "at_least"),
        ("Sudan", "civilians_killed", 100, "up_to"),
    ]


def test_individual_deaths_are_claims_of_one() -> None:
    c = one("A soldier was shot dead at a checkpoint near Hebron on Sunday, the army said.")
    assert (c.category, c.value, c.quote, c.period.end) == (
        "personnel_killed",
        1,
        "A soldier",
        date(2024, 2, 11),
    )
    c = one("Lt. Col. Moiseev died from his wounds, the regiment said.")
    assert (c.category, c.value, c.quote) == ("personnel_killed", 1, "Lt. Col. Moiseev")
    c = one("One Palestinian man in Jericho was killed by falling debris.")
    assert (c.subject, c.category, c.value) == ("Palestinians", "civilians_killed", 1)


def test_no_individual_without_an_outcome() -> None:
    assert claims("A soldier was seen near the checkpoint. Lt. Col. Moiseev was promoted.") == []


def test_service_branch_between_figure_and_noun() -> None:
    c = one("Two U.S. Army soldiers died in a drone attack in Jordan on Sunday, the Pentagon said.")
    assert (c.subject, c.category, c.value, c.claimant) == (
        "United States",
        "personnel_killed",
        2,
        "US officials",
    )


def test_more_than_n_servicemen() -> None:
    c = one("More than 40 Russian servicemen were killed in the strike, Ukraine's military said.")
    assert (c.subject, c.category, c.value, c.qualifier) == ("Russia", "personnel_killed", 40, "more_than")


def test_gunmen_are_not_counted_as_killed() -> None:
    found = claims("Two men opened fire at a bus stop in Jerusalem, killing three people, police said.")
    assert [(c.subject, c.category, c.value) for c in found] == [("Israel", "civilians_killed", 3)]


def test_dozens_is_24_at_least() -> None:
    c = one("Dozens of Russian soldiers were killed in the attack, Ukrainian officials said.")
    assert (c.value, c.qualifier, c.subject, c.category) == (24, "at_least", "Russia", "personnel_killed")


def test_later_items_of_a_weapons_list_are_not_losses() -> None:
    found = claims(
        "Russia hits Ukraine with 127 missiles and 109 drones, 7 killed: Zelensky\n"
        "At least seven people were killed across Ukraine overnight, President Volodymyr Zelensky said."
    )
    assert [(c.category, c.value) for c in found] == [("civilians_killed", 7)]
    found = claims("Ukraine shot down 20 drones and 5 tanks with 12 missiles, the air force said.")
    assert [(c.category, c.value) for c in found] == [("drones", 20), ("tanks", 5)]


def test_wire_dateline_city_is_not_the_side() -> None:
    from datetime import date

    from attrition.extract import extract

    text = "KYIV, March 16 - Russia lost 1,040 soldiers over the past day, Ukraine's General Staff said on Thursday."
    (c,) = extract(text, date(2023, 3, 16))
    assert (c.subject, c.value, c.period.kind, c.claimant) == (
        "Russia",
        1040,
        "day",
        "Ukrainian General Staff",
    )
    (c,) = extract(
        "WASHINGTON (Reuters) — Russia has lost 300,000 troops, U.S. officials said.", date(2023, 3, 16)
    )
    assert c.subject == "Russia"


def test_bulletin_row_with_a_unit_word_keeps_the_table_together() -> None:
    from datetime import date

    from attrition.extract import extract

    text = "The General Staff said on Saturday:\n\npersonnel - about 338,120 (+900) persons\ntanks - 5,632 (+6)\n"
    got = [(c.subject, c.category, c.value, c.period.kind) for c in extract(text, date(2023, 12, 9))]
    assert got == [
        ("Russia", "personnel_casualties", 338120, "cumulative"),
        ("Russia", "personnel_casualties", 900, "day"),
        ("Russia", "tanks", 5632, "cumulative"),
        ("Russia", "tanks", 6, "day"),
    ]


def test_a_named_tally_makes_equipment_figures_losses() -> None:
    from datetime import date

    from attrition.extract import extract

    text = "Russian cumulative totals published on Tuesday were 4,362 tanks and 491 air defence systems, Kyiv said."
    got = [(c.subject, c.category, c.value) for c in extract(text, date(2023, 8, 22))]
    assert got == [("Russia", "tanks", 4362), ("Russia", "air_defense", 491)]
    # An arsenal or a delivery is not a tally of losses.
    assert extract("Russia's total arsenal of 3,000 tanks is shrinking.", date(2023, 8, 22)) == []
    assert extract("Losses aside, the army received 40 tanks from Poland.", date(2023, 8, 22)) == []
