"""healthsite/content/findings.py in-process: what a treatment page's findings
tell readers, and each message an editor gets for a finding written wrongly
(README, "Mutation testing")."""

from __future__ import annotations

import pytest

from healthsite.content.findings import (
    Certainty,
    Finding,
    Grade,
    PageFindings,
    check_page_findings,
    parse_certainty,
)
from healthsite.content.wording import PageWording
from healthsite.problems import Problem
from tests.mutationdata import PAGE, OnePage, front_matter, registry

CERTAINTY_EXPECTED = (
    "the grade its source gave: high, moderate, low or very low; a range such as "
    "'low to very low'; or 'not rated' for a study that no review has graded"
)
GUIDELINE_EXPECTED = (
    "'guideline_grade:' (the guideline's own grade, such as B) and 'graded_by:' "
    '(whose opinion it is, such as "The 2018 US guideline\'s authors") in place of '
    "'certainty:', as a guideline's grade is its authors' opinion, not a certainty grade"
)


@pytest.mark.parametrize(
    ("written", "label", "meaning", "graded", "css_key"),
    [
        ("high", "We are confident", "New research is unlikely to change this.", "high", "high"),
        (
            "Moderate",
            "We are fairly sure",
            "New research could change this.",
            "moderate",
            "moderate",
        ),
        (
            " low  to very   LOW ",
            "We are not sure or very unsure",
            "The true effect may be very different.",
            "low to very low",
            "very-low",
        ),
        (
            "not rated",
            "Not rated",
            "No one has graded how sure we can be. Treat it with care.",
            "not rated",
            "not-rated",
        ),
        ("low to low", "We are not sure", "New research may well change this.", "low", "low"),
    ],
)
def test_a_certainty_reads_as_words_grade_and_mark(
    written: str, label: str, meaning: str, graded: str, css_key: str
) -> None:
    certainty = parse_certainty(written)
    assert (certainty.label, certainty.meaning, certainty.graded, certainty.css_key) == (
        label,
        meaning,
        graded,
        css_key,
    )
    assert certainty.rated is (written != "not rated")
    assert parse_certainty(certainty) is certainty


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("medium", "'medium' is not a certainty"),
        (5, "'5' is not a certainty"),
        ("", "'' is not a certainty"),
        ("high to moderate to low", "'high to moderate to low' is not a certainty"),
        (
            "very low to low",
            "'very low to low' goes from a lower grade to a higher one; put the higher first",
        ),
        ("moderate to high", "'moderate to high' goes from a lower grade to a higher one;"),
    ],
)
def test_a_certainty_no_review_gives_is_refused(written: object, message: str) -> None:
    with pytest.raises(ValueError, match="^" + message.replace("(", r"\(")) as raised:
        parse_certainty(written)
    assert str(raised.value).startswith(message)


def test_the_figures_of_a_finding_are_its_keys_in_order() -> None:
    finding = Finding.model_validate(
        {"finding": "Of { b } people, {a} improved.", "certainty": "low", "source": "x"}
    )
    assert finding.figures == ["b", "a"]


def findings_yaml(*entries: str) -> str:
    return "title: Example\nfindings:\n" + "".join(entries)


GOOD = "  - finding: It helped.\n    certainty: low\n    source: review2020\n"


def problems_of(yaml_text: str) -> list[str]:
    checked, problems = check_page_findings(front_matter(yaml_text), registry())
    assert (checked is None) == bool(problems)
    return [str(problem) for problem in problems]


def test_a_page_without_findings_has_nothing_to_check() -> None:
    assert check_page_findings(front_matter("title: Example\n"), registry()) == (None, [])


def test_good_findings_are_kept_with_their_line() -> None:
    checked, problems = check_page_findings(
        front_matter(findings_yaml(GOOD, GOOD.replace("It helped", "It did not"))), registry()
    )
    assert problems == []
    assert isinstance(checked, PageFindings)
    assert checked.line == 3
    assert [finding.finding for finding in checked.findings] == ["It helped.", "It did not."]


@pytest.mark.parametrize("written", ["findings: []\n", "findings: some text\n"])
def test_findings_that_are_not_a_list_of_findings_are_named(written: str) -> None:
    assert problems_of("title: Example\n" + written) == [
        f"{PAGE}:3: findings: must be a list of findings, each a '-' with 'finding:', "
        "'certainty:' and 'source:' below it"
    ]


