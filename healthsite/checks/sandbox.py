"""Page templates run in a Jinja sandbox, and are checked before they run.

Pages come from pull requests, so their template code is untrusted.
mkdocs-macros 1.5.0 renders them with a plain ``jinja2.Environment``, in
which ``{{ ''.__class__.__mro__ }}`` reaches Python's internals (and from
there files, environment variables and commands) on the machine that builds
the site. Two layers stop that:

1. ``check_page`` parses each page *before* macros renders it and rejects,
   with the site's ``path:line: template:`` message, syntax errors, names
   that are not the site's own variables or macros, attributes starting with
   ``_``, and includes of other files. A page with such a problem is not
   rendered at all.
2. ``sandboxed`` replaces the macros plugin's environment with Jinja's
   ``ImmutableSandboxedEnvironment``: whatever the check misses (``attr()``
   filters, ``str.format``) is refused while rendering, and data shared by all
   pages cannot be changed by one of them. Errors while rendering are
   reported for the page, in the same form, instead of macros' own report
   and ``exit()``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from jinja2 import Environment, Template, TemplateError, TemplateSyntaxError, meta, nodes
from jinja2.sandbox import ImmutableSandboxedEnvironment

from healthsite.problems import Problem
from healthsite.textlines import line_at

FIELD = "template"
LITERAL_FIX = (
    "to show the braces as text, wrap them in {% raw %}...{% endraw %} or write {{ '{{' }}"
)
CODE_SAMPLE_FIX = (
    "template code inside a code sample is still run; wrap the sample in {% raw %}...{% endraw %}"
)
# Settings that decide how a template is split into text and code.
SYNTAX_SETTINGS = (
    "block_start_string",
    "block_end_string",
    "variable_start_string",
    "variable_end_string",
    "comment_start_string",
    "comment_end_string",
    "line_statement_prefix",
    "line_comment_prefix",
    "trim_blocks",
    "lstrip_blocks",
    "newline_sequence",
    "keep_trailing_newline",
)
# Names Jinja itself defines in every template: harmless in the sandbox.
JINJA_NAMES = frozenset({"range", "dict", "lipsum", "cycler", "joiner", "namespace", "loop"})
FENCE_MARKERS = ("```", "~~~")
UNCLOSED_BLOCK = re.compile(r"innermost block that needs to be closed is '(\w+)'")

RenderErrorHandler = Callable[[str, int | None], None]


class PageTemplate(Template):
    """A page template whose rendering errors go to the site's problem list.

    mkdocs-macros catches every exception of ``render`` and calls ``exit()``
    with its own report; reporting here keeps the ``path:line:`` form and
    lets the build list every page's problems at once.
    """

    def render(self, *args: Any, **kwargs: Any) -> str:
        try:
            return super().render(*args, **kwargs)
        except (TemplateError, TypeError) as error:
            environment = self.environment
            if not isinstance(environment, PageSandbox) or environment.on_render_error is None:
                raise
            environment.on_render_error(_describe_render_error(error), _template_line(error))
            return ""


class PageSandbox(ImmutableSandboxedEnvironment):
    """The sandbox pages render in; ``on_render_error`` receives failures."""

    template_class = PageTemplate
    on_render_error: RenderErrorHandler | None = None


def sandboxed(environment: Environment) -> PageSandbox:
    """A sandbox with the same loader, undefined, delimiters, globals and filters."""
    settings = {name: getattr(environment, name) for name in SYNTAX_SETTINGS}
    sandbox = PageSandbox(
        loader=environment.loader,
        undefined=environment.undefined,
        extensions=list(environment.extensions),
        autoescape=environment.autoescape,
        **settings,
    )
    sandbox.globals.update(environment.globals)
    sandbox.filters.update(environment.filters)
    sandbox.tests.update(environment.tests)
    return sandbox


def _syntax_only(environment: Environment) -> Environment:
    """A bare environment with the same delimiters, for static analysis.

    ``meta.find_undeclared_variables`` leaves out names that the parsing
    environment has as globals, and macros puts its own helpers there.
    """
    return Environment(**{name: getattr(environment, name) for name in SYNTAX_SETTINGS})


def _template_line(error: BaseException) -> int | None:
    """The template line a rendering error happened on (Jinja rewrites tracebacks)."""
    line = None
    trace = error.__traceback__
    while trace is not None:
        if trace.tb_frame.f_code.co_filename == "<template>":
            line = trace.tb_lineno
        trace = trace.tb_next
    return line


def _describe_render_error(error: BaseException) -> str:
    text = str(error).rstrip(".")
    if "is unsafe" in text:
        return f"{text}; pages may only use the site's variables and macros"
    return f"{text}; check the macro's name and arguments"


@dataclass(frozen=True)
class PageSource:
    """A page's Markdown body and where it sits in its file."""

    shown_as: str
    body: str
    first_body_line: int
    front_matter_names: frozenset[str] = field(default_factory=frozenset)

    def file_line(self, body_line: int | None) -> int | None:
        return None if body_line is None else body_line + self.first_body_line - 1

    def fix(self, body_line: int) -> str:
        """How to show template syntax as text, in prose or in a code sample."""
        return CODE_SAMPLE_FIX if self.in_code_sample(body_line) else LITERAL_FIX

    def in_code_sample(self, body_line: int) -> bool:
        """True if ``body_line`` is inside a fenced code block or inline code."""
        lines = self.body.splitlines()
        fenced = False
        for line in lines[: body_line - 1]:
            if line.lstrip().startswith(FENCE_MARKERS):
                fenced = not fenced
        current = lines[body_line - 1] if 0 < body_line <= len(lines) else ""
        return fenced or current.lstrip().startswith(FENCE_MARKERS) or "`" in current


