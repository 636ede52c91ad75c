"""Invented pages with site-made post cards, and decoys that only look like cards.

Every name, handle, id and text here is made up.  Each positive page lists what a card
detector must report (keys left out are not checked); each decoy page must yield no
card at all.  The shapes follow the families a site uses to draw a post itself:
newsletter and CMS tweet cards, live-blog items, feed widgets, screenshots linked to the
post, link previews of one post, for every platform, with and without class names.
"""

from __future__ import annotations

from typing import Any

__all__ = ["CARD_PAGES", "DECOY_PAGES"]

#: (case name, page markup, expected posts in document order).
CARD_PAGES: list[tuple[str, str, list[dict[str, Any]]]] = [
    (
        "newsletter table card with classes and reply links",
        """<html><body><p>Our weekly digest.</p>
<table class="tw-card" width="100%"><tr><td>
  <img src="https://img.example.net/av/ferry.png" width="48" alt="">
  <b class="tw-name">Marta Ferrywatch</b>
  <span class="tw-handle">@marta_ferrywatch</span>
  <p class="tw-text">The 07:40 crossing is cancelled again, third time this week.</p>
  <a href="https://twitter.com/marta_ferrywatch/status/1768312345678901248">Mar 14, 2024</a>
  <a href="https://twitter.com/intent/tweet?in_reply_to=1768312345678901248">Reply</a>
  <a href="https://twitter.com/intent/retweet?tweet_id=1768312345678901248">Retweet</a>
</td></tr></table>
<p>More news below.</p></body></html>""",
        [
            {
                "platform": "twitter",
                "post_id": "1768312345678901248",
                "handle": "marta_ferrywatch",
                "name": "Marta Ferrywatch",
                "date_text": "Mar 14, 2024",
                "text_start": "The 07:40 crossing is cancelled again",
            }
        ],
    ),
    (
        "classless CMS card, parts in plain divs",
        """<html><body><article><p>The council answered on social media.</p>
<div><div><div>Harbour Council</div><div>@harbour_council</div></div>
<div>We are aware of the flooding on Quay Street and crews are on their way.</div>
<div><a href="https://x.com/harbour_council/status/1699001122334455667">9:12 AM · Sep 5,
2023</a></div></div>
<p>Residents were not convinced.</p></article></body></html>""",
        [
            {
                "platform": "twitter",
                "post_id": "1699001122334455667",
                "handle": "harbour_council",
                "name": "Harbour Council",
                "date_text": "9:12 AM · Sep 5, 2023",
                "text_start": "We are aware of the flooding on Quay Str",
            }
        ],
    ),
    (
        "German live-blog item with a byline line under the text",
        """<html><body><div id="liveblog">
<section class="eintrag"><header><time>14:05</time><h3>Stimmen aus dem Netz</h3></header>
<div class="beitrag"><p>Die Fähre nach Norden fährt heute nicht, alle Passagiere bitte umbuchen.</p>
<p class="quelle">— Reederei Nordlicht (@nordlicht_faehre) <a
href="https://twitter.com/nordlicht_faehre/status/1366012345678901234">3. März 2021</a></p></div>
</section></div></body></html>""",
        [
            {
                "platform": "twitter",
                "post_id": "1366012345678901234",
                "handle": "nordlicht_faehre",
                "name": "Reederei Nordlicht",
                "date_text": "3. März 2021",
                "text_start": "Die Fähre nach Norden fährt heute nicht,",
            }
        ],
    ),
    (
        "Instagram feed widget in a sidebar: linked images with captions",
        """<html><body><main><p>Article text about gardens.</p></main>
<aside><h4>Follow us on Instagram</h4><ul class="ig-feed">
<li><a href="https://www.instagram.com/p/CqAbC1dEfG2/" target="_blank"><img
src="https://cdn.example.net/1.jpg" alt="Spring tulips along the canal path this morning
#garden"></a></li>
<li><a href="https://www.instagram.com/p/CrXyZ9wVuT8/" target="_blank"><img
src="https://cdn.example.net/2.jpg" alt="Our volunteers planted forty new trees on
Saturday"></a></li>
</ul><a href="https://www.instagram.com/example_gardens/">Follow</a></aside></body></html>""",
        [
            {
                "platform": "instagram",
                "post_id": "CqAbC1dEfG2",
                "text_start": "Spring tulips along the canal path this ",
            },
            {
                "platform": "instagram",
                "post_id": "CrXyZ9wVuT8",
                "text_start": "Our volunteers planted forty new trees o",
            },
        ],
    ),
    (
        "screenshot of a tweet linked to the post",
        """<html><body><p>The minister deleted this post an hour later.</p>
<figure><a href="https://twitter.com/min_example/status/1500111222333444555"><img
src="https://cdn.example.net/shots/tweet.png" width="600" height="340"
alt="Screenshot of a deleted post"></a><figcaption>Photo: screenshot</figcaption></figure>
</body></html>""",
        [{"platform": "twitter", "post_id": "1500111222333444555", "handle": "min_example"}],
    ),
    (
        "Bluesky link preview of one post, the whole card is the link",
        """<html><body><p>She replied within minutes:</p>
<a class="preview" href="https://bsky.app/profile/ada.bsky.social/post/3kqwertyuiop2">
<div class="preview-title">Ada Example (@ada.bsky.social)</div>
<div class="preview-body">Thanks to everyone who came to the reading last night, what a crowd!</div>
<div class="preview-host">bsky.app</div></a></body></html>""",
        [
            {
                "platform": "bluesky",
                "post_id": "3kqwertyuiop2",
                "handle": "ada.bsky.social",
                "name": "Ada Example",
                "text_start": "Thanks to everyone who came to the readi",
            }
        ],
    ),
    (
        "Mastodon card in French with the date as the permalink",
        """<html><body><div class="toot">
<img class="avatar" src="https://files.example.social/a.png" width="40" alt="">
<strong>Louise Exemple</strong> <span>@louise@mastodon.example</span>
<div class="contenu"><p>Le marché du samedi est déplacé place de la Gare pendant les
travaux.</p></div>
<a href="https://mastodon.example/@louise/112233445566778899">12 mars 2024</a>
</div></body></html>""",
        [
            {
                "platform": "mastodon",
                "post_id": "112233445566778899",
                "handle": "louise@mastodon.example",
                "name": "Louise Exemple",
                "date_text": "12 mars 2024",
                "text_start": "Le marché du samedi est déplacé place de",
            }
        ],
    ),
    (
        "TikTok card with a 'View on TikTok' link and a separate date",
        """<html><body><div class="social tiktok">
<a href="https://www.tiktok.com/@bakery_example">@bakery_example</a>
<p>Three ways to fold a croissant, the third one is the fastest</p>
<span class="when">01.05.2023</span>
<a href="https://www.tiktok.com/@bakery_example/video/7212345678901234567">View on TikTok</a>
</div></body></html>""",
        [
            {
                "platform": "tiktok",
                "post_id": "7212345678901234567",
                "handle": "bakery_example",
                "date_text": "01.05.2023",
                "text_start": "Three ways to fold a croissant, the thir",
            }
        ],
    ),
    (
        "Threads card with a time element",
        """<html><body><section><div><header><span>Nora
Example</span><span>@nora.example</span></header>
<div><div><p>Finished the marathon in under four hours, legs are gone.</p></div></div>
<footer><time datetime="2024-04-21T14:02:00Z">April 21, 2024</time>
<a href="https://www.threads.net/@nora.example/post/C6aBcDeFgHi">Open</a></footer></div></section>
</body></html>""",
        [
            {
                "platform": "threads",
                "post_id": "C6aBcDeFgHi",
                "handle": "nora.example",
                "name": "Nora Example",
                "date_text": "April 21, 2024",
                "text_start": "Finished the marathon in under four hour",
            }
        ],
    ),
    (
        "LinkedIn card: name linked to the profile, no handle",
        """<html><body><div class="li-post">
<a href="https://www.linkedin.com/in/ada-example/">Ada Example</a>
<p>Proud to share that our team shipped the new ticketing system this week.</p>
<a href="https://www.linkedin.com/feed/update/urn:li:activity:7012345678901234567/">2 March 2023</a>
</div></body></html>""",
        [
            {
                "platform": "linkedin",
                "post_id": "urn:li:activity:7012345678901234567",
                "name": "Ada Example",
                "date_text": "2 March 2023",
                "text_start": "Proud to share that our team shipped the",
            }
        ],
    ),
    (
        "Facebook card in Spanish, date is the permalink",
        """<html><body><div><div>
<a href="https://www.facebook.com/museo.ejemplo">Museo Ejemplo</a>
<a href="https://www.facebook.com/museo.ejemplo/posts/1234567890123456">12 de marzo de 2024</a>
</div><p>Mañana abrimos gratis de 10 a 14 horas, ¡os esperamos!</p></div></body></html>""",
        [
            {
                "platform": "facebook",
                "post_id": "1234567890123456",
                "name": "Museo Ejemplo",
                "date_text": "12 de marzo de 2024",
                "text_start": "Mañana abrimos gratis de 10 a 14 horas, ",
            }
        ],
    ),
    (
        "card quoting another post: one post with a quoted reference",
        """<html><body><div class="embed-card">
<div><span>Ferry Fan</span> <span>@ferry_fan</span></div>
<p>This is exactly what happened to me last Tuesday.</p>
<div class="embed-card-quote"><div><span>Marta Ferrywatch</span>
<span>@marta_ferrywatch</span></div>
<p>The 07:40 crossing is cancelled again, third time this week.</p>
<a href="https://twitter.com/marta_ferrywatch/status/1768312345678901248">Mar 14, 2024</a></div>
<a href="https://twitter.com/ferry_fan/status/1768400000000000000">Mar 15, 2024</a>
</div></body></html>""",
        [
            {
                "platform": "twitter",
                "post_id": "1768400000000000000",
                "handle": "ferry_fan",
                "name": "Ferry Fan",
                "date_text": "Mar 15, 2024",
                "text_start": "This is exactly what happened to me last",
                "quoted": "1768312345678901248",
            }
        ],
    ),
    (
        "newsletter card whose links are all redirect-wrapped: no id",
        """<html><body><table class="tweet"><tr><td>
<a href="https://links.mail.example/c/abc123"><img src="https://img.mail.example/av.png"
width="36" alt=""></a>
<a href="https://links.mail.example/c/abc124">Station Master</a>
<a href="https://links.mail.example/c/abc125">@station_master</a>
<p>Platform 4 is closed for repairs until Friday, please use platform 2.</p>
<a href="https://links.mail.example/c/abc126">June 7, 2019</a>
</td></tr></table></body></html>""",
        [
            {
                "platform": "twitter",
                "post_id": None,
                "handle": "station_master",
                "name": "Station Master",
                "date_text": "June 7, 2019",
                "text_start": "Platform 4 is closed for repairs until F",
            }
        ],
    ),
    (
        "deeply nested Spanish card",
        """<html><body><div><div><div><div><div><div class="a">
<div class="b"><span class="c">Bomberos Ejemplo</span></div>
<div class="d"><span class="e">@bomberos_ej</span></div></div>
<div class="f"><div class="g"><p>Incendio controlado en la calle Mayor, no hay
heridos.</p></div></div>
<div class="h"><a href="https://twitter.com/bomberos_ej/status/1500000000000000001">3 de marzo
de 2022</a></div>
</div></div></div></div></div></body></html>""",
        [
            {
                "platform": "twitter",
                "post_id": "1500000000000000001",
                "handle": "bomberos_ej",
                "name": "Bomberos Ejemplo",
                "date_text": "3 de marzo de 2022",
                "text_start": "Incendio controlado en la calle Mayor, n",
            }
        ],
    ),
    (
        "feed of three tweet cards in list items",
        """<html><body><aside><h3>Latest posts</h3><ul>
<li><b>Town Library</b> <span>@town_library</span><p>Late opening tonight until nine, bring a
friend.</p><a href="https://twitter.com/town_library/status/1600000000000000001">Jan 3,
2023</a></li>
<li><b>Town Library</b> <span>@town_library</span><p>New graphic novels arrived in the youth
section.</p><a href="https://twitter.com/town_library/status/1600000000000000002">Jan 5,
2023</a></li>
<li><b>Town Library</b> <span>@town_library</span><p>Closed on Monday for the inventory count,
sorry!</p><a href="https://twitter.com/town_library/status/1600000000000000003">Jan 8, 2023</a></li>
</ul></aside></body></html>""",
        [
            {
                "post_id": "1600000000000000001",
                "date_text": "Jan 3, 2023",
                "text_start": "Late opening tonight until nine, bring a",
            },
            {
                "post_id": "1600000000000000002",
                "date_text": "Jan 5, 2023",
                "text_start": "New graphic novels arrived in the youth ",
            },
            {
                "post_id": "1600000000000000003",
                "date_text": "Jan 8, 2023",
                "text_start": "Closed on Monday for the inventory count",
            },
        ],
    ),
    (
        "the whole tweet card wrapped in its permalink",
        """<html><body><p>Quoted in full:</p>
<a href="https://twitter.com/river_watch/status/1400000000000000009" class="x-card">
<span>River Watch</span><span>@river_watch</span>
<span>Water level at the old bridge is 2.1 m and rising slowly.</span>
<span>June 2, 2021</span></a></body></html>""",
        [
            {
                "platform": "twitter",
                "post_id": "1400000000000000009",
                "handle": "river_watch",
                "name": "River Watch",
                "date_text": "June 2, 2021",
                "text_start": "Water level at the old bridge is 2.1 m an",
            }
        ],
    ),
    (
        "Japanese card, date before the text",
        """<html><body><div>
<p><span>駅前カフェ</span> <span>@ekimae_cafe</span> · <a
href="https://twitter.com/ekimae_cafe/status/1366000000000000777">2021年3月3日</a></p>
<p>本日は臨時休業いたします。明日は通常どおり営業します。</p>
</div></body></html>""",
        [
            {
                "platform": "twitter",
                "post_id": "1366000000000000777",
                "handle": "ekimae_cafe",
                "name": "駅前カフェ",
                "date_text": "2021年3月3日",
                "text_start": "本日は臨時休業いたします。明日は通常どおり営業します。",
            }
        ],
    ),
    (
        "Instagram card with username, caption and a View on Instagram link",
        """<html><body><div class="post"><div class="post-head">
<a href="https://www.instagram.com/alpine_hut_example/">alpine_hut_example</a></div>
<img src="https://cdn.example.net/hut.jpg" width="500" alt="">
<div class="post-caption">First snow on the ridge today, the hut opens on Friday.</div>
<a href="https://www.instagram.com/p/CzQwErTyUi0/">View on Instagram</a></div></body></html>""",
        [
            {
                "platform": "instagram",
                "post_id": "CzQwErTyUi0",
                "handle": "alpine_hut_example",
                "text_start": "First snow on the ridge today, the hut o",
            }
        ],
    ),
    (
        "newsletter card whose header and footer are both links to the post",
        """<html><body><div class="nl-post">
<a class="nl-top" href="https://twitter.com/quay_cafe/status/1690000000000000042">
<div class="nl-head"><img class="nl-avatar" src="https://img.example.net/q.png" width="40">
<div class="nl-who"><span class="nl-name">Quay Cafe</span><span class="nl-at">@quay_cafe</span>
</div></div></a>
<div class="nl-body">Soup of the day is leek and potato, fresh bread from nine.</div>
<a class="nl-bottom" href="https://twitter.com/quay_cafe/status/1690000000000000042">
<div class="nl-foot"><span class="nl-when">Aug 11, 2023</span></div></a></div>
</body></html>""",
        [
            {
                "platform": "twitter",
                "post_id": "1690000000000000042",
                "handle": "quay_cafe",
                "name": "Quay Cafe",
                "date_text": "Aug 11, 2023",
                "text_start": "Soup of the day is leek and potato, fres",
            }
        ],
    ),
    (
        "name and handle in one text node, old Twitter date format",
        """<html><body><div>
<p>Lighthouse Keeper @lighthouse_k</p>
<p>Fog horn test at noon today, do not be alarmed.</p>
<p><a href="https://twitter.com/lighthouse_k/status/1137000000000000000">
05:38 PM - 07 Jun 2019</a></p>
</div></body></html>""",
        [
            {
                "platform": "twitter",
                "post_id": "1137000000000000000",
                "handle": "lighthouse_k",
                "name": "Lighthouse Keeper",
                "date_text": "05:38 PM - 07 Jun 2019",
                "text_start": "Fog horn test at noon today, do not be a",
            }
        ],
    ),
    (
        "Italian live-blog item: the link introduces the text",
        """<html><body><ul class="diretta"><li><span>11:02</span>
<p>Il sindaco <a href="https://twitter.com/sindaco_es/status/1500000000000000999">scrive:</a>
La scuola di via Roma resta chiusa anche domani per i lavori.</p></li>
<li><span>10:40</span><p>Nessun aggiornamento dalla prefettura.</p></li></ul></body></html>""",
        [
            {
                "platform": "twitter",
                "post_id": "1500000000000000999",
                "handle": "sindaco_es",
                "name": "Il sindaco",
                "text_start": "La scuola di via Roma resta chiusa anche",
            }
        ],
    ),
    (
        "Instagram card with a header, the caption and a relative date",
        """<html><body><article><header><a href="https://www.instagram.com/harbour_yoga/">
harbour_yoga</a></header>
<div><a href="https://www.instagram.com/p/CwErTyUiOp1/"><img src="https://cdn.example.net/y.jpg"
width="400" height="400" alt=""></a></div>
<div><p>Sunrise class moves to the beach from Monday, mats provided.</p></div>
<footer><span>3 days ago</span></footer></article></body></html>""",
        [
            {
                "platform": "instagram",
                "post_id": "CwErTyUiOp1",
                "handle": "harbour_yoga",
                "date_text": "3 days ago",
                "text_start": "Sunrise class moves to the beach from Mo",
            }
        ],
    ),
    (
        "live blog whose items introduce posts with and without a colon",
        """<html><body><ul class="ticker">
<li class="item item-social"><div class="who"><span>Via X</span><span>Port Authority</span></div>
<div class="body"><p><a href="https://twitter.com/port_authority/status/1500000000000000111">posts:</a>
Berth 3 reopens at six tonight after the inspection.</p></div></li>
<li class="item item-social"><div class="who"><span>Via X</span><span>Harbour Pilot</span></div>
<div class="body"><p><a href="https://twitter.com/harbour_pilot/status/1500000000000000222">posts</a>
Heavy swell outside the breakwater, small boats stay in.</p></div></li>
<li class="item item-text"><div class="who"><span>Update</span></div>
<div class="body"><p>The mayor <a href="https://twitter.com/mayor_es/status/1500000000000000333">thanked
the crews</a> and said the harbour would stay open.</p></div></li>
</ul></body></html>""",
        [
            {
                "post_id": "1500000000000000111",
                "name": "Port Authority",
                "text_start": "Berth 3 reopens at six tonight after the",
            },
            {
                "post_id": "1500000000000000222",
                "name": "Harbour Pilot",
                "text_start": "Heavy swell outside the breakwater, smal",
            },
        ],
    ),
    (
        "tweet card with a reply line, mention links and counters",
        """<html><body><div class="c"><div><strong>Tide Tables</strong>
<a href="https://twitter.com/tide_tables">@tide_tables</a></div>
<div>Replying to <a href="https://twitter.com/bo_example">@bo_example</a></div>
<p>High water at 14:12, thanks <a href="https://twitter.com/bo_example">@bo_example</a> for the
photo <a href="https://t.co/AbCdEf1234">pic.twitter.com/AbCdEf1234</a></p>
<div><span>12 Likes</span> <span>3 Retweets</span></div>
<a href="https://twitter.com/tide_tables/status/1500000000000000777"><time
datetime="2022-03-05T14:00:00Z">2:00 PM · Mar 5, 2022</time></a></div></body></html>""",
        [
            {
                "post_id": "1500000000000000777",
                "handle": "tide_tables",
                "name": "Tide Tables",
                "date_text": "2:00 PM · Mar 5, 2022",
                "text_start": "High water at 14:12, thanks @bo_example ",
            }
        ],
    ),
    (
        "Threads card with a View on Threads link and no date",
        """<html><body><div><div><img src="https://img.example.net/m.png" width="32" alt="">
<span>Mila Example</span><span>@mila.example</span></div>
<p>New studio opens next week, come say hi and bring snacks.</p>
<a href="https://www.threads.net/@mila.example/post/C7aBcDeFgHi">View on Threads</a></div>
</body></html>""",
        [
            {
                "platform": "threads",
                "post_id": "C7aBcDeFgHi",
                "handle": "mila.example",
                "name": "Mila Example",
                "date_text": None,
                "text_start": "New studio opens next week, come say hi ",
            }
        ],
    ),
    (
        "feed items with the text first and '— @handle · 2h' under it",
        """<html><body><ul>
<li><p>Road closed between the two bridges until noon.</p>
<p>— @city_roads · <a href="https://twitter.com/city_roads/status/1500000000000000888">2h</a></p></li>
<li><p>Road open again, thanks for your patience.</p>
<p>— @city_roads · <a href="https://twitter.com/city_roads/status/1500000000000000889">1h</a></p></li>
</ul></body></html>""",
        [
            {
                "post_id": "1500000000000000888",
                "handle": "city_roads",
                "date_text": "2h",
                "text_start": "Road closed between the two bridges unti",
            },
            {
                "post_id": "1500000000000000889",
                "handle": "city_roads",
                "date_text": "1h",
                "text_start": "Road open again, thanks for your patienc",
            },
        ],
    ),
]

