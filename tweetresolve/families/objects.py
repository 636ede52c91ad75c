"""Objects that describe a post, in page data and in props (one dictionary at a time).

Three shapes are read:

* the Twitter API's tweet object: ``id_str`` with ``text`` / ``full_text`` and
  ``user.screen_name`` (or the old search API's ``from_user``);
* a typed object: a type-like key (``type``, ``provider``, ``platform``, ``embedType``,
  ``@type: SocialMediaPosting`` …) naming a platform, with a permalink (``url``,
  ``href``, ``embedUrl`` …) or an id of the platform's shape (``id``, ``videoId`` …);
* a key that names the platform itself: ``tweetId``, ``tweet_url``, ``instagramUrl``.

>>> post_in_object({"type": "tweet", "id": "1400000000000000001"}, form="data").url
'https://twitter.com/i/web/status/1400000000000000001'
>>> post = post_in_object({"id_str": "20", "full_text": "just setting up",
...                        "user": {"screen_name": "ada", "name": "Ada"}}, form="data")
>>> (post.post_id, post.author.handle, post.text)
('20', 'ada', 'just setting up')
>>> link = {"type": "link", "url": "https://twitter.com/ada/status/20"}
>>> post_in_object(link, form="data") is None
True
"""

from __future__ import annotations

import functools
import re
from typing import Any

import attrs

from tweetresolve.families._ids import (
    platform_of_word,
    platforms_named,
    post_from_id,
    post_from_ref,
)
from tweetresolve.records import Author, Post
from tweetresolve.urls import parse_post_url

__all__ = ["post_in_object"]

# Keys whose value says what kind of thing an object is.
_TYPE_KEYS = (
    "type",
    "@type",
    "provider",
    "provider_name",
    "providerName",
    "platform",
    "service",
    "network",
    "embedType",
    "embed_type",
    "kind",
    "form",
    "__typename",
    "_type",
    "source",
    "component",
    "blockType",
    "blockName",
    "subtype",
    "providerNameSlug",
    "embedProvider",
    "embed_provider",
    "socialType",
    "social_type",
)

_TYPE_KEY_SET = frozenset(_TYPE_KEYS)
# Where each type key stands in _TYPE_KEYS: the first one present names the platform.
_TYPE_KEY_RANK = {key: rank for rank, key in enumerate(_TYPE_KEYS)}

# Keys that may hold the post's permalink.
_URL_KEYS = (
    "url",
    "href",
    "link",
    "permalink",
    "embedUrl",
    "embed_url",
    "originalUrl",
    "original_url",
    "sourceUrl",
    "uri",
    "src",
    "value",
    "@id",
    # Arc's referent keeps the permalink as its "id".
    "id",
)

# Keys of a link object standing where a URL would (Storyblok's {"url": …, "linktype": …}).
_LINK_OBJECT_KEYS = ("url", "cached_url", "href")

# Type values that say "an embed" without naming the platform: the permalink decides.
# Examples: "embed", "oembed", "social_embed", "SocialEmbed", "embedBlock".
_EMBED_TYPE = re.compile(
    r"(?:o?embed|social)(?:[-_ ]?(?:block|code|embed|post|media|card|response))?",
    re.IGNORECASE,
)

# Keys that may hold the post's bare id.
_ID_KEYS = (
    "id",
    "postId",
    "post_id",
    "embedId",
    "embed_id",
    "videoId",
    "video_id",
    "shortcode",
    "code",
    "externalId",
)

# schema.org types of a social post (ld+json).
_POSTING_TYPES = frozenset({"socialmediaposting", "blogposting-social"})

# A key naming a platform and what it holds: "tweetId", "tweet_url", "instagramUrl",
# "tiktokVideoId".  Example: "twitterStatusId".
_PLATFORM_KEY = re.compile(
    r"^(?:embedded)?(?P<word>tweet|twitter|instagram|tiktok|youtube|facebook|bluesky|threads"
    r"|mastodon|linkedin|reddit|tumblr)[-_]?(?P<qualifier>status|post|video|embed)?[-_]?"
    r"(?P<what>id|url|uri|link|href|permalink|code|shortcode)$",
    re.IGNORECASE,
)

# Platforms whose account ids have the shape of post ids: "twitterId" or "tiktok_id"
# alone name an account as often as a post ("tweetId", "tiktokVideoId" do not).
_ACCOUNT_ID_WORDS = frozenset({"twitter", "tiktok"})

# Longest type value read ("twitter", "SocialMediaPosting", "oembed_response").
_MAX_TYPE_CHARS = 40

# Tweet ids in the API's id_str: digits only.
_DIGITS = re.compile(r"[0-9]{1,20}")


