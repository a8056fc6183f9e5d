"""Which language is being built, and which English page a file stands for.

mkdocs-static-i18n builds the English site, then, from its own
``on_post_build``, calls MkDocs' ``build()`` again on the same config for the
Spanish one (into ``site/es/``). Every event of hooks.py runs once per
language in one process; the plugin's ``current_language`` says which.

A Spanish page sits beside its English original (``docs/PATH.es.md`` beside
``docs/PATH.md``). The build keys every page by its English source path
(``page_key``), so front matter, relations, citations and links are looked up
the same way in both languages; links written from it reach the Spanish page
where there is one (the plugin's ``I18nFiles.get_file_from_path``).
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

ENGLISH = "en"
SPANISH = "es"
DEFAULT_LANGUAGE = ENGLISH
LANGUAGES = (ENGLISH, SPANISH)
# Where each language's site sits under the site's root.
PREFIX = {ENGLISH: "", SPANISH: "es/"}
TRANSLATION_SUFFIX = re.compile(r"\.(?P<language>es)(?P<extension>\.md)$")


def build_language(config: MkDocsConfig) -> str:
    """The language this build writes: the i18n plugin's current one.

    In ``on_config`` of the first build the plugin has not set it yet (its
    ``on_config`` runs after ours): that build is the default language's.
    """
    plugin = config.plugins.get("i18n")
    current = getattr(plugin, "current_language", None) if plugin is not None else None
    return str(current) if current else DEFAULT_LANGUAGE


def is_last_language(config: MkDocsConfig, language: str) -> bool:
    """Whether no other language's build follows this one in this process."""
    plugin = config.plugins.get("i18n")
    languages = getattr(plugin, "build_languages", None) if plugin is not None else None
    return not languages or str(languages[-1]) == language


def is_first_language(config: MkDocsConfig, language: str) -> bool:
    """Whether this build is the first of the languages this process builds
    (the default language's, but for a dirty rebuild of other languages only:
    healthsite/i18n/rebuilds.py)."""
    plugin = config.plugins.get("i18n")
    languages = getattr(plugin, "build_languages", None) if plugin is not None else None
    return not languages or str(languages[0]) == language


def english_src_uri(src_uri: str) -> str:
    """``conditions/crps.md`` for ``conditions/crps.es.md``; an English path as it is."""
    return TRANSLATION_SUFFIX.sub(r"\g<extension>", src_uri)


def translation_language(src_uri: str) -> str:
    """The language a source file is written in, by its suffix."""
    found = TRANSLATION_SUFFIX.search(src_uri)
    return found["language"] if found else DEFAULT_LANGUAGE


def translated_src_uri(src_uri: str, language: str) -> str:
    """The file a translation of an English page is written in."""
    if language == DEFAULT_LANGUAGE:
        return src_uri
    return f"{src_uri.removesuffix('.md')}.{language}.md"


def page_key(file: File) -> str:
    """The English source path the page stands for, in every language's build."""
    return english_src_uri(file.src_uri)


def is_untranslated(file: File, language: str) -> bool:
    """An English page shown in another language's site, which has no translation of it."""
    return language != DEFAULT_LANGUAGE and translation_language(file.src_uri) != language
