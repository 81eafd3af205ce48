"""Films hosted on YouTube or Vimeo: which addresses are accepted, and how they embed.

The page never loads a third-party frame by itself: it shows a link to the video
on its platform, which a small script turns into a privacy-enhanced embed
(youtube-nocookie.com, or Vimeo with do-not-track) only when the visitor clicks.
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
_VIMEO_ID = re.compile(r"^\d{6,12}$")
_YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtube-nocookie.com", "www.youtube-nocookie.com"}
_VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}


@dataclass(frozen=True)
class ExternalVideo:
    provider: str  # "youtube" or "vimeo"
    video_id: str

    @property
    def provider_name(self):
        return {"youtube": "YouTube", "vimeo": "Vimeo"}[self.provider]

    @property
    def watch_url(self):
        if self.provider == "youtube":
            return f"https://www.youtube.com/watch?v={self.video_id}"
        return f"https://vimeo.com/{self.video_id}"

    @property
    def embed_url(self):
        if self.provider == "youtube":
            return f"https://www.youtube-nocookie.com/embed/{self.video_id}?autoplay=1&rel=0"
        return f"https://player.vimeo.com/video/{self.video_id}?autoplay=1&dnt=1"


def parse_video_url(url):
    """The ExternalVideo an address points at, or None if it is not a YouTube or
    Vimeo video address."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme not in {"http", "https"} or parts.username or parts.password or parts.port:
        return None
    host = (parts.hostname or "").lower()
    segments = [segment for segment in parts.path.split("/") if segment]
    if host in _YOUTUBE_HOSTS:
        candidate = None
        if segments == ["watch"]:
            candidate = parse_qs(parts.query).get("v", [None])[0]
        elif len(segments) == 2 and segments[0] in {"embed", "shorts", "live", "v"}:
            candidate = segments[1]
        if candidate and _YOUTUBE_ID.match(candidate):
            return ExternalVideo("youtube", candidate)
    elif host == "youtu.be":
        if len(segments) == 1 and _YOUTUBE_ID.match(segments[0]):
            return ExternalVideo("youtube", segments[0])
    elif host in _VIMEO_HOSTS:
        if host == "player.vimeo.com":
            segments = segments[1:] if segments[:1] == ["video"] else []
        if len(segments) == 1 and _VIMEO_ID.match(segments[0]):
            return ExternalVideo("vimeo", segments[0])
    return None


def validate_video_url(url):
    if url and parse_video_url(url) is None:
        raise ValidationError(
            _(
                "Enter the address of a video on YouTube or Vimeo, "
                "e.g. https://www.youtube.com/watch?v=… or https://vimeo.com/…"
            ),
            code="invalid_video_url",
        )
