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

from tests.sitebuild import MKDOCS, build

MIXED = (
    "\n## Mixed\n\n"
    "{{ stat_value('olmsted_incidence') }} per 100,000, "
    "{{ 'in a year' | upper }}.{{ cite('harden2010') }}\n"
)


def _cited_order(html: str) -> list[str]:
    return list(dict.fromkeys(re.findall(r'href="#fn:(\w+)"', html)))


def test_page_with_other_jinja_renders_all_of_it_and_cites_once(project: Path) -> None:
    page = project / "docs" / "about.md"
    page.write_text(page.read_text(encoding="utf-8") + MIXED, encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.output
    html = result.page("about/")
    assert "{{" not in html
    assert re.search(r"5\.46<sup[^>]*>.*?</sup> per 100,000, IN A YEAR\.", html)
    assert _cited_order(html) == ["sandroni2003", "harden2010"]
    assert re.findall(r'<li id="fn:(\w+)"', html) == ["sandroni2003", "harden2010"]


def test_expanded_and_jinja_rendered_pages_read_the_same(project: Path) -> None:
    page = project / "docs" / "conditions" / "crps.md"
    expanded = build(project).page("conditions/crps/")
    # A Jinja comment anywhere sends the whole page to Jinja.
    page.write_text(page.read_text(encoding="utf-8") + "\n{## zebra note ##}\n", "utf-8")
    rendered = build(project).page("conditions/crps/")
    assert "zebra" not in rendered
    assert _cited_order(expanded) == _cited_order(rendered)
    main = re.compile(r'<article class="md-content__inner.*?</article>', re.DOTALL)
    assert main.search(expanded)[0] == main.search(rendered)[0]


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


@pytest.mark.parametrize("line_text", READ_OTHERWISE_BY_JINJA)
def test_calls_jinja_reads_otherwise_still_fail_the_template_check(
    project: Path, line_text: str
) -> None:
    page = project / "docs" / "about.md"
    text = page.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    line = text.count("\n") + 1
    page.write_text(f"{text}{line_text}\n", encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert f"docs/about.md:{line}: template: " in result.output
    assert "Traceback" not in result.output
