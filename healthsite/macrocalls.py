"""Expand the project's own macro calls before mkdocs-macros sees a page.

Why hand-written, beside mkdocs-macros: the plugin compiles every page into a
Jinja template, and for an 800-word page with a dozen ``{{ stat('key') }}``
calls that costs about 5 ms of CPU, a fifth of the page's whole build (see
docs/benchmarks.md). Jinja's compile cost grows with each expression, not
with the plain text, so expanding the calls here, with the same functions the
plugin would call, leaves it a template of plain text that compiles several
times faster. Only the simplest form is expanded: a call of one of the given
macros with literal string arguments. A page with any other Jinja markup is
left whole to the plugin, so nothing is rendered twice and Jinja's own
errors and checks still apply to everything else.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Mapping, Sequence

Macro = Callable[..., str]
CALL = re.compile(r"\{\{\s*(?P<name>[A-Za-z_]\w*)\((?P<args>[^{}()]*)\)\s*\}\}")


def _literal_strings(args: str) -> tuple[str, ...] | None:
    """``'a', "b"`` as a tuple of strings; None for anything but string literals."""
    if not args.strip():
        return ()
    try:
        values = ast.literal_eval(f"({args},)")
    except (ValueError, SyntaxError):
        return None
    if isinstance(values, tuple) and all(isinstance(value, str) for value in values):
        return values
    return None


def expand_calls(
    markdown: str, macros: Mapping[str, Macro], jinja_starts: Sequence[str]
) -> str | None:
    """The page with every macro call expanded, or None to leave it to Jinja.

    Nothing is called unless the whole page qualifies: the macros record what a
    page cites, so a page must be rendered by this function or by Jinja, never
    partly by both.
    """
    calls = list(CALL.finditer(markdown))
    if not calls:
        return None
    arguments = []
    for call in calls:
        args = _literal_strings(call["args"])
        if call["name"] not in macros or args is None:
            return None
        arguments.append(args)
    rest = CALL.sub("", markdown)
    if any(start in rest for start in jinja_starts):
        return None
    pieces, end = [], 0
    for call, args in zip(calls, arguments, strict=True):
        pieces += [markdown[end : call.start()], macros[call["name"]](*args)]
        end = call.end()
    return "".join([*pieces, markdown[end:]])


class MacroCalls:
    """The project's macros and the Jinja markers that send a page to Jinja."""

    def __init__(self, macros: Mapping[str, Macro], jinja_starts: Sequence[str]) -> None:
        self.macros = dict(macros)
        self.jinja_starts = tuple(start for start in jinja_starts if start)

    def expand(self, markdown: str) -> str:
        """The page with its macro calls expanded, or unchanged for Jinja."""
        expanded = expand_calls(markdown, self.macros, self.jinja_starts)
        return markdown if expanded is None else expanded
