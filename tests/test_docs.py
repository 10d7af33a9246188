"""Docs cannot fall behind the CLI: every command has help text and a line in README.md."""

from __future__ import annotations

from pathlib import Path

import typer.main

from attrition.cli import app

ROOT = Path(__file__).resolve().parent.parent


def _commands() -> dict[str, str]:
    group = typer.main.get_group(app)
    out: dict[str, str] = {}
    for name, cmd in group.commands.items():
        sub = getattr(cmd, "commands", None)
        if sub:  # a command group: `attrition series import`
            for sub_name, sub_cmd in sub.items():
                out[f"{name} {sub_name}"] = sub_cmd.help or ""
        else:
            out[name] = cmd.help or ""
    return out


def test_every_command_has_help() -> None:
    for name, help_text in _commands().items():
        assert help_text.strip(), f"attrition {name} has no help text"


def test_every_command_is_in_readme() -> None:
    readme = (ROOT / "README.md").read_text()
    missing = [name for name in _commands() if f"`attrition {name}" not in readme]
    assert not missing, f"README.md does not document: {missing}"


def test_architecture_names_every_stage_folder() -> None:
    arch = (ROOT / "ARCHITECTURE.md").read_text()
    for folder in sorted(
        p.name for p in (ROOT / "attrition").iterdir() if p.is_dir() and not p.name.startswith("_")
    ):
        assert f"attrition/{folder}/" in arch, f"ARCHITECTURE.md does not mention attrition/{folder}/"
