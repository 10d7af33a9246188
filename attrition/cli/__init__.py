"""Command-line shell over the library: parse options, call one library function, print.

Each family of commands lives in its own module and registers itself on `app`; this module only
imports them so that they register.
"""

from __future__ import annotations

from attrition.cli import eval_cmd as _eval_cmd  # noqa: E402,F401
from attrition.cli import incident_cmds as _incident_cmds  # noqa: E402,F401

# Command modules register on import (order = order in --help).
from attrition.cli import ledger_cmds as _ledger_cmds  # noqa: E402,F401
from attrition.cli import reconcile_cmds as _reconcile_cmds  # noqa: E402,F401
from attrition.cli import web_cmds as _web_cmds  # noqa: E402,F401
from attrition.cli.app import app, main

__all__ = ["app", "main"]
