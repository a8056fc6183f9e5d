"""MkDocs hooks: one function per event, each dispatching to small helpers.

The helpers live in ``healthsite/`` beside this file. State for one build is
kept in ``_build``, created anew in ``on_config`` (``mkdocs serve`` reloads the
config, but not this module, on every rebuild).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from healthsite.citations import Citations
from healthsite.csp import fill_script_hashes
from healthsite.dates import human_date
from healthsite.problems import Problem, raise_if_any
from healthsite.registry import DataFile, Source, load_registry
from healthsite.searchterms import add_reader_terms, register_keywords_field, search_plugin
from healthsite.structured_data import check_treatment_links, json_ld_filter


@dataclass
class BuildState:
    """What the hooks share during one build."""

    project_dir: Path
    docs_dir_name: str
    citations: Citations
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
    project_dir = Path(config.config_file_path).parent
    data_files = _data_files(config, project_dir)
    registry, problems = load_registry(data_files["sources"], data_files["stats"])
    raise_if_any(problems, "Invalid data files")
    citations = Citations(registry)
    config.plugins["macros"].register_macros(
        {
            "cite": citations.cite,
            "stat": citations.stat,
            "stat_value": citations.stat_value,
        }
    )
    docs_dir_name = Path(config.docs_dir).relative_to(project_dir).as_posix()
    _build = BuildState(project_dir, docs_dir_name, citations)
    register_keywords_field(search_plugin(config))
    return config


def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    state = _state()
    state.citations.start_page(
        f"{state.docs_dir_name}/{page.file.src_path}", Path(page.file.abs_src_path)
    )
    return page


# After macros (priority 0): the references list is built from the
# citations that the macros recorded while rendering the page.
@event_priority(-50)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    state = _state()
    markdown, problems = state.citations.finish_page(markdown)
    state.problems.extend(problems)
    return markdown


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Every page has been read: report all editorial problems at once."""
    state = _state()
    state.problems.extend(check_treatment_links(files, state.docs_dir_name))
    raise_if_any(state.problems, "Pages with problems")
    env.filters["human_date"] = human_date
    env.filters["medical_web_page"] = json_ld_filter(_cited_sources, files)
    return env


def _cited_sources(page: Page) -> list[Source]:
    state = _state()
    return state.citations.cited_by_page.get(f"{state.docs_dir_name}/{page.file.src_path}", [])


# Runs after the search plugin (plugins come before hooks) has indexed the page.
def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    add_reader_terms(search_plugin(config), page)
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return fill_script_hashes(output)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    return fill_script_hashes(output_content)
