"""Checks of the page components editors write: care cards and key points.

The checks read the page's file as the editor wrote it, so every problem
names the file's own line: the ``!!!`` line of a box, the bullet that is one
too many, the "When to get help" heading. (The rendered HTML has no line
numbers.) They follow the rules Python-Markdown applies: a box's body is the
lines indented four spaces more than its ``!!!`` line; fenced code is not
read.

- A box's type is a care card (``non-urgent``, ``urgent``, ``emergency``),
  ``key-points``, or one of the few other boxes the site allows.
- A care card lists its warning signs by key, ``{{ signs('key', ...) }}``,
  each defined once in ``data/warning_signs.yml`` with its level: a sign of
  another level, an unknown key, or a bullet typed by hand is refused, so a
  sign has one level on every page. At most 5 signs a card (the NHS's rule).
- A key points box, if present, holds 3 to 5 bullet points; one per page.
- Every condition page has a "When to get help" section with at least one
  urgent and one emergency card.
- A treatment page's sections (its ``##`` headings) are the treatment
  sections, each once, in their order; "When to get help" may be left out,
  and if written it holds an urgent and an emergency card, as on a condition
  page. The build writes "References" itself, from the page's citations.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from markdown.extensions.toc import slugify

from healthsite.content.datafiles import BY_NAME
from healthsite.content.warning_signs import WarningSigns, did_you_mean
from healthsite.html.components import (
    CARD_BY_TYPE,
    COMPONENT_TYPES,
    KEY_POINTS,
    OTHER_ADMONITIONS,
)
from healthsite.pages.frontmatter import FrontMatter, PageType
from healthsite.problems import Problem

MAX_CARD_BULLETS = 5
KEY_POINTS_BULLETS = range(3, 6)
WHEN_TO_GET_HELP = "When to get help"
# The sections of every treatment page, in order (issue 11; STYLE.md, "Page
# structure"); the last is left out by treatments with no warning signs.
TREATMENT_SECTIONS = (
    "What it is",
    "Who it may help",
    "What the research shows",
    "What it involves",
    "Side effects and risks",
    "Questions to ask your doctor",
    WHEN_TO_GET_HELP,
)
OPTIONAL_TREATMENT_SECTIONS = (WHEN_TO_GET_HELP,)
REFERENCES = "References"
TREATMENT_ORDER = (
    "expected the treatment sections in this order: "
    + ", ".join(TREATMENT_SECTIONS[:-1])
    + f", then '{WHEN_TO_GET_HELP}' if the treatment has warning signs "
    "(STYLE.md, 'Page structure')"
)
NEEDED_CARDS = ("urgent", "emergency")
ALLOWED_TYPES = (*COMPONENT_TYPES, *OTHER_ADMONITIONS)
EXPECTED_TYPES = (
    f"{', '.join(CARD_BY_TYPE)} (care cards), {KEY_POINTS}, or {', '.join(OTHER_ADMONITIONS)}"
)

# Python-Markdown's admonition pattern, and pymdownx.details' collapsible form.
BOX = re.compile(
    r'(?P<marker>!!!|\?\?\?\+?) ?(?P<types>[\w\-]+(?: +[\w\-]+)*)(?: +"(?P<title>.*?)")? *$'
)
MARKER = re.compile(r"(?P<indent>[ \t]*)(?P<start>!!!|\?\?\?)")
FENCE = re.compile(r"[ \t]*(?P<fence>`{3,}|~{3,})")
HEADING = re.compile(
    r"(?P<hashes>#{1,6})[ \t]+(?P<text>.*?)[ \t]*(?:\{(?P<attrs>[^}]*)\})?[ \t]*#*[ \t]*$"
)
# An id set by hand in a heading's attribute list: `## Síntomas {#symptoms}`.
HEADING_ID = re.compile(r"(?:^|\s)#(?P<id>[\w-]+)")
BULLET = re.compile(r"(?:[-*+]|\d+[.)])(?:[ \t]|$)")
# The signs() macro as a care card calls it (its arguments may run over lines).
SIGNS_CALL_START = re.compile(r"\{\{-?\s*signs\s*\(")
SIGNS_CALL = re.compile(r"\{\{-?\s*signs\s*\((?P<args>[^(){}]*)\)\s*-?\}\}")
QUOTED_KEY = re.compile(r"'(?P<single>[^'\\\n]*)'|\"(?P<double>[^\"\\\n]*)\"")
ONLY_QUOTED_KEYS = re.compile(r"\s*(?:(?:'[^'\\\n]*'|\"[^\"\\\n]*\")\s*(?:,\s*|$))*")
WARNING_SIGNS_FILE = BY_NAME["warning_signs"].path
# A line past the end of any page: where the last section ends.
PAST_THE_END = 1 << 30


@dataclass
class Box:
    """One admonition as written: where it starts, the lines of its bullets,
    and every line of its own body (number and text)."""

    line: int
    marker: str
    type: str
    indent: int
    bullets: list[int] = field(default_factory=list)
    body: list[tuple[int, str]] = field(default_factory=list)


@dataclass(frozen=True)
class Heading:
    line: int
    level: int
    text: str
    # The id the page's HTML gives it: set by hand, or made from the English
    # words. Sections are known by id, so a translation that keeps the
    # English id (`## Cuándo buscar ayuda {#when-to-get-help}`) is the same
    # section in any language.
    id: str


@dataclass
class PageOutline:
    """The boxes and headings of a page, and the lines that are not valid boxes."""

    boxes: list[Box] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    bad_markers: list[int] = field(default_factory=list)
    # Lines outside any box that call the signs() macro.
    loose_signs: list[int] = field(default_factory=list)


def _width(indent: str) -> int:
    return len(indent.expandtabs(4))


def _body_start(lines: list[str]) -> int:
    """Index of the first line after the front matter (0 when there is none)."""
    if lines and lines[0].strip() == "---":
        for index in range(1, len(lines)):
            if lines[index].strip() in ("---", "..."):
                return index + 1
    return 0


def outline(text: str) -> PageOutline:
    """Find the boxes and headings of a page's file (lines counted from 1)."""
    lines = text.splitlines()
    found = PageOutline()
    fence: str | None = None
    open_boxes: list[Box] = []
    for index in range(_body_start(lines), len(lines)):
        line, number = lines[index], index + 1
        fence_match = FENCE.match(line)
        if fence is not None:
            if fence_match and fence_match.group("fence").startswith(fence):
                fence = None
            continue
        if fence_match:
            fence = fence_match.group("fence")
            continue
        if not line.strip():
            continue
        indent = _width(line[: len(line) - len(line.lstrip())])
        # A box ends at the first line that is not indented under it.
        while open_boxes and indent < open_boxes[-1].indent + 4:
            open_boxes.pop()
        stripped = line.strip()
        if MARKER.match(line):
            box = BOX.match(stripped)
            if box is None:
                found.bad_markers.append(number)
                continue
            admonition = Box(number, box.group("marker"), box.group("types").split()[0], indent)
            found.boxes.append(admonition)
            open_boxes.append(admonition)
            continue
        if open_boxes:
            innermost = open_boxes[-1]
            innermost.body.append((number, line))
            body_indent = innermost.indent + 4
            if body_indent <= indent < body_indent + 4 and BULLET.match(stripped):
                innermost.bullets.append(number)
            continue
        if SIGNS_CALL_START.search(line):
            found.loose_signs.append(number)
        heading = HEADING.match(line)
        if heading:
            text = heading.group("text").strip()
            found.headings.append(
                Heading(number, len(heading.group("hashes")), text, _heading_id(text, heading))
            )
    return found


