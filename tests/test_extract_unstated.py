"""Figures whose clause states no period and no side (docs/extraction.md, "Changes in 0.4.4"): large
uncued figures are running totals, the war as a scope, standing counts of captives, what a total grew
by, "the number of <people> killed", live-blog time stamps, and sides carried from the nearest figure.
Each sentence is worded unlike the evaluation texts the rules were found on."""

from __future__ import annotations

from datetime import date

from attrition.extract import extract
from attrition.models import Claim

PUBLISHED = date(2025, 3, 12)


def _one(text: str, quote_start: str, published: date = PUBLISHED) -> Claim:
    found = [c for c in extract(text, published) if c.quote.startswith(quote_start)]
    assert len(found) == 1, [c.quote for c in extract(text, published)]
    return found[0]


def test_a_large_figure_with_no_cue_is_a_running_total() -> None:
    text = "Ukraine's defence intelligence chief said Moscow had lost about 4,100 tanks, a figure Russia disputes."
    claim = _one(text, "about 4,100")
    assert (claim.period.kind, claim.period.start, claim.period.end) == (
        "cumulative",
        date(2022, 2, 24),
        PUBLISHED,
    )


def test_a_large_figure_in_one_attack_stays_an_event() -> None:
    text = "Officials said 1,200 people were wounded in the attack on the stadium in Kramatorsk."
    assert _one(text, "1,200").period.kind == "event"


def test_a_small_figure_with_no_cue_stays_an_event() -> None:
    text = "Regional officials said 14 Russian soldiers surrendered near Robotyne, a claim Moscow denied."
    assert _one(text, "14").period.kind == "event"


def test_the_war_as_scope_makes_a_running_total() -> None:
    text = "A Kyiv-based monitoring group said 212 Ukrainian servicemen died in the war."
    claim = _one(text, "212")
    assert (claim.period.kind, claim.period.start) == ("cumulative", date(2022, 2, 24))
    course = "Over the course of the conflict, Hezbollah lost 74 fighters to Israeli drones, the group said."
    assert _one(course, "74", date(2024, 5, 2)).period.kind == "cumulative"


def test_captives_held_now_are_a_standing_count() -> None:
    text = "The ombudsman said 62 Ukrainian soldiers remain in Russian captivity after the last exchange."
    claim = _one(text, "62")
    assert (claim.category, claim.period.kind) == ("personnel_captured", "cumulative")


def test_what_a_total_grew_by_takes_the_stated_month() -> None:
    text = (
        "In February, Kyiv's tally of Russian losses rose by 19,870 personnel, the ministry's figures show."
    )
    claim = _one(text, "19,870")
    assert (claim.period.kind, claim.period.start, claim.period.end) == (
        "span",
        date(2025, 2, 1),
        date(2025, 2, 28),
    )


def test_the_number_of_people_killed_names_who_the_figure_counts() -> None:
    text = "The number of Israelis killed by rocket fire since October has reached 63, officials said."
    claim = _one(text, "63", date(2024, 6, 1))
    assert (claim.subject, claim.category) == ("Israel", "civilians_killed")
    troops = "The number of Russian servicemen killed near Vuhledar has climbed to 480, the brigade said."
    claim = _one(troops, "480")
    assert (claim.subject, claim.category) == ("Russia", "personnel_killed")


def test_a_live_blog_time_stamp_does_not_hide_the_claimant() -> None:
    text = "14:20 GMT — Lebanon's health ministry says 31 people were killed in strikes on Tyre on Tuesday."
    claim = _one(text, "31", date(2024, 10, 2))
    assert claim.claimant_text is not None and "health ministry" in claim.claimant_text
    assert claim.subject == "Lebanon"


def test_a_figure_naming_no_side_takes_the_nearest_figure_s_side() -> None:
    text = (
        "The monthly figures below are the differences between month-end totals. In March the tally grew "
        "by 20,110 personnel and 96 tanks.\n\n"
        "The General Staff put Russia's losses for the whole of April at 18,900 soldiers."
    )
    assert [c.subject for c in extract(text, PUBLISHED)] == ["Russia", "Russia", "Russia"]
    march = _one(text, "96 tanks")
    assert (march.period.kind, march.period.start) == ("span", date(2025, 3, 1))


def test_a_loss_word_set_against_a_figure_by_at_is_its_outcome() -> None:
    text = "Western officials put Russia's dead at 95,000 and its wounded at about 300,000."
    dead = _one(text, "95,000")
    assert (dead.subject, dead.category) == ("Russia", "personnel_killed")
    dashes = "Kyiv puts Moscow's combat losses — killed, wounded and captured — at roughly 870,000."
    claim = _one(dashes, "roughly 870,000")
    assert (claim.subject, claim.category) == ("Russia", "personnel_casualties")


