"""Whose loss a figure is (step 3 of the grammar in `grammar`): a side word in the noun phrase, else
the subject of a loss verb ("Russia has lost"), else the enemy of the actor of a killing verb
("Ukrainian forces destroyed"), else "the enemy" read from the claimant's side, else where civilians
were hit ("in Kharkiv"), the paragraph's or the document's scene.

Side mentions of a sentence are found once (`_side_mentions`, memoised per sentence) and read as
actors, places, attackers or owners by the functions here.
"""

from __future__ import annotations

import re
from datetime import date

from attrition.extract.figures import _Figure, _match_noun, _memo
from attrition.extract.lexicon import Lexicon, by_first_letter
from attrition.extract.sentences import Attribution, dateline_city, list_intro
from attrition.extract.vocabulary import EQUIPMENT, KILL_VERB
from attrition.models import Claim

#: After a figure: "were killed by X" / "killed in the X attack": X attacked.
_PASSIVE_AGENT = re.compile(
    r"[^.;]{0,50}?\b" + by_first_letter(KILL_VERB, True) + r"\s+(?:by|in|during)\s+(?:an?\s+|the\s+)?",
    re.IGNORECASE,
)
_PASSIVE_MARK = re.compile(r"\b(?:were|was|been|being|are|is)\s+(?:\w+\s+)?$", re.IGNORECASE)
#: Pronouns that make the claimant's own side the actor ("its forces destroyed", "it had killed").
_OWN_ACTOR = re.compile(r"\b(?:its|their|our|we|it|they)\b(?!\s+(?:is|was)\b)", re.IGNORECASE)
_OBJECT_OF_COUNT = re.compile(
    # the figure runs straight into the words ("350 Ukrainian"), not through a comma ("March 1-7, claiming")
    r"(?:(?<!\w)\d(?:[\d,.]*\d)?|\b(?:two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands))"
    # a clause word between them starts another clause ("said on May 9 that Russian forces suffered")
    r"\s+(?:of\s+)?(?:(?!(?:that|which|who|when|while|as|and|but|after|before|said|says)\s)[A-Za-z'’-]+\s+){0,2}$",
    re.IGNORECASE,
)
_ATTACK_AFTER = re.compile(
    # "into western Khan Younis and strikes hit homes": an attack word right after "and" starts a clause
    r"(?!\s+(?:and|or)\s+(?:the\s+)?(?:strikes?|attacks?|airstrikes?|shelling|raids?|bombardment|fire|gunfire)\b)"
    r"\s*(?:(?!(?:after|before|by|from|in|on|near|as|when|while|with|until)\b)\S+\s+){0,3}?"
    r"(?:strikes?|attacks?|airstrikes?|shelling|raids?|offensive|forces|troops|(?:guided\s+)?bombs?|shells?|rockets?|"
    r"drones?|missiles?|bombardment|aggression|fire|gunfire|artillery)\b",
    re.IGNORECASE,
)
_LOCATIVE = re.compile(
    r"\b(?:in|into|inside|across|near|around|over|from|against|west\s+of|east\s+of|to|at|on|"
    r"toward|towards|with|for|by|hit|struck|shelled|bombed|targeted|attacked|"
    r"(?:port|city|town|village|region|province|state|oblast|outskirts|district|area|suburbs?|neighbou?rhood|"
    r"centre|center|camp)\s+of)"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_COUNTED_AFTER = re.compile(
    r"\s+(?:troops|soldiers|servicemen|personnel|casualties|losses|forces|fighters|military\s+losses|dead|killed|wounded)\b",
    re.IGNORECASE,
)
VERB_WINDOW = 160
#: How far back (characters) a previous claim still lends its side to a figure that names none.
PARAGRAPH_REACH = 400
#: A clause boundary between a verb and a figure: the verb does not govern the figure ("suffered 100,000
#: dead or wounded and that 30,000 civilians had died").
_CLAUSE_BREAK = re.compile(r"\bthat\b|;|\bwhile\b|\bwhereas\b", re.IGNORECASE)


def _side_mentions(lex: Lexicon, s: str) -> list[tuple[int, int, str, bool]]:
    """(start, end, side, locative) for each side word in sentence `s`."""
    return _memo("sides", s, lambda: _find_side_mentions(lex, s))


#: A capitalised facility word after a side word: the side word is part of a name ("Saudi Maternity
#: Hospital", "Indonesian Hospital", "American University"), not a side.
_FACILITY_AFTER = re.compile(
    r"(?:[-\s]+[A-Z][a-z]+){0,2}\s+(?:Hospital|Maternity|Clinic|School|University|College|Mosque|Church|Embassy|"
    r"Airport|Street|Square|Hotel|Market|Bridge|Stadium|Camp)\b"
)


def _find_side_mentions(lex: Lexicon, s: str) -> list[tuple[int, int, str, bool]]:
    out: list[tuple[int, int, str, bool]] = []
    for m in lex.side_re.finditer(s):
        if s[m.end() : m.end() + 1] == " " and _FACILITY_AFTER.match(s, m.end()):
            continue
        w = m.group("w")
        side = lex.side_of(w) or lex.plurals.get(w.lower(), (None, False))[0]
        if side:
            locative = bool(_LOCATIVE.search(s[max(0, m.start() - 12) : m.start()]))
            if out and out[-1][2] == side and 0 <= m.start() - out[-1][1] <= 3:
                locative = locative or out[-1][3]  # "in Russia's Kursk region": one place, named twice
            out.append((m.start(), m.end(), side, locative))
    return out


def _actor_before(lex: Lexicon, s: str, at: int, claimant_side: str | None) -> str | None:
    """The side acting before offset `at` of sentence `s`: the nearest side word that is neither a place
    ("in Ukraine") nor part of a counted phrase ("350 Ukrainian servicemen"), or a pronoun for the
    claimant's own side ("its forces", "it had")."""
    lo = max(0, at - VERB_WINDOW)
    which = _WHICH_BEFORE.search(s, lo, at) if "which" in s[max(lo, at - 40) : at] else None
    if which is not None:  # "inflicted losses on the Ukrainian armed forces, which lost": what "which" names
        named = [m for m in _side_mentions(lex, s) if m[1] <= which.start()]
        if named:
            return named[-1][2]
    semi = s.rfind(";", lo, at)
    lo = max(lo, semi + 1)  # "Russia launched 40 drones; air defences shot down 31": another clause's actor
    best_pos, best = -1, None
    for start, _end, side, locative in _side_mentions(lex, s):
        if lo <= start < at and not locative and not _OBJECT_OF_COUNT.search(s, max(0, start - 30), start):
            best_pos, best = start, side
    if claimant_side:
        for m in _OWN_ACTOR.finditer(s, lo, at):
            if m.start() > best_pos:
                # "Russian units there lost 15,000 men, and they were now losing 450 a day": a plural
                # pronoun after a side acting earlier in the sentence is that side, not the claimant's
                earlier = (
                    [x for x in _side_mentions(lex, s) if x[1] <= m.start() and not x[3]]
                    if m.group(0).lower() in ("they", "their")
                    else []
                )
                best_pos, best = m.start(), earlier[-1][2] if earlier else claimant_side
        enemy = s.rfind("enemy", lo, at)  # "the enemy lost": the claimant's enemy acts
        if enemy > best_pos and _ENEMY_ACTOR.match(s, enemy):
            best = lex.enemy_of(claimant_side)
    return best


#: A relative "which" right before the verb: the actor is the noun phrase before it.
_WHICH_BEFORE = re.compile(
    r"[\w’'],?\s+which\s+(?:(?:has|had|have)\s+)?(?:also\s+|reportedly\s+)?$", re.IGNORECASE
)
#: "the enemy" as the actor of a clause (not "enemy drones", counted).
_ENEMY_ACTOR = re.compile(r"enemy(?:'s)?\s+(?:has\s+|had\s+|have\s+)?(?:also\s+)?(?:lost|suffered)\b")
#: A sentence opened by the side it is about ("On the Israeli side, ...", "For the Ukrainian side,").
_SIDE_FRAME = re.compile(
    r"\s*(?:on|for)\s+the\s+(?P<w>[A-Z][\w-]+)\s+side\s*,"
    # "Russia | killed | 95,000–140,000": a row of a table whose first cell names the side
    r"|\s*(?P<row>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)\s*\|",
    re.IGNORECASE,
)


def _place(lex: Lexicon, s: str) -> tuple[str | None, str | None]:
    """(place, attacker) named in a sentence: "in Kharkiv" is a place, "in U.S. strikes" an attacker."""
    return _memo("place", s, lambda: _find_place(lex, s))


def _find_place(
    lex: Lexicon, s: str, attack_after: re.Pattern[str] = _ATTACK_AFTER
) -> tuple[str | None, str | None]:
    place = attacker = None
    for start, end, side, locative in _side_mentions(lex, s):
        if attack_after.match(s, end) or _OCCUPIER_BEFORE.search(s, max(0, start - 16), start):
            attacker = attacker or side  # "In territory occupied by Russia, ... 11 civilian deaths": the
            # occupier, not the place the dead belong to
        elif locative:
            place = place or side
    return place, attacker


#: A side that holds a place ("territory occupied by Russia"): not the place's own side.
_OCCUPIER_BEFORE = re.compile(r"\b(?:occupied|controlled|held|annexed|seized)\s+by\s+$")


def _subject(
    text: str,
    fig: _Figure,
    verb: re.Match[str] | None,
    lex: Lexicon,
    attr: Attribution | None,
    category: str,
    prev: Claim | None,
) -> str | None:
    """Whose loss the figure is (see the module docstring, step 3)."""
    claimant_side = attr.side if attr else None
    if fig.side_hint:
        return fig.side_hint
    if fig.enemy:
        return lex.enemy_of(claimant_side)
    civilian = category.startswith("civilians")
    lo = max(fig.sent.start, fig.tok.start - COST_REACH)
    cost = _COST_OF.search(text, lo, fig.tok.start) if text.find("cost", lo, fig.tok.start) >= 0 else None
    if cost is not None and (side := lex.side_of(cost.group("w"))) is not None:
        return lex.population_of(side) if civilian else side  # "the assault cost Russian forces roughly 80"
    if (
        prev is not None
        and prev.subject is not None
        and not civilian
        and not prev.category.startswith("civilians")
        and fig.sent.start <= prev.start < prev.end <= fig.tok.start
        and _listed_after(lex, text, prev.end, fig.tok.start, fig.cls in EQUIPMENT)
    ):  # "Russian forces lost more than 47,000 troops ..., along with 364 tanks": the list's side
        return prev.subject
    s = text[fig.sent.start : fig.sent.end]
    rel = fig.tok.start - fig.sent.start
    frame = _SIDE_FRAME.match(s)
    if (
        frame is not None
        and frame.end() <= rel
        and (side := lex.side_of(frame.group("w") or frame.group("row"))) is not None
    ):
        return lex.population_of(side) if civilian else side  # "On the Israeli side, about 80 soldiers ..."
    window = s[max(0, rel - _OWN_REACH) : rel]
    if not civilian and ("'s " in window or "’s " in window):
        own = _own_side(lex, s, rel)
        if own is not None:  # "Ukraine's own side: 43,000 soldiers killed", "Russia's killed ... would pass"
            return own
    if (
        verb is not None
        and verb.start() < fig.tok.start
        and _CLAUSE_BREAK.search(text, verb.end(), fig.tok.start)
    ):
        verb = None  # the verb belongs to an earlier clause
        if (
            fig.cls in EQUIPMENT
            and claimant_side
            and fig.side_hint is None
            and _DOWNED_AFTER.match(text, fig.noun_end, fig.sent.end)
        ):  # "..., while 38 drones of the operational-tactical level were downed": the claimant's enemy's
            return lex.enemy_of(claimant_side)
    if fig.owner is not None:
        owner = _owner(lex, s, fig, verb, claimant_side)
        if owner is not None:
            return owner
    if (fig.cls == "bare" or fig.inherited) and prev is not None and prev.start >= fig.sent.start:
        return prev.subject  # "192 servicemen were killed and 511 wounded"
    if fig.cls == "bare":
        counted = [m for m in _side_mentions(lex, s) if m[1] <= rel and _COUNTED_AFTER.match(s, m[1])]
        if counted:  # "put the number of Russian troops killed at 300,000"
            return counted[-1][2]
    place, attacker = _place(lex, s)
    agent = _PASSIVE_AGENT.match(text, fig.noun_end, fig.sent.end)
    if agent:
        at = agent.end() - fig.sent.start
        ms = [m for m in _side_mentions(lex, s) if at <= m[0] < at + 6]
        if ms:
            attacker = ms[0][2]
    if (
        fig.cls in EQUIPMENT
        and verb is not None
        and verb.start() > fig.noun_end
        and verb.group("kill")
        and claimant_side
        and attacker is None
        and _PASSIVE_MARK.search(text, max(fig.sent.start, verb.start() - 20), verb.start())
    ):  # "the General Staff said nine tanks ... had been destroyed": the claimant's enemy lost them
        return lex.enemy_of(claimant_side)
    if verb is not None and verb.start() < fig.tok.start:
        vrel = verb.start() - fig.sent.start
        actor = _actor_before(lex, s, vrel, claimant_side)
        if (
            verb.group("kill")
            and s[:vrel].rstrip().endswith(",")
            and s[vrel : verb.end() - fig.sent.start].endswith("ing")
        ):
            actor = _main_actor(lex, s, vrel, claimant_side) or actor  # "X repelled a Y attack, killing 40"
        passive = _PASSIVE_MARK.search(s, max(0, vrel - 20), vrel)
        if actor and verb.group("loss") and _INFLICTED.search(s, max(0, vrel - 20), vrel):
            return lex.enemy_of(actor)  # "the Yug group had inflicted losses of up to 390 troops"
        if actor and (verb.group("loss") or passive):
            if not (civilian and _weapon_of(lex, s, vrel, actor)):
                return actor
            attacker = actor  # "As a result of Russian aggression, two people were killed"
        elif verb.group("kill") and actor:
            attacker = actor
    if civilian:
        scene = _scene_after(lex, s, rel)
        if scene or place:
            return scene or place
        if attacker and claimant_side and claimant_side in lex.sides[attacker].enemies:
            return claimant_side  # a ministry of the side under attack counting its dead
        return (
            lex.civilians_hit_by(attacker)
            or lex.population_of(claimant_side)  # a ministry counting civilians counts its own people
            or _nearest_side(lex, s, rel)
            or (_same_para(prev, fig) if prev is not None and prev.category.startswith("civilians") else None)
            or _paragraph_scene(lex, text, fig.sent.start)
            or _same_para(prev, fig)
            or _memo("scene", "", lambda: _document_scene(lex, text))
        )
    if attacker:
        if _victims_named(lex, s, attacker, verb.start() - fig.sent.start if verb is not None else 0):
            return attacker  # fighting within one side: "Wagner forces shot down ..., Russian pilots killed"
        return lex.enemy_of(attacker)
    if (
        fig.cls in EQUIPMENT
        and claimant_side
        and verb is not None
        and verb.group("kill")
        and verb.start() < fig.tok.start
    ):  # "Air defences destroyed 25 of the drones, Ukraine's air force said": the claimant's enemy's
        return lex.enemy_of(claimant_side)
    speaker_side = claimant_side
    if speaker_side is None and attr is not None and _ARMY_SPEAKER.search(attr.claimant_text or ""):
        speaker_side = lex.side_of("the army")  # "army spokesman Onyema Nwachukwu": the story's army
    army = _army_of_claim(lex, text, s, fig, rel, speaker_side)
    return army or _nearest_side(lex, s, rel) or _same_para(prev, fig) or _list_intro_side(lex, text, fig)


#: "cost Russian forces roughly 80 personnel", "had cost Ukraine some 20,000": whose loss the price is.
_COST_OF = re.compile(
    r"\bcost(?:ing)?\s+(?:the\s+)?(?P<w>[A-Z][\w-]+)(?:['’]s)?(?:\s+[a-z]+){0,2}?\s+"
    r"(?:(?:about|around|roughly|some|more\s+than|at\s+least|up\s+to|nearly|almost|over)\s+)?$"
)
#: How far before a figure `_COST_OF` looks.
COST_REACH = 60
#: The words that carry a list on from its previous figure ("..., along with 364 tanks").
_LIST_LINKS = ("along with ", "as well as ", "together with ")
#: How long the words between two figures of a plain list may be ("17 tanks, 35 APVs and 12 guns").
LIST_GAP = 30


def _listed_after(lex: Lexicon, text: str, lo: int, hi: int, equipment: bool) -> bool:
    """Whether a figure goes on the list of the figure before it (`text[lo:hi]` lies between them):
    "along with", "as well as", or, for equipment, a short gap ending in a comma or "and", with no side
    named in it (people listed one after another are often different groups: "214 rebel fighters, 137
    soldiers and 61 civilians"). The cheap tests come first: this runs for most figures."""
    linked = any(text.endswith(link, lo, hi) for link in _LIST_LINKS)
    if not linked and not (equipment and hi - lo <= LIST_GAP):
        return False
    between = text[lo:hi]
    if next(lex.side_re.finditer(between), None) is not None:
        return False
    return linked or between.rstrip().endswith((",", " and")) and not _LIST_VERB.search(between)


#: A verb between two figures: the second has its own clause ("killed 40 and destroyed 3 tanks").
_LIST_VERB = re.compile(r"\b(?:[a-z]+ed|lost|shot|hit|said|says)\b(?=[^,]*$)")


#: Whose losses a list's introduction speaks of: "put Ukrainian losses as follows:", "Russia's losses:".
_LOSSES_OF = re.compile(r"(?P<w>[A-Z][\w-]+)(?:['’]s)?\s+(?:[a-z]+\s+)?(?:losses|casualties)\b")


def _list_intro_side(lex: Lexicon, text: str, fig: _Figure) -> str | None:
    """For an item of a list under an introduction ending in ":", the side whose losses it names."""
    intro = list_intro(text, fig.tok.start)
    if intro is None:
        return None
    named = [lex.side_of(m.group("w")) for m in _LOSSES_OF.finditer(text, *intro)]
    return next((side for side in reversed(named) if side), None)


#: A passive of destruction after the counted equipment ("drones of the operational-tactical level
#: were downed").
_DOWNED_AFTER = re.compile(
    r"(?:\s+[\w-]+){0,6}?\s+(?:were|was|had\s+been|have\s+been)\s+(?:\w+ly\s+)?"
    r"(?:downed|destroyed|shot\s+down|hit|struck|disabled|sunk)\b",
    re.IGNORECASE,
)
#: How far before a figure a side's possessive loss word may name whose the figure is.
_OWN_REACH = 90
#: A side's possessive with a loss word or "own" as its head: "Ukraine's own side:", "Russia's killed".
_OWN_HEAD = re.compile(
    r"(?P<w>[A-Z][\w-]+)['’]s\s+(?:(?:overall|total|combined|combat|military|personnel|battlefield|confirmed|estimated)\s+)?"
    r"(?:own\b|killed|dead|wounded|missing|losses|casualties|toll)",
    re.IGNORECASE,
)
#: "inflicted losses of 390": the actor caused the losses; they are the enemy's.
_INFLICTED = re.compile(r"\binflict(?:ed|ing|s)?\s+(?:heavy\s+|major\s+)?$", re.IGNORECASE)


def _own_side(lex: Lexicon, s: str, rel: int) -> str | None:
    """The side named by the last possessive loss head before offset `rel` when no other side word,
    clause break or figure comes between ("Ukraine's own side: 43,000 soldiers killed")."""
    lo = max(0, rel - _OWN_REACH)
    heads = list(_OWN_HEAD.finditer(s, lo, rel))
    if not heads:
        return None
    last = heads[-1]
    side = lex.side_of(last.group("w"))
    gap = s[last.end() : rel]
    if side is None or _CLAUSE_BREAK.search(gap) or any(c.isdigit() for c in gap) or "enemy" in gap:
        return None  # "Battlegroup West's losses tally for the enemy was": the enemy's losses
    if any(lo <= m[0] and m[0] >= last.end() for m in _side_mentions(lex, s) if m[0] < rel):
        return None
    return side


#: Nouns for a state's soldiers (an armed group's members are "fighters", "militants").
_ARMY_NOUN = re.compile(
    r"\b(?:soldiers?|troops|servicem[ae]n|service\s+members|servicemembers)\b", re.IGNORECASE
)


#: A claimant who speaks for an army ("army spokesman ...", "the military", "defence officials").
_ARMY_SPEAKER = re.compile(r"\b(?:army|military|defen[cs]e)\b", re.IGNORECASE)


def _army_of_claim(
    lex: Lexicon, text: str, s: str, fig: _Figure, rel: int, claimant_side: str | None
) -> str | None:
    """Whose "soldiers" a claim counts when no side but the claimant's own is named before the figure
    and the soldiers are the subject of a passive:
    a state's military counting soldiers counts its own ("The military said 190 soldiers had been
    killed"); an armed group counts its enemy's ("ISWAP claimed 30 soldiers were killed")."""
    if claimant_side is None or fig.cls != "personnel" or "enemy" in s:
        return None  # "inflicted losses of up to 2,000 servicemen on the enemy"
    if not _ARMY_NOUN.search(text, fig.tok.end, fig.noun_end) or not _VICTIM_AFTER.match(text, fig.noun_end):
        return None  # only the subject of a passive ("190 soldiers had been killed"), not "losses of 470 soldiers"
    if any(m[2] != claimant_side for m in _side_mentions(lex, s) if m[1] <= rel and not m[3]):
        return None
    side = lex.sides.get(claimant_side)
    armed_group = side is not None and side.population not in (None, side.name)
    return lex.enemy_of(claimant_side) if armed_group else claimant_side


#: A weapon or an attack after a side word: the side is the attacker ("a Russian guided bomb").
_WEAPON_AFTER = re.compile(
    r"\s*(?:[\w-]+\s+){0,2}?(?:aggression|strikes?|airstrikes?|attacks?|shelling|bombs?|shells?|rockets?|"
    r"missiles?|drones?|fire|bombardment|offensive|raids?|operations?)\b",
    re.IGNORECASE,
)


def _weapon_of(lex: Lexicon, s: str, at: int, side: str) -> bool:
    """Whether the last mention of `side` before offset `at` names its weapon or attack, not its people."""
    ends = [end for start, end, named, _loc in _side_mentions(lex, s) if named == side and start < at]
    return bool(ends) and _WEAPON_AFTER.match(s, ends[-1]) is not None


#: How far after a civilian figure a place still says where its dead were ("600 people in Lebanon").
SCENE_REACH = 60


def _scene_after(lex: Lexicon, s: str, rel: int) -> str | None:
    """The place named just after a civilian figure ("killed more than 600 people in Lebanon", "45
    civilians were killed by Hezbollah fire in northern Israel"): nearer the dead than a place named
    earlier in the sentence ("began firing at Israel"); "in Israeli strikes" is an attacker."""
    for start, end, side, locative in _side_mentions(lex, s):
        if rel < start <= rel + SCENE_REACH and locative and not _ATTACK_AFTER.match(s, end):
            return side
    return None


#: A loss noun after a side word: the side is whose losses are talked of, not an actor.
_NOT_AN_ACTOR_AFTER = re.compile(r"\s+(?:losses|casualties|dead|deaths|toll|tolls)\b", re.IGNORECASE)


def _main_actor(lex: Lexicon, s: str, at: int, claimant_side: str | None) -> str | None:
    """The actor of a sentence's main clause, for a participle after a comma (", killing 40"): the first
    side before offset `at` that is neither a place nor a counted object, or a pronoun for the claimant."""
    for start, _end, side, locative in _side_mentions(lex, s):
        if start >= at:
            break
        if _end < len(s) and _NOT_AN_ACTOR_AFTER.match(s, _end):
            continue  # "claims about Ukrainian losses": a side's losses, not a side acting
        if not locative and not _OBJECT_OF_COUNT.search(s, max(0, start - 30), start):
            pronoun = _OWN_ACTOR.search(s, 0, start) if claimant_side else None
            return claimant_side if pronoun else side
    pronoun = _OWN_ACTOR.search(s, 0, at) if claimant_side else None
    return claimant_side if pronoun else None


def _owner(
    lex: Lexicon, s: str, fig: _Figure, verb: re.Match[str] | None, claimant_side: str | None
) -> str | None:
    """Whose the counted are when a possessive says so: "our" is the speaker's (the claimant's side);
    "its"/"their" the nearest side acting before the figure, else the claimant's ("It said 189 of its
    soldiers were among the dead"). After an active killing verb ("destroyed four of their vehicles")
    the possessor is the one hit, which the actor rule finds: None."""
    if fig.owner == "speaker":
        return claimant_side
    if verb is not None and verb.group("kill") and verb.start() < fig.tok.start:
        vrel = verb.start() - fig.sent.start
        if not _PASSIVE_MARK.search(s, max(0, vrel - 20), vrel):
            return None
    return _actor_before(lex, s, fig.tok.start - fig.sent.start, claimant_side) or claimant_side


_VICTIM_AFTER = re.compile(
    r"\s+(?:were|was|had\s+been|have\s+been|are|died|(?:have|had|has)\s+died)\b", re.IGNORECASE
)


def _victims_named(lex: Lexicon, s: str, attacker: str, verb_at: int) -> bool:
    """The attacker's own side is named as the one hit: a side word with a counted noun that is counted
    ("shot down six Russian helicopters"), the passive subject ("Russian pilots were among those
    killed") or the object after the verb."""
    for start, _end, side, locative in _side_mentions(lex, s):
        if side != attacker or locative:
            continue
        noun = _match_noun(lex, s, _end, len(s))
        if noun is None:
            continue
        counted = _OBJECT_OF_COUNT.search(s, max(0, start - 30), start) is not None
        if counted or start > verb_at > 0 or _VICTIM_AFTER.match(s, noun.end()):
            return True
    return False


def _same_para(prev: Claim | None, fig: _Figure) -> str | None:
    """The previous claim's side when it is in the same paragraph (the story is still about it)."""
    return prev.subject if prev is not None and prev.start >= fig.sent.start - PARAGRAPH_REACH else None


def _nearest_side(lex: Lexicon, s: str, rel: int) -> str | None:
    """The nearest non-place side word before offset `rel`, else the first after it."""
    mentions = [m for m in _side_mentions(lex, s) if not m[3]]
    before = [m for m in mentions if m[1] <= rel]
    if before:
        return before[-1][2]
    after = [m for m in mentions if m[0] >= rel]
    return after[0][2] if after else None


#: A place word before a side word: the side is where the story happens ("in Kupiansk district").
_SCENE_BEFORE = re.compile(
    r"\b(?:in|inside|across|near|around|(?:city|town|village|region|province|state|district|area)\s+of)"
    r"\s+(?:the\s+)?(?:northern\s+|southern\s+|eastern\s+|western\s+|central\s+)?$",
    re.IGNORECASE,
)


def _paragraph_scene(lex: Lexicon, text: str, at: int) -> str | None:
    """Whose civilians a toll with no side in its sentence counts, from its paragraph so far: the place
    named ("in the Sumy region, a bomb hit ... Two residents were killed"), else the population the
    attacker named hits ("a Russian guided aerial bomb")."""
    para = text[text.rfind("\n\n", 0, at) + 1 : at]
    if not para.strip():
        return None
    # "in Israel's military offensive": the attacker
    place, attacker = _find_place(lex, para, _WEAPON_AFTER)
    return place or lex.civilians_hit_by(attacker)


def _document_scene(lex: Lexicon, text: str) -> str | None:
    """The population whose places the document names most ("in Kharkiv", "in the Catatumbo region of
    Colombia"): whose civilians a toll is when its sentence and paragraph name no side ("Final figures:
    2 dead, 38 injured"). Read only for such tolls, once per document."""
    counts: dict[str, int] = {}
    for m in lex.side_re.finditer(text):
        if _SCENE_BEFORE.search(text, max(0, m.start() - 24), m.start()) is None:
            continue
        side = lex.population_of(lex.side_of(m.group("w")))
        if side is not None:
            counts[side] = counts.get(side, 0) + 1
    city = dateline_city(text, DATELINE_REACH)
    if city is not None:
        # "ZAPORIZHZHIA — Halyna Moroz was counting out coins ...": where the reporter stands is where
        # the civilians of the story were hit, unless the text names another place more often
        side = lex.population_of(lex.side_of(city.title()))
        if side is not None:
            counts[side] = counts.get(side, 0) + DATELINE_WEIGHT
    return max(counts, key=lambda k: counts[k]) if counts else None


#: How far into the text a dateline may stand (after a headline), and how many place mentions it is worth.
DATELINE_REACH = 400
DATELINE_WEIGHT = 2


def _war_start(lex: Lexicon, subject: str | None) -> date | None:
    side = lex.sides.get(subject or "")
    return side.war_start if side else None
