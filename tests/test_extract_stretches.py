"""Stretches, incident stories and raised totals (docs/extraction.md, "Changes in 0.4.6"): "in the three
days since", "between December 14 and 16", "on Tuesday and Wednesday", "over the same seven days", a toll
in a story of one attack, and a running total raised "since the offensive began on Oct. 27 to 251".
Each text is worded unlike the evaluation texts the rules were found on."""

from __future__ import annotations

from datetime import date

from attrition.extract import extract
from attrition.models import Claim

PUBLISHED = date(2024, 12, 20)  # a Friday


def _one(text: str, quote_start: str, published: date = PUBLISHED) -> Claim:
    found = [c for c in extract(text, published) if c.quote.startswith(quote_start)]
    assert len(found) == 1, [c.quote for c in extract(text, published)]
    return found[0]


def test_a_stretch_of_days_since_an_event_is_a_span_of_that_length() -> None:
    text = "Medics said militia fighters had killed at least 640 civilians in the four days since Monday."
    claim = _one(text, "at least 640")
    assert (claim.period.kind, claim.period.start, claim.period.end) == (
        "span",
        date(2024, 12, 16),
        date(2024, 12, 20),
    )


def test_a_stretch_named_again_is_a_span() -> None:
    text = "The rebel alliance said 14 of its fighters had been killed over the five days."
    assert _one(text, "14 of its fighters").period.kind == "span"


def test_a_stretch_before_another_word_is_not_read_as_one() -> None:
    text = "Officials said 9 soldiers were killed in an ambush, the three days before the truce."
    assert _one(text, "9 soldiers").period.kind != "span"


def test_days_between_two_dates_of_one_month() -> None:
    text = "Army units said they killed 38 insurgents between November 3 and 6 near the border."
    claim = _one(text, "38 insurgents")
    assert (claim.period.kind, claim.period.start, claim.period.end) == (
        "span",
        date(2024, 11, 3),
        date(2024, 11, 6),
    )


def test_two_weekdays_joined_by_and_are_a_span_of_those_days() -> None:
    text = "The ministry said its troops destroyed 17 tanks in heavy fighting on Monday and Wednesday."
    claim = _one(text, "17 tanks")
    assert (claim.period.kind, claim.period.start, claim.period.end) == (
        "span",
        date(2024, 12, 16),
        date(2024, 12, 18),
    )


def test_the_n_days_of_fighting_is_a_span() -> None:
    text = "The army said 23 soldiers had died in the six days of fighting that ended on Sunday."
    assert _one(text, "23 soldiers").period.kind == "span"


def test_days_of_violence_are_a_span() -> None:
    text = "More than 300 civilians have been killed in five days of violence in the province."
    assert _one(text, "More than 300").period.kind == "span"


def test_the_same_stretch_of_days_takes_the_stretch_named_before() -> None:
    text = (
        "Kyiv said Russia lost 6,980 troops over the past week. Moscow put Ukraine's losses over the same "
        "seven days at 9,100."
    )
    assert _one(text, "9,100").period == _one(text, "6,980").period


def test_a_month_after_a_since_clause_closed_by_a_colon_is_the_figures_own() -> None:
    text = (
        "Deaths have eased since the summer: in October alone, the mission recorded 96 civilians killed "
        "in the region."
    )
    claim = _one(text, "96 civilians")
    assert (claim.period.kind, claim.period.start, claim.period.end) == (
        "span",
        date(2024, 10, 1),
        date(2024, 10, 31),
    )


def test_a_toll_in_a_story_of_one_attack_is_that_attacks_toll() -> None:
    text = (
        "Death toll from missile strike on Odesa port rises to 11\n\n"
        "Rescuers were still searching the port. Earlier, the regional governor had put the toll at eight "
        "dead."
    )
    assert _one(text, "eight dead").period.kind == "event"


