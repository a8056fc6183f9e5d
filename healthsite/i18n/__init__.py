"""The site in English and Spanish (README, "Languages"): interface strings, Spanish
order, Material's words and the language link per build, hreflang and the sitemap."""
