"""Who sees what: the report, each partner's dashboard, the exports, and the attendance evidence of
an event, for every role, on every path (GET and HEAD on the evidence download)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from reporting import access
from reporting.models import AttendanceEvidence

from .conftest import PERIOD, make_event, make_method, make_user, register

pytestmark = pytest.mark.django_db

SHEET = b"%PDF-1.4 sign-in sheet of Alpha's event\n"


@pytest.fixture
def event(partners):
    return make_event(partners[0], country="BE")


@pytest.fixture
def assessor(partners):
    """A badge assessor of Alpha: one of Alpha's people too."""
    from badges import roles
    from badges.models import IssuerProfile

    issuer = IssuerProfile.objects.create(partner_key=partners[0].translation_key, name="Alpha College")
    return make_user("report-assessor", roles.setup_issuer_roles(issuer))


@pytest.fixture
def evidence(event, private_media):
    return AttendanceEvidence.objects.create(
        event_key=event.translation_key,
        kind=AttendanceEvidence.Kind.SIGN_IN_SHEET,
        file=SimpleUploadedFile("sign-in.pdf", SHEET),
        original_name="sign-in.pdf",
    )


def refused_by_the_admin(response):
    """Wagtail's admin answers a refusal with a redirect to its dashboard and a message."""
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def login(client, people, role, assessor=None):
    if role == "assessor":
        client.force_login(assessor)
    elif role != "anonymous":
        client.force_login(people[role])


ALLOWED = {"coordinator", "superuser", "partner-a", "assessor"}
ROLES = ["anonymous", "editor", "partner-b", "partner-a", "assessor", "coordinator", "superuser"]


# Attendance evidence ---------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["get", "head"])
@pytest.mark.parametrize("role", ROLES)
def test_evidence_is_served_to_coordinators_and_the_events_partner_only(
    client, people, assessor, evidence, role, method
):
    login(client, people, role, assessor)
    response = getattr(client, method)(reverse("reporting_evidence_download", args=[evidence.pk]))
    if role in ALLOWED:
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith('attachment; filename="sign-in.pdf"')
        assert response["Content-Type"] == "application/pdf"
        assert int(response["Content-Length"]) == len(SHEET)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert body == (SHEET if method == "get" else b"")
    else:
        assert response.status_code == 403
        assert SHEET not in response.content
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_an_unknown_piece_of_evidence_is_refused_like_a_forbidden_one(client, people, evidence):
    unknown = reverse("reporting_evidence_download", args=[evidence.pk + 1000])
    forbidden = reverse("reporting_evidence_download", args=[evidence.pk])
    client.force_login(people["partner-b"])
    assert client.get(unknown).status_code == client.get(forbidden).status_code == 403
    client.force_login(people["coordinator"])
    assert client.get(unknown).status_code == 403


def test_evidence_is_never_kept_by_the_page_cache_nor_indexed(client, people, evidence, production_caching):
    from caching import page_cache

    client.force_login(people["partner-a"])
    response = client.get(reverse("reporting_evidence_download", args=[evidence.pk]))
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "X-Page-Cache" not in response
    assert not page_cache.cacheable_response(response.wsgi_request, response)
    client.logout()
    assert client.get(reverse("reporting_evidence_download", args=[evidence.pk])).status_code == 403, (
        "nothing served to the partner is served again to the next visitor"
    )


def test_evidence_is_neither_in_the_sitemap_nor_in_search(client, evidence):
    from wagtail.search import index

    sitemap = client.get("/sitemap.xml")
    pages = [client.get(location).content.decode() for location in _sitemap_parts(sitemap.content.decode())]
    assert not any("/private/" in text for text in [sitemap.content.decode(), *pages])
    assert not issubclass(AttendanceEvidence, index.Indexed)


def _sitemap_parts(text):
    import re

    return [re.sub(r"^https?://[^/]+", "", url) for url in re.findall(r"<loc>([^<]+sitemap[^<]*)</loc>", text)]


def test_the_file_is_kept_outside_the_public_media(evidence, settings):
    from pathlib import Path

    stored = Path(evidence.file.path).resolve()
    assert Path(settings.PRIVATE_MEDIA_ROOT).resolve() in stored.parents
    assert Path(settings.MEDIA_ROOT).resolve() not in stored.parents
    assert "sign-in" not in stored.name, "stored under a random name"


@pytest.mark.parametrize("role", ROLES)
def test_evidence_is_listed_and_added_by_coordinators_and_the_events_partner_only(
    client, people, assessor, event, role, private_media
):
    login(client, people, role, assessor)
    url = reverse("reporting_event_evidence", args=[event.translation_key])
    upload = SimpleUploadedFile("photo.jpg", b"\xff\xd8\xff photo", content_type="image/jpeg")
    response = client.post(url, {"kind": "photo", "title": "Group photo", "file": upload})
    added = AttendanceEvidence.objects.filter(event_key=event.translation_key, title="Group photo")
    if role in ALLOWED:
        assert response.status_code == 302 and added.count() == 1
        assert client.get(url).status_code == 200
    else:
        assert not added.exists()
        if role == "anonymous":
            assert response.status_code == 302 and "/login/" in response["Location"]
        else:
            assert refused_by_the_admin(response)
            assert refused_by_the_admin(client.get(url))


@pytest.mark.parametrize("role", ["partner-b", "editor"])
def test_another_partner_cannot_delete_evidence(client, people, evidence, role):
    client.force_login(people[role])
    assert refused_by_the_admin(client.post(reverse("reporting_evidence_delete", args=[evidence.pk])))
    assert AttendanceEvidence.objects.filter(pk=evidence.pk).exists()


