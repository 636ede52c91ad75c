"""Generated plain-text residue: invented posts of every platform, flattened as converters do.

A *family* is one platform's residue shape (an attribution line, a site-made card, an
embed's fallback lines).  Each variant draws an invented post (name, handle, id, text,
date in one of several languages) and renders it as one of four converters would
flatten the HTML: ``plain`` (paragraph per line, links dropped, like trafilatura),
``markdown`` (html2text with links, block quotes as ``> ``, blank lines between
blocks), ``split`` (BeautifulSoup's ``get_text("\\n")``: every inline element on a line
of its own) and ``bare`` (html2text without links).  Three lines of invented article
prose stand above and below.  Seeded: a variant is the same on every run.

The ``decoy-*`` families hold no post: a bare mention in prose, an author's byline, a
follow line, share buttons, a quotation with a dash but no date, a list of social
links and a comment section must all give nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
from text_parts_gen import (
    _ACTION_ROWS,
    _DATES,
    _FACEBOOK,
    _INSTAGRAM,
    _INSTAGRAM_DATES,
    _NAMES,
    _PLATFORM_WORD,
    _SHORT_DATES,
    _VIEW_ON,
    CONVERTERS,
    _Maker,
    _page,
    _Part,
    _permalink,
    _render,
)

__all__ = ["DECOY_FAMILIES", "FAMILIES", "Variant", "all_variants", "variants"]

#: What a test checks of one post; keys left out (or None) are not checked.
Expected = dict[str, Any]


@attrs.frozen
class Variant:
    """One generated text and the posts it must give."""

    family: str
    converter: str
    lang: str
    seed: int
    text: str
    expected: tuple[Expected, ...]


# --- families ---------------------------------------------------------------------------


#: Lines an article puts right above an embedded post, per language.
_LEAD_INS = {
    "en": ("She wrote on Twitter:", "## Reactions", "The operator replied within minutes."),
    "de": ("Auf Twitter schrieb sie:", "## Reaktionen", "Der Betreiber antwortete sofort."),
    "fr": ("Elle a écrit sur Twitter :", "## Réactions", "L'exploitant a répondu aussitôt."),
    "es": ("Escribió en Twitter:", "## Reacciones", "La empresa respondió enseguida."),
}


def _twitter_byline(m: _Maker, lang: str, converter: str) -> tuple[list[str], Expected]:
    handle, name, text = m.handle(), m.pick(_NAMES), m.post_text(lang)
    post_id = m.digits(19)
    url = f"https://twitter.com/{handle}/status/{post_id}"
    date = _DATES[lang][0]
    extra = m.pick(("", "", f"pic.twitter.com/{m.code(10)}", "#Harbour #Ferry 🚢"))
    text_lines = [text, extra] if extra else [text]
    lead = [m.pick(_LEAD_INS[lang])] if m.chance(0.5) else []
    if lead and lead[0].startswith("#") and converter != "markdown":
        lead = []  # only Markdown writes headings
    bare_handle = converter != "split" and m.chance(0.2)  # "— Name @handle Date"
    if converter == "markdown" and bare_handle:
        byline = f"— {name} [@{handle}](https://twitter.com/{handle}) [{date}]({url})"
        quoted = [f"> {line}" for line in text_lines]
        lines = [*lead, *([""] if lead else []), *quoted, ">", f"> {byline}"]
    elif converter == "markdown":
        byline = f"— {name} (@{handle.replace('_', chr(92) + '_')}) [{date}]({url})"
        quoted = [f"> {line}" for line in text_lines]
        lines = [*lead, *([""] if lead else []), *quoted, ">", f"> {byline}"]
    elif converter == "split":
        words = text.split(" ")
        cut = max(1, len(words) // 2)
        link = f"https://t.co/{m.code(10)}"
        pieces = [" ".join(words[:cut]) + " ", link, " " + " ".join(words[cut:])]
        lead = [*lead, ""] if lead else []  # a paragraph's own text node
        lines = [*lead, *pieces, *text_lines[1:], f"— {name} (@{handle})", date]
        text = f"{' '.join(words[:cut])} {link} {' '.join(words[cut:])}"
    else:
        listed = converter == "plain" and m.chance(0.3)
        body = [f"- {line}" if listed else line for line in text_lines]
        if lead and converter == "bare":
            lead = [*lead, ""]  # html2text sets paragraphs apart
        shown = f"@{handle}" if bare_handle else f"(@{handle})"
        lines = [*lead, *body, f"— {name} {shown} {date}"]
    linked = converter == "markdown"
    return lines, {
        "platform": "twitter",
        "handle": handle,
        "post_id": post_id if linked else None,
        "date": date,
        "text_start": text[:40],
    }


def _card_parts(
    m: _Maker,
    person: tuple[str, str],
    text: str,
    date: str,
    urls: tuple[str | None, str],
    *,
    quoted: tuple[_Part, ...] = (),
) -> list[_Part]:
    """A site-made card's lines in one of its layouts (``quoted``: a quoted post's lines)."""
    (name, handle), (url, profile) = person, urls
    mark = m.pick(("", "", " ✔", " ✓"))
    layout = m.rng.randrange(6)
    head: list[_Part]
    if layout == 3:
        # Name, handle and date on one line, as a rendered post's header.
        line = _Part(
            f"{name}{mark} @{handle} · {date}",
            None,
            (name, "@" + handle, "·", date),
            f"[{name}]({profile}){mark} [@{handle}]({profile}) · "
            + (f"[{date}]({url})" if url else date),
        )
        words = text.split(" ")
        body = _Part(text, None, (" ".join(words[:2]) + " ", " ".join(words[2:])))
        return [line, body, *([_Part(m.pick(_ACTION_ROWS))] if m.chance(0.5) else [])]
    if layout == 4:
        head = [
            _Part(name + mark),
            _Part(f"@{handle} · Follow", None, (f"@{handle}", "·", "Follow")),
        ]
    elif layout == 5:
        head = [_Part(f"{name}{mark} (@{handle})", None, (f"{name}{mark} (", f"@{handle}", ")"))]
    elif layout == 0:
        head = [_Part(name + mark), _Part("@" + handle, profile, ("@" + handle,))]
    elif layout == 1:
        head = [_Part(f"{name}{mark} @{handle}", profile, (name, "@" + handle))]
    else:
        head = [_Part(name + mark), _Part("@" + handle, profile), _Part("Follow")]
    date_part = _Part(date, url)
    words = text.split(" ")
    cut = max(1, len(words) // 2)
    body = _Part(text, None, (" ".join(words[:cut]) + " ", " ".join(words[cut:])))
    tail = [_Part(m.pick(_ACTION_ROWS))] if m.chance(0.5) else []
    if m.chance(0.3):
        return [*head, date_part, body, *tail]
    if m.chance(0.2):
        other = m.handle()
        context = m.pick(("Replying to @{}", "Antwort an @{}", "En réponse à @{}"))
        head = [*head, _Part(context.format(other), None, (context[:-3], "@" + other))]
    return [*head, body, *quoted, date_part, *tail]


def _card(
    m: _Maker,
    lang: str,
    converter: str,
    platform: str,
    *,
    short_date: bool = False,
    quoting: bool = False,
) -> tuple[list[str], Expected]:
    name, text = m.pick(_NAMES), m.post_text(lang)
    handle = m.handle(dots=platform in {"instagram", "threads", "tiktok"})
    date = m.pick(_SHORT_DATES) if short_date else m.pick(_DATES[lang])
    url, profile, post_id, shown_handle = _permalink(m, platform, handle)
    quoted: tuple[_Part, ...] = ()
    if quoting:
        # A post the card's post quotes: its name, handle and text (and maybe its
        # date) inside the card, before the card's own date.
        other, other_text = m.handle(), m.post_text(lang)
        quoted = (
            _Part(m.pick(_NAMES)),
            _Part("@" + other, f"https://x.com/{other}"),
            *([_Part(m.pick(_SHORT_DATES))] if m.chance(0.4) else []),
            _Part(other_text),
        )
    parts = _card_parts(m, (name, shown_handle), text, date, (url, profile), quoted=quoted)
    # Bluesky's and Mastodon's handles name their platform; a card may have no
    # "View on …" line then.
    named = platform in {"bluesky", "mastodon"} and m.chance(0.3)
    if platform != "twitter" and not named:
        view = _VIEW_ON.get(lang, _VIEW_ON["en"]).format(_PLATFORM_WORD[platform])
        parts.append(_Part(view, url))
    listed = m.chance(0.25)
    lines = _render(m, parts, converter, quoted=converter in {"markdown", "bare"} and m.chance(0.3))
    if listed and not lines[0].startswith(">"):
        lines = [f"- {line}" if line else line for line in lines]
    linked = converter == "markdown"
    return lines, {
        "platform": platform,
        "handle": shown_handle,
        "post_id": post_id if linked else None,
        "date": date,
        "text_start": text[:40],
    }


def _instagram(m: _Maker, lang: str, converter: str) -> tuple[list[str], Expected]:
    lang = lang if lang in _INSTAGRAM else "en"
    view, lead, on = _INSTAGRAM[lang]
    name, handle, text = m.pick(_NAMES), m.handle(dots=True), m.post_text(lang)
    code = m.code(11)
    url = f"https://www.instagram.com/p/{code}/?utm_source=ig_embed"
    dated = m.chance(0.4)
    date = _INSTAGRAM_DATES[lang] if dated else None
    byline = f"{lead} {name} (@{handle})"
    parts = [_Part(view, url), _Part(text), _Part(byline, url)]
    lines = _render(m, parts, converter, quoted=converter != "plain")
    if date is not None:
        lines[-1] += f" {on} {date}"
    linked = converter == "markdown"
    return lines, {
        "platform": "instagram",
        "handle": handle,
        "post_id": code if linked else None,
        "date": date,
        "text_start": text[:40],
    }


def _threads(m: _Maker, lang: str, converter: str) -> tuple[list[str], Expected]:
    handle = m.handle(dots=True)
    code = m.code(11)
    url = f"https://www.threads.net/@{handle}/post/{code}"
    if converter == "markdown":
        lines = [f"> [Post by @{handle} View on Threads]({url})"]
        if m.chance(0.5):
            lines = [f"> [ Post by @{handle}", "> View on Threads]({url})".replace("{url}", url)]
    else:
        lines = [f"Post by @{handle}", "View on Threads"]
    return lines, {
        "platform": "threads",
        "handle": handle,
        "post_id": code if converter == "markdown" else None,
    }


def _mastodon(m: _Maker, lang: str, converter: str) -> tuple[list[str], Expected]:
    user, post_id = m.handle().replace(".", "_"), "11" + m.digits(16)
    host = m.pick(("mastodon.social", "social.example.org", "toot.example"))
    url = f"https://{host}/@{user}/{post_id}"
    if converter == "markdown":
        lines = [f"> [Post by @{user}@{host} View on Mastodon]({url})"]
    else:
        lines = [f"Post by @{user}@{host}", "View on Mastodon"]
    return lines, {
        "platform": "mastodon",
        "handle": f"{user}@{host}",
        "post_id": post_id if converter == "markdown" else None,
    }


def _bluesky(m: _Maker, lang: str, converter: str) -> tuple[list[str], Expected]:
    name, text = m.pick(_NAMES), m.post_text(lang)
    url, _, rkey, handle = _permalink(m, "bluesky", m.handle())
    date = m.pick(
        ("November 25, 2024 at 12:58 AM", "20 novembre 2024 à 14:43", "14 February 2025 at 08:22")
    )
    marker = ["[image or embed]"] if m.chance(0.5) else []
    if converter == "markdown":
        lines = [
            f"> {text}",
            *[f"> {x}" for x in marker],
            f"> — {name} ([@{handle}](https://bsky.app/profile/did:plc:abc)) [{date}]({url})",
        ]
    elif converter == "split":
        lines = [text, *marker, f"— {name} ( @{handle} )", date]
    else:
        lines = [text, *marker, f"— {name} (@{handle}) {date}"]
    return lines, {
        "platform": "bluesky",
        "handle": handle,
        "post_id": rkey if converter == "markdown" else None,
        "date": date,
        "text_start": text[:40],
    }


def _tiktok(m: _Maker, lang: str, converter: str) -> tuple[list[str], Expected]:
    user, text = m.handle(dots=True), m.post_text(lang)
    sound = f"♬ original sound - {m.pick(_NAMES)}"
    if converter == "markdown":
        lines = [
            f"> [@{user}](https://www.tiktok.com/@{user}?refer=embed)",
            ">",
            f"> {text}",
            ">",
            f"> [{sound}](https://www.tiktok.com/music/original-sound-{m.digits(19)})",
        ]
    else:
        lines = [f"@{user}", text, sound]
    return lines, {"platform": "tiktok", "handle": user, "text_start": text[:40]}


def _facebook(m: _Maker, lang: str, converter: str) -> tuple[list[str], Expected]:
    lead, on, date = _FACEBOOK.get(lang, _FACEBOOK["en"])
    name, text, page = m.pick(_NAMES), m.post_text(lang), m.handle().replace("_", "")
    post_id = m.digits(17)
    url = f"https://www.facebook.com/{page}/posts/{post_id}"
    lines = [
        f"> {text}",
        ">",
        f"> {lead} [{name}](https://www.facebook.com/{page}) {on} [{date}]({url})",
    ]
    return lines, {
        "platform": "facebook",
        "post_id": post_id,
        "date": date,
        "text_start": text[:40],
    }


def _reddit(m: _Maker, lang: str, converter: str) -> tuple[list[str], Expected]:
    title, user = m.post_text(lang), m.handle()
    sub = m.pick(("harbourtown", "ferries", "AskExample"))
    post_id = m.code(6).lower()
    url = f"https://www.reddit.com/r/{sub}/comments/{post_id}/invented_title/"
    if converter == "markdown":
        lines = [
            f"> [{title}]({url})  ",
            f"> by[u/{user}](https://www.reddit.com/user/{user}/)"
            f" in[{sub}](https://www.reddit.com/r/{sub}/)",
        ]
    else:
        lines = [title, f"byu/{user} in{sub}"]
    return lines, {
        "platform": "reddit",
        "handle": user,
        "post_id": post_id if converter == "markdown" else None,
    }


_Family = Callable[[_Maker, str, str], tuple[list[str], Expected]]

FAMILIES: dict[str, tuple[_Family, tuple[str, ...]]] = {
    "twitter-byline": (_twitter_byline, CONVERTERS),
    "twitter-card": (lambda m, lang, c: _card(m, lang, c, "twitter"), CONVERTERS),
    "twitter-card-quoting": (
        lambda m, lang, c: _card(m, lang, c, "twitter", quoting=True),
        CONVERTERS,
    ),
    "twitter-card-short-date": (
        lambda m, lang, c: _card(m, lang, c, "twitter", short_date=True),
        CONVERTERS,
    ),
    "instagram-fallback": (_instagram, CONVERTERS),
    "instagram-card": (lambda m, lang, c: _card(m, lang, c, "instagram"), CONVERTERS),
    "threads-fallback": (_threads, CONVERTERS),
    "threads-card": (lambda m, lang, c: _card(m, lang, c, "threads"), CONVERTERS),
    "mastodon-fallback": (_mastodon, CONVERTERS),
    "mastodon-card": (lambda m, lang, c: _card(m, lang, c, "mastodon"), CONVERTERS),
    "bluesky-byline": (_bluesky, CONVERTERS),
    "bluesky-card": (lambda m, lang, c: _card(m, lang, c, "bluesky"), CONVERTERS),
    "tiktok-fallback": (_tiktok, CONVERTERS),
    "tiktok-card": (lambda m, lang, c: _card(m, lang, c, "tiktok"), CONVERTERS),
    "facebook-byline": (_facebook, ("markdown",)),
    "reddit-byline": (_reddit, CONVERTERS),
}


# --- decoys -----------------------------------------------------------------------------


def _decoy_lines(m: _Maker, kind: str, lang: str) -> list[str]:
    name, handle = m.pick(_NAMES), m.handle()
    date = _DATES[lang][0]
    if kind == "mention":
        return [f"As @{handle} pointed out on {date}, the ferry has been late all week."]
    if kind == "author":
        return [f"By {name} (@{handle})", date, "The harbour story continues below."]
    if kind == "follow":
        return [f"Follow us @{handle}", "Share on Twitter", "Share on Facebook"]
    if kind == "quote":
        return ["“We will not change the timetable again this year.”", f"— {name}"]
    if kind == "social":
        return [
            "- Twitter: @" + handle,
            "- Instagram: @" + m.handle(dots=True),
            "- Facebook: facebook.com/" + m.handle(),
        ]
    if kind == "credits":
        return [m.pick((f"Photo: @{handle}", f"Reporting by {name} (@{handle})")), date]
    if kind == "signature":
        return [name, f"@{handle}", f"{handle}@example.com"]
    if kind == "event":
        return [f"Live at @{handle}", date, m.pick(("Tickets at the door", "Doors open at 8 pm."))]
    if kind == "comments":
        return [
            f"{name} says:",
            f"{date} at 5:38 pm",
            "Great article, thanks!",
            "Reply",
            f"{m.pick(_NAMES)} says:",
            f"{date} at 6:02 pm",
            "I disagree.",
            "Reply",
        ]
    # An article's byline box: the author's name, handle and the article's date.
    return [f"{name}", f"@{handle}", m.pick((date, f"{date} · 5 min read", f"Updated {date}"))]


DECOY_FAMILIES = (
    "mention",
    "author",
    "follow",
    "quote",
    "social",
    "comments",
    "author-box",
    "event",
    "credits",
    "signature",
)


# --- assembly ---------------------------------------------------------------------------


def variants(family: str, count: int, *, seed: int = 0) -> list[Variant]:
    """``count`` variants of ``family`` (a residue family or ``decoy-<kind>``)."""
    out: list[Variant] = []
    for index in range(count):
        number = seed * 100_003 + index
        m = _Maker(_stable(family, number))
        lang = m.pick(("en", "de", "fr", "es", "en"))
        if family.startswith("decoy-"):
            converter = m.pick(CONVERTERS)
            body = _decoy_lines(m, family.removeprefix("decoy-"), lang)
            text = _page(m, lang, body, converter)
            out.append(Variant(family, converter, lang, number, text, ()))
            continue
        make, converters = FAMILIES[family]
        converter = m.pick(converters)
        body, expected = make(m, lang, converter)
        text = _page(m, lang, body, converter)
        out.append(Variant(family, converter, lang, number, text, (expected,)))
    return out


def all_variants(per_family: int, *, seed: int = 0) -> list[Variant]:
    """``per_family`` variants of every family and every decoy."""
    names = [*FAMILIES, *(f"decoy-{kind}" for kind in DECOY_FAMILIES)]
    return [v for name in names for v in variants(name, per_family, seed=seed)]


def _stable(family: str, number: int) -> int:
    """A seed that does not depend on Python's per-run string hashing."""
    value = number
    for char in family:
        value = (value * 131 + ord(char)) & 0xFFFFFFFF
    return value


