"""Hypothesis strategies for what a hostile or broken client may send.

Values reach Django as a WSGI server hands them over: the query string and the
headers are byte strings read as ISO-8859-1, so text is encoded to UTF-8 first
(`as_wsgi`), the way a client sending raw Unicode would be seen.
"""

from urllib.parse import quote

from django.http.request import split_domain_port, validate_host
from hypothesis import strategies as st

# The parameters the site's views read, and those of Wagtail's API and sitemap:
# generated keys hit real parsing code instead of being ignored.
KNOWN_PARAMS = (
    "m", "q", "page", "p", "size", "type", "competence", "competences", "case", "sort", "kind", "region",
    "project", "country", "duration", "group", "setting", "target", "target_groups", "outcome", "format",
    "locale", "limit", "offset", "fields", "order", "search", "search_operator", "child_of", "descendant_of",
    "translation_of", "html_path", "show_in_menus", "id", "lang", "language", "next",
)  # fmt: skip

# Strings that str.isdigit() or a regex's \d accept but int() may not, or that int() reads unexpectedly.
ODD_NUMBERS = (
    "²", "³", "¹", "0²", "²³", "١٢", "٣", "۵", "੩", "①", "Ⅻ", "𝟗", "߀", "1_000", " 1", "1 ", "+1", "-1", "-0",
    "0", "00", "1.5", "1e5", "0x10", "nan", "inf", "-inf", "1,2", "½", "٫", "٣٫٥",
)  # fmt: skip

# Percent-encoding a decoder must survive.
BAD_ESCAPES = (
    "%", "%%", "%z", "%zz", "%1", "%ff%fe", "%00", "%C0%AF", "%E2%82", "%ED%A0%80", "%F4%90%80%80", "%u0041",
    "%25", "%2", "%+", "&&", "=", "==", ";", "+", "?", "#",
)  # fmt: skip


def as_wsgi(text):
    """Text as a WSGI server passes it on: its UTF-8 bytes read as ISO-8859-1."""
    return text.encode("utf-8", "surrogatepass").decode("iso-8859-1")


def huge_numbers():
    return st.one_of(
        st.integers(min_value=2**31 - 2, max_value=10**40).map(str),
        st.integers(min_value=-(10**40), max_value=-1).map(str),
        st.integers(min_value=4000, max_value=6000).map(lambda digits: "9" * digits),
    )


def hostile_values():
    """One value of a query parameter, form field or header part."""
    return st.one_of(
        st.sampled_from(ODD_NUMBERS),
        huge_numbers(),
        st.just(""),
        st.sampled_from(["\x00", "a\x00b", "1\x00", "\r\n", "\t", " ", "\u202e", "\ufeff", "\uffff"]),
        st.integers(min_value=100, max_value=20_000).map(lambda n: "x" * n),
        st.text(max_size=40),
        st.text(alphabet=st.characters(codec="utf-8"), min_size=200, max_size=600),
    )


def _encoded(text):
    return quote(text.encode("utf-8", "surrogatepass"), safe="")


def query_parts():
    """One `key=value` part of a query string, well encoded or not."""
    key = st.one_of(st.sampled_from(KNOWN_PARAMS), st.text(max_size=12))
    encoded = st.builds(lambda k, v: f"{_encoded(k)}={_encoded(v)}", key, hostile_values())
    raw = st.builds(lambda k, v: as_wsgi(f"{k}={v}"), key, hostile_values())
    garbled = st.builds(lambda k, escape: f"{_encoded(k)}={escape}", key, st.sampled_from(BAD_ESCAPES))
    bare = st.one_of(key.map(_encoded), st.sampled_from(BAD_ESCAPES))
    return st.one_of(encoded, encoded, raw, garbled, bare)


def query_strings():
    """A whole query string: unknown, repeated, empty, huge or garbled parameters."""
    return st.lists(query_parts(), max_size=8).map("&".join)


def range_headers():
    number = st.one_of(st.integers(min_value=0, max_value=10**6).map(str), huge_numbers(), st.sampled_from(ODD_NUMBERS))
    optional = st.one_of(st.just(""), number)
    single = st.builds(lambda first, last: f"{first}-{last}", optional, optional)
    return st.one_of(
        single.map(lambda spec: f"bytes={spec}"),
        st.lists(single, min_size=2, max_size=6).map(lambda specs: "bytes=" + ",".join(specs)),
        st.builds(lambda unit, spec: f"{unit}={spec}", st.sampled_from(["items", "BYTES", "bytes ", ""]), single),
        st.sampled_from(["bytes=", "bytes=-", "bytes=--", "bytes=0-0-0", "bytes=0--1", "bytes = 0 - 1", "bytes"]),
        hostile_values(),
    ).map(as_wsgi)


