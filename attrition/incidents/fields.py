"""The incident grammar's vocabularies and field readers: sentences, sides, sources, places, dates.

Words live in data files (`data/*.json`) so that they are reviewed as data, as trafilatura keeps its
selectors apart from its control flow; `vocabulary()` compiles them once and refuses an empty group,
so a typo in a data file fails loudly instead of silently matching nothing. Each reader looks at one
sentence (a span of the document) and returns what it found with the exact words, so an incident can
always show where each of its fields came from.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from importlib import resources
from typing import Any

import dateparser

from attrition.incidents.model import EVIDENCE_KINDS, INCIDENT_TYPES, INCIDENT_VERIFICATIONS

Span = tuple[int, int]


# -- vocabularies ------------------------------------------------------------------------------


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


# -- field readers -----------------------------------------------------------------------------


#: A sentence ends at . ! or ? (optionally closed by a quote or bracket) followed by space and a
#: capital, digit, quote or bullet; a newline always ends one (headlines, bullets, embeds).
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’')\]]*\s+(?=[\"“‘'(\[#A-Z0-9-])|\n+")
#: Abbreviations that end in a full stop without ending the sentence.
_ABBREVIATIONS = re.compile(
    r"\b(?:[A-Z]|Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sgt|Maj|Capt|Cpt|St|No|Jan|Feb|Aug|Sept?|Oct|Nov|Dec|U\.S|U\.K|e\.g|i\.e|vs)\.$"
)

#: Phrases that introduce a source ("released by Ukraine", "according to Ukrainian figures"): side
#: names inside them name the reporter, not a party to the incident.
_SOURCE_PHRASE = re.compile(
    r"\b(?:(?:released|published|posted|shared|reported|cited|provided|distributed) by|according to|told)"
    r" (?:the )?[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*"
)

#: People a side can lose: a side word followed (within two words) by one of these is a victim.
_PERSONNEL = re.compile(
    r"^(?:\W+\w+){0,2}?\W+(?:soldiers?|troops|servicem[ae]n|men|conscripts|draftees|fighters|marines|"
    r"paratroopers|crews?|pilots?|wounded|POWs|prisoners|positions|units?|infantry|mobilized|mercenaries|"
    r"comrades|recruits|sailors|personnel)\b"
)
_DEMONYM_PLURAL = re.compile(r"(?:ians|ans|is|ers)$")

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_EXPLICIT_DATE = (
    rf"(?:{_MONTHS}) \d{{1,2}}(?:st|nd|rd|th)?(?:, \d{{4}})?|\d{{1,2}} (?:{_MONTHS})(?: \d{{4}})?"
)
_DATE_EXPR = re.compile(
    r"\b(?:on |last )?(?P<weekday>" + "|".join(_WEEKDAYS) + r")\b"
    r"|\b(?P<explicit>" + _EXPLICIT_DATE + r")\b"
    r"|\b(?:in|since|during|early|late|mid-?) ?(?P<month>" + _MONTHS + r")(?: (?P<month_year>\d{4}))?\b"
    r"|\b(?P<yesterday>yesterday|overnight)\b"
    r"|\b(?P<last>last (?:weekend|week|month))\b"
    r"|\b(?P<span>(?:over|in|during) the (?:past|last) (?:\w+ )?(?:days?|weeks?|months?|hours?))\b"
    r"|\b(?P<vague>earlier this (?:year|month|week)|this (?:spring|summer|autumn|fall|winter)|recently)\b"
)
#: A date right after a reporting verb dates the report, not the incident ("released ... on Tuesday").
_REPORTING_BEFORE = re.compile(
    r"\b(?:released|published|reported|posted|said|told|announced|emerged|shared|aired|surfaced)\b[^.,;]{0,40}$"
)
_PLACE = re.compile(
    r"\b(?:in|near|outside|around|at|close to) (?P<text>(?:the )?(?:(?:town|city|village|region|settlement) of )?"
    r"[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+){0,2}(?: (?:sector|region|oblast|direction|area|province|district|"
    r"front|axis|governorate|state|Strip))?)"
)
_NOT_PLACES = re.compile(
    "^(?:" + _MONTHS + "|" + "|".join(_WEEKDAYS) + r"|The|A|An|His|Her|Their|This|That)$"
)


@dataclass(slots=True, frozen=True)
class SideMention:
    """A side named in a sentence, outside any source phrase."""

    side: str
    start: int
    end: int
    personnel: bool


@dataclass(slots=True, frozen=True)
class DateReading:
    """A date expression: the words and the resolved date (None when vague)."""

    text: str
    value: date | None


def split_sentences(text: str) -> list[Span]:
    """Sentence spans of `text`, trimmed of surrounding whitespace, in order."""
    spans: list[Span] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.group(0).strip() == "" and _ABBREVIATIONS.search(text[start : m.start()]):
            continue
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out


def source_spans(text: str, span: Span) -> list[tuple[int, int, str | None, str | None]]:
    """Source phrases in a sentence: (start, end, canonical name or None, kind or None)."""
    a, b = span
    sent = text[a:b]
    found: list[tuple[int, int, str | None, str | None]] = []
    for src in vocabulary().sources:
        for m in src.pattern.finditer(sent):
            found.append((a + m.start(), a + m.end(), src.name, src.kind))
    for m in _SOURCE_PHRASE.finditer(sent):
        found.append((a + m.start(), a + m.end(), None, None))
    return found


def side_mentions(
    text: str, span: Span, masked: list[tuple[int, int, str | None, str | None]]
) -> list[SideMention]:
    """Sides named in a sentence, skipping words inside source phrases."""
    v = vocabulary()
    a, b = span
    out = []
    for m in v.sides.finditer(text, a, b):
        s, e = m.start(), m.end()
        if any(ms <= s and e <= me for ms, me, _, _ in masked):
            continue
        assert m.lastgroup is not None
        after = text[e : min(b, e + 40)]
        personnel = bool(_PERSONNEL.match(after)) or bool(_DEMONYM_PLURAL.search(m.group(0)))
        out.append(SideMention(v.side_of[m.lastgroup], s, e, personnel))
    return out


def read_date(text: str, span: Span, published: date | None) -> DateReading | None:
    """The first incident date in a sentence, resolved against `published` when it is relative."""
    a, b = span
    for m in _DATE_EXPR.finditer(text, a, b):
        if _REPORTING_BEFORE.search(text[a : m.start()]):
            continue
        words = m.group(0).strip()
        return DateReading(words, _resolve(m, published))
    return None


def _resolve(m: re.Match[str], published: date | None) -> date | None:
    if m.group("vague"):
        return None
    if m.group("explicit"):
        settings: dict[str, object] = {"PREFER_DATES_FROM": "past"}
        if published:
            settings["RELATIVE_BASE"] = _midnight(published)
        parsed = dateparser.parse(m.group("explicit"), languages=["en"], settings=settings)  # type: ignore[arg-type]
        return parsed.date() if parsed else None
    if published is None:
        return None
    if m.group("weekday"):
        back = (published.weekday() - _WEEKDAYS.index(m.group("weekday"))) % 7
        return published - timedelta(days=back)
    if m.group("month"):
        month = _MONTHS.split("|").index(m.group("month")) + 1
        year = int(m.group("month_year")) if m.group("month_year") else published.year
        if not m.group("month_year") and month > published.month:
            year -= 1
        return date(year, month, 1)
    if m.group("yesterday"):
        return published - timedelta(days=1)
    if m.group("last"):
        unit = m.group("last").split()[-1]
        if unit == "weekend":
            return published - timedelta(days=(published.weekday() - 5) % 7 or 7)
        if unit == "week":
            return published - timedelta(days=7)
        first = published.replace(day=1) - timedelta(days=1)
        return first.replace(day=1)
    # "over the past three weeks": a span ending at publication.
    return published


def _midnight(d: date) -> datetime:
    return datetime(d.year, d.month, d.day)


def read_place(text: str, span: Span) -> tuple[str, str] | None:
    """The first place in a sentence: (words as written, normalised name)."""
    v = vocabulary()
    a, b = span
    for m in _PLACE.finditer(text, a, b):
        words = m.group("text")
        core = re.sub(r"^the |^(?:town|city|village|region|settlement) of ", "", words)
        core = re.sub(r"^(?:town|city|village|region|settlement) of ", "", core)
        first = core.split()[0]
        if _NOT_PLACES.match(first) or v.sides.fullmatch(core) or v.sides.fullmatch(first):
            continue
        return words, normalise_place(core)
    return None


def normalise_place(words: str) -> str:
    """Canonical place name: known spellings map to one name; others lose 'the' and a kind word."""
    v = vocabulary()
    core = re.sub(r"^the\s+", "", words.strip(), flags=re.IGNORECASE)
    parts = core.split()
    while len(parts) > 1 and parts[-1].lower() in v.place_kind_words:
        parts.pop()
    core = " ".join(parts)
    return v.place_aliases.get(core.lower(), core)
