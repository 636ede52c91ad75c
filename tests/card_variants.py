"""Generated site-made cards: invented posts drawn in many shapes, with what they show.

Each *family* composes a page from the parts of :mod:`card_parts_gen` (people, ids,
texts, dates in eight languages, class vocabularies or none, wrappers, icons, action
rows, follow buttons) in random orders, seeded so that a variant is the same on every
run.  A variant lists the posts a card reader must report, field by field (keys left
out are not checked).  The decoy families of :mod:`card_decoys` must report nothing.

The families: CMS and newsletter cards of every platform, live-blog items quoting a
post, feed widgets, screenshots linked to the post, link previews of one post, cards
whose links are all redirect-wrapped (no id), and cards quoting another post.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import attrs
from card_parts_gen import ACTION_WORDS, Maker, Person, Shown

__all__ = ["CARD_FAMILIES", "Post", "Variant", "card", "make_post", "variant"]

#: What a test checks of one post (keys left out are not checked).
Expected = dict[str, Any]

# How each platform is named on a "View on …" link.
_PLATFORM_WORD = {"twitter": "X", "instagram": "Instagram", "tiktok": "TikTok",
                  "bluesky": "Bluesky", "threads": "Threads", "mastodon": "Mastodon",
                  "facebook": "Facebook", "linkedin": "LinkedIn", "reddit": "Reddit"}  # fmt: skip

# Platforms whose cards show the author's handle with an "@".
_AT_HANDLES = frozenset({"twitter", "bluesky", "mastodon", "tiktok", "threads"})


@attrs.frozen
class Post:
    """One invented post: where it lives and what a card of it may show."""

    platform: str
    post_id: str
    url: str
    person: Person
    text: str
    date: Shown
    profile: str
    #: The handle a reader reports (the shown one, or the one the URL names).
    handle: str | None


@attrs.frozen
class Variant:
    family: str
    seed: int
    markup: str
    expected: tuple[Expected, ...]


def make_post(m: Maker, platform: str, person: Person | None = None) -> Post:
    """An invented post of ``platform`` with a permalink of the platform's shape."""
    person = person or m.person(platform=platform)
    h = person.handle
    rng = m.rng
    handle: str | None = h
    if platform == "twitter":
        post_id = m.digits(10**17, 2 * 10**18)
        host = rng.choice(("twitter.com", "x.com", "mobile.twitter.com"))
        tail = rng.choice(("", "?ref_src=twsrc%5Etfw", "?s=20"))
        url, profile = f"https://{host}/{h}/status/{post_id}{tail}", f"https://{host}/{h}"
    elif platform == "instagram":
        post_id = m.code(11, first="C")
        url = f"https://www.instagram.com/{rng.choice(('p', 'reel'))}/{post_id}/"
        profile = f"https://www.instagram.com/{h}/"
    elif platform == "tiktok":
        post_id = m.digits(7 * 10**18, 7 * 10**18 + 10**17)
        url, profile = (
            f"https://www.tiktok.com/@{h}/video/{post_id}",
            f"https://www.tiktok.com/@{h}",
        )
    elif platform == "bluesky":
        post_id = "3k" + "".join(rng.choice("abcdefghijklmnopqrstuvwxyz234567") for _ in range(11))
        url, profile = (
            f"https://bsky.app/profile/{h}/post/{post_id}",
            f"https://bsky.app/profile/{h}",
        )
    elif platform == "threads":
        post_id = m.code(11, first="C")
        url, profile = (
            f"https://www.threads.net/@{h}/post/{post_id}",
            f"https://www.threads.net/@{h}",
        )
    elif platform == "mastodon":
        user, host = h.split("@")
        post_id = m.digits(10**17, 12 * 10**16)
        url, profile = f"https://{host}/@{user}/{post_id}", f"https://{host}/@{user}"
    elif platform == "facebook":
        slug = h.replace("_", ".")
        post_id = m.digits(10**15, 10**16)
        url = f"https://www.facebook.com/{slug}/posts/{post_id}"
        profile, handle = f"https://www.facebook.com/{slug}", slug
    elif platform == "linkedin":
        number = m.digits(7 * 10**18, 7 * 10**18 + 10**17)
        post_id = f"urn:li:activity:{number}"
        url = f"https://www.linkedin.com/feed/update/{post_id}/"
        profile, handle = f"https://www.linkedin.com/in/{h.replace('_', '-')}/", None
    else:  # reddit
        post_id = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(6))
        url = f"https://www.reddit.com/r/harbourtown/comments/{post_id}/a_title/"
        profile = f"https://www.reddit.com/user/{h}/"
    text = m.sentence() if rng.random() < 0.6 else f"{m.sentence()} {m.sentence()}"
    return Post(platform, post_id, url, person, text, m.date(), profile, handle)


