"""Named reviewers: one registry, linked from every page, honest about clinicians.

No clinician has reviewed a page of this site. Tests that need one add a
clearly fictional reviewer to a temporary copy of the project, never to the
real registry.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest
import yaml
from playwright.sync_api import Browser, Page, expect

from healthsite.pages.frontmatter import read_front_matter
from tests.browser import DESKTOP, PHONE, SiteServer
from tests.pagetext import built_pages
from tests.sharedbuilds import DATA_MISTAKES, PAGE_EDITS, PAGE_MISTAKES, SharedBuilds
from tests.sitebuild import (
    ROOT,
    Build,
    assert_lists,
    edit,
    line_of,
)

# The builds below are shared by the tests of this file: one worker runs them all.
pytestmark = pytest.mark.xdist_group("reviewers")

CRPS = "docs/conditions/crps.md"
GLOSSARY = "docs/glossary.md"
KETAMINE = "docs/treatments/iv-ketamine.md"
REVIEWERS = "data/reviewers.yml"
SITE = "http://site.test/"
NOTICE = "Not yet checked by a clinician"
NOTICE_TEXT = (
    "Not yet checked by a clinician Our editorial team wrote and checked this page. No doctor, "
    "nurse or other health professional has checked it yet. Talk to your own care team before "
    "you make any change to your care. How we check pages"
)
FICTIONAL_CLINICIAN = """
test-clinician:
  name: Dr Test Example
  role: consultant in pain medicine (a fictional reviewer for this test only)
  registration:
    body: Example Medical Council
    number: "0000000"
  conflicts_of_interest:
    statement: paid for talks by Example Pharma in 2025
    declared_on: 2026-11-01
  es:
    name: Dr Test Example
    role: especialista en medicina del dolor (un revisor ficticio, solo para esta prueba)
"""


def registry() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((ROOT / REVIEWERS).read_text(encoding="utf-8"))
    return loaded


class _Text(HTMLParser):
    """The text of the first element with ``class_name``, and how many there are."""

    def __init__(self, class_name: str) -> None:
        super().__init__()
        self.class_name = class_name
        self.depth = 0
        self.parts: list[str] = []
        self.found = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if self.depth:
            self.depth += 1
        elif self.class_name in classes:
            self.depth, self.found = 1, self.found + 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.parts.append(data)

    @property
    def text(self) -> str:
        return " ".join("".join(self.parts).split())


def text_of(html: str, class_name: str) -> tuple[int, str]:
    """How many elements have the class, and the text of the first."""
    parser = _Text(class_name)
    parser.feed(html)
    return parser.found, parser.text


def reviewed_by_text(html: str) -> str:
    found = re.search(r"<dt>Reviewed by</dt>\s*<dd>(.*?)</dd>", html, re.S)
    assert found, "no 'Reviewed by' in the review box"
    return " ".join(re.sub(r"<[^>]+>", "", found.group(1)).split())


def reviewer_links(html: str) -> list[str]:
    found = re.search(r"<dt>Reviewed by</dt>\s*<dd>(.*?)</dd>", html, re.S)
    assert found
    return re.findall(r'href="([^"]+)"', found.group(1))


# --- The site as it is -----------------------------------------------------


def test_no_reviewer_in_the_registry_is_a_clinician_today() -> None:
    """If this fails, a clinician was added: check their registration, then update this test."""
    assert [key for key, entry in registry().items() if "registration" in entry] == []


# Words that tell a reader a health professional checked the content.
CLAIMS_CLINICAL_REVIEW = re.compile(
    r"\b(?:clinically|medically|doctor|expert)[- ]?(?:reviewed|approved|checked|verified)\b"
    r"|\breviewed by (?:a |our )?(?:doctors?|clinicians?|nurses?|health professionals?)\b",
    re.IGNORECASE,
)


def test_nothing_claims_a_clinical_review_that_has_not_happened(built_site: Build) -> None:
    """Not a page, a search description, the feed, nor the project's own description."""
    assert not any("registration" in entry for entry in registry().values())
    built = [
        path
        for path in sorted(built_site.site_dir.rglob("*"))
        if path.suffix in {".html", ".json", ".xml"}
    ]
    assert len(built) >= 20
    claims = [
        f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: {found.group(0)!r}"
        for path in [*built, ROOT / "README.md", ROOT / "mkdocs.yml"]
        for found in CLAIMS_CLINICAL_REVIEW.finditer(path.read_text(encoding="utf-8"))
    ]
    assert claims == []


