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
from dataclasses import dataclass
from functools import lru_cache

from text_to_num import text2num

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
    r"|a\s+dozen|(?:tens|hundreds)\s+of\s+thousands|dozens|hundreds|thousands)"
)
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

#: A figure (digits or words), not glued to a word or to "$", "/", "." and the like. The look-behind and
#: the first-letter class reject most positions at once, which keeps the scan near regex speed; the
#: words in front (qualifier, "between") are then checked on a short window.
CORE_RE = re.compile(rf"(?<![\w$€£.,/:-])(?=[\dotfsenadhTOFSENADH]){_ONE}", re.IGNORECASE)
_RANGE_TAIL = re.compile(rf"\s*(?:-|–|—|to|(?P<and>and))\s*(?P<b>{_ONE})", re.IGNORECASE)
#: How far back the qualifier window reaches (the longest qualifier plus "between").
_BEFORE_WINDOW = 40
_OPENERS = "(\"“‘'["

_QUAL_OF = {w: q for q, ws in QUALIFIER_WORDS.items() for w in ws}
_SPACES = re.compile(r"\s+")


@dataclass(slots=True, frozen=True)
class NumberToken:
    """A parsed figure: value, upper value of a range, qualifier, span (qualifier included)."""

    value: float
    value_high: float | None
    qualifier: str
    start: int
    end: int
    num_start: int
    is_year_like: bool


@lru_cache(maxsize=4096)
def parse_one(raw: str) -> tuple[float, bool] | None:
    """Value of one figure and whether it is vague ("hundreds"); None when it does not parse."""
    s = _SPACES.sub(" ", raw.strip().lower())
    if s in VAGUE:
        return VAGUE[s], True
    if s == "a dozen":
        return 12.0, False
    m = re.fullmatch(r"([\d,. \u00a0\u202f]+?)\s*(million|mln|thousand|billion|bn|k)?", s)
    if m:
        digits = re.sub(r"[, \u00a0\u202f]", "", m.group(1))
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


def _range_ok(a: float, b: float) -> bool:
    """A second figure makes a range only when it is larger and of a similar size ("50-60")."""
    return a < b <= a * 20


def scan(text: str) -> list[NumberToken]:
    """Every figure in `text`, left to right, with ranges and qualifiers folded in."""
    out: list[NumberToken] = []
    pos = 0
    while True:
        m = CORE_RE.search(text, pos)
        if m is None:
            return out
        pos = m.end()
        start_a = m.start()
        a = parse_one(m.group(0))
        if a is None:
            continue
        value, vague = a
        qualifier, start, between, after_from = _before(text, start_a)
        if vague and qualifier == "exact":
            qualifier = "at_least"
        high: float | None = None
        end = m.end()
        tail = None if after_from else _RANGE_TAIL.match(text, end)
        if tail and (not tail.group("and") or between):
            b = parse_one(tail.group("b"))
            if b is not None and _range_ok(value, b[0]):
                high, end = b[0], tail.end()
                qualifier = "range" if qualifier == "exact" else qualifier
            pos = tail.end()
        year_like = high is None and bool(_YEAR.fullmatch(m.group(0)))
        out.append(NumberToken(value, high, qualifier, start, end, start_a, year_like))


_YEAR = re.compile(r"(?:1[89]|20)\d\d")


def _before(text: str, at: int) -> tuple[str, int, bool, bool]:
    """The words in front of a figure: (qualifier, span start, after "between", after "from").

    Read as a dictionary lookup of the last one to three words, which is much cheaper than an
    end-anchored regex over the window for every figure.
    """
    lo = max(0, at - _BEFORE_WINDOW)
    window = text[lo:at]
    if not window[-1:].isspace():
        return "exact", at, False, False
    words = [(m.start(), m.group(0)) for m in _WORD_RE.finditer(window)]
    if words and lo > 0 and words[0][0] == 0 and not text[lo - 1].isspace():
        words = words[1:]  # cut in the middle of a word
    start, between, after_from = at, False, False
    if words and words[-1][1].lower() in ("between", "from"):
        w_start, w = words.pop()
        between, after_from = w.lower() == "between", w.lower() == "from"
        start = lo + w_start if between else at
    for k in (3, 2, 1):
        if len(words) < k:
            continue
        phrase = " ".join(w for _, w in words[-k:]).lower()
        bare = phrase.lstrip(_OPENERS)
        qualifier = _QUAL_OF.get(bare)
        if qualifier:
            return qualifier, lo + words[-k][0] + len(phrase) - len(bare), between, after_from
    return "exact", start, between, after_from


_WORD_RE = re.compile(r"\S+")