def _type_problem(shown_as: str, box: Box) -> Problem | None:
    if box.type not in ALLOWED_TYPES:
        close = difflib.get_close_matches(box.type, ALLOWED_TYPES, n=1, cutoff=0.6)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        return Problem(
            shown_as,
            box.line,
            "admonition",
            f"'{box.type}' is not a box type of this site; expected {EXPECTED_TYPES}{hint}",
        )
    if box.type in COMPONENT_TYPES and box.marker != "!!!":
        return Problem(
            shown_as,
            box.line,
            "admonition",
            f"'{box.marker} {box.type}' folds the box away, where readers can miss it; "
            f"expected '!!! {box.type}', always open",
        )
    return None


def _length_problem(shown_as: str, box: Box) -> Problem | None:
    count = len(box.bullets)
    if box.type == KEY_POINTS and count not in KEY_POINTS_BULLETS:
        return Problem(
            shown_as,
            box.line,
            "key points",
            f"the key points box has {count} bullet points; expected 3 to 5",
        )
    return None


@dataclass(frozen=True)
class ListedSign:
    """A warning sign's key as a care card lists it, and the line it is on."""

    key: str
    line: int


@dataclass
class CardSigns:
    """What one box's ``signs()`` calls list, and the lines of calls that are not plain."""

    signs: list[ListedSign] = field(default_factory=list)
    unreadable_calls: list[int] = field(default_factory=list)


