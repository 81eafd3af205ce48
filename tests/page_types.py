"""Every kind of public page of the site, one address each, discovered from the database.

One live page of each specific page model in each language, so a page type that
is added later is covered without touching the tests; then the addresses that
are not pages of their own: the sub-routes of routable pages (a print view, a
comparison, a registration form…), the competence framework, search and the
404 page. Addresses are relative (they start with the language prefix).
"""

from urllib.parse import urlencode

from django.urls import NoReverseMatch, reverse
from django.utils import translation
from wagtail.models import Locale, Page, get_page_models

from tests.languages import WRITTEN

# The languages the demo is written in (its pages there are live); a language added to
# LANGUAGES without demo text has drafts only (tests/test_language_configuration.py covers it).
LANGUAGES = WRITTEN


def _models():
    return sorted((model for model in get_page_models() if model is not Page), key=lambda m: m._meta.label)


def _pages_of(model, locale):
    return model.objects.live().public().filter(locale=locale, alias_of__isnull=True).order_by("path")


def _url(page, suffix=""):
    url = page.get_url()
    return f"{url}{suffix}" if url else None


def _routes(model, locale):
    """Sub-routes worth checking for a page model, as (name, url) pairs."""
    label = model._meta.label
    pages = _pages_of(model, locale)
    page = pages.first()
    routes = []
    if page is None:
        return routes
    if label == "toolkit.ToolkitIndexPage":
        from toolkit.models import PLAN_PARAM, ToolPage

        tools = ToolPage.objects.live().descendant_of(page).order_by("path").values_list("pk", flat=True)[:3]
        routes.append(("toolkit plan", _url(page, "plan/?" + urlencode([(PLAN_PARAM, pk) for pk in tools]))))
    elif label == "toolkit.ToolPage":
        routes.append(("method print view", _url(page, "print/")))
    elif label == "practices.CaseStudyIndexPage":
        from practices.models import CaseStudyPage

        cases = CaseStudyPage.objects.live().descendant_of(page).order_by("path")
        keys = [str(key) for key in cases.values_list("translation_key", flat=True)[:3]]
        routes.append(("case comparison", _url(page, "compare/?" + urlencode([("case", key) for key in keys]))))
        first = cases.select_related("project").first()
        if first is not None and first.project_id:
            routes.append(("project", _url(page, f"projects/{first.project.acronym}/")))
        routes.append(("partners", _url(page, "partners/")))
        partner = first.partners.first() if first is not None else None
        if partner is not None:
            from partners.views import partner_slug

            routes.append(("partner", _url(page, f"partners/{partner_slug(partner)}/")))
    elif label == "assessments.QuestionnairePage":
        code = ("1234" * 20)[: len(page.statements)]
        routes.append(("questionnaire screen", _url(page, "answer/")))
        routes.append(("questionnaire result", _url(page, f"result/?a={code}")))
        routes.append(("action plan", _url(page, f"plan/?a={code}&step1=Call&date1=2027-01-15")))
    elif label == "courses.CoursePage":
        routes.append(("course programme", _url(page, "programme/")))
    elif label == "practices.CaseStudyPage":
        routes.append(("case brief", _url(page, "brief/")))
    elif label == "events.EventPage":
        from events.choices import Kind

        open_event = next((event for event in pages if event.registration_open), None)
        if open_event is not None:
            routes.append(("event with open registration", _url(open_event)))
            routes.append(("registration form", _url(open_event, "register/")))
        conference = pages.filter(kind=Kind.CONFERENCE).first()
        if conference is not None:
            routes.append(("conference", _url(conference)))
    elif label == "publications.PublicationPage":
        printed = next((publication for publication in pages if publication.stock is not None), None)
        if printed is not None:
            routes.append(("copy request form", _url(printed, "request/")))
    elif label == "badges.BadgesIndexPage":
        from badges.claiming import make_token
        from badges.models import Award

        routes.append(("badge verification", _url(page, "verify/")))
        awards = Award.objects.filter(is_example=True, status__revoked_at__isnull=True).order_by("pk")
        claimed = awards.first()
        if claimed is not None:
            routes.append(("badge claim", _url(page, f"claim/{make_token(claimed)}/")))
        public = awards.filter(is_public=True).first()
        if public is not None:
            routes.append(("public badge", _url(page, f"awards/{public.public_id}/")))
    return [(name, url) for name, url in routes if url]


def _framework_urls(language):
    from competences.models import Framework, FrameworkItem

    urls = []
    with translation.override(language):
        urls.append(("framework browser", reverse("competences:index")))
        framework = Framework.objects.filter(locale__language_code=language).order_by("pk").first()
        if framework is not None:
            urls.append(("framework", reverse("competences:framework", args=[framework.code])))
            item = (
                FrameworkItem.objects.filter(locale__language_code=language, level=FrameworkItem.Level.COMPETENCE)
                .select_related("framework")
                .order_by("framework__sort_order", "sort_order", "code")
                .first()
            )
            if item is not None:
                urls.append(("competence", reverse("competences:item", args=[item.framework.code, item.code])))
        # Views that exist only in some versions of the framework app.
        for name in ("competences:coverage", "competences:matrix", "competences:coverage_matrix"):
            try:
                urls.append(("coverage matrix", reverse(name)))
                break
            except NoReverseMatch:
                continue
        urls.append(("search results", reverse("search") + "?" + urlencode({"q": "skills"})))
        urls.append(("empty search", reverse("search")))
    return urls


def page_urls(language):
    """[(label, relative url)] of every kind of public HTML page in one language."""
    locale = Locale.objects.get(language_code=language)
    urls = []
    for model in _models():
        page = _pages_of(model, locale).first()
        if page is None or not page.url:
            continue
        urls.append((model._meta.label, page.get_url()))
        urls.extend(_routes(model, locale))
    urls.extend(_framework_urls(language))
    urls.append(("404 page", f"/{language}/no-such-page-here/"))
    return urls


def specific_page_urls(language):
    """Only the pages themselves: one live page of each specific page model."""
    locale = Locale.objects.get(language_code=language)
    urls = []
    for model in _models():
        page = _pages_of(model, locale).first()
        if page is not None and page.get_url():
            urls.append((model._meta.label, page.get_url()))
    return urls


def share_of(language, urls_of=page_urls, every_language=()):
    """`language`'s turn of the addresses `urls_of(code)` gives in each language: each label
    goes to one language, the languages taking turns down the sorted labels; the labels in
    `every_language` go to each. For the checks whose templates and code are the same in
    every language: each kind of address is checked once, and every language is checked."""
    labels = sorted({label for code in LANGUAGES for label, _url in urls_of(code)})
    turn = {label: LANGUAGES[index % len(LANGUAGES)] for index, label in enumerate(labels)}
    return [(label, url) for label, url in urls_of(language) if turn[label] == language or label in every_language]
