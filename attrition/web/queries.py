"""Read queries behind the dashboard and the JSON API.

The Ledger's own claim query pages with OFFSET, which gets slower the deeper a reader goes; the
web pages with keyset cursors instead: each page remembers the last (sort value, id) it showed and
the next page starts strictly after it, so page 500 costs what page 1 costs. Nullable sort columns
are read in two blocks (values first, then NULLs ordered by id), so the same index-friendly
comparison works on SQLite and PostgreSQL, whatever order each puts NULLs in.

The check report reads the findings the reconcile stage stored (viewing it never re-runs the
checks), and the incidents page the incidents stage's table; each row links to its sentence.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from attrition.incidents.model import incident_from_row
from attrition.models import CATEGORIES, Claim, plain_number
from attrition.store import StoredDocument, claim_from_row
from attrition.store.schema import claims, documents, findings, incidents

#: Page sizes: what a page shows unless asked, and the most one request may ask for.
DEFAULT_LIMIT = 50
MAX_LIMIT = 500
#: Most points the timeline sends for one subject x category (the chart stays readable below it).
MAX_TIMELINE_POINTS = 5000
#: Share of claims added or removed since the last ANALYZE after which the planner's statistics
#: are refreshed when the app starts.
STALE_STATISTICS = 0.2

#: Sort keys of the claims list: name -> column. "date" is the end of the claim's period.
CLAIM_SORTS: dict[str, sa.Column[Any]] = {
    "date": claims.c.period_end,
    "value": claims.c.value,
    "category": claims.c.category,
    "subject": claims.c.subject,
    "claimant": claims.c.claimant,
}
DEFAULT_CLAIM_SORT = "-date"

#: The claim's date: its period's end, else its document's publication date (as the CLI).
CLAIM_WHEN = sa.func.coalesce(claims.c.period_end, documents.c.published)

TimelineMode = Literal["daily", "cumulative"]
#: Which period kind each timeline mode plots; no figure is derived from another.
MODE_PERIOD = {"daily": "day", "cumulative": "cumulative"}


class QueryError(ValueError):
    """A request the queries cannot answer (bad sort, bad cursor); its message is shown to users."""


@dataclass(slots=True, kw_only=True)
class WebClaimFilter:
    """Claims-list filters as the web takes them (query parameters); None means any."""

    subject: str | None = None
    category: str | None = None
    claimant: str | None = None
    since: date | None = None
    until: date | None = None
    doc: str | None = None
    origin: str | None = None
    q: str | None = None

    def as_params(self) -> dict[str, str]:
        """The non-empty filters as query parameters (for links that keep them)."""
        out: dict[str, str] = {}
        for name in ("subject", "category", "claimant", "since", "until", "doc", "origin", "q"):
            v = getattr(self, name)
            if v not in (None, ""):
                out[name] = v.isoformat() if isinstance(v, date) else str(v)
        return out


@dataclass(slots=True, kw_only=True)
class Page:
    """One page of rows and the cursor of the next page (None on the last)."""

    rows: list[Any]
    next_cursor: str | None
    total: int | None = None
    limit: int = DEFAULT_LIMIT


@dataclass(slots=True, kw_only=True)
class Segment:
    """A stretch of document text and the claims whose spans cover it (none: plain text)."""

    text: str
    claim_ids: list[str] = field(default_factory=list)
    start: int = 0


# -- cursors -------------------------------------------------------------------------------------


@dataclass(slots=True, frozen=True)
class Cursor:
    """Where a page ended: the sort it belongs to, whether it ended in the NULL block, and the key."""

    sort: str
    in_nulls: bool
    value: Any
    ident: str

    def encode(self) -> str:
        raw = json.dumps([self.sort, self.in_nulls, self.value, self.ident], separators=(",", ":"))
        return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")

    @classmethod
    def decode(cls, token: str, sort: str) -> Cursor:
        """Parse a cursor; it must belong to the same sort (a cursor is not portable across sorts)."""
        try:
            raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
            s, in_nulls, value, ident = json.loads(raw)
        except (binascii.Error, ValueError, TypeError) as exc:
            raise QueryError("invalid cursor") from exc
        if s != sort or not isinstance(ident, str) or not isinstance(in_nulls, bool):
            raise QueryError("cursor does not belong to this sort order")
        return cls(s, in_nulls, value, ident)


def _cursor_value(col: sa.ColumnElement[Any], value: Any) -> Any:
    """A cursor's JSON value back to the column's Python type."""
    if value is None:
        return None
    try:
        if isinstance(col.type, sa.Date):
            return date.fromisoformat(str(value))
        if isinstance(col.type, sa.Float):
            return float(value)
    except ValueError as exc:
        raise QueryError("invalid cursor") from exc
    return str(value)


def _json_value(v: Any) -> Any:
    return v.isoformat() if isinstance(v, date) else v


def keyset_page(
    conn: Connection,
    base: sa.Select[Any],
    *,
    sort_name: str,
    col: sa.ColumnElement[Any],
    ident: sa.ColumnElement[Any],
    descending: bool,
    limit: int,
    cursor: Cursor | None,
    nullable: bool = True,
) -> tuple[list[Any], Cursor | None]:
    """Rows of `base` after `cursor`, ordered by (col, ident), NULL values of `col` last.

    Returns the rows (mappings) and the cursor of the next page, or None when nothing follows.
    """
    rows: list[Any] = []
    key_name, ident_name = str(col.key), str(ident.key)
    want = limit + 1  # one extra row tells whether a next page exists
    if cursor is None or not cursor.in_nulls:
        stmt = base.where(col.is_not(None)) if nullable else base
        if cursor is not None:
            key = sa.tuple_(col, ident)
            bound = sa.tuple_(
                sa.literal(_cursor_value(col, cursor.value), col.type), sa.literal(cursor.ident)
            )
            stmt = stmt.where(key < bound if descending else key > bound)
        order = (col.desc(), ident.desc()) if descending else (col.asc(), ident.asc())
        rows = list(conn.execute(stmt.order_by(*order).limit(want)).mappings())
        if len(rows) > limit:
            last = rows[limit - 1]
            return rows[:limit], Cursor(sort_name, False, _json_value(last[key_name]), last[ident_name])
        cursor = None
    if not nullable:
        return rows, None
    stmt = base.where(col.is_(None))
    if cursor is not None and cursor.ident:  # an empty ident: the NULL block starts the page
        stmt = stmt.where(ident < cursor.ident if descending else ident > cursor.ident)
    room = limit - len(rows)
    tail = list(
        conn.execute(stmt.order_by(ident.desc() if descending else ident.asc()).limit(room + 1)).mappings()
    )
    rows += tail[:room]
    if len(tail) > room:
        # The page is full: continue after its last NULL row, or at the NULL block's start when
        # the values filled the page exactly.
        return rows, Cursor(sort_name, True, None, tail[room - 1][ident_name] if room else "")
    return rows, None


# -- claims --------------------------------------------------------------------------------------


def _claim_select() -> sa.Select[Any]:
    """Claims with the few document fields a list shows (title, outlet, published)."""
    return sa.select(
        claims,
        documents.c.title.label("doc_title"),
        documents.c.outlet.label("doc_outlet"),
        documents.c.published.label("doc_published"),
    ).select_from(claims.outerjoin(documents, claims.c.doc_hash == documents.c.hash))


def _date_branches(f: WebClaimFilter) -> tuple[sa.ColumnElement[bool], sa.ColumnElement[bool]]:
    """The date window as (claims dated by their period's end, undated claims by publication date).

    A claim's date is its period's end, else its document's publication date (as the CLI). Spelled
    as two branches, the first can read the period_end index and needs no join.
    """
    dated: list[sa.ColumnElement[bool]] = [claims.c.period_end.is_not(None)]
    undated: list[sa.ColumnElement[bool]] = [claims.c.period_end.is_(None)]
    if f.since:
        dated.append(claims.c.period_end >= f.since)
        undated.append(documents.c.published >= f.since)
    if f.until:
        dated.append(claims.c.period_end <= f.until)
        undated.append(documents.c.published <= f.until)
    return sa.and_(*dated), sa.and_(*undated)


def _apply_filter(stmt: sa.Select[Any], f: WebClaimFilter, *, dates: bool = True) -> sa.Select[Any]:
    if f.subject:
        stmt = stmt.where(claims.c.subject == f.subject)
    if f.category:
        stmt = stmt.where(claims.c.category == f.category)
    if f.claimant:
        # Exact, like subject and category: the canonical names the filter forms offer. An equality
        # can use the claimant index; a substring match would scan every claim.
        stmt = stmt.where(claims.c.claimant == f.claimant)
    if f.origin:
        stmt = stmt.where(claims.c.origin == f.origin)
    if dates and (f.since or f.until):
        stmt = stmt.where(sa.or_(*_date_branches(f)))
    if f.doc:
        stmt = stmt.where(
            sa.or_(
                claims.c.doc_id == f.doc,
                claims.c.doc_hash == f.doc,
                claims.c.doc_hash.startswith(f.doc, autoescape=True),
            )
        )
    if f.q:
        stmt = stmt.where(sa.func.lower(claims.c.quote).contains(f.q.lower(), autoescape=True))
    return stmt


def parse_sort(sort: str | None, allowed: dict[str, Any], default: str) -> tuple[str, bool]:
    """'-date' -> ('date', descending=True); unknown names are a QueryError listing the allowed ones."""
    s = sort or default
    name, desc = (s[1:], True) if s.startswith("-") else (s, False)
    if name not in allowed:
        raise QueryError(
            f"unknown sort {s!r}; use one of {', '.join(sorted(allowed))} (prefix - for descending)"
        )
    return name, desc


def _ordering(
    sort: str | None, allowed: dict[str, Any], default: str, cursor: str | None
) -> tuple[str, bool, str, Cursor | None]:
    """A page's order: (column name, descending, the sort key its cursors carry, the decoded cursor)."""
    name, desc = parse_sort(sort, allowed, default)
    sort_key = ("-" if desc else "") + name
    return name, desc, sort_key, Cursor.decode(cursor, sort_key) if cursor else None


def claims_page(
    conn: Connection,
    f: WebClaimFilter,
    *,
    sort: str | None = None,
    limit: int = DEFAULT_LIMIT,
    cursor: str | None = None,
    with_total: bool = False,
) -> Page:
    """One page of claims matching `f` in `sort` order; rows are dicts (`ClaimRow`)."""
    name, desc, sort_key, cur = _ordering(sort, CLAIM_SORTS, DEFAULT_CLAIM_SORT, cursor)
    col = CLAIM_SORTS[name]
    rows, nxt = keyset_page(
        conn,
        _apply_filter(_claim_select(), f),
        sort_name=sort_key,
        col=col,
        ident=claims.c.claim_id,
        descending=desc,
        limit=limit,
        cursor=cur,
        nullable=bool(col.nullable),
    )
    # The total is counted on the first page only: later pages of the same filters have the same one.
    total = count_claims(conn, f) if with_total and cur is None else None
    return Page(
        rows=[claim_row(r) for r in rows], next_cursor=nxt.encode() if nxt else None, total=total, limit=limit
    )


def count_claims(conn: Connection, f: WebClaimFilter) -> int:
    """How many claims match `f`; a date window is counted as its two branches (see _date_branches),
    so the common one reads the period_end index without joining documents."""
    if not (f.since or f.until):
        return int(
            conn.execute(_apply_filter(sa.select(sa.func.count()).select_from(claims), f)).scalar_one()
        )
    dated, undated = _date_branches(f)
    joined = claims.outerjoin(documents, claims.c.doc_hash == documents.c.hash)
    n = 0
    for source, branch in ((claims, dated), (joined, undated)):
        stmt = _apply_filter(sa.select(sa.func.count()).select_from(source), f, dates=False).where(branch)
        n += int(conn.execute(stmt).scalar_one())
    return n


def refresh_statistics(conn: Connection) -> bool:
    """Give SQLite's planner row statistics when they are missing or stale; True if it ran ANALYZE.

    Without statistics SQLite prefers an index on an equality filter ("subject = ?") and then sorts
    every match; with them it knows a side or category matches a large share of the ledger and
    reads the keyset index in order instead. A full ANALYZE takes about 0.3 s per 100,000 claims,
    so it runs only when the claim count moved by more than STALE_STATISTICS since the last one.
    PostgreSQL keeps its own statistics (autovacuum).
    """
    if conn.dialect.name != "sqlite":
        return False
    rows = int(conn.execute(sa.select(sa.func.count()).select_from(claims)).scalar_one())
    analysed = None
    if sa.inspect(conn).has_table("sqlite_stat1"):
        stat = conn.exec_driver_sql("SELECT stat FROM sqlite_stat1 WHERE tbl = 'claims' LIMIT 1").scalar()
        analysed = int(str(stat).split()[0]) if stat else None
    if analysed is not None and abs(rows - analysed) <= STALE_STATISTICS * max(analysed, 1):
        return False
    conn.exec_driver_sql("ANALYZE")
    conn.commit()
    return True


def iter_claim_rows(conn: Connection, f: WebClaimFilter) -> Any:
    """Every claim matching `f` (for CSV), in the ledger's stable order, as dicts."""
    stmt = _apply_filter(_claim_select(), f).order_by(claims.c.period_end, claims.c.claim_id)
    for r in conn.execute(stmt.execution_options(stream_results=True, yield_per=1000)).mappings():
        yield claim_row(r)


def claim_row(r: Any) -> dict[str, Any]:
    """A claims row as the API shows it: the claim's full record plus its document's title/outlet."""
    d = claim_from_row(r).as_dict()
    d["document"] = (
        {
            "hash": r["doc_hash"],
            "title": r["doc_title"],
            "outlet": r["doc_outlet"],
            "published": _json_value(r["doc_published"]),
        }
        if r["doc_hash"]
        else None
    )
    return d


def get_claim(conn: Connection, claim_id: str) -> dict[str, Any] | None:
    row = conn.execute(_claim_select().where(claims.c.claim_id == claim_id)).mappings().first()
    return claim_row(row) if row is not None else None


def facets(conn: Connection) -> dict[str, list[str]]:
    """Values the filter forms offer: subjects, categories and claimants present in the ledger."""

    def distinct(col: sa.Column[Any]) -> list[str]:
        stmt = (
            sa.select(col).where(col.is_not(None)).group_by(col).order_by(sa.func.count().desc()).limit(200)
        )
        return [r[0] for r in conn.execute(stmt)]

    present = set(distinct(claims.c.category))
    return {
        "subjects": distinct(claims.c.subject),
        "categories": [c for c in CATEGORIES if c in present],
        "claimants": distinct(claims.c.claimant),
    }


# -- timeline ------------------------------------------------------------------------------------


def timeline(conn: Connection, *, subject: str, category: str, mode: TimelineMode) -> dict[str, Any]:
    """Series rows as lines and text claims as points for one subject x category x period kind.

    Points are dated by their period's end, else their document's publication date.
    """
    kind = MODE_PERIOD[mode]
    base = (
        _claim_select()
        .add_columns(CLAIM_WHEN.label("when"))
        .where(claims.c.subject == subject, claims.c.category == category, claims.c.period_kind == kind)
    )
    lines: dict[str, list[dict[str, Any]]] = {}
    for r in conn.execute(base.where(claims.c.origin == "series").order_by(CLAIM_WHEN)).mappings():
        if r["when"] is None:
            continue
        # One line per series: a source can publish several series for one category (field
        # artillery and rocket launchers are both "artillery"), each with its own name.
        meta = r["series"] or {}
        source = str(meta.get("source") or "series") + (f": {meta['name']}" if meta.get("name") else "")
        lines.setdefault(source, []).append(
            {"date": r["when"].isoformat(), "value": plain_number(r["value"]), "claim_id": r["claim_id"]}
        )
    points = []
    stmt = base.where(claims.c.origin == "text", CLAIM_WHEN.is_not(None)).order_by(
        CLAIM_WHEN, claims.c.claim_id
    )
    for r in conn.execute(stmt.limit(MAX_TIMELINE_POINTS)).mappings():
        points.append(
            {
                "date": r["when"].isoformat(),
                "value": plain_number(r["value"]),
                "value_high": plain_number(r["value_high"]),
                "qualifier": r["qualifier"],
                "claimant": r["claimant"] or "unattributed",
                "quote": r["quote"],
                "claim_id": r["claim_id"],
                "doc_hash": r["doc_hash"],
                "source": r["doc_outlet"] or r["doc_title"] or r["doc_id"],
            }
        )
    # Figures of other period kinds (events, spans, the other mode) are not plotted; say how many.
    others = (
        sa.select(claims.c.period_kind, sa.func.count().label("n"))
        .where(claims.c.subject == subject, claims.c.category == category, claims.c.period_kind != kind)
        .group_by(claims.c.period_kind)
    )
    return {
        "subject": subject,
        "category": category,
        "mode": mode,
        "not_plotted": {r.period_kind: r.n for r in conn.execute(others)},
        "series": [{"source": k, "points": v} for k, v in sorted(lines.items())],
        "points": points,
        "truncated": len(points) >= MAX_TIMELINE_POINTS,
    }


# -- documents -----------------------------------------------------------------------------------

DOCUMENT_SORTS: dict[str, sa.Column[Any]] = {"published": documents.c.published, "id": documents.c.doc_id}


def documents_page(
    conn: Connection, *, sort: str | None = None, limit: int = DEFAULT_LIMIT, cursor: str | None = None
) -> Page:
    """One page of documents (without their text) with each one's claim count."""
    name, desc, sort_key, cur = _ordering(sort, DOCUMENT_SORTS, "-published", cursor)
    n_claims = (
        sa.select(sa.func.count())
        .where(claims.c.doc_hash == documents.c.hash)
        .scalar_subquery()
        .label("n_claims")
    )
    base = sa.select(*[c for c in documents.c if c.key != "text"], n_claims)
    col = DOCUMENT_SORTS[name]
    rows, nxt = keyset_page(
        conn, base, sort_name=sort_key, col=col, ident=documents.c.hash, descending=desc, limit=limit,
        cursor=cur, nullable=bool(col.nullable),
    )  # fmt: skip
    out = []
    for r in rows:
        d = {k: _json_value(v) for k, v in r.items() if k not in ("run_id", "doc_id")}
        d["id"] = r["doc_id"]
        d["ingested_at"] = r["ingested_at"].isoformat(timespec="seconds")
        out.append(d)
    total = int(conn.execute(sa.select(sa.func.count()).select_from(documents)).scalar_one())
    return Page(rows=out, next_cursor=nxt.encode() if nxt else None, total=total, limit=limit)


def document_claims(conn: Connection, doc_hash: str) -> list[Claim]:
    stmt = (
        sa.select(claims)
        .where(claims.c.doc_hash == doc_hash)
        .order_by(claims.c.span_start, claims.c.claim_id)
    )
    return [claim_from_row(r) for r in conn.execute(stmt).mappings()]


def segments(text: str, doc_claims: list[Claim]) -> list[Segment]:
    """Cut `text` at every claim span boundary; each piece lists the claims whose spans cover it.

    Every mention of a claim is highlighted (a title restating the body's figure too). Spans
    outside the text are ignored rather than trusted: offsets come from the ledger, the text may not
    match if a row was edited by hand.
    """
    spans: list[tuple[int, int, str]] = []
    for c in doc_claims:
        for s, e in c.mentions or ((c.start, c.end),):
            if 0 <= s < e <= len(text):
                spans.append((s, e, c.claim_id))
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    out: list[Segment] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        covering = sorted({cid for s, e, cid in spans if s <= a and e >= b})
        out.append(Segment(text=text[a:b], claim_ids=covering, start=a))
    return out


def document_view(conn: Connection, doc: StoredDocument) -> dict[str, Any]:
    """A document, its claims and its text cut into highlightable segments."""
    doc_claims = document_claims(conn, doc.hash)
    return {
        "document": doc.as_dict(),
        "claims": [c.as_dict() for c in doc_claims],
        "segments": [
            {"text": s.text, "start": s.start, "claims": s.claim_ids} for s in segments(doc.text, doc_claims)
        ],
    }


# -- overview ------------------------------------------------------------------------------------


def overview(conn: Connection, counts: dict[str, int]) -> dict[str, Any]:
    """Ledger counts, claims by subject and category, and the latest claims."""
    by = sa.select(claims.c.subject, claims.c.category, sa.func.count().label("n")).where(
        claims.c.origin == "text"
    )
    grid = Counter[tuple[str, str]]()
    for r in conn.execute(by.group_by(claims.c.subject, claims.c.category)):
        grid[(r.subject or "unknown", r.category)] += r.n
    latest = claims_page(conn, WebClaimFilter(origin="text"), sort="-date", limit=10, with_total=False)
    return {
        "counts": counts,
        "by_subject_category": [
            {"subject": s, "category": c, "claims": n} for (s, c), n in grid.most_common()
        ],
        "latest_claims": latest.rows,
    }


# -- check report and incidents ----------------------------------------------------------------

#: Sort keys of the check report: name -> column. "date" is the series report's date.
FINDING_SORTS: dict[str, sa.Column[Any]] = {
    "date": findings.c.report_date,
    "kind": findings.c.kind,
    "status": findings.c.status,
    "lag": findings.c.lag_days,
}
#: Statuses meaning "the figure is not what the series says" (shown first in summaries' colours).
PROBLEM_STATUSES = ("mismatch", "wrong_date", "contradicts", "decrease", "rewritten", "correction")


def findings_summary(conn: Connection) -> dict[str, Any]:
    """Counts of findings by kind and status, and when the checks last ran."""
    stmt = (
        sa.select(findings.c.kind, findings.c.status, sa.func.count().label("n"))
        .group_by(findings.c.kind, findings.c.status)
        .order_by(findings.c.kind, sa.func.count().desc())
    )
    groups = [
        {"kind": r.kind, "status": r.status, "count": r.n, "problem": r.status in PROBLEM_STATUSES}
        for r in conn.execute(stmt)
    ]
    checked = conn.execute(sa.select(sa.func.max(findings.c.checked_at))).scalar()
    return {
        "available": bool(groups),
        "total": sum(g["count"] for g in groups),
        "problems": sum(g["count"] for g in groups if g["problem"]),
        "groups": groups,
        "checked_at": checked.isoformat(timespec="seconds") if checked else None,
    }


def findings_page(
    conn: Connection,
    *,
    kind: str | None = None,
    status: str | None = None,
    sort: str | None = None,
    limit: int = DEFAULT_LIMIT,
    cursor: str | None = None,
) -> Page:
    """One page of findings, each with the document hash and quote of the claim it tested."""
    name, desc, sort_key, cur = _ordering(sort, FINDING_SORTS, "-date", cursor)
    base = sa.select(findings, claims.c.doc_hash, claims.c.quote).select_from(
        findings.outerjoin(claims, findings.c.claim_id == claims.c.claim_id)
    )
    if kind:
        base = base.where(findings.c.kind == kind)
    if status:
        base = base.where(findings.c.status == status)
    col = FINDING_SORTS[name]
    rows, nxt = keyset_page(
        conn, base, sort_name=sort_key, col=col, ident=findings.c.finding_id, descending=desc, limit=limit,
        cursor=cur, nullable=bool(col.nullable),
    )  # fmt: skip
    return Page(rows=[finding_row(r) for r in rows], next_cursor=nxt.encode() if nxt else None, limit=limit)


def finding_row(r: Any) -> dict[str, Any]:
    """A findings row as the API shows it (the reconcile stage's `Finding.as_dict` shape, plus links)."""
    return {
        "finding_id": r["finding_id"],
        "kind": r["kind"],
        "status": r["status"],
        "problem": r["status"] in PROBLEM_STATUSES,
        "subject": r["subject"],
        "category": r["category"],
        "claim_id": r["claim_id"],
        "claim_value": plain_number(r["claim_value"]),
        "other_id": r["other_id"],
        "other_value": plain_number(r["other_value"]),
        "claim_date": _json_value(r["claim_date"]),
        "report_date": _json_value(r["report_date"]),
        "lag_days": r["lag_days"],
        "ratio": None if r["ratio"] is None else round(r["ratio"], 4),
        "detail": r["detail"],
        "data": r["data"],
        "checked_at": _json_value(r["checked_at"]),
        "doc_hash": r["doc_hash"],
        "quote": r["quote"],
    }


def finding_facets(conn: Connection) -> dict[str, list[str]]:
    """Kinds and statuses present (for the report's filter form)."""

    def distinct(col: sa.Column[Any]) -> list[str]:
        return [v for (v,) in conn.execute(sa.select(col).distinct().order_by(col))]

    return {"kinds": distinct(findings.c.kind), "statuses": distinct(findings.c.status)}


INCIDENT_SORTS: dict[str, sa.Column[Any]] = {
    "date": incidents.c.incident_date,
    "type": incidents.c.type,
    "count": incidents.c.victim_count,
}


def incidents_page(
    conn: Connection,
    *,
    subject: str | None = None,
    type: str | None = None,
    sort: str | None = None,
    limit: int = DEFAULT_LIMIT,
    cursor: str | None = None,
) -> Page:
    """One page of incidents (the incidents stage's JSON shape) with their document's metadata."""
    name, desc, sort_key, cur = _ordering(sort, INCIDENT_SORTS, "-date", cursor)
    base = sa.select(
        incidents,
        documents.c.title.label("doc_title"),
        documents.c.outlet.label("doc_outlet"),
        documents.c.published.label("doc_published"),
    ).select_from(incidents.outerjoin(documents, incidents.c.doc_hash == documents.c.hash))
    if subject:
        base = base.where(incidents.c.victim_side == subject)
    if type:
        base = base.where(incidents.c.type == type)
    col = INCIDENT_SORTS[name]
    rows, nxt = keyset_page(
        conn, base, sort_name=sort_key, col=col, ident=incidents.c.incident_id, descending=desc, limit=limit,
        cursor=cur, nullable=bool(col.nullable),
    )  # fmt: skip
    out = []
    for r in rows:
        d = incident_from_row(r).as_dict()
        d["document"] = {
            "title": r["doc_title"],
            "outlet": r["doc_outlet"],
            "published": _json_value(r["doc_published"]),
        }
        out.append(d)
    total = int(conn.execute(sa.select(sa.func.count()).select_from(base.subquery())).scalar_one())
    return Page(rows=out, next_cursor=nxt.encode() if nxt else None, total=total, limit=limit)


def incident_facets(conn: Connection) -> dict[str, Any]:
    """Incident types with their counts, and victim sides present (for the filter form)."""
    by_type = sa.select(incidents.c.type, sa.func.count().label("n")).group_by(incidents.c.type)
    sides = sa.select(incidents.c.victim_side).where(incidents.c.victim_side.is_not(None)).distinct()
    return {
        "types": {r.type: r.n for r in conn.execute(by_type.order_by(sa.func.count().desc()))},
        "subjects": sorted(v for (v,) in conn.execute(sides)),
    }
