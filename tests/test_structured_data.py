"""Every page describes itself in JSON-LD that parses."""

import json

import pytest
from bs4 import BeautifulSoup

from partners.models import Partner
from tests.factories import PartnerFactory, StandardPageFactory, translate
from tests.languages import WRITTEN

pytestmark = pytest.mark.django_db


def json_ld(response):
    html = BeautifulSoup(response.content.decode(), "lxml")
    return [json.loads(tag.string) for tag in html.find_all("script", type="application/ld+json")]


@pytest.mark.parametrize("lang", WRITTEN)
def test_home_page_describes_the_website_and_the_organisation(client, homes, lang):
    partner = PartnerFactory(name="Harbour College")
    if lang != "en":
        translate(partner, lang)
    items = {item["@type"]: item for item in json_ld(client.get(homes[lang].url))}
    assert set(items) == {"WebSite", "Organization"}
    assert items["WebSite"]["inLanguage"] == lang
    assert items["WebSite"]["potentialAction"]["target"].startswith(f"http://testserver/{lang}/search/")
    # Its members: the partners, in the page's language.
    members = [member["name"] for member in items["Organization"]["member"]]
    assert len(members) == Partner.objects.filter(locale__language_code=lang).count()
    assert "Harbour College" in members


def test_standard_page_is_a_web_page_in_its_language(client):
    page = translate(StandardPageFactory(title="About the cluster"), "nl", title="Over de cluster")
    (item,) = json_ld(client.get(page.url))
    assert item["@type"] == "WebPage"
    assert item["name"] == "Over de cluster"
    assert item["inLanguage"] == "nl"
    assert item["url"] == f"http://testserver{page.url}"


def test_json_ld_cannot_close_its_script_element(client, homes):
    page = StandardPageFactory()
    page.intro = "</script><script>alert(1)</script>"
    page.save_revision().publish()
    response = client.get(page.url)
    assert b"</script><script>alert(1)" not in response.content
    (item,) = json_ld(response)
    assert item["description"] == "</script><script>alert(1)</script>"
