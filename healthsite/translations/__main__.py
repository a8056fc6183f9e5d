"""``make translations``: every page's Spanish status; stamp or start a translation.

Usage, from the project folder::

    python -m healthsite.translations report [--markdown] [--github]
    python -m healthsite.translations stamp docs/PATH.es.md
    python -m healthsite.translations start docs/PATH.md

``report`` exits 1 if a translation has a problem that fails the build; an
out-of-date translation never does. ``--github`` (CI) also writes a
``::warning`` for each out-of-date translation and a list to the run's summary
(``GITHUB_STEP_SUMMARY``).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from healthsite.checks.review import today
from healthsite.translations.editing import StampError, stamped, started
from healthsite.translations.fingerprint import DATA_FILES, DataVersion, fingerprint
from healthsite.translations.report import (
    markdown_table,
    out_of_date,
    summary,
    table,
    warning_commands,
)
from healthsite.translations.status import (
    SPANISH_SUFFIX,
    check_translations,
    english_path,
    spanish_path,
)

SUMMARY_VARIABLE = "GITHUB_STEP_SUMMARY"


class CommandError(ValueError):
    """What the editor asked cannot be done; the message says why."""


def current_fingerprint(root: Path, english: str) -> str:
    """The English page's fingerprint now, from the files in the work tree."""
    data = DataVersion.from_texts(
        {
            name: (root / name).read_text(encoding="utf-8")
            for name in DATA_FILES
            if (root / name).is_file()
        }
    )
    return fingerprint((root / english).read_bytes().decode("utf-8"), data)


def _relative(root: Path, path: str) -> str:
    """A page's path from the project folder (``docs/...``), as given or under docs/."""
    given = Path(path)
    full = given if given.is_absolute() else root / given
    if not full.exists() and not path.startswith("docs/"):
        full = root / "docs" / path
    try:
        return full.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        raise CommandError(f"{path}: is not inside {root}") from None


def stamp(root: Path, path: str) -> str:
    spanish = _relative(root, path)
    if not spanish.endswith(SPANISH_SUFFIX):
        raise CommandError(f"{spanish}: is not a Spanish page; expected docs/PATH{SPANISH_SUFFIX}")
    english = english_path(spanish)
    if not (root / english).is_file():
        raise CommandError(f"{spanish}: has no English page beside it ({english})")
    if not (root / spanish).is_file():
        raise CommandError(f"{spanish}: does not exist; `make new-page TRANSLATE=...` starts it")
    current = current_fingerprint(root, english)
    text = (root / spanish).read_bytes().decode("utf-8")
    (root / spanish).write_bytes(stamped(text, current, today(), spanish).encode("utf-8"))
    return f"{spanish}: stamped as the translation of {english} at fingerprint {current}"


def start(root: Path, path: str) -> str:
    english = _relative(root, path)
    if english.endswith(SPANISH_SUFFIX) or not english.endswith(".md"):
        raise CommandError(f"{english}: is not an English page; expected docs/PATH.md")
    if not (root / english).is_file():
        raise CommandError(f"{english}: does not exist")
    spanish = spanish_path(english)
    if (root / spanish).exists():
        raise CommandError(f"{spanish}: already exists; `make translations` says if it is current")
    text = (root / english).read_bytes().decode("utf-8")
    (root / spanish).write_text(
        started(text, current_fingerprint(root, english), today()), encoding="utf-8"
    )
    return (
        f'{spanish}: started from {english}. Translate it (CONTRIBUTING.md, "Translating a '
        'page"); the build refuses it until the TRADUCIR comment is gone.'
    )


def report(root: Path, *, markdown: bool, github: bool) -> int:
    translations = check_translations(root)
    sys.stdout.write(markdown_table(translations) if markdown else table(translations))
    if translations.no_history:
        sys.stderr.write(f"translations: dates unknown: {translations.no_history}\n")
    if github:
        for command in warning_commands(out_of_date(translations)):
            sys.stdout.write(command + "\n")
        summary_file = os.environ.get(SUMMARY_VARIABLE, "").strip()
        if summary_file:
            with Path(summary_file).open("a", encoding="utf-8") as written:
                written.write(summary(translations))
    for problem in translations.problems:
        sys.stderr.write(f"{problem}\n")
    return 1 if translations.problems else 0


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m healthsite.translations", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the project folder")
    commands = parser.add_subparsers(dest="command", required=True)
    report_command = commands.add_parser("report", help="every page's Spanish status")
    report_command.add_argument("--markdown", action="store_true", help="a Markdown table")
    report_command.add_argument(
        "--github", action="store_true", help="warnings and a run summary (GitHub Actions)"
    )
    stamp_command = commands.add_parser("stamp", help="mark a translation up to date")
    stamp_command.add_argument("path", help="docs/PATH.es.md")
    start_command = commands.add_parser("start", help="start the translation of a page")
    start_command.add_argument("path", help="docs/PATH.md (or PATH.md under docs/)")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = _arguments(argv)
    root: Path = arguments.root
    try:
        if arguments.command == "report":
            return report(root, markdown=arguments.markdown, github=arguments.github)
        done = (
            stamp(root, arguments.path)
            if arguments.command == "stamp"
            else start(root, arguments.path)
        )
    except (CommandError, StampError) as error:
        sys.stderr.write(f"translations: {error}\n")
        return 2
    sys.stdout.write(done + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
