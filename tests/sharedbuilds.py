"""Copies of the site that hold several editors' mistakes at once, each copy
built once per test run, for the tests of every module that put a mistake in it.

The build checks in stages, and at the end of the first stage that found a
problem it fails, listing every problem of that stage: the data files
("Invalid data files"), then the English pages ("Pages with problems"), then
the Spanish pages, which the Spanish build checks only once the English one
passed. MkDocs checks links to other pages' anchors only once every page
passed those checks, and fails a strict build for a broken link at its end.
So mistakes of one stage, each in files of its own, need one build between
them, not one each. A test module puts its mistake in a copy with
``@COPY.mistake`` on the function that makes it; the test reads its message
from that copy's build (the ``shared_builds`` fixture, tests/conftest.py). A
mistake keeps a build of its own when it stops the build before the other
checks of its stage (a YAML syntax error or a key written twice, a missing
file, a setting in mkdocs.yml), or when its message would change beside the
others (the same page edited two ways).

Edits that must build, each read on its own page (a changed figure, an edited
glossary term, a generated page), share a copy too (``@PAGE_EDITS.edit``): one
passing build instead of one each. An edit whose test reads every built page
(the fuzzer's leak check) keeps its own build, as another module's edit could
change what it reads.

A copy holds the mistakes of every module pytest imported: a module run alone
builds its own mistakes only. Under pytest-xdist every worker imports the same
modules, and the first worker to need a copy builds it in the run's shared
folder while the others wait for it.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from filelock import FileLock

from tests.sitebuild import Build, build, copy_project

# Makes one mistake in a project copy. What it returns must survive JSON (the
# worker that reads the build may not be the one that made the copy); a test
# reads the lines of the files as the build read them, with ``SharedBuild.text``:
# a later maker may have edited the same file.
Make = TypeVar("Make", bound=Callable[[Path], Any])
_COPY = "_healthsite_shared_copy"


@dataclass(frozen=True)
class SharedCopy:
    """One copy of the project, the mistakes made in it, and the build's environment."""

    name: str
    env: dict[str, str] = field(default_factory=dict)
    makers: list[Callable[[Path], Any]] = field(default_factory=list)

    def mistake(self, make: Make) -> Make:
        """Decorator: make this mistake in the copy (in the order modules are imported)."""
        return self._add(make)

    def edit(self, make: Make) -> Make:
        """Decorator: make this edit, which the copy must still build with."""
        return self._add(make)

    def _add(self, make: Make) -> Make:
        if getattr(make, _COPY, None) is not None:
            raise ValueError(f"{_key(make)} is already made in a shared copy")
        setattr(make, _COPY, self)
        self.makers.append(make)
        return make


def _key(make: Callable[[Path], Any]) -> str:
    return f"{make.__module__}.{make.__qualname__}"


# Each stage's copies. The pages' stage has three, as some of their mistakes
# are on the same pages; each is built in CI on a fixed day, as every page's
# review dates are read.
DATA_MISTAKES = SharedCopy("data-mistakes")
PAGE_MISTAKES = SharedCopy("page-mistakes", {"CI": "true", "HEALTHSITE_TODAY": "2026-11-25"})
# Two days after the IV ketamine page's review fell due (tests/test_frontmatter.py).
FRONT_MATTER_MISTAKES = SharedCopy(
    "front-matter-mistakes", {"CI": "true", "HEALTHSITE_TODAY": "2027-05-22"}
)
LIBRARY_MISTAKES = SharedCopy("library-mistakes", {"CI": "true", "HEALTHSITE_TODAY": "2026-11-25"})
SPANISH_MISTAKES = SharedCopy("spanish-mistakes")
LINK_MISTAKES = SharedCopy("link-mistakes")
# No mistake: the copy must build, each edit shown on its own pages.
PAGE_EDITS = SharedCopy("page-edits")


@dataclass(frozen=True)
class SharedBuild:
    """A shared copy's build, and what one maker returned."""

    result: Build
    project: Path
    made: Any

    def text(self, relative: str) -> str:
        """A file of the copy as the build read it, every maker's edits made."""
        return (self.project / relative).read_text(encoding="utf-8")


@dataclass
class SharedBuilds:
    """The builds of the shared copies, each made when a test first asks for it."""

    folder: Path
    _built: dict[str, tuple[Build, dict[str, Any]]] = field(default_factory=dict)

    def of(self, make: Callable[[Path], Any]) -> SharedBuild:
        """The build of the copy ``make`` made its mistake in, and what ``make`` returned."""
        copy: SharedCopy | None = getattr(make, _COPY, None)
        if copy is None:
            raise ValueError(
                f"{_key(make)} is in no shared copy: decorate it with @COPY.mistake or @COPY.edit"
            )
        if copy.name not in self._built:
            self._built[copy.name] = self._build(copy)
        result, made = self._built[copy.name]
        return SharedBuild(result, self.folder / copy.name, made[_key(make)])

    def _build(self, copy: SharedCopy) -> tuple[Build, dict[str, Any]]:
        project = self.folder / copy.name
        # Written last, beside the project: the build's outcome and what each maker returned.
        outcome = self.folder / f"{copy.name}.json"
        keys = [_key(make) for make in copy.makers]
        with FileLock(f"{project}.lock"):
            if not outcome.is_file():
                shutil.rmtree(project, ignore_errors=True)
                project.mkdir(parents=True)
                copy_project(project)
                made = {_key(make): make(project) for make in copy.makers}
                result = build(project, env=copy.env)
                saved = {"returncode": result.returncode, "output": result.output, "made": made}
                outcome.write_text(json.dumps(saved), encoding="utf-8")
        saved = json.loads(outcome.read_text(encoding="utf-8"))
        if list(saved["made"]) != keys:  # every worker imports the same test modules
            raise AssertionError(f"{copy.name} was made with {list(saved['made'])}, not {keys}")
        return Build(saved["returncode"], saved["output"], project / "site"), saved["made"]
