"""The grammar's vocabulary: what a noun after a figure counts, which words say what happened to it,
and which verbs make equipment a loss or not.

Kept apart from `grammar` because it is word lists, not rules: adding a noun ("howitzers") or an
outcome word is an edit here, and the tests in tests/test_extract_rules.py say whether it holds.
"""

from __future__ import annotations

import re

#: What a noun after a figure counts: a class (personnel, civilian, people, prisoners, outcome:X)
#: or a category.
NOUNS: dict[str, str] = {
    **dict.fromkeys(
        [
            "soldiers",
            "soldier",
            "troops",
            "fighters",
            "servicemen",
            "servicemembers",
            "personnel",
            "men",
            "militants",
            "rebels",
            "insurgents",
            "jihadists",
            "militiamen",
            "terrorists",
            "guerrillas",
            "combatants",
            "mercenaries",
            "occupiers",
            "invaders",
            "paratroopers",
            "marines",
            "conscripts",
            "reservists",
            "officers",
            "guys",
            "members",
            "recruits",
            "convicts",
            "sailors",
            "sailor",
            "pilots",
            "crew",
            "gunmen",
            "peacekeepers",
            "extremists",
            "attackers",
            "assailants",
            "bandits",
            "separatists",
            "commandos",
            "operatives",
        ],
        "personnel",
    ),
    **dict.fromkeys(
        ("serviceman", "servicewoman", "fighter", "militant", "officer", "airman", "airmen"), "personnel"
    ),
    **dict.fromkeys(("marine", "paratrooper", "conscript", "pilot", "guardsman", "guardsmen"), "personnel"),
    **dict.fromkeys(
        ("civilian", "child", "boy", "girl", "resident", "journalist", "teenager", "baby"), "civilian"
    ),
    **dict.fromkeys(("man", "woman", "person"), "people"),
    "service members": "personnel",
    "service personnel": "personnel",
    "military personnel": "personnel",
    **dict.fromkeys(
        [
            "civilians",
            "residents",
            "children",
            "kids",
            "women",
            "villagers",
            "passengers",
            "inhabitants",
            "journalists",
            "patients",
            "minors",
            "students",
            "worshippers",
            "shoppers",
            "pedestrians",
            "customers",
            "commuters",
            "farmers",
            "tourists",
            "pupils",
            "schoolchildren",
            "teachers",
            "doctors",
            "nurses",
            "medics",
            "paramedics",
            "rescuers",
            "aid seekers",
            "fishermen",
            "mourners",
            "worshipers",
        ],
        "civilian",
    ),
    **dict.fromkeys(
        (
            "members of one family",
            "members of a family",
            "members of the same family",
            "members of one household",
            "family members",
            "staff members",
            "un staff",
            "un staff members",
            "unrwa staff",
            "unrwa staff members",
            "humanitarian workers",
            "social leaders",
            "staff",  # "254 of its staff had been killed"
        ),
        "civilian",
    ),
    **dict.fromkeys(("homicides", "homicide victims", "extrajudicial killings"), "outcome:killed+civilian"),
    **dict.fromkeys(("commanders", "security forces personnel", "security personnel"), "personnel"),
    "aid workers": "civilian",
    "health workers": "civilian",
    "medical workers": "civilian",
    "people": "people",
    "persons": "people",
    "individuals": "people",
    "lives": "people",
    "casualties": "outcome:casualties",
    "losses": "outcome:casualties",
    "deaths": "outcome:killed",
    "dead": "outcome:killed",
    "fatalities": "outcome:killed",
    "injuries": "outcome:wounded",
    "bodies": "outcome:killed",
    "corpses": "outcome:killed",
    **dict.fromkeys(
        ("dead or wounded", "dead and wounded", "dead or injured", "dead and injured"),
        "outcome:casualties",
    ),
    "pows": "prisoners",
    "prisoners of war": "prisoners",
    "prisoners": "prisoners",
    "captives": "prisoners",
    "tanks": "tanks",
    "main battle tanks": "tanks",
    **dict.fromkeys(
        (
            "leopards",
            "leopard tanks",
            "abrams",
            "abrams tanks",
            "challenger tanks",
            "t-72s",
            "t-80s",
            "t-90s",
        ),
        "tanks",
    ),
    "combat vehicles": "armored_vehicles",
    "tank": "tanks",
    **dict.fromkeys(
        (
            "armored personnel vehicles",
            "armoured personnel vehicles",
            "armored personnel carriers",
            "armoured personnel carriers",
            "apcs",
            "apvs",
            "ifvs",
            "afvs",
            "infantry fighting vehicles",
            "armored vehicles",
            "armoured vehicles",
            "armored combat vehicles",
            "armoured combat vehicles",
            "tanks and other armored combat vehicles",
            "tanks and other armoured combat vehicles",
            "tanks and armored vehicles",
            "tanks and armoured vehicles",
            "armored fighting vehicles",
            "armoured fighting vehicles",
            "bmps",
            "fighting vehicles",  # "16 Bradley fighting vehicles"
            "bradleys",
            "strykers",
        ),
        "armored_vehicles",
    ),
    **dict.fromkeys(
        (
            "artillery systems",
            "artillery pieces",
            "artillery guns",
            "artillery",
            "guns",
            "howitzers",
            "mlrs",
            "multiple rocket launchers",
            "multiple launch rocket systems",
            "rocket launchers",
            "mortars",
            "self-propelled guns",
            "himars",
        ),
        "artillery",
    ),
    **dict.fromkeys(
        (
            "air defense systems",
            "air defence systems",
            "air-defense systems",
            "air-defence systems",
            "anti-aircraft systems",
            "sam systems",
            "sams",
            "air defense units",
            "air defence units",
            "anti-aircraft warfare systems",
            "air defence batteries",
            "air defense batteries",
            "air-defence batteries",
            "air-defense batteries",
            "sam batteries",
            "surface-to-air missile systems",
            "surface-to-air systems",
            "surface-to-air missile launchers",
            "anti-aircraft missile systems",
        ),
        "air_defense",
    ),
    # air-defence systems named by their model ("two Buk-M2 launchers", "an S-400 battery")
    **dict.fromkeys(
        (
            f"{m}{s}"
            for m in (
                "buk",
                "buk-m1",
                "buk-m2",
                "buk-m3",
                "tor",
                "tor-m1",
                "tor-m2",
                "s-300",
                "s-400",
                "pantsir",
            )
            for s in (" launchers", " systems", " batteries", " air defence systems", " air defense systems")
        ),
        "air_defense",
    ),
    **dict.fromkeys(
        (
            "aircraft",
            "planes",
            "warplanes",
            "jets",
            "fighter jets",
            "jet",
            "warplane",
            "stealth fighters",
            "combat aircraft",
            "airplanes",
            "fighter aircraft",
            "bombers",
            "bomber",
            "fighter jet",
            # models named without a hyphenated number ("at least one Rafale", "three Rafales")
            "rafale",
            "rafales",
            "mirage",
            "mirages",
        ),
        "aircraft",
    ),
    "helicopters": "helicopters",
    "choppers": "helicopters",
    **dict.fromkeys(
        (
            "drones",
            "uavs",
            "unmanned aerial vehicles",
            "operational-tactical uavs",
            "shahed drones",
            "operational-tactical drones",
            "fixed-wing drones",
            "uncrewed boats",
            "unmanned boats",
            "uncrewed surface vessels",
            "sea drones",
            "naval drones",
            "maritime drones",
            "uncrewed aircraft",
            "unmanned aircraft",
            "uncrewed aerial vehicles",
            "reapers",
            "reaper drones",
            "mq-9s",
            "mq-9 reapers",
            "mq-9 reaper drones",
            "mavics",
            "hermes drones",
            "hermes unmanned aircraft",
            "attack drones",
            "kamikaze drones",
        ),
        "drones",
    ),
    **dict.fromkeys(
        ("ships", "boats", "vessels", "warships", "naval vessels", "patrol boats", "submarines"), "ships"
    ),
    # one of them named alone ("26 Russian warships and one submarine")
    **dict.fromkeys(("submarine", "warship", "corvette", "frigate", "landing ship", "patrol ship"), "ships"),
    **dict.fromkeys(
        (
            "vehicles",
            "trucks",
            "motor vehicles",
            "fuel tanks",
            "vehicles and fuel tanks",
            "military vehicles",
            "pickup trucks",
            "pickups",
            "gun trucks",
            "gun-mounted pickups",
            "armed pickups",
            "pick-up trucks",
            "technicals",
            "motorcycles",
        ),
        "vehicles_other",
    ),
    **dict.fromkeys(
        (
            "units of special equipment",
            "special equipment units",
            "pieces of special equipment",
            "pieces of equipment",
            "pieces of military equipment",
            "vehicles and pieces of equipment",
            "units of equipment",
            "units of military equipment",
            "missile launchers",
            "surface-to-surface missile launchers",
            "drone control points",
            "electronic warfare stations",
            "electronic-warfare stations",
            "electronic warfare systems",
            "ew stations",
        ),
        "other",
    ),
    # aircraft and helicopters named by their model ("one Russian Su-34", "two Ka-52s")
    **dict.fromkeys(
        (
            f"{m}{s}"
            for m in ("su-24", "su-25", "su-27", "su-30", "su-34", "su-35", "su-57", "mig-29", "mig-31")
            + ("f-15", "f-16", "f-18", "f-35", "a-50", "tu-22m3", "tu-95")
            for s in ("", "s", " jets", " bombers", " fighters", " stealth fighters")
        ),
        "aircraft",
    ),
    **dict.fromkeys(
        (f"{m}{s}" for m in ("ka-52", "mi-8", "mi-24", "mi-28", "mi-35") for s in ("", "s", " helicopters")),
        "helicopters",
    ),
}
EQUIPMENT = frozenset(
    v for v in NOUNS.values() if ":" not in v and v not in ("personnel", "civilian", "people", "prisoners")
)
#: Modifier words allowed between a figure and its noun ("17 Russian main battle tanks"); SIDE stands for
#: the side words of the gazetteer.
MODIFIER_WORDS = (
    *("the", "their", "its", "our", "his", "more", "other", "additional", "enemy", "military", "civilian"),
    *("combat", "modern", "heavy", "armed", "field", "foreign", "young", "elderly", "Western", "regular"),
    *("unarmed", "innocent", "hostile", "active", "army", "navy", "national", "guard", "reserve", "special"),
    *("own", "allied", "government", "pro-government", "rebel", "opposition", "paramilitary", "militia"),
    *("group", "security", "suspected", "alleged", "senior", "fixed-wing"),
)
MODIFIER = (
    r"(?:of|(?:of\s+)?(?:" + "|".join(MODIFIER_WORDS) + r"|SIDE|[A-Za-z]+-(?:made|built|"
    r"supplied|provided)|(?-i:[A-Z][A-Za-z]*-[A-Z0-9][A-Za-z0-9]*|[A-Z]{2,6})(?=\s)|[A-Za-z]+(?='s|’s)|(?-i:[A-Z][a-z]+(?:\s+\d[A-Z0-9]*)?)(?=\s))(?:'s|’s)?)"
)

