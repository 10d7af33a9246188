"""The find-based scans give exactly what the regex scans they replace give (docs/extraction.md,
"Benchmark"): digit starts, sentence ends, hint words, the last stop before a reporting verb."""

from __future__ import annotations

import re
from re import _constants as C  # noqa: N812
from re import _parser
from typing import Any

import pytest

from attrition.extract import figures, periods, sentences
from attrition.extract.lexicon import (
    IGNORECASE_EXTRAS,
    _drop_possessive,
    alternation,
    by_first_letter,
    lexicon,
    lowered,
)
from attrition.extract.numbers import _DIGIT_START
from attrition.extract.scanning import contains_any, digit_run_starts, run_starts
from attrition.extract.sentences import CAVEAT_HINTS, _boundaries, _last_words_start

#: Texts with the characters the scans must get right: non-ASCII digits, "?", quotes, dashes, abbreviations.
TRICKY = [
    "",
    "123",
    "?",
    "1?2",
    "٣5 and 5٣7",
    "a1 ?5 “7” x\u0663 \u0663 é3 €4 $5 -6 /7 .8 ,9 :10",
    "Russia lost 1,150 soldiers in the past 24 hours, Kyiv said. Reuters could not verify it! Why? 12",
    "Gen. Smith said 5 were killed. The U.S. figure was higher. “It is 40,” he said.' Next one.",
    "KYIV, March 12 (Reuters) — about 300 troops... No one knows!? 2024",
    "\U0001d7d9 (mathematical digit one) then 7 and tabs\t8\nnew line 9",
]


@pytest.mark.parametrize("text", TRICKY)
def test_digit_starts_match_the_regex_scan(text: str) -> None:
    found = [i for i in digit_run_starts(text) if _DIGIT_START.match(text, i)]
    assert found == [m.start() for m in _DIGIT_START.finditer(text)]


@pytest.mark.parametrize("text", TRICKY)
def test_sentence_ends_match_the_regex_scan(text: str) -> None:
    for start in (0, 3):
        spans = [m.span() for m in _boundaries(text, start)]
        assert spans == [m.span() for m in sentences._BOUNDARY.finditer(text, start)]


@pytest.mark.parametrize(
    "text", [*TRICKY, "The claims could not be independently verified.", "Kyiv denied it"]
)
def test_caveat_hints_match_the_alternation(text: str) -> None:
    low = text.lower()
    assert contains_any(low, CAVEAT_HINTS) == bool(re.search("|".join(CAVEAT_HINTS), low))


@pytest.mark.parametrize(
    ("text", "n", "expected"),
    [
        ("the army said", 2, len("the")),
        ("army said", 2, 0),
        ("one two three four", 2, len("one two")),
        ("  a  b  c  ", 2, len("  a")),
        ("single", 2, 0),
    ],
)
def test_last_words_start(text: str, n: int, expected: int) -> None:
    assert _last_words_start(text, len(text), n) == expected


def test_end_anchored_marks_unchanged_by_the_window() -> None:
    """ "were reportedly" before a verb is passive whether searched from the start or the last words."""
    s = "Many soldiers, officials said, were reportedly estimated at 300"
    at = s.index("estimated")
    lo = _last_words_start(s, at, 2)
    assert bool(sentences._PASSIVE.search(s, lo, at)) == bool(sentences._PASSIVE.search(s, 0, at)) is True


#: Words whose letter tree has every shape: shared prefixes, a word that is a prefix of another, spaces,
#: punctuation, a non-ASCII letter, a single letter.
TREE_WORDS = [
    "russia",
    "russian",
    "russians",
    "rus",
    "uk",
    "ukraine",
    "k",
    "armed forces",
    "army",
    "al-shabaab",
    "al shabaab",
    "m23",
    "m23/afc",
    "côte d'ivoire",
    "kyiv's",
    "s",
    "ss",
]
#: Texts with case variants, the characters IGNORECASE matches to ASCII letters, and near misses.
TREE_TEXTS = [
    "RUSSIAN forces; Russia's army; russians, Rus. UKRAINE and the UK and k.",
    "Armed  Forces, armed\tforces, ARMY-led, Al-Shabaab and al shabaab, M23/AFC, m23 rebels",
    "C\u00d4TE D'IVOIRE, c\u00f4te d'ivoire, \u212ayiv's \u212aYIV, \u017f\u017f, \u0130, Ru\u017f\u017fia, Ss.",
    "russiansx russia-backed ukrainer arm armies",
]


