"""What each role may do on every admin path that edits, translates or publishes.

Each row of MATRIX is something a person tries, by the request the admin would
send; each column is a role. The outcome is read from the database afterwards:

- allowed: done (and live, when the action publishes);
- review: saved and sent to the "Coordinator review" workflow; nothing went live;
- draft: saved as a draft; nothing went live;
- refused: nothing changed (the person got an error, or the login page).

"Own language" is an editor's language; translators and coordinators work in every
language, so for them it is one language (French, Dutch) and "another" a second.
The README's roles section shows the same table (markdown_table()).
"""

from dataclasses import dataclass
from urllib.parse import urlencode

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, TestCase
from django.urls import reverse
from django.utils.text import slugify
from wagtail.models import Locale, Page, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator

from competences.models import Framework
from core.models import SiteFooter
from events.models import Speaker
from home.models import HomePage, StandardPage
from partners.models import Partner

from .factories import UserFactory, person_in

pytestmark = pytest.mark.django_db

ALLOWED, REVIEW, DRAFT, REFUSED = "allowed", "review", "draft", "refused"
ROLES = ["anonymous", "editor-en", "editor-fr", "editor-nl", "translator", "coordinator"]
# The language of each role's "own language" rows, and of its "another language" rows.
OWN = dict(zip(ROLES, ["fr", "en", "fr", "nl", "fr", "nl"], strict=True))
OTHER = dict(zip(ROLES, ["nl", "fr", "nl", "en", "nl", "fr"], strict=True))
CHANGED = "Changed by the role matrix"


class CommittingClient(Client):
    """Django's test client, running what each request leaves for its transaction's
    commit (wagtail-localize publishes then), as outside a test's transaction."""

    def request(self, **request):
        with TestCase.captureOnCommitCallbacks(execute=True):
            return super().request(**request)


@pytest.fixture
def client():
    return CommittingClient()


# --- Pages and translations made for each try -------------------------------------------


def locale(code):
    return Locale.objects.get(language_code=code)


def new_page(code, title, live=True):
    """An original page (not a translation) under the home page of language `code`."""
    page = StandardPage(title=title, slug=slugify(title), intro="Before", live=live)
    HomePage.objects.get(locale__language_code=code).add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    return StandardPage.objects.get(pk=page.pk)


def new_translation(code):
    """A live page written in another language, translated into `code` through
    wagtail-localize, its title translated: (translation, the draft translated page)."""
    source = new_page("fr" if code == "en" else "en", f"Role matrix source into {code}")
    TranslationCreator(None, [locale(code)]).create_translations(source)
    translation = Translation.objects.get(source__object_id=source.translation_key, target_locale=locale(code))
    segment = translation.source.stringsegment_set.select_related("string", "context").get(context__path="title")
    StringTranslation.objects.create(
        translation_of=segment.string, context=segment.context, locale=locale(code), data=CHANGED
    )
    return translation, translation.get_target_instance()


def page_outcome(page):
    """What became of CHANGED on `page`: live, waiting for review, a draft, or nothing."""
    page = Page.objects.get(pk=page.pk).specific
    if page.live and page.title == CHANGED:
        return ALLOWED
    if page.get_latest_revision_as_object().title == CHANGED:
        state = page.current_workflow_state
        return REVIEW if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS else DRAFT
    return REFUSED


def edit_url(obj):
    if isinstance(obj, Page):
        return reverse("wagtailadmin_pages:edit", args=[obj.pk])
    return reverse(f"wagtailsnippets_{obj._meta.app_label}_{obj._meta.model_name}:edit", args=[obj.pk])


def page_form(page, **changes):
    """The page editor's form for a standard page with an empty body."""
    fields = {
        "title": page.title,
        "slug": page.slug,
        "intro": page.intro,
        "seo_title": "",
        "search_description": "",
        "body": streamfield([]),
        "comments": inline_formset([]),
    }
    return nested_form_data(fields | changes)


def po_file(translation, text):
    """The translation's PO file, as wagtail-localize exports it, with its first string translated."""
    po = translation.export_po()
    po[0].msgstr = text
    return SimpleUploadedFile("translation.po", str(po).encode(), content_type="text/x-gettext-translation")


