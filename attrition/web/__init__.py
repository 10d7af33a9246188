"""web: the dashboard pages and JSON API over the ledger (FastAPI; needs the `web` extra).

create_app(db_url, token=None) -> FastAPI    the ASGI application
serve(db_url, host, port, token=None)         run it with uvicorn, printing its URL
"""

from __future__ import annotations

import sys
from typing import TextIO

from attrition.web.app import create_app

__all__ = ["DEFAULT_HOST", "DEFAULT_PORT", "create_app", "serve"]

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def serve(
    db_url: str,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    *,
    token: str | None = None,
    announce: TextIO | None = None,
) -> None:
    """Serve the dashboard until interrupted; prints the URL to open (to stderr unless told).

    `token` enables the write endpoints (the CLI passes $ATTRITION_TOKEN).
    """
    import uvicorn

    app = create_app(db_url, token=token)
    shown = "localhost" if host in ("127.0.0.1", "0.0.0.0", "::") else host
    mode = "read-write (bearer token required)" if token else "read-only"
    print(
        f"attrition dashboard: http://{shown}:{port}/  ({mode}; Ctrl+C to stop)", file=announce or sys.stderr
    )
    uvicorn.run(app, host=host, port=port, log_level="warning")
