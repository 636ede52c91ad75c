"""Tests for the plain-text path: attribution lines and the post text they close."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from moments import utc_day

from tweetresolve import Link, Post, PostRef, extract, tweet_time
from tweetresolve.text import BLUESKY_RESIDUE, TWITTER_RESIDUE, find_posts, iter_attributions

# An article paragraph long enough that no post could hold it.
ARTICLE = (
    "The council met on Tuesday to discuss the new cycle lanes, and after a long debate "
    "the members agreed to fund a trial on three streets near the station, with a review "
    "planned for the spring and a public survey open until the end of the month."
)


def only_post(text: str) -> Post:
    """Return the single post the text path finds."""
    posts = extract(text, kind="text")
    assert len(posts) == 1, posts
    return posts[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # trafilatura: one line per paragraph, the post line right above the byline.
        (
            f"{ARTICLE}\nLanes open today! https://t.co/AbCdEf1234\n"
            "— Ada Example (@ada_example) March 30, 2022\nThe next paragraph.",
            "Lanes open today! https://t.co/AbCdEf1234",
        ),
        # trafilatura: a post with line breaks stays whole.
        (
            f"{ARTICLE}\nFirst line of the post\nSecond line\nThird line\n"
            "— Ada Example (@ada_example) March 30, 2022",
            "First line of the post\nSecond line\nThird line",
        ),
        # BeautifulSoup: inline elements on their own lines, paragraphs split by blank
        # lines, the date on the line after the handle.
        (
            f"{ARTICLE}\n\n\nMorning ride with \n@bo_example\n !\n\n\n🚲\n\n\n"
            "Join us pic.twitter.com/XyZ1234567\n\n\n— Ada Example (@ada_example) \nMay 4, 2023\n",
            "Morning ride with\n@bo_example\n!\n\n🚲\n\nJoin us pic.twitter.com/XyZ1234567",
        ),
        # html2text: the quote prefixes mark the block exactly.
        (
            f"{ARTICLE}\n\n> Short one.\n> \n> Second paragraph of it.\n> \n"
            "> — Ada Example (@ada_example) May 4, 2023\n",
            "Short one.\n\nSecond paragraph of it.",
        ),
        # The post text on the same line as the byline.
        (
            "…and what did they know? Nothing. — Ada Example (@ada_example) October 15, 2019",
            "…and what did they know? Nothing.",
        ),
        # A heading above the post ends the block.
        (
            "## Reactions\nShort post\n— Ada Example (@ada_example) May 4, 2023",
            "Short post",
        ),
        # A short paragraph above a blank line joins only when the whole fits a post.
        (
            f"{ARTICLE}\n\nShort post\n— Ada Example (@ada_example) May 4, 2023",
            "Short post",
        ),
        # A short article line introducing the post ends with a sentence end: left out.
        (
            f"{ARTICLE}\nShe celebrated the decision online after the vote.\n"
            "Nine to four! See you on the late boat https://t.co/AbCdEf1234\n"
            "— Ada Example (@ada_example) March 14, 2024",
            "Nine to four! See you on the late boat https://t.co/AbCdEf1234",
        ),
        # An article line ending in a colon right above a one-line post: left out.
        (
            "He wrote on the network:\nLanes open today!\n— Ada Example (@ada_example) May 4, 2023",
            "Lanes open today!",
        ),
        # A post's own heading line above its list joins it.
        (
            f"{ARTICLE}\nHow to join:\n(1) Sign up\n(2) Ride\n"
            "— Ada Example (@ada_example) May 4, 2023",
            "How to join:\n(1) Sign up\n(2) Ride",
        ),
        # Lines with a post's marks (hashtag, emoji) join; a quotation line joins too.
        (
            f"{ARTICLE}\n#Lanes | Day one 🚲\n„What a morning!“\nMore soon.\n"
            "— Ada Example (@ada_example) May 4, 2023",
            "#Lanes | Day one 🚲\n„What a morning!“\nMore soon.",
        ),
        # BeautifulSoup leaves a scrap "." where a linked hashtag split the line.
        (
            f"{ARTICLE}\n\nThe vote is on \n#Lanes\n. \nSee you there!\n"
            "— Ada Example (@ada_example) \nMay 4, 2023",
            "The vote is on\n#Lanes\n.\nSee you there!",
        ),
        # BeautifulSoup puts each link on a line of its own; a line ending in a space
        # goes on below, whatever it ends with.
        (
            f"{ARTICLE}\n\n\nLanes open on the main road \n#Lanes\n at last. \n"
            "pic.twitter.com/XyZ1234567\n\n\n— Ada Example (@ada_example) \nMay 4, 2023",
            "Lanes open on the main road\n#Lanes\nat last.\npic.twitter.com/XyZ1234567",
        ),
        # An article paragraph cut into fragments above a blank line: when it refuses
        # to join in mid-sentence, the fragments taken so far go too.
        (
            f"{ARTICLE} {ARTICLE} and then \n#Lanes\n\nShort post\n"
            "— Ada Example (@ada_example) May 4, 2023",
            "Short post",
        ),
        # HTML entities and Markdown escapes are undone in the text.
        (
            "Fish &amp; chips \\#friday\n— Ada Example (@ada_example) May 4, 2023",
            "Fish & chips #friday",
        ),
        # Embed markup left as text: tags dropped, anchors read.
        (
            '<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Hello '
            '<a href="https://twitter.com/bo?ref_src=twsrc%5Etfw">@bo</a> '
            '<a href="https://t.co/AbCdEf1234">https://t.co/AbCdEf1234</a></p>'
            "&mdash; Ada Example (@ada_example) "
            '<a href="https://twitter.com/ada_example/status/1508951925456744449">'
            "March 30, 2022</a>",
            "Hello @bo https://t.co/AbCdEf1234",
        ),
    ],
)
def test_post_text_is_bounded(text: str, expected: str) -> None:
    """The text is the block the byline closes, never the article paragraph above it."""
    post = only_post(text)
    assert post.text == expected
    assert post.span is not None
    start, end = post.span
    # The span covers the post's first word and ends with the date.
    first_word = expected.split(None, 1)[0]
    assert text[start : start + 80].find(first_word) >= 0
    assert text[start:end].rstrip().endswith(("2019", "2022", "2023", "2024", "</a>"))


def test_record_fields() -> None:
    """A Markdown byline gives id, canonical URL, creation time, links and author."""
    text = (
        "> Ride report [@bo_example](https://twitter.com/bo_example?ref_src=twsrc%5Etfw) "
        "[#bikes](https://twitter.com/hashtag/bikes?src=hash) <https://t.co/AbCdEf1234> "
        "[pic.twitter.com/XyZ1234567](https://t.co/XyZ1234567)\n"
        "> \n"
        "> — Ada Example (@ada_example) [March 30, 2022]"
        "(https://twitter.com/ada_example/status/1508951925456744449?ref_src=twsrc%5Etfw)\n"
    )
    post = only_post(text)
    assert post.platform == "twitter"
    assert post.form == "text"
    assert post.lang is None
    assert post.post_id == "1508951925456744449"
    assert post.url == "https://twitter.com/ada_example/status/1508951925456744449"
    assert post.created_at == tweet_time("1508951925456744449")
    assert post.author is not None
    assert (post.author.name, post.author.handle) == ("Ada Example", "ada_example")
    assert (post.date_text, post.published) == ("March 30, 2022", utc_day(2022, 3, 30))
    assert (
        post.text
        == "Ride report @bo_example #bikes https://t.co/AbCdEf1234 pic.twitter.com/XyZ1234567"
    )
    # Linked mentions and hashtags are entities, not links.
    assert post.links == (
        Link(url="https://t.co/AbCdEf1234"),
        Link(url="https://t.co/XyZ1234567", text="pic.twitter.com/XyZ1234567"),
    )
    assert post.span == (2, len(text) - 1)


@pytest.mark.parametrize(
    ("line", "links"),
    [
        # A bare t.co link: the URL is its own text.
        ("See https://t.co/AbCdEf1234.", (Link(url="https://t.co/AbCdEf1234"),)),
        # A media link as embeds show it gets a scheme; the shown form is its text.
        (
            "Look pic.twitter.com/XyZ1234567",
            (Link(url="https://pic.twitter.com/XyZ1234567", text="pic.twitter.com/XyZ1234567"),),
        ),
        # A t.co link glued to a hashtag glued to a media link.
        (
            "More: https://t.co/AbCdEf1234#tagpic.twitter.com/XyZ1234567",
            (
                Link(url="https://t.co/AbCdEf1234"),
                Link(url="https://pic.twitter.com/XyZ1234567", text="pic.twitter.com/XyZ1234567"),
            ),
        ),
        # Markdown link with a title.
        (
            'Read [example.org/a](https://t.co/AbCdEf1234 "https://example.org/a")',
            (Link(url="https://t.co/AbCdEf1234", text="example.org/a"),),
        ),
        # A bare URL in parentheses keeps the sentence's parenthesis out.
        ("(see https://example.org/page)", (Link(url="https://example.org/page"),)),
    ],
)
def test_links(line: str, links: tuple[Link, ...]) -> None:
    """URLs, media links and Markdown links in the block become Links, in order."""
    post = only_post(f"{line}\n— Ada Example (@ada_example) May 4, 2023")
    assert post.links == links


def test_consecutive_posts_do_not_share_text() -> None:
    """Each post's text ends at the previous post's byline."""
    text = (
        "First post\n— Ada Example (@ada_example) December 22, 2014\n"
        "Second post\nwith two lines\n— Bo Example (@bo_example) December 22, 2014\n"
        "Third post\n— Cy Example (@cy_example) December 23, 2014"
    )
    posts = extract(text, kind="text")
    assert [(p.handle, p.text) for p in posts] == [
        ("ada_example", "First post"),
        ("bo_example", "Second post\nwith two lines"),
        ("cy_example", "Third post"),
    ]
    spans = [p.span for p in posts]
    assert all(
        a is not None and b is not None and a[1] <= b[0] for a, b in itertools.pairwise(spans)
    )


def test_two_posts_on_one_line() -> None:
    """Two bylines on one line: the second post's text starts after the first byline."""
    text = "First post — Ada Example (@ada_example) May 4, 2023 Second post — Bo (@bo) May 5, 2023"
    posts = extract(text, kind="text")
    assert [(p.handle, p.text) for p in posts] == [
        ("ada_example", "First post"),
        ("bo", "Second post"),
    ]


