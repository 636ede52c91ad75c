"""Links inside a post's text, and the text's weighted length as the platform counts it."""

from __future__ import annotations

import html
import re

from tweetresolve.records import Link
from tweetresolve.text.attribution import _HREF
from tweetresolve.text.markdown import _SPACE_RUN, _unescape

# Links inside a post's text, tried in this order at each position:
#   [shown text](url "title")        Markdown (html2text)
#   <https://t.co/AbCdEf1234>         Markdown autolink
#   https://t.co/AbCdEf1234           a t.co link: its code is letters and digits, so
#                                     "https://t.co/AbCdEf1234#tag" ends before "#"
#   https://example.com/page          any other URL
#   pic.twitter.com/AbCdEf1234        the media link as embeds show it, even glued
#                                     to a hashtag ("#tagpic.twitter.com/…")
#   <a href="https://t.co/…">shown</a>  embed markup a converter left as text
#   <p lang="en">, </blockquote>      other tags of that markup, dropped; only the tag
#                                     names of embed snippets, so a post's own
#                                     '"<noun>.js"' stays
_LINKISH = re.compile(
    r"""
    \[(?P<md_text>[^\[\]\n]{0,500})\]\((?P<md_url>[^\s()<>]{1,2048})(?:[ \t]{1,4}"[^"\n]{0,500}")?\)
    | (?P<a_tag><a\s[^<>]{0,2000}>)(?P<a_text>[^<>\n]{0,500})</a>
    | (?P<tag></?(?:a|p|br|blockquote|span|div|b|i|em|strong|noscript|noframe|figure|figcaption)
        (?:\s[^<>\n]{0,1000})?/?>)
    | <(?P<auto>https?://[^\s<>]{1,2048})>
    | (?P<tco>https?://t\.co/[A-Za-z0-9]{1,32})
    | (?P<url>https?://[^\s<>"'\[\]]{1,2048})
    | (?P<pic>(?:pic\.twitter\.com|pic\.x\.com)/[A-Za-z0-9]{1,32})
    """,
    re.VERBOSE | re.IGNORECASE,
)
# Punctuation that ends a sentence rather than a bare URL: "see https://a.example/x."
_URL_TRAILING = ".,;:!?…\"'»”’"


def _clean_line(raw: str) -> tuple[str, tuple[Link, ...], int]:
    """Turn one line of residue into post text, its links and its weighted length.

    >>> text, links, weight = _clean_line(
    ...     "Hi [@ada](https://twitter.com/ada) [pic.twitter.com/Ab1](https://t.co/Ab1)"
    ... )
    >>> text, [(link.url, link.text) for link in links], weight
    ('Hi @ada pic.twitter.com/Ab1', [('https://t.co/Ab1', 'pic.twitter.com/Ab1')], 8)
    """
    parts: list[str] = []
    links: list[Link] = []
    weight = 0
    last = 0
    for match in _LINKISH.finditer(raw):
        plain = _unescape(raw[last : match.start()])
        shown, link, link_weight = _link_of(match)
        # A bare URL gives its trailing punctuation back to the sentence.
        tail = raw[match.start() + len(shown) : match.end()] if match.group("url") else ""
        parts += [plain, shown, tail]
        weight += _weigh(plain) + link_weight + len(tail)
        if link is not None:
            links.append(link)
        last = match.end()
    plain = _unescape(raw[last:])
    parts.append(plain)
    weight += _weigh(plain)
    return "".join(parts), tuple(links), weight


def _link_of(match: re.Match[str]) -> tuple[str, Link | None, int]:
    """Return (text shown, the Link or None, weighted length) for one link token."""
    if match.group("md_url") is not None:
        shown = _SPACE_RUN.sub(" ", _unescape(match.group("md_text"))).strip()
        url = match.group("md_url")
        if shown[:1] in {"@", "#", "$", "＠", "＃"} and _is_platform_page(url):
            # A linked mention or hashtag: an entity of the text, not a link in it.
            return shown, None, _weigh(shown)
        if _is_media_text(shown):
            return shown, Link(url=url, text=shown), 0
        return shown, Link(url=url, text=shown or None), 23
    if match.group("a_tag") is not None:
        shown = _SPACE_RUN.sub(" ", _unescape(match.group("a_text"))).strip()
        href = _HREF.search(match.group("a_tag"))
        if href is None:
            return shown, None, _weigh(shown)
        url = html.unescape(href.group("url"))
        if shown[:1] in {"@", "#", "$", "＠", "＃"} and _is_platform_page(url):
            return shown, None, _weigh(shown)
        if _is_media_text(shown):
            return shown, Link(url=url, text=shown), 0
        return shown, Link(url=url, text=None if shown == url else shown or None), 23
    if match.group("tag") is not None:
        return "", None, 0
    if match.group("auto") is not None:
        url = match.group("auto")
        return url, Link(url=url), 23
    if match.group("tco") is not None:
        url = match.group("tco")
        return url, Link(url=url), 23
    if match.group("url") is not None:
        url = _trim_url(match.group("url"))
        return url, Link(url=url), 23
    shown = match.group("pic")
    return shown, Link(url="https://" + shown, text=shown), 0


def _trim_url(url: str) -> str:
    trimmed = url.rstrip(_URL_TRAILING)
    if trimmed.endswith(")") and trimmed.count(")") > trimmed.count("("):
        trimmed = trimmed[:-1].rstrip(_URL_TRAILING)
    return trimmed or url


def _is_platform_page(url: str) -> bool:
    host = url.lower().split("//", 1)[-1].split("/", 1)[0]
    return host.removeprefix("www.").removeprefix("mobile.") in {
        "twitter.com",
        "x.com",
        "bsky.app",
        "instagram.com",
        "facebook.com",
        "threads.net",
    }


def _is_media_text(shown: str) -> bool:
    lowered = shown.lower()
    return lowered.startswith(("pic.twitter.com/", "pic.x.com/"))


def _weigh(text: str) -> int:
    """Weighted length as twitter-text counts it: most scripts 1, CJK and emoji 2."""
    weight = 0
    for char in text:
        code = ord(char)
        if code <= 4351 or 8192 <= code <= 8205 or 8208 <= code <= 8223 or 8242 <= code <= 8247:
            weight += 1
        else:
            weight += 2
    return weight


def _unique(links: list[Link]) -> list[Link]:
    seen: set[tuple[str, str | None]] = set()
    out = []
    for link in links:
        key = (link.url, link.text)
        if key not in seen:
            seen.add(key)
            out.append(link)
    return out


def _is_lone_link(stripped: str, links: tuple[Link, ...]) -> bool:
    """A line that is only a full URL off ``t.co``: the article's link, not post text."""
    if len(links) != 1 or " " in stripped:
        return False
    url = links[0].url
    return links[0].text is None and not url.lower().split("//", 1)[-1].startswith("t.co/")