def _grouped_alternation(words: list[str], space: str) -> str:
    """The alternation the letter tree replaced: longest first, grouped under a case-sensitive first
    letter (`(?-i:[Rr])(?:ussian|ussia)`), the rest of each word matched case-insensitively."""
    groups: dict[str, list[str]] = {}
    for w in sorted(words, key=len, reverse=True):
        groups.setdefault(w[0], []).append(re.escape(w[1:]).replace(r"\ ", space))
    return "|".join(
        (f"(?-i:[{h.upper()}{h}])" if h.isalpha() else re.escape(h)) + "(?:" + "|".join(rests) + ")"
        for h, rests in groups.items()
    )


@pytest.mark.parametrize("space", [r"\ ", r"\s+"])
def test_letter_tree_matches_the_grouped_alternation(space: str) -> None:
    plain = _grouped_alternation(TREE_WORDS, space)
    for tail in ("", r"(?![\w-])", r"(?:'s)?\b"):
        tree = re.compile("(?:" + alternation(TREE_WORDS, space) + ")" + tail, re.IGNORECASE)
        reference = re.compile("(?:" + plain + ")" + tail, re.IGNORECASE)
        for text in TREE_TEXTS:
            for pos in range(len(text)):
                got, want = tree.match(text, pos), reference.match(text, pos)
                assert (got and got.span()) == (want and want.span()), (text, pos)


def test_ignorecase_extras_are_all_the_non_ascii_letters_ignorecase_matches() -> None:
    letter = re.compile("[a-z]", re.IGNORECASE)
    found = "".join(chr(c) for c in range(0x80, 0x110000) if letter.fullmatch(chr(c)))
    assert found == IGNORECASE_EXTRAS


@pytest.mark.parametrize(
    "text",
    [
        *TRICKY,
        *TREE_TEXTS,
        "No side is named here, only 40 people and a river.",
        "The rebels said the army lost 300; Russian forces and the Kremlin's troops.",
        "\u212ayiv and \u0130srael and ru\u017f\u017fia, with nothing else",
        "the the Russians, Russia Russia's-the Ukrainian the\nthe Kremlin",
        "The 33rd Front, the  33rd front; THE the army, the-army, the,army, theArmy, the\tmilitary junta",
        "the the",
        "rebels and the",
    ],
)
def test_side_gate_finds_what_the_scan_finds(text: str) -> None:
    gate = lexicon().side_re
    assert [m.span() for m in gate.finditer(text)] == [m.span() for m in gate.pattern.finditer(text)]


@pytest.mark.parametrize(
    "text",
    [
        *TRICKY,
        *TREE_TEXTS[:2],
        TREE_TEXTS[3],
        "the the  the\nThe-the THE",
        "Ru\u00dfland russia\u00e9 \u00e9russia",
    ],
)
def test_run_starts_match_the_letter_runs_of_the_lowered_text(text: str) -> None:
    words = frozenset((b"the", b"russia", b"uk", b"k", b"armed", b"al", b"s"))
    expected = [m.start() for m in re.finditer("[a-z]+", text.lower()) if m.group().encode() in words]
    assert run_starts(text, words) == expected


def test_side_gate_skips_texts_without_a_first_word() -> None:
    gate = lexicon().side_re
    assert "kyiv" in gate.first_words and "the" in gate.first_words
    assert list(gate.finditer("Officials met on Thursday to discuss aid.")) == []


@pytest.mark.parametrize("word", ["russia's", "kyiv’s", "ukrainians'", "x''s", "a's's", "s", "'", ""])
def test_drop_possessive_matches_the_regex(word: str) -> None:
    assert _drop_possessive(word) == re.sub(r"(?:'s|’s|')$", "", word)


