"""Periods: which stretch of time a figure covers, with dates resolved against the report date.

Every regex here is compiled for lower-case text (no IGNORECASE, see `lexicon.lowered`): the public
functions lower-case the sentence they are given.

The cues are a handful of compiled regexes searched in the sentence of a figure; the cue nearest to
the figure wins, so "lost 1,020 soldiers in the past day, bringing the total to 390,580" gives a day
and a cumulative figure. Dates are parsed by hand (month names, weekdays, years): the shapes news
uses are few, and dateparser per sentence would cost more than the whole grammar.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from attrition.extract.lexicon import WORD_START, lowered
from attrition.extract.scanning import WordGate, contains_any
from attrition.models import Period

MONTHS: dict[str, int] = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS: dict[str, int] = {d.lower(): i for i, d in enumerate(calendar.day_name)}

#: Full month names, for "in November" (abbreviations there are too often other words: "in mar").
_MONTH_NAMES = "|".join(m.lower() for m in calendar.month_name if m)
_SMALL_WORDS = "two|three|four|five|six|seven|eight|nine|ten"
#: What a stretch named by its length can be: "a week-long battle", "the four-month offensive".
_CAMPAIGN = r"battle|offensive|counteroffensive|siege|campaign|operation|assault|fight|fighting|push|clashes"
_HOURS = {"forty-eight": 48, "seventy-two": 72}
#: Month names and their abbreviations (lower case), longest first.
_MONTH_ALL = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH = rf"(?:{_MONTH_ALL})\.?"
_WEEKDAY = r"(?:" + "|".join(WEEKDAYS) + r")"
#: One end of "between ... and ...": a date, a day of the month, a month (with a year) or a weekday.
_DAY_NUM = r"\d{1,2}(?:st|nd|rd|th)?"
_OPT_YEAR = r"(?:,?\s+(?:19|20)\d\d)?"
_MONTH_OR_WEEKDAY = rf"{_MONTH}(?:\s+{_DAY_NUM})?{_OPT_YEAR}|{_WEEKDAY}"
_DATEISH = rf"(?:{_DAY_NUM}(?:\s+{_MONTH})?{_OPT_YEAR}|{_MONTH_OR_WEEKDAY})"
#: The closing end names a month or a weekday ("between 10 and 20 soldiers" is no stretch of time).
_DATEISH_END = rf"(?:{_DAY_NUM}\s+{_MONTH}{_OPT_YEAR}|{_MONTH_OR_WEEKDAY})"
_UNIT_DAYS = {
    "day": 1,
    "days": 1,
    "week": 7,
    "weeks": 7,
    "month": 30,
    "months": 30,
    "year": 365,
    "years": 365,
    "fortnight": 14,
}
_SMALL = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "twelve": 12,
    "several": 3,
    "a few": 3,
    "few": 3,
    "a": 1,
    "one": 1,
}

#: An explicit date: "February 24, 2022", "24 February 2022", "Feb 24", "February 2022".
DATE_RE = re.compile(
    r"(?<![A-Za-z0-9])(?=[A-Za-z0-9])"
    rf"\b(?:(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y1>(?:19|20)\d\d))?"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{_MONTH})(?:,?\s+(?P<y2>(?:19|20)\d\d))?"
    rf"|(?P<m3>{_MONTH})\s+(?P<y3>(?:19|20)\d\d))\b",
)

_CUES: list[tuple[str, str]] = [
    (
        "rate",
        r"\bper\s+(?:day|week|month)\b|(?<!within\s)(?<!\bin\s)(?<!for\s)(?<!than\s)\b(?:a|each|every)\s+(?:day|week|month)\b(?!-)"
        r"(?!\s+(?:earlier|before|ago|after|later))"
        r"|\bdaily\s+average\b|\bon\s+average\b|\baverage\s+(?:daily|of)\b|\ba\s+day\s+on\s+average\b",
    ),
    (
        "projection",
        r"\bby\s+(?:the\s+(?:end|close|final\s+months|last\s+months)\s+of\s+|late\s+|early\s+)?(?P<pyear>20\d\d)\b|\bwill\s+have\b|\bwill\s+(?:reach|exceed|rise\s+to)\b"
        r"|\bis\s+(?:expected|projected|forecast)\s+to\b|\bcould\s+reach\b"
        # "could pass one million", "would top 700,000", "on track to exceed"
        r"|\b(?:could|would|will|may|might|on\s+track\s+to|set\s+to)\s+(?:soon\s+|likely\s+|well\s+|easily\s+)?"
        r"(?:pass|exceed|top|surpass|reach|hit|cross|climb\s+to|rise\s+(?:to|above))\b",
    ),
    (
        "day",
        r"\b(?:past|previous|last|preceding)\s+(?:24|twenty-four)\s+hours\b|\b(?:past|previous|last)\s+day\b"
        r"|\bin\s+(?:a|one)\s+(?:single\s+)?day\b|\bin\s+24\s+hours\b|\bover\s+the\s+day\b|\byesterday\b|\bovernight\b|\bdaily\s+(?:losses|toll|tally)\b"
        r"|\bon\s+the\s+day\b|\bin\s+the\s+last\s+day\b|\b(?:during|through)\s+the\s+night\b"
        # "destroyed during the day", "killed in today's strikes": the report's day
        r"|\bduring\s+the\s+day\b|\btoday['’]s\b"
        r"|\bdaily\s+(?:briefing|bulletin|report|update|summary)\b",
    ),
    (
        "span",
        r"\b(?:over|in|during|for)\s+the\s+(?:past|last|previous)\s+(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten|several|few)"
        r"\s+(?P<unit>days|weeks|months|years)\b|\b(?:over|in|during)\s+the\s+(?:past|last|previous)\s+(?P<unit1>week|month|year)\b"
        r"|(?<!\d\s)(?<!day\s)\blast\s+(?P<unit2>week|month|year)\b|\b(?:in|during|throughout|over)\s+(?P<syear>20\d\d)\b"
        r"|\bin\s+the\s+(?:battle|fight|fighting|offensive|assault)\s+(?:for|on|around|near)\b|(?<!earlier\s)(?<!later\s)\bthis\s+(?P<unit3>week|month|year)\b"
        r"|\bsince\s+the\s+(?:start|beginning)\s+of\s+(?:the|this)\s+(?:month|year|week)\b"
        # "this past week", "over the past fortnight"
        r"|\b(?:(?:over|in|during)\s+the|this)\s+(?:past|last|previous)\s+(?P<unit5>week|month|year|fortnight)\b"
        # "over the week", "during the year": the stretch the report covers
        r"|\b(?:over|during|in|throughout|for)\s+the\s+(?P<unit4>week|month|year|fortnight)\b"
        r"(?!\s+(?:before|earlier|ago|of|to|ending|ended|since|after|that|when|in|prior))"
        r"|\b(?:over|in|within|during)\s+(?:the\s+(?:past|last|previous)\s+)?(?P<nh>(?!24\b)\d{2,3}|forty-eight|seventy-two)\s+hours\b"
        rf"|\b(?:in|during|throughout|over)\s+(?:early\s+|late\s+|mid-?)?(?P<smonth>{_MONTH_NAMES})\b(?:,?\s+(?P<smy>20\d\d)\b)?(?!\s+\d)"
        # "a week-long battle", "the four-month offensive", "a 10-day siege"
        rf"|\b(?:a|the|its|their)\s+(?:(?P<nl>\d+|{_SMALL_WORDS})-)?(?P<lunit>day|week|month|year)(?:-long)?\s+(?:{_CAMPAIGN})\b"
        r"|\b(?P<lunit2>day|week|month)-long\b"
        # "in the seven days to Wednesday": a stretch ending then (the end is read by `_span_start`)
        rf"|\b(?:in|over|during)\s+the\s+(?:(?P<nt>\d+|{_SMALL_WORDS})\s+)?(?P<lunit4>days|weeks|week)\s+(?:to|through|until|ending)\s+(?=(?:{_WEEKDAY}|{_MONTH_NAMES}))"
        # a box row's label ending with its month: "Killed in Lebanon, November ......... 1,012"
        rf"|(?<=, )(?P<lmonth>{_MONTH_ALL})\.?\s+(?=\.{{2,}}|…)"
        # "for March 1-7": a stretch of days of one month ("the night of May 6-7" is one night)
        rf"|(?<!night\sof\s)\b(?P<mr>{_MONTH_ALL})\.?\s+(?P<mrd1>\d{{1,2}})\s*[-–]\s*(?P<mrd2>\d{{1,2}})\b(?![-–/\d])"
        # "in three days of fighting", "after two weeks of heavy clashes": a stretch ending on the report
        rf"|\b(?:in|over|during|after)\s+(?:the\s+)?(?P<nd>\d+|{_SMALL_WORDS})\s+(?P<lunit3>days|weeks|months)\s+of\s+"
        rf"(?:[a-z]+\s+)?(?:{_CAMPAIGN}|combat|battles|shelling|strikes|bombardment|violence)\b"
        r"|\bin\s+the\s+(?:final|last|closing|first|opening)\s+(?:days|weeks|months|hours)\s+of\b"
        # "between 25 September and 2 October", "between Thursday and Saturday", "between March and May"
        rf"|\bbetween\s+(?P<ba>{_DATEISH})\s+and\s+(?P<bb>{_DATEISH_END})(?![\w-])"
        # "between December 14 and 16", "between Aug. 13 and 19": days of one month
        rf"|\bbetween\s+(?P<mb>{_MONTH_ALL})\.?\s+(?P<mbd1>\d{{1,2}})\s+and\s+(?P<mbd2>\d{{1,2}})\b(?![-–/\d])"
        # "during the fighting on Tuesday and Wednesday": those days
        rf"|\bon\s+(?P<wa>{_WEEKDAY})\s+and\s+(?P<wb>{_WEEKDAY})\b"
        # "in the first five months of the year", "in the first week", "in the 15 months that followed"
        rf"|\b(?:in|during|over|within)\s+(?:the|its|their)\s+(?:(?P<ffirst>first|opening)\s+(?:(?P<fn>\d+|{_SMALL_WORDS}|twelve|few)\s+)?"
        r"(?P<funit>days?|weeks?|months?|years?)\b(?:\s+of\s+(?:the\s+)?(?P<fof>war|year|invasion|conflict|fighting))?"
        rf"|(?P<fn2>\d+|{_SMALL_WORDS}|twelve)\s+(?P<funit2>days|weeks|months|years)\s+(?:that\s+)?(?:followed|after))"
        # "in the three days since Sunday", "over the three days", "over the twelve months": a stretch of
        # that length ending on the report
        rf"|\b(?:in|over|during|within)\s+the\s+(?P<nb>\d+|{_SMALL_WORDS}|twelve)\s+(?P<lunit5>days|weeks|months)\b"
        r"(?!\s+(?:of|ago|before|later|earlier|to|through|until|ending|that|followed|after)\b)"
        # a line of a list labelled with its month ("January — 420 killed, 158 injured")
        rf"|^(?P<lmonth2>{_MONTH_NAMES})\s*[—–:-]\s*(?=\d)"
        # "in recent days", "in the preceding days": a stretch ending on the report, start unstated
        r"|\b(?:in|over|during)\s+(?:recent|the\s+(?:preceding|previous|past|last|following|last\s+few|past\s+few))\s+(?:days|weeks)\b(?!\s+of\b)",
    ),
    (
        "same",
        r"\b(?:over|in|during|for)\s+(?:the\s+same\s+(?:period|time)|that\s+(?:time|period))\b"
        # "over the same seven days", "in the same weeks"
        rf"|\b(?:over|in|during|for)\s+the\s+same\s+(?:(?:\d+|{_SMALL_WORDS})\s+)?(?:days|weeks?|months?|fortnight)\b",
    ),
    (
        "cumulative",
        # "bringing its toll in the ground offensive to 332": the running total the new losses raise
        r"\bbringing\s+(?:its|the|their|his|her|our|this)\s+(?:[\w'’-]+\s+){0,3}?(?:toll|losses|totals?|tally|count|number)\b"
        # "bringing to 19 the number ...", "taking its count past 1.3 million"
        r"|\b(?:bringing|brought|brings)\s+to\s+(?=\d|(?:more|over|about|nearly|almost|at)\b)|\b(?:taking|pushing)\s+(?:its|the|their)\s+(?:[\w-]+\s+){0,2}?(?:toll|tally|total|count)\b"
        r"|\bsince\b|\bin\s+total\b|\btotal(?:s|ed|led)?\b|\btally\b|\bso\s+far\b|\bto\s+date\b|\baltogether\b|\boverall\b"
        r"|\bin\s+all\b|\bcumulative\b",
    ),
]
_INCIDENT_RE = re.compile(
    WORD_START
    + r"\b(?:attacks?|strikes?|shelling|explosions?|blasts?|ambush(?:es|ed)?|bombings?|raids?|airstrikes?|clash(?:es)?"
    r"|firefights?|massacre)\b(?!\s+(?:drones?|helicopters?|aircraft|submarines?|jets?))",
)
_WEAK_SPAN = re.compile(
    WORD_START
    + r"\b(?:during|in)\s+(?:the|its|their)\s+(?:[\w-]+\s+)?(?:offensive|counteroffensive|operation|"
    r"battle|assault|campaign|march|mutiny|rebellion|siege|incursion|advance)\b",
)
_PERFECT_TOTAL = re.compile(
    WORD_START
    # "claimed to have killed 47 soldiers" is no present perfect: the claim of one fight
    + r"(?<!\bto\s)\b(?:has|have)\s+[\"“]?(?:now\s+|so\s+far\s+|also\s+)?(?:been\s+)?(?:lost|killed|wounded|suffered|sustained|identified|"
    r"recorded|documented|confirmed|captured|died|injured|verified|counted|registered)\b",
)
_IN_MONTH = re.compile(
    WORD_START
    + r"\b(?:in|during|throughout)\s+(?P<m>"
    + "|".join(m for m in MONTHS if len(m) > 3)
    + r")\b(?!\s+\d)",
)
_STATEMENT_BETWEEN = re.compile(r"\b(?:that|said|says|told|added)\b")
#: Between a month or "last week" and the figure: the cue dates the statement ("said last month that").
_STATEMENT_AFTER = re.compile(
    r"\b(?:that|saying)\b|,\s*when\s+(?:[\w'’.-]+\s+){0,6}?(?:said|told|put|announced|gave)\b"
)
#: "In February, President Volodymyr Zelensky said 31,000 ...": a speaker and a verb of saying right
#: after the cue and its comma.
_STATEMENT_TAG_AFTER = re.compile(r",\s+(?:[\w'’.-]+\s+){0,6}?(?:said|says|told|announced)\b")
#: Just before a month or "last month": the words of a statement ("quoted in August 2023", "who said in
#: May", "in a briefing last month"), so the cue dates the statement wherever the figure stands.
_STATEMENT_BEFORE = re.compile(
    r"\b(?:quoted|cited|said|told|wrote|briefing|statement|interview|speech|address|update|assessment)\s+(?:\w+ly\s+)?(?:in\s+)?$"
)
#: How far before a cue `_STATEMENT_BEFORE` looks.
STATEMENT_REACH = 30
#: "the largest attack so far": "so far" qualifies the superlative, not a running total.
_SUPERLATIVE = re.compile(r"\b(?:largest|biggest|deadliest|worst|heaviest|highest|bloodiest|most)\b")
#: How far before "so far" / "to date" a superlative is looked for.
SUPERLATIVE_REACH = 50
#: "as of February 21": a running total as of that date.
_AS_OF = re.compile(r"\b(?:as\s+of|by)\s+$")
#: "which began on April 15": the date a war or campaign started.
_BEGAN_ON = re.compile(r"\b(?:began|started|erupted|broke\s+out|launched)\s+on\s+$")
#: A toll or overall estimate with no period of its own: a running total of the war ("had been killed",
#: "casualties are approaching 300,000", "estimated", "puts Russian casualties at").
_TOLL_DEFAULT = re.compile(
    WORD_START
    + r"\b(?:had\s+(?:now\s+|also\s+|so\s+far\s+|likely\s+|probably\s+)?(?:been\s+(?:killed|wounded|injured)|lost|died|"
    r"suffered|sustained)|(?:casualties|deaths|losses|toll|dead|fatalities)\s+(?:(?:had|have|has)\s+)?(?:are|were|is|was|"
    r"stand|stood|number|numbered|reached|topped|exceeded|approach|approached|approaching|close\s+to|near|neared|"
    r"amount|amounted)|estimat(?:ed|es|e)|puts?\s+(?:[\w'’-]+\s+){0,5}?(?:casualties|losses|toll|deaths|dead)"
    # "Its own losses in the ground offensive, which began in late October, stand at 298"
    r"|(?:casualties|deaths|losses|toll|fatalities)\s[^.;:]{1,80}?\b(?:stand|stands|stood)\s+at)\b",
)
#: A campaign inside a war ("the ground offensive", "the Kursk incursion"): a total in it starts when it did.
_CAMPAIGN_RE = re.compile(
    r"\b(?:offensive|counteroffensive|operation|campaign|battle|incursion|siege|escalation)\b"
)
#: Cue words that raise a running total to the figure: the total is as of the statement, whatever day
#: the sentence names ("lost 1,270 over the past day, bringing their losses ... to 858,370 ... on Tuesday").
_RAISING = ("bringing", "brought", "brings", "taking", "pushing")
#: A total set "at" or "to" its figure ("stood at", "put ... at", "rose to").
_SET_AT_WORDS = r"\b(?:at|to|reached|passed)\s+"
_SET_AT = re.compile(_SET_AT_WORDS + "$")
#: A total set at its figure, then the weekday it stood so ("stood at 1,010,960 on Thursday").
_SET_AT_FIGURE = re.compile(
    _SET_AT_WORDS + r"(?:[a-z]+\s+){0,2}?\d[\d,.]*(?:\s+(?:million|thousand))?\s+on\s+$"
)
#: Words right before a figure that make it what a total grew by ("rose by 1,200", "added 900").
_INCREMENT = re.compile(
    r"\b(?:(?:rose|risen|rises|increased|increases|grew|grown|went\s+up|gone\s+up|jumped|climbed)\s+by|added)\s"
    r"(?![^;]*\bto\s)"  # "rose by 300 to 12,000": the figure after "to" is the total
)
#: How far before a figure the increment words may stand ("grew by 20,110 personnel and 96 tanks").
INCREMENT_REACH = 60
#: The whole war as the scope of a figure ("killed in the war", "over the course of the war").
_WAR_SCOPE = re.compile(
    WORD_START
    + r"\b(?:in|during|throughout|over\s+the\s+course\s+of|since\s+the\s+start\s+of)\s+(?:the|this)\s+"
    r"(?:(?:full-scale\s+|\d+-day\s+|[a-z]+-day\s+)?war|conflict|(?:full-scale\s+)?invasion)\b(?!\s+(?:on|in)\s)",
)
#: People held now ("remain in Russian captivity", "are still being held"): a standing count, not an event.
_HELD_NOW = re.compile(
    WORD_START
    + r"\b(?:(?:remain|remains|remained|still|are|were)\s+(?:[\w-]+\s+){0,2}?(?:in\s+(?:[\w-]+\s+)?captivity|held)"
    r"|in\s+(?:[\w-]+\s+)?captivity)\b",
)
#: A figure this large with no period and no incident is a running total: single attacks and clashes
#: are reported in hundreds at most, whole-war tolls and tallies in thousands.
TOTAL_SCALE = 1_000
#: An incident word used as a reference point ("after the attack"), not as what caused the losses.
_AFTER_INCIDENT = re.compile(r"\b(?:after|since|before)\s+(?:the|that|this|its|their)\s+$")
_SAID_ON = re.compile(
    r"\b(?:said|says|reported|announced|stated|estimated|claimed|published|released|issued)\s+"
    r"(?:in\s+(?:an?|its|a\s+\w+)\s+\w+\s+)?on\s+"
)
#: How far before a date "said on " may start (the longest verb, "in an update", "on", the spaces).
SAID_ON_REACH = 40
#: "said on " right before a date: the statement's day.
_SAID_ON_BEFORE = re.compile(_SAID_ON.pattern + "$")
#: How many characters after "said on" a written-out date may take ("September 30, 2024").
DATE_REACH = 20
#: "over the week", "during the year" with no number: the stretch an earlier sentence named, when one did.
ANAPHORIC_SPAN = re.compile(r"\b(?:over|during|in|throughout|for)\s+the\s+(?:week|month|year|fortnight)\b")
#: "began in April", "erupted in mid-April": the month a war or campaign started.
_BEGAN = re.compile(r"\b(?:began|started|erupted|broke\s+out|launched|beginning|start)\s*$")
BEGAN_REACH = 16
#: "since <a clause> in May": a "since" the month closes, with no comma between.
_SINCE_CLAUSE = re.compile(r"\bsince\s[^,;:]*$")
#: A clause that tallies losses ("Russia lost 1,380 troops on Wednesday"): a day's tally, not an event.
_LOSS_TALLY = re.compile(r"\b(?:lost|losses|loses)\b")
#: Strikes "across southern Lebanon", "nationwide": a tally of a country's or region's day, not one attack.
_WIDE = re.compile(
    r"\bacross\s+(?!(?:the\s+|a\s+)?(?:border|river|street|road|bridge|frontier|line)\b)|\bnationwide\b|\bcountrywide\b"
)
#: Weapons hitting a place ("when Russian drones hit a residential area", "missiles struck the port"):
#: one attack, as an attack word would say.
_WEAPON_HIT = re.compile(
    r"\b(?:missiles?|drones?|rockets?|bombs?|shells?)\s+(?:[a-z]+\s+){0,2}?(?:hit|struck|slammed\s+into|pounded)\b"
)
#: A monitor's count of the dead ("had documented", "counts", "lists"): a running total.
_TALLIED = re.compile(r"\b(?:documented|counts|lists|has\s+identified|had\s+identified|has\s+counted)\b")
#: Substrings every match of `_FINAL_CLASH` / `_TALLIED` holds: cheap tests before the searches.
_FINAL_WORDS = (" final ", " last ", " opening ", " initial ")
_TALLY_WORDS = ("documented", "counts", "lists", "identified", "counted")
#: Soldiers giving themselves up: one event, however many ("had surrendered and handed over their weapons").
_SURRENDERED = re.compile(r"\b(?:surrendered|laid\s+down\s+their\s+(?:arms|weapons))\b")
#: How far before a figure "shot down" is looked for ("shot down 11 drones launched at ...").
INTERCEPT_REACH = 40
#: Drones or missiles brought down: an air force's tally of the night, not the attack it answered.
_INTERCEPTED = re.compile(r"\b(?:shot\s+down|shooting\s+down|intercepted|downed|neutrali[sz]ed)\b")
_BY_YEAR = re.compile(r"\bby\s+(?:the\s+end\s+of\s+)?(?P<pyear>20\d\d)\b")
#: "by the end of the year / summer": a forecast's horizon in the report's year (the month it ends).
_BY_SEASON = re.compile(
    r"\bby\s+the\s+end\s+of\s+(?:the\s+|this\s+)?(?P<season>year|spring|summer|autumn|fall)\b"
)
_SEASON_LAST_MONTH = {"year": 12, "spring": 5, "summer": 8, "autumn": 11, "fall": 11}


def _season_end(sentence: str, published: date | None) -> date | None:
    """The horizon "by the end of the summer" names, in the report's year; None when unnamed."""
    m = _BY_SEASON.search(sentence)
    if m is None or published is None:
        return None
    month = _SEASON_LAST_MONTH[m.group("season")]
    return date(published.year, month, calendar.monthrange(published.year, month)[1])


