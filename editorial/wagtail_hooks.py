from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import convert_to_alias, submit_translations, translation_editor, update_translations
from .roles import is_coordinator
from .views import TranslationStatusReportView

# wagtail-localize views that would publish, or change the coordinators' snippets,
# for anyone with the `submit_translation` permission: each is served at its own
# address by a version bound to the roles (see each module). order=-1 puts these
# addresses before the library's, which Django would otherwise match first.
LOCALIZE_OVERRIDES = [
    path(
        "localize/submit/page/<int:page_id>/",
        submit_translations.PermittedSubmitPageTranslationView.as_view(),
        name="editorial_submit_page_translation",
    ),
    path(
        "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
        submit_translations.PermittedSubmitSnippetTranslationView.as_view(),
        name="editorial_submit_snippet_translation",
    ),
    path(
        "localize/update/<int:translation_source_id>/",
        update_translations.ReviewedUpdateTranslationsView.as_view(),
        name="editorial_update_translations",
    ),
    path(
        "localize/page/<int:page_id>/convert_to_alias/",
        convert_to_alias.convert_to_alias,
        name="editorial_convert_to_alias",
    ),
]


@hooks.register("register_admin_urls", order=-1)
def register_localize_overrides():
    return LOCALIZE_OVERRIDES


# Before wagtail-localize's own before_edit_page hook, which opens its translation editor.
hooks.register("before_edit_page", translation_editor.send_translation_to_review, order=-1)


@hooks.register("construct_page_action_menu")
def hide_convert_to_alias_from_non_publishers(menu_items, request, context):
    if context.get("view") != "edit":
        return  # wagtail-localize offers it on the edit view only
    if not context["page"].permissions_for_user(request.user).can_publish():
        menu_items[:] = [item for item in menu_items if item.name != "localize-convert-to-alias"]


@hooks.register("register_admin_urls")
def register_translation_status_url():
    return [
        path("reports/translation-status/", TranslationStatusReportView.as_view(), name="translation_status"),
        path(
            "reports/translation-status/results/",
            TranslationStatusReportView.as_view(results_only=True),
            name="translation_status_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return CoordinatorMenuItem(_("Translation status"), reverse("translation_status"), icon_name="globe", order=700)


class CoordinatorMenuItem(MenuItem):
    def is_shown(self, request):
        return is_coordinator(request.user)
