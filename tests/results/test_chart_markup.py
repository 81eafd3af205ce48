"""The bars only draw what the tables say: each is hidden from assistive technology,
and each table can be scrolled on its own on a narrow screen."""

import pytest

from .conftest import soup

pytestmark = pytest.mark.django_db


def test_every_bar_is_decorative(client, results_pages):
    html = soup(client.get(results_pages["fr"].url))
    bars = html.select("main svg.results-bar")
    assert bars
    assert all(bar.get("aria-hidden") == "true" for bar in bars)


def test_every_table_scrolls_in_a_region_named_by_its_caption(client, results_pages):
    html = soup(client.get(results_pages["fr"].url))
    tables = html.select("main table.results-table")
    assert tables
    for table in tables:
        region = table.parent
        assert "table-scroll" in region["class"]
        assert region["role"] == "region" and region["tabindex"] == "0"
        assert html.find(id=region["aria-labelledby"]) is table.caption
