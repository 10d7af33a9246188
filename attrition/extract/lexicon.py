"""Gazetteers (sides, claimants) loaded from the JSON files in `data/`, compiled once.

Why data and not code: a new war, a new group or a new alias for a ministry is an edit to a JSON
file that a reviewer can read, not a change to the grammar (docs/extraction.md, "Adding a side").
"""

from __future__ import annotations

import json
import re
import threading
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources

from attrition.extract.scanning import WordGate, first_run, runs_after_the

#: Prefix for word-list regexes whose every alternative starts a word with a letter: it rejects the
#: positions inside words before the alternation is tried, which halves the cost of such scans.
WORD_START = r"(?<![A-Za-z])(?=[A-Za-z])"


#: How many phrases `Lexicon.canonical_claimant` keeps answers for (a few hundred recur in practice).
CLAIMANT_CACHE = 4096
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
    population: str | None = None  # whose civilians this side's own are (an armed group's: its country's)


@dataclass(slots=True, frozen=True)
class Lexicon:
    """Compiled gazetteers.

    side_re: any word naming a side; group "w" is the word, lookup with `side_of`.
    plural_military: demonym plural -> (side, names troops?) ("Russians" -> ("Russia", True)).
    generic: words that name a side only through the document's war ("rebels", "the junta") -> (the sides
    they can name, in order of preference; the side named when the document names none of them).
    """

    sides: dict[str, Side]
    side_words: dict[str, str]
    plurals: dict[str, tuple[str, bool]]
    side_re: WordGate
    claimant_aliases: dict[str, str]
    claimant_side: dict[str, str | None]
    claimant_re: re.Pattern[str]
    generic: dict[str, tuple[tuple[str, ...], str | None]]
    #: `canonical_claimant`'s answers by phrase: claimant phrases are a small vocabulary that recurs
    #: within and across documents ("Ukraine's General Staff"), and each answer costs a few regex scans.
    claimant_cache: dict[str, tuple[str, str | None]] = field(default_factory=dict, repr=False, compare=False)

    def side_of(self, word: str) -> str | None:
        """Canonical side of a side word (case-insensitive, possessive dropped); a generic word ("rebels",
        "the army") names the side of the current document's war it can name (`set_document`)."""
        w = _drop_possessive(word.strip()).lower()
        side = self.side_words.get(w)
        if side is None and w not in self.generic:
            w = w[4:] if w.startswith("the ") else w
        return self._generic_side(w) if side is None and w in self.generic else side

    def _generic_side(self, word: str) -> str | None:
        """The side a generic word names in the current document: of the sides it can name, the one the
        document names most often, else the one whose enemy it names most often, else (in a document that
        names no side at all) the default."""
        options, default = self.generic[word]
        counts = self.document_sides()
        named = [s for s in options if counts.get(s)]
        if named:
            return max(named, key=lambda s: counts[s])  # max keeps the first of equals: listed order
        through_enemy = [s for s in options if any(counts.get(e) for e in self.sides[s].enemies)]
        if through_enemy:
            return max(through_enemy, key=lambda s: max(counts.get(e, 0) for e in self.sides[s].enemies))
        # A story that names other wars' sides only ("the Kyiv regime"): the word names none of its sides.
        return None if counts else default

    def document_sides(self) -> Counter[str]:
        """How often each side is named in the current document by a word that is not generic (computed
        on first use: most documents never need it)."""
        if getattr(_DOC, "counts", None) is None:
            counts: Counter[str] = Counter()
            for m in self.side_re.finditer(getattr(_DOC, "text", "")):
                w = m.group("w").lower()
                side = self.side_words.get(_drop_possessive(w)) or self.plurals.get(w, (None, False))[0]
                if side is not None:
                    counts[side] += 1
            _DOC.counts = counts
        return _DOC.counts  # type: ignore[no-any-return]

    def enemy_of(self, side: str | None) -> str | None:
        """The enemy of `side`: of its listed enemies, the one the current document names most often, else
        the first listed."""
        s = self.sides.get(side or "")
        if not s or not s.enemies:
            return None
        if len(s.enemies) == 1:
            return s.enemies[0]
        counts = self.document_sides()
        populations = {p for e in s.enemies if (p := self.population_of(e)) != e}
        armed = [e for e in s.enemies if e not in populations]  # Hamas, not the Palestinians it rules
        return max(armed, key=lambda e: counts.get(e, 0) + counts.get(self.population_of(e) or "", 0))

    def population_of(self, side: str | None) -> str | None:
        """Whose civilians the civilians of `side` are counted as: an armed group's are its country's."""
        s = self.sides.get(side or "")
        return s.population or s.name if s else side

    def civilians_hit_by(self, side: str | None) -> str | None:
        """Whose civilians an attack by `side` hits (the enemy's, or its own in a civil war)."""
        s = self.sides.get(side or "")
        return s.civilians_hit if s else None

    def canonical_claimant(self, phrase: str) -> tuple[str, str | None]:
        """Canonical claimant for an attribution phrase, and the side it speaks for (cached by phrase,
        the cache emptied when it reaches `CLAIMANT_CACHE` phrases).

        The longest alias found inside the phrase wins; with none, the phrase itself (article dropped).
        """
        found = self.claimant_cache.get(phrase)
        if found is None:
            if len(self.claimant_cache) >= CLAIMANT_CACHE:
                self.claimant_cache.clear()
            found = self.claimant_cache[phrase] = self._canonical_claimant(phrase)
        return found

    def _canonical_claimant(self, phrase: str) -> tuple[str, str | None]:
        """`canonical_claimant`, computed."""
        head, comma, name = phrase.rpartition(", ")
        if comma and self.claimant_re.search(name) is None:
            # "head, Name" (an appositive): the name, unless the head names an institution, not just a
            # country ("Congo's army spokesman, Gen. X" -> the army; "Ukraine's spokesman, X" -> X)
            inst = [m.group(0) for m in self.claimant_re.finditer(head) if " " in m.group(0)]
            if not inst:
                return _bare_claimant(name), None
            phrase = max(inst, key=len)
        best: str | None = None
        for m in self.claimant_re.finditer(phrase):
            alias = m.group(0).lower()
            if best is None or len(alias) > len(best):
                best = alias
        if best is not None:
            canon = self.claimant_aliases[best]
            return canon, self.claimant_side[canon]
        return _bare_claimant(phrase), None


