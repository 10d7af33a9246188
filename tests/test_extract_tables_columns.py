"""Loss tables added in 0.4.4: rows that give the figure, then what it counts, then the change
("3,782 tanks (+6)", "308 airplanes"), and tables whose header names each column's period
("Category | March 2025 | Total since Feb. 24, 2022"). Worded unlike the evaluation texts."""

from __future__ import annotations

from datetime import date

from attrition.extract import extract
from attrition.extract.tables import column_kind, find_rows

PUB = date(2025, 4, 3)


def rows(text: str) -> list[tuple[str, float, str, str | None, date | None, str | None]]:
    return [
        (c.category, c.value, c.period.kind, c.subject, c.period.start, c.claimant)
        for c in extract(text, PUB)
    ]


def test_figure_label_change_rows_under_a_heading_naming_the_side_that_lost() -> None:
    text = (
        "Russia has lost 891,000 troops since the invasion began, Ukraine's General Staff said on Thursday.\n\n"
        "The staff said Russia has also lost:\n"
        "10,240 tanks (+4)\n"
        "369 aircraft\n"
        "21,370 armoured fighting vehicles (+12)\n"
    )
    found = rows(text)[1:]
    war = date(2022, 2, 24)
    staff = "Ukrainian General Staff"
    assert found == [
        ("tanks", 10240, "cumulative", "Russia", war, staff),
        ("tanks", 4, "day", "Russia", PUB, staff),
        ("aircraft", 369, "cumulative", "Russia", war, staff),
        ("armored_vehicles", 21370, "cumulative", "Russia", war, staff),
        ("armored_vehicles", 12, "day", "Russia", PUB, staff),
    ]


def test_a_figure_and_noun_inside_prose_is_no_row() -> None:
    text = (
        "Oryx counts 3,100 Russian tanks lost: 2,050 destroyed and 600 captured.\n"
        "Russia has also lost 110 aircraft, the site says, while Ukraine has lost 86 aircraft.\n"
    )
    assert {c.subject for c in extract(text, PUB) if c.category == "aircraft"} == {"Russia", "Ukraine"}


def test_column_headers_name_each_figure_s_period() -> None:
    text = (
        "Russian losses in March, by the General Staff's daily reports:\n\n"
        "Category | March 2025 | Total since Feb. 24, 2022\n"
        "Personnel | 37,810 | 913,400\n"
        "Tanks | 102 | 10,280\n"
        "Air defence | 4 | 1,120\n"
    )
    march = (date(2025, 3, 1), date(2025, 3, 31))
    got = [(c.category, c.value, c.period.kind, c.period.start, c.period.end) for c in extract(text, PUB)]
    assert got == [
        ("personnel_casualties", 37810, "span", *march),
        ("personnel_casualties", 913400, "cumulative", date(2022, 2, 24), PUB),
        ("tanks", 102, "span", *march),
        ("tanks", 10280, "cumulative", date(2022, 2, 24), PUB),
        ("air_defense", 4, "span", *march),
        ("air_defense", 1120, "cumulative", date(2022, 2, 24), PUB),
    ]


def test_a_markdown_header_with_a_change_column() -> None:
    text = "| Item | Total | Change |\n|---|---|---|\n| Tanks | 10,280 | +3 |\n| Artillery systems | 23,905 | (0) |\n"
    table, _ = find_rows(text)
    assert sorted((r.category, r.value, r.kind) for r in table.values()) == [
        ("artillery", 0, "day"),
        ("artillery", 23905, "cumulative"),
        ("tanks", 3, "day"),
        ("tanks", 10280, "cumulative"),
    ]


def test_column_kinds() -> None:
    assert column_kind("Past 24 h") == "day"
    assert column_kind("Total to date") == "cumulative"
    assert column_kind("Week to Sunday") == "column:Week to Sunday"


def test_rows_parted_by_slashes_under_an_according_to_line() -> None:
    text = (
        "Russian forces lost 1,180 soldiers over the past day, bringing their total losses since the "
        "invasion began to 861,550, Ukraine's General Staff said in its morning update on Wednesday.\n\n"
        "According to the update, Russian equipment losses to date stand as follows:\n\n"
        "tanks 10,140 (+4) / artillery systems 23,510 (+34) / aircraft 369 / ships and boats 28"
    )
    got = rows(text)
    assert got[1][:3] == ("personnel_casualties", 861550, "cumulative")
    assert [(c, v, k) for c, v, k, *_ in got[2:]] == [
        ("tanks", 10140, "cumulative"),
        ("tanks", 4, "day"),
        ("artillery", 23510, "cumulative"),
        ("artillery", 34, "day"),
        ("aircraft", 369, "cumulative"),
        ("ships", 28, "cumulative"),
    ]
    assert {c for *_, c in got} == {"Ukrainian General Staff"}


def test_dotted_leader_rows_read_their_label() -> None:
    text = (
        "Key figures (none independently verified)\n"
        "Killed in Lebanon, November .......................... 1,031 (Health Ministry)\n"
        "Israeli soldiers killed in Lebanon, November ......... 49 (IDF)\n"
        "Days of truce so far ................................. 5\n"
    )
    got = [(c.subject, c.category, c.value, c.period.kind, c.period.start) for c in extract(text, PUB)]
    november = date(2024, 11, 1)
    assert got == [
        ("Lebanon", "civilians_killed", 1031, "span", november),
        ("Israel", "personnel_killed", 49, "span", november),
    ]


