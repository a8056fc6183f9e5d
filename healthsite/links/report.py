"""The link check as Markdown: for a terminal, a CI log and the tracking issue."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from healthsite.links.check import LinkResult, Outcome
from healthsite.links.classify import Verdict
from healthsite.links.locate import SourceEntry, page_source, sources_by_url

WAYBACK = "https://web.archive.org/web/*/"
# lychee's words when no server answered (no such host, connection refused).
UNREACHABLE_HINTS = ("Network error", "Connection failed", "dns error")


def _archived(link: str) -> str:
    return f"cite an archived copy if there is one: <{WAYBACK}{link}>"


def fix_for(result: LinkResult) -> str:
    """What an editor should consider doing about one link."""
    status = result.code
    if result.internal and result.verdict is Verdict.MISSING_ANCHOR:
        return (
            "The page exists but has no such section: link to a heading that exists "
            "(its id is the heading text in lower case, with hyphens), or fix the "
            "page or template that writes this link."
        )
    if result.internal:
        return "The built site has no such page: fix the link in the page or template."
    if result.verdict is Verdict.REDIRECTED:
        return f"It moved for good: update the link to <{result.final_url}>."
    if result.verdict is Verdict.SERVER_ERROR:
        return f"The server failed {result.attempts} times; if it still fails next run, " + (
            _archived(result.link)
        )
    if result.verdict in (Verdict.RATE_LIMITED, Verdict.TIMEOUT):
        return "Not counted as broken: a 429 or a timeout does not say the page is gone."
    if status in (404, 410):
        gone = "The page is gone: look for its new address on the publisher's site, or "
        return f"{gone}{_archived(result.link)}."
    if status is not None:
        return (
            "The server refused the request: open the link in a browser. If it works "
            "there, the host refuses robots: add it to `refuses_bots` in linkcheck.toml "
            f"with the reason. If not, {_archived(result.link)}."
        )
    if any(hint in result.result for hint in UNREACHABLE_HINTS):
        silent = "The host did not answer: check the address; if the site is gone, "
        return f"{silent}{_archived(result.link)}."
    if result.result.startswith("redirect loop"):
        return (
            "The server sends the checker round in a redirect loop: open the link in a "
            "browser. If it works there, the site probably needs a cookie that a browser "
            "keeps: add the link to `exclude` in lychee.toml with the reason. If not, "
            f"{_archived(result.link)}."
        )
    return f"Open the link in a browser to see what is wrong; {_archived(result.link)}."


def _where(page: str, project_dir: Path) -> str:
    source = page_source(page, project_dir)
    return f"`/{page}`" + (f" ({source})" if source else "")


def describe(result: str, limit: int = 160) -> str:
    """lychee's answer in a reader's words: its network errors are long."""
    if "dns error" in result or "failed to lookup" in result:
        return "no such host (the name does not resolve)"
    if "Connection refused" in result:
        return "connection refused"
    if any(hint in result for hint in UNREACHABLE_HINTS):
        return "the host did not answer (connection failed)"
    flat = " ".join(result.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def status_text(result: LinkResult) -> str:
    if result.verdict is Verdict.MISSING_ANCHOR:
        return f"the page has no `#{result.link.split('#', 1)[1]}`"
    return describe(result.result)


def _entry(result: LinkResult, project_dir: Path, sources: dict[str, SourceEntry]) -> str:
    lines = [
        f"### <{result.link}>" if not result.internal else f"### `{result.link}`",
        "",
        f"- **Status:** {status_text(result)}"
        + (f" (after {result.attempts} tries)" if result.attempts > 1 else ""),
        "- **On:** " + ", ".join(_where(page, project_dir) for page in sorted(result.pages)),
    ]
    source = sources.get(result.link)
    if source:
        lines.append(f"- **Cited as:** source `{source.key}`, {source.where} (`url:`)")
    lines.append(f"- **Fix to consider:** {fix_for(result)}")
    return "\n".join(lines)


def _section(
    title: str, results: list[LinkResult], project_dir: Path, sources: dict[str, SourceEntry]
) -> str:
    if not results:
        return ""
    entries = "\n\n".join(_entry(result, project_dir, sources) for result in results)
    return f"\n## {title} ({len(results)})\n\n{entries}\n"


def _not_requested(results: list[LinkResult]) -> str:
    """Links skipped, answered from the cache, or refused to robots, by reason."""
    by_reason: dict[str, list[str]] = {}
    for result in results:
        if result.from_cache:
            reason = "Worked when last checked (answer from the cache)."
        elif result.verdict in (Verdict.REFUSES_BOTS, Verdict.SKIPPED):
            reason = result.reason or "Not requested."
        else:
            continue
        by_reason.setdefault(reason, []).append(f"<{result.link}>")
    if not by_reason:
        return ""
    count = sum(len(links) for links in by_reason.values())
    lines = [f"- {reason} {', '.join(links)}" for reason, links in by_reason.items()]
    return f"\n## Not requested, or refused to robots ({count})\n\n" + "\n".join(lines) + "\n"


def render(outcome: Outcome, project_dir: Path, now: datetime) -> str:
    """The whole report; broken links first."""
    sources = sources_by_url(project_dir)
    external = [r for r in outcome.links if not r.internal]
    requested = [r for r in external if r.verdict is not Verdict.SKIPPED and not r.from_cache]
    failing = outcome.failing
    headline = (
        f"**{len(failing)} broken link{'s' if len(failing) != 1 else ''}.**"
        if failing
        else "**No broken links.**"
    )
    parts = [
        "# Link check\n\n",
        f"{now:%Y-%m-%d %H:%M} UTC: {len(outcome.links)} links on {len(outcome.pages)} "
        f"pages; {len(requested)} external links requested, "
        f"{sum(r.from_cache for r in external)} answered from the cache.\n\n",
        headline + "\n",
    ]
    if requested and all(any(h in r.result for h in UNREACHABLE_HINTS) for r in requested):
        parts.append(
            "\n> No external host answered at all: this machine is probably offline, "
            "so these links were not really checked.\n"
        )
    parts.append(_section("Broken links", failing, project_dir, sources))
    moved = [r for r in outcome.links if r.verdict is Verdict.REDIRECTED]
    parts.append(_section("Moved permanently", moved, project_dir, sources))
    parts.append(_section("Could not be checked", outcome.unchecked, project_dir, sources))
    parts.append(_not_requested(outcome.links))
    return "".join(parts)
