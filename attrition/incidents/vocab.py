"""The incident grammar's vocabularies, read once from the JSON files in `data/`.

Words live in data so that they are reviewed as data (as trafilatura keeps its selectors apart from
its control flow); this module only compiles them and refuses an empty group, so a typo in a data
file fails loudly at import instead of silently matching nothing.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from attrition.incidents.model import EVIDENCE_KINDS, INCIDENT_TYPES, INCIDENT_VERIFICATIONS


@dataclass(slots=True, kw_only=True, frozen=True)
class Trigger:
    """One kind of incident mention (an entry of triggers.json)."""

    id: str
    type: str
    pattern: re.Pattern[str]
    own: bool
    general: bool
    weak: bool


@dataclass(slots=True, kw_only=True, frozen=True)
class Source:
    """One reporting source of the chain (an entry of sources.json)."""

    name: str
    kind: str
    pattern: re.Pattern[str]


@dataclass(slots=True, kw_only=True, frozen=True)
class Vocabulary:
    """Every compiled vocabulary the grammar uses."""

    triggers: tuple[Trigger, ...]
    generic_cues: re.Pattern[str]
    new_incident_cues: re.Pattern[str]
    negators: re.Pattern[str]
    evidence: tuple[tuple[str, re.Pattern[str]], ...]
    evidence_negations: re.Pattern[str]
    verification: tuple[tuple[str, re.Pattern[str]], ...]
    sides: re.Pattern[str]
    side_of: dict[str, str]
    opponents: dict[str, str]
    sources: tuple[Source, ...]
    source_anaphora: re.Pattern[str]
    place_aliases: dict[str, str]
    place_kind_words: tuple[str, ...]


def _load(name: str) -> Any:
    return json.loads(resources.files("attrition.incidents").joinpath("data", name).read_text("utf-8"))


def _alternation(patterns: list[str], what: str, *, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    if not patterns:
        raise ValueError(f"incident vocabulary: empty pattern group {what}")
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags)


@cache
def vocabulary() -> Vocabulary:
    """The compiled vocabularies (cached: compiled once per process)."""
    trig = _load("triggers.json")
    triggers = []
    for e in trig["entries"]:
        if e["type"] not in INCIDENT_TYPES:
            raise ValueError(f"triggers.json: {e['id']} has unknown type {e['type']!r}")
        triggers.append(
            Trigger(
                id=e["id"],
                type=e["type"],
                pattern=_alternation(e["patterns"], e["id"]),
                own=bool(e.get("own")),
                general=bool(e.get("general")),
                weak=bool(e.get("weak")),
            )
        )
    ev = _load("evidence.json")
    for kind in ev["kinds"]:
        if kind not in EVIDENCE_KINDS:
            raise ValueError(f"evidence.json: unknown kind {kind!r}")
    ver = _load("verification.json")
    for status in ver["statuses"]:
        if status not in INCIDENT_VERIFICATIONS:
            raise ValueError(f"verification.json: unknown status {status!r}")
    sides = _load("sides.json")
    # One alternation over every side name, longest first, so "Russian Federation" wins over
    # "Russian"; the canonical side is looked up from the matched words.
    names: list[tuple[str, str]] = [(p, side) for side, pats in sides["sides"].items() for p in pats]
    names.sort(key=lambda x: len(x[0]), reverse=True)
    side_re = re.compile(
        r"(?<![\w#@])(?:" + "|".join(f"(?P<s{i}>{p})" for i, (p, _) in enumerate(names)) + r")\b"
    )
    side_of = {f"s{i}": side for i, (_, side) in enumerate(names)}
    src = _load("sources.json")
    places = _load("places.json")
    aliases = {alias.lower(): canon for canon, al in places["places"].items() for alias in al}
    return Vocabulary(
        triggers=tuple(triggers),
        generic_cues=_alternation(trig["generic_cues"], "generic_cues"),
        new_incident_cues=_alternation(trig["new_incident_cues"], "new_incident_cues"),
        negators=_alternation(trig["negators"], "negators"),
        evidence=tuple((k, _alternation(p, k)) for k, p in ev["kinds"].items()),
        evidence_negations=_alternation(ev["negations"], "negations"),
        verification=tuple((k, _alternation(p, k)) for k, p in ver["statuses"].items()),
        sides=side_re,
        side_of=side_of,
        opponents=dict(sides["opponents"]),
        sources=tuple(
            Source(name=s["name"], kind=s["kind"], pattern=_alternation(s["patterns"], s["name"], flags=0))
            for s in src["sources"]
        ),
        source_anaphora=_alternation(src["anaphora"], "anaphora"),
        place_aliases=aliases,
        place_kind_words=tuple(places["kind_words"]),
    )
