"""Generated page-data pages: the shapes in which sites keep a post in their JSON state.

Each family writes one invented post the way a framework or CMS keeps it (Next.js,
Nuxt, Apollo, ``window.__…STATE__`` assignments, ``ld+json``, Arc ANS, the WordPress
REST API and block parser, Contentful rich text, Sanity portable text, Storyblok,
escaped embed code in strings) inside the page's own story, and beside it the decoys
such a state really holds: other stories with their embeds (related, recommended,
teasers, latest, the next article), share and follow settings, analytics ids, the
site's own video player, timeline widgets and author profiles.  A seed always gives the
same pages.

>>> variants = pagedata_variants(seed=3, per_family=1, decoys=1)
>>> sorted({v.family for v in variants}) == sorted([*FAMILIES, "decoy"])
True
"""

from __future__ import annotations

import html
import json
import random
import re
from collections.abc import Callable
from typing import Any

from placeholder_variants import CLASS_WORDS, SNIPPET_PLATFORMS, TYPED_VALUES, official_snippet
from variant_ids import ID_PLATFORMS, PLATFORMS, InventedPost, Variant, invent_post, pick, word

__all__ = ["FAMILIES", "pagedata_variants"]


class _Story:
    """The page's own story: its title and path, as the page's head shows them."""

    def __init__(self, rng: random.Random) -> None:
        self.title = f"{word(rng).title()} {word(rng)} {word(rng)} {word(rng)}"
        self.path = f"/{word(rng, 2)}/{word(rng)}-{word(rng)}-{rng.randrange(100, 999)}"

    def head(self) -> str:
        return (
            f"<head><title>{html.escape(self.title)} | Harbour Post</title>"
            f'<link rel="canonical" href="https://news.example{self.path}"></head>'
        )


def _typed(rng: random.Random, platform: str) -> str:
    return pick(rng, TYPED_VALUES.get(platform, CLASS_WORDS[platform]))


def _block(rng: random.Random, post: InventedPost) -> dict[str, Any]:
    """A typed block naming the post, in one of the spellings a state uses."""
    typed = _typed(rng, post.platform)
    url = pick(rng, post.urls)
    shapes: list[dict[str, Any]] = [
        {"type": typed, "url": url},
        {"embedType": typed, "embedUrl": url, "caption": None},
        {"__typename": f"{CLASS_WORDS[post.platform][0].title()}Embed", "url": url},
        {"provider": typed, "href": url, "html": None},
        {"type": "embed", "provider_name": typed, "originalUrl": url},
        {"kind": "social", "service": typed, "link": url},
    ]
    if post.bare_id is not None:
        key = {
            "twitter": pick(rng, ("tweetId", "tweet_id", "tweetID")),
            "instagram": pick(rng, ("instagramId", "instagramShortcode")),
            "tiktok": pick(rng, ("tiktokVideoId", "tiktok_video_id")),
            "youtube": pick(rng, ("youtubeId", "youtubeVideoId")),
        }[post.platform]
        shapes += [
            {"type": typed, "id": post.bare_id},
            {key: post.bare_id, "align": "center"},
            {"provider": typed, "videoId" if post.platform != "twitter" else "id": post.bare_id},
        ]
    return shapes[rng.randrange(len(shapes))]


def _other_story(rng: random.Random) -> dict[str, Any]:
    """Another article of the site, with an embed of its own (a decoy)."""
    other = invent_post(rng, pick(rng, PLATFORMS))
    return {
        pick(rng, ("headline", "title")): f"{word(rng).title()} {word(rng)}",
        pick(rng, ("url", "canonicalUrl", "path")): f"/{word(rng, 2)}/{word(rng)}-{word(rng)}",
        "body": [{"type": "paragraph", "text": word(rng)}, _block(rng, other)],
    }


