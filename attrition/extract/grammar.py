"""The claim grammar: from figures to claims (category, side, claimant, period, hedges), then merging.

Speed comes from the order of work: one regex finds all figures (`numbers.scan`); only sentences
that hold a figure are analysed, and each figure is read from a short window around it:

1. what is counted (`figures`): a noun right after the figure ("17 tanks", "300,000 of Moscow's
   troops"), or an outcome word beside a bare figure ("killing 12", "12 were wounded", "casualties
   ... 300 per day");
2. what happened to it (here): the nearest outcome word (killed / wounded / casualties / captured)
   and, for equipment, a loss verb rather than "supplied", "launched", "deployed";
3. whose loss (`subjects`): a side word in the noun phrase, else the subject of a loss verb ("Russia
   has lost"), else the enemy of the actor of a killing verb ("Ukrainian forces destroyed"), else "the
   enemy" read from the claimant's side, else where civilians were hit ("in Kharkiv");
4. the attribution, period, hedge and verification of the sentence (`sentences`, `periods`), and the
   period carried from the claim or frame before when the sentence states none (here).

Figures restated in a headline, caption or repeated paragraph merge into the first body mention.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from datetime import date
from functools import partial

from attrition.extract import periods, tables
from attrition.extract.figures import (
    _BARE_AFTER,
    _BARE_RATE_AFTER,
    _MEMO,
    _OUTCOME_RE,
    _PEOPLE_CLASSES,
    _classify,
    _Figure,
    _individuals,
    _memo,
)
from attrition.extract.lexicon import (
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
    CAVEAT_REACH,
    LIST_ITEM,
    Attribution,
    Sentence,
    attribution,
    candidates,
    clause_attribution,
    has_caveat_hint,
    headline_attribution,
    hedged,
    list_intro,
    needs_antecedent,
    split,
    verification,
)
from attrition.extract.subjects import VERB_WINDOW, _subject, _war_start
from attrition.extract.vocabulary import (
    EQUIPMENT,
    KILL_VERB,
    LOSS_VERB,
    NONLOSS_VERB,
    OUTCOMES,
    TALLY_VERB,
    one_spaced,
)
from attrition.models import Claim, Period

#: Run on the `lowered` document (no IGNORECASE: see `lexicon.lowered`).
_VERB_RE = re.compile(
    WORD_START
    + rf"\b(?:(?P<loss>{by_first_letter(LOSS_VERB, False)})|(?P<kill>{by_first_letter(KILL_VERB, False)})"
    + rf"|(?P<non>{by_first_letter(NONLOSS_VERB, False)}))\b"
)
_RELATIVE_NONLOSS = re.compile(
    r"\s*(?:that\s+|which\s+)?(?:\S+\s+){0,2}?(?:had\s+|has\s+)?(?:launched|fired|sent|"
    r"deployed|supplied|delivered|used(?!\s+by\b))\b",
    re.IGNORECASE,
)
_POSSESS_BEFORE = re.compile(
    r"\b(?:has|have|had|owns|operates|keeps|keep|retains|maintains|holds|(?<!along\s)(?<!together\s)with)\s+(?:(?!lost|been|destroyed|shot|downed|also|"
    r"captured|seized|hit|reached|risen|climbed|grown|" + TALLY_VERB + r")\w+\s+){0,2}$",
    re.IGNORECASE,
)
#: A later item of a list of weapons used: "hits Ukraine with 127 missiles and 109 drones".
_WITH_LIST = re.compile(
    r"(?<!along\s)(?<!together\s)\bwith\s+(?:[\d,.]+|[a-z]+)\s+(?:[\w-]+\s+){0,2}?[\w-]+\s*(?:,\s*(?:and\s+)?|and\s+)"
    r"(?:(?:[\d,.]+|[a-z]+)\s+(?:[\w-]+\s+){0,2}?[\w-]+\s*(?:,\s*(?:and\s+)?|and\s+))*$",
    re.IGNORECASE,
)
_CIVILIAN_MARK = re.compile(
    r"\b(?:civilians?|residents?|children|people(?!['’]s\b)|apartment|hospital|school|market|"
    r"health\s+ministry|humanitarian|homes?|residential|death\s+toll|missile\s+strikes?|shelling|bombing|"
    r"airstrikes?|air\s+strikes?|explosion)\b",
    re.IGNORECASE,
)
#: An outcome word followed by a figure ("and injuries to 19,875") belongs to that figure.
_NUMBER_NEXT = re.compile(r"\s+(?:(?:to|of|at|about|around|nearly|some|more\s+than|at\s+least)\s+)*\d")
#: How far (characters) from a figure its outcome word and governing verb are looked for.
OUTCOME_WINDOW = 90
#: Headline and body figures merge when within this relative difference ("1020" vs "more than 1,000").
MERGE_TOLERANCE = 0.05


#: How far before a figure an outcome verb may stand and still govern it ("killed at least 40").
GOVERNING_REACH = 30
#: What may stand between an outcome verb and the figure it governs: a space and a qualifier or two.
_GOVERNS_NEXT = re.compile(
    r"\s+(?:(?:at\s+least|more\s+than|up\s+to|about|some|nearly|almost|over|another|a\s+further)\s+)?"
)
#: "the number of dead ... has risen to": the outcome a noun-less toll counts.
_NUMBER_OF_OUTCOME = re.compile(
    r"\b(?:number|toll|count|tally)\s+of\s+(?:the\s+)?(?P<o>dead|killed|wounded|injured)\b[^.;:]{0,60}?"
    r"\b(?:to|at|reached|passed|hit|is|was|stands\s+at|stood\s+at)\s+$",
    re.IGNORECASE,
)


def _outcome(text: str, fig: _Figure, next_start: int, prev_end: int) -> str | None:
    """The outcome word for a figure: after it ("45 were killed"), unless that word governs the next figure
    ("killed 45 people and injured 79"); else before it; else anywhere in the sentence."""
    s = fig.sent
    if fig.cls == "personnel" and text.endswith(_DESTROYED, max(s.start, fig.tok.start - 12), fig.tok.start):
        return "casualties"  # "the Battlegroup West destroyed more than 230 Ukrainian troops"
    if fig.noun_end == fig.tok.end:
        put = _OUTCOME_AT.search(text, max(prev_end, s.start, fig.tok.start - OUTCOME_WINDOW), fig.tok.start)
        if put:  # "put Ukraine's dead at 70,000 and its wounded at ...": the word the figure is set against
            return OUTCOMES[one_spaced(put.group("o"))]
        near = max(s.start, fig.tok.start - OUTCOME_WINDOW)
        named = (
            _NUMBER_OF_OUTCOME.search(text, near, fig.tok.start)
            if text.find(" of ", near, fig.tok.start) >= 0
            else None
        )
        if named:  # "the number of dead in Dnipro has risen to 17, ... 19 of the 60 injured": the toll named
            return OUTCOMES[one_spaced(named.group("o"))]
    hi = min(next_start, fig.noun_end + OUTCOME_WINDOW, s.end)
    semi = text.find(";", fig.noun_end, hi)  # "lost 1,500 servicemen ...; he did not say how many had been
    hi = semi if semi >= 0 else hi  # captured": another clause's outcome
    fwd = _OUTCOME_RE.search(text, fig.noun_end, hi)
    governs_next = fwd is not None and (
        (hi == next_start and not text[fwd.end() : next_start].strip(" ,"))
        or _NUMBER_NEXT.match(text, fwd.end()) is not None
    )
    own = fwd is not None and (
        not text[fig.noun_end : fwd.start()].strip()
        or _PASSIVE_AUX.fullmatch(text, fig.noun_end, fwd.start())
    )
    if fwd and not own:
        # "had captured two North Korean soldiers in the Kursk region, has previously put ... losses":
        # an outcome verb right before the figure governs it, not a word further on
        just_before = _OUTCOME_RE.search(text, max(s.start, fig.tok.start - GOVERNING_REACH), fig.tok.start)
        if just_before is not None and _GOVERNS_NEXT.fullmatch(text, just_before.end(), fig.tok.start):
            said = OUTCOMES[one_spaced(just_before.group(0))]
            # ("losing 60 to 100 soldiers per day killed in action": a word after says more than "losing")
            if said != "casualties":
                return said
    if fwd and (not governs_next or own):
        # a word right after the figure is its own ("five wounded, two of them seriously")
        return OUTCOMES[one_spaced(fwd.group(0))]
    lo = max(prev_end, s.start, fig.tok.start - OUTCOME_WINDOW)
    for window in ((lo, fig.tok.start), (max(s.start, fig.tok.start - VERB_WINDOW), fig.tok.start)):
        back = list(_OUTCOME_RE.finditer(text, *window))
        if back:
            return OUTCOMES[one_spaced(back[-1].group(0))]
    # An outcome word that governs the next figure is not this one's ("Two men opened fire, killing
    # three people": the gunmen were not killed).
    # "the true toll could be as high as 100", "the overall toll had reached 37,124, with 84,712 wounded":
    # a toll counts the dead, whatever word a later figure has.
    if fig.cls == "bare" and _TOLL_BEFORE.search(text, s.start, fig.tok.start):
        return "killed"
    far = None if governs_next else fwd or _OUTCOME_RE.search(text, fig.noun_end, s.end)
    return OUTCOMES[one_spaced(far.group(0))] if far else None


#: Bodies handed back in an exchange ("return the bodies of 6,000 killed soldiers").
_BODIES_RETURNED = re.compile(
    r"\b(?:return(?:ed|ing|s)?|exchang\w*|repatriat\w*|hand(?:ed|ing)?\s+over|receiv\w*|swap\w*|transferr?\w*)"
    r"\s+(?:the\s+)?(?:remains|bodies)\s+of\s+$",
    re.IGNORECASE,
)
#: Prisoners killed rather than taken: executed right before them, or dying right after them.
_PRISONERS_KILLED_BEFORE = re.compile(
    r"\b(?:executed|executing|killed|killing|murdered|shot)\s+$", re.IGNORECASE
)
_PRISONERS_KILLED_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+){0,3}?(?:have|has|had|were|was)\s+(?:been\s+)?(?:died|executed|killed|murdered|shot)\b",
    re.IGNORECASE,
)
#: A passive auxiliary between people counted and an outcome: the outcome is theirs ("More than 60
#: people were wounded, 12 of them children").
_PASSIVE_AUX = re.compile(r"\s+(?:were|was|are|is|have\s+been|had\s+been|has\s+been)\s+(?:\w+ly\s+)?")
#: A bulletin's "destroyed" right before troops counted: their casualties.
_DESTROYED = ("destroyed ", "destroying ")
#: An outcome word set against a noun-less figure by "at" ("put its dead at 70,000", "puts Russia's losses
#: — killed, wounded and captured — at 1,050,000": a parenthesis between dashes, or ", including ...,",
#: is skipped).
_OUTCOME_AT = re.compile(
    WORD_START
    + r"\b(?P<o>"
    + alternation(OUTCOMES)
    + r")\b(?:\s+[—–]+\s[^—–]{1,80}\s[—–]+|,\s+(?:including|excluding|counting)\s[^,]{1,60},)?\s+at\s+$",
    re.IGNORECASE,
)
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
        # "executed at least 15 prisoners of war", "206 prisoners have died in custody": killed
        killed = _PRISONERS_KILLED_BEFORE.search(fig.sent.text, 0, fig.tok.start - fig.sent.start) or (
            _PRISONERS_KILLED_AFTER.match(fig.sent.text, fig.noun_end - fig.sent.start)
        )
        return "personnel_killed" if outcome == "killed" and killed else "personnel_captured"
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
    story = periods.incident_story(text)  # a story of one attack: a toll with no period is its toll
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
        elif sent.para != last_para and not (
            sent.para == last_para + 1 and current is not None and current.side
        ):
            current = None  # a new paragraph keeps an institution's attribution only right after it
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
        if fig.table is not None and (attr is None or attr is default_attr) and fig.tok.num_start in blocks:
            # a table under "According to the update, ...:" speaks for the last claimant named; under
            # "Ministry of Defence of Ukraine" for the one its heading names
            last_named = next((attr_cache[j][0] for j in range(k - 1, -1, -1) if attr_cache[j][0]), None)
            attr = _heading_attribution(text, blocks[fig.tok.num_start], fig.tok.start, lex, last_named)
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
        rate_of = None
        if (
            category is None
            and fig.cls == "bare"
            and claims
            and (
                # "Russian forces lost 45,720 troops in November ... an average of 1,524 a day": a rate of the same
                _BARE_RATE_AFTER.match(text[fig.tok.end : fig.sent.end])
                and _near(sentences, claims[-1][1], k)
                # "confirmed 95,016 military deaths. ... the true number could be as high as 165,000"
                or (claims[-1][1] == k or _near(sentences, claims[-1][1], k))
                and _SAME_COUNT_BEFORE.search(text, fig.sent.start, fig.tok.start)
            )
        ):  # the figure counts what the claim before it counted
            rate_of = claims[-1][0]
            category = rate_of.category
        if category is None and fig.inherited and outcome is None and claims and claims[-1][1] == k:
            # "has risen to 19, including three children, ..., up from 14 on Monday evening": a figure
            # compared with the one before counts what it counted, even with no outcome word of its own
            category = claims[-1][0].category
        if category is None:
            continue
        prev_claim = claims[-1][0] if claims else None
        if (
            category in ("personnel_killed", "personnel_wounded")
            and _noun_less(fig)
            and not fig.enemy  # "8,000 of the dead were militants": fighters, not the civilians before
            and prev_claim is not None
            and prev_claim.category.startswith("civilians_")
            and (sentences[claims[-1][1]].para == fig.sent.para or not _MILITARY_WORD.search(sentence))
        ):  # a bare figure in a story about civilians counts them too ("the true toll could be 100")
            category = "civilians_" + category.split("_", 1)[1]
        elif category.startswith("civilians_") and _noun_less(fig) and _MILITARY_TOLL.search(sentence):
            category = "personnel_" + category.split("_", 1)[1]  # "the army's death toll ... to 137"
        subject = _subject(text, fig, verb, lex, attr, category, prev_claim)
        if fig.table is not None and fig.tok.num_start in blocks:
            subject = _table_side(text, rows[fig.tok.num_start], blocks[fig.tok.num_start], lex) or subject
        if rate_of is not None and subject is None:
            subject = rate_of.subject
        if category.startswith("civilians_"):
            subject = lex.population_of(subject)  # civilians are their country's, whoever's area they were in
        report = said_on or published
        if fig.table == "day":
            period = Period(kind="day", start=report, end=report)
        elif fig.table == "cumulative":
            period = Period(kind="cumulative", start=_war_start(lex, subject), end=report)
        elif fig.table is not None and fig.table.startswith("column:"):
            header = fig.table[len("column:") :]
            per_side = lex.side_of(header) is not None and fig.tok.num_start in blocks
            if per_side:
                # a column per side: the period is the one the line introducing the table names ("As of
                # Tuesday, its lists showed the following losses since Feb. 24, 2022:")
                header = _table_title(text, blocks[fig.tok.num_start])
            period = periods.of_heading(header, published, said_on, _war_start(lex, subject))
            if (
                per_side and period.kind == "event"
            ):  # a loss table naming no period: each side's losses so far
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
                fig.tok.value,
                story,
            )
            if period.kind in ("event", "cumulative") and not _memo(
                "stated", sentence, partial(periods.stated, cues, sentence, published)
            ):
                # "He said Russia had also lost 200 tanks": the period of the report it continues
                claimant = attr.claimant if attr else None
                period = (
                    _carried_period(claims, sentences, k, claimant, period, fig.tok.value)
                    or _frame_period(
                        sentences, k, claimant, attr_cache, published, _may_reach_back(period, fig, sentence)
                    )
                    or period
                )
            elif period.kind == "span" and claims and periods.ANAPHORIC_SPAN.search(lowered(sentence)):
                last, lk, disp = claims[-1]  # "during the year", after "In 2025, ...": that year
                if last.period.kind == "span" and last.period.start and not disp and _near(sentences, lk, k):
                    period = last.period
        if period.kind == "same":  # "over the same period", "in that time": the last period named
            # a day or a stretch named before, ahead of a running total's start ("lost 1,070 over the past
            # day, bringing its total since February 2022 to ... | also listed three tanks ... over the
            # same period": the day's)
            named = [c.period for c, ck, _ in claims if c.period.kind in ("day", "span") and ck >= k - 1] or [
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
    return _merge(_fill_sides(claims, lex))


def _fill_sides(claims: list[tuple[Claim, int, bool]], lex: Lexicon) -> list[tuple[Claim, int, bool]]:
    """A figure whose clause names no side ("the tally rose by 21,340 personnel", "we had 14 killed")
    belongs to the side of the nearest figure that has one: the story is about that side's losses
    (civilians to that side's population: the dead of a camp the RSF overran, near "150 of their
    fighters" of the army, are Sudan's)."""
    if all(c.subject is not None for c, _, _ in claims):
        return claims
    sided = [c for c, _, _ in claims if c.subject is not None]
    if not sided:
        return claims
    out = []
    for c, k, disp in claims:
        if c.subject is None:
            near = min(sided, key=lambda o: abs(o.start - c.start))
            civilian = c.category.startswith("civilians_")
            c = replace(c, subject=lex.population_of(near.subject) if civilian else near.subject)
        out.append((c, k, disp))
    return out


def _table_tokens(tokens: list[NumberToken], rows: dict[int, tables.Row]) -> list[NumberToken]:
    """Tokens with each table row's figure read as the row says (its qualifier, its "a/b" halves)."""
    kept = [t for t in tokens if t.num_start not in rows]
    for r in rows.values():
        kept.append(NumberToken(r.value, None, r.qualifier, r.span_start, r.end, r.start, False))
    return kept  # the caller sorts


def _table_side(text: str, row: tables.Row, block_start: int, lex: Lexicon) -> str | None:
    """The side a table row belongs to by its layout: the side of its column when the heading names one
    per column ("Selected categories, Russia / Ukraine:" over "Aircraft: 94 / 68"), or the side named
    alone on the line above its rows ("Russia" over "- Tanks: 3,447")."""
    if row.column is not None:  # "Category | Russia | Ukraine" over "Tanks | 2,911 | 796"
        return lex.side_of(row.column)
    lines = text[max(0, block_start - tables.HEADING_REACH) : block_start].rstrip().split("\n")
    above = lines[-1]
    if row.slot is not None:
        parts = re.split(r"\s+/\s+|\s+vs\.?\s+", above)
        if len(parts) == 2:
            named = [lex.side_of(w) for w in re.findall(r"[A-Z][\w'’-]+", parts[row.slot])]
            found = [s for s in named if s]
            return found[-1] if row.slot == 0 and found else found[0] if found else None
        return None
    line = above.strip(" -:/\t")
    if line and len(line) <= 30:
        return lex.side_of(line)
    if not LIST_ITEM.match(above):
        return None
    # "Russia" over "- Tanks: 3,447 (of which 2,255 destroyed)", an item this reading skips, over the
    # rows: the side line above the list's items (a blank line ends the search)
    for earlier in reversed(lines[:-1]):
        if not LIST_ITEM.match(earlier):
            name = earlier.strip(" -:/\t")
            return lex.side_of(name) if name and len(name) <= 30 else None
    return None


def _table_title(text: str, block_start: int) -> str:
    """The last line above a table that is not one of its header lines (no "|"), "" when none."""
    above = text[max(0, block_start - tables.HEADING_REACH) : block_start].split("\n")
    return next((line.strip() for line in reversed(above) if line.strip() and "|" not in line), "")


def _heading_attribution(
    text: str, block_start: int, first_row: int, lex: Lexicon, last: Attribution | None
) -> Attribution | None:
    """Who a table speaks for: the attribution of the line introducing it ("According to the update,
    ...:", with "the update" read as the claimant named before), else the last claimant the text named
    before it, else a claimant its heading names ("Ministry of Defence of Ukraine" above the rows)."""
    heading = tables.heading_before(text, block_start, first_row)
    intro = text[max(0, block_start - tables.HEADING_REACH) : block_start].rstrip().rsplit("\n", 1)[-1]
    said = attribution(intro, lex, last) if intro else None
    if said is not None:
        return said
    if last is not None:
        return last
    # "Russia has also lost:" names the side that lost, not who says so
    found = [m for m in lex.claimant_re.finditer(heading) if not _LOSER_AFTER.match(heading, m.end())]
    return headline_attribution(found[-1].group(0), lex) if found else None


#: A loss verb right after a name: the name is the side that lost ("Russia has also lost:"); or a
#: negated verb: the name says nothing ("Moscow does not release comparable data").
_LOSER_AFTER = re.compile(
    r"['’]?s?\s+(?:(?:has|have|had)\s+)?(?:also\s+|so\s+far\s+)?(?:lost|losses)\b"
    r"|\s+(?:does|do|did|has|have|had|would|will)\s+(?:not|never)\b|\s+(?:never|doesn['’]t|didn['’]t|hasn['’]t)\b"
)
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
    if _BODIES_RETURNED.search(text, max(fig.sent.start, fig.tok.start - 60), fig.tok.start):
        return True  # "return the bodies of 6,000 killed soldiers": an exchange, not a loss claim
    if _NONLOSS_AFTER.match(text, fig.noun_end, fig.sent.end):
        return True  # "121,000 people have been evacuated", "2,000 soldiers were released"
    if fig.cls in _PEOPLE_CLASSES or fig.cls.startswith("outcome:") or fig.cls == "bare":
        if _POPULATION_BEFORE.search(text, max(fig.sent.start, fig.tok.start - 20), fig.tok.start):
            return True
        sentence = fig.sent.text
        if _memo("disaster", sentence, lambda: contains_any(sentence.lower(), _DISASTER_STEMS)) and (
            _DISASTER_BEFORE.search(text, fig.sent.start, fig.tok.start)
            or _DISASTER_AFTER.match(text, fig.noun_end, fig.sent.end)
        ):
            return True
    if fig.cls == "prisoners":
        return verb is not None and verb.group("non") is not None
    if verb is not None and nonloss_before and not text[verb.end() : fig.tok.start].strip():
        # "killed 135 gunmen and arrested 1,700 people", "had treated 600 casualties": the verb right
        # before the figure is its own
        counted = fig.cls in _PEOPLE_CLASSES or fig.cls.startswith("outcome:")
        return counted and not _BARE_AFTER.match(text, fig.noun_end, fig.sent.end)
    return fig.cls in ("personnel", "people") and nonloss_before and outcome is None


#: Words that make a document or sentence a count of losses ("Russia's equipment losses rose").
_LOSS_FRAME = re.compile(r"\b(?:loss(?:es)?|lost|tally|tallies|casualties|toll)\b")
#: How much of a document's opening (headline and first paragraph) frames every count in it as losses.
FRAME_REACH = 400


def _tally_personnel(text: str, low: str, fig: _Figure, verb: re.Match[str] | None) -> bool:
    """Whether "N personnel" with no outcome word counts losses: the bare word of the daily loss bulletins,
    in a sentence or a document opening about losses, with no verb of deploying or sending before it."""
    if verb is not None and verb.group("non") is not None:
        return False
    if not low.endswith("personnel", fig.tok.end, fig.noun_end):
        # '- "Sever" (North): up to 1,790 servicemen' under "put Ukrainian losses as follows:": a list
        # item under an introduction that speaks of losses
        return _list_of_losses(low, fig)
    return _LOSS_FRAME.search(low, fig.sent.start, fig.sent.end) is not None or _loss_framed(text)


def _list_of_losses(low: str, fig: _Figure) -> bool:
    """Whether a figure sits in a bulleted list item introduced by a line about losses that ends in ":"."""
    intro = list_intro(low, fig.tok.start)
    return intro is not None and _LOSS_FRAME.search(low, *intro) is not None


def _loss_framed(text: str) -> bool:
    """Whether the document's opening (headline, first paragraph) says it counts losses; once per document."""
    return _memo("frame", "", lambda: _LOSS_FRAME.search(lowered(text[:FRAME_REACH])) is not None)


def _near(sentences: list[Sentence], earlier: int, k: int) -> bool:
    """Whether sentence `earlier` is in sentence `k`'s report: before it, in its paragraph or just before it."""
    return earlier < k and (sentences[earlier].para == sentences[k].para or earlier == k - 1)


#: A bare figure given as the real or full size of the count just named ("the true number could be").
_SAME_COUNT_BEFORE = re.compile(
    r"\b(?:true|real|actual|full|overall|total)\s+(?:number|figure|toll|count|tally|total)\b[^.;]*$",
    re.IGNORECASE,
)
#: A toll or total named in a sentence: its figure is a running total, not the day's tally before it.
_TOLL_WORD = re.compile(r"\b(?:toll|total|totals|tally|overall|cumulative)\b", re.IGNORECASE)


def _carried_period(
    claims: list[tuple[Claim, int, bool]],
    sentences: list[Sentence],
    k: int,
    claimant: str | None,
    period: Period,
    value: float,
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
    if lk != k and last.period.kind == "cumulative" and len(claims) > 1:
        before, bk, _ = claims[-2]
        if bk == lk and before.period.kind == "day" and before.claimant == last.claimant:
            # "lost 1,080 troops over the past day, taking its total to 1,006,260. It also listed seven
            # tanks": the total is what the day's tally came to; the next sentence goes on with the tally
            last = before
    same = last.claimant == claimant
    kind = last.period.kind
    text = sentences[k].text  # per-sentence facts, memoised: this runs for every figure of the sentence
    if (
        kind in ("span", "cumulative")
        and (same or _memo("continues", text, lambda: _CONTINUES.search(text) is not None))
        and not (period.kind == "event" and _memo("incident", text, partial(periods.incident, text)))
    ):  # "... killed in the Hamas-led attack on southern Israel" tells of one attack, not the running total
        return last.period
    if _memo("subset", text, lambda: _SUBSET_OF_LAST.search(text) is not None):
        return last.period  # whoever says it, a part shares its whole's period
    # A default toll after the same claimant's day tally is a part of that tally ("enemy losses amounted
    # to up to 180 servicemen" after "lost over 1,200 troops over the past day") unless it is larger
    # than the tally or a total is named.
    toll = period.kind == "cumulative" and (
        kind != "day"
        or value > last.value
        or _memo("toll", text, lambda: _TOLL_WORD.search(text) is not None)
    )
    if same and not toll and (kind == "day" or kind == "event" and last.period.start is not None):
        return last.period
    return None


def _frame_period(
    sentences: list[Sentence],
    k: int,
    claimant: str | None,
    cache: dict[int, tuple[Attribution | None, date | None]],
    published: date | None,
    reach_back: bool = False,
) -> Period | None:
    """A dated span or day an earlier sentence of the paragraph named, the nearest one naming a period
    ("carried out 350 strikes over 48 hours. ... its strikes had destroyed 15 vessels"; a briefing
    quoted at length: "In the Kherson direction, over the past day, ... In the Kupiansk direction, the
    enemy's losses amounted to more than 70 servicemen"). Past the sentence before only when
    `reach_back` (see `_may_reach_back`): a running total is no part of a frame set further back."""
    for j in range(k - 1, max(-1, k - 1 - (FRAME_SENTENCES if reach_back else 1)), -1):
        if sentences[j].para != sentences[k].para or sentences[j].display:
            return None
        frame_attr = cache[j][0]
        if frame_attr is not None and frame_attr.claimant != claimant:
            return None
        text = sentences[j].text
        cues = _memo("cues", text, partial(periods.cue_matches, text))
        if not cues:
            continue
        end = len(text)
        found = periods.resolve(cues, text, end, end, published, cache[j][1], None)
        return found if found.kind in ("span", "day") and found.end is not None else None
    return None


def _may_reach_back(period: Period, fig: _Figure, sentence: str) -> bool:
    """Whether a figure may take a period frame set sentences before it: one read as an event, or a
    small default toll ("the enemy's losses amounted to more than 70 servicemen") that names no total."""
    if period.kind == "event":
        return True
    return (
        period.kind == "cumulative"
        and fig.tok.value < periods.TOTAL_SCALE
        and not _memo("toll", sentence, lambda: _TOLL_WORD.search(sentence) is not None)
    )


#: How many sentences back in its paragraph a period frame is looked for.
FRAME_SENTENCES = 4


#: What happened to the people counted, said right after them, is not a loss.
_NONLOSS_AFTER = re.compile(
    # "more than 11,000 residents of border villages have been evacuated": a place after the noun
    r"[\"”]?(?:\s+(?:of|from|in)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+)?"
    # "the 95 Russian servicemen it received": people handed back in a swap
    r"\s+(?:(?:it|they|we|kyiv|moscow)\s+(?:had\s+)?(?:received|got\s+back|exchanged)\b|fled\b|escaped\b|(?:(?:all|now|reportedly|still)\s+)?(?:have|has|had|were|was|are|is|being)\s+"
    r"(?:(?:been|since|now|all|still|being)\s+)*(?:\w+ly\s+)?"
    r"(?:evacuated|displaced|fled|escaped|hospitali[sz]ed|rescued|relocated|resettled|left\s+homeless|"
    r"made\s+homeless|released|freed|exchanged|swapped|returned|repatriated|mobili[sz]ed|deployed|"
    r"recruited|treated|sheltering|missing|referred|arrested|detained|listed\s+as\s+missing|"
    r"held\s+hostage|taken\s+hostage|held\s+captive|unaccounted\s+for)|"
    r"(?:have|has|had)\s+(?:since\s+)?(?:left|fled)\s+their\s+homes|"
    # "40 of whom remain in hospital", "six of them in a serious condition": the wounded still treated
    r"of\s+(?:them|whom)\s+(?:(?:were|are|remain|remains|remained|still)\s+)*(?:hospitali[sz]ed|referred|treated|"
    r"in\s+hospital|in\s+(?:a\s+)?(?:serious|critical|stable|grave)\s+condition))\b",
    re.IGNORECASE,
)
#: A disaster that killed or injured the people counted: no war loss ("the quake had killed 2,886",
#: "2,000 died in the floods"); one named only as a point in time ("since the earthquake") is not.
_DISASTERS = (
    r"(?:earthquakes?|quakes?|tsunami|cyclone|hurricane|typhoon|floods?|flooding|landslides?|mudslides?)"
)
#: What every disaster word holds: a sentence with none of these is not searched.
_DISASTER_STEMS = ("quake", "tsunami", "cyclone", "hurricane", "typhoon", "flood", "slide")
_DISASTER_BEFORE = re.compile(
    rf"\b{_DISASTERS}\b[^.;]{{0,40}}?\b(?:killed|kills|killing|left|injured|injuring|wounded)\s+[^.;]{{0,30}}$",
    re.IGNORECASE,
)
_DISASTER_AFTER = re.compile(
    rf"[^.;]{{0,50}}?\b(?:in|by|during)\s+(?:the\s+|a\s+)?(?:[\w.-]+\s+){{0,2}}{_DISASTERS}\b", re.IGNORECASE
)
#: A population before a figure ("the enclave of 2.3 million people"): residents counted, not losses.
_POPULATION_BEFORE = re.compile(
    r"\b(?:population|enclave|city|town|territory|country|strip|region|nation)\s+of\s+$", re.IGNORECASE
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


def _rounds_to(exact: float, rounded: float) -> bool:
    """Whether a headline's `rounded` figure is `exact` cut or rounded to its last non-zero digit
    (434,950 → 434,000 or 435,000; 1,046 → 1,000), keeping at least two significant digits' worth."""
    unit = 10
    while unit * 10 <= exact and rounded % unit == 0 and rounded:
        if exact // unit * unit == rounded or round(exact / unit) * unit == rounded:
            return True
        unit *= 10
    return False


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
    if _rounds_to(a.value, b.value):
        return True  # "Russia lost 434,000 troops" over the body's "434,950"
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
