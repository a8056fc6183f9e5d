"""Create a condition, treatment or guide page with its front matter.

Usage (see CONTRIBUTING.md)::

    make new-page TYPE=condition SLUG=fibromyalgia TITLE="Fibromyalgia" \\
        NAMES="fibromyalgia syndrome, FMS"
    make new-page TYPE=guide SLUG=crps-and-work TITLE="Working with CRPS" \\
        NAMES="CRPS at work"

The page gets every front matter field the build requires and the section
headings STYLE.md asks for, in its section's folder (``docs/conditions/``...),
with the template's instructions to the editor under each heading. The build
refuses the page until those are replaced and it cites its sources;
``make serve`` previews it meanwhile, under a "Draft" banner
(healthsite/checks/unfinished.py).
Nothing else is edited: the build lists the page in its section, the A to Z
and on the home page (healthsite/library/sections.py), not in mkdocs.yml's nav.
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

from healthsite.checks.review import today
from healthsite.checks.unfinished import TEMPLATES_FOLDER
from healthsite.library.sections import SECTION_BY_TYPE
from healthsite.pages.frontmatter import NEEDS_ALTERNATIVE_NAMES, PageType, add_months

# The build reads them too: a page that still holds their words fails it.
TEMPLATES = Path(__file__).resolve().parent.parent / TEMPLATES_FOLDER
SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
# The types that have a page template in scripts/page-templates/.
NEW_PAGE_TYPES = (PageType.condition, PageType.treatment, PageType.guide)
REVIEW_MONTHS_BY_TYPE = {PageType.condition: 12, PageType.treatment: 6, PageType.guide: 12}
DESCRIPTION_BY_TYPE = {
    PageType.condition: (
        "What {title} is, its symptoms and causes, how doctors diagnose and treat it, "
        "and when to get help."
    ),
    PageType.treatment: (
        "What {title} is, how it works, how strong the evidence is, what it involves, "
        "and its side effects."
    ),
    PageType.guide: "{title}: what to know, what you can do, and when to get help.",
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

    @property
    def src_uri(self) -> str:
        return f"{SECTION_BY_TYPE[self.page_type].folder}/{self.slug}.md"


class _ListsIndentedDumper(yaml.SafeDumper):
    """Indents list items under their key, as the existing pages do."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        return super().increase_indent(flow, False)


def front_matter(page: NewPage) -> str:
    reviewed = today()
    fields: dict[str, object] = {
        "title": page.title,
        "description": DESCRIPTION_BY_TYPE[page.page_type].format(title=page.title),
        "page_type": str(page.page_type),
    }
    # A guide may have no other names (the schema needs them only on
    # condition and treatment pages); an empty list is left out.
    if page.names:
        fields["alternative_names"] = page.names
    fields |= {
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


def _parse_request(arguments: argparse.Namespace) -> NewPage:
    if arguments.type not in NEW_PAGE_TYPES:
        known = ", ".join(f"'{page_type}'" for page_type in NEW_PAGE_TYPES)
        raise NewPageError(f"TYPE: '{arguments.type}' is not one of {known}")
    if not SLUG.fullmatch(arguments.slug):
        raise NewPageError(
            f"SLUG: '{arguments.slug}' must be lower-case words joined by hyphens, "
            "e.g. fibromyalgia or spinal-cord-stimulation"
        )
    title = " ".join(arguments.title.split())
    if not title:
        raise NewPageError('TITLE: is missing; give the page title, e.g. TITLE="Fibromyalgia"')
    names = [name.strip() for name in arguments.names.split(",") if name.strip()]
    page_type = PageType(arguments.type)
    if not names and page_type in NEEDS_ALTERNATIVE_NAMES:
        raise NewPageError(
            "NAMES: is missing; list the other names readers search by, separated by commas, "
            'e.g. NAMES="fibromyalgia syndrome, FMS"'
        )
    return NewPage(page_type, arguments.slug, title, names)


def create(page: NewPage, root: Path) -> Path:
    """Write the page; change nothing if it exists already."""
    target = root / "docs" / page.src_uri
    if target.exists():
        raise NewPageError(f"{target.relative_to(root)}: already exists; choose another SLUG")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(page_text(page), encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--type", required=True, help="condition, treatment or guide")
    parser.add_argument("--slug", required=True, help="the file name, e.g. fibromyalgia")
    parser.add_argument("--title", required=True, help="the page title")
    parser.add_argument("--names", default="", help="other names, separated by commas")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the project folder")
    arguments = parser.parse_args(argv)
    try:
        page = _parse_request(arguments)
        created = create(page, arguments.root)
    except (NewPageError, PluginError) as error:
        sys.stderr.write(f"new-page: {error}\n")
        return 2
    related = (
        'Name the pages it belongs with in related_pages (CONTRIBUTING.md, "Related pages").\n'
        if page.page_type == PageType.guide
        else ""
    )
    sys.stdout.write(
        f"Created {created.relative_to(arguments.root)}. The build lists it in its section, "
        "the A to Z and on the home page.\n"
        "Next: write each section (see STYLE.md) in place of the template's instructions, "
        "and cite a source for each fact. Until then the build refuses the page; "
        "`make serve` shows it with a Draft banner listing what is left.\n"
        f"{related}"
        f"It names {DRAFT_REVIEWER} (data/reviewers.yml) as its reviewer and tells readers "
        "no clinician has checked it yet, until one signs it off (CONTRIBUTING.md).\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
