"""Where the tests find the shared data beside the project: corpus, research, seeds.

``TWEETRESOLVE_SHARED`` names the folder (holding ``corpus/``, ``research/``,
``conformance/`` and ``seeds/``); by default it is ``../shared`` next to the
checkout.  Tests that need it skip cleanly when it is absent.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: The shared data folder (may not exist).
SHARED = Path(os.environ.get("TWEETRESOLVE_SHARED") or ROOT.parent / "shared")
