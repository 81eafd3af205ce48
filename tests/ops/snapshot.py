"""What a restored site must have kept, computed the same way in the test process and in the
process that restored the backup (run as `python -m tests.ops.snapshot`, printing JSON)."""

import json


def snapshot():
    # Imported here (all of them): run as a script, this module is read before django.setup().
    from django.test import Client
    from wagtail.documents import get_document_model
    from wagtail.models import Page, Site
    from wagtail_localize.models import StringTranslation, Translation, TranslationSource

    from events.models import Registration
    from operations.backup import backed_up_models
    from publications.models import PrintRequest
    from tests.languages import WRITTEN

    pages = [
        [page.path, page.locale.language_code, str(page.translation_key), page.content_type.model, page.slug, page.live]
        for page in Page.objects.select_related("locale", "content_type").order_by("path")
    ]
    registrations = sorted(
        [str(r.roster.translation_key), r.email, r.status, r.attended, r.language]
        for r in Registration.objects.select_related("roster")
    )
    client = Client()
    return {
        "pages": pages,
        "sites": sorted(
            [site.hostname, site.port, site.root_page.path, site.is_default_site] for site in Site.objects.all()
        ),
        "translation_sources": TranslationSource.objects.count(),
        "translations": Translation.objects.count(),
        "string_translations": StringTranslation.objects.count(),
        "registrations": registrations,
        "print_requests": sorted([r.email, r.status, r.copies] for r in PrintRequest.objects.all()),
        "documents": sorted([d.title, d.file.name, d.file_hash] for d in get_document_model().objects.all()),
        "rows": {model._meta.label_lower: model._base_manager.count() for model in backed_up_models()},
        "home_pages": {code: client.get(f"/{code}/").status_code for code in WRITTEN},
    }


def as_json(data):
    return json.loads(json.dumps(data, default=str))


if __name__ == "__main__":
    import django

    django.setup()
    print(json.dumps(snapshot(), default=str))