def listed_signs(box: Box) -> CardSigns:
    """The keys a box's ``signs()`` calls list, each with its own line."""
    numbers = [number for number, _ in box.body]
    text = "\n".join(line for _, line in box.body)
    found = CardSigns()
    for call in SIGNS_CALL.finditer(text):
        args = call.group("args")
        if not ONLY_QUOTED_KEYS.fullmatch(args):
            found.unreadable_calls.append(numbers[text.count("\n", 0, call.start())])
            continue
        for key in QUOTED_KEY.finditer(args):
            offset = call.start("args") + key.start()
            line = numbers[text.count("\n", 0, offset)]
            found.signs.append(ListedSign(key.group("single") or key.group("double") or "", line))
    return found


def _a(word: str) -> str:
    return f"an {word}" if word[:1] in "aeiou" else f"a {word}"


@dataclass(frozen=True)
class SignCheck:
    """What the care card checks need to know of the site's warning signs."""

    signs: WarningSigns | None
    shown_as: str

    def example(self, level: str) -> str:
        keys = [k for k, s in self.signs.signs.items() if s.level == level] if self.signs else []
        return f"{{{{ signs('{keys[0] if keys else 'sign_key'}') }}}}"


def _sign_problems(shown_as: str, box: Box, check: SignCheck) -> list[Problem]:
    """A care card lists its signs by key, each of its own level, at most 5;
    no bullet is typed by hand."""
    data_file = check.shown_as
    found = listed_signs(box)
    problems = [
        Problem(
            shown_as,
            line,
            "care card",
            f"this bullet is typed by hand in the {box.type} card; expected the card's "
            f"warning signs listed by key, e.g. {check.example(box.type)}, each written "
            f"once in {data_file} with its level and source (STYLE.md, 'When to get help')",
        )
        for line in box.bullets
    ]
    problems += [
        Problem(
            shown_as,
            line,
            "care card",
            "signs() holds something other than keys in quotes; expected only the keys of "
            f"warning signs in {data_file}, in quotes, separated by commas, e.g. "
            f"{check.example(box.type)}",
        )
        for line in found.unreadable_calls
    ]
    if found.signs and box.indent:
        problems.append(
            Problem(
                shown_as,
                box.line,
                "care card",
                f"this {box.type} card is indented inside another block; expected a care "
                "card that lists warning signs to start its '!!!' line at the left margin",
            )
        )
    for listed in found.signs:
        problem = _sign_level_problem(shown_as, box, listed, check)
        if problem:
            problems.append(problem)
    if len(found.signs) > MAX_CARD_BULLETS:
        problems.append(
            Problem(
                shown_as,
                box.line,
                "care card",
                f"this {box.type} card lists {len(found.signs)} warning signs (one too many "
                f"from line {found.signs[MAX_CARD_BULLETS].line}); expected at most "
                f"{MAX_CARD_BULLETS}: keep the signs readers most need, or split the card",
            )
        )
    if not found.signs and not box.bullets and not found.unreadable_calls:
        problems.append(
            Problem(
                shown_as,
                box.line,
                "care card",
                f"this {box.type} card lists no warning signs; expected "
                f"{check.example(box.type)} with the keys of {box.type} signs in {data_file}",
            )
        )
    return problems


