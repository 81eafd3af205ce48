"""Fixtures for the competence framework tests (the demo site comes from tests/conftest.py)."""

import json
import re

import pytest

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


@pytest.fixture
def get(client):
    """GET a path and return (response, decoded body)."""

    def _get(path):
        response = client.get(path)
        return response, response.content.decode()

    return _get


def structured_data(html):
    return [json.loads(block) for block in JSON_LD.findall(html)]
