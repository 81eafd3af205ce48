"""Demo content: the results page in every language (text in results.yaml).

It runs after the apps whose figures it shows (events, films, publications…),
though the page computes its figures when shown, so the order only matters for
its place among the home page's children.
"""

from demo.context import load_yaml


def build_results_page(ctx):
    from results.models import ResultsPage

    data = load_yaml("results", "results.yaml")
    ctx.page_in_all_languages("results", ResultsPage, ctx.pages["home"], data, show_in_menus=True)
    ctx.log("  results page in every language")


STEPS = [(80, build_results_page)]
