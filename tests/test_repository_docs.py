"""The repository's own documents: links that work, and nothing for maintainers in the site."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.sitebuild import ROOT, Build

MAINTAINER_DOCS = (
    "README.md",
    "CONTRIBUTING.md",
    "STYLE.md",
    "ARCHITECTURE.md",
    "benchmarks/README.md",
)
RELATIVE_LINK = re.compile(r"\]\((?!https?://|mailto:|#)([^)\s#]+)(?:#[^)]*)?\)")


@pytest.mark.parametrize("document", MAINTAINER_DOCS)
def test_relative_links_of_the_repository_documents_lead_to_files(document: str) -> None:
    path = ROOT / document
    links = RELATIVE_LINK.findall(path.read_text(encoding="utf-8"))
    missing = [link for link in links if not (path.parent / link).exists()]
    assert missing == [], f"{document} links to files that do not exist: {missing}"


def test_readme_quick_start_is_the_two_commands() -> None:
    """A newcomer with Python 3.11, git and make needs exactly these two."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick_start = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", quick_start, re.S)
    assert block, "README's quick start has no ```sh block"
    commands = [line.split("#", 1)[0].strip() for line in block.group(1).splitlines()]
    assert [command for command in commands if command] == ["make serve", "make test"]


def test_readme_leads_to_the_benchmark_results() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "[benchmarks/README.md](benchmarks/README.md)" in readme
    assert "## Build time" in (ROOT / "benchmarks/README.md").read_text(encoding="utf-8")


def test_benchmark_results_are_not_published_to_readers(built_site: Build) -> None:
    site: Path = built_site.site_dir
    assert not (site / "benchmarks").exists()
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    titles = {entry["title"] for entry in index["docs"]}
    assert "Build benchmarks" not in titles
    assert "Material defaults" not in json.dumps(index)
