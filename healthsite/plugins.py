"""Typed access to the plugins the hooks work with.

``config.plugins[name]`` is a ``BasePlugin``: mypy cannot see the attributes
of the plugin behind it. These helpers check at run time that the plugin is
the one the hooks were written for and hand it back with its real type:
mkdocs-macros ships type information (``MacrosPlugin``); Material does not,
so its search plugin is described by the ``SearchPlugin`` protocol below,
with only what our hooks use.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any, Protocol, TypeVar, cast

from material.plugins.search.plugin import SearchPlugin as MaterialSearchPlugin
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs_macros.plugin import MacrosPlugin

T = TypeVar("T")


class SearchIndex(Protocol):
    """Material's search index while the site builds (one entry a section)."""

    entries: list[dict[str, Any]]


class SearchPlugin(Protocol):
    """What the hooks use of Material's search plugin (``material/search``)."""

    config: MutableMapping[str, Any]
    search_index: SearchIndex


def _active(config: MkDocsConfig, name: str, kind: type[T], keep: str) -> T:
    """The plugin MkDocs runs under ``name``, if it is a ``kind``; else fail saying ``keep``."""
    plugin = config.plugins.get(name)
    if not isinstance(plugin, kind):
        raise PluginError(f"mkdocs.yml: plugins: {keep}")
    return plugin


def macros_plugin(config: MkDocsConfig) -> MacrosPlugin:
    """The mkdocs-macros plugin, which renders pages' ``{{ ... }}``."""
    return _active(
        config,
        "macros",
        MacrosPlugin,
        "the macros plugin (mkdocs-macros-plugin) is not active; keep `- macros:` in "
        "plugins: pages' {{ cite() }} and {{ stat() }} need it",
    )


def search_plugin(config: MkDocsConfig) -> SearchPlugin:
    """Material's search plugin, which MkDocs names 'material/search'."""
    plugin = _active(
        config,
        "material/search",
        MaterialSearchPlugin,
        "Material's search plugin is not active; keep `theme: material` and "
        "`plugins: [search]` so readers can search",
    )
    return cast(SearchPlugin, plugin)
