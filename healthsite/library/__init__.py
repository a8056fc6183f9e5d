"""The library: pages by type, the sections readers browse, relations, A to Z, feed."""
