"""The comment on a pull request about its preview: which pages changed, and where to see them.

This module writes the comment; GitHub's own CLI posts it. The workflows run
``gh pr comment N --body-file FILE --edit-last --create-if-none``, which
edits the last comment the job's token wrote on the pull request, or adds
one: only the preview steps comment on pull requests with that token, so
that comment is the preview comment (README, "Pull request previews").

Two steps, because the comment for a pull request from a fork is written by
another workflow (triggered by ``workflow_run``) that has a token to comment
but must run none of the fork's code:

- ``describe``, in the job that builds the pull request, lists the pages it
  changes (with their titles, from the built site) in ``preview.json``,
  uploaded as an artifact;
- ``body`` reads that file, as data only (for a fork it is untrusted:
  validated, and its text escaped), writes the comment to a file and prints
  the pull request's number; for a fork the workflow then checks, with
  ``gh``, that the pull request is at the commit that was built.

Usage, from the repository root::

    python -m healthsite.publishing.prcomment describe --pr N --changed-from FILE \\
        --site-dir site --out DIR
    python -m healthsite.publishing.prcomment body --info DIR/preview.json --head-sha SHA \\
        --out FILE [--fork --run-url URL]
    python -m healthsite.publishing.prcomment removed --comments FILE --out FILE [--evicted]

``removed`` reads the pull request's comments (``gh pr view N --json comments``)
and writes the new text of the preview comment only if there is one: a closed
pull request, or one whose preview made room for newer ones, never gets a new
comment.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
from collections.abc import Sequence
from html.parser import HTMLParser
from pathlib import Path

from mkdocs.utils.yaml import yaml_load

from healthsite.links.changed import changed_pages, page_url_path
from healthsite.publishing.preview import preview_url
from healthsite.publishing.previewinfo import (
    INFO_FILE,
    ChangedPage,
    InfoError,
    PreviewInfo,
    StaleTranslation,
    read_info,
)
from healthsite.publishing.settings import SettingsError, read_settings
from healthsite.translations.history import GitHistory
from healthsite.translations.pullrequest import made_stale
from healthsite.translations.status import check_translations

log = logging.getLogger("healthsite.publishing.prcomment")

# The first line of the comment: how ``removed`` tells it from the bot's other comments.
MARKER = "<!-- healthsite: pull request preview -->"
# The job token's login as GitHub's GraphQL API names it (gh pr view), and as the REST API does.
BOT_LOGINS = ("github-actions", "github-actions[bot]")
LOCAL_PORT = 8000
TITLE_MAX_CHARS = 120
MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+!|~])")


# --- describe ------------------------------------------------------------------


class _FirstHeading(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.inside = False
        self.done = False
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "h1" and not self.done:
            self.inside = True
        elif self.inside and tag == "a":  # the permalink's "¶"
            self.inside = False

    def handle_endtag(self, tag: str) -> None:
        if tag == "h1":
            self.inside, self.done = False, True

    def handle_data(self, data: str) -> None:
        if self.inside:
            self.parts.append(data)


def page_title(site_dir: Path, path: str) -> str | None:
    """The built page's title (its h1), or None if the build has no such page."""
    html_file = site_dir / path / "index.html"
    if not html_file.is_file():
        return None
    parser = _FirstHeading()
    parser.feed(html_file.read_text(encoding="utf-8"))
    return " ".join("".join(parser.parts).split()) or path


def stale_translations(root: Path, base: str) -> list[StaleTranslation]:
    """The Spanish pages current at ``base`` that the work tree makes out of date."""
    history = GitHistory(root)
    if history.unavailable is not None:
        log.info("stale translations not listed: %s", history.unavailable)
        return []
    head = check_translations(root, history=history, report_front_matter=False)
    return [
        StaleTranslation(spanish=status.spanish, english=status.english)
        for status in made_stale(history, base, head)
    ]


def describe(
    number: int,
    changed_files: list[str],
    site_dir: Path,
    stale: list[StaleTranslation] | None = None,
) -> PreviewInfo:
    """The pages a pull request changes, from the files it changes and its build,
    and the translations it makes out of date."""
    sources = sorted(
        {name for name in changed_files if name.startswith("docs/") and name.endswith(".md")}
    )
    pages = [
        ChangedPage(path=path, source=source, title=page_title(site_dir, path))
        for source in sources
        for path in [page_url_path(source)]
    ]
    return PreviewInfo(
        pull_request=number,
        every_page=changed_pages(changed_files) is None,
        pages=pages,
        stale_translations=stale or [],
    )