def expect(post: Post, **shown: Any) -> Expected:
    """The fields a reader must report for ``post`` (``shown`` overrides or drops some)."""
    out: Expected = {
        "platform": post.platform,
        "post_id": post.post_id,
        "handle": post.handle,
        "name": post.person.name,
        "date_text": post.date.text,
        "text_start": post.text[:40],
    }
    for key, value in shown.items():
        if value is _DROP:
            out.pop(key, None)
        else:
            out[key] = value
    return out


_DROP = object()


def _text_html(m: Maker, post: Post) -> str:
    """The post's text, maybe with a mention, a hashtag or a short link in it."""
    rng = m.rng
    text = html.escape(post.text)
    extra = rng.random()
    if extra < 0.2 and post.platform == "twitter":
        text += ' <a href="https://twitter.com/hashtag/harbour?src=hash">#harbour</a>'
    elif extra < 0.35:
        text += ' <a href="https://t.co/Ab12Cd34Ef">news.example/a</a>'
    elif extra < 0.45 and ". " in text:
        first, rest = text.split(". ", 1)
        text = f"{first}.<br>{rest}"
    tag = rng.choice(("p", "div", "p", "span"))
    return f"<{tag}{m.cls('text')}>{text}</{tag}>"


def card(m: Maker, post: Post, *, compact: bool = False, inside: str = "") -> tuple[str, Expected]:
    """One CMS or newsletter card of ``post``, its parts drawn at random; ``inside`` goes
    right after the text (a quoted post)."""
    rng = m.rng
    lang = m.lang
    reply, repost, like, view, follow = ACTION_WORDS[lang]
    view = view.format(platform=_PLATFORM_WORD[post.platform])
    person = post.person
    shown_handle = f"@{person.handle}" if post.platform in _AT_HANDLES else None
    bare = False  # an Instagram username shown without "@" is always a profile link
    if post.platform == "instagram":
        shown_handle = rng.choice((person.handle, f"@{person.handle}"))
        bare = not shown_handle.startswith("@")
    if post.platform == "reddit":
        shown_handle = f"u/{person.handle}"
    exp_overrides: dict[str, Any] = {}

    # The author: avatar, name, handle, badge, follow button, logo.
    avatar = ""
    if not compact and rng.random() < 0.7:
        size = rng.choice(('width="48" height="48"', 'width="36"', ""))
        img = f'<img src="https://img.example.net/u/{rng.randint(1, 999)}.jpg" {size} alt="">'
        avatar = f'<a href="{post.profile}">{img}</a>' if rng.random() < 0.4 else img
    name_tag = rng.choice(("strong", "b", "span", "h3", "h4", "div", "a"))
    if post.platform in {"facebook", "linkedin"}:
        name_tag = "a" if rng.random() < 0.8 else name_tag
    badge = (
        '<svg aria-label="Verified" viewBox="0 0 24 24"><path d="M1 1"/></svg>'
        if rng.random() < 0.2
        else ""
    )
    if name_tag == "a":
        name_html = f'<a href="{post.profile}"{m.cls("name")}>{html.escape(person.name)}</a>{badge}'
    else:
        name_html = f"<{name_tag}{m.cls('name')}>{html.escape(person.name)}{badge}</{name_tag}>"
    if post.platform == "instagram" and rng.random() < 0.5:
        name_html = ""  # Instagram cards often show the username only
        exp_overrides["name"] = _DROP
    handle_html = ""
    joined = False
    if shown_handle:
        how = rng.random()
        if how < 0.3 or bare:
            handle_html = f'<a href="{post.profile}"{m.cls("handle")}>{shown_handle}</a>'
        elif how < 0.45 and name_tag not in {"a", "h3", "h4"} and name_html:
            joined = True  # "Name @handle" as one text
            name_html = (
                f"<{name_tag}{m.cls('name')}>{html.escape(person.name)} {shown_handle}</{name_tag}>"
            )
        else:
            tag = rng.choice(("span", "div", "small"))
            handle_html = f"<{tag}{m.cls('handle')}>{shown_handle}</{tag}>"
    if post.platform == "linkedin":
        handle_html = f"<span{m.cls('handle')}>{html.escape(m.headline())}</span>"
    follow_html = ""
    if not compact and rng.random() < 0.3:
        follow_html = rng.choice((
            f'<a href="https://twitter.com/intent/follow?screen_name={person.handle}">{follow}</a>'
            if post.platform == "twitter"
            else f"<button>{follow}</button>",
            f'<a href="{post.profile}"{m.cls("follow")}>{follow}</a>',
            f"<button{m.cls('follow')}>{follow}</button>",
        ))  # fmt: skip
    logo = ""
    if not compact and rng.random() < 0.3:
        logo = rng.choice((
            f'<svg{m.cls("logo")} viewBox="0 0 24 24"><title>{_PLATFORM_WORD[post.platform]}'
            '</title><path d="M1 1"/></svg>',
            f'<img src="https://img.example.net/icons/brand-{rng.randint(1, 9)}.svg"'
            ' width="20" alt="">',
            f'<a href="{post.url}"><svg viewBox="0 0 24 24"><path d="M1 1"/></svg></a>',
        ))  # fmt: skip
    who = f"<div{m.cls('who')}>{name_html}{' ' if rng.random() < 0.5 else ''}{handle_html}</div>"
    if rng.random() < 0.3:
        who = f"{name_html} {handle_html}"
    if post.platform == "reddit":
        posted = f'Posted by <a href="{post.profile}">{shown_handle}</a>'
        who = f"<span>r/harbourtown</span> · <span>{posted}</span>"
        exp_overrides["name"] = _DROP
    head = f"<div{m.cls('head')}>{avatar}{who}{follow_html}{logo}</div>"

    # The date and the permalink.
    date = post.date
    how = rng.random()
    date_in_head = False
    if how < 0.35:
        date_html = f'<a href="{post.url}"{m.cls("date")}>{html.escape(date.text)}</a>'
    elif how < 0.55:
        date_html = (
            f'<a href="{post.url}"><time datetime="{date.iso}">{html.escape(date.text)}</time></a>'
        )
    elif how < 0.7:
        date_html = (
            f'<time datetime="{date.iso}"{m.cls("date")}>{html.escape(date.text)}</time> '
            f'<a href="{post.url}"{m.cls("view")}>{view}</a>'
        )
    elif how < 0.85:
        tag = rng.choice(("span", "div", "small"))
        date_html = (
            f'<{tag}{m.cls("date")}>{html.escape(date.text)}</{tag}><a href="{post.url}">{view}</a>'
        )
    else:
        date_html = f'<a href="{post.url}"{m.cls("date")}>{html.escape(date.text)}</a>'
        date_in_head = not joined and post.platform != "reddit"
    actions = ""
    if not compact and rng.random() < 0.5:
        counts = [rng.randint(0, 999) for _ in range(3)]
        actions = rng.choice((
            f'<a href="https://twitter.com/intent/tweet?in_reply_to={post.post_id}">{reply}</a> '
            if post.platform == "twitter"
            else f'<a href="{post.url}#reply">{reply}</a> '
            f'<a href="https://twitter.com/intent/retweet?tweet_id={post.post_id}">{repost}'
            f' {counts[1]}</a> '
            f'<a href="https://twitter.com/intent/like?tweet_id={post.post_id}">{like}'
            f" {counts[2]}</a>"
            if post.platform == "twitter"
            else f"<span>{repost} {counts[1]}</span> <span>{like} {counts[2]}</span>",
            f"<span>💬 {counts[0]}</span><span>🔁 {counts[1]}</span><span>♥ {counts[2]}</span>",
            f"<button>{reply}</button><button>{like} {counts[2]}</button>",
            f"<span>{counts[2]} {like}</span> <span>{counts[1]} {repost}</span>",
        ))  # fmt: skip
        actions = f"<div{m.cls('actions')}>{actions}</div>"
    text_html = _text_html(m, post) + inside
    if post.platform == "reddit":
        title = html.escape(m.sentence()[:50].rsplit(" ", 1)[0])
        text_html = f"<h3{m.cls('title')}>{title}</h3>{text_html}"
        exp_overrides["text_start"] = _DROP
    if date_in_head:
        sep = rng.choice((" · ", " ", " — "))
        head = f"{avatar}{name_html} {handle_html}{sep}{date_html}{follow_html}"
        head = f"<div{m.cls('head')}>{head}</div>"
        body = f"{head}{text_html}{actions}"
    elif rng.random() < 0.15 and not compact and post.platform in _AT_HANDLES and not follow_html:
        # Text first, then the publish snippet's byline: "— Name (@handle) Date".
        byline = f"— {html.escape(person.name)} ({shown_handle}) {date_html}"
        body = f"{text_html}<p{m.cls('by')}>{byline}</p>{actions}"
    else:
        foot = f"<div{m.cls('foot')}>{date_html}</div>"
        body = f"{head}{text_html}{foot}{actions}"
    container = rng.choice(("div", "div", "article", "li" if compact else "section", "table"))
    if container == "table":
        markup = f'<table{m.cls("card")} width="100%"><tr><td>{body}</td></tr></table>'
    elif container == "li":
        markup = f"<li{m.cls('card')}>{body}</li>"
    else:
        markup = f"<{container}{m.cls('card')}>{body}</{container}>"
    return markup, expect(post, **exp_overrides)


