"""Every translation of a publication gets the printed edition (copies printed,
ISBN, language) of its source page (core/sources.py), and each shared stock the
source page's number of copies printed (never below the copies allocated): before,
whichever language was published last set the total."""

from django.conf import settings
from django.db import migrations

PRINTED_EDITION_FIELDS = ("printed_copies", "print_isbn", "print_language")


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


def forwards(apps, schema_editor):
    PublicationPage = apps.get_model("publications", "PublicationPage")
    PrintStock = apps.get_model("publications", "PrintStock")
    rank = source_rank(apps)
    groups = {}
    pages = PublicationPage.objects.filter(alias_of__isnull=True)
    for page in pages.only("pk", "translation_key", "locale_id", *PRINTED_EDITION_FIELDS):
        groups.setdefault(page.translation_key, []).append(page)
    for key, versions in groups.items():
        source = min(versions, key=rank)
        values = {name: getattr(source, name) for name in PRINTED_EDITION_FIELDS}
        PublicationPage.objects.filter(translation_key=key).exclude(pk=source.pk).update(**values)
        for stock in PrintStock.objects.filter(publication_key=key):
            total = max(source.printed_copies, stock.allocated)
            if stock.total != total:
                PrintStock.objects.filter(pk=stock.pk).update(total=total)


class Migration(migrations.Migration):
    dependencies = [
        ("publications", "0002_shared_licences"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
