"""Without Chromium, browser tests fail (never skip) and say how to install it."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.sitebuild import ROOT


@pytest.mark.build  # the pytest it runs builds the site to list the pages
def test_missing_chromium_fails_with_install_instructions() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-n",
            "0",
            "-p",
            "no:cacheprovider",
            "tests/test_reader_print.py::test_print_hides_navigation_search_and_header",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "CHROMIUM": "/nonexistent/chromium", "CI": "true"},
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "sudo apt-get install -y chromium poppler-utils" in output
    assert "1 error" in output
    assert "skipped" not in output
