"""The site's Python: the build's helpers (called by ``hooks.py``) and CI's command-line tools.

Rooms by floor, from the ground up (ARCHITECTURE.md; a room imports only
from its own floor and those below, which pyproject.toml's import-linter
contract and tests/test_architecture.py hold true):

- basics: ``problems`` (editor-facing errors), ``annotations`` (GitHub's
  line marks for them), ``yamlfile`` (YAML with line numbers, the one
  loader), ``textlines`` (which line of a text holds something),
  ``validation`` (pydantic errors as editor problems), ``dates``,
  ``plugins`` (typed access to the plugins the hooks use), ``serving``
  (what lives for a ``mkdocs serve``).
- ``pages/``: the page model: front matter (``PageMeta``, ``FrontMatter``,
  ``PageType``), a translation's front matter, which language is built and
  which English page a file stands for, and the page index built in ``on_nav``.
- ``i18n/``: the site in two languages: interface strings, Spanish order,
  Material's words and the language link per build, hreflang and the sitemap.
- ``content/``: shared data and what pages call: every data file declared
  once, sources and statistics, citations, findings, warning signs, the
  glossary, reviewers, the words of each entry in a language, the macro calls
  expanded without Jinja.
- ``library/``: the library: sections, related pages, the A to Z, the
  listings, ``api/pages.json``.
- ``html/``: what the build writes into the HTML readers get: Markdown
  extensions (components, glossary tooltips, link names, citation marks),
  JSON-LD, CSP hashes, the "Report a problem" link, Material's HTML mended.
- ``checks/`` and ``search/``: what the build checks in editors' pages
  (front matter across pages, review dates, templates, components,
  readability, unfinished pages); the search index (Pagefind, readers' words).
- ``build/``: the top floor, under ``hooks.py``: the state of the process,
  of one build and of one page (``state``), every check on editors' pages
  and the event it runs at (``checks``), and each event's steps.
- ``translations/`` and ``links/``: Spanish translations kept in step (the
  build reads their status; ``python -m healthsite.translations`` is a
  command) and the link check over a built site (``python -m
  healthsite.links``, run by CI, never imported by ``hooks.py``).
- ``publishing/``: versioned publishing with mike and pull-request
  previews: command-line tools CI runs, except ``preview`` and
  ``versioning``, which the build also reads.
"""
