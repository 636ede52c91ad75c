"""Twitter / X: permalinks, snowflake ids, HTML embed forms and text residue.

Markup, residue and URL shapes are documented in the project's research notes
(publish snippet in all its eras, rendered widgets, AMP, CMS wrappers).

The HTML detector reads one lxml tree.  One XPath pass collects every element
that can be an embed; each is then read by the reader for its form
(``Post.form``):

``blockquote``
    ``blockquote.twitter-tweet`` / ``.twitter-video`` in every era, classless
    blockquotes ending with a ``(@handle)`` byline and a status link or carrying
    ``data-tweetid``, and copies kept in a consent wall's ``<textarea>``.  The id is
    the last status link's.
``rendered``
    What ``widgets.js`` leaves: ``div.twitter-tweet-rendered``,
    ``iframe.twitter-tweet-rendered``, ``iframe#twitter-widget-N``,
    ``<twitterwidget>`` (id from ``data-tweet-id`` or the iframe ``src``); and cards a
    site draws itself (a text block with a tweet class, a ``@handle``, a status link).
``iframe``
    ``platform.twitter.com/embed/Tweet.html?id=…`` without the rendered classes, and
    a site's own tweet iframe with a text fallback.
``amp``
    ``amp-twitter[data-tweetid]``.
``placeholder``
    Containers holding only an id (``div[data-tweet-id]``) and WordPress embed
    figures holding only the status URL.

Share and follow buttons, timelines, ``a.twitter-tweet`` share links, class names
seen only in CSS or inside ``<script>`` strings and markup shown as code are not
posts.

>>> from tweetresolve.html import parse_page
>>> page = parse_page('''<blockquote class="twitter-tweet"><p lang="en">Hi<br>there
... <a href="https://t.co/AbCdEf1234">pic.twitter.com/AbCdEf1234</a></p>&mdash; Ada
... Example (@ada_example) <a href="https://twitter.com/ada_example/status/20">March
... 30, 2022</a></blockquote>''')
>>> post = next(TWITTER.find_in_html(page)).post
>>> (post.post_id, post.author.name, post.author.handle, post.date_text, post.lang)
('20', 'Ada Example', 'ada_example', 'March 30, 2022', 'en')
>>> post.text
'Hi\\nthere pic.twitter.com/AbCdEf1234'
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator

import attrs
import lxml.etree
import lxml.html

from tweetresolve.dates import parse_date, tweet_time
from tweetresolve.html import Element, ParsedPage, element_text, has_class, parse_page
from tweetresolve.platforms._common import without_noscript_copies
from tweetresolve.platforms.base import Candidate
from tweetresolve.records import Author, Link, Post, PostRef
from tweetresolve.text import TWITTER_RESIDUE, find_posts

__all__ = ["STATUS_URL", "TWITTER", "Twitter"]

# A status permalink on Twitter, X or a mirror host, in all its eras:
#   https://twitter.com/<user>/status/<id>        (2013+; also /statuses/ before)
#   https://twitter.com/#!/<user>/status/<id>     (hash-bang era, ≈2010–2012)
#   https://mobile.twitter.com/…, https://x.com/…, https://fxtwitter.com/… (mirrors)
#   https://twitter.com/i/web/status/<id>, /i/status/<id> (no user in the path)
# Example: "https://twitter.com/Ada_Example/status/1508951925456744449/photo/1"
STATUS_URL = re.compile(
    r"""
    ^(?:https?:)?//
    (?:(?:www|mobile|m|d|g|t)\.)?
    (?P<host>twitter\.com|x\.com|fxtwitter\.com|fixupx\.com|twittpr\.com|xfixup\.com
       |vxtwitter\.com|fixvx\.com)
    (?::\d+)?
    /(?:\#!/)?(?:(?:dl|dir)/)?
    (?:(?P<user>[A-Za-z0-9_]{1,20})/status(?:es)?|i/web/status|i/status)
    /(?P<id>[0-9]{1,20})
    (?:[/?#.]|$)
    """,
    re.VERBOSE | re.IGNORECASE,
)

# The tweet id in the query of a widget iframe:
# "https://platform.twitter.com/embed/Tweet.html?dnt=false&id=1521523341391282176&lang=en".
_EMBED_SRC_ID = re.compile(r"[?&#](?:id|tweetId|tweet_id)=([0-9]{1,20})(?:[&#]|$)", re.IGNORECASE)

# Hosts and paths of the widget iframe: platform.twitter.com/embed/Tweet.html (2019+),
# platform.twitter.com/embed/index.html (older), and the same on x.com.
# Example: "https://platform.twitter.com/embed/Tweet.html?id=20".
_EMBED_SRC = re.compile(
    r"^(?:https?:)?//platform\.(?:twitter|x)\.com/embed/(?:Tweet|index)\.html", re.IGNORECASE
)

# A tweet id written as an attribute value: digits only, snowflakes have 19.
# Example: data-tweet-id="1311697819384844290".
_DIGITS = re.compile(r"^\s*([0-9]{1,20})\s*$")

# The "(@handle)" that ends an attribution byline, at the end of the byline text.
# Tolerates a markdown "\@", a full-width "＠" and stray inner spaces.
# Example: "— Ada Example (@ada_example)".
_BYLINE_HANDLE = re.compile(r"\(\s?\\?[@＠]([A-Za-z0-9_]{1,20})\s?\)\s*$")

# Dashes that open the attribution ("&mdash;" decoded, "&#8211;", "--", "―").
# The last one before "(@handle)" wins: the tweet text may contain dashes too.
_BYLINE_DASHES = ("\u2014", "\u2013", "\u2015", "--")

# A handle shown on its own in a site-made card: "@SELFmagazine".
_SHOWN_HANDLE = re.compile(r"^[@＠]([A-Za-z0-9_]{1,15})$")

# Class tokens that mark the text block of a site-made tweet card:
# "tweet", "tweet-text", "tweet_content", "ts-fab-twitter-tweet", "TweetTextSize".
# Not "twitter-tweet-btn" or "tweet-count" (share buttons).
_CARD_TEXT_CLASS = re.compile(
    r"^(?:[A-Za-z0-9]{1,30}[-_]){0,6}tweet(?:[-_]?(?:text|content|body)(?:[-_]?size)?)?$",
    re.IGNORECASE,
)

# Class tokens of card parts that are not the text: the time line, reply/retweet links.
# Example: "ts-fab-twitter-time", "tweet_meta", "tweet-intents".
_CARD_META_CLASS = re.compile(r"time|date|meta|intent|action|footer|stamp", re.IGNORECASE)

# Class tokens naming the author's display name in a card: "twitter_user_name", "fullname".
_CARD_NAME_CLASS = re.compile(r"name", re.IGNORECASE)

# Share and follow links never make a post: twitter.com/intent/…, /share?…, /home?status=.
# Example: "https://twitter.com/intent/tweet?in_reply_to=20".
_INTENT_URL = re.compile(
    r"^(?:https?:)?//(?:www\.|mobile\.)?(?:twitter|x)\.com/(?:intent/|share\b|home\?status=)",
    re.IGNORECASE,
)

# A profile link: "https://twitter.com/ada_example", "//twitter.com/#!/ada_example".
_PROFILE_URL = re.compile(
    r"^(?:https?:)?//(?:www\.|mobile\.)?(?:twitter|x)\.com/(?:\#!/)?([A-Za-z0-9_]{1,15})/?(?:[?#]|$)",
    re.IGNORECASE,
)

# Shortest text a site-made card must show; shorter blocks are button labels.
_MIN_CARD_TEXT = 10

# A site's own tweet iframe with a text fallback: "Twitter: Name - text of the tweet".
# Example: "Twitter: Ada Example - Hello there".
_FALLBACK_BYLINE = re.compile(r"^\s*(?:Twitter|X)\s*:\s*(?P<name>[^\n]{1,80}?)\s+[-–—]\s+")

# Separators left around a card's date: " - 1 hour ago", "· 2h".
_DATE_SEPARATORS = " \t\n-–—·|•"

# Runs of white space, collapsed when a value is shown on one line.
_SPACES = re.compile(r"\s+")

# Longest text a site-made card may hold; bigger blocks are article parts, not cards.
_MAX_CARD_CHARS = 1200

# Tags that may be a Twitter embed whatever their attributes; the tree yields them in
# one C-level pass (cheaper than an XPath predicate on every element).
_EMBED_TAGS = ("blockquote", "iframe", "amp-twitter", "twitterwidget", "figure", "textarea")
# In one more pass: any element carrying a tweet id, and any element whose class
# mentions "tweet" (the widget's div.twitter-tweet, site-made card text blocks).  Each
# attribute test costs a tenth of a parse, so only these two: "data-tweetid" belongs to
# amp-twitter and blockquotes, which the tag pass already reads.
_ATTRIBUTE_XPATH = lxml.etree.XPath("descendant::*[contains(@class, 'weet') or @data-tweet-id]")
# Widget classes that are not card text blocks (read by the embed readers).
_WIDGET_CLASSES = frozenset({"twitter-tweet", "twitter-tweet-rendered", "twitter-tweet-error"})
# Status links under an element (cards); the permalink parser decides.
_STATUS_LINKS_XPATH = lxml.etree.XPath(".//a[contains(@href, '/status')]")
# Elements that show a handle on their own ("@ada_example") under an element.
_HANDLE_XPATH = lxml.etree.XPath(".//*[starts-with(normalize-space(.), '@')]")
# Length of an element's visible text, computed in C.
_TEXT_LENGTH_XPATH = lxml.etree.XPath("string-length(normalize-space(.))")

# Elements whose content is shown as code, never rendered as an embed.
_CODE_TAGS = frozenset({"pre", "code", "xmp", "plaintext", "listing"})
# Tags never read as a site-made card's text block.
_NOT_CARD_TAGS = frozenset(
    {
        "a",
        "button",
        "input",
        "form",
        "iframe",
        "blockquote",
        "img",
        "svg",
        "script",
        "style",
        "link",
        "meta",
        "body",
        "html",
        "head",
        "ul",
        "ol",
        "nav",
        "textarea",
        "select",
        "option",
    }
)


class Twitter:
    """The Twitter / X platform."""

    name = "twitter"
    markers: tuple[str, ...] = (
        "twitter-tweet",
        "twitter-video",
        "data-tweet",
        "amp-twitter",
        "twitterwidget",
        "/status/",
        "/statuses/",
        "platform.twitter.com/embed",
        "twitterembed",
        "tweetembed",
    )
    # The openings of "(@handle)" that the text path reads (a no-break or zero-width
    # space may sit inside the parenthesis), and status links.
    text_markers: tuple[str, ...] = (
        "(@",
        "( @",
        "(\u00a0@",
        "(\u200b@",
        "(\\@",
        "(＠",
        "twitter.com/",
        "x.com/",
    )

    def parse_url(self, url: str) -> PostRef | None:
        """Parse a Twitter/X status permalink.

        >>> TWITTER.parse_url("https://twitter.com/#!/ada_example/statuses/0020").url
        'https://twitter.com/ada_example/status/20'
        >>> TWITTER.parse_url("https://twitter.com/intent/tweet?in_reply_to=20") is None
        True
        """
        match = STATUS_URL.match(url.strip())
        if match is None:
            return None
        post_id = match["id"].lstrip("0") or "0"
        user = match["user"]
        canonical = (
            f"https://twitter.com/{user}/status/{post_id}"
            if user
            else f"https://twitter.com/i/web/status/{post_id}"
        )
        return PostRef(platform=self.name, post_id=post_id, handle=user, url=canonical)

    def find_in_html(self, page: ParsedPage) -> Iterator[Candidate]:
        """Yield the Twitter embeds of a page: every form in the module table."""
        return iter(_find_in_page(page, allow_textarea=True))

    def find_in_text(self, text: str) -> Iterator[Post]:
        """Yield tweets whose attribution line survives in plain text."""
        return find_posts(text, TWITTER_RESIDUE, parse_url=self.parse_url)


TWITTER = Twitter()


# --- the HTML detector -------------------------------------------------------------------


def _find_in_page(page: ParsedPage, *, allow_textarea: bool) -> list[Candidate]:
    elements: dict[Element, None] = dict.fromkeys(
        el for el in page.root.iter(*_EMBED_TAGS) if _may_be_embed(el)
    )
    seeds: list[Element] = []
    for element in _ATTRIBUTE_XPATH(page.root):
        if element in elements:
            continue
        if _attribute_id(element) is not None or (
            element.tag == "div"
            and _WIDGET_CLASSES.intersection((element.get("class") or "").split())
        ):
            elements[element] = None
        elif _is_card_seed(element):
            seeds.append(element)
    found: list[Candidate] = []
    embeds: set[Element] = set()
    in_code = _code_contents(page.root)
    quoted = _read_blockquotes(page, [el for el in elements if el.tag == "blockquote"], in_code)
    for element in elements:
        if element in in_code:
            continue
        if element.tag == "textarea":
            if allow_textarea:
                found.extend(_read_textarea(page, element))
            continue
        post = quoted.get(element) if element.tag == "blockquote" else _read_embed(page, element)
        if post is not None:
            found.append(Candidate(element=element, post=post))
            embeds.add(element)
    if seeds:
        found.extend(_find_cards(page, seeds, embeds, in_code))
    # A tweet's <noscript> fallback may sit anywhere on the page, not only beside it.
    return without_noscript_copies(found, anywhere=True)


def _read_blockquotes(
    page: ParsedPage, quotes: list[Element], in_code: set[Element]
) -> dict[Element, Post]:
    """Read the blockquotes (given in document order), innermost first.

    A blockquote holding one that was read as an embed is its wrapper (a site's
    quotation around the snippet), not a second embed, and is not read: reading every
    level of nested blockquotes would walk their contents depth² times.
    """
    posts: dict[Element, Post] = {}
    holders: set[Element] = set()
    # Document order lists an element before everything inside it.
    for quote in reversed(quotes):
        if quote in in_code or quote in holders:
            continue
        post = _read_blockquote(page, quote)
        if post is None:
            continue
        posts[quote] = post
        for ancestor in quote.iterancestors():
            if ancestor in holders:
                break  # its ancestors were marked with it
            holders.add(ancestor)
    return posts


def _may_be_embed(element: Element) -> bool:
    """The cheap first look at an element of an embed tag."""
    tag = element.tag
    if tag in {"amp-twitter", "twitterwidget", "blockquote"}:
        return True  # blockquotes are read (their links decide)
    if tag == "iframe":
        src = (element.get("src") or "").lower()
        ident = (element.get("id") or "").lower()
        return (
            "twitter.com/embed/" in src
            or "x.com/embed/" in src
            or "twitterembed" in src
            or "tweetembed" in src
            or "tweet" in ident
            or ident.startswith("twitter-widget-")
            or "twitter-tweet" in (element.get("class") or "")
            or element.get("data-tweet-id") is not None
        )
    if tag == "figure":
        return "twitter" in (element.get("class") or "") or _attribute_id(element) is not None
    if tag == "textarea":
        content = element.text or ""
        return "twitter-tweet" in content or "data-tweet" in content
    return False


def _read_embed(page: ParsedPage, element: Element) -> Post | None:
    tag = element.tag
    if tag == "blockquote":
        return _read_blockquote(page, element)
    if tag == "amp-twitter":
        return _id_only(element, _attribute_id(element), form="amp")
    if tag == "iframe":
        return _read_iframe(page, element)
    if tag == "figure":
        return _read_figure(page, element)
    if tag == "div" and (
        has_class(element, "twitter-tweet") or has_class(element, "twitter-tweet-rendered")
    ):
        return _read_rendered_div(page, element)
    if tag == "twitterwidget":
        return _id_only(element, _attribute_id(element), form="rendered")
    if tag in {"a", "button", "span", "input", "li", "img"}:
        # Like/retweet buttons of site-made cards carry the id too; they are not embeds.
        return None
    post_id = _attribute_id(element)
    form = "rendered" if _is_rendered(element) else "placeholder"
    return _id_only(element, post_id, form=form)


def _code_contents(root: Element) -> set[Element]:
    """Every element inside a code block (``<pre>``, ``<code>``…): a snippet shown, not run.

    One pass over the tree, so asking for each candidate costs a set lookup rather
    than a walk over its ancestors (which nested markup makes quadratic).
    """
    inside: set[Element] = set()
    for block in root.iter(*_CODE_TAGS):
        if block not in inside:  # a code block nested in another is already covered
            inside.update(block.iterdescendants())
    return inside


def _attribute_id(element: Element) -> str | None:
    for name in ("data-tweet-id", "data-tweetid"):
        value = element.get(name)
        if value:
            match = _DIGITS.match(value)
            if match:
                return match[1].lstrip("0") or "0"
    return None


def _is_rendered(element: Element) -> bool:
    return (
        has_class(element, "twitter-tweet-rendered")
        or element.tag == "twitterwidget"
        or (element.get("id") or "").startswith("twitter-widget-")
    )


def _id_only(element: Element, post_id: str | None, *, form: str) -> Post | None:
    if post_id is None:
        return None
    return Post(
        platform="twitter",
        post_id=post_id,
        url=f"https://twitter.com/i/web/status/{post_id}",
        created_at=tweet_time(post_id),
        form=form,
    )


def _status_ref(page: ParsedPage, href: str | None) -> PostRef | None:
    url = page.absolute(href)
    return TWITTER.parse_url(url) if url else None


def _with_ref(post: Post, ref: PostRef) -> Post:
    """Fill the id, canonical URL and (missing) handle of ``post`` from a permalink."""
    author = post.author
    if ref.handle and (author is None or author.handle is None):
        author = attrs.evolve(author or Author(), handle=ref.handle)
    return attrs.evolve(
        post,
        post_id=ref.post_id,
        url=ref.url,
        author=author,
        created_at=tweet_time(ref.post_id) if ref.post_id else None,
    )


# --- the publish snippet ---------------------------------------------------------------


def _read_blockquote(page: ParsedPage, quote: Element) -> Post | None:
    """Read a publish snippet: text ``<p>``, ``— Name (@handle)``, permalink ``<a>``."""
    anchors = [a for a in quote.iter("a") if a.get("href")]
    statuses = [(a, found) for a in anchors if (found := _status_ref(page, a.get("href")))]
    attribute_id = _attribute_id(quote)
    is_snippet = (
        has_class(quote, "twitter-tweet")
        or has_class(quote, "twitter-video")
        or attribute_id is not None
    )
    if not statuses and attribute_id is None:
        return None
    permalink: Element | None = None
    ref: PostRef | None = None
    if statuses:
        # The permalink is the last link of the snippet; links before it are the
        # tweet's own (a quoted status among them).
        permalink, ref = statuses[-1]
        if attribute_id is not None:
            for anchor, candidate in statuses:
                if candidate.post_id == attribute_id:
                    permalink, ref = anchor, candidate
    shown = element_text(quote, stop=permalink) if permalink is not None else element_text(quote)
    text, name, handle = _split_byline(shown)
    if not is_snippet and (handle is None or permalink is not anchors[-1]):
        # A blockquote of the page's own (a quotation with a link) is not an embed unless
        # it ends like the publish snippet: "(@handle)" and the permalink last.
        return None
    date_text = _one_line(element_text(permalink)) if permalink is not None else None
    published = parse_date(date_text) if date_text else None
    if published is None and permalink is not None:
        published = _iso_datetime(permalink.get("data-datetime"))
    if published is None and handle is None:
        # No byline and no date: the link's text is a CMS note ("Tweet may have been
        # deleted"), not the date.
        date_text = None
    byline_p = _ancestor_within(permalink, quote, "p") if permalink is not None else None
    links = tuple(_snippet_links(quote, permalink, byline_p))
    post = Post(
        platform="twitter",
        author=Author(name=name, handle=handle) if name or handle else None,
        text=text or None,
        lang=_text_lang(quote),
        date_text=date_text or None,
        published=published,
        links=links,
        form="blockquote",
    )
    if ref is not None:
        post = _with_ref(post, ref)
    if attribute_id is not None and post.post_id != attribute_id:
        post = attrs.evolve(
            post,
            post_id=attribute_id,
            url=post.url
            if ref is not None and ref.post_id == attribute_id
            else f"https://twitter.com/i/web/status/{attribute_id}",
            created_at=tweet_time(attribute_id),
        )
    quoted = _quoted(page, links, post.post_id)
    return attrs.evolve(post, quoted=quoted) if quoted else post


def _split_byline(shown: str) -> tuple[str, str | None, str | None]:
    """Split the snippet's text before the permalink into text, name and handle.

    >>> _split_byline("Hi — there\\n— Ada (Lab) Example (@ada_example)")
    ('Hi — there', 'Ada (Lab) Example', 'ada_example')
    >>> _split_byline("Hi there — Ada Example (@ada_example)")
    ('Hi there', 'Ada Example', 'ada_example')
    >>> _split_byline("Just the text")
    ('Just the text', None, None)
    """
    line_start = shown.rfind("\n") + 1
    line = shown[line_start:]
    match = _BYLINE_HANDLE.search(line)
    if match is None:
        return shown.strip(), None, None
    before = line[: match.start()].rstrip()
    cut = -1
    width = 0
    for dash in _BYLINE_DASHES:
        at = before.rfind(dash)
        if at > cut:
            cut, width = at, len(dash)
    if cut >= 0:
        prefix, name = before[:cut], before[cut + width :]
    else:
        prefix, name = "", before
    text = (shown[:line_start] + prefix).strip()
    return text, _one_line(name) or None, match[1]


def _one_line(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _iso_datetime(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None


def _ancestor_within(element: Element, container: Element, tag: str) -> Element | None:
    for ancestor in element.iterancestors():
        if ancestor is container:
            return None
        if ancestor.tag == tag:
            return ancestor
    return None


def _text_lang(quote: Element) -> str | None:
    # <p lang> is the tweet's own language; the blockquote's (data-)lang is the widget's.
    for paragraph in quote.iter("p"):
        lang = paragraph.get("lang")
        if lang:
            return lang.strip() or None
    return None


def _snippet_links(
    quote: Element, permalink: Element | None, byline_p: Element | None
) -> Iterator[Link]:
    """Links of the snippet's text: in its text paragraphs when it has them.

    A link in the byline (some CMSes link the ``@handle``) is not part of the text.
    """
    # The paragraphs holding the permalink, found once: asking each paragraph would
    # walk the permalink's ancestors again and again (cubic on nested markup).
    around = set(permalink.iterancestors("p")) if permalink is not None else set()
    paragraphs = [p for p in quote.iter("p") if p is not byline_p and p not in around]
    if not paragraphs:
        yield from _text_links(quote, stop=permalink, skip=byline_p)
        return
    for paragraph in paragraphs:
        yield from _text_links(paragraph, stop=permalink, skip=None)


def _text_links(
    container: Element, *, stop: Element | None, skip: Element | None
) -> Iterator[Link]:
    skipped = set(skip.iter("a")) if skip is not None else set()
    for anchor in container.iter("a"):
        if anchor is stop:
            return
        if anchor in skipped:
            continue
        href = (anchor.get("href") or "").strip()
        if not href:
            continue
        shown = _one_line(element_text(anchor))
        yield Link(url=href, text=shown if shown and shown != href else None)


def _quoted(page: ParsedPage, links: Iterable[Link], own_id: str | None) -> PostRef | None:
    """A status linked from inside the text (not the permalink) is the quoted post."""
    for link in links:
        for url in (link.url, f"https://{link.text}" if link.text else None):
            ref = _status_ref(page, url) if url else None
            if ref is not None and ref.post_id != own_id:
                return ref
    return None


# --- rendered widgets, iframes, AMP, CMS wrappers ----------------------------------------


def _read_iframe(page: ParsedPage, frame: Element) -> Post | None:
    src = (frame.get("src") or "").strip()
    post_id = _attribute_id(frame)
    from_src = None
    if _EMBED_SRC.match(src):
        match = _EMBED_SRC_ID.search(src)
        from_src = match[1].lstrip("0") or "0" if match else None
    ref = _status_ref(page, src) if src else None
    post_id = post_id or from_src or (ref.post_id if ref else None)
    if _is_rendered(frame) or has_class(frame, "twitter-tweet"):
        return _id_only(frame, post_id, form="rendered")
    if post_id is not None:
        return _id_only(frame, post_id, form="iframe")
    if "share-button" in (frame.get("class") or "") or "follow" in src.lower():
        return None
    # A site's own tweet iframe ("…/TwitterEmbed/….html"): only its fallback content
    # (raw text to the parser) tells what it shows.
    fallback, links = _fragment_text(frame.text or "")
    match = _FALLBACK_BYLINE.match(fallback)
    if match is None:
        return None  # only "Twitter: Name - text" says the iframe shows a tweet
    name = match["name"].strip()
    fallback = fallback[match.end() :].strip()
    return Post(
        platform="twitter",
        author=Author(name=name) if name else None,
        text=fallback or None,
        links=links,
        form="iframe",
    )


def _fragment_text(markup: str) -> tuple[str, tuple[Link, ...]]:
    """Text and links of markup the parser kept as raw text (an iframe's fallback)."""
    if not markup.strip():
        return "", ()
    try:
        fragment = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return "", ()
    return element_text(fragment), tuple(_text_links(fragment, stop=None, skip=None))


def _read_rendered_div(page: ParsedPage, div: Element) -> Post | None:
    post_id = _attribute_id(div)
    if post_id is None:
        if next(div.iter("blockquote"), None) is not None:
            # A wrapper around the publish snippet: the blockquote is the embed.
            return None
        if not has_class(div, "twitter-tweet-rendered") and next(div.iter("iframe"), None) is None:
            # The snippet with its blockquote turned into a div by an editor.
            return _read_blockquote(page, div)
        for frame in div.iter("iframe"):
            post = _read_iframe(page, frame)
            if post is not None and post.post_id:
                post_id = post.post_id
                break
    if post_id is None:
        for anchor in div.iter("a"):
            ref = _status_ref(page, anchor.get("href"))
            if ref is not None:
                post_id = ref.post_id
    return _id_only(div, post_id, form="rendered")


def _read_figure(page: ParsedPage, figure: Element) -> Post | None:
    """A WordPress embed block stored before oEmbed ran: the status URL as text."""
    classes = figure.get("class") or ""
    if "wp-block-embed-twitter" not in classes and "is-provider-twitter" not in classes:
        return None
    if any(True for _ in figure.iter("blockquote", "iframe", "amp-twitter", "twitterwidget")):
        return None
    for wrapper in figure.iter():
        if has_class(wrapper, "wp-block-embed__wrapper"):
            ref = _status_ref(page, element_text(wrapper))
            if ref is not None:
                return _with_ref(Post(platform="twitter", form="placeholder"), ref)
    return None


# --- consent walls: the snippet kept as text inside a <textarea> --------------------------


def _read_textarea(page: ParsedPage, area: Element) -> list[Candidate]:
    """Embeds kept as text in a ``<textarea>`` until the reader consents (consent walls).

    When the markup is stored as is (``<blockquote …``), the raw source between the
    tags is parsed, so spans point at the blockquote inside the textarea; when it is
    stored escaped (``&lt;blockquote …``), the decoded text is parsed and spans cover
    the whole textarea.
    """
    area_span = page.span(area)
    markup = area.text or ""
    offset = None
    if area_span is not None:
        content_start = page.source.find(">", area_span[0]) + 1
        content_end = page.source.rfind("<", content_start, area_span[1])
        raw = page.source[content_start:content_end] if content_end > content_start else ""
        if "<" in raw:
            markup, offset = raw, content_start
    inner = parse_page(markup, base_url=page.base_url, include_links=False)
    if inner is None:
        return []
    from tweetresolve.extract import _merge_candidates  # noqa: PLC0415  (import cycle)

    found = []
    for post in _merge_candidates(inner, _find_in_page(inner, allow_textarea=False)):
        if offset is not None and post.span is not None:
            span: tuple[int, int] | None = (post.span[0] + offset, post.span[1] + offset)
        else:
            span = area_span
        found.append(Candidate(element=area, post=attrs.evolve(post, span=span)))
    return found


# --- site-made cards ---------------------------------------------------------------------


def _find_cards(
    page: ParsedPage, seeds: list[Element], embeds: set[Element], in_code: set[Element]
) -> Iterator[Candidate]:
    holders: dict[Element, int] = {}
    for index, seed in enumerate(seeds):
        holders[seed] = index
        for level, ancestor in enumerate(seed.iterancestors()):
            if level >= 6:
                break
            holders.setdefault(ancestor, index)
            if ancestor in holders and holders[ancestor] != index:
                holders[ancestor] = -1  # holds several seeds
    for index, seed in enumerate(seeds):
        if _TEXT_LENGTH_XPATH(seed) > _MAX_CARD_CHARS or seed in in_code or _touches(seed, embeds):
            continue  # an article part, code, or a wrapper of an embed
        post = _read_card(page, seed, index, holders)
        if post is not None:
            yield Candidate(element=seed, post=post)


def _is_card_seed(element: Element) -> bool:
    if not isinstance(element.tag, str) or element.tag in _NOT_CARD_TAGS:
        return False
    tokens = (element.get("class") or "").split()
    if "twitter-tweet-rendered" in tokens or (element.tag == "div" and "twitter-tweet" in tokens):
        return False
    return any(_CARD_TEXT_CLASS.match(token) for token in tokens)


def _touches(element: Element, embeds: set[Element]) -> bool:
    if not embeds:
        return False
    if any(ancestor in embeds for ancestor in element.iterancestors()):
        return True
    return any(inner in embeds for inner in element.iterdescendants())


def _read_card(
    page: ParsedPage, seed: Element, index: int, holders: dict[Element, int]
) -> Post | None:
    """Read a card a site drew itself: a text block, a handle, a status link, a time."""
    anchors = list(seed.iter("a"))
    if any(_INTENT_URL.match((a.get("href") or "").strip()) for a in anchors):
        return None  # a "click to tweet" box or a share button
    if any(ancestor.tag in {"a", "button"} for ancestor in seed.iterancestors()):
        return None  # a label inside a button
    before, after = _card_region(seed, index, holders)
    date_element = _card_date_element(seed)
    text = element_text(seed, stop=date_element)
    status = _first_status(page, after, before, inside=seed)
    handle_element = _first_handle(before, after, seed)
    if status is not None and status[0] is not None and _is_inside(status[0], seed):
        text = element_text(seed, stop=status[0])
    if handle_element is not None and _is_inside(handle_element, seed):
        text = text.replace(_one_line(element_text(handle_element)), "", 1)
    text = text.strip(_DATE_SEPARATORS)
    if len(text) < _MIN_CARD_TEXT or any(_one_line(element_text(a)) == text for a in anchors):
        return None  # a button label ("Tweet this"), or one link and nothing else
    if status is None and not _links_profile(handle_element):
        # Without a permalink, only a handle linked to its profile ties the text to an
        # account.
        return None
    handle = None
    if handle_element is not None:
        match = _SHOWN_HANDLE.match(_one_line(element_text(handle_element)))
        handle = match[1] if match else None
    name = _card_name(before, after, seed, handle_element)
    date_text = None
    if status is not None:
        shown = _one_line(element_text(status[0]))
        if shown and len(shown) <= 40 and "/" not in shown:
            date_text = shown
    if date_text is None and date_element is not None:
        date_text = _one_line(element_text(date_element)).strip(_DATE_SEPARATORS) or None
    links = tuple(_text_links(seed, stop=date_element, skip=None))
    post = Post(
        platform="twitter",
        author=Author(name=name, handle=handle) if name or handle else None,
        text=text,
        lang=seed.get("lang") or None,
        date_text=date_text,
        published=parse_date(date_text) if date_text else None,
        links=links,
        form="rendered",
    )
    if status is not None:
        post = _with_ref(post, status[1])
    quoted = _quoted(page, links, post.post_id)
    return attrs.evolve(post, quoted=quoted) if quoted else post


def _links_profile(element: Element | None) -> bool:
    if element is None:
        return False
    shown = _SHOWN_HANDLE.match(_one_line(element_text(element)))
    for anchor in [element, *element.iterancestors("a"), *element.iter("a")]:
        match = _PROFILE_URL.match((anchor.get("href") or "").strip())
        if match and shown and match[1].lower() == shown[1].lower():
            return True
    return False


def _card_region(
    seed: Element, index: int, holders: dict[Element, int]
) -> tuple[list[Element], list[Element]]:
    """The elements around ``seed`` that belong to its card (before it, after it).

    Climbs at most three levels.  When a level holds another card's text block (a
    feed of cards drawn as flat siblings), the card is the run of siblings between
    its neighbours' blocks.
    """
    node = seed
    for _ in range(3):
        parent = node.getparent()
        if parent is None or parent.tag in {"body", "html", "main", "article"}:
            break
        if holders.get(parent, index) != index:
            siblings = list(parent)
            at = siblings.index(node)
            before: list[Element] = []
            for sibling in reversed(siblings[:at]):
                if sibling in holders:
                    break
                before.insert(0, sibling)
            after: list[Element] = []
            for sibling in siblings[at + 1 :]:
                if sibling in holders:
                    break
                after.append(sibling)
            return [*before, node], after
        node = parent
    return [node], []


def _card_date_element(seed: Element) -> Element | None:
    for element in seed.iterdescendants():
        if not isinstance(element.tag, str):
            continue
        if element.tag == "time" or _CARD_META_CLASS.search(element.get("class") or ""):
            return element
    return None


def _is_inside(element: Element, container: Element) -> bool:
    return element is container or any(a is container for a in element.iterancestors())


def _first_status(
    page: ParsedPage, after: list[Element], before: list[Element], *, inside: Element
) -> tuple[Element, PostRef] | None:
    # The permalink (usually the time) follows the text in every card seen; a link
    # before the text belongs to the previous card of a flat feed unless none follows.
    for group in (after, before):
        ordered = group if group is after else list(reversed(group))
        for element in ordered:
            links = _STATUS_LINKS_XPATH(element)
            if element.tag == "a" and "/status" in (element.get("href") or ""):
                links = [element, *links]
            if group is before:
                links = list(reversed(links))
            for anchor in links:
                ref = _status_ref(page, anchor.get("href"))
                if ref is not None:
                    return anchor, ref
    return None


def _first_handle(before: list[Element], after: list[Element], seed: Element) -> Element | None:
    for group in (before, after):
        for element in group:
            for candidate in [element, *_HANDLE_XPATH(element)]:
                if len(candidate) and candidate.tag != "a":
                    continue  # the innermost element showing the handle
                if _SHOWN_HANDLE.match(_one_line(element_text(candidate))):
                    if _is_inside(candidate, seed) and candidate is not seed:
                        continue  # a mention inside the text
                    return candidate
    return None


def _card_name(
    before: list[Element], after: list[Element], seed: Element, handle_element: Element | None
) -> str | None:
    for group in (before, after):
        for element in group:
            for candidate in element.iter():
                if candidate is seed or not isinstance(candidate.tag, str):
                    continue
                tokens = (candidate.get("class") or "").split()
                if any(_CARD_NAME_CLASS.search(t) and "screen" not in t.lower() for t in tokens):
                    shown = _one_line(element_text(candidate))
                    if shown and len(shown) <= 60 and not _SHOWN_HANDLE.match(shown):
                        return shown
    if handle_element is not None:
        title = (handle_element.get("title") or "").strip()
        if title and not title.lower().startswith("follow"):
            return title
    for group in (before, after):
        for element in group:
            for image in element.iter("img"):
                alt = _one_line(image.get("alt") or "")
                if alt and len(alt) <= 60:
                    return alt
    return None