def test_a_large_total_lost_without_its_noun_counts_troops() -> None:
    text = "Moscow's defence ministry claims Kyiv has lost more than 600,000."
    claim = _one(text, "more than 600,000")
    assert (claim.subject, claim.category, claim.qualifier) == (
        "Ukraine",
        "personnel_casualties",
        "more_than",
    )
    assert not extract("The region had lost 12, officials said of the tally.", PUBLISHED)


def test_what_became_of_counted_equipment_counts_the_same_equipment() -> None:
    text = (
        "Ukraine has lost 640 infantry fighting vehicles, according to the open-source list. Of these, "
        "410 were destroyed and 120 were captured."
    )
    assert [(c.category, c.value) for c in extract(text, PUBLISHED)] == [
        ("armored_vehicles", 640),
        ("armored_vehicles", 410),
        ("armored_vehicles", 120),
    ]


def test_a_running_total_with_no_start_named_starts_with_the_war() -> None:
    text = "Russia's air force has lost 121 aircraft overall, the ministry said."
    assert _one(text, "121").period.start == date(2022, 2, 24)
    campaign = "The army's toll in the ground offensive rose to 290 overall, officials said."
    assert _one(campaign, "290", date(2024, 3, 1)).period.start is None


def test_parts_of_a_day_tally_share_its_day_and_larger_totals_do_not() -> None:
    text = (
        "Kyiv's forces lost up to 1,350 troops over the past day, the Russian Defence Ministry said on "
        "Friday. Losses in the zone of the Tsentr group amounted to up to 410 servicemen, the ministry "
        "said. The ministry put Ukrainian equipment losses at 9,840 tanks, the ministry said."
    )
    part = _one(text, "up to 410", date(2025, 5, 16))
    assert (part.period.kind, part.period.end) == ("day", date(2025, 5, 16))
    assert _one(text, "9,840", date(2025, 5, 16)).period.kind == "cumulative"


def test_a_generic_side_word_of_another_war_names_no_side() -> None:
    text = (
        "The Kyiv regime lost almost 500,000 servicemen in 2024, according to the Russian defence ministry."
    )
    assert _one(text, "almost 500,000").subject == "Ukraine"


def test_last_month_and_last_year_are_calendar_stretches() -> None:
    month = _one("Russia lost 310 tanks last month, the ministry said.", "310").period
    assert (month.start, month.end) == (date(2025, 2, 1), date(2025, 2, 28))
    year = _one("Kyiv says Russia lost 4,100 artillery systems last year.", "4,100").period
    assert (year.start, year.end) == (date(2024, 1, 1), date(2024, 12, 31))


def test_since_a_month_starts_on_its_first_day() -> None:
    text = "Kyiv says North Korean units have lost about 3,100 troops since entering combat in November."
    claim = _one(text, "about 3,100", date(2025, 1, 20))
    assert (claim.subject, claim.period.kind, claim.period.start) == (
        "North Korea",
        "cumulative",
        date(2024, 11, 1),
    )
    smo = "Since the start of the special military operation, 702 aircraft have been destroyed, Moscow said."
    assert _one(smo, "702").period.start == date(2022, 2, 24)


def test_a_toll_after_civilians_of_one_country_stays_with_that_country() -> None:
    text = (
        "Lebanon's health ministry said Israeli strikes had killed 3,120 people since October 2023. "
        "Forty-one people were killed over the past 24 hours, it said."
    )
    assert _one(text, "Forty-one", date(2024, 11, 7)).subject == "Lebanon"


def test_a_headline_rounding_a_body_figure_is_the_same_claim() -> None:
    text = (
        "Kyiv says Russia lost 427,000 troops in 2024\n\n"
        "Russian forces lost 427,560 troops killed and wounded in 2024, Ukraine's commander-in-chief said."
    )
    claims = extract(text, PUBLISHED)
    assert [c.value for c in claims] == [427_560]
    assert len(claims[0].mentions) == 2


def test_they_after_a_side_named_earlier_is_that_side() -> None:
    text = (
        "Syrskyi said Russian units near Kurakhove lost about 9,000 men in the first half of January, and "
        "that they were now losing an average of 380 soldiers a day."
    )
    assert _one(text, "an average of 380").subject == "Russia"


