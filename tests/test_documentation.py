"""Documentation that cannot drift: every command and every setting is in the README."""

from __future__ import annotations

from pathlib import Path

from stancegraph.api.cli.main import app
from stancegraph.graph.model.settings import Settings, describe_settings

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def command_names() -> list[str]:
    import typer.main

    group = typer.main.get_command(app)
    names = []
    for name, cmd in group.commands.items():  # type: ignore[attr-defined]
        names.append(name)
        for sub in getattr(cmd, "commands", {}):
            names.append(f"{name} {sub}")
    return names


def test_every_command_is_in_the_readme():
    missing = []
    for name in command_names():
        top, _, sub = name.partition(" ")
        if f"stancegraph {name}" not in README and not (sub and f"stancegraph {top}" in README and sub in README):
            missing.append(name)
    assert not missing, f"commands missing from the README: {missing}"


def test_every_setting_is_in_the_readme():
    missing = [row["env"] for row in describe_settings(Settings()) if row["env"] not in README]
    assert not missing, f"settings missing from the README: {missing}"
