"""Generated placeholder pages: the families of forms a site keeps a post in for its own code.

Every family composes invented ids, handles, class names, attribute names and orders,
quoting, escaping and nesting (see :mod:`variant_ids`).  Positive pages carry one post
and, beside it, zero to two decoys (share and follow buttons, timelines, analytics
ids, a site's own video player …) that must not add a post; decoy pages carry decoys
only.  A seed always gives the same pages.

>>> variants = placeholder_variants(seed=7, per_family=2)
>>> sorted({v.family for v in variants}) == sorted([*FAMILIES, "two-posts"])
True
"""

from __future__ import annotations

import html
import json
import random
from collections.abc import Callable

from variant_ids import ID_PLATFORMS, PLATFORMS, InventedPost, Variant, invent_post, pick, word

__all__ = [
    "FAMILIES",
    "SNIPPET_PLATFORMS",
    "official_snippet",
    "placeholder_decoy",
    "placeholder_variants",
]

# Words a site uses for a platform in class names and custom tags, and as typed values.
CLASS_WORDS: dict[str, tuple[str, ...]] = {
    "twitter": ("twitter", "tweet", "Tweet", "Twitter"),
    "instagram": ("instagram", "Instagram", "insta"),
    "tiktok": ("tiktok", "TikTok"),
    "youtube": ("youtube", "YouTube", "yt"),
    "facebook": ("facebook", "Facebook", "fb"),
    "bluesky": ("bluesky", "bsky"),
    "threads": ("threads",),
    "mastodon": ("mastodon",),
    "reddit": ("reddit",),
    "linkedin": ("linkedin", "LinkedIn"),
    "tumblr": ("tumblr",),
    "truthsocial": ("truthsocial", "truth-social"),
    "telegram": ("telegram",),
}
TYPED_VALUES: dict[str, tuple[str, ...]] = {
    "twitter": ("twitter", "Twitter", "tweet", "X", "x", "x-post", "twitter-tweet", "TwitterEmbed"),
    "instagram": ("instagram", "Instagram", "instagram-post", "InstagramEmbed"),
    "tiktok": ("tiktok", "TikTok", "tiktok-video"),
    "youtube": ("youtube", "YouTube", "youtube-video", "video/youtube"),
}

# Attribute names holding a bare id that name the platform themselves.
_ID_NAMES: dict[str, tuple[str, ...]] = {
    "twitter": (
        "data-tweet-id",
        "data-tweetid",
        "data-tweet_id",
        "data-tweetId",
        "data-twitter-status-id",
        "data-tweet",
        "data-twitter-tweet-id",
        "data-tweet-status-id",
    ),
    "instagram": (
        "data-instagram-code",
        "data-instagram-shortcode",
        "data-instagram-id",
        "data-instagram-post-id",
        "data-insta-id",
        "data-ig-shortcode",
    ),
    "tiktok": ("data-tiktok-id", "data-tiktok-video-id", "data-tiktokid", "data-tiktok-video"),
    "youtube": (
        "data-youtube-id",
        "data-youtube-video-id",
        "data-youtubeid",
        "data-yt-id",
        "data-ytid",
        "data-youtube",
        "data-yt-video-id",
    ),
}
# Generic id names (the platform is named elsewhere on the element).
_GENERIC_ID_NAMES = (
    "data-id",
    "data-embed-id",
    "data-post-id",
    "data-item-id",
    "data-media-id",
    "data-external-id",
    "data-content-id",
    "data-embed-code",
)
_PLATFORM_GENERIC_ID_NAMES: dict[str, tuple[str, ...]] = {
    "twitter": ("data-status-id",),
    "instagram": ("data-shortcode", "data-code"),
    "tiktok": ("data-video-id",),
    "youtube": ("data-video-id", "data-videoid", "data-vid"),
}
_TYPE_NAMES = (
    "data-embed-type",
    "data-type",
    "data-provider",
    "data-platform",
    "data-service",
    "data-network",
    "data-source",
    "data-embed-provider",
    "data-oembed-provider",
    "data-social-type",
    "data-kind",
    "data-vendor",
    "data-embed-platform",
    "data-social-network",
)
# Attribute names holding a permalink: generic ones count on an embed element only.
_URL_NAMES_EMBED = (
    "data-oembed-url",
    "data-embed-url",
    "data-permalink",
    "data-post-url",
    "data-embed-src",
    "data-oembed",
    "data-embed",
    "data-embed-link",
    "data-social-url",
)
_URL_NAMES_GENERIC = (
    "data-url",
    "data-href",
    "data-src",
    "data-link",
    "data-uri",
    "data-lazy-src",
    "data-source-url",
    "data-content-url",
)
_NEUTRAL_CLASSES = (
    "",
    "media",
    "brick",
    "kasten",
    "encart",
    "bloque",
    "c-rich",
    "u-mb-4",
    "js-lazy",
)
_EMBED_CLASSES = (
    "embed",
    "oembed",
    "social-embed",
    "c-embed",
    "media-embed",
    "EmbedBlock",
    "lazy-embed",
    "post-embed",
    "article__embed",
    "rich-embed is-loading",
)
_TAGS = ("div", "span", "figure", "section", "aside", "p")
_EXTRA_ATTRIBUTES = (
    'data-lang="de"',
    'data-width="550"',
    'style="min-height:420px"',
    'data-theme="light"',
    'aria-label="embedded content"',
    'data-align="center"',
    "hidden",
)


