"""Threads: post permalinks, the embed snippet, rendered iframes and residue.

The snippet is ``blockquote.text-post-media[data-text-post-permalink]`` (with
``id="ig-tp-CODE"``) that ``threads.net/embed.js`` replaces by an iframe; its static
markup shows no text and no date, only ``Post by @handle`` and ``View on Threads``.
The post code uses Instagram's shortcode alphabet and id scheme, so the creation time is
decoded with :func:`~tweetresolve.idtime.instagram_time` (the same decoder as Instagram).

>>> ref = THREADS.parse_url("https://www.threads.net/@ada.example/post/C-GMXpGM4KR?xmt=1")
>>> (ref.platform, ref.post_id, ref.handle, ref.url)
('threads', 'C-GMXpGM4KR', 'ada.example', 'https://www.threads.com/@ada.example/post/C-GMXpGM4KR')
>>> THREADS.parse_url("https://www.threads.net/@ada.example") is None
True
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from tweetresolve.html import Element, ParsedPage, element_text, has_class
from tweetresolve.idtime import instagram_time
from tweetresolve.platforms._common import frame_urls, read_apart, without_noscript_copies
from tweetresolve.platforms.base import Candidate
from tweetresolve.records import Author, Post, PostRef
from tweetresolve.text.cards import with_card_posts
from tweetresolve.text.dialects import THREADS_RESIDUE

__all__ = ["THREADS", "Threads", "canonical_url"]

# A post permalink on threads.net or threads.com (the 2025 domain), and the /t/CODE short
# form seen in third-party parsers (embeds.md §8).  The code is an Instagram shortcode.
# Examples: "https://www.threads.net/@ada.example/post/C-GMXpGM4KR",
# "https://www.threads.com/@ada.example/post/C-GMXpGM4KR/embed", "https://threads.net/t/C-GMXpGM4KR".
POST_URL = re.compile(
    r"""
    ^(?:https?:)?//(?:www\.)?threads\.(?:net|com)(?::\d{1,5})?/
    (?:
        @(?P<user>[A-Za-z0-9_.]{1,30})/post/(?P<code>[A-Za-z0-9_-]{5,64})
      | t/(?P<short_code>[A-Za-z0-9_-]{5,64})
    )
    (?:[/?#]|$)
    """,
    re.VERBOSE | re.IGNORECASE,
)

# The snippet's byline, and its residue in text: "Post by @handle" then "View on Threads"
# on the next non-empty line (embeds.md §8).  A Mastodon byline "Post by @user@instance"
# is not one: the handle must not go on with "@".  Bounded: 10 blank lines between.
# Example: "Post by @ada.example\nView on Threads"
RESIDUE = re.compile(
    r"Post\ by\ @(?P<handle>[A-Za-z0-9_.]{1,30})(?![A-Za-z0-9_.@])[ \t]{0,10}"
    r"(?:\n[ \t>]{0,10}){0,10}[ \t>]{0,10}View\ on\ Threads",
    re.IGNORECASE,
)

# The end of the Markdown link that html2text makes of the snippet's one anchor: its
# target is the post.  Example: "](https://www.threads.net/@ada/post/C-GMXpGM4KR)".
_LINK_END = re.compile(r"[ \t]{0,3}\]\((?P<url>[^)\s]{1,2048})\)")

# The byline alone, as the snippet's HTML shows it.  Example: "Post by @ada.example".
BYLINE = re.compile(r"Post\ by\ @(?P<handle>[A-Za-z0-9_.]{1,30})(?![A-Za-z0-9_.@])", re.IGNORECASE)


def canonical_url(code: str, user: str | None) -> str:
    """The canonical permalink on threads.com (threads.net redirects there).

    >>> canonical_url("C-GMXpGM4KR", None)
    'https://www.threads.com/t/C-GMXpGM4KR'
    """
    if user:
        return f"https://www.threads.com/@{user}/post/{code}"
    return f"https://www.threads.com/t/{code}"


class Threads:
    """The Threads platform."""

    name = "threads"
    # The embed script stays on a rendered page, whose iframe URL alone is no marker
    # (follow links share the host and the "/@user/" path).
    markers: tuple[str, ...] = (
        "text-post-media",
        "threads.net/embed.js",
        "threads.com/embed.js",
    )
    text_markers: tuple[str, ...] = ("view on threads", "threads")

    def parse_url(self, url: str) -> PostRef | None:
        """Parse a Threads post permalink (``/@user/post/CODE`` or ``/t/CODE``)."""
        match = POST_URL.match(url.strip())
        if match is None:
            return None
        code = match["code"] or match["short_code"]
        user = match["user"]
        return PostRef(platform=self.name, post_id=code, handle=user, url=canonical_url(code, user))

    def find_in_html(self, page: ParsedPage) -> Iterator[Candidate]:
        """Yield snippets and the iframes ``embed.js`` renders them into."""
        return iter(without_noscript_copies(list(self._candidates(page))))

    def _candidates(self, page: ParsedPage) -> Iterator[Candidate]:
        quotes = page.xpath("//blockquote[contains(@class, 'text-post-media')]")
        yield from read_apart(
            (quote for quote in quotes if has_class(quote, "text-post-media")),
            lambda quote: self._from_blockquote(page, quote),
        )
        for element in page.xpath("//iframe"):
            for url in frame_urls(page, element):
                ref = self.parse_url(url)
                if ref is not None:
                    yield Candidate(element, self._post(ref, "rendered", None))
                    break

    def _from_blockquote(self, page: ParsedPage, element: Element) -> Post | None:
        ref = None
        for url in (element.get("data-text-post-permalink"), *_hrefs(element)):
            absolute = page.absolute(url)
            ref = self.parse_url(absolute) if absolute else None
            if ref is not None:
                break
        if ref is None:
            # Only the id="ig-tp-CODE" is left: the code without its author.
            ident = element.get("id") or ""
            if ident.startswith("ig-tp-"):
                ref = self.parse_url(f"https://www.threads.com/t/{ident[6:]}")
        if ref is None:
            return None
        byline = BYLINE.search(element_text(element))
        handle = ref.handle or (byline["handle"] if byline else None)
        return self._post(ref, "blockquote", handle)

    def _post(self, ref: PostRef, form: str, handle: str | None) -> Post:
        handle = handle or ref.handle
        code = ref.post_id or ""
        return Post(
            platform=self.name,
            post_id=ref.post_id,
            url=ref.url,
            author=Author(handle=handle) if handle else None,
            created_at=instagram_time(code) if code else None,
            form=form,
        )

    def find_in_text(self, text: str) -> Iterator[Post]:
        """Yield posts from ``Post by @handle`` / ``View on Threads`` residue, then site-made
        cards that name Threads."""
        posts = list(self._residue(text))
        return with_card_posts(posts, text, THREADS_RESIDUE, parse_url=self.parse_url)

    def _residue(self, text: str) -> Iterator[Post]:
        for match in RESIDUE.finditer(text):
            link = _LINK_END.match(text, match.end())
            ref = self.parse_url(link["url"]) if link else None
            end = link.end() if link else match.end()
            if ref is not None and ref.post_id:
                post = self._post(ref, "text", match["handle"])
                yield attrs.evolve(post, span=(match.start(), end))
                continue
            yield Post(
                platform=self.name,
                author=Author(handle=match["handle"]),
                form="text",
                span=(match.start(), match.end()),
            )


def _hrefs(element: Element) -> list[str]:
    return [href for a in element.iter("a") if (href := a.get("href"))]


THREADS = Threads()
