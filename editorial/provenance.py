"""How a page's translation was made: from which language, reviewed or machine-made."""

from django.utils.translation import get_language_info
from wagtail_localize.models import StringTranslation, Translation

from .models import TranslationReview


def translation_of(page):
    """The enabled wagtail-localize Translation that produced `page`, or None for an original."""
    return (
        Translation.objects.filter(source__object_id=page.translation_key, target_locale_id=page.locale_id)
        .exclude(source__locale_id=page.locale_id)
        .select_related("source__locale")
        .first()
    )


def has_machine_text(page):
    return StringTranslation.objects.filter(
        locale_id=page.locale_id,
        context__object_id=page.translation_key,
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
    ).exists()


def provenance(page):
    """A dict describing the page's translation for readers, or None for an original page."""
    translation = translation_of(page)
    if translation is None:
        return None
    review = TranslationReview.objects.filter(page=page).select_related("reviewed_by").first()
    return {
        # The language's name in the reader's language ("anglais", "Engels").
        "source_language": get_language_info(translation.source.locale.language_code)["name_translated"],
        "source_code": translation.source.locale.language_code,
        "review": review,
        "machine": review is None and has_machine_text(page),
    }


def is_translation(page):
    return (
        Translation.objects.filter(source__object_id=page.translation_key, target_locale_id=page.locale_id)
        .exclude(source__locale_id=page.locale_id)
        .exists()
    )