def test_a_relative_which_names_the_side_that_lost() -> None:
    text = (
        '"Units of the Battlegroup Centre inflicted losses on the Ukrainian armed forces, which lost up to '
        '940 servicemen over the past week," the Russian Defence Ministry said.'
    )
    assert _one(text, "up to 940").subject == "Ukraine"


def test_n_days_of_fighting_is_a_stretch() -> None:
    text = "The rebels said on Monday they had killed 63 government soldiers in four days of heavy fighting."
    claim = _one(text, "63", date(2024, 9, 2))
    assert (claim.period.kind, claim.period.start, claim.period.end) == (
        "span",
        date(2024, 8, 29),
        date(2024, 9, 2),
    )


def test_a_total_raised_to_a_figure_counts_what_the_figure_before_counted() -> None:
    text = (
        "Officials in Gaza said 22 people were killed by Israeli fire over the weekend, bringing to 512 the "
        "number killed since the truce began."
    )
    claim = _one(text, "512", date(2025, 12, 1))
    assert (claim.category, claim.period.kind) == ("civilians_killed", "cumulative")
    past = (
        "Russia lost 8,120 troops in the seven days to Sunday, Kyiv said, taking its count past 1.1 million."
    )
    week = _one(past, "8,120", date(2025, 3, 4)).period
    assert (week.kind, week.start, week.end) == ("span", date(2025, 2, 23), date(2025, 3, 2))
    assert _one(past, "1.1 million", date(2025, 3, 4)).period.kind == "cumulative"


def test_of_the_equipment_named_before_a_fate_counts_that_equipment() -> None:
    text = "The unit counted 64 tanks and 40 artillery pieces left behind. Of the tanks, 31 were captured intact."
    assert _one(text, "31").category == "tanks"


def test_a_total_set_at_a_figure_on_a_weekday_is_a_total_as_of_that_day() -> None:
    text = "Kyiv's tally of Russian personnel losses stood at 1,121,480 on Monday, the General Staff said."
    claim = _one(text, "1,121,480", date(2025, 9, 3))
    assert (claim.period.kind, claim.period.end) == ("cumulative", date(2025, 9, 1))
    including = "The staff put Russian losses, including wounded and captured, at 1.12 million on Monday."
    claim = _one(including, "1.12 million", date(2025, 9, 3))
    assert (claim.category, claim.period.kind) == ("personnel_casualties", "cumulative")


def test_a_side_word_inside_a_facility_name_is_no_side() -> None:
    text = "Shelling hit the Saudi Teaching Hospital, killing 22 patients, the Sudan Doctors Network said."
    assert _one(text, "22", date(2024, 5, 30)).subject == "Sudan"


def test_more_nouns_for_fighters() -> None:
    text = "The army said it had neutralised 214 extremists and 35 bandits in the forest operations."
    assert [(c.category, c.value) for c in extract(text, PUBLISHED)] == [
        ("personnel_killed", 214),  # "neutralised" counts the killed since 0.4.6
        ("personnel_killed", 35),
    ]


def test_equipment_destroyed_with_no_actor_named_is_the_claimant_s_enemy_s() -> None:
    text = "Air defences destroyed 48 of the drones overnight, Ukraine's air force said on Tuesday."
    assert _one(text, "48").subject == "Russia"


def test_of_them_after_a_kill_verb_counts_what_was_named_before() -> None:
    text = (
        "Its forces struck a camp of foreign mercenaries near Sumy and killed about 60 of them, Moscow said."
    )
    claim = _one(text, "about 60")
    assert claim.category == "personnel_killed"


def test_a_toll_beside_a_count_of_strikes_is_a_running_total() -> None:
    text = (
        "In Gaza, where Israel has carried out thousands of airstrikes, the Health Ministry said the death "
        "toll had reached 3,478."
    )
    assert _one(text, "3,478", date(2023, 10, 19)).period.kind == "cumulative"
    one = "The health ministry said the toll from the airstrike on the market had reached 31."
    assert _one(one, "31", date(2023, 10, 19)).period.kind == "event"


def test_bulletin_words_and_nouns_of_0_4_4() -> None:
    text = (
        "The Battlegroup Centre destroyed up to 415 Ukrainian troops, four electronic warfare stations and "
        "two surface-to-air missile systems over the past day, the Russian Defence Ministry said."
    )
    assert [(c.category, c.value, c.subject) for c in extract(text, PUBLISHED)] == [
        ("personnel_casualties", 415, "Ukraine"),
        ("other", 4, "Ukraine"),
        ("air_defense", 2, "Ukraine"),
    ]
    blue = "Two Indonesian peacekeepers were killed when a shell hit their base, the UN said."
    assert _one(blue, "Two").category == "personnel_killed"


