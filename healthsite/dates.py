"""Dates as readers read them."""

from __future__ import annotations

import datetime as dt

SPANISH_MONTHS = (
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
)


def human_date(value: dt.date | str, language: str = "en") -> str:
    """``2026-11-20`` -> ``20 November 2026`` (Spanish: ``20 de noviembre de 2026``,
    as US federal sites in Spanish write it); text is returned unchanged."""
    if not isinstance(value, dt.date):
        return str(value)
    if language == "es":
        return f"{value.day} de {SPANISH_MONTHS[value.month - 1]} de {value.year}"
    return f"{value.day} {value:%B %Y}"