def refused(response):
    assert response.status_code in (302, 401, 403, 405), response.status_code
    return REFUSED


# --- Pages ---------------------------------------------------------------------------------


def edit_page(client, role, code):
    page = new_page(code, f"Role matrix edit {code}")
    response = client.get(edit_url(page))
    return ALLOWED if response.status_code == 200 else refused(response)


def publish_in_page_editor(client, role, code, button="action-publish"):
    page = new_page(code, f"Role matrix publish {code}")
    client.post(edit_url(page), page_form(page, title=CHANGED) | {button: button})
    return page_outcome(page)


def submit_in_page_editor(client, role):
    return publish_in_page_editor(client, role, OWN[role], button="action-submit")


def publish_in_translation_editor(client, role, code):
    _translation, page = new_translation(code)
    client.post(edit_url(page), {"action": "publish"})
    return page_outcome(page)


def sync_and_publish(client, role):
    translation, page = new_translation(OWN[role])
    url = reverse("wagtail_localize:update_translations", args=[translation.source_id])
    client.post(url, {"publish_translations": "on"})
    return page_outcome(page)


def upload_po_for_page(client, role, code):
    translation, page = new_translation(code)
    url = reverse("wagtail_localize:upload_pofile", args=[translation.pk])
    client.post(url, {"file": po_file(translation, "From a PO file"), "next": "/admin/"})
    assert not Page.objects.get(pk=page.pk).live  # a PO file only fills in the translation
    saved = StringTranslation.objects.filter(locale=translation.target_locale, data="From a PO file").exists()
    return ALLOWED if saved else REFUSED


def approve_in_workflow(client, role):
    code = OWN[role]
    page = new_page(code, f"Role matrix review {code}")
    author = UserFactory(role=f"editor-{code}")
    page.title = CHANGED
    page.save_revision(user=author)
    task_state = page.get_workflow().start(page, author).current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    response = client.post(url, {"comment": ""})
    return ALLOWED if page_outcome(page) == ALLOWED else refused(response)


def stop_translation(client, role):
    translation, _page = new_translation(OWN[role])
    client.post(reverse("wagtail_localize:stop_translation", args=[translation.pk]), {"next": "/admin/"})
    translation.refresh_from_db()
    return REFUSED if translation.enabled else ALLOWED


def bulk_publish(client, role):
    page = new_page(OWN[role], "Role matrix bulk draft", live=False)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    client.post(f"{url}?id={page.pk}", {})
    return ALLOWED if Page.objects.get(pk=page.pk).live else REFUSED


def convert_to_alias(client, role):
    _translation, page = new_translation(OWN[role])
    response = client.post(reverse("wagtail_localize:convert_to_alias", args=[page.pk]), {})
    return ALLOWED if Page.objects.get(pk=page.pk).alias_of_id else refused(response)


def publish_through_admin_api(client, role):
    page = new_page(OWN[role], "Role matrix API draft", live=False)
    client.post(f"/admin/api/main/pages/{page.pk}/action/publish/", {}, content_type="application/json")
    return ALLOWED if Page.objects.get(pk=page.pk).live else REFUSED


def read_public_api(client, role):
    response = client.get("/api/v2/pages/", {"locale": "fr"})
    assert response.status_code == 200
    return ALLOWED if response.json()["items"] else REFUSED


def write_public_api(client, role):
    page = new_page("fr", "Role matrix public API")
    body = {"title": CHANGED}
    answers = [
        client.post("/api/v2/pages/", body, content_type="application/json"),
        client.put(f"/api/v2/pages/{page.pk}/", body, content_type="application/json"),
        client.patch(f"/api/v2/pages/{page.pk}/", body, content_type="application/json"),
        client.delete(f"/api/v2/pages/{page.pk}/"),
    ]
    assert Page.objects.get(pk=page.pk).title != CHANGED
    return ALLOWED if any(answer.status_code < 400 for answer in answers) else REFUSED


# --- Deposits and alert subscriptions (coordinators' admin views) ----------------------------


def open_deposits(client, role):
    from deposits import datacite

    key = datacite.items()[0].key
    answers = [
        client.get(reverse("deposits_index")),
        client.get(reverse("deposits_metadata", args=[key])),
        client.get(reverse("deposits_package", args=[key])),
        client.get(reverse("deposits_export", args=["keep-eu"])),
    ]
    return ALLOWED if all(answer.status_code == 200 for answer in answers) else REFUSED


