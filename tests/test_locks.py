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
# Where the project installs from a lock: the Makefile (and through it .ci/run
# and the workflows' `make` steps), .ci/run itself and the workflows' own steps.
INSTALLERS = ("Makefile", ".ci/run", ".github/workflows/*.yml")
PIP_INSTALL = re.compile(r"^(?!\s*#).*\bpip install\b.*$", re.MULTILINE)  # not in a comment


def pinned_entries(lock_file: str) -> dict[str, str]:
    """Each pin of a lock with the lines that follow it, up to the next pin."""
    text = (ROOT / lock_file).read_text(encoding="utf-8")
    starts = list(PIN.finditer(text))
    assert starts, f"{lock_file}: no `name==version` line"
    ends = [match.start() for match in starts[1:]] + [len(text)]
    return {
        match.group(1): text[match.start() : end] for match, end in zip(starts, ends, strict=True)
    }


def install_commands() -> list[tuple[str, str]]:
    files = sorted(path for pattern in INSTALLERS for path in ROOT.glob(pattern))
    commands = [
        (path.relative_to(ROOT).as_posix(), found.group(0).strip())
        for path in files
        for found in PIP_INSTALL.finditer(path.read_text(encoding="utf-8"))
    ]
    assert commands, "no `pip install` found in the Makefile, .ci/run or the workflows"
    return commands


def test_every_pin_of_both_locks_carries_its_hashes() -> None:
    for lock_file in LOCKS:
        unhashed = [
            name for name, entry in pinned_entries(lock_file).items() if not HASH.search(entry)
        ]
        assert not unhashed, f"{lock_file}: no --hash for {', '.join(unhashed)}; run `make lock`"


def test_every_install_requires_hashes() -> None:
    unchecked = [
        f"{where}: {command}"
        for where, command in install_commands()
        if "--require-hashes" not in command
    ]
    assert not unchecked, "installs without --require-hashes:\n" + "\n".join(unchecked)
    assert any(where == "Makefile" for where, _ in install_commands())


def test_the_lock_target_asks_pip_compile_for_hashes() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "--generate-hashes" in makefile.split("PIP_COMPILE =", 1)[1].split("\n\n", 1)[0]
