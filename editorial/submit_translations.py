"""wagtail-localize's "Translate this page" and "Translate" (a snippet), bound to the roles.

The library's views ask only for the `submit_translation` permission. Translating
an object also translates the snippets it refers to (a method's partner and
project, say), and a snippet has no draft: its translation is created, or an
existing one overwritten, live, with untranslated text falling back to the source.
So a translator translating a page would create or overwrite the coordinators'
partners and projects. The library has no hook there; editorial.wagtail_hooks
serves these subclasses at the same addresses (matched before the library's):

- a snippet is submitted for translation only by whoever may change its model;
- a page's referenced snippets are translated along with it only when the user
  may change them; otherwise the translated page links to the existing
  translation of the snippet, or to its source until a coordinator translates it.

Pages themselves are created as drafts (WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE
is off) and published through review like any change.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail_localize.operations import TranslationCreator
from wagtail_localize.tasks import background
from wagtail_localize.views.submit_translations import SubmitPageTranslationView, SubmitSnippetTranslationView

from .review import may_change_snippets


class PermittedTranslationCreator(TranslationCreator):
    """wagtail-localize's TranslationCreator, leaving out the snippets its user may not change."""

    def create_translations(self, instance, include_related_objects=True):
        if not isinstance(instance, Page) and not may_change_snippets(self.user, type(instance)):
            return
        super().create_translations(instance, include_related_objects=include_related_objects)


@transaction.atomic
def translate_page_subtree(page_id, locales, components, user):
    """wagtail-localize's translate_page_subtree with the PermittedTranslationCreator."""
    translator = PermittedTranslationCreator(user, locales)

    def walk(page):
        for child in page.get_children():
            translator.create_translations(child)
            if child.numchild:
                walk(child)

    walk(Page.objects.get(id=page_id))
    if components is not None:
        components.save(translator, sources_and_translations=translator.mappings)


class PermittedSubmitMixin:
    @transaction.atomic
    def form_valid(self, form):
        locales = form.cleaned_data["locales"]
        translator = PermittedTranslationCreator(self.request.user, locales)
        translator.create_translations(self.object)
        self.components.save(translator, sources_and_translations=translator.mappings)
        if isinstance(self.object, Page) and form.cleaned_data["include_subtree"]:
            arguments = [self.object.id, locales, self.components, self.request.user]
            background.enqueue(translate_page_subtree, arguments, {})

        single_translated_object = None
        if len(locales) == 1:
            described = locales[0].get_display_name()
            single_translated_object = self.object.get_translation_or_none(locales[0])
        else:
            described = _("{} locales").format(len(locales))
        messages.success(self.request, self.get_success_message(described))
        return redirect(self.get_success_url() or self.get_default_success_url(single_translated_object))


class PermittedSubmitPageTranslationView(PermittedSubmitMixin, SubmitPageTranslationView):
    pass


class PermittedSubmitSnippetTranslationView(PermittedSubmitMixin, SubmitSnippetTranslationView):
    def get_object(self):
        instance = super().get_object()
        if not may_change_snippets(self.request.user, type(instance)):
            raise PermissionDenied
        return instance