def test_every_page_names_registry_reviewers_linked_to_the_about_page(built_site: Build) -> None:
    about = built_site.page("about/")
    people = registry()
    pages = list(built_pages(built_site))
    assert len(pages) >= 5
    for page in pages:
        url_path, html, written = page.url_path, page.html, page.meta["reviewed_by"]
        keys = [written] if isinstance(written, str) else written
        links = [urljoin(f"{SITE}{url_path}", link) for link in reviewer_links(html)]
        assert links == [f"{SITE}about/#reviewer-{key}" for key in keys], url_path
        expected = "; ".join(f"{people[key]['name']}, {people[key]['role']}" for key in keys)
        assert reviewed_by_text(html) == expected, url_path
        for key in keys:
            assert f'id="reviewer-{key}"' in about


def test_every_reviewed_page_says_no_clinician_checked_it(built_site: Build) -> None:
    """Every page with a review box (its front matter names reviewers, none of
    them a registered clinician today), whatever its type: the notice, right
    under the title."""
    pages = list(built_pages(built_site))
    reviewed = [page for page in pages if text_of(page.html, "page-review")[0]]
    assert len(reviewed) >= 10
    # Every page written from docs/ has a reviewer, so a review box and the notice.
    assert [page.url_path for page in reviewed] == [page.url_path for page in pages]
    assert {"", "glossary/", "a-to-z/", "about/", "conditions/"} <= {
        page.url_path for page in reviewed
    }
    for page in reviewed:
        url_path, html = page.url_path, page.html
        assert page.meta["reviewed_by"], url_path
        assert text_of(html, "clinical-review-notice") == (1, NOTICE_TEXT), url_path
        # Right under the title (and its "Also called" line), before the page's text.
        after_title = html[html.index("</h1>") :]
        between = after_title[: after_title.index('<aside class="clinical-review-notice"')]
        between = re.sub(r'<p class="also-called".*?</p>', "", between, flags=re.S)
        assert between.strip() == "</h1>", url_path


def test_notice_link_explains_how_pages_are_checked(built_site: Build) -> None:
    html = built_site.page("conditions/crps/")
    assert '<a href="../../about/#clinical-review">How we check pages</a>' in html
    assert 'id="clinical-review"' in built_site.page("about/")


def reviewer_row(about: str, key: str) -> list[str]:
    """A reviewer's entry on the About page: name, role, registration, interests."""
    found = re.search(
        rf'<h3 id="reviewer-{key}">(.*?)<a.*?</h3>\s*<table>(.*?)</table>', about, re.S
    )
    assert found, f"no entry for {key}"
    rows = re.findall(r'<tr><th scope="row">(.*?)</th><td>(.*?)</td></tr>', found.group(2))
    assert [label for label, _ in rows] == [
        "Role",
        "Professional license",
        "Conflicts of interest",
    ]
    cells = [found.group(1), *(value for _, value in rows)]
    return [" ".join(re.sub(r"<[^>]+>", "", cell).split()) for cell in cells]


def test_about_page_lists_every_reviewer_with_role_registration_and_interests(
    built_site: Build,
) -> None:
    about = built_site.page("about/")
    for key, entry in registry().items():
        name, role, registration, interests = reviewer_row(about, key)
        assert name == entry["name"]
        assert role.lower() == entry["role"]
        assert registration == "None: not a licensed clinician"
        assert interests == "None declared (20 November 2026)"


def test_search_index_leaves_the_notice_out(built_site: Build) -> None:
    index = json.loads((built_site.site_dir / "search" / "search_index.json").read_text())
    assert not [doc["location"] for doc in index["docs"] if NOTICE in doc["text"]]


# --- A fictional clinician, in a copy ----------------------------------------


@PAGE_EDITS.edit
def _clinician(project: Path) -> None:
    """The CRPS page reviewed by the editorial team and a fictional registered
    clinician; the glossary by that clinician alone. In one passing build with
    other modules' edits (tests/sharedbuilds.py)."""
    registry_file = project / REVIEWERS
    registry_file.write_text(registry_file.read_text() + FICTIONAL_CLINICIAN)
    edit(
        project,
        CRPS,
        "reviewed_by: editorial-team\n",
        "reviewed_by:\n  - editorial-team\n  - test-clinician\n",
    )
    edit(project, GLOSSARY, "reviewed_by: editorial-team\n", "reviewed_by: test-clinician\n")


@pytest.fixture
def with_a_clinician(shared_builds: SharedBuilds) -> Build:
    result = shared_builds.of(_clinician).result
    assert result.returncode == 0, result.output
    return result


