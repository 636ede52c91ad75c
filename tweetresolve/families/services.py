"""Posts shown through a third-party embed service rather than the platform's own code.

Many sites hand a post's URL to an embed service (Embedly, Iframely, a CMS's oEmbed
proxy) instead of pasting the platform's snippet.  What the saved page holds is one of:

* an **embed link**: an element whose class names an embed (``a.embedly-card``,
  ``div.iframely-embed``, ``blockquote.embedly-card``, ``div.embed``) around a lone
  permalink, with little text; the service's script turns it into an embed later
  (form ``placeholder``);
* a **service frame**: an ``<iframe>`` (or its lazy ``data-src``) whose URL carries the
  post's permalink as a parameter (``cdn.embedly.com/widgets/media.html?url=…``,
  ``/media/oembed?url=…``, ``cdn.iframe.ly/api/iframe?url=…``): the service's drawing of
  the post (form ``card``).

The permalink parsers of every platform decide whether the URL is a post, so the same
rules hold for Twitter, Instagram, TikTok, Facebook, Bluesky and the rest.  Not posts:
share, like, follow and comment widgets (their parameter is the article's URL or a
profile), elements with several permalinks or much text (a list, an article), and
anything inside ``<pre>`` / ``<code>``.

>>> from tweetresolve.html import parse_page
>>> page = parse_page('<p>Read:</p><a class="embedly-card" '
...                   'href="https://twitter.com/ada/status/1400000000000000001">Ada</a>')
>>> [(c.post.post_id, c.post.form) for c in find_embed_services(page)]
[('1400000000000000001', 'placeholder')]
"""

from __future__ import annotations

import itertools
import re
from urllib.parse import parse_qsl, urlsplit

import lxml.etree

from tweetresolve.families._ids import post_from_ref
from tweetresolve.families.card_links import hinted_anchors
from tweetresolve.html import Element, ParsedPage
from tweetresolve.platforms.base import Candidate
from tweetresolve.records import PostRef
from tweetresolve.urls import parse_post_url

__all__ = ["MARKERS", "find_embed_services"]

#: Lower-case substrings of the raw source that may announce an embed service; the
#: prefilter lets a page holding one of them through to the parse.
MARKERS: tuple[str, ...] = (
    "embedly",
    "iframely",
    "/oembed",
    "url=http",
    "url=%2f%2f",
    "=https%3a%2f%2f",
    "=https%3a//",
)

# A class naming an embed (any service, or none: "embed", "article-embed", "iframely-x").
_EMBED_CLASS = re.compile(r"embed|iframely", re.IGNORECASE)
#: Ancestors of a link looked at for an embed class.
_MAX_CLIMB = 4
# Class words of things that are not posts though they may say "embed".
# Example: "twitter-share-button", "embed-timeline", "social-follow".
_NOT_A_POST_CLASS = re.compile(
    r"share|follow|like|intent|button|btn|count|timeline|subscribe|profile|author|avatar"
    r"|hashtag|login|signup|icon|logo|feed|playlist|list",
    re.IGNORECASE,
)
# Widgets whose URL parameter is the page's own address or a profile, never a post.
# Example: "https://www.facebook.com/plugins/like.php?href=…".
_NOT_A_POST_FRAME = re.compile(
    r"share|sharer|intent|/plugins/(?:like|comments|page|follow|group)|follow_button|tweet_button"
    r"|timeline",
    re.IGNORECASE,
)
# Ancestors whose content is shown as code: nothing inside is an embed.
_IN_CODE = lxml.etree.XPath("boolean(ancestor::pre or ancestor::code or ancestor::xmp)")
_TEXT_LENGTH = lxml.etree.XPath("string-length(normalize-space(.))")

#: An embed link holds at most this many links and this much text (an Embedly card
#: shows the post's text, up to a tweet's length and a title).
_MAX_LINKS = 3
_MAX_TEXT = 600
#: Elements below one embed link at most (a real one is small; a bigger one is a page
#: region, and counting further would cost a walk of it).
_MAX_ELEMENTS = 200
#: Query parameters a service frame is read from, and the longest value read.
_URL_PARAMETERS = frozenset({"url", "src", "href", "query", "u", "link", "embed_url"})
_MAX_FRAME_URL = 4096


