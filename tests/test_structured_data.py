"""Every page describes itself in JSON-LD that parses."""

import json

import pytest
from bs4 import BeautifulSoup

from home.models import StandardPage
from tests.languages import WRITTEN

pytestmark = pytest.mark.django_db


def json_ld(response):
    html = BeautifulSoup(response.content.decode(), "html.parser")
    return [json.loads(tag.string) for tag in html.find_all("script", type="application/ld+json")]


@pytest.mark.parametrize("lang", WRITTEN)
def test_home_page_describes_the_website_and_the_organisation(client, homes, lang):
    items = {item["@type"]: item for item in json_ld(client.get(homes[lang].url))}
    assert set(items) == {"WebSite", "Organization"}
    assert items["WebSite"]["inLanguage"] == lang
    assert items["WebSite"]["potentialAction"]["target"].startswith(f"http://testserver/{lang}/search/")
    assert len(items["Organization"]["member"]) == 9
    assert {"Medway Council", "Scalda"} <= {member["name"] for member in items["Organization"]["member"]}


def test_standard_page_is_a_web_page_in_its_language(client):
    page = StandardPage.objects.live().get(locale__language_code="nl", slug="over-de-cluster")
    (item,) = json_ld(client.get(page.url))
    assert item["@type"] == "WebPage"
    assert item["name"] == "Over de cluster"
    assert item["inLanguage"] == "nl"
    assert item["url"] == f"http://testserver{page.url}"


def test_json_ld_cannot_close_its_script_element(client, homes):
    page = StandardPage.objects.live().filter(locale__language_code="en").first()
    page.intro = "</script><script>alert(1)</script>"
    page.save_revision().publish()
    response = client.get(page.url)
    assert b"</script><script>alert(1)" not in response.content
    (item,) = json_ld(response)
    assert item["description"] == "</script><script>alert(1)</script>"