def test_prisoners_executed_or_dying_are_killed_and_prisoners_taken_are_captured() -> None:
    executed = (
        "Kyiv says Russian troops have executed at least 23 Ukrainian prisoners of war since the autumn."
    )
    assert _one(executed, "at least 23").category == "personnel_killed"
    taken = "Wagner said it had killed about 300 Ukrainian troops and taken 40 prisoners near Soledar."
    assert _one(taken, "40").category == "personnel_captured"


def test_casualties_treated_and_bodies_returned_are_not_claims() -> None:
    assert not extract(
        "Surgeons at the city hospital said they had treated 140 casualties overnight.", PUBLISHED
    )
    swap = "The sides agreed to return the bodies of 1,200 soldiers killed near Bakhmut, Kyiv said."
    assert not extract(swap, PUBLISHED)


def test_civilians_counted_by_a_side_s_ministry_are_its_people() -> None:
    text = (
        "At least 24,900 Palestinians have been killed since October 7, the Health Ministry in Gaza said. "
        "In the past 24 hours alone, 142 people were killed, the ministry said, as Israeli tanks pushed "
        "deeper into western Rafah and strikes hit homes near the Kuwaiti Hospital."
    )
    assert _one(text, "142", date(2024, 1, 21)).subject == "Palestinians"


def test_a_sentence_opened_by_a_side_is_about_that_side() -> None:
    text = "On the Ukrainian side, the volunteer project has compiled the names of 84,000 soldiers killed."
    assert _one(text, "84,000").subject == "Ukraine"


def test_a_figure_continuing_the_one_before_shares_its_side() -> None:
    text = (
        "Russia's defence ministry acknowledged that its troops had suffered casualties: 612 soldiers killed "
        "and 1,840 wounded since the start of the operation."
    )
    assert [c.subject for c in extract(text, date(2022, 3, 25))] == ["Russia", "Russia"]


def test_one_attack_in_a_named_month_is_an_event_of_unknown_day() -> None:
    text = "In March, a Russian missile strike on the port of Odesa killed 21 people, officials said."
    claim = _one(text, "21")
    assert (claim.period.kind, claim.period.start, claim.period.end) == ("event", None, None)
    month = "At least 190 civilians were killed in Ukraine in February, the UN monitoring mission said."
    assert _one(month, "At least 190").period.kind == "span"


def test_since_a_clause_on_a_weekday_and_since_beside_an_undated_battle() -> None:
    text = "More than 600 people have been killed since clashes erupted on Thursday, the monitor said Sunday."
    claim = _one(text, "More than 600", date(2024, 8, 12))
    assert (claim.period.kind, claim.period.start) == ("cumulative", date(2024, 8, 8))
    battle = "At least 90 civilians have been killed in the fighting for the town since Friday, the UN said."
    claim = _one(battle, "At least 90", date(2024, 8, 12))
    assert (claim.period.kind, claim.period.start) == ("cumulative", date(2024, 8, 9))


def test_a_noun_less_rate_after_a_loss_figure_is_a_rate_of_the_same_losses() -> None:
    text = (
        "Russian forces lost 38,940 troops in February, Ukraine's General Staff said. The February total works "
        "out to an average of 1,391 a day."
    )
    claim = _one(text, "an average of 1,391")
    assert (claim.subject, claim.category, claim.period.kind) == ("Russia", "personnel_casualties", "rate")


def test_the_summary_and_the_same_command_are_the_claimant_named_before() -> None:
    text = (
        "Ukrainian forces lost up to 1,250 servicemen over the week, according to a weekly summary of the "
        'Russian Defence Ministry. "Units of the Battlegroup West destroyed 19 tanks," the summary said.'
    )
    assert _one(text, "19").claimant == "Russian Defense Ministry"


def test_a_claimant_s_data_is_the_claimant() -> None:
    text = (
        "Russia's Defence Ministry said on Monday it had shot down 41 Ukrainian drones. According to the "
        "ministry's data, 112 Ukrainian tanks were destroyed in the same week."
    )
    assert _one(text, "112").claimant == "Russian Defense Ministry"


def test_listing_and_compiling_are_claims_of_who_does_them() -> None:
    text = "The General Staff in Kyiv also listed 91 aircraft and 112 helicopters among Russian losses."
    assert {c.claimant for c in extract(text, PUBLISHED)} == {"Ukrainian General Staff"}


