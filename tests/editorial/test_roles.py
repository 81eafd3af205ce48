"""Partners edit their own language only; coordinators review and publish."""

import pytest
from wagtail.models import Page, WorkflowState

from tests.factories import StandardPageFactory, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(db):
    """A page under the home page of each language: the English source and its translations."""
    english = StandardPageFactory(title="About the cluster")
    return {"en": english, "fr": translate(english, "fr"), "nl": translate(english, "nl")}


def test_a_dutch_editor_is_refused_when_editing_a_french_page(client, dutch_editor, pages):
    client.force_login(dutch_editor)
    response = client.get(f"/admin/pages/{pages['fr'].pk}/edit/")
    assert response.status_code in (302, 403)
    assert client.get(f"/admin/pages/{pages['nl'].pk}/edit/").status_code == 200


def test_a_dutch_editor_cannot_publish_but_can_submit_for_review(dutch_editor, pages):
    dutch_page = pages["nl"]
    permissions = dutch_page.permissions_for_user(dutch_editor)
    assert permissions.can_edit()
    assert not permissions.can_publish()
    assert not pages["fr"].permissions_for_user(dutch_editor).can_edit()
    assert dutch_page.get_workflow().name == "Coordinator review"


def test_a_coordinator_edits_and_publishes_every_language(coordinator, pages):
    for page in pages.values():
        permissions = page.permissions_for_user(coordinator)
        assert permissions.can_edit() and permissions.can_publish()


def test_only_coordinators_edit_the_competence_framework_and_partners(dutch_editor, coordinator):
    for codename in (
        "competences.change_frameworkitem",
        "partners.change_partner",
        "core.change_sitefooter",
        "events.change_speaker",
    ):
        assert coordinator.has_perm(codename)
        assert not dutch_editor.has_perm(codename)
        assert dutch_editor.has_perm(codename.replace(".change_", ".view_"))  # to choose it on a page


def test_only_coordinators_see_registrations_and_print_requests(client, dutch_editor, coordinator):
    client.force_login(dutch_editor)
    assert client.get("/admin/event_registrations/").status_code == 302
    client.force_login(coordinator)
    for url in ("/admin/event_registrations/", "/admin/print_requests/"):
        assert client.get(url).status_code == 200, url
    # Attendance and dispatch are marked in the admin; places are only taken and freed publicly.
    assert coordinator.has_perm("events.change_registration")
    assert coordinator.has_perm("publications.change_printrequest")
    assert not dutch_editor.has_perm("events.view_registration")


def test_submitted_changes_wait_for_a_coordinator(dutch_editor, coordinator, pages):
    dutch_page = pages["nl"]
    revision = dutch_page.save_revision(user=dutch_editor)
    workflow_state = dutch_page.get_workflow().start(dutch_page, dutch_editor)
    assert workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    task_state = workflow_state.current_task_state
    assert task_state.task.specific.user_can_access_editor(dutch_page, coordinator)
    assert not task_state.task.specific.user_can_access_editor(dutch_page, dutch_editor)
    task_state.task.specific.on_action(task_state, coordinator, "approve")
    workflow_state.refresh_from_db()
    assert workflow_state.status == WorkflowState.STATUS_APPROVED
    assert Page.objects.get(pk=dutch_page.pk).live_revision_id == revision.pk


def test_setup_roles_creates_every_role_of_the_site_not_only_the_editorial_ones():
    """A site set up without the demo still gets its coaches, trainers and assessors."""
    from django.conf import settings
    from django.contrib.auth.models import Group
    from django.core.management import call_command

    from assessments.coaching import coach_group_name
    from badges.models import IssuerProfile
    from badges.roles import assessor_group_name
    from courses.completions import TRAINERS
    from partners.models import Partner
    from reporting.teams import team_group_name

    Group.objects.filter(name__startswith="Coaches").delete()
    Group.objects.filter(name__startswith="Assessors").delete()
    Group.objects.filter(name__startswith="Partner team").delete()
    Group.objects.filter(name=TRAINERS).delete()
    call_command("setup_roles", verbosity=0)
    partners = Partner.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    issuers = IssuerProfile.objects.all()
    assert partners.exists() and issuers.exists()
    names = set(Group.objects.values_list("name", flat=True))
    assert {coach_group_name(partner) for partner in partners} <= names
    assert {assessor_group_name(issuer) for issuer in issuers} <= names
    assert {team_group_name(partner.name) for partner in partners} <= names
    trainers = Group.objects.get(name=TRAINERS)
    assert trainers.permissions.filter(codename="add_coursecompletion").exists()
    assert Group.objects.get(name="Coordinators").permissions.filter(codename="revoke_award").exists()