def http_dates():
    return st.one_of(
        st.sampled_from(
            [
                "Sat, 29 Feb 2020 00:00:00 GMT",
                "Sun, 06 Nov 1994 08:49:37 GMT",
                "Sun, 06 Nov 99999 08:49:37 GMT",
                "Sunday, 06-Nov-94 08:49:37 GMT",
                "Sun Nov  6 08:49:37 1994",
                "Mon, 32 Jan 2020 25:61:61 GMT",
                "Thu, 01 Jan 1970 00:00:00 GMT",
                "Fri, 31 Dec 9999 23:59:59 GMT",
            ]
        ),
        hostile_values(),
    ).map(as_wsgi)


def etags():
    return st.one_of(
        st.sampled_from(['"x"', 'W/"x"', "*", '"', '""', 'W/"', ",,,", '"a", W/"b", *']),
        hostile_values(),
    ).map(as_wsgi)


def cookies():
    value = st.one_of(hostile_values(), st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789:-_", max_size=80))
    named = st.builds(
        lambda name, v: f"{name}={v}",
        st.sampled_from(["sessionid", "csrftoken", "django_language", "messages", "steps_consent"]),
        value,
    )
    return st.one_of(
        st.lists(named, min_size=1, max_size=4).map("; ".join),
        st.sampled_from(["=", ";;;", "sessionid", "sessionid=; csrftoken=", 'sessionid="', "a=b=c", "\x00=\x00"]),
        hostile_values(),
    ).map(as_wsgi)


def accept_languages():
    return st.one_of(
        st.sampled_from(
            ["fr-FR,fr;q=0.9,,,;;", "*;q=²", "en;q=99999999999999999999", "nl;q=-1", "xx-YY", "fr;q=nan", "*"]
        ),
        st.lists(st.builds(lambda tag, q: f"{tag};q={q}", st.text(max_size=8), hostile_values()), max_size=5).map(
            ",".join
        ),
        hostile_values(),
    ).map(as_wsgi)


def ip_addresses():
    return st.one_of(
        st.sampled_from(["203.0.113.7", "2001:db8::1", "::1", "unknown", "999.999.999.999", "203.0.113.7, , ,"]),
        hostile_values(),
    ).map(as_wsgi)


HEADER_STRATEGIES = {
    "HTTP_RANGE": range_headers,
    "HTTP_IF_RANGE": etags,
    "HTTP_ACCEPT_LANGUAGE": accept_languages,
    "HTTP_COOKIE": cookies,
    "HTTP_IF_MODIFIED_SINCE": http_dates,
    "HTTP_IF_UNMODIFIED_SINCE": http_dates,
    "HTTP_IF_NONE_MATCH": etags,
    "HTTP_IF_MATCH": etags,
    "HTTP_X_FORWARDED_FOR": ip_addresses,
    "HTTP_X_FORWARDED_PROTO": lambda: hostile_values().map(as_wsgi),
    "HTTP_ACCEPT": lambda: hostile_values().map(as_wsgi),
    "HTTP_ACCEPT_ENCODING": lambda: hostile_values().map(as_wsgi),
    "HTTP_REFERER": lambda: hostile_values().map(as_wsgi),
    "HTTP_USER_AGENT": lambda: hostile_values().map(as_wsgi),
    "HTTP_ORIGIN": lambda: hostile_values().map(as_wsgi),
    "CONTENT_TYPE": lambda: hostile_values().map(as_wsgi),
}


def hostile_headers():
    """Some request headers (as WSGI environ keys), each garbled in its own way."""
    return st.fixed_dictionaries({}, optional={name: make() for name, make in HEADER_STRATEGIES.items()})


def _refused(host, allowed):
    domain, _port = split_domain_port(host)
    return not (domain and validate_host(domain, allowed))


def disallowed_hosts(allowed):
    """Host headers the site must refuse with 400 (as Django judges them against `allowed`)."""
    return (
        st.one_of(
            st.sampled_from(["evil.example", "testserver.evil.example", "[::1", "a b", "..", "%00", "xn--", ":80"]),
            st.builds(lambda name, port: f"{name}:{port}", st.sampled_from(["evil.example", ""]), hostile_values()),
            hostile_values(),
        )
        .map(as_wsgi)
        .filter(lambda host: _refused(host, allowed))
    )


def path_segments():
    """One segment of an address, percent-encoded or raw."""
    return st.one_of(
        hostile_values().map(_encoded),
        st.sampled_from(BAD_ESCAPES + ("..", ".", "%2e%2e", "%2F", "a%2Fb", "%5C", "~", "*")),
        st.text(max_size=20).map(as_wsgi),
    ).filter(bool)
