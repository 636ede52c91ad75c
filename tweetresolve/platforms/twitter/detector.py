"""The Twitter HTML detector: find every element that can be an embed, read each.

One pass over the tags that may be embeds and one XPath pass over attributes
collect the elements; each is read by the reader of its form.  Embeds shown as code
(inside ``<pre>``, ``<code>``) are not posts.
"""

from __future__ import annotations

import lxml.etree

from tweetresolve.html import Element, ParsedPage, has_class
from tweetresolve.platforms._common import FRAME_SOURCES, without_noscript_copies
from tweetresolve.platforms.base import Candidate
from tweetresolve.platforms.twitter.cards import find_cards, is_card_seed
from tweetresolve.platforms.twitter.official import read_blockquote, read_blockquotes
from tweetresolve.platforms.twitter.rendered import (
    is_rendered,
    read_iframe,
    read_rendered_div,
)
from tweetresolve.platforms.twitter.urls import id_only_post, tweet_id_attribute
from tweetresolve.records import Post

__all__ = ["find_in_page"]

# Tags that may be a Twitter embed whatever their attributes; the tree yields them in
# one C-level pass (cheaper than an XPath predicate on every element).
_EMBED_TAGS = ("blockquote", "iframe", "amp-iframe", "amp-twitter", "twitterwidget")


# In one more pass: any element carrying a tweet id, and any element whose class
# mentions "tweet" (the widget's div.twitter-tweet, site-made card text blocks).  Each
# attribute test costs a tenth of a parse, so only these two: "data-tweetid" belongs to
# amp-twitter and blockquotes, which the tag pass already reads.
_ATTRIBUTE_XPATH = lxml.etree.XPath("descendant::*[contains(@class, 'weet') or @data-tweet-id]")


# Widget classes that are not card text blocks (read by the embed readers).
_WIDGET_CLASSES = frozenset({"twitter-tweet", "twitter-tweet-rendered", "twitter-tweet-error"})


# Elements whose content is shown as code, never rendered as an embed.
_CODE_TAGS = frozenset({"pre", "code", "xmp", "plaintext", "listing"})


def find_in_page(page: ParsedPage) -> list[Candidate]:
    """Every Twitter embed of the page, each form read by its reader."""
    elements: dict[Element, None] = dict.fromkeys(
        el for el in page.root.iter(*_EMBED_TAGS) if _may_be_embed(el)
    )
    seeds: list[Element] = []
    for element in _ATTRIBUTE_XPATH(page.root):
        if element in elements:
            continue
        if tweet_id_attribute(element) is not None or (
            element.tag == "div"
            and _WIDGET_CLASSES.intersection((element.get("class") or "").split())
        ):
            elements[element] = None
        elif is_card_seed(element):
            seeds.append(element)
    found: list[Candidate] = []
    embeds: set[Element] = set()
    in_code = _code_contents(page.root)
    quoted = read_blockquotes(page, [el for el in elements if el.tag == "blockquote"], in_code)
    for element in elements:
        if element in in_code:
            continue
        post = quoted.get(element) if element.tag == "blockquote" else _read_embed(page, element)
        if post is not None:
            found.append(Candidate(element=element, post=post))
            embeds.add(element)
    if seeds:
        found.extend(find_cards(page, seeds, embeds, in_code))
    # A tweet's <noscript> fallback may sit anywhere on the page, not only beside it.
    return without_noscript_copies(found, anywhere=True)


def _may_be_embed(element: Element) -> bool:
    """The cheap first look at an element of an embed tag."""
    tag = element.tag
    if tag in {"amp-twitter", "twitterwidget", "blockquote"}:
        return True  # blockquotes are read (their links decide)
    if tag in ("iframe", "amp-iframe"):
        # Every place a lazy loader or a consent manager may keep the URL.
        src = " ".join(element.get(name) or "" for name in FRAME_SOURCES).lower()
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
    return False


def _read_embed(page: ParsedPage, element: Element) -> Post | None:
    tag = element.tag
    if tag == "blockquote":
        return read_blockquote(page, element)
    if tag == "amp-twitter":
        return id_only_post(element, tweet_id_attribute(element), form="amp")
    if tag in ("iframe", "amp-iframe"):
        return read_iframe(page, element)
    if tag == "div" and (
        has_class(element, "twitter-tweet") or has_class(element, "twitter-tweet-rendered")
    ):
        return read_rendered_div(page, element)
    if tag == "twitterwidget":
        return id_only_post(element, tweet_id_attribute(element), form="rendered")
    if tag in {"a", "button", "span", "input", "li", "img"}:
        # Like/retweet buttons of site-made cards carry the id too; they are not embeds.
        return None
    if not is_rendered(element):
        # Id-only placeholders of every platform are the placeholder family's
        # (tweetresolve.families.placeholders).
        return None
    return id_only_post(element, tweet_id_attribute(element), form="rendered")


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
