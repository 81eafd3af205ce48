"""The film gallery and the film pages, in every language."""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from films.models import FilmIndexPage, FilmPage
from tests.languages import WRITTEN

pytestmark = pytest.mark.django_db


def _film(code, slug_en="what-soft-skills-are"):
    english = FilmPage.objects.get(locale__language_code="en", slug=slug_en)
    return (
        english
        if code == "en"
        else english.get_translation(english.get_translations().get(locale__language_code=code).locale)
    )


def _json_ld(html):
    return [
        json.loads(block) for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]


def _tracks(html):
    return re.findall(r"<track ([^>]*)>", html)


@pytest.mark.demo
class TestDemoContent:
    def test_ten_films_in_every_language(self):
        for code in WRITTEN:
            films = FilmPage.objects.live().filter(locale__language_code=code)
            assert films.count() >= 10
            assert all(film.cues for film in films)
            assert all(film.video and film.poster for film in films)

    def test_translations_keep_times_and_competences(self):
        english, french = _film("en"), _film("fr")
        assert [(cue.start, cue.end) for cue in english.cues] == [(cue.start, cue.end) for cue in french.cues]
        assert [cue.text for cue in english.cues] != [cue.text for cue in french.cues]
        assert set(french.competences.values_list("pk", flat=True)) == set(
            english.competences.values_list("pk", flat=True)
        )
        assert french.competences.exists()

    def test_films_appear_on_competence_pages(self):
        from competences.queries import linked_pages

        french = _film("fr")
        item = french.competences.first()
        assert french.pk in {page.pk for page in linked_pages(item, french.locale)}


class TestFilmPage:
    @pytest.mark.parametrize("code", WRITTEN)
    def test_renders_in_each_language(self, client, code):
        film = _film(code)
        response = client.get(film.url)
        assert response.status_code == 200
        html = response.content.decode()
        assert f"<h1>{film.title}</h1>" in html.replace("&#x27;", "'")
        assert html.count("<h1") == 1
        # The player: the browser's own controls, no autoplay, metadata only, a poster.
        video = re.search(r"<video [^>]*>", html).group(0)
        assert "controls" in video and 'preload="metadata"' in video and "poster=" in video
        assert "autoplay" not in video
        assert f'<source src="{film.url}video/" type="video/webm">' in html

    def test_french_page_has_french_default_track_and_offers_the_others(self, client):
        film = _film("fr")
        tracks = _tracks(client.get(film.url).content.decode())
        assert len(tracks) == len(WRITTEN)
        assert 'srclang="fr"' in tracks[0] and "default" in tracks[0] and 'kind="captions"' in tracks[0]
        assert 'label="Français"' in tracks[0]
        assert f'src="{film.url}captions/"' in tracks[0]
        others = {re.search(r'srclang="(\w+)"', track).group(1) for track in tracks[1:]}
        assert others == {"en", "nl"}
        assert not any("default" in track for track in tracks[1:])
        english_url = _film("en").url
        assert any(f'src="{english_url}captions/"' in track for track in tracks)

    def test_unpublished_translation_is_not_offered(self, client):
        _film("nl").unpublish()
        tracks = _tracks(client.get(_film("fr").url).content.decode())
        assert {re.search(r'srclang="(\w+)"', track).group(1) for track in tracks} == {"fr", "en"}

    def test_transcript_in_the_page_language(self, client):
        film = _film("nl")
        html = client.get(film.url).content.decode()
        transcript = re.search(r'<details class="film__transcript".*?</details>', html, re.S).group(0)
        for cue in film.cues:
            assert cue.text.replace("'", "&#x27;") in transcript
        assert "Hard skills get a task done." not in transcript

    def test_competences_shown_in_the_page_language(self, client):
        html = client.get(_film("fr").url).content.decode()
        assert "Flexibilité" in html
        assert "Flexibility" not in html

    def test_structured_data_video_object(self, client):
        film = _film("fr")
        data = _json_ld(client.get(film.url).content.decode())
        (video,) = [item for item in data if item["@type"] == "VideoObject"]
        assert video["name"] == film.title
        assert video["duration"] == "PT8S"
        assert video["inLanguage"] == "fr"
        assert video["contentUrl"].endswith(f"{film.url}video/")
        assert video["encodingFormat"] == "video/webm"
        assert video["thumbnailUrl"][0].startswith("http://testserver/")
        assert video["uploadDate"]
        assert video["description"]
        captions = {track["inLanguage"]: track for track in video["caption"]}
        assert set(captions) == set(WRITTEN)
        assert all(
            track["@type"] == "MediaObject" and track["encodingFormat"] == "text/vtt" for track in captions.values()
        )
        assert film.cues[0].text in video["transcript"]


