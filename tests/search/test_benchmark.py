"""The search benchmark runs on any site and prints the page count and latency percentiles."""

import io
import re

import pytest
from django.core.management import CommandError, call_command

from search.management.commands.search_benchmark import percentiles

pytestmark = pytest.mark.django_db


def test_the_benchmark_prints_the_page_count_and_percentiles():
    out = io.StringIO()
    call_command("search_benchmark", repeat=1, language=["fr"], stdout=out)
    text = out.getvalue()
    assert re.search(r"Live pages: \d+", text)
    assert re.search(r"fr search page: 10 requests, p50 [\d.]+ ms, p95 [\d.]+ ms, p99 [\d.]+ ms", text)
    assert re.search(r"fr suggestions: 4 requests, p50", text)
    # The queries are realistic: most of them find something in the demo.
    counts = [int(n) for n in re.findall(r"'[^']+' (\d+)", text)]
    assert sum(1 for n in counts if n) >= 5


def test_percentiles_are_read_from_the_samples():
    p50, p95, p99 = percentiles([i / 1000 for i in range(1, 101)])
    assert round(p50) == 50 and round(p95) == 95 and round(p99) == 99


def test_the_benchmark_refuses_a_zero_repeat():
    with pytest.raises(CommandError):
        call_command("search_benchmark", repeat=0, stdout=io.StringIO())
