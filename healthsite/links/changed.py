"""Which built pages a pull request changed, from the files it touched."""

from __future__ import annotations

from pathlib import PurePosixPath

# A change here can alter the links of every page.
SITE_WIDE = ("data/", "overrides/", "healthsite/", "mkdocs.yml", "hooks.py", "linkcheck.toml")


def page_url_path(docs_file: str, docs_dir: str = "docs") -> str:
    """``docs/conditions/crps.md`` -> ``conditions/crps/`` (MkDocs' directory URLs)."""
    path = PurePosixPath(docs_file).relative_to(docs_dir).with_suffix("")
    if path.name in ("index", "README"):
        path = path.parent
    return "" if str(path) == "." else f"{path}/"


def changed_pages(changed_files: list[str], docs_dir: str = "docs") -> list[str] | None:
    """The URL paths of the changed pages; None when every page may have changed."""
    if any(name.startswith(SITE_WIDE) for name in changed_files):
        return None
    return sorted(
        {
            page_url_path(name, docs_dir)
            for name in changed_files
            if name.startswith(f"{docs_dir}/") and name.endswith(".md")
        }
    )
