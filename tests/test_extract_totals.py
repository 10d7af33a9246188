"""Running totals and quoted figures (docs/extraction.md, "Changes in 0.4.5"): a total raised with a
scope ("its total since February 2022 to N"), a quoted figure after "at", the true size of the count
just named, a statement's own date, and what a day's tally raised a total to. Each sentence is worded
unlike the evaluation texts the rules were found on."""

from __future__ import annotations

from datetime import date

from attrition.extract import extract
from attrition.models import Claim

PUBLISHED = date(2024, 10, 9)


def _one(text: str, quote_start: str, published: date = PUBLISHED) -> Claim:
    found = [c for c in extract(text, published) if c.quote.startswith(quote_start)]
    assert len(found) == 1, [c.quote for c in extract(text, published)]
    return found[0]


def test_a_total_raised_with_a_scope_is_a_running_total_of_what_the_day_counted() -> None:
    text = (
        "Kyiv said on Wednesday that Russia lost 1,250 soldiers in a day, pushing its count of enemy "
        "losses since February 2022 to 662,360."
    )
    day = _one(text, "1,250")
    total = _one(text, "662,360")
    assert (day.category, day.period.kind) == ("personnel_casualties", "day")
    assert (total.subject, total.category, total.period.kind) == (
        "Russia",
        "personnel_casualties",
        "cumulative",
    )


def test_a_scoped_total_followed_by_a_noun_is_not_read_as_the_figure_before() -> None:
    text = (
        "Two sappers were killed near Bakhmut on Monday, raising the brigade's toll in the autumn fighting "
        "to 41 soldiers, the unit said."
    )
    assert _one(text, "41 soldiers").quote == "41 soldiers"


def test_a_far_larger_second_figure_after_to_is_a_figure_of_its_own() -> None:
    text = "The agency said Russia lost 1,031 troops in a day, taking the tally for 2023 to 254,310."
    assert _one(text, "1,031").period.kind == "day"
    assert _one(text, "254,310").value == 254310


def test_a_ratio_is_still_not_two_figures() -> None:
    text = "Commanders put the exchange at roughly 5 to 1 in Kyiv's favour, the General Staff said."
    assert extract(text, PUBLISHED) == []


def test_the_tally_the_next_sentence_goes_on_with_is_the_days_not_the_total() -> None:
    text = (
        "The General Staff said Russia lost 1,190 troops over the past day, taking its total since the "
        "invasion to 655,000. It also listed 14 tanks."
    )
    assert _one(text, "14 tanks").period.kind == "day"


def test_a_quoted_figure_after_at_is_the_count_named_before_it() -> None:
    text = 'A Pentagon official put the number of Russian dead at "about 9,000" in a briefing on Tuesday.'
    claim = _one(text, "about 9,000")
    assert (claim.subject, claim.category) == ("Russia", "personnel_killed")


def test_the_true_size_of_the_count_just_named_is_the_same_count() -> None:
    text = (
        "The monitoring group said it had confirmed 71,000 Russian military deaths by name. Its analysts "
        "believe the real figure may be as high as 140,000."
    )
    claim = _one(text, "as high as 140,000")
    assert (claim.category, claim.qualifier) == ("personnel_killed", "up_to")


def test_the_date_of_a_statement_is_not_the_day_of_the_losses() -> None:
    text = "The defence minister said on August 30 that 12,500 Ukrainian troops had been killed."
    claim = _one(text, "12,500")
    assert (claim.period.kind, claim.period.end) == ("cumulative", date(2024, 8, 30))


def test_since_the_full_scale_invasion_began_is_the_war() -> None:
    text = "Officials told parliament on Tuesday that 1,870 Ukrainian children had been wounded since the full-scale invasion began."
    claim = _one(text, "1,870")
    assert (claim.period.kind, claim.period.start) == ("cumulative", date(2022, 2, 24))


def test_the_wounded_still_in_hospital_are_no_second_count() -> None:
    text = (
        "Forty-two people were injured, 15 of whom remain in hospital, nine of them in a critical condition."
    )
    assert [c.value for c in extract(text, PUBLISHED)] == [42]


def test_people_a_disaster_killed_are_no_war_losses() -> None:
    text = "The cyclone killed 312 people in the delta, officials said, and 40 more died in the floods."
    assert extract(text, PUBLISHED) == []


def test_a_disaster_named_as_a_point_in_time_keeps_the_losses() -> None:
    text = "A rights group said at least 52 civilians had been killed in air strikes since the earthquake."
    assert [c.value for c in extract(text, PUBLISHED)] == [52]


def test_people_evacuated_from_a_place_or_held_hostage_are_no_losses() -> None:
    text = (
        "Nine civilians have been killed in the district this week, while more than 6,000 residents of "
        "frontline towns have been evacuated and 30 people are being held hostage."
    )
    assert [c.value for c in extract(text, PUBLISHED)] == [9]


def test_a_population_is_no_count_of_losses() -> None:
    text = "Shelling killed 14 people on Monday in the besieged city of 400,000 people, the mayor said."
    assert [c.value for c in extract(text, PUBLISHED)] == [14]


