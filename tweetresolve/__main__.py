"""``python -m tweetresolve``: the same command line as ``tweetresolve``."""

from __future__ import annotations

import sys

from tweetresolve.cli import main

if __name__ == "__main__":
    sys.exit(main())