# --- checking ---------------------------------------------------------------------------


def _norm(value: object) -> str:
    return " ".join(str(value or "").split()).lstrip("@").lower()


def matches(expected: Expected, post: Any) -> bool:
    """Whether ``post`` is the expected post: same platform, and same id or handle."""
    if post.platform != expected["platform"]:
        return False
    if expected.get("post_id") and post.post_id:
        return bool(post.post_id == expected["post_id"])
    handle = post.author.handle if post.author else None
    return _norm(handle) == _norm(expected.get("handle"))


def field_errors(expected: Expected, post: Any) -> list[str]:
    """The checked fields of ``expected`` that ``post`` gets wrong."""
    errors = []
    if expected.get("post_id") and post.post_id != expected["post_id"]:
        errors.append(f"id {post.post_id!r} != {expected['post_id']!r}")
    handle = post.author.handle if post.author else None
    if expected.get("handle") and _norm(handle) != _norm(expected["handle"]):
        errors.append(f"handle {handle!r} != {expected['handle']!r}")
    if expected.get("date") and _norm(post.date_text) != _norm(expected["date"]):
        errors.append(f"date {post.date_text!r} != {expected['date']!r}")
    if expected.get("text_start") and not _norm(post.text).startswith(
        _norm(expected["text_start"])
    ):
        errors.append(f"text {(post.text or '')[:50]!r} !^ {expected['text_start']!r}")
    return errors
