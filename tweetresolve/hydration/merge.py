"""The provenance rule: hydration fills what is missing and never overwrites the page.

For every field the page left empty, the platform's value is taken and the
field's name goes into ``Post.hydrated`` (``author.name`` for a part of the
author).  Where both have a value and they disagree, the page's value stays and
a warning goes into ``Post.warnings``:

``hydration_text_differs``    the text differs beyond links and white space, and the
                              page's text is not a cut-short start of the platform's
                              (an edited post, or not the same post)
``hydration_author_differs``  another handle (case-insensitively) or display name
``hydration_date_differs``    the page's date is more than a day from the platform's
                              creation time (a day: dates are shown in local time)
``hydration_lang_differs``    another language code (``und`` never differs)

>>> from tweetresolve.records import Author, Post
>>> page = Post(platform="twitter", post_id="20", author=Author(handle="ada"), text="Hello")
>>> found = Post(platform="twitter", post_id="20", author=Author(name="Ada", handle="ada"),
...              text="Hello!", lang="en")
>>> merged = merge(page, found)
>>> merged.author.name, merged.text, merged.lang, merged.hydrated, merged.warnings
('Ada', 'Hello', 'en', ('author.name', 'lang'), ('hydration_text_differs',))
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Final

import attrs

from tweetresolve.entities import extract_entities
from tweetresolve.records import Author, Post

__all__ = ["merge", "with_failure"]

# Links are shown differently by the page and the platform (pic.twitter.com/…
# against https://t.co/…), so texts are compared without them.
# Example: "look https://t.co/AbC pic.twitter.com/XyZ" -> "look".
_LINK_RE: Final = re.compile(r"(?:https?://|pic\.(?:twitter|x)\.com/)\S*", re.IGNORECASE)
_SPACE_RE: Final = re.compile(r"\s+")
# A cut-short text ends with an ellipsis.  Example: "First words of a long post…".
_ELLIPSIS_RE: Final = re.compile(r"(?:…|\.\.\.)\s*$")
# Fields copied when the page has none, in record order (author is done by part).
_SIMPLE_FIELDS: Final = ("post_id", "url", "text", "lang", "date_text", "published", "created_at")
_WHOLE_FIELDS: Final = ("links", "quoted", "media", "reply_to")
_HAS_PRECISION: Final = "published_precision" in attrs.fields_dict(Post)


def _plain(text: str) -> str:
    return _SPACE_RE.sub(" ", _LINK_RE.sub(" ", text)).strip().casefold()


def _texts_differ(page: str, found: str) -> bool:
    shown, full = _plain(page), _plain(found)
    if shown == full:
        return False
    if not _ELLIPSIS_RE.search(page):
        return True
    cut = _plain(_ELLIPSIS_RE.sub("", page))
    return not (cut and full.startswith(cut))


def _day(value: dt.date) -> dt.date:
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.timezone.utc)
        return value.date()
    return value


def _dates_differ(page: dt.date, found: dt.date) -> bool:
    return abs((_day(page) - _day(found)).days) > 1


def _handles_differ(page: str, found: str) -> bool:
    return page.lstrip("@").casefold() != found.lstrip("@").casefold()


def _names_differ(page: str, found: str) -> bool:
    return _SPACE_RE.sub(" ", page).strip() != _SPACE_RE.sub(" ", found).strip()


def _merge_author(
    page: Author | None, found: Author | None, filled: list[str], warnings: list[str]
) -> Author | None:
    if found is None:
        return page
    author = page or Author()
    changes: dict[str, Any] = {}
    parts: tuple[tuple[str, Any], ...] = (
        ("name", _names_differ),
        ("handle", _handles_differ),
        ("url", None),
    )
    for part, differ in parts:
        mine, theirs = getattr(author, part), getattr(found, part)
        if theirs is None:
            continue
        if mine is None:
            changes[part] = theirs
            filled.append(f"author.{part}")
        elif differ is not None and differ(mine, theirs):
            warnings.append("hydration_author_differs")
    return attrs.evolve(author, **changes) if changes else page


def merge(page: Post, found: Post) -> Post:
    """Return ``page`` with what ``found`` adds; disagreements become warnings."""
    filled: list[str] = []
    warnings: list[str] = []
    changes: dict[str, Any] = {}
    for name in _SIMPLE_FIELDS:
        mine, theirs = getattr(page, name), getattr(found, name)
        if theirs is None:
            continue
        if mine is None:
            changes[name] = theirs
            filled.append(name)
        elif name == "text" and _texts_differ(mine, theirs):
            warnings.append("hydration_text_differs")
        elif name == "lang" and "und" not in (mine, theirs) and mine.lower() != theirs.lower():
            warnings.append("hydration_lang_differs")
        elif name == "published" and _dates_differ(mine, theirs):
            warnings.append("hydration_date_differs")
    if "published" in changes and _HAS_PRECISION:
        # The precision travels with the value: a day shown by an embed stays a day.
        changes["published_precision"] = getattr(found, "published_precision", None)
    author = _merge_author(page.author, found.author, filled, warnings)
    if author is not page.author:
        changes["author"] = author
    for name in _WHOLE_FIELDS:
        theirs = getattr(found, name)
        if theirs and not getattr(page, name):
            changes[name] = theirs
            filled.append(name)
    if "text" in changes and not page.entities:
        entities = tuple(extract_entities(changes["text"]))
        if entities:
            changes["entities"] = entities
            filled.append("entities")
    order = {name: index for index, name in enumerate(attrs.fields_dict(Post))}
    filled.sort(key=lambda name: order[name.split(".", 1)[0]])
    hydrated = tuple(dict.fromkeys((*page.hydrated, *filled)))
    all_warnings = tuple(dict.fromkeys((*page.warnings, *warnings)))
    return attrs.evolve(page, **changes, hydrated=hydrated, warnings=all_warnings)


def with_failure(post: Post, code: str) -> Post:
    """``post`` with the warning of a failed lookup (none for ``unsupported``)."""
    if code == "unsupported":
        return post
    warning = f"hydration_{code}"
    if warning in post.warnings:
        return post
    return attrs.evolve(post, warnings=(*post.warnings, warning))
