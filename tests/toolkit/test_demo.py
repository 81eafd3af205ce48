"""The demo toolkit: complete, in three languages, idempotent."""

import pytest

from competences.models import FrameworkItem
from demo.context import DemoContext
from home.models import HomePage
from tests.languages import WRITTEN, WRITTEN_TRANSLATIONS
from toolkit.demo import add_variants, build_toolkit, load_methods
from toolkit.models import ToolkitIndexPage, ToolPage

pytestmark = [pytest.mark.django_db, pytest.mark.demo]


def test_at_least_24_methods_in_every_language():
    for lang in WRITTEN:
        assert ToolPage.objects.live().filter(locale__language_code=lang).count() >= 24


def test_every_spocc_category_and_other_frameworks_are_covered():
    english = ToolPage.objects.filter(locale__language_code="en")
    linked = FrameworkItem.objects.filter(pk__in=english.values("competences"))
    spocc = {item.parent.code if item.parent else item.code for item in linked.filter(framework__code="SPOCC")}
    assert spocc == {"S", "P", "O", "C", "CT"}
    assert linked.filter(framework__code="LifeComp").exists()
    assert linked.filter(framework__code="EntreComp").exists()


def test_translations_are_real_translations():
    for entry in load_methods()["methods"]:
        assert entry["en"]["title"] != entry["fr"]["title"] or entry["en"]["title"] != entry["nl"]["title"]
        assert entry["en"]["summary"] != entry["fr"]["summary"] != entry["nl"]["summary"]


def test_loading_twice_duplicates_nothing():
    counts = (ToolkitIndexPage.objects.count(), ToolPage.objects.count())
    ctx = DemoContext()
    ctx.pages["home"] = HomePage.objects.get(locale=ctx.default_locale)
    build_toolkit(ctx)
    assert (ToolkitIndexPage.objects.count(), ToolPage.objects.count()) == counts


def test_scaled_copies_exist_in_every_language_and_are_idempotent(toolkits):
    ctx = DemoContext(scale=2)
    entries = load_methods()["methods"][:3]
    assert add_variants(ctx, toolkits["en"], entries, [2]) == 3
    assert add_variants(ctx, toolkits["en"], entries, [2]) == 0
    copy = ToolPage.objects.get(locale__language_code="en", slug=f"{entries[0]['en']['slug']}-2")
    translations = {page.locale.language_code: page for page in copy.get_translations().select_related("locale")}
    assert set(translations) == set(WRITTEN_TRANSLATIONS)
    assert translations["fr"].title == f"{entries[0]['fr']['title']} (2)"
    assert translations["fr"].live
    assert translations["nl"].competences.count() == len(entries[0]["competences"])
