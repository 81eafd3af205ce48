"""Every public page of the demo, in every language, tells example content apart.

The demo is mostly example content (core/examples.py), so:

- the site-wide banner is on every page, with a link to "About this demonstration";
- every page built from a flagged object shows the example notice, and so do its
  other views (a method's printable card, a case's brief and its PDF);
- no page that is not itself an example quotes a figure drawn from example
  records (participants of example events, copies sent to example requests),
  except inside the parts marked as examples.
"""

import re

import lxml.html
import pytest
from bs4 import BeautifulSoup
from django.db.models import Count, Q, Sum
from wagtail.models import Page

from tests.demo_crawl import GROUP
from tests.page_types import LANGUAGES, page_urls

pytestmark = [pytest.mark.django_db, pytest.mark.demo, GROUP]

EXAMPLE_MARKS = "[data-example-notice], [data-example-figures], [data-example-banner]"

# Page types whose app shows its own example notice (a `.notice` paragraph) rather than
# core/includes/example_notice.html: they are held to showing a notice all the same.
OWN_NOTICE = {"badges.AchievementPage": "main .notice"}


def live_pages(language):
    return list(
        Page.objects.live()
        .public()
        .filter(locale__language_code=language, alias_of__isnull=True, depth__gt=1)
        .specific()
        .order_by("path")
    )


def extra_views(page):
    """The addresses of the other views of a page that show its content."""
    label = page._meta.label
    if label == "toolkit.ToolPage":
        return [page.url + "print/"]
    if label == "practices.CaseStudyPage":
        return [page.url + "brief/"]
    return []


def outside_example_marks(tree):
    """The text of a page (an lxml tree, changed here) outside the parts marked as examples."""
    for marked in tree.cssselect(EXAMPLE_MARKS):
        marked.drop_tree()
    for hidden in tree.cssselect("script, style, head"):
        hidden.drop_tree()
    return " ".join(tree.itertext())


def example_figures():
    """Figures drawn from example records that are large enough to be told apart from other numbers."""
    from events.models import EventPage, Registration
    from publications.models import PrintRequest

    keys = EventPage.objects.filter(is_example=True).values("translation_key")
    per_kind = (
        Registration.objects.filter(roster__translation_key__in=keys)
        .values("roster__translation_key")
        .annotate(attended=Count("pk", filter=Q(attended=True)), confirmed=Count("pk"))
    )
    figures = {row["attended"] for row in per_kind} | {row["confirmed"] for row in per_kind}
    figures.add(sum(row["attended"] for row in per_kind))
    figures.add(PrintRequest.objects.filter(is_example=True, status="sent").aggregate(n=Sum("copies"))["n"] or 0)
    return {figure for figure in figures if figure >= 100}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_public_page_shows_the_banner_and_every_example_its_notice(client, demo_crawl, language):
    pages = live_pages(language)
    assert len(pages) > 40, "the demo has every kind of page"
    about = next(
        page
        for page in pages
        if page.slug in {"about-this-demonstration", "a-propos-de-cette-demonstration", "over-deze-demonstratie"}
    )
    flagged_seen = 0
    figures = example_figures()
    assert figures, "the demo's example events have recorded attendance"
    for page in pages:
        # As the shared crawl read it; a page no link leads to is asked for here.
        crawled = demo_crawl.get(page.url)
        if crawled is None:
            response = client.get(page.url)
            assert response.status_code == 200, page.url
        html = crawled.html if crawled is not None else response.content.decode()
        # lxml's own tree rather than BeautifulSoup's: this reads every page of the demo.
        tree = lxml.html.fromstring(html)
        banner = tree.cssselect("[data-example-banner]")
        assert banner, f"no example banner on {page.url}"
        assert banner[0].xpath(".//a[@href=$url]", url=about.url), (
            f"the banner of {page.url} does not lead to {about.url}"
        )
        if getattr(page, "is_example", False):
            flagged_seen += 1
            selector = OWN_NOTICE.get(page._meta.label, "main [data-example-notice]")
            assert tree.cssselect(selector), f"{page.url} is an example but shows no notice"
            for url in extra_views(page):
                view = client.get(url)
                assert view.status_code == 200, url
                assert BeautifulSoup(view.content, "lxml").select_one("[data-example-notice]"), url
                assert b"data-example-banner" in view.content, url
        else:
            text = outside_example_marks(tree)
            for figure in figures:
                assert not re.search(rf"(?<![\d.,]){figure}(?![\d.,])", text), (
                    f"{page.url} quotes the example figure {figure} outside an example mark"
                )
    assert flagged_seen > 40, "methods, cases, films, events and the publication are examples"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_other_kinds_of_pages_show_the_banner_too(client, language):
    """Listings with filters, comparisons, plans, framework pages, search, the 404 page."""
    for label, url in page_urls(language):
        response = client.get(url)
        assert response.status_code in (200, 404), url
        assert b"data-example-banner" in response.content, f"{label}: {url}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_listings_and_comparisons_mark_each_example_they_quote(client, language):
    from practices.models import CaseStudyIndexPage
    from toolkit.models import ToolkitIndexPage

    toolkit = ToolkitIndexPage.objects.live().get(locale__language_code=language)
    cards = BeautifulSoup(client.get(toolkit.url).content, "lxml").select(".toolkit-card")
    assert cards and all(card.select_one("[data-example-notice]") for card in cards)

    cases = CaseStudyIndexPage.objects.live().get(locale__language_code=language)
    keys = [str(case.translation_key) for case in cases.get_children().live().specific()[:3]]
    compare = client.get(cases.url + "compare/?" + "&".join(f"case={key}" for key in keys))
    headers = [th for th in BeautifulSoup(compare.content, "lxml").select("thead th[scope=col]") if th.find("a")]
    assert len(headers) == 3 and all(header.select_one("[data-example-notice]") for header in headers)


def test_the_banner_goes_when_no_example_is_left(client, homes):
    from core.examples import example_models

    for model in example_models():
        model.objects.filter(is_example=True).update(is_example=False)
    response = client.get(homes["en"].url)
    assert b"data-example-banner" not in response.content


def test_coordinators_find_every_example_in_a_report_and_clear_it_in_its_editor(client):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from editorial.roles import COORDINATORS
    from toolkit.models import ToolPage

    user = get_user_model().objects.create_user("examples-coordinator", "c@example.org", "pw")
    user.groups.set(Group.objects.filter(name=COORDINATORS))
    client.force_login(user)
    response = client.get("/admin/reports/examples/")
    assert response.status_code == 200
    method = ToolPage.objects.filter(locale__language_code="en", is_example=True).first()
    edit_url = f"/admin/pages/{method.pk}/edit/"
    assert edit_url in response.content.decode()
    editor = client.get(edit_url)
    assert b'name="is_example"' in editor.content


def test_editors_do_not_see_the_report(client):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from editorial.roles import editor_group_name

    user = get_user_model().objects.create_user("examples-editor", "e@example.org", "pw")
    user.groups.set(Group.objects.filter(name=editor_group_name("en")))
    client.force_login(user)
    assert client.get("/admin/reports/examples/").status_code in (302, 403)
