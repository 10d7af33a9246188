"""Sentences and what a sentence says about its figures: who claims them, hedges, caveats.

A document is split into paragraphs (lines) and sentences once; only sentences holding a figure
are analysed further. Headlines, standfirst bullets and captions ("display" lines: no closing
punctuation, or bullets before the body) are marked so that their figures merge into the body's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from attrition.extract.lexicon import (
    IGNORECASE_EXTRAS,
    WORD_START,
    Lexicon,
    by_first_letter,
    lexicon,
    lowered,
)
from attrition.extract.scanning import contains_any

#: Words ending in "." that do not end a sentence.
ABBREVIATIONS = frozenset(
    [
        "u.s",
        "u.k",
        "u.n",
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "lt",
        "col",
        "maj",
        "sgt",
        "capt",
        "adm",
        "st",
        "no",
        "vs",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "approx",
        "est",
        "inc",
        "corp",
        "co",
        "ltd",
        "jr",
        "sr",
        "prof",
        "rep",
        "sen",
        "gov",
    ]
)
_BOUNDARY = re.compile(r"[.!?][\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])")
_OPENERS = "\"“‘'(["
#: Closing quotes and brackets that may follow a sentence's final punctuation.
_CLOSERS = "\"”’')]"
_BULLET = re.compile(r"^\s*(?:[-•*–]\s+)")
#: A row of a loss table as the General Staff publishes it: "personnel — about 352,650 (+760)",
#: "tanks ‒ 6,365 (+17)", "UAV operational-tactical level: 7,500 (+20)": a label, a dash or colon,
#: the running total, the day's change in brackets.
BULLETIN_LINE = re.compile(
    r"^\s*(?:[-•*]\s+)?(?P<label>[A-Za-z][A-Za-z /'’,-]{1,70}?)\s*(?:[—–‒-]+|:)\s*(?:about\s+|approximately\s+|"
    r"close\s+to\s+|almost\s+)?\d[\d, \u00a0]*\s*\(\+\s*\d[\d,]*\s*\)"
    # A unit word may follow the bracket: "personnel - about 338,120 (+900) persons".
    r"(?:\s*(?:persons|people|troops|units|pcs\.?))?\s*[;,.]?\s*$",
    re.IGNORECASE,
)
#: A wire dateline opening a line ("KYIV, March 16 - ", "WASHINGTON (Reuters) — ", "SEOUL/KYIV, Dec 17 — "): the city names
#: where the report was filed, not a side, so sentences start after it.
_DATELINE = re.compile(
    r"^[A-Z][A-Z.'’ /-]{1,30}[A-Z.](?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?(?:\s*\([A-Za-z .&-]{2,30}\))?\s*[-—–]+\s+"
)
_DATELINE_SECOND = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ.'’ /-")
#: A live blog's time stamp opening an entry ("08:05 GMT — ", "14.30 - ", "9:10 a.m. – "): like a dateline,
#: not part of the sentence whose claimant opens it.
_TIMESTAMP = re.compile(
    r"^\d{1,2}[:.]\d{2}(?:\s*(?:[ap]\.?m\.?|GMT|UTC|BST|CES?T|EES?T|E[SD]T|ET|local\s+time))?\s*[-—–|]+\s+"
)
#: A list item's bullet or dash opening its line.
LIST_ITEM = re.compile(r"[ \t]*[-•*–][ \t]+\S")
#: How far above a list item its introduction ("... as follows:") is looked for.
LIST_INTRO_REACH = 400
_HEADLINE_CLAIMANT = re.compile(r":\s*(?P<c>[A-Z][\w'’. -]{1,40})\s*$")

_CLAIM_VERBS = (
    r"saying|claiming|estimating|reporting|put(?!\s+out)|puts|"
    r"said|says|say|claimed|claims|claim|reported|reports|estimated|estimates|estimate|stated|states|"
    r"announced|announces|identified|told|tells|wrote|writes|added|adds|posted|confirmed|confirms|agreed|agree|"
    r"believes|believe|assessed|assesses|tallied|counted|recorded|documented|noted|put\s+the\s+"
    r"(?:figure|toll|number)|updated|published|insisted|alleged|acknowledged|admitted|verified|has\s+verified|"
    r"listed|lists|compiled|logged|logs|counts|updates|raised\s+its\s+(?:count|toll|tally|estimate)"
)
#: Run on `lowered` text, like `HEDGE_RE` (no IGNORECASE: see `lexicon.lowered`).
_VERB_RE = re.compile(
    WORD_START + rf"\b{by_first_letter(_CLAIM_VERBS, False)}\b(?!\s+(?:only\s+|by\s+name\s+)?as\b)"
)
_INVERTED_RE = re.compile(
    rf"(?:,|[\"”])\s*(?!told\b|tells\b){by_first_letter(_CLAIM_VERBS, True)}\s+(?P<c>(?:the\s+)?(?-i:[A-Z])[^,.;:\"“”]{{1,80}})",
    re.IGNORECASE,
)
_ACCORDING_RE = re.compile(
    r"\baccording\s+to\s+(?P<c>(?:[^,.;:\"“”]|(?<=\b[A-Z])\.){2,120}?)"
    r"(?=\s*(?:[,;:\"“”]|(?<!\b[A-Z])\.|$|\s+on\s+[A-Z]|\s+in\s+[A-Z]))",
    re.IGNORECASE,
)
_CITING_RE = re.compile(r"\bciting\s+(?P<c>[^,.;:\"“”]{2,100}?)(?=\s*(?:[,.;:\"“”]|$))", re.IGNORECASE)
_NP_STOP = re.compile(
    r"[,;:\"“”()]|\bthat\b|\bwhile\b|\bas\b|\band\s+(?=[a-z]+\s+(?:said|told))", re.IGNORECASE
)
#: The punctuation among `_NP_STOP`'s stops, and the words one of which its other stops hold.
_NP_STOP_MARKS = ',;:"“”()'
_NP_STOP_WORDS = ("that", "while", "as", "and")
_PRONOUN = re.compile(
    r"^(?:it|he|she|they|we|officials|the\s+administration|one\s+(?:of\s+the\s+)?officials?|"
    r"the\s+(?:same\s+)?(?:ministry|military|army|agency|statement|report|update|daily\s+update|briefing|"
    r"spokesman|spokeswoman|spokesperson|official|officials|office|outlet|summary|weekly\s+summary|"
    r"governor|group|monitor|bulletin|think\s+tank|outlets?|open-source\s+group|air\s+force|navy|"
    r"command|headquarters|staff|assessment|analysis|tally|list|project|count|site))$",
    re.IGNORECASE,
)
#: A possessor's data after its name ("the ministry's data", "Oryx's list"): the possessor speaks.
_DATA_OF = re.compile(
    r"['’]s\s+(?:own\s+)?(?:latest\s+)?(?:data|figures|numbers|count|tally|list|records|estimates?|statistics)$",
    re.IGNORECASE,
)
#: Not a claimant: a figure, a pronoun-like opener, or a phrase whose head is the data itself ("The
#: cumulative totals published on Tuesday were ...": "published" is a participle there, not a report).
_NOT_CLAIMANT = re.compile(
    r"(?<![A-Za-z\d])\d|^(?:updated\s+)?(?:totals?|figures?|data|numbers?|reports?|it\s+is|this|there)\b"
    r"|(?:^|\s)(?:totals?|figures|data|numbers|tall(?:y|ies)|statistics|toll)$"
    r"|^[a-z]+ly$",  # "(visually confirmed, ...)": an adverb, not who confirmed
    re.IGNORECASE,
)
_PASSIVE = re.compile(r"\b(?:was|were|been|be|is|are|being)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_ADJECTIVAL = re.compile(r"\b(?:an?|the)\s+$", re.IGNORECASE)
#: A phrase before the verb that has no head noun: the subject sits before an appositive
#: ("Oryx, which counts ..., has confirmed").
_HEADLESS = re.compile(r"^(?:which|who|whose|that|has|have|had|is|was|were|are|also)\b", re.IGNORECASE)
_DETERMINERS = re.compile(
    r"^(?:however|but|and|also|meanwhile|separately|earlier|later|although|though|because|"
    r"on\s+\w+(?:\s+(?:morning|afternoon|evening|night))?|by\s+(?:noon|midday|nightfall|evening|morning|then)|"
    # "In its daily briefing the ministry said": where it said so
    r"in\s+(?:its|their|his|her|a|the)\s+(?:[\w-]+\s+){0,2}?(?:briefing|statement|update|report|bulletin|post|"
    r"summary|address|interview))\s+",
    re.IGNORECASE,
)
_ADVERBS = re.compile(
    r"\s+(?:broadly|also|previously|earlier|later|separately|now|had|has|have|on\s+\w+|in\s+a\s+"
    r"\w+|late\s+on\s+\w+)$",
    re.IGNORECASE,
)

HEDGE_RE = re.compile(
    WORD_START
    + r"\b(?:reportedly|allegedly|alleged|estimated|estimates?|likely|may|might|possibly|probably|believed|"
    r"thought\s+to|presumably|unconfirmed|if|would|purportedly|suggest(?:s|ed)?|appear(?:s|ed)?\s+to|"
    r"could(?!\s+not))\b"
)
UNVERIFIED_RE = re.compile(
    r"\b(?:could|can|has|have|had|was|were|is|are|did)\s*(?:n[o']t)\s+(?:be(?:en)?\s+)?(?:immediately\s+|independently\s+"
    r"|yet\s+)*(?:verif|confirm)|\bunverified\b|\bno\s+independent\s+(?:verification|confirmation)\b"
    r"|\b(?:impossible|not\s+possible|unable)\s+to\s+(?:independently\s+)?(?:verify|confirm)"
    r"|\bcannot\s+(?:be\s+)?(?:independently\s+)?(?:verif|confirm)",
    re.IGNORECASE,
)
DISPUTED_RE = re.compile(r"\b(?:disputed|denied|denies|rejected|dismissed)\b", re.IGNORECASE)
CONFIRMED_RE = re.compile(
    r"\b(?:has|have|had)\s+(?:independently\s+|also\s+)?(?:verified|confirmed)\s+(?:the|that)\b|"
    r"\b(?:visually\s+confirmed|independently\s+(?:verified|confirmed)|geolocated|"
    r"confirmed\s+by)\b",
    re.IGNORECASE,
)

#: Cheap pre-check (substrings of the lower-cased text): without any of these, no caveat applies.
CAVEAT_HINTS = ("verif", "confirm", "disput", "denie", "reject", "dismiss", "geolocat")


def has_caveat_hint(lowered: str) -> bool:
    """Whether lower-cased text may hold a verification statement (a few literal scans)."""
    return contains_any(lowered, CAVEAT_HINTS)


#: How many sentences back a caveat ("could not be independently verified") reaches.
CAVEAT_REACH = 5


@dataclass(slots=True)
class Sentence:
    """One sentence: offsets into the document, its paragraph, and whether it is display text."""

    start: int
    end: int
    text: str
    para: int
    display: bool
    bulletin: bool = False  # a loss-table row: "tanks ‒ 6,365 (+17)"


@dataclass(slots=True, frozen=True)
class Attribution:
    """Who a sentence's figures are attributed to: canonical name, words used, side, chain."""

    claimant: str
    claimant_text: str
    side: str | None
    via: tuple[str, ...] = ()


