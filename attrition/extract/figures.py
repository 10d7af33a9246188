"""What a figure counts (step 1 of the grammar in `grammar`): the noun right after it ("17 tanks",
"300,000 of Moscow's troops"), an outcome word beside a bare figure ("killing 12", "12 were wounded"),
a figure that continues the one before ("and 511 wounded", "up from 1,200"), a subset ("of which 2,255
destroyed"), a loss-table row; and the figures that count nothing this grammar records (years, money,
distances, unit numbers, proportions).

`_Figure` carries what is decided about one figure from classification to the claim; `_memo` keeps
per-sentence work for the document being read (reset by `grammar.extract_claims`).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from attrition.extract import periods, tables
from attrition.extract.lexicon import IGNORECASE_EXTRAS, WORD_START, Lexicon, alternation
from attrition.extract.numbers import NumberToken
from attrition.extract.scanning import contains_any
from attrition.extract.sentences import BULLETIN_LINE, LIST_ITEM, Sentence
from attrition.extract.vocabulary import (
    EQUIPMENT,
    MODIFIER,
    MODIFIER_WORDS,
    NOUNS,
    OUTCOMES,
    TABLE_LABELS,
    one_spaced,
)

_OUTCOME_RE = re.compile(
    WORD_START + r"\b(?:" + alternation(OUTCOMES) + r")\b",
    re.IGNORECASE,
)
_AFTER_SIDE = re.compile(r"\s+(?:from|of|among|belonging\s+to)\s+", re.IGNORECASE)
_N_OF_THE_M = re.compile(r"\s+of\s+(?:the|its|their|these|those)\s+[\d,]+", re.IGNORECASE)
_INHERIT_OK = re.compile(
    r"^\s*(?:[,.;:)]|were|was|of|had|have|are|is|more|others|in|on|at|near|along|around|over|during|since|\Z)",
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
    # a model whose name ends in a numeral: "six Leopard 2 tanks", "Challenger 2"
    + ("leopard", "challenger")
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
    if last == "number" and stripped.lower().endswith(_NUMBER_AS_VERB):
        return False  # "likely to number around 750,000", "the dead could number 25": the verb
    if last in ("of", "or"):
        near = stripped[-GROUP_REACH:].lower()
        if contains_any(near, _GROUP_WORDS) and _GROUP_OF.search(near):
            return True  # "small assault groups, often of five or six men": a group's size, not a loss
    if " age" in stripped and _AGE_OF.search(stripped, max(0, len(stripped) - AGE_REACH)):
        return True  # "the average age of the dead has risen to 38"
    if last in ("and", "or", "to") and "age" in stripped and _SECOND_AGE.search(stripped):
        return True  # "aged 20 and 26": the second is an age too
    return last in _LABEL_WORDS


#: How far before a figure a group word may stand ("groups, often of five or").
GROUP_REACH = 50
#: What every word of `_GROUP_OF` holds: a cheap test before the search.
_GROUP_WORDS = ("group", "team", "squad", "column", "wave", "batch", "convoy", "unit")
#: "groups of", "groups, often of five or": the size of a group, a convoy, a wave.
_GROUP_OF = re.compile(
    r"\b(?:groups?|teams?|squads?|columns?|waves?|batches|convoys?|units?)\b[^.;]{0,20}?\bof"
    r"(?:\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+or)?$",
    re.IGNORECASE,
)
#: "the average age of the dead has risen to": an age, however it is introduced.
_AGE_OF = re.compile(
    r"\b(?:average|median|mean)\s+age\b[^.;\d]*?\b(?:to|at|of|is|was|stood\s+at|rose\s+to)$", re.IGNORECASE
)
#: How far before a figure "average age" may stand.
AGE_REACH = 60
#: "aged 20 and", "ages 18 to": a second age follows.
_SECOND_AGE = re.compile(r"\b(?:aged|ages)\s+\d{1,3}\s+(?:and|or|to)$", re.IGNORECASE)
#: Words before "number" that make it a verb, not a label ("number 5").
_NUMBER_AS_VERB = tuple(
    f" {w} number" for w in ("to", "could", "would", "may", "might", "will", "now", "already")
)
#: The head of a proportion whose second figure is a denominator, not a count.
_PROPORTION_HEAD = (" one in", " one out of", " 1 in", " 1 out of")
_MONTH_AFTER = re.compile(r"^\s+(?:" + alternation(periods.MONTHS) + r")\b", re.IGNORECASE)
_BARE_BEFORE = re.compile(
    r"\b(?:killing|killed|wounding|wounded|injuring|injured|capturing|captured|toll\s+(?:of|at|to|has\s+risen\s+to|"
    r"rose\s+to|reached|stands\s+at|stood\s+at|climbed\s+to|is|was)|losses\s+(?:of|at|to|reached|amounted\s+to|"
    r"stood\s+at|totall?ed)|died|dead|by|injuries\s+to|deaths\s+of)\s+$"
    r"|\b(?:total|toll|tally|number|figure|count|losses|casualties|rate|dead|deaths|fatalities|estimate)s?\b"
    r"(?:[^.;:]|\.(?=\s+[a-z\d])){0,150}?\b(?:to|at|of|reached|hit|"
    r"exceeded|exceeds?|passed|passes|topped|tops|reaches|surpassed|stands\s+at|stood\s+at|be|is|are|was|were|"
    r"numbered|number|would|will|could|have|has|had)\s+$"
    # "with some estimates putting the toll as high as 150,000"
    r"|\b(?:put|puts|putting|placed|placing)\s+(?:the|its|their)\s+(?:death\s+)?(?:toll|number|figure|count)\s+$"
    # "put Russia's combined killed and wounded at about 950,000"
    r"|\b(?:killed|wounded|dead)(?:\s+and\s+(?:wounded|injured|missing))?\s+at\s+$"
    # an appositive after the counted word: "heavy losses, possibly as many as 120,000"
    r"|\b(?:losses|casualties|toll|dead|killed|wounded)\s*,\s*(?:possibly|perhaps|probably|maybe|likely|reportedly)?\s*$"
    # "casualties were now \"well above one million\"", "killed, wounded and missing would pass one million"
    r"|\b(?:losses|casualties|toll|deaths|fatalities|dead|killed)\b[^.;:\d]{0,40}?\b(?:were|was|are|is|stood|stand)\s+now\s+[\"“]?(?:well\s+|far\s+)?$"
    r"|\b(?:killed|wounded|dead|missing)\s+(?:would|will|could|may|might)\s+$"
    # "Russian killed and wounded were likely to number approximately 465,000"
    r"|\b(?:killed|wounded|dead)\b[^.;:\d]{0,40}?\b(?:number|numbered|reached|passed|exceeded|topped)\s+$",
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
        "number",
        "might",
        "now",
        "well",
        "far",
    ),
    *("exceed", "exceeds", "tops", "passes", "reaches", "surpassed", "toll"),
)


#: Words (lower-case) one of which every match of `_BARE_BEFORE` holds, unless it ends with "by": its
#: backward search costs several microseconds, and most windows ending with "of", "to" or "is" hold none.
_BARE_WORDS = (
    *("kill", "wound", "injur", "captur", "died", "dead", "toll", "losses", "deaths", "total", "tally"),
    *("number", "figure", "count", "casualties", "rate", "fatalities", "estimate", "missing"),
)


_OPENING_QUOTES = ('"', "“")


def _bare_before(before: str) -> bool:
    """An outcome or total word right before a bare figure ("killing 12", "the toll rose to 34"); a quote
    mark opening the figure is read past ('put the number of Russian dead at "more than 7,000"')."""
    if before.endswith(_OPENING_QUOTES) and _bare_before(before[:-1]):
        return True
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
    r"^[\"”]?\s*(?:others\s+|more\s+)?(?:were|was|have\s+been|had\s+been|are|being|others)?\s*(?:killed|dead|died|wounded|"
    r"injured|captured|surrendered|taken\s+prisoner|hurt)\b",
    re.IGNORECASE,
)
_OF_WHICH_BEFORE = re.compile(r"\b(?:of\s+(?:which|them|those|these|whom)|including)\s*,?\s*$", re.IGNORECASE)
_OF_WHICH_AFTER = re.compile(r"^\s*of\s+(?:them|which|those|these)\b", re.IGNORECASE)
#: "1,500 of the 2,000 troops": the second figure is the whole the first is part of, not a claim.
_PART_OF = re.compile(r"[\d,.]+\s+of\s+(?:the|its|their|these|those)\s+$")
_T = TypeVar("_T")


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
    inherited: bool = False  # counts what the figure before it counted ("498 killed and 1,597 wounded")
    table: str | None = None  # a loss-table row: "cumulative" for the total, "day" for the "(+N)",


#: A possessive in a counted noun phrase ("189 of its soldiers", "our tanks"): whose the counted are.
_POSSESSIVE = re.compile(r"\b(?:our|my|its|their|his|her)\b")
_NOUN_RES: dict[int, tuple[re.Pattern[str], frozenset[str]]] = {}
#: The first run of letters after a figure (after an optional closing quote and spaces).
_FIRST_LETTERS = re.compile(r"[\"”’']?\s*[\"“]?([A-Za-z]+)(-?)")


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
                # a quote mark may close the figure or open the noun ('1,000 "terrorists"'), and two sides
                # may share the noun ("50 Hamas and Islamic Jihad gunmen")
                rf"[\"”’']?\s*(?P<mods>(?:{mod}\s+(?:and\s+(?=(?-i:[A-Z])))?){{0,4}}?)[\"“]?(?P<noun>{nouns})(?![\w-])",
                re.IGNORECASE,
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
    of_the = _OF_THE_NOUN.search(before) if _EQUIPMENT_FATE_AFTER.match(after) else None
    if of_the is not None and NOUNS.get(of_the.group("noun").lower()) in EQUIPMENT:
        # "Of the tanks, 52 were captured intact": the part counts the equipment named
        return _Figure(tok, sent, tok.end, NOUNS[of_the.group("noun").lower()], None, False)
    fighters = _DEAD_WERE_FIGHTERS.match(after) if after.startswith(" of ") else None
    if fighters is not None:
        # "Israel says more than 14,000 of the dead were fighters": the claimant's enemy's dead
        return _Figure(tok, sent, tok.end + fighters.end(), "outcome:killed", None, True)
    them = (
        _OF_THEM_AFTER.match(after)
        if after.startswith(" of them") and _VERB_JUST_BEFORE.search(before)
        else None
    )
    if them is not None:
        # "struck a deployment point of foreign mercenaries and killed up to 30 of them": the people or
        # equipment named before in the sentence
        named = [m for m in _COUNTED_WORD.finditer(before) if NOUNS.get(m.group(0).lower())]
        if named:
            return _Figure(tok, sent, tok.end + them.end(), NOUNS[named[-1].group(0).lower()], None, False)
    raised = (
        _RAISED_TO.search(text, max(sent.start, tok.start - RAISED_REACH), tok.start)
        if prev is not None and before.endswith(_RAISED_LAST)
        else None
    )
    if (
        prev is not None
        and raised is not None
        and not after[:1].isalpha()
        and (raised.group("scope") is None or _CLAUSE_END.match(after))
    ):
        # "bringing to 19 the number of Reapers it has downed", "taking its count past 1.3 million",
        # "taking its total since February 2022 to 1,006,260.": the running total of what the figure
        # before counted (a total with a scope, only when no noun follows the figure)
        named_kind = _RAISED_KIND.search(raised.group(0))
        kind_class = NOUNS.get(named_kind.group("kind").lower() + "s", "") if named_kind is not None else ""
        if kind_class in EQUIPMENT:
            # "... and 42 artillery systems, bringing the tank count to 6,682": the kind the count names
            return _Figure(tok, sent, tok.end, kind_class, prev.side_hint, prev.enemy)
        return _inherit(prev, tok, sent)
    gapped = (
        _GAPPED.search(before, max(0, len(before) - GAPPED_REACH))
        if prev is not None and before.endswith(" ") and " and " in before[-GAPPED_REACH:]
        else None
    )
    if (
        gapped is not None
        and prev is not None
        and prev.sent is sent
        and (side := lex.side_of(gapped.group("w"))) is not None
        and _GAPPED_END.match(after)
    ):
        # "Malawi said three of its peacekeepers died, and Uruguay one": the figure before, for another side
        return _Figure(tok, sent, tok.end, prev.cls, side, False)
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
    if m and _MUNITION_AFTER.match(text, m.end(), sent.end):
        return None  # "intercepted four HIMARS rockets": munitions, not the launchers that fire them
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
    if (
        prev is not None
        and prev.cls in EQUIPMENT
        and (prev.sent is sent or _OF_THOSE_BEFORE.search(before))
        and (_EQUIPMENT_FATE_AFTER.match(after) or prev.sent is sent and _EQUIPMENT_FATE_LIST.match(after))
    ):  # "lost 2,900 tanks. Of those, 1,950 were destroyed outright, 140 damaged and 545 captured"
        return _inherit(prev, tok, sent)
    if (
        prev is not None
        and prev.cls in _PEOPLE_CLASSES
        and not after.strip(" .,;")
        and LIST_ITEM.match(text, text.rfind("\n", 0, tok.start) + 1)
        and LIST_ITEM.match(text, text.rfind("\n", 0, prev.tok.start) + 1)
    ):  # '- "Zapad" (West): over 1,510' after '- "Sever" (North): up to 1,790 servicemen': the same people
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
    of_at = (
        _OF_AT.search(before)
        if before.endswith(" at ")
        and text.find("losses", max(sent.start, tok.start - TALLY_REACH), tok.start) >= 0
        else None
    )
    if of_at is not None:
        # "puts Russia's losses of infantry fighting vehicles at 5,870 and of self-propelled artillery at
        # more than 880": the equipment named after "of"
        kind_words = of_at.group("what").lower().split()
        suffixes = (" ".join(kind_words[k:]) for k in range(len(kind_words)))
        of_kind = next((NOUNS[w] for w in suffixes if w in NOUNS), "")
        if of_kind in EQUIPMENT:
            return _Figure(tok, sent, tok.end, of_kind, None, False)
    if tok.value >= periods.TOTAL_SCALE and _LOST_BEFORE.search(before) and _CLAUSE_END.match(after):
        # "says Ukraine has lost upwards of 1.2 million.": a side's troops with the noun left out (only
        # totals this large go without their noun; "had lost 12," may count anything)
        return _Figure(tok, sent, tok.end, "outcome:casualties", None, False)
    wide = text[max(sent.start, tok.start - TALLY_REACH) : tok.start]
    if tok.qualifier in ("more_than", "almost") and (
        before.endswith(_TOLL_NOUNS) or _TOLL_AUXILIARY.search(before) is not None
    ):
        # "Russian casualties passed half a million", "losses topped 1,000", "casualties had probably
        # passed 850,000": the verb is the qualifier
        return _Figure(tok, sent, tok.end, "bare", None, False)
    if _PLACES_AFTER.match(after):
        return None  # "captured more than 100 military outposts": places taken, not people
    if before.rstrip().endswith("|") and _OUTCOME_CELL_BEFORE.search(before):
        # "Russia | killed | 110,000": a cell naming the outcome, then the figure's cell
        return _Figure(tok, sent, tok.end, "bare", None, False)
    if _bare_before(wide) or _BARE_AFTER.match(after) or _BARE_RATE_AFTER.match(after):
        counted = _counted_before(text, tok, sent, lex, wide)
        return counted or _Figure(tok, sent, tok.end, "bare", None, False)
    if text.endswith(_LEADER_ENDS, 0, tok.start):
        return _leader_row(text, tok, sent, lex)
    return None


#: A toll noun, then an auxiliary or an adverb, before a figure whose qualifier is its verb ("casualties
#: had probably passed 850,000", "losses have now topped").
_TOLL_AUXILIARY = re.compile(
    r"\b(?:casualties|losses|toll|deaths|fatalities|dead)\b(?:[^.;:\d]{0,45}?\s)?(?:(?:had|has|have|now|probably|"
    r"likely|already|just|reportedly)\s+){1,3}$",
    re.IGNORECASE,
)
#: A toll noun right before a figure whose qualifier is its verb ("casualties passed 500,000").
_TOLL_NOUNS = (
    "casualties ",
    "losses ",
    "toll ",
    "deaths ",
    "fatalities ",
    "dead ",
    "estimates ",
    "estimate ",
    "tally ",
)
#: A dotted leader between a row's label and its figure ("Killed in Lebanon, November ..... 1,012").
_LEADER = re.compile(r"(?:\.{3,}|…+)\s*$")
_LEADER_ENDS = (".", ". ", "…", "… ")


def _leader_row(text: str, tok: NumberToken, sent: Sentence, lex: Lexicon) -> _Figure | None:
    """A row of a dotted-leader box: the label on the figure's line says what it counts ("Israeli
    soldiers killed in Lebanon, November ......... 47"): the people it names, else a bare figure when
    the label names an outcome ("Killed in Lebanon, November"); the outcome is read from the label.
    The leader's dots may have ended a sentence, so the line is read from the text, not the sentence."""
    line_start = text.rfind("\n", 0, tok.start) + 1
    leader = _LEADER.search(text, line_start, tok.start)
    label = text[line_start : leader.start()] if leader else ""
    said = _OUTCOME_RE.search(label) if label else None
    if said is None:
        return None
    # the outcome travels in the class: the label sits in a sentence of its own before the figure's
    outcome = "outcome:" + OUTCOMES[one_spaced(said.group(0))]
    for m in _COUNTED_WORD.finditer(label):
        cls = NOUNS.get(m.group(0).lower())
        if cls in ("personnel", "civilian"):
            side = next((lex.side_of(w) for w in re.findall(r"[A-Z][\w-]+", label[: m.start()])), None)
            mark = "+civilian" if cls == "civilian" else "+military"
            return _Figure(tok, sent, tok.end, outcome + mark, side, False)
    return _Figure(tok, sent, tok.end, outcome, None, False)


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
    r"totaled|were|are|now|at|to|of|had|has|have|been|already)\s+){0,3}$",
    re.IGNORECASE,
)
#: "losses of infantry fighting vehicles at", "and of self-propelled artillery at": what a figure set
#: against a kind of equipment counts.
_OF_AT = re.compile(r"\bof\s+(?P<what>(?:[\w-]+\s+){0,3}?[\w-]+)\s+at\s+$", re.IGNORECASE)
#: Classes of counted people a noun-less figure can inherit from the figure before it.
_PEOPLE_CLASSES = frozenset(("personnel", "civilian", "people"))
#: "380 were government soldiers": a part of a whole counted before, named by its own noun.
_SUBSET_VERB = re.compile(r"\s+(?:were|was|are)\s+(?:all\s+)?", re.IGNORECASE)
_OTHERS_AFTER = re.compile(r"\s+others", re.IGNORECASE)
_TAKEN_PRISONER = re.compile(
    # "taken more than 800 soldiers and allied fighters prisoner": a second group taken with the first
    r"[\"”]?(?:\s+and\s+(?:[\w-]+\s+)?(?:fighters|militiamen|militia|soldiers|troops|officers|mercenaries))?"
    r"\s+(?:as\s+)?prisoners?\b(?!\s+(?:swap|exchange|release))",
    re.IGNORECASE,
)
#: A figure after one of these words compares with or continues the figure before it.
_COMPARE_BEFORE = re.compile(
    r"\b(?:and|or|against|versus|vs\.|compared\s+(?:with|to)|up\s+from|down\s+from|revised\s+from|"
    r"only\s+to\s+the|than|(?:raising|raised|lifting|revising)\s+(?:the|its)\s+(?:death\s+)?toll\s+from"
    r"(?:\s+the)?)\s+[\"“]?$",
    re.IGNORECASE,
)
_COORD_AFTER = re.compile(
    r"[\"”]?\s*(?:[,.;:)]|$|(?:in|on|since|over|during|by|at|for|across|along|recorded|reported|"
    r"a\s+day|per\s+day|so\s+far|to\s+date|overall|earlier|previously|"
    r"(?:he|she|it|they)\s+(?:had\s+)?(?:reported|given|gave|announced))\b)",
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


#: "Of those," opening a sentence about the things the previous figure counted.
_OF_THOSE_BEFORE = re.compile(
    r"(?:^|[.!?]\s+|\n)of\s+(?:those|these|them|which|the\s+total)\s*,?\s*$", re.IGNORECASE
)
#: "of them" after a figure with nothing counted after it.
_OF_THEM_AFTER = re.compile(
    r"\s+of\s+them\b(?=\s*(?:[,.;:)]|$|\s+(?:in|on|near|at|during|over|and|as|when)\b))"
)
#: A loss or kill verb right before a figure.
_VERB_JUST_BEFORE = re.compile(
    r"\b(?:killed|killing|destroyed|destroying|wounded|wounding|captured|capturing|lost|eliminated|"
    r"neutrali[sz]ed|shot\s+down|downed)\s+[\"“]?$",
    re.IGNORECASE,
)
#: A plural word that may be a counted noun (looked up in `NOUNS`).
_COUNTED_WORD = re.compile(r"\b[a-z][a-z-]{3,}s\b|\bmen\b|\bmilitiamen\b|\bgunmen\b|\bpersonnel\b")
#: "Of the tanks," before a part: what the part counts.
_OF_THE_NOUN = re.compile(r"\bof\s+the\s+(?P<noun>[a-z][a-z -]{2,40}?)\s*,\s*$", re.IGNORECASE)
#: Words raising a running total right before its new figure ("bringing to", "taking its count past").
_RAISED_TO = re.compile(
    r"\b(?:bringing|brought|brings|raising|raised|taking|took|pushing|pushed)\s+(?:(?:its|the|their|his|her)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:toll|count|tally|total|number)\s+(?P<scope>(?:of|since|for|in)\s+(?:[^,;.]|(?<=[A-Z][a-z]{2})\.){1,80}?\s+)?)?"
    r"(?:to|past|above|over)\s+$",
    re.IGNORECASE,
)
#: How far before a figure `_RAISED_TO` looks ("bringing the number of troops killed since the ground
#: offensive began on Oct. 27 to 251").
RAISED_REACH = 140
#: A kind of equipment named in a raised count ("bringing the tank count to"), in the singular.
_RAISED_KIND = re.compile(
    r"\b(?:its|the|their)\s+(?P<kind>[a-z]+)\s+(?:count|toll|tally|total)\b", re.IGNORECASE
)
#: A side named right before a figure that ends a list ("..., and Uruguay one"): the verb and the noun
#: of the figure before are left out.
_GAPPED = re.compile(r"(?:,\s*|\s)and\s+(?P<w>[A-Z][\w-]+)\s+$")
#: How far before a figure the "and <Side>" of a gapped list may start.
GAPPED_REACH = 40
#: What may follow such a figure: the end of its clause, or the left-out noun in the singular.
_GAPPED_END = re.compile(r"\s*(?:[.;,]|$)|\s+(?:peacekeeper|soldier|fighter|civilian|man)\b")
#: "of the dead were fighters" after a figure: the part of a toll the claimant counts as its enemy's
#: fighters.
_DEAD_WERE_FIGHTERS = re.compile(
    r"\s+of\s+(?:the|those)\s+(?:dead|killed)\s+(?:were|are|was)\s+(?:[a-z]+\s+)?"
    r"(?:militants|fighters|combatants|terrorists|gunmen|operatives)\b",
    re.IGNORECASE,
)
#: A table cell naming an outcome right before the figure's own cell ("Russia | killed | 110,000").
_OUTCOME_CELL_BEFORE = re.compile(r"\|\s*(?:" + alternation(OUTCOMES) + r")\s*\|\s*$", re.IGNORECASE)
#: Places and positions counted after a figure ("captured 40 positions", "100 military outposts"): never
#: a loss of people or equipment.
_PLACES_AFTER = re.compile(
    r"\s+(?:[a-z-]+\s+)?(?:outposts|posts|positions|villages|towns|settlements|bases|targets|sites|"
    r"localities|hamlets|checkpoints|strongholds|trenches|buildings|homes|houses|districts|bridgeheads)\b"
)
#: The words `_RAISED_TO` ends with: a `str.endswith` test before the regex (most figures have none).
_RAISED_LAST = (" to ", " past ", " above ", " over ")
#: What became of counted equipment, said right after a noun-less figure.
_EQUIPMENT_FATE_AFTER = re.compile(
    r"[\"”]?\s*(?:were|was|had\s+been|have\s+been)\s+(?:\w+ly\s+)?"
    r"(?:destroyed|captured|damaged|abandoned|lost|shot\s+down|sunk|disabled)\b",
    re.IGNORECASE,
)
#: The same fates listed on without "were" ("..., 140 damaged, 205 abandoned and 547 captured").
_EQUIPMENT_FATE_LIST = re.compile(
    r"\s+(?:destroyed|captured|damaged|abandoned|sunk|disabled)\b(?=\s*(?:[,;.]|and\b|by\b|$))", re.IGNORECASE
)
#: "has lost" right before a figure that ends its clause: the losses are people, the noun left out.
_LOST_BEFORE = re.compile(r"\b(?:has|have|had)\s+(?:now\s+|already\s+)?lost\s+$", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[\"”]?\s*(?:[.;]|,\s|$)")
#: A munition word right after a counted noun ("HIMARS rockets", "Grad missiles"): what was counted is
#: munitions, which are no loss.
_MUNITION_AFTER = re.compile(r"\s+(?:rockets|missiles|munitions|shells)\b", re.IGNORECASE)
#: "the number of" before the people a later bare figure counts.
_NUMBER_OF = re.compile(r"\bnumber\s+of\s+", re.IGNORECASE)


def _counted_before(text: str, tok: NumberToken, sent: Sentence, lex: Lexicon, wide: str) -> _Figure | None:
    """ "the number of Palestinians killed in the war has passed 40,000": the people named after
    "the number of" are what the bare figure counts (their class and side), not the figure's verb."""
    found = list(_NUMBER_OF.finditer(wide))
    if not found:
        return None
    at = tok.start - len(wide) + found[-1].end()
    m = _match_noun(lex, text, at, tok.start)
    if m is None or any(c.isdigit() for c in text[m.end() : tok.start]):
        return None
    _noun, cls, side_hint = _noun_class(lex, m)
    if cls not in _PEOPLE_CLASSES:
        return None
    return _Figure(tok, sent, tok.end, cls, side_hint, False)


def _noun_class(lex: Lexicon, m: re.Match[str]) -> tuple[str, str, str | None]:
    """The counted noun after a figure, what it counts, and the side its plural or modifiers name."""
    noun = one_spaced(m.group("noun"))
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
    return _Figure(
        tok, sent, tok.end if end is None else end, prev.cls, prev.side_hint, prev.enemy, inherited=True
    )


def _table_figure(text: str, tok: NumberToken, sent: Sentence) -> _Figure | None:
    """A figure in a loss-table row: the label says what it counts, its place says which period (the
    running total, or the day's change in brackets); the losses are the enemy's of the publisher."""
    row = BULLETIN_LINE.match(sent.text)
    if row is None:
        return None
    label = one_spaced(row.group("label").strip())
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
