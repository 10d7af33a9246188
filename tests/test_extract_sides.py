"""Sides of more wars, generic side words read from the document's war, possessives, civilians' country,
and claimant names (extractor 0.4, docs/extraction.md "Sides and claimants")."""

from __future__ import annotations

from datetime import date

import pytest

from attrition.extract import extract_claims
from attrition.extract.lexicon import lexicon, set_document

DAY = date(2025, 3, 4)


def _one(text: str, quote_start: str) -> tuple[str | None, str, str | None]:
    """(subject, category, claimant) of the claim whose quote starts with `quote_start`."""
    claims = [c for c in extract_claims(text, DAY) if quote_start in c.quote]
    assert claims, f"no claim for {quote_start!r} in {[c.quote for c in extract_claims(text, DAY)]}"
    return claims[0].subject, claims[0].category, claims[0].claimant


@pytest.mark.parametrize(
    ("text", "quote", "subject"),
    [
        ("The KIA said it killed 40 junta soldiers near Myitkyina on Monday.", "40", "Myanmar"),
        (
            "M23 said on Monday it had killed 80 rebels' enemies, and government forces lost 60 soldiers.",
            "60",
            "DR Congo",
        ),
        ("The army said on Monday it had killed 25 rebels in South Kivu, where M23 holds Goma.", "25", "M23"),
        ("HTS said on Monday the rebels had lost 30 fighters near Hama, in Syria.", "30", "Syrian rebels"),
        ("Tigrayan forces said they killed 500 Ethiopian soldiers on Monday.", "500", "Ethiopia"),
        ("Al-Shabaab said on Monday it had killed 12 Somali soldiers near Baidoa.", "12", "Somalia"),
    ],
)
def test_side_of_the_war_named(text: str, quote: str, subject: str) -> None:
    assert _one(text, quote)[0] == subject


def test_generic_word_names_no_side_outside_its_wars() -> None:
    set_document("Russian forces pushed on towards Pokrovsk, the army said.")
    assert lexicon().side_of("the army") is None
    set_document("The army said it pushed the RSF out of Omdurman.")
    assert lexicon().side_of("the army") == "SAF"
    set_document("Rebels entered Aleppo; the rebels are led by HTS.")
    assert lexicon().side_of("rebels") == "Syrian rebels"


def test_possessive_its_is_the_speakers_side_without_a_killing_verb() -> None:
    text = "The Israeli military said it had killed 60 Hamas militants. It said 12 of its soldiers were among the dead."
    assert _one(text, "12")[0] == "Israel"


def test_their_after_a_killing_verb_is_the_side_hit() -> None:
    text = "SANA said on Monday that army units in Syria had killed 20 rebels and destroyed six of their vehicles."
    assert _one(text, "six")[0] == "Syrian rebels"


def test_civilians_belong_to_their_country_not_the_armed_group() -> None:
    text = "At least 40 people were killed on Monday when the RSF stormed a camp, the UN said."
    assert _one(text, "At least 40")[0] == "Sudan"


def test_participle_takes_the_main_clause_actor() -> None:
    text = "Sudan's army said on Sunday it had repelled a fresh RSF attack, killing dozens of militiamen."
    assert _one(text, "dozens")[0] == "RSF"


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        (
            "Military spokesman Serhiy Cherevatyi said Russia lost 500 soldiers on Monday.",
            "Serhiy Cherevatyi",
        ),
        (
            "Norway's defence chief, Gen. Eirik Kristoffersen, said 300 soldiers died on Monday.",
            "Eirik Kristoffersen",
        ),
        (
            "A local monitoring group, the Darfur Bar Association, said 300 people were killed on Monday.",
            "Darfur Bar Association",
        ),
        ("Researchers at Ghent University said 300 civilians died in Tigray on Monday.", "Ghent University"),
        ("In Gaza, the health ministry said 30 Palestinians were killed on Monday.", "Gaza Health Ministry"),
        ("The Rwanda-backed M23 rebel group said it killed 30 soldiers on Monday.", "M23"),
        (
            "The junta, which does not publish its losses, said its troops killed 40 rebels on Monday.",
            "Myanmar military",
        ),
    ],
)
def test_claimant_names(text: str, claimant: str) -> None:
    assert _one(text, "0")[2] == claimant


def test_claimant_named_in_the_sentence_before() -> None:
    text = (
        "The war has cost both armies dearly, according to U.S. officials, who gave no breakdown.\n"
        "Russian military casualties are approaching 300,000, the officials said."
    )
    assert _one(text, "300,000")[2] == "US officials"