def test_a_spokesman_for_an_organisation_speaks_for_it() -> None:
    text = "A spokesman for the Karen Liberation Front said 64 junta soldiers were killed near Myawaddy."
    assert _one(text, "64").claimant == "Karen Liberation Front"


def test_a_span_of_years_and_people_still_missing_or_escaped_are_not_claims() -> None:
    assert not extract(
        "Counting Russian military deaths from probate records, 2022–2025\n\nA study.", PUBLISHED
    )
    text = "We had 14 killed and 31 wounded. Two guys are still missing, and some 4,000 prisoners escaped."
    assert [(c.category, c.value) for c in extract(text, PUBLISHED)] == [
        ("personnel_killed", 14),
        ("personnel_wounded", 31),
    ]


def test_outcomes_of_passives_tolls_to_number_and_injuries() -> None:
    wounded = "More than 70 people were wounded, 14 of them children, the governor said."
    assert _one(wounded, "More than 70").category == "civilians_wounded"
    number = '"Russia’s overall casualties are now likely to number around 810,000," the update read.'
    claim = _one(number, "around 810,000")
    assert (claim.subject, claim.category) == ("Russia", "personnel_casualties")
    put = "London put Russia's combined killed and wounded at about 870,000 in its latest update."
    claim = _one(put, "about 870,000")
    assert (claim.subject, claim.category) == ("Russia", "personnel_casualties")
    injuries = "The mission has verified 12,100 civilian deaths and 27,800 injuries since the invasion."
    assert _one(injuries, "27,800").category == "civilians_wounded"


def test_equipment_fates_listed_on_without_were() -> None:
    text = (
        "Oryx counts 2,610 Russian tanks lost. Of those, 1,702 were destroyed, 151 damaged, 214 abandoned "
        "and 543 captured by Ukrainian forces."
    )
    claims = extract(text, PUBLISHED)
    assert [(c.category, c.value) for c in claims] == [("tanks", v) for v in (2610, 1702, 151, 214, 543)]
    assert {c.claimant for c in claims} == {"Oryx"}


def test_a_day_named_between_a_stretch_and_the_figure_is_the_figure_s() -> None:
    text = (
        "Raids on the capital last month killed 14 civilians, and an air strike on a prison on January 21 "
        "killed at least 91 inmates, the group said."
    )
    claim = _one(text, "at least 91", date(2022, 2, 8))
    assert (claim.period.kind, claim.period.end) == ("event", date(2022, 1, 21))


def test_niger_and_haiti_are_sides() -> None:
    niger = "Gunmen killed 44 civilians at a mosque near Tillaberi, Niger's interior ministry said."
    assert _one(niger, "44").subject == "Niger"
    haiti = "At least 112 people were killed in gang violence in Port-au-Prince in March, the UN said."
    assert _one(haiti, "At least 112").subject == "Haiti"


def test_equipment_downed_in_a_clause_of_its_own_is_the_claimant_s_enemy_s() -> None:
    text = (
        "According to Ukraine's General Staff, its units destroyed 12 tanks over the day, while 41 drones "
        "of the operational-tactical level were downed."
    )
    assert _one(text, "41").subject == "Russia"


def test_a_side_s_losses_named_in_passing_are_not_the_actor_of_a_participle() -> None:
    text = (
        "In its daily briefing the ministry, whose claims about Ukrainian losses are often inflated, said "
        "Russian troops had repelled six attacks near Robotyne, destroying four tanks."
    )
    claim = _one(text, "four")
    assert (claim.subject, claim.claimant_text) == ("Ukraine", "the ministry")


def test_days_of_a_month_and_a_daily_update_s_weekday() -> None:
    week = "The ministry's weekly summary for March 8-14 said Ukrainian forces had lost more than 8,700 personnel."
    claim = _one(week, "more than 8,700", date(2025, 3, 15))
    assert (claim.period.kind, claim.period.start, claim.period.end) == (
        "span",
        date(2025, 3, 8),
        date(2025, 3, 14),
    )
    night = "Pakistan said it had shot down five Indian aircraft on the night of May 6-7."
    assert _one(night, "five", date(2025, 5, 8)).period.kind != "span"
    update = (
        "According to the Russian Defence Ministry's daily update on Friday, Ukraine has lost up to 3,120 "
        "servicemen in the Kursk direction since the start of hostilities there."
    )
    assert _one(update, "up to 3,120", date(2024, 8, 24)).period.kind == "cumulative"