def test_the_events_partner_deletes_evidence_and_its_file(client, people, evidence):
    from pathlib import Path

    path = Path(evidence.file.path)
    client.force_login(people["partner-a"])
    assert client.post(reverse("reporting_evidence_delete", args=[evidence.pk])).status_code == 302
    assert not AttendanceEvidence.objects.filter(pk=evidence.pk).exists() and not path.exists()


def test_a_file_that_is_not_a_document_or_image_is_refused(client, people, event, private_media):
    client.force_login(people["partner-a"])
    upload = SimpleUploadedFile("list.html", b"<script>alert(1)</script>", content_type="text/html")
    url = reverse("reporting_event_evidence", args=[event.translation_key])
    response = client.post(url, {"kind": "other", "file": upload})
    assert response.status_code == 200 and not AttendanceEvidence.objects.exists()


# The report, the dashboards and the exports -------------------------------------------------------


def test_a_user_is_tied_to_a_partner_by_its_team_or_its_badge_assessors(people, assessor, partners):
    alpha, beta = (str(partner.translation_key) for partner in partners)
    assert access.partner_keys(people["partner-a"]) == {alpha}
    assert access.partner_keys(people["partner-b"]) == {beta}
    assert access.partner_keys(assessor) == {alpha}
    assert access.partner_keys(people["editor"]) == set()
    assert access.partner_keys(AnonymousUser()) == set()


@pytest.mark.parametrize(
    ("role", "alpha", "beta"),
    [
        ("coordinator", True, True),
        ("superuser", True, True),
        ("partner-a", True, False),
        ("partner-b", False, True),
        ("assessor", True, False),
        ("editor", False, False),
    ],
)
def test_each_partner_sees_its_own_dashboard_only(client, people, assessor, partners, role, alpha, beta):
    login(client, people, role, assessor)
    for partner, allowed in zip(partners, (alpha, beta), strict=True):
        response = client.get(reverse("reporting_partner", args=[partner.translation_key]))
        if allowed:
            assert response.status_code == 200 and partner.name in response.content.decode(), partner.name
        else:
            assert refused_by_the_admin(response), partner.name


def test_anonymous_visitors_are_sent_to_the_login_page(client, partners):
    for url in (
        reverse("reporting_report"),
        reverse("reporting_xlsx"),
        reverse("reporting_csv"),
        reverse("reporting_partner", args=[partners[0].translation_key]),
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"]


def test_a_partners_people_are_taken_from_the_report_to_their_dashboard(client, people, partners):
    client.force_login(people["partner-b"])
    response = client.get(reverse("reporting_report"), {"start": "2025-03-01", "end": "2025-06-30"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("reporting_partner", args=[partners[1].translation_key]))
    assert "start=2025-03-01" in response["Location"]


def test_the_menu_offers_the_report_to_coordinators_and_partners_only(client, people):
    for role, shown in (("coordinator", True), ("partner-a", True), ("editor", False)):
        client.force_login(people[role])
        html = client.get(reverse("wagtailadmin_home")).content
        assert (reverse("reporting_report").encode() in html) is shown, role


@pytest.mark.parametrize(
    ("role", "scope", "expected"),
    [
        ("coordinator", None, True),
        ("coordinator", "b", True),
        ("partner-a", None, False),
        ("partner-a", "a", True),
        ("partner-a", "b", False),
        ("editor", "a", False),
    ],
)
@pytest.mark.parametrize("name", ["reporting_xlsx", "reporting_csv"])
def test_exports_follow_the_same_rule(client, people, partners, role, scope, expected, name):
    client.force_login(people[role])
    query = {"start": PERIOD.start, "end": PERIOD.end}
    if scope:
        query["partner"] = partners[0 if scope == "a" else 1].translation_key
    response = client.get(reverse(name), query)
    if expected:
        assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")
    else:
        assert refused_by_the_admin(response)


def test_the_dashboard_lists_the_partners_events_content_and_figures(client, people, partners, event):
    from bs4 import BeautifulSoup

    alpha, beta = partners
    register(event, 3, attended=True)
    method = make_method(alpha)
    others = make_event(beta, country="NL")
    client.force_login(people["partner-a"])
    url = reverse("reporting_partner", args=[alpha.translation_key])
    response = client.get(url, {"start": PERIOD.start, "end": PERIOD.end})
    html = BeautifulSoup(response.content, "lxml")
    text = html.get_text()
    assert event.title in text and method.title in text and others.title not in text
    assert html.find("a", href=reverse("reporting_event_evidence", args=[event.translation_key]))
    participants = html.select_one('section[data-indicator="participants"] tr[data-code="total"] td')
    assert participants["data-value"] == "3"
    assert beta.name not in text, "another partner's figures are not on the page"


def test_the_report_speaks_the_admins_language(client, people):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(people["coordinator"])
    profile.preferred_language = "fr"
    profile.save()
    client.force_login(people["coordinator"])
    html = client.get(reverse("reporting_report")).content.decode()
    assert "Rapport d’avancement" in html and "Participation aux ateliers" in html


@pytest.mark.parametrize(("role", "shown"), [("coordinator", True), ("partner-a", True), ("partner-b", False)])
def test_the_event_header_offers_the_evidence_to_those_who_may_see_it(people, event, role, shown):
    from reporting.wagtail_hooks import attendance_evidence_button

    buttons = list(attendance_evidence_button(event, people[role], "edit"))
    assert [button.url for button in buttons] == (
        [reverse("reporting_event_evidence", args=[event.translation_key])] if shown else []
    )


def test_the_event_editor_links_its_evidence(client, people, event):
    client.force_login(people["coordinator"])
    html = client.get(reverse("wagtailadmin_pages:edit", args=[event.pk])).content.decode()
    assert reverse("reporting_event_evidence", args=[event.translation_key]) in html
