"""Make ``--dist loadgroup`` group again under pytest 9.2 (pytest-xdist#1386).

pytest-xdist sends every test marked ``@pytest.mark.xdist_group("name")`` to
one worker by writing ``@name`` at the end of the test's id, which its
scheduler then reads. xdist 3.8 writes the id to ``item._nodeid``; pytest 9.2
keeps a node's id in ``item._id`` (a structured ``NodeId``) and no longer
reads ``_nodeid``, so nothing is grouped and each worker builds a module's
shared site once (pytest-xdist#1386; the fix, pytest-xdist#1388, is not
released). This plugin, loaded by tests/conftest.py, writes the suffix where
pytest 9.2 reads it. It writes a private attribute of pytest because neither
pytest nor xdist offers a public way to group; tests/test_xdist_groups.py runs
a small suite on two workers and fails if grouping stops working, so a change
in either package is noticed. Remove this file once xdist groups by itself
(the test will still pass without it then).
"""

from __future__ import annotations

import pytest


def _group_names(item: pytest.Item) -> list[str]:
    """The sorted names of the item's ``xdist_group`` marks, as xdist joins them."""
    names = set()
    for mark in item.iter_markers("xdist_group"):
        names.add(str(mark.args[0] if mark.args else mark.kwargs.get("name", "default")))
    return sorted(names)


@pytest.hookimpl(trylast=True)  # after xdist's own hook, which may one day work again
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # Set by xdist on each worker of a --dist loadgroup run (its remote.py).
    if not getattr(config.option, "loadgroup", False):
        return
    for item in items:
        names = _group_names(item)
        if not names:
            continue
        suffix = "@" + "_".join(names)
        if item.nodeid.endswith(suffix):
            continue  # xdist's own id change took effect
        item._id = type(item._id).parse(item.nodeid + suffix)  # type: ignore[attr-defined]
