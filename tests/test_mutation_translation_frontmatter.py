"""healthsite/pages/translated.py in-process: what a Spanish page's front
matter may say, and each message for one that says more, less or otherwise
than its English page (README, "Mutation testing")."""

from __future__ import annotations

import datetime as dt

import pytest

from healthsite.pages.frontmatter import FrontMatter, read_front_matter
from healthsite.pages.translated import TranslationRecord, read_translation

ENGLISH = "docs/treatments/example.md"
SPANISH = "docs/treatments/example.es.md"
ENGLISH_PAGE = """---
title: Example treatment
description: What the example treatment is.
page_type: treatment
alternative_names:
  - Example
  - EX
signs_or_symptoms:
  - pain
  - swelling
reviewed_by: editorial-team
last_reviewed: 2026-11-20
next_review: 2027-11-20
findings:
  - finding: Of {people} people, it helped {share}.
    certainty: low
    source: review2020
  - finding: It may help.
    guideline_grade: B
    graded_by: The authors
    source: guide2018
---

# Example
"""
TRANSLATION = """\
translation:
  fingerprint: abc123
  translated: 2026-12-01
  translated_by: editorial-team
"""
ALLOWED = "title, description, alternative_names, signs_or_symptoms, findings and translation"


def english(text: str = ENGLISH_PAGE) -> FrontMatter:
    front, problems = read_front_matter(text, ENGLISH)
    assert front is not None
    assert problems == [] or front.meta is None
    return front


def spanish_page(
    *,
    title: str = "Tratamiento de ejemplo",
    names: str = "  - Ejemplo\n  - EX\n",
    signs: str = "  - dolor\n  - hinchazón\n",
    findings: str = (
        "  - finding: De {people} personas, ayudó a {share}.\n"
        "  - finding: Puede ayudar.\n    graded_by: Los autores\n"
    ),
    extra: str = "",
    translation: str = TRANSLATION,
) -> str:
    text = f"---\ntitle: {title}\ndescription: Qué es el tratamiento de ejemplo.\n"
    if names:
        text += "alternative_names:\n" + names
    if signs:
        text += "signs_or_symptoms:\n" + signs
    if findings:
        text += "findings:\n" + findings
    return text + extra + translation + "---\n\n# Ejemplo\n"


def problems_of(text: str, source: FrontMatter | None = None) -> list[str]:
    _, problems = read_translation(text, SPANISH, source or english(), ENGLISH)
    return [str(problem) for problem in problems]


def test_a_translation_takes_the_english_pages_fields_with_its_own_words() -> None:
    front, problems = read_translation(spanish_page(), SPANISH, english(), ENGLISH)
    assert problems == []
    assert front is not None
    assert front.language == "es"
    assert front.meta is not None
    assert front.meta.title == "Tratamiento de ejemplo"
    assert front.meta.page_type == "treatment"
    assert front.meta.alternative_names == ["Ejemplo", "EX"]
    assert front.meta.signs_or_symptoms == ["dolor", "hinchazón"]
    assert front.written["findings"] == [
        {
            "finding": "De {people} personas, ayudó a {share}.",
            "certainty": "low",
            "source": "review2020",
        },
        {
            "finding": "Puede ayudar.",
            "guideline_grade": "B",
            "graded_by": "Los autores",
            "source": "guide2018",
        },
    ]
    assert front.written["reviewed_by"] == "editorial-team"
    assert isinstance(front.translation, TranslationRecord)
    assert front.translation.translated == dt.date(2026, 12, 1)
    assert front.line("title") == 2
    assert front.shown_as == SPANISH


def test_a_translation_of_a_page_without_lists_needs_none() -> None:
    plain = ENGLISH_PAGE.split("alternative_names:")[0] + (
        "reviewed_by: editorial-team\nlast_reviewed: 2026-11-20\nnext_review: 2027-11-20\n---\n"
    )
    plain = plain.replace("page_type: treatment", "page_type: guide")
    front, problems = read_translation(
        spanish_page(names="", signs="", findings=""), SPANISH, english(plain), ENGLISH
    )
    assert problems == []
    assert front is not None
    assert front.meta is not None
    assert front.meta.alternative_names is None
    assert "findings" not in front.written