def _card_family(platform: str) -> Callable[[Maker], tuple[str, list[Expected]]]:
    def build(m: Maker) -> tuple[str, list[Expected]]:
        post = make_post(m, platform)
        markup, expected = card(m, post)
        return m.page(m.wrap(markup)), [expected]

    return build


def _liveblog(m: Maker) -> tuple[str, list[Expected]]:
    """A live blog: timestamped entries, some quoting a post in one of three ways."""
    rng = m.rng
    entries, expected = [], []
    verbs = {"en": "posts", "de": "schreibt", "fr": "écrit", "es": "escribe", "pt": "escreve",
             "it": "scrive", "nl": "schrijft", "ja": "投稿"}  # fmt: skip
    for number in range(rng.randint(3, 5)):
        stamp = f"<time{m.cls('stamp')}>{rng.randint(8, 22)}:{rng.randint(0, 59):02d}</time>"
        heading = (
            f"<h3{m.cls('eh')}>{html.escape(m.sentence()[:40])}</h3>" if rng.random() < 0.5 else ""
        )
        kind = rng.random() if number % 2 == 0 or rng.random() < 0.3 else 1.0
        post = make_post(m, rng.choice(("twitter", "twitter", "bluesky", "mastodon")))
        if kind < 0.4:
            inner, exp = card(m, post, compact=True)
        elif kind < 0.7:
            # "Ada Example <a>posts:</a> the text" (the link introduces the post).
            inner = (
                f'<p>{html.escape(post.person.name)} <a href="{post.url}">{verbs[m.lang]}:</a> '
                f"{html.escape(post.text)}</p>"
            )
            exp = expect(post, date_text=_DROP, handle=_DROP)
        elif kind < 1.0:
            # The text quoted, then "— Name (@handle) <a>Date</a>" (a kept byline).
            at = post.person.handle
            inner = (
                f"<div{m.cls('quote')}><p>{html.escape(post.text)}</p>"
                f"<p>— {html.escape(post.person.name)}"
                f' (@{at}) <a href="{post.url}">{html.escape(post.date.text)}</a></p></div>'
            )
            exp = expect(post)
        else:
            # An entry of prose that links a post inside a sentence: not a card.
            inner = (
                f'<p>{html.escape(m.sentence())} <a href="{post.url}">'
                f"{html.escape(m.sentence()[:30])}</a>"
                f" {html.escape(m.sentence())}</p>"
            )
            exp = None
        entries.append(f"<div{m.cls('entry')}>{stamp}{heading}{m.wrap(inner, most=1)}</div>")
        if exp is not None:
            expected.append(exp)
    return m.page(f"<section{m.cls('live')}>{''.join(entries)}</section>"), expected