def _platform_class(rng: random.Random, platform: str) -> str:
    name = pick(rng, CLASS_WORDS[platform])
    shape = pick(
        rng,
        (
            "{w}-embed",
            "embed embed--{w}",
            "c-embed__{w}",
            "js-{w}-lazy",
            "{w}Embed",
            "social-embed social-embed--{w}",
            "{w}-placeholder",
            "block-{w}",
            "{w}_container",
            "lazy-{w} media",
        ),
    )
    return shape.format(w=name)


def _attributes(rng: random.Random, pairs: list[str]) -> str:
    extra = rng.sample(_EXTRA_ATTRIBUTES, rng.randrange(3))
    both = pairs + extra
    rng.shuffle(both)
    return " ".join(both)


def _quoted(rng: random.Random, name: str, value: str) -> str:
    quote = pick(rng, ('"', '"', "'"))
    if quote == "'":
        return f"{name}='{html.escape(value, quote=False).replace(chr(39), '&#39;')}'"
    return f'{name}="{html.escape(value)}"'


def _element(rng: random.Random, tag: str, attributes: str, inner: str = "") -> str:
    return f"<{tag} {attributes}>{inner}</{tag}>"


def _nested(rng: random.Random, markup: str) -> str:
    for _ in range(rng.randrange(4)):
        markup = f'<div class="{pick(rng, _NEUTRAL_CLASSES) or "wrap"}">{markup}</div>'
    return markup


def _page(rng: random.Random, body: str, *, decoys: int | None = None) -> str:
    count = rng.randrange(3) if decoys is None else decoys
    extra = [placeholder_decoy(rng)[1] for _ in range(count)]
    parts = [f"<p>{word(rng)} {word(rng)} {word(rng)}.</p>", _nested(rng, body), *extra]
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{word(rng).title()} news</title></head>"
        f"<body><article>{''.join(parts)}<p>{word(rng)}.</p></article></body></html>"
    )


def _id_attribute(rng: random.Random) -> tuple[str, InventedPost, str]:
    post = invent_post(rng, pick(rng, ID_PLATFORMS))
    assert post.bare_id is not None
    name = pick(rng, _ID_NAMES[post.platform])
    pairs = [_quoted(rng, name, post.bare_id)]
    if rng.random() < 0.6:
        pairs.append(f'class="{pick(rng, _NEUTRAL_CLASSES) or "x"}"')
    return _element(rng, pick(rng, _TAGS), _attributes(rng, pairs)), post, "placeholder"


def _generic_typed(rng: random.Random) -> tuple[str, InventedPost, str]:
    post = invent_post(rng, pick(rng, ID_PLATFORMS))
    assert post.bare_id is not None
    name = pick(rng, _GENERIC_ID_NAMES + _PLATFORM_GENERIC_ID_NAMES[post.platform])
    pairs = [
        _quoted(rng, name, post.bare_id),
        _quoted(rng, pick(rng, _TYPE_NAMES), pick(rng, TYPED_VALUES[post.platform])),
    ]
    if rng.random() < 0.5:
        pairs.append(f'class="{pick(rng, _NEUTRAL_CLASSES + _EMBED_CLASSES) or "x"}"')
    return _element(rng, pick(rng, _TAGS), _attributes(rng, pairs)), post, "placeholder"