def test_inverted_attribution_needs_a_name() -> None:
    text = "Congo's army spokesman said the rebels had lost 90 fighters on Monday."
    assert _one(text, "90")[2] != "rebels had lost"


@pytest.mark.parametrize(
    ("text", "quote", "subject"),
    [
        ("Kyiv said 90 North Korean soldiers were killed near Sudzha.", "90", "North Korea"),
        (
            "A drone strike on Abu Dhabi killed two people on Monday, police said.",
            "two",
            "United Arab Emirates",
        ),
        ("Militants killed 30 Burkinabe soldiers near Djibo, the army said.", "30", "Burkina Faso"),
        ("Troops killed 11 ADF fighters in Beni territory, the army said.", "11", "ADF"),
        ("Clashes in Catatumbo killed 25 people, officials said.", "25", "Colombia"),
    ],
)
def test_sides_of_more_wars(text: str, quote: str, subject: str) -> None:
    assert _one(text, quote)[0] == subject


def test_the_enemy_as_actor_is_the_claimants_enemy() -> None:
    text = "Russia's Defence Ministry said the enemy had lost up to 300 servicemen over the past day."
    assert _one(text, "up to 300")[0] == "Ukraine"


def test_transcript_speaker_label_names_the_claimant() -> None:
    text = "Briefing\n\nKONASHENKOV: Good afternoon. The enemy lost up to 410 servicemen in a day."
    assert _one(text, "up to 410")[::2] == ("Ukraine", "Russian Defense Ministry")
    label = "Briefing\n\nUPDATE: The enemy lost up to 410 servicemen in a day."
    assert _one(label, "up to 410")[2] is None  # a label that names no claimant


def test_bracketed_abbreviation_before_the_verb() -> None:
    text = "At least 50 civilians were killed in March, the UN Human Rights Monitoring Mission (HRMMU) said."
    assert _one(text, "At least 50")[2] == "United Nations"


def test_civilians_with_no_side_take_the_documents_scene() -> None:
    text = "A glide bomb struck a block in the Kharkiv region.\n\nRescuers said four people had died."
    assert _one(text, "four")[0] == "Ukraine"


def test_claimant_aliases_of_the_same_body() -> None:
    assert lexicon().canonical_claimant("CSIS")[0] == "Center for Strategic and International Studies"
    assert lexicon().canonical_claimant("South Korea's spy agency")[0] == "National Intelligence Service"
    assert lexicon().canonical_claimant("Governor Vyacheslav Gladkov")[0] == "Regional authorities"


@pytest.mark.parametrize(
    ("text", "quote", "subject"),
    [
        ("The army said 12 soldiers had been killed near the border, a spokesman said.", "12", None),
        (
            "The Israeli military spoke. The military said 31 soldiers had been killed since May.",
            "31",
            "Israel",
        ),
        ("ISWAP said in a statement that 18 soldiers were killed in the raid.", "18", "Nigeria"),
        ("Due to Russian aggression, three people were killed and 9 people were injured.", "9", "Ukraine"),
        (
            "Israeli fire had killed more than 70 people in Lebanon, the ministry said.",
            "more than 70",
            "Lebanon",
        ),
    ],
)
def test_whose_soldiers_and_whose_civilians(text: str, quote: str, subject: str | None) -> None:
    assert _one(text, quote)[0] == subject


def test_a_toll_takes_the_place_its_paragraph_names() -> None:
    text = "Strike\n\nIn the Sumy region, a guided bomb hit a village. Two residents were killed, officials said."
    assert _one(text, "Two")[0] == "Ukraine"


def test_joint_dateline_is_not_the_claimant() -> None:
    text = "Toll\n\nTEHRAN/JERUSALEM, June 25 — Iran's health ministry said 610 people were killed in Israeli strikes."
    assert _one(text, "610")[::2] == ("Iran", "Iranian Health Ministry")


def test_data_words_before_a_participle_are_not_claimants() -> None:
    """ "The cumulative totals published on Tuesday were ...": the totals are what was published, so the
    figures keep the claimant of the report they continue."""
    text = (
        "Ukraine's General Staff said on Tuesday that Russia lost 410 soldiers in the past day. "
        "The cumulative totals published on Tuesday were 4,362 tanks and 8,476 armoured combat vehicles."
    )
    assert _one(text, "4,362 tanks")[2] == "Ukrainian General Staff"
