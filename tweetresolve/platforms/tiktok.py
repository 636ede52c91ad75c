"""TikTok: video permalinks and short links, the embed snippet, player iframes, AMP, residue.

TikTok's oEmbed snippet is ``blockquote.tiktok-embed[cite][data-video-id]`` holding a
``<section>`` with the ``@user`` link, the caption (in a ``<p>`` or bare) and a
``♬ sound`` link; ``embed.js`` turns it into a player iframe at
``tiktok.com/embed/v2/ID``.  AMP pages use ``amp-tiktok[data-src]`` (an id or a URL).
A creator embed (``data-embed-type="creator"``, ``cite`` to a profile) is not a post.

The post id is the numeric video id, whose upper 32 bits are the Unix time it was made
(:func:`~tweetresolve.idtime.tiktok_time`).  Short links (``vm.tiktok.com/CODE``,
``vt.tiktok.com/CODE``, ``tiktok.com/t/CODE``) name no video until followed.

>>> ref = TIKTOK.parse_url("https://www.tiktok.com/@ada.example/video/6718335390845095173?lang=en")
>>> (ref.post_id, ref.handle, ref.url)
('6718335390845095173', 'ada.example', 'https://www.tiktok.com/@ada.example/video/6718335390845095173')
>>> TIKTOK.parse_url("https://vm.tiktok.com/ZMeAbCdEf/").needs_expansion
True
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tweetresolve.html import Element, ParsedPage, element_text, has_class
from tweetresolve.idtime import tiktok_time
from tweetresolve.platforms._common import (
    frame_urls,
    outermost,
    read_apart,
    without_noscript_copies,
)
from tweetresolve.platforms.base import Candidate
from tweetresolve.records import Author, Link, Post, PostRef
from tweetresolve.text.cards import with_card_posts
from tweetresolve.text.dialects import TIKTOK_RESIDUE

__all__ = ["TIKTOK", "TikTok", "canonical_url"]

# tiktok.com and its sub-domains: www, m, t, and regional ones (embeds.md §4, iframely
# providers.json "TikTok").  Example: "https://us.tiktok.com".
_HOST = r"(?:https?:)?//(?:[a-z]{1,3}\.)?tiktok\.com(?::\d{1,5})?"

# A TikTok username: letters, digits, "_" and "." (the exact rule is unconfirmed; up to
# 24 chars per third-party validators, a little more allowed here).  Example: "ada.example".
_USER = r"(?P<user>[A-Za-z0-9_.]{1,32})"

# A video or photo-mode post under its author, and the user-less share/mobile/embed forms.
# Examples: "https://www.tiktok.com/@ada.example/video/6718335390845095173",
# "https://www.tiktok.com/@ada.example/photo/7212345678901234567",
# "https://m.tiktok.com/v/6718335390845095173.html",
# "https://www.tiktok.com/share/video/6718335390845095173",
# "https://www.tiktok.com/embed/v2/6718335390845095173?lang=en-US".
POST_URL = re.compile(
    rf"""
    ^{_HOST}/
    (?:
        @{_USER}/(?:video|photo)/(?P<id>[0-9]{{6,25}})
      | (?:i18n/)?share/video/(?P<share_id>[0-9]{{6,25}})
      | v/(?P<mobile_id>[0-9]{{6,25}})(?:\.html)?
      | embed/(?:v[0-9]/)?(?P<embed_id>[0-9]{{6,25}})
      | player/v1/(?P<player_id>[0-9]{{6,25}})
    )
    (?:[/?#]|$)
    """,
    re.VERBOSE | re.IGNORECASE,
)

# Short links: vm./vt. hosts, and tiktok.com/t/CODE.  Example: "https://vm.tiktok.com/ZMeAbCdEf/".
SHORT_URL = re.compile(
    r"^(?:https?:)?//(?:(?:vm|vt)\.tiktok\.com/|(?:www\.)?tiktok\.com/t/)[A-Za-z0-9_-]{4,40}/?(?:[?#]|$)",
    re.IGNORECASE,
)

# A numeric video id on its own (``data-video-id``, ``amp-tiktok[data-src]``).
VIDEO_ID = re.compile(r"^[0-9]{6,25}$")

# The residue of a snippet: "@user" alone on a line, the caption, then the sound line that
# starts with "♬" (embeds.md §4).  Bounded: 2,500 chars of caption.
# Example: "@ada.example\nA caption #tag\n♬ original sound - Ada Example"
RESIDUE = re.compile(
    r"(?:^|\n)[ \t>]{0,8}\[?@(?P<user>[A-Za-z0-9_.]{1,32})\]?(?:\([^)\s]{1,300}\))?[ \t]*\n"
    r"(?P<caption>(?:[^\n♬]{0,2500}\n){0,20}?)"
    r"[ \t>]{0,8}\[?♬[^\n]{0,200}",
)


def canonical_url(video_id: str, user: str | None) -> str:
    """The canonical permalink: ``/@user/video/ID``, or ``/share/video/ID`` (which
    TikTok redirects to the former) when the author is not known.

    >>> canonical_url("6718335390845095173", None)
    'https://www.tiktok.com/share/video/6718335390845095173'
    """
    if user:
        return f"https://www.tiktok.com/@{user}/video/{video_id}"
    return f"https://www.tiktok.com/share/video/{video_id}"


class TikTok:
    """The TikTok platform."""

    name = "tiktok"
    markers: tuple[str, ...] = (
        "tiktok-embed",
        "amp-tiktok",
        "tiktok.com/embed",
        "wp-block-embed-tiktok",
    )
    text_markers: tuple[str, ...] = ("♬", "tiktok")

    def parse_url(self, url: str) -> PostRef | None:
        """Parse a TikTok video permalink; short links are marked ``needs_expansion``."""
        url = url.strip()
        match = POST_URL.match(url)
        if match is not None:
            video_id = (
                match["id"]
                or match["share_id"]
                or match["mobile_id"]
                or match["embed_id"]
                or match["player_id"]
            )
            user = match["user"]
            return PostRef(
                platform=self.name,
                post_id=video_id,
                handle=user,
                url=canonical_url(video_id, user),
            )
        if SHORT_URL.match(url):
            return PostRef(platform=self.name, url=url, needs_expansion=True)
        return None

    # --- HTML ------------------------------------------------------------------------

    def find_in_html(self, page: ParsedPage) -> Iterator[Candidate]:
        """Yield snippets, player iframes, ``amp-tiktok`` elements and WordPress placeholders."""
        return iter(without_noscript_copies(list(self._candidates(page))))

    def _candidates(self, page: ParsedPage) -> Iterator[Candidate]:
        quotes = page.xpath("//blockquote[contains(@class, 'tiktok-embed')]")
        yield from read_apart(
            (quote for quote in quotes if has_class(quote, "tiktok-embed")),
            lambda quote: self._from_blockquote(page, quote),
        )
        for element in page.xpath("//iframe"):
            for url in frame_urls(page, element):
                ref = self.parse_url(url)
                if ref is not None and ref.post_id is not None:
                    yield Candidate(element, self._post(ref, "iframe"))
                    break
        for element in page.xpath("//amp-tiktok"):
            value = (element.get("data-src") or "").strip()
            ref = self._ref(page, value)
            if ref is not None:
                yield Candidate(element, self._post(ref, "amp"))
        for figure in page.xpath(
            "//figure[contains(@class, 'wp-block-embed-tiktok')"
            " or contains(@class, 'is-provider-tiktok')]"
        ):
            if figure.xpath(".//blockquote|.//iframe|.//amp-tiktok"):
                continue
            for url in [*(a.get("href") for a in figure.iter("a")), element_text(figure)]:
                ref = self._ref(page, url or "")
                if ref is not None:
                    yield Candidate(figure, self._post(ref, "placeholder"))
                    break

    def _ref(self, page: ParsedPage, value: str) -> PostRef | None:
        value = value.strip()
        if VIDEO_ID.match(value):
            return PostRef(platform=self.name, post_id=value, url=canonical_url(value, None))
        url = page.absolute(value)
        ref = self.parse_url(url) if url else None
        return ref if ref is not None and ref.post_id is not None else None

    def _post(self, ref: PostRef, form: str, **fields: object) -> Post:
        values: dict[str, object] = {
            "author": Author(handle=ref.handle) if ref.handle else None,
            **fields,
        }
        return Post(
            platform=self.name,
            post_id=ref.post_id,
            url=ref.url,
            created_at=tiktok_time(ref.post_id) if ref.post_id else None,
            form=form,
            **values,  # type: ignore[arg-type]
        )

    def _from_blockquote(self, page: ParsedPage, element: Element) -> Post | None:
        if (element.get("data-embed-type") or "").lower() == "creator":
            return None
        ref = self._ref(page, element.get("data-video-id") or "")
        cited = self._ref(page, element.get("cite") or "")
        if cited is not None and (ref is None or cited.post_id == ref.post_id):
            ref = cited  # the cite URL also names the author
        if ref is None:
            return None
        section = element.find(".//section")
        container = section if section is not None else element
        user_link = None
        sound_link = None
        # Links nested in links (broken markup) are read as part of the outer one, so
        # each node's text is read once.
        for anchor in outermost(container, "a"):
            shown = element_text(anchor)
            if user_link is None and shown.startswith("@"):
                user_link = anchor
            elif shown.startswith("♬"):
                sound_link = anchor
        handle = ref.handle
        if user_link is not None and not handle:
            handle = element_text(user_link)[1:] or None
        profile = page.absolute(user_link.get("href")) if user_link is not None else None
        text, links = _caption(page, container, user_link, sound_link)
        author = Author(handle=handle, url=profile) if handle or profile else None
        return self._post(ref, "blockquote", author=author, text=text, links=links)

    # --- plain text ------------------------------------------------------------------

    def find_in_text(self, text: str) -> Iterator[Post]:
        """Yield posts from ``@user`` / caption / ``♬ sound`` residue, then site-made cards
        that name TikTok."""
        posts = list(self._residue(text))
        return with_card_posts(posts, text, TIKTOK_RESIDUE, parse_url=self.parse_url)

    def _residue(self, text: str) -> Iterator[Post]:
        for match in RESIDUE.finditer(text):
            caption = "\n".join(
                line.lstrip(" \t>").strip() for line in match["caption"].split("\n")
            ).strip()
            start = match.start() + (1 if text[match.start() : match.start() + 1] == "\n" else 0)
            yield Post(
                platform=self.name,
                author=Author(handle=match["user"]),
                text=caption or None,
                form="text",
                span=(start, match.end()),
            )


def _caption(
    page: ParsedPage, container: Element, user_link: Element | None, sound_link: Element | None
) -> tuple[str | None, tuple[Link, ...]]:
    """The caption between the ``@user`` link and the ``♬`` sound link, and its links."""
    paragraphs = outermost(container, "p")
    links: list[Link] = []
    if paragraphs:
        text = "\n".join(element_text(p) for p in paragraphs)
        anchors = [a for p in paragraphs for a in outermost(p, "a")]
    else:
        # Newer snippets put the caption as bare text and links inside the section.
        pieces: list[str] = []
        anchors = []
        for child in container:
            if child is sound_link:
                continue
            if child is user_link:
                pieces.append(user_link.tail or "")
                continue
            if isinstance(child.tag, str):
                pieces.append(element_text(child))
                if child.tag == "a":
                    anchors.append(child)
            pieces.append(child.tail or "")
        if not list(container) or user_link is None:
            pieces.insert(0, container.text or "")
        text = " ".join(" ".join(pieces).split())
    for anchor in anchors:
        href = page.absolute(anchor.get("href"))
        if href:
            links.append(Link(url=href, text=element_text(anchor) or None))
    return (text.strip() or None), tuple(links)


TIKTOK = TikTok()
