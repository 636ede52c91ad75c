"""find_mentions on the text of the real pages in ``../shared/corpus`` (skipped when absent).

Each page is turned into text with lxml (scripts and styles dropped, block elements on
their own lines), remembering for every piece of text whether it lies inside a share
link, a share widget, or navigation (``nav``, ``footer``, ``role=navigation``).  A
mention there would be a share button or a menu read as prose.
"""

from __future__ import annotations

import gzip
from collections import Counter
from pathlib import Path

import attrs
import lxml.etree
import lxml.html
import pytest
from shared_data import SHARED

from tweetresolve.mentions import Mention, find_mentions

ROOT = Path(__file__).resolve().parents[1]
PAGES = SHARED / "corpus" / "pages"

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not PAGES.is_dir(), reason="the shared corpus is not present"),
]

#: Hrefs of share buttons: tweet/post intents, Facebook's sharer, generic share URLs.
SHARE_HREF_PARTS = ("intent/tweet", "intent/post", "sharer", "share", "addtoany", "mailto:")
#: Class or id words of share and follow widgets.
WIDGET_WORDS = ("share", "sharing", "social", "follow")
#: The most text a share or follow widget holds.
MAX_WIDGET_TEXT = 300
#: Tags whose text is navigation.
NAV_TAGS = frozenset({"nav", "footer"})
#: Tags that start a new line of text.
BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    ]
)
DROP_TAGS = frozenset({"script", "style", "noscript", "template"})

#: At least this many mentions are found over all pages (29 at the time of writing).
MIN_MENTIONS = 20


@attrs.frozen
class PageText:
    """A page's text and the spans of it that are share widgets or navigation."""

    text: str
    #: (start, end, reason) of every piece of text inside a share link/widget or nav.
    flagged: tuple[tuple[int, int, str], ...]


def _flag_of(element: lxml.etree._Element) -> str | None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag == "a":
        href = (element.get("href") or "").lower()
        if any(part in href for part in SHARE_HREF_PARTS):
            return "share link"
    if tag in NAV_TAGS or element.get("role") == "navigation":
        return "navigation"
    names = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
    # A share bar is short; a long element with "social" in its class is a page or
    # article container (e.g. a "social-media" category class), not a widget.
    is_widget = any(word in names for word in WIDGET_WORDS)
    if is_widget and len(element.text_content()) <= MAX_WIDGET_TEXT:
        return "share widget"
    return None


def page_text(raw: bytes) -> PageText:
    """Text of an HTML page with the spans of share widgets and navigation."""
    root = lxml.html.document_fromstring(raw)
    parts: list[str] = []
    flagged: list[tuple[int, int, str]] = []
    stack: list[str | None] = []
    length = 0

    def add(text: str | None) -> None:
        nonlocal length
        if not text:
            return
        reason = next((flag for flag in reversed(stack) if flag), None)
        if reason is not None:
            flagged.append((length, length + len(text), reason))
        parts.append(text)
        length += len(text)

    skip = 0
    for event, element in lxml.etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if skip or tag in DROP_TAGS:
                skip += 1
                continue
            if tag in BLOCK_TAGS:
                add("\n")
            stack.append(_flag_of(element))
            add(element.text)
        else:
            if skip:
                skip -= 1
                if not skip:
                    add(element.tail)
                continue
            stack.pop()
            if tag in BLOCK_TAGS:
                add("\n")
            add(element.tail)
    return PageText(text="".join(parts), flagged=tuple(flagged))


def _pages() -> list[Path]:
    return sorted(p for p in PAGES.iterdir() if p.name.endswith((".html", ".html.gz")))


def _read(path: Path) -> bytes:
    raw = path.read_bytes()
    return gzip.decompress(raw) if path.name.endswith(".gz") else raw


@pytest.fixture(scope="module")
def found() -> dict[str, tuple[PageText, list[Mention]]]:
    """Every page's text and the mentions found in it."""
    out = {}
    for path in _pages():
        page = page_text(_read(path))
        out[path.name] = (page, find_mentions(page.text))
    return out


def test_page_text_flags_share_links_and_navigation() -> None:
    """The text builder marks share links, share widgets and navigation."""
    page = page_text(
        b"<html><body><nav>Home News</nav><p>Ada wrote on X that</p>"
        b'<a href="https://twitter.com/intent/tweet?text=x">Share on X</a>'
        b'<div class="share-bar">Share on Facebook</div><footer>Follow us on X</footer>'
        b"<script>var a = 'tweeted';</script></body></html>"
    )
    assert page.text.split() == (
        [
            "Home",
            "News",
            "Ada",
            "wrote",
            "on",
            "X",
            "that",
            "Share",
            "on",
            "X",
            "Share",
            "on",
            "Facebook",
            "Follow",
            "us",
            "on",
            "X",
        ]
    )
    reasons = sorted({reason for _, _, reason in page.flagged})
    assert reasons == ["navigation", "share link", "share widget"]
    assert [m.phrase for m in find_mentions(page.text)] == ["wrote on X"]


def test_no_mention_in_share_buttons_or_navigation(
    found: dict[str, tuple[PageText, list[Mention]]],
) -> None:
    """No mention on any real page overlaps a share link, share widget or navigation."""
    bad = []
    for name, (page, mentions) in found.items():
        for mention in mentions:
            for start, end, reason in page.flagged:
                if start < mention.end and mention.start < end:
                    bad.append((name, mention.phrase, reason))
    assert bad == []


def test_share_and_navigation_text_is_present(
    found: dict[str, tuple[PageText, list[Mention]]],
) -> None:
    """The pages do contain share/navigation text naming platforms, so the check above bites."""
    platform_words = ("twitter", "facebook", "tweet", "instagram", "teilen", "partager")
    hits = 0
    for page, _ in found.values():
        for start, end, _ in page.flagged:
            piece = page.text[start:end].lower()
            hits += any(word in piece for word in platform_words)
    assert hits >= 50


def test_mentions_are_counted(found: dict[str, tuple[PageText, list[Mention]]]) -> None:
    """The pages yield mentions in several languages; each is well formed."""
    mentions = [m for _, ms in found.values() for m in ms]
    assert len(mentions) >= MIN_MENTIONS
    langs = Counter(m.lang for m in mentions)
    assert {"en", "de", "fr"} <= set(langs)
    for _, (page, ms) in found.items():
        for mention in ms:
            assert page.text[mention.start : mention.end] == mention.phrase
            assert mention.platform
