"""A small ledger for the web tests: bulletins from both sides, an official series, a misquote of it, and a hostile
document whose title, text, URL, outlet and claimant carry markup that must never run."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from attrition.incidents import Incident, extract_document_incidents
from attrition.models import Claim, Document, Period, make_claim_id
from attrition.store import Ledger

#: Set by any injected script that manages to run in the browser.
XSS_FLAG = "__attrition_xss"

KYIV_1 = Document(
    id="kyiv-0206",
    title="Russia loses 1,020 soldiers in a day",
    outlet="Kyiv Independent",
    url="https://example.org/kyiv-0206",
    published=date(2024, 2, 6),
    text=(
        "Russia lost 1,020 soldiers in a day, Ukraine's General Staff said on Tuesday.\n\n"
        "Its total losses reached 390,580 fighters since February 2022, and 6,365 tanks."
    ),
)
KYIV_2 = Document(
    id="kyiv-0207",
    title="Daily losses",
    outlet="Kyiv Independent",
    published=date(2024, 2, 7),
    text="Russia lost 1,010 soldiers over the past day; the total is now 391,590 fighters.",
)
TASS = Document(
    id="tass-0207",
    title="Kyiv's losses",
    outlet="TASS",
    published=date(2024, 2, 7),
    text="Ukraine lost around 885 soldiers in the previous 24 hours, the Russian Defence Ministry said.",
)
MISQUOTE = Document(
    id="blog-0207",
    title="A blog's round figure",
    outlet="Some Blog",
    published=date(2024, 2, 7),
    text="According to Kyiv, Russia has lost 395,000 fighters so far.",
)
INCIDENT = Document(
    id="intercept-0206",
    title="Intercepted call",
    outlet="Daily Wire",
    published=date(2024, 2, 6),
    text=(
        "Twenty Russian soldiers died after a Russian tank fired on them near Avdiivka on Monday, according "
        "to an intercepted phone call released by Ukrainian intelligence. The claim has not been "
        "independently verified."
    ),
)
HOSTILE = Document(
    id="hostile",
    title=f'<img src=x onerror="window.{XSS_FLAG}=1">Breaking',
    outlet=f'<b onmouseover="window.{XSS_FLAG}=1">Evil outlet</b>',
    url=f"javascript:window.{XSS_FLAG}=1",
    published=date(2024, 2, 6),
    text=(
        f"<script>window.{XSS_FLAG}=1; alert('x')</script> Russia lost 17 tanks on Monday, "
        f'<img src=x onerror="window.{XSS_FLAG}=1;alert(1)"> officials said. '
        f'<a href="javascript:window.{XSS_FLAG}=1">read more</a>'
    ),
)


def _claim(doc: Document, quote: str, category: str, value: float, kind: str, **kw: object) -> Claim:
    start = doc.text.index(quote)
    return Claim(
        doc_id=None,
        claim_id="",
        subject=kw.pop("subject", "Russia"),  # type: ignore[arg-type]
        category=category,
        value=value,
        period=Period(kind=kind, end=doc.published),  # type: ignore[arg-type]
        quote=quote,
        start=start,
        end=start + len(quote),
        mentions=((start, start + len(quote)),),
        **kw,  # type: ignore[arg-type]
    ).with_doc(doc.id, doc.hash)


def batch() -> list[tuple[Document, list[Claim]]]:
    ua, ru = "Ukrainian military", "Russian military"
    return [
        (KYIV_1, [
            _claim(KYIV_1, "1,020 soldiers", "personnel_killed", 1020, "day", claimant=ua),
            _claim(KYIV_1, "390,580 fighters", "personnel_killed", 390580, "cumulative", claimant=ua),
            _claim(KYIV_1, "6,365 tanks", "tanks", 6365, "cumulative", claimant=ua),
        ]),
        (KYIV_2, [
            _claim(KYIV_2, "1,010 soldiers", "personnel_killed", 1010, "day", claimant=ua),
            _claim(KYIV_2, "391,590 fighters", "personnel_killed", 391590, "cumulative"),
        ]),
        (TASS, [
            _claim(TASS, "around 885 soldiers", "personnel_killed", 885, "day", claimant=ru, subject="Ukraine",
                   qualifier="around", hedged=True),
        ]),
        (MISQUOTE, [_claim(MISQUOTE, "395,000 fighters", "personnel_killed", 395000, "cumulative", claimant=ua)]),
        (HOSTILE, [
            _claim(HOSTILE, "17 tanks", "tanks", 17, "day", claimant=f'<svg onload="window.{XSS_FLAG}=1">'),
            # An undated event: its date is the document's publication date.
            replace(_claim(HOSTILE, "<script>", "other", 1, "event", claimant='=HYPERLINK("http://x")'),
                    period=Period(kind="event")),
        ]),
    ]  # fmt: skip


def series() -> list[Claim]:
    """Three rows of an official cumulative series (origin 'series')."""
    rows = []
    for day, value in ((5, 389560), (6, 390580), (7, 391590)):
        when = date(2024, 2, day)
        rows.append(
            Claim(
                doc_id=None,
                claim_id=make_claim_id("series:general-staff", day, day, "personnel_killed"),
                subject="Russia",
                category="personnel_killed",
                value=value,
                period=Period(kind="cumulative", start=date(2022, 2, 24), end=when),
                claimant="Ukrainian military",
                origin="series",
                series={"source": "General Staff", "ref": "test", "row": when.isoformat()},
            )
        )
    return rows


def incident_batch() -> tuple[list[tuple[Document, list[Claim]]], dict[str, list[Incident]]]:
    """The intercepted-call document, its figure, and the incident the incidents grammar reads."""
    figure = _claim(INCIDENT, "Twenty Russian soldiers", "personnel_killed", 20, "event",
                    claimant="Ukrainian intelligence", verification="unverified")  # fmt: skip
    found = extract_document_incidents(INCIDENT, [figure])
    return [(INCIDENT, [figure])], {INCIDENT.hash: found}


def seed(url: str) -> None:
    with Ledger(url) as ledger:
        ledger.store(batch())
        docs, found = incident_batch()
        ledger.store(docs, incidents_by_doc=found)
        ledger.store_series_claims(series())


#: Claims the seed stores: text claims and series rows.
TEXT_CLAIMS = 10
DOCUMENTS = 6
SERIES_ROWS = 3
