"""Every data file of the site, declared once: where it is, what each entry
is, whether pages' templates see it, and what reads it.

The build reads each file through the process's ``YamlFiles`` (``Session``),
so one parse of a file serves every reader in every build (the English build,
the Spanish one inside it, every ``mkdocs serve`` rebuild) until its bytes
change: the checks that load it, the macros (mkdocs-macros gets the files
marked ``macros`` as template variables, ``register_variables``), and what
looks up a line later (a page's missing Spanish wording).

To add a data file: a row here, its loader called in
``healthsite/build/setup.py`` (``check_data_files``), and its pages' macros.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import BaseModel

from healthsite.content.glossary import Term
from healthsite.content.registry import DataFile, KeyRule, Source, Statistic, text_key
from healthsite.content.reviewers import (
    REVIEWERS_FILE,
    REVIEWERS_LOADER,
    ReviewerEntry,
    Reviewers,
    reviewer_key,
    reviewers_from,
)
from healthsite.content.warning_signs import WarningSign
from healthsite.i18n.interface import INTERFACE_FILE
from healthsite.problems import Problem
from healthsite.yamlfile import ParsedYaml, YamlFiles

HERE = "healthsite/content/datafiles.py"


@dataclass(frozen=True)
class Declared:
    """One data file."""

    # How the build names it; when ``macros``, the variable pages' templates
    # see it as (``stats.olmsted_incidence.value``).
    name: str
    # From the project's folder, as messages name it.
    path: str
    # What the file holds, for the message when it is missing.
    holds: str
    # Each top-level entry's model; None when its loader checks it by hand.
    model: type[BaseModel] | None
    # What reads it: the loader that checks it first, then the checks and
    # macros that use it (dotted names; tests/test_data_files.py resolves them).
    used_by: tuple[str, ...]
    macros: bool = False
    # The build stops when it is missing (else its loader says what to do).
    required: bool = False
    loader: type[yaml.SafeLoader] = yaml.SafeLoader
    # What each entry's key must be, and what an editor is told when it is not.
    keys: KeyRule = text_key

    def in_project(self, project_dir: Path, files: YamlFiles) -> DataFile:
        return DataFile(project_dir / self.path, self.path, self.loader, files, self.keys)


DATA_FILES: tuple[Declared, ...] = (
    Declared(
        "stats",
        "data/statistics.yml",
        "the shared statistics pages show with stat()",
        Statistic,
        (
            "healthsite.content.registry.load_registry",
            "healthsite.content.citations.Citations.stat",
            "healthsite.content.citations.Citations.stat_value",
            "healthsite.content.wording.PageWording.problems",
            "healthsite.translations.fingerprint.fingerprint",
        ),
        macros=True,
        required=True,
    ),
    Declared(
        "sources",
        "data/sources.yml",
        "the sources pages cite with cite()",
        Source,
        (
            "healthsite.content.registry.load_registry",
            "healthsite.content.citations.Citations.cite",
            "healthsite.content.warning_signs.load_warning_signs",
            "healthsite.links.locate.sources_by_url",
        ),
        macros=True,
        required=True,
    ),
    Declared(
        "glossary",
        "data/glossary.yml",
        "the glossary terms pages show as tooltips and glossary_list() lists",
        Term,
        (
            "healthsite.content.glossary.load_glossary",
            "healthsite.html.abbr.give_tooltips_to_abbr",
            "healthsite.content.glossary.Glossary.page_list",
            "healthsite.content.wording.PageWording.problems",
            "healthsite.translations.fingerprint.fingerprint",
        ),
        macros=True,
        required=True,
    ),
    Declared(
        "warning_signs",
        "data/warning_signs.yml",
        "the warning signs care cards list with signs()",
        WarningSign,
        (
            "healthsite.content.warning_signs.load_warning_signs",
            "healthsite.content.warning_signs.SignsMacro.render",
            "healthsite.checks.components.check_components",
            "healthsite.content.wording.PageWording.problems",
            "healthsite.translations.fingerprint.fingerprint",
        ),
        macros=True,
        required=True,
    ),
    Declared(
        "reviewers",
        REVIEWERS_FILE,
        "the registry of reviewers that pages name in reviewed_by",
        ReviewerEntry,
        (
            "healthsite.content.reviewers.reviewers_from",
            "healthsite.content.reviewers.check_reviewers",
            "healthsite.content.reviewers.translation_problems",
            "healthsite.content.reviewers.Reviewers.page_list",
            "healthsite.content.wording.PageWording.problems",
            "healthsite.translations.fingerprint.fingerprint",
        ),
        loader=REVIEWERS_LOADER,
        keys=reviewer_key,
    ),
    Declared(
        "interface",
        INTERFACE_FILE,
        "the words of the site's own components",
        None,
        ("healthsite.i18n.interface.load_interface",),
    ),
    Declared(
        "search_terms",
        "data/search_terms.yml",
        "readers' words for pages' words, in English",
        None,
        ("healthsite.search.readers_words.load_search_terms",),
    ),
    Declared(
        "search_terms_es",
        "data/search_terms.es.yml",
        "readers' words for pages' words, in Spanish",
        None,
        ("healthsite.search.readers_words.load_search_terms",),
    ),
)

BY_NAME = {declared.name: declared for declared in DATA_FILES}
# The names pages' templates may use besides the macros.
TEMPLATE_NAMES = tuple(declared.name for declared in DATA_FILES if declared.macros)


def data_files(project_dir: Path, files: YamlFiles) -> dict[str, DataFile]:
    """Every declared data file in the project, read through ``files``."""
    return {declared.name: declared.in_project(project_dir, files) for declared in DATA_FILES}


def missing_files(found: dict[str, DataFile]) -> list[Problem]:
    """A problem for each required data file that does not exist."""
    return [
        Problem(
            declared.path,
            None,
            "(file)",
            f"does not exist; expected {declared.holds} ({HERE} declares it)",
        )
        for declared in DATA_FILES
        if declared.required and not found[declared.name].path.is_file()
    ]


def as_read(found: dict[str, DataFile]) -> dict[str, ParsedYaml | None]:
    """Each data file as this build reads it (``DataFile.parsed``); None for a
    file that does not exist."""
    read: dict[str, ParsedYaml | None] = {}
    for name, data_file in found.items():
        try:
            read[name] = data_file.parsed
        except FileNotFoundError:
            read[name] = None
    return read


def load_reviewers(
    project_dir: Path, files: YamlFiles | None = None
) -> tuple[Reviewers, list[Problem]]:
    """data/reviewers.yml in ``project_dir`` as the build reads it (its row
    of ``DATA_FILES``: loader and key rule): the usable reviewers, every problem."""
    data_file = BY_NAME["reviewers"].in_project(project_dir, files or YamlFiles())
    return reviewers_from(data_file)