def _drop_possessive(word: str) -> str:
    """`word` without a final "'s", "’s" or "'": what `re.sub(r"(?:'s|’s|')$", "", word)` gives for a
    word without a line break, with two `endswith` tests instead of a regex call (side names are
    looked up once per mention)."""
    if word.endswith(("'s", "’s")):
        return word[:-2]
    return word[:-1] if word.endswith("'") else word


#: The document being read (per thread): generic side words and enemies are resolved against it.
_DOC = threading.local()


def set_document(text: str) -> None:
    """Make `text` the document that generic side words ("rebels", "the army") are resolved against."""
    _DOC.text = text
    _DOC.counts = None


#: Role words and titles before a person's name in an attribution ("Military spokesman Serhiy
#: Cherevatyi", "commander-in-chief Oleksandr Syrskyi", "Gen. Eirik Kristoffersen").
_ROLE_THEN_NAME = re.compile(
    r"^.*?\b(?:spokes(?:man|woman|person)|chief|commander(?:-in-chief)?|governor|minister|commissioner|head|"
    r"director|official|analyst|researcher|general|president|mayor|secretary|advis[eo]r|ombudsman|envoy|"
    r"leader|colonel|lieutenant|captain|major|sergeant|admiral|chairman|chairwoman|coordinator|"
    r"representative|prosecutor|founder|(?:Gen|Lt|Col|Maj|Capt|Sgt|Adm|Dr|Prof|Brig)\.)"
    r"\s+(?P<name>(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+){1,3})$",
    re.IGNORECASE,
)
#: People at or speaking for an institution: "researchers at Ghent University", "a spokesman for the
#: Strategic Framework ... (CSP-DPA)" -> the institution.
_PEOPLE_AT = re.compile(
    r"^(?:[a-z-]+\s+){0,2}(?:researchers|experts|analysts|scientists|academics|doctors|staff|officials|"
    r"investigators|economists|demographers|spokes(?:man|woman|person)|representatives?)\s+(?:at|from|of|with|for)"
    r"\s+(?:the\s+)?(?P<org>(?-i:[A-Z]).+?)(?:\s+\([A-Z][\w-]*\))?$",
    re.IGNORECASE,
)
#: A second claimant joined to the first ("residents and a local resistance group"): the first is kept.
_AND_ANOTHER = re.compile(r"\s+and\s+(?:an?|the|other|some)\s+.*$", re.IGNORECASE)


