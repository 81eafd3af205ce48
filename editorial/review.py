"""Who may publish what, and how a translation goes to review instead of going live.

wagtail-localize publishes a translation by saving the target page itself
(`Translation.save_target`), which also writes the translated fields onto a live
page's row, i.e. onto what readers see, even when asked for a draft. So a
translation sent to review is built in memory (`get_ephemeral_translated_instance`,
the same call wagtail-localize's preview uses) and kept as a revision only, as
Wagtail's own page editor does for a live page; the review workflow publishes
that revision when a coordinator approves it.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug
from wagtail.models import Page, WorkflowState
from wagtail.permission_policies.base import ModelPermissionPolicy


def may_publish(user, instance):
    """Whether `user` may put `instance` live: page permissions for pages, the
    model's permissions (add and change) for snippets, which have no drafts."""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    return may_change_snippets(user, type(instance))


def may_change_snippets(user, model):
    """Whether `user` may create and overwrite objects of a snippet model, so create
    or overwrite its translations. Only coordinators may for the shared content
    (partners, projects, the competence framework, the footer): see editorial.roles."""
    viewset = getattr(model, "snippet_viewset", None)
    policy = viewset.permission_policy if viewset is not None else ModelPermissionPolicy(model)
    return policy.user_has_permission(user, "add") and policy.user_has_permission(user, "change")


@transaction.atomic
def submit_translation_for_review(translation, user):
    """Save the page translation `translation` as a new revision of its target page
    by `user`, and put that page in its review workflow. Nothing goes live.

    Returns the revision. Raises PermissionDenied when the page has no review
    workflow: then nobody could approve it, and it must not be published either.
    """
    page = translation.source.get_ephemeral_translated_instance(translation.target_locale, fallback=True)
    if not isinstance(page, Page):
        raise PermissionDenied
    workflow = page.get_workflow()
    if workflow is None:
        raise PermissionDenied
    page.slug = find_available_slug(page.get_parent(), slugify(page.slug), ignore_page_id=page.pk)
    revision = page.save_revision(user=user, log_action=True)
    state = page.current_workflow_state
    if state is None:
        workflow.start(page, user)
    elif state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
    # A workflow in progress stays so: the coordinator approves the latest revision.
    return revision
