"""Check that a gettext catalogue is complete: no untranslated and no fuzzy entries.

Used by `make check` and by the test suite: python -m core.catalogue locale/de/LC_MESSAGES/django.po
"""

import sys

import polib


def incomplete_entries(path):
    """The msgids of entries that are untranslated or marked fuzzy."""
    catalogue = polib.pofile(str(path))
    return [
        entry.msgid
        for entry in catalogue
        if not entry.obsolete and (entry.fuzzy or not entry.translated())
    ]


def main(paths):
    missing = {path: incomplete_entries(path) for path in paths}
    for path, msgids in missing.items():
        for msgid in msgids:
            print(f"{path}: untranslated or fuzzy: {msgid!r}")
    return 1 if any(missing.values()) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
