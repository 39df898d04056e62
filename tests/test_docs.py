"""Documentation is tested: every command is in the README, every setting has help,
and the lexicons speak ACLED's exact vocabulary."""

from __future__ import annotations

import re

import click
import pytest

from conflictwatch.cli import main
from conflictwatch.config import SETTINGS
from conflictwatch.extract.classify import _STRATEGIC, _WEAPONS, SUB_EVENT_TYPES
from conflictwatch.resources import iter_jsonl
from support import REPO, SHARED

README = (REPO / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = "") -> list[str]:
    names = []
    for name, command in group.commands.items():
        full = f"{prefix}{name}"
        names.append(full)
        if isinstance(command, click.Group):
            names += _commands(command, full + " ")
    return names


@pytest.mark.parametrize("command", _commands(main))
def test_docs_every_command_is_in_the_readme_and_has_help(command):
    assert f"`{command}" in README or f"conflictwatch {command}" in README, command
    group: click.Command = main
    for part in command.split():
        group = group.commands[part]  # type: ignore[attr-defined]
    assert (group.help or "").strip(), f"{command} has no help text"


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.name)
def test_docs_every_setting_has_help(setting):
    assert len(setting.help) > 15


def test_docs_trigger_categories_all_lead_somewhere():
    known = {category for category, _ in _WEAPONS} | {category for category, _ in _STRATEGIC}
    known |= {
        "air_weapon", "clash", "attack", "kill", "civ_attack", "abduction", "sexual", "regain",
        "overtake", "protest", "riot", "mob", "protest_intervention", "protest_force",
        "protest_violent", "mishap",
    }  # fmt: skip
    categories = {row["category"] for row in iter_jsonl("lexicon/triggers.jsonl")}
    assert categories <= known, categories - known
    for row in iter_jsonl("lexicon/triggers.jsonl"):
        re.compile(row["pattern"])


def test_docs_sub_event_types_are_acleds_exact_strings():
    coding = SHARED / "docs" / "event-coding.md"
    if not coding.exists():
        pytest.skip("../shared/docs is not beside the repository")
    table = coding.read_text(encoding="utf-8")
    for sub, event_type in SUB_EVENT_TYPES.items():
        row = next(line for line in table.splitlines() if line.startswith(f"| {event_type} |"))
        assert sub in row, (sub, event_type)
