"""Page templates are untrusted: escapes are refused, mistakes named by line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from jinja2 import Environment, StrictUndefined

from healthsite.checks.sandbox import sandboxed
from tests.sharedbuilds import PAGE_EDITS, SharedBuilds
from tests.sitebuild import Build, build, builds_site, copy_project

# The build of every mistake below is shared by the tests of this file: one worker runs it.
pytestmark = pytest.mark.xdist_group("templates")

SECRET_NAME = "HEALTHSITE_TEST_SECRET"
SECRET_VALUE = "s3cret-value-that-must-not-leak"
RAW_FIX = "wrap them in {% raw %}...{% endraw %} or write {{ '{{' }}"
CODE_FIX = "template code inside a code sample is still run; wrap the sample in {% raw %}"

# Refused by the check before macros renders the page.
STATIC_PAYLOADS = {
    "{{ ''.__class__.__mro__ }}": "'__class__' starts with '_', and pages may not use such names",
    "{{ cycler.__init__.__globals__.os.environ."
    + SECRET_NAME
    + " }}": "'__init__' starts with '_', and pages may not use such names",
    "{{ config.__class__ }}": "'config' is not a variable or macro of this site",
    "{{ self._TemplateReference__context }}": "'_TemplateReference__context' starts with '_'",
    "{{ stats['__class__'] }}": "'__class__' starts with '_'",
    "{{ macros_info() }}": "'macros_info' is not a variable or macro of this site",
    "{% include 'about.md' %}": "pages may not include, import or extend other files",
}
# Pass the check (no '_' name in the syntax tree) and are refused by the sandbox.
# Rendering stops at the first error, so each goes on a page of its own.
RUNTIME_PAYLOADS = {
    "{{ (lipsum|attr('__globals__')).os.environ." + SECRET_NAME + " }}": (
        "access to attribute '__globals__' of 'function' object is unsafe; "
        "pages may only use the site's variables and macros"
    ),
    "{{ '{0.__class__}'.format(stats) }}": "access to attribute '__class__' of",
}


def _append(page: Path, lines: list[str]) -> dict[str, int]:
    """Append each line as its own paragraph; return the file line of each."""
    text = page.read_text(encoding="utf-8").rstrip("\n") + "\n"
    found = {}
    for line in lines:
        text += "\n"
        found[line] = text.count("\n") + 1
        text += line + "\n"
    page.write_text(text, encoding="utf-8")
    return found


def _build_with_secret(project: Path) -> Build:
    return build(project, env={SECRET_NAME: SECRET_VALUE})


def _assert_nothing_leaked(result: Build) -> None:
    assert SECRET_VALUE not in result.output
    if result.site_dir.exists():
        for built in result.site_dir.rglob("*.html"):
            assert SECRET_VALUE not in built.read_text(encoding="utf-8"), built


STRAY_SYNTAX_PAGES = (
    "guides/living-with-crps.md",
    "guides/children-and-teenagers.md",
    "guides/preventing-crps-after-a-broken-wrist.md",
)
MACRO_CALLED_WRONGLY = "Numbers: {{ stat() }}"
CODE_SAMPLE = "Hello {{ user.name }}"


class Mistakes:
    """One build of a project with every template mistake of this file, and where each is.

    A syntax error stops Jinja reading the rest of its page, and a sandbox error
    stops the page's rendering: each of those goes on a page of its own, so
    the build names every one (the escape payloads test shows it does).
    """

    def __init__(self, project: Path) -> None:
        docs = project / "docs"
        self.static_lines = _append(docs / "about.md", list(STATIC_PAYLOADS))
        self.runtime_pages = dict(
            zip(RUNTIME_PAYLOADS, ("index.md", "conditions/crps.md"), strict=True)
        )
        self.runtime_lines = {
            payload: _append(docs / page, [payload])[payload]
            for payload, page in self.runtime_pages.items()
        }
        self.macro_line = _append(docs / "guides/diagnosis.md", [MACRO_CALLED_WRONGLY])[
            MACRO_CALLED_WRONGLY
        ]
        self.stray_pages = dict(zip(STRAY_SYNTAX, STRAY_SYNTAX_PAGES, strict=True))
        self.stray_lines = {
            line_text: _append(docs / page, [line_text])[line_text]
            for line_text, page in self.stray_pages.items()
        }
        unclosed = _append(docs / "treatments/medicines.md", ["{% if stats %}", "Never closed."])
        self.unclosed_line = unclosed["{% if stats %}"]
        sample = docs / "treatments/spinal-cord-stimulation.md"
        sample.write_text(f"{sample.read_text()}\n```jinja\n{CODE_SAMPLE}\n```\n", encoding="utf-8")
        self.sample_line = sample.read_text().splitlines().index(CODE_SAMPLE) + 1
        self.result = _build_with_secret(project)


@pytest.fixture(scope="module")
@builds_site
def mistakes(tmp_path_factory: pytest.TempPathFactory) -> Mistakes:
    return Mistakes(copy_project(tmp_path_factory.mktemp("templates")))


def test_escape_payloads_fail_the_build_naming_page_and_line(mistakes: Mistakes) -> None:
    result = mistakes.result
    assert result.returncode != 0
    for payload, message in STATIC_PAYLOADS.items():
        line = mistakes.static_lines[payload]
        assert f"docs/about.md:{line}: template: {message}" in result.output
    for payload, message in RUNTIME_PAYLOADS.items():
        where = f"docs/{mistakes.runtime_pages[payload]}:{mistakes.runtime_lines[payload]}"
        assert f"{where}: template: {message}" in result.output
    assert "Traceback" not in result.output
    assert "[macros] - ERROR" not in result.output
    # Pages that were not rendered are not scored for readability either.
    assert "readability: docs/about.md" not in result.output
    assert "readability: docs/index.md" not in result.output
    _assert_nothing_leaked(result)


def test_the_runtime_payload_is_a_real_escape_outside_the_sandbox(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Proves the payload above would read the environment without the sandbox."""
    monkeypatch.setenv(SECRET_NAME, SECRET_VALUE)
    [payload] = [p for p in RUNTIME_PAYLOADS if "environ" in p]
    plain = Environment(undefined=StrictUndefined)
    assert plain.from_string(payload).render() == SECRET_VALUE
    reported: list[tuple[str, int | None]] = []
    sandbox = sandboxed(plain)
    sandbox.on_render_error = lambda message, line: reported.append((message, line))
    assert sandbox.from_string("line one\n" + payload).render() == ""
    assert reported == [(RUNTIME_PAYLOADS[payload], 2)]


