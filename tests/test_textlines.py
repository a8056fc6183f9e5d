"""Which line of a text holds something: the helper every "line N" in a message comes from."""

from __future__ import annotations

from healthsite.textlines import first_line, line_at

TEXT = "---\ntitle: CRPS\n---\n\n# CRPS\n\nSee {{ cite('budapest') }}.\n"


def test_first_line_finds_text_or_a_test_of_the_line() -> None:
    assert first_line(TEXT, "cite(") == 7
    assert first_line(TEXT, lambda line: line.startswith("# ")) == 5
    assert first_line(TEXT, "nowhere") is None


def test_first_line_after_a_line_skips_the_lines_above() -> None:
    assert first_line(TEXT, "CRPS") == 2
    assert first_line(TEXT, "CRPS", after=3) == 5


def test_line_at_counts_from_one() -> None:
    assert line_at(TEXT, 0) == 1
    assert line_at(TEXT, TEXT.index("# CRPS")) == 5