def _feed(m: Maker) -> tuple[str, list[Expected]]:
    """A feed widget: a heading, a follow link, two to five cards of one template."""
    rng = m.rng
    platform = rng.choice(("twitter", "twitter", "bluesky", "threads", "mastodon"))
    person = m.person(platform=platform)
    items, expected = [], []
    flat = rng.random() < 0.25
    for _ in range(rng.randint(2, 5)):
        post = make_post(m, platform, person)
        if flat:
            items.append(
                f"<div{m.cls('fh')}><b>{html.escape(person.name)}</b>"
                f" <span>@{person.handle}</span></div>"
                f"<p{m.cls('ft')}>{html.escape(post.text)}</p>"
                f'<a href="{post.url}"{m.cls("fd")}>{html.escape(post.date.text)}</a>'
            )
            expected.append(expect(post, name=_DROP))
        else:
            markup, exp = card(m, post, compact=True)
            items.append(markup if markup.startswith("<li") else f"<li>{markup}</li>")
            expected.append(exp)
    follow = ACTION_WORDS[m.lang][4]
    head = f'<h4>{html.escape(person.name)}</h4><a href="https://twitter.com/{person.handle}">{follow}</a>'
    body = "".join(items) if flat else f"<ul{m.cls('list')}>{''.join(items)}</ul>"
    return m.page(f"<aside{m.cls('feed')}>{head}<div>{body}</div></aside>"), expected


