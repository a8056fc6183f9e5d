"""Without Chromium, browser tests fail (never skip) and say how to install it;
with it, Chromium is launched as tests/browser.py means it to be."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from playwright.sync_api import Browser

from tests.browser import PLAYWRIGHT_DISABLED_FEATURES, UNUSED_FEATURES
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


def _chromium_command_lines() -> list[list[str]]:
    """The command line of each Chromium browser process this process started."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except OSError:  # it ended while we looked
                continue
            children.setdefault(parent, []).append(int(entry.name))
    found, waiting = [], list(children.get(os.getpid(), []))
    while waiting:
        pid = waiting.pop()
        waiting += children.get(pid, [])
        try:
            arguments = Path(f"/proc/{pid}/cmdline").read_text().split("\0")
        except OSError:
            continue
        if "--remote-debugging-pipe" in arguments and not any(
            argument.startswith("--type=") for argument in arguments
        ):
            found.append(arguments)
    return found


def test_chromium_keeps_playwrights_switches_and_runs_no_page_of_its_own(
    chromium: Browser,
) -> None:
    """CHROMIUM_ARGS' --disable-features replaces Playwright's (Chromium reads
    the last one): it must still turn off every feature Playwright does. And
    with the address bar's suggestion list off, opening a page starts none of
    Chromium's own pages (chrome://omnibox-popup.top-chrome/ did, for every
    context: about 0.5 s of CPU per page opened; tests/browser.py)."""
    [arguments] = _chromium_command_lines()
    switches = [
        set(argument.removeprefix("--disable-features=").split(","))
        for argument in arguments
        if argument.startswith("--disable-features=")
    ]
    playwrights, ours = switches[0], switches[-1]
    assert ours == set(PLAYWRIGHT_DISABLED_FEATURES + UNUSED_FEATURES)
    assert not playwrights - ours, f"add to PLAYWRIGHT_DISABLED_FEATURES: {playwrights - ours}"
    page = chromium.new_page()
    targets = chromium.new_browser_cdp_session().send("Target.getTargets", {"filter": [{}]})
    page.close()
    own = [target["url"] for target in targets["targetInfos"] if target["type"] == "browser_ui"]
    assert own == [], own
