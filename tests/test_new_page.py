"""`make new-page` writes a page that builds cleanly and joins the navigation."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

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
TREATMENT_SECTIONS = [
    "What it is",
    "How it works",
    "Evidence",
    "What it involves",
    "Side effects",
    "Who should not have it",
    "Questions to ask",
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
    ("page_type", "slug", "title", "sections", "nav_line"),
    [
        (
            "condition",
            "fibromyalgia",
            "Fibromyalgia",
            CONDITION_SECTIONS,
            "      - Fibromyalgia: conditions/fibromyalgia.md",
        ),
        (
            "treatment",
            "graded-motor-imagery",
            "Graded motor imagery",
            TREATMENT_SECTIONS,
            "      - Graded motor imagery: treatments/graded-motor-imagery.md",
        ),
    ],
    ids=["condition", "treatment"],
)
def test_new_page_builds_clean_with_its_sections_and_nav_entry(
    project: Path, page_type: str, slug: str, title: str, sections: list[str], nav_line: str
) -> None:
    config_before = (project / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    made = new_page(
        project, "--type", page_type, "--slug", slug, "--title", title, "--names", "another name"
    )
    assert made.returncode == 0, made.stderr
    config_after = (project / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    added = [line for line in config_after if line not in config_before]
    assert added == [nav_line]
    assert [line for line in config_after if line != nav_line] == config_before  # comments kept

    result = build(project, env={**TODAY, "CI": "true"})
    assert result.returncode == 0, result.output
    assert "WARNING" not in result.output
    html = result.page(f"{page_type}s/{slug}/")
    assert headings(html) == sections
    assert f'<h1 id="{slug}">{title}' in html
    assert "Next review due" in html
    # New pages start with care cards (STYLE.md, "When to get help").
    assert '<div class="care-card care-card--urgent">' in html
    assert '<div class="care-card care-card--emergency">' in html
    # A new page is a draft of the editorial team: readers see no clinician checked it.
    assert 'href="../../about/#reviewer-editorial-team">CRPS Info editorial team</a>' in html
    assert "Not yet checked by a clinician" in html


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
