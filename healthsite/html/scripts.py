"""Our own scripts, minified in the built site.

The scripts in ``overrides/assets/javascripts/`` stay readable, with the why
of each rule in comments; readers get them without the comments and spaces.
``search-help.js`` (the 911 and 988 line) is part of every first visit, which
must stay at most 100 KB gzip (README, "Search"); the Spanish CRPS page was at
99.2 KB with it unminified. rjsmin, a well-kept minifier, does it: no
minifier of our own.
"""

from __future__ import annotations

from pathlib import Path

import rjsmin

SCRIPTS = Path("assets") / "javascripts"


def minify_own_scripts(custom_dir: Path, site_dir: Path) -> list[Path]:
    """Write each of our scripts the build copied into ``site_dir`` minified,
    from its source (so a second language's build, or a rebuild under
    ``mkdocs serve``, gives the same file); the files written."""
    written = []
    for source in sorted((custom_dir / SCRIPTS).glob("*.js")):
        built = site_dir / SCRIPTS / source.name
        if built.is_file():
            built.write_text(rjsmin.jsmin(source.read_text(encoding="utf-8")), encoding="utf-8")
            written.append(built)
    return written
