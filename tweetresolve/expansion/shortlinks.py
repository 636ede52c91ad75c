"""Which links are short links or redirect wrappers, worth expanding by default.

``resolve()`` expands only these unless asked for every link: a profile, hashtag
or article link already is where it leads, and requesting it costs time and
tells the site who is reading.

>>> is_short_link("https://t.co/AbCdEf1234")
True
>>> is_short_link("https://www.google.com/url?q=https://example.com/a")
True
>>> is_short_link("https://example.com/story")
False
>>> is_short_link("https://twitter.com/hashtag/ferries")
False
>>> is_short_link("bit.ly/abc")
True
"""

from __future__ import annotations

from typing import Final
from urllib.parse import urlsplit

from tweetresolve.expansion._shortener_table import KNOWN_SHORTENER_DOMAINS
from tweetresolve.expansion.canonical import host_matches
from tweetresolve.expansion.inputs import with_scheme
from tweetresolve.expansion.offline import WRAPPER_HOSTS, destination
from tweetresolve.expansion.policy import SHORTENER_HOSTS
from tweetresolve.expansion.redirects import INTERSTITIAL_HOSTS, url_interstitial_target

__all__ = ["SHORT_LINK_HOSTS", "is_short_link"]

# Twitter's media links: pic.twitter.com/<id> leads to the tweet the media belongs to.
_MEDIA_LINK_HOSTS: Final = frozenset({"pic.twitter.com", "pic.x.com"})

#: Every host (matched with its subdomains) whose links are expanded by default:
#: the built-in shorteners, urlExpander's list, Twitter's media links, redirect
#: wrappers and the shorteners whose warning pages are read.
SHORT_LINK_HOSTS: Final = frozenset(
    SHORTENER_HOSTS | KNOWN_SHORTENER_DOMAINS | _MEDIA_LINK_HOSTS | WRAPPER_HOSTS
) | frozenset(INTERSTITIAL_HOSTS)


def is_short_link(url: str) -> bool:
    """Tell whether ``url`` is a short link or a redirect wrapper (by its host or form)."""
    if not isinstance(url, str):
        return False
    text = with_scheme(url.strip())  # "bit.ly/abc", as written in text
    try:
        host = (urlsplit(text).hostname or "").rstrip(".")
    except ValueError:
        return False
    if host and host_matches(host, SHORT_LINK_HOSTS):
        return True
    return destination(text) is not None or url_interstitial_target(text) is not None
