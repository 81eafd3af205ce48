"""The public forms (event registration, printed-copy request, alerts) never answer a 5xx.

Generated submissions: garbage, huge, repeated and missing fields, unknown fields,
broken bodies and content types, with and without the CSRF token, from any address
(including a garbled X-Forwarded-For with the production rate-limit settings).
Each answer is the form again (400, 403 or 429), or the success page.
"""

from urllib.parse import urlencode

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tests.page_types import LANGUAGES

from .checks import check_all, client, describe, seeded, send
from .strategies import as_wsgi, hostile_values, ip_addresses

pytestmark = pytest.mark.django_db

FORM_LABELS = ("registration form", "copy request form", "alerts form")

# Plausible answers, so that some submissions get past validation and reach the service.
PLAUSIBLE = {
    "name": "Ana Martins",
    "email": "ana.martins@example.org",
    "organisation": "Medway Council",
    "sector": "education",
    "access_needs": "",
    "consent": "on",
    "address": "1 High Street\nME1 1AA Rochester",
    "country": "GB",
    "copies": "1",
    "kinds": "methods",
}
FIELDS = (*PLAUSIBLE, "website_url", "csrfmiddlewaretoken")


def _field_value():
    one = st.one_of(hostile_values(), st.sampled_from(list(PLAUSIBLE.values())))
    return st.one_of(one, st.lists(one, min_size=2, max_size=4))


def form_data():
    """A form's fields: each plausible, hostile, repeated or missing, plus unknown ones."""
    known = st.fixed_dictionaries({}, optional={name: _field_value() for name in FIELDS})
    unknown = st.dictionaries(st.text(min_size=1, max_size=12), _field_value(), max_size=3)
    return st.builds(lambda a, b: {**b, **a}, known, unknown)


def bodies():
    """(content type, body, data) as a client might send them: multipart, urlencoded or garbage."""
    multipart = form_data().map(lambda data: ("multipart", None, data))
    urlencoded = form_data().map(
        lambda data: ("application/x-www-form-urlencoded", urlencode(data, doseq=True).encode(), data)
    )
    raw = st.tuples(
        st.one_of(
            st.sampled_from(
                [
                    "application/x-www-form-urlencoded",
                    "multipart/form-data",
                    "multipart/form-data; boundary=",
                    "multipart/form-data; boundary=x",
                    "application/json",
                    "text/plain; charset=nope",
                    "application/x-www-form-urlencoded; charset=utf-16",
                ]
            ),
            hostile_values().map(as_wsgi),
        ),
        st.binary(max_size=2000),
    ).map(lambda pair: (pair[0], pair[1], None))
    return st.one_of(multipart, urlencoded, raw)


def _post(http, path, body, headers):
    content_type, raw, data = body
    if raw is None:
        return send(
            http, "POST", path, describe("POST", path, headers=headers, data=data), **_multipart(data), **headers
        )
    return send(
        http,
        "POST",
        path,
        describe("POST", path, headers=headers, data=raw),
        data=raw,
        content_type=content_type,
        **headers,
    )


def _multipart(data):
    from django.test.client import MULTIPART_CONTENT, encode_multipart

    boundary = "HostileBoundary"
    return {"data": encode_multipart(boundary, data), "content_type": f"{MULTIPART_CONTENT}; boundary={boundary}"}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("enforce_csrf", [False, True], ids=["csrf-not-checked", "csrf-checked"])
def test_hostile_form_submissions_never_give_a_server_error(routes_by_group, language, settings, enforce_csrf):
    # As in production: the visitor's address read from X-Forwarded-For by the rate limits.
    settings.RATELIMIT_IP_META_KEY = "privacy.protection.client_ip"
    http = client(enforce_csrf_checks=enforce_csrf)

    def check(label, url):
        @seeded(f"{url} {enforce_csrf}", budget=8 if not enforce_csrf else 3)
        @given(
            body=bodies(),
            address=st.ip_addresses(v=4).map(str),
            forwarded=st.one_of(st.none(), ip_addresses()),
        )
        @example(body=("multipart", None, PLAUSIBLE), address="198.51.100.1", forwarded=None)
        @example(
            body=("multipart", None, {**PLAUSIBLE, "copies": "9" * 5000, "name": "x" * 20_000}),
            address="198.51.100.2",
            forwarded="garbage",
        )
        def hostile_submission(body, address, forwarded):
            headers = {"REMOTE_ADDR": address}
            if forwarded is not None:
                headers["HTTP_X_FORWARDED_FOR"] = forwarded
            response = _post(http, url, body, headers)
            if enforce_csrf:
                assert response.status_code == 403, f"{label}: a POST without a CSRF token was accepted"

        hostile_submission()

    forms = [(label, url) for label, url in routes_by_group[language] if label.split(" ", 1)[1] in FORM_LABELS]
    assert len(forms) == len(FORM_LABELS), "the demo has an open registration and a printed publication"
    check_all(forms, check)
