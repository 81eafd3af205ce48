"""Demo content: the site footer's funding notice in each language."""

from core.models import SiteFooter
from demo.context import load_yaml


def build_footer(ctx):
    data = load_yaml("navigation", "footer.yaml")
    synced = {"programme_url": data["programme_url"], "eu_url": data["eu_url"]}
    ctx.snippet_in_all_languages("footer", SiteFooter, {}, data, **synced)
    ctx.log("  footer in every language")
