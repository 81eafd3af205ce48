"""Uploads are limited by kind and size; a refused file gets a form error and nothing is stored."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from tests.fresh_settings import read_settings

pytestmark = pytest.mark.django_db

Document = get_document_model()
Image = get_image_model()


@pytest.fixture
def admin_client(client, admin_user, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(admin_user)
    return client


def png_bytes(size=(8, 8)):
    buffer = BytesIO()
    PILImage.new("RGB", size, "teal").save(buffer, "PNG")
    return buffer.getvalue()


def add_document(client, name, content, title="Upload"):
    upload = SimpleUploadedFile(name, content)
    return client.post(
        "/admin/documents/add/", {"title": title, "file": upload, "collection": Collection.get_first_root_node().pk}
    )


def add_image(client, name, content, title="Upload"):
    upload = SimpleUploadedFile(name, content)
    return client.post(
        "/admin/images/add/", {"title": title, "file": upload, "collection": Collection.get_first_root_node().pk}
    )


def field_errors(response):
    return " ".join(str(error) for error in response.context["form"].errors.get("file", []))


@pytest.mark.parametrize("name", ["tool.exe", "page.html", "archive.zip", "script.js"])
def test_a_document_of_a_kind_the_site_does_not_publish_is_refused(admin_client, name):
    before = Document.objects.count()
    response = add_document(admin_client, name, b"content")
    assert response.status_code == 200
    assert "is not allowed" in field_errors(response)
    assert "pdf" in field_errors(response)  # the message says what is allowed
    assert Document.objects.count() == before


def test_a_document_over_the_size_limit_is_refused_with_both_sizes(admin_client, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    before = Document.objects.count()
    response = add_document(admin_client, "report.pdf", b"%PDF-1.4\n" + b"0" * 4096)
    assert response.status_code == 200
    message = field_errors(response)
    assert "too big" in message and "1.0\xa0KB" in message
    assert Document.objects.count() == before


@pytest.mark.parametrize("name", ["edition.epub", "edition.pdf", "film.webm", "film.mp4", "captions.vtt", "sheet.xlsx"])
def test_the_kinds_the_site_publishes_are_accepted(admin_client, name):
    response = add_document(admin_client, name, b"content", title=name)
    assert response.status_code == 302
    assert Document.objects.filter(title=name).exists()


def test_the_multiple_upload_view_refuses_with_a_message_too(admin_client):
    before = Document.objects.count()
    response = admin_client.post(
        "/admin/documents/multiple/add/",
        {"files[]": SimpleUploadedFile("tool.exe", b"MZ"), "collection": Collection.get_first_root_node().pk},
    )
    assert response.status_code == 200
    data = response.json()
    assert data["success"] is False and "is not allowed" in data["error_message"]
    assert Document.objects.count() == before


def test_an_svg_image_is_refused(admin_client):
    before = Image.objects.count()
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    response = add_image(admin_client, "logo.svg", svg)
    assert response.status_code == 200
    assert "Not a supported image format" in field_errors(response)
    assert Image.objects.count() == before


def test_an_image_over_the_size_limit_is_refused(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 64
    before = Image.objects.count()
    response = add_image(admin_client, "photo.png", png_bytes((64, 64)))
    assert response.status_code == 200
    assert "too big" in field_errors(response)
    assert Image.objects.count() == before


def test_a_file_renamed_to_look_like_an_image_is_refused(admin_client):
    before = Image.objects.count()
    response = add_image(admin_client, "photo.png", b"%PDF-1.4 not an image")
    assert response.status_code == 200
    assert field_errors(response)
    assert Image.objects.count() == before


def test_a_valid_image_is_accepted(admin_client):
    response = add_image(admin_client, "photo.png", png_bytes(), title="A photo")
    assert response.status_code == 302
    assert Image.objects.filter(title="A photo").exists()


def test_the_size_limits_are_read_from_the_environment():
    limits = ["WAGTAILDOCS_MAX_UPLOAD_SIZE", "WAGTAILIMAGES_MAX_UPLOAD_SIZE"]
    configured = read_settings(limits, UPLOAD_MAX_DOCUMENT_MB="50", UPLOAD_MAX_IMAGE_MB="4")
    assert configured == {
        "WAGTAILDOCS_MAX_UPLOAD_SIZE": 50 * 1024 * 1024,
        "WAGTAILIMAGES_MAX_UPLOAD_SIZE": 4 * 1024 * 1024,
    }
    defaults = read_settings(limits, UPLOAD_MAX_DOCUMENT_MB=None, UPLOAD_MAX_IMAGE_MB=None)
    assert defaults == {
        "WAGTAILDOCS_MAX_UPLOAD_SIZE": 200 * 1024 * 1024,
        "WAGTAILIMAGES_MAX_UPLOAD_SIZE": 10 * 1024 * 1024,
    }