#: The letters each kind of cue can open with (tests/test_extract_scanning.py derives them from `_CUES`).
#: Why: `re` enters every alternative of every kind at each word start; a lookahead on the first letter
#: spares the kinds a word cannot open, a third of the scan.
CUE_FIRST_LETTERS = {
    "rate": "adeop",
    "projection": "bcimosw",
    "day": "dilopty",
    "span": "abdfijlmnostw",
    "same": "dfio",
    "cumulative": "abciopst",
}
#: Run on `lowered` text (no IGNORECASE: see `lexicon.lowered`).
CUE_RE = re.compile(
    WORD_START + "(?:" + "|".join(f"(?=[{CUE_FIRST_LETTERS[k]}])(?P<{k}>{p})" for k, p in _CUES) + ")"
)
#: The words each kind of cue can open with (tests/test_extract_scanning.py derives them from `_CUES`):
#: a cue starts at a run of letters, and the run is one of these.
CUE_FIRST_WORDS = {
    "rate": "a average daily each every on per",
    "projection": "by could is may might on set will would",
    "day": "daily during in last on over overnight past preceding previous through today yesterday",
    "span": "a after apr april aug august between day dec december during feb february for in its jan "
    "january jul july jun june last mar march may month nov november oct october on over sep sept september "
    "since the their this throughout week within",
    "same": "during for in over",
    "cumulative": "altogether bringing brings brought cumulative in overall pushing since so taking tally to "
    "total totaled totalled totals",
}
#: `CUE_RE` tried only at the words a cue can open with: a sentence's other words (most of them) and the
#: positions inside words are never tried (`scanning.WordGate`; the text is lower-cased, so no
#: IGNORECASE extras).
_CUE_GATE = WordGate(CUE_RE, {w for words in CUE_FIRST_WORDS.values() for w in words.split()}, "")
_SINCE_WAR = re.compile(
    r"since\s+(?:the\s+)?(?:start|beginning|outbreak)\s+of\s+(?:the\s+|its\s+|russia's\s+)?(?:full[-\s]scale\s+)?"
    r"(?:war|invasion|conflict|fighting|aggression|special\s+military\s+operation)"
    r"|since\s+(?:the\s+)?(?:full[-\s]scale\s+)?(?:war|invasion|conflict|fighting)\s+(?:began|started|broke\s+out)"
    r"|since\s+(?:russia|moscow)\s+invaded",
)
_WEEKDAY_RE = re.compile(WORD_START + rf"\b(?:on\s+|last\s+)?(?P<wd>{_WEEKDAY})\b")
_SAID_WEEKDAY = re.compile(
    WORD_START
    + rf"\b(?:said|says|reported|announced|claimed|stated|told|wrote|added|published|posted|estimated|assessed|confirmed"
    rf"|released|update|briefing|bulletin|statement|summary|interview)\s+(?:\w+\s+){{0,3}}?(?:on\s+)?(?P<wd>{_WEEKDAY})\b"
    rf"|(?<!since\s)\b(?:on\s+)?(?P<wd2>{_WEEKDAY}),?\s+(?:\w+\s+){{0,4}}?(?:said|reported|announced|claimed|acknowledged|admitted|confirmed|estimated)\b"
    r"(?!\s+(?:losses|deaths|casualties|toll|figures?|dead)\b)",  # "its first confirmed losses": no statement
)