def record_deposit_doi(client, role):
    from deposits import datacite
    from deposits.models import Deposit

    item = datacite.items()[0]
    client.post(reverse("deposits_record", args=[item.key]), {"doi": "10.5281/zenodo.42", "record_url": ""})
    return ALLOWED if Deposit.objects.filter(page_id=item.page.pk, doi="10.5281/zenodo.42").exists() else REFUSED


def see_alert_subscriptions(client, role):
    from alerts.models import Subscription

    Subscription.objects.create(email="role-matrix@example.org", language="fr", kinds=["methods"])
    response = client.get(reverse("alert_subscriptions:index"))
    return ALLOWED if response.status_code == 200 and b"role-matrix@example.org" in response.content else REFUSED


# --- The coordinators' snippets --------------------------------------------------------------


@dataclass
class Snippet:
    label: str
    model: type
    field: str  # a translatable text field

    def translated(self):
        """An English object with a French translation made by wagtail-localize: (object, source)."""
        for obj in self.model.objects.filter(locale__language_code="en").order_by("pk"):
            source = TranslationSource.objects.get_for_instance_or_none(obj)
            if source and source.translations.filter(enabled=True, target_locale__language_code="fr").exists():
                return obj, source
        pytest.fail(f"the demo translates the {self.label} with wagtail-localize")


SNIPPETS = [
    Snippet("partners", Partner, "description"),
    Snippet("framework", Framework, "description"),
    Snippet("footer", SiteFooter, "disclaimer"),
    Snippet("speakers", Speaker, "role"),
]


def edit_snippet(snippet):
    def attempt(client, role):
        obj, _source = snippet.translated()
        answers = [client.get(edit_url(obj)), client.get(edit_url(obj.get_translation(locale("fr"))))]
        if all(answer.status_code == 200 for answer in answers):
            return ALLOWED
        return [refused(answer) for answer in answers][0]

    return attempt


def submit_snippet_translation(snippet):
    def attempt(client, role):
        obj, _source = snippet.translated()
        obj.get_translation(locale("nl")).delete()
        meta = obj._meta
        url = reverse("wagtail_localize:submit_snippet_translation", args=[meta.app_label, meta.model_name, obj.pk])
        response = client.post(url, {"locales": [locale("nl").pk]})
        created = snippet.model.objects.filter(translation_key=obj.translation_key, locale=locale("nl")).exists()
        return ALLOWED if created else refused(response)

    return attempt


def sync_snippet(snippet):
    def attempt(client, role):
        obj, source = snippet.translated()
        setattr(obj, snippet.field, CHANGED)
        obj.save()
        response = client.post(
            reverse("wagtail_localize:update_translations", args=[source.pk]), {"publish_translations": "on"}
        )
        french = obj.get_translation(locale("fr"))
        return ALLOWED if getattr(french, snippet.field) == CHANGED else refused(response)

    return attempt


def translate_snippet_string(snippet):
    def attempt(client, role):
        _obj, source = snippet.translated()
        translation = source.translations.get(target_locale__language_code="fr")
        segment = source.stringsegment_set.order_by("order").first()
        url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
        response = client.put(url, urlencode({"value": CHANGED}), content_type="application/x-www-form-urlencoded")
        saved = StringTranslation.objects.filter(locale__language_code="fr", data=CHANGED).exists()
        return ALLOWED if saved else refused(response)

    return attempt


def upload_po_for_snippet(snippet):
    def attempt(client, role):
        _obj, source = snippet.translated()
        translation = source.translations.get(target_locale__language_code="fr")
        url = reverse("wagtail_localize:upload_pofile", args=[translation.pk])
        response = client.post(url, {"file": po_file(translation, CHANGED), "next": "/admin/"})
        saved = StringTranslation.objects.filter(locale__language_code="fr", data=CHANGED).exists()
        return ALLOWED if saved else refused(response)

    return attempt


# --- The matrix ------------------------------------------------------------------------------

A, V, D, R = ALLOWED, REVIEW, DRAFT, REFUSED


