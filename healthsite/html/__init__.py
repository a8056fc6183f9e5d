"""What the build adds to pages beyond Markdown: search terms, JSON-LD, CSP hashes."""
