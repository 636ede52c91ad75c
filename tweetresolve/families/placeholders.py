"""Placeholders: elements a site's own code turns into an embed later (form ``placeholder``).

Real pages often hold no embed markup at all where a post will show, only an element
naming a platform and carrying an id or a permalink for the site's script:

* an id in an attribute named after the platform: ``data-tweet-id``, ``data-tweetid``,
  ``data-instagram-code``, ``tweet-id`` on a custom element;
* a generic id (``data-id``, ``data-embed-id``, ``data-post-id``) on an element whose
  class, id or typed attribute (``data-embed-type="twitter"``, ``data-provider``)
  names exactly one platform;
* a permalink in any attribute (``data-oembed-url``, ``data-url``, ``data-href``,
  ``data-embed-url``, ``url`` of ``<oembed>``), the registry's permalink parsers
  deciding the platform;
* an id after a platform word inside a value (``#tweet-20``, ``twitter:20``);
* props as JSON (``data-react-props='{"tweetId": "20"}'``), read with the page-data
  object rules;
* a CMS embed block whose only content is the post's URL (``figure.wp-block-embed``).

Cost: one regular-expression pass over the source lists the ``data-*`` attribute names
present; one XPath then selects the elements carrying the relevant ones, and only
those elements' attributes are read.  Share, like and follow buttons, links, timelines,
widget stamps (``data-twitter-extracted-i…``) and values that merely contain a
permalink as a URL parameter are not posts.

>>> from tweetresolve.html import parse_page
>>> page = parse_page('<div class="embed embed--twitter" data-id="1400000000000000001"></div>')
>>> [(c.post.platform, c.post.post_id, c.post.form) for c in find_placeholders(page)]
[('twitter', '1400000000000000001', 'placeholder')]
"""

from __future__ import annotations

import functools
import html
import itertools
import re

import attrs
import lxml.etree

from tweetresolve.families._ids import (
    PLATFORM_WORD,
    platform_of_word,
    platforms_named,
    post_from_id,
    post_from_ref,
)
from tweetresolve.families.family_markers import PLACEHOLDER_MARKERS
from tweetresolve.families.jsonwalk import parse_json, walk
from tweetresolve.families.objects import post_in_object
from tweetresolve.html import Element, ParsedPage, element_text
from tweetresolve.platforms.base import Candidate
from tweetresolve.records import Post, PostRef
from tweetresolve.urls import parse_post_url

__all__ = ["MARKERS", "find_placeholders"]

#: Lower-case substrings of the raw source that may announce a placeholder (see
#: :mod:`~tweetresolve.families.family_markers`).
MARKERS = PLACEHOLDER_MARKERS


# A data-* attribute name in the raw source: "tweet-id" in '<div data-tweet-id="20">'.
# The literal prefix makes the scan cheap (a few percent of a parse).
_DATA_ATTRIBUTE = re.compile(r"data-([\w.:-]{1,60})\s*=")

# A name an XPath name test takes as it is.  Example: "data-tweet-id".
_XPATH_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*")

# Generic names whose values are URLs of anything: counted only with a platform host.
# Examples: "url", "lazy-src", "content-url".
_GENERIC_URL_NAME = re.compile(r"(?:^|[-_])(?:url|href|src|link|uri|source)$|^original$")

# The start of a value that is a platform's URL (or a Mastodon-style "/@user/"): a generic
# URL attribute is selected only when one of its values starts like this.
# Example: 'https://twitter.com/ada/status/20'.
_PLATFORM_URL_START = (
    r"""\s*=\s*["']?\s*(?:https?:)?//(?:[\w-]{1,30}\.){0,3}(?:twitter\.com|x\.com|instagram\.com"""
    r"|instagr\.am|tiktok\.com|youtube\.com|youtu\.be|youtube-nocookie\.com|facebook\.com"
    r"|fb\.watch|bsky\.app|threads\.net|threads\.com|reddit\.com|redd\.it|t\.me|linkedin\.com"
    r"|tumblr\.com|truthsocial\.com|[\w.-]{1,60}/@)"
)

# A custom element named after a platform: "<lite-youtube", "<blog-tweet", "<x-tweet".
# Every hyphenated tag name (a custom element), then its words are looked at.
# (Lower-casing a whole page costs as much as parsing it: the letter classes do it.)
_CUSTOM_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9]{0,30}(?:-[a-zA-Z0-9]{1,30}){1,4})[\s/>]")

