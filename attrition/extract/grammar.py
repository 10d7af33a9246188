"""The claim grammar: from figures to claims (category, side, claimant, period, hedges), then merging.

Speed comes from the order of work: one regex finds all figures (`numbers.scan`); only sentences
that hold a figure are analysed, and each figure is read from a short window around it:

1. what is counted: a noun right after the figure ("17 tanks", "300,000 of Moscow's troops"), or an
   outcome word beside a bare figure ("killing 12", "12 were wounded", "casualties ... 300 per day");
2. what happened to it: the nearest outcome word (killed / wounded / casualties / captured) and, for
   equipment, a loss verb rather than "supplied", "launched", "deployed";
3. whose loss: a side word in the noun phrase, else the subject of a loss verb ("Russia has lost"),
   else the enemy of the actor of a killing verb ("Ukrainian forces destroyed"), else "the enemy"
   read from the claimant's side, else where civilians were hit ("in Kharkiv");
4. the attribution, period, hedge and verification of the sentence (`sentences`, `periods`).

Figures restated in a headline, caption or repeated paragraph merge into the first body mention.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from functools import partial
from typing import Any, TypeVar

from attrition.extract import periods
from attrition.extract.lexicon import WORD_START, Lexicon, alternation, lexicon, lowered
from attrition.extract.numbers import NumberToken, scan
from attrition.extract.sentences import (
    BULLETIN_LINE,
    CAVEAT_REACH,
    Attribution,
    Sentence,
    attribution,
    candidates,
    clause_attribution,
    has_caveat_hint,
    headline_attribution,
    hedged,
    split,
    verification,
)
from attrition.extract.vocabulary import (
    EQUIPMENT,
    KILL_VERB,
    LOSS_VERB,
    MODIFIER,
    MODIFIER_WORDS,
    NONLOSS_VERB,
    NOUNS,
    OUTCOMES,
    TABLE_LABELS,
)
from attrition.models import Claim, Period

_OUTCOME_RE = re.compile(
    WORD_START + r"\b(?:" + alternation(OUTCOMES) + r")\b",
    re.IGNORECASE,
)
#: Run on the `lowered` document (no IGNORECASE: see `lexicon.lowered`).
_VERB_RE = re.compile(
    WORD_START + rf"\b(?:(?P<loss>{LOSS_VERB})|(?P<kill>{KILL_VERB})|(?P<non>{NONLOSS_VERB}))\b"
)
#: After a figure: "were killed by X" / "killed in the X attack": X attacked.
_PASSIVE_AGENT = re.compile(
    r"[^.;]{0,50}?\b(?:" + KILL_VERB + r")\s+(?:by|in|during)\s+(?:an?\s+|the\s+)?", re.IGNORECASE
)
_PASSIVE_MARK = re.compile(r"\b(?:were|was|been|being|are|is)\s+(?:\w+\s+)?$", re.IGNORECASE)
#: Pronouns that make the claimant's own side the actor ("its forces destroyed", "it had killed").
_OWN_ACTOR = re.compile(r"\b(?:its|their|our|we|it|they)\b(?!\s+(?:is|was)\b)", re.IGNORECASE)
_OBJECT_OF_COUNT = re.compile(
    r"(?:\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands))"
    r"[\d,.]*\s+(?:of\s+)?(?:[A-Za-z'’-]+\s+){0,2}$",
    re.IGNORECASE,
)
_RELATIVE_NONLOSS = re.compile(
    r"\s*(?:that\s+|which\s+)?(?:\S+\s+){0,2}?(?:had\s+|has\s+)?(?:launched|fired|sent|"
    r"deployed|supplied|delivered|used)\b",
    re.IGNORECASE,
)
_POSSESS_BEFORE = re.compile(
    r"\b(?:has|have|had|owns|operates|with)\s+(?:(?!lost|been|destroyed|shot|downed|also|"
    r"captured|hit)\w+\s+){0,2}$",
    re.IGNORECASE,
)
#: A later item of a list of weapons used: "hits Ukraine with 127 missiles and 109 drones".
_WITH_LIST = re.compile(
    r"\bwith\s+(?:[\d,.]+|[a-z]+)\s+(?:[\w-]+\s+){0,2}?[\w-]+\s*(?:,\s*(?:and\s+)?|and\s+)"
    r"(?:(?:[\d,.]+|[a-z]+)\s+(?:[\w-]+\s+){0,2}?[\w-]+\s*(?:,\s*(?:and\s+)?|and\s+))*$",
    re.IGNORECASE,
)
_AFTER_SIDE = re.compile(r"\s+(?:from|of|among|belonging\s+to)\s+", re.IGNORECASE)
_N_OF_THE_M = re.compile(r"\s+of\s+(?:the|its|their|these|those)\s+[\d,]+", re.IGNORECASE)
_INHERIT_OK = re.compile(r"^\s*(?:[,.;:)]|were|was|of|had|have|are|is|more|others|\Z)", re.IGNORECASE)
_ATTACK_AFTER = re.compile(
    r"\s*(?:(?!(?:after|before|by|from|in|on|near|as|when|while|with|until)\b)\S+\s+){0,3}?"
    r"(?:strikes?|attacks?|airstrikes?|shelling|raids?|offensive|forces|troops|(?:guided\s+)?bombs?|shells?|rockets?|"
    r"drones?|missiles?|bombardment)\b",
    re.IGNORECASE,
)
_NOT_COUNT_AFTER = re.compile(
    r"^\s*(?:%|percent|per\s+cent|km\b|kilomet|miles?\b|met(?:er|re)s?\b|square|sq\b|years?\b|-year|months?\b|"
    r"weeks?\b|days?\b|hours?\b|minutes?\b|a\.m\.|p\.m\.|am\b|pm\b|gmt\b|utc\b|dollars|euros|pounds|usd\b|"
    r"rubles|roubles|hryvnia|mm\b|millimet|caliber|calibre|th\b|st\b|nd\b|rd\b|times\b|points?\b|kg\b|tons?\b|"
    r"tonnes?\b|degrees?\b|feet\b|foot\b|decades?\b|centuries\b|-(?:mm|km)|of\s+(?:them|which|those|these)\b)",
    re.IGNORECASE,
)
#: A figure right after one of these words is a label, an age, a date or money ("Brigade 47", "aged 45").
_LABEL_WORDS = frozenset(
    ("aged", "age", "ages", "brigade", "regiment", "division", "battalion", "corps", "no", "number", "page")
    + ("article", "resolution", "route", "highway", "flight", "unit", "platoon", "squad", "usd")
    + ("ruble", "rubles", "rouble", "roubles")
) | frozenset(periods.MONTHS)
_CURRENCY = ("$", "€", "£")


def _not_a_count_before(before: str) -> bool:
    """The word before a figure makes it a label, an age, a date or an amount of money."""
    stripped = before.rstrip()
    if stripped.endswith(_CURRENCY):
        return True
    last = stripped.rsplit(None, 1)[-1].lower().rstrip(".") if stripped else ""
    return last in _LABEL_WORDS


_MONTH_AFTER = re.compile(r"^\s+(?:" + alternation(periods.MONTHS) + r")\b", re.IGNORECASE)
_BARE_BEFORE = re.compile(
    r"\b(?:killing|killed|wounding|wounded|injuring|injured|capturing|captured|toll\s+(?:of|at|to|has\s+risen\s+to|"
    r"rose\s+to|reached|stands\s+at|stood\s+at|climbed\s+to|is|was)|losses\s+(?:of|at|to|reached|amounted\s+to|"
    r"stood\s+at|totall?ed)|died|dead|by|injuries\s+to|deaths\s+of)\s+$"
    r"|\b(?:total|toll|tally|number|figure|count|losses|casualties|rate|dead)\b[^.;:]{0,50}?\b(?:to|at|of|reached|hit|"
    r"exceeded|passed|topped|stands\s+at|stood\s+at|be|is|are|was|were|numbered)\s+$"
    # an appositive after the counted word: "heavy losses, possibly as many as 120,000"
    r"|\b(?:losses|casualties|toll|dead|killed|wounded)\s*,\s*(?:possibly|perhaps|probably|maybe|likely|reportedly)?\s*$",
    re.IGNORECASE,
)
#: Last words `_BARE_BEFORE` can end with: a cheap `endswith` gate in front of its backward search.
_BARE_LAST = (
    *("killing", "killed", "wounding", "wounded", "injuring", "injured", "capturing", "captured", "of", "at"),
    *("to", "reached", "is", "was", "totaled", "totalled", "died", "dead", "by", "hit", "exceeded", "passed"),
    *("topped", "be", "are", "were", "numbered", ",", "possibly", "perhaps", "probably", "maybe", "likely"),
    "reportedly",
)


def _bare_before(before: str) -> bool:
    """An outcome or total word right before a bare figure ("killing 12", "the toll rose to 34")."""
    if not before[-1:].isspace() and not before.endswith(","):
        return False
    chunks = before.rsplit(None, 1)
    return (
        bool(chunks) and chunks[-1].lower().endswith(_BARE_LAST) and _BARE_BEFORE.search(before) is not None
    )


_BARE_RATE_AFTER = re.compile(r"^\s+(?:a|per|each|every)\s+(?:day|week|month)\b", re.IGNORECASE)
_BARE_AFTER = re.compile(
    r"^\s*(?:others\s+)?(?:were|was|have\s+been|had\s+been|are|being|others)?\s*(?:killed|dead|died|wounded|"
    r"injured|captured|surrendered|taken\s+prisoner|hurt)\b",
    re.IGNORECASE,
)
_OF_WHICH_BEFORE = re.compile(r"\b(?:of\s+(?:which|them|those|these|whom)|including)\s*,?\s*$", re.IGNORECASE)
_OF_WHICH_AFTER = re.compile(r"^\s*of\s+(?:them|which|those|these)\b", re.IGNORECASE)
_CIVILIAN_MARK = re.compile(
    r"\b(?:civilians?|residents?|children|people|apartment|hospital|school|market|"
    r"health\s+ministry|humanitarian|homes?|residential|death\s+toll|missile\s+strikes?|shelling|bombing|"
    r"airstrikes?|air\s+strikes?|explosion)\b",
    re.IGNORECASE,
)
_LOCATIVE = re.compile(
    r"\b(?:in|into|inside|across|near|around|over|from|against|west\s+of|east\s+of|to|at|on|"
    r"toward|towards|with|for|by|hit|struck|shelled|bombed|targeted|attacked|"
    r"(?:port|city|town|village|region|province|state|oblast|outskirts)\s+of)"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)

_COUNTED_AFTER = re.compile(
    r"\s+(?:troops|soldiers|servicemen|personnel|casualties|losses|forces|fighters|military\s+losses|dead)\b",
    re.IGNORECASE,
)
#: An outcome word followed by a figure ("and injuries to 19,875") belongs to that figure.
_NUMBER_NEXT = re.compile(r"\s+(?:(?:to|of|at|about|around|nearly|some|more\s+than|at\s+least)\s+)*\d")
#: "1,500 of the 2,000 troops": the second figure is the whole the first is part of, not a claim.
_PART_OF = re.compile(r"[\d,.]+\s+of\s+(?:the|its|their|these|those)\s+$")
_T = TypeVar("_T")

#: How far (characters) from a figure its outcome word and governing verb are looked for.
OUTCOME_WINDOW = 90
VERB_WINDOW = 160
#: Headline and body figures merge when within this relative difference ("1020" vs "more than 1,000").
MERGE_TOLERANCE = 0.05
#: How far back (characters) a previous claim still lends its side to a figure that names none.
PARAGRAPH_REACH = 400


@dataclass(slots=True)
class _Figure:
    """A figure being read: its token, sentence, counted class and everything decided so far."""

    tok: NumberToken
    sent: Sentence
    noun_end: int
    cls: str
    side_hint: str | None
    enemy: bool
    partitive: bool = False  # "13 of the 20 drones": what follows the noun describes the 20
    table: str | None = None  # a loss-table row: "cumulative" for the total, "day" for the "(+N)"


_NOUN_RES: dict[int, tuple[re.Pattern[str], frozenset[str]]] = {}
#: The first run of letters after a figure (after an optional closing quote and spaces).
_FIRST_LETTERS = re.compile(r"[\"”’']?\s*([A-Za-z]+)(-?)")


def _first_letters(phrase: str) -> str:
    """The first run of letters of a phrase, lower-cased ("Moscow's" -> "moscow", "U.S." -> "u")."""
    m = re.search(r"[A-Za-z]+", phrase)
    return m.group(0).lower() if m else ""


def _noun_re(lex: Lexicon) -> tuple[re.Pattern[str], frozenset[str]]:
    """`<modifiers> <noun>` right after a figure; modifiers may name a side ("Russian", "Moscow's").

    With it, the set of first letter-runs any match can start with: most figures are followed by a
    word outside it ("kilometres", "billion", "years"), and a set lookup rejects them before the
    regex, with its long alternations, is tried.
    """
    key = id(lex)
    if key not in _NOUN_RES:
        sides = alternation(lex.side_words)
        noun_words = [*NOUNS, *lex.plurals]
        nouns = alternation(noun_words, space=r"\s+")
        mod = MODIFIER.replace("SIDE", sides)
        starts = {_first_letters(w) for w in [*noun_words, *lex.side_words, *MODIFIER_WORDS, "of"]}
        _NOUN_RES[key] = (
            re.compile(
                rf"[\"”’']?\s*(?P<mods>(?:{mod}\s+){{0,4}}?)(?P<noun>{nouns})(?![\w-])", re.IGNORECASE
            ),
            frozenset(starts),
        )
    return _NOUN_RES[key]


def _match_noun(lex: Lexicon, text: str, pos: int, end: int) -> re.Match[str] | None:
    """`_noun_re` at `pos`, tried only when the first word after the figure can start a match."""
    pattern, starts = _NOUN_RES.get(id(lex)) or _noun_re(lex)
    first = _FIRST_LETTERS.match(text, pos, end)
    if first is None or (first.group(1).lower() not in starts and not first.group(2)):
        return None
    return pattern.match(text, pos, end)


_MEMO = threading.local()


def _memo(kind: str, key: str, compute: Callable[[], _T]) -> _T:
    """A per-document memo: sentence-level facts are computed once per document, whatever the number
    of figures in the sentence. Cleared at the start of each document, so nothing leaks between them."""
    table: dict[tuple[str, str], Any] = _MEMO.table
    k = (kind, key)
    if k not in table:
        table[k] = compute()
    return table[k]  # type: ignore[no-any-return]


def _side_mentions(lex: Lexicon, s: str) -> list[tuple[int, int, str, bool]]:
    """(start, end, side, locative) for each side word in sentence `s`."""
    return _memo("sides", s, lambda: _find_side_mentions(lex, s))


def _find_side_mentions(lex: Lexicon, s: str) -> list[tuple[int, int, str, bool]]:
    out = []
    for m in lex.side_re.finditer(s):
        w = m.group("w")
        side = lex.side_of(w) or lex.plurals.get(w.lower(), (None, False))[0]
        if side:
            out.append(
                (m.start(), m.end(), side, bool(_LOCATIVE.search(s[max(0, m.start() - 12) : m.start()])))
            )
    return out


def _actor_before(lex: Lexicon, s: str, at: int, claimant_side: str | None) -> str | None:
    """The side acting before offset `at` of sentence `s`: the nearest side word that is neither a place
    ("in Ukraine") nor part of a counted phrase ("350 Ukrainian servicemen"), or a pronoun for the
    claimant's own side ("its forces", "it had")."""
    lo = max(0, at - VERB_WINDOW)
    best_pos, best = -1, None
    for start, _end, side, locative in _side_mentions(lex, s):
        if lo <= start < at and not locative and not _OBJECT_OF_COUNT.search(s, max(0, start - 30), start):
            best_pos, best = start, side
    if claimant_side:
        for m in _OWN_ACTOR.finditer(s, lo, at):
            if m.start() > best_pos:
                best_pos, best = m.start(), claimant_side
    return best


