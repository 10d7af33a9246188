"""A first, deliberately small grammar: '<number> <category noun>' near a side name.

It exists so the rest of the pipeline has something real to store; the full grammar replaces it.
"""

from __future__ import annotations

import re
from datetime import date

from attrition.models import Claim, Period

_NUM = r"(?P<num>\d{1,3}(?:,\d{3})+|\d+)"
_NOUNS = {
    "soldiers": "personnel_killed",
    "troops": "personnel_killed",
    "fighters": "personnel_killed",
    "tanks": "tanks",
    "armored personnel vehicles": "armored_vehicles",
    "armoured personnel vehicles": "armored_vehicles",
    "apvs": "armored_vehicles",
    "artillery systems": "artillery",
    "drones": "drones",
    "aircraft": "aircraft",
    "helicopters": "helicopters",
}
_RE = re.compile(
    _NUM + r"\s+(?P<noun>" + "|".join(sorted(map(re.escape, _NOUNS), key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
_SIDES = (("russia", "Russia"), ("moscow", "Russia"), ("ukrain", "Ukraine"), ("kyiv", "Ukraine"))


def extract_claims(text: str, published: date | None) -> list[Claim]:
    out: list[Claim] = []
    for m in _RE.finditer(text):
        window = text[max(0, m.start() - 120) : m.start()].lower()
        subject = None
        best = -1
        for needle, side in _SIDES:
            i = window.rfind(needle)
            if i > best:
                best, subject = i, side
        out.append(
            Claim(
                doc_id=None,
                claim_id="",
                subject=subject,
                category=_NOUNS[m.group("noun").lower()],
                value=float(m.group("num").replace(",", "")),
                period=Period(kind="event", start=None, end=published),
                quote=m.group(0),
                start=m.start(),
                end=m.end(),
                mentions=((m.start(), m.end()),),
            )
        )
    return out
