"""Condition, treatment and guide pages describe themselves to search engines in JSON-LD."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import yaml
from pyld import jsonld

from tests.pagetext import built_pages, front_matter, reference_urls
from tests.sharedbuilds import PAGE_MISTAKES, SharedBuilds
from tests.sitebuild import ROOT, Build, assert_lists

SCHEMA = "https://schema.org/"
SITE = "https://crps-info.github.io/site/"
# pyld would fetch https://schema.org's context over the network; tests run
# offline, so the loader answers with the part that matters here: every term
# is a schema.org term. Any other URL is a failure, not a silent fetch.
SCHEMA_CONTEXT = {"@context": {"@vocab": SCHEMA}}


def offline_loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    if url.rstrip("/") != SCHEMA.rstrip("/"):
        raise AssertionError(f"JSON-LD refers to a context other than schema.org: {url}")
    return {
        "contentType": "application/ld+json",
        "contextUrl": None,
        "documentUrl": url,
        "document": SCHEMA_CONTEXT,
    }


def json_ld_blocks(html: str) -> list[dict[str, Any]]:
    return [
        json.loads(block)
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]


def expanded(html: str) -> dict[str, Any]:
    [document] = json_ld_blocks(html)
    [node] = jsonld.expand(document, {"documentLoader": offline_loader})
    return node


def values(node: dict[str, Any], term: str) -> list[Any]:
    return [item.get("@value", item.get("@id", item)) for item in node.get(SCHEMA + term, [])]


def types(node: dict[str, Any]) -> list[str]:
    return [kind.removeprefix(SCHEMA) for kind in node["@type"]]


# The pages of health information, and what a condition or treatment page is about.
MEDICAL_PAGE_TYPES = {"condition", "treatment", "guide"}
ABOUT_TYPES = {"condition": "MedicalCondition", "treatment": "MedicalTherapy"}
RELATED_BLOCK = re.compile(r'<nav aria-labelledby="related-pages"[^>]*>(.*?)</nav>', re.DOTALL)


def related_block_urls(html: str, url_path: str) -> list[str]:
    """The address of each page the "Related pages" block links to."""
    block = RELATED_BLOCK.search(html)
    if block is None:
        return []
    return [
        urljoin(f"{SITE}{url_path}", href) for href in re.findall(r'<a href="([^"#]+)"', block[1])
    ]


def one_line(text: str) -> str:
    return " ".join(text.split())


def test_every_condition_treatment_and_guide_page_is_a_medical_web_page(
    built_site: Build,
) -> None:
    """Found from the build: each page of health information describes itself,
    names what readers see on it, and links every page its "Related pages"
    block lists; every other page carries no medical JSON-LD."""
    registry = yaml.safe_load((ROOT / "data" / "reviewers.yml").read_text(encoding="utf-8"))
    found: dict[str, int] = {}
    for page in built_pages(built_site):
        page_type, where = page.meta["page_type"], f"/{page.url_path}"
        if page_type not in MEDICAL_PAGE_TYPES:
            assert json_ld_blocks(page.html) == [], where
            continue
        found[page_type] = found.get(page_type, 0) + 1
        node = expanded(page.html)
        assert types(node) == ["MedicalWebPage"], where
        assert values(node, "name") == [page.meta["title"]], where
        assert [one_line(text) for text in values(node, "description")] == [
            one_line(page.meta["description"])
        ], where
        assert values(node, "url") == [f"{SITE}{page.url_path}"], where
        assert values(node, "inLanguage") == ["en"], where
        assert [types(audience) for audience in node[SCHEMA + "medicalAudience"]] == [
            ["Patient"]
        ], where
        assert values(node, "lastReviewed") == [str(page.meta["last_reviewed"])], where
        written = page.meta["reviewed_by"]
        keys = [written] if isinstance(written, str) else written
        assert [values(reviewer, "name")[0] for reviewer in node[SCHEMA + "reviewedBy"]] == [
            registry[key]["name"] for key in keys
        ], where
        cited = [values(work, "url")[0] for work in node.get(SCHEMA + "citation", [])]
        assert cited == reference_urls(page.html), where
        # relatedLink: every page the "Related pages" block lists, and only those.
        related = values(node, "relatedLink")
        assert sorted(related) == sorted(related_block_urls(page.html, page.url_path)), where
        for path in page.meta.get("related_pages", []):
            assert f"{SITE}{path.removesuffix('.md')}/" in related, (where, path)
        about = node.get(SCHEMA + "about", [])
        if page_type in ABOUT_TYPES:
            assert [types(topic) for topic in about] == [[ABOUT_TYPES[page_type]]], where
            assert values(about[0], "name") == [page.meta["title"]], where
        else:
            # A guide's front matter does not say what it is about; no guess.
            assert about == [], where
    assert set(found) == MEDICAL_PAGE_TYPES, f"pages found per type: {found}"


def test_condition_page_is_a_medical_web_page_about_the_condition(built_site: Build) -> None:
    meta = front_matter("conditions/crps.md")
    page = expanded(built_site.page("conditions/crps/"))

    assert types(page) == ["MedicalWebPage"]
    assert values(page, "lastReviewed") == [str(meta["last_reviewed"])]
    [reviewer] = page[SCHEMA + "reviewedBy"]
    registry = yaml.safe_load((ROOT / "data" / "reviewers.yml").read_text(encoding="utf-8"))
    entry = registry[meta["reviewed_by"]]
    assert types(reviewer) == ["Organization"]
    assert values(reviewer, "name") == [entry["name"]]
    assert values(reviewer, "description") == [entry["role"]]
    assert values(reviewer, "url") == [
        f"https://crps-info.github.io/site/about/#reviewer-{meta['reviewed_by']}"
    ]
    assert SCHEMA + "hasCredential" not in reviewer  # no clinician has reviewed it
    [audience] = page[SCHEMA + "medicalAudience"]
    assert types(audience) == ["Patient"]

    [about] = page[SCHEMA + "about"]
    assert types(about) == ["MedicalCondition"]
    assert values(about, "name") == [meta["title"]]
    assert sorted(values(about, "alternateName")) == sorted(meta["alternative_names"])
    symptoms = about[SCHEMA + "signOrSymptom"]
    assert {types(s)[0] for s in symptoms} == {"MedicalSignOrSymptom"}
    assert [values(s, "name")[0] for s in symptoms] == meta["signs_or_symptoms"]
    treatments = about[SCHEMA + "possibleTreatment"]
    assert {types(treatment)[0] for treatment in treatments} == {"MedicalTherapy"}
    paths = meta["possible_treatments"]
    assert [values(t, "name")[0] for t in treatments] == [front_matter(p)["title"] for p in paths]
    assert [values(t, "url")[0] for t in treatments] == [
        f"https://crps-info.github.io/site/{path.removesuffix('.md')}/" for path in paths
    ]
    assert "https://crps-info.github.io/site/treatments/iv-ketamine/" in values(
        treatments[paths.index("treatments/iv-ketamine.md")], "url"
    )


def test_citations_are_the_sources_the_page_cites(built_site: Build) -> None:
    html = built_site.page("conditions/crps/")
    page = expanded(html)
    cited_urls = [values(work, "url")[0] for work in page[SCHEMA + "citation"]]
    assert cited_urls == reference_urls(html)
    assert len(cited_urls) >= 5
    first = page[SCHEMA + "citation"][0]
    assert types(first) == ["CreativeWork"]
    # Named by its title in data/sources.yml, whichever source the page cites first.
    sources = yaml.safe_load((ROOT / "data" / "sources.yml").read_text(encoding="utf-8"))
    titles = {entry["title"] for entry in sources.values() if entry.get("url") == cited_urls[0]}
    assert values(first, "name")[0] in titles, titles


def test_treatment_page_is_about_a_therapy(built_site: Build) -> None:
    meta = front_matter("treatments/iv-ketamine.md")
    page = expanded(built_site.page("treatments/iv-ketamine/"))
    [about] = page[SCHEMA + "about"]
    assert types(about) == ["MedicalTherapy"]
    assert sorted(values(about, "alternateName")) == sorted(meta["alternative_names"])
    assert values(page, "lastReviewed") == [str(meta["last_reviewed"])]
    # What it is used for: the conditions that list it, as schema.org indications.
    [indication] = about[SCHEMA + "indication"]
    assert types(indication) == ["TreatmentIndication"]
    assert values(indication, "name") == [front_matter("conditions/crps.md")["title"]]
    assert values(indication, "url") == ["https://crps-info.github.io/site/conditions/crps/"]


def test_related_pages_are_related_links(built_site: Build) -> None:
    """The CRPS page links each treatment it lists, and each treatment links back;
    relatedLink names every page of the "Related pages" block, and only those."""
    treatments = front_matter("conditions/crps.md")["possible_treatments"]
    html = built_site.page("conditions/crps/")
    linked = values(expanded(html), "relatedLink")
    assert linked[: len(treatments)] == [
        f"{SITE}{path.removesuffix('.md')}/" for path in treatments
    ]
    block = re.search(r'<nav aria-labelledby="related-pages"[^>]*>(.*?)</nav>', html, re.DOTALL)
    assert block, "no Related pages block on the CRPS page"
    shown = [
        urljoin(f"{SITE}conditions/crps/", href)
        for href in re.findall(r'<a href="([^"#]+)"', block[1])
    ]
    assert sorted(linked) == sorted(shown)
    for path in treatments:
        treatment = expanded(built_site.page(f"{path.removesuffix('.md')}/"))
        assert f"{SITE}conditions/crps/" in values(treatment, "relatedLink")


@PAGE_MISTAKES.mistake
def _unknown_treatment(project: Path) -> None:
    """In one build with other pages' mistakes (tests/sharedbuilds.py)."""
    page = project / "docs" / "conditions" / "crps.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("  - treatments/iv-ketamine.md", "  - treatments/mirror.md"))


def test_unknown_treatment_page_fails_the_build_with_its_line(shared_builds: SharedBuilds) -> None:
    shared = shared_builds.of(_unknown_treatment)
    line = shared.text("docs/conditions/crps.md").splitlines().index("  - treatments/mirror.md")
    assert_lists(
        shared.result,
        "Pages with problems",
        f"docs/conditions/crps.md:{line + 1}: possible_treatments: 'treatments/mirror.md' is not "
        "a page of the site; expected the path of a treatment page under docs/, e.g. "
        "treatments/iv-ketamine.md",
    )
