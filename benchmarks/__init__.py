"""Build benchmarks: a synthetic corpus of pages, and timed builds of it.

``corpus`` writes the pages and the projects that build them, ``measure``
times builds and ``mkdocs serve`` rebuilds, ``profiling`` says where a build
spends its time, and ``build`` (the command) runs them all and reports.
"""
