"""The editorial roles, their permissions and the review workflow.

- "<Language> editors" edit that language's page tree and its media collection,
  and submit their changes for review; they cannot publish.
- "Coordinators" edit every language, publish, review translations, and alone
  edit the competence framework, the partners and projects, and the footer.
- "Translators" submit pages for translation and work in the translation editor
  in every language; their translations go through the same review.

Wagtail core has no per-language permissions: they are granted on each
language's home page and on a collection per language.

Apps above this one add their own roles (coaches, trainers, assessors) through the
`setup_roles` hook: each registered function creates or updates its groups and returns
them, so `manage.py setup_roles` sets up every role of the site, not only the editorial ones.
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail import hooks
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

COORDINATORS = "Coordinators"
TRANSLATORS = "Translators"
WORKFLOW_NAME = "Coordinator review"
TASK_NAME = "Review by a coordinator"

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "lock_page", "unlock_page"]
COORDINATOR_PAGE_PERMISSIONS = EDITOR_PAGE_PERMISSIONS + ["publish_page", "bulk_delete_page"]
MEDIA_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]
# Shared content that only coordinators change; everyone else may only choose it.
COORDINATOR_MODELS = [
    ("competences", "framework"),
    ("competences", "frameworkitem"),
    ("competences", "alignment"),
    ("partners", "partner"),
    ("partners", "project"),
    ("core", "sitefooter"),
    # Speakers are shared by the events of every language, and translated like partners.
    ("events", "speaker"),
]
# Registrations and printed-copy requests hold personal data: coordinators see
# them, mark attendance and copies sent, and answer people's data requests.
PERSONAL_DATA_MODELS = [
    ("events", "registration"),
    ("publications", "printrequest"),
    ("alerts", "subscription"),
]


def editor_group_name(language_code):
    return f"{dict(settings.LANGUAGES)[language_code]} editors"


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _page_permission(codename):
    return _permission("wagtailcore", codename)


def _model_permissions(actions, models=COORDINATOR_MODELS):
    permissions = []
    for app_label, model in models:
        for action in actions:
            found = Permission.objects.filter(content_type__app_label=app_label, codename=f"{action}_{model}").first()
            if found:
                permissions.append(found)
    return permissions


def language_collection(locale):
    """The media collection of one language, created under the root collection."""
    root = Collection.get_first_root_node()
    name = locale.get_display_name()
    collection = root.get_children().filter(name=name).first()
    return collection or root.add_child(name=name)


def _grant_pages(group, page, codenames):
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=_page_permission(codename))


def _grant_collection(group, collection):
    for app_label, codename in MEDIA_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=_permission(app_label, codename)
        )


@transaction.atomic
def setup_roles():
    """Create or update the groups, their permissions and the review workflow. Idempotent."""
    from home.models import HomePage

    access_admin = _permission("wagtailadmin", "access_admin")
    homes = {page.locale.language_code: page for page in HomePage.objects.select_related("locale")}
    locales = {locale.language_code: locale for locale in Locale.objects.all()}

    coordinators, _ = Group.objects.get_or_create(name=COORDINATORS)
    translators, _ = Group.objects.get_or_create(name=TRANSLATORS)
    coordinators.permissions.add(
        access_admin,
        _permission("wagtail_localize", "submit_translation"),
        *_model_permissions(["add", "change", "delete", "view"]),
        *_model_permissions(["change", "view"], PERSONAL_DATA_MODELS),
    )
    translators.permissions.add(access_admin, _permission("wagtail_localize", "submit_translation"))

    groups = {COORDINATORS: coordinators, TRANSLATORS: translators}
    for code, locale in locales.items():
        editors, _ = Group.objects.get_or_create(name=editor_group_name(code))
        editors.permissions.add(access_admin, *_model_permissions(["view"]))
        groups[editors.name] = editors
        collection = language_collection(locale)
        for group in (editors, coordinators, translators):
            _grant_collection(group, collection)
        home = homes.get(code)
        if home is not None:
            _grant_pages(editors, home, EDITOR_PAGE_PERMISSIONS)
            _grant_pages(translators, home, ["change_page"])
            _grant_pages(coordinators, home, COORDINATOR_PAGE_PERMISSIONS)

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.set([coordinators])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for home in homes.values():
        WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})
    for setup_app_roles in hooks.get_hooks("setup_roles"):
        groups.update((group.name, group) for group in setup_app_roles())
    return groups


def is_coordinator(user):
    """Coordinators (and superusers) publish, review translations and see the editorial reports."""
    return bool(
        user and user.is_authenticated and (user.is_superuser or user.groups.filter(name=COORDINATORS).exists())
    )
