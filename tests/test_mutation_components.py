"""healthsite/checks/components.py in-process: each message an editor gets for
a box, a care card, key points or a page's sections, on the line they wrote
(README, "Mutation testing")."""

from __future__ import annotations

import pytest

from healthsite.checks.components import check_components, outline
from healthsite.content.warning_signs import Level, WarningSign, WarningSigns
from healthsite.pages.frontmatter import read_front_matter

PAGE = "docs/test.md"
SIGNS_FILE = "data/warning_signs.yml"
ORDER = (
    "expected the treatment sections in this order: What it is, Who it may help, "
    "What the research shows, What it involves, Side effects and risks, Questions to "
    "ask your doctor, then 'When to get help' if the treatment has warning signs "
    "(STYLE.md, 'Page structure')"
)
TYPES = "non-urgent, urgent, emergency (care cards), key-points, or note, tip, warning"


def sign(level: Level) -> WarningSign:
    return WarningSign.model_validate({"text": "a sign", "level": level, "source": ["s"]})


SIGNS = WarningSigns(
    {
        "tired": sign(Level.non_urgent),
        "tight_cast": sign(Level.urgent),
        "cold_limb": sign(Level.emergency),
        "numb_limb": sign(Level.emergency),
    },
    SIGNS_FILE,
)
# The body's first line is line 7 of the file; page_type is on line 3.
FRONT = "---\ntitle: Test\npage_type: {page_type}\n---\n# Test\n\n"


def problems_of(
    body: str, page_type: str = "about", signs: WarningSigns | None = SIGNS
) -> list[str]:
    text = FRONT.format(page_type=page_type) + body
    front, _ = read_front_matter(text, PAGE)
    return [str(problem) for problem in check_components(PAGE, text, front, signs)]


def at(line: int, field: str, message: str) -> str:
    return f"{PAGE}:{line}: {field}: {message}"


# --- Boxes --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "!!! urgnet\n\n    Text.\n",
            at(
                7,
                "admonition",
                f"'urgnet' is not a box type of this site; expected {TYPES}; did you mean "
                "'urgent'?",
            ),
        ),
        (
            '!!! banana "Fruit"\n\n    Text.\n',
            at(7, "admonition", f"'banana' is not a box type of this site; expected {TYPES}"),
        ),
        (
            "??? urgent\n\n    {{ signs('tight_cast') }}\n",
            at(
                7,
                "admonition",
                "'??? urgent' folds the box away, where readers can miss it; expected "
                "'!!! urgent', always open",
            ),
        ),
        (
            "???+ key-points\n\n    - a\n    - b\n    - c\n",
            at(
                7,
                "admonition",
                "'???+ key-points' folds the box away, where readers can miss it; expected "
                "'!!! key-points', always open",
            ),
        ),
        (
            "!!!\n\nText.\n",
            at(
                7,
                "admonition",
                "this '!!!' line is not a box; expected '!!! type' or '!!! type \"Title\"', "
                "the type in lowercase letters and dashes",
            ),
        ),
        (
            "!!! key-points\n\n    - a\n    - b\n",
            at(7, "key points", "the key points box has 2 bullet points; expected 3 to 5"),
        ),
        (
            "!!! key-points\n\n" + "    - a\n" * 6,
            at(7, "key points", "the key points box has 6 bullet points; expected 3 to 5"),
        ),
    ],
)
def test_a_box_written_wrongly_is_named_on_its_line(body: str, expected: str) -> None:
    assert problems_of(body) == [expected]


@pytest.mark.parametrize(
    "body",
    [
        "!!! key-points\n\n    - a\n    - b\n    - c\n",
        "!!! key-points\n\n" + "    * a\n" * 5,
        "!!! key-points\n\n    1. a\n    2) b\n    + c\n        - not counted\n",
        "??? note\n\n    Folded notes are fine.\n",
        '!!! tip "A title"\n\n    Text.\n',
        "```\n!!! banana\n```\n\n~~~~\n!!! banana\n~~~~\n",
        "```\n!!! banana\n~~~\n!!! banana\n```\n",
    ],
)
def test_boxes_written_rightly_pass(body: str) -> None:
    assert problems_of(body) == []


def test_a_second_key_points_box_is_named() -> None:
    body = "!!! key-points\n\n" + "    - a\n" * 3 + "\n!!! key-points\n\n" + "    - a\n" * 3
    assert problems_of(body) == [
        at(
            13,
            "key points",
            "a second key points box (the first is on line 7); expected one per page, near the top",
        )
    ]


