"""Create a condition or treatment page with its front matter, and add it to the nav.

Usage (see CONTRIBUTING.md)::

    make new-page TYPE=condition SLUG=fibromyalgia TITLE="Fibromyalgia" \\
        NAMES="fibromyalgia syndrome, FMS"

The page gets every front matter field the build requires and the section
headings STYLE.md asks for; mkdocs.yml gets one new nav line, written as text
so its comments stay as they are.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from string import Template

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.utils.yaml import yaml_load

from healthsite.checks.frontmatter import PageType, add_months
from healthsite.checks.review import today
from healthsite.checks.sitepages import NAV_SECTION_BY_TYPE

TEMPLATES = Path(__file__).resolve().parent / "page-templates"
SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
FOLDER_BY_TYPE = {PageType.condition: "conditions", PageType.treatment: "treatments"}
REVIEW_MONTHS_BY_TYPE = {PageType.condition: 12, PageType.treatment: 6}
DESCRIPTION_BY_TYPE = {
    PageType.condition: (
        "What {title} is, its symptoms and causes, how doctors diagnose and treat it, "
        "and when to get help."
    ),
    PageType.treatment: (
        "What {title} is, how it works, how strong the evidence is, what it involves, "
        "and its side effects."
    ),
}
# A key of data/reviewers.yml. A new page is the editorial team's draft: it
# shows readers that no clinician has checked it until one signs it off
# (CONTRIBUTING.md, "Sign-off").
DRAFT_REVIEWER = "editorial-team"


class NewPageError(ValueError):
    """Input the command cannot use; the message says what to pass instead."""


@dataclass(frozen=True)
class NewPage:
    """What the editor asked for."""

    page_type: PageType
    slug: str
    title: str
    names: list[str]
    nav_label: str

    @property
    def nav_path(self) -> str:
        return f"{FOLDER_BY_TYPE[self.page_type]}/{self.slug}.md"


class _ListsIndentedDumper(yaml.SafeDumper):
    """Indents list items under their key, as the existing pages do."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        return super().increase_indent(flow, False)


def front_matter(page: NewPage) -> str:
    reviewed = today()
    fields = {
        "title": page.title,
        "description": DESCRIPTION_BY_TYPE[page.page_type].format(title=page.title),
        "page_type": str(page.page_type),
        "alternative_names": page.names,
        "reviewed_by": DRAFT_REVIEWER,
        "last_reviewed": reviewed,
        "next_review": add_months(reviewed, REVIEW_MONTHS_BY_TYPE[page.page_type]),
    }
    dumped = yaml.dump(
        fields, Dumper=_ListsIndentedDumper, sort_keys=False, allow_unicode=True, width=1000
    )
    return f"---\n{dumped}---\n"


def page_text(page: NewPage) -> str:
    body = Template((TEMPLATES / f"{page.page_type}.md").read_text(encoding="utf-8"))
    return f"{front_matter(page)}\n{body.substitute(title=page.title)}"


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _section_line(lines: list[str], section: str) -> int:
    nav_start = next((i for i, line in enumerate(lines) if line.rstrip() == "nav:"), None)
    if nav_start is None:
        raise NewPageError("mkdocs.yml: nav: there is no 'nav:' section to add the page to")
    heading = re.compile(rf"\s*- {re.escape(section)}:\s*(#.*)?")
    for index in range(nav_start + 1, len(lines)):
        line = lines[index]
        if line.strip() and not line.startswith((" ", "#")):
            break
        if heading.fullmatch(line):
            return index
    raise NewPageError(f"mkdocs.yml: nav: there is no '{section}:' section; add it first")