def _first_letters(items: list[Any]) -> set[str] | None:
    """The characters a match of the parsed regex `items` can open with; None when any character
    can (a negated class, a category, a dot) or the regex can match the empty string."""
    out: set[str] = set()
    for i, (op, av) in enumerate(items):  # zero-width items are skipped: the set can only grow
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            continue
        if op is C.LITERAL:
            return out | {chr(av)}
        if op is C.IN:
            if not all(o in (C.LITERAL, C.RANGE) for o, _ in av):
                return None
            return (
                out
                | {chr(a) for o, a in av if o is C.LITERAL}
                | {chr(c) for o, a in av if o is C.RANGE for c in range(a[0], a[1] + 1)}
            )
        rest = items[i + 1 :]
        if op is C.SUBPATTERN:
            found = _first_letters(list(av[3]) + rest)
        elif op is C.BRANCH:
            sets = [_first_letters(list(alt) + rest) for alt in av[1]]
            found = None if any(x is None for x in sets) else set().union(*sets)  # type: ignore[arg-type]
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
            lo, _hi, p = av
            first = _first_letters(list(p) + rest)
            after = _first_letters(rest) if lo == 0 else set()
            found = None if first is None or after is None else first | after
        else:
            return None
        return None if found is None else out | found
    return None  # the regex can match the empty string


def test_cue_first_letters_are_those_the_cues_open_with() -> None:
    for kind, pattern in periods._CUES:
        letters = _first_letters(list(_parser.parse(pattern)))
        assert letters is not None and letters <= set(periods.CUE_FIRST_LETTERS[kind]), kind
        assert set(periods.CUE_FIRST_LETTERS[kind]) <= letters, kind  # no letter more than needed


#: Longest opening word `_first_words` follows before it gives up (a repeat of letters has no end).
_WORD_MAX = 40


def _first_words(items: list[Any], prefix: str = "") -> set[str] | None:
    """The words (runs of lower-case letters) a match of the parsed regex `items` can open with, each
    closed by a non-letter that the match consumes or a word boundary it asserts; None when a match
    can open otherwise (with a non-letter, a class of letters this walk does not unfold, a word left
    open at the end). Lookarounds are skipped: the set can only grow."""
    if len(prefix) > _WORD_MAX:
        return None
    for i, (op, av) in enumerate(items):
        if op is C.AT and prefix:
            return {prefix} if av is C.AT_BOUNDARY else None
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            continue
        rest = items[i + 1 :]
        if op in (C.LITERAL, C.IN, C.CATEGORY):
            chars: set[str] = set()
            for o, a in [(op, av)] if op is not C.IN else av:
                if o is C.LITERAL:
                    chars.add(chr(a))
                elif o is C.RANGE:
                    chars |= {chr(c) for c in range(a[0], a[1] + 1)}
                elif o is C.CATEGORY and a in (C.CATEGORY_SPACE, C.CATEGORY_DIGIT):
                    chars.add(" ")  # a non-letter
                else:
                    return None
            out: set[str] = set()
            for ch in chars:
                if "a" <= ch <= "z":
                    found = _first_words(rest, prefix + ch)
                    if found is None:
                        return None
                    out |= found
                elif not prefix:
                    return None  # opens with a non-letter
                else:
                    out.add(prefix)
            return out
        if op is C.SUBPATTERN:
            return _first_words(list(av[3]) + rest, prefix)
        if op is C.BRANCH:
            sets = [_first_words(list(alt) + rest, prefix) for alt in av[1]]
            return None if any(x is None for x in sets) else set().union(*sets)  # type: ignore[arg-type]
        if op in (C.MAX_REPEAT, C.MIN_REPEAT):
            lo, hi, p = av
            more = [] if hi == 1 else [(op, (max(lo - 1, 0), hi if hi is C.MAXREPEAT else hi - 1, p))]
            once = _first_words(list(p) + more + rest, prefix)
            skip = _first_words(rest, prefix) if lo == 0 else set()
            return None if once is None or skip is None else once | skip
        return None
    return None  # the regex ends inside a word, or can match the empty string


def test_cue_first_words_are_those_the_cues_open_with() -> None:
    """`periods.CUE_FIRST_WORDS` lists exactly the words each kind of cue can open with, so gating
    `CUE_RE` on them (`periods.cue_matches`) finds every cue `finditer` finds."""
    for kind, pattern in periods._CUES:
        words = _first_words(list(_parser.parse(pattern)))
        assert words is not None and words == set(periods.CUE_FIRST_WORDS[kind].split()), kind


