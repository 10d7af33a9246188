"""The incident grammar: a pure function of (text, publication date, claims); no I/O.

How a document becomes incidents, in order:

1. Split into sentences. A sentence is a *mention* when a trigger of triggers.json matches it (the
   first entry that matches wins; a trigger right after a negation or an intention, "do not allow
   them to surrender", is skipped).
2. Group mentions into incidents, reading the document front to back. A mention joins the latest
   incident of its type when it tells the same story: same trigger entry, or one side of the pair
   is a broad restatement ("general"); it starts a new incident when it says "another", when it
   states a practice ("there have been cases") while the incident is one event, or when it carries
   a count that the incident (a practice, or another count) cannot take. A "weak" mention ("died
   in an accident") joins whatever incident was told just before it.
3. Sentences without a trigger that follow an incident closely are its *context*: evidence,
   verification and the reporting chain are often stated there ("The audio has not been
   independently verified.").
4. Fill the fields from the mentions first, then the context: sides, linked claims and count, place,
   date, evidence, verification, reporting chain.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from attrition.incidents.fields import (
    Span,
    Trigger,
    read_date,
    read_place,
    side_mentions,
    source_spans,
    split_sentences,
    vocabulary,
)
from attrition.incidents.model import Incident, make_incident_id
from attrition.models import Claim, Document, content_hash

#: Sentences after an incident's last mention that may still speak about it (evidence, verification):
#: the next CONTEXT_SENTENCES, or more when they are short (start within CONTEXT_CHARS of its end).
CONTEXT_SENTENCES = 3
CONTEXT_CHARS = 250
#: A one-off event with no count in its own sentences may take it from the sentence right after
#: ("Moiseev died from his wounds"); further on, figures belong to other stories.
CONTEXT_COUNT_SENTENCES = 1
#: Sentences looked back through for a side when an own-side incident's sentences name none.
SIDE_LOOKBACK = 2
#: How far back (in sentences) a mention may reach for the incident it continues: a long article
#: returns to a story ten sentences on; a digest of many stories should not merge them.
JOIN_REACH = 12
#: How far back a "weak" mention ("died in an accident") may reach for the incident it describes.
WEAK_REACH = 2
#: Characters before a trigger inspected for a negation or an intention.
NEGATION_WINDOW = 30

#: Claim categories that can be an incident's victim count, best first, by incident type.
_COUNT_CATEGORIES_DEFAULT = (
    "personnel_killed",
    "personnel_casualties",
    "civilians_killed",
    "personnel_wounded",
    "civilians_wounded",
    "personnel_captured",
)
_COUNT_CATEGORIES = {
    "surrender_or_capture": ("personnel_captured", "personnel_casualties", "personnel_killed"),
    "desertion": ("personnel_casualties", "personnel_captured", "personnel_killed"),
}
#: Incident types whose perpetrator is the victim's own side, whatever the trigger entry says.
_OWN_SIDE_TYPES = frozenset({"friendly_fire", "killing_own_troops", "accident", "desertion"})


@dataclass(slots=True)
class _Mention:
    sentence: int
    trigger: Trigger
    start: int
    end: int
    generic: bool
    specific: bool
    new: bool
    claims: list[Claim]


@dataclass(slots=True)
class _Draft:
    type: str
    entries: set[str]
    all_general: bool
    generic: bool
    count: float | None
    mentions: list[_Mention] = field(default_factory=list)
    context: list[int] = field(default_factory=list)

    @property
    def last_sentence(self) -> int:
        return max([m.sentence for m in self.mentions] + self.context)


def extract_incidents(text: str, published: date | None, claims: Sequence[Claim]) -> list[Incident]:
    """Every incident reported in `text`, in order of its main sentence.

    Args:
        text: the document's cleaned text (spans point into it).
        published: publication date; relative dates ("on Tuesday") resolve against it.
        claims: the document's loss claims (from `attrition.extract`); counts come only from them.

    Returns:
        Incidents bound to the text's content hash (doc_id None; see `extract_document_incidents`).
    """
    sentences = split_sentences(text)
    drafts = _group(_mentions(text, sentences, claims))
    _attach_context(drafts, sentences)
    doc_hash = content_hash(text)
    out = [_build(text, sentences, d, published, claims, doc_hash) for d in drafts]
    return sorted(out, key=lambda i: (i.start, i.type))


def extract_document_incidents(doc: Document, claims: Sequence[Claim]) -> list[Incident]:
    """Incidents of one document, carrying its id and content hash."""
    return [i.with_doc(doc.id, doc.hash) for i in extract_incidents(doc.text, doc.published, claims)]


# -- 1. mentions ---------------------------------------------------------------------------------


def _mentions(text: str, sentences: list[Span], claims: Sequence[Claim]) -> list[_Mention]:
    v = vocabulary()
    found = []
    for i, (a, b) in enumerate(sentences):
        hit = _first_trigger(text, a, b)
        if hit is None:
            continue
        trig, s, e = hit
        inside = [c for c in claims if a <= c.start and c.end <= b and _countable(c)]
        sent = text[a:b]
        generic = bool(v.generic_cues.search(sent)) and not inside
        found.append(
            _Mention(
                sentence=i,
                trigger=trig,
                start=s,
                end=e,
                generic=generic,
                specific=not generic and (bool(inside) or read_date(text, (a, b), None) is not None),
                new=bool(v.new_incident_cues.search(sent)),
                claims=inside,
            )
        )
    return found


def _first_trigger(text: str, a: int, b: int) -> tuple[Trigger, int, int] | None:
    v = vocabulary()
    for trig in v.triggers:
        for m in trig.pattern.finditer(text, a, b):
            before = text[max(a, m.start() - NEGATION_WINDOW) : m.start()]
            if v.negators.search(before):
                continue
            return trig, m.start(), m.end()
    return None


def _countable(c: Claim) -> bool:
    return c.category.startswith(("personnel_", "civilians_"))


# -- 2. grouping ---------------------------------------------------------------------------------


def _group(mentions: list[_Mention]) -> list[_Draft]:
    """Mentions, front to back, grouped into draft incidents (see the module docstring, step 2)."""
    drafts: list[_Draft] = []
    for m in mentions:
        target = _join_target(drafts, m)
        if target is None:
            drafts.append(
                _Draft(
                    type=m.trigger.type,
                    entries={m.trigger.id},
                    all_general=m.trigger.general or m.trigger.weak,
                    generic=m.generic,
                    count=_best_count(m.claims, m.trigger.type),
                    mentions=[m],
                )
            )
            continue
        target.mentions.append(m)
        target.entries.add(m.trigger.id)
        if not (m.trigger.general or m.trigger.weak):
            target.all_general = False
        if target.count is None:
            target.count = _best_count(m.claims, target.type)
    return drafts


def _join_target(drafts: list[_Draft], m: _Mention) -> _Draft | None:
    """The incident this mention continues, or None when it starts a new one."""
    if not drafts:
        return None
    if m.trigger.weak:
        last = max(drafts, key=lambda d: d.last_sentence)
        return last if m.sentence - last.last_sentence <= WEAK_REACH else None
    if m.new:
        return None
    count = _best_count(m.claims, m.trigger.type)
    for d in sorted(drafts, key=lambda d: d.last_sentence, reverse=True):
        if m.sentence - d.last_sentence > JOIN_REACH:
            break
        if d.type != m.trigger.type:
            continue
        same_story = m.trigger.id in d.entries or m.trigger.general or d.all_general
        if not same_story:
            continue
        if m.generic and not d.generic:
            continue  # a practice is not the one event told before it
        if m.specific and d.generic:
            continue  # a counted or dated event is an instance, not the practice itself
        if count is not None and d.count is not None and d.count != count:
            continue  # another count, another event
        return d
    return None


def _attach_context(drafts: list[_Draft], sentences: list[Span]) -> None:
    """Give each trigger-less sentence to the incident mentioned just before it, if close enough."""
    owner: dict[int, _Draft] = {m.sentence: d for d in drafts for m in d.mentions}
    current: _Draft | None = None
    distance = 0
    last_end = 0
    for i, (a, _) in enumerate(sentences):
        if i in owner:
            current, distance, last_end = owner[i], 0, sentences[i][1]
            continue
        distance += 1
        if current is not None and (distance <= CONTEXT_SENTENCES or a - last_end <= CONTEXT_CHARS):
            current.context.append(i)


def _best_count(claims: Sequence[Claim], type_: str) -> float | None:
    order = _COUNT_CATEGORIES.get(type_, _COUNT_CATEGORIES_DEFAULT)
    ranked = sorted(
        (c for c in claims if c.category in order), key=lambda c: (order.index(c.category), c.start)
    )
    return float(ranked[0].value) if ranked else None


# -- 4. fields -----------------------------------------------------------------------------------


def _build(
    text: str,
    sentences: list[Span],
    d: _Draft,
    published: date | None,
    claims: Sequence[Claim],
    doc_hash: str,
) -> Incident:
    main = next((m for m in d.mentions if not (m.trigger.general or m.trigger.weak)), d.mentions[0])
    start, end = sentences[main.sentence]
    mention_ids = sorted({m.sentence for m in d.mentions})
    ordered = mention_ids + sorted(d.context)
    linked = [c for m in d.mentions for c in m.claims]
    count = d.count
    if count is None and not d.generic:
        last = max(m.sentence for m in d.mentions)
        context_claims = [
            c
            for i in d.context
            if i - last <= CONTEXT_COUNT_SENTENCES
            for c in claims
            if sentences[i][0] <= c.start and c.end <= sentences[i][1] and _countable(c)
        ]
        count = _best_count(context_claims, d.type)
        if count is not None:
            linked += context_claims
    generic = d.generic and count is None
    perp, victim = _sides(text, sentences, d, main, linked)
    place = next((p for i in mention_ids if (p := read_place(text, sentences[i])) is not None), None)
    when = None
    if not generic:
        when = next(
            (r for i in mention_ids if (r := read_date(text, sentences[i], published)) is not None), None
        )
    evidence, evidence_text = _evidence(text, sentences, ordered)
    verification, verification_text = _verification(text, sentences, ordered)
    return Incident(
        incident_id=make_incident_id(doc_hash, start, end, d.type),
        doc_id=None,
        doc_hash=doc_hash,
        type=d.type,
        generic=generic,
        perpetrator_side=perp,
        victim_side=victim,
        claim_ids=tuple(dict.fromkeys(c.claim_id for c in linked)),
        count=count,
        place_text=place[0] if place else None,
        place=place[1] if place else None,
        date=when.value if when else None,
        date_text=when.text if when else None,
        evidence=evidence,
        evidence_text=evidence_text,
        verification=verification,
        verification_text=verification_text,
        via=_chain(text, sentences, ordered),
        quote=text[start:end],
        start=start,
        end=end,
        mentions=tuple(sentences[i] for i in mention_ids),
    )


def _sides(
    text: str, sentences: list[Span], d: _Draft, main: _Mention, linked: list[Claim]
) -> tuple[str | None, str | None]:
    """Perpetrator and victim sides.

    Own-side incidents take the side named most often across their mentions (a soldier's account of
    his own unit names the enemy too, but less often), else in the sentences just before. Other
    incidents read the sides around the trigger by voice: in "Ukrainian paratroopers captured 17
    Russian soldiers" or "a Russian missile strike on a training ground" the side before is the
    perpetrator, in "80 Russians have surrendered to Ukrainian forces" or "was shot down by" it is
    the victim. A side still unknown is the other's usual opponent.
    """
    v = vocabulary()
    subject = next((c.subject for c in linked if c.subject), None)
    if d.type in _OWN_SIDE_TYPES:
        side = _majority_side(text, sentences, [m.sentence for m in d.mentions])
        for back in range(1, SIDE_LOOKBACK + 1):
            if side is not None or main.sentence - back < 0:
                break
            side = _majority_side(text, sentences, [main.sentence - back])
        side = side or subject
        return side, side
    span = sentences[main.sentence]
    found = side_mentions(text, span, source_spans(text, span))
    before = [s for s in found if s.end <= main.start]
    after = [s for s in found if s.start >= main.start]
    first_before = before[-1].side if before else None
    first_after = next((s.side for s in after if s.side != first_before), None)
    if _active_voice(text, main):
        perp, victim = first_before, first_after
    else:
        victim, perp = first_before, first_after
    victim = victim or subject
    if perp is None and victim is not None:
        perp = v.opponents.get(victim)
    if victim is None and perp is not None:
        victim = v.opponents.get(perp)
    return perp, victim


def _active_voice(text: str, m: _Mention) -> bool:
    """Whether the side before the trigger acted ("captured", "strike on") rather than suffered."""
    words = text[m.start : m.end].lower()
    if m.trigger.type == "surrender_or_capture":
        return words.startswith(("captured", "took", "taken", "taking"))
    return not text[m.end : m.end + 4].lower().startswith(" by ")


def _majority_side(text: str, sentences: list[Span], ids: list[int]) -> str | None:
    votes: Counter[str] = Counter()
    first: dict[str, int] = {}
    for i in ids:
        span = sentences[i]
        for s in side_mentions(text, span, source_spans(text, span)):
            votes[s.side] += 1
            first.setdefault(s.side, s.start)
    if not votes:
        return None
    return max(votes, key=lambda s: (votes[s], -first[s]))


def _evidence(text: str, sentences: list[Span], ordered: list[int]) -> tuple[str, str | None]:
    """Evidence kind and words: a stated absence wins; else the strongest kind stated anywhere.

    Kinds rank in evidence.json's order, across the incident's sentences: "the navy said" in one
    sentence and "a video released by the navy shows" in the next is video evidence.
    """
    v = vocabulary()
    for i in ordered:
        a, b = sentences[i]
        if m := v.evidence_negations.search(text, a, b):
            return "none_stated", m.group(0)
    for kind, pat in v.evidence:
        for i in ordered:
            a, b = sentences[i]
            if m := pat.search(text, a, b):
                return kind, m.group(0)
    return "none_stated", None


def _verification(text: str, sentences: list[Span], ordered: list[int]) -> tuple[str, str | None]:
    """Verification status and words; the statuses' order in verification.json breaks ties."""
    v = vocabulary()
    for status, pat in v.verification:
        for i in ordered:
            a, b = sentences[i]
            if m := pat.search(text, a, b):
                return status, m.group(0)
    return "not_stated", None


def _chain(text: str, sentences: list[Span], ordered: list[int]) -> tuple[str, ...]:
    """Reporting chain: origins (intelligence, militaries) first, then media, by first appearance.

    "The outlet" and its kin stand for the last medium named before them anywhere in the document.
    """
    v = vocabulary()
    origins: list[tuple[int, str]] = []
    media: list[tuple[int, str]] = []
    for i in ordered:
        span = sentences[i]
        for s, _, name, kind in source_spans(text, span):
            if name is None:
                continue
            (origins if kind == "origin" else media).append((s, name))
        a, b = span
        for m in v.source_anaphora.finditer(text, a, b):
            named = _last_medium_before(text, sentences, m.start())
            if named is not None:
                media.append((m.start(), named))
    chain = [n for _, n in sorted(origins)] + [n for _, n in sorted(media)]
    return tuple(dict.fromkeys(chain))


def _last_medium_before(text: str, sentences: list[Span], pos: int) -> str | None:
    best: tuple[int, str] | None = None
    for span in sentences:
        if span[0] >= pos:
            break
        for s, _, name, kind in source_spans(text, span):
            if kind == "media" and name is not None and s < pos and (best is None or s > best[0]):
                best = (s, name)
    return best[1] if best else None
