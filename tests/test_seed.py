"""The seed article: a scraped news text with one flattened tweet embed.

The seed lives beside the project (``../shared/seeds/``) and is third-party text, so
nothing of it is copied here beyond the author's name and handle that the brief
states; the rest is read back from the seed's own lines and compared field by field.
"""

from __future__ import annotations

import re

import pytest
from moments import utc_day
from shared_data import SHARED

from tweetresolve import Link, extract

SEEDS = SHARED / "seeds"

# The seed's attribution line: "— <name> (@<handle>) March 30, 2022".
_BYLINE = re.compile(r"^— (?P<name>[^\n]+?) \(@(?P<handle>\w+)\) March 30, 2022$", re.MULTILINE)
_TCO = re.compile(r"https://t\.co/[A-Za-z0-9]{10}")


def _seed_text() -> str:
    texts = (
        [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
        if SEEDS.is_dir()
        else []
    )
    for text in texts:
        if _BYLINE.search(text):
            return text
    pytest.skip("seed article not available")


def test_seed_yields_exactly_one_post() -> None:
    """One post: author, date, text ending with its t.co link, that one link, a covering span."""
    text = _seed_text()
    byline = _BYLINE.search(text)
    assert byline is not None
    posts = extract(text, kind="text")
    assert len(posts) == 1
    (post,) = posts
    assert post.platform == "twitter"
    assert post.author is not None
    assert (post.author.name, post.author.handle) == (byline["name"], byline["handle"])
    # The values the project's brief states for this seed.
    assert (post.author.name, post.author.handle) == ("Hu Xijin 胡锡进", "HuXijin_GT")
    # The name mixes Latin and CJK script; the handle is a plain Twitter handle.
    assert re.search(r"[A-Za-z]", post.author.name or "")
    assert re.search("[\u4e00-\u9fff]", post.author.name or "")
    assert post.published == utc_day(2022, 3, 30)
    assert post.date_text == "March 30, 2022"
    # The post text is the one line above the byline, ending with its t.co link.
    line_above = text[: byline.start()].rstrip("\n").rsplit("\n", 1)[-1]
    links = _TCO.findall(line_above)
    assert len(links) == 1
    assert post.text == line_above
    assert post.text.endswith(links[0])
    assert post.links == (Link(url=links[0]),)
    assert post.span is not None
    start, end = post.span
    assert text[start:end] == f"{line_above}\n{byline.group()}"
    assert post.form == "text"


def test_seed_sniffed_as_text() -> None:
    """Without ``kind``, the seed is sniffed as text and gives the same single post."""
    text = _seed_text()
    assert extract(text) == extract(text, kind="text")
