"""The demo library: one case per partner, honest figures, idempotent loading."""

import pytest

from partners.models import Partner
from practices.models import CaseStudyPage
from tests.languages import CONFIGURED, WRITTEN

pytestmark = [pytest.mark.django_db, pytest.mark.demo]

ILLUSTRATIVE = {
    "en": "illustrative demo figure",
    "fr": "chiffre d'illustration (démo)",
    "nl": "illustratief democijfer",
}
# Numbers the shared reference data gives; everything else must be marked illustrative.
REFERENCE_NUMBERS = {2699182, 2171032, 120, 6, 90, 15}


def test_every_partner_has_a_case_in_every_language():
    for language in WRITTEN:
        cases = CaseStudyPage.objects.live().filter(locale__language_code=language)
        assert cases.count() == 9
    covered = {
        p.translation_key
        for case in CaseStudyPage.objects.filter(locale__language_code="en")
        for p in case.partners.all()
    }
    assert covered == set(Partner.objects.filter(locale__language_code="en").values_list("translation_key", flat=True))


def test_figures_are_facts_or_marked_illustrative():
    for case in CaseStudyPage.objects.filter(locale__language_code__in=WRITTEN).select_related("locale"):
        language = case.locale.language_code
        for block in case.key_figures:
            figure = block.value
            if int(figure["value"]) not in REFERENCE_NUMBERS:
                assert figure["source"] == ILLUSTRATIVE[language], (case.title, figure["measure"])


def test_loading_twice_changes_nothing():
    from demo.context import DemoContext
    from home.models import HomePage
    from practices.demo import build_cases
    from practices.models import CaseStudyIndexPage

    before = list(CaseStudyPage.objects.order_by("pk").values_list("pk", "slug", "locale_id"))
    ctx = DemoContext()
    ctx.pages["home"] = HomePage.objects.get(locale=ctx.default_locale)
    build_cases(ctx)
    assert list(CaseStudyPage.objects.order_by("pk").values_list("pk", "slug", "locale_id")) == before
    # One per configured language: a language the demo has no text in has a draft.
    assert CaseStudyIndexPage.objects.count() == len(CONFIGURED)


def test_scale_adds_numbered_variants_in_every_language():
    from tests.practices.test_queries import add_cases

    assert add_cases(1) == 9
    assert add_cases(1) == 0  # idempotent
    for language in WRITTEN:
        assert CaseStudyPage.objects.filter(locale__language_code=language).count() == 18
    copy = CaseStudyPage.objects.get(locale__language_code="fr", slug="visites-d-entreprises-2")
    assert copy.title.endswith("(2)") and copy.partners.exists() and copy.competences.exists()
