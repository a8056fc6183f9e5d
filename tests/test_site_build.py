"""The real site builds strictly, and shared statistics behave as promised."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils.yaml import yaml_load

from healthsite.content.registry import DataFile, load_registry
from healthsite.search.known_by import read_fragment
from tests.sharedbuilds import (
    DATA_MISTAKES,
    LINK_MISTAKES,
    PAGE_EDITS,
    PAGE_MISTAKES,
    SharedBuilds,
)
from tests.sitebuild import ROOT, Build, assert_lists, build, edit

# The builds below are shared by the tests of this file: one worker runs them all.
pytestmark = pytest.mark.xdist_group("site_build")

CONTENT_PAGES = [
    "",
    "conditions/crps/",
    "treatments/iv-ketamine/",
    "guides/diagnosis/",
    "guides/living-with-crps/",
    "guides/children-and-teenagers/",
    "guides/preventing-crps-after-a-broken-wrist/",
    "glossary/",
    "about/",
]


def test_mkdocs_yml_validates_without_warnings() -> None:
    config_file = ROOT / "mkdocs.yml"
    config = MkDocsConfig(config_file_path=str(config_file))
    with config_file.open(encoding="utf-8") as stream:
        config.load_dict(yaml_load(stream))
    failed, warnings = config.validate()
    assert (failed, warnings) == ([], [])
    assert config["strict"] is True
    assert "navigation.prune" in config["theme"]["features"]


def test_rsdsa_estimate_is_attributed_and_cited_on_home_and_crps(built_site: Build) -> None:
    for page in ("", "conditions/crps/"):
        html = built_site.page(page)
        sentence = re.search(r"The Reflex Sympathetic[^<]*estimates that about 200,000[^<]*", html)
        assert sentence, f"RSDSA estimate missing on /{page}"
        after = html[sentence.end() : sentence.end() + 200]
        assert 'href="#fn:rsdsa_website"' in after, f"estimate on /{page} is not cited"
        assert 'id="fn:rsdsa_website"' in html
        assert "rsds.org" in html


def test_charity_figures_that_conflict_are_shown_together_each_attributed(
    built_site: Build,
) -> None:
    html = built_site.page("conditions/crps/")
    yearly = re.search(r"RSDSA\), a US patient charity, estimates that about 200,000", html)
    rare = re.search(r"the same charity[^<]*estimates that CRPS is a rare disorder", html)
    assert yearly, "the charity's yearly estimate is missing"
    assert rare, "the charity's 'rare disorder' text is missing beside it"
    assert yearly.start() < rare.start()
    assert 'href="#fn:rsdsa_rare_disorder_text"' in html[rare.end() : rare.end() + 300]


def test_peer_reviewed_figures_say_found_and_sit_beside_the_estimate(built_site: Build) -> None:
    html = built_site.page("conditions/crps/")
    assert re.search(r"found that about 5.46 people in every 100,000", html)
    assert re.search(r"found that about 26.2 people in every 100,000", html)


def test_a_health_service_figure_says_who_states_it_and_is_cited(built_site: Build) -> None:
    html = built_site.page("guides/diagnosis/")
    sentence = re.search(r"The national CRPS service in Bath[^<]*says that people wait", html)
    assert sentence, "the Bath service's figure is not attributed with 'says that'"
    after = html[sentence.end() : sentence.end() + 300]
    assert 'href="#fn:bath_crps_service"' in after


def test_references_are_numbered_in_order_of_first_citation(built_site: Build) -> None:
    html = built_site.page("treatments/iv-ketamine/")
    cited_order = list(dict.fromkeys(re.findall(r'href="#fn:([\w]+)"', html)))
    listed_order = re.findall(r'<li id="fn:([\w]+)"', html)
    assert listed_order == cited_order
    assert listed_order[0] == "fda_ketalar_label"
    assert '<h2 id="references">References' in html


@PAGE_EDITS.edit
def _changed_statistic(project: Path) -> None:
    """In one passing build with other modules' edits (tests/sharedbuilds.py)."""
    data = project / "data" / "statistics.yml"
    data.write_text(data.read_text().replace("value: 200000", "value: 123456"))