@dataclass(slots=True, frozen=True)
class DateCue:
    """A resolved date mentioned in a sentence and where it is."""

    day: date
    start: int
    end: int
    precision: str  # "day", "month" or "year"


def weekday_date(name: str, published: date | None) -> date | None:
    """The latest date on or before `published` that falls on weekday `name`."""
    if published is None:
        return None
    back = (published.weekday() - WEEKDAYS[name.lower()]) % 7
    return published - timedelta(days=back)


def explicit_dates(sentence: str, published: date | None) -> list[DateCue]:
    """Dates written out in a sentence; a year-less date is the latest one not after `published`."""
    sentence = lowered(sentence)
    out: list[DateCue] = []
    for m in DATE_RE.finditer(sentence):
        month = MONTHS.get((m.group("m1") or m.group("m2") or m.group("m3")).lower().rstrip("."))
        if month is None:
            continue
        year_s = m.group("y1") or m.group("y2") or m.group("y3")
        day_s = m.group("d1") or m.group("d2")
        day = int(day_s) if day_s else 1
        year = int(year_s) if year_s else (published.year if published else None)
        if year is None:
            continue
        try:
            d = date(year, month, day)
        except ValueError:
            continue
        if not year_s and published and d > published:
            d = date(year - 1, month, day)
        out.append(DateCue(d, m.start(), m.end(), "day" if day_s else "month"))
    return out