def first_body_line(file_text: str, body: str) -> int:
    """The file line the Markdown body starts on, after the front matter."""
    if body and file_text.endswith(body):
        return line_at(file_text, len(file_text) - len(body))
    return 1


class TemplateChecker:
    """Checks pages before macros renders them; knows the names pages may use."""

    def __init__(self, environment: Environment, allowed_names: Iterable[str]) -> None:
        self.analysis = _syntax_only(environment)
        self.compiler = environment
        self.allowed = frozenset(allowed_names) | JINJA_NAMES

    def check(self, page: PageSource) -> list[Problem]:
        try:
            tree = self.analysis.parse(page.body)
            self.compiler.compile(page.body)
        except TemplateSyntaxError as error:
            return [self._syntax_problem(page, error)]
        allowed = self.allowed | page.front_matter_names
        found = [
            *_unknown_names(tree, allowed, self.allowed - JINJA_NAMES),
            *_private_attributes(tree),
            *_includes(tree),
        ]
        return [
            Problem(page.shown_as, page.file_line(line), FIELD, f"{message}; {page.fix(line)}")
            for line, message in sorted(found, key=lambda item: item[0])
        ]

    def _syntax_problem(self, page: PageSource, error: TemplateSyntaxError) -> Problem:
        line = error.lineno
        what = (error.message or "invalid template syntax").rstrip(".")
        fix = page.fix(line)
        unclosed = UNCLOSED_BLOCK.search(what)
        if what.startswith("Unexpected end of template") and unclosed:
            tag = unclosed.group(1)
            what = f"'{{% {tag} %}}' is never closed"
            fix = f"add {{% end{tag} %}} where the block should end, or, {fix}"
        return Problem(page.shown_as, page.file_line(line), FIELD, f"{what}; {fix}")


def _unknown_names(
    tree: nodes.Template, allowed: frozenset[str], listed: frozenset[str]
) -> list[tuple[int, str]]:
    unknown = meta.find_undeclared_variables(tree) - allowed
    found = []
    for name_node in tree.find_all(nodes.Name):
        if name_node.name in unknown:
            found.append(
                (
                    name_node.lineno,
                    f"'{name_node.name}' is not a variable or macro of this site "
                    f"(they are: {', '.join(sorted(listed))})",
                )
            )
            unknown = unknown - {name_node.name}
    return found


def _private_attributes(tree: nodes.Template) -> list[tuple[int, str]]:
    found = []
    for node in tree.find_all((nodes.Getattr, nodes.Getitem)):
        if isinstance(node, nodes.Getattr):
            name: object = node.attr
        elif isinstance(node, nodes.Getitem):
            name = _constant(node.arg)
        else:
            continue
        if isinstance(name, str) and name.startswith("_"):
            found.append(
                (node.lineno, f"'{name}' starts with '_', and pages may not use such names")
            )
    return found


def _constant(node: nodes.Node) -> object:
    return node.value if isinstance(node, nodes.Const) else None


def _includes(tree: nodes.Template) -> list[tuple[int, str]]:
    return [
        (
            node.lineno,
            "pages may not include, import or extend other files "
            "(put shared text in data/ and use a macro)",
        )
        for node in tree.find_all((nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends))
    ]


def site_names(macros: dict[str, Callable[..., Any]], data_namespaces: Iterable[str]) -> set[str]:
    """The site's own macros and data: not mkdocs-macros' helpers.

    macros adds ``config``, ``context()``, ``macros_info()`` and more; they
    expose the build's configuration and plugin objects, so pages do not get them.
    """
    own = {
        name
        for name, function in macros.items()
        if not getattr(function, "__module__", "").startswith("mkdocs_macros")
    }
    return own | set(data_namespaces)