def _sign_level_problem(
    shown_as: str, box: Box, listed: ListedSign, check: SignCheck
) -> Problem | None:
    """An unknown key (with the closest one), or a sign of another level than its card."""
    if check.signs is None:
        return None
    data_file = check.shown_as
    level = check.signs.level_of(listed.key)
    if level is None:
        hint = did_you_mean(listed.key, check.signs.signs)
        return Problem(
            shown_as,
            listed.line,
            "care card",
            f"'{listed.key}' is not a warning sign in {data_file}{hint}; expected a key of "
            f"{data_file}, or add the sign there with its text, level and source",
        )
    if level != box.type:
        return Problem(
            shown_as,
            listed.line,
            "care card",
            f"'{listed.key}' is {_a(str(level))} sign in {data_file}, listed here in "
            f"{_a(box.type)} card; expected it in the '!!! {level}' card (a sign has one "
            f"level on every page: to change it, change its level and source in {data_file})",
        )
    return None


def _misplaced_signs(shown_as: str, found: PageOutline) -> list[Problem]:
    """signs() calls outside any care card."""
    lines = list(found.loose_signs)
    lines += [
        line
        for box in found.boxes
        if box.type not in CARD_BY_TYPE
        for line, text in box.body
        if SIGNS_CALL_START.search(text)
    ]
    return [
        Problem(
            shown_as,
            line,
            "care card",
            "signs() lists warning signs outside a care card; expected it inside a "
            f"'!!! {' or !!! '.join(CARD_BY_TYPE)}' card, four spaces in",
        )
        for line in sorted(lines)
    ]


def _section_end(headings: list[Heading], start: Heading) -> int:
    """The line of the next heading at the same level or above, or past the end."""
    later = [h.line for h in headings if h.line > start.line and h.level <= start.level]
    return later[0] if later else PAST_THE_END


def _heading_id(text: str, heading: re.Match[str]) -> str:
    """The id Python-Markdown gives a heading: the one written, or its words' slug."""
    written = HEADING_ID.search(heading.group("attrs") or "")
    return written.group("id") if written else _slug(text)


def _slug(text: str) -> str:
    """A heading's id as the toc extension makes it from its words."""
    return slugify(text, "-")


def _when_to_get_help(
    shown_as: str, found: PageOutline, page_type_line: int | None
) -> list[Problem]:
    """A condition page's "When to get help" section and its cards."""
    wanted = _slug(WHEN_TO_GET_HELP)
    section = next((h for h in found.headings if h.id == wanted), None)
    if section is None:
        return [
            Problem(
                shown_as,
                page_type_line,
                "care card",
                f"this condition page has no '{WHEN_TO_GET_HELP}' section; expected "
                f"'## {WHEN_TO_GET_HELP}' with at least an urgent and an emergency card "
                "(STYLE.md, 'When to get help')",
            )
        ]
    return _needed_cards(shown_as, found, section)


def _needed_cards(shown_as: str, found: PageOutline, section: Heading) -> list[Problem]:
    """The urgent and emergency cards a "When to get help" section must hold."""
    end = _section_end(found.headings, section)
    # No box starts on a heading's line: `<` or `<=` is the same (make mutation).
    # pragma: no mutate start
    present = {box.type for box in found.boxes if section.line < box.line < end}
    # pragma: no mutate end
    missing = [card for card in NEEDED_CARDS if card not in present]
    if not missing:
        return []
    cards = " and ".join(f"'!!! {card}'" for card in missing)
    return [
        Problem(
            shown_as,
            section.line,
            "care card",
            f"the '{WHEN_TO_GET_HELP}' section has no {' and no '.join(missing)} card; "
            f"expected {cards} in it (STYLE.md, 'When to get help')",
        )
    ]


def _kept_in_order(ranks: list[int]) -> set[int]:
    """Indexes of the longest run of ``ranks`` already in increasing order,
    the earliest such run when there are several: the headings a reader meets
    in the right order. The rest are the ones out of place. (A page has a
    handful of headings, so the quadratic way is plenty.)"""
    longest_from = [1] * len(ranks)
    for i in reversed(range(len(ranks))):
        longest_from[i] = 1 + max(
            (longest_from[j] for j in range(i + 1, len(ranks)) if ranks[j] > ranks[i]),
            default=0,
        )
    kept: set[int] = set()
    need, last = max(longest_from, default=0), -1
    for i, rank in enumerate(ranks):
        if need and rank > last and longest_from[i] == need:
            kept.add(i)
            need, last = need - 1, rank
    return kept