def test_an_entry_that_is_not_a_mapping_is_named_with_its_line() -> None:
    assert problems_of(findings_yaml(GOOD, "  - It helped.\n")) == [
        f"{PAGE}:7: findings.1: must be 'finding:', 'certainty:' and 'source:' lines under a '-'"
    ]


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        pytest.param(
            "  - finding: It helped.\n    certainty: medium\n    source: review2020\n",
            f"{PAGE}:5: findings.0.certainty: 'medium' is not a certainty; expected "
            + CERTAINTY_EXPECTED,
            id="unknown-certainty",
        ),
        pytest.param(
            "  - finding: It helped.\n    certainty: low\n",
            f"{PAGE}:4: findings.0.source: is missing; expected the key in data/sources.yml of "
            "the review or study that found and graded it, e.g. oconnell2013",
            id="missing-source",
        ),
        pytest.param(
            "  - finding: It helped\n    certainty: low\n    source: review2020\n",
            f"{PAGE}:4: findings.0.finding: does not end with a full stop; expected whole "
            "sentences",
            id="no-full-stop",
        ),
        pytest.param(
            "  - finding: It helped.\n    certainty: low\n    source: review2021\n",
            f"{PAGE}:6: findings.0.source: 'review2021' is not a key in data/sources.yml; "
            "add the source there or fix the key",
            id="unknown-source",
        ),
        pytest.param(
            "  - finding: It helped.\n    source: review2020\n",
            f"{PAGE}:4: findings.0.certainty: is missing; expected {CERTAINTY_EXPECTED}; or, "
            f"for a guideline, {GUIDELINE_EXPECTED}",
            id="no-grade",
        ),
        pytest.param(
            "  - finding: It helped.\n    certainty: low\n    source: review2020\n"
            "    scale: the source's own\n",
            f"{PAGE}:7: findings.0.scale: gives a grade on the source's own scale, which is its "
            f"authors' opinion, not a certainty grade; expected {GUIDELINE_EXPECTED}",
            id="own-scale",
        ),
        pytest.param(
            "  - finding: It helped.\n    certainty: not rated\n    guideline_grade: B\n"
            "    graded_by: Its authors\n    source: guide2018\n",
            f"{PAGE}:6: findings.0.guideline_grade: is given beside 'certainty:'; expected one "
            "of them: 'certainty:' for the grade a review gave, or 'guideline_grade:' for a "
            "guideline's own grade",
            id="both-grades",
        ),
        pytest.param(
            "  - finding: It helped.\n    guideline_grade: B\n    source: guide2018\n",
            f"{PAGE}:4: findings.0.graded_by: is missing beside 'guideline_grade:'; expected "
            "both 'guideline_grade:' and 'graded_by:', or neither",
            id="grade-without-who",
        ),
        pytest.param(
            "  - finding: It helped.\n    certainty: low\n    graded_by: Its authors\n"
            "    source: review2020\n",
            f"{PAGE}:4: findings.0.guideline_grade: is missing beside 'graded_by:'; expected "
            "both 'guideline_grade:' and 'graded_by:', or neither",
            id="who-without-grade",
        ),
        pytest.param(
            "  - finding: It helped.\n    certainty: low to very low\n    source: guide2018\n",
            f"{PAGE}:5: findings.0.certainty: 'low to very low' is a certainty grade, but "
            "'guide2018' is a guideline (kind: guideline in data/sources.yml); expected "
            f"{GUIDELINE_EXPECTED}; or 'certainty: not rated'",
            id="guideline-with-certainty",
        ),
        pytest.param(
            "  - finding: It helped.\n    guideline_grade: B\n    graded_by: Its authors\n"
            "    source: review2020\n",
            f"{PAGE}:5: findings.0.guideline_grade: is given, but 'review2020' is not a "
            "guideline in data/sources.yml; expected 'kind: guideline' on that source if it "
            "is one, or 'certainty:' for the grade a review gave",
            id="guideline-grade-from-a-review",
        ),
        pytest.param(
            "  - finding: For {review2020_week} weeks it helped.\n    certainty: low\n"
            "    source: review2020\n",
            f"{PAGE}:4: findings.0.finding: 'review2020_week' is not a key in "
            "data/statistics.yml; expected the key of a figure there, in braces, such as "
            "{review2020_weeks}",
            id="unknown-figure-near-a-key",
        ),
        pytest.param(
            "  - finding: Of {trial2009_peopl} people it helped.\n    certainty: low\n"
            "    source: review2020\n",
            f"{PAGE}:4: findings.0.finding: 'trial2009_peopl' is not a key in "
            "data/statistics.yml; expected the key of a figure there, in braces, such as "
            "{trial2009_people}",
            id="unknown-figure-near-the-second-key",
        ),
        pytest.param(
            "  - finding: For {review2020_weeks} weeks, {trial2009_peopl} people.\n"
            "    certainty: low\n    source: review2020\n",
            f"{PAGE}:4: findings.0.finding: 'trial2009_peopl' is not a key in "
            "data/statistics.yml; expected the key of a figure there, in braces, such as "
            "{trial2009_people}",
            id="unknown-figure-after-a-known-one",
        ),
        pytest.param(
            "  - certainty: low\n    finding: It helped\n    source: review2020\n",
            f"{PAGE}:5: findings.0.finding: does not end with a full stop;",
            id="no-full-stop-written-second",
        ),
        pytest.param(
            "  - certainty: low\n    finding: It helped {x.\n    source: review2020\n",
            f"{PAGE}:5: findings.0.finding: has a brace that is not part of a {{key}};",
            id="stray-brace-written-second",
        ),
        pytest.param(
            "  - finding: For {zzz} weeks it helped.\n    certainty: low\n    source: review2020\n",
            f"{PAGE}:4: findings.0.finding: 'zzz' is not a key in data/statistics.yml; "
            "expected the key of a figure there, in braces, such as {review2020_weeks}",
            id="unknown-figure-far-from-any-key",
        ),
        pytest.param(
            "  - finding: For {review2020_weeks weeks it helped.\n    certainty: low\n"
            "    source: review2020\n",
            f"{PAGE}:4: findings.0.finding: has a brace that is not part of a {{key}}; "
            "expected figures written as the key of a figure in data/statistics.yml in braces, "
            "such as {kemler2000_much_improved}, and no other braces",
            id="stray-opening-brace",
        ),
        pytest.param(
            "  - finding: For 12} weeks it helped.\n    certainty: low\n    source: review2020\n",
            f"{PAGE}:4: findings.0.finding: has a brace that is not part of a {{key}};",
            id="stray-closing-brace",
        ),
        pytest.param(
            "  - finding: It helped.\n    certainty: low\n    source: review2020\n"
            "    statistics:\n      - review2020_weeks\n      - nothing_here\n",
            f"{PAGE}:9: findings.0.statistics: 'nothing_here' is not a key in "
            "data/statistics.yml; add the figure there or fix the key",
            id="unknown-statistic",
        ),
    ],
)
def test_a_finding_written_wrongly_is_named_with_its_line_and_fix(
    entry: str, expected: str
) -> None:
    problems = problems_of(findings_yaml(entry))
    assert len(problems) == 1, problems
    assert problems[0].startswith(expected), problems[0]
    if not expected.endswith(";"):
        assert problems[0] == expected