def test_a_translation_without_its_english_page_is_named() -> None:
    _, problems = read_translation(spanish_page(), SPANISH, None, ENGLISH)
    assert [str(problem) for problem in problems] == [
        f"{SPANISH}:1: translation: translates {ENGLISH}, which does not exist; a translation "
        "sits beside its English page: add that page, or rename or remove this one"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "# Sin front matter\n",
            f"{SPANISH}:1: front matter: is missing; start the page with a '---' line",
        ),
        (
            "---\ntitle: [a\n---\n",
            f"{SPANISH}:3: front matter: is not valid YAML: expected ',' or ']', but got "
            "'<stream end>'; fix the YAML syntax",
        ),
        (
            "---\n- a\n---\n",
            f"{SPANISH}:2: front matter: must be 'field: value' lines, one field per line",
        ),
    ],
)
def test_front_matter_that_cannot_be_read_is_named(text: str, expected: str) -> None:
    front, problems = read_translation(text, SPANISH, english(), ENGLISH)
    assert front is None
    assert len(problems) == 1
    assert str(problems[0]).startswith(expected)


def test_the_english_pages_fields_and_unknown_fields_are_refused() -> None:
    extra = "page_type: guide\nreviewed_by: someone\ncolour: red\n5: five\n"
    problems = problems_of(spanish_page(extra=extra))
    taken = (
        f"is taken from the English page ({ENGLISH}), so it is written once; remove it here; "
        f"expected only {ALLOWED} on a translated page"
    )
    assert problems == [
        f"{SPANISH}:14: page_type: {taken}",
        f"{SPANISH}:15: reviewed_by: {taken}",
        f"{SPANISH}:16: colour: is not a field of a translated page; expected only {ALLOWED}",
        f"{SPANISH}:17: 5: is not a field of a translated page; expected only {ALLOWED}",
    ]


def test_lists_the_english_page_has_are_needed_one_for_one() -> None:
    problems = problems_of(spanish_page(names="", signs="  - dolor\n", findings=""))
    assert problems == [
        f"{SPANISH}:2: alternative_names: is missing; the English page ({ENGLISH}) has 2; "
        "expected their Spanish wording here",
        f"{SPANISH}:2: findings: is missing; the English page ({ENGLISH}) has 2; expected their "
        "Spanish wording here",
        f"{SPANISH}:4: signs_or_symptoms: has 1 entries and the English page ({ENGLISH}) has "
        "2; expected the same number, in the same order, each the Spanish wording of the "
        "English one",
    ]


def test_names_may_differ_in_number_but_not_be_empty_on_a_treatment() -> None:
    assert problems_of(spanish_page(names="  - Ejemplo\n")) == []
    text = spanish_page(names="  []\n", extra="colour: red\n")
    front, problems = read_translation(text, SPANISH, english(), ENGLISH)
    # The merged page's problems come after the translation's own.
    assert [str(problem) for problem in problems] == [
        f"{SPANISH}:13: colour: is not a field of a translated page; expected only {ALLOWED}",
        f"{SPANISH}:4: alternative_names: is missing or empty, and every treatment page needs "
        "it; expected a list of other names readers search by, e.g. [RSD, causalgia]",
    ]
    # The page's own words, as written, for the checks that follow.
    assert front is not None
    assert (front.shown_as, front.meta, front.translation, front.language) == (
        SPANISH,
        None,
        None,
        "es",
    )
    assert front.written["colour"] == "red"
    assert front.line("colour") == 13


def test_a_list_the_english_page_lacks_is_refused() -> None:
    without_signs = ENGLISH_PAGE.replace("signs_or_symptoms:\n  - pain\n  - swelling\n", "")
    assert problems_of(spanish_page(), english(without_signs)) == [
        f"{SPANISH}:7: signs_or_symptoms: is not on the English page ({ENGLISH}); expected it "
        "only where the English page has it: remove it here, or add it there first"
    ]


def test_a_translation_record_written_wrongly_is_named() -> None:
    record = "translation:\n  fingerprint: abc\n  translated: 2026-13-01\n  translated_by: Ana\n"
    assert problems_of(spanish_page(translation=record)) == [
        f"{SPANISH}:16: translation.translated: '2026-13-01' is not a date in the calendar; "
        "expected the date the translation was made or brought up to date, as YYYY-MM-DD",
        f"{SPANISH}:17: translation.translated_by: String should match pattern "
        "'^[a-z0-9]+(?:-[a-z0-9]+)*$'; expected the key of the translator in data/reviewers.yml, "
        "e.g. editorial-team",
    ]
    assert problems_of(spanish_page(translation="")) == [
        f"{SPANISH}:2: translation: is missing; expected fingerprint, translated (a date) and "
        "translated_by (a reviewer's key)"
    ]


def test_a_translated_finding_keeps_the_english_figures() -> None:
    findings = (
        "  - finding: De {people} personas, ayudó a muchas.\n"
        "  - finding: Puede ayudar {x}.\n    graded_by: Los autores\n"
    )
    assert problems_of(spanish_page(findings=findings)) == [
        f"{SPANISH}:11: findings.0.finding: does not keep the English finding's figures; "
        "expected exactly {people}, {share}, as written in the English page",
        f"{SPANISH}:12: findings.1.finding: does not keep the English finding's figures; "
        "expected exactly no {...}, as written in the English page",
    ]


