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

#: The one scan regex: optional qualifier, a figure, an optional second figure of a range.
NUMBER_RE = re.compile(
    rf"(?<![\w$€£.,/:-])(?:(?P<qual>{_QUAL})\s+)?(?:(?P<between>between\s+)|(?P<fromw>from\s+))?(?P<a>{_ONE})"
    rf"(?(fromw)|(?:\s*(?:-|–|—|to|(?(between)and|-))\s*(?P<b>{_ONE}))?)",
    re.IGNORECASE,
)

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
    for m in NUMBER_RE.finditer(text):
        a = parse_one(m.group("a"))
        if a is None:
            continue
        value, vague = a
        qual_raw = m.group("qual")
        qualifier = _QUAL_OF.get(_SPACES.sub(" ", qual_raw.lower()), "exact") if qual_raw else "exact"
        if vague and qualifier == "exact":
            qualifier = "at_least"
        high: float | None = None
        end = m.end("a")
        if m.group("b"):
            b = parse_one(m.group("b"))
            if b is not None and _range_ok(value, b[0]):
                high, end = b[0], m.end("b")
                qualifier = "range" if qualifier == "exact" else qualifier
        raw_a = m.group("a")
        year_like = bool(re.fullmatch(r"(1[89]|20)\d\d", raw_a)) and high is None
        start = m.start("qual") if qual_raw else m.start("between") if m.group("between") else m.start("a")
        out.append(NumberToken(value, high, qualifier, start, end, m.start("a"), year_like))
    return out
