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

from attrition.extract import periods, tables
from attrition.extract.lexicon import (
    IGNORECASE_EXTRAS,
    WORD_START,
    Lexicon,
    alternation,
    by_first_letter,
    lexicon,
    lowered,
    set_document,
)
from attrition.extract.numbers import NumberToken, scan
from attrition.extract.scanning import contains_any
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
    needs_antecedent,
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
    TALLY_VERB,
)
from attrition.models import Claim, Period

_OUTCOME_RE = re.compile(
    WORD_START + r"\b(?:" + alternation(OUTCOMES) + r")\b",
    re.IGNORECASE,
)
#: Run on the `lowered` document (no IGNORECASE: see `lexicon.lowered`).
_VERB_RE = re.compile(
    WORD_START
    + rf"\b(?:(?P<loss>{by_first_letter(LOSS_VERB, False)})|(?P<kill>{by_first_letter(KILL_VERB, False)})"
    + rf"|(?P<non>{by_first_letter(NONLOSS_VERB, False)}))\b"
)
#: After a figure: "were killed by X" / "killed in the X attack": X attacked.
_PASSIVE_AGENT = re.compile(
    r"[^.;]{0,50}?\b" + by_first_letter(KILL_VERB, True) + r"\s+(?:by|in|during)\s+(?:an?\s+|the\s+)?",
    re.IGNORECASE,
)
_PASSIVE_MARK = re.compile(r"\b(?:were|was|been|being|are|is)\s+(?:\w+\s+)?$", re.IGNORECASE)
#: Pronouns that make the claimant's own side the actor ("its forces destroyed", "it had killed").
_OWN_ACTOR = re.compile(r"\b(?:its|their|our|we|it|they)\b(?!\s+(?:is|was)\b)", re.IGNORECASE)
_OBJECT_OF_COUNT = re.compile(
    r"(?:(?<!\w)\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands))"
    r"[\d,.]*\s+(?:of\s+)?(?:[A-Za-z'’-]+\s+){0,2}$",
    re.IGNORECASE,
)
_RELATIVE_NONLOSS = re.compile(
    r"\s*(?:that\s+|which\s+)?(?:\S+\s+){0,2}?(?:had\s+|has\s+)?(?:launched|fired|sent|"
    r"deployed|supplied|delivered|used(?!\s+by\b))\b",
    re.IGNORECASE,
)
_POSSESS_BEFORE = re.compile(
    r"\b(?:has|have|had|owns|operates|keeps|keep|retains|maintains|holds|(?<!along\s)(?<!together\s)with)\s+(?:(?!lost|been|destroyed|shot|downed|also|"
    r"captured|hit|reached|risen|climbed|grown|" + TALLY_VERB + r")\w+\s+){0,2}$",
    re.IGNORECASE,
)
#: A later item of a list of weapons used: "hits Ukraine with 127 missiles and 109 drones".
_WITH_LIST = re.compile(
    r"(?<!along\s)(?<!together\s)\bwith\s+(?:[\d,.]+|[a-z]+)\s+(?:[\w-]+\s+){0,2}?[\w-]+\s*(?:,\s*(?:and\s+)?|and\s+)"
    r"(?:(?:[\d,.]+|[a-z]+)\s+(?:[\w-]+\s+){0,2}?[\w-]+\s*(?:,\s*(?:and\s+)?|and\s+))*$",
    re.IGNORECASE,
)
_AFTER_SIDE = re.compile(r"\s+(?:from|of|among|belonging\s+to)\s+", re.IGNORECASE)
_N_OF_THE_M = re.compile(r"\s+of\s+(?:the|its|their|these|those)\s+[\d,]+", re.IGNORECASE)
_INHERIT_OK = re.compile(
    r"^\s*(?:[,.;:)]|were|was|of|had|have|are|is|more|others|in|on|at|near|along|around|over|during|since|\Z)",
    re.IGNORECASE,
)
_ATTACK_AFTER = re.compile(
    r"\s*(?:(?!(?:after|before|by|from|in|on|near|as|when|while|with|until)\b)\S+\s+){0,3}?"
    r"(?:strikes?|attacks?|airstrikes?|shelling|raids?|offensive|forces|troops|(?:guided\s+)?bombs?|shells?|rockets?|"
    r"drones?|missiles?|bombardment|aggression|fire|gunfire|artillery)\b",
    re.IGNORECASE,
)
_NOT_COUNT_AFTER = re.compile(
    r"^\s*(?:%|percent|per\s+cent|km\b|kilomet|miles?\b|met(?:er|re)s?\b|square|sq\b|years?\b|-year|months?\b|"
    r"weeks?\b|days?\b|hours?\b|minutes?\b|a\.m\.|p\.m\.|am\b|pm\b|gmt\b|utc\b|dollars|euros|pounds|usd\b|"
    r"rubles|roubles|hryvnia|mm\b|millimet|caliber|calibre|th\b|st\b|nd\b|rd\b|times\b|points?\b|kg\b|tons?\b|"
    r"tonnes?\b|degrees?\b|feet\b|foot\b|decades?\b|centuries\b|-(?:mm|km)|of\s+(?:them|which|those|these)\b"
    # a ratio ("roughly 3.6 to 1"), not a count
    r"|to\s+(?:1|one)\b(?![,.]?\d)(?!\s+(?:million|thousand|billion|hundred)))",
    re.IGNORECASE,
)
#: A figure right after one of these words is a label, an age, a date or money ("Brigade 47", "aged 45").
_LABEL_WORDS = frozenset(
    ("aged", "age", "ages", "brigade", "regiment", "division", "battalion", "corps", "no", "number", "page")
    + ("article", "resolution", "route", "highway", "flight", "unit", "platoon", "squad", "usd")
    + ("ruble", "rubles", "rouble", "roubles")
) | frozenset(periods.MONTHS)
_CURRENCY = ("$", "€", "£")


#: "12,605 — civilians killed": a "by the numbers" line, a figure and then, past a dash, what it counts.
_DISPLAY_DASH = re.compile(r"\s*[—–]\s*|\s+-{1,2}\s+")
_DASH_OPENINGS = (" —", " –", "—", "–", " - ", " -- ")