def _classify(
    text: str, tok: NumberToken, sent: Sentence, lex: Lexicon, prev: _Figure | None
) -> _Figure | None:
    """What a figure counts, or None when it counts nothing this grammar records."""
    if sent.bulletin:
        return _table_figure(text, tok, sent)
    if tok.value == 1 and tok.end > tok.num_start + 1 and _RANK_ONE.match(text, tok.start):
        return _Figure(tok, sent, tok.end, "personnel", None, False)  # "Major Serhiy Bondar died"
    before = text[max(sent.start, tok.start - 80) : tok.start]
    after = text[tok.end : min(sent.end, tok.end + 80)]
    tail = before[-30:]
    if _not_a_count_before(before) or _MONTH_AFTER.match(after) or "of" in tail and _PART_OF.search(tail):
        return None
    noun_at = tok.end
    nm = _N_OF_THE_M.match(text, tok.end, sent.end)
    if nm:  # "13 of the 20 drones": what the second figure counts
        noun_at = nm.end()
    m = _match_noun(lex, text, noun_at, sent.end)
    if m and not (tok.is_year_like and m.group("mods")):
        noun = re.sub(r"\s+", " ", m.group("noun").lower())
        mods = m.group("mods") or ""
        cls = NOUNS.get(noun)
        side_hint = None
        if cls is None:
            side_hint, military = lex.plurals[noun]
            cls = "personnel" if military else "civilian"
        for sm in lex.side_re.finditer(mods):
            side_hint = side_hint or lex.side_of(sm.group("w"))
        if side_hint is None:
            side_hint = _side_after(lex, text, m.end(), sent.end)
        low = mods.lower()
        if "civilian" in low and cls in ("people", "outcome:killed", "outcome:casualties"):
            cls = "civilian" if cls == "people" else cls + "+civilian"
        elif "military" in low and cls == "people":
            cls = "personnel"
        return _Figure(tok, sent, m.end(), cls, side_hint, "enemy" in low, partitive=nm is not None)
    if tok.is_year_like or _NOT_COUNT_AFTER.match(after):
        if _OF_WHICH_AFTER.match(after) and prev is not None:
            return _Figure(tok, sent, tok.end, prev.cls, prev.side_hint, prev.enemy)
        return None
    if (
        prev is not None
        and prev.sent is sent
        and _OF_WHICH_BEFORE.search(before)
        and _INHERIT_OK.match(after)
    ):
        return _Figure(tok, sent, tok.end, prev.cls, prev.side_hint, prev.enemy)
    if _bare_before(before) or _BARE_AFTER.match(after) or _BARE_RATE_AFTER.match(after):
        return _Figure(tok, sent, tok.end, "bare", None, False)
    return None