def _treatment_sections(
    shown_as: str, found: PageOutline, page_type_line: int | None
) -> list[Problem]:
    """A treatment page's ``##`` sections: the treatment sections, each once, in order."""
    rank_of = {_slug(name): rank for rank, name in enumerate(TREATMENT_SECTIONS)}
    problems: list[Problem] = []
    sections: list[tuple[Heading, int]] = []
    first_line: dict[int, int] = {}
    for heading in (h for h in found.headings if h.level == 2):
        rank = rank_of.get(heading.id)
        if heading.id == _slug(REFERENCES):
            message = (
                f"'{heading.text}' is written by the build, from the page's citations; "
                "expected no References heading in the file"
            )
        elif rank is None:
            message = (
                f"'{heading.text}' is not a treatment section (make it a '###' heading "
                f"inside one); {TREATMENT_ORDER}"
            )
        elif rank in first_line:
            message = (
                f"'{heading.text}' is written twice (first on line {first_line[rank]}); "
                f"expected each section once; {TREATMENT_ORDER}"
            )
        else:
            first_line[rank] = heading.line
            sections.append((heading, rank))
            continue
        problems.append(Problem(shown_as, heading.line, "headings", message))

    ranks = [rank for _, rank in sections]
    kept = _kept_in_order(ranks)
    for index, (heading, rank) in enumerate(sections):
        if index in kept:
            continue
        before = [h for h, r in sections[:index] if r > rank]
        after = [h for h, r in sections[index + 1 :] if r < rank]
        where = f"comes after '{before[-1].text}'" if before else f"comes before '{after[0].text}'"
        problems.append(
            Problem(
                shown_as, heading.line, "headings", f"'{heading.text}' {where}; {TREATMENT_ORDER}"
            )
        )

    for rank, name in enumerate(TREATMENT_SECTIONS):
        if rank in first_line or name in OPTIONAL_TREATMENT_SECTIONS:
            continue
        following = [h for h, r in sections if r > rank]
        line = following[0].line if following else page_type_line
        where = f" (it goes before '{following[0].text}')" if following else ""
        problems.append(
            Problem(
                shown_as,
                line,
                "headings",
                f"this treatment page has no '{name}' section{where}; {TREATMENT_ORDER}",
            )
        )

    help_rank = rank_of[_slug(WHEN_TO_GET_HELP)]
    if help_rank in first_line:
        section = next(h for h, r in sections if r == help_rank)
        problems.extend(_needed_cards(shown_as, found, section))
    return problems


def check_components(
    shown_as: str,
    text: str,
    front: FrontMatter | None,
    warning_signs: WarningSigns | None = None,
) -> list[Problem]:
    """Every component problem of one page, from the file's text.

    Without ``warning_signs`` (the site's data file, once it is read), the
    keys a care card lists are not looked up.
    """
    found = outline(text)
    sign_check = SignCheck(
        warning_signs, warning_signs.shown_as if warning_signs else WARNING_SIGNS_FILE
    )
    problems = [
        Problem(
            shown_as,
            line,
            "admonition",
            "this '!!!' line is not a box; expected '!!! type' or '!!! type \"Title\"', "
            "the type in lowercase letters and dashes",
        )
        for line in found.bad_markers
    ]
    for box in found.boxes:
        problem = _type_problem(shown_as, box) or _length_problem(shown_as, box)
        if problem:
            problems.append(problem)
        elif box.type in CARD_BY_TYPE:
            problems.extend(_sign_problems(shown_as, box, sign_check))
    problems.extend(_misplaced_signs(shown_as, found))
    key_points = [box for box in found.boxes if box.type == KEY_POINTS]
    problems.extend(
        Problem(
            shown_as,
            box.line,
            "key points",
            f"a second key points box (the first is on line {key_points[0].line}); "
            "expected one per page, near the top",
        )
        for box in key_points[1:]
    )
    page_type = front.text_field("page_type") if front is not None else None
    if front is not None and page_type == PageType.condition:
        problems.extend(_when_to_get_help(shown_as, found, front.line("page_type")))
    if front is not None and page_type == PageType.treatment:
        problems.extend(_treatment_sections(shown_as, found, front.line("page_type")))
    return sorted(problems, key=lambda problem: problem.line or 0)
