"""The Spanish readability gate: syllables by Spanish spelling, Fernández Huerta and
INFLESZ, the floor that fails the build and the target that is reported."""

from __future__ import annotations

import logging

import pytest

from healthsite.checks.readability_report import spanish_table
from healthsite.checks.spanish_readability import (
    SpanishReadability,
    check_spanish_page,
    spanish_score,
)
from healthsite.checks.spanish_scores import (
    SpanishCounts,
    SpanishSyllables,
    fernandez_huerta,
    inflesz_band,
    szigriszt_pazos,
)

EASY = (
    "<p>El SDRC es un dolor que dura mucho. Casi siempre está en un brazo o una pierna. "
    "¿Qué puede hacer? Mueva la mano un poco cada día. Hable con su médico.</p>"
)
HARD = (
    "<p>La sensibilización central constituye un mecanismo fisiopatológico "
    "caracterizado por la amplificación de la transmisión nociceptiva en las "
    "estructuras medulares y supramedulares correspondientes.</p>"
    "<p>Las intervenciones farmacológicas demostraron considerable heterogeneidad "
    "metodológica en las investigaciones comparativas disponibles actualmente.</p>"
)


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        # Pyphen (textstat's count) finds one syllable in each of these four.
        ("día", 2),
        ("río", 2),
        ("agua", 2),
        ("ojo", 2),
        # And one too few in these.
        ("alodinia", 4),
        ("amitriptilina", 6),
        ("emergencias", 4),
        ("fisioterapia", 5),
        ("guion", 1),
        ("pingüino", 3),
        ("desensibilización", 7),
        # Not Spanish words: one syllable per group of vowels, at least one.
        ("sdrc", 1),
        ("911", 1),
        ("sudecks", 2),
    ],
)
def test_spanish_syllables(word: str, syllables: int) -> None:
    assert SpanishSyllables().word(word) == syllables


def test_the_formulas() -> None:
    # 100 words of 200 syllables in 10 sentences.
    counts = SpanishCounts(sentences=10, words=100, syllables=200)
    assert fernandez_huerta(counts) == pytest.approx(206.84 - 60 * 2 - 1.02 * 10)
    assert szigriszt_pazos(counts) == pytest.approx(206.835 - 62.3 * 2 - 10)
    assert fernandez_huerta(SpanishCounts(0, 0, 0)) == 0.0


@pytest.mark.parametrize(
    ("score", "band"),
    [
        (81, "muy fácil"),
        (80, "muy fácil"),
        (79.9, "bastante fácil"),
        (65, "bastante fácil"),
        (60, "normal"),
        (55, "normal"),
        (54.9, "algo difícil"),
        (40, "algo difícil"),
        (39.9, "muy difícil"),
    ],
)
def test_inflesz_bands(score: float, band: str) -> None:
    assert inflesz_band(score) == band


def test_counts_words_and_sentences_of_a_spanish_text() -> None:
    counts = SpanishSyllables().counts("¿Qué es la alodinia? Es dolor por un roce.")
    # qué es la a-lo-di-nia / es do-lor por un ro-ce
    assert counts == SpanishCounts(sentences=2, words=9, syllables=14)


def test_an_easy_page_passes_and_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.healthsite"):
        result, problems = check_spanish_page(EASY, "docs/a.es.md", EASY)
    assert problems == []
    assert result.verdict == "ok"
    assert "readability: docs/a.es.md: INFLESZ " in caplog.text
    assert "(ok; target INFLESZ 65, Fernández Huerta 70)" in caplog.text


def test_a_page_below_the_floor_fails_with_its_hardest_sentences() -> None:
    page = "---\ntitle: Difícil\n---\n\n" + HARD.replace("</p><p>", "\n\n")
    result, [problem] = check_spanish_page(HARD, "docs/a.es.md", page)
    assert result.verdict == "BELOW FLOOR"
    assert str(problem).startswith(
        f"docs/a.es.md:7: readability: {result.scores.text()}; the floor is INFLESZ 55, "
        "Fernández Huerta 60 (the target: INFLESZ 65, Fernández Huerta 70). Use shorter "
        "sentences and plainer words, starting with the hardest sentences:\n"
    )
    assert "      line 7, Fernández Huerta " in problem.message
    assert len(problem.spots) == 2


def test_a_page_between_floor_and_target_passes_and_is_reported_below_target() -> None:
    # Sentences of middling length and words: above the floor, below the target.
    sentence = "La fisioterapia ayuda a mover la extremidad y a reducir el dolor. "
    html = f"<p>{sentence * 3}</p>"
    result, problems = check_spanish_page(html, "docs/a.es.md", html)
    assert problems == []
    assert result.verdict == "below target", result.scores.text()
    table = spanish_table(
        [result, SpanishReadability("docs/b.es.md", spanish_score(["Hola a todos."]))]
    )
    assert table.splitlines()[0] == (
        "Target INFLESZ 65, Fernández Huerta 70; below INFLESZ 55, Fernández Huerta 60 "
        "fails the build."
    )
    assert table.splitlines()[3].endswith("below target")