def test_a_toll_in_a_story_of_a_campaign_is_still_a_running_total() -> None:
    text = (
        "Lebanon's toll climbs as Israeli strikes go on\n\n"
        "The health ministry said the death toll had reached 2,412."
    )
    assert _one(text, "2,412").period.kind == "cumulative"


def test_a_total_raised_by_a_possessive_scope_is_a_running_total() -> None:
    text = "One sapper was killed near Rafah on Monday, the army said, bringing the brigade's toll in the operation to 47."
    total = _one(text, "47")
    assert total.period.kind == "cumulative"


def test_a_total_raised_past_a_day_of_a_month_is_read_and_the_latest_losses_are_an_event() -> None:
    text = (
        "The army said on Thursday that three more soldiers had been killed in the north, bringing the number "
        "of troops killed since the ground operation began on Sept. 30 to 86."
    )
    latest = _one(text, "three more soldiers")
    total = _one(text, "86")
    assert latest.period.kind == "event"
    assert (total.value, total.period.kind, total.period.start) == (86, "cumulative", date(2024, 9, 30))


def test_neutralised_fighters_were_killed() -> None:
    text = 'The army said on Sunday that it had "neutralised" 74 jihadist fighters near the border.'
    assert _one(text, "74 jihadist").category == "personnel_killed"


def test_a_model_numeral_is_no_count_and_the_model_is_a_modifier() -> None:
    text = "Open-source analysts have confirmed the loss of 11 Challenger 2 tanks and 9 Marder fighting vehicles."
    claims = extract(text, PUBLISHED)
    assert [(c.value, c.category) for c in claims] == [(11, "tanks"), (9, "armored_vehicles")]


def test_a_toll_named_far_before_its_figure_still_counts_it() -> None:
    text = (
        "The number of people killed by a Russian glide bomb that hit a crowded market in the centre of "
        "the town on Sunday morning has risen to 23, the regional governor said."
    )
    claim = _one(text, "23")
    assert (claim.subject, claim.category) == ("Ukraine", "civilians_killed")


def test_a_weekday_inside_a_since_clause_starts_the_total() -> None:
    text = (
        "The number of people killed since militants stormed the border villages on Saturday has risen to "
        "more than 700, officials said on Thursday."
    )
    claim = _one(text, "more than 700", date(2024, 12, 19))
    assert (claim.period.kind, claim.period.start) == ("cumulative", date(2024, 12, 14))


def test_a_mass_surrender_is_one_event() -> None:
    text = "The rebels said 1,450 government soldiers had surrendered and handed in their weapons."
    assert _one(text, "1,450").period.kind == "event"


def test_an_aside_that_ranks_the_losses_gives_them_no_period() -> None:
    text = (
        "The army said six soldiers were killed in an ambush on Wednesday, its first confirmed losses "
        "since the offensive began on Monday."
    )
    claim = _one(text, "six soldiers")
    assert (claim.period.kind, claim.period.end) == ("event", date(2024, 12, 18))


def test_a_war_of_so_many_days_is_that_wars_running_total() -> None:
    text = "Iran's health ministry said 610 people had been killed in Israeli strikes during the 12-day war."
    assert _one(text, "610 people", date(2025, 6, 25)).period.kind == "cumulative"


def test_a_claim_to_have_killed_is_no_running_total() -> None:
    text = "The insurgents claimed in a statement to have killed 35 soldiers at the outpost."
    assert _one(text, "35 soldiers").period.kind == "event"


def test_a_night_when_weapons_hit_a_place_is_one_attack() -> None:
    text = "Three people were killed and 14 wounded when Russian missiles struck a port in Odesa overnight."
    assert [c.period.kind for c in extract(text, PUBLISHED)] == ["event", "event"]


def test_the_night_in_a_story_of_one_attack_is_that_attack() -> None:
    text = (
        "Death toll in Sumy drone strike rises to nine\n\n"
        "The regional governor said the toll had climbed overnight to nine as rescuers searched the rubble."
    )
    assert _one(text, "nine").period.kind == "event"