def test_a_macro_called_wrongly_is_reported_with_its_line(mistakes: Mistakes) -> None:
    result = mistakes.result
    assert result.returncode != 0
    assert (
        f"docs/guides/diagnosis.md:{mistakes.macro_line}: template: Citations.stat() missing 1 "
        "required positional argument: 'key'; check the macro's name and arguments" in result.output
    )
    assert "Traceback" not in result.output


STRAY_SYNTAX = {
    "Type {{ to start a template.": (
        "expected token 'end of print statement', got 'start'; to show the braces as text, "
        + RAW_FIX
    ),
    "Take it {% daily with food.": (
        "Encountered unknown tag 'daily'; to show the braces as text, " + RAW_FIX
    ),
    "{{ stats_value('olmsted_incidence') }}": (
        "'stats_value' is not a variable or macro of this site (they are: a_to_z, cite, "
    ),
}


@pytest.mark.parametrize("line_text", list(STRAY_SYNTAX))
def test_stray_template_syntax_in_prose_names_line_and_fix(
    mistakes: Mistakes, line_text: str
) -> None:
    result = mistakes.result
    assert result.returncode != 0
    where = f"docs/{mistakes.stray_pages[line_text]}:{mistakes.stray_lines[line_text]}"
    assert f"{where}: template: {STRAY_SYNTAX[line_text]}" in result.output
    assert "Traceback" not in result.output
    assert "[macros] - ERROR" not in result.output


def test_unclosed_block_names_the_block(mistakes: Mistakes) -> None:
    result = mistakes.result
    assert result.returncode != 0
    assert (
        f"docs/treatments/medicines.md:{mistakes.unclosed_line}: template: '{{% if %}}' is never "
        "closed; add {% endif %} where the block should end, or, to show the braces as text, "
        + RAW_FIX
        in result.output
    )


def test_template_code_in_a_code_sample_says_so(mistakes: Mistakes) -> None:
    result = mistakes.result
    assert result.returncode != 0
    assert (
        f"docs/treatments/spinal-cord-stimulation.md:{mistakes.sample_line}: template: 'user' is "
        "not a variable or macro of this site (they are: a_to_z, cite, " in result.output
    )
    listed = re.search(
        r"'user' is not a variable or macro of this site \(they are: ([^)]*)\); ", result.output
    )
    assert listed, result.output
    assert {"cite", "stat", "stat_value", "stats", "sources"} <= set(listed[1].split(", "))
    assert f"{listed[0]}{CODE_FIX}" in result.output


@PAGE_EDITS.edit
def _braces_as_text(project: Path) -> None:
    """In one passing build with other modules' edits (tests/sharedbuilds.py)."""
    _append(
        project / "docs" / "about.md",
        [
            "```jinja\n{% raw %}Hello {{ user.name }}{% endraw %}\n```",
            "Write {{ '{{' }} to start a macro.",
        ],
    )


def test_the_suggested_fixes_show_braces_as_text(shared_builds: SharedBuilds) -> None:
    result = shared_builds.of(_braces_as_text).result
    assert result.returncode == 0, result.output
    text = re.sub(r"<[^>]+>", "", result.page("about/"))
    assert "Hello {{ user.name }}" in text
    assert "Write {{ to start a macro." in text