def _line_opens_with(text: str, at: int) -> bool:
    """Whether only blanks (or a list bullet) stand between the start of its line and `at`."""
    line_start = text.rfind("\n", 0, at) + 1
    return not text[line_start:at].strip(" \t•*-")


def _not_a_count_before(before: str) -> bool:
    """The word before a figure makes it a label, an age, a date or an amount of money."""
    stripped = before.rstrip()
    if stripped.endswith(_CURRENCY):
        return True
    last = stripped.rsplit(None, 1)[-1].lower().rstrip(".") if stripped else ""
    if last in ("in", "of") and stripped.lower().endswith(_PROPORTION_HEAD):
        return True  # a proportion ("one in eleven of those identified", "one out of 10")
    return last in _LABEL_WORDS


#: The head of a proportion whose second figure is a denominator, not a count.
_PROPORTION_HEAD = (" one in", " one out of", " 1 in", " 1 out of")


_MONTH_AFTER = re.compile(r"^\s+(?:" + alternation(periods.MONTHS) + r")\b", re.IGNORECASE)
_BARE_BEFORE = re.compile(
    r"\b(?:killing|killed|wounding|wounded|injuring|injured|capturing|captured|toll\s+(?:of|at|to|has\s+risen\s+to|"
    r"rose\s+to|reached|stands\s+at|stood\s+at|climbed\s+to|is|was)|losses\s+(?:of|at|to|reached|amounted\s+to|"
    r"stood\s+at|totall?ed)|died|dead|by|injuries\s+to|deaths\s+of)\s+$"
    r"|\b(?:total|toll|tally|number|figure|count|losses|casualties|rate|dead|deaths|fatalities|estimate)\b"
    r"(?:[^.;:]|\.(?=\s+[a-z\d])){0,110}?\b(?:to|at|of|reached|hit|"
    r"exceeded|passed|topped|stands\s+at|stood\s+at|be|is|are|was|were|numbered|would|will|could|have|has|had)\s+$"
    # an appositive after the counted word: "heavy losses, possibly as many as 120,000"
    r"|\b(?:losses|casualties|toll|dead|killed|wounded)\s*,\s*(?:possibly|perhaps|probably|maybe|likely|reportedly)?\s*$"
    # "casualties were now \"well above one million\"", "killed, wounded and missing would pass one million"
    r"|\b(?:losses|casualties|toll|deaths|fatalities|dead|killed)\b[^.;:\d]{0,40}?\b(?:were|was|are|is|stood|stand)\s+now\s+[\"“]?(?:well\s+|far\s+)?$"
    r"|\b(?:killed|wounded|dead|missing)\s+(?:would|will|could|may|might)\s+$",
    re.IGNORECASE,
)
#: Last words `_BARE_BEFORE` can end with: a cheap `endswith` gate in front of its backward search.
_BARE_LAST = (
    *("killing", "killed", "wounding", "wounded", "injuring", "injured", "capturing", "captured", "of", "at"),
    *("to", "reached", "is", "was", "totaled", "totalled", "died", "dead", "by", "hit", "exceeded", "passed"),
    *("topped", "be", "are", "were", "numbered", ",", "possibly", "perhaps", "probably", "maybe", "likely"),
    *(
        "reportedly",
        "would",
        "will",
        "could",
        "have",
        "has",
        "had",
        "may",
        "might",
        "now",
        "well",
        "far",
    ),
)


#: Words (lower-case) one of which every match of `_BARE_BEFORE` holds, unless it ends with "by": its
#: backward search costs several microseconds, and most windows ending with "of", "to" or "is" hold none.
_BARE_WORDS = (
    *("kill", "wound", "injur", "captur", "died", "dead", "toll", "losses", "deaths", "total", "tally"),
    *("number", "figure", "count", "casualties", "rate", "fatalities", "estimate", "missing"),
)


def _bare_before(before: str) -> bool:
    """An outcome or total word right before a bare figure ("killing 12", "the toll rose to 34")."""
    if not before[-1:].isspace() and not before.endswith(","):
        return False
    chunks = before.rsplit(None, 1)
    if not chunks or not chunks[-1].lower().endswith(_BARE_LAST):
        return False
    if (
        not chunks[-1].lower().endswith("by")
        and not contains_any(before.lower(), _BARE_WORDS)
        # IGNORECASE also matches a few non-ASCII letters to ASCII ones ("ſ" to "s"): such text is searched
        and (before.isascii() or not contains_any(before, IGNORECASE_EXTRAS))
    ):
        return False
    return _BARE_BEFORE.search(before) is not None