@pytest.mark.parametrize("end", ["!", "?", ".  "])
def test_a_finding_may_end_with_any_full_stop(end: str) -> None:
    entry = f"  - finding: 'It helped{end}'\n    certainty: low\n    source: review2020\n"
    assert problems_of(findings_yaml(entry)) == []


def test_with_no_figures_at_all_the_example_is_a_placeholder() -> None:
    empty = registry()
    empty.statistics.clear()
    entry = "  - finding: For {x} weeks.\n    certainty: low\n    source: review2020\n"
    _, problems = check_page_findings(front_matter(findings_yaml(entry)), empty)
    assert [problem.message for problem in problems] == [
        "'x' is not a key in data/statistics.yml; expected the key of a figure there, in "
        "braces, such as {key}"
    ]


def test_a_not_rated_finding_may_cite_a_guideline() -> None:
    entry = "  - finding: It helped.\n    certainty: not rated\n    source: guide2018\n"
    assert problems_of(findings_yaml(entry)) == []


def test_a_guideline_grade_of_an_unknown_source_names_only_the_source() -> None:
    entry = (
        "  - finding: It helped.\n    guideline_grade: B\n    graded_by: Its authors\n"
        "    source: nowhere\n"
    )
    assert problems_of(findings_yaml(entry)) == [
        f"{PAGE}:7: findings.0.source: 'nowhere' is not a key in data/sources.yml; "
        "add the source there or fix the key"
    ]