def test_changing_a_statistic_changes_every_page(shared_builds: SharedBuilds) -> None:
    result = shared_builds.of(_changed_statistic).result
    assert result.returncode == 0, result.output
    for page in ("", "conditions/crps/"):
        html = result.page(page)
        assert "about 123,456 adults in the US" in html
        assert "200,000" not in html


# Mistakes share a build with other modules' mistakes of their stage: the
# build lists every problem of a stage (data files, then pages) before it
# stops, so each test finds its own (tests/sharedbuilds.py).


@PAGE_MISTAKES.mistake
def _page_mistakes(project: Path) -> None:
    """An unknown statistic on the ketamine page, an unknown source on the about page."""
    edit(
        project,
        "docs/treatments/iv-ketamine.md",
        "### Off-label use",
        "{{ stat('no_such_figure') }}\n\n### Off-label use",
    )
    about = project / "docs" / "about.md"
    about.write_text(about.read_text() + "\nA claim.{{ cite('nobody2099') }}\n")


@pytest.fixture
def page_mistakes(shared_builds: SharedBuilds) -> tuple[Build, str]:
    shared = shared_builds.of(_page_mistakes)
    return shared.result, shared.text("docs/treatments/iv-ketamine.md")


def test_unknown_statistic_fails_naming_page_key_and_data_file(
    page_mistakes: tuple[Build, str],
) -> None:
    result, ketamine = page_mistakes
    line = ketamine.splitlines().index("{{ stat('no_such_figure') }}") + 1
    assert_lists(
        result,
        "Pages with problems",
        f"docs/treatments/iv-ketamine.md:{line}: stat: 'no_such_figure' is not a key "
        "in data/statistics.yml",
    )


def test_unknown_source_key_fails(page_mistakes: tuple[Build, str]) -> None:
    result, _ = page_mistakes
    assert_lists(
        result,
        "Pages with problems",
        "docs/about.md:",
        "cite: 'nobody2099' is not a key in data/sources.yml",
    )
    assert re.search(
        r"docs/about\.md:\d+: cite: 'nobody2099' is not a key in data/sources\.yml", result.output
    )


def test_statistic_without_source_fails_naming_file_line_and_field(tmp_path: Path) -> None:
    """In-process: a statistic that fails its model is not checked against the
    sources; the build below shows an invalid data file fails the build."""
    lines = (ROOT / "data" / "statistics.yml").read_text().splitlines()
    source_line = lines.index("  source: sandroni2003")
    del lines[source_line]
    statistics = tmp_path / "statistics.yml"
    statistics.write_text("\n".join(lines) + "\n")
    _, problems = load_registry(
        DataFile(ROOT / "data" / "sources.yml", "data/sources.yml"),
        DataFile(statistics, "data/statistics.yml"),
    )
    # A missing field is reported on the first line of its entry.
    entry = lines.index("olmsted_incidence:") + 1
    assert [str(problem) for problem in problems] == [
        f"data/statistics.yml:{entry}: olmsted_incidence.source: is missing; expected a key of "
        "data/sources.yml"
    ]


@DATA_MISTAKES.mistake
def _data_mistakes(project: Path) -> None:
    """A statistic naming a source that is not there (data/statistics.yml), and
    a source whose key YAML reads as a date (data/sources.yml): the build lists
    both files' problems before it stops."""
    edit(project, "data/statistics.yml", "source: sandroni2003", "source: sandroni2030")
    sources = project / "data" / "sources.yml"
    sources.write_text(sources.read_text() + "2023-01-23:\n  title: A page\n")


@pytest.fixture
def data_mistakes(shared_builds: SharedBuilds) -> tuple[Build, str, str]:
    shared = shared_builds.of(_data_mistakes)
    return shared.result, shared.text("data/statistics.yml"), shared.text("data/sources.yml")


def test_statistic_naming_an_unknown_source_fails(data_mistakes: tuple[Build, str, str]) -> None:
    result, statistics, _ = data_mistakes
    line = statistics.splitlines().index("  source: sandroni2030") + 1
    assert_lists(
        result,
        "Invalid data files",
        f"data/statistics.yml:{line}: olmsted_incidence.source: 'sandroni2030' is not a "
        "source in data/sources.yml",
    )