def test_date_glued_to_next_sentence() -> None:
    """A date running into the next sentence ends at the year."""
    text = (
        f"{ARTICLE}\nShort post pic.twitter.com/XyZ1234567 — Ada Example (@ada_example) "
        "December 30, 2017In the weekend posts, she added more."
    )
    post = only_post(text)
    assert (post.date_text, post.published) == ("December 30, 2017", utc_day(2017, 12, 30))
    assert post.text == "Short post pic.twitter.com/XyZ1234567"
    assert post.span is not None
    assert text[post.span[0] : post.span[1]].endswith("2017")


def test_no_date() -> None:
    """A dash byline whose date was dropped still gives the post."""
    post = only_post("Short post\n— Ada Example (@ada_example)")
    assert (post.handle, post.date_text, post.published, post.text) == (
        "ada_example",
        None,
        None,
        "Short post",
    )


def test_cms_link_above_gives_the_id() -> None:
    """The post's own URL alone on a line above the block gives its id."""
    text = (
        f"{ARTICLE}\n\nhttps://twitter.com/ada_example/status/1508951925456744449\n\n"
        "Short post\n— Ada Example (@ada_example) March 30, 2022"
    )
    post = only_post(text)
    assert post.post_id == "1508951925456744449"
    assert post.text == "Short post"