def _table_figure(text: str, tok: NumberToken, sent: Sentence) -> _Figure | None:
    """A figure in a loss-table row: the label says what it counts, its place says which period (the
    running total, or the day's change in brackets); the losses are the enemy's of the publisher."""
    row = BULLETIN_LINE.match(sent.text)
    if row is None:
        return None
    label = re.sub(r"\s+", " ", row.group("label").strip().lower())
    cls = TABLE_LABELS.get(label) or NOUNS.get(label)
    if cls is None or ":" in cls or cls in ("civilian", "people"):
        return None
    day = text[max(sent.start, tok.start - 3) : tok.start].replace(" ", "").endswith("(+")
    return _Figure(tok, sent, tok.end, cls, None, True, table="day" if day else "cumulative")


#: One person killed or wounded, named by an article and a noun ("a soldier was shot dead") or by a rank
#: and a name ("Lt. Col. Moiseev died from his wounds"): a claim of 1 (the noun or name is its quote).
_INDIVIDUAL_HINTS = (" was killed", " was shot dead", " died", " was wounded", " was injured", " been killed")
_ONE_PERSON = (
    r"(?:soldier|serviceman|servicewoman|civilian|man|woman|child|boy|girl|officer|fighter|militant|"
    r"journalist|resident|pilot|paratrooper|marine|conscript|teenager)"
)
_OUTCOME_AFTER_ONE = (
    r"(?=\s+(?:was\s+|has\s+been\s+|had\s+been\s+)(?:\w+\s+)?(?:killed|shot\s+dead|wounded|injured)\b"
    r"|\s+(?:has\s+|had\s+)?died\b)"
)
_ARTICLE_ONE = re.compile(
    r"\ban?\s+(?:(?!was\b|were\b)[a-z'’.-]+\s+){0,3}?" + _ONE_PERSON + _OUTCOME_AFTER_ONE
)
_RANK_ONE = re.compile(
    r"\b(?:(?:Lt|Lieut|Col|Gen|Maj|Capt|Sgt|Pvt|Cpl)\.?|Lieutenant|Colonel|General|Major|Captain|Sergeant|"
    r"Private|Corporal|Commander)(?:\s+(?:Col|Gen)\.?|\s+(?:Colonel|General))?(?:\s+[A-Z][\w'’-]+){1,3}"
    + _OUTCOME_AFTER_ONE
)


