"""The incident grammar on small texts written for these tests, and cross-document clustering."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from attrition.incidents import Incident, cluster_incidents, extract_incidents, same_incident
from attrition.incidents.fields import normalise_place, split_sentences, vocabulary
from attrition.models import Claim
from tests.incident_helpers import contract_claim

PUB = date(2024, 3, 12)  # a Tuesday


def _incidents(text: str, claims: list[Claim] | None = None, published: date | None = PUB) -> list[Incident]:
    found = extract_incidents(text, published, claims or [])
    for i in found:
        assert text[i.start : i.end] == i.quote
    return found


def test_practice_is_generic_and_event_is_not() -> None:
    text = (
        "There have been cases when commanders executed their own wounded soldiers, a prisoner said. "
        "Another prisoner said his commander shot a wounded comrade near Robotyne on Sunday."
    )
    practice, event = _incidents(text)
    assert practice.generic and practice.date is None
    assert practice.evidence == "testimony"
    assert not event.generic
    assert event.place == "Robotyne"
    assert (event.date, event.date_text) == (date(2024, 3, 10), "on Sunday")


def test_several_incidents_in_one_document() -> None:
    text = (
        "Ukrainian paratroopers captured 17 Russian soldiers near Klishchiivka on Monday. "
        "In a separate incident, a Russian artillery unit shelled its own positions near Kreminna, "
        "killing 4 soldiers. Elsewhere, a Russian missile strike on a training ground killed 12 Ukrainian soldiers."
    )
    claims = [
        contract_claim(text, "17 Russian soldiers", "personnel_captured", 17, "Russia"),
        contract_claim(text, "4 soldiers", "personnel_killed", 4, "Russia"),
        contract_claim(text, "12 Ukrainian soldiers", "personnel_killed", 12, "Ukraine"),
    ]
    capture, ff, strike = _incidents(text, claims)
    assert (capture.type, capture.perpetrator_side, capture.victim_side, capture.count) == (
        "surrender_or_capture",
        "Ukraine",
        "Russia",
        17,
    )
    assert (ff.type, ff.perpetrator_side, ff.victim_side, ff.count) == (
        "friendly_fire",
        "Russia",
        "Russia",
        4,
    )
    assert (strike.type, strike.perpetrator_side, strike.victim_side, strike.count) == (
        "strike_or_shootdown",
        "Russia",
        "Ukraine",
        12,
    )
    assert capture.claim_ids == (claims[0].claim_id,)


def test_evidence_and_verification_stated_in_later_sentences() -> None:
    text = (
        "Russian troops mistakenly fired on their own column near Pokrovsk, Ukrainian officials claimed. "
        "It is not clear how many were hurt. "
        "The claim rests on intercepted radio conversations. "
        "Moscow denied the report."
    )
    (inc,) = _incidents(text)
    assert inc.evidence == "intercepted_communication"
    assert inc.evidence_text == "intercepted radio conversations"
    assert (inc.verification, inc.verification_text) == ("disputed", "denied")
    assert inc.place == "Pokrovsk"


def test_negated_or_intended_surrender_is_not_an_incident() -> None:
    text = (
        "The commanders do not allow their soldiers to surrender. "
        "Many would rather be captured than die, officers say."
    )
    assert _incidents(text) == []


def test_count_comes_only_from_a_claim() -> None:
    text = "Three soldiers were killed when their own artillery hit them near Bakhmut."
    (without,) = _incidents(text)
    assert without.count is None and without.claim_ids == ()
    claim = contract_claim(text, "Three soldiers were killed", "personnel_killed", 3, None)
    (with_claim,) = _incidents(text, [claim])
    assert with_claim.count == 3 and with_claim.claim_ids == (claim.claim_id,)


def test_reporting_chain_puts_the_origin_first_and_resolves_the_outlet() -> None:
    text = (
        "The Wall Street Journal reported on Friday that soldiers had described the attack. "
        "The newspaper said Russian barrier troops fired on their own men trying to retreat, "
        "citing Ukrainian intelligence."
    )
    (inc,) = _incidents(text)
    assert inc.via == ("Ukrainian intelligence", "The Wall Street Journal")
    assert inc.type == "killing_own_troops"


def test_relative_dates_resolve_against_publication_and_report_dates_are_skipped() -> None:
    text = "Ukrainian forces captured 9 Russian soldiers yesterday, the army said on Tuesday."
    (inc,) = _incidents(text, published=date(2024, 3, 12))
    assert (inc.date, inc.date_text) == (date(2024, 3, 11), "yesterday")
    (undated,) = _incidents(text, published=None)
    assert undated.date is None and undated.date_text == "yesterday"


def test_ids_are_stable_and_bound_to_the_text() -> None:
    text = "A Russian tank fired on their own infantry near Avdiivka on Monday."
    first, again = _incidents(text), _incidents(text)
    assert first == again
    other = _incidents(text + " More to follow.")
    assert other[0].incident_id != first[0].incident_id


def test_sentences_and_places() -> None:
    text = "Gen. Smith said so. U.S. troops left.\nNew line here"
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Gen. Smith said so.",
        "U.S. troops left.",
        "New line here",
    ]
    assert normalise_place("the Avdeevka direction") == "Avdiivka"
    assert normalise_place("the Tavriya sector") == "Tavriya"
    assert normalise_place("Staromaiorske") == "Staromaiorske"


def test_vocabularies_are_consistent() -> None:
    v = vocabulary()
    assert len({t.id for t in v.triggers}) == len(v.triggers)
    assert all(side in v.side_of.values() for side in v.opponents)


# -- clustering --------------------------------------------------------------------------------


def _inc(doc: str, **kw: object) -> Incident:
    base = Incident(
        incident_id=f"{doc}-i",
        doc_id=doc,
        doc_hash=doc,
        type="friendly_fire",
        perpetrator_side="Russia",
        victim_side="Russia",
        place="Klishchiivka",
        date=date(2023, 11, 1),
        count=20,
    )
    return replace(base, **kw)  # type: ignore[arg-type]


def test_same_event_in_three_documents_forms_one_cluster() -> None:
    a = _inc("a")
    b = _inc("b", place="Klishchiyivka", date=date(2023, 11, 4))  # spelling and a few days apart
    c = _inc("c", count=None, date=None)  # states less, contradicts nothing
    d = _inc("d", place="Bakhmut")  # elsewhere
    e = _inc("e", date=date(2023, 12, 1))  # a month later
    f = _inc("f", count=5)  # another count
    g = _inc("g", victim_side="Ukraine", perpetrator_side="Ukraine")
    got = cluster_incidents([a, b, c, d, e, f, g])
    assert got["a-i"] == got["b-i"] == got["c-i"] == "a-i"
    assert len({got[x] for x in ("a-i", "d-i", "e-i", "f-i", "g-i")}) == 5


def test_events_that_share_only_type_and_sides_do_not_cluster() -> None:
    bare_a = _inc("a", place=None, date=None, count=None)
    bare_b = _inc("b", place=None, date=None, count=None)
    assert not same_incident(bare_a, bare_b)
    assert same_incident(replace(bare_a, generic=True), replace(bare_b, generic=True))
    assert not same_incident(_inc("a"), replace(_inc("a"), incident_id="other"))  # same document


@pytest.mark.parametrize("field", ["type", "generic"])
def test_type_and_practice_must_agree(field: str) -> None:
    other = {"type": "accident", "generic": True}[field]
    assert not same_incident(_inc("a"), _inc("b", **{field: other}))


def test_a_distant_mention_of_the_same_kind_is_another_incident() -> None:
    filler = " ".join(f"Weather note {n} follows here." for n in range(14))
    text = f"Russian barrier troops fired on their own men trying to retreat. {filler} Russian barrier troops were seen again."
    assert [i.type for i in _incidents(text)] == ["killing_own_troops", "killing_own_troops"]
    close = "Russian barrier troops fired on their own men trying to retreat. Russian barrier troops were seen again."
    assert len(_incidents(close)) == 1