def _is_abbreviation(line: str, dot: int) -> bool:
    """Whether the "." at `dot` ends an abbreviation ("U.S.", "Gen.", "Mark A.") rather than a sentence."""
    if line[dot] != ".":
        return False
    word = line[line.rfind(" ", 0, dot) + 1 : dot].lstrip(_OPENERS)
    return word.lower() in ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def split(text: str) -> tuple[list[Sentence], str | None]:
    """Sentences of `text` and the claimant named by a headline suffix ("...: Kyiv"), if any."""
    out: list[Sentence] = []
    headline_claimant: str | None = None
    pos = 0
    para = 0
    seen_body = False
    in_list = False
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        bulletin = "(+" in line and BULLETIN_LINE.match(line) is not None
        # An item of a list that a body sentence introduces ("put Ukrainian losses as follows:") joins
        # that sentence's paragraph: its attribution, side and period go on to the items.
        listed = (
            seen_body
            and LIST_ITEM.match(line) is not None
            and bool(out)
            and (in_list or out[-1].text.rstrip().endswith(":"))
        )
        if (bulletin and out and (out[-1].text.rstrip().endswith(":") or out[-1].bulletin)) or listed:
            # A loss-table row joins the paragraph that introduces it ("... were approximately:").
            for sent in out:
                if sent.para == para:
                    sent.display = False
        else:
            para += 1
        in_list = listed
        terminal = line.rstrip().rstrip(_CLOSERS).endswith((".", "!", "?"))
        display = (
            not bulletin and not listed and (not terminal or (not seen_body and bool(_BULLET.match(line))))
        )
        if display and not seen_body and headline_claimant is None:
            m = _HEADLINE_CLAIMANT.search(line)
            if m:
                headline_claimant = m.group("c").strip()
        seen_body = seen_body or not display
        # A dateline's first two characters are capitals (or ". '’-"): most lines fail that before the regex.
        dateline = _DATELINE.match(line) if line[1:2] in _DATELINE_SECOND else None
        if dateline is None and line[:1].isdigit():
            dateline = _TIMESTAMP.match(line)
        s = dateline.end() if dateline else 0
        for b in _boundaries(line, s):
            if _is_abbreviation(line, b.start()):
                continue
            out.append(
                Sentence(line_start + s, line_start + b.start() + 1, line[s : b.start() + 1], para, display)
            )
            s = b.end()
        if s < len(line):
            out.append(Sentence(line_start + s, line_start + len(line), line[s:], para, display, bulletin))
    return out, headline_claimant


