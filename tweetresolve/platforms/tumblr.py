"""Tumblr: post permalinks, the ``div.tumblr-post`` placeholder and its rendered iframe.

The embed code is a placeholder that ``assets.tumblr.com/post.js`` fills in:
``<div class="tumblr-post" data-href="https://embed.tumblr.com/embed/post/<token>/<id>"
data-did="…"><a href="https://<blog>.tumblr.com/post/<id>">…</a></div>``.  The script
replaces it with an iframe on ``embed.tumblr.com``; AMP pages load that page in an
``amp-iframe``.  The only residue is the bare post URL.

Tumblr post ids are unique across all blogs, so ``post_id`` is the numeric id alone and
the blog name goes to ``Author.handle``: the placeholder's ``data-href`` (which names no
blog) and a permalink to the same post then agree.

>>> ref = TUMBLR.parse_url("https://ada-example.tumblr.com/post/145429050241/a-slug")
>>> (ref.post_id, ref.handle, ref.url)
('145429050241', 'ada-example', 'https://ada-example.tumblr.com/post/145429050241')
>>> TUMBLR.parse_url("https://ada-example.tumblr.com/") is None
True
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice

from tweetresolve.html import Element, ParsedPage, has_class
from tweetresolve.platforms._common import frame_urls, without_noscript_copies
from tweetresolve.platforms.base import Candidate
from tweetresolve.records import Author, Post, PostRef

__all__ = ["TUMBLR", "Tumblr"]

# A post on a blog's own subdomain (/post/ or the older /image/ page), or on the
# www.tumblr.com blog view.  Example: "https://ada-example.tumblr.com/post/145429050241/slug"
BLOG_POST_URL = re.compile(
    r"^(?:https?:)?//(?P<blog>[A-Za-z0-9][A-Za-z0-9-]{0,31})\.tumblr\.com(?::\d{1,5})?"
    r"/(?:post|image)/(?P<id>[0-9]{1,20})(?:[/?#]|$)",
    re.IGNORECASE,
)

# The blog view on the main host: www.tumblr.com/<blog>/<id>[/slug]; old dashboard links
# spell it /blog/view/<blog>/<id>.  Example: "https://www.tumblr.com/ada-example/145429050241"
WWW_POST_URL = re.compile(
    r"^(?:https?:)?//(?:www\.)?tumblr\.com(?::\d{1,5})?/(?:blog/view/)?"
    r"(?P<blog>[A-Za-z0-9][A-Za-z0-9-]{0,31})/(?P<id>[0-9]{6,20})(?:[/?#]|$)",
    re.IGNORECASE,
)

# The embed page the placeholder names and the rendered iframe loads.
# Example: "https://embed.tumblr.com/embed/post/k33lX6gULMz1j_FK_w_a1g/145429050241"
EMBED_URL = re.compile(
    r"^(?:https?:)?//embed\.tumblr\.com/embed/post/(?P<token>[A-Za-z0-9_-]{1,64})"
    r"/(?P<id>[0-9]{1,20})(?:[/?#]|$)",
    re.IGNORECASE,
)

# A post path on a blog's custom domain, read only inside a Tumblr placeholder (on its
# own it could be any site's URL).  Example: "https://blog.example.com/post/145429050241"
CUSTOM_DOMAIN_POST_URL = re.compile(
    r"^(?:https?:)?//(?P<host>[A-Za-z0-9.-]{1,253})(?::\d{1,5})?/post/(?P<id>[0-9]{6,20})"
    r"(?:[/?#]|$)",
    re.IGNORECASE,
)

# Links read from one placeholder (it holds one); bounded for nested hostile markup.
_MAX_ANCHORS = 16
# Subdomains of tumblr.com that are services, not blogs.
_NOT_BLOGS = frozenset({"www", "embed", "assets", "api", "static", "media", "secure", "help"})
# First path segments of www.tumblr.com that are pages, not blogs.
_NOT_BLOG_PATHS = frozenset(
    {
        "blog",
        "dashboard",
        "explore",
        "tagged",
        "search",
        "settings",
        "likes",
        "following",
        "inbox",
        "new",
        "communities",
        "login",
        "register",
        "about",
        "policy",
        "docs",
        "oauth",
        "widgets",
        "share",
        "reblog",
        "privacy",
        "help",
        "apps",
        "buttons",
        "logo",
        "jobs",
    }
)


class Tumblr:
    """The Tumblr platform."""

    name = "tumblr"
    markers: tuple[str, ...] = ("tumblr-post", "embed.tumblr.com/embed/post")
    text_markers: tuple[str, ...] = ()

    def parse_url(self, url: str) -> PostRef | None:
        """Parse a blog post permalink or an ``embed.tumblr.com`` embed URL."""
        match = BLOG_POST_URL.match(url)
        if match is not None and match["blog"].lower() not in _NOT_BLOGS:
            return self._ref(match["id"], match["blog"].lower())
        match = WWW_POST_URL.match(url)
        if match is not None and match["blog"].lower() not in _NOT_BLOG_PATHS:
            return self._ref(match["id"], match["blog"].lower())
        match = EMBED_URL.match(url)
        if match is not None:
            return self._ref(match["id"], None, embed_url=match.group().rstrip("/?#"))
        return None

    def find_in_html(self, page: ParsedPage) -> Iterator[Candidate]:
        """Yield placeholders, rendered iframes and AMP iframes."""
        return iter(without_noscript_copies(list(self._candidates(page))))

    def _candidates(self, page: ParsedPage) -> Iterator[Candidate]:
        for holder in page.xpath("//*[contains(@class, 'tumblr-post')][not(self::iframe)]"):
            if not has_class(holder, "tumblr-post"):
                continue
            post = self._from_placeholder(page, holder)
            if post is not None:
                yield Candidate(holder, post)
        for frame in page.xpath("//iframe | //amp-iframe"):
            urls = (u for u in frame_urls(page, frame) if EMBED_URL.match(u))
            ref = next(filter(None, map(self.parse_url, urls)), None)
            if ref is None:
                continue
            if frame.tag == "amp-iframe":
                form = "amp"
            elif has_class(frame, "tumblr-embed"):
                form = "rendered"
            else:
                form = "iframe"
            yield Candidate(frame, self._post(ref, form=form))

    def find_in_text(self, text: str) -> Iterator[Post]:
        """The residue is the bare permalink, found by the generic link scan."""
        return iter(())

    # --- helpers ---------------------------------------------------------------------

    def _ref(self, post_id: str, blog: str | None, *, embed_url: str | None = None) -> PostRef:
        post_id = post_id.lstrip("0") or "0"
        url = f"https://{blog}.tumblr.com/post/{post_id}" if blog else embed_url
        return PostRef(platform=self.name, post_id=post_id, handle=blog, url=url)

    def _post(self, ref: PostRef, *, form: str) -> Post:
        author = (
            Author(handle=ref.handle, url=f"https://{ref.handle}.tumblr.com/")
            if ref.handle
            else None
        )
        return Post(platform=self.name, post_id=ref.post_id, url=ref.url, author=author, form=form)

    def _from_placeholder(self, page: ParsedPage, holder: Element) -> Post | None:
        embed = self.parse_url(page.absolute(holder.get("data-href")) or "")
        for anchor in islice(holder.iter("a"), _MAX_ANCHORS):
            href = page.absolute(anchor.get("href")) or ""
            link = self.parse_url(href)
            if link is None:
                custom = CUSTOM_DOMAIN_POST_URL.match(href)
                if custom is not None:
                    # A blog on its own domain: the id is still Tumblr's.
                    link = PostRef(
                        platform=self.name,
                        post_id=custom["id"].lstrip("0") or "0",
                        url=custom.group().rstrip("/?#"),
                    )
            if link is not None and (embed is None or link.post_id == embed.post_id):
                # The inner link names the blog; prefer its permalink.
                return self._post(link, form="script")
        return self._post(embed, form="script") if embed is not None else None


TUMBLR = Tumblr()
