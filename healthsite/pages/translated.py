"""A Spanish page's front matter: only its Spanish words and a translation record.

Everything else (page type, reviewers, review dates, related pages, possible
treatments, readability, each finding's certainty and source) is the English
page's, taken by the build, so it is written once. A Spanish page that sets
one of those, names a field no page has, or gives a different number of
findings or symptoms than the English page, fails with its file and line.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Annotated, Any

from mkdocs.utils.meta import YAML_RE
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from healthsite.pages.frontmatter import (
    FIRST_YAML_LINE,
    REVIEWER_KEY,
    FrontMatter,
    PageDate,
    PageDescription,
    PageMeta,
    PageTitle,
    Text,
    _missing,
)
from healthsite.pages.language import SPANISH
from healthsite.problems import Problem, field_path
from healthsite.validation import problems_from
from healthsite.yamlfile import (
    DatesAsTextLoader,
    InvalidYamlError,
    KeyPath,
    line_of,
    parse_quickly_with_lines,
)

TRANSLATED_FIELDS = (
    "title",
    "description",
    "alternative_names",
    "signs_or_symptoms",
    "findings",
)
ALLOWED = ", ".join(TRANSLATED_FIELDS) + " and translation"
# Lists whose entries stand for the English page's, one for one.
SAME_COUNT = ("signs_or_symptoms", "findings")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


class TranslatedFinding(BaseModel):
    """One finding's Spanish wording; its certainty and source are the English one's."""

    model_config = ConfigDict(extra="forbid")

    finding: Text = Field(description="the finding in Spanish, with the English one's {figures}")
    graded_by: Text | None = Field(
        None,
        description="who gave the guideline's grade, in Spanish (where the English finding "
        "has graded_by)",
    )


class TranslationRecord(BaseModel):
    """What a translation was made from, when, and by whom."""

    model_config = ConfigDict(extra="forbid")

    fingerprint: Text = Field(
        description="the fingerprint `make translations` prints for the English page "
        "(TODO until it does)"
    )
    translated: PageDate = Field(
        description="the date the translation was made or brought up to date, as YYYY-MM-DD"
    )
    translated_by: Text = Field(
        description="the key of the translator in data/reviewers.yml, e.g. editorial-team",
        # Anchored: pydantic's pattern matches anywhere in the text, and "Ana"
        # holds "na" (found by mutation testing, README "Mutation testing").
        pattern=f"^{REVIEWER_KEY.pattern}$",
    )


class TranslatedMeta(BaseModel):
    """The front matter of a translated page."""

    model_config = ConfigDict(extra="forbid")

    title: PageTitle = Field(description="the page title in Spanish")
    description: PageDescription = Field(
        description="one sentence in Spanish, ending with a full stop"
    )
    alternative_names: list[Text] | None = Field(
        None, description="the names Spanish readers search by, e.g. [SDRC, CRPS]"
    )
    signs_or_symptoms: list[Text] | None = Field(
        None, description="the English page's symptoms in Spanish, in the same order"
    )
    findings: list[TranslatedFinding] | None = Field(
        None, description="the English page's findings in Spanish, each as 'finding: ...'"
    )
    translation: TranslationRecord = Field(
        description="fingerprint, translated (a date) and translated_by (a reviewer's key)"
    )


Written = Annotated[dict[str, Any], "front matter as written"]


def _field_problems(
    raw: Written, lines: dict[KeyPath, int], shown_as: str, english: FrontMatter
) -> list[Problem]:
    """Fields a translation may not set: the English page's own, or no page's."""
    problems = []
    for key in raw:
        line = line_of(lines, (key,))
        if key in TRANSLATED_FIELDS or key == "translation":
            continue
        if isinstance(key, str) and key in PageMeta.model_fields:
            message = (
                f"is taken from the English page ({english.shown_as}), so it is written "
                f"once; remove it here; expected only {ALLOWED} on a translated page"
            )
        else:
            message = f"is not a field of a translated page; expected only {ALLOWED}"
        problems.append(Problem(shown_as, line, field_path((key,)), message))
    return problems


def _count_problems(
    raw: Written, lines: dict[KeyPath, int], shown_as: str, english: FrontMatter
) -> list[Problem]:
    """Lists that stand for the English page's: there when it has them, one for one."""
    problems = []
    for name in ("alternative_names", *SAME_COUNT):
        english_list = english.written.get(name) or []
        translated = raw.get(name)
        line = line_of(lines, (name,)) or FIRST_YAML_LINE
        if english_list and translated is None:
            problems.append(
                Problem(
                    shown_as,
                    line,
                    name,
                    f"is missing; the English page ({english.shown_as}) has {len(english_list)}; "
                    "expected their Spanish wording here",
                )
            )
        elif translated is not None and not english_list:
            problems.append(
                Problem(
                    shown_as,
                    line,
                    name,
                    f"is not on the English page ({english.shown_as}); expected it only where "
                    "the English page has it: remove it here, or add it there first",
                )
            )
        elif (
            name in SAME_COUNT
            and isinstance(translated, list)
            and len(translated) != len(english_list)
        ):
            problems.append(
                Problem(
                    shown_as,
                    line,
                    name,
                    f"has {len(translated)} entries and the English page ({english.shown_as}) "
                    f"has {len(english_list)}; expected the same number, in the same order, "
                    "each the Spanish wording of the English one",
                )
            )
    return problems


