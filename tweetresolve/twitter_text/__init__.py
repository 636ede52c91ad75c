"""twitter-text's rules that need no records: characters, hosts, URLs and weighted length.

Twitter's reference library, twitter-text (version 3), defines which characters may
precede a ``@`` or ``#``, which host names are URLs and how a post's length is weighted.
The pieces here work on plain strings and offsets; :mod:`tweetresolve.entities` turns
them into :class:`~tweetresolve.Entity` records, and :class:`~tweetresolve.Post` uses
:mod:`~tweetresolve.twitter_text.length` for ``weighted_length``. Keeping them below the
records is what lets both import them without an import cycle.

Modules: ``chars`` (character classes), ``hosts`` (top-level domains and host labels),
``url_scan`` (URLs in running text), ``url_validation`` (one whole URL) and ``length``
(weighted length).
"""
