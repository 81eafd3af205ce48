"""Measure how fast search answers: a fixed set of realistic queries per language.

python manage.py search_benchmark               # 20 rounds of every query, every language
python manage.py search_benchmark --repeat 50 --language fr

Each query goes through the search page's view as a visitor would send it
(search, facets, highlighted excerpts and the rendered page) and through the
suggestions endpoint (autocomplete, without its cache). Prints the number of
live pages and the p50, p95 and p99 latency in milliseconds. Build a large site
first with `load_demo --scale N` (`--scale 63` gives about 10,000 live pages).

The menu and footer every page shares, and the competence links of each language,
are kept per content version as in production (PAGE_CACHE_ENABLED), so the figures
are those of the search itself; `--no-frame-cache` works them out on every request
as the development settings do. Like each server process (config/wsgi.py), the
command exempts what it loaded from the garbage collector's full scans once warm.
"""

import gc
import statistics
import time

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import RequestFactory, override_settings
from django.utils import translation
from wagtail.models import Page

from search import suggest, views

QUERIES = {
    "en": [
        "strengths",
        "teamwork",
        "job interview",
        "confidence",
        "young people",
        "mentoring",
        "self-assessment",
        "communication skills",
        "training",
        "jobseekers employment",
    ],
    "fr": [
        "formations",
        "confiance",
        "entretien d'embauche",
        "travail d'équipe",
        "jeunes",
        "mentorat",
        "compétences",
        "méthode",
        "auto-évaluation",
        "demandeurs d'emploi",
    ],
    "nl": [
        "trainingen",
        "zelfvertrouwen",
        "sollicitatiegesprek",
        "teamwerk",
        "jongeren",
        "mentoring",
        "competenties",
        "werkzoekenden",
        "methode",
        "communicatie",
    ],
}
PREFIXES = {
    "en": ["str", "team", "conf", "men"],
    "fr": ["form", "conf", "ent", "jeu"],
    "nl": ["tra", "zelf", "jon", "wer"],
}


def percentiles(samples):
    """p50, p95 and p99 of `samples` (in seconds), in milliseconds."""
    if len(samples) < 2:
        value = samples[0] * 1000 if samples else 0.0
        return value, value, value
    cuts = statistics.quantiles(samples, n=100, method="inclusive")
    return cuts[49] * 1000, cuts[94] * 1000, cuts[98] * 1000


class Command(BaseCommand):
    help = "Time the search page and the suggestions for realistic queries in every language (p50/p95/p99)."

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=20, help="Rounds of every query (default 20).")
        parser.add_argument(
            "--language", action="append", choices=sorted(QUERIES), help="Only this language (repeatable)."
        )
        parser.add_argument(
            "--no-frame-cache",
            action="store_true",
            help="Work out the menu, footer and competence links on every request, not once per content version.",
        )

    def handle(self, *args, repeat, language, no_frame_cache, **options):
        if repeat < 1:
            raise CommandError("--repeat must be 1 or more.")
        with override_settings(PAGE_CACHE_ENABLED=not no_frame_cache):
            self.run(repeat, language)

    def run(self, repeat, language):
        languages = language or [code for code, _name in settings.LANGUAGES if code in QUERIES]
        # The requests carry a host the site accepts, as a visitor's would.
        host = next((h for h in settings.ALLOWED_HOSTS if h and h != "*" and not h.startswith(".")), "localhost")
        factory = RequestFactory(HTTP_HOST=host)
        live = Page.objects.live().filter(depth__gt=1)
        self.stdout.write(f"Database: {connection.vendor}. Live pages: {live.count()}")
        for code in languages:
            self.stdout.write(f"  {code}: {live.filter(locale__language_code=code).count()} live pages")

        # Warm up every language once (connections, templates, translations), then
        # exempt what is loaded from the garbage collector's full scans, as each
        # server process does (config/wsgi.py).
        for code in languages:
            with translation.override(code):
                for query in QUERIES[code]:
                    self.search_once(factory, code, query)
        gc.freeze()

        all_search, all_suggest = [], []
        for code in languages:
            searches, suggestions, results = [], [], {}
            with translation.override(code):
                for _round in range(repeat):
                    for query in QUERIES[code]:
                        elapsed, count = self.search_once(factory, code, query)
                        searches.append(elapsed)
                        results[query] = count
                    for prefix in PREFIXES[code]:
                        request = self.request(factory, f"/{code}/search/suggest/", prefix)
                        started = time.perf_counter()
                        suggest.suggestions(request, prefix)
                        suggestions.append(time.perf_counter() - started)
            self.report(f"{code} search page", searches)
            self.report(f"{code} suggestions", suggestions)
            self.stdout.write("    results: " + ", ".join(f"{query!r} {count}" for query, count in results.items()))
            all_search += searches
            all_suggest += suggestions
        self.report("all search page", all_search, style=self.style.SUCCESS)
        self.report("all suggestions", all_suggest, style=self.style.SUCCESS)

    @staticmethod
    def request(factory, path, query):
        request = factory.get(path, {"q": query})
        request.user = AnonymousUser()
        request.LANGUAGE_CODE = translation.get_language()
        return request

    def search_once(self, factory, code, query):
        request = self.request(factory, f"/{code}/search/", query)
        started = time.perf_counter()
        response = views.search(request)
        response.render()
        elapsed = time.perf_counter() - started
        if response.status_code != 200:
            raise CommandError(f"The search for {query!r} in {code} answered {response.status_code}.")
        results = response.context_data.get("results")
        return elapsed, results.paginator.count if results is not None else 0

    def report(self, label, samples, style=None):
        p50, p95, p99 = percentiles(samples)
        line = f"{label}: {len(samples)} requests, p50 {p50:.1f} ms, p95 {p95:.1f} ms, p99 {p99:.1f} ms"
        self.stdout.write(style(line) if style else line)