def _placeholder_problems(
    meta: TranslatedMeta, lines: dict[KeyPath, int], shown_as: str, english: FrontMatter
) -> list[Problem]:
    english_findings = english.written.get("findings") or []
    problems = []
    # Counts that differ are reported already (_count_problems): `strict` changes
    # nothing here, nor in _merged (make mutation).
    for index, (translated, original) in enumerate(
        zip(meta.findings or [], english_findings, strict=False)  # pragma: no mutate
    ):
        if not isinstance(original, dict):
            continue
        if ("graded_by" in original) != (translated.graded_by is not None):
            problems.append(_graded_by_problem(shown_as, lines, index, "graded_by" in original))
        wording = original.get("finding")
        if not isinstance(wording, str):
            continue
        expected = sorted(PLACEHOLDER.findall(wording))
        if sorted(PLACEHOLDER.findall(translated.finding)) != expected:
            problems.append(
                Problem(
                    shown_as,
                    line_of(lines, ("findings", index, "finding")),
                    f"findings.{index}.finding",
                    "does not keep the English finding's figures; expected exactly "
                    + (", ".join(expected) if expected else "no {...}")
                    + ", as written in the English page",
                )
            )
    return problems


def _graded_by_problem(
    shown_as: str, lines: dict[KeyPath, int], index: int, english_has_it: bool
) -> Problem:
    """A translated finding that lacks, or adds, who gave a guideline's grade."""
    if english_has_it:
        return Problem(
            shown_as,
            line_of(lines, ("findings", index, "finding")),
            f"findings.{index}.graded_by",
            "is missing; expected the Spanish of the English finding's graded_by "
            "(who gave the guideline's grade), as readers see it beside the grade",
        )
    return Problem(
        shown_as,
        line_of(lines, ("findings", index, "graded_by")),
        f"findings.{index}.graded_by",
        "is not in the English finding; expected it only where the English finding has graded_by",
    )


def _translated_finding(original: dict[str, Any], translated: TranslatedFinding) -> dict[str, Any]:
    """An English finding with its Spanish wording (and who graded it) in place."""
    finding = {**original, "finding": translated.finding}
    if translated.graded_by is not None:
        finding["graded_by"] = translated.graded_by
    return finding


def _merged(english: FrontMatter, meta: TranslatedMeta) -> dict[str, Any]:
    """The English page's front matter with the Spanish wordings in place."""
    merged = dict(english.written)
    merged["title"] = meta.title
    merged["description"] = meta.description
    if meta.alternative_names is not None:
        merged["alternative_names"] = list(meta.alternative_names)
    if meta.signs_or_symptoms is not None:
        merged["signs_or_symptoms"] = list(meta.signs_or_symptoms)
    if meta.findings is not None:
        merged["findings"] = [
            _translated_finding(original, translated) if isinstance(original, dict) else original
            for original, translated in zip(
                english.written["findings"],
                meta.findings,
                strict=True,  # pragma: no mutate
            )
        ]
    return merged


def read_translation(
    text: str, shown_as: str, english: FrontMatter | None, english_shown_as: str
) -> tuple[FrontMatter | None, list[Problem]]:
    """Check a translated page's front matter; give it the English page's with its wordings."""
    block = YAML_RE.match(text)
    if block is None:
        return None, [_missing(shown_as, text)]
    if english is None:
        message = (
            f"translates {english_shown_as}, which does not exist; a translation sits beside "
            "its English page: add that page, or rename or remove this one"
        )
        return None, [Problem(shown_as, 1, "translation", message)]
    try:
        raw, lines = parse_quickly_with_lines(
            block.group(1), shown_as, FIRST_YAML_LINE, DatesAsTextLoader
        )
    except InvalidYamlError as error:
        problem = error.problem
        message = f"is not valid YAML: {problem.message}"
        return None, [replace(problem, field="front matter", message=message)]
    if not isinstance(raw, dict):
        message = "must be 'field: value' lines, one field per line"
        return None, [Problem(shown_as, FIRST_YAML_LINE, "front matter", message)]
    problems = _field_problems(raw, lines, shown_as, english)
    count_problems = _count_problems(raw, lines, shown_as, english)
    problems += count_problems
    own = {key: value for key, value in raw.items() if key in (*TRANSLATED_FIELDS, "translation")}
    try:
        meta = TranslatedMeta.model_validate(own)
    except ValidationError as error:
        problems += problems_from(
            error, TranslatedMeta, shown_as, lines, whole="front matter", first_line=FIRST_YAML_LINE
        )
        meta = None
    if meta is not None:
        problems += _placeholder_problems(meta, lines, shown_as, english)
    problems.sort(key=lambda problem: problem.line or 0)
    # A translation with a mistake in its own words still takes the English
    # page's fields, so the checks after this one (findings, related pages)
    # read a whole page and report only what is wrong, not what follows from it.
    if meta is None or count_problems or english.meta is None:
        return FrontMatter(shown_as, raw, lines, None, None, SPANISH), problems
    merged = _merged(english, meta)
    try:
        checked = PageMeta.model_validate(merged)
    except ValidationError as error:
        problems += problems_from(
            error, PageMeta, shown_as, lines, whole="front matter", first_line=FIRST_YAML_LINE
        )
        return FrontMatter(shown_as, raw, lines, None, None, SPANISH), problems
    return FrontMatter(shown_as, merged, lines, checked, meta.translation, SPANISH), problems
