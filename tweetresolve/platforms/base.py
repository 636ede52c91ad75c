"""The contract every platform module fulfils.

A platform is one module under ``tweetresolve/platforms/`` holding one object
that satisfies :class:`Platform`, registered in ``platforms/__init__.py``.  It
declares:

* ``markers``: lower-case substrings whose presence in a page means the page may
  hold one of its embeds.  A page containing none of any platform's markers is
  never parsed, so markers must be specific (``"twitter-tweet"``, not
  ``"twitter"``: nearly every page has a Twitter share link).
* ``parse_url``: permalink -> :class:`~tweetresolve.PostRef`.
* ``find_in_html``: embed forms in a parsed page, as :class:`Candidate` s.
* ``find_in_text``: residue forms in plain text (attribution lines), as posts.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol, runtime_checkable

import attrs

from tweetresolve.html import Element, ParsedPage
from tweetresolve.records import Post, PostRef

__all__ = ["Candidate", "Platform"]


@attrs.frozen
class Candidate:
    """A post found in HTML, with the element it was read from.

    ``extract`` merges candidates: one whose element lies inside another
    candidate's element of the same platform (a rendered iframe inside its
    wrapper, a placeholder blockquote inside ``amp-twitter``) describes the same
    post and is folded into it.  Bare links (``form="link"``) to a post that is
    also embedded on the page are dropped.

    ``nested`` marks a post read from a document nested in ``element`` (embed
    markup kept in a ``<textarea>``, a template, an iframe's ``srcdoc``, a JSON
    string), its span already mapped onto the page: a copy of a post found
    elsewhere on the page adds no record (see :mod:`tweetresolve.merge`).
    """

    element: Element
    post: Post
    nested: bool = False


@runtime_checkable
class Platform(Protocol):
    """What a platform module provides to the extraction pipeline."""

    #: Platform name used in records: ``twitter``, ``instagram`` …
    name: str
    #: Lower-case substrings that signal a possible embed in raw HTML.
    markers: tuple[str, ...]
    #: Lower-case substrings that signal possible residue in plain text.
    text_markers: tuple[str, ...]

    def parse_url(self, url: str) -> PostRef | None:
        """Return a reference to the post a permalink points at, or None."""
        ...

    def find_in_html(self, page: ParsedPage) -> Iterator[Candidate]:
        """Yield every embed of this platform in the page, in any order."""
        ...

    def find_in_text(self, text: str) -> Iterator[Post]:
        """Yield posts whose residue (attribution lines) appears in plain text."""
        ...