def test_a_monitors_documented_count_is_a_running_total() -> None:
    text = "The rights group said it had documented 912 people killed, among them 340 civilians."
    assert [c.period.kind for c in extract(text, PUBLISHED)] == ["cumulative", "cumulative"]


def test_bodies_counted_by_a_witness_are_not_a_monitors_total() -> None:
    text = "A resident said he had counted 14 bodies on his street."
    assert _one(text, "14 bodies").period.kind == "event"


def test_the_toll_of_a_losing_side_is_not_read_as_the_claimants() -> None:
    text = "Ukraine's Khortytsia group says Russian forces lost 12,400 troops around the town, along with 96 tanks."
    assert [c.subject for c in extract(text, PUBLISHED)] == ["Russia", "Russia"]


def test_what_an_assault_cost_a_side_is_that_sides_loss() -> None:
    text = "A Ukrainian brigade said the failed assault cost Russian forces about 140 personnel killed and wounded."
    assert _one(text, "about 140").subject == "Russia"


def test_more_after_a_figure_is_read_past() -> None:
    text = "Two residents were killed and four more were wounded, the regional administration said."
    assert [(c.category, c.value) for c in extract(text, PUBLISHED)] == [
        ("civilians_killed", 2),
        ("civilians_wounded", 4),
    ]


def test_more_civilian_nouns() -> None:
    text = "Officials said 23 farmers, 11 tourists and 254 of its staff had been killed."
    assert {c.category for c in extract(text, PUBLISHED)} == {"civilians_killed"}


def test_rockets_of_a_launcher_are_no_loss_of_launchers() -> None:
    text = "Russian air defences intercepted six HIMARS rockets and destroyed two HIMARS launchers, the ministry said."
    assert [(c.value, c.category) for c in extract(text, PUBLISHED)] == [(2, "artillery")]


def test_people_handed_back_in_a_swap_are_no_loss() -> None:
    text = (
        "Ukraine brought home 150 servicemen on Friday. Moscow said the 150 Russian soldiers it received "
        "had been captured in the Kursk region. Kyiv also receives 480 bodies."
    )
    assert extract(text, PUBLISHED) == []


def test_a_toll_with_an_adverb_before_its_qualifier_verb() -> None:
    text = (
        "Western officials said Russian casualties, killed and wounded together, had probably passed 780,000."
    )
    claim = _one(text, "passed 780,000")
    assert (claim.subject, claim.category, claim.qualifier) == ("Russia", "personnel_casualties", "more_than")


def test_killed_and_wounded_that_number_a_figure() -> None:
    text = "Officials in London said Russian killed and wounded were likely to number approximately 410,000."
    claim = _one(text, "approximately 410,000")
    assert (claim.subject, claim.category) == ("Russia", "personnel_casualties")


def test_a_date_after_said_in_an_update_is_the_statements() -> None:
    text = "The ministry said in an update on March 3 that Russian casualties had probably passed 420,000."
    assert _one(text, "passed 420,000").period.kind == "cumulative"


def test_the_final_assault_is_one_event() -> None:
    text = "The rebels said they had killed more than 1,400 soldiers in the final assault on the garrison."
    assert _one(text, "more than 1,400").period.kind == "event"


def test_a_bomb_in_a_named_month_is_one_event() -> None:
    text = "A car bomb outside the stadium in March killed 43 people, officials said."
    assert _one(text, "43 people").period.kind == "event"


def test_the_first_day_of_an_offensive_is_that_day() -> None:
    text = "Officials said on Thursday that 31 soldiers had been killed in the first day of the offensive on Tuesday."
    claim = _one(text, "31 soldiers", date(2024, 12, 19))
    assert (claim.period.kind, claim.period.start) == ("event", date(2024, 12, 17))