def add_to_nav(config_text: str, section: str, label: str, path: str) -> str:
    """``config_text`` with ``- label: path`` added, in title order, to ``section``."""
    lines = config_text.splitlines(keepends=True)
    section_at = _section_line(lines, section)
    section_indent = _indent(lines[section_at])
    items: list[int] = []
    for index in range(section_at + 1, len(lines)):
        line = lines[index]
        if line.strip() and not line.lstrip().startswith("#"):
            if _indent(line) <= section_indent:
                break
            if line.lstrip().startswith("- "):
                items.append(index)
    if not items:
        raise NewPageError(f"mkdocs.yml: nav.{section}: has no pages to add the page beside")
    child_indent = " " * _indent(lines[items[0]])
    items = [i for i in items if _indent(lines[i]) == len(child_indent)]
    entry = yaml.safe_dump([{label: path}], allow_unicode=True, width=1000).strip()
    later = [i for i in items if lines[i].lstrip()[2:].casefold() > entry[2:].casefold()]
    insert_at = later[0] if later else items[-1] + 1
    lines.insert(insert_at, f"{child_indent}{entry}\n")
    return "".join(lines)


def _nav_paths(items: object) -> list[str]:
    if isinstance(items, str):
        return [items]
    if isinstance(items, list):
        return [path for item in items for path in _nav_paths(item)]
    if isinstance(items, dict):
        return [path for value in items.values() for path in _nav_paths(value)]
    return []


def _parse_request(arguments: argparse.Namespace) -> NewPage:
    if arguments.type not in FOLDER_BY_TYPE:
        raise NewPageError(f"TYPE: '{arguments.type}' is not 'condition' or 'treatment'")
    if not SLUG.fullmatch(arguments.slug):
        raise NewPageError(
            f"SLUG: '{arguments.slug}' must be lower-case words joined by hyphens, "
            "e.g. fibromyalgia or spinal-cord-stimulation"
        )
    title = " ".join(arguments.title.split())
    if not title:
        raise NewPageError('TITLE: is missing; give the page title, e.g. TITLE="Fibromyalgia"')
    names = [name.strip() for name in arguments.names.split(",") if name.strip()]
    if not names:
        raise NewPageError(
            "NAMES: is missing; list the other names readers search by, separated by commas, "
            'e.g. NAMES="fibromyalgia syndrome, FMS"'
        )
    page_type = PageType(arguments.type)
    return NewPage(page_type, arguments.slug, title, names, arguments.nav_label or title)


def create(page: NewPage, root: Path) -> Path:
    """Write the page and the nav line; change nothing if either cannot be done."""
    target = root / "docs" / page.nav_path
    if target.exists():
        raise NewPageError(f"{target.relative_to(root)}: already exists; choose another SLUG")
    config_file = root / "mkdocs.yml"
    old_config = config_file.read_text(encoding="utf-8")
    new_config = add_to_nav(
        old_config, NAV_SECTION_BY_TYPE[page.page_type], page.nav_label, page.nav_path
    )
    if page.nav_path not in _nav_paths(yaml_load(new_config).get("nav")):
        raise NewPageError("mkdocs.yml: nav: the new line did not parse; add the page by hand")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(page_text(page), encoding="utf-8")
    config_file.write_text(new_config, encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--type", required=True, help="condition or treatment")
    parser.add_argument("--slug", required=True, help="the file name, e.g. fibromyalgia")
    parser.add_argument("--title", required=True, help="the page title")
    parser.add_argument("--names", default="", help="other names, separated by commas")
    parser.add_argument("--nav-label", default="", help="a shorter title for the menu")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the project folder")
    arguments = parser.parse_args(argv)
    try:
        page = _parse_request(arguments)
        created = create(page, arguments.root)
    except (NewPageError, PluginError) as error:
        sys.stderr.write(f"new-page: {error}\n")
        return 2
    sys.stdout.write(
        f"Created {created.relative_to(arguments.root)} and added it to the nav in mkdocs.yml.\n"
        "Next: write each section (see STYLE.md), then run `make serve` to preview it.\n"
        f"It names {DRAFT_REVIEWER} (data/reviewers.yml) as its reviewer and tells readers "
        "no clinician has checked it yet, until one signs it off (CONTRIBUTING.md).\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
