"""Editorial checks: front matter across pages, review dates, templates in a sandbox,
components, readability, unfinished pages."""
