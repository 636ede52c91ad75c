"""Regression tests for hostile markup: nested embeds, odd tag names, comments, attribute floods.

Timings of the same documents are printed by ``benchmarks/bench_hostile.py``; these
tests check outputs and their bounds only.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import lxml.html
import pytest
from hostile import HOSTILE
from hypothesis import given, settings
from hypothesis import strategies as st

import tweetresolve as tr
from tweetresolve.extract import MAX_ENTITIES, MAX_LINKS, MAX_TEXT_CHARS
from tweetresolve.parser_input import MAX_ATTRIBUTES, cap_attributes

TWEET_TAIL = (
    "</p>&mdash; Ada Example (@ada_example) "
    '<a href="https://twitter.com/ada_example/status/1508951925456744449">March 30, 2022</a>'
    "</blockquote>"
)


class _Calls:
    """Counts the calls of a module's function, replaced for one test: work measured as
    calls, never as time."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, owner: Any, name: str) -> None:
        self.count = 0
        real = getattr(owner, name)

        def counting(*args: Any, **kwargs: Any) -> Any:
            self.count += 1
            return real(*args, **kwargs)

        monkeypatch.setattr(owner, name, counting)


@pytest.fixture
def no_errors(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """Fail the test if a detector failure (or any error) was logged."""
    caplog.set_level(logging.ERROR, logger="tweetresolve")
    yield
    # The records of the test's own call: ``caplog.records`` here would be the teardown's.
    logged = caplog.get_records("call")
    assert not [record.getMessage() for record in logged if record.levelno >= logging.ERROR]


@pytest.mark.parametrize(
    ("name", "platform", "most_text"),
    [
        # each caption is "@a caption #tag @b <n>" (the handle link is not text)
        ("nested_tiktok", "tiktok", 40),
        ("nested_bluesky", "bluesky", 40),
        ("nested_reddit", "reddit", 40),
        # the snippets hold no caption the reader keeps
        ("nested_instagram", "instagram", 0),
    ],
)
def test_nested_embeds_are_read_apart(
    no_errors: None, name: str, platform: str, most_text: int
) -> None:
    """Embeds nested in embeds: one post each, none holding the text of those inside it."""
    document = HOSTILE[name](40_000)
    posts = tr.extract(document)
    assert len(posts) >= 100
    assert {post.platform for post in posts} == {platform}
    assert len({post.post_id for post in posts}) == len(posts)
    assert max(len(post.text or "") for post in posts) <= most_text
    assert max(len(post.entities) for post in posts) <= 3
    assert max(len(post.links) for post in posts) <= 1
    spans = [post.span for post in posts]
    assert all(span is not None and 0 <= span[0] < span[1] <= len(document) for span in spans)
    assert len({span[0] for span in spans if span}) == len(posts)


def test_issue_reproducer_same_post_nested() -> None:
    """The same TikTok snippet opened 500 times over: one post, with bounded text."""
    document = (
        '<blockquote class="tiktok-embed" cite="https://www.tiktok.com/@a/video/'
        '6718335390845095173" data-video-id="6718335390845095173">'
        '<a href="https://www.tiktok.com/@a">'
    ) * 500
    posts = tr.extract(document)
    assert [(post.platform, post.post_id) for post in posts] == [("tiktok", "6718335390845095173")]
    assert len(posts[0].links) <= 1


class _CountingDict(dict):  # type: ignore[type-arg]
    """A dict that counts its look-ups."""

    lookups = 0

    def get(self, key: object, default: object = None) -> object:
        type(self).lookups += 1
        return super().get(key, default)


@pytest.mark.parametrize("depth", [50, 400])
def test_nested_copies_of_one_placeholder_stay_linear(depth: int) -> None:
    """Copies of one post nested deep are folded with a bounded walk up from each."""
    from tweetresolve.families import placeholders
    from tweetresolve.records import Post

    document = HOSTILE["nested_same_tiktok"](depth * 190)
    assert isinstance(document, str)
    root = lxml.html.document_fromstring(document)
    embeds = list(root.iter("blockquote"))
    post = Post(platform="tiktok", post_id="6718335390845095173")
    found, folded = _CountingDict(), _CountingDict()
    _CountingDict.lookups = 0
    for element in embeds:
        placeholders._add(found, element, post, folded)
    assert list(found) == embeds[:1]
    assert len(folded) == len(embeds) - 1
    assert _CountingDict.lookups <= 4 * sum(1 for _ in root.iter())
    # and the whole page: one post
    assert [(p.platform, p.post_id) for p in tr.extract(document)] == [
        ("tiktok", "6718335390845095173")
    ]


def test_tag_name_lxml_refuses(no_errors: None) -> None:
    """A tag name lxml will not look up does not make extract() raise; its post is found."""
    document = '<k\uffff class="twitter-tweet"><p>hi' + TWEET_TAIL.replace("blockquote", "k\uffff")
    posts = tr.extract(document)
    assert [post.post_id for post in posts] == ["1508951925456744449"]
    assert posts[0].span == (0, len(document))


@pytest.mark.parametrize(
    "document",
    [
        # the reproducer: a comment among the siblings of a card's text block
        b'<v class="r-tweet"><!><div class="ttwitter-tweet">',
        b'<div><!-- note --><p class="tweet-text">Soup of the day here</p><!-- end -->'
        b'<a href="https://twitter.com/cafe_example/status/20">5 mins ago</a></div>',
    ],
)
def test_comments_beside_cards(no_errors: None, document: bytes) -> None:
    """Comments beside a site-made card's parts reach no detector as elements."""
    assert isinstance(tr.extract(document), list)


def test_comment_does_not_cost_the_page_its_tweets(no_errors: None) -> None:
    """A page with the comment reproducer keeps its real tweet."""
    document = '<v class="r-tweet"><!><div class="ttwitter-tweet">x</div></v>'
    document += '<blockquote class="twitter-tweet"><p>hi' + TWEET_TAIL
    assert [post.post_id for post in tr.extract(document)] == ["1508951925456744449"]


def test_attribute_flood_is_cut(caplog: pytest.LogCaptureFixture) -> None:
    """A start tag with 40,000 attributes is cut to the cap; its post and span survive."""
    document = HOSTILE["many_attributes"](400_000)
    with caplog.at_level(logging.WARNING, logger="tweetresolve"):
        posts = tr.extract(document)
    assert [post.post_id for post in posts] == ["1508951925456744449"]
    assert posts[0].span == (0, len(document))
    assert any("more than 1000 attributes" in record.getMessage() for record in caplog.records)


@pytest.mark.parametrize("value", ['"<x>"', '"a<b"', "'<'", '"x\'<"'])
def test_attribute_flood_with_angle_brackets_in_values_is_cut(value: str) -> None:
    """A tag of 40,000 attributes whose values hold a "<" is cut to the cap too."""
    attributes = " ".join(f"a{n}={value}" for n in range(40_000))
    document = f'<blockquote class="twitter-tweet" {attributes}><p>hi' + TWEET_TAIL
    capped = cap_attributes(document)
    assert capped.count(value) == MAX_ATTRIBUTES - 1  # and the class
    assert capped.endswith(f"a{MAX_ATTRIBUTES - 2}={value}><p>hi" + TWEET_TAIL)
    (post,) = tr.extract(document)
    assert (post.post_id, post.text, post.span) == ("1508951925456744449", "hi", (0, len(document)))


def test_attribute_cut_keeps_lines() -> None:
    """Attributes cut over several lines leave their line breaks: later spans stay right."""
    attributes = "\n".join(f"a{n}=x" for n in range(MAX_ATTRIBUTES + 500))
    embed = '<blockquote class="twitter-tweet"><p>hi' + TWEET_TAIL
    document = f"<div {attributes}>x</div>\n{embed}"
    capped = cap_attributes(document)
    assert capped.count("\n") == document.count("\n")
    assert capped.count("=") == MAX_ATTRIBUTES + embed.count("=")
    (post,) = tr.extract(document)
    assert post.span == (document.index("<blockquote"), len(document))


@pytest.mark.parametrize(
    "document",
    [
        # a script whose code reads like a tag with many attributes
        "<script>if (a <b " + " ".join(f"c{n}" for n in range(1500)) + ") {}</script><p>x</p>",
        # the same in a comment
        "<!-- <b " + " ".join(f"c{n}" for n in range(1500)) + " --><p>x</p>",
        # a long attribute value is one attribute
        '<div data-props="' + "x " * 5000 + '">y</div>',
        # values holding "<" in tags of a few attributes
        '<div title="a<b" data-html="<i>x</i>">y</div>' * 500,
        # a script's strings holding markup
        "<script>var a = '<b " + " ".join(f"c{n}" for n in range(1500)) + "';</script>",
    ],
)
def test_attribute_cap_leaves_other_text(document: str) -> None:
    """Scripts, comments and long values are handed to the parser unchanged."""
    assert cap_attributes(document) is document


def test_output_per_post_is_capped() -> None:
    """Text, links and entities past the caps are cut, each with a warning on the post."""
    links = " ".join(f'<a href="https://example.org/{n}">l</a>' for n in range(MAX_LINKS + 5))
    mentions = "@ab " * (MAX_ENTITIES + 5)
    filler = "x" * MAX_TEXT_CHARS
    document = f'<blockquote class="twitter-tweet"><p>{mentions}{links} {filler}' + TWEET_TAIL
    (post,) = tr.extract(document)
    assert post.text is not None
    assert len(post.text) == MAX_TEXT_CHARS
    assert len(post.links) == MAX_LINKS
    assert len(post.entities) == MAX_ENTITIES
    assert set(post.warnings) >= {"text_truncated", "links_truncated", "entities_truncated"}


def test_control_characters_after_an_inner_embed(no_errors: None) -> None:
    """An inner embed followed by a control character is still read apart, not dropped."""
    inner = (
        '<blockquote class="tiktok-embed" cite="https://www.tiktok.com/@a/video/6718335390845095173"'
        ' data-video-id="6718335390845095173"><a href="https://www.tiktok.com/@a">@a</a>'
        "</blockquote>"
    )
    outer = (
        '<blockquote class="tiktok-embed" cite="https://www.tiktok.com/@b/video/6718335390845095174"'
        ' data-video-id="6718335390845095174">'
    )
    posts = tr.extract(outer + inner + "\x01 after</blockquote>")
    assert sorted(str(post.post_id) for post in posts if post.platform == "tiktok") == [
        "6718335390845095173",
        "6718335390845095174",
    ]


@pytest.mark.parametrize("links", [40, 400])
def test_permalink_row_is_read_once(monkeypatch: pytest.MonkeyPatch, links: int) -> None:
    """A paragraph of many post links is walked and climbed a bounded number of times."""
    from tweetresolve.families import card_lines, cards

    steps = climbs = 0
    walk, climb = card_lines._walk, cards._CardFinder._climb

    def counted_walk(*args: object, **kwargs: object) -> None:
        nonlocal steps
        steps += 1
        walk(*args, **kwargs)  # type: ignore[arg-type]

    def counted_climb(*args: object, **kwargs: object) -> object:
        nonlocal climbs
        climbs += 1
        return climb(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(card_lines, "_walk", counted_walk)
    monkeypatch.setattr(cards._CardFinder, "_climb", counted_climb)
    document = HOSTILE["permalink_row"](links * 80)
    assert isinstance(document, str)
    posts = tr.extract(document)
    assert [(post.post_id, post.author and post.author.handle) for post in posts] == [
        ("1508951925456744450", "bo_example")
    ]
    elements = document.count("<") - document.count("</")
    assert steps <= 20 * elements
    # one climb per link: a second round only for links near a card found in the first
    assert climbs <= document.count("<a ") + 2


def test_nested_classless_blockquotes_are_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Plain blockquotes nested deep around a status link without a byline: read once, no post."""
    from tweetresolve.html import element_text
    from tweetresolve.platforms.twitter import official

    reads = 0

    def counted(*args: Any, **kwargs: Any) -> str:
        nonlocal reads
        reads += 1
        return element_text(*args, **kwargs)

    monkeypatch.setattr(official, "element_text", counted)
    link = '<a href="https://twitter.com/ada_example/status/1508951925456744449">see</a>'
    document = "<blockquote>" * 200 + "<p>Words of the page.</p>" + link
    assert tr.extract(document) == []
    assert reads <= 2
    # a classless quotation that ends like the snippet is still a post, however deep
    quotation = "<blockquote><p>hi" + TWEET_TAIL
    posts = tr.extract("<blockquote>" * 200 + quotation)
    assert [(post.post_id, post.text) for post in posts] == [("1508951925456744449", "hi")]


def test_card_lines_stop_far_from_the_recursion_limit() -> None:
    """The card line walk gives up on deep nesting long before Python's recursion limit.

    A RecursionError raised inside an lxml XPath call leaves that XPath's lock held and
    the next call hangs (found by the fuzzer), so the lookups the walk makes must never
    run near the limit.
    """
    import sys

    from tweetresolve.families.card_lines import ElementKinds, lines_of

    deepest = 0

    def field_kind(element: object) -> str | None:
        nonlocal deepest
        frame, depth = sys._getframe(), 0
        while frame is not None:
            frame, depth = frame.f_back, depth + 1  # type: ignore[assignment]
        deepest = max(deepest, depth)
        return None

    kinds = ElementKinds(
        anchor_kind=lambda _: None,
        permalink_key=lambda _: None,
        profile_user=lambda _: None,
        text_of=lambda _: None,
        field_kind=field_kind,
    )
    parser = lxml.html.HTMLParser(huge_tree=True)
    root = lxml.html.document_fromstring("<div>" + "<span>x" * 600 + "</div>", parser=parser)
    container = root.find(".//div")
    assert container is not None
    assert lines_of(container, kinds, ("", ""), frozenset(), None) == []
    assert 0 < deepest < sys.getrecursionlimit() // 2


def test_last_links_of_nested_blockquotes_come_from_one_walk(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Blockquotes of another platform nested deep are not each searched for their last link."""
    from tweetresolve.platforms.twitter import official

    searches = 0
    search = official._LAST_LINK

    def counted(element: Any) -> Any:
        nonlocal searches
        searches += 1
        return search(element)

    monkeypatch.setattr(official, "_LAST_LINK", counted)
    document = HOSTILE["nested_same_tiktok"](40_000)
    posts = tr.extract(document)
    assert [(post.platform, post.post_id) for post in posts] == [("tiktok", "6718335390845095173")]
    assert searches == 0
    from tweetresolve.html import parse_page

    page = parse_page(
        '<div><blockquote id="q1"><blockquote id="q2"><blockquote id="q3">'
        '<a href="https://twitter.com/ada/status/1">a</a></blockquote><a href="">b</a>'
        '</blockquote><a href="/c">c</a></blockquote><blockquote id="q4">x</blockquote>'
        '<blockquote id="q5"><a href="/e">e</a></blockquote></div>'
    )
    assert page is not None
    links = official.quote_memo(page)
    shown = {
        quote.get("id"): link.text if link is not None else None
        for quote, link in links.last.items()
    }
    assert shown == {"q1": "c", "q2": "a", "q3": "a", "q4": None, "q5": "e"}
    assert {quote.get("id") for quote in links.with_status} == {"q1", "q2", "q3"}


def test_fallback_cards_overlapping_found_cards_are_dropped() -> None:
    """A widget card inside, around or at a found card is dropped; one apart is kept."""
    from tweetresolve.families import cards
    from tweetresolve.html import parse_page
    from tweetresolve.platforms.base import Candidate
    from tweetresolve.records import Post

    page = parse_page(
        '<div id="outer"><div id="card"><span>Bo Example</span> <span>@bo_example</span>'
        "<p>The ferry to the island runs again from Monday morning.</p>"
        '<a href="https://twitter.com/bo_example/status/1508951925456744450">Mar 30, 2022</a>'
        '<i id="inner">x</i></div></div><div id="apart">y</div>'
    )
    assert page is not None
    found = cards.find_cards(page)
    assert [c.post.post_id for c in found] == ["1508951925456744450"]
    by_id = {el.get("id"): el for el in page.root.iter() if el.get("id")}
    fallback = [
        Candidate(element=by_id[name], post=Post(platform="twitter", post_id=str(n)))
        for n, name in enumerate(("outer", "inner", "apart"), start=1)
    ]
    kept = cards.find_cards(page, fallback=fallback)
    assert [c.element.get("id") for c in kept[1:]] == ["apart"]


def test_nested_text_paragraphs_are_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A tweet whose text nests paragraphs hundreds deep has its links read in one walk each."""
    from tweetresolve.platforms.twitter import official

    calls = 0
    text_links = official.text_links

    def counted(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        return text_links(*args, **kwargs)

    monkeypatch.setattr(official, "text_links", counted)
    document = HOSTILE["nested_paragraph_links"](20_000)
    assert isinstance(document, str)
    posts = tr.extract(document)
    assert [post.post_id for post in posts] == ["1508951925456744449"]
    links = [link.url for link in posts[0].links]
    assert links == ["https://example.com/a"] * len(links)
    # each link of the text once, not once per paragraph around it
    assert len(links) <= document.count('href="https://example.com/a"')
    assert calls <= 2


def test_attribute_cap_skips_tags_read_inside_a_value(monkeypatch: pytest.MonkeyPatch) -> None:
    """A "<" inside a value the cap has read already is not matched again as a tag."""
    from tweetresolve import parser_input

    matches = 0
    pattern = parser_input._TOO_MANY_ATTRIBUTES

    class Counted:
        def match(self, source: str, start: int) -> Any:
            nonlocal matches
            matches += 1
            return pattern.match(source, start)

    monkeypatch.setattr(parser_input, "_TOO_MANY_ATTRIBUTES", Counted())
    document = HOSTILE["quote_chains"](100_000)
    assert isinstance(document, str)
    assert cap_attributes(document) is document
    runs = document.count("z ")
    assert matches <= 2 * runs
    # a tag past the cap after such runs is still cut
    flood = "<p " + " ".join(f"a{i}=1" for i in range(MAX_ATTRIBUTES + 5)) + ' t="<">x</p>'
    capped = cap_attributes(document + flood)
    assert capped.startswith(document)
    assert capped.count("=") == document.count("=") + MAX_ATTRIBUTES


def test_code_block_members_are_found_once() -> None:
    """``ParsedPage.inside`` gives every element below a code block, nested ones included."""
    from tweetresolve.html import parse_page

    page = parse_page(
        '<pre id="a"><b id="b"><code id="c"><i id="d">x</i></code></b></pre>'
        '<p id="e"><code id="f"><u id="g">y</u></code></p><p id="h">z</p>'
    )
    assert page is not None
    tags = frozenset({"pre", "code"})
    inside = page.inside(tags)
    assert sorted(element.get("id") for element in inside) == ["b", "c", "d", "g"]
    assert page.inside(tags) is inside  # computed once per page


def test_merge_walks_stay_right_out_of_document_order() -> None:
    """Candidates of a nested tree may come out of document order: a walk up remembered
    before an element became an embed does not hide that embed from those below it."""
    from tweetresolve.html import parse_page
    from tweetresolve.merge import merge_candidates
    from tweetresolve.platforms.base import Candidate
    from tweetresolve.records import Post

    page = parse_page("<p>page</p>" + "<i>x</i>" * 40)
    inner_tree = lxml.html.fragment_fromstring(
        '<div><b id="first">z</b><div id="outer"><div id="wrap"><i id="inner">x</i>'
        '<i id="copy">y</i></div></div></div>'
    )
    assert page is not None
    by_id = {el.get("id"): el for el in inner_tree.iter() if el.get("id")}
    candidates = [
        Candidate(element=by_id["first"], post=Post(platform="twitter", post_id="3")),
        Candidate(element=by_id["inner"], post=Post(platform="twitter", post_id="2")),
        Candidate(element=by_id["outer"], post=Post(platform="twitter", post_id="1")),
        Candidate(element=by_id["copy"], post=Post(platform="twitter", post_id="1", lang="en")),
    ]
    # more candidates than are sorted by their paths: the page is numbered, and the
    # nested tree's elements (not in it) keep the order given
    candidates += [
        Candidate(element=element, post=Post(platform="tiktok", post_id=str(n)))
        for n, element in enumerate(page.root.iter("i"), start=10)
    ]
    posts = merge_candidates(page, candidates)
    shown = sorted((post.post_id, post.lang or "") for post in posts if post.platform == "twitter")
    assert shown == [("1", "en"), ("2", ""), ("3", "")]


@pytest.mark.parametrize("quote", ['"', "'"])
def test_script_written_in_an_attribute_value_hides_no_flood(quote: str) -> None:
    """A ``<script`` inside an attribute value opens no script: a flood after it is cut."""
    fake = f"<div title={quote}<script>{quote}>caption</div>"
    flood = "<p " + " ".join(f'a{i}="<x>"' for i in range(MAX_ATTRIBUTES + 50)) + ">x</p>"
    capped = cap_attributes(fake + flood + "<script>var a = '<b c=\"<\">';</script>")
    assert capped.startswith(fake)
    assert capped.count("=") < (fake + flood).count("=")
    # a real script after text holding a bare "<" is still a script (read, never cut)
    script = "<p>a < b</p><script>var s = '" + '<i x="<">' * 20 + "';</script>"
    assert cap_attributes(script) is script


@pytest.mark.parametrize(
    "before",
    [
        '<!-- <i x="<" y=" -->',  # a tag written in a comment, its value running on
        '<i a=\xa0"x< >',  # a no-break space is no white space in HTML: the value is bare
        '<i a="x< >',  # a value holding "<" closed by the tag after it
    ],
)
def test_a_tag_read_before_does_not_hide_a_flood(before: str) -> None:
    """A tag whose reading would run over the flood does not hide it from the cut."""
    flood = "<p " + " ".join(f'a{i}="<"' for i in range(MAX_ATTRIBUTES + 50)) + ">x</p>"
    capped = cap_attributes(before + flood)
    assert capped.startswith(before)
    assert capped.count("=") < (before + flood).count("=")


def test_a_script_after_a_bare_angle_bracket_is_left_alone() -> None:
    """A stray "<" in text before a script does not make the script's code look like tags."""
    flood = " ".join(f"a{i}=1" for i in range(MAX_ATTRIBUTES + 5))
    document = (
        f'<p>if a < b then <script type="application/json">{{"html": "<p {flood}>"}}</script>'
    )
    assert cap_attributes(document) is document


@pytest.mark.parametrize("depth", [10, 62, 70])
def test_a_wrapper_near_a_second_embed_is_its_wrapper(depth: int) -> None:
    """A placeholder wrapped around two embeds of its post yields to them, however deep
    the first one sits (a walk up from the first does not cut the second one's short)."""
    post_id = "1400000000000000001"
    tweet = TWEET_TAIL.replace("1508951925456744449", post_id).replace("</p>", "", 1)
    quote = f'<blockquote class="twitter-tweet"><p lang="en">Ferry news</p>{tweet}'
    wrapper = f'<div class="embed embed--twitter" data-id="{post_id}">'
    document = (
        wrapper + "<section>" + "<div>" * depth + quote + "</div>" * depth + quote
        + "</section></div>"
    )  # fmt: skip
    assert [(post.post_id, post.form) for post in tr.extract(document)] == [
        (post_id, "blockquote"),
        (post_id, "blockquote"),
    ]


def test_a_comment_opening_in_a_script_string_opens_no_comment() -> None:
    """Raw text ends at its own closing: "<!--" in a script's string hides no flood after it."""
    flood = "<p " + " ".join(f'a{i}="<"' for i in range(MAX_ATTRIBUTES + 50)) + ">x</p>"
    before = '<script>var s = "<!--";</script>'
    capped = cap_attributes(before + flood)
    assert capped.startswith(before)
    assert capped.count("=") < (before + flood).count("=")


@pytest.mark.parametrize("odd", ["data-tweet-id²", "data-tweet-idª", "data-x:tweet-id"])
def test_attribute_names_no_xpath_takes_do_not_cost_the_placeholders(
    no_errors: None, odd: str
) -> None:
    """A data-* name \\w allows but an XPath name test refuses (found by the long fuzzing
    run) leaves the page's other placeholders found."""
    document = (
        f'<div {odd}="1508951925456744448"></div>'
        '<div class="tweet-embed" data-tweet-id="1508951925456744449"></div>'
    )
    posts = tr.extract(document)
    assert ("1508951925456744449", "placeholder") in [(p.post_id, p.form) for p in posts]


def test_nested_quotations_are_not_read_whole_at_every_level(
    no_errors: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Quotations nested hundreds deep, each ending with a status link but no byline: only
    the end of each one's text is read to see that (whole, it was the square of the size)."""
    from tweetresolve.platforms.twitter import official

    reads = _Calls(monkeypatch, official, "element_text")
    document = HOSTILE["nested_quotations"](40_000)
    assert isinstance(document, str)
    assert document.count("<blockquote>") > 300
    assert tr.extract(document) == []
    assert reads.count == 0


def test_quotation_with_a_byline_inside_quotations_is_read(no_errors: None) -> None:
    """The end-of-text check lets a real byline through, however deep the quotation."""
    byline = (
        "<p>The ferry runs again from Monday.</p>&mdash; Ada Example (@ada_example) "
        '<a href="https://twitter.com/ada_example/status/1508951925456744449">March 30, 2022</a>'
    )
    document = "<blockquote><p>a quotation</p>" * 50 + byline + "</blockquote>" * 50
    posts = tr.extract(document)
    assert [(post.post_id, post.author and post.author.handle) for post in posts] == [
        ("1508951925456744449", "ada_example")
    ]
    assert posts[0].text == "a quotation\nThe ferry runs again from Monday."


def test_nested_snippets_without_a_permalink_list_their_links_once(
    no_errors: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tweet snippets nested deep, no status link in any: each link is looked at once."""
    from tweetresolve.platforms.twitter import official

    looked = _Calls(monkeypatch, official, "status_ref")
    document = HOSTILE["nested_snippets_unlinked"](40_000)
    assert isinstance(document, str)
    links = document.count("<a ")
    assert links > 500
    assert tr.extract(document) == []
    assert looked.count <= links


def test_card_climbs_do_not_read_markup_nested_too_deep(
    no_errors: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another platform's snippets nested deep, a status link in each: every permalink's
    climb read each level's container down to the walk's depth bound; now only the last
    levels (within the bound) are read at all."""
    from tweetresolve.families import card_lines

    visits = _Calls(monkeypatch, card_lines, "_walk")
    document = HOSTILE["nested_foreign_quotes"](40_000)
    assert isinstance(document, str)
    levels = document.count("<blockquote")
    assert levels > 250
    tr.extract(document)
    assert visits.count < 20_000  # was about 600 per level


def test_deep_markup_check_agrees_with_the_walk() -> None:
    """What is asked in C is what the walk finds: past the bound, unless hidden."""
    from tweetresolve.families import card_lines

    parser = lxml.html.HTMLParser(huge_tree=True)
    bound = card_lines._MAX_DEPTH
    for depth, inner, expected in [
        (bound, "", False),
        (bound, "x", False),  # text is no level
        (bound, "<i></i>", True),
        (bound, "<!-- c -->", True),
        (bound - 1, "<i></i>", False),
        (bound + 5, "", True),
    ]:
        markup = "<div>" + "<span>" * depth + inner + "</div>"
        root = lxml.html.document_fromstring(markup, parser=parser).find(".//div")
        assert root is not None
        assert card_lines.DeepMarkup()(root) is expected, (depth, inner)
    hidden = "<div>" + "<span>" * (bound - 1) + "<svg>" + "<g>" * 10 + "</div>"
    root = lxml.html.document_fromstring(hidden, parser=parser).find(".//div")
    assert card_lines.DeepMarkup()(root) is False


_TEXT_PIECES = [
    "<p>", "</p>", "<br>", "<b>", "</b>", "<div>", "</div>", "<pre>a\n b</pre>", " ", "\n",
    "<script>x (@h)</script>", "<!-- c -->", "word", "(@ada)", " — Ada ", "\u00a0", "x" * 70,
    '<a href="https://example.com/1">l</a>', "<template><i>t</i></template>", "<span>",
    "</span>", "<blockquote>", "</blockquote>", "(", "@ada", ")", "\u2003", "<i> </i>",
    "<span>\u2003 \u2003</span>", "<b><br> </b>", "<p> </p>",
]  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_TEXT_PIECES), max_size=25), st.integers(0, 3))
def test_last_line_before_ends_like_the_text(pieces: list[str], which: int) -> None:
    """Read backwards from a link, the end of the text shows the same characters and
    gives the same byline as the whole text read forwards."""
    from tweetresolve.html import element_text, last_line_before
    from tweetresolve.platforms.twitter.official import _BYLINE_HANDLE

    markup = "<blockquote>" + "".join(pieces) + '<a href="https://x.test/s">d</a></blockquote>'
    root = lxml.html.document_fromstring(markup)
    quote = root.find(".//blockquote")
    assert quote is not None
    links = [a for a in quote.iter("a") if a.get("href")]
    if not links:
        return  # a closing tag in the pieces ended the blockquote before its link
    stop = links[which % len(links)]
    line = last_line_before(quote, stop)
    if line is None:
        return  # the link is where the text walk does not go
    full = element_text(quote, stop=stop)
    last = full[full.rfind("\n") + 1 :]
    shown, shown_last = "".join(line.split()), "".join(last.split())
    assert shown_last.endswith(shown)
    assert shown == shown_last or len(shown) >= 64
    found, expected = _BYLINE_HANDLE.search(line), _BYLINE_HANDLE.search(last)
    assert (found and found[1]) == (expected and expected[1])


def test_blank_quotations_nested_deep_are_read_back_once(
    no_errors: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Quotations nested deep that show nothing but line breaks and spaces, each ending
    with a status link: reading back from each link went through all those inside."""
    from tweetresolve import html

    reads = _Calls(monkeypatch, html, "_source_spaces")
    levels = 400
    document = "<blockquote><br> " * levels + "".join(
        f'<a href="https://twitter.com/a/status/{100_000 + n}"></a><br> </blockquote>'
        for n in range(levels)
    )
    assert tr.extract(document) == []
    assert reads.count < 20 * levels  # was the square of the levels


def test_deep_markup_under_a_hidden_element_does_not_make_its_container_deep() -> None:
    """The walk does not go into hidden elements, so what is deep inside one does not
    make the elements around it deep (the memo marked them all the way up)."""
    from tweetresolve.families import card_lines

    deep = "<div>" * (card_lines._MAX_DEPTH + 5) + "</div>" * (card_lines._MAX_DEPTH + 5)
    root = lxml.html.fromstring(
        f'<div id="outer"><p>Ada</p><noscript><div id="inner">{deep}</div></noscript></div>'
    )
    outer = root if root.get("id") == "outer" else root.find(".//div[@id='outer']")
    assert outer is not None
    inner = outer.find(".//div[@id='inner']")
    memo = card_lines.DeepMarkup()
    assert memo(inner) is True
    assert memo(outer) is False


def test_nested_cards_are_not_searched_through_for_screenshots(
    no_errors: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cards left open inside each other: a permalink holding all the markup after it is
    no screenshot link, and is not searched through for one."""
    from tweetresolve.families import cards

    looked = _Calls(monkeypatch, cards, "is_picture")
    document = HOSTILE["nested_cards"](60_000)
    assert isinstance(document, str)
    links = document.count("<a ")
    assert links > 300
    tr.extract(document)
    assert looked.count <= 65 * links  # was the square: every element after each link


def test_unclosed_comment_before_quoted_lt_tags_is_read_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """After a comment left open, every "<" with a quoted "<" after it was read as a tag
    whose attributes ran to the end of the page: read once now, as raw text."""
    from tweetresolve import parser_input

    reads = _Calls(monkeypatch, parser_input, "_tag_end")
    document = HOSTILE["unclosed_comment_quoted_lt"](100_000)
    assert isinstance(document, str)
    assert document.count("<li>") > 1000
    assert cap_attributes(document) is document
    assert reads.count <= 4


def test_huge_class_over_many_links_is_searched_once(
    no_errors: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A class attribute of a hundred kilobytes above hundreds of post links."""
    from tweetresolve.families import services

    searched: list[int] = []
    pattern = services._EMBED_CLASS

    class Counting:
        def search(self, text: str) -> Any:
            searched.append(len(text))
            return pattern.search(text)

    monkeypatch.setattr(services, "_EMBED_CLASS", Counting())
    document = HOSTILE["huge_class_over_links"](100_000)
    assert isinstance(document, str)
    posts = tr.extract(document, include_links=True)
    assert len(posts) == 500
    assert sum(1 for length in searched if length > 50_000) == 1


def test_link_feed_siblings_are_listed_once(
    no_errors: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Thousands of post links in one element: each parent's children are listed and
    weighed once, not once per link."""
    from tweetresolve.families import card_tree

    weighed = _Calls(monkeypatch, card_tree, "TEXT_LENGTH_XPATH")
    document = HOSTILE["link_feed"](140_000)
    assert isinstance(document, str)
    links = document.count("<a ")
    assert links > 1500
    assert tr.extract(document) == []
    assert weighed.count <= 2 * links  # was the square of the links


def test_links_left_open_inside_each_other_are_read_briefly(
    no_errors: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A tweet's text with links left open, each holding the rest of the text: each
    link's shown text is read from its first elements only (found by the long run)."""
    from tweetresolve import html

    reads = _Calls(monkeypatch, html, "_source_spaces")
    document = HOSTILE["nested_open_links"](20_000)
    assert isinstance(document, str)
    posts = tr.extract(document, base_url="https://example.com/")
    assert [post.post_id for post in posts] == ["1508951925456744449"]
    assert len(posts[0].links) == 500
    first = posts[0].links[0].text
    assert first is not None
    assert first.startswith("post 0")
    assert reads.count < 100 * 500  # was the square of the links