def test_a_quoted_noun_is_still_the_counted_noun() -> None:
    text = 'The army said air strikes had killed at least 640 "terrorists" in the province.'
    assert _one(text, "at least 640").category == "personnel_killed"


def test_two_sides_may_share_one_noun() -> None:
    text = "The military said it had killed 18 Hamas and Islamic Jihad militants in Jenin."
    claim = _one(text, "18 Hamas")
    assert (claim.subject, claim.category) == ("Hamas", "personnel_killed")


def test_seized_equipment_is_lost() -> None:
    text = "The rebels said they had seized 12 tanks and destroyed three armoured vehicles at the air base."
    assert [(c.value, c.category) for c in extract(text, PUBLISHED)] == [
        (12, "tanks"),
        (3, "armored_vehicles"),
    ]


def test_one_ship_named_alone() -> None:
    text = "The navy said it had destroyed or disabled 21 Russian warships and one submarine since February 2022."
    assert [(c.value, c.category) for c in extract(text, PUBLISHED)] == [(21, "ships"), (1, "ships")]


def test_a_raised_count_that_names_its_kind_counts_that_kind() -> None:
    text = (
        "It listed 14 tanks and 38 artillery systems destroyed in the previous day, bringing the tank "
        "count to 9,120."
    )
    assert _one(text, "9,120").category == "tanks"


def test_the_change_after_a_total_is_another_clause() -> None:
    text = (
        "Volunteers have identified by name 96,200 Russian soldiers killed in the war, the outlet said on "
        "Friday, an increase of some 3,100 over the past two weeks."
    )
    assert _one(text, "96,200").period.kind == "cumulative"


def test_a_gapped_list_gives_the_figure_before_for_another_side() -> None:
    text = "South Africa said five of its peacekeepers died in the fighting, and Malawi two."
    assert [(c.subject, c.category, c.value) for c in extract(text, PUBLISHED)] == [
        ("South Africa", "personnel_killed", 5),
        ("Malawi", "personnel_killed", 2),
    ]


def test_a_statement_date_before_a_speaker_does_not_date_the_losses() -> None:
    text = "On September 21, Defence Minister Sergei Shoigu said 5,937 Russian soldiers had been killed."
    assert _one(text, "5,937", date(2022, 10, 1)).period.kind == "cumulative"


def test_a_list_line_labelled_with_its_month_is_that_months_span() -> None:
    text = "The office published month-by-month figures:\n\nFebruary — 510 killed, 204 injured\n"
    claim = _one(text, "510", date(2025, 4, 1))
    assert (claim.period.kind, claim.period.start, claim.period.end) == (
        "span",
        date(2025, 2, 1),
        date(2025, 2, 28),
    )


def test_civilians_given_the_side_of_a_nearby_army_are_its_countrys() -> None:
    text = (
        "The UN says more than 400 people were killed in the assault on the camp.\n\n"
        "The paramilitary force says it killed 150 of the Sudanese army's fighters."
    )
    assert _one(text, "more than 400").subject in (None, "Sudan")


def test_a_toll_counts_the_dead_whatever_a_later_figure_says() -> None:
    text = "The ministry said the overall toll since October had reached 21,300, with 55,900 wounded."
    assert _one(text, "21,300").category.endswith("_killed")


def test_a_peoples_army_is_no_mark_of_civilians() -> None:
    text = "People's Defence Force units said they killed 340 junta soldiers and wounded 180 in August."
    assert _one(text, "180").category == "personnel_wounded"


def test_an_earlier_toll_compared_with_counts_what_the_toll_counts() -> None:
    text = (
        "The toll from the strike on the market has risen to 26, the mayor said on Tuesday, up from 17 on "
        "Monday evening. A rights group said 52 people had been killed, raising the toll from the 35 it "
        "had reported on Sunday."
    )
    found = {c.value: c.category for c in extract(text, PUBLISHED)}
    assert found == {
        26: "civilians_killed",
        17: "civilians_killed",
        52: "civilians_killed",
        35: "civilians_killed",
    }


