"""How a page's translation was made: from which language, reviewed or machine-made."""

from django.contrib.auth import get_user_model
from django.db.models import Exists, Subquery
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
    return _machine_strings(page).exists()


def provenance(page):
    """A dict describing the page's translation for readers, or None for an original page.

    One query: the latest review and whether machine text remains come with the
    Translation, as every public page asks.
    """
    user_model = get_user_model()
    latest = TranslationReview.objects.filter(page_id=page.pk).order_by("-reviewed_at")

    def latest_review(field):
        return Subquery(latest.values(field)[:1])

    translation = (
        Translation.objects.filter(source__object_id=page.translation_key, target_locale_id=page.locale_id)
        .exclude(source__locale_id=page.locale_id)
        .select_related("source__locale")
        .annotate(
            review_pk=latest_review("pk"),
            review_at=latest_review("reviewed_at"),
            reviewer_pk=latest_review("reviewed_by"),
            **{f"reviewer_{field}": latest_review(f"reviewed_by__{field}") for field in _reviewer_fields(user_model)},
            machine=Exists(_machine_strings(page)),
        )
        .first()
    )
    if translation is None:
        return None
    review = None
    if translation.review_pk is not None:
        reviewer = None
        if translation.reviewer_pk is not None:
            reviewer = user_model(
                pk=translation.reviewer_pk,
                **{field: getattr(translation, f"reviewer_{field}") for field in _reviewer_fields(user_model)},
            )
        review = TranslationReview(
            pk=translation.review_pk, page_id=page.pk, reviewed_at=translation.review_at, reviewed_by=reviewer
        )
    return {
        # The language's name in the reader's language ("anglais", "Engels").
        "source_language": get_language_info(translation.source.locale.language_code)["name_translated"],
        "source_code": translation.source.locale.language_code,
        "review": review,
        "machine": review is None and translation.machine,
    }


def _reviewer_fields(user_model):
    """The user fields TranslationReview.reviewer_name reads: the full name only."""
    return ("first_name", "last_name")


def _machine_strings(page):
    return StringTranslation.objects.filter(
        locale_id=page.locale_id,
        context__object_id=page.translation_key,
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
    )


def is_translation(page):
    return (
        Translation.objects.filter(source__object_id=page.translation_key, target_locale_id=page.locale_id)
        .exclude(source__locale_id=page.locale_id)
        .exists()
    )
