"""`make new-page` writes a page that builds cleanly, listed by the build without a nav edit."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from healthsite.checks.components import TREATMENT_SECTIONS as TREATMENT_ORDER
from tests.sitebuild import ROOT, build

TODAY = {"HEALTHSITE_TODAY": "2026-11-25"}
CONDITION_SECTIONS = [
    "Overview",
    "Symptoms",
    "Causes",
    "Diagnosis",
    "Treatment",
    "Outlook",
    "When to get help",
]
# The order the build checks on every treatment page (STYLE.md, "Page structure").
TREATMENT_SECTIONS = list(TREATMENT_ORDER)
GUIDE_SECTIONS = [
    "What to know",
    "What you can do",
    "Where to get support",
    "Questions to ask your doctor",
    "When to get help",
]


def new_page(project: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    """Run the script behind `make new-page` against a copy of the project."""
    return subprocess.run(
        [sys.executable, "-m", "scripts.new_page", "--root", str(project), *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, **TODAY},
        check=False,
    )


def headings(html: str) -> list[str]:
    return [
        re.sub(r"<[^>]+>", "", heading).removesuffix("&para;").strip()
        for heading in re.findall(r"<h2[^>]*>(.*?)</h2>", html)
    ]


@pytest.mark.parametrize(
    ("page_type", "slug", "title", "sections"),
    [
        ("condition", "fibromyalgia", "Fibromyalgia", CONDITION_SECTIONS),
        ("treatment", "graded-motor-imagery", "Graded motor imagery", TREATMENT_SECTIONS),
        ("guide", "pacing-your-day", "Pacing your day", GUIDE_SECTIONS),
    ],
    ids=["condition", "treatment", "guide"],
)
def test_new_page_builds_clean_and_is_listed_without_a_nav_edit(
    project: Path, page_type: str, slug: str, title: str, sections: list[str]
) -> None:
    config_before = (project / "mkdocs.yml").read_text(encoding="utf-8")
    made = new_page(
        project, "--type", page_type, "--slug", slug, "--title", title, "--names", "another name"
    )
    assert made.returncode == 0, made.stderr
    assert (project / "mkdocs.yml").read_text(encoding="utf-8") == config_before

    result = build(project, env={**TODAY, "CI": "true"})
    assert result.returncode == 0, result.output
    assert "WARNING" not in result.output
    html = result.page(f"{page_type}s/{slug}/")
    # The warning signs of its care cards cite their sources, listed under References.
    assert headings(html) == [*sections, "References"]
    assert f'<h1 id="{slug}">{title}' in html
    assert "Next review due" in html
    # New pages start with care cards (STYLE.md, "When to get help").
    assert '<div class="care-card care-card--urgent">' in html
    assert '<div class="care-card care-card--emergency">' in html
    # A new page is a draft of the editorial team: readers see no clinician checked it.
    assert 'href="../../about/#reviewer-editorial-team">CRPS Info editorial team</a>' in html
    assert "Not yet checked by a clinician" in html
    # Listed on its section's page and in the A to Z, under each of its names.
    assert f'<a href="{slug}/">{title}</a>' in result.page(f"{page_type}s/")
    a_to_z = result.page("a-to-z/")
    assert f'<a href="../{page_type}s/{slug}/">{title}</a>' in a_to_z
    assert f'another name: see <a href="../{page_type}s/{slug}/">{title}</a>' in a_to_z
    # And on the home page, in its section's card.
    assert f'<a href="{page_type}s/{slug}/">{title}</a>' in result.page("")


def test_new_page_refuses_bad_input_and_changes_nothing(project: Path) -> None:
    config_before = (project / "mkdocs.yml").read_text(encoding="utf-8")
    bad_slug = new_page(project, "--type", "condition", "--slug", "Fibro", "--title", "F")
    assert bad_slug.returncode == 2
    assert "new-page: SLUG: 'Fibro' must be lower-case words joined by hyphens" in bad_slug.stderr
    no_names = new_page(project, "--type", "condition", "--slug", "fibro", "--title", "F")
    assert "new-page: NAMES: is missing; list the other names readers search by" in (
        no_names.stderr
    )
    existing = new_page(
        project, "--type", "condition", "--slug", "crps", "--title", "CRPS", "--names", "x"
    )
    assert "new-page: docs/conditions/crps.md: already exists; choose another SLUG" in (
        existing.stderr
    )
    assert (project / "mkdocs.yml").read_text(encoding="utf-8") == config_before
    assert not (project / "docs" / "conditions" / "fibro.md").exists()
    unknown = new_page(project, "--type", "about", "--slug", "team", "--title", "Team")
    assert unknown.returncode == 2
    assert "new-page: TYPE: 'about' is not one of 'condition', 'treatment', 'guide'" in (
        unknown.stderr
    )


def test_a_new_guide_may_have_no_other_names(project: Path) -> None:
    """Only condition and treatment pages need alternative_names; a guide
    without NAMES gets no empty list, and is told to name its related pages."""
    made = new_page(project, "--type", "guide", "--slug", "pacing", "--title", "Pacing")
    assert made.returncode == 0, made.stderr
    assert "related_pages" in made.stdout
    text = (project / "docs" / "guides" / "pacing.md").read_text(encoding="utf-8")
    assert "page_type: guide\nreviewed_by: editorial-team\n" in text
    assert "alternative_names" not in text