# Attribute names (without "data-") that may hold a post's id or permalink, or props.
# Examples: "tweet-id", "embed-url", "oembed-url", "react-props", "id", "url".
_RELEVANT_NAME = re.compile(
    r"""
    (?:twitter|tweet|instagram|instgrm|tiktok|youtube|facebook|bluesky|bsky|mastodon|threads
      |reddit|telegram|linkedin|tumblr|truth)
    |(?:^|[-_])(?:yt|insta|ig)(?:[-_]|id$|$)
    |embed|oembed|props|provider|platform|service|network|permalink|widget|component|loader
    |vendor|social
    |(?:^|[-_])(?:url|href|src|link|uri)$
    |^(?:id|vid|post-?id|status-?id|item-?id|media-?id|video-?id|content-?id|entry-?id
       |asset-?id|shortcode|code|external-?id|config|options|json|settings|attrs|params)$
    """,
    re.VERBOSE | re.IGNORECASE,
)

# Names never read: widget stamps ("twitter-extracted-i1694…", a page-load time, not an
# id), widget options ("tweet-limit", "tweet-count"), and button targets.
# Example: "data-twitter-extracted-i1694012345678901234".
# Ids of other things than a post are never read either: accounts, channels, apps,
# playlists, analytics ("data-user-id", "data-fb-app-id", "data-twitter-pixel").
_IGNORED_NAME = re.compile(
    r"extracted|limit|count|share|like|follow|via|related|hashtags|text|lang|theme|width"
    r"|height|align|chrome|dnt|conversation|cards|border|link-color|instgrm-version"
    r"|user|account|author|owner|channel|profile|playlist|list|app-?id|client|pixel"
    r"|analytics|tracking|campaign",
    re.IGNORECASE,
)

# Names whose value is the platform itself: data-embed-type="twitter", data-provider="X".
_TYPE_NAME = re.compile(
    r"type|provider|platform|service|network|source|kind|class|widget|component|loader|vendor",
    re.IGNORECASE,
)

# Names that hold a bare id when the platform is named elsewhere on the element.
# Examples: "data-id", "data-embed-id", "data-post-id", "data-shortcode", "videoid".
_ID_NAME = re.compile(r"(?:^|[-_:])(?:id|code|shortcode)$|id$", re.IGNORECASE)

# Names that hold a bare id and name the platform themselves: "data-tweet-id",
# "data-tweetid", "tweet-id", "data-instagram-code", "data-tiktok-video-id".
_PLATFORM_ID_NAME = re.compile(
    r"(?P<word>twitter|tweet|instagram|tiktok|youtube|(?:^|[-_])(?:yt|insta|ig))[-_]?"
    r"(?:status|post|video|media)?[-_]?(?:id|code|shortcode)?$",
    re.IGNORECASE,
)

# An id written after a platform word inside a value: "#tweet-20", "twitter:20",
# "tweet_id=20", "embed/tweet/20".  Example: "https://example.org/embed#tweet-20".
_WORD_THEN_ID = re.compile(
    r"(?P<word>tweet|twitter|status|instagram|tiktok|youtube)(?:[-_]?id)?[=:#/_-]{1,2}"
    r"(?P<id>[A-Za-z0-9_-]{5,40})(?![A-Za-z0-9_-])",
    re.IGNORECASE,
)

# Class or id tokens of things that are not posts: buttons, counters, timelines, feeds.
# Example: "twitter-share-button", "tweet-count", "twitter-timeline", "follow-btn".
_NOT_A_POST_CLASS = re.compile(
    r"share|follow|like|intent|button|btn|count|timeline|subscribe|profile|author|avatar"
    r"|hashtag|login|signup|icon|logo|feed",
    re.IGNORECASE,
)

# Attributes of every element that never hold a post: the DOM id, classes, styling.
_NEVER_READ = frozenset({"id", "class", "style", "title", "alt", "lang", "dir", "role", "name"})

# Attribute names that say their URL is an embed's, and class or id words that say the
# element is an embed: a generic "data-src" or "data-url" counts only on such an element
# (a lazy thumbnail's data-src linking a video is a link, not a player).
# Examples: "oembed-url", "embed-src", "tweet-url"; class "article-embed".
_EMBED_NAME = re.compile(
    r"embed|permalink|post[-_]?url|social|" + PLATFORM_WORD.pattern, re.IGNORECASE
)
_EMBED_CLASS = re.compile(r"embed", re.IGNORECASE)

