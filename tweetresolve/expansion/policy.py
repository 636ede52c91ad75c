"""Per-host behaviour: which User-Agent to send, and which hosts are shorteners.

Shorteners answer differently depending on who asks.  t.co sends a browser an
HTML page that redirects by script, and sends any other client a plain ``301``;
fb.me does the opposite and sends non-browsers to an "unsupported browser" page.
So the User-Agent is chosen per host.

>>> user_agent_for("t.co", default=BROWSER_USER_AGENT) == DEFAULT_USER_AGENT
True
>>> user_agent_for("example.com", default="mine/1.0")
'mine/1.0'
>>> user_agent_for("fb.me", default="mine/1.0") == BROWSER_USER_AGENT
True
>>> is_shortener("bit.ly") and not is_shortener("example.com")
True
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from tweetresolve.expansion.canonical import host_matches

__all__ = [
    "BROWSER_USER_AGENT",
    "DEFAULT_USER_AGENT",
    "HOST_USER_AGENTS",
    "SHORTENER_HOSTS",
    "is_shortener",
    "user_agent_for",
]

#: What tweetresolve calls itself by default: a plain, honest client name.
DEFAULT_USER_AGENT: Final = "tweetresolve (+https://github.com/tweetresolve/tweetresolve)"

#: A current desktop browser, for the hosts that refuse anything else.
BROWSER_USER_AGENT: Final = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36"
)

#: Hosts (and their subdomains) that need a specific User-Agent.
HOST_USER_AGENTS: Final[Mapping[str, str]] = {
    # A browser gets a 200 page with a script redirect; plain clients get a 301,
    # so t.co always hears the plain name, even when the caller's default differs.
    "t.co": DEFAULT_USER_AGENT,
    # Without a browser User-Agent these land on facebook.com/unsupportedbrowser.
    "fb.me": BROWSER_USER_AGENT,
    "fb.watch": BROWSER_USER_AGENT,
    "on.fb.me": BROWSER_USER_AGENT,
}

#: Well-known link shorteners (matched with their subdomains).  A page from one of
#: these that is not a redirect is an interstitial whose target we must find.
SHORTENER_HOSTS: Final = frozenset(
    {
        "t.co", "bit.ly", "bitly.com", "j.mp", "lnkd.in", "ow.ly", "ht.ly", "owl.li",
        "buff.ly", "tinyurl.com", "goo.gl", "fb.me", "is.gd", "v.gd", "dlvr.it",
        "ift.tt", "trib.al", "amzn.to", "youtu.be", "tiny.cc", "rebrand.ly", "cutt.ly",
        "shorturl.at", "rb.gy", "t.ly", "s.id", "qr.ae", "wp.me", "flip.it", "po.st",
        "soo.gd", "bl.ink", "dub.sh", "shor.by", "linktr.ee", "vm.tiktok.com",
        "vt.tiktok.com", "redd.it", "spoti.fi", "apple.co", "nyti.ms", "wapo.st",
        "bbc.in", "reut.rs", "cnn.it", "econ.st", "on.wsj.com", "bloom.bg", "politi.co",
        "hill.cm", "npr.ms", "gu.com", "ab.co", "tcrn.ch", "engt.co", "mol.im",
    }
)  # fmt: skip


def user_agent_for(host: str, *, default: str, overrides: Mapping[str, str] | None = None) -> str:
    """Return the User-Agent to send to ``host``.

    ``overrides`` (lower-case host → User-Agent) is consulted before the built-in
    :data:`HOST_USER_AGENTS`; within a table the longest matching host wins.
    """
    for table in (overrides or {}, HOST_USER_AGENTS):
        # Try "a.b.example", then "b.example", then "example": longest first.
        name = host.lower().rstrip(".")
        while table:
            if name in table:
                return table[name]
            dot = name.find(".")
            if dot < 0:
                break
            name = name[dot + 1 :]
    return default


def is_shortener(host: str) -> bool:
    """Tell whether ``host`` belongs to a well-known link shortener."""
    return host_matches(host, SHORTENER_HOSTS)
