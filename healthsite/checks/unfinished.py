"""Unfinished pages: a page template's words left in a page, or a library page citing nothing.

``make new-page`` writes a page from a template in ``scripts/page-templates/``
whose sentences tell the editor what to write ("List the main symptoms.").
Such a page used to pass the strict build, and so could a condition,
treatment or guide page without a single citation. Both are now problems
with their file and line.

Why not a front-matter ``status: draft``, or MkDocs 1.6's ``draft_docs``?
``draft_docs`` matches file paths in mkdocs.yml and leaves a draft out of
``mkdocs build`` without a word: a page with template words under any other
path would still be published, and nothing would fail. A status field is one
more thing for an editor to remember to remove, and says nothing about what
is missing. What makes a page unfinished is its text, so the build reads the
text: ``mkdocs build`` (CI, previews of pull requests, releases) fails on it,
while ``mkdocs serve`` builds the page with a "Draft" banner that lists the
same problems, so an editor previews the page as they write it (hooks.py).

The template sentences are read from the templates themselves, so a template
edit needs no second list. Every sentence of a template's text is an
instruction to the editor, except its suggested questions (lines ending in
"?", under "Questions to ask your doctor") and its macro calls (``{{ ... }}``),
which a page may keep as they are. Headings are kept by design, and
``$title`` stands for any title.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from healthsite.pages.frontmatter import PageType
from healthsite.problems import Problem
from healthsite.textlines import first_line, line_at

# Where `make new-page` finds its templates (scripts/new_page.py), relative to the project.
TEMPLATES_FOLDER = "scripts/page-templates"
# Library pages state clinical facts, and each needs its source.
MUST_CITE = frozenset({PageType.condition, PageType.treatment, PageType.guide})
# The macros (hooks.py) that cite a source for what the page itself says. A
# page's references may also hold sources that shared content cites for it,
# so the page's own text is read, not its references list.
CITING_MACROS = ("cite", "stat", "stat_value", "findings")
_CITING_CALL = re.compile(r"\{\{[^}]*?\b(?:" + "|".join(CITING_MACROS) + r")\s*\(")
DRAFT_CLASS = "hs-draft"

_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+")
_MACRO = re.compile(r"\{\{|\{%")
_SENTENCE_END = re.compile(r"(?<=[.!])\s+")
# A sentence this short could be anyone's words ("Rest."); templates have none.
_FEWEST_WORDS = 3


def sentence_pattern(sentence: str) -> str:
    """A regex for a template sentence in a page: any title for ``$title``,
    any spaces and line breaks between words (case is ignored by the caller)."""
    parts = [
        r".+?" if word == "$title" else re.escape(word)
        for word in re.split(r"(\$title)|\s+", sentence)
        if word
    ]
    return r"\s+".join(parts)


def _flat(text: str) -> str:
    """Words separated by single spaces, case folded: how sentences are compared."""
    return " ".join(text.split()).casefold()


def _longest_literal(sentence: str) -> str:
    """The longest part of a sentence without ``$title``, flattened."""
    return max((_flat(part) for part in sentence.split("$title")), key=len)


def _text_blocks(template_text: str) -> list[str]:
    """A template's paragraphs and list items, each as one line of text;
    headings, admonition lines, suggested questions and blocks with a macro
    call or template code (a page keeps those as they are) left out."""
    blocks: list[str] = []
    current: list[str] = []
    for line in [*template_text.splitlines(), ""]:
        stripped = line.strip()
        starts_item = bool(_LIST_ITEM.match(line))
        if not stripped or stripped.startswith(("#", "!!!")) or starts_item:
            if current:
                blocks.append(" ".join(current))
            current = []
        if starts_item:
            current = [_LIST_ITEM.sub("", line).strip()]
        elif stripped and not stripped.startswith(("#", "!!!")):
            current.append(stripped)
    return [block for block in blocks if not block.endswith("?") and not _MACRO.search(block)]


def template_sentences(template_text: str) -> list[str]:
    """Each instruction sentence of one template (see the module's docstring)."""
    return [
        sentence
        for block in _text_blocks(template_text)
        for sentence in _SENTENCE_END.split(block)
        if len(sentence.split()) >= _FEWEST_WORDS
    ]


class TemplateWords:
    """Finds the sentences of every page template in a page's text."""

    def __init__(self, sentences: list[str]) -> None:
        self.sentences = list(dict.fromkeys(sentences))  # in order, each once
        # Most pages hold none of them: a plain substring test of each
        # sentence's longest run of words, on the page's text flattened once,
        # rules a sentence out before its regex runs. On the CRPS page (9 KB)
        # that takes 0.5 ms; one regex of all 34 sentences took 8 ms, 8 s of
        # a 1,000-page build.
        self._finders = [
            (_longest_literal(sentence), re.compile(sentence_pattern(sentence), re.IGNORECASE))
            for sentence in self.sentences
        ]

    @classmethod
    def load(cls, project_dir: Path) -> tuple[TemplateWords, list[Problem]]:
        folder = project_dir / TEMPLATES_FOLDER
        templates = sorted(folder.glob("*.md"))
        if not templates:
            return cls([]), [
                Problem(
                    TEMPLATES_FOLDER,
                    None,
                    "page templates",
                    "holds no page template (*.md); expected the templates `make new-page` "
                    "writes pages from: the build checks that no page still holds their words",
                )
            ]
        sentences = [
            sentence
            for path in templates
            for sentence in template_sentences(path.read_text(encoding="utf-8"))
        ]
        return cls(sentences), []

    def problems(self, shown_as: str, file_text: str) -> list[Problem]:
        """One problem for each template sentence left in the page, on its line."""
        flat = _flat(file_text)
        matches = sorted(
            (match.start(), match.group())
            for literal, finder in self._finders
            if literal in flat
            for match in finder.finditer(file_text)
        )
        found = []
        for start, text in matches:
            line = line_at(file_text, start)
            found.append(
                Problem(
                    shown_as,
                    line,
                    "template text",
                    f"'{' '.join(text.split())}' is an instruction of the page "
                    f"templates ({TEMPLATES_FOLDER}/), not text for readers; expected your "
                    "own words in its place",
                )
            )
        return found


def title_line(file_text: str) -> int:
    """The line of the page's title heading (``# ...``), or 1."""
    return first_line(file_text, lambda line: line.startswith("# ")) or 1


def uncited_problem(shown_as: str, page_type: str | None, file_text: str) -> Problem:
    """A condition, treatment or guide page whose text cites no source, on its title's line."""
    return Problem(
        shown_as,
        title_line(file_text),
        "cite",
        f"this {page_type} page cites no source; expected a citation for each fact and "
        "figure, e.g. {{ cite('harden2010') }} after its sentence, with a key of "
        "data/sources.yml",
    )


def draft_banner(problems: list[Problem]) -> str:
    """What ``mkdocs serve`` shows above an unfinished page: the build's own messages."""
    items = "".join(f"<li>{html.escape(str(problem))}</li>" for problem in problems)
    return (
        f'<div class="admonition warning {DRAFT_CLASS}" role="note">'
        '<p class="admonition-title">Draft: not ready for readers</p>'
        "<p>This preview shows the page as you write it. The site build refuses it "
        "until these are fixed:</p>"
        f"<ul>{items}</ul></div>\n"
    )


def unfinished_problems(
    words: TemplateWords, shown_as: str, file_text: str, page_type: str | None
) -> list[Problem]:
    """What makes a page unfinished: template words left in it, and for a
    library page, no citing macro in its text. In the order of their lines."""
    problems = words.problems(shown_as, file_text)
    if page_type in MUST_CITE and not _CITING_CALL.search(file_text):
        problems.append(uncited_problem(shown_as, page_type, file_text))
    return sorted(problems, key=lambda problem: problem.line or 0)
