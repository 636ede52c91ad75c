"""Hostile documents, each built at a chosen size: shared by the robustness tests and the benchmark.

Each maker takes an approximate size in bytes (or characters) and returns a
``str`` or ``bytes`` document of about that size.  None is copied from anywhere;
they are the shapes that make naive parsers crawl: long runs of a trigger,
deep nesting, undecodable bytes.
"""

from __future__ import annotations

import random
from collections.abc import Callable

__all__ = ["HOSTILE", "Maker"]

Maker = Callable[[int], "str | bytes"]

_TWEET_TAIL = (
    "</p>&mdash; Ada Example (@ada_example) "
    '<a href="https://twitter.com/ada_example/status/1508951925456744449">March 30, 2022</a>'
    "</blockquote>"
)

# A site-made card after the hostile part: it must still be found.
_CARD = (
    '<div class="post"><div><span>Bo Example</span> <span>@bo_example</span></div>'
    "<p>The ferry to the island runs again from Monday morning.</p>"
    '<a href="https://twitter.com/bo_example/status/1508951925456744450">Mar 30, 2022</a></div>'
)


def _repeat(unit: str, size: int) -> str:
    return unit * max(size // len(unit), 1)


def open_paren_at(size: int) -> str:
    """Megabytes of ``(@``: every position could start an attribution's handle."""
    return _repeat("(@", size)


def attribution_flood(size: int) -> str:
    """Attribution-like lines with no end: ``— A (@a`` again and again on one line."""
    return _repeat("— A (@a ", size)


def nested_tags(size: int) -> str:
    """A tweet blockquote holding ``<div>`` nested ``size / 5`` deep."""
    depth = max(size // 5, 1)
    return '<blockquote class="twitter-tweet"><p>' + "<div>" * depth + "x" + _TWEET_TAIL


def nested_blockquotes(size: int) -> str:
    """Tweet blockquotes nested inside each other, thousands deep."""
    unit = '<blockquote class="twitter-tweet">'
    return _repeat(unit, size) + "</blockquote>" * max(size // len(unit), 1)


def no_markers_page(size: int) -> str:
    """A big page with share links (``twitter.com``) but no embed marker: the prefilter's case."""
    para = (
        "<p>Lorem ipsum dolor sit amet, <a href='https://twitter.com/intent/tweet?text=x'>"
        "share</a> consectetur adipiscing elit. <b>Sed</b> do eiusmod tempor.</p>\n"
    )
    return "<!DOCTYPE html><html><head><title>t</title></head><body>" + _repeat(para, size)


def url_commas(size: int) -> str:
    """A URL followed by a long run of commas, in a tweet's text (a known regex killer)."""
    return (
        '<blockquote class="twitter-tweet"><p>see https://example.org/a'
        + _repeat(",", size)
        + _TWEET_TAIL
    )


def mention_flood(size: int) -> str:
    """A tweet whose text is ``@a@a@a…`` and ``#`` runs: entity scanning on hostile text."""
    return '<blockquote class="twitter-tweet"><p>' + _repeat("@a#b$c", size) + _TWEET_TAIL


def text_url_commas(size: int) -> str:
    """Plain text: a status URL followed by commas, then an attribution line."""
    return (
        "Look https://twitter.com/ada/status/20"
        + _repeat(",", size)
        + "\n— Ada Example (@ada_example) March 30, 2022\n"
    )


def nul_bytes(size: int) -> bytes:
    """NUL bytes around a tweet embed."""
    embed = ('<blockquote class="twitter-tweet"><p>hi\x00there' + _TWEET_TAIL).encode()
    return b"\x00" * (size // 2) + embed + b"\x00" * (size // 2)


def invalid_utf8(size: int) -> bytes:
    """Truncated and overlong UTF-8 sequences around a tweet embed."""
    junk = b"\xc3\x28\xa0\xa1\xe2\x28\xa1\xf0\x28\x8c\xbc\xed\xa0\x80\xff"
    embed = ('<blockquote class="twitter-tweet"><p>hi' + _TWEET_TAIL).encode()
    return junk * (size // (2 * len(junk))) + embed + junk * (size // (2 * len(junk)))


def wrong_charset(size: int) -> bytes:
    """A page declaring Shift_JIS whose bytes are UTF-8 with a tweet in it."""
    body = ('<blockquote class="twitter-tweet"><p>café “quoted” 日本' + _TWEET_TAIL).encode()
    return b'<meta charset="shift_jis">' + body * max(size // len(body), 1)


def utf16_bom(size: int) -> bytes:
    """A UTF-16 page with a byte-order mark holding tweet embeds."""
    body = '<blockquote class="twitter-tweet"><p>café' + _TWEET_TAIL
    return ("\ufeff" + _repeat(body, size // 2)).encode("utf-16-le")


def binary_junk(size: int) -> bytes:
    """Random bytes (seeded), with an embed marker so the parser is reached."""
    data = random.Random(size).randbytes(size)
    return data[: size // 2] + b"twitter-tweet (@a) /status/1" + data[size // 2 :]


# Unclosed embed openings of four platforms, each repeated so that every one nests in
# the one before (each with its own id, so none is folded into another).
def _nested(unit: str, size: int) -> str:
    count = max(size // len(unit.format(n=10**6)), 1)
    return "".join(unit.format(n=10**6 + n) for n in range(count))


def nested_tiktok(size: int) -> str:
    """Unclosed TikTok snippets nested as deep as the parser goes, a caption in each."""
    return _nested(
        '<blockquote class="tiktok-embed" cite="https://www.tiktok.com/@a/video/67183353908'
        '4{n}" data-video-id="671833539084{n}"><section><a href="https://www.tiktok.com/@a">'
        "@a</a> caption #tag @b {n} ",
        size,
    )


def nested_bluesky(size: int) -> str:
    """Unclosed Bluesky snippets nested deep, each with text and a profile link."""
    return _nested(
        '<blockquote class="bluesky-embed" data-bluesky-uri="at://did:plc:abcdefghijklmnopqrs'
        'tuvwx/app.bsky.feed.post/3lbq7m{n}"><p>x @b #c {n} <a href="https://bsky.app/profile/'
        'did:plc:abcdefghijklmnopqrstuvwx">@a.example.com</a>',
        size,
    )


def nested_reddit(size: int) -> str:
    """Unclosed Reddit embed blockquotes nested deep, each with its title and author links."""
    return _nested(
        '<blockquote class="reddit-embed-bq"><a href="https://www.reddit.com/r/example/'
        'comments/abc{n}/a_title/">A title {n}</a> by <a href="https://www.reddit.com/user/'
        'ada/">u/ada</a>',
        size,
    )


def nested_instagram(size: int) -> str:
    """Unclosed Instagram snippets nested deep, each linking its own post."""
    return _nested(
        '<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com'
        '/p/CxAb{n}/" data-instgrm-version="14"><p>cap #x @y <a href="https://www.instagram.'
        'com/p/CxAb{n}/">A post shared by A (@a)',
        size,
    )


def many_attributes(size: int) -> str:
    """One tweet blockquote start tag carrying tens of thousands of attributes."""
    count = max(size // 10, 1)
    attributes = " ".join(f'a{n}="x"' for n in range(count))
    return f'<blockquote class="twitter-tweet" {attributes}><p>hi' + _TWEET_TAIL


def nested_same_tiktok(size: int) -> str:
    """One TikTok snippet opened again and again inside itself (the same post each time)."""
    return _repeat(
        '<blockquote class="tiktok-embed" cite="https://www.tiktok.com/@a/video/'
        '6718335390845095173" data-video-id="6718335390845095173">'
        '<a href="https://www.tiktok.com/@a">@a</a>',
        size,
    )


def many_attributes_lt(size: int) -> str:
    """A tweet blockquote start tag with tens of thousands of attributes whose values hold "<"."""
    count = max(size // 12, 1)
    attributes = " ".join(f'a{n}="<x>"' for n in range(count))
    return f'<blockquote class="twitter-tweet" {attributes}><p>hi' + _TWEET_TAIL


def permalink_row(size: int) -> str:
    """One paragraph of post links side by side, then a card: each link was once weighed
    against the whole paragraph."""
    unit = '<a href="https://twitter.com/ada_example/status/1508951925456744449">link</a> '
    return "<p>" + _repeat(unit, size) + "</p>" + _CARD


def quote_chains(size: int) -> str:
    """Runs of start tags whose odd quotes pair across tags: read from any of them, the
    attributes run to the end of the run, over every tag after it.  The run is short of
    the attribute cap, so no tag is cut."""
    run = '<b c="x" d="<' * 150 + 'e">z '
    return _repeat(run, size)


def nested_paragraph_links(size: int) -> str:
    """A tweet blockquote whose text nests paragraphs and links hundreds deep."""
    unit = '<p><a href="https://example.com/a">a</a><a>'
    return '<blockquote class="twitter-tweet"><div>' + _repeat(unit, size) + "</div>" + _TWEET_TAIL


def past_depth_limit(size: int) -> str:
    """Unclosed elements nested far past the parser's 2,048 levels, a tweet after each run."""
    tweet = '<blockquote class="twitter-tweet"><p>hi' + _TWEET_TAIL
    return _repeat("<div>", size // 2) + tweet + _repeat("<span>", size // 2) + tweet


def nested_quotations(size: int) -> str:
    """Quotations (classless blockquotes) nested deep, each closed by a status link of its
    own and no byline: each one's text used to be read whole, inner ones included."""
    count = max(size // 110, 1)
    opening = "<blockquote><p>a quotation (with brackets)</p>" * count
    closing = "".join(
        f'(x) <a href="https://twitter.com/ada/status/{10**15 + n}">x</a></blockquote>'
        for n in range(count)
    )
    return opening + closing


def nested_snippets_unlinked(size: int) -> str:
    """Tweet snippets nested deep with links but no status link: each listed every link
    of the snippets inside it."""
    return _repeat('<blockquote class="twitter-tweet"><a href="https://example.com/a">a</a>', size)


def nested_foreign_quotes(size: int) -> str:
    """Another platform's snippets nested deep, each holding a profile link and a status
    link: every permalink's card climb read the levels below it (the long run's shape)."""
    return _nested(
        '<blockquote class="instagram-media"><a href="https://www.tiktok.com/@ada">@ada</a>'
        '<a href="https://twitter.com/ada/status/1{n}">link</a>',
        size,
    )


def nested_cards(size: int) -> str:
    """A site's tweet card left open and repeated, each inside the one before, its date
    link unclosed too: every permalink was checked against every card found by a walk up
    to the root, and searched through all the markup after it for a screenshot."""
    return _nested(
        '<div class="tweet-card"><span>Ada Example</span> <span>@ada_example</span>'
        "<p>The ferry runs again {n}.</p>"
        '<a href="https://twitter.com/ada_example/status/1508951925{n}">Mar 30, 2022',
        size,
    )


def unclosed_comment_quoted_lt(size: int) -> str:
    """A comment left open before list items whose titles' quotes pair across tags: every
    "<" after it was read as a start tag with attributes running to the end."""
    # The snippet at the end is what makes the page worth parsing (and is comment too).
    return (
        "<p>Story.</p><!-- a note "
        + _repeat('<li><a href="https://example.com/a" title="A title        ', size)
        + '<blockquote class="twitter-tweet"><p>hi'
        + _TWEET_TAIL
    )


def huge_class_over_links(size: int) -> str:
    """Post links under one element whose class attribute is most of the page: its class
    was searched once per link below it."""
    links = "".join(
        f'<a href="https://twitter.com/ada/status/1{n:018d}">post</a> ' for n in range(500)
    )
    return '<div><span class="' + _repeat("token x ", size) + '">' + links + "</span></div>"


def link_feed(size: int) -> str:
    """Thousands of post links side by side in one element, with no card: each link's
    climb listed all its siblings, and weighed each against a card."""
    unit = '<a href="https://twitter.com/ada/status/1{n:018d}">post</a> '
    count = max(size // len(unit.format(n=0)), 1)
    return "<div><span>" + "".join(unit.format(n=n) for n in range(count)) + "</span></div>"


def nested_open_links(size: int) -> str:
    """Tweet snippets whose text holds links left open, each inside the one before (a
    heading after each): every link's shown text was read to the end of the snippet."""
    levels = 500  # three elements a level: within the parser's depth limit
    snippet = (
        '<blockquote class="twitter-tweet"><p>Drinking game '
        + "".join(f'<a href="/code/{n}/"><header><h2>post {n} ' for n in range(levels))
        + "</p>&mdash; Ada Example (@ada_example) "
        '<a href="https://twitter.com/ada_example/status/1508951925456744449">March 30, 2022'
        "</a></blockquote>"
    )
    return snippet * max(size // len(snippet), 1)


#: Every hostile maker by name, in the order the benchmark prints them.
HOSTILE: dict[str, Callable[[int], str | bytes]] = {
    "open_paren_at": open_paren_at,
    "attribution_flood": attribution_flood,
    "nested_tags": nested_tags,
    "nested_blockquotes": nested_blockquotes,
    "no_markers_page": no_markers_page,
    "url_commas": url_commas,
    "mention_flood": mention_flood,
    "text_url_commas": text_url_commas,
    "nul_bytes": nul_bytes,
    "invalid_utf8": invalid_utf8,
    "wrong_charset": wrong_charset,
    "utf16_bom": utf16_bom,
    "binary_junk": binary_junk,
    "nested_tiktok": nested_tiktok,
    "nested_bluesky": nested_bluesky,
    "nested_reddit": nested_reddit,
    "nested_instagram": nested_instagram,
    "many_attributes": many_attributes,
    "nested_same_tiktok": nested_same_tiktok,
    "many_attributes_lt": many_attributes_lt,
    "permalink_row": permalink_row,
    "quote_chains": quote_chains,
    "nested_paragraph_links": nested_paragraph_links,
    "past_depth_limit": past_depth_limit,
    "nested_quotations": nested_quotations,
    "nested_snippets_unlinked": nested_snippets_unlinked,
    "nested_foreign_quotes": nested_foreign_quotes,
    "nested_cards": nested_cards,
    "unclosed_comment_quoted_lt": unclosed_comment_quoted_lt,
    "huge_class_over_links": huge_class_over_links,
    "link_feed": link_feed,
    "nested_open_links": nested_open_links,
}