def _individuals(text: str, low: str) -> list[NumberToken]:
    """Figures of one: "a soldier was shot dead", "Lt. Col. Moiseev died". Only the short stretch before
    each outcome phrase is searched, which keeps this off the cost of documents without one."""
    found: dict[int, NumberToken] = {}
    for hint in _INDIVIDUAL_HINTS:
        at = low.find(hint)
        while at >= 0:
            lo, hi = max(0, at - INDIVIDUAL_REACH), at + len(hint) + 12
            for m in _ARTICLE_ONE.finditer(low, lo, hi):
                found.setdefault(
                    m.start(), NumberToken(1.0, None, "exact", m.start(), m.start() + 1, m.start(), False)
                )
            for m in _RANK_ONE.finditer(text, lo, hi):
                found.setdefault(
                    m.start(), NumberToken(1.0, None, "exact", m.start(), m.end(), m.start(), False)
                )
            at = low.find(hint, at + 1)
    return list(found.values())


#: How far before its outcome phrase ("was killed") a person's noun or name may start.
INDIVIDUAL_REACH = 60


def _side_after(lex: Lexicon, text: str, pos: int, end: int) -> str | None:
    """A side named right after the counted noun ("fighters from Hayat Tahrir al-Sham")."""
    m = _AFTER_SIDE.match(text, pos, end)
    if not m:
        return None
    sm = lex.side_re.match(text, m.end(), end)
    return lex.side_of(sm.group("w")) if sm else None


