"""External and internal link check over the built site, driven by linkchecker.

linkchecker crawls the site and requests every link; this package only adds
what linkchecker lacks (see README, "Link checks"): a verdict per status,
retries with back-off for 429, 5xx and timeouts, a cache of recent results,
an allowlist of hosts that refuse robots, and a report an editor can act on.
"""