# --- The comment ----------------------------------------------------------------


def plain(text: str) -> str:
    """Text from a pull request's build, safe to put in a comment as it is."""
    text = " ".join(text.split())[:TITLE_MAX_CHARS]
    # Markdown's punctuation escaped; '@' kept from mentioning anyone.
    return MARKDOWN_SPECIAL.sub(r"\\\1", text).replace("@", "@\u200b")


def _changed_list(info: PreviewInfo, base_url: str) -> list[str]:
    lines = []
    for page in info.pages:
        if page.title is None:
            lines.append(f"- `{page.source}`: removed by this pull request")
        else:
            lines.append(f"- [{plain(page.title)}]({base_url}{page.path}) (`{page.source}`)")
    if not lines:
        lines.append("- none: this pull request changes no page's text")
    if info.every_page:
        lines += [
            "",
            "It also changes what every page is built from (data, templates or code), "
            "so look over other pages too.",
        ]
    return lines


def _stale_list(info: PreviewInfo) -> list[str]:
    if not info.stale_translations:
        return []
    return [
        "Spanish translations this pull request makes out of date (it changes what their "
        "English page says). Readers of each see a notice until it is updated; then run "
        '`make translations STAMP=<the .es.md file>` (CONTRIBUTING.md, "Translating a page"):',
        "",
        *(
            f"- `{stale.spanish}` (translates `{stale.english}`)"
            for stale in info.stale_translations
        ),
        "",
    ]


def comment_body(
    info: PreviewInfo,
    site_url: str,
    head_sha: str,
    *,
    fork: bool,
    run_url: str = "",
    live_previews: int | None = None,
) -> str:
    """The comment, for a pull request from this repository or from a fork."""
    short = head_sha[:7]
    if not fork:
        address = preview_url(site_url, info.pull_request)
        parts = [
            MARKER,
            "### Preview of this pull request",
            "",
            f"**Open the preview:** {address}",
            "",
            "It shows the site with this change, as readers would see it. It is a proposed "
            "change, not published guidance: each page says so, and asks search engines not "
            "to index it.",
            "",
            "Pages this pull request changes:",
            "",
            *_changed_list(info, address),
            "",
            *_stale_list(info),
            *(
                []
                if info.every_page
                else [
                    "The preview holds only these pages and its home page; a link to any "
                    "other page leads to that page on the published site.",
                    "",
                ]
            ),
            f"Built from {short}. The preview is updated on each push (GitHub Pages can take "
            "a minute or two to show it) and removed when the pull request closes.",
        ]
        if live_previews is not None:
            parts += [
                "",
                f"At most {live_previews} previews stay on the site at once: when more pull "
                "requests are pushed, the preview pushed least recently is removed to make "
                "room. This comment then says so, and a new push puts the preview back.",
            ]
    else:
        local = f"http://127.0.0.1:{LOCAL_PORT}/"
        parts = [
            MARKER,
            "### Preview of this pull request",
            "",
            "This pull request comes from a fork, so its preview is not put on the site's "
            "address (only branches of this repository are). To see it on your computer:",
            "",
            f"1. Open [the checks of this pull request]({run_url}) and download the "
            "**site** artifact, at the bottom of the page (it is kept for 14 days).",
            "2. Unzip it, open a terminal in the unzipped folder and run "
            f"`python3 -m http.server {LOCAL_PORT}`.",
            f"3. Open <{local}> in your browser.",
            "",
            "It is a proposed change, not published guidance: each page says so.",
            "",
            "Pages this pull request changes (addresses on your computer, once step 2 runs):",
            "",
            *_changed_list(info, local),
            "",
            *_stale_list(info),
            f"Built from {short}; this comment is updated on each push.",
        ]
    return "\n".join(parts) + "\n"


REMOVED_BODY = (
    f"{MARKER}\n### Preview of this pull request\n\n"
    "The pull request is closed, so its preview has been removed.\n"
)
EVICTED_NOTE = "> **This preview has been removed** from the site to make room"
HEADING = "### Preview of this pull request\n"


def evicted_body(body: str, live_previews: int) -> str:
    """The comment with a note that the preview was removed; its list of pages kept."""
    if EVICTED_NOTE in body or HEADING not in body:
        return body
    note = (
        f"{EVICTED_NOTE}: at most {live_previews} previews stay on the site at once, and "
        "this one was pushed least recently. The links below no longer open; push a new "
        "commit to put the preview back.\n\n"
    )
    return body.replace(HEADING, HEADING + "\n" + note, 1)


