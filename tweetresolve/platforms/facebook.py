"""Facebook: post, photo and video permalinks, XFBML placeholders, plugin iframes, AMP, residue.

Facebook's JavaScript SDK fills ``div.fb-post[data-href]`` and ``div.fb-video[data-href]``
placeholders (form ``script``; ``rendered`` once the SDK has put its iframe inside).
Their inner ``blockquote.fb-xfbml-parse-ignore`` shows the text and a byline
``Posted by <a>NAME</a> on <a>DATE</a>`` in the SDK's locale.  Without the SDK, sites
paste ``iframe[src*="/plugins/post.php?href=…"]`` (or ``video.php``), which carries the
post URL URL-encoded in ``href``.  Like, share, page and comment plugins are not posts.

The post id is the numeric id in the URL (for a photo, the photo's ``fbid``; for a
video, the video id), or the opaque ``pfbid…`` token of newer links.  The author handle
is the page or profile slug of the URL.  Facebook ids do not encode time.

>>> ref = FACEBOOK.parse_url("https://www.facebook.com/ada.example/posts/10101301165605491/")
>>> (ref.platform, ref.post_id, ref.handle, ref.url)
('facebook', '10101301165605491', 'ada.example', 'https://www.facebook.com/ada.example/posts/10101301165605491')
>>> FACEBOOK.parse_url("https://www.facebook.com/sharer/sharer.php?u=https://example.com/") is None
True
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from tweetresolve.dates import find_date, parse_date
from tweetresolve.html import Element, ParsedPage, element_text, has_class
from tweetresolve.platforms._common import (
    contains,
    frame_urls,
    read_apart,
    without_noscript_copies,
)
from tweetresolve.platforms.base import Candidate
from tweetresolve.records import Author, Link, Post, PostRef, published_utc

__all__ = ["FACEBOOK", "Facebook"]

# Facebook's web hosts: www, m, mbasic, web, business, touch, free, a locale host such
# as de-de, or none; graph.facebook.com appears in the snippet's cite attribute.
# Example: "web.facebook.com".
_HOST = re.compile(
    r"^(?:(?:www|m|mbasic|web|business|touch|free|mobile|graph|[a-z]{2}-[a-z]{2})\.)?"
    r"(?:facebook\.com|fb\.com)$",
    re.IGNORECASE,
)

# Short hosts whose links need a request to reach the post (embeds.md §5, §15).
# Example: "fb.watch" in "https://fb.watch/aBcD3fGh1/".
_SHORT_HOSTS = frozenset({"fb.watch", "www.fb.watch", "fb.me", "www.fb.me"})

# A numeric Facebook id (posts, photos, videos): 5-25 digits in practice.
# Example: "10101301165605491".
_NUMERIC_ID = r"[0-9]{5,25}"

# The opaque post id of links made since 2022: "pfbid" + base58-ish characters.
# Example: "pfbid02Ada1ExampLeAbcdEfGhIjKlMnOpQrStUvWxYz1234567890l".
_PFBID = r"pfbid[A-Za-z0-9]{10,80}"

# Path shapes of a single post under a page or profile slug (iframely facebook.post.js
# and facebook.video.js, embeds.md §5).  Each names the id group "id".
# Examples: "/ada.example/posts/10101301165605491", "/ada.example/posts/pfbid0Abc…",
# "/ada.example/posts/a-slug/10101301165605491", "/ada.example/activity/1234567890",
# "/ada.example/photos/a.123456/7891011121314/", "/ada.example/photos/pcb.1234567/7654321",
# "/ada.example/videos/10153231379946729/", "/ada.example/videos/a-title/10153231379946729",
# and the older SDK snippet's "/ada.example/posts/10101301165605491:0".
_SLUG_PATH = re.compile(
    r"^/(?P<slug>[A-Za-z0-9.\-_%]{1,100})/"
    r"(?P<kind>posts|activity|photos|videos|permalink)/"
    r"(?:[A-Za-z0-9.\-_%]{1,200}/){0,2}?"
    rf"(?P<id>{_NUMERIC_ID}|{_PFBID})(?::[0-9]{{1,3}})?/?$",
)

# Group posts: "/groups/<group>/posts/<id>", "/groups/<group>/permalink/<id>".
_GROUP_PATH = re.compile(
    rf"^/groups/(?P<group>[A-Za-z0-9.\-_]{{1,100}})/(?:posts|permalink)/(?P<id>{_NUMERIC_ID}|{_PFBID})/?$"
)

# Paths without a slug whose id is in the path: reels and the watch/video shapes.
# Examples: "/reel/1234567890123", "/watch/live/?v=…" (query form handled separately).
_REEL_PATH = re.compile(rf"^/reel/(?P<id>{_NUMERIC_ID})/?$")

# Notes: "/notes/<author>/<title>/<id>".
_NOTE_PATH = re.compile(rf"^/notes/[^/]{{1,100}}/[^/]{{1,300}}/(?P<id>{_NUMERIC_ID})/?$")

# Share links made by the app ("/share/p/<code>/", "/share/v/…", "/share/r/…", "/share/<code>"):
# the post is only known after following the redirect.
_SHARE_PATH = re.compile(r"^/share/(?:[prv]/)?[A-Za-z0-9_-]{4,40}/?$")

# The embeddable plugins: a post (or video, or comment) URL rides in their "href".
# Example: "/plugins/post.php", "/v2.3/plugins/video.php".
_PLUGIN_PATH = re.compile(r"^(?:/v[0-9.]{1,6})?/plugins/(?P<plugin>post|video)\.php$")

# Words that sit where a page slug would: paths under them are not a page's posts.
_RESERVED_SLUGS = frozenset(
    {
        "groups", "pages", "people", "events", "watch", "reel", "share", "sharer", "dialog",
        "plugins", "hashtag", "login", "help", "legal", "policies", "privacy", "media", "notes",
        "profile.php", "permalink.php", "story.php", "photo.php", "video.php", "l.php", "tr",
        "business", "ads", "marketplace", "gaming", "stories", "home.php", "search",
    }
)  # fmt: skip

# The same byline in plain text, where a Markdown converter left the name and the date as
# links: "Posted by [Ada Example](https://www.facebook.com/ada.example) on
# [Monday, February 7, 2022](https://www.facebook.com/ada.example/posts/928812574504508/)",
# in the SDK's languages: "Publicado por … en|em", "Publiée par … sur", "Gepostet von … am",
# "Pubblicato da … su".
TEXT_BYLINE = re.compile(
    r"""
    (?:Posted\ by|Publicado\ por|Publi[ée]e?\ par|Gepostet\ von|Pubblicato\ da)[ \t]{1,10}
    \[(?P<name>[^\]\n]{1,200})\]\((?P<profile>[^)\s]{1,500})\)
    [ \t]{1,10}(?:on|en|em|sur|am|su)[ \t\u00a0]{1,10}
    (?:\[(?P<date_link>[^\]\n]{1,80})\]\((?P<url>[^)\s]{1,1000})\)|(?P<date>[^\n\[]{1,80}))
    """,
    re.VERBOSE | re.IGNORECASE,
)

_MAX_URL_CHARS = 4096
# The value of an id parameter (story_fbid, fbid, v).  Example: "10101301165605491".
_ID_VALUE = re.compile(rf"^(?:{_NUMERIC_ID}|{_PFBID})$")
# A plugin URL: the only iframe URLs of Facebook that may hold a post.
_PLUGIN_HINT = "/plugins/"
# Blank lines a converter leaves between the post's text and its byline (one, or two
# with a quoted empty line); a paragraph further up is the article, not the post.
_MAX_GAP_LINES = 2


class Facebook:
    """The Facebook platform."""

    name = "facebook"
    markers: tuple[str, ...] = (
        "fb-post",
        "fb-video",
        "plugins/post.php",
        "plugins/video.php",
        # The AMP post component, not amp-facebook-like / -page / -comments.
        "<amp-facebook ",
        "<amp-facebook\n",
    )
    text_markers: tuple[str, ...] = (
        "posted by [",
        "publicado por [",
        "publiée par [",
        "publié par [",
        "gepostet von [",
        "pubblicato da [",
    )

    def parse_url(self, url: str) -> PostRef | None:
        """Parse a post, photo, video, reel or group-post URL (also a plugin iframe URL).

        Short links (``fb.watch``, ``fb.me``, ``/share/p/…``) need a request first:

        >>> FACEBOOK.parse_url("https://fb.watch/aBcD3fGh1/").needs_expansion
        True
        >>> FACEBOOK.parse_url("https://www.facebook.com/photo.php?fbid=10153231379946729").post_id
        '10153231379946729'
        """
        return _parse(url.strip(), depth=0)

    # --- HTML ------------------------------------------------------------------------

    def find_in_html(self, page: ParsedPage) -> Iterator[Candidate]:
        """Yield XFBML placeholders, plugin iframes and ``amp-facebook`` elements."""
        return iter(without_noscript_copies(list(self._candidates(page))))

    def _candidates(self, page: ParsedPage) -> Iterator[Candidate]:
        placeholders = []
        for element in page.xpath(
            # data-href may be gone (a CMS stripped it): the inner blockquote's cite remains.
            "//*[contains(@class, 'fb-post') or contains(@class, 'fb-video')]"
        ):
            if has_class(element, "fb-post") or has_class(element, "fb-video"):
                placeholders.append(element)
        yield from read_apart(placeholders, lambda element: self._from_placeholder(page, element))
        for element in page.xpath("//iframe"):
            for url in frame_urls(page, element):
                if _PLUGIN_HINT in url:
                    ref = self.parse_url(url)
                    if ref is not None and ref.post_id is not None:
                        yield Candidate(element, self._post(ref, "iframe"))
                        break
        for element in page.xpath("//amp-facebook"):
            href = page.absolute(element.get("data-href"))
            ref = self.parse_url(href) if href else None
            if ref is not None and ref.post_id is not None:
                yield Candidate(element, self._post(ref, "amp"))

    def _post(self, ref: PostRef, form: str, **fields: object) -> Post:
        author = Author(handle=ref.handle) if ref.handle else None
        values: dict[str, object] = {"author": author, **fields}
        if "published" in values:
            parsed: Any = values["published"]
            values["published"], values["published_precision"] = published_utc(parsed)
        return Post(
            platform=self.name,
            post_id=ref.post_id,
            url=ref.url,
            form=form,
            **values,  # type: ignore[arg-type]
        )

    def _from_placeholder(self, page: ParsedPage, element: Element) -> Post | None:
        url = page.absolute(element.get("data-href"))
        ref = self.parse_url(url) if url else None
        if ref is None:
            quote = element.find(".//blockquote")
            cite = page.absolute(quote.get("cite")) if quote is not None else None
            ref = self.parse_url(cite) if cite else None
        if ref is None or ref.post_id is None:
            return None
        rendered = (
            element.get("fb-xfbml-state") == "rendered"
            or has_class(element, "fb_iframe_widget")
            or element.find(".//iframe") is not None
        )
        form = "rendered" if rendered else "script"
        quote = element.find(".//blockquote")
        if quote is None:
            return self._post(ref, form)
        text, links, name, profile, date_text = _read_snippet(page, quote)
        published = parse_date(date_text) if date_text else None
        # permalink.php and group URLs name no page: the byline's profile link does.
        handle = ref.handle or (_slug_of(profile) if profile else None)
        author = Author(name=name, handle=handle, url=profile)
        return self._post(
            ref,
            form,
            author=author if name or handle else None,
            text=text,
            links=links,
            date_text=date_text,
            published=published,
        )

    # --- plain text ------------------------------------------------------------------

    def find_in_text(self, text: str) -> Iterator[Post]:
        """Yield posts whose byline survives as Markdown links to Facebook.

        A bare "Posted by NAME on DATE" is every blog's byline; only one whose name
        links to Facebook is taken as a Facebook post's residue.
        """
        for match in TEXT_BYLINE.finditer(text):
            profile = match["profile"]
            if _host_of(profile) is None:
                continue
            ref = self.parse_url(match["url"]) if match["url"] else None
            date_text = (match["date_link"] or match["date"] or "").strip()
            date_value = find_date(date_text) if date_text else None
            if date_value is not None:
                date_text = date_text[date_value.start : date_value.end]
            published, precision = published_utc(date_value.value if date_value else None)
            line_start = text.rfind("\n", 0, match.start()) + 1
            caption, start = _caption_above(text, line_start)
            handle = ref.handle if ref is not None else _slug_of(profile)
            yield Post(
                platform=self.name,
                post_id=ref.post_id if ref is not None else None,
                url=ref.url if ref is not None else None,
                author=Author(name=match["name"].strip(), handle=handle, url=profile),
                text=caption,
                date_text=date_text or None,
                published=published,
                published_precision=precision,
                form="text",
                span=(start if caption else match.start(), match.end()),
            )


def _host_of(url: str) -> str | None:
    if url.startswith("//"):
        url = "https:" + url
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").rstrip(".").lower()
    except ValueError:
        return None
    if parts.scheme.lower() not in {"http", "https"}:
        return None
    return host if _HOST.match(host) or host in _SHORT_HOSTS else None


def _slug_of(url: str) -> str | None:
    try:
        path = urlsplit(url if not url.startswith("//") else "https:" + url).path
    except ValueError:
        return None
    slug = path.strip("/").split("/")[0] if path.strip("/") else ""
    return slug if slug and slug.lower() not in _RESERVED_SLUGS and slug[-1] != "." else None


def _parse(url: str, depth: int) -> PostRef | None:
    if not url or len(url) > _MAX_URL_CHARS:
        return None
    host = _host_of(url)
    if host is None:
        return None
    if url.startswith("//"):
        url = "https:" + url
    parts = urlsplit(url)
    if host in _SHORT_HOSTS:
        if parts.path.strip("/"):
            return PostRef(platform="facebook", url=url, needs_expansion=True)
        return None
    path = unquote(parts.path)
    query = parse_qs(parts.query)
    if _SHARE_PATH.match(path):
        return PostRef(platform="facebook", url=url, needs_expansion=True)
    plugin = _PLUGIN_PATH.match(path)
    if plugin is not None:
        inner = query.get("href", [""])[0]
        return _parse(inner, depth + 1) if inner and depth == 0 else None
    match = _SLUG_PATH.match(path)
    if match is not None and match["slug"].lower() not in _RESERVED_SLUGS:
        slug, kind, post_id = match["slug"], match["kind"], match["id"]
        # A numeric page id in a Graph URL (the snippet's cite) is not a slug.
        slug_handle = None if host.startswith("graph.") and slug.isdigit() else slug
        canonical_kind = "posts" if kind in {"posts", "activity", "permalink"} else kind
        if canonical_kind == "photos":
            canonical = f"https://www.facebook.com/photo.php?fbid={post_id}"
        else:
            canonical = f"https://www.facebook.com/{slug}/{canonical_kind}/{post_id}"
        return PostRef(platform="facebook", post_id=post_id, handle=slug_handle, url=canonical)
    group = _GROUP_PATH.match(path)
    if group is not None:
        canonical = f"https://www.facebook.com/groups/{group['group']}/posts/{group['id']}"
        return PostRef(platform="facebook", post_id=group["id"], url=canonical)
    reel = _REEL_PATH.match(path)
    if reel is not None:
        return PostRef(
            platform="facebook",
            post_id=reel["id"],
            url=f"https://www.facebook.com/reel/{reel['id']}",
        )
    note = _NOTE_PATH.match(path)
    if note is not None:
        return PostRef(
            platform="facebook", post_id=note["id"], url=f"https://www.facebook.com{path}"
        )
    return _parse_query_form(path, query)


def _parse_query_form(path: str, query: dict[str, list[str]]) -> PostRef | None:
    """The query-string forms (iframely facebook.post.js / facebook.video.js):
    ``/permalink.php?story_fbid=<id>&id=<owner>``, ``/story.php?…``, ``/photo.php?fbid=<id>``,
    ``/photo/?fbid=<id>``, ``/video.php?v=<id>``, ``/video/video.php?v=<id>``, ``/watch/?v=<id>``.
    """

    def first(name: str) -> str | None:
        for value in query.get(name, []):
            if _ID_VALUE.match(value.strip()):
                return value.strip()
        return None

    route = path.rstrip("/").lower()
    if route in {"/permalink.php", "/story.php"}:
        story, owner = first("story_fbid"), first("id")
        if story is None:
            return None
        url = f"https://www.facebook.com/permalink.php?story_fbid={story}"
        return PostRef(
            platform="facebook", post_id=story, url=url + (f"&id={owner}" if owner else "")
        )
    if route in {"/photo.php", "/photo"}:
        fbid = first("fbid")
        if fbid is None:
            return None
        return PostRef(
            platform="facebook", post_id=fbid, url=f"https://www.facebook.com/photo.php?fbid={fbid}"
        )
    if route in {"/video.php", "/video/video.php", "/watch", "/watch/live"}:
        video = first("v") or (first("id") if route != "/watch" else None)
        if video is None:
            return None
        return PostRef(
            platform="facebook", post_id=video, url=f"https://www.facebook.com/watch/?v={video}"
        )
    return None


def _read_snippet(
    page: ParsedPage, quote: Element
) -> tuple[str | None, tuple[Link, ...], str | None, str | None, str | None]:
    """Text, links, author name, author URL and date text of ``blockquote.fb-xfbml-parse-ignore``.

    The byline is read from its structure, not its wording, so every SDK locale works
    ("Posted by <a>NAME</a> on <a>DATE</a>", "<a>NAME</a> paylaştı: <a>DATE</a>"): the
    author is the link to a profile or page (not to a post), the date is the next link
    (to the post), or the text after the author link when the date is not linked.
    """
    author = None
    for anchor in quote.iter("a"):
        href = page.absolute(anchor.get("href"))
        if href and _host_of(href) is not None and _parse(href, 0) is None:
            author = anchor
    name = profile = date_text = None
    if author is not None:
        name = element_text(author) or None
        profile = page.absolute(author.get("href"))
        date_text = _date_after(author)
    text_parts: list[str] = []
    links: list[Link] = []
    for child in quote:
        if not isinstance(child.tag, str) or child.tag in {"script", "style"}:
            continue
        if author is not None and (child is author or contains(child, author)):
            break  # the byline: the text is above it
        shown = element_text(child)
        if not shown:
            continue
        text_parts.append(shown)
        anchors = [child] if child.tag == "a" else list(child.iter("a"))
        for anchor in anchors:
            href = page.absolute(anchor.get("href"))
            if href and _parse(href, 0) is None:
                links.append(Link(url=href, text=element_text(anchor) or None))
    text = "\n".join(text_parts).strip() or None
    return text, tuple(links), name, profile, date_text


def _date_after(author: Element) -> str | None:
    """The date that follows the author link: the next link's text, or the bare text."""
    following = author.getnext()
    tail = author.tail or ""
    # A sentence end between the two links means the next link is not the date.
    ends_sentence = tail.strip(" \t\n\u00a0").endswith(".")
    if following is not None and following.tag == "a" and not ends_sentence:
        shown = element_text(following)
        if shown:
            return shown
    tail = " ".join(tail.split())
    if not tail:
        return None
    found = find_date(tail)
    if found is not None:
        return tail[found.start : found.end]
    # A date the snippet truncated to a weekday ("on Wednesday"): the word after the
    # connector, kept as shown.
    words = tail.split(" ")
    return " ".join(words[1:]) if 1 < len(words) <= 4 else None


def _caption_above(text: str, line_start: int) -> tuple[str | None, int]:
    """The paragraph right above a byline line (the post's text), with its start offset."""
    end = line_start - 1
    lines: list[tuple[int, str]] = []
    gap = 0
    while end > 0 and len(lines) < 40:
        start = text.rfind("\n", 0, end) + 1
        stripped = text[start:end].lstrip(" >\t").strip()
        if not stripped:
            gap += 1
            if lines or gap > _MAX_GAP_LINES:
                break
        else:
            lines.append((start, stripped))
        end = start - 1
    if not lines:
        return None, line_start
    lines.reverse()
    return "\n".join(line for _, line in lines), lines[0][0]


FACEBOOK = Facebook()
