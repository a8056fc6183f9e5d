"""Research findings: how sure the research is, in plain words, on every treatment page."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from healthsite.content.findings import PLAIN_WORDS, Grade, check_page_findings, parse_certainty
from healthsite.content.registry import DataFile, load_registry
from healthsite.pages.frontmatter import read_front_matter
from tests.sharedbuilds import PAGE_EDITS, PAGE_MISTAKES, SharedBuilds
from tests.sitebuild import ROOT, Build, assert_lists, edit, line_starting

# The build below is shared by the tests of this file: one worker runs it.
pytestmark = pytest.mark.xdist_group("findings")

FOOTNOTE_REF = re.compile(r'<sup [^>]*\bid="fnref\d*:(\w+)"')

KETAMINE = "docs/treatments/iv-ketamine.md"
GUIDELINE_GRADE = "    guideline_grade: B\n    graded_by: The 2018 US guideline's authors\n"
FINDING_ITEM = re.compile(r'<li class="finding finding--([a-z-]+)">(.*?)</li>', re.DOTALL)
REGISTRY, _ = load_registry(
    DataFile(ROOT / "data" / "sources.yml", "data/sources.yml"),
    DataFile(ROOT / "data" / "statistics.yml", "data/statistics.yml"),
)


@pytest.mark.parametrize(
    ("written", "label"),
    [
        ("high", "We are confident"),
        ("moderate", "We are fairly sure"),
        ("low", "We are not sure"),
        ("very low", "We are very unsure"),
        ("Low to very low", "We are not sure or very unsure"),
        ("not rated", "Not rated"),
    ],
)
def test_each_grade_reads_as_plain_words(written: str, label: str) -> None:
    assert parse_certainty(written).label == label


def test_every_grade_has_its_words_once() -> None:
    assert set(PLAIN_WORDS) == set(Grade)
    sures = [wording.sure for wording in PLAIN_WORDS.values()]
    assert len(set(sures)) == len(sures)


@pytest.mark.parametrize("written", ["medium", "", "very low to low", "low to to high", "5"])
def test_anything_else_is_not_a_certainty(written: str) -> None:
    with pytest.raises(ValueError, match=r"is not a certainty|goes from a lower grade"):
        parse_certainty(written)


def test_findings_show_certainty_in_words_with_their_source(built_site: Build) -> None:
    html = built_site.page("treatments/iv-ketamine/")
    items = FINDING_ITEM.findall(html)
    assert [level for level, _ in items] == ["guideline", "low", "not-rated", "not-rated"]
    for _, item in items:
        assert 'class="footnote-ref"' in item  # each finding cites its source
        assert "How sure is this?" in item
    # A guideline's grade reads as its authors' opinion, never in the words
    # for how sure graded evidence is (issue 19).
    assert "This is a guideline's opinion." in items[0][1]
    assert "The 2018 US guideline's authors rated it B, on their own scale." in items[0][1]
    assert "It is not a grade of how sure the research is." in items[0][1]
    assert not any(f"We are {words.sure}" in items[0][1] for words in PLAIN_WORDS.values())
    assert "Grade given" not in items[0][1]
    assert "We are not sure." in items[1][1]
    # A trial no review has graded is not given a grade it does not have.
    assert "Not rated." in items[2][1]
    assert "Grade given" not in items[2][1]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        pytest.param(
            "    certainty: low\n",
            "    certainty: medium\n",
            "findings.1.certainty: 'medium' is not a certainty; expected the grade its source "
            "gave: high, moderate, low or very low; a range such as 'low to very low'; or "
            "'not rated' for a study that no review has graded",
            id="unknown-certainty",
        ),
        pytest.param(
            "    certainty: low\n",
            "    certainty: very low to low\n",
            "findings.1.certainty: 'very low to low' goes from a lower grade to a higher one; "
            "put the higher first; expected the grade its source gave",
            id="range-upside-down",
        ),
        pytest.param(
            "    source: cohen2018\n",
            "",
            "findings.0.source: is missing; expected the key in data/sources.yml of the review "
            "or study that found and graded it, e.g. oconnell2013",
            id="no-source",
        ),
        pytest.param(
            "    source: cohen2018\n",
            "    source: cohen2019\n",
            "findings.0.source: 'cohen2019' is not a key in data/sources.yml; add the source "
            "there or fix the key",
            id="unknown-source",
        ),
        pytest.param(
            GUIDELINE_GRADE,
            "    certainty: moderate\n",
            "findings.0.certainty: 'moderate' is a certainty grade, but 'cohen2018' is a "
            "guideline (kind: guideline in data/sources.yml); expected 'guideline_grade:' (the "
            "guideline's own grade, such as B) and 'graded_by:'",
            id="guideline-grade-given-as-certainty",
        ),
        pytest.param(
            GUIDELINE_GRADE,
            "    certainty: moderate\n    scale: the guideline's own scale\n",
            "findings.0.scale: gives a grade on the source's own scale, which is its authors' "
            "opinion, not a certainty grade; expected 'guideline_grade:'",
            id="grade-on-its-own-scale",
        ),
        pytest.param(
            "    graded_by: The 2018 US guideline's authors\n",
            "",
            "findings.0.graded_by: is missing beside 'guideline_grade:'; expected both "
            "'guideline_grade:' and 'graded_by:', or neither",
            id="guideline-grade-without-who",
        ),
        pytest.param(
            "    certainty: low\n",
            "    guideline_grade: B\n    graded_by: The 2013 review's authors\n",
            "findings.1.guideline_grade: is given, but 'oconnell2013' is not a guideline in "
            "data/sources.yml; expected 'kind: guideline' on that source if it is one",
            id="guideline-grade-from-a-review",
        ),
        pytest.param(
            "    source: cohen2018\n",
            "    certainty: low\n    source: cohen2018\n",
            "findings.0.guideline_grade: is given beside 'certainty:'; expected one of them",
            id="both-grades",
        ),
        pytest.param(
            GUIDELINE_GRADE,
            "",
            "findings.0.certainty: is missing; expected the grade its source gave",
            id="no-grade",
        ),
        pytest.param(
            "{cohen2018_benefit_weeks}",
            "{cohen2018_benefit_week}",
            "findings.0.finding: 'cohen2018_benefit_week' is not a key in data/statistics.yml; "
            "expected the key of a figure there, in braces, such as {cohen2018_benefit_weeks}",
            id="unknown-figure",
        ),
        pytest.param(
            "{cohen2018_benefit_weeks}",
            "{{ stat_value('cohen2018_benefit_weeks') }}",
            "findings.0.finding: holds template code ('{{'), which is not run here, so readers "
            "would see it as typed; expected what the research found, in plain sentences ending "
            "with a full stop, each figure written as its key in data/statistics.yml in single "
            "braces, such as {cohen2018_benefit_weeks}",
            id="macro-in-a-finding",
        ),
        pytest.param(
            "{cohen2018_benefit_weeks}",
            "{cohen2018_benefit_weeks",
            "findings.0.finding: has a brace that is not part of a {key}; expected figures "
            "written as the key of a figure in data/statistics.yml in braces",
            id="stray-brace-in-a-finding",
        ),
        pytest.param(
            "    source: cohen2018\n",
            "    source: cohen2018\n    statistics: [ketamine_magic]\n",
            "findings.0.statistics: 'ketamine_magic' is not a key in data/statistics.yml; add the "
            "figure there or fix the key",
            id="unknown-statistic",
        ),
    ],
)
def test_finding_mistakes_fail_with_path_line_and_field(old: str, new: str, message: str) -> None:
    """In-process: check_page_findings words these messages; the build below shows
    that a finding's mistake fails the build."""
    text = (ROOT / KETAMINE).read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {KETAMINE}"
    text = text.replace(old, new, 1)
    # The line of the field in its finding, or of the finding when the field is missing.
    name = message.split(":", 1)[0]
    index, field = int(name.split(".")[1]), name.split(".")[2]
    lines = text.splitlines()
    starts = [n for n, line in enumerate(lines, 1) if line.startswith("  - finding:")]
    item, next_item = starts[index], starts[index + 1]
    fields = [n for n in range(item, next_item) if lines[n - 1].startswith(f"    {field}:")]
    front, front_problems = read_front_matter(text, KETAMINE)
    assert front is not None, front_problems
    _, problems = check_page_findings(front, REGISTRY)
    expected = f"{KETAMINE}:{(fields or [item])[0]}: {message}"
    assert any(str(problem).startswith(expected) for problem in problems), problems


