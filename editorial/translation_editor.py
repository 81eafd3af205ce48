"""The translation editor's publish button, for people who may not publish.

wagtail-localize's translation editor replaces Wagtail's page editor for a
translated page (its `before_edit_page` hook) and offers only "Publish", which it
refuses outright to whoever cannot publish the page: a translator or a language
editor would have no way to hand their translation to a coordinator. This
`before_edit_page` hook runs first and, for those people, sends the translation to
the "Coordinator review" workflow instead (editorial.review): the button they have
("Submit for review", added to the editor by the template
wagtail_localize/admin/edit_translation.html) or a crafted "Publish" both end there.
Everyone who may publish keeps wagtail-localize's own behaviour.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail_localize.models import Translation

from .review import submit_translation_for_review

SUBMIT_ACTION = "submit"


def send_translation_to_review(request, page):
    if request.method != "POST" or request.POST.get("action") not in ("publish", SUBMIT_ACTION):
        return None
    if page.alias_of_id:
        return None
    translation = (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source", "target_locale")
        .first()
    )
    if translation is None:
        return None
    permissions = page.permissions_for_user(request.user)
    if request.POST["action"] == "publish" and permissions.can_publish():
        return None  # wagtail-localize publishes it
    lock = page.get_lock()
    if lock is not None and lock.for_user(request.user):
        raise PermissionDenied
    submit_translation_for_review(translation, request.user)
    messages.success(
        request,
        _("The translation of '%(title)s' into %(language)s was sent to a coordinator for review.")
        % {"title": page.get_admin_display_title(), "language": translation.target_locale.get_display_name()},
    )
    return redirect(request.path)