def _screenshot(m: Maker) -> tuple[str, list[Expected]]:
    """A screenshot (or a thumbnail) of the post, linked to it."""
    rng = m.rng
    post = make_post(m, rng.choice(("twitter", "twitter", "instagram", "threads")))
    alt = rng.choice(("", "Screenshot", "Screenshot of the post", post.text))
    src = f"https://cdn.example.net/shots/{rng.randint(1, 999)}.png"
    size = rng.choice(('width="600" height="340"', 'width="1200"', ""))
    img = f'<img src="{src}" {size} alt="{html.escape(alt)}">'
    if rng.random() < 0.3:
        img = f'<picture><source srcset="{src}.webp" type="image/webp">{img}</picture>'
    caption = (
        f"<figcaption>{html.escape(m.sentence()[:50])}</figcaption>" if rng.random() < 0.5 else ""
    )
    markup = f'<figure{m.cls("fig")}><a href="{post.url}">{img}</a>{caption}</figure>'
    exp: Expected = {"platform": post.platform, "post_id": post.post_id}
    if post.platform != "instagram":
        exp["handle"] = post.handle
    if alt == post.text:
        exp["text_start"] = post.text[:40]
    return m.page(markup), [exp]


def _preview(m: Maker) -> tuple[str, list[Expected]]:
    """A link preview of one post: title, description, host; the link holds it or titles it."""
    rng = m.rng
    post = make_post(m, rng.choice(("twitter", "bluesky", "instagram", "threads", "linkedin")))
    word = _PLATFORM_WORD[post.platform]
    name = html.escape(post.person.name)
    exp = expect(post, date_text=_DROP)
    if post.platform == "instagram":
        title, desc = f"{name} on Instagram: “{html.escape(post.text)}”", ""
        del exp["handle"]  # neither the title nor the URL shows it
    elif post.platform == "linkedin":
        title, desc = f"{name} posted on LinkedIn", html.escape(post.text)
    elif post.platform == "bluesky":
        title, desc = f"{name} (@{post.person.handle})", html.escape(post.text)
    elif rng.random() < 0.5:
        title, desc = f"{name} (@{post.person.handle}) on {word}", html.escape(post.text)
    else:
        title, desc = f"{name} on {word}: “{html.escape(post.text)}”", ""
        exp["handle"] = post.handle  # from the URL
    host = post.url.split("/")[2].removeprefix("www.")
    image = f'<img src="https://cdn.example.net/og/{rng.randint(1, 99)}.jpg" width="120" alt="">'
    parts = [f"<div{m.cls('pt')}>{title}</div>"]
    if desc:
        parts.append(f"<div{m.cls('pd')}>{desc}</div>")
    parts.append(f"<div{m.cls('ph')}>{host}</div>")
    if rng.random() < 0.5:
        parts.insert(0, image)
    markup = f'<a href="{post.url}"{m.cls("preview")}>{"".join(parts)}</a>'
    return m.page(f"<p>{html.escape(m.sentence())}</p>{markup}"), [exp]