MEDICINES = "docs/treatments/medicines.md"
STIMULATION = "docs/treatments/spinal-cord-stimulation.md"


@PAGE_MISTAKES.mistake
def _mistakes(project: Path) -> None:
    """A finding's mistake, findings not shown, and the macro without findings,
    each on a page of its own, in one build with other pages' mistakes
    (tests/sharedbuilds.py)."""
    edit(project, KETAMINE, "    certainty: low\n", "    certainty: medium\n")
    edit(project, MEDICINES, "{{ findings() }}\n", "")
    path = project / STIMULATION
    front, body = path.read_text(encoding="utf-8").split("\nfindings:\n", 1)
    text = f"{front}\n---\n{body.split(chr(10) + '---' + chr(10), 1)[1]}"
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def mistakes(shared_builds: SharedBuilds) -> tuple[Build, dict[str, str]]:
    """The build, and the pages' texts."""
    shared = shared_builds.of(_mistakes)
    return shared.result, {page: shared.text(page) for page in (KETAMINE, MEDICINES, STIMULATION)}


def test_a_finding_mistake_fails_the_build(mistakes: tuple[Build, dict[str, str]]) -> None:
    result, texts = mistakes
    lines = texts[KETAMINE].splitlines()
    line = lines.index("    certainty: medium") + 1
    assert_lists(
        result,
        "Pages with problems",
        f"{KETAMINE}:{line}: findings.1.certainty: 'medium' is not a certainty; expected the "
        "grade its source gave",
    )


