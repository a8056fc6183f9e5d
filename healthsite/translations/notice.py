"""What readers of an out-of-date translation see: a notice under the page's title.

In the page's language (its words are in data/interface.yml): the English
page changed on a date, after this translation was made, so this translation
may not match it yet; with a link to the English page.
overrides/partials/translation-notice.html writes it, under the title as the
clinical-review notice is, so neither the search index nor the readability
score reads it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from healthsite.dates import human_date
from healthsite.translations.status import PageStatus, State

# The words the notice needs (data/interface.yml); SINCE_KEY's holds ``{date}``.
TITLE_KEY = "translation_outdated_title"
SINCE_KEY = "translation_outdated_since"
UNDATED_KEY = "translation_outdated"
LINK_KEY = "translation_english_page"
NOTICE_KEYS = (TITLE_KEY, SINCE_KEY, UNDATED_KEY, LINK_KEY)


@dataclass(frozen=True)
class OutOfDateNotice:
    """What the notice says, and where the English page is (site-relative)."""

    said: str
    english_url: str


def out_of_date_notice(
    status: PageStatus | None, english_url: str, words: Mapping[str, str], language: str
) -> OutOfDateNotice | None:
    """The notice for a translation, if it is out of date (its date unknown
    when history could not date the change)."""
    if status is None or status.state is not State.out_of_date:
        return None
    if status.since is None:
        return OutOfDateNotice(words[UNDATED_KEY], english_url)
    said = words[SINCE_KEY].replace("{date}", human_date(status.since, language))
    return OutOfDateNotice(said, english_url)
