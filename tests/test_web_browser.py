"""The dashboard in a real browser: Debian's chromium driven by Playwright against a live server.

The server is uvicorn on a free loopback port in a thread of the test process. Every page visited
is checked for console errors and uncaught exceptions, and screenshots land in
test-artifacts/screenshots/ (gitignored) for a human to look at.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests import web_data

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).resolve().parent.parent / "test-artifacts" / "screenshots"
#: Seconds to wait for the server to accept connections, and for page elements.
STARTUP_TIMEOUT = 15
ELEMENT_TIMEOUT_MS = 10_000

if not CHROMIUM.exists():
    pytest.skip(
        "browser tests need Debian's chromium at /usr/bin/chromium: apt-get install -y chromium "
        "(make test installs it when run as root)",
        allow_module_level=True,
    )
sync_api = pytest.importorskip(
    "playwright.sync_api", reason="browser tests need playwright: pip install -e '.[dev]'"
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from attrition.reconcile import run_checks, save_findings
    from attrition.store import Ledger
    from attrition.web import create_app

    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'ledger.db'}"
    web_data.seed(url)
    with Ledger(url) as ledger:
        save_findings(ledger, run_checks(ledger))
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(url), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=STARTUP_TIMEOUT)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Watch:
    """Console errors, uncaught page errors and dialogs seen by one page."""

    def __init__(self, page: object) -> None:
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.on("console", lambda m: self.errors.append(f"console: {m.text}") if m.type == "error" else None)  # type: ignore[attr-defined]
        page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))  # type: ignore[attr-defined]

        def on_dialog(d: object) -> None:
            self.dialogs.append(d.message)  # type: ignore[attr-defined]
            d.dismiss()  # type: ignore[attr-defined]

        page.on("dialog", on_dialog)  # type: ignore[attr-defined]


@pytest.fixture
def page(browser: object) -> Iterator[tuple[object, Watch]]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    pg = context.new_page()
    pg.set_default_timeout(ELEMENT_TIMEOUT_MS)
    watch = Watch(pg)
    yield pg, watch
    context.close()
    assert watch.errors == [], watch.errors


def shot(pg: object, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)  # type: ignore[attr-defined]


def test_overview_loads(page: tuple, base_url: str) -> None:
    pg, _ = page
    pg.goto(base_url + "/")
    assert pg.title() == "Overview · attrition"
    assert pg.locator(".card .big").first.inner_text() == str(web_data.DOCUMENTS)
    assert pg.locator("table.claims tbody tr").count() == web_data.TEXT_CLAIMS
    shot(pg, "overview")


def test_claims_filter(page: tuple, base_url: str) -> None:
    pg, _ = page
    pg.goto(base_url + "/claims")
    assert pg.locator("#total").inner_text() == str(web_data.TEXT_CLAIMS + web_data.SERIES_ROWS)
    pg.select_option("select[name=subject]", "Ukraine")
    pg.click("form.filters button[type=submit]")
    pg.wait_for_url("**/claims?*subject=Ukraine*")
    assert pg.locator("#total").inner_text() == "1"
    rows = pg.locator("table.claims tbody tr")
    assert rows.count() == 1 and "around 885 soldiers" in rows.first.inner_text()
    shot(pg, "claims-filtered")
    pg.goto(base_url + "/claims?sort=-value&limit=4")
    assert (
        pg.locator("table.claims tbody tr").first.locator("td.num").inner_text().replace(",", "") == "395000"
    )
    pg.click("a[rel=next]")
    assert pg.locator("table.claims tbody tr").count() == 4
    shot(pg, "claims-sorted")


def test_document_opens_with_highlighted_spans(page: tuple, base_url: str) -> None:
    pg, _ = page
    pg.goto(base_url + "/claims?doc=kyiv-0206&sort=value")
    pg.locator("td.quote a").first.click()
    pg.wait_for_url("**/documents/*#span-*")
    spans = pg.locator("#doc-text a.span")
    assert spans.all_inner_texts() == ["1,020 soldiers", "390,580 fighters", "6,365 tanks"]
    target = pg.url.split("#span-")[1]
    assert pg.locator(f"#span-{target}").inner_text() == "1,020 soldiers"
    # A span links to its claim in the side list, and the list links back.
    spans.nth(1).click()
    assert pg.locator(".claim-list li:target").inner_text().startswith("390,580")
    shot(pg, "document")


def test_timeline_renders_points_and_toggles(page: tuple, base_url: str) -> None:
    pg, _ = page
    pg.goto(base_url + "/timeline?subject=Russia&category=personnel_killed&mode=daily")
    pg.wait_for_selector("#chart[data-ready=true]")
    points = pg.locator("circle.point")
    assert points.count() == 2 and pg.locator("path.series-line").count() == 0
    points.first.hover()
    tip = pg.locator("#tooltip")
    assert (
        tip.is_visible() and "1,020 soldiers" in tip.inner_text() and "Kyiv Independent" in tip.inner_text()
    )
    shot(pg, "timeline-daily")
    pg.check("input[name=mode][value=cumulative]")
    # (the page's CSP forbids eval, so waits use locators rather than wait_for_function)
    sync_api.expect(pg.locator("path.series-line")).to_have_count(1)
    assert points.count() == 3
    assert "mode=cumulative" in pg.url
    assert "General Staff (series)" in pg.locator("#legend").inner_text()
    shot(pg, "timeline-cumulative")
    points.last.click()
    pg.wait_for_url("**/documents/*#span-*")


def test_check_report(page: tuple, base_url: str) -> None:
    pg, _ = page
    pg.goto(base_url + "/checks")
    cards = pg.locator("a.card.warn")
    assert cards.count() == 1 and "mismatch" in cards.inner_text()
    shot(pg, "checks")
    cards.click()
    rows = pg.locator("table.findings tbody tr")
    assert rows.count() == 1 and "395,000" in rows.inner_text()
    rows.locator("td.num a").click()
    pg.wait_for_url("**/documents/*#span-*")
    assert pg.locator("#doc-text a.span").inner_text() == "395,000 fighters"


def test_hostile_document_runs_nothing(page: tuple, base_url: str) -> None:
    """Markup in a document's title, text, URL, outlet and claimant is shown as text, never run."""
    pg, watch = page
    flag = f"window.{web_data.XSS_FLAG}"
    pg.goto(f"{base_url}/documents/{web_data.HOSTILE.hash}")
    text = pg.locator("#doc-text").inner_text()
    assert "<script>" in text and "onerror=" in text and "javascript:" in text
    assert pg.locator("h1").inner_text().startswith("<img src=x onerror=")
    assert pg.locator("#doc-text img, #doc-text script, #doc-text a[href^=javascript]").count() == 0
    pg.locator("#doc-text").hover()
    shot(pg, "document-hostile")
    for path in ("/", "/claims?q=tanks", "/documents"):
        pg.goto(base_url + path)
        pg.mouse.move(300, 300)
    pg.goto(base_url + "/timeline?subject=Russia&category=tanks&mode=daily")
    pg.wait_for_selector("#chart[data-ready=true]")
    for i in range(pg.locator("circle.point").count()):
        pg.locator("circle.point").nth(i).hover()
    assert "<svg onload=" in pg.locator("#legend").inner_text()
    shot(pg, "timeline-hostile")
    assert pg.evaluate(f"typeof {flag}") == "undefined"
    assert watch.dialogs == []


def test_documents_incidents_and_api_docs(page: tuple, base_url: str) -> None:
    pg, _ = page
    pg.goto(base_url + "/documents")
    assert pg.locator("table.docs tbody tr").count() == web_data.DOCUMENTS
    shot(pg, "documents")
    pg.goto(base_url + "/incidents")
    rows = pg.locator("table.incidents tbody tr")
    assert rows.count() >= 1 and "Twenty Russian soldiers" in rows.first.inner_text()
    shot(pg, "incidents")
    # The API explorer renders from the bundled Swagger UI files: nothing comes from the network.
    pg.goto(base_url + "/docs")
    sync_api.expect(pg.locator(".opblock-summary-path").first).to_be_visible()
    assert "/api/claims" in pg.locator(".swagger-ui").inner_text()
    shot(pg, "api-docs")
