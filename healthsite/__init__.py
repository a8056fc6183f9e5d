"""Build-time helpers for the site, imported by ``hooks.py``.

Grouped by concern, so a newcomer finds their room:

- ``build/``: what ``hooks.py`` runs at each event: the state of the process,
  of one build and of one page, and the list of checks and when they run.
- ``checks/``: what the build checks in editors' pages (front matter, review
  dates, templates, readability).
- ``content/``: shared data and what pages call (sources, statistics,
  citations, the glossary).
- ``html/``: what the build adds to the HTML readers get (search terms,
  JSON-LD, CSP hashes).
- ``publishing/``: versioned publishing with mike.
- ``links/``: the external link check.

Beside them, the basics every part uses: ``problems`` (editor-facing errors),
``yamlfile`` (YAML with line numbers), ``validation`` (pydantic messages) and
``dates``.
"""
