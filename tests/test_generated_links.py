"""Links that the build writes, not the editor: checked like any other link.

Markdown that macros generate (statistics, citations) passes through MkDocs'
own link validation, so the strict build fails on it. Links that templates
write after Markdown (the review box, the safety note) are outside MkDocs'
view; the link check over the built site (`make linkcheck`, CI) catches those
when they point to another page or its #anchor.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from healthsite.links.check import check_site
from healthsite.links.classify import Verdict
from healthsite.links.settings import load_settings
from tests.linkserver import fast_settings
from tests.sharedbuilds import LINK_MISTAKES, SharedBuilds
from tests.sitebuild import Build, build


def test_real_site_has_no_broken_link_between_pages(built_site: Build, tmp_path: Path) -> None:
    lychee_config, settings_file = fast_settings(tmp_path)
    outcome = check_site(
        built_site.site_dir, load_settings(settings_file), lychee_config, internal_only=True
    )
    assert outcome.failing == []
    assert {"", "about/", "conditions/crps/", "glossary/", "treatments/iv-ketamine/"} <= set(
        outcome.pages
    )
    assert all(r.verdict is Verdict.SKIPPED for r in outcome.links if not r.internal)


@LINK_MISTAKES.mistake
def _link_in_a_statistic(project: Path) -> None:
    """In one build with other broken links (tests/sharedbuilds.py)."""
    # Correct from docs/index.md, broken from docs/conditions/crps.md: the same
    # generated sentence lands on pages in different folders.
    data = project / "data" / "statistics.yml"
    data.write_text(
        data.read_text().replace(
            "treat it as a rough guess.",
            "treat it as a rough guess. "
            "See [the research figures](conditions/crps.md#no-such-part).",
        )
    )


def test_link_in_shared_statistic_is_validated_on_every_page_using_it(
    shared_builds: SharedBuilds,
) -> None:
    result = shared_builds.of(_link_in_a_statistic).result
    assert result.returncode != 0
    assert (
        "Doc file 'conditions/crps.md' contains a link 'conditions/crps.md#no-such-part', "
        "but the target 'conditions/conditions/crps.md' is not found" in result.output
    )
    assert (
        "Doc file 'index.md' contains a link 'conditions/crps.md#no-such-part', but the doc "
        "'conditions/crps.md' does not contain an anchor '#no-such-part'" in result.output
    )


def test_broken_anchor_in_review_box_fails_the_link_check_naming_page(project: Path) -> None:
    review_box = project / "overrides" / "partials" / "page-review.html"
    review_box.write_text(
        review_box.read_text().replace(
            "</dl>",
            "</dl>\n"
            "<a href=\"{{ 'about/' | url }}#clinical-review\">How pages are reviewed</a>\n"
            "<a href=\"{{ 'about/' | url }}#how-we-review\">Our review policy</a>",
        )
    )
    built = build(project)
    assert built.returncode == 0, "MkDocs does not validate links written by templates"
    lychee_config, settings = fast_settings(project / "fast-settings")
    checked = subprocess.run(
        [
            sys.executable,
            "-m",
            "healthsite.links",
            "--settings",
            str(settings),
            "--lychee-config",
            str(lychee_config),
            "--internal-only",  # every page, no other host
        ],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 1, checked.stdout + checked.stderr
    report = checked.stdout
    assert "**1 broken link.**" in report
    entry = report.split("### `/about/#how-we-review`")[1]
    on_line = entry.split("- **On:** ")[1].split("\n")[0]
    assert "`/about/` (docs/about.md)" in on_line
    assert "`/conditions/crps/` (docs/conditions/crps.md)" in on_line
    assert "- **Status:** the page has no `#how-we-review`" in entry
    assert "has no such section" in entry
    assert "#clinical-review" not in report
