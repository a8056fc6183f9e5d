"""The page model, the ground floor: front matter, page types, the page index."""