OUTCOMES: dict[str, str] = {
    **dict.fromkeys(
        (
            "killed or wounded",
            "killed and wounded",
            "killed or injured",
            "killed and injured",
            "dead or wounded",
            "dead and wounded",
            "killed, wounded",
            "killed or captured",
            "wounded or captured",
            "killed, wounded or captured",
            "casualties",
            "casualty",
            "losses",
            "lost",
            "loses",
            "lose",
            "losing",
            "put out of action",
            "liquidated",
            "eliminated",
            "suffered",
            "sustained",
            "wiped out",
        ),
        "casualties",
    ),
    **dict.fromkeys(
        (
            "killed",
            "dead",
            "died",
            # "neutralised more than 300 M23 fighters": in the press, the armies that say it mean killed
            "neutralized",
            "neutralised",
            "deaths",
            "death toll",
            "fatalities",
            "killing",
            "slain",
            "shot dead",
            "executed",
            "bodies",
            "lost their lives",
            "perished",
            "death",
            "die",
        ),
        "killed",
    ),
    **dict.fromkeys(("wounded", "injured", "injuring", "wounding", "injuries", "hurt"), "wounded"),
    **dict.fromkeys(
        (
            "captured",
            "surrendered",
            "taken prisoner",
            "taken captive",
            "capturing",
            "laid down their arms",
            "surrender",
            "taken into captivity",
            "prisoners of war",
            "pows",
            "captivity",
            "held captive",
        ),
        "captured",
    ),
}
#: Verbs of counting or reporting: after "has", a tally kept, not a stock owned ("Oryx has recorded 4,012
#: tanks destroyed" is a count of losses; "the army has 4,012 tanks" is not).
TALLY_VERB = (
    r"recorded|reported|counted|confirmed|documented|claimed|tallied|verified|registered|logged|listed"
)
LOSS_VERB = r"lost|loses|lose|losing|suffered|suffers|sustained|sustains|losses|casualties"
KILL_VERB = (
    r"destruction\s+of|killed|killing|kills|kill|destroyed|destroying|destroys|destroy|shot\s+down|shoot\s+down|downed|"
    r"downing|eliminated|eliminating|captured|capturing|seized|seizing|hit|struck|knocked\s+out|took\s+prisoner|"
    r"liquidated|neutralized|neutralised|wiped\s+out|intercepted|wounded|injured|injuring|wounding"
)
NONLOSS_VERB = (
    r"supplied|supply|supplying|delivered|deliver|delivering|pledged|pledge|sent|send|sending|donated|"
    r"received|receive|ordered|bought|buy|purchased|produced|produce|producing|manufactured|deployed|"
    r"deploy|deploying|launched|launching|launches|fired|firing|used|operates|operate|possess|possesses|"
    r"transferred|promised|provided|provide|providing|massed|amassed|mobilized|mobilised|recruited|"
    r"gathered|stationed|trained|training|exchanged|swap|swapped|returned|released|freed|repatriated|"
    r"evacuated|displaced|hospitalized|hospitalised|fled|rescued|treated|approved|build|built|"
    r"owns|field|fielded|armed\s+with|equipped\s+with|fleet\s+of|arsenal\s+of|worth|arrested|detained|"
    r"committing|committed|recruiting|exchange\s+for|mobilisation\s+of|mobilization\s+of|call-up\s+of|"
    r"called\s+up|conscripted|drafted|brought\s+home|receives|receiving|handed\s+over"
)

