"""Twitter / X: permalinks, snowflake ids, HTML embed forms and text residue.

Markup, residue and URL shapes are documented in the project's research notes
(publish snippet in all its eras, rendered widgets, AMP, CMS wrappers).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tweetresolve.html import ParsedPage
from tweetresolve.platforms.base import Candidate
from tweetresolve.records import Post, PostRef

__all__ = ["TWITTER", "Twitter"]

# A status permalink on Twitter, X or a mirror host, in all its eras:
#   https://twitter.com/<user>/status/<id>        (2013+; also /statuses/ before)
#   https://twitter.com/#!/<user>/status/<id>     (hash-bang era, ≈2010–2012)
#   https://mobile.twitter.com/…, https://x.com/…, https://fxtwitter.com/… (mirrors)
#   https://twitter.com/i/web/status/<id>, /i/status/<id> (no user in the path)
# Example: "https://twitter.com/Ada_Example/status/1508951925456744449/photo/1"
STATUS_URL = re.compile(
    r"""
    ^(?:https?:)?//
    (?:(?:www|mobile|m|d|g|t)\.)?
    (?P<host>twitter\.com|x\.com|fxtwitter\.com|fixupx\.com|twittpr\.com|xfixup\.com
       |vxtwitter\.com|fixvx\.com)
    (?::\d+)?
    /(?:\#!/)?(?:(?:dl|dir)/)?
    (?:(?P<user>[A-Za-z0-9_]{1,20})/status(?:es)?|i/web/status|i/status)
    /(?P<id>[0-9]{1,20})
    (?:[/?#.]|$)
    """,
    re.VERBOSE | re.IGNORECASE,
)


class Twitter:
    """The Twitter / X platform."""

    name = "twitter"
    markers: tuple[str, ...] = (
        "twitter-tweet",
        "twitter-video",
        "data-tweet",
        "amp-twitter",
        "twitterwidget",
        "/status/",
        "/statuses/",
        "platform.twitter.com/embed",
    )
    text_markers: tuple[str, ...] = ("(@", "( @", "(\\@", "(＠", "twitter.com/", "x.com/")

    def parse_url(self, url: str) -> PostRef | None:
        """Parse a Twitter/X status permalink."""
        match = STATUS_URL.match(url)
        if match is None:
            return None
        post_id = match["id"].lstrip("0") or "0"
        user = match["user"]
        canonical = (
            f"https://twitter.com/{user}/status/{post_id}"
            if user
            else f"https://twitter.com/i/web/status/{post_id}"
        )
        return PostRef(platform=self.name, post_id=post_id, handle=user, url=canonical)

    def find_in_html(self, page: ParsedPage) -> Iterator[Candidate]:
        """Yield the Twitter embeds of a page."""
        return iter(())

    def find_in_text(self, text: str) -> Iterator[Post]:
        """Yield tweets whose attribution line survives in plain text."""
        return iter(())


TWITTER = Twitter()