def _decoy_entries(rng: random.Random) -> dict[str, Any]:
    """Entries of a state that look like posts and are not."""
    handle = word(rng, 2)
    number = str(rng.randrange(10**17, 10**18))
    choices: list[tuple[str, Any]] = [
        (pick(rng, ("related", "relatedArticles", "recommended")), [_other_story(rng)]),
        (pick(rng, ("teasers", "mostRead", "latest", "readNext")), [_other_story(rng)]),
        ("nextArticle", _other_story(rng)),
        ("share", {"twitter": {"via": handle, "url": "https://twitter.com/intent/tweet?url=x"}}),
        ("social", {"twitterHandle": f"@{handle}", "facebookAppId": number[:15]}),
        ("seo", {"twitter": {"site": f"@{handle}", "card": "summary_large_image"}}),
        ("analytics", {"twitterPixelId": f"o{word(rng, 1)}", "gaId": f"G-{number[:8]}"}),
        ("player", {"type": "video", "provider": "jwplayer", "videoId": word(rng, 4)[:11]}),
        ("sidebarWidget", {"type": "twitter", "widget": "timeline", "screenName": handle}),
        ("footer", {"type": "twitter-timeline", "url": f"https://twitter.com/{handle}"}),
        ("author", {"name": word(rng).title(), "twitter": f"https://twitter.com/{handle}"}),
        ("channel", {"provider": "youtube", "channelId": f"UC{word(rng, 8)[:22]}"}),
        ("links", [{"type": "link", "url": f"https://twitter.com/{handle}/status/1{number}"}]),
        ("byline", {"name": word(rng).title(), "twitterId": number[:10], "twitter": handle}),
        (
            "heroVideo",
            {"type": "embed", "provider": "vimeo", "url": f"https://vimeo.com/{number[:9]}"},
        ),
        ("followBox", {"type": "social_embed", "url": f"https://www.instagram.com/{handle}/"}),
        ("stories", {"next": _other_story(rng)}),
    ]
    return dict(rng.sample(choices, 1 + rng.randrange(3)))


def _story_object(rng: random.Random, story: _Story, body: list[Any]) -> dict[str, Any]:
    title_key = pick(rng, ("headline", "title", "seoTitle"))
    url_key = pick(rng, ("url", "canonicalUrl", "path", "permalink"))
    # The story's own spelling of the page's address and title: a path, an absolute URL
    # (another host: a CDN or AMP copy), a bare slug, a trailing slash; a title with the
    # site's name appended.
    url = pick(
        rng,
        (
            story.path,
            f"https://news.example{story.path}",
            f"https://amp.news-cdn.example{story.path}/",
            story.path.rsplit("/", 1)[-1],
        ),
    )
    title = pick(rng, (story.title, f"{story.title} – Harbour Post"))
    return {"id": rng.randrange(1000, 99999), title_key: title, url_key: url, "body": body}


def _paragraphs(rng: random.Random) -> list[dict[str, Any]]:
    return [{"type": "paragraph", "text": f"{word(rng)} {word(rng)}."} for _ in range(2)]


def _with_decoys(rng: random.Random, state: dict[str, Any]) -> dict[str, Any]:
    state.update(_decoy_entries(rng))
    return state


def _next_data(rng: random.Random, story: _Story, post: InventedPost) -> str:
    body = [*_paragraphs(rng), _block(rng, post)]
    state = {"props": {"pageProps": _with_decoys(rng, {"story": _story_object(rng, story, body)})}}
    return f'<script id="__NEXT_DATA__" type="application/json">{json.dumps(state)}</script>'


def _assignment(rng: random.Random, story: _Story, post: InventedPost) -> str:
    body = [*_paragraphs(rng), {"blocks": [_block(rng, post)]}]
    state = _with_decoys(rng, {"article": _story_object(rng, story, body)})
    text = json.dumps(state, separators=(",", ":") if rng.random() < 0.5 else (", ", ": "))
    if rng.random() < 0.3:
        text = text.replace("/", "\\/")
    target = pick(
        rng,
        (
            "window.__INITIAL_STATE__",
            "window.__PRELOADED_STATE__",
            'window["__APP_STATE__"]',
            "var __STORE__",
            "self.__data",
            "window.__NUXT_STATE__",
        ),
    )
    if rng.random() < 0.3:
        literal = json.dumps(text).replace("'", "\\'")[1:-1].replace('\\"', '"')
        quoted = "'" + literal.replace('"', '\\"') + "'"
        return f"<script>{target} = JSON.parse({quoted});</script>"
    return f"<script>{target} = {text};\nwindow.init && init();</script>"