def _bare_claimant(phrase: str) -> str:
    """A claimant absent from the gazetteer in its own words, without what is not its name: the article,
    a title or role before a person's name, the people before an institution's name, a second claimant
    joined by "and", and a descriptive head before an appositive name ("a local group, the Darfur Bar
    Association")."""
    clean = phrase.strip()
    if ", " in clean:
        clean = clean.rsplit(", ", 1)[1]
    clean = _AND_ANOTHER.sub("", clean)
    for rule in (_ROLE_THEN_NAME, _PEOPLE_AT):
        m = rule.match(clean)
        if m:
            clean = m.group(m.lastgroup or 0)
            break
    return re.sub(r"^(?:the|a|an)\s+", "", clean, flags=re.IGNORECASE)


#: A letter-tree node: next character (lower-cased) -> subtree; `_END` marks the end of a word.
_Node = dict[str, "_Node"]
_END = ""
#: The characters outside ASCII that Python's `re` matches to an ASCII letter under IGNORECASE (dotted
#: and dotless I, long s, Kelvin sign), found by testing every code point.
IGNORECASE_EXTRAS = "\u0130\u0131\u017f\u212a"


def alternation(words: Iterable[str], space: str = r"\ ") -> str:
    """A regex alternation of literal words for an IGNORECASE pattern, longest first, as a letter tree:
    `(?-i:[Rr])(?:ussian|ussia)` is written `(?-i:[Rr])ussia(?:(?-i:[nN])|)`.

    Why: under IGNORECASE, Python's `re` enters every alternative in turn at each position (a costly
    step each), and skips one on its first character only when that is a case-sensitive character
    class. Here every alternative opens with such a class and shares its prefix with its siblings, so
    a word that matches nothing costs one failed class test per letter read. The words matched are the
    same as a plain `a|b|c` (longest first), case-insensitively: of the words that match at a position
    each is a prefix of the next, and the tree tries the longer ones first. The first letter's class
    is `[Rr]` (as before); deeper ones hold every character IGNORECASE would match (`_ignorecase_class`).
    """
    root: _Node = {}
    for w in set(words):
        node = root
        for ch in w:
            node = node.setdefault(ch.lower(), {})
        node[_END] = {}
    return _tree_regex(root, space, first=True)


def _ignorecase_class(ch: str) -> str:
    """A case-sensitive regex for exactly the characters an IGNORECASE literal `ch` matches: a class
    for an ASCII letter (case-sensitive classes let `re` skip an alternative on its first character),
    else the escaped literal, which keeps the pattern's own flags."""
    if not (ch.isascii() and ch.isalpha()):
        return re.escape(ch)
    same = [c for c in ch.lower() + ch.upper() + IGNORECASE_EXTRAS if re.fullmatch(ch, c, re.IGNORECASE)]
    return "(?-i:[" + "".join(same) + "])"


#: Characters that, right after an alternative's first letter, would apply to that letter alone.
_QUANTIFIERS = "?*+{"


