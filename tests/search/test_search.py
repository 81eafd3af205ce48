"""Search finds the visitor's language only, narrows by type and competence, shows
the matched words in context, and copes with any input."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from caching import content_version
from competences.keys import competence_value
from competences.models import FrameworkItem
from toolkit.models import ToolPage

pytestmark = pytest.mark.django_db


def result_pages(response):
    return [item["page"] for item in response.context.get("items") or []]


def result_titles(response):
    return [page.title for page in result_pages(response)]


def facet(response, name):
    return next(state for state in response.context["finder"].facets if state.name == name)


def test_search_returns_only_pages_in_the_current_language(client):
    english = result_titles(client.get("/en/search/", {"q": "accessibility"}))
    french = result_titles(client.get("/fr/search/", {"q": "accessibilité"}))
    assert "Accessibility statement" in english
    assert "Déclaration d'accessibilité" in french
    assert "Accessibility statement" not in french


# Facets ---------------------------------------------------------------------------


def test_type_facet_counts_every_match_once(client):
    response = client.get("/en/search/", {"q": "strengths"})
    options = facet(response, "type").options
    assert options, "the matches have at least one type"
    assert sum(option.count for option in options) == response.context["results"].paginator.count
    assert "toolkit.toolpage" in {option.value for option in options}


def test_choosing_a_type_keeps_only_pages_of_that_type(client):
    everything = client.get("/en/search/", {"q": "strengths"})
    methods = client.get("/en/search/", {"q": "strengths", "type": "toolkit.toolpage"})
    expected = next(option.count for option in facet(everything, "type").options if option.value == "toolkit.toolpage")
    assert methods.context["results"].paginator.count == expected
    assert all(isinstance(page, ToolPage) for page in result_pages(methods))
    assert facet(methods, "type").selected[0].value == "toolkit.toolpage"


def test_competence_facet_is_named_in_the_page_language_and_filters_by_link(client):
    response = client.get("/fr/search/", {"q": "forces"})
    options = facet(response, "competence").options
    assert options
    option = max(options, key=lambda o: o.count)
    framework_code, item_code = option.value.split(":")
    french_item = FrameworkItem.objects.get(framework__code=framework_code, code=item_code, locale__language_code="fr")
    assert option.label == french_item.name

    narrowed = client.get("/fr/search/", {"q": "forces", "competence": option.value})
    assert narrowed.context["results"].paginator.count == option.count
    for page in result_pages(narrowed):
        # Pages link default-language items, whatever their own language.
        keys = set(page.competences.values_list("translation_key", flat=True))
        assert french_item.translation_key in keys


def test_facets_combine_and_each_counts_with_the_other_applied(client):
    response = client.get("/en/search/", {"q": "group", "type": "toolkit.toolpage"})
    total = response.context["results"].paginator.count
    for option in facet(response, "competence").options:
        assert option.count <= total


def test_pagination_links_keep_the_query_and_the_facets(client):
    response = client.get("/en/search/", {"q": "participants", "type": "toolkit.toolpage"})
    results = response.context["results"]
    assert results.paginator.num_pages > 1, "the demo has more than one page of methods mentioning participants"
    next_link = re.search(r'href="\?([^"]+)" rel="next"', response.content.decode()).group(1)
    assert "type=toolkit.toolpage" in next_link and "q=participants" in next_link and "page=2" in next_link
    second = client.get("/en/search/?" + next_link.replace("&amp;", "&"))
    assert second.context["results"].number == 2
    assert all(isinstance(page, ToolPage) for page in result_pages(second))


@pytest.mark.parametrize(
    "params",
    [
        {"type": "nonsense"},
        {"type": "wagtailcore.page' OR 1=1"},
        {"competence": "LifeComp:NOPE"},
        {"competence": "\x00"},
        {"competence": "x" * 5000},
    ],
)
def test_unknown_facet_values_are_reported_not_fatal(client, params):
    response = client.get("/en/search/", {"q": "strengths", **params})
    assert response.status_code == 200
    assert response.context["finder"].messages
    assert "could not be used" in response.content.decode()
    # The rest of the search still applies.
    assert response.context["results"].paginator.count > 0


def test_search_costs_a_fixed_number_of_queries(client):
    counts = {}
    for query in ("strengths", "participants"):
        content_version.bump_version()  # each the first search after a change: nothing remembered
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/en/search/", {"q": query, "type": "toolkit.toolpage"})
        counts[query] = (len(queries), response.context["results"].paginator.count)
    # Far more methods mention participants than strengths; the queries stay the same
    # (each page type shown costs one query, and both show methods only).
    assert counts["participants"][1] > 2 * counts["strengths"][1]
    assert counts["participants"][0] == counts["strengths"][0]


# Highlighted excerpts ------------------------------------------------------------


def test_results_show_the_matched_words_marked_in_context(client):
    response = client.get("/en/search/", {"q": "strengths"})
    html = response.content.decode()
    assert re.search(r'<p class="search-result__excerpt">[^<]*(?:<mark>[^<]*</mark>[^<]*)+', html)
    assert "<mark>strengths</mark>" in html.lower() or "<mark>strength</mark>" in html.lower()


# Input of every kind ----------------------------------------------------------------

BAD_QUERIES = [
    "",
    " ",
    "x" * 5000,
    '"unbalanced',
    "'; DROP TABLE wagtailcore_page; --",
    "1' OR '1'='1",
    "\x00\x1b[31m",
    "\x00",
    "🎓🤝",
    "a AND OR NOT",
    "(((",
    "* & | ! :",
    "café'",
]


@pytest.mark.parametrize("query", BAD_QUERIES)
@pytest.mark.parametrize("address", ["/nl/search/", "/nl/search/suggest/"])
def test_any_query_gets_an_answer_not_an_error(client, address, query):
    response = client.get(address, {"q": query})
    assert response.status_code == 200


@pytest.mark.parametrize("address", ["/en/search/", "/en/search/suggest/"])
@pytest.mark.parametrize("raw", ["q=%ED%A0%80", "q=%FF%FE", "q=caf%C3", "q=%00", "q=a&q=b", "q"])
def test_undecodable_addresses_get_an_answer(client, address, raw):
    assert client.get(f"{address}?{raw}").status_code == 200


def test_a_very_long_query_is_shortened_with_a_notice(client):
    response = client.get("/en/search/", {"q": "strengths " * 500})
    assert response.status_code == 200
    assert "shortened" in response.content.decode()


@pytest.mark.parametrize("page", ["abc", "-1", "0", "99999", "1.5", "", "1e3"])
def test_malformed_page_numbers_are_tolerated(client, page):
    response = client.get("/en/search/", {"q": "cluster", "page": page})
    assert response.status_code == 200
    assert response.context["results"].paginator.count > 0


def test_header_search_form_is_a_search_landmark_with_suggestions(client, homes):
    html = client.get(homes["en"].url).content.decode()
    assert 'role="search"' in html
    assert 'data-suggest-url="/en/search/suggest/"' in html
    assert 'role="listbox"' in html and 'id="site-search-suggestions"' in html
    assert re.search(r'<script src="[^"]*search/suggest\.js" defer></script>', html)
    assert "<script>" not in html  # no inline script: the CSP allows static files only


def test_search_only_lists_live_pages(client):
    method = ToolPage.objects.live().filter(locale__language_code="en").first()
    method.unpublish()
    titles = result_titles(client.get("/en/search/", {"q": method.title}))
    assert method.title not in titles
    assert Page.objects.filter(pk=method.pk, live=False).exists()


# With the page cache, as in production ----------------------------------------------


def competence_count(response, value):
    return next((option.count for option in facet(response, "competence").options if option.value == value), 0)


@pytest.mark.usefixtures("production_caching")
def test_competence_links_are_read_once_per_content_version(client):
    client.get("/en/search/", {"q": "strengths"})
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/search/", {"q": "participants"})
    assert facet(response, "competence").options
    assert not [query for query in queries if "_competences" in query["sql"]]


@pytest.mark.usefixtures("production_caching")
def test_competence_counts_follow_a_publish_at_once(client):
    method = ToolPage.objects.live().filter(locale__language_code="en").order_by("pk").first()
    linked = set(method.competences.values_list("pk", flat=True))
    item = (
        FrameworkItem.objects.filter(locale=method.locale, parent__isnull=False)
        .exclude(pk__in=linked)
        .select_related("framework")
        .first()
    )
    value = competence_value(item.framework.code, item.code)
    before = competence_count(client.get("/en/search/", {"q": method.title}), value)

    method.competences.add(item)
    method.save_revision().publish()

    after = client.get("/en/search/", {"q": method.title})
    assert competence_count(after, value) == before + 1


def test_pages_under_a_view_restriction_are_not_found(client):
    from wagtail.models import PageViewRestriction

    method = ToolPage.objects.live().filter(locale__language_code="en").order_by("pk").first()
    assert method.title in result_titles(client.get("/en/search/", {"q": method.title}))
    PageViewRestriction.objects.create(page=method, restriction_type=PageViewRestriction.PASSWORD, password="x")
    assert method.title not in result_titles(client.get("/en/search/", {"q": method.title}))
    suggestions = client.get("/en/search/suggest/", {"q": method.title[:12]}).json()
    assert method.title not in str(suggestions)