@dataclass
class Row:
    action: str
    attempt: object
    outcomes: list  # in the order of ROLES


# fmt: off
MATRIX = [
    # action                                                     anon en fr nl translator coordinator
    Row("Open a page in the page editor, own language", lambda c, r: edit_page(c, r, OWN[r]), [R, A, A, A, A, A]),
    Row("Open a page in the page editor, another language", lambda c, r: edit_page(c, r, OTHER[r]), [R, R, R, R, A, A]),
    Row("Publish from the page editor, own language", lambda c, r: publish_in_page_editor(c, r, OWN[r]),
        [R, D, D, D, D, A]),
    Row("Publish from the page editor, another language", lambda c, r: publish_in_page_editor(c, r, OTHER[r]),
        [R, R, R, R, D, A]),
    Row("Submit to Coordinator review from the page editor", submit_in_page_editor, [R, V, V, V, V, V]),
    Row("Publish from the translation editor, own language",
        lambda c, r: publish_in_translation_editor(c, r, OWN[r]), [R, V, V, V, V, A]),
    Row("Publish from the translation editor, another language",
        lambda c, r: publish_in_translation_editor(c, r, OTHER[r]), [R, R, R, R, V, A]),
    Row("Sync translated pages with “Publish immediately”", sync_and_publish, [R, R, R, R, V, A]),
    Row("Upload a PO file, own language (fills in the translation)",
        lambda c, r: upload_po_for_page(c, r, OWN[r]), [R, A, A, A, A, A]),
    Row("Upload a PO file, another language", lambda c, r: upload_po_for_page(c, r, OTHER[r]), [R, R, R, R, A, A]),
    Row("Approve a change in the review workflow", approve_in_workflow, [R, R, R, R, R, A]),
    Row("Stop a translation, own language", stop_translation, [R, A, A, A, A, A]),
    Row("Publish with the bulk action", bulk_publish, [R, R, R, R, R, A]),
    Row("Convert a translation to an alias of its source", convert_to_alias, [R, R, R, R, R, A]),
    Row("Publish through the admin's page API", publish_through_admin_api, [R, R, R, R, R, A]),
    Row("Read the public API (/api/v2/)", read_public_api, [A, A, A, A, A, A]),
    Row("Write through the public API (POST, PUT, PATCH, DELETE)", write_public_api, [R, R, R, R, R, R]),
    Row("Open the deposits, their DataCite JSON, packages and exports", open_deposits, [R, R, R, R, R, A]),
    Row("Record the DOI of a deposit", record_deposit_doi, [R, R, R, R, R, A]),
    Row("See the alert subscriptions", see_alert_subscriptions, [R, R, R, R, R, A]),
]
for _snippet in SNIPPETS:
    MATRIX += [
        Row(f"Edit the {_snippet.label} (snippet editor)", edit_snippet(_snippet), [R, R, R, R, R, A]),
        Row(f"Translate the {_snippet.label} into a new language", submit_snippet_translation(_snippet),
            [R, R, R, R, R, A]),
        Row(f"Sync the translations of the {_snippet.label} with “Publish immediately”", sync_snippet(_snippet),
            [R, R, R, R, R, A]),
        Row(f"Translate the {_snippet.label} in the translation editor", translate_snippet_string(_snippet),
            [R, R, R, R, R, A]),
        Row(f"Upload a PO file for the {_snippet.label}", upload_po_for_snippet(_snippet), [R, R, R, R, R, A]),
    ]
# fmt: on


@pytest.mark.parametrize(
    ("row", "role"),
    [pytest.param(row, role, id=f"{row.action}-{role}") for row in MATRIX for role in ROLES],
)
def test_role_matrix(client, row, role):
    person = person_in(role)
    if person is not None:
        client.force_login(person)
    expected = row.outcomes[ROLES.index(role)]
    assert row.attempt(client, role) == expected


def markdown_table():
    """The matrix as the README shows it."""
    lines = [
        "| Action | " + " | ".join(ROLES) + " |",
        "| --- | " + " | ".join("---" for _role in ROLES) + " |",
    ]
    lines += [f"| {row.action} | " + " | ".join(row.outcomes) + " |" for row in MATRIX]
    return "\n".join(lines) + "\n"
