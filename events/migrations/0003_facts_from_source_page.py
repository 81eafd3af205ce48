"""Every translation of an event gets the capacity, registration window and status
of its source page (core/sources.py): before, a translation whose translation had
been stopped could hold its own values, and visitors of that language got them."""

from django.conf import settings
from django.db import migrations

FACT_FIELDS = ("status", "capacity", "registration_opens", "registration_closes")


def source_rank(apps):
    """A sort key putting each key's source page first: the original (oldest
    TranslationSource locale), else the default language, else the oldest page."""
    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    Locale = apps.get_model("wagtailcore", "Locale")
    origins = {}
    for key, locale_id, created in TranslationSource.objects.values_list("object_id", "locale_id", "created_at"):
        if (key, locale_id) not in origins or created < origins[(key, locale_id)]:
            origins[(key, locale_id)] = created
    default = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).values_list("pk", flat=True).first()

    def rank(page):
        created = origins.get((page.translation_key, page.locale_id))
        return (created is None, created.timestamp() if created else 0, page.locale_id != default, page.pk)

    return rank


def copy_from_source(apps, model_name, fields):
    Model = apps.get_model(*model_name.split("."))
    rank = source_rank(apps)
    groups = {}
    for page in Model.objects.filter(alias_of__isnull=True).only("pk", "translation_key", "locale_id", *fields):
        groups.setdefault(page.translation_key, []).append(page)
    sources = {}
    for key, pages in groups.items():
        source = min(pages, key=rank)
        sources[key] = source
        values = {name: getattr(source, name) for name in fields}
        Model.objects.filter(translation_key=key).exclude(pk=source.pk).update(**values)
    return sources


def forwards(apps, schema_editor):
    copy_from_source(apps, "events.EventPage", FACT_FIELDS)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_capacity_help"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