def _generic_in_class(rng: random.Random) -> tuple[str, InventedPost, str]:
    post = invent_post(rng, pick(rng, ID_PLATFORMS))
    assert post.bare_id is not None
    name = pick(rng, _GENERIC_ID_NAMES + _PLATFORM_GENERIC_ID_NAMES[post.platform])
    pairs = [_quoted(rng, name, post.bare_id), f'class="{_platform_class(rng, post.platform)}"']
    return _element(rng, pick(rng, _TAGS), _attributes(rng, pairs)), post, "placeholder"


def _url_attribute(rng: random.Random) -> tuple[str, InventedPost, str]:
    post = invent_post(rng, pick(rng, PLATFORMS))
    url = pick(rng, post.urls)
    if rng.random() < 0.5:
        name = pick(rng, _URL_NAMES_EMBED)
        marks = pick(rng, _NEUTRAL_CLASSES + _EMBED_CLASSES)
    else:
        name = pick(rng, _URL_NAMES_GENERIC)
        marks = pick(rng, (*_EMBED_CLASSES, _platform_class(rng, post.platform)))
    pairs = [_quoted(rng, name, url)]
    if marks:
        pairs.append(f'class="{marks}"')
    return _element(rng, pick(rng, _TAGS), _attributes(rng, pairs)), post, "placeholder"


def _custom_element(rng: random.Random) -> tuple[str, InventedPost, str]:
    platform = pick(rng, PLATFORMS)
    post = invent_post(rng, platform)
    shapes: list[tuple[str, str, str]] = [
        (f"{pick(rng, ('social', 'o', 'lazy', 'site'))}-embed", "url", post.url),
        (f"{pick(rng, CLASS_WORDS[platform]).lower()}-embed", "src", post.url),
        (f"x-{pick(rng, CLASS_WORDS[platform]).lower()}", "permalink", post.url),
    ]
    if post.bare_id is not None:
        id_attribute = {
            "twitter": ("tweet-id", "tweetid", "status-id"),
            "instagram": ("shortcode", "code"),
            "tiktok": ("videoid", "video-id"),
            "youtube": ("videoid", "video-id"),
        }[platform]
        shapes += [
            (f"lite-{platform}", pick(rng, id_attribute), post.bare_id),
            (
                f"blog-{pick(rng, CLASS_WORDS[platform]).lower()}",
                pick(rng, id_attribute),
                post.bare_id,
            ),
        ]
    tag, name, value = shapes[rng.randrange(len(shapes))]
    attributes = _attributes(rng, [_quoted(rng, name, value)])
    # YouTube's own facade element is read as the platform's script placeholder.
    form = "script" if tag == "lite-youtube" and name == "videoid" else "placeholder"
    return _element(rng, tag, attributes), post, form


def _amp(rng: random.Random) -> tuple[str, InventedPost, str]:
    platform = pick(rng, ("twitter", "instagram", "tiktok", "youtube", "facebook", "reddit"))
    post = invent_post(rng, platform)
    whole = pick(rng, (post.url, post.bare_id or post.url))
    name, value = {
        "twitter": ("data-tweetid", whole),
        "instagram": ("data-shortcode", post.bare_id or ""),
        "tiktok": ("data-src", whole),
        "youtube": ("data-videoid", post.bare_id or ""),
        "facebook": ("data-href", post.url),
        "reddit": ("data-src", post.url),
    }[platform]
    pairs = [_quoted(rng, name, value), 'layout="responsive"', 'width="375"', 'height="472"']
    if platform == "reddit":
        pairs.append('data-embedtype="post"')
    rng.shuffle(pairs)
    return _element(rng, f"amp-{platform}", " ".join(pairs)), post, "amp"