def test_own_media_link_gives_the_id() -> None:
    """A link to the author's own photo page gives the post id."""
    text = (
        "Look [pic.twitter.com/XyZ1234567](https://twitter.com/ada_example/status/"
        "1508951925456744449/photo/1)\n— Ada Example (@ada_example) March 30, 2022"
    )
    assert only_post(text).post_id == "1508951925456744449"


def test_quoted_post() -> None:
    """A link in the block to another account's post is the quoted post."""
    text = (
        "So true https://twitter.com/bo_example/status/1508951925456744440\n"
        "> — Ada Example (@ada_example) [March 30, 2022]"
        "(https://twitter.com/ada_example/status/1508951925456744449)"
    )
    post = only_post(text.replace("So true", "> So true"))
    assert post.post_id == "1508951925456744449"
    assert post.quoted == PostRef(
        platform="twitter",
        post_id="1508951925456744440",
        handle="bo_example",
        url="https://twitter.com/bo_example/status/1508951925456744440",
    )


def test_bluesky_line_is_not_claimed_by_twitter() -> None:
    """The Twitter path leaves Bluesky's residue alone."""
    text = (
        "A post on the other network\n[image or embed]\n"
        "— Bo Example (@bo.example.com) November 25, 2024 at 12:58 AM"
    )
    assert list(find_posts(text, TWITTER_RESIDUE)) == []
    assert all(p.platform != "twitter" for p in extract(text, kind="text"))