def find_embed_services(page: ParsedPage) -> list[Candidate]:
    """The posts of the page shown through embed links and service frames, in page order."""
    found: list[Candidate] = []
    seen: set[Element] = set()  # embed elements looked at already
    accepted: set[Element] = set()
    # From each link to a post up to the nearest element whose class names an embed: a
    # few steps per link, where selecting embed classes over the whole tree would cost
    # about as much as the parse.
    classed: dict[Element, bool] = {}
    for anchor in hinted_anchors(page):
        # The outermost embed element around the link that is still one small embed.
        best: tuple[Element, PostRef] | None = None
        for around in _embeds_around(anchor, classed):
            if around in accepted:
                best = None  # inside an embed link already found: part of it
                break
            if around in seen:
                break
            seen.add(around)
            # Small first: that count is bounded, where reading the links of a large
            # element (embeds nested hundreds deep) is not.
            if _is_small(around) and (found_ref := _embed_link(page, around)) is not None:
                best = (around, found_ref)
        if best is not None:
            embed, embed_ref = best
            accepted.add(embed)
            found.append(
                Candidate(element=embed, post=post_from_ref(embed_ref, form="placeholder"))
            )
    for frame in page.root.iter("iframe"):
        ref = _service_frame(frame)
        if ref is not None and not _IN_CODE(frame):
            found.append(Candidate(element=frame, post=post_from_ref(ref, form="card")))
    if len(found) > 1:
        found.sort(key=lambda candidate: page.order(candidate.element))
    return found


def _embeds_around(anchor: Element, classed: dict[Element, bool]) -> list[Element]:
    """The link and its nearest ancestors whose class names an embed, innermost first.

    ``classed`` remembers each element's answer for the page: the links inside one
    element share its ancestors, and a class attribute of a hundred kilobytes, searched
    once per link under it, cost seconds.
    """
    embeds = []
    element: Element | None = anchor
    for _ in range(_MAX_CLIMB + 1):
        if element is None:
            break
        embed = classed.get(element)
        if embed is None:
            embed = classed[element] = bool(_EMBED_CLASS.search(element.get("class") or ""))
        if embed:
            embeds.append(element)
        element = element.getparent()
    return embeds


def _is_small(element: Element) -> bool:
    # A real embed link is a handful of elements; counting stops past the limit.
    inside = itertools.islice(element.iterdescendants(), _MAX_ELEMENTS + 1)
    return sum(1 for _ in inside) <= _MAX_ELEMENTS


def _embed_link(page: ParsedPage, element: Element) -> PostRef | None:
    """The one post an embed-classed element links to, if it is a small embed link."""
    if not isinstance(element.tag, str) or element.tag in ("iframe", "script", "style"):
        return None
    marks = f"{element.get('class') or ''} {element.get('id') or ''}"
    if _NOT_A_POST_CLASS.search(marks) or _IN_CODE(element):
        return None
    anchors = [element] if element.tag == "a" else list(element.iter("a"))
    hrefs = [href for a in anchors if (href := a.get("href"))]
    if not hrefs or len(hrefs) > _MAX_LINKS or _TEXT_LENGTH(element) > _MAX_TEXT:
        return None
    refs = {ref for href in hrefs if (ref := _permalink(page, href)) is not None}
    if len(refs) != 1:
        return None
    ref = refs.pop()
    return ref if ref.post_id is not None else None


def _permalink(page: ParsedPage, href: str) -> PostRef | None:
    url = page.absolute(href)
    return parse_post_url(url) if url else None


def _service_frame(frame: Element) -> PostRef | None:
    """The post a frame's URL carries as a parameter (``…?url=<permalink>``)."""
    for name in ("src", "data-src", "data-lazy-src"):
        src = (frame.get(name) or "").strip()
        if not src or len(src) > _MAX_FRAME_URL or "=" not in src:
            continue
        if _NOT_A_POST_FRAME.search(src):
            return None
        try:
            query = urlsplit(src).query
        except ValueError:
            continue
        for key, raw in parse_qsl(query):
            if key.lower() not in _URL_PARAMETERS:
                continue
            value = raw.strip()
            if value.startswith("//"):
                value = "https:" + value
            ref = parse_post_url(value) if value.startswith("http") else None
            if ref is not None and ref.post_id is not None:
                return ref
    return None
