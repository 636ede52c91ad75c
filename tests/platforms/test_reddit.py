"""Tests for tweetresolve.platforms.reddit: permalinks, short and share links, embeds, residue."""

from __future__ import annotations

import pytest

import tweetresolve as tr

# The current embed (embed.reddit.com); invented subreddit, user, title and ids.
EMBED_BQ = (
    '<blockquote class="reddit-embed-bq" style="height:500px" data-embed-height="740">'
    '<a href="https://www.reddit.com/r/kettles/comments/1abc2d/my_kettle_sings_in_tune/">'
    "My kettle sings in tune &amp; other news</a><br> by"
    '<a href="https://www.reddit.com/user/ada_example/">u/ada_example</a> in'
    '<a href="https://www.reddit.com/r/kettles/">kettles</a></blockquote>'
    '<script async="" src="https://embed.reddit.com/widgets.js" charset="UTF-8"></script>'
)

# A comment embed of the same generation.
COMMENT_BQ = (
    '<blockquote class="reddit-embed-bq" data-embed-theme="dark" data-embed-height="300">'
    '<a href="https://www.reddit.com/r/kettles/comments/1abc2d/comment/kx9y8z7/">Comment</a>'
    '<br> by<a href="https://www.reddit.com/user/bo_sample/">u/bo_sample</a> from discussion'
    '<a href="https://www.reddit.com/r/kettles/comments/1abc2d/my_kettle_sings_in_tune/"></a>'
    '<br> in<a href="https://www.reddit.com/r/kettles/">kettles</a></blockquote>'
    '<script async="" src="https://embed.reddit.com/widgets.js" charset="UTF-8"></script>'
)

# The legacy card (embed.redditmedia.com).
CARD = (
    '<blockquote class="reddit-card" data-card-created="1544486919">'
    '<a href="https://www.reddit.com/r/kettles/comments/9zz9zz/a_very_old_kettle/">'
    "A very old kettle</a> from "
    '<a href="http://www.reddit.com/r/kettles">r/kettles</a></blockquote>\n'
    '<script async src="//embed.redditmedia.com/widgets/platform.js" charset="UTF-8"></script>'
)


def reddit_posts(document: str, *, include_links: bool = False) -> list[tr.Post]:
    return [p for p in tr.extract(document, include_links=include_links) if p.platform == "reddit"]


@pytest.mark.parametrize(
    ("url", "post_id", "canonical"),
    [
        # a post, with its slug
        (
            "https://www.reddit.com/r/kettles/comments/1abc2d/my_kettle_sings/",
            "1abc2d",
            "https://www.reddit.com/r/kettles/comments/1abc2d/",
        ),
        # a comment after the slug: the comment id is the post_id
        (
            "http://www.reddit.com/r/kettles/comments/1abc2d/my_kettle_sings/kx9y8z7",
            "kx9y8z7",
            "https://www.reddit.com/r/kettles/comments/1abc2d/comment/kx9y8z7/",
        ),
        # a comment, new-Reddit spelling, with a context query
        (
            "https://www.reddit.com/r/kettles/comments/1abc2d/comment/kx9y8z7/?context=3",
            "kx9y8z7",
            "https://www.reddit.com/r/kettles/comments/1abc2d/comment/kx9y8z7/",
        ),
        # old. and mobile hosts, no slug, no trailing slash
        (
            "https://old.reddit.com/r/kettles/comments/1abc2d",
            "1abc2d",
            "https://www.reddit.com/r/kettles/comments/1abc2d/",
        ),
        (
            "https://m.reddit.com/r/Kettles/comments/1ABC2D/x/",
            "1abc2d",
            "https://www.reddit.com/r/Kettles/comments/1abc2d/",
        ),
        # a post on a user profile
        (
            "https://www.reddit.com/user/ada_example/comments/1abc2d/hello/",
            "1abc2d",
            "https://www.reddit.com/user/ada_example/comments/1abc2d/",
        ),
        # no subreddit in the path
        (
            "https://www.reddit.com/comments/1abc2d/",
            "1abc2d",
            "https://www.reddit.com/comments/1abc2d/",
        ),
        # redd.it short host
        ("https://redd.it/1abc2d", "1abc2d", "https://www.reddit.com/comments/1abc2d/"),
        # gallery
        (
            "https://www.reddit.com/gallery/1abc2d",
            "1abc2d",
            "https://www.reddit.com/comments/1abc2d/",
        ),
        # the embed hosts that iframes and AMP load
        (
            "https://embed.reddit.com/r/kettles/comments/1abc2d/my_kettle/?embed=true&theme=dark",
            "1abc2d",
            "https://www.reddit.com/r/kettles/comments/1abc2d/",
        ),
        (
            "https://www.redditmedia.com/r/kettles/comments/1abc2d/my_kettle/?ref_source=embed&embed=true",
            "1abc2d",
            "https://www.reddit.com/r/kettles/comments/1abc2d/",
        ),
    ],
)
def test_parse_url_shapes(url: str, post_id: str, canonical: str) -> None:
    """Post and comment permalinks give the targeted id and a canonical URL."""
    ref = tr.parse_post_url(url)
    assert ref is not None
    assert (ref.platform, ref.post_id, ref.url, ref.needs_expansion) == (
        "reddit",
        post_id,
        canonical,
        False,
    )


