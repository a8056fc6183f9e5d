"""Build-time helpers for the site, imported by ``hooks.py``.

One concern per module: ``problems`` formats editor-facing errors,
``yamlfile`` reads YAML with line numbers, ``registry`` validates the shared
sources and statistics, ``citations`` renders citations and reference lists.
"""
