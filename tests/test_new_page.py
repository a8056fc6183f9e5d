"""`make new-page` writes a page the build lists without a nav edit, and refuses unwritten.

A new page holds its template's instructions to the editor and cites nothing:
the strict build names each such line (healthsite/checks/unfinished.py). Once
the editor has written it, it builds cleanly.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from healthsite.checks.components import TREATMENT_SECTIONS as TREATMENT_ORDER
from tests.sharedbuilds import PAGE_MISTAKES, SharedBuilds
from tests.sitebuild import ROOT, Build, assert_lists, build, builds_site, copy_project

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


# What an editor writes in place of each instruction: a short cited sentence.
WRITTEN = "It can help some people.{{ cite('harden2010') }}"
WRITTEN_SIGN = "you have new, severe pain"


def written(text: str) -> str:
    """The page as an editor leaves it: each line of instructions replaced by
    their own cited words, each care card's bullets by a sign; the headings,
    cards, suggested questions and macro calls kept."""
    front, body = text.split("\n---\n", 1)
    lines = []
    for line in body.splitlines():
        stripped = line.strip()
        kept = stripped.startswith(("#", "!!!")) or stripped.endswith("?") or "{{" in stripped
        if not stripped or kept:
            lines.append(line)
        elif stripped.startswith("- "):
            lines.append(f"{line[: line.index('- ')]}- {WRITTEN_SIGN}")
        else:
            lines.append(WRITTEN)
    return f"{front}\n---\n" + "\n".join(lines) + "\n"


def line_with(text: str, words: str) -> int:
    """The number (from 1) of the first line of ``text`` holding ``words``."""
    return next(n for n, line in enumerate(text.splitlines(), 1) if words in line)


@PAGE_MISTAKES.mistake  # built on TODAY too
def _new_pages(project: Path) -> list[tuple[int, str, str]]:
    """Two pages made by `make new-page` and not written, in one build with other
    pages' mistakes (tests/sharedbuilds.py); each run's exit code and output."""
    made = [
        new_page(project, *arguments, "--names", "another name")
        for arguments in (
            ["--type", "condition", "--slug", "fibromyalgia", "--title", "Fibromyalgia"],
            ["--type", "guide", "--slug", "pacing-your-day", "--title", "Pacing your day"],
        )
    ]
    return [(run.returncode, run.stdout, run.stderr) for run in made]


def test_a_new_page_is_refused_by_the_build_until_it_is_written(
    shared_builds: SharedBuilds,
) -> None:
    shared = shared_builds.of(_new_pages)
    for returncode, stdout, stderr in shared.made:
        assert returncode == 0, stderr
        assert "Until then the build refuses the page; `make serve` shows it with a Draft " in (
            stdout
        )
    condition = shared.text("docs/conditions/fibromyalgia.md")
    guide = shared.text("docs/guides/pacing-your-day.md")
    template_words = "is an instruction of the page templates (scripts/page-templates/), not "
    template_words += "text for readers; expected your own words in its place"
    uncited = (
        "page cites no source; expected a citation for each fact and figure, e.g. "
        "{{ cite('harden2010') }} after its sentence, with a key of data/sources.yml"
    )
    assert_lists(
        shared.result,
        "Pages with problems",
        f"docs/conditions/fibromyalgia.md:{line_with(condition, 'List the main symptoms.')}: "
        f"template text: 'List the main symptoms.' {template_words}",
        f"docs/conditions/fibromyalgia.md:{line_with(condition, 'Say in two or three')}: "
        "template text: 'Say in two or three short sentences what Fibromyalgia is and who "
        f"gets it.' {template_words}",
        f"docs/conditions/fibromyalgia.md:{line_with(condition, '# Fibromyalgia')}: cite: this "
        f"condition {uncited}",
        f"docs/guides/pacing-your-day.md:{line_with(guide, 'Explain the main facts')}: template "
        f"text: 'Explain the main facts in plain words.' {template_words}",
        # An instruction over two lines is found, named from the line it starts on.
        f"docs/guides/pacing-your-day.md:{line_with(guide, 'Say in two or three')}: template "
        "text: 'Say in two or three short sentences what this guide is about and who it is "
        f"for.' {template_words}",
        f"docs/guides/pacing-your-day.md:{line_with(guide, '# Pacing your day')}: cite: this "
        f"guide {uncited}",
    )


# A page of each type, each written by its editor: one build shows them all.
NEW_PAGES = {
    "condition": ("fibromyalgia", "Fibromyalgia", CONDITION_SECTIONS),
    "treatment": ("graded-motor-imagery", "Graded motor imagery", TREATMENT_SECTIONS),
    "guide": ("pacing-your-day", "Pacing your day", GUIDE_SECTIONS),
}


def other_name(page_type: str) -> str:
    """The page's other name (``--names``): two pages may not share one."""
    return f"another {page_type} name"


@dataclass(frozen=True)
class WrittenPages:
    made: dict[str, subprocess.CompletedProcess[str]]
    config_unchanged: bool
    result: Build


@pytest.fixture(scope="module")
@builds_site
def written_pages(tmp_path_factory: pytest.TempPathFactory) -> WrittenPages:
    """Each page of ``NEW_PAGES`` made by `make new-page` and written, then one build (in CI)."""
    project = copy_project(tmp_path_factory.mktemp("written-pages"))
    config_before = (project / "mkdocs.yml").read_text(encoding="utf-8")
    made = {}
    for page_type, (slug, title, _) in NEW_PAGES.items():
        arguments = ["--type", page_type, "--slug", slug, "--title", title]
        made[page_type] = new_page(project, *arguments, "--names", other_name(page_type))
        path = project / "docs" / f"{page_type}s" / f"{slug}.md"
        if path.is_file():
            path.write_text(written(path.read_text(encoding="utf-8")), encoding="utf-8")
    config_unchanged = (project / "mkdocs.yml").read_text(encoding="utf-8") == config_before
    return WrittenPages(made, config_unchanged, build(project, env={**TODAY, "CI": "true"}))


@pytest.mark.xdist_group("new_page")  # one worker builds the written pages, once
@pytest.mark.parametrize("page_type", list(NEW_PAGES))
def test_a_written_new_page_builds_clean_and_is_listed_without_a_nav_edit(
    written_pages: WrittenPages, page_type: str
) -> None:
    slug, title, sections = NEW_PAGES[page_type]
    made = written_pages.made[page_type]
    assert made.returncode == 0, made.stderr
    assert written_pages.config_unchanged
    result = written_pages.result
    assert result.returncode == 0, result.output
    assert "WARNING" not in result.output
    html = result.page(f"{page_type}s/{slug}/")
    # The template's sections, then the references: those the editor cited and
    # those of the care cards' warning signs.
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
    name = other_name(page_type)
    assert f'{name}: see <a href="../{page_type}s/{slug}/">{title}</a>' in a_to_z
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