# Tags never read as placeholders: links and controls carry ids for buttons.
_SKIPPED_TAGS = frozenset(
    {
        "a",
        "button",
        "input",
        "img",
        "link",
        "meta",
        "script",
        "style",
        "option",
        "select",
        "form",
        "label",
        "svg",
        "source",
        "video",
        "audio",
        "picture",
        "html",
        "body",
        "head",
        "iframe",
    }
)
# Ancestors whose content is shown as code or is a button: nothing inside is an embed.
_CODE_TAGS = frozenset({"pre", "code", "xmp", "button", "a"})
# The same test over an element's ancestors, run in C: asked for every candidate, a
# Python walk up would be quadratic on embeds nested hundreds deep.
_IN_CODE_XPATH = lxml.etree.XPath(
    "boolean(" + " or ".join(f"ancestor::{tag}" for tag in sorted(_CODE_TAGS)) + ")"
)

# A text node that is a URL and nothing else: ">https://x.com/ada/status/20</div>".  Only
# a page showing a post's permalink so can hold a URL-only embed block.
_URL_AS_TEXT = re.compile(r">\s{0,20}(https?://[^<\s]{5,300})\s{0,20}<")

# Text nodes that start like a URL: a URL-only embed block holds one.  Only these are
# looked at (a test of every element's class in XPath costs a multiple of the parse).
_URL_TEXT_XPATH = lxml.etree.XPath("descendant::text()[starts-with(normalize-space(.), 'http')]")
# How far above its URL a block's element may stand (wrapper, link, paragraph).
_BLOCK_LEVELS = 4
# Most children of a URL-only block (a wrapper, a link, a caption).
_MAX_BLOCK_CHILDREN = 3

# Visible text length of an element computed in C.
_TEXT_LENGTH_XPATH = lxml.etree.XPath("string-length(normalize-space(.))")
# A lone-permalink placeholder holds at most this many links and this much text.
_MAX_INNER_LINKS = 3
_MAX_INNER_TEXT = 200
# A URL-only embed block shows at most this much text.
_MAX_BLOCK_TEXT = 400

# How far above a placeholder the one it may be a copy of is looked for.
_MAX_FOLD_LEVELS = 64

# Longest attribute value read (props JSON included).
_MAX_VALUE_CHARS = 100_000
# Nodes a props object may cost the walker.
_PROPS_BUDGET = 5_000
# Minimum digits of a tweet id given only by a generic name (data-id="3" is an index).
_MIN_GENERIC_TWEET_DIGITS = 5


def find_placeholders(page: ParsedPage) -> list[Candidate]:
    """Every placeholder of every platform in the page, in document order.

    A placeholder inside another one of the same post (a wrapper and its inner
    element both carrying the URL) is one post.
    """
    names, tags = _relevant_names(page.source)
    found: dict[Element, Candidate] = {}
    if names or tags:
        folded: dict[Element, Candidate] = {}  # the selector's elements come in document order
        for element in _selector(names, tags)(page.root):
            post = _read_element(page, element)
            if post is not None:
                if element.tag.startswith("amp-"):
                    # The AMP components are the platforms' own embed form.
                    post = attrs.evolve(post, form="amp")
                _add(found, element, post, folded)
    if _shows_a_permalink(page.source):
        for element in _url_blocks(page):
            if element not in found and _TEXT_LENGTH_XPATH(element) < _MAX_BLOCK_TEXT:
                post = _read_url_block(page, element)
                if post is not None:
                    _add(found, element, post)
    return (
        sorted(found.values(), key=lambda c: page.order(c.element))
        if len(found) > 1
        else list(found.values())
    )


def _shows_a_permalink(source: str) -> bool:
    """Whether some text node of the page is a post's permalink and nothing else."""
    for match in _URL_AS_TEXT.finditer(source):
        ref = parse_post_url(html.unescape(match[1]))
        if ref is not None and ref.post_id is not None:
            return True
    return False


def _url_blocks(page: ParsedPage) -> list[Element]:
    """Elements around a URL shown as text whose class names an embed or a platform
    ("wp-block-embed", "bskyEmbed", "js-tweet-lazy"): where a URL-only block may be."""
    blocks: list[Element] = []
    for text in _URL_TEXT_XPATH(page.root):
        element = text.getparent()
        for _ in range(_BLOCK_LEVELS):
            if element is None or not isinstance(element.tag, str):
                break
            marks = element.get("class")
            if (
                marks
                and len(element) <= _MAX_BLOCK_CHILDREN
                and (_EMBED_CLASS.search(marks) or platforms_named(marks))
            ):
                if element not in blocks:
                    blocks.append(element)
                break
            element = element.getparent()
    return blocks