def our_comment(comments_json: str) -> str | None:
    """The text of the preview comment, from ``gh pr view N --json comments``;
    None if the job's token never wrote one (a comment by anyone else that
    copies the marker is not ours)."""
    comments = json.loads(comments_json).get("comments", [])
    ours = [
        comment["body"]
        for comment in comments
        if comment.get("author", {}).get("login") in BOT_LOGINS
        and str(comment.get("body", "")).startswith(MARKER)
    ]
    return str(ours[-1]) if ours else None


def site_url_of(config_file: Path) -> str:
    """``site_url`` from mkdocs.yml (read from this repository's own checkout)."""
    with config_file.open(encoding="utf-8") as opened:
        config = yaml_load(opened)
    return str(config["site_url"])


# --- Command line ----------------------------------------------------------------


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m healthsite.publishing.prcomment", description=__doc__.splitlines()[0]
    )
    commands = parser.add_subparsers(dest="command", required=True)
    describe_command = commands.add_parser("describe", help="list the changed pages")
    describe_command.add_argument("--pr", type=int, required=True)
    describe_command.add_argument("--changed-from", type=Path, required=True)
    describe_command.add_argument("--site-dir", type=Path, default=Path("site"))
    describe_command.add_argument("--out", type=Path, required=True, help="a folder")
    describe_command.add_argument(
        "--base", help="the base commit: list the translations the pull request makes stale"
    )
    body_command = commands.add_parser("body", help="write the comment; print the PR's number")
    body_command.add_argument("--info", type=Path, required=True)
    body_command.add_argument(
        "--head-sha", required=True, help="the commit built (for a fork, from the trusted event)"
    )
    body_command.add_argument("--out", type=Path, required=True, help="the comment's file")
    body_command.add_argument("--fork", action="store_true")
    body_command.add_argument("--run-url", default="")
    body_command.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))
    removed_command = commands.add_parser("removed", help="say the preview was removed")
    removed_command.add_argument(
        "--comments", type=Path, required=True, help="gh pr view N --json comments"
    )
    removed_command.add_argument("--out", type=Path, required=True, help="the comment's file")
    removed_command.add_argument(
        "--evicted",
        action="store_true",
        help="removed to make room for newer previews, not because the pull request closed",
    )
    removed_command.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))
    return parser.parse_args(argv)


def _body(arguments: argparse.Namespace) -> int:
    info = read_info(arguments.info)
    body = comment_body(
        info,
        site_url_of(arguments.config_file),
        arguments.head_sha,
        fork=arguments.fork,
        run_url=arguments.run_url,
        live_previews=None
        if arguments.fork
        else read_settings(arguments.config_file).live_previews,
    )
    arguments.out.write_text(body, encoding="utf-8")
    return info.pull_request


def _removed(arguments: argparse.Namespace) -> str:
    """Write the preview comment's new text, if there is a preview comment."""
    arguments.out.unlink(missing_ok=True)
    existing = our_comment(arguments.comments.read_text(encoding="utf-8"))
    if existing is None:
        return "no preview comment to update"
    if arguments.evicted:
        live_previews = read_settings(arguments.config_file).live_previews
        arguments.out.write_text(evicted_body(existing, live_previews), encoding="utf-8")
        return "says its preview was removed to make room"
    arguments.out.write_text(REMOVED_BODY, encoding="utf-8")
    return "says the pull request's preview was removed"


def main(argv: Sequence[str] | None = None) -> int:
    arguments = _arguments(argv)
    logging.basicConfig(level=logging.INFO, format="prcomment: %(message)s")
    try:
        if arguments.command == "describe":
            changed = arguments.changed_from.read_text(encoding="utf-8").split()
            stale = stale_translations(Path.cwd(), arguments.base) if arguments.base else []
            info = describe(arguments.pr, changed, arguments.site_dir, stale)
            arguments.out.mkdir(parents=True, exist_ok=True)
            (arguments.out / INFO_FILE).write_text(info.model_dump_json(indent=2), "utf-8")
            log.info("%d changed pages listed in %s", len(info.pages), arguments.out / INFO_FILE)
        elif arguments.command == "body":
            number = _body(arguments)
            log.info("comment on #%d written to %s", number, arguments.out)
            # The number, validated, for the workflow's `gh pr comment`.
            sys.stdout.write(f"{number}\n")
        else:
            log.info("%s", _removed(arguments))
    except (InfoError, OSError, SettingsError, json.JSONDecodeError) as error:
        log.error("%s", error)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
