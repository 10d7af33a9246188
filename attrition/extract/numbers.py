"""Number tokens: digits, scales, number words, ranges and the qualifier in front of them.

One compiled regex finds every candidate figure in a document; everything else in the grammar
looks only at the text around these hits, which is what keeps extraction fast. A token is not yet
a claim: `grammar` decides that from the words around it (years, ages, money and the like are
rejected here already, because they are recognisable from the token's own shape).

Conventions for vague counts (documented in docs/extraction.md): "dozens" → 24, "hundreds" → 200,
"thousands" → 2,000, "tens of thousands" → 20,000, "hundreds of thousands" → 200,000, each with
qualifier `at_least` (the smallest amount the plural can mean); "a dozen" → 12, exact.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from text_to_num import text2num

from attrition.extract.lexicon import alternation
from attrition.extract.periods import MONTHS
from attrition.extract.scanning import digit_run_starts
from attrition.extract.vocabulary import one_spaced

#: Scale words after a figure ("1.2 million", "390 thousand", "22k").
SCALES: dict[str, int] = {
    "k": 1_000,
    "thousand": 1_000,
    "mln": 1_000_000,
    "million": 1_000_000,
    "m": 1_000_000,
    "bn": 1_000_000_000,
    "billion": 1_000_000_000,
}

#: Vague plurals: value and qualifier (the lower bound of what the plural can mean).
VAGUE: dict[str, float] = {
    "dozens": 24,
    "hundreds": 200,
    "thousands": 2_000,
    "tens of thousands": 20_000,
    "hundreds of thousands": 200_000,
    "several dozen": 24,
    "a few dozen": 24,
    "several hundred": 200,
    "a few hundred": 200,
    "several thousand": 2_000,
    "a few thousand": 2_000,
}

#: Qualifier phrases in front of a figure, by qualifier.
QUALIFIER_WORDS: dict[str, tuple[str, ...]] = {
    "more_than": (
        "more than",
        "over",
        "exceeding",
        "exceeded",
        "surpassed",
        "surpassing",
        "in excess of",
        "upwards of",
        "well over",
        "above",
        "topped",
        "passed",
        "pass",
        "exceed",
        "surpass",
        "top",
    ),
    "at_least": ("at least", "no fewer than", "no less than", "a minimum of", "not less than"),
    "around": (
        "about",
        "around",
        "approximately",
        "approx.",
        "some",
        "roughly",
        "an estimated",
        "estimated",
        "an average of",
        "on average",
        "circa",
        "an approximate",
        "reportedly",
    ),
    "almost": (
        "nearly",
        "almost",
        "approaching",
        "nearing",
        "close to",
        "just under",
        "just short of",
        "fewer than",
        "less than",
        "under",
    ),
    "up_to": ("up to", "as many as", "as much as", "as high as"),
}

_UNITS = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
]
_WORD = r"(?:" + "|".join(_UNITS) + r")"
_WORD_NUMBER = (
    rf"(?:{_WORD}(?:[\s-]+(?:and\s+)?(?:{_WORD}|hundred|thousand|million))*"
    r"|a\s+(?:hundred|thousand|million)(?:\s+(?:and\s+)?" + _WORD + r")*"
    r"|(?:several|a\s+few)\s+(?:dozen|hundred|thousand)(?!\s+(?:and\s+)?" + _WORD + r")"
    r"|a\s+dozen|(?:tens|hundreds)\s+of\s+thousands|dozens|hundreds|thousands"
    r"|half\s+a\s+million|a\s+quarter\s+(?:of\s+a\s+)?million)"
)
#: Fractions of a million written out ("half a million", "a quarter of a million").
_MILLION_FRACTIONS = {
    "half a million": 500_000.0,
    "a quarter of a million": 250_000.0,
    "a quarter million": 250_000.0,
}
#: Digits: "390,580", "894 240" (thin or plain space between groups of three), "1.2", "1020".
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,])|\d+(?:\.\d+)?)"
_SCALE = r"(?:\s*(?:million|mln|thousand|billion|bn)\b|k\b)"
_ONE = rf"(?:{_DIGITS}{_SCALE}?(?![\w%/:]|-(?!\d))|{_WORD_NUMBER}\b(?!-))"
_QUAL = "|".join(
    sorted(
        (re.escape(w).replace(r"\ ", r"\s+") for ws in QUALIFIER_WORDS.values() for w in ws),
        key=len,
        reverse=True,
    )
)

#: Where figures may start: a digit, or a number word, not glued to a word or to "$", "/", "." and the
#: like. Two cheap scans (digits on the text, words on an ASCII-lower-cased copy of the same length)
#: find the candidates; the full figure pattern is then matched only there, which keeps the scan
#: within a few times the cost of a plain regex over the text.
_DIGIT_START = re.compile(r"\d(?<![\w$€£.,/:-]\d)")
#: Number words a figure may start with (found by `_START_WORD_SCAN`, see `_word_starts`).
_START_WORDS = (
    *_UNITS,
    "a dozen",
    "half a million",
    "a quarter",
    "a hundred",
    "a thousand",
    "a million",
    "dozens",
    "hundreds",
    "thousands",
    "tens",
    *(f"{a} {b}" for a in ("several", "a few") for b in ("dozen", "hundred", "thousand")),
)
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
CORE_RE = re.compile(_ONE, re.IGNORECASE)
_RANGE_TAIL = re.compile(rf"\s*(?:-|–|—|to|(?P<and>and))\s*(?P<b>{_ONE})", re.IGNORECASE)
#: How far back the qualifier window reaches (the longest qualifier plus "between").
_BEFORE_WINDOW = 40
_OPENERS = "(\"“‘'["

#: Qualifier phrase -> qualifier (also read by the loss-table rows, `tables`).
QUALIFIER_OF = {w: q for q, ws in QUALIFIER_WORDS.items() for w in ws}


class NumberToken(NamedTuple):
    """A parsed figure: value, upper value of a range, qualifier, span (qualifier included).

    A named tuple rather than a frozen dataclass: a document holds a few dozen tokens, most of which
    are never claims, and a tuple is built about three times faster (no `object.__setattr__` per field).
    """

    value: float
    value_high: float | None
    qualifier: str
    start: int
    end: int
    num_start: int
    is_year_like: bool


#: A figure in digits with an optional scale word ("1.2 million", "390 thousand", "22k").
_DIGITS_SCALE = re.compile(r"([\d,. \u00a0\u202f]+?)\s*(million|mln|thousand|billion|bn|k)?")
#: Thousands separators inside a figure ("390,580", "894 240").
_DIGIT_GROUPING = re.compile(r"[, \u00a0\u202f]")


@lru_cache(maxsize=4096)
def parse_one(raw: str) -> tuple[float, bool] | None:
    """Value of one figure and whether it is vague ("hundreds"); None when it does not parse."""
    s = one_spaced(raw.strip())
    if s in VAGUE:
        return VAGUE[s], True
    if s == "a dozen":
        return 12.0, False
    if s in _MILLION_FRACTIONS:
        return _MILLION_FRACTIONS[s], False
    m = _DIGITS_SCALE.fullmatch(s)
    if m:
        digits = _DIGIT_GROUPING.sub("", m.group(1))
        try:
            value = float(digits)
        except ValueError:
            return None
        return value * SCALES.get(m.group(2) or "", 1), False
    words = s.replace("-", " ").replace(" and ", " ")
    if words.startswith("a "):
        words = "one " + words[2:]
    try:
        return float(text2num(words, "en")), False
    except (ValueError, TypeError):
        return None


#: How many times the first figure a range's second may be ("50-60", "5 to 80", not "2022 to 1,006,260").
_RANGE_SPREAD = 20


def _range_ok(a: float, b: float) -> bool:
    """A second figure makes a range only when it is larger and of a similar size ("50-60")."""
    return a < b <= a * _RANGE_SPREAD


def scan(text: str) -> list[NumberToken]:
    """Every figure in `text`, left to right, with ranges and qualifiers folded in."""
    out: list[NumberToken] = []
    # `_DIGIT_START` rejects a digit after a word character, so only the first digit of a run can match.
    match = _DIGIT_START.match
    starts = [i for i in digit_run_starts(text) if match(text, i)]
    starts += _word_starts(text)
    starts.sort()
    pos = 0
    core = CORE_RE.match  # bound once: this loop runs for every figure candidate of the document
    for start_a in starts:
        if start_a < pos:
            continue
        m = core(text, start_a)
        if m is None:
            continue
        pos = m.end()
        raw = m.group(0)
        a = parse_one(raw)
        if a is None:
            continue
        value, vague = a
        qualifier, start, between, after_from = _before(text, start_a)
        if after_from and _RANGING_FROM.search(text, max(0, start_a - _RANGING_REACH), start_a):
            # "figures that range from 700,000 to 800,000": a range, not a change from one to the other
            after_from, between = False, True
            start = text.rfind("from", 0, start_a)
        if vague and qualifier == "exact":
            qualifier = "at_least"
        high: float | None = None
        end = m.end()
        tail = None if after_from else _RANGE_TAIL.match(text, end)
        if tail and (not tail.group("and") or between):
            b = parse_one(tail.group("b"))
            # "since the offensive began on Oct. 27 to 251": a day of a month, then a figure of its own
            own = (
                b is not None
                and b[0] > 31 >= value
                and _MONTH_BEFORE.search(text, max(0, start_a - 12), start_a)
            )
            if b is not None and not own and _range_ok(value, b[0]):
                high, end = b[0], tail.end()
                qualifier = "range" if qualifier == "exact" else qualifier
            if not own and (b is None or b[0] <= value * _RANGE_SPREAD):
                pos = tail.end()  # "3 to 1": a ratio; a far larger second figure is one of its own
                # ("its total since February 2022 to 1,006,260")
        if (
            high is None
            and text.startswith(_OR_SO, end)
            and text[end + len(_OR_SO) : end + len(_OR_SO) + 1] in _WORD_END
        ):
            end += len(_OR_SO)  # "80,000 or so"
            qualifier = "around" if qualifier == "exact" else qualifier
        year_like = len(raw) == 4 and _YEAR.fullmatch(raw) is not None
        if high is not None:  # "2022–2025": a span of years, never a count
            year_like = year_like and 1900 <= high <= 2100 and float(high).is_integer()
        out.append(NumberToken(value, high, qualifier, start, end, start_a, year_like))
    return out


_YEAR = re.compile(r"(?:1[89]|20)\d\d")
#: A month's name right before a figure: the figure is a day of it ("Oct. 27").
_MONTH_BEFORE = re.compile(r"\b(?:" + alternation(MONTHS) + r")\.?\s+$", re.IGNORECASE)
#: "range(s/d) from", "ranging from" right before a figure: "from X to Y" is then an interval.
_RANGING_FROM = re.compile(r"\b(?:range[sd]?|ranging)\s+from\s+$", re.IGNORECASE)
_RANGING_REACH = 20
_OR_SO = " or so"
#: Characters that may follow a whole word ("" at the end of the text).
_WORD_END = ("", " ", ",", ".", ";", ":", ")", "\n", '"', "”")


def _word_starts(text: str) -> list[int]:
    """Offsets where a number word starts as a whole word.

    The text is lower-cased (length-preserving) with every character that may open a word mapped to a
    space, and one regex finds " " + number word: its alternatives are grouped under a literal first
    letter, so `re` jumps from space to space and rejects most with one character compare per group,
    which is cheaper than one `str.find` over the whole text per prefix.
    """
    low = text.lower()
    if len(low) != len(text):  # a few characters lower-case to two ("İ"): keep offsets aligned
        low = text.translate(_ASCII_LOWER)
    for c in _OPENER_CHARS:
        if c in low:
            low = low.replace(c, " ")
    # An offset in " " + low is the offset of the word in `text` (the leading space shifts by one).
    return [m.start() for m in _START_WORD_SCAN.finditer(" " + low)]


#: Characters after which a number word starts a word ("(twenty", "—three", a new line).
_OPENER_CHARS = "\n\t\"“‘'([—–"


#: A space and a whole number word (run on the lower-cased copy made by `_word_starts`).
def _by_first_letter(words: tuple[str, ...]) -> str:
    """A case-sensitive alternation of `words`, longest first, grouped under a literal first letter.

    Not `lexicon.alternation`: that one writes each letter as a case class for IGNORECASE patterns;
    this scan runs case-sensitively on a lower-cased copy, where literal heads let `re` jump from space
    to space (about 2.5x faster on the benchmark articles).
    """
    groups: dict[str, list[str]] = {}
    for w in sorted(words, key=len, reverse=True):
        groups.setdefault(w[0], []).append(re.escape(w[1:]))
    return "|".join(re.escape(head) + "(?:" + "|".join(rests) + ")" for head, rests in groups.items())


_START_WORD_SCAN = re.compile(" (?:" + _by_first_letter(_START_WORDS) + r")(?!\w)")


def _before(text: str, at: int) -> tuple[str, int, bool, bool]:
    """The words in front of a figure: (qualifier, span start, after "between", after "from").

    Read as a dictionary lookup of the last one to three words, which is much cheaper than an
    end-anchored regex over the window for every figure.
    """
    lo = max(0, at - _BEFORE_WINDOW)
    if at == 0 or not text[at - 1].isspace():
        return "exact", at, False, False
    space = text.rfind(" ", lo, at - 1)
    if space >= lo and text[at - 1] == " ":  # fast path: one plain word, one space, the figure
        last_word = text[space + 1 : at - 1]
        if last_word and last_word.isprintable() and last_word.lstrip(_OPENERS).lower() not in _LAST_WORDS:
            return "exact", at, False, False
    window = text[lo:at]
    last = window.rsplit(None, 1)[-1].lstrip(_OPENERS).lower() if window.strip() else ""
    if last not in _LAST_WORDS:  # fast path: most figures follow "in", "of", "the"...
        return "exact", at, False, False
    # Only the phrases ending with `last` can match: read no more words than the longest of them
    # ("between" and "from" end none: a qualifier may stand before them).
    lengths = _PHRASE_LENGTHS.get(last)
    if lengths == (1,):  # a one-word qualifier ("about"): no phrase to assemble
        w_start = len(window.rstrip()) - len(last)
        if w_start == 0 and lo > 0 and not text[lo - 1].isspace():
            return "exact", at, False, False  # cut in the middle of a word
        return QUALIFIER_OF[last], lo + w_start, False, False
    words = _last_words(window, lengths[0] if lengths else _QUALIFIER_WORDS_MAX + 1)
    if words and lo > 0 and words[0][0] == 0 and not text[lo - 1].isspace():
        words = words[1:]  # cut in the middle of a word
    start, between, after_from = at, False, False
    if words and words[-1][1].lower() in ("between", "from"):
        w_start, w = words.pop()
        between, after_from = w.lower() == "between", w.lower() == "from"
        start = lo + w_start if between else at
    for k in lengths or (3, 2, 1):
        if len(words) < k:
            continue
        phrase = " ".join(w for _, w in words[-k:]).lower()
        bare = phrase.lstrip(_OPENERS)
        qualifier = QUALIFIER_OF.get(bare)
        if qualifier:
            return qualifier, lo + words[-k][0] + len(phrase) - len(bare), between, after_from
    return "exact", start, between, after_from


def _last_words(window: str, n: int) -> list[tuple[int, str]]:
    """(offset, word) of the last `n` whitespace-separated words of `window`, in order."""
    out: list[tuple[int, str]] = []
    pos = len(window)
    for w in reversed(window.rsplit(None, n)[-n:]):
        pos = window.rfind(w, 0, pos)
        out.append((pos, w))
    out.reverse()
    return out


#: The longest qualifier phrase, in words ("more than" is 2, "in excess of" 3).
_QUALIFIER_WORDS_MAX = max(len(w.split()) for ws in QUALIFIER_WORDS.values() for w in ws)
#: Last words of the qualifier phrases, plus "between" and "from": a figure after any other word has none.
_LAST_WORDS = frozenset(w.split()[-1] for w in QUALIFIER_OF) | {"between", "from"}
#: Last word of a qualifier phrase -> the lengths (in words, longest first) of the phrases ending with it.
_PHRASE_LENGTHS: dict[str, tuple[int, ...]] = {
    last: tuple(sorted({len(w.split()) for w in QUALIFIER_OF if w.split()[-1] == last}, reverse=True))
    for last in {w.split()[-1] for w in QUALIFIER_OF}
}
