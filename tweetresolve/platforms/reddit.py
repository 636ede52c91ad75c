"""Reddit: post and comment permalinks, short links, embed blockquotes, AMP and residue.

Embed forms, newest first:

* ``blockquote.reddit-embed-bq`` (embed.reddit.com ``widgets.js``):
  ``<a>TITLE</a><br> by<a>u/USER</a> in<a>SUB</a>``; comment embeds start
  ``<a href=".../comment/<cid>/">Comment</a>`` and add ``from discussion<a>…</a>``;
* ``blockquote.reddit-card`` (embed.redditmedia.com ``platform.js``): ``<a>TITLE</a> from
  <a>r/SUB</a>``; ``div.reddit-embed`` for the comment embeds of that era;
* ``<amp-reddit data-src>``; iframes on ``embed.reddit.com`` / ``redditmedia.com``.

``post_id`` is the base-36 id of what the permalink targets: the **comment id** when the URL
names a comment, otherwise the **post id**.  Share links (``/r/<sub>/s/<code>``) only redirect
to a post, so they are returned as needing expansion.

>>> ref = REDDIT.parse_url("https://old.reddit.com/r/example/comments/1abc2d/a_title/kx9y8z7/")
>>> (ref.post_id, ref.url)
('kx9y8z7', 'https://www.reddit.com/r/example/comments/1abc2d/comment/kx9y8z7/')
>>> REDDIT.parse_url("https://redd.it/1abc2d").post_id
'1abc2d'
>>> REDDIT.parse_url("https://www.reddit.com/r/example/") is None
True
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice

import attrs

from tweetresolve.html import Element, ParsedPage, element_text, has_class
from tweetresolve.platforms._common import frame_urls, read_apart, without_noscript_copies
from tweetresolve.platforms.base import Candidate
from tweetresolve.records import Author, Post, PostRef

__all__ = ["REDDIT", "Reddit"]

# Subreddit and user names (3–21 / 3–20 chars on today's Reddit; older names are shorter).
_SUB = r"[A-Za-z0-9_]{1,21}"
_USER = r"[A-Za-z0-9_-]{1,20}"
# A base-36 post or comment id.  Example: "tq93vt".
_ID = r"[A-Za-z0-9]{1,13}"

# A post or comment permalink on reddit.com (any subdomain the site serves), or on
# the embed hosts that iframes load.  Comment ids come after the slug
# (/comments/<id>/<slug>/<cid>/) or, on new Reddit, after /comment/.
#   https://www.reddit.com/r/<sub>/comments/<id>/<slug>/[<cid>/]
#   https://www.reddit.com/r/<sub>/comments/<id>/comment/<cid>/
#   https://www.reddit.com/user/<name>/comments/<id>/…     posts on a profile
#   https://www.reddit.com/comments/<id>/…                  no subreddit
#   https://www.reddit.com/gallery/<id>
#   https://www.reddit.com/r/<sub>/s/<code>                 share link: redirects to a post
# Example: "https://www.reddit.com/r/example/comments/1abc2d/a_title/"
POST_URL = re.compile(
    r"""
    ^(?:https?:)?//
    (?:(?:www|old|new|np|m|i|amp|ssl|embed|sh|[a-z]{2})\.)?
    (?:reddit\.com|redditmedia\.com)(?::\d{1,5})?
    (?:
        (?:/r/(?P<sub>"""
    + _SUB
    + r""")|/(?:user|u)/(?P<user>"""
    + _USER
    + r"""))?
        /comments/(?P<id>"""
    + _ID
    + r""")
        (?:
            /comment/(?P<cid>"""
    + _ID
    + r""")
          | /(?P<slug>[^/?\#\s]{0,300})(?:/(?P<cid2>"""
    + _ID
    + r"""))?
        )?
      | /gallery/(?P<gallery>"""
    + _ID
    + r""")
      | /r/(?P<share_sub>"""
    + _SUB
    + r""")/s/(?P<code>[A-Za-z0-9]{1,20})
    )
    (?:[/?\#]|$)
    """,
    re.VERBOSE | re.IGNORECASE,
)

# The short host: redd.it/<post id> (not i.redd.it images or v.redd.it videos).
# Example: "https://redd.it/1abc2d"
SHORT_URL = re.compile(
    r"^(?:https?:)?//redd\.it/(?P<id>[A-Za-z0-9]{1,13})(?:[/?#]|$)", re.IGNORECASE
)

# The byline of a current embed after tag stripping: spaces before the links are lost,
# "by<a>u/USER</a> in<a>SUB</a>" -> " byu/USER inSUB".  Markdown converters keep the
# links: " by[u/USER](…) in[SUB](…)"; get_text("\n") puts every text node on its own
# line: " by\nu/USER\n in\nSUB".  Comment embeds add " from discussion …" between.
# The byline starts a line (the embed has <br> before it) or follows the title on the
# same line; see Reddit.find_in_text for when a spaced "by u/" counts.
# Example: " byu/ada_example inexample"
BYLINE = re.compile(
    r"""
    (?:^|(?<=[ \t]))[ \t>]{0,8}
    (?P<by>by)(?:[ \t]*\r?\n[ \t]*|[ \t]?)\[?u/(?P<user>"""
    + _USER
    + r""")\]?(?:\([^()\s]{1,2048}\))?
    (?P<discussion>[ \t]{0,4}from[ ]discussion[^\n]{0,400})?
    (?:\r?\n[ \t>]{0,8}|[ \t]{1,4})
    in(?:[ \t]*\r?\n[ \t]*|[ \t]?)\[?(?:r/)?(?P<sub>"""
    + _SUB
    + r""")\]?(?:\([^()\s]{1,2048}\))?[ \t]*$
    """,
    re.VERBOSE | re.MULTILINE,
)

# The legacy card after tag stripping: one line "TITLE from r/SUB" (or "from u/USER" for a
# profile post).  Example: "An example title from r/example"
CARD_LINE = re.compile(
    r"^[ \t>]{0,8}(?P<title>\S[^\n]{0,300}?)[ \t]+from[ \t]+\[?(?P<kind>[ru])/(?P<name>"
    + _SUB
    + r")\]?(?:\([^()\s]{1,2048}\))?[ \t]*$",
    re.MULTILINE,
)

# The legacy card through get_text("\n"): the title, " from " and "r/SUB" on three lines.
# Example: "An example title\n from \nr/example"
CARD_LINES = re.compile(
    r"^[ \t>]{0,8}(?P<title>\S[^\n]{0,300})\r?\n[ \t]*from[ \t]*\r?\n[ \t]*"
    r"(?P<kind>[ru])/(?P<name>" + _SUB + r")[ \t]*$",
    re.MULTILINE,
)

# Prefilters: the literal core that every BYLINE / CARD_LINE / CARD_LINES match holds.
# They start with a literal, which the regex engine finds fast; the full patterns,
# which must be tried at every line start or space, run only when their core is there.
# Examples: "by u/ada_example", "byu/ada", "from r/example", "from\nr/example".
_BYLINE_CORE = re.compile(r"by(?:[ \t]*\r?\n[ \t]*|[ \t]?)\[?u/")
_CARD_CORE = re.compile(r"from[ \t]*(?:\r?\n[ \t]*)?\[?[ru]/")

# A Markdown link "[text](url)" filling a line: the title line of a converted embed.
# Example: "[An example title](https://www.reddit.com/r/example/comments/1abc2d/x/)"
_MARKDOWN_LINK = re.compile(r"^\[(?P<text>[^\]\n]{0,400})\]\((?P<href>[^()\s]{1,2048})\)$")

# Links read from one embed container.
_MAX_ANCHORS = 16
# The legacy embed host, whose iframes load a post page.
_MEDIA = "redditmedia.com/"
# Classes of the embed containers, current and legacy.
_EMBED_CLASSES = ("reddit-embed-bq", "reddit-card", "reddit-embed")


class Reddit:
    """The Reddit platform."""

    name = "reddit"
    markers: tuple[str, ...] = (
        "reddit-embed",
        "reddit-card",
        "amp-reddit",
        "embed.reddit.com/r/",
        "redditmedia.com/r/",
    )
    text_markers: tuple[str, ...] = (
        "byu/",
        "by u/",
        "by[u/",
        " from r/",
        " from u/",
        " from [r/",
        " from [u/",
        # get_text("\n") separates every text node: "by\nu/USER", " from \nr/SUB".
        "by\nu/",
        "by\r\nu/",
        "\nr/",
        "\nu/",
    )

    def parse_url(self, url: str) -> PostRef | None:
        """Parse a post or comment permalink, a ``redd.it`` short link or a share link."""
        short = SHORT_URL.match(url)
        if short is not None:
            post_id = short["id"].lower()
            return PostRef(
                platform=self.name,
                post_id=post_id,
                url=f"https://www.reddit.com/comments/{post_id}/",
            )
        match = POST_URL.match(url)
        if match is None:
            return None
        if match["code"]:
            # A share link: only the redirect tells which post it is.
            return PostRef(
                platform=self.name, url=match.group().rstrip("/?#"), needs_expansion=True
            )
        if match["gallery"]:
            post_id = match["gallery"].lower()
            return PostRef(
                platform=self.name,
                post_id=post_id,
                url=f"https://www.reddit.com/comments/{post_id}/",
            )
        post_id = match["id"].lower()
        comment = (match["cid"] or match["cid2"] or "").lower()
        if match["sub"]:
            base = f"https://www.reddit.com/r/{match['sub']}/comments/{post_id}/"
        elif match["user"]:
            base = f"https://www.reddit.com/user/{match['user']}/comments/{post_id}/"
        else:
            base = f"https://www.reddit.com/comments/{post_id}/"
        return PostRef(
            platform=self.name,
            post_id=comment or post_id,
            handle=match["user"],
            url=f"{base}comment/{comment}/" if comment else base,
        )

    def find_in_html(self, page: ParsedPage) -> Iterator[Candidate]:
        """Yield embed blockquotes (current and legacy), AMP components and embed iframes."""
        return iter(without_noscript_copies(list(self._candidates(page))))

    def _candidates(self, page: ParsedPage) -> Iterator[Candidate]:
        containers = [
            container
            for container in page.xpath("//*[contains(@class, 'reddit-')]")
            if container.tag not in {"iframe", "a"}
            and any(has_class(container, cls) for cls in _EMBED_CLASSES)
        ]
        yield from read_apart(containers, lambda container: self._from_container(page, container))
        for amp in page.xpath("//amp-reddit[@data-src]"):
            ref = self.parse_url(page.absolute(amp.get("data-src")) or "")
            if ref is not None and ref.post_id:
                yield Candidate(amp, self._post(ref, form="amp"))
        for frame in page.xpath("//iframe"):
            urls = (u for u in frame_urls(page, frame) if "embed.reddit.com/" in u or _MEDIA in u)
            ref = next(filter(None, map(self.parse_url, urls)), None)
            if ref is None or not ref.post_id:
                continue
            parent = frame.getparent()
            rendered = parent is not None and any(has_class(parent, c) for c in _EMBED_CLASSES)
            yield Candidate(frame, self._post(ref, form="rendered" if rendered else "iframe"))

    def find_in_text(self, text: str) -> Iterator[Post]:
        """Yield embeds whose ``Title / byu/USER inSUB`` or ``Title from r/SUB`` residue remains."""
        found = [*self._bylines(text), *self._cards(text)]
        found.sort(key=lambda post: post.span[0] if post.span else -1)
        return iter(found)

    def _bylines(self, text: str) -> Iterator[Post]:
        if _BYLINE_CORE.search(text) is None:
            return
        for match in BYLINE.finditer(text):
            line_start = text.rfind("\n", 0, match.start()) + 1
            before = text[line_start : match.start()].strip(" \t>")
            glued = text[match.end("by") : match.end("by") + 1] in {"u", "["}
            if before and not glued:
                # "… posted by u/name in sub" in running prose, not an embed's byline.
                continue
            title_start: int | None
            ref: PostRef | None = None
            if before:
                title, title_start = _title(before), line_start
                linked = _MARKDOWN_LINK.match(before)
                if linked is not None:
                    ref = self.parse_url(linked["href"])
            else:
                title, ref, title_start = _line_before(text, line_start)
            if match["discussion"]:
                # A comment embed: the line before reads "Comment", not a title.
                title = None
            start = title_start if title_start is not None else match.start("by")
            yield self._residue_post(ref, title, match["user"], (start, match.end()))

    def _cards(self, text: str) -> Iterator[Post]:
        if _CARD_CORE.search(text) is None:
            return
        for match in [*CARD_LINE.finditer(text), *CARD_LINES.finditer(text)]:
            title = match["title"].strip()
            ref: PostRef | None = None
            linked = _MARKDOWN_LINK.match(title)
            if linked is not None:
                title, ref = linked["text"].strip(), self.parse_url(linked["href"])
            user = match["name"] if match["kind"].lower() == "u" else None
            yield self._residue_post(ref, title or None, user, (match.start("title"), match.end()))

    # --- helpers ---------------------------------------------------------------------

    def _post(self, ref: PostRef, *, form: str) -> Post:
        author = Author(handle=ref.handle, url=_user_url(ref.handle)) if ref.handle else None
        return Post(platform=self.name, post_id=ref.post_id, url=ref.url, author=author, form=form)

    def _residue_post(
        self, ref: PostRef | None, title: str | None, user: str | None, span: tuple[int, int]
    ) -> Post:
        author = Author(handle=user, url=_user_url(user)) if user else None
        return Post(
            platform=self.name,
            post_id=ref.post_id if ref else None,
            url=ref.url if ref else None,
            author=author,
            text=title,
            form="text",
            span=span,
        )

    def _from_container(self, page: ParsedPage, container: Element) -> Post | None:
        # An embed holds three or four links; a bounded look keeps nested markup linear.
        anchors = list(islice((a for a in container.iter("a") if a.get("href")), _MAX_ANCHORS))
        ref = None
        first = None
        for anchor in anchors:
            ref = self.parse_url(page.absolute(anchor.get("href")) or "")
            if ref is not None and ref.post_id:
                first = anchor
                break
        if ref is None or first is None:
            return None
        title = element_text(first) or None
        is_comment = ref.url is not None and "/comment/" in ref.url
        if is_comment and title and title.lower() == "comment":
            # The comment embed's first link is the word "Comment", not a title.
            title = None
        user = None
        for anchor in anchors:
            shown = element_text(anchor)
            if shown.startswith("u/") and anchor is not first:
                user = shown[2:].strip() or None
                break
        post = self._post(ref, form="blockquote")
        author = Author(handle=user, url=_user_url(user)) if user else post.author
        return attrs.evolve(post, author=author, text=title)


def _line_before(text: str, pos: int) -> tuple[str | None, PostRef | None, int | None]:
    """The non-empty line before ``pos``: ``(title, permalink if it is a link, start)``."""
    end = pos
    while end > 0 and text[end - 1] in "\r\n \t":
        end -= 1
    if end == 0:
        return None, None, None
    start = text.rfind("\n", 0, end) + 1
    if end - start > 400:
        return None, None, None
    line = text[start:end].strip().lstrip("> ").strip()
    linked = _MARKDOWN_LINK.match(line)
    if linked is not None:
        return _title(line), REDDIT.parse_url(linked["href"]), start
    return line or None, None, start


def _title(line: str) -> str | None:
    """A title line as shown: the text of a Markdown link, else the line itself."""
    linked = _MARKDOWN_LINK.match(line)
    title = linked["text"] if linked is not None else line
    return title.strip() or None


def _user_url(user: str | None) -> str | None:
    return f"https://www.reddit.com/user/{user}/" if user else None


REDDIT = Reddit()
