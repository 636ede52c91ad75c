"""More generated card shapes, written after the first families were read in full.

These were added to check that the card family generalises beyond the shapes it was
tuned on: cards laid out as table rows, a repost or "pinned" context line above the
author, a reply context, a photo under the text, an avatar drawn as a CSS background,
handles in nested spans, a blockquote without any platform class as the card, and a
card whose author shows upper-case letters the permalink writes in lower case.
"""

from __future__ import annotations

import html

import attrs
from card_parts_gen import ACTION_WORDS, Maker, Person
from card_variants import Expected, Post, expect, make_post

__all__ = ["more_card"]

# Context lines above a card's author, per language: a repost, a pinned post.
_CONTEXT = {
    "en": ("{name} reposted", "Pinned"), "de": ("{name} hat repostet", "Angeheftet"),
    "fr": ("{name} a reposté", "Épinglé"), "es": ("{name} ha reposteado", "Fijado"),
    "pt": ("{name} repostou", "Fixado"), "it": ("{name} ha ripubblicato", "Fissato"),
    "nl": ("{name} heeft gerepost", "Vastgezet"), "ja": ("{name}さんがリポスト", "固定"),
}  # fmt: skip

# "Replying to", per language.
_REPLYING = {
    "en": "Replying to", "de": "Antwort an", "fr": "En réponse à", "es": "En respuesta a",
    "pt": "Em resposta a", "it": "In risposta a", "nl": "Antwoord aan", "ja": "返信先:",
}  # fmt: skip


def more_card(m: Maker) -> tuple[str, list[Expected]]:
    """One card of a random platform in one of the later shapes."""
    rng = m.rng
    platform = rng.choice(("twitter", "twitter", "bluesky", "mastodon", "threads", "tiktok"))
    post = make_post(m, platform)
    if rng.random() < 0.5 and platform == "twitter":
        # The shown handle keeps its capitals; the permalink writes it in lower case.
        shown = post.person.handle.capitalize()
        person = Person(post.person.name, shown)
        post = attrs.evolve(post, person=person, handle=shown)
    shape = rng.choice((_table_rows, _context_line, _reply_and_photo, _blockquote_card))
    markup, exp = shape(m, post)
    return m.page(m.wrap(markup)), [exp]


def _who(m: Maker, post: Post) -> str:
    rng = m.rng
    at = f"@{post.person.handle}"
    handle = rng.choice(
        (f"<span><span>{at}</span></span>", f'<a href="{post.profile}">{at}</a>', f"<i>{at}</i>")
    )
    name = f"<b>{html.escape(post.person.name)}</b>"
    avatar = rng.choice((
        f'<div style="background-image:url(https://img.example.net/u/{rng.randint(1, 99)}.jpg);'
        'width:40px;height:40px"></div>',
        f'<img src="https://img.example.net/u/{rng.randint(1, 99)}.jpg" width="40" height="40"'
        ' alt="">',
        "",
    ))  # fmt: skip
    return f"{avatar}<div{m.cls('who')}>{name} {handle}</div>"


def _date_link(m: Maker, post: Post) -> str:
    return f'<a href="{post.url}"{m.cls("date")}>{html.escape(post.date.text)}</a>'


def _table_rows(m: Maker, post: Post) -> tuple[str, Expected]:
    """A newsletter table: author in the first row, text in the second, date in the third."""
    rng = m.rng
    at = f"@{post.person.handle}"
    avatar = f'<img src="https://img.example.net/u/{rng.randint(1, 99)}.jpg" width="48" alt="">'
    rows = (
        f"<tr><td>{avatar}</td><td><b>{html.escape(post.person.name)}</b><br>{at}</td></tr>"
        f'<tr><td colspan="2">{html.escape(post.text)}</td></tr>'
        f'<tr><td colspan="2">{_date_link(m, post)}</td></tr>'
    )
    return f'<table{m.cls("card")} cellpadding="0">{rows}</table>', expect(post)


def _context_line(m: Maker, post: Post) -> tuple[str, Expected]:
    """ "Bo Example reposted" or "Pinned" above the author, the date after the text."""
    rng = m.rng
    reposted, pinned = _CONTEXT[m.lang]
    other = m.person()
    context = rng.choice((reposted.format(name=html.escape(other.name)), pinned))
    icon = '<svg viewBox="0 0 24 24"><path d="M1 1"/></svg>'
    body = (
        f"<div{m.cls('ctx')}>{icon}<span>{context}</span></div>{_who(m, post)}"
        f"<p{m.cls('text')}>{html.escape(post.text)}</p><div>{_date_link(m, post)}</div>"
    )
    return f"<div{m.cls('card')}>{body}</div>", expect(post)


def _reply_and_photo(m: Maker, post: Post) -> tuple[str, Expected]:
    """A reply context above the text and a photo under it."""
    rng = m.rng
    other = m.person()
    mention = f'<a href="https://twitter.com/{other.handle}">@{other.handle}</a>'
    replying = f"<div>{_REPLYING[m.lang]} {mention}</div>"
    photo = (
        f'<img src="https://cdn.example.net/media/{rng.randint(1, 999)}.jpg" width="500"'
        f' height="300" alt="{html.escape(m.sentence()[:30])}">'
    )
    actions = f"<div><span>{ACTION_WORDS[m.lang][0]}</span> <span>{rng.randint(1, 99)}</span></div>"
    body = (
        f"{_who(m, post)}{replying}<p>{html.escape(post.text)}</p>{photo}"
        f"<div>{_date_link(m, post)}</div>{actions}"
    )
    return f"<article{m.cls('card')}>{body}</article>", expect(post)


def _blockquote_card(m: Maker, post: Post) -> tuple[str, Expected]:
    """A site's own blockquote (no platform class) holding the author, text and date."""
    body = f"{_who(m, post)}<p>{html.escape(post.text)}</p><footer>{_date_link(m, post)}</footer>"
    return f"<blockquote{m.cls('quote')}>{body}</blockquote>", expect(post)
