"""healthsite/checks/sandbox.py in-process: what the template check tells an
editor before a page renders, and what the sandbox refuses while it renders
(README, "Mutation testing")."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from jinja2 import DictLoader, Environment, StrictUndefined, Undefined
from jinja2.exceptions import SecurityError, UndefinedError

from healthsite.checks.sandbox import (
    PageSandbox,
    PageSource,
    TemplateChecker,
    first_body_line,
    sandboxed,
    site_names,
)
from healthsite.problems import Problem

PAGE = "docs/about.md"
RAW_FIX = "to show the braces as text, wrap them in {% raw %}...{% endraw %} or write {{ '{{' }}"
CODE_FIX = (
    "template code inside a code sample is still run; wrap the sample in {% raw %}...{% endraw %}"
)
SITE = ("cite", "stat", "stats")
LISTED = "(they are: cite, stat, stats)"


def check(body: str, environment: Environment | None = None, **page: Any) -> list[str]:
    checker = TemplateChecker(environment or Environment(), SITE)
    source = PageSource(PAGE, body, page.pop("first_body_line", 11), **page)
    return [str(problem) for problem in checker.check(source)]


def test_the_sites_names_and_jinjas_own_pass() -> None:
    body = (
        "{{ cite('a') }} {{ stats.x }} {% for i in range(2) %}{{ loop.index }}{% endfor %}\n"
        "{% set ns = namespace(a=1) %}{{ ns.a }} {{ dict(a=1) }} {{ lipsum(1) }}\n"
        "{{ cycler(1, 2).next() }} {{ joiner(',')() }} {{ stats['key'] }} {{ stats[0] }}\n"
    )
    assert check(body) == []


def test_an_unknown_name_is_named_once_on_its_first_line() -> None:
    body = "Text.\n{{ user.name }} {{ user }}\n{{ other }} {{ user }}\n"
    assert check(body) == [
        f"{PAGE}:12: template: 'user' is not a variable or macro of this site {LISTED}; " + RAW_FIX,
        f"{PAGE}:13: template: 'other' is not a variable or macro of this site {LISTED}; "
        + RAW_FIX,
    ]


def test_problems_on_one_line_keep_the_order_they_were_found_in() -> None:
    assert check("{{ user._secret }}", first_body_line=1) == [
        f"{PAGE}:1: template: 'user' is not a variable or macro of this site {LISTED}; " + RAW_FIX,
        f"{PAGE}:1: template: '_secret' starts with '_', and pages may not use such names; "
        + RAW_FIX,
    ]


def test_a_front_matter_name_may_be_used_on_its_page() -> None:
    assert check("{{ page_title }}", front_matter_names=frozenset({"page_title"})) == []


def test_private_names_and_includes_are_refused_in_line_order() -> None:
    body = (
        "{% include 'x.md' %}\n"
        "{{ stats.__class__ }}\n"
        "{{ stats['_private'] }}\n"
        "{% import 'macros.j2' as m %}\n"
        "{% from 'macros.j2' import m2 %}\n"
        "{{ stats[key] }}\n"
    )
    includes = (
        "pages may not include, import or extend other files (put shared text in data/ and use "
        "a macro)"
    )
    found = check(body, first_body_line=1, front_matter_names=frozenset({"key"}))
    assert found == [
        f"{PAGE}:1: template: {includes}; {RAW_FIX}",
        f"{PAGE}:2: template: '__class__' starts with '_', and pages may not use such names; "
        + RAW_FIX,
        f"{PAGE}:3: template: '_private' starts with '_', and pages may not use such names; "
        + RAW_FIX,
        f"{PAGE}:4: template: {includes}; {RAW_FIX}",
        f"{PAGE}:5: template: {includes}; {RAW_FIX}",
    ]
    assert check("{% extends 'base.html' %}", first_body_line=1) == [
        f"{PAGE}:1: template: {includes}; {RAW_FIX}"
    ]


def test_template_code_in_a_code_sample_gets_the_code_sample_fix() -> None:
    body = "Intro.\n\n```jinja\nHello {{ user }}\n```\n\nAnd `{{ other }}` inline.\n"
    assert check(body, first_body_line=1) == [
        f"{PAGE}:4: template: 'user' is not a variable or macro of this site {LISTED}; " + CODE_FIX,
        f"{PAGE}:7: template: 'other' is not a variable or macro of this site {LISTED}; "
        + CODE_FIX,
    ]


@pytest.mark.parametrize(
    ("body", "line", "in_sample"),
    [
        ("```\ncode\n```\ntext", 4, False),
        ("```\ncode\n```\ntext", 2, True),
        ("```\ncode\n```\ntext", 1, True),
        ("  ~~~\ncode", 2, True),
        ("  ~~~\ncode", 1, True),
        ("x\na `b` c", 0, False),
        ("text\n~~~ python", 2, True),
        ("a `b` c", 1, True),
        ("text", 1, False),
        ("text", 0, False),
        ("text", 5, False),
    ],
)
def test_a_line_is_in_a_code_sample_inside_a_fence_or_inline_code(
    body: str, line: int, in_sample: bool
) -> None:
    source = PageSource(PAGE, body, 1)
    assert source.in_code_sample(line) is in_sample
    assert source.fix(line) == (CODE_FIX if in_sample else RAW_FIX)


def test_body_lines_are_file_lines_after_the_front_matter() -> None:
    text = "---\ntitle: A\n---\n\n# A\n\nText.\n"
    body = "\n# A\n\nText.\n"
    assert first_body_line(text, body) == 4
    assert first_body_line(text, "elsewhere") == 1
    assert first_body_line(text, "") == 1
    assert first_body_line(body, body) == 1
    source = PageSource(PAGE, body, 4)
    assert (source.file_line(1), source.file_line(3), source.file_line(None)) == (4, 6, None)


@pytest.mark.parametrize(
    ("line_text", "message"),
    [
        (
            "Type {{ to start.",
            "expected token 'end of print statement', got 'start'; " + RAW_FIX,
        ),
        ("Take it {% daily.", "Encountered unknown tag 'daily'; " + RAW_FIX),
        (
            "{% if stats %}\nNever closed.",
            "'{% if %}' is never closed; add {% endif %} where the block should end, or, "
            + RAW_FIX,
        ),
        (
            "{% for x in stats %}",
            "'{% for %}' is never closed; add {% endfor %} where the block should end, or, "
            + RAW_FIX,
        ),
        ("`{{ x ]}`", "unexpected ']'; " + CODE_FIX),
    ],
)
def test_a_syntax_error_is_named_with_its_line_and_fix(line_text: str, message: str) -> None:
    assert check("Intro.\n" + line_text, first_body_line=3) == [f"{PAGE}:4: template: {message}"]


def test_the_check_parses_with_the_sites_own_delimiters() -> None:
    environment = Environment(variable_start_string="[[", variable_end_string="]]")
    assert check("{{ user }}", environment) == []
    assert check("[[ user ]]", environment) == [
        f"{PAGE}:11: template: 'user' is not a variable or macro of this site {LISTED}; " + RAW_FIX
    ]


def test_a_syntax_error_only_the_compiling_environment_sees_is_reported() -> None:
    class Refusing(Environment):
        def compile(self, *args: Any, **kwargs: Any) -> Any:
            from jinja2 import TemplateSyntaxError

            raise TemplateSyntaxError("refused here", 2)

    [problem] = check("a\nb", Refusing())
    assert problem == f"{PAGE}:12: template: refused here; {RAW_FIX}"


def test_a_syntax_error_without_words_says_invalid_syntax() -> None:
    class Silent(Environment):
        def compile(self, *args: Any, **kwargs: Any) -> Any:
            from jinja2 import TemplateSyntaxError

            raise TemplateSyntaxError("", 1)

    assert check("a", Silent()) == [f"{PAGE}:11: template: invalid template syntax; {RAW_FIX}"]


# --- The sandbox ----------------------------------------------------------------


def macros_environment() -> Environment:
    environment = Environment(
        loader=DictLoader({"x.html": "x"}),
        autoescape=True,
        extensions=["jinja2.ext.loopcontrols"],
        undefined=StrictUndefined,
        variable_start_string="{{",
        comment_start_string="{##",
        comment_end_string="##}",
        trim_blocks=True,
        keep_trailing_newline=True,
    )
    environment.globals["stat"] = lambda key: f"[{key}]"
    environment.filters["shout"] = str.upper
    environment.tests["short"] = lambda text: len(text) < 3
    return environment


def test_the_sandbox_keeps_the_sites_settings_globals_filters_and_tests() -> None:
    original = macros_environment()
    sandbox = sandboxed(original)
    assert isinstance(sandbox, PageSandbox)
    assert sandbox.undefined is StrictUndefined
    assert (sandbox.comment_start_string, sandbox.comment_end_string) == ("{##", "##}")
    assert sandbox.trim_blocks
    assert sandbox.keep_trailing_newline
    assert sandbox.loader is original.loader
    assert sandbox.autoescape is True
    assert "jinja2.ext.LoopControlExtension" in sandbox.extensions
    template = sandbox.from_string(
        "{{ stat('a') | shout }}{## note ##}{% if 'ab' is short %} short{% endif %}\nend\n"
    )
    assert template.render({"unused": 1}) == "[A] shortend\n"  # codespell:ignore
    with pytest.raises(UndefinedError):
        sandbox.from_string("{{ missing }}").render()


def render_errors(template: str, handler: bool = True) -> tuple[str, list[tuple[str, int | None]]]:
    sandbox = sandboxed(macros_environment())
    errors: list[tuple[str, int | None]] = []
    if handler:
        sandbox.on_render_error = lambda message, line: errors.append((message, line))
    return sandbox.from_string(template).render(stats={"a": 1}), errors


def test_an_unsafe_access_while_rendering_is_reported_with_its_line() -> None:
    html, errors = render_errors("One.\nTwo {{ (stat|attr('__globals__')) }}\n")
    assert html == ""
    assert errors == [
        (
            "access to attribute '__globals__' of 'function' object is unsafe; pages may only "
            "use the site's variables and macros",
            2,
        )
    ]


def test_a_macro_called_wrongly_is_reported_with_its_line() -> None:
    _, errors = render_errors("a\nb\n{{ stat() }}")
    assert len(errors) == 1
    message, line = errors[0]
    assert message.endswith(
        "missing 1 required positional argument: 'key'; check the macro's name and arguments"
    )
    assert line == 3


def test_shared_data_cannot_be_changed_by_a_page() -> None:
    _, errors = render_errors("{{ stats.update({'a': 2}) }}")
    assert errors[0][0].endswith("is unsafe; pages may only use the site's variables and macros")


def test_without_a_handler_the_error_is_raised() -> None:
    with pytest.raises(SecurityError):
        render_errors("{{ (stat|attr('__globals__')) }}", handler=False)


def test_a_plain_environment_raises_as_before() -> None:
    from healthsite.checks.sandbox import PageTemplate

    environment = Environment(undefined=Undefined)
    environment.template_class = PageTemplate
    with pytest.raises(TypeError):
        environment.from_string("{{ f() }}").render(f=lambda key: key)


def test_the_site_names_are_its_own_macros_and_data() -> None:
    def ours() -> str:
        return ""

    def theirs() -> str:
        return ""

    theirs.__module__ = "mkdocs_macros.context"
    macros: dict[str, Callable[..., Any]] = {"cite": ours, "macros_info": theirs}
    assert site_names(macros, ["stats", "sources"]) == {"cite", "stats", "sources"}
    assert Problem(PAGE, 1, "template", "x") == Problem(PAGE, 1, "template", "x")
