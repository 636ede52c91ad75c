"""Bluesky: AT-URIs, ``bsky.app`` permalinks, embed snippets, rendered iframes and residue.

The official snippet (Bluesky's "Embed post" dialog) is a ``blockquote.bluesky-embed``
carrying ``data-bluesky-uri="at://<DID>/app.bsky.feed.post/<rkey>"``, the post text in a
``<p lang>``, and a byline ``— Name (@handle) <date>`` whose links use the DID.  Its
``embed.js`` replaces the blockquote with ``div.bluesky-embed > iframe`` pointing at
``embed.bsky.app/embed/<DID>/app.bsky.feed.post/<rkey>``.

A post is identified by its record key (``post_id``) together with its author (the DID or
handle, kept in ``Author.handle`` and in the URL): record keys are unique per author only.

>>> ref = BLUESKY.parse_url("https://bsky.app/profile/ada.example.com/post/3lbq7mxsiek2v")
>>> (ref.platform, ref.post_id, ref.handle)
('bluesky', '3lbq7mxsiek2v', 'ada.example.com')
>>> BLUESKY.parse_url("https://bsky.app/profile/ada.example.com") is None
True
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterator
from itertools import islice

import attrs

from tweetresolve.dates import parse_date
from tweetresolve.html import Element, ParsedPage, element_text, has_class
from tweetresolve.idtime import bluesky_time
from tweetresolve.platforms._common import read_apart
from tweetresolve.platforms.base import Candidate
from tweetresolve.records import Author, Link, Post, PostRef, published_utc
from tweetresolve.text import BLUESKY_RESIDUE, find_posts
from tweetresolve.text.cards import with_card_posts

__all__ = ["BLUESKY", "Bluesky"]

# An actor in a URL: a DID (did:plc is 24 base32 chars in practice; did:web is a
# domain, ports percent-encoded) or a handle, which is a domain name.
# Examples: "did:plc:vjug55kidv6sye7ykr5faxxn", "did:web:example.com", "ada.bsky.social".
_ACTOR = (
    r"(?P<actor>did:plc:[a-z2-7]{8,64}|did:web:[A-Za-z0-9.%:-]{1,253}"
    r"|[A-Za-z0-9][A-Za-z0-9.-]{0,252})"
)
# A record key (atproto record-key syntax); posts use TIDs but the grammar is wider.
_RKEY = r"(?P<rkey>[A-Za-z0-9._:~-]{1,512})"

# A post permalink on the web app or a mirror that rewrites it for link previews
# (fxbsky.app with its d./m. variants).  Anything may follow the rkey (/liked-by, ?ref_src).
# Example: "https://bsky.app/profile/did:plc:abcdefghijklmnopqrstuvwx/post/3lbq7mxsiek2v?ref_src=embed"
POST_URL = re.compile(
    r"^(?:https?:)?//(?:www\.)?(?:bsky\.app|(?:[dm]\.)?fxbsky\.app)(?::\d{1,5})?"
    r"/profile/" + _ACTOR + r"/post/" + _RKEY + r"(?:[/?#]|$)",
    re.IGNORECASE,
)

# An AT-URI naming a post record; the authority may be a DID or a handle.
# Example: "at://did:plc:abcdefghijklmnopqrstuvwx/app.bsky.feed.post/3lbq7mxsiek2v"
AT_URI = re.compile(
    r"^at://" + _ACTOR + r"/app\.bsky\.feed\.post/" + _RKEY + r"(?:[/?#]|$)",
    re.IGNORECASE,
)

# The iframe that embed.js renders: the AT-URI's parts survive in the path.
# Example: "https://embed.bsky.app/embed/did:plc:abcdefghijklmnopqrstuvwx/app.bsky.feed.post/3lbq7mxsiek2v?id=4"
EMBED_URL = re.compile(
    r"^(?:https?:)?//embed\.bsky\.app/embed/"
    + _ACTOR
    + r"/app\.bsky\.feed\.post/"
    + _RKEY
    + r"(?:[/?#]|$)",
    re.IGNORECASE,
)

# A snippet holds a handful of links; reading more only costs time on hostile pages
# (thousands of unclosed blockquotes nest, and each would scan all the others' links).
_MAX_ANCHORS = 64
# The link the snippet adds after the text of a post that carries an image or quote.
_MEDIA_PLACEHOLDER = "[image or embed]"
# The handle of a snippet byline that get_text("\n") split over lines, because it is a
# link of its own: "— Name (\n@ada.example.com\n) \nNovember 25, 2024 at 12:58 AM".
# Example: "(\n@ada.example.com\n)"
SPLIT_HANDLE = re.compile(
    r"\((?:[ \t]{0,16}\r?\n){1,4}[ \t]{0,16}(?P<handle>@[A-Za-z0-9.-]{1,253})"
    r"(?:[ \t]{0,16}\r?\n){0,4}[ \t]{0,16}\)"
)
# The byline's handle as html2text writes its link (to the profile, by DID):
# "([@ada.example.com](https://bsky.app/profile/did:plc:…))".  Example as above.
LINKED_HANDLE = re.compile(
    r"\([ \t]{0,4}\[[ \t]{0,4}(?P<handle>\\?@[A-Za-z0-9.-]{1,253})[ \t]{0,4}\]"
    r"\([^()\s]{1,2048}\)[ \t]{0,4}\)"
)
# The snippet's media placeholder as converters leave it: plain, or as html2text's
# Markdown link to the post.  Example: "[[image or embed]](https://bsky.app/profile/…)"
PLACEHOLDER = re.compile(r"(?P<md>\[)?\[image or embed\](?(md)\]\((?P<href>[^()\s]{1,2048})\))")
# Characters around the display name in the byline: "— Name (".
_BYLINE_PUNCT = " \t\n\u00a0—–-(&"


class Bluesky:
    """The Bluesky platform."""

    name = "bluesky"
    markers: tuple[str, ...] = ("bluesky-embed", "data-bluesky-uri", "embed.bsky.app/embed/")
    text_markers: tuple[str, ...] = (
        "(@",
        "( @",
        "(\\@",
        "[image or embed]",
        "bsky.app/profile/",
        "bluesky",
        ".bsky.social",
    )

    def parse_url(self, url: str) -> PostRef | None:
        """Parse a ``bsky.app`` / mirror permalink, an ``at://`` URI or an embed iframe URL.

        >>> BLUESKY.parse_url("at://did:plc:abcdefghijklmnopqrstuvwx/app.bsky.feed.post/3lbq7mxsiek2v").url
        'https://bsky.app/profile/did:plc:abcdefghijklmnopqrstuvwx/post/3lbq7mxsiek2v'
        """
        match = POST_URL.match(url) or AT_URI.match(url) or EMBED_URL.match(url)
        if match is None:
            return None
        actor = match["actor"].lower()
        rkey = match["rkey"]
        return PostRef(
            platform=self.name,
            post_id=rkey,
            handle=actor,
            url=f"https://bsky.app/profile/{actor}/post/{rkey}",
        )

    def find_in_html(self, page: ParsedPage) -> Iterator[Candidate]:
        """Yield snippet blockquotes and rendered iframes."""
        snippets = page.xpath("//*[@data-bluesky-uri]")
        # A snippet whose data attributes a CMS stripped still links the post.
        snippets.extend(
            element
            for element in page.xpath(
                "//blockquote[contains(@class, 'bluesky-embed')][not(@data-bluesky-uri)]"
            )
            if has_class(element, "bluesky-embed")
        )
        yield from read_apart(
            snippets,
            lambda snippet: self._from_snippet(page, snippet, snippet.get("data-bluesky-uri")),
        )
        for frame in page.xpath("//iframe[contains(@src, 'embed.bsky.app/embed/')]"):
            ref = self.parse_url(page.absolute(frame.get("src")) or "")
            if ref is None:
                continue
            parent = frame.getparent()
            rendered = parent is not None and has_class(parent, "bluesky-embed")
            yield Candidate(frame, self._post(ref, form="rendered" if rendered else "iframe"))

    def find_in_text(self, text: str) -> Iterator[Post]:
        """Yield posts whose ``— Name (@handle) date`` byline survives in plain text, then
        site-made cards that name Bluesky."""
        posts = list(self._bylines(text))
        return with_card_posts(posts, text, BLUESKY_RESIDUE, parse_url=self.parse_url)

    def _bylines(self, text: str) -> Iterator[Post]:
        """The ``— Name (@handle) date`` bylines.

        The attribution grammar is the one shared with Twitter (:mod:`tweetresolve.text`),
        in Bluesky's dialect: domain handles, local date-and-time, ``[image or embed]``.
        """
        cleaned, placeholders = _clean_residue(text)
        # Offsets of placeholders whose link names a post, in order, for a binary search.
        linked = [(at, ref) for at, ref in placeholders if ref is not None]
        offsets = [at for at, _ in linked]
        for found in find_posts(cleaned, BLUESKY_RESIDUE, parse_url=self.parse_url):
            if found.post_id is None and found.span is not None and linked:
                # The placeholder's link (kept by Markdown converters) is the post itself.
                start, end = found.span
                index = bisect.bisect_left(offsets, start)
                ref = linked[index][1] if index < len(linked) and offsets[index] < end else None
                if ref is not None:
                    yield attrs.evolve(
                        found,
                        post_id=ref.post_id,
                        url=ref.url,
                        created_at=bluesky_time(ref.post_id or ""),
                    )
                    continue
            yield found

    # --- helpers ---------------------------------------------------------------------

    def _post(self, ref: PostRef, *, form: str) -> Post:
        return Post(
            platform=self.name,
            post_id=ref.post_id,
            url=ref.url,
            author=Author(handle=ref.handle, url=_profile_url(ref.handle)),
            created_at=bluesky_time(ref.post_id or ""),
            form=form,
        )

    def _from_snippet(self, page: ParsedPage, quote: Element, uri: str | None) -> Post | None:
        anchors = list(islice((a for a in quote.iter("a") if a.get("href")), _MAX_ANCHORS))
        ref = self.parse_url(uri.strip()) if uri else None
        if ref is None:
            # The date link (last) and the media placeholder link point at the post.
            for anchor in reversed(anchors):
                ref = self.parse_url(page.absolute(anchor.get("href")) or "")
                if ref is not None:
                    break
        if ref is None:
            return None
        paragraph = next(iter(quote.iter("p")), None)
        text: str | None = None
        lang: str | None = None
        links: tuple[Link, ...] = ()
        if paragraph is not None:
            text, links = _post_text(page, paragraph)
            lang = (paragraph.get("lang") or "").strip() or None
        name, handle, date_text = _byline(quote, paragraph, anchors)
        # The profile link carries the same actor as the post URI; the canonical
        # form drops its "?ref_src=embed".
        author = Author(name=name, handle=handle or ref.handle, url=_profile_url(ref.handle))
        # Bluesky prints the creator's local time without a zone: published keeps the day.
        published, precision = published_utc(_parse_date(date_text))
        return attrs.evolve(
            self._post(ref, form="blockquote"),
            author=author,
            text=text,
            lang=lang,
            links=links,
            date_text=date_text,
            published=published,
            published_precision=precision,
        )


def _clean_residue(text: str) -> tuple[str, list[tuple[int, PostRef | None]]]:
    """Undo what converters do to a snippet, without moving any offset.

    A byline split over lines, ``(\\n@h\\n)``, becomes ``(@h)`` padded with spaces to its
    old length; the ``[image or embed]`` placeholder (also as a Markdown link, also glued
    to the text) becomes spaces, so it is neither post text nor a quoted post.  Spans
    found in the result are spans in ``text``.  Returns the cleaned text and, for each
    placeholder, its offset and the post its link names (None when it has no link).

    >>> _clean_residue("— A (\\n@a.example\\n) \\nMay 1, 2024 at 1:00 PM")[0]
    '— A (@a.example)   \\nMay 1, 2024 at 1:00 PM'
    >>> _clean_residue("— A ([@a.example](https://bsky.app/profile/x)) May 1, 2024")[0].split()
    ['—', 'A', '(@a.example)', 'May', '1,', '2024']
    >>> _clean_residue("Hi[image or embed]— A (@a.example) May 1, 2024 at 1:00 PM")[0]
    'Hi                — A (@a.example) May 1, 2024 at 1:00 PM'
    """
    placeholders: list[tuple[int, PostRef | None]] = []

    def blank(match: re.Match[str]) -> str:
        href = match["href"]
        placeholders.append((match.start(), BLUESKY.parse_url(href) if href else None))
        return " " * len(match.group())

    if _MEDIA_PLACEHOLDER in text:
        text = PLACEHOLDER.sub(blank, text)
    if "\n" in text:
        text = SPLIT_HANDLE.sub(_joined, text)
    if "([" in text:
        text = LINKED_HANDLE.sub(_joined, text)
    return text, placeholders


def _joined(match: re.Match[str]) -> str:
    joined = f"({match['handle'].lstrip(chr(92))})"
    return joined + " " * (len(match.group()) - len(joined))


def _profile_url(actor: str | None) -> str | None:
    return f"https://bsky.app/profile/{actor}" if actor else None


def _post_text(page: ParsedPage, paragraph: Element) -> tuple[str | None, tuple[Link, ...]]:
    """Text and links of the snippet's ``<p>``, without the ``[image or embed]`` placeholder."""
    text = element_text(paragraph)
    if text.endswith(_MEDIA_PLACEHOLDER):
        text = text[: -len(_MEDIA_PLACEHOLDER)].rstrip()
    links = tuple(
        Link(url=page.absolute(anchor.get("href", "")) or "", text=shown or None)
        for anchor in islice(paragraph.iter("a"), _MAX_ANCHORS)
        if anchor.get("href") and (shown := element_text(anchor)) != _MEDIA_PLACEHOLDER
    )
    return text or None, links