def by_first_letter(source: str, ignorecase: bool) -> str:
    """The regex alternation `source` with its top-level alternatives grouped under their first letter
    (`said|says|claimed` -> `(?:s(?:aid|ays)|c(?:laimed))`), each group keeping its alternatives' order.

    Why: `re` enters every alternative in turn at each position it tries; grouped, it skips a whole
    group on one character test (a case-sensitive class under IGNORECASE, see `_ignorecase_class`).
    The matches are the same: at any position only the alternatives opening with its letter can
    match, and they are tried in their original order. Every top-level alternative must open with an
    ASCII letter that no quantifier follows (ValueError otherwise).
    """
    groups: dict[str, list[str]] = {}
    for alt in _top_level_alternatives(source):
        head = alt[:1]
        if not (head.isascii() and head.isalpha()) or alt[1:2] in tuple(_QUANTIFIERS):
            raise ValueError(f"alternative {alt!r} does not open with a plain letter")
        groups.setdefault(head.lower() if ignorecase else head, []).append(alt[1:])
    heads = {h: (_ignorecase_class(h) if ignorecase else h) for h in groups}
    return "(?:" + "|".join(heads[h] + "(?:" + "|".join(rests) + ")" for h, rests in groups.items()) + ")"


def _top_level_alternatives(source: str) -> list[str]:
    """The alternatives of a regex at its top level: split at each "|" outside groups, character
    classes and escapes."""
    out: list[str] = []
    depth, start, i, in_class = 0, 0, 0, False
    while i < len(source):
        c = source[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(source[start:i])
            start = i + 1
        i += 1
    out.append(source[start:])
    return out


def _tree_regex(node: _Node, space: str, first: bool = False) -> str:
    """The regex of a letter tree: longer words before shorter ones (`(?:...|)` for an end of word);
    a branch opens with a case-sensitive class, a run with a single continuation with plain literals."""
    branches: list[str] = []
    for ch, child in node.items():
        if ch == _END:
            continue
        if ch == " ":
            head = space
        elif first:
            cased = ch.upper() != ch
            head = f"(?-i:[{re.escape(ch.upper())}{re.escape(ch)}])" if cased else re.escape(ch)
        elif len(node) > 1:
            head = _ignorecase_class(ch)
        else:
            head = re.escape(ch)
        branches.append(head + _tree_regex(child, space))
    if _END in node:
        branches.append("")
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


@cache
def lexicon() -> Lexicon:
    """The gazetteers, parsed and compiled once per process."""
    data = resources.files("attrition.extract") / "data"
    raw = json.loads((data / "sides.json").read_text(encoding="utf-8"))
    raw_sides = raw["sides"]
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
            spec.get("population"),
        )
        for w in [*spec.get("names", ()), *spec.get("demonyms", ())]:
            side_words.setdefault(re.sub(r"^the\s+", "", w.lower()), name)
        for w, military in spec.get("plurals", {}).items():
            plurals[w.lower()] = (name, bool(military))
    generic: dict[str, tuple[tuple[str, ...], str | None]] = {
        w.lower(): (
            tuple(spec["sides"]),
            spec.get("default"),
        )  # "the army" keeps its article: not "Russian army"
        for w, spec in raw.get("generic", {}).items()
    }
    side_words_all = [*side_words, *plurals, *generic]
    side_re = WordGate(  # skipped on the many sentences that name no side (`scanning.WordGate`)
        re.compile(
            WORD_START
            + r"(?<![\w-])(?:the\s+)?(?P<w>"
            + alternation(side_words_all)
            + r")(?:'s|’s|')?(?![\w-])",
            re.IGNORECASE,
        ),
        {"the", *(first_run(w) for w in side_words_all)},
        IGNORECASE_EXTRAS,
        runs_after_the(side_words_all),
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
    return Lexicon(sides, side_words, plurals, side_re, aliases, claimant_side, claimant_re, generic)
