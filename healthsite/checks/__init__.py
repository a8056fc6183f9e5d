"""Editorial checks: front matter, review dates, templates, readability."""
