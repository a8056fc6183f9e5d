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


# --- Hashes: a file changed on the package index cannot be installed ----------

LOCKS = ("requirements.lock", "requirements-properdocs.lock")
HASH = re.compile(r"--hash=sha256:[0-9a-f]{64}\b")


def pinned_entries(lock_file: str) -> dict[str, str]:
    """Each pin of a lock with the lines that follow it, up to the next pin."""
    text = (ROOT / lock_file).read_text(encoding="utf-8")
    starts = list(PIN.finditer(text))
    assert starts, f"{lock_file}: no `name==version` line"
    ends = [match.start() for match in starts[1:]] + [len(text)]
    return {
        match.group(1): text[match.start() : end] for match, end in zip(starts, ends, strict=True)
    }


def test_every_pin_of_both_locks_carries_its_hashes() -> None:
    for lock_file in LOCKS:
        unhashed = [
            name for name, entry in pinned_entries(lock_file).items() if not HASH.search(entry)
        ]
        assert not unhashed, f"{lock_file}: no --hash for {', '.join(unhashed)}; run `make lock`"


def test_the_lock_target_asks_pip_compile_for_hashes() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "--generate-hashes" in makefile.split("PIP_COMPILE =", 1)[1].split("\n\n", 1)[0]