def test_the_number_of_dead_names_the_outcome_of_its_figure() -> None:
    text = "The number of dead in Odesa has climbed to 21, the governor said, and 8 of the 70 injured are children."
    claim = _one(text, "21")
    assert claim.category == "civilians_killed"


def test_estimates_in_the_plural_and_in_the_present_give_bare_figures_their_count() -> None:
    text = (
        "The ministry says 18,000 Ukrainian soldiers have been killed, well below Western estimates of "
        "about 60,000; some estimates exceed 90,000, and others put the toll as high as 100,000."
    )
    values = {c.value for c in extract(text, PUBLISHED) if c.category == "personnel_killed"}
    assert values == {18000, 60000, 90000, 100000}


def test_number_after_could_is_the_verb() -> None:
    text = (
        "An air strike killed 28 civilians in the village on Sunday. Medics said on Monday that the dead "
        "could number as many as 35."
    )
    assert _one(text, "as many as 35").category == "civilians_killed"


def test_a_second_group_taken_prisoner_with_the_first_is_one_count() -> None:
    text = "The rebels said they had taken 1,300 government soldiers and allied militiamen prisoner since Friday."
    claim = _one(text, "1,300")
    assert (claim.category, claim.value) == ("personnel_captured", 1300)


def test_during_the_day_and_todays_are_the_reports_day() -> None:
    text = (
        "The morning update listed 9 tanks and 31 artillery systems destroyed during the day. Medics said "
        "57 people had been killed in today's shelling of the city."
    )
    kinds = {c.value: (c.period.kind, c.period.end) for c in extract(text, PUBLISHED)}
    assert kinds == {9: ("day", PUBLISHED), 31: ("day", PUBLISHED), 57: ("day", PUBLISHED)}


def test_an_outcome_verb_right_before_the_figure_governs_it() -> None:
    text = (
        "The president, who said on Friday that his forces had captured three enemy soldiers near the "
        "border, has put the enemy's losses far higher."
    )
    assert _one(text, "three").category == "personnel_captured"


def test_a_later_clause_after_a_semicolon_keeps_its_outcome() -> None:
    text = "The minister said Ukraine had lost more than 900 servicemen near the town; he did not say how many were captured."
    assert _one(text, "more than 900").category == "personnel_casualties"


def test_a_second_age_is_no_count() -> None:
    text = "Two soldiers were captured near the village. The two men, aged 19 and 24, were being questioned."
    assert sorted(c.value for c in extract(text, PUBLISHED)) == [2]


def test_an_aside_after_the_reporting_tag_does_not_give_the_figure_its_period() -> None:
    text = (
        "Five soldiers were killed in an ambush near the border on Tuesday, the army said, the first deaths "
        "since the ceasefire began on Sunday."
    )
    assert _one(text, "Five soldiers").period.kind == "event"


def test_last_year_after_a_date_is_part_of_the_date() -> None:
    text = "Since the fighting began on March 3 last year, 2,140 civilians have been killed in the province."
    assert _one(text, "2,140").period.kind == "cumulative"


def test_the_year_a_war_began_is_no_span() -> None:
    text = "The conflict, which began in 2014, has killed more than 14,000 people, the UN says."
    assert _one(text, "more than 14,000").period.kind == "cumulative"


def test_a_month_before_a_speaker_and_said_dates_the_statement() -> None:
    text = (
        "In March, the defence minister said 28,000 Ukrainian soldiers had been killed, a figure few accept."
    )
    assert _one(text, "28,000").period.kind == "cumulative"


def test_a_month_before_a_claim_of_that_month_stays_its_span() -> None:
    text = "In June, the group claimed to have shot down 6 Reaper drones in a single month."
    assert _one(text, "6").period.kind == "span"


def test_losses_of_a_kind_of_equipment_set_at_a_figure_count_that_kind() -> None:
    text = (
        "The project's list puts Moscow's losses of main battle tanks at 3,900 and of towed artillery at "
        "more than 700, with the headline noting that Russian helicopter losses top 150."
    )
    found = {c.value: c.category for c in extract(text, PUBLISHED)}
    assert found == {3900: "tanks", 700: "artillery", 150: "helicopters"}


def test_the_size_of_a_group_is_no_loss() -> None:
    text = "Russia now attacks in small groups, often of three or four men, and lost 1,150 soldiers in a day."
    assert [c.value for c in extract(text, PUBLISHED)] == [1150]


def test_an_average_age_is_no_count() -> None:
    text = "The project counted 2,300 Russian soldiers killed in May; the average age of the dead rose to 36."
    assert [c.value for c in extract(text, PUBLISHED)] == [2300]


def test_soldiers_an_army_speaker_counts_are_that_armys() -> None:
    text = (
        "Somali forces repelled an al-Shabaab raid on a base near Jowhar, killing 30 militants, the army "
        "said on Tuesday. Four soldiers died in the fighting, an army commander told state radio."
    )
    assert _one(text, "Four soldiers").subject == "Somalia"


def test_soldiers_a_state_military_says_died_are_its_own() -> None:
    text = (
        "The Nigerian military said on Sunday that 9 soldiers died when insurgents stormed a base in Borno."
    )
    assert _one(text, "9 soldiers").subject == "Nigeria"
