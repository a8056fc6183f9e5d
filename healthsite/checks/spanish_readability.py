"""How hard each Spanish page is to read: Fernández Huerta and INFLESZ.

The target for health information for the public (STYLE.md, "Spanish"; the
brief's section 4) is INFLESZ 65 or more ("bastante fácil") and Fernández
Huerta 70 or more (about 6th grade). As the English gate fails a page over
its limit, this one fails a page below its floor: INFLESZ under 55 or
Fernández Huerta under 60, where INFLESZ calls text "algo difícil". A page
between the floor and the target passes, and the build log and
``make readability`` say it is below the target, with its hardest sentences:
the formulas only count syllables and words, so a reviewer decides how far
to go. The text scored is the English gate's: prose only, without headings,
tables, code, admonition titles or the references (readability.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from healthsite.checks.readability import (
    DECIMAL_POINT,
    FIELD,
    hardest_sentences,
    prose_sentences,
    source_line,
)
from healthsite.checks.spanish_scores import (
    SpanishSyllables,
    fernandez_huerta,
    inflesz_band,
    szigriszt_pazos,
)
from healthsite.problems import Problem, Spot, log


@dataclass(frozen=True)
class SpanishLimit:
    """Lowest scores, on both scales."""

    inflesz: float
    fernandez_huerta: float

    def met_by(self, scores: SpanishScores) -> bool:
        return scores.inflesz >= self.inflesz and scores.fernandez_huerta >= self.fernandez_huerta

    def text(self) -> str:
        return f"INFLESZ {self.inflesz:g}, Fernández Huerta {self.fernandez_huerta:g}"


SPANISH_TARGET = SpanishLimit(inflesz=65, fernandez_huerta=70)
SPANISH_FLOOR = SpanishLimit(inflesz=55, fernandez_huerta=60)

_syllables = SpanishSyllables()


def _huerta(text: str) -> float:
    return fernandez_huerta(_syllables.counts(text))


@dataclass(frozen=True)
class SpanishScores:
    """One Spanish page's readability (higher is easier)."""

    fernandez_huerta: float
    # Szigriszt-Pazos's score, read on the INFLESZ scale.
    inflesz: float
    sentences: tuple[str, ...] = field(repr=False)

    def text(self) -> str:
        return (
            f"INFLESZ {self.inflesz:.1f} ({inflesz_band(self.inflesz)}), "
            f"Fernández Huerta {self.fernandez_huerta:.1f}"
        )

    def hardest(self) -> list[tuple[float, str]]:
        """The hardest sentences by their own Fernández Huerta score, hardest first."""
        return hardest_sentences(self.sentences, _huerta, higher_is_harder=False)


def spanish_score(sentences: list[str]) -> SpanishScores:
    text = DECIMAL_POINT.sub("", " ".join(sentences))
    counts = _syllables.counts(text)
    return SpanishScores(
        round(fernandez_huerta(counts), 1), round(szigriszt_pazos(counts), 1), tuple(sentences)
    )


@dataclass(frozen=True)
class SpanishReadability:
    """What the build reports for one Spanish page."""

    shown_as: str
    scores: SpanishScores

    @property
    def verdict(self) -> str:
        if SPANISH_TARGET.met_by(self.scores):
            return "ok"
        return "below target" if SPANISH_FLOOR.met_by(self.scores) else "BELOW FLOOR"


def _hardest_lines(scores: SpanishScores, file_text: str) -> list[tuple[int | None, float, str]]:
    return [
        (source_line(file_text, sentence), score, sentence) for score, sentence in scores.hardest()
    ]


def below_floor(scores: SpanishScores, shown_as: str, file_text: str) -> Problem | None:
    """A Problem naming the scores and the hardest sentences, if below the floor."""
    if SPANISH_FLOOR.met_by(scores):
        return None
    hardest = _hardest_lines(scores, file_text)
    listed = "\n".join(
        f'      {f"line {line}, " if line else ""}Fernández Huerta {score:.1f}: "{sentence}"'
        for line, score, sentence in hardest
    )
    spots = tuple(
        Spot(
            line,
            f"this sentence scores Fernández Huerta {score:.1f}, one of the hardest on a page "
            f"below the floor ({scores.text()}; the floor is {SPANISH_FLOOR.text()}): "
            f'"{sentence}"; expected shorter sentences and plainer words',
        )
        for line, score, sentence in hardest
    )
    return Problem(
        shown_as,
        next((line for line, _, _ in hardest if line), None),
        FIELD,
        f"{scores.text()}; the floor is {SPANISH_FLOOR.text()} (the target: "
        f"{SPANISH_TARGET.text()}). Use shorter sentences and plainer words, starting "
        f"with the hardest sentences:\n{listed}",
        spots,
    )


def check_spanish_page(
    html: str,
    shown_as: str,
    file_text: str,
    scores: Callable[[str], SpanishScores] | None = None,
) -> tuple[SpanishReadability, list[Problem]]:
    """Score one Spanish page, log its scores at INFO, and return its problem, if any.

    ``scores`` keeps the scores of HTML seen before (a ``ScoresByHtml``, under
    ``mkdocs serve``); without it the page is scored afresh.
    """
    result = SpanishReadability(
        shown_as, scores(html) if scores else spanish_score(prose_sentences(html))
    )
    log.info(
        "readability: %s: %s (%s; target %s)",
        shown_as,
        result.scores.text(),
        result.verdict,
        SPANISH_TARGET.text(),
        extra={FIELD: result},
    )
    too_hard = below_floor(result.scores, shown_as, file_text)
    return result, [too_hard] if too_hard else []