def _ld_json(rng: random.Random, story: _Story, post: InventedPost) -> str:
    shared: dict[str, Any] = pick_dict(
        rng,
        [
            {"@type": "SocialMediaPosting", "url": post.url},
            {"@type": "SocialMediaPosting", "@id": post.url, "sharedContent": None},
            {"@type": "WebPage", "url": post.url},
        ],
    )
    article: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": pick(rng, ("NewsArticle", "Article", "BlogPosting", "LiveBlogPosting")),
        "headline": story.title,
        "url": f"https://news.example{story.path}",
        "publisher": {
            "@type": "Organization",
            "name": "Harbour Post",
            "sameAs": [
                f"https://twitter.com/{word(rng, 2)}",
                f"https://www.facebook.com/{word(rng, 2)}",
            ],
        },
    }
    if shared["@type"] == "SocialMediaPosting" and rng.random() < 0.5:
        value: Any = {"@context": "https://schema.org", **shared}
    else:
        article["sharedContent"] = [shared] if rng.random() < 0.5 else shared
        value = (
            {"@context": "https://schema.org", "@graph": [article]}
            if rng.random() < 0.5
            else article
        )
    return f'<script type="application/ld+json">{json.dumps(value)}</script>'


def pick_dict(rng: random.Random, choices: list[dict[str, Any]]) -> dict[str, Any]:
    """A copy of one of ``choices``."""
    return dict(choices[rng.randrange(len(choices))])


def _arc(rng: random.Random, story: _Story, post: InventedPost) -> str:
    typed = CLASS_WORDS[post.platform][0].lower()
    element = pick_dict(
        rng,
        [
            {
                "type": "oembed_response",
                "subtype": typed,
                "raw_oembed": {"type": typed, "url": post.url, "provider_name": typed.title()},
            },
            {
                "type": "reference",
                "referent": {"type": typed, "id": post.url, "provider": "https://oembed.example/"},
            },
        ],
    )
    content = [{"type": "text", "content": f"{word(rng)}."}, element]
    own = {
        "headlines": {"basic": story.title},
        "website_url": story.path,
        "content_elements": content,
    }
    other = {
        "headlines": {"basic": f"{word(rng).title()} {word(rng)}"},
        "website_url": f"/{word(rng)}/{word(rng)}",
        "content_elements": [
            {
                "type": "oembed_response",
                "subtype": "twitter",
                "raw_oembed": {"type": "twitter", "url": invent_post(rng, "twitter").url},
            }
        ],
    }
    state = {"globalContent": own, "related_content": {"basic": [other]}}
    target = pick(rng, ("Fusion.globalContent", "window.Fusion"))
    if target == "window.Fusion":
        return f"<script>window.Fusion = {json.dumps(state)};</script>"
    encoded = json.dumps(own)
    return f"<script>Fusion = window.Fusion || {{}}; Fusion.globalContent = {encoded};</script>"


def _wordpress(rng: random.Random, story: _Story, post: InventedPost) -> str:
    slug = CLASS_WORDS[post.platform][0].lower()
    if rng.random() < 0.5:
        rendered = (
            f'<figure class="wp-block-embed is-type-rich is-provider-{slug} wp-block-embed-{slug}">'
            f'<div class="wp-block-embed__wrapper">\n{post.url}\n</div></figure>'
        )
        own: dict[str, Any] = {
            "title": {"rendered": story.title},
            "link": f"https://news.example{story.path}",
            "content": {"rendered": f"<p>{word(rng)}.</p>{rendered}"},
        }
    else:
        name = pick(rng, ("core/embed", f"core-embed/{slug}"))
        own = {
            "title": {"rendered": story.title},
            "link": f"https://news.example{story.path}",
            "blocks": [
                {"blockName": "core/paragraph", "attrs": {}, "innerHTML": "<p>x</p>"},
                {
                    "blockName": name,
                    "attrs": {"url": post.url, "type": "rich", "providerNameSlug": slug},
                },
            ],
        }
    state = _with_decoys(rng, {"post": own})
    return f'<script type="application/json" id="wp-data">{json.dumps(state)}</script>'