def statement_date(sentence: str, published: date | None) -> date | None:
    """The day a statement was made ("said on Monday"), or None."""
    sentence = lowered(sentence)
    if "day" in sentence:  # every weekday name ends in "day"; so does "yesterday"
        m = _SAID_WEEKDAY.search(sentence)
        if m:
            return weekday_date(m.group("wd") or m.group("wd2"), published)
        if re.search(r"\b(?:said|reported|announced)\s+yesterday\b", sentence) and published:
            return published - timedelta(days=1)
    if " on " in sentence:  # "said on February 18"
        m = _SAID_ON.search(sentence)
        if m:
            dates = explicit_dates(sentence[m.end() : m.end() + DATE_REACH], published)
            if dates and dates[0].start == 0 and dates[0].precision == "day":
                return dates[0].day
    return None


#: Span cue groups that fix the span's dates (the rest: "in the battle for X", "in the final days of").
#: Span cue groups that hold the unit of "over the past N <unit>" in one of its wordings.
_UNIT_GROUPS = (
    "unit",
    "unit1",
    "unit2",
    "unit3",
    "unit4",
    "unit5",
    "lunit",
    "lunit2",
    "lunit3",
    "lunit4",
    "lunit5",
)
_DATED_GROUPS = ("syear", *_UNIT_GROUPS, "nh", "smonth", "lmonth", "lmonth2", "mr", "mb", "ba", "wa", "fof")
#: Span cue groups that may date the statement rather than the losses ("said last month that ...").
_STATEMENT_GROUPS = ("smonth", "unit2", "unit3")


def _dated_span(m: re.Match[str]) -> bool:
    """Whether a span cue fixes its start ("past three weeks", "in 2023"), unlike "in the battle for X"."""
    g = m.groupdict()
    return any(g.get(k) for k in _DATED_GROUPS)


def _month_span(month: int, year_s: str | None, report: date | None) -> tuple[date | None, date | None]:
    """ "in November" (the latest November up to the report) or "in November 2023": that month."""
    if year_s:
        year = int(year_s)
    elif report is not None:
        year = report.year if month <= report.month else report.year - 1
    else:
        return None, None
    last = date(year, month, calendar.monthrange(year, month)[1])
    return date(year, month, 1), min(last, report) if report is not None and not year_s else last


def stated(cues: list[re.Match[str]], sentence: str, published: date | None) -> bool:
    """Whether a sentence states any period or date of its own (a cue, a weekday, a date, a perfect)."""
    sentence = lowered(sentence)
    return bool(
        cues
        or _WEAK_SPAN.search(sentence)
        or _named_day(sentence, 0, len(sentence), 0, 0, published) is not None
        or _PERFECT_TOTAL.search(sentence)
        or any(c.precision == "day" for c in explicit_dates(sentence, published))
    )