def test_user_post_handle() -> None:
    """A profile post names its author in the URL."""
    ref = tr.parse_post_url("https://www.reddit.com/user/ada_example/comments/1abc2d/hello/")
    assert ref is not None
    assert ref.handle == "ada_example"


def test_share_link_needs_expansion() -> None:
    """``/r/<sub>/s/<code>`` only redirects to a post: no id until expanded."""
    ref = tr.parse_post_url("https://www.reddit.com/r/kettles/s/AbCdEf1234")
    assert ref == tr.PostRef(
        platform="reddit", url="https://www.reddit.com/r/kettles/s/AbCdEf1234", needs_expansion=True
    )


@pytest.mark.parametrize(
    "url",
    [
        "https://www.reddit.com/r/kettles/",  # subreddit
        "https://www.reddit.com/r/kettles",
        "http://www.reddit.com/r/kettles",
        "https://www.reddit.com/user/ada_example/",  # profile
        "https://www.reddit.com/u/ada_example",
        "https://www.reddit.com/submit?url=https%3A%2F%2Fexample.com&title=x",  # share intent
        "https://reddit.com/r/kettles/wiki/index",
        "https://i.redd.it/abcdef123.jpg",  # an image, not a post
        "https://v.redd.it/abcdef123",  # a video file
        "https://embed.reddit.com/widgets.js",
        "https://www.notreddit.com/r/kettles/comments/1abc2d/x/",
    ],
)
def test_parse_url_rejects(url: str) -> None:
    """Subreddits, profiles, share intents and media hosts are not posts."""
    ref = tr.parse_post_url(url)
    assert ref is None or ref.platform != "reddit"


def test_current_embed() -> None:
    """The embed.reddit.com blockquote gives id, title, author; no date or body is shown."""
    [post] = reddit_posts(EMBED_BQ)
    assert post.post_id == "1abc2d"
    assert post.url == "https://www.reddit.com/r/kettles/comments/1abc2d/"
    assert post.text == "My kettle sings in tune & other news"
    assert post.author == tr.Author(
        handle="ada_example", url="https://www.reddit.com/user/ada_example/"
    )
    assert post.form == "blockquote"
    assert post.span is not None
    assert EMBED_BQ[post.span[0] :].startswith("<blockquote")


def test_comment_embed() -> None:
    """A comment embed is the comment: its id, no title."""
    [post] = reddit_posts(COMMENT_BQ)
    assert post.post_id == "kx9y8z7"
    assert post.url == "https://www.reddit.com/r/kettles/comments/1abc2d/comment/kx9y8z7/"
    assert post.text is None
    assert post.author is not None
    assert post.author.handle == "bo_sample"


def test_legacy_card() -> None:
    """The reddit-card blockquote gives id and title."""
    [post] = reddit_posts(CARD)
    assert (post.post_id, post.text, post.form) == ("9zz9zz", "A very old kettle", "blockquote")


