"""Sending one hostile request and telling a server error apart from a refusal."""

import os
import traceback
import zlib

from django.http import StreamingHttpResponse
from django.test import Client
from hypothesis import HealthCheck, seed, settings

# Reproducible in CI: no example database, and each address gets its own fixed
# seed (so addresses do not all receive the same inputs). Budgets are per address.
BASE_SETTINGS = settings(
    deadline=None,
    database=None,
    derandomize=False,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)

# HOSTILE_INPUT_SCALE=50 multiplies every budget, for a deeper search than CI's.
SCALE = max(1, int(os.environ.get("HOSTILE_INPUT_SCALE", "1")))

# For a test that draws its address among a group's: a small fixed budget, derandomised.
FEW_EXAMPLES = settings(BASE_SETTINGS, max_examples=10 * SCALE, derandomize=True)


def seeded(url, budget):
    """Decorate an inner @given test for one address: its budget and its own fixed seed."""

    def decorate(test):
        return seed(zlib.crc32(url.encode()))(settings(BASE_SETTINGS, max_examples=budget * SCALE)(test))

    return decorate


def client(**kwargs):
    """A test client that returns a server error as a 500 response rather than raising it.

    The client still records the exception through Django's got_request_exception
    signal (as `response.exc_info`), so a failing assertion shows its traceback.
    """
    return Client(raise_request_exception=False, **kwargs)


def _body(response):
    """Read the whole answer, as the server would when sending it; errors while streaming count too.

    The test client closes the response itself (firing request_finished without
    closing the test's database connection): it must not be closed again here.
    """
    if isinstance(response, StreamingHttpResponse):
        b"".join(response.streaming_content)
    else:
        response.content  # noqa: B018 - reading it is the point


def send(http, method, path, description, **extra):
    """Send a request and fail with the server's traceback if the answer is a 5xx."""
    try:
        response = http.generic(method, path, **extra)
        _body(response)
    except Exception as exc:  # an error raised outside the handler, e.g. while streaming
        raise AssertionError(f"{description} raised {exc!r}\n{traceback.format_exc()}") from exc
    assert response.status_code < 500, f"{description} gave {response.status_code}\n{_traceback(response)}"
    return response


def _traceback(response):
    if not getattr(response, "exc_info", None):
        return "(no exception was recorded)"
    return "".join(traceback.format_exception(*response.exc_info))


def describe(method, path, query="", headers=None, data=None):
    lines = [f"{method} {path}"]
    if query:
        lines.append(f"  query string: {_cut(query)}")
    for name, value in (headers or {}).items():
        lines.append(f"  {name}: {_cut(value)}")
    if data is not None:
        lines.append(f"  body: {_cut(data)}")
    return "\n".join(lines)


def _cut(value, length=300):
    text = repr(value)
    return text if len(text) <= length else f"{text[:length]}… ({len(text)} characters)"


def check_all(routes, check):
    """Run `check(label, url)` for every address and report every failing one together."""
    failures = []
    for label, url in routes:
        try:
            check(label, url)
        except Exception as failure:  # an assertion, or Hypothesis reporting a flaky one
            failures.append(f"[{label}] {failure!s}")
    assert not failures, f"{len(failures)} of {len(routes)} addresses gave a server error:\n\n" + "\n\n".join(failures)
