"""hooks.py stays the events of a build in their order, and nothing else.

Its steps live in healthsite/build/ and its checks in the list there
(healthsite/build/checks.py); what they share has one owner per lifetime
(healthsite/build/state.py). These fail when a helper, a module global or a
check is written into hooks.py itself.
"""

from __future__ import annotations

import ast
from pathlib import Path

from mkdocs.plugins import EVENTS

ROOT = Path(__file__).resolve().parent.parent
HOOKS = ast.parse((ROOT / "hooks.py").read_text(encoding="utf-8"))
EVENT_NAMES = {f"on_{event}" for event in EVENTS}


def _combined_parts() -> set[str]:
    """The functions hooks.py joins into one event with CombinedEvent."""
    parts = set()
    for node in HOOKS.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            call = node.value
            if isinstance(call.func, ast.Name) and call.func.id == "CombinedEvent":
                parts |= {arg.id for arg in call.args if isinstance(arg, ast.Name)}
    return parts


def test_every_function_in_hooks_is_an_event_or_part_of_one() -> None:
    functions = {node.name for node in HOOKS.body if isinstance(node, ast.FunctionDef)}
    assert functions, "hooks.py defines no function"
    helpers = functions - EVENT_NAMES - _combined_parts()
    assert not helpers, f"hooks.py: {sorted(helpers)} are not events; move them to healthsite/build"


def test_every_part_of_a_combined_event_says_when_it_runs() -> None:
    """A part without event_priority runs at 0, beside macros: its comment says why."""
    lines = (ROOT / "hooks.py").read_text(encoding="utf-8").splitlines()
    parts = _combined_parts()
    assert parts, "hooks.py combines no event"
    for node in HOOKS.body:
        if isinstance(node, ast.FunctionDef) and node.name in parts:
            first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            assert lines[first - 2].startswith("#"), f"{node.name}: no comment on its order"


def test_the_session_is_the_only_state_hooks_keeps() -> None:
    names = {
        target.id
        for node in HOOKS.body
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    assert names - EVENT_NAMES == {"_session"}