def test_figures_may_come_in_another_order() -> None:
    findings = (
        "  - finding: A {share} de {people} personas les ayudó.\n"
        "  - finding: Puede ayudar.\n    graded_by: Los autores\n"
    )
    assert problems_of(spanish_page(findings=findings)) == []


def test_who_graded_a_guideline_is_translated_where_the_english_says_it() -> None:
    findings = (
        "  - finding: De {people} personas, ayudó a {share}.\n    graded_by: Nadie\n"
        "  - finding: Puede ayudar.\n"
    )
    assert problems_of(spanish_page(findings=findings)) == [
        f"{SPANISH}:12: findings.0.graded_by: is not in the English finding; expected it only "
        "where the English finding has graded_by",
        f"{SPANISH}:13: findings.1.graded_by: is missing; expected the Spanish of the English "
        "finding's graded_by (who gave the guideline's grade), as readers see it beside the "
        "grade",
    ]


def test_a_translated_finding_written_wrongly_is_named_on_its_line_and_fix() -> None:
    # The field's description and the known fields are the finding's own
    # (TranslatedFinding), not the page's (TranslatedMeta), though the finding
    # sits inside the page's list of findings.
    findings = "  - finding: ''\n  - finding: Puede.\n    graded_by: Los autores\n    source: x\n"
    assert problems_of(spanish_page(findings=findings)) == [
        f"{SPANISH}:11: findings.0.finding: String should have at least 1 character; "
        "expected the finding in Spanish, with the English one's {figures}",
        f"{SPANISH}:14: findings.1.source: is not a known field; use one of: finding, graded_by",
    ]


def test_an_english_finding_that_is_not_a_mapping_is_left_to_its_own_check() -> None:
    odd = ENGLISH_PAGE.replace(
        "  - finding: It may help.\n    guideline_grade: B\n    graded_by: The authors\n"
        "    source: guide2018\n",
        "  - It may help.\n",
    )
    source = english(odd)
    assert source.meta is not None
    findings = "  - finding: De {people} personas, ayudó a {share}.\n  - finding: Puede.\n"
    front, problems = read_translation(spanish_page(findings=findings), SPANISH, source, ENGLISH)
    assert problems == []
    assert front is not None
    assert front.written["findings"][1] == "It may help."


def test_each_finding_is_compared_after_one_the_english_page_wrote_otherwise() -> None:
    odd = ENGLISH_PAGE.replace(
        "  - finding: Of {people} people, it helped {share}.\n    certainty: low\n"
        "    source: review2020\n",
        "  - Of some people.\n",
    )
    findings = (
        "  - finding: De algunas.\n  - graded_by: Los autores\n    finding: Puede ayudar {x}.\n"
    )
    assert problems_of(spanish_page(findings=findings), english(odd)) == [
        f"{SPANISH}:13: findings.1.finding: does not keep the English finding's figures; "
        "expected exactly no {...}, as written in the English page"
    ]
    wordless = ENGLISH_PAGE.replace(
        "  - finding: Of {people} people, it helped {share}.\n", "  - finding: [a]\n"
    )
    assert problems_of(spanish_page(findings=findings), english(wordless)) == [
        f"{SPANISH}:13: findings.1.finding: does not keep the English finding's figures; "
        "expected exactly no {...}, as written in the English page"
    ]


def test_an_english_finding_without_words_is_left_to_its_own_check() -> None:
    odd = ENGLISH_PAGE.replace("  - finding: It may help.\n", "  - finding: [a]\n")
    findings = (
        "  - finding: De {people} personas, ayudó a {share}.\n"
        "  - finding: Puede {x}.\n    graded_by: Los autores\n"
    )
    assert problems_of(spanish_page(findings=findings), english(odd)) == []


def test_a_translation_of_an_english_page_with_mistakes_takes_nothing_more() -> None:
    broken = english(ENGLISH_PAGE.replace("page_type: treatment", "page_type: symptom"))
    assert broken.meta is None
    front, problems = read_translation(spanish_page(), SPANISH, broken, ENGLISH)
    assert problems == []
    assert front is not None
    assert front.meta is None
    assert front.language == "es"
    assert front.written["title"] == "Tratamiento de ejemplo"
    assert "page_type" not in front.written


def test_a_translation_with_a_count_problem_is_not_merged() -> None:
    front, problems = read_translation(
        spanish_page(signs="  - dolor\n"), SPANISH, english(), ENGLISH
    )
    assert len(problems) == 1
    assert front is not None
    assert (front.shown_as, front.meta, front.translation, front.language) == (
        SPANISH,
        None,
        None,
        "es",
    )
    assert front.line("signs_or_symptoms") == 7