def test_first_words_walk_gives_up_where_a_gate_would_miss() -> None:
    assert _first_words(list(_parser.parse(r"\b(?:per|a)\s+day|each\b"))) == {"per", "a", "each"}
    assert _first_words(list(_parser.parse(r"tal(?:ly|lied)\s"))) == {"tally", "tallied"}
    assert _first_words(list(_parser.parse(r"total"))) is None  # "totals" would also match
    assert _first_words(list(_parser.parse(r"\d+ days"))) is None
    assert _first_words(list(_parser.parse(r"[a-z]+ed\b"))) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia lost 1,090 soldiers over the past 24 hours, a day after it lost 950 in a single day.",
        "Since February 24, 2022, the total stood at 390,580; per day the average was about 1,000.",
        "In the week to Sunday, 40 were killed; by 2025 the toll could reach 100,000, the ministry said.",
        "Überday caféweek inweek a\u0130 the fighting in mid-April, throughout 2023 and this month.",
        "",
    ],
)
def test_gated_cues_match_the_plain_scan(sentence: str) -> None:
    low = lowered(sentence)
    plain = [(m.start(), m.end(), m.lastgroup) for m in periods.CUE_RE.finditer(low)]
    assert [(m.start(), m.end(), m.lastgroup) for m in periods.cue_matches(sentence)] == plain


@pytest.mark.parametrize(
    "before",
    [
        "the toll rose to ",
        "was hit by ",
        "a village nearby ",
        "Russian LOSSES OF ",
        "the lo\u017f\u017fes of ",
        "the \u0130njured, possibly ",
        "casualties were now “",
        'put the number of Russian dead at "',
        "talks ended in ",
        "the number of ",
        "killed, wounded and missing would ",
        "up to ",
        "“it is ",
    ],
)
def test_bare_word_gate_keeps_every_backward_match(before: str) -> None:
    def plain(before: str) -> bool:
        chunks = before.rsplit(None, 1)
        expected = bool(chunks) and chunks[-1].lower().endswith(figures._BARE_LAST)
        return expected and figures._BARE_BEFORE.search(before) is not None

    # an opening quote mark is read past: 'put the number of dead at "more than 7,000"'
    quoted = before.endswith(('"', "“")) and plain(before[:-1])
    assert figures._bare_before(before) == (plain(before) or quoted)


#: An alternation with shared first letters, groups, classes, escapes and a lookahead after the first letter.
GROUPED_SOURCE = r"said|says|s(?:ay|tated)|put(?!\s+out)|puts|p[ae]n|k\w+ed|killed|x|Kyiv|\w?z|a\|b"


@pytest.mark.parametrize("ignorecase", [False, True])
def test_by_first_letter_matches_the_plain_alternation(ignorecase: bool) -> None:
    source = GROUPED_SOURCE.replace(r"|\w?z|a\|b", r"|a\|b")  # every alternative opens with a letter
    flags = re.IGNORECASE if ignorecase else 0
    grouped = re.compile(by_first_letter(source, ignorecase) + r"\b", flags)
    plain = re.compile("(?:" + source + r")\b", flags)
    for text in [
        *TREE_TEXTS,
        "Said SAYS stated put out, puts pen pan killed kxed x a|b \u212ayiv \u017fays kyiv",
    ]:
        for pos in range(len(text)):
            got, want = grouped.match(text, pos), plain.match(text, pos)
            assert (got and got.span()) == (want and want.span()), (text, pos)


def test_by_first_letter_refuses_an_alternative_it_cannot_group() -> None:
    with pytest.raises(ValueError):
        by_first_letter(GROUPED_SOURCE, False)  # "\w?z" opens with an escape
    with pytest.raises(ValueError):
        by_first_letter("said|s?ays", False)  # the quantifier would apply to the group


@pytest.mark.parametrize("word", ["citing", "CITING", "c\u0131ting"])
def test_citing_gate_keeps_every_spelling_the_search_finds(word: str) -> None:
    s = f"The Kyiv Independent reported, {word} Ukraine's General Staff, that 300 soldiers were killed."
    found = sentences.attribution(s, lexicon(), None)
    assert found is not None and found.claimant_text == "Ukraine's General Staff"