def test_a_source_key_read_as_a_date_fails_with_its_line(
    data_mistakes: tuple[Build, str, str],
) -> None:
    """mkdocs-macros, which gets the sources too, stopped with a traceback."""
    result, _, sources = data_mistakes
    line = sources.splitlines().index("2023-01-23:") + 1
    assert "Traceback" not in result.output
    assert_lists(
        result,
        "Invalid data files",
        f"data/sources.yml:{line}: 2023-01-23: YAML reads this key as a date, not as text; "
        "expected a key that starts with a letter, such as kemler2008 "
        "(or the key in quotes)",
    )


def test_missing_data_file_fails_with_its_path(project: Path) -> None:
    (project / "data" / "statistics.yml").unlink()
    result = build(project)
    assert result.returncode != 0
    assert (
        "data/statistics.yml: (file): does not exist; expected the shared statistics pages "
        "show with stat() (healthsite/content/datafiles.py declares it)" in result.output
    )


@LINK_MISTAKES.mistake
def _link_mistakes(project: Path) -> None:
    """A link to a page that is not there, and one to a section that is not there."""
    page = project / "docs" / "about.md"
    page.write_text(page.read_text() + "\nSee [the missing page](nowhere.md).\n")
    page = project / "docs" / "guides" / "diagnosis.md"
    page.write_text(page.read_text() + "\nSee [symptoms](../conditions/crps.md#no-such-section).\n")


@pytest.fixture
def link_mistakes(shared_builds: SharedBuilds) -> Build:
    return shared_builds.of(_link_mistakes).result


def test_broken_internal_link_fails_the_strict_build(link_mistakes: Build) -> None:
    assert link_mistakes.returncode != 0
    assert re.search(
        r"WARNING +-  Doc file 'about\.md' contains a link 'nowhere\.md'", link_mistakes.output
    ), link_mistakes.output


def test_missing_anchor_fails_the_strict_build(link_mistakes: Build) -> None:
    assert link_mistakes.returncode != 0
    assert re.search(
        r"WARNING +-  Doc file 'guides/diagnosis\.md' contains a link "
        r"'\.\./conditions/crps\.md#no-such-section'",
        link_mistakes.output,
    ), link_mistakes.output


def test_every_page_is_in_the_search_index(built_site: Build) -> None:
    """Pagefind (healthsite/search/pagefind.py) holds one fragment per page."""
    indexed = set()
    for fragment in (built_site.site_dir / "pagefind" / "fragment").glob("*.pf_fragment"):
        indexed.add(str(read_fragment(fragment)["url"]).lstrip("/"))
    assert set(CONTENT_PAGES) <= indexed


# <link rel="canonical"> and friends name a URL; browsers do not fetch it.
NOT_FETCHED = {"canonical", "alternate", "next", "prev"}


class _Urls(HTMLParser):
    """Collects the URLs a page loads (resources) and links to (anchors)."""

    def __init__(self) -> None:
        super().__init__()
        self.resources: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag == "a" and "href" in attributes:
            self.links.append(attributes["href"])
        elif (
            tag == "link"
            # rel is a set of link types (hreflang links are rel=" alternate":
            # overrides/main.html says why); not fetched only if each is one of these.
            and not set(attributes.get("rel", "").split()) <= NOT_FETCHED
            and "href" in attributes
        ):
            self.resources.append(attributes["href"])
        elif "src" in attributes:
            self.resources.append(attributes["src"])


REFERENCES_LIST = re.compile(r'<div class="footnote">.*?</div>', re.DOTALL)
EXTERNAL = re.compile(r"^(https?:)?//")


def test_no_page_uses_a_third_party_host_except_citation_links(built_site: Build) -> None:
    own_repository = "https://github.com/crps-info/site"
    pages = sorted(built_site.site_dir.rglob("*.html"))
    assert pages, "the build wrote no page"
    for html_file in pages:
        page = html_file.relative_to(built_site.site_dir)
        html = html_file.read_text(encoding="utf-8")
        everything, outside_references = _Urls(), _Urls()
        everything.feed(html)
        outside_references.feed(REFERENCES_LIST.sub("", html))
        assert [url for url in everything.resources if EXTERNAL.match(url)] == [], page
        stray = [
            href
            for href in outside_references.links
            if EXTERNAL.match(href) and not href.startswith(own_repository)
        ]
        assert stray == [], f"{page} links to third-party hosts outside its references"
