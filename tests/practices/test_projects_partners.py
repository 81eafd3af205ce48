"""Pages per source project and per partner, and the partnership by country."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "lxml")


def test_project_page_lists_its_cases(client, indexes):
    html = html_of(client, f"{indexes['fr'].url}projects/iLAEBOR/")
    assert "Investir dans le travail" in html.find("h1").get_text()
    cases = [a.get_text(strip=True) for a in html.select(".case-card .card__title a")]
    assert len(cases) == 3
    partners = html.get_text()
    assert "Scalda" in partners and "Syntra West" in partners


def test_partner_page_lists_its_cases_and_methods(client, indexes):
    html = html_of(client, f"{indexes['nl'].url}partners/ocmw-kortrijk/")
    assert html.find("h1").get_text(strip=True) == "OCMW Kortrijk"
    cases = [a.get_text(strip=True) for a in html.select(".case-card .card__title a")]
    assert cases == ["Krachtgerichte begeleiding in een OCMW"]


def test_partnership_overview_by_country(client, indexes):
    html = html_of(client, f"{indexes['fr'].url}partners/")
    groups = {section.find("h3").get_text(strip=True): section for section in html.select(".partner-groups section")}
    assert set(groups) == {"Belgique", "France", "Pays-Bas", "Royaume-Uni"}
    assert len(groups["Royaume-Uni"].select("li")) == 3
    svg = html.select_one(".partner-map svg")
    assert svg["role"] == "img" and svg.find("title")
    assert len(svg.select("circle")) == 4
    projects = html.select_one("h2 + ul").get_text(" ", strip=True)
    assert "SUCCES" in projects and "5" in projects


def test_unknown_project_or_partner_is_not_found(client, indexes):
    assert client.get(f"{indexes['en'].url}projects/NOPE/").status_code == 404
    assert client.get(f"{indexes['en'].url}partners/nobody/").status_code == 404


def test_sitemap_lists_project_and_partner_pages(indexes, rf):
    request = rf.get("/")
    locations = [entry["location"] for entry in indexes["fr"].get_sitemap_urls(request)]
    assert locations[0].endswith("/fr/etudes-de-cas/")
    assert any(location.endswith("/fr/etudes-de-cas/partners/") for location in locations)
    assert any(location.endswith("/fr/etudes-de-cas/projects/iLAEBOR/") for location in locations)
    assert any(location.endswith("/fr/etudes-de-cas/partners/syntra-west/") for location in locations)


def test_routed_views_describe_themselves(client, indexes):
    import json

    html = html_of(client, f"{indexes['fr'].url}partners/syntra-west/")
    items = [json.loads(script.string) for script in html.find_all("script", type="application/ld+json")]
    assert {"CollectionPage", "Organization"} <= {item["@type"] for item in items}
    collection = next(item for item in items if item["@type"] == "CollectionPage")
    assert collection["name"] == "Syntra West" and collection["url"].endswith("/fr/etudes-de-cas/partners/syntra-west/")