#: The city a dateline opens with ("ZAPORIZHZHIA" in "ZAPORIZHZHIA — ", "SEOUL" in "SEOUL/KYIV, Dec 17 — ").
_DATELINE_CITY = re.compile(r"[A-Z][A-Z'’ -]*[A-Z]")


def dateline_city(text: str, reach: int) -> str | None:
    """The city of the wire dateline opening a line in the first `reach` characters of `text` (the same
    datelines `split` keeps out of sentences), or None."""
    for line in text[:reach].split("\n"):
        if line[1:2] in _DATELINE_SECOND and _DATELINE.match(line):
            city = _DATELINE_CITY.match(line)
            return city.group(0) if city else None
    return None


def list_intro(text: str, pos: int) -> tuple[int, int] | None:
    """Where the line introducing a bulleted list item lies ("put Ukrainian losses as follows:"), as
    (start, end) without its colon, for the item holding offset `pos`; None when `pos` is in no list item
    under such a line. Works on `text` or its `lowered` copy alike (same offsets)."""
    line_start = text.rfind("\n", 0, pos) + 1
    if LIST_ITEM.match(text, line_start) is None:
        return None
    intro_end = text.rfind(":\n", max(0, line_start - LIST_INTRO_REACH), line_start)
    if intro_end < 0:
        return None
    return text.rfind("\n", 0, intro_end) + 1, intro_end


