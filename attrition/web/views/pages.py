"""HTML handlers: the dashboard pages, rendered server-side from the same queries as the API.

Templates autoescape everything; nothing from the ledger is marked safe. The timeline is the one
page drawn in the browser (static/timeline.js), from /api/timeline.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import Depends, Query, Request
from fastapi.responses import HTMLResponse

from attrition.models import CATEGORIES
from attrition.web import queries
from attrition.web.errors import ApiError
from attrition.web.queries import MAX_LIMIT, TimelineMode, WebClaimFilter
from attrition.web.views.api import claim_filter, ledger_of

#: Columns of the claims table that sort when their header is clicked: header -> sort key.
SORTABLE = {
    "Date": "date",
    "Subject": "subject",
    "Category": "category",
    "Value": "value",
    "Claimant": "claimant",
}


def format_number(v: Any) -> str:
    """1234567 -> '1,234,567'; fractions keep up to two decimals."""
    if v is None:
        return ""
    f = float(v)
    return f"{int(f):,}" if f.is_integer() else f"{f:,.2f}"


def _render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    html = request.app.state.templates.get_template(template).render(
        writable=request.app.state.token is not None, **context
    )
    return HTMLResponse(html, status_code=status)


def overview(request: Request) -> HTMLResponse:
    ledger = ledger_of(request)
    counts = ledger.counts()
    with ledger.connect() as conn:
        data = queries.overview(conn, counts)
        checks = queries.findings_summary(conn)
    return _render(request, "overview.html", active="overview", checks=checks, **data)


def timeline(
    request: Request,
    subject: str | None = None,
    category: str | None = None,
    mode: TimelineMode = "cumulative",
) -> HTMLResponse:
    """The chart's frame and pickers; the chart itself is drawn by timeline.js from /api/timeline."""
    with ledger_of(request).connect() as conn:
        facets = queries.facets(conn)
    subject = subject or (facets["subjects"][0] if facets["subjects"] else "")
    category = category or (facets["categories"][0] if facets["categories"] else CATEGORIES[0])
    if category not in CATEGORIES:
        raise ApiError(422, f"unknown category {category!r}")
    return _render(
        request,
        "timeline.html",
        active="timeline",
        facets=facets,
        subject=subject,
        category=category,
        mode=mode,
    )


def claims(
    request: Request,
    flt: Annotated[WebClaimFilter, Depends(claim_filter)],
    sort: str = queries.DEFAULT_CLAIM_SORT,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = queries.DEFAULT_LIMIT,
    cursor: str | None = None,
) -> HTMLResponse:
    with ledger_of(request).connect() as conn:
        page = queries.claims_page(conn, flt, sort=sort, limit=limit, cursor=cursor, with_total=True)
        facets = queries.facets(conn)
    params = flt.as_params()
    sort_links = {
        header: "?" + urlencode({**params, "sort": key if sort != key else "-" + key})
        for header, key in SORTABLE.items()
    }
    next_link = (
        "?" + urlencode({**params, "sort": sort, "limit": limit, "cursor": page.next_cursor})
        if page.next_cursor
        else None
    )
    return _render(
        request,
        "claims.html",
        active="claims",
        page=page,
        flt=params,
        facets=facets,
        sort=sort,
        sort_links=sort_links,
        next_link=next_link,
        first_link="?" + urlencode({**params, "sort": sort}) if cursor else None,
        csv_link="/api/claims.csv?" + urlencode(params),
    )


def documents(
    request: Request,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = queries.DEFAULT_LIMIT,
    cursor: str | None = None,
) -> HTMLResponse:
    with ledger_of(request).connect() as conn:
        page = queries.documents_page(conn, limit=limit, cursor=cursor)
    next_link = "?" + urlencode({"limit": limit, "cursor": page.next_cursor}) if page.next_cursor else None
    return _render(request, "documents.html", active="documents", page=page, next_link=next_link)


def document(request: Request, key: str) -> HTMLResponse:
    ledger = ledger_of(request)
    doc = ledger.document(key)
    if doc is None:
        raise ApiError(404, f"no document {key!r}")
    with ledger.connect() as conn:
        view = queries.document_view(conn, doc)
    # The first segment of each claim carries its anchor, the target of "#span-<claim_id>" links.
    seen: set[str] = set()
    for seg in view["segments"]:
        seg["anchors"] = [c for c in seg["claims"] if c not in seen]
        seen.update(seg["anchors"])
    return _render(request, "document.html", active="documents", **view)


def checks(
    request: Request,
    kind: str | None = None,
    status: str | None = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = queries.DEFAULT_LIMIT,
    cursor: str | None = None,
) -> HTMLResponse:
    with ledger_of(request).connect() as conn:
        summary = queries.findings_summary(conn)
        facets = queries.finding_facets(conn)
        page = queries.findings_page(
            conn, kind=kind or None, status=status or None, limit=limit, cursor=cursor
        )
    params = {k: v for k, v in (("kind", kind), ("status", status)) if v}
    next_link = (
        "?" + urlencode({**params, "limit": limit, "cursor": page.next_cursor}) if page.next_cursor else None
    )
    return _render(
        request, "checks.html", active="checks", summary=summary, facets=facets, page=page, flt=params,
        next_link=next_link,
    )  # fmt: skip


def incidents(
    request: Request,
    subject: str | None = None,
    type: str | None = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = queries.DEFAULT_LIMIT,
    cursor: str | None = None,
) -> HTMLResponse:
    with ledger_of(request).connect() as conn:
        page = queries.incidents_page(
            conn, subject=subject or None, type=type or None, limit=limit, cursor=cursor
        )
        facets = queries.incident_facets(conn)
    params = {k: v for k, v in (("subject", subject), ("type", type)) if v}
    next_link = (
        "?" + urlencode({**params, "limit": limit, "cursor": page.next_cursor}) if page.next_cursor else None
    )
    return _render(
        request,
        "incidents.html",
        active="incidents",
        page=page,
        facets=facets,
        flt=params,
        next_link=next_link,
    )
