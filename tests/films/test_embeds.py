"""Films hosted on YouTube or Vimeo: address validation and the click-to-load embed."""

import pytest
from django.core.exceptions import ValidationError

from films.embeds import parse_video_url, validate_video_url


@pytest.mark.parametrize(
    ("url", "provider", "video_id"),
    [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "youtube", "dQw4w9WgXcQ"),
        ("https://youtube.com/watch?v=dQw4w9WgXcQ&t=10s", "youtube", "dQw4w9WgXcQ"),
        ("https://youtu.be/dQw4w9WgXcQ", "youtube", "dQw4w9WgXcQ"),
        ("https://www.youtube.com/embed/dQw4w9WgXcQ", "youtube", "dQw4w9WgXcQ"),
        ("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "youtube", "dQw4w9WgXcQ"),
        ("https://m.youtube.com/shorts/dQw4w9WgXcQ", "youtube", "dQw4w9WgXcQ"),
        ("https://vimeo.com/76979871", "vimeo", "76979871"),
        ("https://player.vimeo.com/video/76979871", "vimeo", "76979871"),
    ],
)
def test_accepted_addresses(url, provider, video_id):
    video = parse_video_url(url)
    assert (video.provider, video.video_id) == (provider, video_id)


@pytest.mark.parametrize(
    "url",
    [
        "",
        "https://example.com/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
        "https://evil.example/?u=https://youtu.be/dQw4w9WgXcQ",
        "javascript:alert(1)",
        "ftp://youtube.com/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com/watch?v=short",
        'https://www.youtube.com/watch?v=dQw4w9WgXcQ"><script>',
        "https://www.youtube.com/channel/UC123",
        "https://vimeo.com/channels/staffpicks",
        "https://user:pass@vimeo.com/76979871",
        "https://vimeo.com:8443/76979871",
    ],
)
def test_rejected_addresses(url):
    assert parse_video_url(url) is None


def test_embed_addresses_are_privacy_enhanced():
    assert parse_video_url("https://youtu.be/dQw4w9WgXcQ").embed_url.startswith(
        "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
    )
    assert "dnt=1" in parse_video_url("https://vimeo.com/76979871").embed_url


def test_validator_message():
    validate_video_url("https://vimeo.com/76979871")
    with pytest.raises(ValidationError, match="YouTube or Vimeo"):
        validate_video_url("https://example.com/film.mp4")


@pytest.mark.django_db
class TestExternalFilm:
    @pytest.fixture
    def film(self):
        from films.models import FilmPage

        page = FilmPage.objects.live().filter(locale__language_code="nl").order_by("path").first()
        page.video = None
        page.external_url = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
        page.save()
        return page

    def test_model_validation(self, film):
        film.full_clean()
        film.external_url = "https://example.com/film.mp4"
        with pytest.raises(ValidationError) as error:
            film.full_clean()
        assert "external_url" in error.value.message_dict
        film.external_url = ""
        with pytest.raises(ValidationError) as error:
            film.full_clean()
        assert "video" in error.value.message_dict

    def test_click_to_load(self, client, film):
        html = client.get(film.url).content.decode()
        # Nothing from the platform is loaded with the page: a plain link, and
        # the embed address only as data for the script.
        assert "<iframe" not in html
        assert 'href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"' in html
        assert 'data-embed-url="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ' in html
        assert '<script src="/static/films/embed.js" defer></script>' in html
        assert "<video" not in html
        assert "<script>" not in html
