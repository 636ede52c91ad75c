"""What ``widgets.js`` leaves behind, and widget iframes.

Rendered widgets and iframes keep only the tweet id (from ``data-tweet-id`` or the
iframe ``src``); a site's own tweet iframe may hold a "Twitter: Name - text" fallback.
"""

from __future__ import annotations

import re

import lxml.etree
import lxml.html

from tweetresolve.html import Element, ParsedPage, element_text, has_class
from tweetresolve.platforms._common import frame_urls
from tweetresolve.platforms.twitter.official import read_blockquote, text_links
from tweetresolve.platforms.twitter.urls import (
    EMBED_SRC,
    EMBED_SRC_ID,
    id_only_post,
    parse_status_url,
    status_ref,
    tweet_id_attribute,
)
from tweetresolve.records import Author, Link, Post

__all__ = ["is_rendered", "read_iframe", "read_rendered_div"]

# A site's own tweet iframe with a text fallback: "Twitter: Name - text of the tweet".
# Example: "Twitter: Ada Example - Hello there".
_FALLBACK_BYLINE = re.compile(r"^\s*(?:Twitter|X)\s*:\s*(?P<name>[^\n]{1,80}?)\s+[-–—]\s+")


def is_rendered(element: Element) -> bool:
    return (
        has_class(element, "twitter-tweet-rendered")
        or element.tag == "twitterwidget"
        or (element.get("id") or "").startswith("twitter-widget-")
    )


def read_iframe(page: ParsedPage, frame: Element) -> Post | None:
    # The widget's URL, wherever a lazy loader or a consent manager keeps it.
    sources = [url.strip() for url in frame_urls(page, frame)]
    src = next(
        (url for url in sources if EMBED_SRC.match(url) or parse_status_url(url)),
        sources[0] if sources else "",
    )
    post_id = tweet_id_attribute(frame)
    from_src = None
    if EMBED_SRC.match(src):
        match = EMBED_SRC_ID.search(src)
        from_src = match[1].lstrip("0") or "0" if match else None
    ref = status_ref(page, src) if src else None
    post_id = post_id or from_src or (ref.post_id if ref else None)
    if is_rendered(frame) or has_class(frame, "twitter-tweet"):
        return id_only_post(frame, post_id, form="rendered")
    if post_id is not None:
        return id_only_post(frame, post_id, form="amp" if frame.tag == "amp-iframe" else "iframe")
    if "share-button" in (frame.get("class") or "") or "follow" in src.lower():
        return None
    # A site's own tweet iframe ("…/TwitterEmbed/….html"): only its fallback content
    # (raw text to the parser) tells what it shows.
    fallback, links = _fragment_text(frame.text or "")
    match = _FALLBACK_BYLINE.match(fallback)
    if match is None:
        return None  # only "Twitter: Name - text" says the iframe shows a tweet
    name = match["name"].strip()
    fallback = fallback[match.end() :].strip()
    return Post(
        platform="twitter",
        author=Author(name=name) if name else None,
        text=fallback or None,
        links=links,
        form="iframe",
    )


def _fragment_text(markup: str) -> tuple[str, tuple[Link, ...]]:
    """Text and links of markup the parser kept as raw text (an iframe's fallback)."""
    if not markup.strip():
        return "", ()
    try:
        fragment = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return "", ()
    return element_text(fragment), tuple(text_links(fragment, stop=None, skip=None))


def read_rendered_div(page: ParsedPage, div: Element) -> Post | None:
    post_id = tweet_id_attribute(div)
    if post_id is None:
        if next(div.iter("blockquote"), None) is not None:
            # A wrapper around the publish snippet: the blockquote is the embed.
            return None
        if not has_class(div, "twitter-tweet-rendered") and next(div.iter("iframe"), None) is None:
            # The snippet with its blockquote turned into a div by an editor.
            return read_blockquote(page, div)
        for frame in div.iter("iframe"):
            post = read_iframe(page, frame)
            if post is not None and post.post_id:
                post_id = post.post_id
                break
    if post_id is None:
        for anchor in div.iter("a"):
            ref = status_ref(page, anchor.get("href"))
            if ref is not None:
                post_id = ref.post_id
    return id_only_post(div, post_id, form="rendered")