def _add(
    found: dict[Element, Candidate],
    element: Element,
    post: Post,
    folded: dict[Element, Candidate] | None = None,
) -> None:
    # Up to the nearest placeholder above: one of another post holds what is above it
    # (a copy of the same post further up is folded by the merge), and each walk up
    # ends there, so nested placeholders stay linear.  With ``folded`` (elements added
    # in document order), a copy folded into the placeholder above ends the walks from
    # inside it too, so copies of one post nested hundreds deep stay linear as well.
    # The walk is also cut after a few dozen levels: a copy further up is still folded
    # by the merge, and a walk to the root from each of thousands of placeholders
    # nested thousands deep would be quadratic.
    for ancestor in itertools.islice(element.iterancestors(), _MAX_FOLD_LEVELS):
        outer = found.get(ancestor)
        if outer is None and folded is not None:
            outer = folded.get(ancestor)
        if outer is None:
            continue
        if outer.post.platform == post.platform and outer.post.post_id == post.post_id:
            if folded is not None:
                folded[element] = outer
            return
        break
    found[element] = Candidate(element=element, post=post)


def _relevant_names(source: str) -> tuple[frozenset[str], frozenset[str]]:
    """The data-* attribute names worth selecting, and the platform-named tags present."""
    relevant: set[str] = set()
    for spelled in set(_DATA_ATTRIBUTE.findall(source)):
        name = spelled.lower()
        verdict = _name_verdict(name)
        if verdict is None:
            verdict = _generic_url_value(spelled).search(source) is not None
        if verdict:
            relevant.add(f"data-{name}")
    tags = {
        tag.lower()
        for tag in set(_CUSTOM_TAG.findall(source))
        if _EMBED_CLASS.search(tag) or platforms_named(tag)
    }
    if "<oembed" in source or "<OEMBED" in source:
        tags.add("oembed")
    return frozenset(relevant), frozenset(tags)


@functools.lru_cache(maxsize=64)
def _generic_url_value(spelled: str) -> re.Pattern[str]:
    # The name is [\w.:-] only (see _DATA_ATTRIBUTE); escaped all the same.
    return re.compile(f"data-{re.escape(spelled)}{_PLATFORM_URL_START}")


@functools.lru_cache(maxsize=4096)
def _name_verdict(short: str) -> bool | None:
    """Whether a data-* name is worth selecting: yes, no, or None (if its value is a URL)."""
    if _IGNORED_NAME.search(short) or not _RELEVANT_NAME.search(short):
        return False
    return None if _GENERIC_URL_NAME.match(short) else True


@functools.lru_cache(maxsize=64)
def _selector(names: frozenset[str], tags: frozenset[str]) -> lxml.etree.XPath:
    # One XPath per set of names present; names are [\w.:-] only (see _DATA_ATTRIBUTE),
    # but only plain ASCII names are valid XPath name tests (a colon, a "²", a letter of
    # another script written as \w allows may not be), so the others are compared by name().
    tests = [
        f"@{name}" if _XPATH_NAME.fullmatch(name) else f"@*[name()='{name}']"
        for name in sorted(names)
    ]
    tests += [
        f"self::{tag}" if _XPATH_NAME.fullmatch(tag) else f"self::*[name()='{tag}']"
        for tag in sorted(tags)
        if "'" not in tag
    ]
    return lxml.etree.XPath(f"descendant::*[{' or '.join(tests)}]")


def _is_excluded(element: Element) -> bool:
    if not isinstance(element.tag, str) or element.tag in _SKIPPED_TAGS:
        return True
    marks = f"{element.get('class') or ''} {element.get('id') or ''}"
    if _NOT_A_POST_CLASS.search(marks):
        return True
    return bool(_IN_CODE_XPATH(element))


def _context_platforms(element: Element) -> set[str]:
    """The platforms the element names by tag, class, id, attribute names and typed values."""
    named = platforms_named(f"{element.tag} {element.get('class') or ''} {element.get('id') or ''}")
    for name, value in element.items():
        if name in _NEVER_READ:
            continue  # the class and id were read above (a class "x" is no typed value)
        short = name.lower().removeprefix("data-")
        if not _IGNORED_NAME.search(short):
            named |= platforms_named(short)
        if _TYPE_NAME.search(short) and len(value) <= 40:
            platform = platform_of_word(value)
            if platform is not None:
                named.add(platform)
    return named


