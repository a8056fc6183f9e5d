"""Run linkchecker and read its CSV output into one ``Row`` per link found."""

from __future__ import annotations

import csv
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from healthsite.links.settings import Settings

LINKCHECKER = Path(sys.executable).with_name("linkchecker")


@dataclass(frozen=True)
class Row:
    """One link on one page, as linkchecker saw it."""

    link: str  # absolute, as written on the page (before any redirect)
    page: str  # the page it is on; empty for a start URL
    result: str  # e.g. "200 OK", "404 Not Found", "ReadTimeout: ..."
    warnings: str
    valid: bool
    final_url: str  # after redirects


class LinkCheckerError(RuntimeError):
    """linkchecker itself failed (exit code 2), not a link."""


def config_text(settings: Settings, ignore: Iterable[str]) -> str:
    """A linkcheckerrc: our user agent and timeout, the links not to request, and
    the AnchorCheck plugin, which checks ``#anchors`` of links between pages."""
    ignored = "".join(f"\n  {pattern}" for pattern in ignore)
    return (
        "[checking]\n"
        f"timeout={settings.timeout_seconds:g}\n"
        # Only for hosts that opt in with a "LinkChecker" header (our own server,
        # see serve.py); every other host keeps linkchecker's 0.1-0.6 s spacing.
        "maxrequestspersecond=100\n"
        f"useragent={settings.user_agent}\n"
        "[filtering]\n"
        f"ignore={ignored}\n"
        "[AnchorCheck]\n"
    )


def _absolute(urlname: str, resolved: str) -> str:
    return urlname if "://" in urlname else resolved


def parse_csv(text: str) -> list[Row]:
    """linkchecker's ``-o csv`` output: ``;``-separated, ``#`` comment lines."""
    lines = [line for line in text.splitlines(keepends=True) if not line.startswith("#")]
    return [
        Row(
            link=_absolute(record["urlname"], record["url"]),
            page=record["parentname"],
            result=record["result"],
            warnings=record["warningstring"],
            valid=record["valid"] == "True",
            final_url=record["url"],
        )
        for record in csv.DictReader(lines, delimiter=";")
    ]


def run_linkchecker(
    start_urls: list[str],
    settings: Settings,
    *,
    ignore: Iterable[str] = (),
    recursion_level: int = -1,
    check_extern: bool = True,
) -> list[Row]:
    """Crawl from ``start_urls`` and return every link linkchecker logged."""
    with tempfile.TemporaryDirectory() as folder:
        config = Path(folder) / "linkcheckerrc"
        # Run as root, linkchecker drops to user "nobody", who must read it.
        Path(folder).chmod(0o755)
        config.write_text(config_text(settings, ignore))
        config.chmod(0o644)
        command = [
            str(LINKCHECKER),
            "--config",
            str(config),
            "--verbose",  # every link, not only failures: the cache needs the good ones
            "--no-status",
            "--output",
            "csv/utf-8",
            "--recursion-level",
            str(recursion_level),
            *(["--check-extern"] if check_extern else []),
            *start_urls,
        ]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode not in (0, 1):
        raise LinkCheckerError(f"linkchecker failed ({result.returncode}):\n{result.stderr}")
    return parse_csv(result.stdout)
