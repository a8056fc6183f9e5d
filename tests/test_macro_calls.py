"""Macro calls expanded before mkdocs-macros read the same as Jinja's.

``healthsite/content/macrocalls.py`` expands plain ``{{ stat('key') }}`` calls itself,
for speed; a page with any other Jinja markup goes to Jinja whole. Readers
must not be able to tell which path a page took.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.sitebuild import MKDOCS, Build, build, builds_site, copy_project

# The builds below are shared by the tests of this file: one worker runs them.
pytestmark = pytest.mark.xdist_group("macro_calls")

MIXED = (
    "\n## Mixed\n\n"
    "{{ stat_value('olmsted_incidence') }} per 100,000, "
    "{{ 'in a year' | upper }}.{{ cite('harden2010') }}\n"
)


def _cited_order(html: str) -> list[str]:
    return list(dict.fromkeys(re.findall(r'href="#fn:(\w+)"', html)))


@pytest.fixture(scope="module")
@builds_site
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The about page with other Jinja beside its macro calls, and the CRPS page
    with a Jinja comment: both rendered by Jinja whole, in one build."""
    project = copy_project(tmp_path_factory.mktemp("rendered"))
    page = project / "docs" / "about.md"
    page.write_text(page.read_text(encoding="utf-8") + MIXED, encoding="utf-8")
    # A Jinja comment anywhere sends the whole page to Jinja.
    page = project / "docs" / "conditions" / "crps.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n{## zebra note ##}\n", "utf-8")
    result = build(project)
    assert result.returncode == 0, result.output
    return result


def test_page_with_other_jinja_renders_all_of_it_and_cites_once(rendered: Build) -> None:
    html = rendered.page("about/")
    assert "{{" not in html
    assert re.search(r"5\.46<sup[^>]*>.*?</sup> per 100,000, IN A YEAR\.", html)
    assert _cited_order(html) == ["sandroni2003", "harden2010"]
    assert re.findall(r'<li id="fn:(\w+)"', html) == ["sandroni2003", "harden2010"]


def test_expanded_and_jinja_rendered_pages_read_the_same(
    built_site: Build, rendered: Build
) -> None:
    """The checkout's CRPS page (its plain calls expanded) and the same page sent to Jinja."""
    expanded = built_site.page("conditions/crps/")
    jinja = rendered.page("conditions/crps/")
    assert "zebra" not in jinja
    assert _cited_order(expanded) == _cited_order(jinja)
    main = re.compile(r'<article class="md-content__inner.*?</article>', re.DOTALL)
    assert main.search(expanded)[0] == main.search(jinja)[0]


def test_build_from_another_folder_with_a_relative_config_path(project: Path) -> None:
    result = subprocess.run(
        [str(MKDOCS), "build", "--strict", "-f", f"{project.name}/mkdocs.yml"],
        cwd=project.parent,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr


# Valid Python, but Jinja reads them otherwise (a raw-string prefix; a third
# brace): such a page is not plain, so the template check still names the line.
READ_OTHERWISE_BY_JINJA = ["{{ stat(r'olmsted_incidence') }}", "{{{ stat('olmsted_incidence') }}"]


READ_OTHERWISE_PAGES = ("about.md", "guides/diagnosis.md")


@pytest.fixture(scope="module")
@builds_site
def read_otherwise(tmp_path_factory: pytest.TempPathFactory) -> tuple[Build, dict[str, int]]:
    """Each call Jinja reads otherwise on a page of its own (Jinja stops at a
    page's first syntax error), in one build; the line of each."""
    project = copy_project(tmp_path_factory.mktemp("read-otherwise"))
    lines = {}
    for line_text, name in zip(READ_OTHERWISE_BY_JINJA, READ_OTHERWISE_PAGES, strict=True):
        page = project / "docs" / name
        text = page.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
        lines[line_text] = text.count("\n") + 1
        page.write_text(f"{text}{line_text}\n", encoding="utf-8")
    return build(project), lines


@pytest.mark.parametrize(
    ("line_text", "page"), list(zip(READ_OTHERWISE_BY_JINJA, READ_OTHERWISE_PAGES, strict=True))
)
def test_calls_jinja_reads_otherwise_still_fail_the_template_check(
    read_otherwise: tuple[Build, dict[str, int]], line_text: str, page: str
) -> None:
    result, lines = read_otherwise
    assert result.returncode != 0
    assert f"docs/{page}:{lines[line_text]}: template: " in result.output
    assert "Traceback" not in result.output
