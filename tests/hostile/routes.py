"""Every public address of the site in one language, for the hostile-input tests.

The page types and their sub-routes come from `tests.page_types` (discovered from
the database, so a new page type is covered without touching these tests); the
addresses that are not pages are added here: the downloads (film video and
captions, framework files, open data, citations, calendars, editions),
search and suggestions, feeds, the sitemap, robots.txt, the API and the form pages.
"""

from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from tests.languages import WRITTEN
from tests.page_types import page_urls


def _first(model, locale, **filters):
    return model.objects.live().public().filter(locale=locale, **filters).order_by("path").first()


def _subroute(page, name, *args):
    return page.url + page.reverse_subpage(name, args=args).lstrip("/") if page else None


def download_urls(language):
    """[(label, url)] of the files and machine-readable views in one language."""
    from competences.models import Framework
    from events.models import EventIndexPage, EventPage
    from films.models import FilmPage
    from publications.models import PublicationPage
    from syndication.feeds import FEED_KINDS
    from syndication.opendata import DATASETS

    locale = Locale.objects.get(language_code=language)
    urls = []
    film = next((film for film in FilmPage.objects.live().public().filter(locale=locale) if film.video_url), None)
    if film is not None:
        urls.append(("film video", film.video_url))
    captioned = next((film for film in FilmPage.objects.live().public().filter(locale=locale) if film.cues), None)
    urls.append(("film captions", _subroute(captioned, "captions")))
    publication = _first(PublicationPage, locale)
    if publication is not None:
        for edition in publication.editions.all():
            urls.append(("publication edition", _subroute(publication, "download", edition.language)))
        urls.append(("unknown edition", _subroute(publication, "download", "xx")))
        for name in ("cite_bib", "cite_ris", "cite_json"):
            urls.append((f"citation {name}", _subroute(publication, name)))
        urls.append(("copy request received", _subroute(publication, "request_received", "requested")))
    urls.append(("event calendar", _subroute(_first(EventPage, locale), "ics")))
    urls.append(("events calendar feed", _subroute(_first(EventIndexPage, locale), "calendar")))
    urls.append(("event cancel link", _subroute(_first(EventPage, locale), "cancel", "not-a-token")))
    with translation.override(language):
        framework = Framework.objects.filter(locale=locale).order_by("pk").first()
        if framework is not None:
            urls.append(("framework CSV", reverse("competences:csv", args=[framework.code])))
            urls.append(("framework JSON-LD", reverse("competences:jsonld", args=[framework.code])))
        for slug in DATASETS:
            urls.append((f"open data {slug} CSV", reverse("opendata_csv", args=[slug])))
            urls.append((f"open data {slug} JSON", reverse("opendata_json", args=[slug])))
        for kind in FEED_KINDS:
            urls.append((f"{kind} RSS", reverse("feed_rss", args=[kind])))
            urls.append((f"{kind} Atom", reverse("feed_atom", args=[kind])))
        urls.append(("search", reverse("search")))
        urls.append(("alerts form", reverse("alerts:subscribe")))
        urls.append(("alerts confirm link", reverse("alerts:confirm", args=["not-a-token"])))
        urls.append(("alerts unsubscribe link", reverse("alerts:unsubscribe", args=["not-a-token"])))
        urls.append(("suggestions", reverse("search_suggest")))
    return [(label, url) for label, url in urls if url]


def site_wide_urls():
    """[(label, url)] of the addresses without a language."""
    from wagtail.documents import get_document_model
    from wagtail.models import Page

    page = Page.objects.live().public().filter(depth__gt=2).order_by("path").first()
    urls = [
        ("root", "/"),
        ("sitemap", reverse("sitemap")),
        ("robots.txt", reverse("robots_txt")),
        ("API pages", "/api/v2/pages/"),
        ("API page", f"/api/v2/pages/{page.pk}/"),
        ("API find", "/api/v2/pages/find/"),
    ]
    document = get_document_model().objects.order_by("pk").first()
    if document is not None:
        urls.append(("document", document.url))
    return urls


def public_urls():
    """{group: [(label, url)]}: the addresses without a language, then those of each language."""
    from tests.page_types import LANGUAGES

    groups = {"site-wide": site_wide_urls()}
    for language in LANGUAGES:
        groups[language] = [
            (f"{language} {label}", url) for label, url in page_urls(language) + download_urls(language)
        ]
    return groups


def taking_turns(turn):
    """The groups of addresses (see routes.public_urls) one test runs on: the site-wide ones
    and one language's. The languages take turns down the tests: each language's addresses
    are the same routes and views as another's, so every language meets some kinds of hostile
    input and every kind meets every route, at a third of the cost of every pair.

        @pytest.mark.parametrize("routes", taking_turns(0), indirect=True)
    """
    return ["site-wide", WRITTEN[turn % len(WRITTEN)]]
