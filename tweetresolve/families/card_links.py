"""What the links and pictures of a page are, as far as cards go, memoised per page.

:class:`PageKinds` tells a post's permalink (any platform but YouTube) from an account
page, a share or follow button, or any other link, and gives an element's short text
and whether it shows a handle or a date; :func:`is_picture` tells a screenshot or a
thumbnail from an icon.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable

import lxml.etree

from tweetresolve.families.card_lines import (
    FOLLOW_LABEL,
    MAX_FIELD_CHARS,
    MAX_LABEL_CHARS,
    PLATFORM_LABEL,
    DeepMarkup,
    ElementKinds,
    collapse,
    field_kind,
)
from tweetresolve.html import Element, ParsedPage, element_text
from tweetresolve.idtime import (
    bluesky_time,
    instagram_time,
    linkedin_time,
    mastodon_time,
    tiktok_time,
    truthsocial_time,
    tweet_time,
)
from tweetresolve.records import PostRef
from tweetresolve.urls import parse_post_url

__all__ = [
    "GENERIC_ALT",
    "HINT_PIECES",
    "ID_TIMES",
    "PERMALINK_HINT",
    "TEXT_LENGTH_XPATH",
    "PageKinds",
    "hinted_anchors",
    "is_icon",
    "is_picture",
    "platform_cue",
]

# Cheap look at an href before the permalink parsers run on it: the path pieces of
# every platform's post URLs, one "/" then an alternation (case-sensitive: an
# IGNORECASE scan of every link costs six times more).
# Example: "https://www.instagram.com/p/CqAbC1dEfG2/".
PERMALINK_HINT = re.compile(
    r"/(?:[Ss]tatus|p/|reel|tv/|posts?/|videos?/|@|feed/update|activity|photo|comments/|t/)"
    r"|urn:li|permalink|fbid="
)
# The same pieces as substrings, for an XPath that picks those links in C: a Python loop
# over every link costs as much as the rest of a page of dense links.
HINT_PIECES = (
    "/status", "/Status", "/p/", "/reel", "/tv/", "/post/", "/posts/", "/video/",
    "/videos/", "/@", "/feed/update", "/activity", "/photo", "/comments/", "/t/", "urn:li",
    "permalink", "fbid=",
)  # fmt: skip
_HINTED_ANCHORS = lxml.etree.XPath(
    "descendant::a[" + " or ".join(f"contains(@href, '{piece}')" for piece in HINT_PIECES) + "]"
)


def hinted_anchors(page: ParsedPage) -> list[Element]:
    """The page's links whose href may be a post permalink (:data:`PERMALINK_HINT`),
    in page order; found once per page, shared by the card and embed-service families."""
    key = f"{__name__}.hinted_anchors"
    found: list[Element] | None = page.memo.get(key)
    if found is None:
        found = page.memo[key] = [
            a for a in _HINTED_ANCHORS(page.root) if PERMALINK_HINT.search(a.get("href") or "")
        ]
    return found


# Share, reply, like and follow links of any platform: buttons, never a card's text.
# Example: "https://twitter.com/intent/retweet?tweet_id=20", ".../sharer/sharer.php?u=".
_SHARE_URL = re.compile(
    r"/intent/(?:tweet|retweet|favorite|like|post)|/share\b|sharer|shareArticle"
    r"|/home\?status=|/dialog/|/follow\b|/like\b",
    re.IGNORECASE,
)

# An account page on a platform with fixed hosts: "https://twitter.com/ada_example",
# "https://www.tiktok.com/@bakery_example", "https://www.linkedin.com/in/ada-example/",
# "https://bsky.app/profile/ada.bsky.social".
_PROFILE_URL = re.compile(
    r"^(?:https?:)?//(?:www\.|m\.|mobile\.)?(?P<host>twitter\.com|x\.com|instagram\.com"
    r"|tiktok\.com|threads\.net|threads\.com|facebook\.com|linkedin\.com|bsky\.app)"
    r"/(?:in/|company/|profile/|@)?(?P<user>[A-Za-z0-9_.\-]{1,64})/?(?:[?#]|$)",
    re.IGNORECASE,
)

# An account page on any Mastodon-style host: "https://mastodon.example/@louise".
_FEDIVERSE_PROFILE_URL = re.compile(
    r"^(?:https?:)?//(?P<host>[A-Za-z0-9.\-]{1,253})/@(?P<user>[A-Za-z0-9_]{1,30})/?(?:[?#]|$)"
)

# A Reddit user's page: "https://www.reddit.com/user/ada_example/", ".../u/ada_example".
_REDDIT_PROFILE_URL = re.compile(
    r"^(?:https?:)?//(?:www\.|old\.|new\.)?(?P<host>reddit\.com)/(?:user|u)/"
    r"(?P<user>[A-Za-z0-9_\-]{1,64})/?(?:[?#]|$)",
    re.IGNORECASE,
)

# Paths of those hosts that are not accounts.
_NOT_ACCOUNTS = frozenset(
    {"intent", "share", "home", "hashtag", "search", "explore", "i", "p", "reel", "login",
     "sharer", "settings", "about", "privacy", "tos", "help", "watch", "feed", "signup"}
)  # fmt: skip

# Platforms whose links are never read as cards: a YouTube link or thumbnail is a
# video reference, not a post the site drew.
_NOT_CARD_PLATFORMS = frozenset({"youtube"})

# An image that is an icon, a logo or an avatar, not a screenshot or a photo.
_ICON_HINT = re.compile(r"icon|logo|avatar|emoji|badge|sprite|profile", re.IGNORECASE)

# A screenshot is larger than this many pixels a side (icons are smaller).
_MIN_IMAGE_PIXELS = 80

# Length of an element's visible text, computed in C.
TEXT_LENGTH_XPATH = lxml.etree.XPath("string-length(normalize-space(.))")
#: A field (a name, a handle, a date) is a few elements at most; an element holding
#: more is no field, however little text it shows (and reading its text would walk
#: all of them once per element above: quadratic on deeply nested markup).
MAX_FIELD_ELEMENTS = 64


class PageKinds:
    """Per-page memo of what anchors and short elements are (see ``ElementKinds``)."""

    def __init__(self, page: ParsedPage) -> None:
        self.page = page
        self._anchors: dict[Element, tuple[str | None, PostRef | None, str | None]] = {}
        self._texts: dict[Element, str | None] = {}
        self._fields: dict[Element, str | None] = {}
        self._deep = DeepMarkup()

    def element_kinds(self) -> ElementKinds:
        return ElementKinds(
            anchor_kind=lambda a: self.anchor(a)[0],
            permalink_key=self.key,
            profile_user=lambda a: self.anchor(a)[2],
            text_of=self.short_text,
            field_kind=self.field_kind,
            too_deep=self._deep,
        )

    def field_kind(self, element: Element) -> str | None:
        if element in self._fields:
            return self._fields[element]
        kind = field_kind(element, self.short_text(element))
        self._fields[element] = kind
        return kind

    def anchor(self, anchor: Element) -> tuple[str | None, PostRef | None, str | None]:
        known = self._anchors.get(anchor)
        if known is None:
            known = self._classify(anchor)
            self._anchors[anchor] = known
        return known

    def _classify(self, anchor: Element) -> tuple[str | None, PostRef | None, str | None]:
        href = self.page.absolute(anchor.get("href"))
        if not href or len(href) > 2048:
            return None, None, None
        if _SHARE_URL.search(href):
            return "ui", None, None
        if PERMALINK_HINT.search(href):
            ref = parse_post_url(href)
            if ref is not None and ref.post_id and ref.platform not in _NOT_CARD_PLATFORMS:
                return "permalink", ref, None
        match = (
            _PROFILE_URL.match(href)
            or _FEDIVERSE_PROFILE_URL.match(href)
            or _REDDIT_PROFILE_URL.match(href)
        )
        if match and match["user"].lower() not in _NOT_ACCOUNTS:
            if FOLLOW_LABEL.match(self.short_text(anchor) or ""):
                return "ui", None, None  # a follow button linking the account
            return "profile", None, match["user"]
        return None, None, None

    def ref(self, anchor: Element) -> PostRef | None:
        return self.anchor(anchor)[1]

    def key(self, anchor: Element) -> tuple[str, str] | None:
        ref = self.anchor(anchor)[1]
        return (ref.platform, ref.post_id) if ref is not None and ref.post_id else None

    def short_text(self, element: Element) -> str | None:
        if element in self._texts:
            return self._texts[element]
        shown = None
        past_limit = next(
            itertools.islice(element.iterdescendants(), MAX_FIELD_ELEMENTS, None), None
        )
        if past_limit is None and TEXT_LENGTH_XPATH(element) <= MAX_FIELD_CHARS:
            shown = collapse(element_text(element))
        self._texts[element] = shown
        return shown


def is_picture(element: Element) -> bool:
    if element.tag == "img":
        return not is_icon(element)
    style = element.get("style") or ""
    return "url(" in style and "background" in style


def is_icon(image: Element) -> bool:
    for attribute in ("width", "height"):
        value = (image.get(attribute) or "").strip().removesuffix("px")
        if value.isdigit() and int(value) < _MIN_IMAGE_PIXELS:
            return True
    hints = " ".join(image.get(a) or "" for a in ("src", "class", "alt", "id"))
    return _ICON_HINT.search(hints) is not None


# Platform names in a card's markup (classes, image descriptions): the only hint a card
# without a permalink gives of its platform.  Example: class="tweet", alt="Twitter".
_PLATFORM_CUE = re.compile(
    r"tweet|twitter|instagram|tiktok|bluesky|threads|mastodon|linkedin|facebook", re.IGNORECASE
)


_CUE_PLATFORM = {"tweet": "twitter", "x": "twitter"}

# X names itself with one letter: only a whole description counts ("X", "X logo").
_X_DESCRIPTION = re.compile(r"^(?:x|x logo|logo x|x\.com)$", re.IGNORECASE)


# Descriptions that say what an image is rather than what a post says.
GENERIC_ALT = re.compile(
    r"^(?:screen ?shot|image|photo|picture|bild|foto|captura|tweet|post|instagram|twitter"
    r"|tiktok|facebook|video)\b",
    re.IGNORECASE,
)


#: Creation time from a post id, per platform that builds ids from a clock.
ID_TIMES: dict[str, Callable[[str], dt.datetime | None]] = {
    "twitter": tweet_time,
    "instagram": instagram_time,
    "threads": instagram_time,
    "tiktok": tiktok_time,
    "bluesky": bluesky_time,
    "mastodon": mastodon_time,
    "truthsocial": truthsocial_time,
    "linkedin": lambda post_id: linkedin_time(post_id.rpartition(":")[2]),
}


def platform_cue(container: Element, *, levels: int) -> str | None:
    """The platform a card names in its markup (or that of ``levels`` ancestors)."""
    ancestors = list(itertools.islice(container.iterancestors(), levels))
    for element in [container, *ancestors, *container.iterdescendants()]:
        if not isinstance(element.tag, str):
            continue
        for attribute in ("class", "id", "alt", "title", "aria-label"):
            value = element.get(attribute) or ""
            match = _PLATFORM_CUE.search(value)
            if match:
                word = match.group().lower()
                return _CUE_PLATFORM.get(word, word)
            if attribute != "class" and _X_DESCRIPTION.match(value.strip()):
                return "twitter"
    # The words of a short label inside the card ("View on Twitter", "Auf X ansehen").
    for element in container.iterdescendants("a", "span", "small", "div", "p"):
        label = (element.text or "").strip()
        if not label or len(label) > MAX_LABEL_CHARS or len(element):
            continue
        match = PLATFORM_LABEL.search(label)
        if match:
            word = "x" if match["x"] else match.group().strip().lower()
            return _CUE_PLATFORM.get(word, word)
    return None
