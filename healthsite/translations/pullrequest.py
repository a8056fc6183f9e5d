"""The translations a pull request makes out of date: current at its base, not at its head."""

from __future__ import annotations

from healthsite.translations.fingerprint import DATA_FILES, DataVersion, fingerprint
from healthsite.translations.history import GitHistory
from healthsite.translations.record import read_record
from healthsite.translations.status import PageStatus, State, Translations


def made_stale(history: GitHistory, base: str, head: Translations) -> list[PageStatus]:
    """The translations out of date at the head that were current at ``base``.

    One that was out of date already is not this pull request's doing.
    """
    stale = [status for status in head.statuses if status.state is State.out_of_date]
    if not stale:
        return []
    data_texts = history.texts([(base, name) for name in DATA_FILES])
    data = DataVersion.from_texts(dict(zip(DATA_FILES, data_texts, strict=True)))
    texts = history.texts(
        [(base, path) for status in stale for path in (status.english, status.spanish)]
    )
    found = []
    for status, english, spanish in zip(stale, texts[0::2], texts[1::2], strict=True):
        if english is None or spanish is None:
            continue
        record, _ = read_record(spanish, status.spanish, "", report_front_matter=False)
        if record is not None and record.fingerprint == fingerprint(english, data):
            found.append(status)
    return found
