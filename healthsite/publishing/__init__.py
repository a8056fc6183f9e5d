"""Versioned publishing to GitHub Pages with mike, and pull-request previews.

Command-line tools CI runs (``python -m healthsite.publishing.publish``...);
the build itself reads only ``preview`` and ``versioning``.
"""
