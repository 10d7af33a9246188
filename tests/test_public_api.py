"""The public surface is a deliberate list: `attrition.__all__` names exist and nothing else leaks."""

from __future__ import annotations

import attrition


def test_all_names_exist() -> None:
    for name in attrition.__all__:
        assert hasattr(attrition, name), name


def test_exported_members_match_all() -> None:
    public = {
        n
        for n in vars(attrition)
        if not n.startswith("_") and not isinstance(getattr(attrition, n), type(attrition))
    }
    public -= {"annotations", "logging"}
    assert public == set(attrition.__all__) - {"__version__"}


def test_single_migration_head() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from attrition.store.ledger import MIGRATIONS

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    assert len(ScriptDirectory.from_config(cfg).get_heads()) == 1