def _props(rng: random.Random) -> tuple[str, InventedPost, str]:
    platform = pick(rng, PLATFORMS)
    post = invent_post(rng, platform)
    typed = pick(rng, TYPED_VALUES.get(platform, CLASS_WORDS[platform]))
    shapes: list[object] = [
        {"type": typed, "url": post.url},
        {"embed": {"provider": typed, "url": post.url, "maxWidth": 550}},
        {"block": {"__typename": f"{CLASS_WORDS[platform][0].title()}Block", "embedUrl": post.url}},
        {"data": {"attributes": {"provider_name": typed, "url": post.url}}},
    ]
    if post.bare_id is not None:
        key = {"twitter": "tweetId", "instagram": "instagramId", "tiktok": "tiktokVideoId"}
        shapes += [
            {key.get(platform, "youtubeId"): post.bare_id, "theme": "light"},
            {"embed": {"provider": typed, "id": post.bare_id}},
            {"platform": typed, "videoId" if platform != "twitter" else "id": post.bare_id},
        ]
    props = json.loads(json.dumps(shapes[rng.randrange(len(shapes))]))
    props.update({"className": pick(rng, _NEUTRAL_CLASSES), "lazy": True})
    name = pick(
        rng,
        (
            "data-react-props",
            "data-props",
            "data-vue-props",
            "data-component-props",
            "data-initial-props",
            "data-config",
            "data-options",
            "data-settings",
            "data-attrs",
            "data-params",
            "data-json",
        ),
    )
    pairs = [
        _quoted(
            rng,
            name,
            json.dumps(props, separators=(",", ":") if rng.random() < 0.5 else (", ", ": ")),
        )
    ]
    if rng.random() < 0.5:
        pairs.append(f'data-react-class="{pick(rng, ("SocialEmbed", "Embed", "LazyMedia"))}"')
    return _element(rng, pick(rng, _TAGS), _attributes(rng, pairs)), post, "placeholder"


def _oembed(rng: random.Random) -> tuple[str, InventedPost, str]:
    post = invent_post(rng, pick(rng, PLATFORMS))
    url = pick(rng, post.urls)
    markup = pick(
        rng,
        (
            f'<figure class="media"><oembed url="{html.escape(url)}"></oembed></figure>',
            f'<figure class="media"><div data-oembed-url="{html.escape(url)}">'
            f'<div class="preview"></div></div></figure>',
            f'<drupal-url data-embed-button="url" data-embed-url="{html.escape(url)}"'
            f' data-entity-label="URL" data-url-provider="{word(rng).title()}"></drupal-url>',
            f'<div class="ck-media__wrapper" data-oembed-url="{html.escape(url)}"></div>',
        ),
    )
    return markup, post, "placeholder"


def _url_block(rng: random.Random) -> tuple[str, InventedPost, str]:
    post = invent_post(rng, pick(rng, PLATFORMS))
    url = pick(rng, post.urls)
    shown = html.escape(url)
    space = pick(rng, ("", "\n", "\n  "))
    linked = f'<a href="{shown}">{shown}</a>' if rng.random() < 0.4 else shown
    slug = pick(rng, CLASS_WORDS[post.platform]).lower()
    markup = pick(
        rng,
        (
            f'<figure class="wp-block-embed is-type-rich is-provider-{slug} wp-block-embed-{slug}">'
            f'<div class="wp-block-embed__wrapper">{space}{linked}{space}</div></figure>',
            f'<figure class="kg-card kg-embed-card">{space}{linked}{space}</figure>',
            f'<div class="embed-block"><p>{linked}</p></div>',
            f'<div class="embedded-entry-block">{space}{linked}{space}</div>',
            f'<div class="{_platform_class(rng, post.platform)}">{space}{linked}{space}</div>',
        ),
    )
    return markup, post, "placeholder"


#: Platforms whose official snippet official_snippet() can write.
SNIPPET_PLATFORMS = (
    "twitter",
    "instagram",
    "tiktok",
    "youtube",
    "facebook",
    "mastodon",
    "threads",
    "reddit",
)


