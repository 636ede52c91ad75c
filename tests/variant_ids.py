"""Invented posts of every platform for the generated placeholder and page-data variants.

Each :class:`InventedPost` is a made-up post: its id as tweetresolve reports it, the
permalinks a site may write for it, and (for the platforms whose bare id names a post)
the id a site may keep alone.  Nothing here is read from a real page; handles, hosts,
channels and ids are drawn from a seeded random generator, so a seed always gives the
same posts.

>>> import random
>>> post = invent_post(random.Random(1), "twitter")
>>> (post.platform, post.bare_id == post.post_id, post.url.startswith("https://"))
('twitter', True, True)
"""

from __future__ import annotations

import random
import string

import attrs

__all__ = [
    "ID_PLATFORMS",
    "PLATFORMS",
    "InventedPost",
    "Variant",
    "invent_post",
    "pick",
    "word",
]

#: Every platform a placeholder or page data may name.
PLATFORMS: tuple[str, ...] = (
    "twitter",
    "instagram",
    "tiktok",
    "youtube",
    "facebook",
    "bluesky",
    "threads",
    "mastodon",
    "reddit",
    "linkedin",
    "tumblr",
    "truthsocial",
    "telegram",
)

#: Platforms whose bare id, without a permalink, names a post.
ID_PLATFORMS: tuple[str, ...] = ("twitter", "instagram", "tiktok", "youtube")

_SHORTCODE = string.ascii_letters + string.digits + "_-"
_BASE36 = string.ascii_lowercase + string.digits
_SYLLABLES = ("ka", "lo", "mi", "ne", "ru", "ta", "ve", "zo", "bri", "dal", "fen", "gor", "hal")


@attrs.frozen
class Variant:
    """One generated page: its family, the markup, and the posts it must give."""

    family: str
    name: str
    markup: str
    #: (platform, post id, form) of every post, in document order; empty for a decoy.
    expected: tuple[tuple[str, str, str], ...]


@attrs.frozen
class InventedPost:
    """A made-up post: id, permalinks, and the bare id a site may keep (if any)."""

    platform: str
    post_id: str
    #: Permalinks a site may write, the first being the canonical one.
    urls: tuple[str, ...]
    bare_id: str | None = None

    @property
    def url(self) -> str:
        """The canonical permalink."""
        return self.urls[0]


def pick(rng: random.Random, choices: tuple[str, ...] | list[str]) -> str:
    """One of ``choices``."""
    return choices[rng.randrange(len(choices))]


def word(rng: random.Random, syllables: int = 3) -> str:
    """An invented lower-case word: "kaloru"."""
    return "".join(pick(rng, _SYLLABLES) for _ in range(syllables))


def _digits(rng: random.Random, first: str, length: int) -> str:
    return first + "".join(rng.choice(string.digits) for _ in range(length - 1))


def _code(rng: random.Random, alphabet: str, length: int, *, first: str = "") -> str:
    return first + "".join(rng.choice(alphabet) for _ in range(length - len(first)))


def invent_post(rng: random.Random, platform: str) -> InventedPost:
    """A made-up post of ``platform`` with its permalink spellings."""
    handle = word(rng, 2) + "_" + word(rng, 1)
    if platform == "twitter":
        post_id = _digits(rng, "1", 19)
        hosts = ("https://twitter.com", "https://x.com", "https://mobile.twitter.com")
        urls: tuple[str, ...] = (
            f"https://twitter.com/{handle}/status/{post_id}",
            f"{pick(rng, hosts)}/{handle}/status/{post_id}?s=20",
            f"https://x.com/{handle}/status/{post_id}",
            f"https://twitter.com/{handle}/status/{post_id}?ref_src=twsrc%5Etfw",
        )
        return InventedPost(platform, post_id, urls, post_id)
    if platform == "instagram":
        post_id = _code(rng, _SHORTCODE, 11, first=pick(rng, ("C", "B", "D")))
        kind = pick(rng, ("p", "reel"))
        urls = (
            f"https://www.instagram.com/{kind}/{post_id}/",
            f"https://instagram.com/{kind}/{post_id}/?utm_source=ig_embed",
        )
        return InventedPost(platform, post_id, urls, post_id)
    if platform == "tiktok":
        post_id = _digits(rng, "7", 19)
        urls = (
            f"https://www.tiktok.com/@{handle.replace('_', '.')}/video/{post_id}",
            f"https://www.tiktok.com/@{handle}/video/{post_id}?lang=de",
        )
        return InventedPost(platform, post_id, urls, post_id)
    if platform == "youtube":
        post_id = _code(rng, _SHORTCODE, 11, first=pick(rng, ("a", "Q", "x", "M")))
        urls = (
            f"https://www.youtube.com/watch?v={post_id}",
            f"https://youtu.be/{post_id}",
            f"https://www.youtube.com/embed/{post_id}?rel=0",
            f"https://www.youtube.com/shorts/{post_id}",
        )
        return InventedPost(platform, post_id, urls, post_id)
    if platform == "facebook":
        post_id = _digits(rng, "1", 16)
        return InventedPost(
            platform, post_id, (f"https://www.facebook.com/{handle}/posts/{post_id}",)
        )
    if platform == "bluesky":
        post_id = _code(rng, "abcdefghijklmnopqrstuvwxyz234567", 13, first="3")
        return InventedPost(
            platform,
            post_id,
            (f"https://bsky.app/profile/{handle.replace('_', '')}.bsky.social/post/{post_id}",),
        )
    if platform == "threads":
        post_id = _code(rng, _SHORTCODE, 11, first="C")
        return InventedPost(
            platform, post_id, (f"https://www.threads.net/@{handle}/post/{post_id}",)
        )
    if platform == "mastodon":
        post_id = _digits(rng, "11", 18)
        host = f"{word(rng, 2)}.social"
        return InventedPost(platform, post_id, (f"https://{host}/@{handle}/{post_id}",))
    if platform == "reddit":
        post_id = _code(rng, _BASE36, 6)
        reddit = f"https://www.reddit.com/r/{word(rng, 2)}/comments/{post_id}/{word(rng)}/"
        return InventedPost(platform, post_id, (reddit,))
    if platform == "linkedin":
        number = _digits(rng, "7", 19)
        linkedin = f"https://www.linkedin.com/posts/{handle}_{word(rng)}-activity-{number}-Ab1c"
        return InventedPost(platform, f"urn:li:activity:{number}", (linkedin,))
    if platform == "tumblr":
        post_id = _digits(rng, "7", 12)
        return InventedPost(
            platform, post_id, (f"https://{word(rng, 2)}.tumblr.com/post/{post_id}",)
        )
    if platform == "truthsocial":
        post_id = _digits(rng, "11", 18)
        return InventedPost(
            platform, post_id, (f"https://truthsocial.com/@{handle}/posts/{post_id}",)
        )
    if platform == "telegram":
        channel = word(rng, 3)
        number = str(rng.randrange(10, 90000))
        return InventedPost(platform, f"{channel}/{number}", (f"https://t.me/{channel}/{number}",))
    raise ValueError(f"no invented posts for {platform}")