def _outcome(text: str, fig: _Figure, next_start: int, prev_end: int) -> str | None:
    """The outcome word for a figure: after it ("45 were killed"), unless that word governs the next figure
    ("killed 45 people and injured 79"); else before it; else anywhere in the sentence."""
    s = fig.sent
    hi = min(next_start, fig.noun_end + OUTCOME_WINDOW, s.end)
    fwd = _OUTCOME_RE.search(text, fig.noun_end, hi)
    governs_next = fwd is not None and (
        (hi == next_start and not text[fwd.end() : next_start].strip(" ,"))
        or _NUMBER_NEXT.match(text, fwd.end()) is not None
    )
    if fwd and not governs_next:
        return OUTCOMES[re.sub(r"\s+", " ", fwd.group(0).lower())]
    lo = max(prev_end, s.start, fig.tok.start - OUTCOME_WINDOW)
    for window in ((lo, fig.tok.start), (max(s.start, fig.tok.start - VERB_WINDOW), fig.tok.start)):
        back = list(_OUTCOME_RE.finditer(text, *window))
        if back:
            return OUTCOMES[re.sub(r"\s+", " ", back[-1].group(0).lower())]
    # An outcome word that governs the next figure is not this one's ("Two men opened fire, killing
    # three people": the gunmen were not killed).
    far = None if governs_next else fwd or _OUTCOME_RE.search(text, fig.noun_end, s.end)
    if far:
        return OUTCOMES[re.sub(r"\s+", " ", far.group(0).lower())]
    # "the true toll could be as high as 100": a toll counts the dead.
    return "killed" if fig.cls == "bare" and _TOLL_BEFORE.search(text, s.start, fig.tok.start) else None


#: A sentence that continues the previous one's report ("also", "added").
_CONTINUES = re.compile(r"\b(?:also|added|adding|in\s+addition|as\s+well)\b", re.IGNORECASE)
_TOLL_BEFORE = re.compile(r"\btoll\b", re.IGNORECASE)


def _governing_verb(low: str, fig: _Figure) -> re.Match[str] | None:
    """The nearest loss / killing / non-loss verb before the figure in its sentence, else just after it
    (`low`: the document, `lowered`)."""
    lo = max(fig.sent.start, fig.tok.start - VERB_WINDOW)
    found = list(_VERB_RE.finditer(low, lo, fig.tok.start))
    if found:
        return found[-1]
    return _VERB_RE.search(low, fig.noun_end, min(fig.sent.end, fig.noun_end + 60))


def _category(fig: _Figure, outcome: str | None, sentence: str) -> str | None:
    """The claim category from what is counted and what happened to it."""
    cls = fig.cls
    if cls in EQUIPMENT:
        return cls
    if cls.startswith("outcome:"):
        outcome, _, civ = cls[len("outcome:") :].partition("+")
        cls = "civilian" if civ else ("bare" if fig.side_hint is None else "personnel")
    if cls == "prisoners":
        return "personnel_captured"
    if outcome is None:
        return None
    if cls in ("people", "bare"):
        military = outcome == "casualties" or fig.enemy or (fig.side_hint is not None and cls == "bare")
        cls = "personnel" if military or not _CIVILIAN_MARK.search(sentence) and cls == "bare" else "civilian"
    if cls == "personnel":
        return "personnel_" + outcome
    if outcome in ("killed", "wounded"):
        return "civilians_" + outcome
    return None