def test_a_table_with_a_column_or_a_heading_per_side() -> None:
    columns = (
        "Selected categories, Russia / Ukraine (visually confirmed, all causes):\n"
        "Infantry fighting vehicles: 3,640 / 1,092\n"
        "Aircraft: 96 / 70\n"
    )
    got = [(c.subject, c.category, c.value) for c in extract(columns, PUB)]
    assert got == [
        ("Russia", "armored_vehicles", 3640),
        ("Ukraine", "armored_vehicles", 1092),
        ("Russia", "aircraft", 96),
        ("Ukraine", "aircraft", 70),
    ]
    assert {c.claimant for c in extract(columns, PUB)} != {"visually"}
    headings = "Their tally, as of Monday, includes:\n\nRussia\n- Tanks: 3,460\n- Aircraft: 118\n\nUkraine\n- Tanks: 970\n- Aircraft: 99\n"
    got = [(c.subject, c.category, c.value) for c in extract(headings, PUB)]
    assert got == [
        ("Russia", "tanks", 3460),
        ("Russia", "aircraft", 118),
        ("Ukraine", "tanks", 970),
        ("Ukraine", "aircraft", 99),
    ]


def test_dotted_leader_rows_of_categories_and_a_table_of_groups_by_category() -> None:
    leaders = (
        "Figures published by Ukraine's General Staff on Wednesday:\n\n"
        "Personnel .................. about 1,061,200 (+880)\n"
        "Tanks ...................... 11,070 (+5)\n"
    )
    assert [(c.category, c.value, c.period.kind) for c in extract(leaders, PUB)] == [
        ("personnel_casualties", 1061200, "cumulative"),
        ("personnel_casualties", 880, "day"),
        ("tanks", 11070, "cumulative"),
        ("tanks", 5, "day"),
    ]
    groups = (
        "The weekly summary gave these figures.\n\n"
        "Ukrainian losses claimed by Russia, Feb. 14-20\n\n"
        "| Group of forces | Personnel | Armoured vehicles |\n|---|---|---|\n| Sever | 1,410 | 7 |\n| Zapad | 1,530 | 8 |\n"
    )
    got = [(c.subject, c.category, c.value, c.period.kind, c.period.start) for c in extract(groups, PUB)]
    feb = date(2025, 2, 14)
    assert got == [
        ("Ukraine", "personnel_casualties", 1410, "span", feb),
        ("Ukraine", "armored_vehicles", 7, "span", feb),
        ("Ukraine", "personnel_casualties", 1530, "span", feb),
        ("Ukraine", "armored_vehicles", 8, "span", feb),
    ]


def test_a_column_per_side_gives_each_figure_its_columns_side_and_the_introductions_period() -> None:
    text = (
        "A volunteer project that logs only photographed wrecks updated its counts on Monday.\n\n"
        "Its lists showed these losses since the invasion began:\n\n"
        "Type | Russia | Ukraine\n"
        "Main battle tanks | 3,402 | 951\n"
        "Howitzers (towed) | 610 | 277\n"
        "Helicopters | 140 | 40\n"
    )
    found = {(c, v, k, s) for c, v, k, s, _, _ in rows(text)}
    assert found == {
        ("tanks", 3402, "cumulative", "Russia"),
        ("tanks", 951, "cumulative", "Ukraine"),
        ("artillery", 610, "cumulative", "Russia"),
        ("artillery", 277, "cumulative", "Ukraine"),
        ("helicopters", 140, "cumulative", "Russia"),
        ("helicopters", 40, "cumulative", "Ukraine"),
    }


def test_a_table_aligned_with_spaces_reads_like_a_pipe_table() -> None:
    text = (
        "Documented equipment losses, by side\n\n"
        "Kind                     Israel   Hezbollah\n"
        "Tanks                       21          0\n"
        "Multiple rocket launchers 4            63\n\n"
        "Neither side disputed the counts."
    )
    found = {(c, v, s) for c, v, _, s, _, _ in rows(text)}
    assert found == {("tanks", 21, "Israel"), ("artillery", 4, "Israel"), ("artillery", 63, "Hezbollah")}


def test_prose_with_double_spaces_is_no_table() -> None:
    text = (
        "Talks resumed on Monday.  Delegates met for 3 hours.  Both sides  said 2 more rounds were planned."
    )
    assert find_rows(text) == ({}, {})


def test_a_name_with_a_negated_verb_above_a_table_does_not_speak_for_it() -> None:
    text = (
        "The staff in Kyiv updates the count each morning. The numbers cannot be checked, and Moscow "
        "does not publish its own.\n\n"
        "Enemy losses to date:\n\n"
        "- tanks: 5,120 (+7)\n"
        "- artillery systems: 9,870 (+31)\n"
    )
    subjects = {(c, s) for c, _, _, s, _, _ in rows(text)}
    assert subjects == {("tanks", "Russia"), ("artillery", "Russia")}


def test_rows_under_a_side_line_keep_its_side_past_an_item_that_is_not_a_row() -> None:
    text = (
        "The project logs only losses it can see in photographs.\n\n"
        "Its count, as of Friday:\n\n"
        "Israel\n"
        "- Merkava tanks: 52 (of which 19 destroyed outright)\n"
        "- Helicopters: 3\n"
        "- Armoured personnel carriers: 41\n\n"
        "Hezbollah\n"
        "- Drones: 120\n"
        "- Tanks: 4\n"
    )
    sides = {(c, s) for c, _, _, s, _, _ in rows(text)}
    assert ("helicopters", "Israel") in sides and ("armored_vehicles", "Israel") in sides
    assert ("drones", "Hezbollah") in sides
