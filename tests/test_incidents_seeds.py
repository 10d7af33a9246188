"""The issue's "Done when" for seeds 000 and 001 (read from ../shared; skipped when absent)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from attrition.incidents import Incident, extract_incidents
from tests.incident_helpers import claims_with, contract_claim

PUBLISHED = {"000": date(2022, 11, 22), "001": date(2023, 11, 7)}


def _seed(seeds_dir: Path, prefix: str) -> tuple[str, list[Incident]]:
    path = next(seeds_dir.glob(f"{prefix}_*.txt"))
    text = path.read_text("utf-8")
    published = PUBLISHED[prefix]
    # The victim counts MISSION.md lists for these seeds ("20 men died", the draftee's death,
    # "around 80 Russians have surrendered") as the claim contract defines them.
    if prefix == "000":
        required = [
            contract_claim(text, "20 men died", "personnel_killed", 20, "Russia"),
            contract_claim(text, "Moiseev died", "personnel_killed", 1, "Russia"),
        ]
    else:
        required = [
            contract_claim(
                text,
                "around 80 Russians have surrendered",
                "personnel_captured",
                80,
                "Russia",
                qualifier="around",
            )
        ]
    claims = claims_with(text, published, required)
    return text, extract_incidents(text, published, claims)


def _one(incidents: list[Incident], text: str, words: str) -> Incident:
    """The incident whose mention sentences contain `words`."""
    at = text.index(words)
    hits = [i for i in incidents if any(a <= at < b for a, b in i.mentions)]
    assert len(hits) == 1, f"{words!r}: {len(hits)} incidents"
    return hits[0]


def test_seed_000_tank_friendly_fire(seeds_dir: Path) -> None:
    text, incidents = _seed(seeds_dir, "000")
    ff = _one(incidents, text, "20 men died after a Russian tank fired on them")
    assert ff.type == "friendly_fire" and not ff.generic
    assert (ff.perpetrator_side, ff.victim_side) == ("Russia", "Russia")
    assert ff.count == 20
    assert ff.evidence == "intercepted_communication"
    assert ff.verification == "unverified"
    assert ff.verification_text == "has not been independently verified"
    assert ff.via == ("Ukrainian intelligence", "The Daily Beast")
    assert ff.claim_ids, "the count is linked to its claim"
    assert text[ff.start : ff.end] == ff.quote


def test_seed_000_draftee_accident_and_checkpoint_attack(seeds_dir: Path) -> None:
    text, incidents = _seed(seeds_dir, "000")
    draftee = _one(incidents, text, "was accidentally shot by a colleague")
    assert draftee.type == "accident" and not draftee.generic
    assert draftee.count == 1
    assert draftee.victim_side == "Russia"
    assert "iStories" in draftee.via
    attack = _one(incidents, text, "deliberately charged at his supposed allies")
    assert attack.type == "killing_own_troops" and not attack.generic
    assert (attack.perpetrator_side, attack.victim_side) == ("Russia", "Russia")
    assert attack.via == ("The New York Times",)
    assert attack.evidence == "testimony"


def test_seed_001_drones_on_own_wounded_is_a_practice_without_video(seeds_dir: Path) -> None:
    text, incidents = _seed(seeds_dir, "001")
    drones = _one(incidents, text, "Russian drones have killed their own wounded")
    assert drones.type == "killing_own_troops"
    assert drones.generic and drones.count is None and drones.date is None
    assert drones.evidence == "none_stated"
    assert drones.evidence_text == "no video evidence"
    assert drones.victim_side == "Russia"


def test_seed_001_barrier_units_and_shooting_of_wounded_comrade_on_video(seeds_dir: Path) -> None:
    text, incidents = _seed(seeds_dir, "001")
    barrier = _one(incidents, text, "barrier units firing on their own men trying to escape")
    assert barrier.type == "killing_own_troops"
    assert barrier.evidence == "video"
    shooting = _one(incidents, text, "shooting dead a wounded fellow soldier")
    assert shooting is not barrier
    assert shooting.type == "killing_own_troops" and not shooting.generic
    assert shooting.evidence == "video"
    assert "released in October" in text[shooting.start : shooting.end]
    assert (shooting.perpetrator_side, shooting.victim_side) == ("Russia", "Russia")


def test_seed_001_surrender_of_80_in_tavriya(seeds_dir: Path) -> None:
    text, incidents = _seed(seeds_dir, "001")
    surrender = _one(incidents, text, "around 80 Russians have surrendered")
    assert surrender.type == "surrender_or_capture" and not surrender.generic
    assert surrender.count == 80
    assert surrender.victim_side == "Russia"
    assert (surrender.place_text, surrender.place) == ("the Tavriya sector", "Tavriya")
    assert surrender.date_text == "over the past three weeks"
    assert surrender.date == PUBLISHED["001"]


@pytest.mark.parametrize("prefix", ["000", "001"])
def test_seed_incidents_spans_and_no_untraced_numbers(seeds_dir: Path, prefix: str) -> None:
    text, incidents = _seed(seeds_dir, prefix)
    assert incidents
    for inc in incidents:
        assert text[inc.start : inc.end] == inc.quote
        assert (inc.start, inc.end) in inc.mentions
        if inc.count is not None:
            assert inc.claim_ids, "a count always comes from a linked claim"
        if inc.generic:
            assert inc.count is None and inc.date is None
