"""Truth Social: a Mastodon fork on one host, read with the Mastodon machinery.

Its web permalinks put ``/posts/`` before the status id; its embed is Mastodon's older
iframe form with its own class: ``iframe.truthsocial-embed[src$="/@user/<id>/embed"]``.
Ids are Mastodon-style snowflakes.  The handle is the bare user name (one host only).

>>> ref = TRUTHSOCIAL.parse_url("https://truthsocial.com/@ada_example/posts/114491534347862682")
>>> (ref.platform, ref.post_id, ref.handle, ref.url)
('truthsocial', '114491534347862682', 'ada_example', 'https://truthsocial.com/@ada_example/posts/114491534347862682')
"""

from __future__ import annotations

import re

from tweetresolve.idtime import truthsocial_time
from tweetresolve.platforms.mastodon import MastodonFamily, StatusURL

__all__ = ["TRUTHSOCIAL"]

# A Truth Social status: the web permalink (with /posts/), the embed page (without it,
# as in Mastodon) and the ActivityPub id.  The domain group never matches: one host.
#   https://truthsocial.com/@<user>/posts/<id>
#   https://truthsocial.com/@<user>/<id>/embed
#   https://truthsocial.com/users/<user>/statuses/<id>
# Example: "https://truthsocial.com/@ada_example/posts/114491534347862682"
STATUS_URL = re.compile(
    r"""
    ^(?:https?:)?//(?:www\.)?(?P<host>truthsocial\.com)(?::\d{1,5})?
    /(?:
        @(?P<user>[A-Za-z0-9_]{1,64})(?P<domain>(?!))?/(?:posts/)?
      | users/(?P<actor>[A-Za-z0-9_]{1,64})/statuses/
    )
    (?P<id>[0-9]{15,19})
    (?P<embed>/embed)?
    (?:[/?\#]|$)
    """,
    re.VERBOSE | re.IGNORECASE,
)

TRUTHSOCIAL = MastodonFamily(
    name="truthsocial",
    urls=StatusURL(
        pattern=STATUS_URL,
        canonical="https://{host}/@{user}/posts/{id}",
        profile="https://{host}/@{user}",
        qualify=False,
    ),
    embed_class="truthsocial-embed",
    markers=("truthsocial-embed",),
    created_at=truthsocial_time,
)