def test_a_box_ends_at_the_first_line_not_indented_under_it() -> None:
    found = outline(
        "!!! note\n\n    one\n    - bullet\n        - deeper\nafter\n    - loose\n\t- tab\n"
    )
    [box] = found.boxes
    assert (box.line, box.marker, box.type, box.indent) == (1, "!!!", "note", 0)
    assert box.bullets == [4]
    assert box.body == [(3, "    one"), (4, "    - bullet"), (5, "        - deeper")]


def test_a_box_inside_a_box_has_its_own_body() -> None:
    found = outline("!!! note\n\n    !!! tip\n\n        - inner\n    - outer\n")
    outer, inner = found.boxes
    assert (inner.line, inner.indent, inner.bullets) == (3, 4, [5])
    assert outer.bullets == [6]


def test_the_outline_starts_after_the_front_matter() -> None:
    assert outline("---\ntitle: A\n---\n## Heading\n").headings[0].line == 4
    assert outline("---\ntitle: A\n...\n## Heading\n").headings[0].line == 4
    assert outline("## Heading\n---\n## Two\n").headings[0].line == 1
    assert [h.line for h in outline("---\n## Heading\n").headings] == [2]  # never closed
    assert outline("").headings == []
    assert [h.text for h in outline("text\n---\n## A\n---\n").headings] == ["A"]


@pytest.mark.parametrize(
    ("line", "text", "level", "heading_id"),
    [
        ("## When to get help", "When to get help", 2, "when-to-get-help"),
        (
            "### Cuándo buscar ayuda {#when-to-get-help}",
            "Cuándo buscar ayuda",
            3,
            "when-to-get-help",
        ),
        ("## Side effects ##", "Side effects", 2, "side-effects"),
        ("#### A {.class #an-id data-x=1}", "A", 4, "an-id"),
        ("## B {.only-a-class}", "B", 2, "b"),
    ],
)
def test_a_heading_is_known_by_its_id(line: str, text: str, level: int, heading_id: str) -> None:
    [heading] = outline(line + "\n").headings
    assert (heading.line, heading.text, heading.level, heading.id) == (1, text, level, heading_id)


# --- Care cards -----------------------------------------------------------------


def test_signs_over_several_lines_are_each_found_on_their_own_line() -> None:
    body = (
        "!!! emergency\n\n    Text first.\n    {{ signs('cold_limb',\n"
        '             "numb_limb") }}\n'
    )
    assert problems_of(body) == []
    box = outline(FRONT.format(page_type="about") + body).boxes[0]
    from healthsite.checks.components import listed_signs

    found = listed_signs(box)
    assert [(listed.key, listed.line) for listed in found.signs] == [
        ("cold_limb", 10),
        ("numb_limb", 11),
    ]
    assert found.unreadable_calls == []


def test_a_sign_of_another_level_and_an_unknown_sign_are_named_on_their_lines() -> None:
    body = (
        "!!! urgent\n\n    Text.\n    {{ signs('tight_cast',\n        'cold_limb', "
        "'tight_cats') }}\n"
    )
    assert problems_of(body) == [
        at(
            11,
            "care card",
            f"'cold_limb' is an emergency sign in {SIGNS_FILE}, listed here in an urgent card; "
            "expected it in the '!!! emergency' card (a sign has one level on every page: to "
            f"change it, change its level and source in {SIGNS_FILE})",
        ),
        at(
            11,
            "care card",
            f"'tight_cats' is not a warning sign in {SIGNS_FILE}; did you mean 'tight_cast'?; "
            f"expected a key of {SIGNS_FILE}, or add the sign there with its text, level and "
            "source",
        ),
    ]


def test_a_non_urgent_sign_in_an_emergency_card_reads_with_a() -> None:
    [problem] = problems_of("!!! emergency\n\n    {{ signs('tired') }}\n")
    assert "'tired' is a non-urgent sign in" in problem
    assert "listed here in an emergency card;" in problem


def test_without_the_data_file_keys_are_not_looked_up() -> None:
    body = "!!! urgent\n\n    {{ signs('anything') }}\n\n!!! emergency\n\n    Call 911.\n"
    assert problems_of(body, signs=None) == [
        at(
            11,
            "care card",
            "this emergency card lists no warning signs; expected {{ signs('sign_key') }} with "
            "the keys of emergency signs in data/warning_signs.yml",
        )
    ]


