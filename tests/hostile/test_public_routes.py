"""No query string, header or address on any public route gives a server error.

Every page type and sub-route, every download, search, feeds, the sitemap,
robots.txt, the API and the documents (see routes.py; each test in one language,
the languages taking turns: routes.taking_turns) receives generated query strings
and headers: unknown, repeated and empty parameters, Unicode digits, huge numbers, NUL bytes, very long values, broken
percent-encoding; garbled Range, cookies (an invalid session or CSRF cookie),
languages and validators; hostile path segments and Host headers. Each answer
must be a page or a 4xx, never a 5xx. The same runs with the page cache on.
"""

from urllib.parse import quote, urlsplit

import pytest
from django.conf import settings as django_settings
from hypothesis import example, given
from hypothesis import strategies as st

from .checks import FEW_EXAMPLES, check_all, client, describe, seeded, send
from .routes import taking_turns
from .strategies import (
    BAD_ESCAPES,
    KNOWN_PARAMS,
    disallowed_hosts,
    hostile_headers,
    hostile_values,
    path_segments,
    query_strings,
)

pytestmark = pytest.mark.django_db

METHODS = st.sampled_from(["GET", "GET", "GET", "HEAD", "POST", "OPTIONS"])
HUGE = "9" * 5000


def _every_param(*values):
    """Every known parameter with each of these values in turn: a view reading one value
    (`.get`) sees the last, one reading them all (`.getlist`) sees each."""
    pairs = [
        f"{quote(key)}={value if value in BAD_ESCAPES else quote(value)}" for key in KNOWN_PARAMS for value in values
    ]
    return "&".join(pairs)


# Always tried first, on every address: the inputs known to have broken views.
ODD_VALUES = _every_param("", "\x00", "-1", "١٢", "1e5", "99999999999999999999", "%zz", "x" * 3000, HUGE, "²")
GARBLED_HEADERS = {
    "HTTP_RANGE": f"bytes={HUGE}-",
    "HTTP_IF_RANGE": '"' + HUGE,
    "HTTP_ACCEPT_LANGUAGE": "*;q=²,fr;q=99999999999999999999," + "x" * 3000,
    "HTTP_COOKIE": "sessionid=garbage; csrftoken=garbage; django_language=\x00; =;",
    "HTTP_IF_MODIFIED_SINCE": "Sun, 06 Nov 99999 08:49:37 GMT",
    "HTTP_IF_NONE_MATCH": 'W/"' + HUGE,
    "HTTP_X_FORWARDED_FOR": "garbage, ::zz",
    "HTTP_ACCEPT": "\x00",
    "CONTENT_TYPE": "multipart/form-data; boundary=",
}


def _split(url):
    parts = urlsplit(url)
    return parts.path, parts.query


def _joined(*queries):
    return "&".join(query for query in queries if query)


@pytest.mark.parametrize("routes", taking_turns(0), indirect=True)
def test_hostile_query_strings_never_give_a_server_error(routes):
    http = client()

    def check(label, url):
        path, own_query = _split(url)

        @seeded(url, budget=1)
        @given(query=query_strings(), method=METHODS)
        @example(query=ODD_VALUES, method="GET")
        def hostile_query(query, method):
            query = _joined(own_query, query)
            send(http, method, path, describe(method, path, query), QUERY_STRING=query)

        hostile_query()

    check_all(routes, check)


@pytest.mark.parametrize("routes", taking_turns(1), indirect=True)
def test_hostile_headers_never_give_a_server_error(routes):
    http = client()

    def check(label, url):
        path, query = _split(url)

        @seeded(url, budget=1)
        @given(headers=hostile_headers())
        @example(headers=GARBLED_HEADERS)
        def hostile_headers_(headers):
            send(http, "GET", path, describe("GET", path, query, headers), QUERY_STRING=query, **headers)

        hostile_headers_()

    check_all(routes, check)


@pytest.mark.parametrize("routes", taking_turns(2), indirect=True)
def test_hostile_requests_never_give_a_server_error_with_the_page_cache_on(routes, production_caching):
    """Each address asked twice with the same hostile input (filling the cache, then from it)."""
    http = client()

    def check(label, url):
        path, own_query = _split(url)

        @seeded(url, budget=1)
        @given(query=query_strings(), headers=hostile_headers())
        def cached(query, headers):
            query = _joined(own_query, query)
            for _attempt in range(2):
                send(http, "GET", path, describe("GET", path, query, headers), QUERY_STRING=query, **headers)

        cached()

    check_all(routes, check)


@pytest.mark.parametrize("routes", taking_turns(3), indirect=True)
def test_hostile_path_segments_never_give_a_server_error(routes):
    """One segment of each address replaced by a hostile one, or one added."""
    http = client()

    def check(label, url):
        path, _query = _split(url)
        segments = path.strip("/").split("/")

        @seeded(url, budget=1)
        @given(position=st.integers(min_value=0, max_value=len(segments)), segment=path_segments())
        def hostile_path(position, segment):
            changed = [*segments[:position], segment, *segments[position + 1 :]]
            hostile = "/" + "/".join(changed) + ("/" if path.endswith("/") else "")
            send(http, "GET", hostile, describe("GET", hostile))

        hostile_path()

    check_all(routes, check)


@pytest.mark.parametrize("routes", taking_turns(4), indirect=True)
@FEW_EXAMPLES
@given(host=disallowed_hosts(django_settings.ALLOWED_HOSTS), data=st.data())
def test_a_disallowed_host_is_refused_with_400(routes, host, data):
    label, url = data.draw(st.sampled_from(routes), label="address")
    path, query = _split(url)
    response = send(client(), "GET", path, describe("GET", path, query, {"HTTP_HOST": host}), HTTP_HOST=host)
    assert response.status_code == 400, f"{label}: Host {host!r} gave {response.status_code}"


@pytest.mark.parametrize("routes", taking_turns(5), indirect=True)
@FEW_EXAMPLES
@given(port=hostile_values(), data=st.data())
def test_an_allowed_host_with_a_garbled_port_gives_no_server_error(routes, port, data):
    label, url = data.draw(st.sampled_from(routes), label="address")
    path, query = _split(url)
    host = f"testserver:{port}".encode().decode("iso-8859-1")
    send(client(), "GET", path, describe("GET", path, query, {"HTTP_HOST": host}), QUERY_STRING=query, HTTP_HOST=host)
