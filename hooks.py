"""MkDocs hooks: one function per event, each dispatching to small helpers.

The helpers live in ``healthsite/`` beside this file. State for one build is
kept in ``_build``, created anew in ``on_config`` (``mkdocs serve`` reloads the
config, but not this module, on every rebuild).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from healthsite.citations import Citations
from healthsite.dates import human_date
from healthsite.macrocalls import MacroCalls
from healthsite.problems import Problem, raise_if_any
from healthsite.registry import DataFile, load_registry


@dataclass
class BuildState:
    """What the hooks share during one build."""

    project_dir: Path
    docs_dir_name: str
    citations: Citations
    macro_calls: MacroCalls
    problems: list[Problem] = field(default_factory=list)


_build: BuildState | None = None


def _state() -> BuildState:
    if _build is None:
        raise RuntimeError("hooks.py: on_config has not run")
    return _build


def _data_files(config: MkDocsConfig, project_dir: Path) -> dict[str, DataFile]:
    """The namespaced data files of mkdocs.yml; fail if one does not exist."""
    entries = config.plugins["macros"].config["include_yaml"]
    data_files: dict[str, DataFile] = {}
    problems = []
    for entry in entries:
        [(namespace, relative)] = entry.items()
        path = project_dir / relative
        data_files[namespace] = DataFile(path, relative)
        if not path.is_file():
            problems.append(
                Problem(
                    "mkdocs.yml",
                    None,
                    f"macros.include_yaml.{namespace}",
                    f"data file '{relative}' does not exist; create it or fix the path",
                )
            )
    raise_if_any(problems, "Missing data files")
    return data_files


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build
    project_dir = Path(config.config_file_path).resolve().parent
    data_files = _data_files(config, project_dir)
    registry, problems = load_registry(data_files["sources"], data_files["stats"])
    raise_if_any(problems, "Invalid data files")
    citations = Citations(registry)
    macros = {
        "cite": citations.cite,
        "stat": citations.stat,
        "stat_value": citations.stat_value,
    }
    macros_plugin = config.plugins["macros"]
    macros_plugin.register_macros(macros)
    env = macros_plugin.env
    jinja_starts = (env.variable_start_string, env.block_start_string, env.comment_start_string)
    docs_dir_name = Path(config.docs_dir).relative_to(project_dir).as_posix()
    _build = BuildState(project_dir, docs_dir_name, citations, MacroCalls(macros, jinja_starts))
    return config


def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    state = _state()
    state.citations.start_page(
        f"{state.docs_dir_name}/{page.file.src_path}", Path(page.file.abs_src_path)
    )
    return page


# Before macros (priority 0): expand plain calls of our own macros without
# Jinja, which is most of what macros would cost (healthsite/macrocalls.py).
@event_priority(50)
def _expand_macro_calls(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return _state().macro_calls.expand(markdown)


# After macros (priority 0): the references list is built from the
# citations that the macros recorded while rendering the page.
@event_priority(-50)
def _finish_citations(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    state = _state()
    markdown, problems = state.citations.finish_page(markdown)
    state.problems.extend(problems)
    return markdown


on_page_markdown = CombinedEvent(_expand_macro_calls, _finish_citations)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Every page has been read: report all editorial problems at once."""
    raise_if_any(_state().problems, "Pages with problems")
    env.filters["human_date"] = human_date
    return env
