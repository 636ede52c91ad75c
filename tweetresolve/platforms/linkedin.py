"""LinkedIn: post permalinks and the ``embed/feed/update`` iframe.

LinkedIn's embed is a plain iframe, ``<iframe src="https://www.linkedin.com/embed/feed/
update/urn:li:share:<id>" title="Embedded post">``, with no script and no residue.  A post
is known by a URN whose kind (``activity``, ``share``, ``ugcPost``) matters: the three ids
of one post differ.  ``post_id`` is the URN as written (``urn:li:activity:<id>``), and
the canonical URL is the ``/feed/update/<urn>/`` page.  Ids carry their creation time
(``id >> 22`` ms).

``lnkd.in`` short links are LinkedIn's general link shortener (they lead anywhere, not
only to posts), so they are left to the expander rather than claimed here.

>>> ref = LINKEDIN.parse_url(
...     "https://www.linkedin.com/posts/ada-example_some-words-activity-6904926959046938624-B2Ma")
>>> (ref.post_id, ref.handle, ref.url)
('urn:li:activity:6904926959046938624', 'ada-example', 'https://www.linkedin.com/feed/update/urn:li:activity:6904926959046938624/')
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tweetresolve.html import ParsedPage
from tweetresolve.idtime import linkedin_time
from tweetresolve.platforms._common import frame_urls, without_noscript_copies
from tweetresolve.platforms.base import Candidate
from tweetresolve.records import Author, Post, PostRef

__all__ = ["LINKEDIN", "LinkedIn"]

# LinkedIn hosts: www, country subdomains (de.linkedin.com) and none.
_HOST = r"^(?:https?:)?//(?:[a-z]{2,3}\.)?linkedin\.com(?::\d{1,5})?"
# The URN kinds that name a post, as spelled in URLs.
_KIND = r"(?P<kind>activity|share|ugcPost|ugcpost)"

# A feed-update page or its embed iframe; the colons may be percent-encoded.
#   https://www.linkedin.com/feed/update/urn:li:activity:<id>/
#   https://www.linkedin.com/embed/feed/update/urn:li:share:<id>?compact=1
# Example: "https://www.linkedin.com/embed/feed/update/urn:li:ugcPost:7245518315421339649"
UPDATE_URL = re.compile(
    _HOST
    + r"/(?P<embed>embed/)?feed/update/urn(?::|%3A)li(?::|%3A)"
    + _KIND
    + r"(?::|%3A)(?P<id>[0-9]{1,20})(?:[/?#]|$)",
    re.IGNORECASE,
)

# A /posts/ permalink: "<vanity>_<words of the text>-<kind>-<id>-<4 chars>".  The slug
# may itself contain "-activity-", so the greedy run keeps the last occurrence.
# Example: "https://www.linkedin.com/posts/ada-example_hello-activity-6904926959046938624-B2Ma"
POSTS_URL = re.compile(
    _HOST
    + r"/posts/(?P<slug>[^/?#\s]{0,600})-"
    + _KIND
    + r"-(?P<id>[0-9]{15,20})(?:-[A-Za-z0-9_-]{1,8})?/?(?:[?#]|$)",
    re.IGNORECASE,
)

# Canonical spelling of each URN kind.
_KINDS = {"activity": "activity", "share": "share", "ugcpost": "ugcPost"}


class LinkedIn:
    """The LinkedIn platform."""

    name = "linkedin"
    markers: tuple[str, ...] = ("linkedin.com/embed/feed",)
    text_markers: tuple[str, ...] = ()

    def parse_url(self, url: str) -> PostRef | None:
        """Parse a ``/feed/update/<urn>``, ``/embed/feed/update/<urn>`` or ``/posts/`` URL."""
        match = UPDATE_URL.match(url) or POSTS_URL.match(url)
        if match is None:
            return None
        urn = f"urn:li:{_KINDS[match['kind'].lower()]}:{match['id']}"
        handle = None
        if "slug" in match.groupdict() and "_" in match["slug"]:
            handle = match["slug"].partition("_")[0] or None
        return PostRef(
            platform=self.name,
            post_id=urn,
            handle=handle,
            url=f"https://www.linkedin.com/feed/update/{urn}/",
        )

    def find_in_html(self, page: ParsedPage) -> Iterator[Candidate]:
        """Yield ``embed/feed/update`` iframes (also lazily loaded ones)."""
        return iter(without_noscript_copies(list(self._candidates(page))))

    def _candidates(self, page: ParsedPage) -> Iterator[Candidate]:
        for frame in page.xpath("//iframe | //amp-iframe"):
            ref = next(filter(None, map(self.parse_url, frame_urls(page, frame))), None)
            if ref is None:
                continue
            yield Candidate(
                frame,
                Post(
                    platform=self.name,
                    post_id=ref.post_id,
                    url=ref.url,
                    author=Author(handle=ref.handle) if ref.handle else None,
                    created_at=linkedin_time((ref.post_id or "").rpartition(":")[2]),
                    form="amp" if frame.tag == "amp-iframe" else "iframe",
                ),
            )

    def find_in_text(self, text: str) -> Iterator[Post]:
        """The iframe leaves no residue; links are found by the generic link scan."""
        return iter(())


LINKEDIN = LinkedIn()