@pytest.mark.parametrize(
    "document",
    [
        # no script, attributes reordered, whitespace between the parts
        EMBED_BQ.split("<script", maxsplit=1)[0]
        .replace(
            'class="reddit-embed-bq" style="height:500px"',
            'style="height:500px"  class="reddit-embed-bq"',
        )
        .replace("<br> by", "<br>\n  by"),
        # inside a WordPress embed figure
        '<figure class="wp-block-embed is-type-rich is-provider-reddit wp-block-embed-reddit">'
        '<div class="wp-block-embed__wrapper">' + EMBED_BQ + "</div></figure>",
        # protocol-relative and relative-to-host links are not needed: absolute ones only here
        EMBED_BQ.replace(
            "https://www.reddit.com/r/kettles/comments", "//www.reddit.com/r/kettles/comments"
        ),
        # the legacy comment embed container
        '<div class="reddit-embed" data-embed-media="www.redditmedia.com" '
        'data-embed-parent="false">'
        '<a href="https://www.reddit.com/r/kettles/comments/1abc2d/my_kettle/kx9y8z7/">Comment</a> '
        'from discussion <a href="https://www.reddit.com/r/kettles/comments/1abc2d/my_kettle/">'
        "My kettle</a>.</div>",
    ],
)
def test_embed_variants(document: str) -> None:
    """Attribute order, whitespace, wrappers, missing script and legacy containers."""
    posts = reddit_posts(document)
    assert len(posts) == 1
    assert posts[0].post_id in {"1abc2d", "kx9y8z7"}


def test_amp_reddit() -> None:
    """``<amp-reddit data-src>`` for posts and comments."""
    document = (
        '<amp-reddit layout="responsive" width="300" height="400" data-embedtype="post" '
        'data-src="https://www.reddit.com/r/kettles/comments/1abc2d/my_kettle/?ref=share&amp;ref_source=embed">'
        "</amp-reddit>"
        '<amp-reddit layout="responsive" width="300" height="400" data-embedtype="comment" '
        'data-src="https://www.reddit.com/r/kettles/comments/1abc2d/my_kettle/kx9y8z7/" '
        'data-uuid="00000000-0000-0000-0000-000000000000" data-embedcreated="2024-01-01T00:00:00Z">'
        "</amp-reddit>"
    )
    posts = reddit_posts(document)
    assert [(p.post_id, p.form) for p in posts] == [("1abc2d", "amp"), ("kx9y8z7", "amp")]


def test_rendered_iframe_inside_blockquote_is_one_post() -> None:
    """After widgets.js, the iframe sits in the blockquote's place (or inside it): one post."""
    document = EMBED_BQ.replace(
        "</blockquote>",
        '<iframe src="https://embed.reddit.com/r/kettles/comments/1abc2d/my_kettle/?embed=true">'
        "</iframe></blockquote>",
    )
    [post] = reddit_posts(document)
    assert (post.form, post.text) == ("blockquote", "My kettle sings in tune & other news")


def test_bare_embed_iframe() -> None:
    """An embed iframe on its own is an iframe-form post."""
    document = (
        '<iframe id="reddit-embed" src="https://www.redditmedia.com/r/kettles/comments/1abc2d/'
        'my_kettle/?ref_source=embed&amp;ref=share&amp;embed=true" height="400"></iframe>'
    )
    [post] = reddit_posts(document)
    assert (post.post_id, post.form) == ("1abc2d", "iframe")


@pytest.mark.parametrize(
    "document",
    [
        # share and follow buttons
        '<a class="share-reddit" href="https://www.reddit.com/submit?url=https%3A%2F%2Fexample.com">Reddit</a>'
        '<a href="https://www.reddit.com/r/kettles/">r/kettles</a>',
        # class names in CSS and scripts
        "<style>.reddit-embed-bq{height:500px}.reddit-card{margin:0}</style>"
        "<script>if (document.querySelector('.reddit-embed-bq')) {}</script><p>text</p>",
        # an embed container holding only a subreddit link
        '<blockquote class="reddit-card"><a href="https://www.reddit.com/r/kettles">r/kettles</a></blockquote>',
    ],
)
def test_not_posts(document: str) -> None:
    """Share buttons, subreddit links, CSS and scripts are not embedded posts."""
    assert reddit_posts(document) == []