def _contentful(rng: random.Random, story: _Story, post: InventedPost) -> str:
    content_type = pick(
        rng,
        (
            f"{CLASS_WORDS[post.platform][0].lower()}Embed",
            f"embedded{CLASS_WORDS[post.platform][0].title()}",
            f"{CLASS_WORDS[post.platform][0].lower()}Post",
        ),
    )
    fields: dict[str, Any] = {"title": f"{word(rng)}", "url": post.url}
    target = {
        "sys": {
            "id": word(rng, 2),
            "type": "Entry",
            "contentType": {"sys": {"type": "Link", "linkType": "ContentType", "id": content_type}},
        },
        "fields": fields,
    }
    document = {
        "nodeType": "document",
        "content": [
            {"nodeType": "paragraph", "content": [{"nodeType": "text", "value": word(rng)}]},
            {"nodeType": "embedded-entry-block", "data": {"target": target}, "content": []},
        ],
    }
    own = {"title": story.title, "slug": story.path, "body": {"json": document}}
    state = _with_decoys(rng, {"article": own})
    return f'<script id="__NEXT_DATA__" type="application/json">{json.dumps(state)}</script>'


def _sanity(rng: random.Random, story: _Story, post: InventedPost) -> str:
    name = CLASS_WORDS[post.platform][0].lower()
    block: dict[str, Any] = {
        "_type": pick(rng, (name, f"{name}Embed", f"{name}Post")),
        "_key": word(rng, 2),
    }
    if post.bare_id is not None and rng.random() < 0.5:
        block["id"] = post.bare_id
    else:
        block["url"] = post.url
    body = [
        {"_type": "block", "_key": "a1", "children": [{"_type": "span", "text": word(rng)}]},
        block,
    ]
    own = {"title": story.title, "slug": {"current": story.path}, "body": body}
    state = _with_decoys(rng, {"data": {"post": own}})
    return f'<script id="__NEXT_DATA__" type="application/json">{json.dumps(state)}</script>'


def _storyblok(rng: random.Random, story: _Story, post: InventedPost) -> str:
    name = CLASS_WORDS[post.platform][0].lower()
    if post.bare_id is not None and post.platform == "twitter" and rng.random() < 0.5:
        block: dict[str, Any] = {
            "component": f"{name}_embed",
            "_uid": word(rng, 2),
            "tweet_id": post.bare_id,
        }
    else:
        block = {
            "component": pick(rng, (f"{name}_embed", f"{name}")),
            "_uid": word(rng, 2),
            "url": {"url": post.url, "linktype": "url", "cached_url": post.url},
        }
    own = {
        "name": story.title,
        "full_slug": story.path.lstrip("/"),
        "content": {"component": "article", "body": [{"component": "rich_text"}, block]},
    }
    state = _with_decoys(rng, {"story": own})
    return f"<script>window.__STORYBLOK__ = {json.dumps(state)};</script>"


def _escaped_markup(rng: random.Random, story: _Story, post: InventedPost) -> str:
    snippet, _ = official_snippet(post)
    key = pick(rng, ("html", "embedCode", "embed_html", "body", "content", "markup"))
    body = [*_paragraphs(rng), {"type": pick(rng, ("html", "raw", "embed")), key: snippet}]
    state = _with_decoys(rng, {"story": _story_object(rng, story, body)})
    text = json.dumps(state)
    if rng.random() < 0.5:
        text = text.replace("<", "\\u003c").replace(">", "\\u003e")
    if rng.random() < 0.3:
        text = text.replace("/", "\\/")
    if rng.random() < 0.5:
        return f'<script type="application/json">{text}</script>'
    return f"<script>window.__INITIAL_DATA__ = {text};</script>"


