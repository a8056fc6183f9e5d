"""Shared content: sources, statistics, citations, the glossary and macro calls."""
