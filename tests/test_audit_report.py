"""The weekly dependency audit: pip-audit's JSON becomes the tracking issue, offline.

pip-audit needs the network, so the weekly workflow runs it; here its JSON is
made by pip-audit's own formatter (the one `--format json` uses) from results
written by hand, and the workflow's issue step runs with a stand-in `gh`.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import yaml
from packaging.version import Version
from pip_audit._format.json import JsonFormat
from pip_audit._service.interface import (
    ResolvedDependency,
    SkippedDependency,
    VulnerabilityResult,
)

from scripts.audit_report import AUDIT_FAILED, NO_VULNERABILITIES, VULNERABLE
from tests.sitebuild import ROOT
from tests.test_workflows import run_issue_step

JINJA_ADVISORY = VulnerabilityResult(
    id="GHSA-0000-test-0001",
    description="A sandbox escape.",
    fix_versions=[Version("3.1.99")],
    aliases={"CVE-2099-0001"},
)
NO_FIX_ADVISORY = VulnerabilityResult(
    id="PYSEC-2099-2",
    description="Something | with a pipe.",
    fix_versions=[],
    aliases=set(),
)


def pip_audit_json(
    results: dict[ResolvedDependency | SkippedDependency, list[VulnerabilityResult]],
) -> str:
    """What `pip-audit --format json --aliases on --desc off` writes for these results."""
    return JsonFormat(output_desc=False, output_aliases=True).format(results, [])  # type: ignore[arg-type]


def run_report(tmp_path: Path, json_text: str | None) -> tuple[int, str]:
    source = tmp_path / "pip-audit.json"
    if json_text is not None:
        source.write_text(json_text, encoding="utf-8")
    report = tmp_path / "audit-report.md"
    result = subprocess.run(
        [sys.executable, "-m", "scripts.audit_report", str(source), "--report", str(report)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result.returncode, report.read_text(encoding="utf-8")


def test_vulnerable_pins_are_listed_with_the_version_that_fixes_them(tmp_path: Path) -> None:
    json_text = pip_audit_json(
        {
            ResolvedDependency("jinja2", Version("3.1.6")): [JINJA_ADVISORY],
            ResolvedDependency("mkdocs", Version("1.6.1")): [],
            ResolvedDependency("somepkg", Version("1.0")): [NO_FIX_ADVISORY],
            SkippedDependency("localthing", "not on PyPI"): [],
        }
    )
    code, report = run_report(tmp_path, json_text)
    assert code == VULNERABLE
    assert "**2 known vulnerabilities in 2 of the 4 packages pinned in `requirements.lock`.**" in (
        report
    )
    assert (
        "| jinja2 | 3.1.6 | [GHSA-0000-test-0001](https://osv.dev/vulnerability/GHSA-0000-test-0001)"
        " | CVE-2099-0001 | 3.1.99 |" in report
    )
    assert "| somepkg | 1.0 | [PYSEC-2099-2](" in report
    assert "| - | no fixed version yet |" in report
    assert "mkdocs" not in report


def test_no_vulnerability_says_so(tmp_path: Path) -> None:
    json_text = pip_audit_json({ResolvedDependency("mkdocs", Version("1.6.1")): []})
    code, report = run_report(tmp_path, json_text)
    assert code == NO_VULNERABILITIES
    assert "No known vulnerability in the 1 packages" in report


def test_an_audit_that_did_not_run_is_not_read_as_all_clear(tmp_path: Path) -> None:
    for broken in (None, "", "{}", '{"dependencies": [{"name": 3}]}', "<html>rate limited</html>"):
        code, report = run_report(tmp_path, broken)
        assert code == AUDIT_FAILED, broken
        assert "The audit did not run" in report
        (tmp_path / "pip-audit.json").unlink(missing_ok=True)


def test_the_weekly_workflow_audits_the_lock_and_tracks_one_issue(tmp_path: Path) -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "weekly-links.yml").read_text())
    job = workflow["jobs"]["audit"]
    runs = "\n".join(step.get("run", "") for step in job["steps"])
    assert "pip-audit --requirement requirements.lock --no-deps --disable-pip" in runs
    assert "--format json" in runs
    assert "python -m scripts.audit_report pip-audit.json --report audit-report.md" in runs
    assert job["permissions"] == {"contents": "read", "issues": "write"}

    (tmp_path / "audit-report.md").write_text("# Dependency audit\n\n**1 known vulnerability")
    code, calls = run_issue_step(tmp_path, status=VULNERABLE, open_issue="", job="audit")
    assert code == 0
    assert calls[1][:4] == ["issue", "create", "--title", "Vulnerable dependencies"]
    assert calls[1][5].startswith("# Dependency audit")
    code, calls = run_issue_step(tmp_path, status=NO_VULNERABILITIES, open_issue="9", job="audit")
    assert calls[1][:3] == ["issue", "close", "9"]
    code, calls = run_issue_step(tmp_path, status=AUDIT_FAILED, open_issue="", job="audit")
    assert code == 1
    assert len(calls) == 1


def test_the_report_of_pip_audit_is_json_we_read(tmp_path: Path) -> None:
    """pip-audit's formatter and our reader agree on the field names."""
    parsed = json.loads(
        pip_audit_json({ResolvedDependency("jinja2", Version("3.1.6")): [JINJA_ADVISORY]})
    )
    [dependency] = parsed["dependencies"]
    assert dependency["vulns"][0]["fix_versions"] == ["3.1.99"]
