"""URL normal forms: a cache key, and a display form without tracking parameters.

Two different jobs, kept apart on purpose:

* :func:`normalize_url` is lossless: it only rewrites what cannot change what a
  server answers (case of scheme and host, IDNA, default port, empty path).  It is
  the cache and de-duplication key.
* :func:`canonicalize` also drops tracking parameters, conservatively: the global
  per-click and campaign trackers everywhere, and short generic names (``s``,
  ``t``, ``si``, ``ref_src`` …) only on the sites known to use them for tracking.
  Parameter order and repeated keys are kept, because reordering can change a
  page.

>>> canonicalize("https://Example.COM:443/a?utm_source=x&id=7&fbclid=abc#top")
'https://example.com/a?id=7#top'
>>> canonicalize("https://x.com/ada_example/status/20?s=20&t=AbC")
'https://x.com/ada_example/status/20'
>>> canonicalize("https://www.youtube.com/watch?v=abc&t=42&si=XYZ")
'https://www.youtube.com/watch?v=abc&t=42'
>>> canonicalize("https://example.com/search?s=shoes&t=1")
'https://example.com/search?s=shoes&t=1'
"""

from __future__ import annotations

import contextlib
import re
from typing import Final
from urllib.parse import SplitResult, urlsplit, urlunsplit

__all__ = ["canonicalize", "host_matches", "normalize_url"]

_DEFAULT_PORTS: Final = {"http": 80, "https": 443}

# Per-click identifiers and campaign tags stripped on every host.  Sources: Brave's
# query filter (kSimpleQueryStringTrackers) and ClearURLs' global rules.  Generic
# words (ref, source, id, session) are deliberately absent: sites use them for real.
_GLOBAL_TRACKERS: Final = frozenset(
    {
        "__hsfp", "__hssc", "__hstc", "__s", "_bhlid", "_branch_match_id",
        "_branch_referrer", "_ga", "_gl", "_hsenc", "_hsmi", "_kx", "_openstat",
        "at_recipient_id", "at_recipient_list", "bbeml", "bsft_clkid", "bsft_uid",
        "dclid", "et_rid", "fb_action_ids", "fb_action_types", "fb_comment_id",
        "fb_ref", "fb_source", "fbclid", "gbraid", "gclid", "gclsrc",
        "guce_referrer", "guce_referrer_sig", "hsctatracking", "irclickid",
        "mc_cid", "mc_eid", "ml_subscriber", "ml_subscriber_hash", "msclkid",
        "oly_anon_id", "oly_enc_id", "pk_cid", "rb_clickid", "s_cid",
        "sc_customer", "sc_eh", "sc_uid", "srsltid", "ss_email_id", "twclid",
        "unicorn_click_id", "vero_conv", "vero_id", "wbraid", "wickedid",
        "yclid", "ymclid", "ysclid", "__twitter_impression",
    }
)  # fmt: skip

# Campaign-tag families stripped everywhere by prefix (utm_source, mtm_campaign …).
_GLOBAL_PREFIXES: Final = ("utm_", "mtm_", "ga_", "oft_")

# Short or generic parameter names that are trackers only on these sites.  Sources:
# Brave kScopedQueryStringTrackers and ClearURLs provider rules.  YouTube's ``t`` is
# a timestamp and stays.
_SCOPED_TRACKERS: Final[tuple[tuple[tuple[str, ...], frozenset[str]], ...]] = (
    (("twitter.com", "x.com"), frozenset({"s", "t", "ref_src", "ref_url", "cn", "src"})),
    (("youtube.com", "youtu.be"), frozenset({"si", "feature", "pp", "kw", "ab_channel"})),
    (("instagram.com",), frozenset({"igsh", "igshid", "img_index"})),
    (("threads.net", "threads.com"), frozenset({"igsh", "igshid", "xmt", "slof"})),
    (("facebook.com", "fb.watch"), frozenset({"mibextid", "__tn__", "__cft__", "hc_ref", "fref"})),
    (("linkedin.com",), frozenset({"trk", "trackingid", "refid", "lipi", "licu"})),
    (("open.spotify.com",), frozenset({"si"})),
    (
        ("tiktok.com",),
        frozenset(
            {
                "_t",
                "_r",
                "u_code",
                "share_app_name",
                "share_iid",
                "is_from_webapp",
                "sender_device",
                "sender_web_id",
                "is_copy_url",
                "share_link_id",
            }
        ),
    ),
    (("reddit.com",), frozenset({"share_id", "ref_source", "ref_campaign", "rdt"})),
    (("medium.com",), frozenset({"source"})),
)

