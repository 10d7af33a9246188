"""Unusual forms of loss reporting: tallies kept by counters, "by the numbers" lines, bulletin "personnel".

Each test pairs a form the grammar must read with a near neighbour it must not, so that a rule which
simply accepted more figures would fail.
"""

from __future__ import annotations

from datetime import date

from attrition.extract import extract
from attrition.models import Claim

PUBLISHED = date(2025, 3, 4)


def _found(text: str) -> list[tuple[str, float, str | None]]:
    """(category, value, subject) of every claim in `text`."""
    claims: list[Claim] = extract(text, PUBLISHED)
    return [(c.category, c.value, c.subject) for c in claims]


def test_a_tally_kept_is_a_count_of_losses() -> None:
    """After "has", a counting verb keeps a tally ("has recorded"); it is not a stock that is owned."""
    text = "The Oryx project has recorded 4,012 Russian tanks destroyed, damaged or abandoned since 2022."
    assert _found(text) == [("tanks", 4012.0, "Russia")]
    assert _found("Analysts have confirmed 950 Ukrainian armoured vehicles lost since the invasion.") == [
        ("armored_vehicles", 950.0, "Ukraine")
    ]


def test_a_stock_owned_is_not_a_loss() -> None:
    """Possession with no loss verb stays out, whatever counting words surround it."""
    assert _found("Russia has 4,012 tanks in storage.") == []
    assert _found("The army still has about 1,900 tanks in its depots, the count shows.") == []


def test_by_the_numbers_line_counts_what_follows_the_dash() -> None:
    """ "N — what it counts" at the start of a line: the dash stands for "of"."""
    text = (
        "BY THE NUMBERS\n\n"
        "More than 31,000 — Ukrainian soldiers killed since February 24, 2022.\n\n"
        "8,900 — Russian tanks destroyed since the start of the invasion.\n\n"
        "52,000 — residents evacuated from the region.\n"
    )
    found = _found(text)
    assert ("personnel_killed", 31000.0, "Ukraine") in found
    assert ("tanks", 8900.0, "Russia") in found
    assert all(value != 52000.0 for _, value, _ in found)  # evacuated: not a loss


def test_a_dash_inside_a_sentence_does_not_join_a_figure_to_a_later_noun() -> None:
    """Only a line that opens with the figure reads the dash as a label; mid-sentence it is a break."""
    text = "Officials counted 300 — and the shelling went on — soldiers kept arriving."
    assert _found(text) == []


def test_bulletin_personnel_in_a_loss_count_are_casualties() -> None:
    """ "N personnel" with no outcome word, in a count of losses, counts killed, wounded and captured."""
    text = (
        "Russia's losses, month by month\n\n"
        "In May the count rose by 38,940 personnel and 47 tanks, Ukraine's General Staff said."
    )
    found = _found(text)
    assert ("personnel_casualties", 38940.0, "Russia") in found
    assert ("tanks", 47.0, "Russia") in found


def test_personnel_deployed_or_outside_a_loss_count_are_not_losses() -> None:
    """Without a loss frame, or with a verb of sending before it, "personnel" counts no one lost."""
    assert _found("The ministry said it had deployed 3,000 personnel to the region after losses.") == []
    assert _found("The base employs 3,000 personnel and 40 contractors.") == []


def test_as_of_a_weekday_bounds_a_running_total() -> None:
    """ "as of Tuesday" dates a total; "on Tuesday" dates an event."""
    total = extract(
        "Russian losses stood at 1,222,430 personnel as of Tuesday morning, Kyiv said.", PUBLISHED
    )
    event = extract("Russian forces lost 40 soldiers on Tuesday, Kyiv said.", PUBLISHED)
    assert [c.period.kind for c in total] == ["cumulative"]
    assert [c.period.kind for c in event] == ["event"]


def test_a_kind_of_losses_names_what_a_bare_figure_counts() -> None:
    """ "tank losses stand at 1,205": the figure counts tanks, not people."""
    assert _found("Moscow's confirmed tank losses now stand at 2,310, the analysts said.") == [
        ("tanks", 2310.0, "Russia")
    ]
    assert _found("The army's helicopter fleet stands at 310.") == []
