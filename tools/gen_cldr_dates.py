"""Regenerate ``tweetresolve/data/cldr_dates.json`` from CLDR through the installed Babel.

Run after adding a language to ``tweetresolve._datedata.LANGUAGES`` or upgrading Babel:

    python tools/gen_cldr_dates.py

The file holds CLDR's own data only (names, patterns, joiners, AM/PM markers); the extra
forms seen in embeds stay in ``tweetresolve/_datedata.py`` and are added at load time.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tweetresolve import _datedata


def main() -> None:
    _datedata.write_data_file()


if __name__ == "__main__":
    main()
