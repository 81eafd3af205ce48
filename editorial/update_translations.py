"""wagtail-localize's "Sync translated pages" (update_translations), bound to the roles.

The library's view asks only for the `submit_translation` permission, then, with
"Publish immediately" (`publish_translations=on`), publishes every translation of
the source in every language, untranslated text falling back to the source. It
has no hook, so editorial.wagtail_hooks serves this subclass at the same address
(the URL is matched before the library's). Here:

- the translations of a snippet are synced only by whoever may change that
  snippet model (the shared content is the coordinators');
- "Publish immediately" publishes the languages the user may publish, and sends
  the others to the review workflow (editorial.review).
"""

import contextlib

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Page
from wagtail_localize.views.update_translations import UpdateTranslationsView

from .review import may_change_snippets, may_publish, submit_translation_for_review


class ReviewedUpdateTranslationsView(UpdateTranslationsView):
    def get_object(self):
        source = super().get_object()
        model = source.specific_content_type.model_class()
        if not issubclass(model, Page) and not may_change_snippets(self.request.user, model):
            raise PermissionDenied
        return source

    def _targets(self):
        for translation in self.object.translations.filter(enabled=True).select_related("source", "target_locale"):
            with contextlib.suppress(ObjectDoesNotExist):  # a deleted target has nothing to sync
                yield translation, translation.get_target_instance()

    def _may_publish_all(self):
        return all(may_publish(self.request.user, target) for _translation, target in self._targets())

    def get_form(self):
        form = super().get_form()
        if not self._may_publish_all():
            form.fields["publish_translations"].label = gettext_lazy("Publish immediately or send to review")
            form.fields["publish_translations"].help_text = gettext_lazy(
                "Apply the updates; languages you may not publish go to a coordinator for review."
            )
        return form

    @transaction.atomic
    def form_valid(self, form):
        if not form.cleaned_data["publish_translations"] or self._may_publish_all():
            return super().form_valid(form)
        form.cleaned_data["publish_translations"] = False
        response = super().form_valid(form)  # syncs the source, and the machine translation if asked
        reviewed = []
        for translation, target in self._targets():
            if may_publish(self.request.user, target):
                with contextlib.suppress(ValidationError):
                    translation.save_target(user=self.request.user, publish=True)
            else:
                submit_translation_for_review(translation, self.request.user)
                reviewed.append(translation.target_locale.get_display_name())
        messages.info(
            self.request,
            _("Sent to a coordinator for review: %(languages)s.") % {"languages": ", ".join(reviewed)},
        )
        return response