#: (case name, page markup): pages whose post-like parts are not posts.
DECOY_PAGES: list[tuple[str, str]] = [
    (
        "share and like buttons",
        """<html><body><div class="share">
<a
href="https://twitter.com/intent/tweet?text=Read%20this&url=https%3A%2F%2Fnews.example%2Fa">Tweet</a>
<a href="https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fnews.example%2Fa">Share</a>
<a href="https://www.linkedin.com/shareArticle?url=https%3A%2F%2Fnews.example%2Fa">Share on
LinkedIn</a>
</div></body></html>""",
    ),
    (
        "follow buttons and profile links",
        """<html><body><footer><p>Follow us</p>
<a class="twitter-follow-button" href="https://twitter.com/news_example">Follow @news_example</a>
<a href="https://www.instagram.com/news_example/">@news_example on Instagram</a>
<a href="https://www.tiktok.com/@news_example">TikTok</a></footer></body></html>""",
    ),
    (
        "timeline widget link",
        """<html><body><aside><a class="twitter-timeline" data-height="600"
href="https://twitter.com/news_example?ref_src=twsrc%5Etfw">Tweets by news_example</a></aside>
</body></html>""",
    ),
    (
        "related posts module of article links",
        """<html><body><section class="related"><h3>Related posts</h3>
<div><a href="https://news.example/2024/03/ferry-strike">Ferry strike enters its second week</a>
<span>March 3, 2024</span><p>Crews and the operator met again without a result.</p></div>
<div><a href="https://news.example/2024/03/bridge">Old bridge closed for repairs</a>
<span>March 5, 2024</span><p>The council expects the works to last a month.</p></div>
</section></body></html>""",
    ),
    (
        "author bio box with a handle",
        """<html><body><div class="author-box"><img src="https://news.example/ada.jpg"
width="80" alt="Ada Example">
<b>Ada Example</b> <a href="https://twitter.com/ada_example">@ada_example</a>
<p>Ada covers transport and city hall for the paper since 2015.</p></div></body></html>""",
    ),
    (
        "author byline with a handle and the article date",
        """<html><body><div class="byline"><span>By Ada Example</span>
<a href="https://twitter.com/ada_example">@ada_example</a><time>March 3, 2024</time></div>
<p>The ferry company announced on Monday that it would cut two crossings.</p></body></html>""",
    ),
    (
        "comment section whose comment links a post in its text",
        """<html><body><ol class="comments"><li><div><b>Reader One</b> <span>March 4, 2024 at
10:02</span></div>
<p>Same thing happened last year, see
<a href="https://twitter.com/ferry_fan/status/1768400000000000000">this tweet</a> from back
then.</p>
<p>Nothing changes.</p></li></ol></body></html>""",
    ),
    (
        "quote box with a name but no date",
        """<html><body><aside class="pullquote"><p>“We will not stop until the ferry runs on
time.”</p>
<p>— Marta Ferrywatch</p></aside></body></html>""",
    ),
    (
        "prose paragraph with a dated link to a post",
        """<html><body><article><p>As <a
href="https://twitter.com/ada_example">@ada_example</a> noted
on <a href="https://twitter.com/ada_example/status/1500000000000000123">March 3, 2022</a>, the
crossing had been cancelled three times that week and nobody had explained why.</p>
<p>The operator declined to comment.</p></article></body></html>""",
    ),
    (
        "credit link under a photo",
        """<html><body><figure><img src="https://news.example/photo.jpg" width="800" alt="Ferry
at dock">
<figcaption>The ferry at the dock. Source:
<a href="https://twitter.com/marta_ferrywatch/status/1768312345678901248">Twitter</a></figcaption>
</figure></body></html>""",
    ),
    (
        "small platform icon linking a post inside prose",
        """<html><body><p>The council posted the closure notice
<a href="https://twitter.com/harbour_council/status/1699001122334455667"><img
src="https://news.example/icons/x-logo.svg" width="16" height="16" alt="X"></a> this morning.</p>
</body></html>""",
    ),
    (
        "list of footnotes linking posts",
        """<html><body><ol class="notes">
<li><a
href="https://twitter.com/ada_example/status/1500000000000000123">https://twitter.com/ada_example/status/1500000000000000123</a></li>
<li><a
href="https://twitter.com/bo_example/status/1500000000000000456">https://twitter.com/bo_example/status/1500000000000000456</a></li>
</ol></body></html>""",
    ),
    (
        "list of links to posts under a heading, with the author's handle after each",
        """<html><body><section><h3>More on this story</h3><ul>
<li><a href="https://twitter.com/ada_example/status/1500000000000000123">The ferry thread</a>
by @ada_example</li>
<li><a href="https://twitter.com/bo_example/status/1500000000000000456">Bo's timetable post</a>
by @bo_example</li></ul></section></body></html>""",
    ),
    (
        "click-to-tweet box: a quote, the site's handle and a share link",
        """<html><body><div class="ctt"><p>Every ferry should run on time, every day.</p>
<span>@news_example</span> <span>March 3, 2024</span>
<a href="https://twitter.com/intent/tweet?text=Every%20ferry&via=news_example">Click to tweet</a>
</div></body></html>""",
    ),
    (
        "author box showing the site's own profile with a follower count",
        """<html><body><div class="profile-card"><b>News Example</b>
<a href="https://twitter.com/news_example">@news_example</a>
<p>Local news from the harbour towns since 1901.</p><span>12,400 followers</span>
<a href="https://twitter.com/news_example">Follow</a></div></body></html>""",
    ),
    (
        "trending list of articles with relative times",
        """<html><body><aside><h3>Trending</h3><ol>
<li><a href="https://news.example/a">Ferry strike ends</a><span>2h</span></li>
<li><a href="https://news.example/b">Bridge reopens</a><span>3h</span></li></ol></aside>
</body></html>""",
    ),
    (
        "comment under a reader's handle with a View tweet link to someone else's post",
        """<html><body><ol class="comments"><li><b>Reader Two</b> <span>@reader_two</span>
<span>March 4, 2024</span><p>I saw the same thing this morning on the quay.</p>
<p><a href="https://twitter.com/ferry_fan/status/1768400000000000000">View tweet</a></p></li>
</ol></body></html>""",
    ),
]