_IDENTIFIER = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*")


def js_literal(rng: random.Random, value: Any, names: dict[str, str] | None = None) -> str:
    """``value`` written as a JavaScript object literal, not JSON: bare or single-quoted
    keys, single-quoted strings, ``!0`` / ``!1``, ``void 0``, trailing commas, comments.
    Strings found in ``names`` are written as that variable instead (Nuxt's hoisting)."""
    if isinstance(value, bool):
        return pick(rng, ("!0", "true")) if value else pick(rng, ("!1", "false"))
    if value is None:
        return pick(rng, ("null", "void 0", "undefined"))
    if isinstance(value, (int, float)):
        return json.dumps(value)
    if isinstance(value, str):
        if names and value in names:
            return names[value]
        if rng.random() < 0.5:
            return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"
        text = json.dumps(value)
        return text.replace("/", "\\u002F") if rng.random() < 0.3 else text
    if isinstance(value, list):
        items = [js_literal(rng, item, names) for item in value]
        comma = "," if items and rng.random() < 0.3 else ""
        return "[" + ",".join(items) + comma + "]"
    parts = []
    for key, item in value.items():
        if _IDENTIFIER.fullmatch(key) and rng.random() < 0.8:
            shown = key
        else:
            shown = pick(rng, (json.dumps(key), "'" + key + "'"))
        parts.append(f"{shown}:{js_literal(rng, item, names)}")
    comment = "/* state */" if rng.random() < 0.1 else ""
    return "{" + comment + ",".join(parts) + ("," if parts and rng.random() < 0.3 else "") + "}"


def _state(rng: random.Random, story: _Story, post: InventedPost) -> dict[str, Any]:
    body = [*_paragraphs(rng), _block(rng, post)]
    return _with_decoys(rng, {"article": _story_object(rng, story, body), "ready": True})


def _js_object(rng: random.Random, story: _Story, post: InventedPost) -> str:
    target = pick(rng, ("window.__INITIAL_STATE__", "window.__PRELOADED_STATE__", "var __STATE__"))
    return f"<script>{target} = {js_literal(rng, _state(rng, story, post))};</script>"


def _nuxt_function(rng: random.Random, story: _Story, post: InventedPost) -> str:
    state = _state(rng, story, post)
    hoisted = ["default", story.title if rng.random() < 0.3 else "x"]
    names = {value: "abcdefgh"[i] for i, value in enumerate(hoisted)}
    params = ",".join(names.values())
    args = ",".join(json.dumps(value) for value in hoisted)
    literal = js_literal(rng, {"layout": "default", "data": [state], "fetch": {}}, names)
    return f"<script>window.__NUXT__=(function({params}){{return {literal}}}({args}));</script>"


def _nuxt_devalue(rng: random.Random, story: _Story, post: InventedPost) -> str:
    state = _state(rng, story, post)
    flat: list[Any] = [["ShallowReactive", 1]]

    def add(value: Any) -> int:
        index = len(flat)
        flat.append(None)
        if isinstance(value, dict):
            flat[index] = {key: add(item) for key, item in value.items()}
        elif isinstance(value, list):
            flat[index] = [add(item) for item in value]
        else:
            flat[index] = value
        return index

    add({"data": {"story": state}, "state": {}})
    return (
        '<script type="application/json" data-nuxt-data="nuxt-app" data-ssr="true"'
        f' id="__NUXT_DATA__">{json.dumps(flat)}</script>'
    )


def _next_flight(rng: random.Random, story: _Story, post: InventedPost) -> str:
    props = {"story": _story_object(rng, story, [_block(rng, post)])}
    props.update(_decoy_entries(rng))
    row = json.dumps(["$", "$L" + str(rng.randrange(2, 9)), None, props])
    payload = f'0:["$","main",null,{{}}]\n{rng.randrange(10, 99):x}:{row}\n'
    cut = rng.randrange(1, len(payload) - 1)
    chunks = [payload[:cut], payload[cut:]] if rng.random() < 0.5 else [payload]
    pushes = "".join(
        f"<script>self.__next_f.push([1,{json.dumps(chunk)}])</script>" for chunk in chunks
    )
    return "<script>(self.__next_f=self.__next_f||[]).push([0])</script>" + pushes


