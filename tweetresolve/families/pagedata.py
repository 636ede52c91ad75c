"""Posts in page data: JSON state, ld+json and escaped embed code (form ``data``).

Sites built on JavaScript frameworks keep an article's embeds in the page's JSON
(``<script type="application/json">``, ``__NEXT_DATA__``, ``window.__…STATE__ = {…}``,
``application/ld+json``) and draw them with their own code, so the saved page may
hold no element for the post at all.  Each script that mentions a platform is decoded
(:mod:`~tweetresolve.families.jsonwalk`, bounded; JS literals with
:mod:`~tweetresolve.families.jsliteral`; Nuxt 3, Apollo and Next.js flight state made a
tree first by :mod:`~tweetresolve.families.framework_state`) and every dictionary is read with the
object rules of :mod:`~tweetresolve.families.objects`.  Strings holding embed markup
(``"embedCode": "<blockquote class=\\"tiktok-embed\\" …"``) are listed by
:func:`embed_markup` for the pipeline, which reads them as nested documents with every
platform's detectors.

Only the article's posts count.  The JSON state of a news site also holds other
stories (recommendation modules, the next article, teasers), with their embeds.  A
post is kept when the nearest story-like object around it (a dictionary with a
title and a URL, see :func:`_is_story`) is the page's own article — its URL path is
the page's, or its title is the page's title — and when no key on the way up names
a recommendation module (``related``, ``recommended``, ``teasers`` …).  A post with
no story around it belongs to the page.  Posts also found in the document's markup
are that markup's (the pipeline keeps the other form).

>>> from tweetresolve.html import parse_page
>>> page = parse_page('''<title>Ferry news</title><script type="application/json">
... {"article": {"title": "Ferry news", "url": "/ferry", "body": [
...   {"type": "twitter", "url": "https://twitter.com/ada/status/1400000000000000001"}]},
...  "related": [{"title": "Other", "url": "/other", "body": [
...   {"type": "twitter", "url": "https://twitter.com/bo/status/1400000000000000002"}]}]}
... </script>''')
>>> [(c.post.post_id, c.post.form) for c in find_page_data(page)]
[('1400000000000000001', 'data')]
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import attrs

from tweetresolve.families.framework_state import (
    flight_chunk,
    flight_values,
    inline_references,
    is_flight_script,
    is_normalised_cache,
    unflatten,
)
from tweetresolve.families.jsliteral import state_literals
from tweetresolve.families.jsonwalk import (
    MAX_SCRIPT_CHARS,
    Frame,
    WalkBudget,
    json_values,
    strings,
    walk,
)
from tweetresolve.families.objects import post_in_object
from tweetresolve.html import Element, ParsedPage, element_text
from tweetresolve.platforms.base import Candidate
from tweetresolve.prefilter import MarkerScan

__all__ = ["MARKERS", "embed_markup", "find_page_data"]

#: Lower-case substrings of the raw source that may announce a post in page data.
MARKERS: tuple[str, ...] = (
    "id_str",
    "socialmediaposting",
    "sharedcontent",
    "tweetid",
    "tweet_id",
    # Keys naming a platform's id, and platforms as a whole typed value ("type": "tweet"):
    # only those whose bare id names a post (Facebook's or Bluesky's needs the permalink,
    # which the permalink markers cover).
    "instagramid",
    "instagram_id",
    "instagramshortcode",
    "tiktokid",
    "tiktok_id",
    "tiktokvideoid",
    "youtubeid",
    "youtube_id",
    "youtubevideoid",
    '"twitter"',
    '"tweet"',
    '"x"',
    '"instagram"',
    '"tiktok"',
    '"youtube"',
    '\\"twitter\\"',
    '\\"tweet\\"',
    '\\"x\\"',
    '\\"instagram\\"',
    '\\"tiktok\\"',
    '\\"youtube\\"',
    "provider&quot;",
    "platform&quot;",
    "embedurl",
    "embed_url",
)

# Script types holding data, or code that may assign data ("", "module", anything
# JavaScript, anything JSON); templates and consent-blocked types are markup, not data.
# Example: "application/ld+json", "text/javascript".
_PROGRAM_TYPES = ("javascript", "ecmascript", "module")


# A script worth decoding names a platform or a post shape somewhere in its text (one
# marker scan: a case-blind regex alternation costs ten times more).
# Example: '"provider": "Twitter"'.
_HINTS = (
    "id_str",
    "tweet",
    "twitter",
    "instagram",
    "tiktok",
    "youtu",
    "facebook",
    "bsky",
    "bluesky",
    "mastodon",
    "threads.",
    "reddit",
    "telegram",
    "t.me/",
    "t.me\\/",
    "linkedin",
    "tumblr",
    "truthsocial",
    "socialmediaposting",
    "sharedcontent",
)

# A string that holds embed markup: an element and an embed class or frame.
# Example: '<blockquote class="tiktok-embed" cite="…">'.
_EMBED_MARKUP = re.compile(
    r"<(?:blockquote|iframe|div|amp-[a-z]+)\b[^>]{0,400}?"
    r"(?:twitter-tweet|instagram-media|tiktok-embed|fb-post|fb-video|bluesky-embed"
    r"|mastodon-embed|text-post-media|reddit-embed|tumblr-post|truthsocial-embed"
    r"|youtube\.com/embed|youtube-nocookie|linkedin\.com/embed|facebook\.com/plugins)"
    # Placeholders kept as markup: a URL-only CMS block, an id or permalink attribute.
    r"|<oembed\b|<(?:figure|div|span|section|p)\b[^>]{0,400}?(?:wp-block-embed|kg-embed-card"
    r"|data-tweet-?id|data-oembed-url|data-embed-url|data-embed-type)",
    re.IGNORECASE,
)

# Keys under which a state holds other stories than the page's own.
# Example: "relatedArticles", "mostRead", "teasers", "recommendations".
_OTHER_STORIES_KEY = re.compile(
    r"related|recommend|teaser|popular|trending|most[-_]?read|read[-_]?next|next[-_]?article"
    r"|suggest|sidebar|promo|also[-_]?read|more[-_]?stories|latest",
    re.IGNORECASE,
)

# Keys of a story-like object's title and URL.
_TITLE_KEYS = ("headline", "headlines", "title", "seoTitle", "heading")
_STORY_URL_KEYS = (
    "url",
    "canonicalUrl",
    "canonical_url",
    "canonical",
    "path",
    "slug",
    "link",
    "href",
    "permalink",
    "webUrl",
    "shareUrl",
    "uri",
    "website_url",
    "websiteUrl",
)

#: Nodes the walks of one page may visit, plus this many per character of script.
_BASE_BUDGET = 200_000
#: Shortest title compared by prefix (shorter titles must be equal).
_MIN_PREFIX_TITLE = 20

_SPACES = re.compile(r"\s+")


def find_page_data(page: ParsedPage) -> list[Candidate]:
    """The article's posts described by objects in the page's data, on their scripts."""
    found: list[Candidate] = []
    article: _Article | None = None
    for script in page.root.iter("script"):
        for frame in _script_frames(page, script):
            post = post_in_object(frame.value, form="data", key=frame.key)
            if post is None:
                continue
            article = article or _Article.of(page)
            if article.owns(frame):
                found.append(Candidate(element=script, post=post))
    return found


def embed_markup(page: ParsedPage, script: Element) -> Iterator[str]:
    """The strings of a data script that hold markup, in the page's own story only.

    A string inside another story of the state (see the module notes) is not listed.
    """
    article: _Article | None = None
    for frame in _script_frames(page, script):
        for _, value in strings(frame):
            if "<" in value and _EMBED_MARKUP.search(value):
                article = article or _Article.of(page)
                if article.owns(frame, itself=True):
                    yield value


@functools.cache
def _hint_scan() -> MarkerScan:
    return MarkerScan([_HINTS])


@attrs.define
class _PageData:
    """The page's scripts decoded and walked so far, with the walks' shared budget."""

    budget: WalkBudget
    frames: dict[Element, list[Frame]] = attrs.Factory(dict)


def _script_frames(page: ParsedPage, script: Element) -> list[Frame]:
    """The dictionaries of one script's data, decoded and walked once per page.

    Both readers of page data (posts as objects, embed markup in strings) ask for the
    same scripts: the first asks decodes, the second reads the memo.  Every walk of the
    page draws on one budget, so the work stays bounded by the page's size.
    """
    data = page.memo.get(__name__)
    if data is None:
        data = page.memo[__name__] = _PageData(WalkBudget(_BASE_BUDGET + len(page.source)))
    frames = data.frames.get(script)
    if frames is None:
        frames = data.frames[script] = list(_frames(page, script, data.budget))
    return frames


def _frames(page: ParsedPage, script: Element, budget: WalkBudget) -> Iterator[Frame]:
    kind = (script.get("type") or "").split(";")[0].strip().lower()
    text = script.text
    is_data = not kind or kind.endswith("json") or any(t in kind for t in _PROGRAM_TYPES)
    if not is_data or not text or budget.remaining <= 0:
        return
    if "__next_f" in text[:100] and is_flight_script(text):
        yield from _flight_frames(page, budget)
        return
    if not _hint_scan().find(text[:MAX_SCRIPT_CHARS]):
        return
    decoded: set[int] = set()
    for offset, value in json_values(text):
        decoded.add(offset)
        yield from walk(_as_tree(script, value), budget=budget)
        if budget.remaining <= 0:
            return
    if "__" in text and not kind.endswith("json"):
        # State written as a JS literal, not JSON ("window.__STATE__ = {a: 1}", Nuxt 2).
        for _, value in state_literals(text[:MAX_SCRIPT_CHARS], skip=decoded):
            yield from walk(value, budget=budget)
            if budget.remaining <= 0:
                return


def _as_tree(script: Element, value: Any) -> Any:
    """Framework state that is not a plain tree (Nuxt 3, Apollo), as one."""
    if isinstance(value, list) and (
        script.get("id") == "__NUXT_DATA__" or script.get("data-nuxt-data") is not None
    ):
        return unflatten(value)
    if is_normalised_cache(value):
        return inline_references(value)
    return value


def _flight_frames(page: ParsedPage, budget: WalkBudget) -> Iterator[Frame]:
    """The rows of the page's Next.js flight payload, read once, on its first chunk."""
    key = f"{__name__}.flight"
    if key in page.memo:
        return
    page.memo[key] = True
    chunks = [
        chunk
        for script in page.root.iter("script")
        if script.text and (chunk := flight_chunk(script.text)) is not None
    ]
    if not _hint_scan().find("".join(chunks)[:MAX_SCRIPT_CHARS]):
        return
    for _, value in flight_values(chunks):
        yield from walk(value, budget=budget)
        if budget.remaining <= 0:
            return


