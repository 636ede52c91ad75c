"""Which platform a card residue in plain text belongs to, from what the card shows.

A site-made card reads the same for every platform (name, ``@handle``, text, date);
what tells them apart is a link that a Markdown converter kept (to the profile, the
post or the date), a "View on Instagram" line, or the shape of the handle
(``@user@instance`` is a fediverse account).  A card that shows none of these is
taken for a tweet, the commonest card by far.

>>> platform_of_url("https://www.instagram.com/p/Ab12Cd34Ef5/")
'instagram'
>>> view_line_platform("Auf Instagram ansehen"), view_line_platform("View on X")
('instagram', 'twitter')
>>> view_line_platform("The ferry posted on Instagram that it was late.") is None
True
"""

from __future__ import annotations

import re

__all__ = ["handle_platform", "platform_of_url", "view_line_platform"]

#: Hosts whose links name their platform (``www.`` and ``m.`` are dropped first).
_HOSTS = {
    "twitter.com": "twitter",
    "x.com": "twitter",
    "mobile.twitter.com": "twitter",
    "instagram.com": "instagram",
    "instagr.am": "instagram",
    "threads.net": "threads",
    "threads.com": "threads",
    "bsky.app": "bluesky",
    "tiktok.com": "tiktok",
    "facebook.com": "facebook",
    "fb.com": "facebook",
}
# The host of a URL: "https://www.instagram.com/p/x" -> "www.instagram.com".
_HOST = re.compile(r"(?:https?:)?//(?P<host>[^/?#\s:]{1,253})", re.IGNORECASE)
# A fediverse status URL on any host: "https://social.example/@ada/112233445566".
_STATUS_PATH = re.compile(r"(?:https?:)?//[^/?#\s]{1,253}/@[A-Za-z0-9_.]{1,64}/\d{6,20}(?:[/?#]|$)")
# The platforms' names as a view line writes them.  Example: "Threads".
_PLATFORM_WORDS = {
    "twitter": "twitter",
    "instagram": "instagram",
    "threads": "threads",
    "bluesky": "bluesky",
    "mastodon": "mastodon",
    "tiktok": "tiktok",
    "facebook": "facebook",
}
# A short line that names one platform: "View on Threads", "Voir sur Instagram",
# "Auf Bluesky ansehen", "Open in TikTok", "View post on X".  At most four other words
# around the name, and no sentence end (a sentence of prose is no button).
_VIEW_LINE = re.compile(
    r"(?:[^\W\d_][\w'’]{0,15}[ \t\u00a0]){0,4}"
    r"(?P<word>Twitter|Instagram|Threads|Bluesky|Mastodon|TikTok|Facebook"
    r"|(?<=on[ \t\u00a0])X|(?<=auf[ \t\u00a0])X|(?<=sur[ \t\u00a0])X|(?<=en[ \t\u00a0])X)"
    r"(?:[ \t\u00a0][^\W\d_][\w'’]{0,15}){0,2}[ \t\u00a0]?[→›»↗]?",
    re.IGNORECASE,
)


def platform_of_url(url: str) -> str | None:
    """The platform whose host a link points at, or None.

    >>> platform_of_url("https://x.com/ada/status/1"), platform_of_url("https://a.example/")
    ('twitter', None)
    >>> platform_of_url("https://social.example/@ada/112233445566778899")
    'mastodon'
    """
    found = _HOST.match(url)
    if found is None:
        return None
    host = found["host"].lower()
    for prefix in ("www.", "m."):
        host = host.removeprefix(prefix)
    platform = _HOSTS.get(host)
    if platform is None and _STATUS_PATH.match(url):
        return "mastodon"
    return platform


def view_line_platform(clean: str) -> str | None:
    """The platform a short "View on …" line names, or None for any other line."""
    if len(clean) > 40:
        return None
    found = _VIEW_LINE.fullmatch(clean.strip())
    if found is None:
        return None
    word = found["word"].lower()
    return "twitter" if word == "x" else _PLATFORM_WORDS[word]


def handle_platform(handle: str) -> str | None:
    """The platform a handle's shape alone names: ``user@instance`` is Mastodon's, a name
    under Bluesky's own domain (``ada.bsky.social``) Bluesky's.

    >>> handle_platform("ada@social.example"), handle_platform("ada.bsky.social")
    ('mastodon', 'bluesky')
    >>> handle_platform("ada_example") is None
    True
    """
    if "@" in handle:
        return "mastodon"
    return "bluesky" if handle.lower().endswith(".bsky.social") else None