class TestCaptionFile:
    @pytest.mark.parametrize("code", WRITTEN)
    def test_each_language_serves_its_own_webvtt(self, client, code):
        film = _film(code)
        response = client.get(film.url + "captions/")
        assert response.status_code == 200
        assert response["Content-Type"] == "text/vtt; charset=utf-8"
        text = response.content.decode("utf-8")
        assert text.startswith("WEBVTT\n\n")
        timings = re.findall(r"^\d{2}:\d{2}:\d{2}\.\d{3} --> \d{2}:\d{2}:\d{2}\.\d{3}$", text, re.M)
        assert len(timings) == len(film.cues)
        assert film.cues[0].text.split("\n")[0] in text

    def test_text_is_escaped(self, client):
        film = _film("en")
        film.captions = [("cue", {"start": 0, "end": 1000, "text": "<script>alert(1)</script> & -->"})]
        film.save()
        text = client.get(film.url + "captions/").content.decode()
        assert "<script>" not in text
        assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; --&gt;" in text

    def test_film_without_cues_has_no_caption_file(self, client):
        film = _film("en")
        film.captions = []
        film.save()
        assert client.get(film.url + "captions/").status_code == 404
        html = client.get(film.url).content.decode()
        assert 'srclang="en"' not in html
        assert 'class="film__transcript"' not in html


class TestGallery:
    @pytest.mark.parametrize("code", WRITTEN)
    def test_renders_cards_with_duration_and_caption_languages(self, client, code):
        index = FilmIndexPage.objects.get(locale__language_code=code)
        html = client.get(index.url).content.decode()
        assert html.count('class="card film-card"') == 10
        assert "0:08" in html
        languages = '<span lang="en">English</span>, <span lang="fr">Français</span>, <span lang="nl">Nederlands</span>'
        assert languages in html  # every language, in the site's order
        assert f'href="{_film(code).url}"' in html

    def test_filter_by_competence(self, client):
        index = FilmIndexPage.objects.get(locale__language_code="fr")
        response = client.get(index.url, {"competence": "LifeComp:P2"})
        html = response.content.decode()
        assert html.count('class="card film-card"') == 1
        assert _film("fr").title.replace("'", "&#x27;") in html
        # Options list only competences in use, with counts, in French.
        assert "Flexibilité (1)" in html
        assert "Communication (4)" in html
        assert "Pensée critique" not in html  # LifeComp L2: no film uses it

    @pytest.mark.parametrize("value", ["not-a-key", "00000000-0000-0000-0000-000000000000", "LifeComp:NOPE", "<b>"])
    def test_unknown_competence_shows_all_with_a_message(self, client, value):
        index = FilmIndexPage.objects.get(locale__language_code="en")
        response = client.get(index.url, {"competence": value, "page": "x"})
        assert response.status_code == 200
        html = response.content.decode()
        assert 'class="notice"' in html
        assert html.count('class="card film-card"') == 10

    def test_query_count_does_not_grow_with_films(self, client):
        index = FilmIndexPage.objects.get(locale__language_code="en")
        template = FilmPage.objects.live().filter(locale=index.locale).order_by("path").first()

        def count():
            client.get(index.url)  # renditions are made on the first view
            with CaptureQueriesContext(connection) as queries:
                assert client.get(index.url).status_code == 200
            return len(queries)

        before = count()
        for number in range(2):
            film = FilmPage(
                title=f"Extra film {number}",
                slug=f"extra-film-{number}",
                video=template.video,
                poster=template.poster,
                duration=12,
                captions=[("cue", {"start": 0, "end": 1000, "text": "Extra"})],
            )
            index.add_child(instance=film)
            film.competences.set(template.competences.all())
            film.save_revision().publish()
        assert FilmPage.objects.live().child_of(index).count() == 12
        assert count() == before


def test_related_methods_and_cases_in_the_page_language(client):
    french = _film("fr")
    english = _film("en")
    chosen = [block.value for block in english.related_pages]
    assert chosen
    html = client.get(french.url).content.decode()
    section = re.search(r'<section aria-labelledby="film-related">.*?</section>', html, re.S).group(0)
    for page in chosen:
        translation = page.get_translation(french.locale)
        assert f'href="{translation.url}"' in section
        assert f'href="{page.url}"' not in section