@attrs.frozen
class _Article:
    """What identifies the page's own story: its URL path and its titles."""

    path: str | None
    titles: tuple[str, ...]

    @classmethod
    def of(cls, page: ParsedPage) -> _Article:
        root = page.root
        url = page.base_url
        titles: list[str] = []
        for meta in root.iter("meta", "link"):
            rel = (meta.get("rel") or "").lower()
            prop = (meta.get("property") or meta.get("name") or "").lower()
            if meta.tag == "link" and rel == "canonical" and meta.get("href"):
                url = meta.get("href")
            elif prop == "og:url" and meta.get("content") and url is None:
                url = meta.get("content")
            elif prop in {"og:title", "twitter:title"} and meta.get("content"):
                titles.append(meta.get("content"))
        for tag in ("title", "h1"):
            element = next(root.iter(tag), None)
            if element is not None:
                titles.append(element_text(element))
        return cls(
            path=_path_of(url) if url else None,
            titles=tuple(t for t in (_normal(title) for title in titles) if t),
        )

    def owns(self, frame: Frame, *, itself: bool = False) -> bool:
        """Whether what was read from ``frame`` belongs to this page's story.

        The frame itself is looked at only with ``itself`` (a post object often has a
        title and a URL of its own: the post's, not a story's).
        """
        frames = [frame, *frame.ancestors()] if itself else frame.ancestors()
        for ancestor in frames:
            if ancestor.key is not None and _OTHER_STORIES_KEY.search(ancestor.key):
                return False
            story = _story_of(ancestor.value)
            if story is not None:
                return self._is_this(*story)
        return True

    def _is_this(self, title: str | None, url: str | None) -> bool:
        if url is not None and self.path is not None:
            path = _path_of(url)
            if path and (path == self.path or self.path.endswith(path) or path.endswith(self.path)):
                return True
        if title is not None and self.titles:
            wanted = _normal(title)
            for shown in self.titles:
                if wanted == shown or (
                    len(wanted) >= _MIN_PREFIX_TITLE and (wanted in shown or shown in wanted)
                ):
                    return True
            return False
        # A story without the fields to compare: only its URL said anything.
        return url is None or self.path is None


def _story_of(obj: dict[str, object]) -> tuple[str | None, str | None] | None:
    """(title, URL) when ``obj`` looks like a story (a title and a URL or a body)."""
    title = next((t for k in _TITLE_KEYS if (t := _title_value(obj.get(k)))), None)
    if title is None:
        return None
    url = next((v for k in _STORY_URL_KEYS if isinstance(v := obj.get(k), str) and v.strip()), None)
    if url is None:
        return None
    return title, url


def _title_value(value: object) -> str | None:
    # A title is a string, or a dict of variants: {"basic": …} (Arc ANS), {"rendered": …}
    # (the WordPress REST API).
    if isinstance(value, dict):
        value = (
            value.get("basic") or value.get("rendered") or value.get("main") or value.get("default")
        )
    return value if isinstance(value, str) and value.strip() else None


def _path_of(url: str) -> str | None:
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    path = parts.path.rstrip("/").lower()
    return path or None


def _normal(text: str | None) -> str:
    return _SPACES.sub(" ", text or "").strip().casefold()
