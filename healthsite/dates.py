"""Dates as readers read them."""

from __future__ import annotations

import datetime as dt


def human_date(value: dt.date | str) -> str:
    """``2026-11-20`` -> ``20 November 2026``; text is returned unchanged."""
    if isinstance(value, dt.date):
        return f"{value.day} {value:%B %Y}"
    return str(value)
