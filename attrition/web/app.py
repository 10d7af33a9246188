"""The web application: one factory, and every URL declared in `_routes`.

Pages (HTML) and the JSON API mirror each other: each page has an /api/ twin returning the same data.
Successful JSON responses carry `"ok": true` beside their payload; errors share one envelope
(`attrition.web.errors`).

Read-only unless a token is given: the write endpoints (POST /api/documents, POST /api/checks/run)
are not routed at all without one, and with one they need `Authorization: Bearer <token>`,
compared in constant time.

Article text and titles are untrusted. Templates escape everything (autoescape on, no `|safe`),
links from documents are kept only for http(s) URLs, and the Content-Security-Policy allows only
this origin's scripts: markup that slipped past the escaping still could not run.
"""

from __future__ import annotations

import hmac
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import sqlalchemy as sa
from fastapi import Depends, FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader, select_autoescape
from swagger_ui_bundle import swagger_ui_path

from attrition import __version__
from attrition.store import Ledger
from attrition.web.errors import ERROR_RESPONSES, ApiError, ErrorEnvelope, install_error_handlers
from attrition.web.queries import refresh_statistics
from attrition.web.views import api, pages

log = logging.getLogger(__name__)

OPENAPI_VERSION = "3.0.3"
STATIC_DIR = Path(__file__).parent / "static"

DESCRIPTION = """\
A ledger of war-loss claims: who claims what, about whom, for what period, and where in the text.

* Lists page with `limit` and `cursor`: pass the `next_cursor` of one page to get the next;
  `null` means the last page.
* Every error has one shape: `{"ok": false, "error": {"status", "code", "message"}}`.
* Write endpoints exist only when the server runs with `ATTRITION_TOKEN` set, and need
  `Authorization: Bearer <token>`.
"""


def create_app(db_url: str, token: str | None = None) -> FastAPI:
    """The dashboard and JSON API over the ledger at `db_url`.

    Args:
        db_url: ledger URL (a bare path means SQLite); the schema is migrated on open.
        token: when given, the write endpoints exist and require it as a bearer token. The CLI
            passes $ATTRITION_TOKEN; None keeps the app read-only.
    """
    app = FastAPI(
        title="attrition",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
    )
    # The bundled Swagger UI (4.x) renders OpenAPI 3.0 documents only; ours uses nothing of 3.1.
    app.openapi_version = OPENAPI_VERSION
    app.state.ledger = Ledger(db_url)
    _refresh_statistics(app.state.ledger)
    app.state.token = token or None
    templates = Environment(
        loader=PackageLoader("attrition.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
    )
    templates.globals["version"] = __version__
    templates.filters["safe_url"] = safe_url
    templates.filters["number"] = pages.format_number
    app.state.templates = templates
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.mount("/docs-assets", StaticFiles(directory=swagger_ui_path), name="docs-assets")
    _routes(app, writable=app.state.token is not None)
    install_error_handlers(app)
    app.middleware("http")(security_headers)
    app.router.on_shutdown.append(app.state.ledger.close)
    return app


def _routes(app: FastAPI, *, writable: bool) -> None:
    """Every URL of the application, in one place."""
    page: dict[str, Any] = {"response_class": HTMLResponse, "include_in_schema": False}
    app.add_api_route("/", pages.overview, name="overview", **page)
    app.add_api_route("/timeline", pages.timeline, name="timeline", **page)
    app.add_api_route("/claims", pages.claims, name="claims", **page)
    app.add_api_route("/documents", pages.documents, name="documents", **page)
    app.add_api_route("/documents/{key}", pages.document, name="document", **page)
    app.add_api_route("/checks", pages.checks, name="checks", **page)
    app.add_api_route("/incidents", pages.incidents, name="incidents", **page)
    app.add_api_route("/docs", _swagger, include_in_schema=False)

    json: dict[str, Any] = {"responses": ERROR_RESPONSES}
    app.add_api_route("/api/overview", api.overview, tags=["pages"], **json)
    app.add_api_route("/api/timeline", api.timeline, tags=["pages"], **json)
    app.add_api_route("/api/claims", api.claims, tags=["claims"], **json)
    app.add_api_route("/api/claims.csv", api.claims_csv, tags=["claims"], response_class=Response, **json)
    app.add_api_route("/api/claims/{claim_id}", api.claim, tags=["claims"], **json)
    app.add_api_route("/api/facets", api.facets, tags=["claims"], **json)
    app.add_api_route("/api/documents", api.documents, tags=["documents"], **json)
    app.add_api_route("/api/documents/{key}", api.document, tags=["documents"], **json)
    app.add_api_route("/api/checks", api.checks, tags=["checks"], **json)
    app.add_api_route("/api/incidents", api.incidents, tags=["incidents"], **json)
    if writable:
        write: dict[str, Any] = {
            "methods": ["POST"],
            "tags": ["write"],
            "dependencies": [Depends(require_token)],
            "responses": {**ERROR_RESPONSES, 401: {"model": ErrorEnvelope, "description": "unauthorized"}},
        }
        app.add_api_route("/api/documents", api.post_documents, **write)
        app.add_api_route("/api/checks/run", api.run_checks, **write)


def _refresh_statistics(ledger: Ledger) -> None:
    """Planner statistics for fast claim pages; a ledger we may not write to is served without."""
    try:
        with ledger.connect() as conn:
            refresh_statistics(conn)
    except sa.exc.OperationalError as exc:
        log.warning("could not refresh planner statistics (%s); claim pages may be slower", exc)


def _swagger(request: Request) -> HTMLResponse:
    """The OpenAPI explorer, from the Swagger UI files shipped in a Python package (works offline)."""
    return get_swagger_ui_html(
        openapi_url=str(request.app.openapi_url),
        title="attrition API",
        swagger_js_url="/docs-assets/swagger-ui-bundle.js",
        swagger_css_url="/docs-assets/swagger-ui.css",
        swagger_favicon_url="/static/favicon.svg",
    )


# -- security --------------------------------------------------------------------------------------

#: Pages allow only this origin's scripts, styles and images.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
#: The API explorer (/docs) runs the Swagger UI bundle's own inline start-up script.
DOCS_CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
SAFE_LINK_SCHEMES = ("http", "https")


def require_token(request: Request) -> None:
    """Raise 401 unless the request carries the app's bearer token (constant-time comparison)."""
    expected: str | None = request.app.state.token
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    ok = (
        expected is not None
        and scheme.lower() == "bearer"
        and hmac.compare_digest(given.strip().encode(), expected.encode())
    )
    if not ok:
        raise ApiError(401, "this endpoint needs the header 'Authorization: Bearer <ATTRITION_TOKEN>'")


def safe_url(url: str | None) -> str | None:
    """The URL if it is http(s), else None: a `javascript:` link from an article is never rendered."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in SAFE_LINK_SCHEMES else None


async def security_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    response = await call_next(request)
    csp = DOCS_CONTENT_SECURITY_POLICY if request.url.path == "/docs" else CONTENT_SECURITY_POLICY
    response.headers.setdefault("Content-Security-Policy", csp)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "no-referrer")
    response.headers.setdefault("X-Frame-Options", "DENY")
    return response
