"""Cross-document clustering: the same incident reported by several documents is one cluster.

Two incidents from different documents are the same when they agree on type, practice-or-event,
both sides, and on everything both of them state: place (fuzzy, so "Avdiivka" and "Avdeevka" or
"the Tavriya sector" and "Tavriya" agree), date within DATE_WINDOW_DAYS, and count. A one-off event
must also share at least one of place, date or count: two reports that only say "Russian friendly
fire" are not evidence of one event.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from rapidfuzz import fuzz

from attrition.incidents.model import Incident

#: Reports of one event may date it a few days apart (the day it happened, the day it was reported).
DATE_WINDOW_DAYS = 7
#: rapidfuzz ratio (0-100) above which two normalised place names are the same place.
PLACE_SIMILARITY = 85.0


def same_incident(a: Incident, b: Incident) -> bool:
    """Whether two incidents from different documents report the same event or practice."""
    if a.doc_hash is not None and a.doc_hash == b.doc_hash:
        return False  # one document's incidents are distinct by construction
    if (a.type, a.generic, a.perpetrator_side, a.victim_side) != (
        b.type,
        b.generic,
        b.perpetrator_side,
        b.victim_side,
    ):
        return False
    anchors = 0
    if a.place and b.place:
        if fuzz.ratio(a.place.lower(), b.place.lower()) < PLACE_SIMILARITY:
            return False
        anchors += 1
    if a.date and b.date:
        if abs((a.date - b.date).days) > DATE_WINDOW_DAYS:
            return False
        anchors += 1
    if a.count is not None and b.count is not None:
        if a.count != b.count:
            return False
        anchors += 1
    return a.generic or anchors > 0


def cluster_incidents(incidents: Sequence[Incident]) -> dict[str, str]:
    """Cluster id for every incident id: the smallest incident id of its cluster (stable).

    An incident joins a cluster only when it is the same incident as every member (complete
    linkage): a report that states little (no date, no count) cannot bridge two reports that
    contradict each other. The most informative reports are placed first so they seed clusters.
    """
    # Only incidents with the same type and sides can match: compare within those blocks.
    blocks: dict[tuple[object, ...], list[Incident]] = {}
    for inc in incidents:
        blocks.setdefault((inc.type, inc.generic, inc.perpetrator_side, inc.victim_side), []).append(inc)
    assignment: dict[str, str] = {}
    for block in blocks.values():
        clusters: list[list[Incident]] = []
        for inc in sorted(block, key=lambda i: (-_stated(i), i.incident_id)):
            home = next((c for c in clusters if all(same_incident(inc, m) for m in c)), None)
            if home is None:
                clusters.append([inc])
            else:
                home.append(inc)
        for members in clusters:
            cid = min(m.incident_id for m in members)
            assignment.update((m.incident_id, cid) for m in members)
    return assignment


def _stated(i: Incident) -> int:
    """How many of place, date and count an incident states."""
    return (i.place is not None) + (i.date is not None) + (i.count is not None)


def with_clusters(incidents: Sequence[Incident]) -> list[Incident]:
    """The incidents with `cluster_id` set."""
    assignment = cluster_incidents(incidents)
    return [replace(i, cluster_id=assignment[i.incident_id]) for i in incidents]
