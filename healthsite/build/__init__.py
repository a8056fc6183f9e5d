"""What hooks.py runs, by lifetime: the process, one build, one page.

- ``state``: the three owners (``Session``, ``BuildState``, ``PageState``).
- ``checks``: every check on editors' pages, and the event each runs at.
- ``setup``: ``on_config`` (the data files checked, a language's build set up).
- ``pages``: one page's steps, from ``on_pre_page`` to ``on_page_content``.
- ``site``: the steps over every page (``on_nav``, ``on_env``, ``on_post_build``).
"""
