"""The JSON API and pages in-process (ASGI, no socket), over SQLite and PostgreSQL ledgers."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from attrition.models import Claim, Period
from attrition.store import Ledger
from attrition.web import create_app
from attrition.web.queries import refresh_statistics, segments
from tests import web_data

TOKEN = "s3cret-token"


@pytest.fixture
def client(ledger_url: str) -> Iterator[TestClient]:
    web_data.seed(ledger_url)
    with TestClient(create_app(ledger_url)) as c:
        yield c


@pytest.fixture
def writer(sqlite_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(sqlite_url, token=TOKEN)) as c:
        yield c


def assert_envelope(response, status: int) -> dict:
    """Every error has the one envelope: ok false, error {status, code, message}."""
    assert response.status_code == status, response.text
    body = response.json()
    assert body["ok"] is False
    assert set(body["error"]) == {"status", "code", "message"}
    assert body["error"]["status"] == status
    assert body["error"]["message"]
    return body["error"]


def all_pages(client: TestClient, **params: object) -> list[dict]:
    items: list[dict] = []
    cursor = None
    for _ in range(100):
        r = client.get("/api/claims", params={**params, **({"cursor": cursor} if cursor else {})})
        assert r.status_code == 200, r.text
        body = r.json()
        items += body["items"]
        cursor = body["next_cursor"]
        if cursor is None:
            return items
    raise AssertionError("pagination did not end")


def test_overview_counts_and_latest(client: TestClient) -> None:
    body = client.get("/api/overview").json()
    assert body["ok"] is True
    assert body["counts"]["documents"] == web_data.DOCUMENTS
    assert body["counts"]["claims"] == web_data.TEXT_CLAIMS
    assert body["counts"]["series_rows"] == web_data.SERIES_ROWS
    assert all(c["origin"] == "text" for c in body["latest_claims"])
    assert {"subject": "Russia", "category": "personnel_killed", "claims": 6} in body["by_subject_category"]
    assert body["checks"]["available"] is False


def test_claims_filters(client: TestClient) -> None:
    def ids(**params: object) -> set[str]:
        return {c["quote"] for c in all_pages(client, **params)}

    assert ids(subject="Ukraine") == {"around 885 soldiers"}
    assert ids(category="tanks") == {"6,365 tanks", "17 tanks"}
    assert ids(claimant="Russian military") == {"around 885 soldiers"}
    assert ids(claimant="russian military") == set()  # exact, as the filter forms offer it
    assert ids(q="FIGHTERS") == {"390,580 fighters", "391,590 fighters", "395,000 fighters"}
    assert ids(origin="series", since="2024-02-06") == {""}  # series rows have no quote
    assert len(all_pages(client, origin="series", since="2024-02-06")) == 2
    assert ids(doc=web_data.TASS.hash[:10]) == {"around 885 soldiers"}
    assert ids(doc="kyiv-0207") == {"1,010 soldiers", "391,590 fighters"}
    assert ids(since="2024-02-07", until="2024-02-07", origin="text") == {
        "1,010 soldiers", "391,590 fighters", "around 885 soldiers", "395,000 fighters"
    }  # fmt: skip


@pytest.mark.parametrize(
    "sort", ["-date", "date", "value", "-value", "claimant", "-claimant", "category", "subject"]
)
def test_cursor_pages_cover_every_claim_once_in_order(client: TestClient, sort: str) -> None:
    everything = all_pages(client, sort=sort, limit=500)
    paged = all_pages(client, sort=sort, limit=2)
    assert [c["claim_id"] for c in paged] == [c["claim_id"] for c in everything]
    assert len(paged) == web_data.TEXT_CLAIMS + web_data.SERIES_ROWS
    key = {"date": lambda c: c["period"]["end"], "value": lambda c: c["value"]}.get(sort.lstrip("-"))
    if key:
        values = [key(c) for c in paged if key(c) is not None]
        assert values == sorted(values, reverse=sort.startswith("-"))
    if sort.lstrip("-") == "claimant":  # NULL claimants come last, whatever the direction
        names = [c["claimant"] for c in paged]
        assert None in names and names.index(None) > max(i for i, n in enumerate(names) if n is not None)


def test_total_only_when_asked(client: TestClient) -> None:
    assert client.get("/api/claims").json()["total"] is None
    assert client.get("/api/claims", params={"total": "true", "subject": "Russia"}).json()["total"] == 12
    for window in (
        {"since": "2024-02-06", "until": "2024-02-06"},
        {"since": "2024-02-07"},
        {"until": "2024-02-06"},
    ):
        listed = all_pages(client, **window)
        assert client.get("/api/claims", params={**window, "total": "true"}).json()["total"] == len(listed)
    undated = all_pages(client, since="2024-02-06", until="2024-02-06", category="other")
    assert [(c["quote"], c["period"]["end"]) for c in undated] == [("<script>", None)]


def test_bad_requests_share_the_envelope(client: TestClient) -> None:
    assert_envelope(client.get("/api/claims", params={"sort": "nonsense"}), 400)
    assert_envelope(client.get("/api/claims", params={"cursor": "!!not-a-cursor"}), 400)
    cursor = client.get("/api/claims", params={"limit": 1, "sort": "value"}).json()["next_cursor"]
    assert "sort" in assert_envelope(client.get("/api/claims", params={"cursor": cursor}), 400)["message"]
    assert_envelope(client.get("/api/claims", params={"limit": 0}), 422)
    assert_envelope(client.get("/api/claims", params={"since": "yesterday"}), 422)
    assert_envelope(client.get("/api/claims", params={"category": "unicorns"}), 422)
    assert_envelope(client.get("/api/claims/nope"), 404)
    assert_envelope(client.get("/api/documents/nope"), 404)
    assert_envelope(client.get("/api/timeline", params={"subject": "Russia"}), 422)
    assert_envelope(client.get("/api/no/such/thing"), 404)
    assert_envelope(client.post("/api/documents", json={"text": "x"}), 405)  # read-only: not routed


def test_claim_and_document_views(client: TestClient) -> None:
    one = all_pages(client, q="around 885")[0]
    got = client.get(f"/api/claims/{one['claim_id']}").json()["claim"]
    assert got == one and got["document"]["outlet"] == "TASS"

    for key in (web_data.KYIV_1.hash, web_data.KYIV_1.hash[:12], "kyiv-0206"):
        body = client.get(f"/api/documents/{key}").json()
        assert body["document"]["hash"] == web_data.KYIV_1.hash
    segs = body["segments"]
    assert "".join(s["text"] for s in segs) == web_data.KYIV_1.text
    lit = [s["text"] for s in segs if s["claims"]]
    assert lit == ["1,020 soldiers", "390,580 fighters", "6,365 tanks"]
    assert len(body["claims"]) == 3


def test_documents_pages(client: TestClient) -> None:
    first = client.get("/api/documents", params={"limit": 3}).json()
    assert (
        first["total"] == web_data.DOCUMENTS and len(first["items"]) == 3 and "text" not in first["items"][0]
    )
    rest = client.get("/api/documents", params={"limit": 3, "cursor": first["next_cursor"]}).json()
    assert rest["next_cursor"] is None
    hashes = [d["hash"] for d in first["items"] + rest["items"]]
    assert len(set(hashes)) == web_data.DOCUMENTS
    assert sum(d["n_claims"] for d in first["items"] + rest["items"]) == web_data.TEXT_CLAIMS


def test_timeline_lines_and_points(client: TestClient) -> None:
    cum = client.get("/api/timeline", params={"subject": "Russia", "category": "personnel_killed"}).json()
    assert [s["source"] for s in cum["series"]] == ["General Staff"]
    assert [p["value"] for p in cum["series"][0]["points"]] == [389560, 390580, 391590]
    assert sorted(p["value"] for p in cum["points"]) == [390580, 391590, 395000]
    daily = client.get(
        "/api/timeline", params={"subject": "Russia", "category": "personnel_killed", "mode": "daily"}
    ).json()
    assert daily["series"] == []
    assert daily["not_plotted"] == {"cumulative": 6, "event": 1}  # cumulative: 3 text claims, 3 series rows
    assert [(p["date"], p["value"], p["claimant"]) for p in daily["points"]] == [
        ("2024-02-06", 1020, "Ukrainian military"),
        ("2024-02-07", 1010, "Ukrainian military"),
    ]
    assert (
        daily["points"][0]["quote"] == "1,020 soldiers" and daily["points"][0]["source"] == "Kyiv Independent"
    )


def test_csv_download_defuses_formulas(client: TestClient) -> None:
    r = client.get("/api/claims.csv", params={"subject": "Russia"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 12
    claimants = {row["claimant"] for row in rows}
    assert '\'=HYPERLINK("http://x")' in claimants
    assert not any(v.startswith("=") for row in rows for v in row.values() if v)


def test_pages_render_and_escape_untrusted_text(client: TestClient) -> None:
    for path in (
        "/",
        "/claims",
        "/claims?subject=Russia&sort=value",
        "/documents",
        "/timeline",
        "/checks",
        "/incidents",
    ):
        r = client.get(path)
        assert r.status_code == 200, path
        assert "script-src 'self'" in r.headers["content-security-policy"]
        assert not any(
            tag in r.text for tag in ("<script>window", "<img", "<svg onload", "<b onmouseover")
        ), path
    page = client.get(f"/documents/{web_data.HOSTILE.hash}").text
    assert "&lt;script&gt;" in page and "&lt;img src=x onerror=" in page
    assert 'href="javascript:' not in page
    assert "<img" not in page and "<svg onload" not in page and "<b onmouseover" not in page
    assert client.get("/documents/missing").status_code == 404


def test_openapi_docs_work_offline(client: TestClient) -> None:
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/docs-assets/swagger-ui-bundle.js" in docs.text
    assert "cdn" not in docs.text and "https://" not in docs.text
    assert client.get("/docs-assets/swagger-ui-bundle.js").status_code == 200
    spec = client.get("/openapi.json").json()
    assert {"/api/claims", "/api/timeline", "/api/documents/{key}", "/api/overview"} <= set(spec["paths"])
    assert "/api/checks/run" not in spec["paths"]


def test_write_endpoints_need_the_token(writer: TestClient) -> None:
    doc = {"id": "w1", "text": "Russia lost 12 tanks today, Kyiv said.", "published": "2024-03-01"}
    err = assert_envelope(writer.post("/api/documents", json=doc), 401)
    assert err["code"] == "unauthorized"
    assert writer.post("/api/documents", json=doc).headers["www-authenticate"] == "Bearer"
    wrong = {"Authorization": "Bearer nope"}
    assert_envelope(writer.post("/api/documents", json=doc, headers=wrong), 401)

    auth = {"Authorization": f"Bearer {TOKEN}"}
    r = writer.post("/api/documents", json=[doc, {"id": "bad"}], headers=auth)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["ok"] is True and body["new"] == 1 and body["skipped"] == 1
    assert writer.get("/api/documents/w1").json()["document"]["published"] == "2024-03-01"
    again = writer.post("/api/documents", json=doc, headers=auth).json()
    assert again["new"] == 0 and again["present"] == 1
    assert_envelope(writer.post("/api/documents", json={"id": "x"}, headers=auth), 422)
    assert_envelope(
        writer.post(
            "/api/documents", content=b"{not json", headers={**auth, "content-type": "application/json"}
        ),
        400,
    )
    assert writer.post("/api/checks/run", headers=auth).json()["summary"]["available"] is False
    assert_envelope(writer.post("/api/checks/run"), 401)
    assert "/api/checks/run" in writer.get("/openapi.json").json()["paths"]


def test_check_report_after_a_run(sqlite_url: str) -> None:
    """POST /api/checks/run stores findings; the report lists them, the misquote first among problems."""
    web_data.seed(sqlite_url)
    with TestClient(create_app(sqlite_url, token=TOKEN)) as c:
        assert c.get("/api/checks").json()["summary"]["available"] is False
        assert "No checks have run" in c.get("/checks").text
        ran = c.post("/api/checks/run", headers={"Authorization": f"Bearer {TOKEN}"}).json()["summary"]
        assert ran["available"] is True and ran["problems"] == 1
        assert {"kind": "claim_series", "status": "mismatch", "count": 1, "problem": True} in ran["groups"]
        bad = c.get("/api/checks", params={"status": "mismatch"}).json()["items"]
        assert [(f["claim_value"], f["other_value"], f["quote"]) for f in bad] == [
            (395000, 391590, "395,000 fighters")
        ]
        assert bad[0]["doc_hash"] == web_data.MISQUOTE.hash
        every = c.get("/api/checks", params={"limit": 2}).json()
        second = c.get("/api/checks", params={"limit": 2, "cursor": every["next_cursor"]}).json()
        assert len(every["items"]) == 2 and second["items"][0]["finding_id"] not in {
            f["finding_id"] for f in every["items"]
        }
        page = c.get("/checks?status=mismatch").text
        assert f"/documents/{web_data.MISQUOTE.hash}#span-{bad[0]['claim_id']}" in page
        assert c.get("/api/overview").json()["checks"]["problems"] == 1


def test_incidents_list(client: TestClient) -> None:
    body = client.get("/api/incidents").json()
    assert body["total"] == len(body["items"]) >= 1
    first = body["items"][0]
    assert first["doc_hash"] == web_data.INCIDENT.hash and first["document"]["outlet"] == "Daily Wire"
    assert first["quote"] in web_data.INCIDENT.text
    same_type = client.get("/api/incidents", params={"type": first["type"]}).json()["items"]
    assert first["incident_id"] in {i["incident_id"] for i in same_type}
    assert client.get("/api/incidents", params={"type": "no_such_type"}).json()["items"] == []
    page = client.get("/incidents").text
    assert f"/documents/{web_data.INCIDENT.hash}" in page


def test_statistics_refresh_only_when_stale(sqlite_url: str) -> None:
    web_data.seed(sqlite_url)
    with Ledger(sqlite_url) as ledger, ledger.connect() as conn:
        assert refresh_statistics(conn) is True
        assert refresh_statistics(conn) is False
        n = conn.execute(sa.text("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'claims'")).scalar_one()
        assert n > 0


def test_segments_split_overlapping_spans() -> None:
    text = "abcdefghij"
    a = Claim(doc_id="d", claim_id="A", subject=None, category="other", value=1, period=Period(kind="event"),
              quote="bcde", start=1, end=5, mentions=((1, 5), (8, 10)))  # fmt: skip
    b = Claim(doc_id="d", claim_id="B", subject=None, category="other", value=1, period=Period(kind="event"),
              quote="defg", start=3, end=7, mentions=((3, 7), (20, 30)))  # fmt: skip
    got = [(s.text, s.claim_ids) for s in segments(text, [a, b])]
    assert got == [("a", []), ("bc", ["A"]), ("de", ["A", "B"]), ("fg", ["B"]), ("h", []), ("ij", ["A"])]
    assert segments("", []) == []


def test_serve_command_passes_db_port_and_token(monkeypatch: pytest.MonkeyPatch, sqlite_url: str) -> None:
    from typer.testing import CliRunner

    import attrition.web
    from attrition.cli import app

    calls: list[tuple] = []
    monkeypatch.setattr(attrition.web, "serve", lambda *a, **kw: calls.append((a, kw)))
    monkeypatch.setenv("ATTRITION_TOKEN", TOKEN)
    result = CliRunner().invoke(app, ["serve", "--port", "9001", "--db", sqlite_url])
    assert result.exit_code == 0, result.output
    assert calls == [((sqlite_url, "127.0.0.1", 9001), {"token": TOKEN})]


def test_serve_prints_the_url(monkeypatch: pytest.MonkeyPatch, sqlite_url: str) -> None:
    import uvicorn

    import attrition.web

    ran: list[dict] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: ran.append(kw))
    out = io.StringIO()
    attrition.web.serve(sqlite_url, "127.0.0.1", 8123, announce=out)
    assert out.getvalue().startswith("attrition dashboard: http://localhost:8123/  (read-only")
    assert ran == [{"host": "127.0.0.1", "port": 8123, "log_level": "warning"}]


def test_timeline_draws_one_line_per_named_series(sqlite_url: str) -> None:
    """Two series of one source in one category (field artillery, rocket launchers) stay two lines."""
    rows = []
    for name, values in (("field artillery", (100, 110)), ("MRL", (20, 21))):
        for day, value in zip((1, 2), values, strict=True):
            rows.append(
                Claim(doc_id=None, claim_id=f"{name}-{day}", subject="Russia", category="artillery", value=value,
                      period=Period(kind="cumulative", end=date(2024, 3, day)), origin="series",
                      series={"source": "gs", "ref": "t", "row": str(day), "name": name})
            )  # fmt: skip
    with Ledger(sqlite_url) as ledger:
        ledger.store_series_claims(rows)
    with TestClient(create_app(sqlite_url)) as c:
        body = c.get("/api/timeline", params={"subject": "Russia", "category": "artillery"}).json()
    assert {s["source"]: [p["value"] for p in s["points"]] for s in body["series"]} == {
        "gs: MRL": [20, 21],
        "gs: field artillery": [100, 110],
    }