def test_a_page_a_clinician_reviewed_loses_the_notice_and_names_both(
    with_a_clinician: Build,
) -> None:
    crps = with_a_clinician.page("conditions/crps/")
    assert text_of(crps, "clinical-review-notice")[0] == 0
    assert reviewed_by_text(crps) == (
        "CRPS Info editorial team, content editors; Dr Test Example, consultant in pain "
        "medicine (a fictional reviewer for this test only)"
    )
    assert reviewer_links(crps) == [
        "../../about/#reviewer-editorial-team",
        "../../about/#reviewer-test-clinician",
    ]
    # Another page, still reviewed by the editorial team alone, keeps it.
    ketamine = with_a_clinician.page("treatments/iv-ketamine/")
    assert text_of(ketamine, "clinical-review-notice") == (1, NOTICE_TEXT)


def test_any_page_a_clinician_reviewed_loses_the_notice_whatever_its_type(
    with_a_clinician: Build,
) -> None:
    """The notice follows the reviewers, not the kind of page: the glossary,
    reviewed by the clinician, has none; the A to Z beside it keeps it."""
    glossary = with_a_clinician.page("glossary/")
    assert text_of(glossary, "page-review")[0] == 1
    assert reviewed_by_text(glossary) == (
        "Dr Test Example, consultant in pain medicine (a fictional reviewer for this test only)"
    )
    assert text_of(glossary, "clinical-review-notice")[0] == 0
    assert text_of(with_a_clinician.page("a-to-z/"), "clinical-review-notice") == (1, NOTICE_TEXT)


def test_about_page_shows_the_clinicians_registration_and_interests(
    with_a_clinician: Build,
) -> None:
    about = with_a_clinician.page("about/")
    assert reviewer_row(about, "test-clinician") == [
        "Dr Test Example",
        "Consultant in pain medicine (a fictional reviewer for this test only)",
        "Example Medical Council, license 0000000",
        "Paid for talks by Example Pharma in 2025 (1 November 2026)",
    ]


def test_json_ld_names_each_reviewer_and_the_clinicians_registration(
    with_a_clinician: Build,
) -> None:
    html = with_a_clinician.page("conditions/crps/")
    [block] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    team, clinician = json.loads(block)["reviewedBy"]
    assert team["@type"] == "Organization"
    assert "hasCredential" not in team
    assert clinician == {
        "@type": "Person",
        "name": "Dr Test Example",
        "description": "consultant in pain medicine (a fictional reviewer for this test only)",
        "url": "https://crps-info.github.io/site/about/#reviewer-test-clinician",
        "hasCredential": {
            "@type": "EducationalOccupationalCredential",
            "credentialCategory": "license",
            "recognizedBy": {"@type": "Organization", "name": "Example Medical Council"},
            "identifier": "0000000",
        },
    }


# --- Editors' mistakes ---------------------------------------------------------


@PAGE_MISTAKES.mistake
def _page_mistakes(project: Path) -> None:
    """Unknown reviewer keys on two pages, and the about page without its list, in
    one build with other pages' mistakes (tests/sharedbuilds.py)."""
    edit(project, CRPS, "reviewed_by: editorial-team", "reviewed_by: dr-nobody")
    edit(
        project,
        KETAMINE,
        "reviewed_by: editorial-team\n",
        "reviewed_by:\n  - editorial-team\n  - asha-patel\n",
    )
    edit(project, "docs/about.md", "{{ reviewers_list() }}\n", "")


@pytest.fixture
def page_mistakes(shared_builds: SharedBuilds) -> tuple[Build, dict[str, str]]:
    shared = shared_builds.of(_page_mistakes)
    return shared.result, {page: shared.text(page) for page in (CRPS, KETAMINE)}


def test_unknown_reviewer_keys_fail_with_their_lines(
    page_mistakes: tuple[Build, dict[str, str]],
) -> None:
    result, texts = page_mistakes
    assert_lists(
        result,
        "Pages with problems",
        f"{CRPS}:{line_of(texts[CRPS], 'reviewed_by: dr-nobody')}: reviewed_by: 'dr-nobody' is "
        f"not a reviewer in {REVIEWERS}; expected one of editorial-team (add a new reviewer there "
        "first)",
        f"{KETAMINE}:{line_of(texts[KETAMINE], '  - asha-patel')}: reviewed_by: 'asha-patel' is "
        f"not a reviewer in {REVIEWERS}; expected one of editorial-team",
    )


def test_about_page_without_the_reviewers_list_fails(
    page_mistakes: tuple[Build, dict[str, str]],
) -> None:
    result, _ = page_mistakes
    assert_lists(
        result,
        "Pages with problems",
        "docs/about.md: reviewers: does not list the reviewers, but every page's review box "
        "links to that list; expected a line holding {{ reviewers_list() }}",
    )


