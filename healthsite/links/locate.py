"""Where an editor fixes a link: the page's Markdown file, or data/sources.yml."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from healthsite.content.datafiles import BY_NAME
from healthsite.pages.language import SPANISH, translated_src_uri
from healthsite.yamlfile import InvalidYamlError, YamlFiles


def page_source(url_path: str, project_dir: Path, docs_dir: str = "docs") -> str | None:
    """``conditions/crps/`` -> ``docs/conditions/crps.md``, if that file exists.

    A page of the Spanish site (``es/conditions/crps/``) is made from its
    translation (``docs/conditions/crps.es.md``), or, not translated yet,
    from the English page.
    """
    stem = url_path.strip("/")
    language, _, rest = stem.partition("/")
    if language == SPANISH:
        english = page_source(rest, project_dir, docs_dir)
        if english is None:
            return None
        translated = translated_src_uri(english, SPANISH)
        return translated if (project_dir / translated).is_file() else english
    candidates = [f"{stem}.md", f"{stem}/index.md"] if stem else ["index.md"]
    for candidate in candidates:
        if (project_dir / docs_dir / candidate).is_file():
            return f"{docs_dir}/{candidate}"
    return None


@dataclass(frozen=True)
class SourceEntry:
    key: str
    where: str  # e.g. "data/sources.yml:56"


def sources_by_url(project_dir: Path, files: YamlFiles | None = None) -> dict[str, SourceEntry]:
    """Each cited URL -> its entry in the sources file (empty if unreadable),
    read as the build reads it (the data-file table, ``YamlFiles``)."""
    sources = BY_NAME["sources"].in_project(project_dir, files or YamlFiles())
    if not sources.path.is_file():
        return {}
    try:
        data, lines = sources.read()
    except InvalidYamlError:
        return {}  # the build reports a broken sources file; the report just says less
    return {
        entry["url"]: SourceEntry(key, f"{sources.shown_as}:{lines.get((key, 'url'), '?')}")
        for key, entry in (data if isinstance(data, dict) else {}).items()
        if isinstance(entry, dict) and isinstance(entry.get("url"), str)
    }