# ``mkt_tok`` (Marketo) is also an unsubscribe token on email-preference pages.
_MKT_TOK_KEEP_RE: Final = re.compile(r"unsubscribe|emailwebview", re.IGNORECASE)
# Example: "/unsubscribe?mkt_tok=abc" keeps the token.


def host_matches(host: str, domains: tuple[str, ...] | frozenset[str]) -> bool:
    """Tell whether ``host`` is one of ``domains`` or a subdomain of one.

    >>> host_matches("mobile.twitter.com", ("twitter.com",))
    True
    >>> host_matches("nottwitter.com", ("twitter.com",))
    False
    """
    host = host.lower().rstrip(".")
    if isinstance(domains, frozenset):
        # One set lookup per label suffix: "a.b.example" -> "b.example" -> "example".
        while host not in domains:
            dot = host.find(".")
            if dot < 0:
                return False
            host = host[dot + 1 :]
        return True
    return any(host == d or host.endswith("." + d) for d in domains)


def _ascii_netloc(parts: SplitResult) -> str:
    host = parts.hostname or ""
    with contextlib.suppress(UnicodeError):
        host = host.encode("idna").decode("ascii") if not host.isascii() else host
    if ":" in host:
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:
        port = None
    if port is not None and port != _DEFAULT_PORTS.get(parts.scheme.lower()):
        host = f"{host}:{port}"
    userinfo = parts.netloc.rpartition("@")[0] if "@" in parts.netloc else ""
    return f"{userinfo}@{host}" if userinfo else host


def normalize_url(url: str) -> str:
    """Return the lossless normal form of ``url`` (the cache key).

    >>> normalize_url("HTTP://Bit.LY:80?x=1")
    'http://bit.ly/?x=1'
    >>> normalize_url("https://t.co/AbC")
    'https://t.co/AbC'
    """
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url
    if not parts.netloc:
        return url
    scheme = parts.scheme.lower()
    return urlunsplit(
        (scheme, _ascii_netloc(parts), parts.path or "/", parts.query, parts.fragment)
    )


def _is_tracker(name: str, host: str, path: str, scoped: frozenset[str]) -> bool:
    key = name.lower()
    if key == "mkt_tok":
        return _MKT_TOK_KEEP_RE.search(path) is None
    if key in _GLOBAL_TRACKERS or key.startswith(_GLOBAL_PREFIXES):
        return True
    return key in scoped


def canonicalize(url: str) -> str:
    """Return ``url`` in normal form with tracking parameters removed.

    Anything that is not an absolute URL is returned unchanged.

    >>> canonicalize("https://www.instagram.com/p/AbC/?igsh=MTk=")
    'https://www.instagram.com/p/AbC/'
    >>> canonicalize("https://example.com/?igsh=1&ref=home")
    'https://example.com/?igsh=1&ref=home'
    >>> canonicalize("not a url")
    'not a url'
    """
    if not isinstance(url, str):
        raise TypeError(f"canonicalize() expects a str, got {type(url).__name__}")
    normal = normalize_url(url)
    try:
        parts = urlsplit(normal)
    except ValueError:
        return url
    if not parts.netloc or not parts.query:
        return normal
    host = (parts.hostname or "").lower()
    scoped: frozenset[str] = frozenset().union(
        *(names for domains, names in _SCOPED_TRACKERS if host_matches(host, domains))
    )
    kept = [
        pair
        for pair in parts.query.split("&")
        if pair.strip() and not _is_tracker(pair.split("=", 1)[0], host, parts.path, scoped)
    ]
    # normalize_url strips surrounding white space, so the result must not end in
    # any: canonicalize(canonicalize(u)) == canonicalize(u).
    return urlunsplit(parts._replace(query="&".join(kept))).rstrip()
