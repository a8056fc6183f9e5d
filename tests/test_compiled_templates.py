"""What a build reuses from the builds before it, and that an edit is never hidden by it.

The theme's templates, compiled by Jinja, are kept for the process and, in a
test run, for every build of the run (healthsite/serving.py,
``CompiledTemplates``); a copy of the project for a test carries the compiled
code of its Python files (tests/sitebuild.py, ``copy_project``). Both are
used only while the source they were made from is unchanged.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from jinja2 import Environment, FileSystemLoader

from healthsite.serving import TEMPLATE_CACHE_VARIABLE, CompiledTemplates
from tests.sitebuild import Build, copy_project


class CountingEnvironment(Environment):
    """A Jinja environment that counts the templates it compiles."""

    compiled = 0

    def compile(self, *args: object, **kwargs: object) -> object:  # type: ignore[override]
        CountingEnvironment.compiled += 1
        return super().compile(*args, **kwargs)  # type: ignore[call-overload]


def _render(folder: Path, templates: CompiledTemplates) -> str:
    env = CountingEnvironment(loader=FileSystemLoader(folder), auto_reload=False)
    env.bytecode_cache = templates
    return env.get_template("box.html").render(word="kept")


def test_a_template_is_compiled_once_for_the_process_and_the_run(tmp_path: Path) -> None:
    (tmp_path / "box.html").write_text("<p>{{ word }}</p>", encoding="utf-8")
    kept = tmp_path / "compiled"
    CountingEnvironment.compiled = 0
    process = CompiledTemplates(kept)
    assert _render(tmp_path, process) == "<p>kept</p>"
    assert _render(tmp_path, process) == "<p>kept</p>"  # the other language's build
    assert _render(tmp_path, CompiledTemplates(kept)) == "<p>kept</p>"  # another build
    assert CountingEnvironment.compiled == 1


def test_an_edited_template_is_compiled_again_in_the_process_and_the_run(tmp_path: Path) -> None:
    template = tmp_path / "box.html"
    template.write_text("<p>{{ word }}</p>", encoding="utf-8")
    kept = tmp_path / "compiled"
    process = CompiledTemplates(kept)
    assert _render(tmp_path, process) == "<p>kept</p>"
    template.write_text("<p>{{ word }}, edited</p>", encoding="utf-8")
    assert _render(tmp_path, process) == "<p>kept, edited</p>"  # a rebuild under serve
    template.write_text("<p>{{ word }}, edited again</p>", encoding="utf-8")
    assert _render(tmp_path, CompiledTemplates(kept)) == "<p>kept, edited again</p>"


def test_the_builds_of_a_run_keep_the_theme_s_compiled_templates(built_site: Build) -> None:
    kept = Path(os.environ[TEMPLATE_CACHE_VARIABLE])
    assert built_site.returncode == 0
    assert len(list(kept.glob("jinja-*"))) >= 20  # Material's templates and ours


def _imported(project: Path) -> str:
    """What Python says about where it took healthsite.problems from, in ``project``."""
    return subprocess.run(
        [sys.executable, "-v", "-c", "import healthsite.problems"],
        cwd=project,
        env={**os.environ, "PYTHONPATH": str(project)},
        capture_output=True,
        text=True,
        check=True,
    ).stderr


def test_a_copy_s_compiled_python_is_used_until_the_file_is_edited(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    source = project / "healthsite" / "problems.py"
    compiled = (
        project / "healthsite" / "__pycache__" / f"problems.{sys.implementation.cache_tag}.pyc"
    )
    assert f"# {compiled} matches {source}" in _imported(project)
    source.write_text(source.read_text(encoding="utf-8") + "\nEDITED = True\n", encoding="utf-8")
    assert f"# {compiled} matches {source}" not in _imported(project)