@pytest.mark.parametrize(
    ("written", "message"),
    [
        pytest.param(
            "reviewed_by:\n  name: Dr Asha Patel\n  role: consultant\n",
            "is a reviewer written out; reviewers are now listed once, in data/reviewers.yml, "
            "and pages name them by key; expected the key of the page's reviewer in "
            "data/reviewers.yml, e.g. editorial-team, or a list of keys",
            id="old-name-and-role",
        ),
        pytest.param(
            "reviewed_by: [editorial-team, editorial-team]\n",
            "names a reviewer twice; expected the key",
            id="twice",
        ),
        pytest.param(
            "reviewed_by: Editorial Team\n",
            "'Editorial Team' is not written as a reviewer's key; expected the key",
            id="not-a-key",
        ),
    ],
)
def test_reviewed_by_written_wrongly_says_how_to_write_it(written: str, message: str) -> None:
    """In-process: read_front_matter words these (tests/test_frontmatter.py shows its
    problems fail the build)."""
    text = (ROOT / CRPS).read_text(encoding="utf-8")
    assert "reviewed_by: editorial-team\n" in text
    text = text.replace("reviewed_by: editorial-team\n", written, 1)
    line = line_of(text, written.splitlines()[0])
    _, problems = read_front_matter(text, CRPS)
    expected = f"{CRPS}:{line}: reviewed_by: {message}"
    assert any(str(problem).startswith(expected) for problem in problems), problems


@DATA_MISTAKES.mistake
def _registry_mistakes(project: Path) -> None:
    """Mistakes in reviewers' entries, in one build with other data files'
    mistakes (tests/sharedbuilds.py)."""
    entries = """
asha-patel:
  name: Dr Asha Patel
  role: consultant in pain medicine
  registration:
    body: General Medical Council
    number: 1234567
  conflicts_of_interest:
    statement: none declared
    declared_on: 2026-13-01
pain-clinic:
  name: Example Pain Clinic
  role: clinic
  kind: organization
  registration:
    body: Example Council
    number: "1"
  conflicts_of_interest:
    statement: none declared
    declared_on: 2026-11-01
Dr_Lee:
  name: Dr Lee
  role: nurse
"""
    edit(project, REVIEWERS, "\neditorial-team:", entries + "\neditorial-team:")


def test_registry_mistakes_are_named_with_their_lines(shared_builds: SharedBuilds) -> None:
    shared = shared_builds.of(_registry_mistakes)
    lines = shared.text(REVIEWERS).splitlines()

    def at(line: str, after: int = 0) -> int:
        return lines.index(line, after) + 1

    clinic = at("pain-clinic:")
    assert_lists(
        shared.result,
        "Invalid data files",
        f"{REVIEWERS}:{at('    number: 1234567')}: asha-patel.registration.number: Input should "
        "be a valid string; expected their number with that body, in quotes, e.g. '1234567'",
        f"{REVIEWERS}:{at('    declared_on: 2026-13-01')}: asha-patel.conflicts_of_interest."
        "declared_on: '2026-13-01' is not a date in the calendar; expected the date they made "
        "the statement, as YYYY-MM-DD",
        f"{REVIEWERS}:{at('  registration:', clinic)}: pain-clinic.registration: is given for "
        "an organization, which has none (list its registered clinicians as reviewers of their "
        "own); expected for a registered clinician only",
        f"{REVIEWERS}:{at('Dr_Lee:')}: Dr_Lee.conflicts_of_interest: is missing; expected "
        "statement (or 'none declared') and declared_on, the date it was made",
        f"{REVIEWERS}:{at('Dr_Lee:')}: Dr_Lee: is not a usable key; expected lower-case "
        "letters, digits and hyphens, e.g. asha-patel",
    )


# --- In the browser ------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_reader_sees_the_notice_without_scrolling(
    chromium: Browser, site_server: SiteServer, viewport: Any
) -> None:
    context = chromium.new_context(viewport=viewport)
    try:
        page: Page = context.new_page()
        page.goto(site_server.url("conditions/crps/"))
        notice = page.get_by_role("complementary", name=NOTICE)
        expect(notice).to_be_in_viewport()
        expect(notice).to_contain_text("No doctor, nurse or other health professional")
        page.get_by_role("link", name="CRPS Info editorial team").click()
        page.wait_for_url(site_server.url("about/#reviewer-editorial-team"))
        expect(page.locator("#reviewer-editorial-team")).to_be_in_viewport()
    finally:
        context.close()


# --- Who must approve ----------------------------------------------------------


def test_codeowners_asks_the_clinical_reviewers_for_every_page_and_data_file() -> None:
    rules = [
        line.split()
        for line in (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    owners = {pattern: rest for pattern, *rest in rules}
    assert owners == {
        "/docs/": ["@crps-info/clinical-reviewers"],
        "/data/": ["@crps-info/clinical-reviewers"],
    }
    # The organization is the repository's own (mkdocs.yml, extra.repository).
    assert "  repository: https://github.com/crps-info/site\n" in (ROOT / "mkdocs.yml").read_text()
