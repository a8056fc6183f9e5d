"""Turn pip-audit's JSON report into the weekly tracking issue's Markdown.

The scheduled workflow (.github/workflows/weekly-links.yml, job "audit") runs

    pip-audit --requirement requirements.lock --no-deps --disable-pip \\
        --format json --aliases on --desc off --output pip-audit.json
    python -m scripts.audit_report pip-audit.json --report audit-report.md

and opens, updates or closes the issue "Vulnerable dependencies" from the exit
status: 0 no known vulnerability, 1 some (the report lists them), 2 the audit
itself did not run (no report, or one this script cannot read). Kept apart
from the network so that tests/test_audit_report.py checks it offline.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

NO_VULNERABILITIES, VULNERABLE, AUDIT_FAILED = 0, 1, 2
ADVISORY_URL = "https://osv.dev/vulnerability/{id}"


@dataclass(frozen=True)
class Vulnerability:
    """One advisory against one pinned package."""

    package: str
    version: str
    id: str
    aliases: tuple[str, ...]
    fixed_in: tuple[str, ...]


class UnreadableReportError(ValueError):
    """pip-audit's output is missing or not what this script expects."""


def _text(value: object, where: str) -> str:
    if not isinstance(value, str) or not value:
        raise UnreadableReportError(f"{where} is not a non-empty string")
    return value


def _texts(value: object, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise UnreadableReportError(f"{where} is not a list")
    return tuple(_text(item, where) for item in value)


def read_vulnerabilities(report: Any) -> list[Vulnerability]:
    """Every vulnerability in pip-audit's JSON (``--format json``), by package."""
    if not isinstance(report, dict) or not isinstance(report.get("dependencies"), list):
        raise UnreadableReportError("no 'dependencies' list: is this pip-audit's JSON output?")
    found = []
    for index, dependency in enumerate(report["dependencies"]):
        where = f"dependencies[{index}]"
        if not isinstance(dependency, dict):
            raise UnreadableReportError(f"{where} is not an object")
        if "skip_reason" in dependency:
            continue  # not on PyPI (e.g. a local package): nothing to audit
        name = _text(dependency.get("name"), f"{where}.name")
        version = _text(dependency.get("version"), f"{where}.version")
        vulns = dependency.get("vulns") or []
        if not isinstance(vulns, list):
            raise UnreadableReportError(f"{where}.vulns is not a list")
        for number, vuln in enumerate(vulns):
            at = f"{where}.vulns[{number}]"
            if not isinstance(vuln, dict):
                raise UnreadableReportError(f"{at} is not an object")
            found.append(
                Vulnerability(
                    name,
                    version,
                    _text(vuln.get("id"), f"{at}.id"),
                    _texts(vuln.get("aliases"), f"{at}.aliases"),
                    _texts(vuln.get("fix_versions"), f"{at}.fix_versions"),
                )
            )
    return sorted(found, key=lambda vuln: (vuln.package.lower(), vuln.id))


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")


def render(vulnerabilities: list[Vulnerability], audited: int) -> str:
    """The issue body: what is vulnerable, and the pin that fixes it."""
    if not vulnerabilities:
        return (
            "# Dependency audit\n\n"
            f"No known vulnerability in the {audited} packages pinned in `requirements.lock`.\n"
        )
    packages = sorted({vuln.package for vuln in vulnerabilities}, key=str.lower)
    lines = [
        "# Dependency audit",
        "",
        f"**{len(vulnerabilities)} known "
        f"{'vulnerability' if len(vulnerabilities) == 1 else 'vulnerabilities'} in "
        f"{len(packages)} of the {audited} packages pinned in `requirements.lock`.**",
        "",
        "To fix: raise the pin in `requirements.in` (or add one for a package pulled in "
        "by another) to a version in the last column, run `make lock` and `make test`, "
        "and open a pull request. Where no version is fixed yet, read the advisory: "
        "the site may not use the affected part.",
        "",
        "| package | pinned | advisory | also known as | fixed in |",
        "|---|---|---|---|---|",
    ]
    for vuln in vulnerabilities:
        advisory = f"[{vuln.id}]({ADVISORY_URL.format(id=vuln.id)})"
        lines.append(
            "| "
            + " | ".join(
                _cell(cell)
                for cell in (
                    vuln.package,
                    vuln.version,
                    advisory,
                    ", ".join(vuln.aliases) or "-",
                    ", ".join(vuln.fixed_in) or "no fixed version yet",
                )
            )
            + " |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("json_report", type=Path, help="pip-audit's --format json output")
    parser.add_argument("--report", type=Path, required=True, help="where to write Markdown")
    args = parser.parse_args(argv)
    try:
        report = json.loads(args.json_report.read_text(encoding="utf-8"))
        vulnerabilities = read_vulnerabilities(report)
    except (OSError, json.JSONDecodeError, UnreadableReportError) as error:
        args.report.write_text(
            f"# Dependency audit\n\nThe audit did not run: {error}\n", encoding="utf-8"
        )
        print(f"audit_report: {args.json_report}: {error}", file=sys.stderr)  # noqa: T201
        return AUDIT_FAILED
    args.report.write_text(render(vulnerabilities, len(report["dependencies"])), encoding="utf-8")
    return VULNERABLE if vulnerabilities else NO_VULNERABILITIES


if __name__ == "__main__":
    sys.exit(main())