def _read_element(page: ParsedPage, element: Element) -> Post | None:
    if _is_excluded(element):
        return None
    context = _context_platforms(element)
    only = next(iter(context)) if len(context) == 1 else None
    embedish = bool(context) or bool(
        _EMBED_CLASS.search(f"{element.tag} {element.get('class') or ''} {element.get('id') or ''}")
    )
    generic: list[str] = []
    for raw_name, raw_value in element.items():
        name = raw_name.lower()
        short = name.removeprefix("data-")
        value = raw_value.strip()
        if (
            name in _NEVER_READ
            or not value
            or len(value) > _MAX_VALUE_CHARS
            or _IGNORED_NAME.search(short)
        ):
            continue
        post = _read_value(page, short, value, only, embedish=embedish)
        if post is not None:
            return post
        if _ID_NAME.search(short) and not _TYPE_NAME.search(short):
            generic.append(value)
    if only is not None:
        for value in generic:
            if only == "twitter" and len(value) < _MIN_GENERIC_TWEET_DIGITS:
                continue
            post = post_from_id(only, value, form="placeholder")
            if post is not None:
                return post
        return _read_inner_link(page, element, only)
    return None


def _read_inner_link(page: ParsedPage, element: Element, platform: str) -> Post | None:
    """An element naming one platform around a lone permalink of it, with little text.

    A lazy loader's stripped snippet: ``<blockquote data-twitter="twitter-tweet"><a
    href=".../status/20"></a></blockquote>``.  A blockquote keeps that form's name.
    """
    # One link past the most allowed is enough to say no: listing them all cost the
    # square of the size on elements nested in each other.
    linked = (a for a in element.iter("a") if a.get("href"))
    anchors = list(itertools.islice(linked, _MAX_INNER_LINKS + 1))
    if not anchors or len(anchors) > _MAX_INNER_LINKS:
        return None
    if _TEXT_LENGTH_XPATH(element) > _MAX_INNER_TEXT:
        return None
    refs = {ref for a in anchors if (ref := _permalink(page, a.get("href"))) is not None}
    if len(refs) != 1:
        return None
    ref = refs.pop()
    if ref.platform != platform or ref.post_id is None:
        return None
    form = "blockquote" if element.tag == "blockquote" else "placeholder"
    return post_from_ref(ref, form=form)


def _permalink(page: ParsedPage, href: str | None) -> PostRef | None:
    url = page.absolute(href)
    return parse_post_url(url) if url else None


def _read_value(
    page: ParsedPage, short: str, value: str, only: str | None, *, embedish: bool
) -> Post | None:
    """A post named by one attribute: a permalink, a platform-named id, props, a fragment."""
    head = value[:1]
    if head in ("{", "["):
        return _read_props(value, only)
    if "/" in value and len(value) <= 4096 and (embedish or _EMBED_NAME.search(short)):
        url = page.absolute(value)
        ref = parse_post_url(url) if url else None
        if ref is not None and ref.post_id is not None:
            return post_from_ref(ref, form="placeholder")
    named = _PLATFORM_ID_NAME.search(short)
    if named is not None:
        platform = platforms_named(named.group("word")).pop()
        post = post_from_id(platform, value, form="placeholder")
        if post is not None:
            return post
    if PLATFORM_WORD.search(value):
        match = _WORD_THEN_ID.search(value)
        if match is not None:
            word = match.group("word").lower()
            platform = "twitter" if word == "status" else platforms_named(word).pop()
            if word != "status" or only == "twitter":
                return post_from_id(platform, match.group("id"), form="placeholder")
    return None


def _read_props(value: str, only: str | None) -> Post | None:
    props = parse_json(value)
    if not isinstance(props, (dict, list)):
        return None
    for frame in walk(props, budget=_PROPS_BUDGET):
        post = post_in_object(frame.value, form="placeholder", context=only)
        if post is not None:
            return post
    return None


def _read_url_block(page: ParsedPage, element: Element) -> Post | None:
    """A CMS embed block holding nothing but the post's URL as text."""
    if _is_excluded(element) or element.get("class") is None:
        return None
    shown = element_text(element)
    if not shown or " " in shown or "\n" in shown or "/" not in shown:
        return None
    ref = parse_post_url(shown)
    if ref is None or ref.post_id is None:
        return None
    # The block must be an embed, not a link list: no anchor pointing elsewhere.
    for anchor in element.iter("a"):
        href = (anchor.get("href") or "").strip()
        if href and href != shown:
            return None
    return post_from_ref(ref, form="placeholder")
