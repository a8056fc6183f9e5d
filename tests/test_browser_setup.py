"""Without Chromium, browser tests fail (never skip) and say how to install it."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.sitebuild import ROOT


def test_missing_chromium_fails_with_install_instructions() -> None:
    """The test it runs takes ``chromium`` before ``site_server``, in a file with no
    test over every page: it fails before any build, so this one builds nothing."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-n",
            "0",
            "-p",
            "no:cacheprovider",
            "tests/test_reader_console.py::test_a_missing_page_is_reported_here",
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