def _boundaries(line: str, start: int) -> list[re.Match[str]]:
    """`_BOUNDARY.finditer(line, start)`, with the regex tried only at each "." when the line has no
    "!" or "?" (most lines): `re` scans for a character class at every position, `str.find` at memchr
    speed, and sentence splitting scans the whole document."""
    if "!" in line or "?" in line:
        return list(_BOUNDARY.finditer(line, start))
    out = []
    match, find = _BOUNDARY.match, line.find
    i = find(".", start)
    while i >= 0:
        after = line[i + 1 : i + 2]  # a boundary's "." is followed by a closer or a space
        m = match(line, i) if after and (after.isspace() or after in _CLOSERS) else None
        if m is not None and line.endswith("..", 0, i):
            m = None  # a dotted leader ("Killed in Lebanon ....... 1,012"), not a sentence's end
        if m is None:
            i = find(".", i + 1)
        else:
            out.append(m)
            i = find(".", m.end())
    return out


def _clean_np(np: str) -> str:
    np = _DETERMINERS.sub("", np.strip())
    prev = None
    while prev != np:
        prev = np
        np = _ADVERBS.sub("", np)
    return np.strip(" '’")


#: A proper name in an appositive, after an optional article or title ("the Darfur Bar Association",
#: "Gen. Eirik Kristoffersen").
_APPOSITIVE_NAME = re.compile(
    r"(?:the\s+|(?:Gen|Lt|Col|Maj|Capt|Sgt|Adm|Dr|Prof)\.\s+)?[A-Z][\w'’-]+(?:\s+(?:of\s+|for\s+)?[A-Z][\w'’.-]+)+$"
)
_WHICH_CLAUSE = re.compile(r"^\s*(?P<h>[^,\"“”]{2,80}?),\s+(?:which|who|whose)\b")


#: An abbreviation in brackets after a name ("(HRMMU)", "(AAPP)").
_ABBREVIATION_TAIL = re.compile(r"\s*\([A-Z][A-Za-z0-9&/-]{1,11}\)\s*$")