def post_in_object(
    obj: dict[str, Any], *, form: str, context: str | None = None, key: str | None = None
) -> Post | None:
    """The post one dictionary describes, or None.

    ``context`` is a platform the surroundings already name (the class of the
    element whose props these are); it lets a bare ``id`` count.  ``key`` is the
    key the dictionary was found under: ld+json's ``sharedContent`` is a post's link.
    """
    if "id_str" in obj:
        post = _api_tweet(obj, form)
        if post is not None:
            return post
    if "sys" in obj and "fields" in obj:
        post = _contentful_entry(obj, form)
        if post is not None:
            return post
    if key == "sharedContent":
        typed: str | None = "any"
    elif obj.keys().isdisjoint(_TYPE_KEY_SET):
        typed = None  # most objects of a page's state: one set test instead of 18 lookups
    else:
        typed = _typed_platform(obj)
    platform = typed or context
    if typed is not None or context is not None:
        for name in _URL_KEYS:
            value = obj.get(name)
            if isinstance(value, dict):
                value = next(
                    (v for k in _LINK_OBJECT_KEYS if isinstance(v := value.get(k), str)), None
                )
            if isinstance(value, str) and "/" in value:
                ref = parse_post_url(value)
                if ref is not None and ref.post_id is not None:
                    return _fill(post_from_ref(ref, form=form), obj)
        if platform is not None and platform != "any":
            for name in _ID_KEYS:
                value = obj.get(name)
                if isinstance(value, int) and not isinstance(value, bool):
                    value = str(value)
                if isinstance(value, str) and not (platform == "twitter" and len(value) < 5):
                    found = post_from_id(platform, value, form=form)
                    if found is not None:
                        return _fill(found, obj)
    for name, value in obj.items():
        named_key = _platform_key(name) if isinstance(name, str) else None
        if named_key is None or not isinstance(value, (str, int)) or isinstance(value, bool):
            continue
        text = str(value).strip()
        named, is_id = named_key
        if is_id:
            found = post_from_id(named, text, form=form)
        else:
            ref = parse_post_url(text) if "/" in text else None
            found = post_from_ref(ref, form=form) if ref is not None and ref.post_id else None
        if found is not None:
            return _fill(found, obj)
    return None


@functools.lru_cache(maxsize=8192)
def _platform_key(name: str) -> tuple[str, bool] | None:
    """(platform, holds an id?) for a key naming a platform (``tweetId``), else None.

    Memoised: a page's state repeats the same few keys in thousands of objects.
    """
    match = _PLATFORM_KEY.match(name)
    if match is None:
        return None
    word = match.group("word").lower()
    platform = platforms_named(word).pop()
    is_id = match.group("what").lower() in {"id", "code", "shortcode"}
    if is_id and word in _ACCOUNT_ID_WORDS and match.group("qualifier") is None:
        return None  # "twitterId": an account's number as often as a post's
    return platform, is_id


def _typed_platform(obj: dict[str, Any]) -> str | None:
    # Only the type keys the object has (usually one), in their order of precedence.
    present = _TYPE_KEY_SET.intersection(obj)
    keys = sorted(present, key=_TYPE_KEY_RANK.__getitem__) if len(present) > 1 else present
    embed: str | None = None
    for key in keys:
        value = obj[key]
        if value is None:
            continue
        for one in value[:4] if isinstance(value, list) else (value,):
            if not isinstance(one, str) or len(one) > _MAX_TYPE_CHARS:
                continue
            if key == "@type" and one.lower() in _POSTING_TYPES:
                return "any"
            platform = platform_of_word(one)
            if platform is not None:
                return platform
            if embed is None and _EMBED_TYPE.fullmatch(one):
                embed = "any"  # another key may still name the platform
    return embed


def _contentful_entry(obj: dict[str, Any], form: str) -> Post | None:
    """A Contentful entry: its content type (``sys.contentType.sys.id``) names the
    platform or an embed, its ``fields`` hold the permalink or the id."""
    fields = obj["fields"]
    sys_part = obj["sys"]
    if not isinstance(fields, dict) or not isinstance(sys_part, dict):
        return None
    content_type = sys_part.get("contentType")
    link = content_type.get("sys") if isinstance(content_type, dict) else None
    name = link.get("id") if isinstance(link, dict) else None
    if not isinstance(name, str) or len(name) > _MAX_TYPE_CHARS:
        return None
    platform = platform_of_word(name) or ("any" if _EMBED_TYPE.fullmatch(name) else None)
    if platform is None:
        return None
    return post_in_object(fields, form=form, context=platform)


def _api_tweet(obj: dict[str, Any], form: str) -> Post | None:
    post_id = obj.get("id_str")
    if not isinstance(post_id, str) or _DIGITS.fullmatch(post_id) is None:
        return None
    text = obj.get("full_text") or obj.get("text")
    user = obj.get("user")
    handle = user.get("screen_name") if isinstance(user, dict) else obj.get("from_user")
    if not isinstance(text, str) or not isinstance(handle, str):
        return None
    name = user.get("name") if isinstance(user, dict) else obj.get("from_user_name")
    post = post_from_id("twitter", post_id, form=form)
    if post is None:
        return None
    return attrs.evolve(
        post,
        url=f"https://twitter.com/{handle}/status/{post.post_id}",
        author=Author(name=name if isinstance(name, str) else None, handle=handle),
        text=text,
        lang=obj.get("lang") if isinstance(obj.get("lang"), str) else None,
    )


def _fill(post: Post, obj: dict[str, Any]) -> Post:
    """Add what a typed object shows beside the permalink: the author's name, the text."""
    name = obj.get("authorName") or obj.get("author_name")
    text = obj.get("text") or obj.get("articleBody")
    changes: dict[str, Any] = {}
    if isinstance(name, str) and name.strip():
        changes["author"] = attrs.evolve(post.author or Author(), name=name.strip())
    if isinstance(text, str) and text.strip() and "<" not in text:
        changes["text"] = text.strip()
    return attrs.evolve(post, **changes) if changes else post