def test_class_that_merely_starts_like_an_embed_class_is_no_official_embed() -> None:
    """A wrapper named like the embed class around a lone permalink is a placeholder only."""
    document = (
        '<div class="reddit-embed-wrapper"><a href="https://www.reddit.com/r/kettles/comments/'
        '1abc2d/x/">x</a></div>'
    )
    assert [(p.post_id, p.form) for p in reddit_posts(document)] == [("1abc2d", "placeholder")]
    assert tr.extract(document, official_only=True) == []


def test_share_link_is_link_candidate() -> None:
    """A share link in an article is kept, as needing expansion, with include_links."""
    document = '<p><a href="https://www.reddit.com/r/kettles/s/AbCdEf1234">thread</a></p>'
    [post] = reddit_posts(document, include_links=True)
    assert (post.post_id, post.form) == (None, "link")


@pytest.mark.parametrize(
    ("text", "post_id", "title", "user"),
    [
        # get_text / trafilatura: the spaces before the links are lost
        (
            "Intro.\n\nMy kettle sings in tune\n byu/ada_example inkettles\n\nOutro.",
            None,
            "My kettle sings in tune",
            "ada_example",
        ),
        # all on one line
        (
            "My kettle sings in tune byu/ada_example inkettles",
            None,
            "My kettle sings in tune",
            "ada_example",
        ),
        # html2text Markdown keeps the links: the title link gives the post id
        (
            "[My kettle sings in tune](https://www.reddit.com/r/kettles/comments/1abc2d/x/)  \n"
            " by[u/ada_example](https://www.reddit.com/user/ada_example/) "
            "in[kettles](https://www.reddit.com/r/kettles/)",
            "1abc2d",
            "My kettle sings in tune",
            "ada_example",
        ),
        # a comment embed: "Comment" is not a title
        ("Comment\n byu/bo_sample from discussion\n inkettles", None, None, "bo_sample"),
        # BeautifulSoup get_text("\n"): every text node on its own line
        (
            "My kettle sings in tune\n by\nu/ada_example\n in\nkettles\n\n",
            None,
            "My kettle sings in tune",
            "ada_example",
        ),
        # the legacy card through get_text("\n")
        ("A very old kettle\n from \nr/kettles\n\n", None, "A very old kettle", None),
        # the legacy card: "Title from r/SUB" on one line
        ("A very old kettle from r/kettles", None, "A very old kettle", None),
        # the legacy card in Markdown
        (
            "[A very old kettle](https://www.reddit.com/r/kettles/comments/9zz9zz/x/) from "
            "[r/kettles](http://www.reddit.com/r/kettles)",
            "9zz9zz",
            "A very old kettle",
            None,
        ),
    ],
)
def test_text_residue(text: str, post_id: str | None, title: str | None, user: str | None) -> None:
    """The byline residue, with its missing spaces, is a Reddit post."""
    posts = [p for p in tr.extract(text) if p.platform == "reddit"]
    assert len(posts) == 1
    [post] = posts
    assert (post.post_id, post.text, post.handle, post.form) == (post_id, title, user, "text")


@pytest.mark.parametrize(
    "text",
    [
        "This was first posted by u/ada_example in kettles last week.",
        "Thread posted by u/ada_example in kettles",  # spaced "by u/" after prose
        "The photo came from r/kettles and went viral.",
        "A credit line from u/ada_example and more words after it",
    ],
)
def test_text_prose_is_not_residue(text: str) -> None:
    """Prose naming users and subreddits is not an embed."""
    assert [p for p in tr.extract(text) if p.platform == "reddit"] == []


def test_nested_unclosed_containers() -> None:
    """Thousands of unclosed embed blockquotes nest; they are read without blowing up."""
    unit = (
        '<blockquote class="reddit-embed-bq">'
        '<a href="https://www.reddit.com/r/kettles/comments/1abc2d/t/">t</a> by'
        '<a href="https://www.reddit.com/user/ada_example/">u/ada_example</a>'
    )
    posts = reddit_posts(unit * 2000)
    assert [p.post_id for p in posts] == ["1abc2d"]


def test_long_line_of_near_residue() -> None:
    """A long line of byline fragments yields nothing and stays quick to scan."""
    assert [p for p in tr.extract("byu/a " * 20000, kind="text") if p.platform == "reddit"] == []