def _subject_np(sentence: str, verb_start: int) -> str | None:
    """The noun phrase before a reporting verb, back to the nearest clause boundary."""
    before = sentence[:verb_start]
    if before.endswith(") "):  # "the UN mission in Ukraine (HRMMU) said": the abbreviation is no stop
        before = _ABBREVIATION_TAIL.sub(" ", before)
    # The last stop: the last punctuation mark, or a stop word after it (stops never overlap, so the
    # words need only be looked for after that mark).
    cut = max(before.rfind(c) for c in _NP_STOP_MARKS) + 1
    tail = before[cut:]
    # After the last mark only the stop words can stop the phrase: most phrases hold none of them
    # (IGNORECASE also matches "ı", "ſ" to ASCII letters: a phrase holding one is scanned).
    if (
        contains_any(tail.lower(), _NP_STOP_WORDS)
        or not tail.isascii()
        and contains_any(tail, IGNORECASE_EXTRAS)
    ):
        for m in _NP_STOP.finditer(before, cut):
            cut = m.end()
    np = _clean_np(before[cut:])
    if not np and before.rstrip().endswith(",") and not re.search(r"[\"“”]", before):
        # "X, a Britain-based monitor, said": the head before the appositive; "the spokesman for the
        # group, Oleksandr Shtupun, told", "a local group, the Darfur Bar Association, said": the head
        # and the name in the appositive, for `Lexicon.canonical_claimant` to choose from.
        last = _clean_np(before.rstrip().rstrip(",").rsplit(",", 1)[-1])
        chunks = before.rstrip().rstrip(",").rsplit(",", 2)
        named = _APPOSITIVE_NAME.match(last) is not None
        head = _clean_np(chunks[-2] if named and len(chunks) > 1 else before.split(",")[0])
        if named and (_NOT_CLAIMANT.search(head) or len(head.split()) > 8):
            head = last
        np = (f"{head}, {last}" if head != last else last) if named else head
    if not np:
        which = _WHICH_CLAUSE.match(
            before
        )  # "Russia's defence ministry, which calls it a "regrouping", said"
        np = _clean_np(which.group("h")) if which else np
    words = np.split()
    if not words or len(words) > 10 or _NOT_CLAIMANT.search(np):
        return None
    return np


def attribution(
    sentence: str,
    lex: Lexicon,
    last: Attribution | None,
    found: list[tuple[int, str]] | None = None,
    context: str = "",
) -> Attribution | None:
    """The attribution stated in `sentence`, or None when it states none.

    "X said", "said X", "according to X", "X told Y"; "Y reported, citing X" gives X with Y in the
    chain; pronouns and "the ministry" resolve to the previous attribution.
    """
    found = list(candidates(sentence) if found is None else found)
    if not found:
        return None
    # Every match holds "citing": a substring test spares most sentences the search (IGNORECASE also
    # matches "ı" and "İ" to "i": a sentence holding one is searched).
    cites = (
        "citing" in sentence.lower() or not sentence.isascii() and contains_any(sentence, IGNORECASE_EXTRAS)
    )
    citing = _CITING_RE.search(sentence) if cites else None
    found.sort(key=lambda f: (lex.claimant_re.search(f[1]) is None, f[0]))
    chain = [np for _, np in found]
    if citing and (lex.claimant_re.search(citing.group("c")) or not lex.claimant_re.search(chain[0])):
        source = citing.group("c").strip()
        via = tuple(dict.fromkeys(_resolve(np, lex, last)[0] for np in chain if np != source))
        canon, side = _resolve(source, lex, last)
        return Attribution(canon, source, side, via)
    main = chain[0]
    # "according to" beside a reporting verb: the verb's subject is the source, the other the chain.
    via = tuple(dict.fromkeys(_resolve(np, lex, last)[0] for np in chain[1:] if np != main))
    canon, side = _resolve(main, lex, last, context or sentence)
    return Attribution(canon, main, side, via)


#: A transcript's speaker label opening a line ("KONASHENKOV: Good afternoon."), in capitals.
_SPEAKER_LABEL = re.compile(r"(?P<c>[A-Z][A-Z.'’ -]{2,40}):\s")