def test_a_card_too_long_names_the_first_sign_too_many() -> None:
    keys = ",\n        ".join(["'cold_limb'"] * 7)
    assert problems_of(f"!!! emergency\n\n    {{{{ signs({keys}) }}}}\n") == [
        at(
            7,
            "care card",
            "this emergency card lists 7 warning signs (one too many from line 14); expected "
            "at most 5: keep the signs readers most need, or split the card",
        )
    ]
    keys = ", ".join(["'cold_limb'"] * 5)
    assert problems_of(f"!!! emergency\n\n    {{{{ signs({keys}) }}}}\n") == []


def test_hand_typed_bullets_and_unreadable_calls_are_named_on_their_lines() -> None:
    body = (
        "!!! urgent\n\n    Text.\n\n    {{ signs(key) }}\n    - typed by hand\n"
        "    {{ signs('tight_cast', x) }}\n"
    )
    unreadable = (
        "signs() holds something other than keys in quotes; expected only the keys of warning "
        f"signs in {SIGNS_FILE}, in quotes, separated by commas, e.g. "
        "{{ signs('tight_cast') }}"
    )
    assert problems_of(body) == [
        at(11, "care card", unreadable),
        at(
            12,
            "care card",
            "this bullet is typed by hand in the urgent card; expected the card's warning signs "
            "listed by key, e.g. {{ signs('tight_cast') }}, each written once in "
            f"{SIGNS_FILE} with its level and source (STYLE.md, 'When to get help')",
        ),
        at(13, "care card", unreadable),
    ]


def test_an_empty_key_is_an_unknown_sign() -> None:
    [problem] = problems_of("!!! urgent\n\n    {{ signs('') }}\n")
    assert problem.startswith(at(9, "care card", f"'' is not a warning sign in {SIGNS_FILE}"))


def test_a_card_that_lists_signs_must_start_at_the_margin() -> None:
    body = "- A list item:\n\n    !!! emergency\n\n        {{ signs('cold_limb') }}\n"
    assert problems_of(body) == [
        at(
            9,
            "care card",
            "this emergency card is indented inside another block; expected a care card that "
            "lists warning signs to start its '!!!' line at the left margin",
        )
    ]


def test_signs_outside_a_card_are_named() -> None:
    body = "{{ signs('cold_limb') }}\n\n!!! note\n\n    {{- signs('cold_limb') -}}\n"
    expected = (
        "signs() lists warning signs outside a care card; expected it inside a '!!! non-urgent "
        "or !!! urgent or !!! emergency' card, four spaces in"
    )
    assert problems_of(body) == [at(7, "care card", expected), at(11, "care card", expected)]


# --- Condition pages ---------------------------------------------------------------


CARDS = (
    "!!! urgent\n\n    {{ signs('tight_cast') }}\n\n!!! emergency\n\n    {{ signs('cold_limb') }}\n"
)


def test_a_condition_page_needs_when_to_get_help_with_its_cards() -> None:
    missing = (
        "this condition page has no 'When to get help' section; expected '## When to get help' "
        "with at least an urgent and an emergency card (STYLE.md, 'When to get help')"
    )
    assert problems_of("Text.\n", "condition") == [at(3, "care card", missing)]
    assert problems_of("## When to get help\n\n" + CARDS, "condition") == []
    assert problems_of("## When to get help\n\n" + CARDS, "guide") == []
    assert problems_of("Text.\n", "guide") == []


@pytest.mark.parametrize(
    ("body", "missing"),
    [
        (
            "## When to get help\n\nText.\n",
            "urgent and no emergency card; expected '!!! urgent' and '!!! emergency' in it",
        ),
        (
            "## When to get help\n\n!!! urgent\n\n    {{ signs('tight_cast') }}\n",
            "emergency card; expected '!!! emergency' in it",
        ),
        (
            CARDS + "\n## When to get help\n\nText.\n",
            "urgent and no emergency card; expected '!!! urgent' and '!!! emergency' in it",
        ),
        (
            "## When to get help\n\n!!! urgent\n\n    {{ signs('tight_cast') }}\n\n"
            "## Later\n\n!!! emergency\n\n    {{ signs('cold_limb') }}\n",
            "emergency card; expected '!!! emergency' in it",
        ),
    ],
)
def test_when_to_get_help_must_hold_an_urgent_and_an_emergency_card(
    body: str, missing: str
) -> None:
    line = 7 + body.split("\n").index("## When to get help")
    assert problems_of(body, "condition") == [
        at(
            line,
            "care card",
            f"the 'When to get help' section has no {missing} (STYLE.md, 'When to get help')",
        )
    ]