def _place(lex: Lexicon, s: str) -> tuple[str | None, str | None]:
    """(place, attacker) named in a sentence: "in Kharkiv" is a place, "in U.S. strikes" an attacker."""
    return _memo("place", s, lambda: _find_place(lex, s))


def _find_place(lex: Lexicon, s: str) -> tuple[str | None, str | None]:
    place = attacker = None
    for _start, end, side, locative in _side_mentions(lex, s):
        if _ATTACK_AFTER.match(s, end):
            attacker = attacker or side
        elif locative:
            place = place or side
    return place, attacker


def _subject(
    text: str,
    fig: _Figure,
    verb: re.Match[str] | None,
    lex: Lexicon,
    attr: Attribution | None,
    category: str,
    prev: Claim | None,
) -> str | None:
    """Whose loss the figure is (see the module docstring, step 3)."""
    claimant_side = attr.side if attr else None
    if fig.side_hint:
        return fig.side_hint
    if fig.enemy:
        return lex.enemy_of(claimant_side)
    civilian = category.startswith("civilians")
    s = text[fig.sent.start : fig.sent.end]
    rel = fig.tok.start - fig.sent.start
    if fig.cls == "bare" and prev is not None and prev.start >= fig.sent.start:
        return prev.subject  # "192 servicemen were killed and 511 wounded"
    if fig.cls == "bare":
        counted = [m for m in _side_mentions(lex, s) if m[1] <= rel and _COUNTED_AFTER.match(s, m[1])]
        if counted:  # "put the number of Russian troops killed at 300,000"
            return counted[-1][2]
    place, attacker = _place(lex, s)
    agent = _PASSIVE_AGENT.match(text, fig.noun_end, fig.sent.end)
    if agent:
        at = agent.end() - fig.sent.start
        ms = [m for m in _side_mentions(lex, s) if at <= m[0] < at + 6]
        if ms:
            attacker = ms[0][2]
    if verb is not None and verb.start() < fig.tok.start:
        vrel = verb.start() - fig.sent.start
        actor = _actor_before(lex, s, vrel, claimant_side)
        passive = _PASSIVE_MARK.search(s, max(0, vrel - 20), vrel)
        if actor and (verb.group("loss") or passive):
            return actor
        if verb.group("kill") and actor:
            attacker = actor
    if civilian:
        if place:
            return place
        if attacker and claimant_side and claimant_side in lex.sides[attacker].enemies:
            return claimant_side  # a ministry of the side under attack counting its dead
        return lex.civilians_hit_by(attacker) or _nearest_side(lex, s, rel) or _same_para(prev, fig)
    if attacker:
        if _victims_named(lex, s, attacker, verb.start() - fig.sent.start if verb is not None else 0):
            return attacker  # fighting within one side: "Wagner forces shot down ..., Russian pilots killed"
        return lex.enemy_of(attacker)
    return _nearest_side(lex, s, rel) or _same_para(prev, fig)


_VICTIM_AFTER = re.compile(r"\s+(?:were|was|had\s+been|have\s+been|are)\b", re.IGNORECASE)


def _victims_named(lex: Lexicon, s: str, attacker: str, verb_at: int) -> bool:
    """The attacker's own side is named as the one hit: a side word with a counted noun that is counted
    ("shot down six Russian helicopters"), the passive subject ("Russian pilots were among those
    killed") or the object after the verb."""
    for start, _end, side, locative in _side_mentions(lex, s):
        if side != attacker or locative:
            continue
        noun = _match_noun(lex, s, _end, len(s))
        if noun is None:
            continue
        counted = _OBJECT_OF_COUNT.search(s, max(0, start - 30), start) is not None
        if counted or start > verb_at > 0 or _VICTIM_AFTER.match(s, noun.end()):
            return True
    return False


def _same_para(prev: Claim | None, fig: _Figure) -> str | None:
    """The previous claim's side when it is in the same paragraph (the story is still about it)."""
    return prev.subject if prev is not None and prev.start >= fig.sent.start - PARAGRAPH_REACH else None


def _nearest_side(lex: Lexicon, s: str, rel: int) -> str | None:
    """The nearest non-place side word before offset `rel`, else the first after it."""
    mentions = [m for m in _side_mentions(lex, s) if not m[3]]
    before = [m for m in mentions if m[1] <= rel]
    if before:
        return before[-1][2]
    after = [m for m in mentions if m[0] >= rel]
    return after[0][2] if after else None


def _war_start(lex: Lexicon, subject: str | None) -> date | None:
    side = lex.sides.get(subject or "")
    return side.war_start if side else None


