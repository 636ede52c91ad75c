"""Generated decoys: page parts that look like a site-made card but show no post.

Author boxes, follow blocks, share rows, related-article lists that link posts,
timeline links, comment sections, quote boxes, footer social links, prose that links
a post inside a sentence, click-to-tweet boxes.  Drawn like :mod:`card_variants` (same
parts, class vocabularies, wrappers and languages, seeded); none may give a post.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from card_parts_gen import ACTION_WORDS, Maker
from card_variants import make_post

__all__ = ["DECOY_FAMILIES", "decoy"]


def _bio(m: Maker) -> str:
    """An author box: avatar, name, linked handle, a bio, maybe a follow button and a date."""
    rng = m.rng
    post = make_post(m, "twitter")
    person = post.person
    follow = ACTION_WORDS[m.lang][4]
    parts = [
        f'<img src="https://news.example/staff/{rng.randint(1, 99)}.jpg" width="80"'
        f' alt="{html.escape(person.name)}">',
        f"<b{m.cls('name')}>{html.escape(person.name)}</b>",
        f'<a href="{post.profile}"{m.cls("handle")}>@{person.handle}</a>',
        f"<p{m.cls('bio')}>{html.escape(m.sentence())}</p>",
    ]
    if rng.random() < 0.5:
        parts.append(f'<a href="{post.profile}"{m.cls("follow")}>{follow}</a>')
    if rng.random() < 0.5:
        parts.insert(3, f"<time>{html.escape(post.date.text)}</time>")
    return f"<div{m.cls('author')}>{''.join(parts)}</div>"


def _follow_us(m: Maker) -> str:
    """A "follow us" block: the site's accounts on several platforms."""
    rng = m.rng
    handle = rng.choice(("gazette_ex", "examplenews", "harbour_daily"))
    links = [
        f'<a href="https://twitter.com/{handle}">@{handle}</a>',
        f'<a href="https://www.instagram.com/{handle}/">Instagram</a>',
        f'<a href="https://www.tiktok.com/@{handle}">@{handle}</a>',
        f'<a href="https://www.facebook.com/{handle}">Facebook</a>',
        f'<a href="https://bsky.app/profile/{handle}.bsky.social">Bluesky</a>',
    ]
    rng.shuffle(links)
    items = "".join(f"<li>{link}</li>" for link in links)
    return f"<div{m.cls('follow')}><h4>{ACTION_WORDS[m.lang][4]}</h4><ul>{items}</ul></div>"


def _share(m: Maker) -> str:
    """Share buttons with counts."""
    rng = m.rng
    url = "https%3A%2F%2Fnews.example%2F2024%2Fstory"
    text = html.escape(m.sentence()[:40])
    return (
        f"<div{m.cls('share')}>"
        f'<a href="https://twitter.com/intent/tweet?text={text}&amp;url={url}">Tweet</a>'
        f" <span>{rng.randint(1, 999)}</span>"
        f'<a href="https://www.facebook.com/sharer/sharer.php?u={url}">Share</a>'
        f'<a href="https://www.linkedin.com/shareArticle?mini=true&amp;url={url}">LinkedIn</a>'
        f'<a href="https://bsky.app/intent/compose?text={url}">Bluesky</a></div>'
    )


def _related(m: Maker) -> str:
    """A related-articles list whose items link posts, each with a title, a date, a teaser."""
    rng = m.rng
    items = []
    for _ in range(rng.randint(2, 4)):
        post = make_post(m, rng.choice(("twitter", "instagram", "bluesky")))
        by = f" <span>@{post.person.handle}</span>" if rng.random() < 0.3 else ""
        items.append(
            f'<li><a href="{post.url}">{html.escape(m.sentence()[:45])}</a>{by}'
            f"<span>{html.escape(post.date.text)}</span>"
            f"<p>{html.escape(m.prose())}</p></li>"
        )
    return f"<section{m.cls('related')}><h3>Related</h3><ul>{''.join(items)}</ul></section>"


def _timeline(m: Maker) -> str:
    """A profile timeline link (the widget before its script ran), alone."""
    handle = m.person().handle
    return (
        f'<a{m.cls("tl")} data-height="600" href="https://twitter.com/{handle}?ref_src=twsrc%5Etfw">'
        f"Posts by {handle}</a>"
    )


def _comments(m: Maker) -> str:
    """Reader comments: name, date, text; one links a post in its text or below it."""
    rng = m.rng
    items = []
    for number in range(rng.randint(2, 3)):
        reader = m.person()
        post = make_post(m, "twitter")
        date = html.escape(post.date.text)
        head = f"<b>{html.escape(reader.name)}</b> <span>{date}</span>"
        if rng.random() < 0.4:
            head += f" <span>@{reader.handle}</span>"
        body = f"<p>{html.escape(m.sentence())}</p>"
        if number == 0:
            body = rng.choice((
                f'<p>{html.escape(m.sentence())} <a href="{post.url}">this post</a>'
                f" {html.escape(m.sentence())}</p>",
                f"<p>{html.escape(m.sentence())}</p><p><a href=\"{post.url}\">View post</a></p>",
            ))  # fmt: skip
        items.append(f"<li{m.cls('comment')}><div>{head}</div>{body}</li>")
    return f"<ol{m.cls('comments')}>{''.join(items)}</ol>"


