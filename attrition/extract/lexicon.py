"""Gazetteers (sides, claimants) loaded from the JSON files in `data/`, compiled once.

Why data and not code: a new war, a new group or a new alias for a ministry is an edit to a JSON
file that a reviewer can read, not a change to the grammar (docs/extraction.md, "Adding a side").
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

#: Prefix for word-list regexes whose every alternative starts a word with a letter: it rejects the
#: positions inside words before the alternation is tried, which halves the cost of such scans.
WORD_START = r"(?<![A-Za-z])(?=[A-Za-z])"


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def lowered(text: str) -> str:
    """`text` lower-cased with every offset kept (a few characters lower-case to two: "İ").

    Why: word-list regexes compiled without IGNORECASE and run on this copy are several times faster
    (Python's `re` skips a branch on its first character only when it is case-sensitive), and their
    match offsets are offsets into `text`.
    """
    low = text.lower()
    return low if len(low) == len(text) else text.translate(_ASCII_LOWER)


@dataclass(slots=True, frozen=True)
class Side:
    """One side of a war: name, enemies, when its war started, whose civilians its attacks hit."""

    name: str
    enemies: tuple[str, ...]
    war_start: date | None
    civilians_hit: str | None


@dataclass(slots=True, frozen=True)
class Lexicon:
    """Compiled gazetteers.

    side_re: any word naming a side; group "w" is the word, lookup with `side_of`.
    plural_military: demonym plural -> (side, names troops?) ("Russians" -> ("Russia", True)).
    """

    sides: dict[str, Side]
    side_words: dict[str, str]
    plurals: dict[str, tuple[str, bool]]
    side_re: re.Pattern[str]
    claimant_aliases: dict[str, str]
    claimant_side: dict[str, str | None]
    claimant_re: re.Pattern[str]

    def side_of(self, word: str) -> str | None:
        """Canonical side of a side word (case-insensitive, possessive dropped)."""
        w = re.sub(r"(?:'s|’s|')$", "", word.strip()).lower()
        return self.side_words.get(w)

    def enemy_of(self, side: str | None) -> str | None:
        """The first listed enemy of `side` (wars in the gazetteer are two-sided)."""
        s = self.sides.get(side or "")
        return s.enemies[0] if s and s.enemies else None

    def civilians_hit_by(self, side: str | None) -> str | None:
        """Whose civilians an attack by `side` hits (the enemy's, or its own in a civil war)."""
        s = self.sides.get(side or "")
        return s.civilians_hit if s else None

    def canonical_claimant(self, phrase: str) -> tuple[str, str | None]:
        """Canonical claimant for an attribution phrase, and the side it speaks for.

        The longest alias found inside the phrase wins; with none, the phrase itself (article dropped).
        """
        best: str | None = None
        for m in self.claimant_re.finditer(phrase):
            alias = m.group(0).lower()
            if best is None or len(alias) > len(best):
                best = alias
        if best is not None:
            canon = self.claimant_aliases[best]
            return canon, self.claimant_side[canon]
        clean = re.sub(r"^(?:the|a|an)\s+", "", phrase.strip(), flags=re.IGNORECASE)
        return clean, None


def alternation(words: Iterable[str], space: str = r"\ ") -> str:
    """A regex alternation of literal words for an IGNORECASE pattern, longest first, grouped by first
    letter: `(?-i:[Rr])(?:ussian|ussia)|(?-i:[Kk])(?:yiv)`.

    Why: under IGNORECASE, Python's `re` tries every alternative in turn at each position; a
    case-sensitive character class at the head of a branch lets it skip a whole group on its first
    character, which makes scans with gazetteer-sized alternations several times faster. The words
    matched are the same as a plain `a|b|c` (longest first), case-insensitively.
    """
    groups: dict[str, list[str]] = {}
    for w in sorted(set(words), key=len, reverse=True):
        groups.setdefault(w[0].lower(), []).append(w[1:])
    out = []
    for head, rests in groups.items():
        cased = head.upper() != head.lower()
        first = f"(?-i:[{re.escape(head.upper())}{re.escape(head)}])" if cased else re.escape(head)
        out.append(first + "(?:" + "|".join(re.escape(r).replace(r"\ ", space) for r in rests) + ")")
    return "|".join(out)


@cache
def lexicon() -> Lexicon:
    """The gazetteers, parsed and compiled once per process."""
    data = resources.files("attrition.extract") / "data"
    raw_sides = json.loads((data / "sides.json").read_text(encoding="utf-8"))["sides"]
    raw_claimants = json.loads((data / "claimants.json").read_text(encoding="utf-8"))["claimants"]
    sides: dict[str, Side] = {}
    side_words: dict[str, str] = {}
    plurals: dict[str, tuple[str, bool]] = {}
    for name, spec in raw_sides.items():
        start = spec.get("war_start")
        sides[name] = Side(
            name,
            tuple(spec.get("enemies", ())),
            date.fromisoformat(start) if start else None,
            spec.get("civilians_hit"),
        )
        for w in [*spec.get("names", ()), *spec.get("demonyms", ())]:
            side_words.setdefault(re.sub(r"^the\s+", "", w.lower()), name)
        for w, military in spec.get("plurals", {}).items():
            plurals[w.lower()] = (name, bool(military))
    side_re = re.compile(
        WORD_START
        + r"(?<![\w-])(?:the\s+)?(?P<w>"
        + alternation([*side_words, *plurals])
        + r")(?:'s|’s|')?(?![\w-])",
        re.IGNORECASE,
    )
    aliases: dict[str, str] = {}
    claimant_side: dict[str, str | None] = {}
    for canon, spec in raw_claimants.items():
        claimant_side[canon] = spec.get("side")
        for a in spec["aliases"]:
            aliases.setdefault(a.lower(), canon)
    claimant_re = re.compile(
        WORD_START + r"(?<![\w-])(?:" + alternation(list(aliases)) + r")(?![\w-])", re.IGNORECASE
    )
    return Lexicon(sides, side_words, plurals, side_re, aliases, claimant_side, claimant_re)
