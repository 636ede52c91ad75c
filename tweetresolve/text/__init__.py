"""Plain-text residue of embedded posts: attribution lines and the post text they close.

When an HTML-to-text converter (trafilatura, html2text, BeautifulSoup's
``get_text``, a CMS export) flattens an embedded post, what survives is the post's
text followed by its *attribution line*::

    Hello there, this is the post https://t.co/AbCdEf1234
    — Ada Example (@ada_example) March 30, 2022

>>> posts = list(find_posts("Hello there https://t.co/AbCdEf1234\\n"
...                         "— Ada Example (@ada_example) March 30, 2022"))
>>> p = posts[0]
>>> (p.author.name, p.author.handle, p.date_text, p.text, [link.url for link in p.links])
('Ada Example', 'ada_example', 'March 30, 2022', 'Hello there https://t.co/AbCdEf1234', ['https://t.co/AbCdEf1234'])

**Attribution grammar.**  The scan never runs a pattern over the whole text: it
finds each ``(@`` anchor (also ``( @``, Markdown's ``(\\@`` and the full-width
``(＠``), matches the handle right after it, and only then looks a bounded
distance left for the dash and right for the date.  Every step is bounded, so
megabytes of ``(@``, ``— `` or ``@@@@`` cost linear time.

* the dash is the **last** one before ``(@`` on that line (a post's own text may
  hold dashes): ``—``, ``–``, ``―``, their HTML entities, ``--``, or a lone ``-``
  between spaces; with no dash at all the line must start with the name and the
  date is required;
* the name runs from the dash to ``(``; it may be empty, hold parentheses, emoji,
  commas or right-to-left text; entities and Markdown escapes are decoded;
* the date follows the handle on the same line or starts the next non-empty line;
  it may be a Markdown link ``[March 30, 2022](https://twitter.com/…/status/…)`` or
  an ``<a href>`` left as markup, whose target gives the post id; it may run
  straight into the next sentence (``December 30, 2017In the…``) and site wrappers
  may follow it (``Report End of Twitter post by @…``).  Dates are read by
  :func:`tweetresolve.dates.match_date` in every language it knows, after Markdown
  escapes (``29\\. April 2018``) and entities are undone.  A dash line whose handle
  ends the line may have no date at all.

**Platforms.**  The grammar is shared; a :class:`ResidueDialect` says what a
handle looks like and which dates the platform prints.  :data:`TWITTER_RESIDUE`
takes ``[A-Za-z0-9_]{1,20}`` handles and refuses dates that carry a clock time
without a zone, so it never claims a Bluesky line such as
``— Name (@name.bsky.social) November 25, 2024 at 12:58 AM`` (the dotted handle
alone already fails the Twitter handle rule).  :data:`BLUESKY_RESIDUE` takes domain
handles and local times and drops the ``[image or embed]`` marker line.  Another
platform module builds its posts with :func:`find_posts` and its own dialect, or
with :func:`iter_attributions` and :func:`post_block` when it needs more control.

**Post text.**  The block that the attribution closes: the text before the dash on
the same line, and the lines above it.  A Markdown-quoted attribution
(``> — Name (@h) …``) takes exactly the contiguous ``>`` lines above it.  Otherwise
the line right above the attribution (or the text before the dash on its line) is
post text, and further lines are added upward while

* the block stays within the size of a post (weighted as the platform counts
  characters: URLs 23, CJK and emoji 2, media links 0);
* each added line shows it belongs to the post (:func:`_may_join`): its sentence
  goes on below (the raw line ends in a space where a link was split off), or it
  is short (at most 180) and has a post's marks (hashtag, mention, link, emoji,
  pipe, list bullet) or an end that is no sentence end (``?``, ``!``, a closing
  quote, none).  A line ending in ``.`` is an article sentence; one ending in
  ``:`` an article's "she wrote:", unless it heads a list of the post;
* when a line above a blank line refuses to join in mid-sentence, the lines of its
  paragraph joined so far go too (an article paragraph cut into fragments);
* no heading, rule, line that is only a non-``t.co`` URL, change of quoting or end
  of the previous attribution comes first.

So the article paragraph above a post is left out, while a post with several short
lines or paragraphs stays whole.  The price: a post whose upper lines are plain
sentences ending in ``.`` loses them (its last line is still found).
"""

from __future__ import annotations

from tweetresolve.text.attribution import AttributionMatch, iter_attributions, parse_attribution
from tweetresolve.text.blocks import TextBlock, post_block
from tweetresolve.text.dialects import BLUESKY_RESIDUE, TWITTER_RESIDUE, ResidueDialect
from tweetresolve.text.posts import find_posts

__all__ = [
    "BLUESKY_RESIDUE",
    "TWITTER_RESIDUE",
    "AttributionMatch",
    "ResidueDialect",
    "TextBlock",
    "find_posts",
    "iter_attributions",
    "parse_attribution",
    "post_block",
]
