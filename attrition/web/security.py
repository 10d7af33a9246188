"""What makes the app safe to expose: bearer-token checks and the headers every response carries.

Article text and titles are untrusted. Templates escape everything (autoescape on, no `|safe`),
links from documents are kept only for http(s) URLs, and the Content-Security-Policy allows only
this origin's scripts: markup that slipped past the escaping still could not run.
"""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit

from fastapi import Request
from fastapi.responses import Response

from attrition.web.errors import ApiError

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


async def security_headers(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    response = await call_next(request)
    csp = DOCS_CONTENT_SECURITY_POLICY if request.url.path == "/docs" else CONTENT_SECURITY_POLICY
    response.headers.setdefault("Content-Security-Policy", csp)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "no-referrer")
    response.headers.setdefault("X-Frame-Options", "DENY")
    return response
