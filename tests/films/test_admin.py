"""Editing films: caption upload through the page edit form, cue validation, the related
pages (methods and cases only), and what wagtail-localize offers for translation."""

from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from films.models import FilmPage
from practices.models import CaseStudyPage
from toolkit.models import ToolPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def film():
    return FilmPage.objects.get(locale__language_code="en", slug="what-soft-skills-are")


def _post_data(film, cues, upload=None, related=()):
    data = nested_form_data(
        {
            "title": film.title,
            "slug": film.slug,
            "intro": film.intro,
            "video": film.video_id,
            "external_url": "",
            "poster": film.poster_id,
            "duration": film.duration,
            "spoken_language": film.spoken_language,
            "synopsis": rich_text(film.synopsis),
            "credits": film.credits,
            "related_pages": streamfield([("page", pk) for pk in related]),
            "captions": streamfield([("cue", cue) for cue in cues]),
            "seo_title": "",
            "search_description": "",
            "go_live_at": "",
            "expire_at": "",
            "comments": inline_formset([]),
        }
    )
    data["competences"] = [str(pk) for pk in film.competences.values_list("pk", flat=True)]
    if upload is not None:
        data["captions_file"] = upload
    return data


def _edit(client, film, data):
    return client.post(reverse("wagtailadmin_pages:edit", args=[film.pk]), data)


def test_edit_form_offers_the_upload(admin_client, film):
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[film.pk])).content.decode()
    assert 'name="captions_file"' in html
    assert 'accept=".vtt,.srt,text/vtt"' in html


def test_malformed_file_is_rejected_with_its_line_and_nothing_is_saved(admin_client, film):
    revisions = film.revisions.count()
    cues_before = film.cues
    upload = SimpleUploadedFile(
        "captions.vtt",
        b"WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nFine\n\n2\n00:00:05.000 --> 00:00:04.000\nBackwards\n",
        content_type="text/vtt",
    )
    response = _edit(admin_client, film, _post_data(film, [{"start": "0", "end": "1", "text": "Typed"}], upload))
    assert response.status_code == 200
    html = response.content.decode()
    assert "The caption file was not used. Line 8:" in html
    assert "before it starts" in html
    film.refresh_from_db()
    assert film.revisions.count() == revisions
    assert FilmPage.objects.get(pk=film.pk).cues == cues_before


def test_valid_file_replaces_the_cues(admin_client, film):
    upload = SimpleUploadedFile(
        "captions.srt",
        "\ufeff1\r\n00:00:01,000 --> 00:00:02,500\r\nFirst, uploaded\r\n\r\n2\r\n00:00:02,500 --> 00:00:04,000\r\n"
        "Second\r\non two lines\r\n".encode(),
    )
    response = _edit(admin_client, film, _post_data(film, [{"start": "0", "end": "1", "text": "Typed"}], upload))
    assert response.status_code == 302
    draft = FilmPage.objects.get(pk=film.pk).get_latest_revision_as_object()
    assert [(cue.start, cue.end, cue.text) for cue in draft.cues] == [
        (1000, 2500, "First, uploaded"),
        (2500, 4000, "Second\non two lines"),
    ]


@pytest.mark.parametrize("name", ["captions.txt", "captions.vtt.exe"])
def test_other_file_types_are_refused(admin_client, film, name):
    response = _edit(admin_client, film, _post_data(film, [], SimpleUploadedFile(name, b"WEBVTT\n")))
    assert response.status_code == 200
    assert "Upload a .vtt (WebVTT) or .srt (SubRip) file." in response.content.decode()


def test_typed_cues_accept_timestamps_or_seconds(admin_client, film):
    cues = [
        {"start": "00:00:00.500", "end": "1.75", "text": "One"},
        {"start": "00:02.000", "end": "00:00:03.000", "text": "Two"},
    ]
    assert _edit(admin_client, film, _post_data(film, cues)).status_code == 302
    draft = FilmPage.objects.get(pk=film.pk).get_latest_revision_as_object()
    assert [(cue.start, cue.end) for cue in draft.cues] == [(500, 1750), (2000, 3000)]


@pytest.mark.parametrize(
    ("cues", "message"),
    [
        ([{"start": "00:00:03.000", "end": "00:00:02.000", "text": "Backwards"}], "A cue must end after it starts."),
        ([{"start": "soon", "end": "00:00:02.000", "text": "Bad"}], "Enter a time like"),
        (
            [
                {"start": "00:00:05.000", "end": "00:00:06.000", "text": "Later"},
                {"start": "00:00:01.000", "end": "00:00:02.000", "text": "Earlier"},
            ],
            "The cues must be in time order",
        ),
    ],
)
def test_invalid_typed_cues(admin_client, film, cues, message):
    revisions = film.revisions.count()
    response = _edit(admin_client, film, _post_data(film, cues))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert film.revisions.count() == revisions


def test_only_cue_text_is_offered_for_translation(film):
    paths = [segment.path for segment in extract_segments(film) if isinstance(segment, StringSegmentValue)]
    caption_paths = [path for path in paths if path.startswith("captions.")]
    assert len(caption_paths) == len(film.cues)
    assert all(path.endswith(".text") for path in caption_paths)


def test_the_related_pages_chooser_offers_methods_and_cases_only(admin_client, film):
    html = unescape(admin_client.get(reverse("wagtailadmin_pages:edit", args=[film.pk])).content.decode())
    assert '"modelNames": ["toolkit.toolpage", "practices.casestudypage"]' in html


def test_a_method_and_a_case_can_be_related(admin_client, film):
    method = ToolPage.objects.filter(locale=film.locale).first()
    case = CaseStudyPage.objects.filter(locale=film.locale).first()
    response = _edit(admin_client, film, _post_data(film, [], related=[method.pk, case.pk]))
    assert response.status_code == 302
    draft = FilmPage.objects.get(pk=film.pk).get_latest_revision_as_object()
    assert [block.value.pk for block in draft.related_pages] == [method.pk, case.pk]


def test_a_page_of_another_type_is_refused_as_related(admin_client, film):
    other_film = FilmPage.objects.filter(locale=film.locale).exclude(pk=film.pk).first()
    revisions = film.revisions.count()
    response = _edit(admin_client, film, _post_data(film, [], related=[other_film.pk]))
    assert response.status_code == 200
    assert "Choose a page of one of these types: training method, case study." in response.content.decode()
    assert film.revisions.count() == revisions
