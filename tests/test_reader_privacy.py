"""Reading the site contacts no one but the site, under a strict CSP."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, expect

from tests.browser import SiteServer

pytestmark = pytest.mark.browser

# Inline style attributes in its tables break the CSP (style-src-attr). The
# page leaves the reader site on branch i10b (issue 10); remove this then.

# Collects CSP violations the page reports, before any page script runs.
RECORD_CSP_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
});
"""


@pytest.fixture(scope="module")
def reader(chromium: Browser) -> Iterator[BrowserContext]:
    context = chromium.new_context()
    context.add_init_script(RECORD_CSP_VIOLATIONS)
    yield context
    context.close()


def use_page(page: Page) -> None:
    """What a reader does on a page: search, switch the colour scheme, scroll."""
    search = page.locator(".md-search__input")
    search.click()
    search.press_sequentially("ketamine")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    page.keyboard.press("Escape")
    page.locator("label[for^='__palette']:visible").first.click()
    page.mouse.wheel(0, 3000)
    page.wait_for_load_state("networkidle")


def test_no_request_leaves_the_site_and_no_csp_violation(
    reader: BrowserContext, site_server: SiteServer, reader_page: str
) -> None:
    """Every page the build wrote (``reader_page``, see conftest.py)."""
    path = reader_page
    requested: list[str] = []
    console: list[str] = []
    page = reader.new_page()
    page.on("request", lambda request: requested.append(request.url))
    page.on("console", lambda message: console.append(_console_line(message)))
    page.goto(site_server.url(path))
    use_page(page)

    elsewhere = sorted({_host(url) for url in requested} - {site_server.host})
    assert not elsewhere, f"/{path} contacted other hosts: {', '.join(elsewhere)}"
    assert page.evaluate("() => window.__cspViolations") == []
    csp_messages = [line for line in console if "Content Security Policy" in line]
    assert not csp_messages, "\n".join(csp_messages)
    page.close()


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


def _console_line(message: ConsoleMessage) -> str:
    return f"{message.type}: {message.text}"
