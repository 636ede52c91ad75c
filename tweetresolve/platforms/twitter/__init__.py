"""Twitter / X: permalinks, snowflake ids, HTML embed forms and text residue.

Markup, residue and URL shapes are documented in the project's research notes
(publish snippet in all its eras, rendered widgets, AMP, CMS wrappers).

The HTML detector (``detector.py``) reads one lxml tree.  One XPath pass collects every element
that can be an embed; each is then read by the reader for its form
(``Post.form``):

``blockquote``
    ``blockquote.twitter-tweet`` / ``.twitter-video`` in every era, classless
    blockquotes ending with a ``(@handle)`` byline and a status link or carrying
    ``data-tweetid`` (copies kept in a consent wall's ``<textarea>`` are found by the
    pipeline's nested documents).  The id is the last status link's.
``rendered``
    What ``widgets.js`` leaves: ``div.twitter-tweet-rendered``,
    ``iframe.twitter-tweet-rendered``, ``iframe#twitter-widget-N``,
    ``<twitterwidget>`` (id from ``data-tweet-id`` or the iframe ``src``).
``card``
    Cards a site draws itself whose text block has a tweet class (``tweet-text``), a
    ``@handle`` and a status link or a profile link: the fallback of the structural
    card family (:mod:`tweetresolve.families.cards`), which runs first.
``iframe``
    ``platform.twitter.com/embed/Tweet.html?id=…`` without the rendered classes, and
    a site's own tweet iframe with a text fallback.
``amp``
    ``amp-twitter[data-tweetid]``.
Containers holding only an id (``div[data-tweet-id]``) and CMS embed blocks holding
only the status URL are placeholders, read for every platform by
:mod:`tweetresolve.families.placeholders`.

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

from collections.abc import Iterator

from tweetresolve.html import ParsedPage
from tweetresolve.platforms.base import Candidate
from tweetresolve.platforms.twitter.detector import find_in_page
from tweetresolve.platforms.twitter.urls import STATUS_URL, parse_status_url
from tweetresolve.records import Post, PostRef
from tweetresolve.text import TWITTER_RESIDUE
from tweetresolve.text.cards import find_posts_and_cards

__all__ = ["STATUS_URL", "TWITTER", "Twitter"]


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
        "platform.x.com/embed",
        "twitterembed",
        "tweetembed",
    )
    # The openings of "(@handle)" that the text path reads (a no-break or zero-width
    # space may sit inside the parenthesis), a handle starting a card's line
    # ("\n@handle", "Name @handle", "[@handle](…)"), and status links.
    text_markers: tuple[str, ...] = (
        "(@",
        "\n@",
        " @",
        "[@",
        "\n＠",
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
        return parse_status_url(url)

    def find_in_html(self, page: ParsedPage) -> Iterator[Candidate]:
        """Yield the Twitter embeds of a page: every form in the module table."""
        return iter(find_in_page(page))

    def find_in_text(self, text: str) -> Iterator[Post]:
        """Yield tweets whose attribution line survives in plain text."""
        return find_posts_and_cards(text, TWITTER_RESIDUE, parse_url=self.parse_url)


TWITTER = Twitter()
