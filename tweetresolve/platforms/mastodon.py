"""Mastodon and its forks: status permalinks on any instance, embeds and residue.

Mastodon runs on thousands of hosts, so a permalink is recognised by its path, not its
host: ``/@user/<id>`` (the id a 15–19 digit snowflake), the remote-account view
``/@user@other.host/<id>``, and the ActivityPub form ``/users/<user>/statuses/<id>``.

Embeds come in two generations (both carry the class ``mastodon-embed``):

* Mastodon ≥ 4.3: ``blockquote.mastodon-embed[data-embed-url=".../@user/<id>/embed"]``
  holding only a link with ``Post by @user@instance`` / ``View on Mastodon``;
* before 4.3: ``iframe.mastodon-embed[src=".../@user/<id>/embed"]``.

A post is its status id (``post_id``) with the author as ``user@instance`` in
``Author.handle``.  For the remote-account view the id is the *viewing* instance's id
of the status, so the canonical URL stays on that host.

Truth Social (a Mastodon fork) reuses this machinery through :class:`MastodonFamily`
with its own host, path grammar and embed class (``platforms/truthsocial.py``).

>>> ref = MASTODON.parse_url("https://example.social/@ada/113079171241665414")
>>> (ref.post_id, ref.handle, ref.url)
('113079171241665414', 'ada@example.social', 'https://example.social/@ada/113079171241665414')
>>> MASTODON.parse_url("https://example.social/@ada") is None
True
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from itertools import islice

import attrs

from tweetresolve.html import Element, ParsedPage, has_class
from tweetresolve.idtime import mastodon_time
from tweetresolve.platforms._common import frame_urls, read_apart, without_noscript_copies
from tweetresolve.platforms.base import Candidate
from tweetresolve.records import Author, Post, PostRef
from tweetresolve.text.cards import with_card_posts
from tweetresolve.text.dialects import MASTODON_RESIDUE, ResidueDialect

__all__ = ["MASTODON", "MastodonFamily", "StatusURL"]

# A status permalink on an arbitrary instance; group names are the contract that
# MastodonFamily reads (host, user, domain, id, embed).
#   https://<host>/@<user>/<id>[/embed]             the web permalink and its embed page
#   https://<host>/@<user>@<other.host>/<id>         a remote account's status, seen from <host>
#   https://<host>/users/<user>/statuses/<id>        the ActivityPub id of the status
#   https://<host>/web/@<user>/<id>, /deck/@<user>/<id>  the web app's own routes
# Ids are snowflakes (ms << 16), 15–19 digits since Mastodon 2.0: short sequential ids
# of 2016–2017 are not claimed, so that random "/@name/12" URLs stay unclaimed.
# Example: "https://example.social/@ada@other.example/113079171241665414/embed"
STATUS_URL = re.compile(
    r"""
    ^(?:https?:)?//
    (?P<host>[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8})(?::\d{1,5})?
    /(?:(?:web|deck)/)?
    (?:
        @(?P<user>[A-Za-z0-9_][A-Za-z0-9_.-]{0,63})
        (?:@(?P<domain>[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}))?
      | users/(?P<actor>[A-Za-z0-9_][A-Za-z0-9_.-]{0,63})/statuses
    )
    /(?P<id>[0-9]{15,19})
    (?P<embed>/embed)?
    (?:[/?\#]|$)
    """,
    re.VERBOSE | re.IGNORECASE,
)

# The residue of a ≥ 4.3 embed once tags are stripped: "Post by @user@instance" then
# "View on Mastodon" on the next line(s).  Markdown converters wrap both in one link:
# "[Post by @ada@example.social View on Mastodon](https://example.social/@ada/1…)".
# get_text("") glues the two lines ("…@example.socialView on Mastodon"), so a domain
# label stops where "View on Mastodon" begins (a tempered token: one lookahead a char).
# Example: "Post by @ada@example.social\nView on Mastodon"
RESIDUE = re.compile(
    r"""
    (?P<open>\[[ \t]{0,4})?
    Post[ ]by[ ]@(?P<user>[A-Za-z0-9_][A-Za-z0-9_.-]{0,63})
    @(?P<domain>[A-Za-z0-9-]{1,63}(?:\.(?:(?!View[ ]on[ ]Mastodon)[A-Za-z0-9-]){1,63}){1,8})
    (?P<view>[ \t\r\n\u00a0]{0,12}View[ ]on[ ]Mastodon)?
    (?(open)[ \t]{0,4}\]\((?P<href>[^()\s]{1,2048})\))?
    """,
    re.VERBOSE,
)


# An embed holds one link; more are never read (nested hostile markup stays linear).
_MAX_ANCHORS = 16
# How far around a residue match its line's ends are looked for.
_LINE_LOOK = 200


@attrs.frozen
class StatusURL:
    """How one member of the Mastodon family spells its status URLs.

    ``pattern`` must define the groups ``host``, ``user``, ``domain``, ``actor``, ``id`` and
    ``embed`` (as :data:`STATUS_URL` does); ``canonical`` formats ``host``, ``user`` and
    ``id`` into the permalink and ``profile`` ``host`` and ``user`` into the account URL;
    ``qualify`` says whether a handle is ``user@host``.
    """

    pattern: re.Pattern[str]
    canonical: str
    profile: str
    qualify: bool = True
    #: Domains (with their subdomains) this pattern must not claim: forks that have
    #: their own platform entry, and other platforms whose paths share the shape.
    excluded_hosts: frozenset[str] = frozenset()


class MastodonFamily:
    """A Mastodon-compatible platform: permalinks, embed blockquotes/iframes, residue."""

    def __init__(
        self,
        *,
        name: str,
        urls: StatusURL,
        embed_class: str,
        markers: tuple[str, ...],
        text_markers: tuple[str, ...] = (),
        residue: re.Pattern[str] | None = None,
        created_at: Callable[[str], dt.datetime | None] = mastodon_time,
        card_dialect: ResidueDialect | None = None,
    ) -> None:
        self.name = name
        self.markers = markers
        self.text_markers = text_markers
        self._urls = urls
        self._embed_class = embed_class
        self._residue = residue
        self._created_at = created_at
        self._card_dialect = card_dialect

    def parse_url(self, url: str) -> PostRef | None:
        """Parse a status permalink (or its ``/embed`` page) of this platform."""
        match = self._urls.pattern.match(url)
        if match is None:
            return None
        host = match["host"].lower()
        if _within_any(host, self._urls.excluded_hosts):
            return None
        user = match["user"] or match["actor"]
        domain = (match["domain"] or "").lower()
        if domain:
            user_path = f"{user}@{domain}"
            handle = user_path
        else:
            user_path = user
            handle = f"{user}@{host.removeprefix('www.')}" if self._urls.qualify else user
        post_id = match["id"]
        return PostRef(
            platform=self.name,
            post_id=post_id,
            handle=handle,
            url=self._urls.canonical.format(host=host, user=user_path, id=post_id),
        )

    def find_in_html(self, page: ParsedPage) -> Iterator[Candidate]:
        """Yield ≥ 4.3 blockquotes and embed iframes (with or without their class)."""
        return iter(without_noscript_copies(list(self._candidates(page))))

    def _candidates(self, page: ParsedPage) -> Iterator[Candidate]:
        cls = self._embed_class
        quotes = page.xpath(f"//*[contains(@class, '{cls}')][not(self::iframe)]")
        yield from read_apart(
            (quote for quote in quotes if has_class(quote, cls)),
            lambda quote: self._from_blockquote(page, quote),
        )
        for frame in page.xpath("//iframe | //amp-iframe"):
            for url in frame_urls(page, frame):
                match = self._urls.pattern.match(url)
                # A plain iframe is only this platform's embed when it loads the /embed
                # page; with the class, any status URL will do.
                if match is None or not (match["embed"] or has_class(frame, cls)):
                    continue
                ref = self.parse_url(match.group())
                if ref is not None:
                    form = "amp" if frame.tag == "amp-iframe" else "iframe"
                    yield Candidate(frame, self._post(ref, form=form))
                    break

    def find_in_text(self, text: str) -> Iterator[Post]:
        """Yield posts whose ``Post by @user@instance`` residue survives in plain text, then
        site-made cards that name this platform."""
        posts = list(self._fallbacks(text))
        if self._card_dialect is None:
            return iter(posts)
        return with_card_posts(posts, text, self._card_dialect, parse_url=self.parse_url)

    def _fallbacks(self, text: str) -> Iterator[Post]:
        if self._residue is None:
            return
        for match in self._residue.finditer(text):
            ref = self.parse_url(match["href"]) if match["href"] else None
            if ref is None and not match["view"] and not _alone_on_line(text, match):
                # Without "View on …" the line must hold nothing else, so that prose
                # mentioning "post by @a@b.c" is not taken for an embed.
                continue
            span = (match.start(), match.end())
            if ref is not None:
                yield attrs.evolve(self._post(ref, form="text"), span=span)
            else:
                handle = f"{match['user']}@{match['domain'].lower()}"
                yield Post(platform=self.name, author=Author(handle=handle), form="text", span=span)

    # --- helpers ---------------------------------------------------------------------

    def _post(self, ref: PostRef, *, form: str) -> Post:
        return Post(
            platform=self.name,
            post_id=ref.post_id,
            url=ref.url,
            author=Author(handle=ref.handle, url=self._profile_url(ref)),
            created_at=self._created_at(ref.post_id) if ref.post_id else None,
            form=form,
        )

    def _profile_url(self, ref: PostRef) -> str | None:
        match = self._urls.pattern.match(ref.url or "")
        if match is None:
            return None
        user = match["user"] or match["actor"]
        if match["domain"]:
            user = f"{user}@{match['domain'].lower()}"
        return self._urls.profile.format(host=match["host"].lower(), user=user)

    def _from_blockquote(self, page: ParsedPage, quote: Element) -> Post | None:
        # The snippet holds one link; a bounded look keeps nested hostile markup linear.
        anchors = islice(quote.iter("a"), _MAX_ANCHORS)
        urls = [quote.get("data-embed-url")] + [a.get("href") for a in anchors]
        for url in urls:
            ref = self.parse_url(page.absolute(url) or "")
            if ref is not None:
                return self._post(ref, form="blockquote")
        return None


def _within_any(host: str, domains: frozenset[str]) -> bool:
    """Whether ``host`` is one of ``domains`` or a subdomain of one.

    >>> _within_any("www.youtube.com", frozenset({"youtube.com"}))
    True
    """
    host = host.rstrip(".")
    return host in domains or any(host.endswith("." + domain) for domain in domains)


def _alone_on_line(text: str, match: re.Match[str]) -> bool:
    # Only a short stretch either side is looked at: a residue line is short, and a
    # bounded look keeps a megabyte-long line of near-matches linear.
    lo = max(0, match.start() - _LINE_LOOK)
    hi = min(len(text), match.end() + _LINE_LOOK)
    start = text.rfind("\n", lo, match.start())
    end = text.find("\n", match.end(), hi)
    if (start == -1 and lo > 0) or (end == -1 and hi < len(text)):
        return False
    before = text[start + 1 : match.start()]
    after = text[match.end() : hi if end == -1 else end]
    return not before.strip(" \t>*-") and not after.strip()


MASTODON = MastodonFamily(
    name="mastodon",
    urls=StatusURL(
        pattern=STATUS_URL,
        canonical="https://{host}/@{user}/{id}",
        profile="https://{host}/@{user}",
        # Truth Social has its own entry; its /@user/<id> URLs are not generic Mastodon.
        # The other platforms' sites also have /@user/ paths, never Mastodon statuses.
        excluded_hosts=frozenset(
            {
                "truthsocial.com",
                "youtube.com",
                "tiktok.com",
                "threads.net",
                "threads.com",
                "instagram.com",
                "facebook.com",
                "twitter.com",
                "x.com",
                "bsky.app",
                "medium.com",
            }
        ),
    ),
    embed_class="mastodon-embed",
    markers=("mastodon-embed",),
    text_markers=("view on mastodon", "post by @", "mastodon"),
    residue=RESIDUE,
    card_dialect=MASTODON_RESIDUE,
)
