"""Shared content and what pages call: sources, statistics, citations, findings,
warning signs, the glossary, reviewers, each entry's words in a language, macro calls."""