#: Runs of whitespace inside a matched phrase ("killed  or\nwounded"), read as one space.
_WHITESPACE = re.compile(r"\s+")


def one_spaced(phrase: str) -> str:
    """`phrase` lower-cased with each run of whitespace read as one space: the key of a word table."""
    return _WHITESPACE.sub(" ", phrase.lower())


#: The category of a loss-table row that counts munitions ("cruise missiles"): not a loss claim.
MUNITIONS = "munitions"
#: Loss-table labels that are not counted nouns elsewhere (General Staff bulletin wording).
TABLE_LABELS: dict[str, str] = {
    "air defence means": "air_defense",
    "air defense means": "air_defense",
    "air defence": "air_defense",
    "air defense": "air_defense",
    "anti-aircraft warfare systems": "air_defense",
    "uav operational-tactical level": "drones",
    "operational-tactical level uavs": "drones",
    "warships / boats": "ships",
    "ships and boats": "ships",
    "warships and boats": "ships",
    "ships / boats": "ships",
    "warships/boats": "ships",
    "submarines": "ships",
    "automotive technology and fuel tanks": "vehicles_other",
    "vehicles and fuel tanks": "vehicles_other",
    "special equipment": "other",
    "motor vehicles and fuel tanks": "vehicles_other",
    "uavs of operational-tactical level": "drones",
    "uavs operational-tactical": "drones",
    "uavs operational-tactical level": "drones",
    "armoured combat vehicles": "armored_vehicles",
    "armored combat vehicles": "armored_vehicles",
    "aircraft": "aircraft",
    "cruise missiles": MUNITIONS,
    "missiles": MUNITIONS,
    "mlrs": "artillery",
    "operational-tactical uavs": "drones",
}
