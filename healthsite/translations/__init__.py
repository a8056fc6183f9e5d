"""Spanish translations kept in step with the English pages they translate.

Each Spanish page (``docs/PATH.es.md``) records the fingerprint of the English
page it was made from (``fingerprint.py``). The build compares it with the
English page as it is now, and with the English page's earlier versions in
git (``history.py``), to say whether the translation is current, out of date
since a date, or records something that never existed (``status.py``).
``python -m healthsite.translations`` reports, stamps and starts translations.
"""
