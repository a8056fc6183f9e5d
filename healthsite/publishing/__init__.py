"""Versioned publishing to GitHub Pages with mike."""
