"""Reading the site contacts no one but the site, under a strict CSP."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext

from tests.browser import SiteServer
from tests.console import RECORD_CSP_VIOLATIONS
from tests.pagevisit import PageVisit

pytestmark = pytest.mark.browser

# Inline style attributes in its tables break the CSP (style-src-attr). The
# page leaves the reader site on branch i10b (issue 10); remove this then.


@pytest.fixture(scope="module")
def reader(chromium: Browser) -> Iterator[BrowserContext]:
    context = chromium.new_context()
    context.add_init_script(RECORD_CSP_VIOLATIONS)
    yield context
    context.close()


def test_no_request_leaves_the_site_and_no_csp_violation(
    page_visit: PageVisit, site_server: SiteServer, reader_page: str
) -> None:
    """Every page the build wrote (``reader_page``, see conftest.py), from its
    shared visit (tests/pagevisit.py): on a phone and a desktop, in both
    colour schemes, printed, searched (one page per search setting,
    tests/pagevisit.py), switched with the pointer and scrolled."""
    found = []
    for screen, visit in page_visit.visits.items():
        where = f"/{reader_page} ({screen})"
        elsewhere = sorted({_host(url) for url in visit.requested} - {site_server.host})
        if elsewhere:
            found.append(f"{where} contacted other hosts: {', '.join(elsewhere)}")
        if visit.csp_violations:
            found.append(f"{where}: CSP violations: {'; '.join(visit.csp_violations)}")
        csp_messages = [line for line in visit.console if "Content Security Policy" in line]
        if csp_messages:
            found.append(f"{where}: {'; '.join(csp_messages)}")
    assert not found, "\n".join(found)


def test_policy_blocks_a_script_injected_into_a_page(
    reader: BrowserContext, site_server: SiteServer
) -> None:
    """The policy is in force: an inline script that is not Material's is refused."""
    page = reader.new_page()
    page.goto(site_server.url("conditions/crps/"))
    policy = page.locator("meta[http-equiv='Content-Security-Policy']").get_attribute("content")
    assert policy is not None
    assert "'unsafe-inline'" not in policy
    assert "'unsafe-eval'" not in policy
    page.evaluate(
        """() => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.body.append(script);
    }"""
    )
    assert page.evaluate("() => window.__injected") is None
    # The browser reports a violation in a task of its own, after the script
    # was refused: wait for the report rather than read it at once.
    page.wait_for_function("() => window.__cspViolations.length > 0")
    assert page.evaluate("() => window.__cspViolations") == ["script-src-elem blocked inline"]
    page.close()


def _host(url: str) -> str:
    parts = urlsplit(url)
    return parts.netloc or f"{parts.scheme}:"
