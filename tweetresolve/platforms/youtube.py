"""YouTube: video permalinks, player iframes, AMP and script placeholders.

A YouTube embed is a player, not a quoted post: the standard ``<iframe
src="https://www.youtube.com/embed/ID">`` (or the privacy-enhanced
``youtube-nocookie.com``), ``amp-youtube[data-videoid]`` on AMP pages, the
``lite-youtube[videoid]`` facade that a script swaps for the iframe, and old Flash
``<object>``/``<embed>`` players pointing at ``/v/ID``.  None of them leaves text
behind, so there is no residue form.  The post id is the 11-character video id.
Playlists (``/embed/videoseries?list=``) and channel players (``live_stream?channel=``)
are not posts.

>>> ref = YOUTUBE.parse_url("https://youtu.be/hMDQpHehAzw?t=42")
>>> (ref.platform, ref.post_id, ref.url)
('youtube', 'hMDQpHehAzw', 'https://www.youtube.com/watch?v=hMDQpHehAzw')
>>> YOUTUBE.parse_url("https://www.youtube.com/embed/videoseries?list=PLx0sYbCqOb8TBPRd") is None
True
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

from tweetresolve.html import Element, ParsedPage, element_text
from tweetresolve.platforms._common import FRAME_SOURCES, without_noscript_copies
from tweetresolve.platforms.base import Candidate
from tweetresolve.records import Post, PostRef

__all__ = ["YOUTUBE", "YouTube", "canonical_url"]

# A video id: 11 characters of URL-safe base64 (the last one from a 16-letter subset,
# not enforced here).  Example: "hMDQpHehAzw".
VIDEO_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")

# YouTube's own hosts: www., m., music. and the bare domain, the privacy-enhanced
# player host and the youtu.be short host.  Example: "m.youtube.com".
_HOSTS = re.compile(
    r"^(?:(?:www|m|music|gaming)\.)?youtube\.com$|^(?:www\.)?youtube-nocookie\.com$|^youtu\.be$",
    re.IGNORECASE,
)

# Paths that carry the video id as their second segment (embeds.md §14, iframely
# youtube.video.js / youtube.shorts.js): /embed/ID, /v/ID, /e/ID, /shorts/ID, /live/ID,
# /watch/ID.  Example: "/embed/hMDQpHehAzw".
_ID_PATH = re.compile(
    r"^/(?:embed|v|e|shorts|live|watch)/(?P<id>[A-Za-z0-9_-]{11})(?:[/?#&;]|$)",
    re.IGNORECASE,
)

# The youtu.be short form: the whole path is the id.  Example: "/hMDQpHehAzw".
_SHORT_PATH = re.compile(r"^/(?P<id>[A-Za-z0-9_-]{11})(?:[/?#&;]|$)")

# The legacy mobile-site form that keeps the query in the fragment.
# Example: "#/watch?v=hMDQpHehAzw&feature=share".
_FRAGMENT_WATCH = re.compile(r"^!?/?watch\?(?P<query>.*)$")

# Words in the id position that name a player of many videos, not a video: both happen
# to be 11 characters long.  Examples: "/embed/videoseries?list=PL…",
# "/embed/live_stream?channel=UC…".
_NOT_VIDEOS = frozenset({"videoseries", "live_stream"})

_MAX_URL_CHARS = 4096


def canonical_url(video_id: str) -> str:
    """The canonical watch URL of a video.

    >>> canonical_url("hMDQpHehAzw")
    'https://www.youtube.com/watch?v=hMDQpHehAzw'
    """
    return f"https://www.youtube.com/watch?v={video_id}"


def video_id_of(url: str) -> str | None:
    """The video id a YouTube URL points at, or None (playlists, channels, other hosts).

    >>> video_id_of("https://www.youtube.com/watch?feature=share&v=hMDQpHehAzw&list=PL1")
    'hMDQpHehAzw'
    >>> video_id_of("//www.youtube-nocookie.com/embed/hMDQpHehAzw?rel=0")
    'hMDQpHehAzw'
    >>> video_id_of("https://www.youtube.com/@ada_example") is None
    True
    """
    url = url.strip()
    if not url or len(url) > _MAX_URL_CHARS:
        return None
    if url.startswith("//"):
        url = "https:" + url
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").rstrip(".")
    except ValueError:
        return None
    if parts.scheme.lower() not in {"http", "https"} or not _HOSTS.match(host):
        return None
    if host.lower() == "youtu.be":
        short = _SHORT_PATH.match(parts.path)
        return short["id"] if short else None
    path = _ID_PATH.match(parts.path)
    if path is not None:
        return None if path["id"].lower() in _NOT_VIDEOS else path["id"]
    query = parts.query
    if parts.path.rstrip("/").lower() not in {"/watch", ""}:
        return None
    if parts.path.rstrip("/") == "":
        # m.youtube.com/#/watch?v=ID: the old mobile site kept the query in the fragment.
        fragment = _FRAGMENT_WATCH.match(parts.fragment)
        if fragment is None:
            return None
        query = fragment["query"]
    for value in parse_qs(query).get("v", []):
        if VIDEO_ID.match(value):
            return value
    return None


class YouTube:
    """The YouTube platform."""

    name = "youtube"
    markers: tuple[str, ...] = (
        "youtube.com/embed",
        "youtube-nocookie",
        "amp-youtube",
        "lite-youtube",
        "youtube.com/v/",
        "wp-block-embed-youtube",
    )
    # The player leaves no text behind; bare links are found by the generic link scan.
    text_markers: tuple[str, ...] = ()

    def parse_url(self, url: str) -> PostRef | None:
        """Parse a watch, short, embed, Shorts or live URL of one video."""
        video_id = video_id_of(url)
        if video_id is None:
            return None
        return PostRef(platform=self.name, post_id=video_id, url=canonical_url(video_id))

    def find_in_html(self, page: ParsedPage) -> Iterator[Candidate]:
        """Yield player iframes, AMP and facade elements, Flash players, WordPress placeholders."""
        return iter(without_noscript_copies(list(self._candidates(page))))

    def _candidates(self, page: ParsedPage) -> Iterator[Candidate]:
        for element in page.xpath("//iframe|//embed"):
            post = self._from_attributes(page, element, FRAME_SOURCES)
            if post is not None:
                yield Candidate(element, post)
        for element in page.xpath("//object"):
            post = self._from_attributes(page, element, ("data",))
            if post is None:
                movie = element.xpath(".//param[translate(@name, 'MOVIE', 'movie') = 'movie']")
                if movie:
                    post = self._from_attributes(page, movie[0], ("value",))
            if post is not None:
                yield Candidate(element, post)
        for element in page.xpath("//amp-youtube"):
            # "video-id" is the deprecated spelling; "data-live-channelid" is a channel.
            video_id = (element.get("data-videoid") or element.get("video-id") or "").strip()
            post = self._from_id(video_id, "amp")
            if post is None:
                post = self._from_attributes(page, element, ("src",), form="amp")
            if post is not None:
                yield Candidate(element, post)
        for element in page.xpath("//lite-youtube|//lite-youtube-embed"):
            post = self._from_id((element.get("videoid") or "").strip(), "script")
            if post is not None:
                yield Candidate(element, post)
        # Lazy-loading facades that a script turns into the player, e.g. WordPress
        # caching plugins' <div class="rll-youtube-player" data-src=".../embed/ID">.
        for element in page.xpath(
            "//*[(@data-src or @data-lazy-src) and not(self::iframe or self::embed"
            " or self::img or self::script or self::source or self::video or self::amp-youtube)]"
        ):
            post = self._from_attributes(page, element, ("data-src", "data-lazy-src"), "script")
            if post is not None and _is_player_url(element):
                yield Candidate(element, post)
        for figure in page.xpath(
            "//figure[contains(@class, 'wp-block-embed-youtube')"
            " or contains(@class, 'is-provider-youtube')]"
        ):
            if figure.xpath(".//iframe|.//amp-youtube|.//lite-youtube|.//object|.//embed"):
                continue
            # A WordPress embed block saved before its oEmbed was fetched: only the URL.
            for url in [*(a.get("href") for a in figure.iter("a")), element_text(figure)]:
                ref = self.parse_url(page.absolute(url) or "") if url else None
                if ref is not None:
                    yield Candidate(figure, self._post(ref, "placeholder"))
                    break

    def _from_attributes(
        self, page: ParsedPage, element: Element, attributes: tuple[str, ...], form: str = "iframe"
    ) -> Post | None:
        for attribute in attributes:
            url = page.absolute(element.get(attribute))
            ref = self.parse_url(url) if url else None
            if ref is not None:
                return self._post(ref, form)
        return None

    def _from_id(self, video_id: str, form: str) -> Post | None:
        if not VIDEO_ID.match(video_id):
            return None
        return self._post(
            PostRef(platform=self.name, post_id=video_id, url=canonical_url(video_id)), form
        )

    def _post(self, ref: PostRef, form: str) -> Post:
        return Post(platform=self.name, post_id=ref.post_id, url=ref.url, form=form)

    def find_in_text(self, text: str) -> Iterator[Post]:
        """YouTube players leave no residue in text: nothing to find."""
        return iter(())


def _is_player_url(element: Element) -> bool:
    """Whether a facade's lazy source is a player URL (``/embed/ID``), not a mere link."""
    value = (element.get("data-src") or element.get("data-lazy-src") or "").lower()
    return "/embed/" in value or "youtube-nocookie" in value


YOUTUBE = YouTube()