def _quote_box(m: Maker) -> str:
    """A pull quote with "— Name" (maybe a handle and a date), no permalink."""
    rng = m.rng
    person = m.person()
    who = html.escape(person.name)
    if rng.random() < 0.5:
        who += f" (@{person.handle})"
    if rng.random() < 0.5:
        who += f", {html.escape(m.date(relative_ok=False).text)}"
    return (
        f"<blockquote{m.cls('pq')}><p>“{html.escape(m.sentence())}”</p><p>— {who}</p></blockquote>"
    )


def _footer_social(m: Maker) -> str:
    """Footer icons linking the site's profiles."""
    handle = "gazette_ex"
    icons = "".join(
        f'<a href="{url}" aria-label="{label}"><svg viewBox="0 0 24 24"><path d="M1 1"/></svg></a>'
        for url, label in (
            (f"https://x.com/{handle}", "X"),
            (f"https://www.instagram.com/{handle}/", "Instagram"),
            (f"https://www.threads.net/@{handle}", "Threads"),
        )
    )
    return f"<div{m.cls('social')}>{icons}<p>© 2024 Example Gazette · @{handle}</p></div>"


def _prose_link(m: Maker) -> str:
    """A paragraph that links a post inside a sentence, its date as the link text."""
    post = make_post(m, m.rng.choice(("twitter", "mastodon", "bluesky")))
    return (
        f'<p>{html.escape(m.sentence())} <a href="{post.profile}">@{post.person.handle}</a> '
        f'<a href="{post.url}">{html.escape(post.date.text)}</a> {html.escape(m.prose())}</p>'
    )


def _click_to_tweet(m: Maker) -> str:
    """A click-to-tweet box: a quote, the site's handle, a date and a share link."""
    text = html.escape(m.sentence())
    return (
        f"<div{m.cls('ctt')}><p>{text}</p><span>@gazette_ex</span> "
        f"<span>{html.escape(m.date(relative_ok=False).text)}</span>"
        f'<a href="https://twitter.com/intent/tweet?text={text[:30]}&amp;via=gazette_ex">'
        f"{ACTION_WORDS[m.lang][1]}</a></div>"
    )


def _teaser(m: Maker) -> str:
    """An article teaser by a staff writer: name, handle, a dated link to the article, a
    teaser, and a share row naming the platform."""
    rng = m.rng
    person = m.person()
    slug = f"/2024/{rng.randint(1, 12):02d}/{m.code(8).lower()}"
    return (
        f"<div{m.cls('teaser')}><b>{html.escape(person.name)}</b> <span>@{person.handle}</span>"
        f'<a href="{slug}">{html.escape(m.date(relative_ok=False).text)}</a>'
        f"<p>{html.escape(m.prose())}</p>"
        f'<a href="https://twitter.com/intent/tweet?url=https%3A%2F%2Fnews.example{slug}">'
        f"Share on Twitter</a></div>"
    )


def _comment_threads(m: Maker) -> str:
    """Comments signed in with a platform account: avatar, name, handle, a dated link to
    the comment itself, text, a reply link."""
    rng = m.rng
    items = []
    for number in range(rng.randint(2, 3)):
        reader = m.person()
        via = "<small>via Twitter</small>" if rng.random() < 0.5 else ""
        items.append(
            f'<li id="c{number}"><img src="https://news.example/av/{number}.png" width="32" alt="">'
            f"<b>{html.escape(reader.name)}</b> <span>@{reader.handle}</span>{via}"
            f'<a href="#c{number}">{html.escape(m.date(relative_ok=False).text)}</a>'
            f'<p>{html.escape(m.sentence())}</p><a href="#reply-{number}">Reply</a></li>'
        )
    return f"<ol{m.cls('comments')}>{''.join(items)}</ol>"


def _timeline_header(m: Maker) -> str:
    """A timeline widget's header before its script ran: title, follow button, link."""
    handle = m.person().handle
    follow = ACTION_WORDS[m.lang][4]
    return (
        f"<div{m.cls('tlh')}><h4>Posts by @{handle}</h4>"
        f'<a href="https://twitter.com/intent/follow?screen_name={handle}">{follow} @{handle}</a>'
        f'<a href="https://twitter.com/{handle}?ref_src=twsrc%5Etfw">Posts by {handle}</a></div>'
    )


def _code_snippet(m: Maker) -> str:
    """An article showing a card's markup as code."""
    post = make_post(m, "twitter")
    card = (
        f"<div><b>{html.escape(post.person.name)}</b> <span>@{post.person.handle}</span>"
        f"<p>{html.escape(post.text)}</p>"
        f'<a href="{post.url}">{html.escape(post.date.text)}</a></div>'
    )
    return f"<pre><code>{html.escape(card)}</code></pre>"


#: Family name -> builder of a decoy part (placed in an article page).
DECOY_FAMILIES: dict[str, Callable[[Maker], str]] = {
    "decoy-bio": _bio,
    "decoy-follow": _follow_us,
    "decoy-share": _share,
    "decoy-related": _related,
    "decoy-timeline": _timeline,
    "decoy-comments": _comments,
    "decoy-quote-box": _quote_box,
    "decoy-footer": _footer_social,
    "decoy-prose-link": _prose_link,
    "decoy-click-to-tweet": _click_to_tweet,
    "decoy-teaser": _teaser,
    "decoy-comment-threads": _comment_threads,
    "decoy-timeline-header": _timeline_header,
    "decoy-code": _code_snippet,
}


def decoy(family: str, seed: int) -> str:
    """The ``seed``-th page of decoy ``family``: an article page holding the decoy."""
    m = Maker(family, seed)
    return m.page(m.wrap(DECOY_FAMILIES[family](m)))