def test_every_finding_is_checked_and_one_mistake_drops_them_all() -> None:
    bad = GOOD.replace("review2020", "nowhere")
    checked, problems = check_page_findings(front_matter(findings_yaml(GOOD, bad)), registry())
    assert checked is None
    assert [(problem.line, problem.field) for problem in problems] == [(9, "findings.1.source")]


# --- What readers see ---------------------------------------------------------


def rendered(yaml_text: str, wording: PageWording | None = None) -> str:
    page = OnePage(wording)
    assert page.findings.load([front_matter(yaml_text)]) == []
    page.start()
    return page.findings.render()


def test_findings_render_as_a_list_with_each_finding_cited_and_graded() -> None:
    entry = (
        "  - finding: >-\n      Of {trial2009_people} people,\n      most improved for"
        " {review2020_weeks} weeks.\n    certainty: moderate to low\n    source: review2020\n"
        "    statistics: [review2020_weeks]\n"
    )
    assert rendered(findings_yaml(entry)) == (
        '\n\n<ul class="findings" markdown="block">\n'
        '<li class="finding finding--low" markdown="block">\n\n'
        "Of 60[^trial2009] people, most improved for 12 weeks.[^review2020] "
        "A review found that pain eased for 12 weeks[^review2020].\n\n"
        "**How sure is this? We are fairly sure or not sure.** New research may well change "
        "this. Grade given: moderate to low.\n"
        "{: .finding-certainty }\n\n"
        "</li>\n</ul>\n\n"
    )


def test_a_not_rated_finding_says_so_without_a_grade() -> None:
    entry = (
        "  - finding: One trial found it helped.\n    certainty: not rated\n    source: trial2009\n"
    )
    assert (
        '<li class="finding finding--not-rated" markdown="block">\n\n'
        "One trial found it helped.[^trial2009]\n\n"
        "**How sure is this? Not rated.** No one has graded how sure we can be. Treat it with "
        "care.\n{: .finding-certainty }"
    ) in rendered(findings_yaml(entry))


def test_a_guideline_grade_reads_as_its_authors_opinion() -> None:
    entry = (
        "  - finding: It may help.\n    guideline_grade: B.\n    graded_by: The authors\n"
        "    source: guide2018\n"
    )
    assert (
        '<li class="finding finding--guideline" markdown="block">\n\n'
        "It may help.[^guide2018]\n\n"
        "**How sure is this? This is a guideline's opinion.** The authors rated it B, on their "
        "own scale. It is not a grade of how sure the research is.\n"
    ) in rendered(findings_yaml(entry))


SPANISH_WORDS = {
    "how_sure": "¿Certeza?",
    "we_are": "Estamos",
    "sure_or": "o",
    "sure_high": "seguros",
    "sure_moderate": "bastante seguros",
    "sure_low": "poco seguros",
    "sure_very_low": "muy poco seguros",
    "meaning_high": "M-alta.",
    "meaning_moderate": "M-moderada.",
    "meaning_low": "M-baja.",
    "meaning_very_low": "M-muy-baja.",
    "not_rated_label": "Sin calificar",
    "not_rated_meaning": "Nadie la calificó.",
    "guideline_label": "Opinión de una guía",
    "guideline_meaning": "No es certeza.",
    "guideline_rated": "{who} le dieron {grade}.",
    "grade_given": "Calificación:",
    "grade_high": "alta",
    "grade_moderate": "moderada",
    "grade_low": "baja",
    "grade_very_low": "muy baja",
    "grade_range": "de {best} a {worst}",
    "about_value": "unos",
    "verb_found": "encontró que",
    "verb_estimates": "estima que",
    "verb_says": "dice que",
}


def spanish() -> PageWording:
    return PageWording(SPANISH_WORDS, {}, language="es")


@pytest.mark.parametrize(
    ("grade", "css_key", "answer"),
    [
        (
            "    certainty: moderate to very low\n",
            "very-low",
            "**¿Certeza? Estamos bastante seguros o muy poco seguros.** M-muy-baja. "
            "Calificación: de moderada a muy baja.",
        ),
        (
            "    certainty: high\n",
            "high",
            "**¿Certeza? Estamos seguros.** M-alta. Calificación: alta.",
        ),
        (
            "    certainty: not rated\n",
            "not-rated",
            "**¿Certeza? Sin calificar.** Nadie la calificó.",
        ),
        (
            "    guideline_grade: B.\n    graded_by: The authors\n",
            "guideline",
            '**¿Certeza? Opinión de una guía.** <span lang="en">The authors</span> le dieron '
            "B. No es certeza.",
        ),
    ],
)
def test_a_spanish_page_says_how_sure_in_its_own_words(
    grade: str, css_key: str, answer: str
) -> None:
    source = "guide2018" if "guideline" in grade else "review2020"
    entry = f"  - finding: Ayudó.\n{grade}    source: {source}\n"
    html = rendered(findings_yaml(entry), spanish())
    assert f'<li class="finding finding--{css_key}" markdown="block">' in html
    assert f"\n\n{answer}\n{{: .finding-certainty }}" in html


