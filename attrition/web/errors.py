"""The one JSON error envelope, and the handlers that turn every failure into it.

Every JSON error, whatever raised it (a bad parameter, an unknown document, a missing token, an
unexpected failure), has the same shape, so clients need one code path:

    {"ok": false, "error": {"status": 404, "code": "not_found", "message": "no document 'abc'"}}

HTML pages get an error page with the same status and message instead.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from attrition.web.queries import QueryError

log = logging.getLogger(__name__)

ERROR_CODES = {
    400: "bad_request",
    401: "unauthorized",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    422: "invalid_parameter",
    500: "internal_error",
    501: "not_available",
}

#: Path prefixes answered in JSON; everything else is a page.
JSON_PREFIXES = ("/api/", "/openapi", "/static/", "/docs-assets/")


class ErrorDetail(BaseModel):
    status: int
    code: str
    message: str


class ErrorEnvelope(BaseModel):
    """The shape of every JSON error response (documented in OpenAPI)."""

    ok: bool = False
    error: ErrorDetail


#: OpenAPI `responses` for the API routes: every error status they can answer has the envelope.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    s: {"model": ErrorEnvelope, "description": ERROR_CODES[s]} for s in (400, 404, 422, 500)
}


class ApiError(Exception):
    """An error a handler reports to the client, turned into the envelope (JSON) or an error page."""

    def __init__(self, status: int, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code or ERROR_CODES.get(status, "error")


def error_body(status: int, message: str, code: str | None = None) -> dict[str, Any]:
    """The envelope (see the module docstring)."""
    return {
        "ok": False,
        "error": {"status": status, "code": code or ERROR_CODES.get(status, "error"), "message": message},
    }


def error_response(request: Request, status: int, message: str, code: str | None = None) -> Response:
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    if not request.url.path.startswith(JSON_PREFIXES):
        html = request.app.state.templates.get_template("error.html").render(
            status=status, message=message, active=""
        )
        return HTMLResponse(html, status_code=status, headers=headers)
    return JSONResponse(error_body(status, message, code), status_code=status, headers=headers)


def install_error_handlers(app: FastAPI) -> None:
    """Route every exception type to the envelope."""

    async def api_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ApiError)
        return error_response(request, exc.status, exc.message, exc.code)

    async def query_error(request: Request, exc: Exception) -> Response:
        return error_response(request, 400, str(exc))

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such page: {request.url.path}"
        return error_response(request, exc.status_code, message)

    async def validation_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        parts = []
        for e in exc.errors():
            where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "body", "path"))
            msg = str(e.get("msg", "invalid"))
            parts.append(f"{where}: {msg}" if where else msg)
        return error_response(request, 422, "; ".join(parts) or "invalid request")

    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path)
        return error_response(request, 500, "internal error; see the server log")

    app.add_exception_handler(ApiError, api_error)
    app.add_exception_handler(QueryError, query_error)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(Exception, unexpected)
