"""Shared fixtures: a built copy of the real site, and a copy to break."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sitebuild import Build, build, copy_project


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The site as it is in the checkout, built once for the whole session."""
    project = copy_project(tmp_path_factory.mktemp("site"))
    result = build(project)
    assert result.returncode == 0, result.output
    return result


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A fresh copy of the project that a test may change before building."""
    return copy_project(tmp_path)