# --- The findings() macro and the front matter agree -----------------------


PAGE_TEXT = "---\ntitle: Example\n---\n\n# Example\n\nText.\n\n{{ findings() }}\n"


def test_findings_listed_but_not_shown_are_named_on_their_line() -> None:
    page = OnePage()
    findings = page.findings
    assert findings.load([front_matter(findings_yaml(GOOD))]) == []
    page.start(PAGE, "")
    assert page.finding_problems(rendered=True) == [
        Problem(
            PAGE,
            3,
            "findings",
            "are listed but not shown on the page; expected {{ findings() }} under "
            "'## What the research shows'",
        )
    ]


def test_the_macro_on_a_page_without_findings_is_named_on_its_line() -> None:
    page = OnePage()
    findings = page.findings
    assert findings.load([front_matter("title: Example\n")]) == []
    page.start(PAGE, PAGE_TEXT)
    assert findings.render() == ""
    assert page.finding_problems(rendered=True) == [
        Problem(
            PAGE,
            9,
            "findings()",
            "shows the page's findings, but the front matter lists none; expected a "
            "'findings:' list, each with 'finding:', 'certainty:' and 'source:'",
        )
    ]


@pytest.mark.parametrize(
    ("file_text", "line"),
    [
        ("Text.\n{{ findings() }}\n", 2),
        ("---\na: 1\n---\n{{ findings() }}\n" + "\n" * 6, 4),
    ],
)
def test_the_macro_is_found_on_its_line_below_any_front_matter(file_text: str, line: int) -> None:
    page = OnePage()
    findings = page.findings
    page.start(PAGE, file_text)
    findings.render()
    [problem] = page.finding_problems(rendered=True)
    assert problem.line == line


def test_two_findings_with_two_figures_each_are_listed_in_order() -> None:
    entry = GOOD + "    statistics: [review2020_weeks, trial2009_people]\n"
    html = rendered(findings_yaml(entry, GOOD.replace("It helped", "Again")))
    assert (
        "It helped.[^review2020] A review found that pain eased for 12 weeks[^review2020]. "
        "A review found that 60 people took part[^trial2009].\n\n"
    ) in html
    assert "</li>\n<li" in html


def test_the_macro_named_only_in_front_matter_has_no_body_line() -> None:
    page = OnePage()
    findings = page.findings
    page.start(PAGE, "---\nnote: findings()\n---\n\nText.\n")
    findings.render()
    [problem] = page.finding_problems(rendered=True)
    assert problem.line is None


def test_nothing_more_is_said_of_a_page_whose_findings_are_wrong_or_did_not_render() -> None:
    page = OnePage()
    findings = page.findings
    bad = findings_yaml(GOOD.replace("review2020", "nowhere"))
    assert len(findings.load([front_matter(bad)])) == 1
    assert findings.invalid == {PAGE}
    page.start(PAGE, PAGE_TEXT)
    findings.render()
    assert page.finding_problems(rendered=True) == []
    assert findings.load([front_matter(findings_yaml(GOOD))]) == []
    assert findings.invalid == set()
    page.start(PAGE, PAGE_TEXT)
    assert page.finding_problems(rendered=False) == []


def test_findings_shown_where_listed_pass() -> None:
    page = OnePage()
    findings = page.findings
    findings.load([front_matter(findings_yaml(GOOD)), front_matter("title: Other\n", "o.md")])
    assert list(findings.by_page) == [PAGE]
    page.start(PAGE, PAGE_TEXT)
    assert findings.render().startswith('\n\n<ul class="findings"')
    assert page.finding_problems(rendered=True) == []
    page.start("o.md", "Text.\n")
    assert page.finding_problems(rendered=True) == []


def test_every_grade_has_an_order_best_first() -> None:
    assert list(Grade) == [Grade.high, Grade.moderate, Grade.low, Grade.very_low]
    assert Certainty(None, None).label == "Not rated"
    assert Certainty(Grade.high, None).graded == "not rated"
