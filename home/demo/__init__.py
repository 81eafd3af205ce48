"""Demo content: the home page of each language and the standard pages."""

from django.conf import settings
from wagtail.models import Page, Site

from demo.context import load_yaml, root_page
from home.models import HomePage, StandardPage


def _content():
    return load_yaml("home", "pages.yaml")


def build_site(ctx):
    """The English home page as the site's root, translated into every language."""
    data = _content()["home"]
    root = root_page()
    # Wagtail's placeholder "Welcome" page takes the slug and the site: replace it.
    for placeholder in Page.objects.child_of(root).filter(
        content_type__app_label="wagtailcore", content_type__model="page", numchild=0
    ):
        placeholder.delete()
    home = ctx.upsert_page("home", HomePage, root, data[settings.LANGUAGE_CODE])
    # Every other page is built under the translated home pages. Once they
    # exist, the last step brings them up to date with the full home page.
    if home.get_translations().count() < len(ctx.other_locales):
        ctx.translate_page("home", home, {code: data[code] for code in ctx.written_in(data)})
    site = Site.objects.filter(is_default_site=True).first() or Site(
        hostname="localhost", port=80, is_default_site=True
    )
    if site.root_page_id != home.pk or site.site_name != "STEPS":
        site.root_page = home
        site.site_name = "STEPS"
        site.save()
    ctx.log(f"  home page in {', '.join(sorted(ctx.locales))}")


def build_pages(ctx):
    home = ctx.pages["home"]
    for entry in _content()["pages"]:
        extra = {"show_in_menus": entry.get("show_in_menus", False)}
        ctx.page_in_all_languages(entry["key"], StandardPage, home, entry, **extra)
    ctx.log(f"  {len(_content()['pages'])} standard pages in every language")


def build_home_body(ctx):
    """Runs last: the home page features pages that other apps build."""
    data = _content()
    home = ctx.pages["home"]
    values = {lang: {**data["home"][lang], "body": data["home_body"][lang]} for lang in data["home"]}
    ctx.page_in_all_languages("home", HomePage, home.get_parent(), values)


STEPS = [(0, build_site), (20, build_pages), (90, build_home_body)]