def _span_start(m: re.Match[str], end: date | None) -> tuple[date | None, date | None]:
    """Start and end of a span cue ("past three weeks", "in 2023", "last month")."""
    g = m.groupdict()
    if g.get("syear"):
        y = int(g["syear"])
        return date(y, 1, 1), date(y, 12, 31)
    if g.get("smonth"):
        return _month_span(MONTHS[g["smonth"]], g.get("smy"), end)
    if g.get("lmonth") or g.get("lmonth2"):
        return _month_span(MONTHS[g.get("lmonth") or g["lmonth2"]], None, end)
    if g.get("wa") and end is not None:  # "on Tuesday and Wednesday": from the first to the second
        last_day = weekday_date(g["wb"], end)
        first_day = weekday_date(g["wa"], last_day) if last_day is not None else None
        return first_day, last_day
    if g.get("mr") or g.get("mb"):  # "March 1-7", "between Aug. 13 and 19": those days of the latest
        # such month up to the report
        month, d1, d2 = (g["mr"], g["mrd1"], g["mrd2"]) if g.get("mr") else (g["mb"], g["mbd1"], g["mbd2"])
        first, _last = _month_span(MONTHS[month], None, end)
        if first is not None:
            day1, day2 = int(d1), int(d2)
            if 1 <= day1 <= day2 <= calendar.monthrange(first.year, first.month)[1]:
                return first.replace(day=day1), first.replace(day=day2)
    if g.get("nh") and end is not None:  # "over 48 hours": whole days back from the report
        hours = _HOURS.get(g["nh"]) or int(g["nh"])
        return end - timedelta(days=-(-hours // 24)), end
    if g.get("unit2") and end is not None and g["unit2"] != "week":
        # "last month", "last year": the calendar month or year before the report's
        if g["unit2"] == "year":
            return date(end.year - 1, 1, 1), date(end.year - 1, 12, 31)
        last = end.replace(day=1) - timedelta(days=1)
        return last.replace(day=1), last
    unit = next((g[k] for k in _UNIT_GROUPS if g.get(k)), None)
    if unit and end is not None:
        n_raw = (g.get("n") or g.get("nl") or g.get("nd") or g.get("nt") or g.get("nb") or "1").lower()
        n = int(n_raw) if n_raw.isdigit() else _SMALL.get(n_raw, 1)
        return end - timedelta(days=n * _UNIT_DAYS[unit.lower()]), end
    return None, end


def _dateish(text: str, ref: date, closing: bool) -> date | None:
    """One end of "between ... and ...", resolved on or before `ref`: a date, a month (its first day,
    or its last when `closing`) or a weekday."""
    text = text.strip()
    if text in WEEKDAYS:
        return weekday_date(text, ref)
    dates = explicit_dates(text, ref)
    if dates:
        d = dates[0]
        if d.precision == "month" and closing:
            return date(d.day.year, d.day.month, calendar.monthrange(d.day.year, d.day.month)[1])
        return d.day
    month = MONTHS.get(text.rstrip("."))
    if month is None:
        return None
    first, last = _month_span(month, None, ref)
    return last if closing else first


def _between(m: re.Match[str], report: date | None) -> tuple[date | None, date | None]:
    """ "between 25 September and 2 October", "between 22 and 28 July", "between Thursday and Saturday":
    the closing end first (on or before the report), then the opening one on or before it."""
    if report is None:
        return None, None
    end = _dateish(m.group("bb"), report, closing=True)
    if end is None:
        return None, None
    opening = m.group("ba").strip()
    if opening[:1].isdigit() and not any(c.isalpha() for c in opening.rstrip("stndrh")):
        day = int(re.match(r"\d+", opening).group(0))  # type: ignore[union-attr]
        try:
            start: date | None = date(end.year, end.month, day)
        except ValueError:
            return None, end
    else:
        start = _dateish(opening, end, closing=False)
    return start, end


def _add_units(start: date, n: int, unit: str) -> date:
    """`start` moved on by n days, weeks, months or years; a stretch opening on the first of a month
    ("the first five months of the year") ends on the last day of its last month."""
    unit = unit.rstrip("s")
    if unit in ("month", "year"):
        months = n * (12 if unit == "year" else 1)
        y, mo = divmod(start.month - 1 + months, 12)
        year, month = start.year + y, mo + 1
        moved = date(year, month, min(start.day, calendar.monthrange(year, month)[1]))
        return moved - timedelta(days=1) if start.day == 1 else moved
    return start + timedelta(days=n * _UNIT_DAYS[unit])


def _opening_stretch(
    m: re.Match[str], sentence: str, report: date | None, war_start: date | None
) -> tuple[date | None, date | None]:
    """ "the first five months of the year", "the first week" (after "launched ... on October 10"),
    "the 15 months that followed": from the year's or war's start, or a date named before it."""
    raw = (m.group("fn") or m.group("fn2") or "1").lower()
    n = int(raw) if raw.isdigit() else _SMALL.get(raw, 1)
    unit = m.group("funit") or m.group("funit2")
    of = m.group("fof")
    start: date | None = None
    if of in ("war", "invasion", "conflict", "fighting"):
        start = war_start
    elif of == "year" and report is not None:
        start = date(report.year, 1, 1)
    else:
        before = [c for c in explicit_dates(sentence[: m.start()], report) if c.precision == "day"]
        start = before[-1].day if before else None
    if start is None:
        return None, None
    end = _add_units(start, n, unit)
    return start, min(end, report) if report is not None else end


#: The words opening a clause that raises a running total (", bringing its toll to").
_RAISING_CLAUSE = r"(?:bringing|taking|raising|pushing)\b"
_CLAUSE_BREAK = re.compile(
    r",\s*(?:while|whereas|but)\b|;|,\s*and\s+(?:says|said|adds|added)\b"
    # "puts losses at 995,000, adding roughly 1,000 a day": the rate is the second figure's
    r"|,\s*(?:adding|and\s+(?:estimated|estimates))\b"
    # "two more soldiers were killed on Tuesday, bringing the toll since October 27 to 251": the total's cues
    r"|,\s*(?=" + _RAISING_CLAUSE + ")"
    # "identified 140,452 soldiers killed in the war, an increase of some 4,300 over the past two weeks":
    # the change is another figure, with its own period
    r"|,\s*(?=(?:an?\s+)?(?:increase|rise|jump|drop|fall)\s+of\b|up\s+from\b|down\s+from\b)"
)
#: "Eight soldiers were killed on Wednesday, the military said, its heaviest loss ... since Monday":
#: what follows a reporting tag is an aside about the figure, not its period.
_ASIDE = re.compile(
    r",\s+(?:the\s+|a\s+)?(?:[a-z'’.-]+\s+){0,4}?(?:said|says|reported|announced)(?:\s+on\s+\w+)?,\s+"
    r"(?=its\b|the\s+first\b|the\s+highest\b|the\s+deadliest\b|the\s+heaviest\b)"
    # "..., its first confirmed losses since ...": with no tag, an aside that ranks the losses
    r"|,\s+(?=(?:its|the)\s+(?:first|highest|deadliest|heaviest|worst|biggest|largest)\b)"
)
#: The words an aside opens with (`_ASIDE`): a sentence without one has none.
_ASIDE_OPENINGS = (", its ", ", the first ", ", the highest ", ", the deadliest ", ", the heaviest ")


#: A clause that raises a running total (", bringing its toll to"), at the end of the figure's clause.
_RAISING_AFTER = re.compile(r",\s*" + _RAISING_CLAUSE)


def _clause(sentence: str, pos: int, end_pos: int) -> tuple[int, int]:
    """Bounds of the clause holding a figure: cues across ", while" or ";" belong to another figure."""
    lo, hi = 0, len(sentence)
    for m in _CLAUSE_BREAK.finditer(sentence):
        if m.end() <= pos:
            lo = m.end()
        elif m.start() >= end_pos:
            hi = m.start()
            break
    if contains_any(sentence, _ASIDE_OPENINGS):
        for m in _ASIDE.finditer(sentence):
            if m.end() <= pos:
                lo = max(lo, m.end())
            elif m.start() >= end_pos:
                hi = min(hi, m.start())
                break
    return lo, hi


def cue_matches(sentence: str) -> list[re.Match[str]]:
    """The period cues of a sentence, in order (computed once per sentence by the caller)."""
    return list(_CUE_GATE.finditer(lowered(sentence)))


def resolve(
    cues: list[re.Match[str]],
    sentence: str,
    pos: int,
    end_pos: int,
    published: date | None,
    said_on: date | None,
    war_start: date | None,
    value: float = 0.0,
    incident_story: bool = False,
) -> Period:
    """The period of the figure at offsets `pos`..`end_pos` of `sentence`.

    said_on: the statement's date when stated (day and cumulative figures end then);
    war_start: what "since the start of the war" means for the sides in this sentence;
    value: the figure (a large one with no cue at all is a running total);
    incident_story: whether the document opens with one attack or strike (`incident_story`).
    """
    sentence = lowered(sentence)  # the module's regexes are compiled for lower-case text
    report = said_on or published
    best: re.Match[str] | None = None
    best_dist = 1 << 30
    lo, hi = _clause(sentence, pos, end_pos)
    if cues:
        timed = [_statement_time(sentence, m, pos) for m in cues]
        kept = [
            m
            for m, at_statement in zip(cues, timed, strict=True)
            if not _superlative(sentence, m)
            and not at_statement
            and not _began(sentence, m)
            and not (m.start() >= end_pos and m.group(0).startswith("bringing"))
        ]
        if said_on is None and any(timed):
            report = None  # "said last month that ...": a statement of unknown day
        # "Two soldiers were killed ..., bringing its toll to 332": the figure before "bringing" is what
        # the total rose by, not the total.
        cues = kept
        if _INCREMENT.search(sentence, max(0, pos - INCREMENT_REACH), pos):
            # "the tally rose by 21,340": the figure is what the total grew by, not the total
            cues = [m for m in cues if m.lastgroup != "cumulative" or m.group(0) in ("since", "so far")]
    in_clause = [m for m in cues if m.start() >= lo and m.end() <= hi]
    if not in_clause and not _weak_span(sentence):
        # A clause without a cue of its own shares the frame set before it ("since Tuesday ..., while
        # Baku put its own losses at 71"); a cue in a later clause belongs to that clause's figures.
        in_clause = [m for m in cues if m.end() <= lo]
    for m in in_clause:
        dist = m.start() - end_pos if m.start() >= end_pos else max(0, pos - m.end())
        if dist < best_dist:
            best, best_dist = m, dist
    if best is not None and best.lastgroup == "day" and best.group(0).startswith("daily "):
        # "according to the ministry's daily update on Friday, ... since the start of hostilities": the
        # update is how it was said; another cue of the clause says the period
        others = [m for m in in_clause if m.lastgroup in ("cumulative", "span") and m is not best]
        best = others[0] if others else best
    if (
        best is not None
        and best.group(0) in _SUMMING
        and not any(m.lastgroup == "cumulative" and m.group(0) not in _SUMMING for m in in_clause)
    ):
        # "in total 3 civilians were killed ... in the past 24 hours": the words sum the day's parts.
        sharper = [m for m in in_clause if m.lastgroup == "day" or m.lastgroup == "span" and _dated_span(m)]
        best = sharper[0] if sharper else best
    if best is not None and best.lastgroup == "span" and not _dated_span(best):
        # "in the battle for Avdiivka in the past month": the cue with dates says more.
        dated = [m for m in in_clause if m.lastgroup == "span" and _dated_span(m)]
        # "in the fighting for the city since Sunday": a running total from the day named
        since = [m for m in in_clause if m.lastgroup == "cumulative" and m.group(0) == "since"]
        best = dated[0] if dated else since[0] if since else best
    if best is not None and best.lastgroup == "span" and best.end() <= pos and not best.group("ba"):
        # "raids last month killed 14 ..., and an air strike on January 21 killed 87": a day named
        # between the stretch and the figure is the figure's own
        days = [d for d in explicit_dates(sentence[best.end() : pos], published) if d.precision == "day"]
        if days:
            return Period(kind="event", start=days[-1].day, end=days[-1].day)
    if best is None and _RAISING_AFTER.match(sentence, hi):
        # "lost 1,380 troops on Wednesday, bringing its losses since the invasion to 684,000": the
        # figure is what the total grew by; a day its clause names is the day of that tally
        named = _named_day(sentence, lo, hi, pos, end_pos, published)
        tally = _LOSS_TALLY.search(sentence, lo, hi) and not _incident(sentence) or _WIDE.search(sentence)
        if named is not None:
            return Period(kind="day" if tally else "event", start=named[1], end=named[1])
        if not tally:
            # "two more soldiers had been killed in fighting in central Gaza, bringing the number ... since
            # the ground offensive began to 251": the latest losses, not the total they raise
            return Period(kind="event", start=None, end=report)
    if best is None or best.lastgroup is None:
        if _weak_span(sentence) and _named_day(sentence, lo, hi, pos, end_pos, published) is None:
            return Period(kind="span", start=None, end=report)  # "during the offensive", no sharper cue
        return _default_period(sentence[:hi], published, report, war_start, value, incident_story)
    kind = best.lastgroup
    if kind == "cumulative":
        # "lost 1,380 troops on Wednesday, ..., bringing its losses since the invasion to 684,000":
        # a day named nearer the figure than the running-total cue is the figure's own.
        raised = any(m.group(0).startswith(_RAISING) for m in in_clause if m.end() <= pos)
        named = None if raised else _named_day(sentence, lo, hi, pos, end_pos, published)
        if named is not None and named[0] <= 1 and _SET_AT.search(sentence, max(0, pos - 12), pos):
            # "put overall losses at 1.25 million on Wednesday", "stood at 1,010,960 on Thursday": the
            # total as of that day
            return Period(
                kind="cumulative", start=_cumulative(sentence, best, report, war_start).start, end=named[1]
            )
        if named is not None and named[0] < best_dist:
            tally = _LOSS_TALLY.search(sentence, lo, hi) and not _incident(sentence) or _WIDE.search(sentence)
            return Period(kind="day" if tally else "event", start=named[1], end=named[1])
    if kind == "same":
        # "taken 117 prisoner over the past week and killed 1,400 in the same period": the dated
        # span or day named before it in the sentence; else the caller looks at earlier claims
        earlier = [m for m in cues if m.end() <= best.start() and m.lastgroup in ("span", "day")]
        if earlier and (earlier[-1].lastgroup == "day" or _dated_span(earlier[-1])):
            e = earlier[-1]
            return resolve([e], sentence, e.start(), e.end(), published, said_on, war_start)
        return Period(kind="same")  # type: ignore[arg-type]
    if kind not in ("rate", "projection", "day", "span", "cumulative"):
        kind = next(k for k, _ in _CUES if best.group(k))
    if kind == "day":
        word = best.group(0).lower()
        d = published - timedelta(days=1) if word == "yesterday" and published else report
        night = word == "overnight" or word.endswith(" night")
        named = _named_day(sentence, lo, hi, pos, end_pos, published) if night else None
        if named is not None:  # "early on Wednesday ... during the night": the night of that day
            d = named[1]
        # "a drone attack killed 11 yesterday": one incident, not a day's tally; drones or missiles
        # shot down overnight are the air force's tally of the night, not the attack.
        incident = (
            (word == "yesterday" or night)
            and (_INCIDENT_RE.search(sentence) or _WEAPON_HIT.search(sentence) or incident_story)
            and not _INTERCEPTED.search(sentence, max(lo, pos - INTERCEPT_REACH), pos)
        )
        return Period(kind="event" if incident else "day", start=d, end=d)
    if kind == "rate":
        y = re.search(r"\b(?:in|during|throughout|over)\s+(20\d\d)\b", sentence)
        if y:
            return Period(kind="rate", start=date(int(y.group(1)), 1, 1), end=date(int(y.group(1)), 12, 31))
        mo = _IN_MONTH.search(sentence)
        if mo and _STATEMENT_BETWEEN.search(sentence, min(mo.end(), pos), max(mo.start(), pos)):
            mo = None  # "told countries in January that ...": when it was said, not the period
        if mo and published is not None:  # "in November": the latest such month up to the report
            start, end = _month_span(MONTHS[mo.group("m").lower()], None, published)
            return Period(kind="rate", start=start, end=end)
        # "an average of 700 a day over the past fortnight": the span averaged over, else the report date
        span = next((m for m in in_clause if m.lastgroup == "span" and _dated_span(m)), None)
        if span is not None:
            averaged = _span_start(span, report)
            return Period(kind="rate", start=averaged[0], end=averaged[1])
        return Period(kind="rate", end=report)
    if kind == "projection":
        by = best if best.group("pyear") else _BY_YEAR.search(sentence)
        if by is None:
            return Period(kind="projection", end=_season_end(sentence, published))
        year_s = by.group("pyear")
        year = int(year_s)
        horizon = date(year, 1, 1) if by.group(0).lower().split()[1] == year_s else date(year, 12, 31)
        if published is not None and (year < published.year or horizon <= published):
            # "by the final months of 2023", written in 2024: a total as of then, not a forecast.
            return Period(kind="cumulative", end=date(year, 12, 31))
        return Period(kind="projection", end=horizon)
    if kind == "span":
        if (best.group("smonth") or best.group("unit2")) and (value == 1 or _ONE_INCIDENT.search(sentence)):
            # "In April, a U.S. strike on the port killed 80 people", "in an ambush ... last week", "was
            # killed near Kreminna in March": one incident in that stretch, its day unstated
            return Period(kind="event", start=None, end=None)
        if best.group("ba"):
            start, end = _between(best, report)
            if start is not None and start == war_start:  # "between 7 October 2023 and 2 October 2024"
                return Period(kind="cumulative", start=start, end=end)
            return Period(kind="span", start=start, end=end)
        if best.group("funit") or best.group("funit2"):
            start, end = _opening_stretch(best, sentence, report, war_start)
            if best.group("funit") == "day" and not best.group("fn"):
                # "killed in the first day of Azerbaijan's offensive on Tuesday": one day's fighting
                day = _named_day(sentence, 0, len(sentence), pos, end_pos, published)
                on = start or (day[1] if day is not None else None)
                return Period(kind="event", start=on, end=on or report)
            return Period(kind="span", start=start, end=end)
        if best.group("lunit4") and report is not None:
            # "in the seven days to Wednesday": the stretch ends on the day named after "to"
            closing = _dateish(
                sentence[best.end() : best.end() + 20].split(",")[0].rstrip(" ."), report, True
            )
            report = closing or report
        start, end = _span_start(best, report)
        return Period(kind="span", start=start, end=end)
    return _cumulative(sentence, best, report, war_start)


#: Words that add parts up; beside a day or a dated span they make no running total.
_SUMMING = frozenset({"in total", "altogether", "in all"})
#: "since December", "since late May 2025", "since entering combat in December": a month with no day.
_SINCE_MONTH = re.compile(
    rf"\s*(?:(?:[a-z]+\s+){{1,3}}?in\s+)?(?:early\s+|late\s+|mid-?)?(?P<m>{_MONTH_NAMES})\b(?!\s+\d{{1,2}}\b)"
    r"(?:,?\s+(?P<y>20\d\d))?"
)
#: How far after "since" the date of the starting event may be written.
SINCE_REACH = 80


def _cumulative(sentence: str, cue: re.Match[str], report: date | None, war_start: date | None) -> Period:
    """A running total: its start from "since <date>" or "since the start of the war"."""
    start: date | None = None
    if cue.group(0).lower() == "since":
        after = sentence[cue.end() : cue.end() + SINCE_REACH]
        dates = explicit_dates(after, report)
        wd = re.match(rf"\s*(?:last\s+)?(?P<wd>{_WEEKDAY})\b", after)
        if dates and dates[0].start <= 2:
            start = dates[0].day
        elif wd:
            start = weekday_date(wd.group("wd"), report)
        elif _SINCE_WAR.match(sentence, cue.start()):
            start = war_start
        elif (later := _WEEKDAY_RE.search(after)) is not None and "," not in after[: later.start()]:
            start = weekday_date(later.group("wd"), report)  # "since clashes erupted on Thursday"
        elif (month := _SINCE_MONTH.match(after)) is not None:
            # "since December", "since late May": from the first of the latest such month
            start = _month_span(MONTHS[month.group("m")], month.group("y"), report)[0]
        elif dates and "," not in after[: dates[0].start]:
            start = dates[0].day  # "since Ukrainian troops crossed into Kursk on August 6"
    else:
        m = _SINCE_WAR.search(sentence)
        if m:
            start = war_start
        else:
            s = re.search(r"\bsince\s+", sentence)
            if s:
                dates = explicit_dates(sentence[s.end() : s.end() + 60], report)
                start = dates[0].day if dates and dates[0].start == 0 else None
            elif not _CAMPAIGN_RE.search(sentence):
                start = war_start  # "overall", "so far", "in total" with no start or campaign named
    return Period(kind="cumulative", start=start, end=report)


def of_heading(header: str, published: date | None, said_on: date | None, war_start: date | None) -> Period:
    """The period a table column's header names ("February 2026", "Last week", "2025"), read as the
    phrase "in <header>"; a header naming none gives the default of a figure with no cue."""
    phrase = "in " + header
    return resolve(
        cue_matches(lowered(phrase)), phrase, len(phrase), len(phrase), published, said_on, war_start
    )


def _default_period(
    sentence: str,
    published: date | None,
    report: date | None,
    war_start: date | None,
    value: float,
    incident_story: bool = False,
) -> Period:
    """No period cue: an incident on a named day or date; a running total (a perfect, a toll, an
    estimate: from the war start; in a story of one attack, that attack's toll); else an event as of
    the report date."""
    if "day" in sentence:  # every weekday name ends in "day": most sentences need neither scan
        said = _SAID_WEEKDAY.search(sentence)
        said_at = said.start("wd" if said.group("wd") else "wd2") if said else -1
        for m in _WEEKDAY_RE.finditer(sentence):
            if m.start("wd") == said_at:
                continue
            d = weekday_date(m.group("wd"), published)
            if sentence.endswith("as of ", max(0, m.start("wd") - 6), m.start("wd")) or (
                _SET_AT_FIGURE.search(sentence, max(0, m.start("wd") - 40), m.start("wd"))
                and _TOLL_DEFAULT.search(sentence)
            ):  # "as of Tuesday morning", "losses stood at 1,010,960 on Thursday": a total as of that day
                return Period(kind="cumulative", start=war_start, end=d)
            return Period(kind="day" if _WIDE.search(sentence) else "event", start=d, end=d)
    for cue in explicit_dates(sentence, published):
        if cue.precision == "day":
            if _SAID_ON_BEFORE.search(sentence, max(0, cue.start - SAID_ON_REACH), cue.start):
                continue  # "said on February 16 that ...": the day of the statement, as with a weekday
            if _STATEMENT_TAG_AFTER.match(sentence, cue.end) and cue.end < len(sentence) // 2 + 1:
                continue  # "On September 21, Defence Minister Sergei Shoigu said 5,937 ...": when it was said
            # "as of February 21", "by October 6": a running total as of that day
            if _AS_OF.search(sentence, max(0, cue.start - 7), cue.start):
                return Period(kind="cumulative", start=war_start, end=cue.day)
            if _BEGAN_ON.search(sentence, max(0, cue.start - BEGAN_REACH - 3), cue.start):
                # "the war, which broke out on April 15, 2023, has killed": a start, not the day of an event
                if _PERFECT_TOTAL.search(sentence) or _TOLL_DEFAULT.search(sentence):
                    return Period(kind="cumulative", start=cue.day, end=report)
                continue
            return Period(kind="event", start=cue.day, end=cue.day)
    if contains_any(sentence, _FINAL_WORDS) and _FINAL_CLASH.search(sentence):
        # "killed more than 2,000 soldiers in the final assault": one event
        return Period(kind="event", start=None, end=report)
    if _PERFECT_TOTAL.search(sentence):  # "have been killed", "has lost": a running total
        return Period(kind="cumulative", start=war_start, end=report)
    if contains_any(sentence, _TALLY_WORDS) and _TALLIED.search(sentence) and not _incident(sentence):
        # "it had documented 639 people killed", "it counts 263 civilians": a monitor's running count
        return Period(kind="cumulative", start=war_start, end=report)
    if _TOLL_DEFAULT.search(sentence) and not _incident(sentence, campaign=True):
        if incident_story:
            # "Death toll in Kharkiv superstore strike rises to 14" ... "the governor had put the toll at
            # two dead": in a story of one attack, a toll is that attack's
            return Period(kind="event", start=None, end=report)
        # "the death toll had reached 2,808", even "where Israel has carried out thousands of airstrikes"
        return Period(kind="cumulative", start=war_start, end=report)
    if _WAR_SCOPE.search(sentence) or _HELD_NOW.search(sentence):
        return Period(kind="cumulative", start=war_start, end=report)
    if value >= TOTAL_SCALE and not _incident(sentence) and not _SURRENDERED.search(sentence):
        # "said 1,200 Congolese soldiers had surrendered": a surrender is one event, however large
        return Period(kind="cumulative", start=war_start, end=report)
    return Period(kind="event", start=None, end=report)


#: A toll word just before "in the ground operation": the campaign names the toll's scope, not a span.
_TOLL_BEFORE = re.compile(r"\b(?:toll|losses|dead|deaths|casualties)\s+$")


def _weak_span(sentence: str) -> bool:
    """ "during the offensive": a campaign the losses fall in, unless it only scopes a toll ("bringing
    its toll in the ground offensive to 332")."""
    m = _WEAK_SPAN.search(sentence)
    return (
        m is not None
        and _TOLL_BEFORE.search(sentence, max(0, m.start() - 12), m.start()) is None
        and not (contains_any(sentence, _FINAL_WORDS) and _FINAL_CLASH.match(sentence, m.start()))
    )


#: One attack or strike, in the singular: a story that opens with one is that attack's story.
_ONE_INCIDENT_WORD = re.compile(
    WORD_START
    + r"\b(?:attack|strike|airstrike|shelling|explosion|blast|ambush|bombing|raid|massacre|siege)\b"
    r"(?!\s+(?:drones?|helicopters?|aircraft|submarines?|jets?))",
)


def incident_story(text: str) -> bool:
    """Whether a document's first line (its headline, or its lead) tells of one attack or strike
    ("Death toll in Kharkiv superstore strike rises to 14"; not "as Israeli strikes continue")."""
    nl = text.find("\n")
    return _ONE_INCIDENT_WORD.search(lowered(text[: nl if nl >= 0 else len(text)])) is not None


def incident(sentence: str) -> bool:
    """Whether a sentence (any case) tells of one attack or strike (see `_incident`)."""
    return _incident(lowered(sentence))


def _incident(sentence: str, campaign: bool = False) -> bool:
    """Whether a sentence tells of one attack or strike ("killed in a drone strike"), not one that
    only serves as a reference point ("found after the attack"); with `campaign`, counted incidents
    ("thousands of airstrikes") do not count: they tell of a campaign."""
    return any(
        not _AFTER_INCIDENT.search(sentence, max(0, m.start() - 20), m.start())
        and not (campaign and _COUNTED_INCIDENTS.search(sentence, max(0, m.start() - 30), m.start()))
        for m in _INCIDENT_RE.finditer(sentence)
    )


#: One attack named with an article ("a U.S. strike on the port", "a missile strike which").
_ONE_INCIDENT = re.compile(
    r"\b(?:a|an|one|single)\s+(?:[\w.'’-]+\s+){0,3}?(?:attack|strike|airstrike|explosion|blast|ambush|bombing|raid|"
    r"shelling|massacre|bomb)\b"
)
#: The last or first clash of a campaign ("in the final assault on the army's base", "in the final battle
#: for the city"): one event, not the campaign's stretch.
_FINAL_CLASH = re.compile(
    r"\b(?:in|during)\s+the\s+(?:final|last|opening|initial)\s+(?:assault|battle|attack|push|raid|stand)\b"
)
#: A count of incidents before an incident word ("thousands of airstrikes", "120 strikes"): a campaign.
_COUNTED_INCIDENTS = re.compile(
    r"\b(?:thousands|hundreds|dozens|many|numerous|\d[\d,]*)\s+(?:of\s+)?(?:[a-z-]+\s+)?$"
)


def _superlative(sentence: str, cue: re.Match[str]) -> bool:
    """ "the largest attack so far", "the deadliest strike this year", "the worst day since March": the
    cue qualifies a superlative, it does not make a running total or a span."""
    if cue.lastgroup == "cumulative":
        qualifies = cue.group(0) in ("so far", "to date", "since")
    else:  # "one of the deadliest attacks on the city this year"
        qualifies = cue.lastgroup == "span" and (cue.group("unit3") or cue.group("syear")) is not None
    return (
        qualifies
        and _SUPERLATIVE.search(sentence, max(0, cue.start() - SUPERLATIVE_REACH), cue.start()) is not None
    )


def _began(sentence: str, cue: re.Match[str]) -> bool:
    """ "the war, which began in April, has killed ...", "since the siege tightened in May 2024": the
    month dates the start, not a span."""
    if cue.lastgroup != "span":
        return False
    began = _BEGAN.search(sentence, max(0, cue.start() - BEGAN_REACH), cue.start()) is not None
    if cue.group("syear") is not None:
        return began  # "the insurgency, which began in 2009, has killed"
    return cue.group("smonth") is not None and (
        began or _SINCE_CLAUSE.search(sentence, max(0, cue.start() - SINCE_REACH), cue.start()) is not None
    )


def _statement_time(sentence: str, cue: re.Match[str], pos: int) -> bool:
    """A month, "last week" or "this year" before "that" / "saying" / ", when ... said" and the figure,
    or right after words of saying ("quoted in August 2023", "in a briefing last month"), dates the
    statement ("Zelensky said this month that 46,000 ..."), not the losses."""
    if cue.lastgroup != "span" or not any(cue.group(g) for g in _STATEMENT_GROUPS):
        return False
    if _STATEMENT_BEFORE.search(sentence, max(0, cue.start() - STATEMENT_REACH), cue.start()) is not None:
        return True
    return cue.end() <= pos and (
        _STATEMENT_AFTER.search(sentence, cue.end(), pos) is not None
        or _STATEMENT_TAG_AFTER.match(sentence, cue.end(), pos) is not None
    )


#: Words before a weekday that make it a bound of a running total, not the day of an event.
_NOT_AN_EVENT_DAY = ("since ", "as of ")


def _named_day(
    sentence: str, lo: int, hi: int, pos: int, end_pos: int, published: date | None
) -> tuple[int, date | None] | None:
    """The weekday named in a clause ("on Wednesday"), other than the statement's, with its distance
    from the figure."""
    if "day" not in sentence:
        return None
    said = _SAID_WEEKDAY.search(sentence)
    said_at = said.start("wd" if said.group("wd") else "wd2") if said else -1
    for m in _WEEKDAY_RE.finditer(sentence, lo, hi):
        if m.start("wd") == said_at or sentence[max(0, m.start() - 6) : m.start()].endswith(
            _NOT_AN_EVENT_DAY
        ):
            continue  # "since Tuesday", "as of Tuesday": the day bounds a total, no event happened on it
        if _SINCE_CLAUSE.search(sentence, max(0, m.start() - SINCE_REACH), m.start()):
            continue  # "since Hamas gunmen stormed across the border fence on Saturday": the total's start
        d = weekday_date(m.group("wd"), published)
        dist = m.start() - end_pos if m.start() >= end_pos else max(0, pos - m.end())
        return dist, d
    return None
