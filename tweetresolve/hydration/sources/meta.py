"""Instagram, Facebook and Threads: Meta's oEmbed endpoints, which need an access token.

Meta serves oEmbed only to apps: pass ``meta_access_token="APP_ID|CLIENT_TOKEN"``
(an app access token of a Meta app with the oEmbed Read feature; see
docs/hydration.md).  Without one these sources answer ``needs_token`` and send
nothing.  A token Meta refuses (400 with an ``OAuthException``) is also
``needs_token``.  Each ``html`` is the platform's embed snippet, read by its
detector.
"""

from __future__ import annotations

from typing import Final

import attrs

from tweetresolve.hydration.fetch import Reply
from tweetresolve.hydration.result import Answer, Lookup
from tweetresolve.hydration.settings import HydratorSettings
from tweetresolve.hydration.sources.base import OEmbedSource, error_answer

__all__ = ["FACEBOOK_OEMBED", "INSTAGRAM_OEMBED", "THREADS_OEMBED"]

# Graph API version in the default endpoints; override an endpoint to use another.
GRAPH_VERSION: Final = "v21.0"
# Facebook video permalinks go to the video endpoint.  Example: "/watch/?v=1".
_VIDEO_PATH_MARKERS: Final = ("/videos/", "/watch", "/reel/", "/video.php")


def _refused_token(reply: Reply) -> bool:
    error = (reply.data or {}).get("error")
    return isinstance(error, dict) and error.get("type") == "OAuthException"


@attrs.frozen(kw_only=True)
class MetaOEmbedSource(OEmbedSource):
    """An oEmbed endpoint of Meta's Graph API: token required, token errors told apart."""

    needs_token: bool = True

    def read(self, lookup: Lookup, reply: Reply) -> Answer:
        if reply.error is None and reply.status in (400, 401, 403) and _refused_token(reply):
            return error_answer(self.name, "needs_token", reply, "Meta refused the access token")
        return super().read(lookup, reply)


@attrs.frozen(kw_only=True)
class FacebookOEmbedSource(MetaOEmbedSource):
    """Facebook has one endpoint for posts and one for videos."""

    def request_url(
        self, lookup: Lookup, endpoint: str, settings: HydratorSettings
    ) -> str | Answer:
        url = lookup.url or ""
        if any(marker in url for marker in _VIDEO_PATH_MARKERS):
            endpoint = endpoint.replace("oembed_post", "oembed_video")
        return super().request_url(lookup, endpoint, settings)


#: Instagram posts and reels.
INSTAGRAM_OEMBED: Final = MetaOEmbedSource(
    name="instagram_oembed",
    platform="instagram",
    endpoint=f"https://graph.facebook.com/{GRAPH_VERSION}/instagram_oembed",
    params=(("omitscript", "true"),),
    per_host=4,
    min_interval=0.2,
)

#: Facebook posts and videos.
FACEBOOK_OEMBED: Final = FacebookOEmbedSource(
    name="facebook_oembed",
    platform="facebook",
    endpoint=f"https://graph.facebook.com/{GRAPH_VERSION}/oembed_post",
    params=(("omitscript", "true"),),
    per_host=4,
    min_interval=0.2,
)

#: Threads posts.
THREADS_OEMBED: Final = MetaOEmbedSource(
    name="threads_oembed",
    platform="threads",
    endpoint="https://graph.threads.net/v1.0/oembed",
    per_host=4,
    min_interval=0.2,
)