def _byline(
    quote: Element, paragraph: Element | None, anchors: list[Element]
) -> tuple[str | None, str | None, str | None]:
    """``(name, handle, date text)`` from ``— Name (<a>@handle</a>) <a>date</a>``."""
    inside = set(islice(paragraph.iter("a"), _MAX_ANCHORS)) if paragraph is not None else set()
    outside = [a for a in anchors if a not in inside]
    profile_anchor = next((a for a in outside if element_text(a).startswith("@")), None)
    if profile_anchor is None:
        return None, None, None
    handle = element_text(profile_anchor)[1:].strip() or None
    # The name is the text between the post paragraph and the profile link.
    name_parts: list[str] = []
    if paragraph is not None and paragraph.getparent() is quote:
        name_parts.append(paragraph.tail or "")
    elif paragraph is None:
        name_parts.append(quote.text or "")
    previous = profile_anchor.getprevious()
    while previous is not None and previous is not paragraph:
        name_parts.insert(1, element_text(previous) + (previous.tail or ""))
        previous = previous.getprevious()
    name = " ".join("".join(name_parts).split()).strip(_BYLINE_PUNCT) or None
    after = outside[outside.index(profile_anchor) + 1 :]
    date_text = element_text(after[-1]) if after else None
    return name, handle, date_text or None


def _parse_date(date_text: str | None) -> dt.date | dt.datetime | None:
    return parse_date(date_text) if date_text else None


BLUESKY = Bluesky()