def official_snippet(post: InventedPost) -> tuple[str, str]:
    """The platform's own embed code for ``post`` and the form it is reported with."""
    url = html.escape(post.url)
    if post.platform == "twitter":
        return (
            f'<blockquote class="twitter-tweet"><p lang="en">Quay news</p>&mdash; Ada (@ada)'
            f' <a href="{url}?ref_src=twsrc%5Etfw">May 1, 2021</a></blockquote>',
            "blockquote",
        )
    if post.platform == "instagram":
        return (
            f'<blockquote class="instagram-media" data-instgrm-permalink="{url}"'
            f' data-instgrm-version="14"><div><a href="{url}">View this post</a></div>'
            "</blockquote>",
            "blockquote",
        )
    if post.platform == "tiktok":
        return (
            f'<blockquote class="tiktok-embed" cite="{url}" data-video-id="{post.post_id}">'
            "<section><p>caption</p></section></blockquote>",
            "blockquote",
        )
    if post.platform == "youtube":
        return (
            f'<iframe width="560" height="315" src="https://www.youtube-nocookie.com/embed/'
            f'{post.post_id}" allowfullscreen></iframe>',
            "iframe",
        )
    if post.platform == "facebook":
        return (
            f'<div class="fb-post" data-href="{url}" data-width="500"><blockquote cite="{url}"'
            ' class="fb-xfbml-parse-ignore"><p>Hello</p></blockquote></div>',
            "script",
        )
    if post.platform == "mastodon":
        return (
            f'<blockquote class="mastodon-embed" data-embed-url="{url}/embed"><a href="{url}">'
            "<div>View on Mastodon</div></a></blockquote>",
            "blockquote",
        )
    if post.platform == "threads":
        return (
            f'<blockquote class="text-post-media" data-text-post-permalink="{url}"'
            f' data-text-post-version="0"><a href="{url}"><div>View on Threads</div></a>'
            "</blockquote>",
            "blockquote",
        )
    if post.platform == "reddit":
        return (
            f'<blockquote class="reddit-embed-bq"><a href="{url}">Ferry day</a><br> by'
            '<a href="https://www.reddit.com/user/ada/">u/ada</a></blockquote>',
            "blockquote",
        )
    raise ValueError(post.platform)


def _consent(rng: random.Random) -> tuple[str, InventedPost, str]:
    post = invent_post(rng, pick(rng, SNIPPET_PLATFORMS))
    snippet, form = official_snippet(post)
    escaped = html.escape(snippet)
    markup = pick(
        rng,
        (
            f'<script type="text/template" data-consent="social">{snippet}</script>',
            f'<script type="text/plain" data-cookieconsent="marketing">{snippet}</script>',
            f'<script type="text/x-template" class="consent-tpl">{escaped}</script>',
            f"<template>{escaped}</template>",
            f"<textarea hidden>{snippet}</textarea>",
            f'<textarea style="display:none">{escaped}</textarea>',
            f'<iframe class="privacy" srcdoc="{escaped}"></iframe>',
            f'<div class="consent-box" data-consent-html="{escaped}"><button>Load</button></div>',
            f'<div class="embed-privacy" data-embed-html="{escaped}"><p>Click to load.</p></div>',
            f"<noscript>{snippet}</noscript>",
        ),
    )
    return markup, post, form


#: Family name -> builder of (markup, post, form).
FAMILIES: dict[str, Callable[[random.Random], tuple[str, InventedPost, str]]] = {
    "id-attribute": _id_attribute,
    "generic-id+typed-attribute": _generic_typed,
    "generic-id+platform-class": _generic_in_class,
    "permalink-attribute": _url_attribute,
    "custom-element": _custom_element,
    "amp": _amp,
    "props-json": _props,
    "oembed-element": _oembed,
    "url-only-block": _url_block,
    "consent-wrapper": _consent,
}


