"""Demo content: the "About this demonstration" page that the example banner links to."""

from demo.context import load_yaml


def build_demonstration_page(ctx):
    from home.models import StandardPage

    data = load_yaml("navigation", "demonstration.yaml")
    ctx.page_in_all_languages(data["key"], StandardPage, ctx.pages["home"], data, show_in_menus=False)
    ctx.log("  the “About this demonstration” page in every language")
