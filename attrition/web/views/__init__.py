"""Request handlers: `api` answers JSON, `pages` renders HTML from the same queries."""
