"""The two locks pin the same packages: ProperDocs' CI job tests what MkDocs' job tests.

requirements-properdocs.lock is requirements.lock plus ProperDocs (README,
"Longevity"); a package added to requirements.in but locked only in
requirements.lock would leave the ProperDocs job without it.
"""

from __future__ import annotations

import re

from tests.sitebuild import ROOT

PIN = re.compile(r"^([A-Za-z0-9_.-]+)==(\S+)", re.MULTILINE)


def pins(lock_file: str) -> dict[str, str]:
    text = (ROOT / lock_file).read_text(encoding="utf-8")
    return {name.lower(): version for name, version in PIN.findall(text)}


def test_the_properdocs_lock_is_the_main_lock_plus_properdocs() -> None:
    main, properdocs = pins("requirements.lock"), pins("requirements-properdocs.lock")
    assert "mkdocs" in main
    assert {name: properdocs.get(name) for name in main} == main, "run `make lock`"
    assert set(properdocs) - set(main) == {"properdocs"}