def test_bluesky_dialect() -> None:
    """The Bluesky dialect reads domain handles and local times, and drops its marker."""
    text = (
        f"{ARTICLE}\nA post on the other network\n[image or embed]\n"
        "— Bo Example ( @bo.example.com ) November 25, 2024 at 12:58 AM"
    )
    (post,) = find_posts(text, BLUESKY_RESIDUE)
    assert post.platform == "bluesky"
    assert post.handle == "bo.example.com"
    assert (post.published, post.published_precision) == (utc_day(2024, 11, 25), "day")
    assert post.text == "A post on the other network"


def test_iter_attributions_in_order() -> None:
    """Attributions come in text order; rejected anchors are skipped."""
    text = "x (@nope) y\n— A (@a) May 4, 2023\nthanks (@b) for it\n— C (@c) May 5, 2023"
    assert [m.attribution.handle for m in iter_attributions(text)] == ["a", "c"]


def test_include_links_does_not_repeat_the_post() -> None:
    """With bare links requested, the post's own date link is not a second post."""
    text = (
        "> Short post\n> \n> — Ada Example (@ada_example) [March 30, 2022]"
        "(https://twitter.com/ada_example/status/1508951925456744449)"
    )
    posts = extract(text, kind="text", include_links=True)
    assert [(p.form, p.post_id) for p in posts] == [("text", "1508951925456744449")]


@pytest.mark.parametrize(
    "unit",
    [
        "(@",  # every position could start a handle
        "— ",  # dashes without anchors
        "@@@@",  # at-signs without parentheses
        "(@a) ",  # valid anchors, no dash, no date, one endless line
        "(@a)\n",  # valid anchors on lines of their own
        "x — A (@a)\n",  # a byline on every line
        "— A (@a) [",  # date links that never close
        "[a](b",  # Markdown links that never close
    ],
)
def test_hostile_text_completes(unit: str) -> None:
    """Long runs of a trigger complete and return a list."""
    text = unit * (100_000 // len(unit))
    assert isinstance(extract(text, kind="text"), list)


_PIECES = st.sampled_from(
    [
        "—",
        "–",
        " - ",
        "&mdash;",
        "(@ada)",
        "( @a.b.c )",
        "(\\@a\\_b)",
        "\n",
        "\n\n",
        "> ",
        "May 4, 2023",
        "25\\. September 2018",
        "[May 4, 2023](https://twitter.com/a/status/20)",
        "https://t.co/AbCdEf1234",
        "pic.twitter.com/XyZ",
        "[x](https://t.co/y)",
        "## ",
        "<a href='",
        "</a>",
        "<p>",
        "&amp;",
        "Ada Example",
        "at 12:58 AM",
        "[image or embed]",
        "\\",
    ]
)


@settings(max_examples=150, deadline=None)
@given(
    st.one_of(
        st.text(max_size=300), st.lists(_PIECES | st.text(max_size=8), max_size=50).map("".join)
    )
)
def test_extract_text_never_raises(text: str) -> None:
    """Any string gives a list of posts whose spans lie inside the text."""
    for post in extract(text, kind="text"):
        assert isinstance(post, Post)
        if post.span is not None:
            assert 0 <= post.span[0] <= post.span[1] <= len(text)
