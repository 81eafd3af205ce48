"""The line that counts the results is announced as a status, and stays a heading."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("query", ["skills", "zzxqvnothing"])
def test_the_results_heading_sits_in_a_status_region_without_a_role_of_its_own(client, query):
    html = BeautifulSoup(client.get("/en/search/", {"q": query}).content.decode(), "lxml")
    heading = html.find(id="search-results-heading")
    assert heading.name == "h2"
    assert not heading.has_attr("role")
    assert heading.parent["role"] == "status"