def placeholder_decoy(rng: random.Random) -> tuple[str, str]:
    """(kind, markup) of one thing that looks like a placeholder but holds no post."""
    number = str(rng.randrange(10**17, 10**18))
    handle = word(rng, 2)
    shapes = {
        "share-button": f'<a class="twitter-share-button" data-url="https://news.example/{handle}"'
        f' data-via="{handle}">Tweet</a>',
        "share-div": f'<div class="share-{pick(rng, ("twitter", "facebook"))}"'
        f' data-url="https://news.example/{handle}" data-tweet-id="1{number}"></div>',
        "like-plugin": f'<div class="fb-like" data-href="https://www.facebook.com/{handle}"'
        ' data-layout="button"></div>',
        "follow-button": f'<a class="twitter-follow-button" href="https://twitter.com/{handle}">'
        "Follow</a>",
        "timeline": f'<a class="twitter-timeline" data-widget-id="3{number}"'
        f' href="https://twitter.com/{handle}">Tweets</a>',
        "timeline-div": f'<div class="twitter-timeline-embed" data-screen-name="{handle}"'
        ' data-height="600"></div>',
        "insta-feed": f'<div class="instagram-feed" data-user-id="{number[:10]}"></div>',
        "yt-channel": f'<div class="youtube-channel" data-channel-id="UC{word(rng, 8)[:22]}">'
        "</div>",
        "yt-playlist": f'<div class="youtube-embed" data-playlist-id="PL{word(rng, 6)}"></div>',
        "pixel": f'<div class="tracking" data-twitter-pixel="o{word(rng, 1)}"'
        f' data-ga-id="G-{number[:8]}" data-fb-app-id="{number[:15]}"></div>',
        "user-id": f'<div class="twitter-user" data-user-id="{number[:10]}"></div>',
        "own-player": f'<div class="video-player" data-provider="jwplayer"'
        f' data-video-id="{word(rng, 4)[:11]}"></div>',
        "own-player-id": f'<div class="vjs-player" data-embed-type="video"'
        f' data-embed-id="{word(rng, 4)[:11]}"></div>',
        "author-bio": f'<div class="author-bio" data-twitter-id="{number[:10]}">'
        f'<a href="https://twitter.com/{handle}">@{handle}</a></div>',
        "widget-stamp": f'<div class="tweet" data-twitter-extracted-i1{number}="true"></div>',
        "url-parameter": '<div class="embed" data-url="https://twitter.com/intent/tweet?url='
        f'https%3A%2F%2Ftwitter.com%2F{handle}%2Fstatus%2F1{number}"></div>',
        "music-page": '<div class="embed" data-url="https://www.tiktok.com/music/original-sound-'
        f'7{number}"></div>',
        "plain-url": f"<p>See https://twitter.com/{handle}/status/1{number} for more.</p>",
        "code-block": f'<pre><code>&lt;div data-tweet-id="1{number}"&gt;</code></pre>'
        f'<pre><div data-tweet-id="1{number}"></div></pre>',
        "counter": f'<span class="tweet-count" data-count="{number[:6]}"></span>',
        "two-platforms": f'<div class="social twitter instagram" data-id="1{number}"></div>',
        "small-index": f'<div class="tweet" data-id="{rng.randrange(1, 99)}"></div>',
        "profile-card": f'<div class="embed" data-url="https://twitter.com/{handle}"></div>',
        "link-list": f'<div class="twitter-box"><a href="https://twitter.com/{handle}/status/1'
        f'{number}">one</a><a href="https://twitter.com/{handle}/status/2{number}">two</a>'
        "</div>",
    }
    kind = pick(rng, sorted(shapes))
    return kind, shapes[kind]


def _two_posts(rng: random.Random) -> tuple[str, list[tuple[str, str, str]]]:
    """Two placeholders of different families on one page, or one placeholder wrapped
    around a copy of itself (one post)."""
    builders = [FAMILIES[name] for name in sorted(FAMILIES) if name != "consent-wrapper"]
    first_markup, first, first_form = builders[rng.randrange(len(builders))](rng)
    if rng.random() < 0.3 and first.bare_id is not None and first.platform == "twitter":
        wrapper = f'<div class="tweet-embed" data-tweet-id="{first.bare_id}">{first_markup}</div>'
        return wrapper, [(first.platform, first.post_id, first_form)]
    second_markup, second, second_form = builders[rng.randrange(len(builders))](rng)
    expected = [(first.platform, first.post_id, first_form)]
    if (second.platform, second.post_id) != (first.platform, first.post_id):
        expected.append((second.platform, second.post_id, second_form))
    return f"{first_markup}<p>{word(rng)} {word(rng)}.</p>{second_markup}", expected


def placeholder_variants(*, seed: int, per_family: int, decoys: int = 0) -> list[Variant]:
    """``per_family`` positive pages of each family, then ``decoys`` decoy pages."""
    rng = random.Random(seed)
    variants = []
    for family, build in FAMILIES.items():
        for number in range(per_family):
            markup, post, form = build(rng)
            variants.append(
                Variant(
                    family=family,
                    name=f"{family}-{number}",
                    markup=_page(rng, markup),
                    expected=((post.platform, post.post_id, form),),
                )
            )
    for number in range(per_family):
        markup, expected = _two_posts(rng)
        variants.append(
            Variant(
                family="two-posts",
                name=f"two-posts-{number}",
                markup=_page(rng, markup),
                expected=tuple(expected),
            )
        )
    for number in range(decoys):
        kinds = []
        parts = []
        for _ in range(1 + rng.randrange(3)):
            kind, markup = placeholder_decoy(rng)
            kinds.append(kind)
            parts.append(markup)
        variants.append(
            Variant(
                family="decoy",
                name=f"decoy-{number}-{'+'.join(kinds)}",
                markup=_page(rng, "".join(parts), decoys=0),
                expected=(),
            )
        )
    return variants
