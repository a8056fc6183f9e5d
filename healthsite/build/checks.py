"""Every check the build runs on editors' pages, and the event each runs at.

One way to write a check: a function from the state it reads to the
problems it finds, ``path:line: field: message`` each (healthsite/problems.py).

- A page check, ``PageCheck``, reads one page's state (healthsite/build/state.py:
  its file, front matter, what its macros recorded while it was rendered, its
  HTML) and returns that page's problems.
- A site check, ``SiteCheck``, reads the build's state once every page's
  front matter is read (``on_nav``) and returns problems across pages.

To add one: write the function (in the room of what it checks), then put it
in the list below for the event whose state it needs. Its problems are
reported in the order of the list, with the rest of the build's, and fail
the build. Where a check turns pydantic's errors into problems, use
``healthsite.validation.problems_from`` so every field is named alike.

What the build checks before anything else, the data files themselves, is
read and checked where each file is loaded (``on_config``,
healthsite/build/setup.py; the files are declared in
healthsite/content/datafiles.py): a data file with a mistake stops the build
before any page is read.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from healthsite.build.state import BuildState, PageState
from healthsite.checks.components import check_components
from healthsite.checks.readability import EXEMPT_PAGES, check_page
from healthsite.checks.spanish_readability import check_spanish_page
from healthsite.checks.unfinished import unfinished_problems
from healthsite.content.reviewers import check_reviewers, translation_problems
from healthsite.library.related import typed_related_heading
from healthsite.pages.language import DEFAULT_LANGUAGE, SPANISH, translation_language
from healthsite.problems import Problem
from healthsite.translations.editing import untranslated_line

State = TypeVar("State", BuildState, PageState)
Check = Callable[[State], list[Problem]]
PageCheck = Callable[[PageState], list[Problem]]
SiteCheck = Callable[[BuildState], list[Problem]]


def run(checks: Sequence[Check[State]], state: State) -> list[Problem]:
    """Every problem the checks find, in the order they are listed."""
    return [problem for check in checks for problem in check(state)]


# --- site checks (on_nav): every page's front matter is read ---------------


def front_matter(build: BuildState) -> list[Problem]:
    """Each page's front matter; names shared by two pages; pages missing from
    the navigation; sections; reviews overdue (healthsite/checks/sitepages.py)."""
    return build.pages.problems


def reviewers(build: BuildState) -> list[Problem]:
    """Every page's reviewers are in data/reviewers.yml (checked once, in English)."""
    if build.language != DEFAULT_LANGUAGE:
        return []
    pages = list(build.pages.front_matter.values())
    return check_reviewers(build.files, pages, build.reviewers, build.docs_dir_name)


def translators(build: BuildState) -> list[Problem]:
    """A translation's ``translated_by`` is someone in data/reviewers.yml."""
    return translation_problems(list(build.pages.front_matter.values()), build.reviewers)


def translation_drift(build: BuildState) -> list[Problem]:
    """Each translation against its English page (healthsite/translations/):
    checked by the first build, reported by the last, with the Spanish pages'
    other problems, which a failed English build would never reach."""
    if not build.last_language:
        return []
    return build.translations.problems(drafts_allowed=build.serving)


def relations(build: BuildState) -> list[Problem]:
    """Pages' ``related_pages`` and ``possible_treatments`` (healthsite/library/relations.py)."""
    return build.the_library.relations.problems


def findings(build: BuildState) -> list[Problem]:
    """Every page's ``findings:`` against the sources and statistics; keeps those
    that are right for the ``findings()`` macro."""
    return build.findings.load(build.pages.front_matter.values())


SITE_CHECKS: tuple[SiteCheck, ...] = (
    front_matter,
    reviewers,
    translators,
    translation_drift,
    relations,
    findings,
)


# --- page checks before macros (on_page_markdown, priority 60) --------------


def templates(page: PageState) -> list[Problem]:
    """Template code the sandbox would refuse (healthsite/checks/sandbox.py);
    a page with such a problem is not rendered."""
    checker = page.build.template_checker
    if page.source is None or checker is None:
        raise RuntimeError("the template check ran before its page was read")
    return checker.check(page.source)


BEFORE_RENDERING: tuple[PageCheck, ...] = (templates,)


# --- page checks once macros rendered the page (on_page_markdown, -50) ------


def library_macro_calls(page: PageState) -> list[Problem]:
    """``page_list()`` given a page type with no section (healthsite/library/macros.py)."""
    return page.library.problems


def related_pages_heading(page: PageState) -> list[Problem]:
    """A "Related pages" heading typed in the page, which the build writes."""
    return typed_related_heading(page.rendered, page.shown_as, page.file_text)


def findings_shown(page: PageState) -> list[Problem]:
    """Findings listed but not shown with ``findings()``, or shown but none listed."""
    return page.build.findings.problems(page.findings, rendered=not page.template_failed)


def cited_keys(page: PageState) -> list[Problem]:
    """``cite()`` and ``stat()`` keys that are not in the data files."""
    return page.build.citations.unknown_keys(page.citations)


def wording(page: PageState) -> list[Problem]:
    """A translated page used a data entry with no words in its language."""
    return page.wording.problems()


RENDERED: tuple[PageCheck, ...] = (
    library_macro_calls,
    related_pages_heading,
    findings_shown,
    cited_keys,
    wording,
)


# --- page checks on the HTML (on_page_content) ------------------------------


def components(page: PageState) -> list[Problem]:
    """Care cards and key points (healthsite/checks/components.py)."""
    return check_components(page.shown_as, page.file_text, page.front, page.build.warning_signs)


def listings_placed(page: PageState) -> list[Problem]:
    """A long listing's macro call on a line of its own, where its listing can go."""
    return page.build.library_macros.unplaced_listings(page.library)


def readability(page: PageState) -> list[Problem]:
    """Each language's formulas score its own pages (an English page shown
    untranslated in the Spanish site was scored in the English build)."""
    if page.key in EXEMPT_PAGES or page.template_failed:
        return []
    session = page.build.session
    # Scores are kept by the page's HTML only under `mkdocs serve`, where a
    # rebuild meets a page's HTML again; a build never does, and the digest of
    # every page's HTML was 0.09 ms a page for nothing.
    serving = page.build.serving
    if page.build.language == DEFAULT_LANGUAGE:
        english = session.english_scores if serving else None
        lines = page.front.lines if page.front is not None else {}
        return check_page(page.html, page.shown_as, page.meta, page.file_text, lines, english)[1]
    if (
        translation_language(page.src_uri) == SPANISH
        # A translation just started holds English still (healthsite/translations/).
        and untranslated_line(page.file_text) is None
    ):
        spanish = session.spanish_scores if serving else None
        return check_spanish_page(page.html, page.shown_as, page.file_text, spanish)[1]
    return []


HTML: tuple[PageCheck, ...] = (components, listings_placed, readability)


def unfinished(page: PageState) -> list[Problem]:
    """Template words left in the page, or a library page citing nothing."""
    page_type = page.front.text_field("page_type") if page.front else None
    return unfinished_problems(page.build.template_words, page.shown_as, page.file_text, page_type)


# Checked last on the HTML: `mkdocs build` refuses the page; `mkdocs serve`
# shows it with a "Draft" banner listing the problems, so an editor can
# preview a page as they write it.
DRAFTS: tuple[PageCheck, ...] = (unfinished,)
