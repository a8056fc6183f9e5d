"""The "Report a problem with this page" link: a link to a GitHub issue form, filled in.

GitHub opens an issue form already filled in from the query of its "new
issue" address: ``template`` picks the form, ``title`` sets the issue title,
and each other parameter fills the form field whose ``id`` it names
(docs.github.com, "Creating an issue from a URL query"). So the link alone
carries the page's title, address and version: no script, no form service,
nothing sent anywhere until the reader chooses to send it on GitHub.

The form is ``.github/ISSUE_TEMPLATE/page-problem.yml``; its field ids are
the keys of ``FIELDS`` below (tests/test_report_problem.py checks both agree).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urlencode

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from healthsite.problems import Problem

ISSUE_FORM = "page-problem.yml"
REPOSITORY_SETTING = "extra.repository"
GITHUB_REPOSITORY = re.compile(r"https://github\.com/[\w.-]+/[\w.-]+")
UNRELEASED = "unreleased build (not published with mike)"
# The ids of page-problem.yml's fields that the link fills: title, address, version.
FIELDS = ("page-title", "page-address", "page-version")
TITLE_PREFIX = "Problem with page: "


def repository(config: MkDocsConfig) -> tuple[str, list[Problem]]:
    """The GitHub repository readers report problems to (``extra.repository``)."""
    value = config.extra.get("repository")
    if isinstance(value, str) and GITHUB_REPOSITORY.fullmatch(value.rstrip("/")):
        return value.rstrip("/"), []
    return "", [
        Problem(
            "mkdocs.yml",
            None,
            REPOSITORY_SETTING,
            f"{value!r} is not a GitHub repository address; expected "
            "https://github.com/OWNER/NAME, where readers' problem reports go",
        )
    ]


def published_version(config: MkDocsConfig) -> str:
    """The version mike is building (``extra.published_version``), or ''."""
    return str(config.extra.get("published_version") or "")


def page_address(page: Page, config: MkDocsConfig) -> str:
    """The page's address in the version the reader is on.

    mike points ``site_url``, and so canonical links, at its canonical
    version (``latest``); a reader of release 1.0 is on ``.../1.0/...``, and
    that page may no longer exist in ``latest``.
    """
    canonical = page.canonical_url or page.url
    version = published_version(config)
    mike = config.plugins.get("mike")
    canonical_version = mike.config.get("canonical_version") if mike else None
    site_url = (config.site_url or "").rstrip("/")
    if not (version and canonical_version and version != canonical_version):
        return canonical
    if not site_url.endswith(f"/{canonical_version}"):
        return canonical
    root = site_url.removesuffix(canonical_version)
    return f"{root}{version}/{page.url}"


def report_url(repository_url: str, page: Page, config: MkDocsConfig) -> str:
    """The "new issue" address of the page-problem form, filled in for this page."""
    # The front matter title, as on the page; page.title may be a short nav label.
    title = str(page.meta.get("title") or page.title or "")
    values = (title, page_address(page, config), published_version(config) or UNRELEASED)
    query = {
        "template": ISSUE_FORM,
        "title": f"{TITLE_PREFIX}{title}",
        **dict(zip(FIELDS, values, strict=True)),
    }
    return f"{repository_url}/issues/new?{urlencode(query)}"


def report_url_filter(repository_url: str, config: MkDocsConfig) -> Callable[[Page], str]:
    """``page | report_problem_url`` in templates."""
    return lambda page: report_url(repository_url, page, config)
