"""YouTube: ``www.youtube.com/oembed`` (no key).

Gives the video title (kept as the post's text), the channel name and URL
(``/@handle`` channels give the handle) and the thumbnail; the ``html`` is a
bare player iframe with nothing more in it.  401/403: a private video or one
whose owner turned embedding off (``protected``); 404: no such video.
"""

from __future__ import annotations

from typing import Final

from tweetresolve.hydration.sources.base import OEmbedSource, handle_after

__all__ = ["YOUTUBE_OEMBED"]

#: The registered source.
YOUTUBE_OEMBED: Final = OEmbedSource(
    name="youtube_oembed",
    platform="youtube",
    endpoint="https://www.youtube.com/oembed",
    params=(("format", "json"),),
    per_host=4,
    min_interval=0.1,
    title_is_text=True,
    media_kind="video",
    handle_of=handle_after("/@"),
)