def candidates(sentence: str) -> list[tuple[int, str]]:
    """(offset, phrase) of every attribution phrase in a sentence, in order. A transcript's speaker
    label counts when it names a claimant of the gazetteer (a label such as "UPDATE:" does not)."""
    found: list[tuple[int, str]] = []
    label = _SPEAKER_LABEL.match(sentence) if sentence[:2].isupper() else None
    if label is not None and lexicon().claimant_re.search(label.group("c")):
        found.append((0, label.group("c").strip()))
    low = lowered(sentence)
    # `_ACCORDING_RE` needs "ccord" (letters that nothing outside ASCII matches under IGNORECASE): a
    # substring test spares most sentences its scan.
    for m in _ACCORDING_RE.finditer(sentence) if "ccord" in low else ():
        found.append((m.start(), m.group("c").strip()))
    for m in _VERB_RE.finditer(low):
        # Both marks end at the verb and span at most two words: no need to scan further back.
        lo = _last_words_start(sentence, m.start(), 2)
        if _ADJECTIVAL.search(sentence, lo, m.start()) or _PASSIVE.search(sentence, lo, m.start()):
            continue  # "an estimated 450,000", "casualties were estimated at": not a reporting verb
        np = _subject_np(sentence, m.start())
        if np and _HEADLESS.match(np):
            head = re.match(r"[^,]{2,80}(?=,)", sentence)
            np = _clean_np(head.group(0)) if head else None
        if np:
            found.append((m.start(), np))
    for m in _INVERTED_RE.finditer(sentence):
        np = _clean_np(m.group("c"))
        if not _NOT_CLAIMANT.search(np) and len(np.split()) <= 10:
            found.append((m.start(), np))
    found.sort()
    return found


def needs_antecedent(found: list[tuple[int, str]]) -> bool:
    """Whether a sentence's attribution is a pronoun or a generic head ("the officials said") that only an
    earlier attribution can resolve."""
    return any(_PRONOUN.match(np) for _, np in found)


def _last_words_start(sentence: str, end: int, n: int) -> int:
    """An offset at or before the start of the last `n` whitespace-separated words before `end` (0 when
    there are no more): a regex anchored at `end` ("$") that spans at most `n` words matches after it."""
    head = sentence[:end].rsplit(None, n)
    return len(head[0]) if len(head) > n else 0


def clause_attribution(
    found: list[tuple[int, str]], pos: int, lex: Lexicon, last: Attribution | None, whole: Attribution | None
) -> Attribution | None:
    """The attribution of the clause holding offset `pos` (`found`: the sentence's `candidates`) when a
    sentence names two claimants
    ("the IDF said it had lost 46 soldiers, while Hamas said it had destroyed 160 vehicles"): the
    named claimant whose reporting verb comes last before `pos`; else the sentence's attribution."""
    named = [(at, np) for at, np in found if lex.claimant_re.search(np)]
    if len({lex.canonical_claimant(np)[0] for _, np in named}) < 2:
        return whole
    before = [(at, np) for at, np in named if at < pos]
    if not before:
        return whole
    canon, side = _resolve(before[-1][1], lex, last)
    if whole is not None and canon == whole.claimant:
        return whole
    return Attribution(canon, before[-1][1], side)


#: Pronouns that, with no attribution before them, name the claimant their paragraph names.
_PERSONAL = frozenset(("he", "she", "it", "they"))
#: Claimant phrases that name an institution or a spokesperson without saying whose ("the army said").
_GENERIC_HEAD = re.compile(
    r"^(?:the\s+|a\s+|an\s+)?(?P<inst>army|military|air\s+force|navy|general\s+staff|armed\s+forces|"
    r"(?:defen[cs]e\s+|health\s+)?ministry|ministry\s+of\s+(?:defen[cs]e|health))$|"
    r"^(?:the\s+|a\s+|an\s+)?(?:military\s+|army\s+)?(?P<person>spokes(?:man|woman|person))$|"
    r"^(?:the\s+)?(?P<outlet>network|broadcaster|channel|newspaper|station|news\s+agency|outlet)$",
    re.IGNORECASE,
)


def _previous_subject(context: str, lex: Lexicon) -> tuple[str, str | None] | None:
    """The claimant that opens the sentence before the last one of `context` ("Azerbaijan's Defence
    Ministry did not give its own losses. It said ..."): what "it" or "they" most likely stands for.
    The sentences are cut where `split` cuts them (`_boundaries`)."""
    ends = _boundaries(context, 0)
    if not ends:
        return None
    before = context[ends[-2].end() if len(ends) > 1 else 0 : ends[-1].start() + 1].strip()
    if _SAYING.search(before):
        return None  # "..., Ukraine's air force said. Air defences shot down 72, it said": the speaker
    m = lex.claimant_re.search(before, 0, CLAIMANT_OPENING)
    if m is None or before[: m.start()].strip().lower() not in ("", "the"):
        return None
    return lex.canonical_claimant(m.group(0))