def _redirect(m: Maker) -> tuple[str, list[Expected]]:
    """A newsletter card whose every link goes through a click tracker: no id shown."""
    rng = m.rng
    post = make_post(m, "twitter")
    track = f"https://click.mail.example/ls/{m.code(10)}"
    name, at = html.escape(post.person.name), post.person.handle
    cue = rng.choice((
        f'<img src="https://img.mail.example/i/{rng.randint(1, 9)}.png" width="20" alt="Twitter">',
        f'<img src="https://img.mail.example/i/{rng.randint(1, 9)}.png" width="20" alt="X logo">',
        f'<a href="{track}1">{ACTION_WORDS[m.lang][3].format(platform="Twitter")}</a>',
        '<span aria-label="Twitter"></span>',
    ))  # fmt: skip
    body = (
        f'<a href="{track}2"><img src="https://img.mail.example/av/{rng.randint(1, 99)}.png"'
        ' width="40" alt=""></a>'
        f'<a href="{track}3"{m.cls("name")}>{name}</a>'
        f' <a href="{track}4"{m.cls("handle")}>@{at}</a>{cue}'
        f"<p{m.cls('text')}>{html.escape(post.text)}</p>"
        f'<a href="{track}5"{m.cls("date")}>{html.escape(post.date.text)}</a>'
    )
    markup = f"<table{m.cls('card')}><tr><td>{body}</td></tr></table>"
    return m.page(markup), [expect(post, post_id=None)]


def _quoted(m: Maker) -> tuple[str, list[Expected]]:
    """A card quoting another post: one post, with the quoted one as its reference."""
    rng = m.rng
    platform = rng.choice(("twitter", "twitter", "bluesky"))
    inner_post = make_post(m, platform)
    outer_post = make_post(m, platform)
    inner, _ = card(m, inner_post, compact=True)
    outer, exp = card(m, outer_post, compact=True, inside=f"<div{m.cls('quote')}>{inner}</div>")
    exp["quoted"] = inner_post.post_id
    return m.page(outer), [exp]


# Platforms whose CMS cards are generated one family each.
_CARD_PLATFORMS = ("twitter", "instagram", "tiktok", "bluesky", "threads", "mastodon",
                   "facebook", "linkedin", "reddit")  # fmt: skip

#: Family name -> builder of (page markup, expected posts).
CARD_FAMILIES: dict[str, Callable[[Maker], tuple[str, list[Expected]]]] = {
    **{f"card-{p}": _card_family(p) for p in _CARD_PLATFORMS},
    "liveblog": _liveblog,
    "feed": _feed,
    "screenshot": _screenshot,
    "preview": _preview,
    "redirect": _redirect,
    "quoted": _quoted,
}


def _more(m: Maker) -> tuple[str, list[Expected]]:
    from card_variants_more import more_card  # the later shapes build on this module

    return more_card(m)


CARD_FAMILIES["more-shapes"] = _more


def variant(family: str, seed: int) -> Variant:
    """The ``seed``-th variant of ``family`` (the same on every run)."""
    m = Maker(family, seed)
    markup, expected = CARD_FAMILIES[family](m)
    return Variant(family, seed, markup, tuple(expected))
