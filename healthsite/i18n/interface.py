"""The words of the site's own components and templates, in every language.

They live in one data file, ``data/interface.yml``: each key holds an English
(``en``) and a Spanish (``es``) wording, and the build refuses a key missing
either, so no reader meets an English heading on a Spanish page. Material's
own words (the search box, "On this page", the version selector) come from
Material's translations, by the theme language the i18n plugin sets per build.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from healthsite.pages.language import DEFAULT_LANGUAGE, LANGUAGES
from healthsite.problems import Problem
from healthsite.yamlfile import InvalidYamlError, YamlFiles, line_of

INTERFACE_FILE = "data/interface.yml"
LANGUAGE_NAMES = {"en": "English", "es": "Spanish"}


@dataclass(frozen=True)
class Interface:
    """Every interface string, by key, in each language."""

    wordings: dict[str, dict[str, str]]

    def words(self, language: str) -> dict[str, str]:
        """Each key's wording in ``language``."""
        return {key: wording[language] for key, wording in self.wordings.items()}

    def word(self, key: str, language: str = DEFAULT_LANGUAGE) -> str:
        return self.wordings[key][language]


def _entry_problems(
    key: str, body: object, lines: Mapping[tuple[object, ...], int]
) -> list[Problem]:
    if not isinstance(body, dict):
        return [
            Problem(
                INTERFACE_FILE,
                line_of(lines, (key,)),
                key,
                "is not a mapping of languages; expected 'en: ...' and 'es: ...' under it",
            )
        ]
    problems = []
    for language in LANGUAGES:
        wording = body.get(language)
        if not isinstance(wording, str) or not wording.strip():
            what = "is missing" if wording is None else "is not text"
            problems.append(
                Problem(
                    INTERFACE_FILE,
                    line_of(lines, (key, language)) or line_of(lines, (key,)),
                    f"{key}.{language}",
                    f"{what}; expected the {LANGUAGE_NAMES[language]} wording of this "
                    "string, as readers of that language's pages will see it",
                )
            )
    problems.extend(
        Problem(
            INTERFACE_FILE,
            line_of(lines, (key, other)),
            f"{key}.{other}",
            f"is not a language of the site; expected only {' and '.join(LANGUAGES)}",
        )
        for other in body
        if other not in LANGUAGES
    )
    return problems


def load_interface(
    project_dir: Path, files: YamlFiles | None = None
) -> tuple[Interface, list[Problem]]:
    """Read and check data/interface.yml (parsed through ``files``, when given)."""
    try:
        parsed = (files or YamlFiles()).parsed(project_dir / INTERFACE_FILE, INTERFACE_FILE)
        raw, lines = parsed.read()
    except InvalidYamlError as error:
        return Interface({}), [error.problem]
    except FileNotFoundError:
        message = "does not exist; it holds the words of the site's own components"
        return Interface({}), [Problem(INTERFACE_FILE, None, "(file)", message)]
    if not isinstance(raw, dict):
        message = "must be a mapping of key: {en: ..., es: ...}"
        return Interface({}), [Problem(INTERFACE_FILE, 1, "(file)", message)]
    problems = []
    wordings: dict[str, dict[str, str]] = {}
    for key, body in raw.items():
        found = _entry_problems(str(key), body, lines)
        problems.extend(found)
        if not found:
            wordings[str(key)] = {language: str(body[language]) for language in LANGUAGES}
    return Interface(wordings), problems
