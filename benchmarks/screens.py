"""The screens the site is checked and measured on, shared by tests/ and benchmarks/.

Defined here, below both, so that a benchmark's phone is the browser tests'
phone without the benchmarks importing the tests (benchmarks/phone.py, tests/browser.py).
"""

from __future__ import annotations

from playwright.sync_api import ViewportSize

# A common phone's screen in CSS pixels (an iPhone 12 to 14).
PHONE: ViewportSize = {"width": 390, "height": 844}
DESKTOP: ViewportSize = {"width": 1280, "height": 900}