def test_findings_not_shown_on_the_page_fail(mistakes: tuple[Build, dict[str, str]]) -> None:
    result, texts = mistakes
    assert_lists(
        result,
        "Pages with problems",
        f"{MEDICINES}:{line_starting(texts[MEDICINES], 'findings:')}: findings: are listed but "
        "not shown on the page; expected {{ findings() }} under '## What the research shows'",
    )


def test_findings_macro_without_findings_fails(mistakes: tuple[Build, dict[str, str]]) -> None:
    result, texts = mistakes
    assert_lists(
        result,
        "Pages with problems",
        f"{STIMULATION}:{line_starting(texts[STIMULATION], '{{ findings() }}')}: findings(): "
        "shows the page's findings, but the front matter lists none; expected a 'findings:' list",
    )


def test_a_figure_in_a_finding_shows_its_number_from_statistics_yml(built_site: Build) -> None:
    items = FINDING_ITEM.findall(built_site.page("treatments/iv-ketamine/"))
    words = [re.sub(r"<[^>]+>", "", item) for _, item in items]
    # {cohen2018_benefit_weeks}: 12, approximate, as stat_value() writes it.
    uncited = re.sub(r"<[^>]+>", "", re.sub(r"<sup.*?</sup>", "", items[0][1], flags=re.S))
    assert "can ease CRPS pain for up to about 12 weeks." in uncited
    # That figure was read in the guideline's summary: cited where it stands,
    # the guideline at the end.
    assert FOOTNOTE_REF.findall(items[0][1]) == ["guidelinecentral_ketamine2018", "cohen2018"]
    assert "A trial in the Netherlands gave 60 people an infusion" in words[3]
    # This figure comes from the finding's own source: cited once, at the end.
    assert FOOTNOTE_REF.findall(items[3][1]) == ["sigtermans2009"]


@PAGE_EDITS.edit
def _figure_from_another_source(project: Path) -> None:
    """In one passing build with other modules' edits (tests/sharedbuilds.py)."""
    # An English figure the Spanish page does not have yet: its translation goes.
    (project / KETAMINE.replace(".md", ".es.md")).unlink()
    edit(
        project,
        KETAMINE,
        "      A 2013 Cochrane review of CRPS treatments found",
        "      Of {sigtermans2009_people} people, a 2013 Cochrane review of CRPS treatments found",
    )


def test_a_figure_from_another_source_is_cited_where_it_stands(
    shared_builds: SharedBuilds,
) -> None:
    result = shared_builds.of(_figure_from_another_source).result
    assert result.returncode == 0, result.output
    items = FINDING_ITEM.findall(result.page("treatments/iv-ketamine/"))
    assert "<p>Of 60<sup" in items[1][1]  # the number, its citation right after it
    assert FOOTNOTE_REF.findall(items[1][1]) == ["sigtermans2009", "oconnell2013"]
    feed = json.loads((result.site_dir / "api/pages.json").read_text(encoding="utf-8"))
    [entry] = [page for page in feed["pages"] if page["source_file"] == KETAMINE]
    assert entry["statistics"][:2] == ["cohen2018_benefit_weeks", "sigtermans2009_people"]