def extract_claims(text: str, published: date | None) -> list[Claim]:
    """Every claim in `text`, merged per figure, in order of first body mention."""
    low = lowered(text)
    tokens = scan(text) + _individuals(text, low)
    if not tokens:
        return []
    tokens.sort(key=lambda t: t.start)
    _MEMO.table = {}
    lex = lexicon()
    sentences, headline_words = split(text)
    caveats = has_caveat_hint(low)  # without a hint word, no sentence states a verification
    starts = [s.start for s in sentences]
    default_attr = headline_attribution(headline_words, lex)
    attr_cache: dict[int, tuple[Attribution | None, date | None]] = {}
    last_attr: Attribution | None = None
    last_para = -1
    current: Attribution | None = None
    claims: list[tuple[Claim, int, bool]] = []
    prev: _Figure | None = None
    figures: list[_Figure] = []
    for tok in tokens:
        i = bisect_right(starts, tok.num_start) - 1
        if i < 0 or tok.num_start >= sentences[i].end:
            continue
        fig = _classify(text, tok, sentences[i], lex, prev)
        if fig is not None:
            figures.append(fig)
            prev = fig
    sent_index = {id(s): k for k, s in enumerate(sentences)}
    # Attribution flows forward inside a paragraph: only sentences up to a paragraph's last figure matter.
    last_figure_end = {f.sent.para: f.sent.end for f in figures}
    para_start: dict[int, int] = {}
    for sent in sentences:
        para_start.setdefault(sent.para, sent.start)
    for k, sent in enumerate(sentences):
        if sent.display or sent.end > last_figure_end.get(sent.para, -1):
            attr_cache[k] = (None, None)
            continue
        s = sent.text
        context = text[para_start.get(sent.para, sent.start) : sent.end]
        found = attribution(s, lex, last_attr, _memo("cands", s, partial(candidates, s)), context)
        if found is not None:
            last_attr = found
            current = found
        elif sent.para != last_para:
            current = None
        last_para = sent.para
        attr_cache[k] = (current or default_attr, periods.statement_date(s, published))
    for n, fig in enumerate(figures):
        k = sent_index[id(fig.sent)]
        attr, said_on = attr_cache[k]
        if fig.sent.display:
            attr = default_attr
        elif attr is not None:
            cands = _memo("cands", fig.sent.text, partial(candidates, fig.sent.text))
            attr = clause_attribution(cands, fig.tok.start - fig.sent.start, lex, attr, attr)
        if said_on is None:
            said_on = _carried_date(attr_cache, sentences, k)
        nxt = figures[n + 1].tok.start if n + 1 < len(figures) else len(text)
        prv = figures[n - 1].noun_end if n > 0 else 0
        sentence = fig.sent.text
        outcome = _outcome(text, fig, nxt, prv) if fig.cls not in EQUIPMENT else None
        verb = _governing_verb(low, fig)
        if fig.table is not None:
            outcome = "casualties"  # the bulletin's personnel row counts killed, wounded and captured
        elif _not_a_loss(text, fig, verb, outcome):
            continue
        category = _category(fig, outcome, sentence)
        if category is None:
            continue
        prev_claim = claims[-1][0] if claims else None
        if (
            fig.cls == "bare"
            and category.startswith("personnel_")
            and prev_claim is not None
            and prev_claim.category.startswith("civilians_")
            and sentences[claims[-1][1]].para == fig.sent.para
            and category in ("personnel_killed", "personnel_wounded")
        ):  # a bare figure in a paragraph about civilians counts them too ("the true toll could be 100")
            category = "civilians_" + category.split("_", 1)[1]
        subject = _subject(text, fig, verb, lex, attr, category, prev_claim)
        cues = _memo("cues", sentence, partial(periods.cue_matches, sentence))
        period = periods.resolve(
            cues,
            sentence,
            fig.tok.start - fig.sent.start,
            fig.noun_end - fig.sent.start,
            published,
            said_on,
            _war_start(lex, subject),
        )
        report = said_on or published
        if fig.table == "day":
            period = Period(kind="day", start=report, end=report)
        elif fig.table == "cumulative":
            period = Period(kind="cumulative", start=_war_start(lex, subject), end=report)
        elif (
            period.kind == "event"
            and prev_claim is not None
            and prev_claim.period.kind in ("span", "cumulative")
            and claims[-1][1] < k
            and sentences[claims[-1][1]].para == fig.sent.para
            and _CONTINUES.search(sentence)
            and not periods.stated(cues, sentence, published)
        ):  # "He said Russia had also lost 200 tanks": the period of the report it continues
            period = prev_claim.period
        if period.kind == "same":  # "over the same period", "in that time": the last period named
            named = [c.period for c, _, _ in claims if c.period.kind in ("day", "span")]
            period = (
                named[-1]
                if named
                else claims[-1][0].period
                if claims
                else Period(kind="event", end=said_on or published)
            )
        if period.kind == "cumulative" and period.start is None and claims:
            last = claims[-1][0]
            if last.period.kind == "cumulative" and sentences[claims[-1][1]].para == fig.sent.para:
                period = replace(period, start=last.period.start)
        claim = Claim(
            doc_id=None,
            claim_id="",
            subject=subject,
            category=category,
            value=fig.tok.value,
            value_high=fig.tok.value_high,
            qualifier=fig.tok.qualifier,  # type: ignore[arg-type]
            period=period,
            claimant=attr.claimant if attr else None,
            claimant_text=attr.claimant_text if attr else None,
            via=attr.via if attr else (),
            hedged=_memo("hedge", sentence, partial(hedged, sentence))
            or fig.tok.qualifier == "around"
            and "estimat" in sentence.lower(),
            verification=_memo("verif", sentence, partial(verification, sentence)) if caveats else None,
            quote=text[fig.tok.start : fig.noun_end],
            start=fig.tok.start,
            end=fig.noun_end,
            mentions=((fig.tok.start, fig.noun_end),),
        )
        claims.append((claim, k, fig.sent.display))
    claims = _apply_caveats(claims, sentences) if caveats else claims
    return _merge(claims)


