"""What the build adds to pages beyond Markdown: JSON-LD, CSP hashes."""
