"""In GitHub Actions every editorial problem is also an annotation on its line.

The workflow command format and its escaping are GitHub's (actions/toolkit,
packages/core/src/command.ts); ``parse`` below reads a line back the way the
runner does (actions/runner, src/Runner.Common/ActionCommand.cs, TryParseV2).
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from healthsite.annotations import annotate, error_command, repository_path
from healthsite.problems import Problem, Spot
from tests.sitebuild import build, builds_site, copy_project

HARD_PARAGRAPH = (
    "Notwithstanding considerable methodological heterogeneity, contemporaneous "
    "epidemiological investigations consistently demonstrate substantial "
    "interindividual variability.\n"
    "Comprehensive multidisciplinary rehabilitation programmes necessitate "
    "individualised pharmacological optimisation alongside psychological interventions.\n"
)


# The runner's order: '%25' last, so an escaped '%0A' written out stays as it was.
PROPERTY_ESCAPES = (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%"))


def parse(line: str) -> tuple[str, dict[str, str], str]:
    """A workflow command as the runner reads it: command, properties, message."""
    line = line.lstrip()
    assert line.startswith("::")
    end = line.index("::", 2)
    name, _, listed = line[2:end].partition(" ")
    properties = {}
    for pair in filter(None, listed.strip().split(",")):
        key, _, value = pair.partition("=")
        for escaped, plain in PROPERTY_ESCAPES:
            value = value.replace(escaped, plain)
        properties[key] = value
    message = line[end + 2 :]
    for escaped, plain in (("%0D", "\r"), ("%0A", "\n"), ("%25", "%")):
        message = message.replace(escaped, plain)
    return name, properties, message


def annotations(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("::error")]


def test_escaping_round_trips_through_the_runners_reading() -> None:
    message = "50% of 'a::b'\r\nnext line, with %0A written out"
    command = error_command(message, "docs/odd, name:1.md", 7, "field: a, b")
    assert "\n" not in command
    assert "\r" not in command
    assert command == (
        "::error file=docs/odd%2C name%3A1.md,line=7,title=field%3A a%2C b"
        "::50%25 of 'a::b'%0D%0Anext line, with %250A written out"
    )
    assert parse(command) == (
        "error",
        {"file": "docs/odd, name:1.md", "line": "7", "title": "field: a, b"},
        message,
    )


def test_a_problem_without_a_line_marks_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    out = io.StringIO()
    annotate([Problem("mkdocs.yml", None, "nav", "x is not in the navigation")], Path.cwd(), out)
    assert out.getvalue() == "::error file=mkdocs.yml,title=nav::x is not in the navigation\n"


def test_spots_replace_the_problems_own_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    out = io.StringIO()
    problem = Problem("docs/a.md", 3, "readability", "too hard", (Spot(5, "one"), Spot(9, "two")))
    annotate([problem], None, out)
    assert [parse(line)[1]["line"] for line in out.getvalue().splitlines()] == ["5", "9"]


def test_paths_are_relative_to_the_repository_not_the_project(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    project = tmp_path / "repo" / "website"
    project.mkdir(parents=True)
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path / "repo"))
    assert repository_path("docs/a.md", project) == "website/docs/a.md"
    monkeypatch.delenv("GITHUB_WORKSPACE")
    assert repository_path("docs/a.md", project) == "docs/a.md"


def test_a_copy_outside_the_checkout_is_not_annotated(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """CI's own tests break copies of the site on purpose: nothing is marked for them."""
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path / "checkout"))
    out = io.StringIO()
    annotate([Problem("docs/a.md", 3, "title", "is missing")], tmp_path / "copy", out)
    assert out.getvalue() == ""


def test_nothing_is_written_outside_github_actions(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    out = io.StringIO()
    annotate([Problem("docs/a.md", 3, "title", "is missing")], None, out)
    assert out.getvalue() == ""


@pytest.fixture(scope="module")
@builds_site
def broken_repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A checkout whose site is in a subfolder, with three kinds of mistakes."""
    repository = tmp_path_factory.mktemp("checkout")
    (repository / "website").mkdir()
    project = copy_project(repository / "website")
    crps = project / "docs" / "conditions" / "crps.md"
    crps.write_text(crps.read_text().replace("last_reviewed: 2026-11-20", "last_reviewed: 2026%11"))
    about = project / "docs" / "about.md"
    about.write_text(about.read_text() + "\n" + HARD_PARAGRAPH)
    return repository


def test_failing_build_in_actions_annotates_each_problem_on_its_line(
    broken_repository: Path,
) -> None:
    project = broken_repository / "website"
    env = {"GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": str(broken_repository)}
    result = build(project, env=env)
    assert result.returncode != 0
    crps_lines = (project / "docs/conditions/crps.md").read_text().splitlines()
    date_line = crps_lines.index("last_reviewed: 2026%11") + 1
    about_lines = (project / "docs/about.md").read_text().splitlines()
    hard_lines = [about_lines.index(line) + 1 for line in HARD_PARAGRAPH.splitlines()]

    found = annotations(result.output)
    assert (
        f"::error file=website/docs/conditions/crps.md,line={date_line},title=last_reviewed::"
        "'2026%2511' is not written as YYYY-MM-DD; expected the date of the last clinical "
        "review, as YYYY-MM-DD, e.g. 2026-11-20"
    ) in found
    readability = [parse(line) for line in found if "title=readability" in line]
    assert sorted(int(properties["line"]) for _, properties, _ in readability)[-2:] == hard_lines
    for _, properties, message in readability:
        assert properties["file"] == "website/docs/about.md"
        assert message.startswith("this sentence is grade ")
        assert "expected shorter sentences and plainer words" in message
    assert any("Notwithstanding considerable" in message for _, _, message in readability)
    # The build's own report is there too, as it is locally.
    assert f"  docs/conditions/crps.md:{date_line}: last_reviewed: '2026%11'" in result.output
    assert "Traceback" not in result.output


def test_failing_build_elsewhere_writes_no_annotation(broken_repository: Path) -> None:
    result = build(broken_repository / "website", env={"GITHUB_ACTIONS": ""})
    assert result.returncode != 0
    assert "docs/conditions/crps.md" in result.output
    assert "::error" not in result.output