def test_cards_under_a_smaller_heading_of_the_section_count() -> None:
    body = "## When to get help\n\n### Now\n\n" + CARDS + "\n## References later\n"
    assert problems_of(body, "condition") == []


# --- Treatment pages -----------------------------------------------------------------


SECTIONS = (
    "What it is",
    "Who it may help",
    "What the research shows",
    "What it involves",
    "Side effects and risks",
    "Questions to ask your doctor",
)


def treatment(*headings: str, cards: bool = False) -> str:
    body = "".join(f"## {heading}\n\nText.\n\n" for heading in headings)
    return body + (CARDS if cards else "")


def line_of(body: str, heading: str) -> int:
    return 7 + body.split("\n").index(f"## {heading}")


def test_a_treatment_page_with_its_sections_in_order_passes() -> None:
    assert problems_of(treatment(*SECTIONS), "treatment") == []
    assert problems_of(treatment(*SECTIONS, "When to get help", cards=True), "treatment") == []


def test_when_to_get_help_on_a_treatment_holds_its_cards() -> None:
    body = treatment(*SECTIONS, "When to get help")
    assert problems_of(body, "treatment") == [
        at(
            line_of(body, "When to get help"),
            "care card",
            "the 'When to get help' section has no urgent and no emergency card; expected "
            "'!!! urgent' and '!!! emergency' in it (STYLE.md, 'When to get help')",
        )
    ]


def test_a_missing_section_says_where_it_goes() -> None:
    body = treatment(*SECTIONS[:2], *SECTIONS[3:])
    assert problems_of(body, "treatment") == [
        at(
            line_of(body, "What it involves"),
            "headings",
            "this treatment page has no 'What the research shows' section (it goes before "
            f"'What it involves'); {ORDER}",
        )
    ]
    body = treatment(*SECTIONS[:-1])
    assert problems_of(body, "treatment") == [
        at(
            3,
            "headings",
            f"this treatment page has no 'Questions to ask your doctor' section; {ORDER}",
        )
    ]


def test_a_section_out_of_place_says_what_it_comes_after_or_before() -> None:
    body = treatment(SECTIONS[1], SECTIONS[0], *SECTIONS[2:])
    assert problems_of(body, "treatment") == [
        at(
            line_of(body, SECTIONS[0]),
            "headings",
            f"'What it is' comes after 'Who it may help'; {ORDER}",
        )
    ]
    body = treatment(SECTIONS[5], *SECTIONS[:5])
    assert problems_of(body, "treatment") == [
        at(
            line_of(body, SECTIONS[5]),
            "headings",
            f"'Questions to ask your doctor' comes before 'What it is'; {ORDER}",
        )
    ]


def test_of_several_orders_the_earliest_longest_is_kept() -> None:
    body = treatment(SECTIONS[2], SECTIONS[3], SECTIONS[0], SECTIONS[1], *SECTIONS[4:])
    problems = problems_of(body, "treatment")
    assert [problem.split(": ", 2)[2].split(";")[0] for problem in problems] == [
        "'What it is' comes after 'What it involves'",
        "'Who it may help' comes after 'What it involves'",
    ]


def test_a_section_twice_another_heading_and_references_are_named() -> None:
    body = treatment(SECTIONS[0], "History", *SECTIONS[1:], SECTIONS[0], "References")
    assert problems_of(body, "treatment") == [
        at(
            line_of(body, "History"),
            "headings",
            "'History' is not a treatment section (make it a '###' heading inside one); " + ORDER,
        ),
        at(
            body.split("\n").index("## What it is", 1) + 7,
            "headings",
            "'What it is' is written twice (first on line 7); expected each section once; " + ORDER,
        ),
        at(
            line_of(body, "References"),
            "headings",
            "'References' is written by the build, from the page's citations; expected no "
            "References heading in the file",
        ),
    ]


def test_smaller_headings_are_not_sections() -> None:
    body = treatment(*SECTIONS).replace("Text.", "### Anything\n\nText.", 1)
    assert problems_of(body, "treatment") == []


def test_the_data_file_is_named_as_the_site_names_it() -> None:
    signs = WarningSigns(SIGNS.signs, "data/signs.yml")
    [problem] = problems_of("!!! urgent\n\n    {{ signs('nothing') }}\n", signs=signs)
    assert "'nothing' is not a warning sign in data/signs.yml;" in problem


def test_a_page_with_no_front_matter_is_checked_for_boxes_only() -> None:
    text = "# Test\n\n!!! banana\n\n    Text.\n"
    assert [problem.line for problem in check_components(PAGE, text, None, SIGNS)] == [3]
