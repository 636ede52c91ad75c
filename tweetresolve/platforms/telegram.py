"""Telegram: public channel posts, the widget script and the iframe it renders.

The embed is a script element that names the post: ``<script async
src="https://telegram.org/js/telegram-widget.js?21" data-telegram-post="channel/123">``;
the widget inserts ``<iframe id="telegram-post-channel-123" src="https://t.me/channel/123?embed=1">``
next to it.  A ``blockquote.telegram-post[data-telegram-post]`` variant is also read.  The
embed leaves no text behind.

``post_id`` is ``channel/123`` with the channel name in lower case (Telegram names are
case-insensitive), so the script, the iframe and a link to the same post agree.
Private-channel links (``t.me/c/<internal id>/<n>``) cannot be embedded and are not claimed.

>>> ref = TELEGRAM.parse_url("https://t.me/s/Example_News/157?single")
>>> (ref.post_id, ref.handle, ref.url)
('example_news/157', 'Example_News', 'https://t.me/example_news/157')
>>> TELEGRAM.parse_url("https://t.me/s/Example_News") is None
True
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tweetresolve.html import ParsedPage
from tweetresolve.platforms.base import Candidate
from tweetresolve.records import Author, Post, PostRef

__all__ = ["TELEGRAM", "Telegram"]

# A public channel or group message, on t.me or its older aliases; /s/ is the web preview
# of the channel.  Usernames are 4–32 chars starting with a letter, which keeps out the
# reserved paths (/c/ private links, /share/url, /joinchat/…, /+invite).
# Example: "https://t.me/example_news/157?embed=1&userpic=false"
POST_URL = re.compile(
    r"^(?:https?:)?//(?:www\.)?(?:t\.me|telegram\.me|telegram\.dog)(?::\d{1,5})?"
    r"/(?:s/)?(?P<channel>[A-Za-z][A-Za-z0-9_]{3,31})/(?P<id>[0-9]{1,10})(?:[/?#]|$)",
    re.IGNORECASE,
)

# The value of data-telegram-post: "channel/123".  Example: "example_news/157".
POST_ATTRIBUTE = re.compile(r"^\s*(?P<channel>[A-Za-z][A-Za-z0-9_]{3,31})/(?P<id>[0-9]{1,10})\s*$")


class Telegram:
    """The Telegram platform."""

    name = "telegram"
    # "telegram-post" covers data-telegram-post and the rendered iframe's id; bare
    # t.me links (share buttons, channel links) are not a reason to parse a page.
    markers: tuple[str, ...] = ("telegram-post", "?embed=1")
    text_markers: tuple[str, ...] = ()

    def parse_url(self, url: str) -> PostRef | None:
        """Parse a ``t.me/<channel>/<id>`` link (also ``/s/``, ``?embed=1``, telegram.me)."""
        match = POST_URL.match(url)
        if match is None:
            return None
        return self._ref(match["channel"], match["id"])

    def find_in_html(self, page: ParsedPage) -> Iterator[Candidate]:
        """Yield widget scripts (and blockquotes) and rendered iframes."""
        found: list[Candidate] = []
        for element in page.xpath("//*[@data-telegram-post]"):
            match = POST_ATTRIBUTE.match(element.get("data-telegram-post", ""))
            if match is None:
                continue
            # A blockquote variant is markup left as is; any other element is, like the
            # script, a placeholder that the widget fills in.
            form = "blockquote" if element.tag == "blockquote" else "script"
            post = self._post(self._ref(match["channel"], match["id"]), form=form)
            found.append(Candidate(element, post))
        for frame in page.xpath("//iframe[@src]"):
            src = page.absolute(frame.get("src")) or ""
            ref = self.parse_url(src)
            if ref is None or "embed=1" not in src:
                continue
            rendered = (frame.get("id") or "").startswith("telegram-post-")
            found.append(
                Candidate(frame, self._post(ref, form="rendered" if rendered else "iframe"))
            )
        # The widget inserts its iframe right beside the script, not inside it: the
        # pair is one post (the iframe kept).  The same post placed twice in an
        # article, each with its own script, stays two posts.
        frames = {c.element: c.post.post_id for c in found if c.element.tag == "iframe"}
        for candidate in found:
            element = candidate.element
            if element.tag != "iframe" and any(
                frames.get(sibling) == candidate.post.post_id
                for sibling in (element.getprevious(), element.getnext())
                if sibling is not None
            ):
                continue
            yield candidate

    def find_in_text(self, text: str) -> Iterator[Post]:
        """The widget leaves no residue; links are found by the generic link scan."""
        return iter(())

    def _ref(self, channel: str, message: str) -> PostRef:
        key = channel.lower()
        number = message.lstrip("0") or "0"
        return PostRef(
            platform=self.name,
            post_id=f"{key}/{number}",
            handle=channel,
            url=f"https://t.me/{key}/{number}",
        )

    def _post(self, ref: PostRef, *, form: str) -> Post:
        return Post(
            platform=self.name,
            post_id=ref.post_id,
            url=ref.url,
            author=Author(handle=ref.handle, url=f"https://t.me/{(ref.handle or '').lower()}"),
            form=form,
        )


TELEGRAM = Telegram()