#: A running tally named before an equipment figure makes it a loss without a loss verb: "the cumulative
#: totals published on Tuesday were 4,362 tanks", "losses now stand at 6,365 tanks".
_TALLY_BEFORE = re.compile(r"\b(?:losses|totals|tallies|tally)\b", re.IGNORECASE)


def _not_a_loss(text: str, fig: _Figure, verb: re.Match[str] | None, outcome: str | None) -> bool:
    """Equipment supplied, launched or owned; troops deployed; prisoners exchanged: not losses."""
    nonloss_before = verb is not None and verb.group("non") is not None and verb.start() < fig.tok.start
    relative = not fig.partitive and _RELATIVE_NONLOSS.match(text, fig.noun_end, fig.sent.end)
    if fig.cls in EQUIPMENT:
        owned = _POSSESS_BEFORE.search(text, max(fig.sent.start, fig.tok.start - 30), fig.tok.start)
        owned = owned or _WITH_LIST.search(text, max(fig.sent.start, fig.tok.start - 80), fig.tok.start)
        if verb is None:
            return _TALLY_BEFORE.search(text, fig.sent.start, fig.tok.start) is None or bool(owned)
        return verb.group("non") is not None or bool(relative) or bool(owned)
    if fig.cls == "prisoners":
        return verb is not None and verb.group("non") is not None
    return fig.cls in ("personnel", "people") and nonloss_before and outcome is None


def _carried_date(
    cache: dict[int, tuple[Attribution | None, date | None]], sentences: list[Sentence], k: int
) -> date | None:
    """A statement date from an earlier sentence of the same paragraph ("said on Monday ... adding")."""
    para = sentences[k].para
    j = k - 1
    while j >= 0 and sentences[j].para == para:
        if cache[j][1] is not None:
            return cache[j][1]
        j -= 1
    return None


def _apply_caveats(
    claims: list[tuple[Claim, int, bool]], sentences: list[Sentence]
) -> list[tuple[Claim, int, bool]]:
    """A caveat ("has not been independently verified") covers the claims of the sentences before it."""
    out = list(claims)
    if not claims:
        return out
    reach = {k for _, ck, disp in claims if not disp for k in range(ck + 1, ck + CAVEAT_REACH + 1)}
    for k in sorted(reach):
        if k >= len(sentences):
            break
        sent = sentences[k]
        status = verification(sent.text) if not sent.display else None
        if status is None:
            continue
        for n, (c, ck, disp) in enumerate(out):
            if k - CAVEAT_REACH <= ck < k and c.verification is None and not disp:
                out[n] = (replace(c, verification=status), ck, disp)
    return out


def _compatible(a: Claim, b: Claim) -> bool:
    """A display mention (headline, caption) restates a body figure: same outcome ("killed" in
    personnel_killed / civilians_killed) and value within tolerance. Side and period are not compared:
    headlines compress them ("two killed in shelling", "in 24 hours" for "on Sunday")."""
    if a.category.rsplit("_", 1)[-1] != b.category.rsplit("_", 1)[-1]:
        # "1,200 Russian troops killed" in a headline restating "lost 1,200 troops": same people, same value
        family = a.category.split("_", 1)[0]
        return a.value == b.value and family in ("personnel", "civilians") and b.category.startswith(family)
    if a.value == b.value and a.value_high == b.value_high:
        return True
    if b.qualifier == "at_least" and a.value >= b.value:
        return True  # "Dozens dead" in a headline over "at least 31 Palestinians"
    return abs(a.value - b.value) <= MERGE_TOLERANCE * max(a.value, b.value) and (
        a.qualifier != "exact" or b.qualifier != "exact"
    )


def _merge(claims: list[tuple[Claim, int, bool]]) -> list[Claim]:
    """One claim per figure: repeats and display restatements join the first body mention."""
    body = [c for c, _, disp in claims if not disp]
    display = [c for c, _, disp in claims if disp]
    kept: list[Claim] = []
    for c in body:
        for n, k in enumerate(kept):
            if (k.subject, k.category, k.value, k.value_high, k.period.kind, k.period.end) == (
                c.subject,
                c.category,
                c.value,
                c.value_high,
                c.period.kind,
                c.period.end,
            ):
                kept[n] = replace(k, mentions=k.mentions + c.mentions)
                break
        else:
            kept.append(c)
    for c in display:
        for n, k in enumerate(kept):
            if _compatible(k, c):
                kept[n] = replace(k, mentions=k.mentions + c.mentions)
                break
        else:
            kept.append(c)
    kept.sort(key=lambda c: c.start)
    return kept