_BARE_RATE_AFTER = re.compile(r"^\s+(?:a|per|each|every)\s+(?:day|week|month)\b", re.IGNORECASE)
_BARE_AFTER = re.compile(
    r"^[\"”]?\s*(?:others\s+)?(?:were|was|have\s+been|had\s+been|are|being|others)?\s*(?:killed|dead|died|wounded|"
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
    r"(?:port|city|town|village|region|province|state|oblast|outskirts|district|area|suburbs?|neighbou?rhood|"
    r"centre|center|camp)\s+of)"
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
    owner: str | None = None  # a possessive in the noun phrase: "speaker" (our, my) or "third" (its, their)
    table: str | None = None  # a loss-table row: "cumulative" for the total, "day" for the "(+N)"


#: A possessive in a counted noun phrase ("189 of its soldiers", "our tanks"): whose the counted are.
_POSSESSIVE = re.compile(r"\b(?:our|my|its|their|his|her)\b")
#: A clause boundary between a verb and a figure: the verb does not govern the figure ("suffered 100,000
#: dead or wounded and that 30,000 civilians had died").
_CLAUSE_BREAK = re.compile(r"\bthat\b|;|\bwhile\b|\bwhereas\b", re.IGNORECASE)
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
        sides = alternation([*lex.side_words, *lex.generic])
        noun_words = [*NOUNS, *lex.plurals]
        nouns = alternation(noun_words, space=r"\s+")
        mod = MODIFIER.replace("SIDE", sides)
        starts = {
            _first_letters(w) for w in [*noun_words, *lex.side_words, *lex.generic, *MODIFIER_WORDS, "of"]
        }
        _NOUN_RES[key] = (
            re.compile(
                rf"[\"”’']?\s*(?P<mods>(?:{mod}\s+){{0,4}}?)(?P<noun>{nouns})(?![\w-])", re.IGNORECASE
            ),
            frozenset(starts),
        )
    return _NOUN_RES[key]


def _match_noun(lex: Lexicon, text: str, pos: int, end: int) -> re.Match[str] | None:
    """`_noun_re` at `pos`, tried only when the first word after the figure can start a match."""
    pattern, starts = _noun_re(lex)
    first = _FIRST_LETTERS.match(text, pos, end)
    if first is None or (
        first.group(1).lower() not in starts and not first.group(2) and not first.group(1)[0].isupper()
    ):
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
        enemy = s.rfind("enemy", lo, at)  # "the enemy lost": the claimant's enemy acts
        if enemy > best_pos and _ENEMY_ACTOR.match(s, enemy):
            best = lex.enemy_of(claimant_side)
    return best


#: "the enemy" as the actor of a clause (not "enemy drones", counted).
_ENEMY_ACTOR = re.compile(r"enemy(?:'s)?\s+(?:has\s+|had\s+|have\s+)?(?:also\s+)?(?:lost|suffered)\b")


def _classify(
    text: str,
    tok: NumberToken,
    sent: Sentence,
    lex: Lexicon,
    prev: _Figure | None,
    rows: dict[int, tables.Row] | None = None,
) -> _Figure | None:
    """What a figure counts, or None when it counts nothing this grammar records."""
    row = rows.get(tok.num_start) if rows else None
    if row is not None:  # a loss-table row: the losses are the enemy's of the publisher
        if not row.is_claim():
            return None
        return _Figure(tok, sent, tok.end, row.category, None, True, table=row.kind)
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
    dash = _DISPLAY_DASH.match(text, tok.end, sent.end) if text.startswith(_DASH_OPENINGS, tok.end) else None
    if dash and _line_opens_with(text, tok.start):  # "More than 46,000 — Ukrainian soldiers killed"
        noun_at = dash.end()
    nm = _N_OF_THE_M.match(text, noun_at, sent.end)
    if nm:  # "13 of the 20 drones": what the second figure counts
        noun_at = nm.end()
    m = _match_noun(lex, text, noun_at, sent.end)
    if m and not (tok.is_year_like and m.group("mods")):
        noun, cls, side_hint = _noun_class(lex, m)
        mods = m.group("mods") or ""
        if side_hint is None and noun in lex.generic:
            side_hint = lex.side_of(noun)  # "killed 40 militants" in a story about one war
        if side_hint is None:
            side_hint = _side_after(lex, text, m.end(), sent.end)
        low = mods.lower()
        if "civilian" in low and cls in ("people", "outcome:killed", "outcome:casualties"):
            cls = "civilian" if cls == "people" else cls + "+civilian"
        elif "military" in low and cls == "people":
            cls = "personnel"
        elif "military" in low and cls.startswith("outcome:"):
            cls += "+military"  # "100,000 military dead or wounded": troops, not civilians
        noun_end = m.end()
        taken = _TAKEN_PRISONER.match(text, noun_end, sent.end)
        if taken and cls in ("personnel", "people"):  # "had taken 117 Ukrainian soldiers prisoner"
            cls, noun_end = "prisoners", taken.end()
        owner = _POSSESSIVE.search(low)
        return _Figure(
            tok,
            sent,
            noun_end,
            cls,
            side_hint,
            "enemy" in low,
            partitive=nm is not None,
            owner=(("speaker" if owner.group(0) in ("our", "my") else "third") if owner else None),
        )
    if tok.is_year_like or _NOT_COUNT_AFTER.match(after):
        if _OF_WHICH_AFTER.match(after) and prev is not None:
            return _inherit(prev, tok, sent)
        return None
    subset = _subset_figure(text, tok, sent, lex)
    if subset is not None:
        return subset
    if (
        prev is not None
        and prev.sent is sent
        and _OF_WHICH_BEFORE.search(before)
        and _INHERIT_OK.match(after)
    ):
        return _inherit(prev, tok, sent)
    if prev is not None and prev.sent is sent and float(tok.value).is_integer():
        if tok.value_high is not None and tok.qualifier == "range" and not after.strip(" .,;:)"):
            # "about 165,000 men had died, with the true number likely between 140,000 and 190,000":
            # a noun-less interval at a clause's end is the interval of the figure before it
            return _inherit(prev, tok, sent)
        if prev.cls in _PEOPLE_CLASSES and _BARE_AFTER.match(after):
            # "1 person killed, 21 injured", "soldiers were killed and five wounded": the people before
            return _inherit(prev, tok, sent)
        others = _OTHERS_AFTER.match(after)
        if others:  # "killed 700 soldiers and captured 2,000 others"
            return _inherit(prev, tok, sent, tok.end + others.end())
        if (
            _COMPARE_BEFORE.search(before)
            and _COORD_AFTER.match(after)
            and text[tok.end : tok.end + 2] != ".0"
        ):
            # "up from 1,200", "against 1,014 in December", "and "about 3,000" in total": the figure
            # counts what the figure before it counts
            return _inherit(prev, tok, sent)
    if (
        tok.qualifier == "range"
        and not after.strip(" .,;:)")
        and _OUTCOME_RE.search(text, sent.start, tok.start) is not None
    ):
        # "estimates of total casualties ... that range from 600,000 to 650,000": the outcome named before
        return _Figure(tok, sent, tok.end, "bare", None, False)
    taken = _TAKEN_PRISONER.match(after)
    if taken:  # "had taken "several dozen" prisoner"
        return _Figure(tok, sent, tok.end + taken.end(), "prisoners", None, False)
    kind_losses = _KIND_LOSSES.search(before) if "losses" in before else None
    if kind_losses:  # "Kyiv puts Russia's tank losses at 6,708": the losses' kind is what the figure counts
        return _Figure(tok, sent, tok.end, _LOSS_KINDS[kind_losses.group(1).lower()], None, False)
    wide = text[max(sent.start, tok.start - TALLY_REACH) : tok.start]
    if _bare_before(wide) or _BARE_AFTER.match(after) or _BARE_RATE_AFTER.match(after):
        return _Figure(tok, sent, tok.end, "bare", None, False)
    return None


#: A kind of equipment named as the head of "losses" ("tank losses"), and the category it gives.
_LOSS_KINDS = {
    "tank": "tanks",
    "aircraft": "aircraft",
    "helicopter": "helicopters",
    "artillery": "artillery",
    "drone": "drones",
    "ship": "ships",
    "warship": "ships",
}
#: "tank losses stand at 1,205", "tank losses dipped to 101": at most three words between "losses" and the figure.
_KIND_LOSSES = re.compile(
    r"\b(" + "|".join(_LOSS_KINDS) + r")\s+losses\s+(?:(?:stand|stood|rose|fell|dipped|reached|came|totalled|"
    r"totaled|were|are|now|at|to|of|had|has|have|been|already)\s+){1,3}$",
    re.IGNORECASE,
)
#: Classes of counted people a noun-less figure can inherit from the figure before it.
_PEOPLE_CLASSES = frozenset(("personnel", "civilian", "people"))
#: "380 were government soldiers": a part of a whole counted before, named by its own noun.
_SUBSET_VERB = re.compile(r"\s+(?:were|was|are)\s+(?:all\s+)?", re.IGNORECASE)
_OTHERS_AFTER = re.compile(r"\s+others", re.IGNORECASE)
_TAKEN_PRISONER = re.compile(
    r"[\"”]?\s+(?:as\s+)?prisoners?\b(?!\s+(?:swap|exchange|release))", re.IGNORECASE
)
#: A figure after one of these words compares with or continues the figure before it.
_COMPARE_BEFORE = re.compile(
    r"\b(?:and|or|against|versus|vs\.|compared\s+(?:with|to)|up\s+from|down\s+from|revised\s+from|"
    r"only\s+to\s+the|than)\s+[\"“]?$",
    re.IGNORECASE,
)
_COORD_AFTER = re.compile(
    r"[\"”]?\s*(?:[,.;:)]|$|(?:in|on|since|over|during|by|at|for|across|along|recorded|reported|"
    r"a\s+day|per\s+day|so\s+far|to\s+date|overall|earlier|previously)\b)",
    re.IGNORECASE,
)
#: How far back (characters) a tally word may govern a bare figure ("the total number of Russian
#: personnel losses since Feb. 24, 2022 had reached 487,900").
TALLY_REACH = 160


def _subset_figure(text: str, tok: NumberToken, sent: Sentence, lex: Lexicon) -> _Figure | None:
    """ "Of the dead, 380 were government soldiers and 138 were civilians": the noun after "were"
    says what the part counts."""
    verb = _SUBSET_VERB.match(text, tok.end, sent.end)
    if verb is None:
        return None
    m = _match_noun(lex, text, verb.end(), sent.end)
    if m is None:
        return None
    _noun, cls, side_hint = _noun_class(lex, m)
    if cls not in _PEOPLE_CLASSES:
        return None
    return _Figure(tok, sent, m.end(), cls, side_hint, False)


def _noun_class(lex: Lexicon, m: re.Match[str]) -> tuple[str, str, str | None]:
    """The counted noun after a figure, what it counts, and the side its plural or modifiers name."""
    noun = re.sub(r"\s+", " ", m.group("noun").lower())
    cls = NOUNS.get(noun)
    side_hint = None
    if cls is None:
        side_hint, military = lex.plurals[noun]
        cls = "personnel" if military else "civilian"
    for sm in lex.side_re.finditer(m.group("mods") or ""):
        side_hint = side_hint or lex.side_of(sm.group("w"))
    return noun, cls, side_hint


def _inherit(prev: _Figure, tok: NumberToken, sent: Sentence, end: int | None = None) -> _Figure:
    """A figure that counts what the figure before it counted ("up from 1,200", "23 of which")."""
    return _Figure(tok, sent, tok.end if end is None else end, prev.cls, prev.side_hint, prev.enemy)


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
    kind = "day" if day else "cumulative"
    if not tables.loss_row(cls, kind, tok.value):
        return None
    return _Figure(tok, sent, tok.end, cls, None, True, table=kind)


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
    if fwd and (not governs_next or not text[fig.noun_end : fwd.start()].strip()):
        # a word right after the figure is its own ("five wounded, two of them seriously")
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
#: "Among the dead were two children", "17,000 of the dead": a part of the toll just given, of its period.
_SUBSET_OF_LAST = re.compile(
    r"\bamong\s+(?:the\s+)?(?:dead|killed|victims|wounded|injured|casualties|them)\b|\bof\s+(?:the\s+dead|them)\b",
    re.IGNORECASE,
)
_TOLL_BEFORE = re.compile(r"\btoll\b", re.IGNORECASE)


#: The later items of a list of counted things ("..., 26 armoured vehicles and 41 artillery systems").
_LIST_RUN = re.compile(r"(?:\s*(?:,\s*(?:and\s+)?|\s+and\s+)\d[\d,.]*(?:\s+(?!and\b)[a-z][\w'’-]*){1,4})+")


#: A word that makes a noun-less toll count troops even after civilian claims ("30 of the soldiers' dead").
_MILITARY_WORD = re.compile(
    r"\b(?:troops|soldiers|servicemen|army|military|militants|fighters|forces|personnel|combatants)\b",
    re.IGNORECASE,
)
#: A toll whose owner is an armed force ("the army's death toll", "the military's losses").
_MILITARY_TOLL = re.compile(
    r"\b(?:army|military|armed\s+forces)['’]s?\s+(?:death\s+)?(?:toll|dead|losses)\b", re.IGNORECASE
)


def _noun_less(fig: _Figure) -> bool:
    """A figure with no counted noun of its own ("the toll rose to 34", "four dead"): its category comes
    from the story around it."""
    return (
        fig.cls == "bare" or fig.cls.startswith("outcome:") and "+" not in fig.cls and fig.side_hint is None
    )


def _governing_verb(low: str, fig: _Figure) -> re.Match[str] | None:
    """The nearest loss / killing / non-loss verb before the figure in its sentence, else just after it
    (`low`: the document, `lowered`)."""
    lo = max(fig.sent.start, fig.tok.start - VERB_WINDOW)
    # a verb right after a figure modifies its noun ("73 field artillery guns"): it governs nothing
    found = [
        v
        for v in _VERB_RE.finditer(low, lo, fig.tok.start)
        if not low[v.start() - 2 : v.start() - 1].isdigit()
    ]
    if found:
        return found[-1]
    # "14 tanks, 26 armoured vehicles and 41 artillery systems destroyed": the verb after the list
    run = _LIST_RUN.match(low, fig.noun_end, fig.sent.end)
    reach = (run.end() if run else fig.noun_end) + 60
    return _VERB_RE.search(low, fig.noun_end, min(fig.sent.end, reach))


def _category(fig: _Figure, outcome: str | None, sentence: str) -> str | None:
    """The claim category from what is counted and what happened to it."""
    cls = fig.cls
    if cls in EQUIPMENT or cls == "other":
        return cls
    if cls.startswith("outcome:"):
        outcome, _, civ = cls[len("outcome:") :].partition("+")
        if civ:
            cls = "civilian" if civ == "civilian" else "personnel"
        else:
            cls = "bare" if fig.side_hint is None else "personnel"
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


def _find_place(
    lex: Lexicon, s: str, attack_after: re.Pattern[str] = _ATTACK_AFTER
) -> tuple[str | None, str | None]:
    place = attacker = None
    for _start, end, side, locative in _side_mentions(lex, s):
        if attack_after.match(s, end):
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
    window = s[max(0, rel - _OWN_REACH) : rel]
    if not civilian and ("'s " in window or "’s " in window):
        own = _own_side(lex, s, rel)
        if own is not None:  # "Ukraine's own side: 43,000 soldiers killed", "Russia's killed ... would pass"
            return own
    if (
        verb is not None
        and verb.start() < fig.tok.start
        and _CLAUSE_BREAK.search(text, verb.end(), fig.tok.start)
    ):
        verb = None  # the verb belongs to an earlier clause
    if fig.owner is not None:
        owner = _owner(lex, s, fig, verb, claimant_side)
        if owner is not None:
            return owner
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
    if (
        fig.cls in EQUIPMENT
        and verb is not None
        and verb.start() > fig.noun_end
        and verb.group("kill")
        and claimant_side
        and attacker is None
        and _PASSIVE_MARK.search(text, max(fig.sent.start, verb.start() - 20), verb.start())
    ):  # "the General Staff said nine tanks ... had been destroyed": the claimant's enemy lost them
        return lex.enemy_of(claimant_side)
    if verb is not None and verb.start() < fig.tok.start:
        vrel = verb.start() - fig.sent.start
        actor = _actor_before(lex, s, vrel, claimant_side)
        if (
            verb.group("kill")
            and s[:vrel].rstrip().endswith(",")
            and s[vrel : verb.end() - fig.sent.start].endswith("ing")
        ):
            actor = _main_actor(lex, s, vrel, claimant_side) or actor  # "X repelled a Y attack, killing 40"
        passive = _PASSIVE_MARK.search(s, max(0, vrel - 20), vrel)
        if actor and verb.group("loss") and _INFLICTED.search(s, max(0, vrel - 20), vrel):
            return lex.enemy_of(actor)  # "the Yug group had inflicted losses of up to 390 troops"
        if actor and (verb.group("loss") or passive):
            if not (civilian and _weapon_of(lex, s, vrel, actor)):
                return actor
            attacker = actor  # "As a result of Russian aggression, two people were killed"
        elif verb.group("kill") and actor:
            attacker = actor
    if civilian:
        scene = _scene_after(lex, s, rel)
        if scene or place:
            return scene or place
        if attacker and claimant_side and claimant_side in lex.sides[attacker].enemies:
            return claimant_side  # a ministry of the side under attack counting its dead
        return (
            lex.civilians_hit_by(attacker)
            or _nearest_side(lex, s, rel)
            or _paragraph_scene(lex, text, fig.sent.start)
            or _same_para(prev, fig)
            or _memo("scene", "", lambda: _document_scene(lex, text))
        )
    if attacker:
        if _victims_named(lex, s, attacker, verb.start() - fig.sent.start if verb is not None else 0):
            return attacker  # fighting within one side: "Wagner forces shot down ..., Russian pilots killed"
        return lex.enemy_of(attacker)
    army = _army_of_claim(lex, text, s, fig, rel, claimant_side)
    return army or _nearest_side(lex, s, rel) or _same_para(prev, fig)


#: How far before a figure a side's possessive loss word may name whose the figure is.
_OWN_REACH = 60
#: A side's possessive with a loss word or "own" as its head: "Ukraine's own side:", "Russia's killed".
_OWN_HEAD = re.compile(
    r"(?P<w>[A-Z][\w-]+)['’]s\s+(?:own\b|killed|dead|wounded|missing|losses|casualties|toll)", re.IGNORECASE
)
#: "inflicted losses of 390": the actor caused the losses; they are the enemy's.
_INFLICTED = re.compile(r"\binflict(?:ed|ing|s)?\s+(?:heavy\s+|major\s+)?$", re.IGNORECASE)


def _own_side(lex: Lexicon, s: str, rel: int) -> str | None:
    """The side named by the last possessive loss head before offset `rel` when no other side word,
    clause break or figure comes between ("Ukraine's own side: 43,000 soldiers killed")."""
    lo = max(0, rel - _OWN_REACH)
    heads = list(_OWN_HEAD.finditer(s, lo, rel))
    if not heads:
        return None
    last = heads[-1]
    side = lex.side_of(last.group("w"))
    gap = s[last.end() : rel]
    if side is None or _CLAUSE_BREAK.search(gap) or any(c.isdigit() for c in gap):
        return None
    if any(lo <= m[0] and m[0] >= last.end() for m in _side_mentions(lex, s) if m[0] < rel):
        return None
    return side


#: Nouns for a state's soldiers (an armed group's members are "fighters", "militants").
_ARMY_NOUN = re.compile(
    r"\b(?:soldiers?|troops|servicem[ae]n|service\s+members|servicemembers)\b", re.IGNORECASE
)


def _army_of_claim(
    lex: Lexicon, text: str, s: str, fig: _Figure, rel: int, claimant_side: str | None
) -> str | None:
    """Whose "soldiers" a claim counts when no side but the claimant's own is named before the figure
    and the soldiers are the subject of a passive:
    a state's military counting soldiers counts its own ("The military said 190 soldiers had been
    killed"); an armed group counts its enemy's ("ISWAP claimed 30 soldiers were killed")."""
    if claimant_side is None or fig.cls != "personnel" or "enemy" in s:
        return None  # "inflicted losses of up to 2,000 servicemen on the enemy"
    if not _ARMY_NOUN.search(text, fig.tok.end, fig.noun_end) or not _VICTIM_AFTER.match(text, fig.noun_end):
        return None  # only the subject of a passive ("190 soldiers had been killed"), not "losses of 470 soldiers"
    if any(m[2] != claimant_side for m in _side_mentions(lex, s) if m[1] <= rel and not m[3]):
        return None
    side = lex.sides.get(claimant_side)
    armed_group = side is not None and side.population not in (None, side.name)
    return lex.enemy_of(claimant_side) if armed_group else claimant_side


#: A weapon or an attack after a side word: the side is the attacker ("a Russian guided bomb").
_WEAPON_AFTER = re.compile(
    r"\s*(?:[\w-]+\s+){0,2}?(?:aggression|strikes?|airstrikes?|attacks?|shelling|bombs?|shells?|rockets?|"
    r"missiles?|drones?|fire|bombardment|offensive|raids?|operations?)\b",
    re.IGNORECASE,
)


def _weapon_of(lex: Lexicon, s: str, at: int, side: str) -> bool:
    """Whether the last mention of `side` before offset `at` names its weapon or attack, not its people."""
    ends = [end for start, end, named, _loc in _side_mentions(lex, s) if named == side and start < at]
    return bool(ends) and _WEAPON_AFTER.match(s, ends[-1]) is not None


#: How far after a civilian figure a place still says where its dead were ("600 people in Lebanon").
SCENE_REACH = 60


def _scene_after(lex: Lexicon, s: str, rel: int) -> str | None:
    """The place named just after a civilian figure ("killed more than 600 people in Lebanon", "45
    civilians were killed by Hezbollah fire in northern Israel"): nearer the dead than a place named
    earlier in the sentence ("began firing at Israel"); "in Israeli strikes" is an attacker."""
    for start, end, side, locative in _side_mentions(lex, s):
        if rel < start <= rel + SCENE_REACH and locative and not _ATTACK_AFTER.match(s, end):
            return side
    return None


def _main_actor(lex: Lexicon, s: str, at: int, claimant_side: str | None) -> str | None:
    """The actor of a sentence's main clause, for a participle after a comma (", killing 40"): the first
    side before offset `at` that is neither a place nor a counted object, or a pronoun for the claimant."""
    for start, _end, side, locative in _side_mentions(lex, s):
        if start >= at:
            break
        if not locative and not _OBJECT_OF_COUNT.search(s, max(0, start - 30), start):
            pronoun = _OWN_ACTOR.search(s, 0, start) if claimant_side else None
            return claimant_side if pronoun else side
    pronoun = _OWN_ACTOR.search(s, 0, at) if claimant_side else None
    return claimant_side if pronoun else None


def _owner(
    lex: Lexicon, s: str, fig: _Figure, verb: re.Match[str] | None, claimant_side: str | None
) -> str | None:
    """Whose the counted are when a possessive says so: "our" is the speaker's (the claimant's side);
    "its"/"their" the nearest side acting before the figure, else the claimant's ("It said 189 of its
    soldiers were among the dead"). After an active killing verb ("destroyed four of their vehicles")
    the possessor is the one hit, which the actor rule finds: None."""
    if fig.owner == "speaker":
        return claimant_side
    if verb is not None and verb.group("kill") and verb.start() < fig.tok.start:
        vrel = verb.start() - fig.sent.start
        if not _PASSIVE_MARK.search(s, max(0, vrel - 20), vrel):
            return None
    return _actor_before(lex, s, fig.tok.start - fig.sent.start, claimant_side) or claimant_side


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


#: A place word before a side word: the side is where the story happens ("in Kupiansk district").
_SCENE_BEFORE = re.compile(
    r"\b(?:in|inside|across|near|around|(?:city|town|village|region|province|state|district|area)\s+of)"
    r"\s+(?:the\s+)?(?:northern\s+|southern\s+|eastern\s+|western\s+|central\s+)?$",
    re.IGNORECASE,
)


def _paragraph_scene(lex: Lexicon, text: str, at: int) -> str | None:
    """Whose civilians a toll with no side in its sentence counts, from its paragraph so far: the place
    named ("in the Sumy region, a bomb hit ... Two residents were killed"), else the population the
    attacker named hits ("a Russian guided aerial bomb")."""
    para = text[text.rfind("\n\n", 0, at) + 1 : at]
    if not para.strip():
        return None
    # "in Israel's military offensive": the attacker
    place, attacker = _find_place(lex, para, _WEAPON_AFTER)
    return place or lex.civilians_hit_by(attacker)


def _document_scene(lex: Lexicon, text: str) -> str | None:
    """The population whose places the document names most ("in Kharkiv", "in the Catatumbo region of
    Colombia"): whose civilians a toll is when its sentence and paragraph name no side ("Final figures:
    2 dead, 38 injured"). Read only for such tolls, once per document."""
    counts: dict[str, int] = {}
    for m in lex.side_re.finditer(text):
        if _SCENE_BEFORE.search(text, max(0, m.start() - 24), m.start()) is None:
            continue
        side = lex.population_of(lex.side_of(m.group("w")))
        if side is not None:
            counts[side] = counts.get(side, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else None


#: A surname alone is looked up among the capitalised words this close before its earlier mention.
_TITLE_REACH = 40
_SURNAME = re.compile(r"[A-Z][a-z'’-]{2,}")


def _titled_earlier(text: str, at: int, found: Attribution, lex: Lexicon) -> Attribution:
    """A surname standing alone ("Fedorov said") takes the claimant of its earlier titled mention
    ("Governor Ivan Fedorov said"): a title maps to a body of the gazetteer, the surname does not."""
    name = found.claimant
    if _SURNAME.fullmatch(name) is None:
        return found
    i = text.rfind(name, 0, at)
    while i > 0:
        head = text[max(0, i - _TITLE_REACH) : i + len(name)]
        match = lex.claimant_re.search(head)
        if match is not None:
            canon, side = lex.canonical_claimant(match.group(0))
            return Attribution(canon, found.claimant_text, side, found.via)
        i = text.rfind(name, 0, i)
    return found


def _war_start(lex: Lexicon, subject: str | None) -> date | None:
    side = lex.sides.get(subject or "")
    return side.war_start if side else None


def extract_claims(text: str, published: date | None) -> list[Claim]:
    """Every claim in `text`, merged per figure, in order of first body mention."""
    low = lowered(text)
    tokens = scan(text) + _individuals(text, low)
    rows, blocks = tables.find_rows(text) if tables.may_hold_table(text) else ({}, {})
    if rows:
        tokens = _table_tokens(tokens, rows)
    if not tokens:
        return []
    tokens.sort(key=lambda t: t.start)
    _MEMO.table = {}
    set_document(text)
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
        fig = _classify(text, tok, sentences[i], lex, prev, rows)
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
        cands = _memo("cands", s, partial(candidates, s))
        if (
            k > 0
            and attr_cache[k - 1][0] is None
            and not sentences[k - 1].display
            and needs_antecedent(cands)
        ):
            # "... according to U.S. officials. | Casualties are approaching 300,000, the officials said.":
            # the sentence before was skipped (no figure), but it names who "the officials" are.
            before = sentences[k - 1].text
            last_attr = (
                attribution(before, lex, last_attr, _memo("cands", before, partial(candidates, before)))
                or last_attr
            )
        found = attribution(s, lex, last_attr, cands, context)
        if found is not None and found.side is None and found.claimant == found.claimant_text:
            found = _titled_earlier(text, sent.start, found, lex)
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
        if fig.table is not None and attr is None and fig.tok.num_start in blocks:
            attr = _heading_attribution(text, blocks[fig.tok.num_start], fig.tok.start, lex)
        nxt = figures[n + 1].tok.start if n + 1 < len(figures) else len(text)
        prv = figures[n - 1].noun_end if n > 0 else 0
        sentence = fig.sent.text
        if _memo("retracted", sentence, partial(_retracted, sentence)):
            continue
        outcome = _outcome(text, fig, nxt, prv) if fig.cls not in EQUIPMENT else None
        verb = _governing_verb(low, fig)
        if outcome is None and fig.cls == "personnel" and _tally_personnel(text, low, fig, verb):
            outcome = "casualties"  # "the tally rose by 21,340 personnel": a loss count's personnel are its casualties
            if fig.side_hint is None and attr is not None and attr.side is not None:
                fig.enemy = True  # like a bulletin's personnel row: the losses of the claimant's enemy
        elif (
            fig.cls in EQUIPMENT
            and fig.noun_end > fig.tok.end
            and verb is None
            and fig.side_hint is None
            and attr is not None
            and attr.side
        ):
            fig.enemy = (
                True  # "the count rose by ... 47 tanks, Ukraine's General Staff said": a bulletin's row
            )
        if fig.table is not None:
            outcome = "casualties"  # the bulletin's personnel row counts killed, wounded and captured
        elif _not_a_loss(text, fig, verb, outcome):
            continue
        category = _category(fig, outcome, sentence)
        if category is None:
            continue
        prev_claim = claims[-1][0] if claims else None
        if (
            category in ("personnel_killed", "personnel_wounded")
            and _noun_less(fig)
            and prev_claim is not None
            and prev_claim.category.startswith("civilians_")
            and (sentences[claims[-1][1]].para == fig.sent.para or not _MILITARY_WORD.search(sentence))
        ):  # a bare figure in a story about civilians counts them too ("the true toll could be 100")
            category = "civilians_" + category.split("_", 1)[1]
        elif category.startswith("civilians_") and _noun_less(fig) and _MILITARY_TOLL.search(sentence):
            category = "personnel_" + category.split("_", 1)[1]  # "the army's death toll ... to 137"
        subject = _subject(text, fig, verb, lex, attr, category, prev_claim)
        if category.startswith("civilians_"):
            subject = lex.population_of(subject)  # civilians are their country's, whoever's area they were in
        report = said_on or published
        if fig.table == "day":
            period = Period(kind="day", start=report, end=report)
        elif fig.table == "cumulative":
            period = Period(kind="cumulative", start=_war_start(lex, subject), end=report)
        else:
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
            if period.kind in ("event", "cumulative") and not _memo(
                "stated", sentence, partial(periods.stated, cues, sentence, published)
            ):
                # "He said Russia had also lost 200 tanks": the period of the report it continues
                claimant = attr.claimant if attr else None
                period = (
                    _carried_period(claims, sentences, k, claimant, period)
                    or _frame_period(sentences, k, claimant, attr_cache, published)
                    or period
                )
            elif period.kind == "span" and claims and periods.ANAPHORIC_SPAN.search(lowered(sentence)):
                last, lk, disp = claims[-1]  # "during the year", after "In 2025, ...": that year
                if last.period.kind == "span" and last.period.start and not disp and _near(sentences, lk, k):
                    period = last.period
        if period.kind == "same":  # "over the same period", "in that time": the last period named
            named = [
                c.period
                for c, _, _ in claims
                if c.period.kind in ("day", "span")
                or c.period.kind == "cumulative"
                and c.period.start not in (None, _war_start(lex, c.subject))
            ]
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


def _table_tokens(tokens: list[NumberToken], rows: dict[int, tables.Row]) -> list[NumberToken]:
    """Tokens with each table row's figure read as the row says (its qualifier, its "a/b" halves)."""
    kept = [t for t in tokens if t.num_start not in rows]
    for r in rows.values():
        kept.append(NumberToken(r.value, None, r.qualifier, r.span_start, r.end, r.start, False))
    return kept  # the caller sorts


def _heading_attribution(text: str, block_start: int, first_row: int, lex: Lexicon) -> Attribution | None:
    """The claimant a table's heading names ("Ministry of Defence of Ukraine" above the rows)."""
    heading = tables.heading_before(text, block_start, first_row)
    found = list(lex.claimant_re.finditer(heading))
    return headline_attribution(found[-1].group(0), lex) if found else None


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
            tally = _TALLY_BEFORE.search(text, fig.sent.start, fig.tok.start) is not None or _loss_framed(
                text
            )
            return not tally or bool(owned)
        return verb.group("non") is not None or bool(relative) or bool(owned)
    if _NONLOSS_AFTER.match(text, fig.noun_end, fig.sent.end):
        return True  # "121,000 people have been evacuated", "2,000 soldiers were released"
    if fig.cls == "prisoners":
        return verb is not None and verb.group("non") is not None
    if verb is not None and nonloss_before and not text[verb.end() : fig.tok.start].strip():
        # "killed 135 gunmen and arrested 1,700 people": the verb right before the figure is its own
        return fig.cls in _PEOPLE_CLASSES and not _BARE_AFTER.match(text, fig.noun_end, fig.sent.end)
    return fig.cls in ("personnel", "people") and nonloss_before and outcome is None


#: Words that make a document or sentence a count of losses ("Russia's equipment losses rose").
_LOSS_FRAME = re.compile(r"\b(?:loss(?:es)?|lost|tally|tallies|casualties|toll)\b")
#: How much of a document's opening (headline and first paragraph) frames every count in it as losses.
FRAME_REACH = 400


def _tally_personnel(text: str, low: str, fig: _Figure, verb: re.Match[str] | None) -> bool:
    """Whether "N personnel" with no outcome word counts losses: the bare word of the daily loss bulletins,
    in a sentence or a document opening about losses, with no verb of deploying or sending before it."""
    if not low.endswith("personnel", fig.tok.end, fig.noun_end):
        return False
    if verb is not None and verb.group("non") is not None:
        return False
    return _LOSS_FRAME.search(low, fig.sent.start, fig.sent.end) is not None or _loss_framed(text)


def _loss_framed(text: str) -> bool:
    """Whether the document's opening (headline, first paragraph) says it counts losses; once per document."""
    return _memo("frame", "", lambda: _LOSS_FRAME.search(lowered(text[:FRAME_REACH])) is not None)


def _near(sentences: list[Sentence], earlier: int, k: int) -> bool:
    """Whether sentence `earlier` is in sentence `k`'s report: before it, in its paragraph or just before it."""
    return earlier < k and (sentences[earlier].para == sentences[k].para or earlier == k - 1)


def _carried_period(
    claims: list[tuple[Claim, int, bool]],
    sentences: list[Sentence],
    k: int,
    claimant: str | None,
    period: Period,
) -> Period | None:
    """The period of the previous claim, for a figure whose sentence states none: a span or running
    total when the same claimant goes on or the sentence continues ("also"); a day's tally or a dated
    event only for the same claimant, and never for a toll (`period` cumulative: a toll is not a day's);
    any period for a part of the figure before it ("among the dead were 7 children")."""
    if not claims:
        return None
    last, lk, disp = claims[-1]
    if disp or not (lk == k or _near(sentences, lk, k)):
        return None
    same = last.claimant == claimant
    kind = last.period.kind
    text = sentences[k].text  # per-sentence facts, memoised: this runs for every figure of the sentence
    if kind in ("span", "cumulative") and (
        same or _memo("continues", text, lambda: _CONTINUES.search(text) is not None)
    ):
        return last.period
    if _memo("subset", text, lambda: _SUBSET_OF_LAST.search(text) is not None):
        return last.period  # whoever says it, a part shares its whole's period
    toll = period.kind == "cumulative"
    if same and not toll and (kind == "day" or kind == "event" and last.period.start is not None):
        return last.period
    return None


def _frame_period(
    sentences: list[Sentence],
    k: int,
    claimant: str | None,
    cache: dict[int, tuple[Attribution | None, date | None]],
    published: date | None,
) -> Period | None:
    """A dated span or day the previous sentence of the paragraph named without a figure of its own
    ("carried out 350 strikes over 48 hours. ... its strikes had destroyed 15 vessels")."""
    j = k - 1
    if j < 0 or sentences[j].para != sentences[k].para or sentences[j].display:
        return None
    frame_attr = cache[j][0]
    if frame_attr is not None and frame_attr.claimant != claimant:
        return None
    text = sentences[j].text
    cues = _memo("cues", text, partial(periods.cue_matches, text))
    if not cues:
        return None
    end = len(text)
    found = periods.resolve(cues, text, end, end, published, cache[j][1], None)
    return found if found.kind in ("span", "day") and found.end is not None else None


#: What happened to the people counted, said right after them, is not a loss.
_NONLOSS_AFTER = re.compile(
    r"[\"”]?\s+(?:fled\b|(?:(?:all|now|reportedly)\s+)?(?:have|has|had|were|was|are|is|being)\s+"
    r"(?:(?:been|since|now|all)\s+)*(?:\w+ly\s+)?"
    r"(?:evacuated|displaced|fled|hospitali[sz]ed|rescued|relocated|resettled|left\s+homeless|"
    r"made\s+homeless|released|freed|exchanged|swapped|returned|repatriated|mobili[sz]ed|deployed|"
    r"recruited|treated|sheltering|missing|referred|arrested|detained|listed\s+as\s+missing)|"
    r"of\s+them\s+(?:were\s+|are\s+)?(?:hospitali[sz]ed|referred|treated|in\s+hospital))\b",
    re.IGNORECASE,
)
#: An outlet correcting itself: the figure it printed before is withdrawn, not claimed.
_RETRACTED = re.compile(
    r"\b(?:an?\s+)?(?:earlier|previous)\s+version\s+of\s+this\s+(?:article|story|report|piece|post)|"
    r"\b(?:incorrectly|wrongly|mistakenly|erroneously)\s+(?:said|stated|reported|gave|put)|\bmisstated\b",
    re.IGNORECASE,
)
_RETRACTED_HINTS = ("version of this", "incorrectly", "wrongly", "mistakenly", "erroneously", "misstated")


def _retracted(sentence: str) -> bool:
    """A correction notice's sentence quoting the outlet's own earlier error."""
    low = sentence.lower()
    return any(h in low for h in _RETRACTED_HINTS) and _RETRACTED.search(sentence) is not None


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
