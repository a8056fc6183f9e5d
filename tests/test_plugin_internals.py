"""The one private attribute of another package the build writes, pinned.

mkdocs-macros has no public way to replace its Jinja environment, so the
build sets ``MacrosPlugin._env`` to its sandbox (healthsite/build/setup.py,
``sandbox_macros``). If a release renames it, or gives ``env`` a setter,
these fail: pages would otherwise render outside the sandbox unnoticed.
"""

from __future__ import annotations

from jinja2 import Environment
from mkdocs_macros.plugin import MacrosPlugin

from healthsite.build.setup import sandbox_macros
from healthsite.checks.sandbox import PageSandbox


def test_macros_reads_back_the_sandbox_through_its_public_env() -> None:
    plugin = MacrosPlugin()
    plugin._env = Environment()
    sandbox_macros(plugin, lambda message, line: None)
    assert isinstance(plugin.env, PageSandbox)
    assert plugin.env.from_string("{{ 1 + 1 }}").render() == "2"


def test_macros_env_has_no_public_setter_yet() -> None:
    env = MacrosPlugin.__dict__["env"]
    assert isinstance(env, property)
    assert env.fset is None, "mkdocs-macros can now set env: use it in sandbox_macros"
