"""What the build writes into readers' HTML beyond plain Markdown: our Markdown
extensions (components, glossary tooltips, link names, citation marks), JSON-LD,
CSP hashes, "Report a problem", Material's HTML mended."""