#: A verb of saying in a sentence: it names its own speaker, whom a later "it said" goes on with.
_SAYING = re.compile(r"\b(?:said|says|told|according\s+to|reported|announced|claimed|stated|added)\b")
#: How far into a sentence its opening claimant may end ("The Sudanese army's 6th Infantry Division").
CLAIMANT_OPENING = 60


def _resolve(np: str, lex: Lexicon, last: Attribution | None, context: str = "") -> tuple[str, str | None]:
    """Canonical claimant of a phrase. Pronouns and generic heads take the previous attribution; a generic
    head with none is read from its `context` (the paragraph so far): "the army" with Ukraine acting is
    "Ukraine's army", and "a spokesman" is the spokesperson of the institution the sentence names."""
    np = _DATA_OF.sub(
        "", np
    )  # "the ministry's data", "the military's own figures": the ministry, the military
    if context and np.lower() in ("it", "they"):
        opener = _previous_subject(context, lex)
        if opener is not None:  # "The RSF gave a very different account. In a statement, it said ..."
            return opener
    if _PRONOUN.match(np) and last is not None:
        return last.claimant, last.side
    if context and last is None and np.lower() in _PERSONAL:
        # "President X gave a rare account ... | ..., he said": the claimant the paragraph named
        mentions = list(lex.claimant_re.finditer(context))
        if mentions:
            return lex.canonical_claimant(mentions[-1].group(0))
    canon, side = lex.canonical_claimant(np)
    generic = _GENERIC_HEAD.match(np) if context and side is None else None
    if generic is None:
        return canon, side
    named = [m.group(0) for m in lex.claimant_re.finditer(context) if m.group(0).lower() not in np.lower()]
    if generic.group("person") and named:
        return lex.canonical_claimant(named[0])
    if generic.group("outlet"):  # "..., including Al Jazeera correspondent X, the network said"
        return lex.canonical_claimant(named[-1]) if named else (canon, side)
    actor = _acting_side(context, lex)
    head = generic.group("inst")
    # the side acting first, then every side the paragraph names ("In Gaza, the health ministry said")
    for candidate in dict.fromkeys([actor, *_named_sides(context, lex)]) if head else ():
        for word, s in lex.side_words.items():
            if s == candidate:
                for form in (f"{word} {head}", f"{word}'s {head}", f"{head} in {word}"):
                    found = lex.claimant_re.fullmatch(form) or lex.claimant_re.search(form)
                    if found is not None and found.group(0).lower() == form.lower():
                        return lex.canonical_claimant(form)
    return canon, side


def _named_sides(context: str, lex: Lexicon) -> list[str]:
    """Every side named in `context`, in order of first mention."""
    out: list[str] = []
    for m in lex.side_re.finditer(context):
        side = lex.side_of(m.group("w"))
        if side is not None and side not in out:
            out.append(side)
    return out


_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|into|near|across|over|from|against|at|on|of|to)\s+(?:the\s+)?$", re.IGNORECASE
)


def _acting_side(context: str, lex: Lexicon) -> str | None:
    """The first side named in `context` as an actor: not a place ("in Ukraine") and not a counted
    object ("40 Russian soldiers")."""
    for m in lex.side_re.finditer(context):
        before = context[max(0, m.start() - 20) : m.start()]
        if _LOCATIVE_BEFORE.search(before) or re.search(r"\d\s*$", before):
            continue
        word = m.group("w")
        return lex.side_of(word) or lex.plurals.get(word.lower(), (None, False))[0]
    return None


def headline_attribution(words: str | None, lex: Lexicon) -> Attribution | None:
    """Attribution from a headline suffix, used for body sentences that state none."""
    if not words:
        return None
    canon, side = lex.canonical_claimant(words)
    return Attribution(canon, words, side)


def hedged(sentence: str) -> bool:
    """A hedge word applies to the sentence's figures."""
    return bool(HEDGE_RE.search(lowered(sentence)))


def verification(sentence: str) -> str | None:
    """The verification status a sentence states: unverified, disputed, confirmed, or None."""
    if not has_caveat_hint(sentence.lower()):
        return None
    if UNVERIFIED_RE.search(sentence):
        return "unverified"
    if DISPUTED_RE.search(sentence):
        return "disputed"
    if CONFIRMED_RE.search(sentence):
        return "confirmed"
    return None