def test_places_taken_are_no_captured_people() -> None:
    text = (
        "The alliance said it had captured more than 60 army outposts and overrun 12 positions since Friday."
    )
    assert extract(text, PUBLISHED) == []


def test_the_dead_a_claimant_calls_fighters_are_its_enemys() -> None:
    text = (
        "The health ministry says 21,300 people have been killed. The Israeli military says more than "
        "7,000 of the dead were militants."
    )
    claim = _one(text, "more than 7,000")
    assert (claim.subject, claim.category) == ("Hamas", "personnel_killed")


def test_people_unaccounted_for_are_no_loss() -> None:
    text = "At least nine residents are still unaccounted for, the governor said."
    assert extract(text, PUBLISHED) == []


def test_it_after_a_sentence_opened_by_another_speaker_is_that_speaker() -> None:
    text = (
        "Armenia's Defence Ministry said 49 of its soldiers had been killed.\n\n"
        "Azerbaijan's Defence Ministry did not give its own losses. It said its troops had destroyed "
        "about 20 armoured vehicles."
    )
    claim = _one(text, "about 20")
    assert (claim.subject, claim.claimant) == ("Armenia", "Azerbaijani Defense Ministry")


def test_it_after_a_sentence_with_its_own_speaker_goes_on_with_that_speaker() -> None:
    text = (
        "Russia launched 131 drones at Ukraine overnight, Ukraine's air force said. Air defences shot "
        "down 72 of the drones, it said."
    )
    assert _one(text, "72 of the drones").claimant == "Ukrainian Air Force"


def test_aircraft_named_by_model_or_alone() -> None:
    text = "Officials said at least one Rafale had been lost. Analysts said a bomber appeared destroyed."
    assert [(c.value, c.category) for c in extract(text, PUBLISHED)] == [(1, "aircraft")]
    assert _one("Satellite images showed one bomber had been destroyed.", "one bomber").category == "aircraft"


def test_a_region_named_with_its_countrys_possessive_is_one_place() -> None:
    text = "Syrskyi said North Korean units deployed in Russia's Kursk region had lost about 4,100 troops."
    assert _one(text, "about 4,100").subject == "North Korea"


def test_a_row_whose_first_cell_names_the_side() -> None:
    text = (
        "Estimated losses since February 2022 (low-high):\n\nRussia | killed | 110,000–150,000\n"
        "Ukraine | killed | 52,000–80,000\n"
    )
    assert [(c.subject, c.value) for c in extract(text, PUBLISHED)] == [
        ("Russia", 110000),
        ("Ukraine", 52000),
    ]


def test_the_same_period_after_a_days_tally_is_that_day() -> None:
    text = (
        "Russia lost 1,070 troops over the past day, bringing its total losses since February 2022 to about "
        "1,285,600. The update also listed three tanks and 11 artillery systems destroyed over the same period."
    )
    assert _one(text, "three tanks").period.kind == "day"


def test_a_date_a_report_was_published_on_is_the_statements() -> None:
    text = "A think tank said in a report published on June 3 that Russia had suffered close to 1 million casualties."
    assert _one(text, "close to 1 million", date(2025, 7, 9)).period.kind == "cumulative"


def test_a_side_that_occupies_a_place_is_not_the_place() -> None:
    text = "In areas occupied by Russia, the mission recorded 14 civilian deaths in March."
    assert _one(text, "14 civilian", date(2025, 4, 10)).subject == "Ukraine"


def test_a_figure_in_the_cell_after_an_outcome_cell() -> None:
    text = "Estimated losses since February 2022:\n\nRussia | killed | 110,000\nUkraine | killed | 52,000\n"
    assert [(c.subject, c.category, c.value) for c in extract(text, PUBLISHED)] == [
        ("Russia", "personnel_killed", 110000),
        ("Ukraine", "personnel_killed", 52000),
    ]