def test_one_attack_last_week_and_a_final_assault_on_a_weekday_are_events() -> None:
    ambush = "The militia said its fighters had killed more than 80 soldiers in an ambush near Bahir Dar last week."
    claim = _one(ambush, "more than 80")
    assert (claim.period.kind, claim.period.end) == ("event", None)
    assault = "The RSF said it had killed more than 1,800 soldiers in the final assault on Sunday."
    claim = _one(assault, "more than 1,800", date(2025, 10, 29))
    assert (claim.period.kind, claim.period.end) == ("event", date(2025, 10, 26))


def test_items_of_a_list_introduced_by_a_loss_sentence() -> None:
    text = (
        "Russia said Ukrainian forces had lost more than 8,600 personnel in the week to March 14.\n\n"
        "Broken down by battlegroup, the Russian Defence Ministry put Ukrainian losses as follows:\n"
        '- "Sever" (North): up to 1,650 servicemen\n'
        '- "Zapad" (West): over 1,420\n'
    )
    claims = extract(text, date(2025, 3, 15))
    week = claims[0].period
    assert (week.kind, week.start, week.end) == ("span", date(2025, 3, 7), date(2025, 3, 14))
    assert [(c.subject, c.category, c.value, c.claimant) for c in claims[1:]] == [
        ("Ukraine", "personnel_casualties", 1650, "Russian Defense Ministry"),
        ("Ukraine", "personnel_casualties", 1420, "Russian Defense Ministry"),
    ]


def test_an_institution_s_attribution_goes_on_to_the_next_paragraph() -> None:
    text = (
        "Russian forces lost 1,240 soldiers over the past day, Ukraine's General Staff said on Monday.\n\n"
        "Russian losses also included 11 tanks and 27 artillery systems."
    )
    assert {c.claimant for c in extract(text, PUBLISHED)} == {"Ukrainian General Staff"}


def test_peacekeepers_contributors_and_south_sudan_are_sides() -> None:
    blue = "Fourteen South African soldiers were killed, and three Malawian peacekeepers also died, officials said."
    assert _one(blue, "three").subject == "Malawi"
    nasir = "South Sudan's army said at least 27 of its soldiers had been killed in Nasir on Friday."
    assert _one(nasir, "at least 27", date(2025, 3, 10)).subject == "South Sudan"


def test_bodies_counted_are_the_dead() -> None:
    text = "Gaza's health ministry said 58 bodies had been brought to hospitals over the past 24 hours."
    claim = _one(text, "58", date(2025, 6, 3))
    assert (claim.subject, claim.category, claim.period.kind) == ("Palestinians", "civilians_killed", "day")


def test_half_a_million_and_a_toll_whose_verb_is_the_qualifier() -> None:
    text = "Kyiv's count of Russian casualties passed half a million, the General Staff said."
    claim = _one(text, "passed half a million")
    assert (claim.value, claim.qualifier, claim.category) == (500_000, "more_than", "personnel_casualties")


def test_sudan_s_army_calls_the_rsf_rebels() -> None:
    text = (
        "Sudan's army said its air force had struck RSF positions in southern Khartoum, killing hundreds "
        "of rebels and destroying 16 armed pickup trucks."
    )
    assert _one(text, "hundreds", date(2025, 3, 4)).subject == "RSF"


def test_a_dateline_city_is_the_scene_of_civilians_with_no_place_named() -> None:
    text = (
        "The morning the bus stop disappeared\n\n"
        "KHERSON — Olha was buying bread when the windows came in, she said on Wednesday.\n\n"
        "The missile struck at 8:40 a.m. on Tuesday. By evening, the head of the regional administration "
        "said 11 people had been killed."
    )
    assert _one(text, "11", date(2025, 4, 9)).subject == "Ukraine"
    troops = "KYIV, March 16 - Russia lost 1,040 soldiers over the past day, the General Staff said."
    assert _one(troops, "1,040", date(2025, 3, 16)).subject == "Russia"


def test_a_quoted_briefing_s_day_frame_holds_through_its_paragraph() -> None:
    text = (
        'The ministry said: "In the Kherson direction, over the past day, Ukrainian units attempted to '
        "attack near Ishchenka. As a result, over 90 Ukrainian servicemen were killed. In the Kupiansk "
        'direction, the enemy’s losses amounted to more than 60 servicemen killed and wounded."'
    )
    claim = _one(text, "more than 60", date(2022, 10, 18))
    assert (claim.period.kind, claim.period.end) == ("day", date(2022, 10, 18))
