"""Instagram: shortcode permalinks, embed snippets of every generation, AMP, feed widgets, residue.

The publish snippet is a ``blockquote.instagram-media`` whose permalink sits in
``data-instgrm-permalink`` (v12 and later) or in its inner links (v7).  Its byline reads
``A post shared by NAME (@handle)`` in the language of whoever copied the code, followed
until v12 by ``on <time datetime="…">…</time>``; a captioned snippet (v7, or
``data-instgrm-captioned``) carries the caption in a ``<p>`` above the byline.
``embed.js`` renders it into ``iframe.instagram-media-rendered`` pointing at
``/p/CODE/embed/``; AMP pages use ``amp-instagram[data-shortcode]``.

The post id is the shortcode, the media id written in URL-safe base64, whose top
bits are a millisecond clock: :func:`~tweetresolve.idtime.instagram_time` decodes it
(shared with Threads, whose post codes use the same scheme).

>>> ref = INSTAGRAM.parse_url("https://www.instagram.com/p/ByxilPNJK3M/?utm_source=ig_embed")
>>> (ref.platform, ref.post_id, ref.url)
('instagram', 'ByxilPNJK3M', 'https://www.instagram.com/p/ByxilPNJK3M/')
>>> INSTAGRAM.parse_url("https://www.instagram.com/ada_example/") is None
True
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

import lxml.etree

from tweetresolve.dates import find_date, parse_date
from tweetresolve.html import Element, ParsedPage, element_text, has_class
from tweetresolve.idtime import instagram_time
from tweetresolve.platforms._common import (
    contains,
    frame_urls,
    outermost,
    read_apart,
    without_noscript_copies,
)
from tweetresolve.platforms.base import Candidate
from tweetresolve.records import Author, Link, Post, PostRef, published_utc
from tweetresolve.text.cards import with_card_posts
from tweetresolve.text.dialects import INSTAGRAM_RESIDUE

__all__ = ["BYLINE", "INSTAGRAM", "Instagram", "canonical_url"]

# A post permalink: /p/, /reel/, /reels/ or /tv/ with an optional /<username>/ before it,
# on instagram.com (any of www., m.) or the instagr.am short host.  The shortcode is
# URL-safe base64; old ones are 5-10 chars, current ones 11, private ones longer.
# Sources: iframely instagram.com.js, the oEmbed provider registry (embeds.md §3.3).
# "/reels/audio/<id>/" is a sound's page, not a reel.
# Example: "https://www.instagram.com/ada_example/p/CZIALixI8FH/embed/captioned/?cr=1"
POST_URL = re.compile(
    r"""
    ^(?:https?:)?//
    (?:(?:www|m)\.)?
    (?:instagram\.com|instagr\.am)
    (?::\d{1,5})?
    /(?:[A-Za-z0-9._]{1,30}/)?
    (?P<kind>p|reels?|tv)
    /(?!audio(?:[/?\#]|$))(?P<code>[A-Za-z0-9_-]{5,64})
    (?:[/?#]|$)
    """,
    re.VERBOSE | re.IGNORECASE,
)

# A shortcode on its own (``amp-instagram[data-shortcode]``), the same alphabet and
# length as in POST_URL.  Example: "CA_cG-LD4mc".
SHORTCODE = re.compile(r"[A-Za-z0-9_-]{5,64}")

# A profile link as the v12 byline writes it: the account name links to the profile.
# Example: "https://www.instagram.com/ada.example/?utm_source=ig_embed"
PROFILE_URL = re.compile(
    r"^(?:https?:)?//(?:(?:www|m)\.)?instagram\.com/(?P<user>[A-Za-z0-9._]{1,30})/?(?:[?#]|$)",
    re.IGNORECASE,
)

# The attribution line of a snippet, in the UI languages seen in real snippets (en, de,
# fr, es; embeds.md §3.1), plus, unconfirmed, the older "A photo posted by" wording and
# it/pt/nl strings of the same "PREFIX NAME (@handle)" order.  The name may
# hold parentheses ("Ada (she/her) (@ada)"), so it ends at the last "(@handle)"; a
# scraped handle may carry a stray space ("@ada. example").  Bounded: 300 chars of name,
# which starts and ends with a non-space so that the spaces around it belong to one
# quantifier only (a run of spaces does not multiply the ways to split it).
# Example: "Ein Beitrag geteilt von Ada Example (@ada.example) am 23. Okt 2017 um 0:31 Uhr"
BYLINE = re.compile(
    r"""
    (?P<prefix>
        A\ (?:post|photo|video)\ (?:shared|posted)\ by
      | Ein\ Beitrag\ geteilt\ von
      | Une\ publication\ partag[ée]e\ par
      | Una\ publicaci[óo]n\ compartida\ (?:de|por)
      | Un\ post\ condiviso\ da
      | Uma\ publica[çc][ãa]o\ (?:compartilhada|partilhada)\ por
      | Een\ bericht\ gedeeld\ door
    )
    \s{0,40}
    (?P<name>(?:\S(?:[^\n]{0,298}?\S)?)?)
    \s{0,40}
    \(\s?@\s?(?P<handle>[A-Za-z0-9._]{1,30}(?:\ [A-Za-z0-9._]{1,29})?)\s?\)
    """,
    re.VERBOSE | re.IGNORECASE,
)

# The "View this post on Instagram" line of v12+ snippets, never part of the caption:
# en, de, es as seen in real snippets (embeds.md §3.1), fr, it, pt, nl unconfirmed.
# Example: "Sieh dir diesen Beitrag auf Instagram an"
VIEW_LINE = re.compile(
    r"""
    ^(?:View\ this\ post\ on|Sieh\ dir\ diesen\ Beitrag\ auf|Ver\ esta\ publicaci[óo]n\ en
      |Voir\ cette\ publication\ sur|Visualizza\ questo\ post\ su
      |Ver\ (?:essa|esta)\ (?:publica[çc][ãa]o|foto)\ no|Bekijk\ dit\ bericht\ op)
    \ Instagram(?:\ an)?\s{0,5}$
    """,
    re.VERBOSE | re.IGNORECASE,
)

# A Markdown link as html2text writes it, around a whole caption or a name.
# Example: "[Ada Example](https://www.instagram.com/ada.example/)"
MARKDOWN_LINK = re.compile(
    r"^\[(?P<text>(?:[^\[\]]|\[[^\[\]\n]{0,200}\]){0,2500})\]\((?P<url>[^)\s]{1,2048})\)$"
)

# The end of a Markdown link around the byline, right after the handle: its target is
# the post.  Example: "](https://www.instagram.com/p/BalQ2SWFty8/)".
_BYLINE_LINK_END = re.compile(r"[ \t]{0,3}\]\((?P<url>[^)\s]{1,2048})\)")

# An Instagram post URL written out in plain text (in a Markdown link or bare).
# Example: "https://www.instagram.com/p/BalQ2SWFty8/"
TEXT_POST_URL = re.compile(
    r"(?:https?:)?//(?:(?:www|m)\.)?(?:instagram\.com|instagr\.am)/[A-Za-z0-9._/-]{3,100}",
    re.IGNORECASE,
)

# A backslash escape added by Markdown converters ("23\. Okt"); the character is kept.
_MARKDOWN_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
# The quote marker that starts a line of a Markdown block quote: "> ", ">> ".
_QUOTE_PREFIX = re.compile(r"^[ \t]{0,3}(?:>[ \t]?){1,5}")

# What may stand between a byline's handle and its date: a connector word or two
# ("on", "am", "le", "el", "gepostetes Foto am").  Longer text is not a date suffix.
_MAX_CONNECTOR_CHARS = 30
# An Instagram caption holds at most 2,200 characters; a longer paragraph is not one.
_MAX_CAPTION_CHARS = 2500
# Blank lines a converter may leave between a caption and its byline.
_MAX_GAP_LINES = 4
# How many ancestors of a feed-widget link to search for the widget's class, stopping at
# page-level elements (a body class naming Instagram says nothing about one link).
_WIDGET_DEPTH = 4
_PAGE_LEVEL_TAGS = frozenset({"body", "html", "main", "article"})
# Whether an element shows any word, decided in C: every link of the page is asked,
# and a Python text walk per link is quadratic on links nested in links.
_SHOWS_TEXT = lxml.etree.XPath("boolean(normalize-space(.))")


def canonical_url(kind: str, code: str) -> str:
    """The canonical permalink of a post, reel or IGTV video.

    >>> canonical_url("reels", "CZIALixI8FH")
    'https://www.instagram.com/reel/CZIALixI8FH/'
    """
    kind = kind.lower()
    if kind == "reels":
        kind = "reel"
    return f"https://www.instagram.com/{kind}/{code}/"


class Instagram:
    """The Instagram platform."""

    name = "instagram"
    # Every snippet generation and the rendered iframe carry the class; hand-made
    # iframes, feed widgets and WordPress placeholders carry a post path, which profile
    # (follow) links never do.
    markers: tuple[str, ...] = (
        "instagram-media",
        "amp-instagram",
        "instagram.com/p/",
        "instagram.com/reel",
    )
    text_markers: tuple[str, ...] = (
        "a post shared by",
        "a photo posted by",
        "a video posted by",
        "a photo shared by",
        "a video shared by",
        "a post posted by",
        "ein beitrag geteilt von",
        "une publication partag",
        "una publicación compartida",
        "una publicacion compartida",
        "un post condiviso da",
        "uma publicação",
        "uma publicacao",
        "een bericht gedeeld door",
        "instagram",
    )

    def parse_url(self, url: str) -> PostRef | None:
        """Parse an Instagram post, reel or IGTV permalink (also its ``/embed/`` form).

        >>> INSTAGRAM.parse_url("http://instagr.am/p/fBwFP").post_id
        'fBwFP'
        """
        match = POST_URL.match(url.strip())
        if match is None:
            return None
        code = match["code"]
        return PostRef(platform=self.name, post_id=code, url=canonical_url(match["kind"], code))

    # --- HTML ------------------------------------------------------------------------

    def find_in_html(self, page: ParsedPage) -> Iterator[Candidate]:
        """Yield snippets, rendered iframes, AMP elements, WordPress placeholders, widgets."""
        return iter(without_noscript_copies(list(self._candidates(page))))

    def _candidates(self, page: ParsedPage) -> Iterator[Candidate]:
        quotes = page.xpath("//blockquote[contains(@class, 'instagram-media')]")
        yield from read_apart(
            (quote for quote in quotes if has_class(quote, "instagram-media")),
            lambda quote: self._from_blockquote(page, quote),
        )
        for element in page.xpath("//iframe"):
            post = self._from_iframe(page, element)
            if post is not None:
                yield Candidate(element, post)
        for element in page.xpath("//amp-instagram"):
            post = self._from_amp(page, element)
            if post is not None:
                yield Candidate(element, post)
        yield from self._wordpress_placeholders(page)
        yield from self._feed_widgets(page)

    def _post(self, ref: PostRef, form: str, **fields: object) -> Post:
        code = ref.post_id or ""
        if "published" in fields:
            parsed: Any = fields["published"]
            fields["published"], fields["published_precision"] = published_utc(parsed)
        return Post(
            platform=self.name,
            post_id=ref.post_id,
            url=ref.url,
            created_at=instagram_time(code) if code else None,
            form=form,
            **fields,  # type: ignore[arg-type]
        )

    def _ref(self, page: ParsedPage, url: str | None) -> PostRef | None:
        absolute = page.absolute(url)
        return self.parse_url(absolute) if absolute else None

    def _from_blockquote(self, page: ParsedPage, element: Element) -> Post | None:
        ref = self._ref(page, element.get("data-instgrm-permalink"))
        if ref is None:
            for anchor in element.iter("a"):
                ref = self._ref(page, anchor.get("href"))
                if ref is not None:
                    break
        if ref is None:
            # A profile embed, or a snippet whose permalink a CMS stripped.
            return None
        byline_el, match = _find_byline(element)
        author = None
        date_text: str | None = None
        published: dt.date | dt.datetime | None = None
        if match is not None:
            author = _author(match, byline_el, page)
            date_text, published = _html_date(byline_el, match)
        text, links = _caption(page, element, byline_el, ref)
        return self._post(
            ref,
            "blockquote",
            author=author,
            text=text,
            links=links,
            date_text=date_text,
            published=published,
        )

    def _from_iframe(self, page: ParsedPage, element: Element) -> Post | None:
        for url in frame_urls(page, element):
            ref = self.parse_url(url)
            if ref is not None:
                rendered = has_class(element, "instagram-media") or has_class(
                    element, "instagram-media-rendered"
                )
                return self._post(ref, "rendered" if rendered else "iframe")
        return None

    def _from_amp(self, page: ParsedPage, element: Element) -> Post | None:
        # "shortcode" is the deprecated spelling of "data-shortcode" (AMP docs).
        value = (element.get("data-shortcode") or element.get("shortcode") or "").strip()
        if not value:
            return None
        if "/" in value:
            ref = self._ref(page, value)
        elif _is_code(value):
            ref = PostRef(platform=self.name, post_id=value, url=canonical_url("p", value))
        else:
            ref = None
        return self._post(ref, "amp") if ref is not None else None

    def _wordpress_placeholders(self, page: ParsedPage) -> Iterator[Candidate]:
        # A WordPress embed block saved before its oEmbed was fetched holds only the URL.
        for figure in page.xpath(
            "//figure[contains(@class, 'wp-block-embed-instagram')"
            " or contains(@class, 'is-provider-instagram')]"
        ):
            if figure.xpath(".//blockquote|.//iframe|.//amp-instagram"):
                continue
            hrefs = [a.get("href") for a in figure.iter("a")]
            for url in [*hrefs, element_text(figure)]:
                ref = self._ref(page, url)
                if ref is not None:
                    yield Candidate(figure, self._post(ref, "placeholder"))
                    break

    def _feed_widgets(self, page: ParsedPage) -> Iterator[Candidate]:
        # A site's own "latest posts" widget: links to posts inside an element whose
        # class or id names Instagram, with the caption and date in sibling elements.
        for anchor in page.xpath("//a[contains(@href, 'instagr')]"):
            ref = self._ref(page, anchor.get("href"))
            if ref is None or not _is_thumbnail(anchor):
                continue
            if not _in_widget(anchor) or _in_embed(anchor):
                continue
            item = _widget_item(anchor)
            text = _widget_part(item, ("caption",)) or None
            date_text = _widget_part(item, ("time", "date")) or None
            published = parse_date(date_text) if date_text else None
            yield Candidate(
                item,
                self._post(ref, "card", text=text, date_text=date_text, published=published),
            )

    # --- plain text ------------------------------------------------------------------

    def find_in_text(self, text: str) -> Iterator[Post]:
        """Yield posts from ``A post shared by NAME (@handle)`` residue and the caption above it,
        then site-made cards that name Instagram (``Name / @handle / text / date``)."""
        posts = [self._from_residue(text, match) for match in BYLINE.finditer(text)]
        return with_card_posts(posts, text, INSTAGRAM_RESIDUE, parse_url=self.parse_url)

    def _from_residue(self, text: str, match: re.Match[str]) -> Post:
        name, profile = _clean_name(match["name"])
        handle = match["handle"].replace(" ", "")
        line_end = text.find("\n\n", match.end())
        line_end = len(text) if line_end == -1 else line_end
        # html2text links the byline to the post: "[A post shared by A (@a)](URL) on DATE".
        link = _BYLINE_LINK_END.match(text, match.end(), line_end)
        date_text, published, end = _text_date(text, link.end() if link else match.end(), line_end)
        line_start = text.rfind("\n", 0, match.start()) + 1
        caption, start, post_url = _text_caption(text, line_start)
        if link is not None and self.parse_url(link["url"]) is not None:
            post_url = link["url"]
        ref = self.parse_url(post_url) if post_url else None
        fields: dict[str, object] = {
            "author": Author(name=name, handle=handle, url=profile),
            "text": caption,
            "date_text": date_text,
            "published": published,
            "span": (start if caption else match.start(), end),
        }
        if ref is not None:
            return self._post(ref, "text", **fields)
        fields["published"], fields["published_precision"] = published_utc(published)
        return Post(platform=self.name, form="text", **fields)  # type: ignore[arg-type]


# --- helpers ---------------------------------------------------------------------------


def _is_code(value: str) -> bool:
    return SHORTCODE.fullmatch(value) is not None


def _find_byline(element: Element) -> tuple[Element | None, re.Match[str] | None]:
    """The paragraph holding the attribution line, and the match in its text.

    Every snippet generation puts the byline in a ``<p>``; a snippet reworked by a CMS
    may not, and then the whole snippet's text is searched (once: reading the text of
    every nested element would be quadratic on deep markup).
    """
    for paragraph in outermost(element, "p"):  # nested ones are read with the outer
        match = BYLINE.search(element_text(paragraph))
        if match is not None:
            return paragraph, match
    match = BYLINE.search(element_text(element))
    return (element, match) if match is not None else (None, None)


def _author(match: re.Match[str], byline: Element | None, page: ParsedPage) -> Author:
    name, _ = _clean_name(match["name"])
    handle = match["handle"].replace(" ", "")
    profile = None
    if byline is not None:
        for anchor in byline.iter("a"):
            href = page.absolute(anchor.get("href"))
            user = PROFILE_URL.match(href) if href else None
            if user is not None and user["user"].lower() == handle.lower():
                profile = href
                break
    return Author(name=name, handle=handle, url=profile)


def _clean_name(raw: str) -> tuple[str | None, str | None]:
    """Display name without Markdown link syntax or escapes, and the profile URL it linked."""
    name = raw.strip()
    url = None
    link = MARKDOWN_LINK.match(name)
    if link is not None:
        name, url = link["text"].strip(), link["url"]
    name = _MARKDOWN_ESCAPE.sub(r"\1", name).strip()
    return name or None, url


def _html_date(
    byline: Element | None, match: re.Match[str]
) -> tuple[str | None, dt.date | dt.datetime | None]:
    if byline is None:
        return None, None
    for time in byline.iter("time"):
        shown = element_text(time) or None
        exact: dt.date | dt.datetime | None = _iso_datetime(time.get("datetime"))
        if exact is None and shown:
            exact = parse_date(shown)
        return shown, exact
    # v12 snippets reworked by a CMS may keep the date as bare text after the handle.
    full = element_text(byline)
    found = BYLINE.search(full)
    if found is None:
        return None, None
    date_text, published, _ = _text_date(full, found.end(), len(full))
    return date_text, published


def _iso_datetime(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        moment = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.timezone.utc)
    return moment


def _caption(
    page: ParsedPage, element: Element, byline: Element | None, ref: PostRef
) -> tuple[str | None, tuple[Link, ...]]:
    parts: list[str] = []
    links: list[Link] = []
    # Paragraphs and links nested in their own kind (broken markup) are read with the
    # outer one: each node's text is read once.
    for paragraph in outermost(element, "p"):
        if byline is not None and (
            paragraph is byline or contains(paragraph, byline) or contains(byline, paragraph)
        ):
            continue
        shown = element_text(paragraph)
        if not shown or VIEW_LINE.match(shown) or BYLINE.search(shown):
            continue
        parts.append(shown)
        for anchor in outermost(paragraph, "a"):
            href = page.absolute(anchor.get("href"))
            if not href:
                continue
            target = POST_URL.match(href)
            if target is not None and target["code"] == ref.post_id:
                continue  # the caption links to its own post: not a link of the text
            links.append(Link(url=href, text=element_text(anchor) or None))
    return ("\n".join(parts) or None), tuple(links)


def _is_thumbnail(anchor: Element) -> bool:
    """A widget links each post with its picture (an ``<img>`` or a CSS background), while a
    link in prose has words: only the former is a widget item."""
    return anchor.find(".//img") is not None or not _SHOWS_TEXT(anchor)


def _in_widget(anchor: Element) -> bool:
    node = anchor.getparent()
    for _ in range(_WIDGET_DEPTH):
        if node is None or node.tag in _PAGE_LEVEL_TAGS:
            return False
        marks = f"{node.get('class') or ''} {node.get('id') or ''}".lower()
        if "instagram" in marks:
            return True
        node = node.getparent()
    return False


def _in_embed(anchor: Element) -> bool:
    node = anchor.getparent()
    while node is not None:
        if node.tag == "blockquote":
            return True
        if node.tag == "figure" and has_class(node, "wp-block-embed-instagram"):
            return True
        node = node.getparent()
    return False


def _widget_item(anchor: Element) -> Element:
    """The list item (or the anchor's parent block) that holds one post of a feed widget."""
    node = anchor.getparent()
    for _ in range(3):
        if node is None:
            break
        if node.tag == "li":
            return node
        node = node.getparent()
    parent = anchor.getparent()
    return parent if parent is not None else anchor


def _widget_part(item: Element, words: tuple[str, ...]) -> str:
    for node in item.iter():
        classes = (node.get("class") or "").lower() if isinstance(node.tag, str) else ""
        if any(word in classes for word in words):
            shown = element_text(node)
            if shown:
                return shown
    return ""


def _text_date(
    text: str, pos: int, endpos: int
) -> tuple[str | None, dt.date | dt.datetime | None, int]:
    """The date after a byline's handle (``on Jun 16, 2019 at 7:30am PDT``) and where it ends.

    Returns ``(None, None, pos)`` when no date follows within a connector word or two.
    """
    window_end = min(endpos, pos + _MAX_CONNECTOR_CHARS + 80)
    window, offsets = _unescape(text, pos, window_end)
    found = find_date(window)
    if found is None or len(window[: found.start].strip()) > _MAX_CONNECTOR_CHARS:
        return None, None, pos
    return window[found.start : found.end], found.value, offsets[found.end - 1] + 1


def _unescape(text: str, start: int, end: int) -> tuple[str, list[int]]:
    """``text[start:end]`` without Markdown backslash escapes, and each kept char's offset."""
    chars: list[str] = []
    offsets: list[int] = []
    pos = start
    while pos < end:
        escape = _MARKDOWN_ESCAPE.match(text, pos, end)
        if escape is not None:
            chars.append(escape.group(1))
            offsets.append(escape.start(1))
            pos = escape.end()
        else:
            chars.append(text[pos])
            offsets.append(pos)
            pos += 1
    return "".join(chars), offsets


def _text_caption(text: str, line_start: int) -> tuple[str | None, int, str | None]:
    """The caption paragraph above a byline line: (caption, its start offset, post URL)."""
    lines: list[tuple[int, str]] = []
    end = line_start - 1
    gap = 0
    view_url: str | None = None
    quoted_byline = _QUOTE_PREFIX.match(text, line_start) is not None
    while end > 0 and len(lines) < 60:
        start = text.rfind("\n", 0, end) + 1
        raw = text[start:end]
        quote = _QUOTE_PREFIX.match(raw)
        stripped = raw[quote.end() :] if quote else raw
        stripped = stripped.strip()
        if quoted_byline and quote is None:
            break  # the block quote that holds the embed ends here
        linked = MARKDOWN_LINK.match(stripped)
        if VIEW_LINE.match(linked["text"] if linked else stripped):
            # The "view" line heads the embed: the caption starts below it, and its
            # link (kept by Markdown converters) is the post.
            view_url = linked["url"] if linked else None
            break
        if not stripped:
            if lines:
                break
            gap += 1
            if gap > _MAX_GAP_LINES:
                break
        else:
            lines.append((start, stripped))
        end = start - 1
    if not lines:
        return None, line_start, view_url
    lines.reverse()
    paragraph = "\n".join(line for _, line in lines)
    post_url = view_url
    url_match = TEXT_POST_URL.search(paragraph)
    if url_match is not None and POST_URL.match(url_match.group()):
        post_url = url_match.group()
    link = MARKDOWN_LINK.match(paragraph)
    if link is not None:
        paragraph = link["text"]
    paragraph = _MARKDOWN_ESCAPE.sub(r"\1", paragraph).strip()
    if not paragraph or len(paragraph) > _MAX_CAPTION_CHARS:
        return None, line_start, post_url
    return paragraph, lines[0][0], post_url


INSTAGRAM = Instagram()
