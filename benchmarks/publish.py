"""How large the published site grows, release after release; report in Markdown.

    python benchmarks/publish.py --pages 10 100 --releases 36 --snapshots 12 36
    python benchmarks/publish.py --pages 1000 --releases 4 --snapshots 4

For each N it writes the real-page corpus of ``benchmarks/corpus.py`` (N
copies of the CRPS page in the real project), makes it a git checkout with a
local bare repository as ``origin``, and publishes it through the project's
own publish path (``python -m healthsite.publishing.publish``, what the deploy
workflow runs: a real ``mike deploy``, the retention policy, the size guard,
one push), release after release: before each release the text of a few
pages changes (``--changed``). Then ``dev`` from main, then ``--previews``
pull request previews (``python -m healthsite.publishing.preview deploy``, as
the pull request workflow runs it) of one preview build, each changing
``--changed`` pages (``--pages-from``, as the workflow passes it; with
``--full-previews``, every page, as for a pull request that changes a
template).

After the releases named by ``--snapshots``, and at the end, it reports what
GitHub Pages would serve (the tree of gh-pages, by folder), the size of the
gh-pages branch in git, packed (``git repack -a -d`` in the bare repository,
which keeps every commit: what GitHub stores), and the time of each publish
(wall and CPU, mike's build included). The project's own settings apply
(``extra.publishing`` in mkdocs.yml), unless ``--browsable-releases``,
``--live-previews`` or ``--alias-type`` override them in the corpus's copy.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if sys.path[0] == str(ROOT / "benchmarks"):
    sys.path[0] = str(ROOT)  # import as the package ``benchmarks``, not loose files

from benchmarks.corpus import Corpus, make_corpus, real_page_file  # noqa: E402
from benchmarks.measure import MKDOCS  # noqa: E402
from healthsite.publishing.treesize import MB, measure  # noqa: E402
from tests.ghpagesremote import git, hermetic_env  # noqa: E402

log = logging.getLogger("benchmarks.publish")

FIRST_PREVIEW = 101
GOAL_BYTES = 1_000 * MB
AIM_BYTES = 500 * MB
GOAL_SECONDS = 60.0


@dataclass(frozen=True)
class PublishTime:
    """One publish (a release, dev, a preview) and what it cost."""

    pages: int
    what: str
    seconds: float
    cpu_s: float


@dataclass(frozen=True)
class Snapshot:
    """The published tree and the branch in git at one point."""

    pages: int
    after: str
    tree_bytes: int
    packed_bytes: int
    largest: list[tuple[str, int]]
    browsable: list[str]


def child_env() -> dict[str, str]:
    """Hermetic git (the tests' identity, no user config, no token), outside Actions."""
    env = hermetic_env()
    env.pop("GITHUB_ACTIONS", None)
    return env


def timed(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, float]:
    """Run ``command``; its wall and CPU seconds (its children's included)."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as output:
        child = subprocess.Popen(
            command, cwd=cwd, env=env or child_env(), stdout=output, stderr=subprocess.STDOUT
        )
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            output.seek(0)
            text = output.read().decode("utf-8", "replace")
            raise RuntimeError(f"{' '.join(command)} failed in {cwd}:\n{text[-4000:]}")
    return seconds, usage.ru_utime + usage.ru_stime


def set_settings(project: Path, values: dict[str, str]) -> None:
    """Override ``extra.publishing`` fields, or mike's ``alias_type``, in the corpus's copy."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    for key, value in values.items():
        text, count = re.subn(rf"(?m)^(\s+{key}:) .*$", rf"\g<1> {value}", text)
        if count != 1:
            raise ValueError(f"{config}: expected one '{key}:' line, found {count}")
    config.write_text(text, encoding="utf-8")


def change_pages(corpus: Corpus, release: int, changed: int) -> None:
    """The text of ``changed`` generated pages changes for this release."""
    for offset in range(changed):
        number = (release * changed + offset) % corpus.generated + 1
        page = corpus.project_dir / "docs" / real_page_file(number)
        text = page.read_text(encoding="utf-8")
        page.write_text(f"{text}\nRelease {release} changed this page.\n", encoding="utf-8")


def preview_info(corpus: Corpus, changed: int, every_page: bool) -> dict[str, object]:
    """What ``prcomment describe`` writes for a pull request changing ``changed`` pages."""
    pages = [
        {
            "path": real_page_file(number).removesuffix(".md") + "/",
            "source": f"docs/{real_page_file(number)}",
            "title": f"copy {number}",
        }
        for number in range(1, min(changed, corpus.generated) + 1)
    ]
    return {"pull_request": FIRST_PREVIEW, "every_page": every_page, "pages": pages}


def packed_bytes(origin: Path) -> int:
    """Bytes of gh-pages and its history, packed as git would keep them on GitHub."""
    git("repack", "-a", "-d", "-q", cwd=origin)
    counts = dict(line.split(": ") for line in git("count-objects", "-v", cwd=origin).splitlines())
    return (int(counts["size-pack"]) + int(counts["size"])) * 1024


def snapshot(corpus: Corpus, origin: Path, after: str) -> Snapshot:
    tree = measure("gh-pages", {**child_env(), "GIT_DIR": str(origin)})
    versions = json.loads(git("show", "gh-pages:versions.json", cwd=origin))
    browsable = [entry["version"] for entry in versions]
    packed = packed_bytes(origin)
    log.info("N=%d after %s: tree %.1f MB, packed %.1f MB", corpus.generated,
             after, tree.total_bytes / MB, packed / MB)  # fmt: skip
    return Snapshot(corpus.generated, after, tree.total_bytes, packed, tree.largest(8), browsable)


def publish(work: Path, ref: str) -> tuple[float, float]:
    return timed([sys.executable, "-m", "healthsite.publishing.publish", "--ref", ref], work)


def run_corpus(
    args: argparse.Namespace, workdir: Path, count: int
) -> tuple[list[PublishTime], list[Snapshot]]:
    corpus = make_corpus(workdir / f"n{count}", count, plain=False)
    work, origin = corpus.project_dir, corpus.root / "origin.git"
    overrides = {
        key: str(value)
        for key, value in (
            ("browsable_releases", args.browsable_releases),
            ("live_previews", args.live_previews),
            ("alias_type", args.alias_type),
        )
        if value is not None
    }
    set_settings(work, overrides)
    git("init", "--quiet", "--bare", str(origin), cwd=corpus.root)
    git("init", "--quiet", "--initial-branch=main", cwd=work)
    git("remote", "add", "origin", str(origin), cwd=work)
    # The generated pages as written are the first commit, so the drift check
    # finds the English each Spanish copy was stamped from in the history, and a
    # release's changed pages make their translations out of date, not unknown.
    git("add", "--all", cwd=work)
    git("commit", "--quiet", "--message", "Generated pages", cwd=work)
    times: list[PublishTime] = []
    snapshots: list[Snapshot] = []
    for release in range(args.releases):
        change_pages(corpus, release, args.changed)
        git("add", "--all", cwd=work)
        git("commit", "--quiet", "--message", f"Release 1.{release}", cwd=work)
        seconds, cpu = publish(work, f"refs/tags/v1.{release}")
        times.append(PublishTime(count, f"release 1.{release}", seconds, cpu))
        log.info("N=%d release 1.%d: %.1f s (CPU %.1f s)", count, release, seconds, cpu)
        if release + 1 in args.snapshots:
            snapshots.append(snapshot(corpus, origin, f"{release + 1} releases"))
    seconds, cpu = publish(work, "refs/heads/main")
    times.append(PublishTime(count, "dev", seconds, cpu))
    if args.previews:
        # One preview build, deployed as every preview: each pull request's
        # build differs only in its number.
        site = corpus.root / "preview-site"
        build = [str(MKDOCS), "build", "--strict", "--site-dir", str(site)]
        env = {**child_env(), "HEALTHSITE_PREVIEW_PR": str(FIRST_PREVIEW)}
        seconds, cpu = timed(build, work, env)
        times.append(PublishTime(count, "build (for the previews)", seconds, cpu))
        described = corpus.root / "preview.json"
        described.write_text(json.dumps(preview_info(corpus, args.changed, args.full_previews)))
        for number in range(FIRST_PREVIEW, FIRST_PREVIEW + args.previews):
            command = [sys.executable, "-m", "healthsite.publishing.preview", "deploy"]
            command += ["--pr", str(number), "--site-dir", str(site)]
            command += ["--pages-from", str(described)]
            seconds, cpu = timed(command, work)
            times.append(PublishTime(count, f"preview #{number}", seconds, cpu))
    label = f"{args.releases} releases, dev and {args.previews} previews"
    snapshots.append(snapshot(corpus, origin, label))
    return times, snapshots


def _mb(size: int) -> str:
    return f"{size / MB:,.1f}"


def snapshot_rows(snapshots: list[Snapshot]) -> list[str]:
    rows = [
        "| pages | after | published tree MB | gh-pages packed MB | browsable "
        "| largest parts (MB) |",
        "|---:|---|---:|---:|---|---|",
    ]
    for shot in snapshots:
        parts = ", ".join(f"{name} {_mb(size)}" for name, size in shot.largest[:6])
        rows.append(
            f"| {shot.pages} | {shot.after} | {_mb(shot.tree_bytes)} | {_mb(shot.packed_bytes)} "
            f"| {len(shot.browsable)}: {', '.join(shot.browsable[:3])} … | {parts} |"
        )
    return rows


def time_rows(times: list[PublishTime]) -> list[str]:
    rows = [
        "| pages | publish | count | median s | max s | median CPU s |",
        "|---:|---|---:|---:|---:|---:|",
    ]
    groups: dict[tuple[int, str], list[PublishTime]] = {}
    for entry in times:
        kind = entry.what.split()[0]
        groups.setdefault((entry.pages, kind), []).append(entry)
    for (pages, kind), entries in groups.items():
        seconds = [entry.seconds for entry in entries]
        cpu = [entry.cpu_s for entry in entries]
        rows.append(
            f"| {pages} | {kind} | {len(entries)} | {statistics.median(seconds):.1f} "
            f"| {max(seconds):.1f} | {statistics.median(cpu):.1f} |"
        )
    return rows


def report(times: list[PublishTime], snapshots: list[Snapshot], command: str) -> str:
    slowest = max((entry.seconds for entry in times), default=0.0)
    final = [shot for shot in snapshots if "previews" in shot.after]
    largest = max((shot.tree_bytes for shot in final), default=0)
    lines = [
        "# Publish benchmark",
        "",
        f"Command: `{command}`",
        "",
        *snapshot_rows(snapshots),
        "",
        *time_rows(times),
        "",
        f"- Largest published tree at the end: {_mb(largest)} MB "
        f"(goal under {_mb(GOAL_BYTES)}, aim under {_mb(AIM_BYTES)}): "
        f"{'met' if largest < GOAL_BYTES else 'not met'}",
        f"- Slowest publish: {slowest:.1f} s (goal under {GOAL_SECONDS:.0f} s): "
        f"{'met' if slowest < GOAL_SECONDS else 'not met'}",
    ]
    return "\n".join(lines) + "\n"


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[10, 100])
    parser.add_argument("--releases", type=int, default=36, help="releases published, in order")
    parser.add_argument(
        "--snapshots", type=int, nargs="*", default=[12], help="also measure after these releases"
    )
    parser.add_argument("--changed", type=int, default=3, help="pages changed per release")
    parser.add_argument("--previews", type=int, default=20, help="previews deployed at the end")
    parser.add_argument(
        "--full-previews", action="store_true", help="previews of every page, not the changed ones"
    )
    parser.add_argument("--browsable-releases", type=int, help="override extra.publishing")
    parser.add_argument("--live-previews", type=int, help="override extra.publishing")
    parser.add_argument("--alias-type", choices=["copy", "redirect"], help="override mike's")
    parser.add_argument("--output", type=Path, help="also write the report to this file")
    parser.add_argument("--json", type=Path, help="write the raw measurements to this file")
    parser.add_argument("--workdir", type=Path, help="keep corpora here (default: temporary)")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    args = parse_args(argv)
    command = " ".join(["python benchmarks/publish.py", *argv])
    times: list[PublishTime] = []
    snapshots: list[Snapshot] = []
    with tempfile.TemporaryDirectory(prefix="publish-") as temporary:
        workdir = args.workdir or Path(temporary)
        for count in args.pages:
            more_times, more_snapshots = run_corpus(args, workdir, count)
            times += more_times
            snapshots += more_snapshots
    text = report(times, snapshots, command)
    sys.stdout.write(text)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    if args.json:
        raw = {"times": [asdict(t) for t in times], "snapshots": [asdict(s) for s in snapshots]}
        args.json.write_text(json.dumps(raw, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
