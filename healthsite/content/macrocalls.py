"""Expand the project's own macro calls before mkdocs-macros sees a page.

Why hand-written, beside mkdocs-macros: the plugin compiles every page into a
Jinja template, and for an 800-word page with a dozen ``{{ stat('key') }}``
calls that costs about 5 ms of CPU, a fifth of the page's whole build (see
benchmarks/README.md). Jinja's compile cost grows with each expression, not
with the plain text, so expanding the calls here, with the same functions the
plugin would call, leaves it a template of plain text that compiles several
times faster. Only the simplest form is expanded: a call of one of the given
macros with literal string arguments. A page with any other Jinja markup is
left whole to the plugin, so nothing is rendered twice and Jinja's own
errors and checks still apply to everything else.
"""

from __future__ import annotations

import ast
import functools
import inspect
import re
from collections.abc import Callable, Mapping, Sequence

Macro = Callable[..., str]
CALL = re.compile(r"\{\{\s*(?P<name>[A-Za-z_]\w*)\((?P<args>[^{}()]*)\)\s*\}\}")
# Quoted strings without escapes, prefixes or line breaks, comma-separated: the
# arguments that Python and Jinja read alike (``r'x'`` or a ``#`` comment is
# valid Python but a Jinja syntax error, so a page with one is left to Jinja).
_SIMPLE_STRING = r"""(?:'[^'\\\n]*'|"[^"\\\n]*")"""
SIMPLE_ARGS = re.compile(rf"\s*(?:{_SIMPLE_STRING}\s*(?:,\s*{_SIMPLE_STRING}\s*)*,?\s*)?")


_STRING = re.compile(r"'([^'\\\n]*)'" + r'|"([^"\\\n]*)"')


# A library's pages cite the same few hundred keys again and again: each
# argument list is read once (ast.literal_eval was a tenth of our hooks' time).
@functools.lru_cache(maxsize=8192)
def _literal_strings(args: str) -> tuple[str, ...] | None:
    """``'a', "b"`` as a tuple of strings; None for anything but string literals."""
    if not args.strip():
        return ()
    if SIMPLE_ARGS.fullmatch(args) and not args.rstrip().endswith(","):
        # Quoted, no escapes, comma-separated: each string is what is between its
        # quotes, as literal_eval reads it (which refuses a trailing comma here).
        return tuple(single or double for single, double in _STRING.findall(args))
    try:
        values = ast.literal_eval(f"({args},)")
    except (ValueError, SyntaxError):
        return None
    if isinstance(values, tuple) and all(isinstance(value, str) for value in values):
        return values
    return None


def literal_calls(markdown: str) -> list[tuple[str, tuple[str, ...]]]:
    """Each ``{{ name('a', 'b') }}`` of the page whose arguments are string
    literals, as (name, arguments), in order: what a page uses, without calling
    anything (healthsite/translations/fingerprint.py)."""
    found = []
    for call in CALL.finditer(markdown):
        args = _literal_strings(call["args"])
        if args is not None:
            found.append((call["name"], args))
    return found


@functools.cache
def _signature(macro: Macro) -> inspect.Signature:
    return inspect.signature(macro)


def accepts(macro: Macro, args: tuple[str, ...]) -> bool:
    """True if the macro can be called with these arguments.

    A wrong call is left to Jinja, which reports it with the page and line.
    """
    return _takes(macro, len(args))


# Binding positional arguments checks only how many there are, never what
# they hold: each macro's answer for each count is kept (a page's 80 calls
# took 0.24 ms to bind one by one). Bounded: under `mkdocs serve` each build
# has its own macros.
@functools.lru_cache(maxsize=1024)
def _takes(macro: Macro, count: int) -> bool:
    """True if the macro can be called with ``count`` positional arguments."""
    try:
        _signature(macro).bind(*[""] * count)
    except TypeError:
        return False
    return True


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
        if call["name"] not in macros or args is None or not accepts(macros[call["name"]], args):
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


def plain_calls_only(
    markdown: str, macros: Mapping[str, Macro], jinja_starts: Sequence[str]
) -> bool:
    """True if the page's only template code is calls of ``names`` with simple
    string arguments (or it has none): Jinja would parse it as text and those
    calls, so it holds nothing for the template check to reject.

    Stricter than ``expand_calls``: a ``{`` just before a call would make Jinja
    read ``{{{``, and its arguments must read the same in Jinja as in Python.
    """
    calls = list(CALL.finditer(markdown))
    for call in calls:
        if call["name"] not in macros or not SIMPLE_ARGS.fullmatch(call["args"]):
            return False
        args = _literal_strings(call["args"])
        if args is None or not accepts(macros[call["name"]], args):
            return False
        if call.start() > 0 and markdown[call.start() - 1] == "{":
            return False
    rest = CALL.sub("", markdown) if calls else markdown
    return not any(start in rest for start in jinja_starts)


class MacroCalls:
    """The project's macros and the Jinja markers that send a page to Jinja."""

    def __init__(self, macros: Mapping[str, Macro], jinja_starts: Sequence[str | None]) -> None:
        self.macros = dict(macros)
        self.jinja_starts = tuple(start for start in jinja_starts if start)

    def expand(self, markdown: str) -> str | None:
        """The page with its macro calls expanded, or None to leave it to Jinja."""
        return expand_calls(markdown, self.macros, self.jinja_starts)

    def plain(self, markdown: str) -> bool:
        """See ``plain_calls_only``."""
        return plain_calls_only(markdown, self.macros, self.jinja_starts)

    def has_template_code(self, text: str | None) -> bool:
        """True if the text (say, a page title, which macros renders too) has any."""
        return any(start in (text or "") for start in self.jinja_starts)