def _apollo(rng: random.Random, story: _Story, post: InventedPost) -> str:
    embed_key = f"Embed:{rng.randrange(1, 999)}"
    other_key = f"Embed:{rng.randrange(1000, 1999)}"
    other = invent_post(rng, pick(rng, PLATFORMS))
    cache = {
        "ROOT_QUERY": {"__typename": "Query", "article": {"__ref": "Article:1"}},
        "Article:1": {
            "__typename": "Article",
            "headline": story.title,
            "url": story.path,
            "body": [{"__ref": embed_key}],
            "related": [{"__ref": "Article:2"}],
        },
        "Article:2": {
            "__typename": "Article",
            "headline": f"{word(rng).title()} {word(rng)}",
            "url": f"/{word(rng)}/{word(rng)}",
            "body": [{"__ref": other_key}],
        },
        embed_key: {"__typename": "Embed", **_block(rng, post)},
        other_key: {"__typename": "Embed", **_block(rng, other)},
    }
    items = list(cache.items())
    rng.shuffle(items)
    return f"<script>window.__APOLLO_STATE__ = {json.dumps(dict(items))};</script>"


#: Family name -> builder of the page's data script (the post it holds is given).
FAMILIES: dict[str, Callable[[random.Random, _Story, InventedPost], str]] = {
    "next-data": _next_data,
    "state-assignment": _assignment,
    "ld-json": _ld_json,
    "arc-ans": _arc,
    "wordpress-rest": _wordpress,
    "contentful-rich-text": _contentful,
    "sanity-portable-text": _sanity,
    "storyblok": _storyblok,
    "escaped-embed-code": _escaped_markup,
    "js-object-literal": _js_object,
    "nuxt-function": _nuxt_function,
    "nuxt-devalue": _nuxt_devalue,
    "next-flight": _next_flight,
    "apollo-cache": _apollo,
}


def _platform_for(rng: random.Random, family: str) -> str:
    if family == "escaped-embed-code":
        return pick(rng, SNIPPET_PLATFORMS)
    if family == "storyblok" and rng.random() < 0.3:
        return "twitter"
    return pick(rng, PLATFORMS if rng.random() < 0.6 else ID_PLATFORMS)


def _page(rng: random.Random, story: _Story, script: str) -> str:
    return (
        f'<!doctype html><html lang="en">{story.head()}<body><main><h1>'
        f"{html.escape(story.title)}</h1><p>{word(rng)} {word(rng)}.</p></main>"
        f"{script}</body></html>"
    )


def pagedata_variants(*, seed: int, per_family: int, decoys: int = 0) -> list[Variant]:
    """``per_family`` pages of each family, then ``decoys`` pages of decoys only."""
    rng = random.Random(seed)
    variants = []
    for family, build in FAMILIES.items():
        for number in range(per_family):
            story = _Story(rng)
            post = invent_post(rng, _platform_for(rng, family))
            form = "data"
            variants.append(
                Variant(
                    family=family,
                    name=f"{family}-{number}",
                    markup=_page(rng, story, build(rng, story, post)),
                    expected=((post.platform, post.post_id, form),),
                )
            )
    for number in range(decoys):
        story = _Story(rng)
        state = {"story": _story_object(rng, story, _paragraphs(rng)), **_decoy_entries(rng)}
        script = pick(
            rng,
            (
                f'<script type="application/json">{json.dumps(state)}</script>',
                f"<script>window.__INITIAL_STATE__ = {json.dumps(state)};</script>",
            ),
        )
        variants.append(
            Variant(
                family="decoy",
                name=f"decoy-{number}-{'+'.join(sorted(state)[:3])}",
                markup=_page(rng, story, script),
                expected=(),
            )
        )
    return variants
