"""Which line of a text holds something: for messages that name the line to fix."""

from __future__ import annotations

from collections.abc import Callable


def first_line(text: str, holds: str | Callable[[str], object], after: int = 0) -> int | None:
    """The number (from 1) of the first line below line ``after`` that holds
    ``holds`` (a piece of text in it, or a test of the whole line); None if
    no line does. Lines end as ``str.splitlines`` ends them."""
    test = holds if callable(holds) else (lambda line: holds in line)
    for number, line in enumerate(text.splitlines()[after:], after + 1):
        if test(line):
            return number
    return None


def line_at(text: str, index: int) -> int:
    """The number (from 1) of the line that character ``index`` of ``text`` is on."""
    return text.count("\n", 0, index) + 1
