"""Anonymous visitors get whole pages from the cache: exactly the page, never a stale one."""

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from caching import content_version, page_cache
from home.models import StandardPage
from tests.factories import (
    EventPageFactory,
    PartnerFactory,
    PublicationPageFactory,
    StandardPageFactory,
    ToolPageFactory,
    translate,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("production_caching", "about_pages")]

# A plain page under the home page, in English and in French, built for each test.
ABOUT = "/en/about-the-cache/"
ABOUT_FR = "/fr/a-propos-du-cache/"


@pytest.fixture
def about_pages(db):
    english = StandardPageFactory(title="About the cache", slug="about-the-cache")
    french = translate(english, "fr", title="À propos du cache", slug="a-propos-du-cache")
    assert (english.url, french.url) == (ABOUT, ABOUT_FR)
    return {"en": english, "fr": french}


def about(lang="en"):
    return StandardPage.objects.get(url_path__endswith={"en": "/about-the-cache/", "fr": "/a-propos-du-cache/"}[lang])


# Hits and misses ----------------------------------------------------------------------------


def test_the_second_visit_is_served_from_the_cache(client):
    first = client.get(ABOUT)
    second = client.get(ABOUT)
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "s-maxage=60" in second["Cache-Control"] and "public" in second["Cache-Control"]


def test_a_hit_answers_with_the_status_and_every_header_of_the_miss(client):
    first = client.get(ABOUT)
    second = client.get(ABOUT)
    ignore = {"Date", "X-Page-Cache"}
    assert second.status_code == first.status_code == 200
    assert {k: v for k, v in second.items() if k not in ignore} == {k: v for k, v in first.items() if k not in ignore}
    assert second["X-Frame-Options"] == "DENY" and second["Content-Length"] == str(len(first.content))


def test_languages_are_cached_apart(client):
    client.get(ABOUT)
    assert client.get(ABOUT_FR)["X-Page-Cache"] == "miss"


def test_a_parameter_the_page_never_reads_gets_the_page_without_it(client):
    first = client.get(ABOUT)
    for query in ("?x=1", "?x=2", "?utm_source=newsletter&x=3"):
        response = client.get(ABOUT + query)
        assert response["X-Page-Cache"] == "hit", query
        assert response.content == first.content


def test_a_render_that_carried_an_unread_parameter_is_not_stored(client):
    assert "X-Page-Cache" not in client.get("/en/about/?x=1")  # served, not kept: the page might echo x
    assert client.get(ABOUT)["X-Page-Cache"] == "miss"


def test_the_parameters_a_page_reads_are_cached_apart(client):
    results = client.get("/en/search/?q=skills")
    assert results["X-Page-Cache"] == "miss"
    other = client.get("/en/search/?q=films")
    assert other["X-Page-Cache"] == "miss"
    assert other.content != results.content
    assert client.get("/en/search/?q=skills&x=1")["X-Page-Cache"] == "hit"
    assert client.get("/en/search/?x=1&q=skills").content == results.content


def test_each_path_keeps_a_bounded_number_of_query_variants(client, settings):
    settings.PAGE_CACHE_MAX_VARIANTS = 2
    client.get("/en/search/")  # learns which parameters the search reads
    for word in ("alpha", "beta", "gamma"):
        client.get(f"/en/search/?q={word}")
    assert client.get("/en/search/?q=alpha")["X-Page-Cache"] == "hit"
    assert client.get("/en/search/?q=gamma").get("X-Page-Cache") != "hit"  # over the cap: never kept


def test_the_host_is_compared_in_lower_case(client):
    client.get(ABOUT, HTTP_HOST="testserver")
    assert client.get(ABOUT, HTTP_HOST="TestServer")["X-Page-Cache"] == "hit"


def test_a_host_the_site_does_not_serve_is_refused_not_cached(client):
    assert client.get(ABOUT, HTTP_HOST="attacker.example").status_code == 400
    assert client.get(ABOUT, HTTP_HOST="attacker.example").status_code == 400


def test_an_invalid_or_expired_session_cookie_still_gets_cached_pages(client):
    client.get(ABOUT)
    client.cookies["sessionid"] = "not-a-session-anyone-has"
    assert client.get(ABOUT)["X-Page-Cache"] == "hit"


def test_logged_in_editors_always_get_fresh_pages(client, admin_user):
    client.get(ABOUT)
    client.force_login(admin_user)
    assert "X-Page-Cache" not in client.get(ABOUT)


def test_error_pages_and_the_admin_are_not_cached(client):
    client.get("/en/no-such-page/")
    assert "X-Page-Cache" not in client.get("/en/no-such-page/")
    assert "X-Page-Cache" not in client.get("/admin/login/")


def test_cached_pages_keep_the_security_headers(client):
    client.get(ABOUT)
    response = client.get(ABOUT)
    assert response["X-Page-Cache"] == "hit"
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "camera=()" in response["Permissions-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_page_whose_policy_carries_a_script_nonce_is_never_cached(rf):
    from django.http import HttpResponse

    with_nonce = HttpResponse("<script nonce='abc'></script>")
    with_nonce["Content-Security-Policy"] = "script-src 'self' 'nonce-abc'"
    assert not page_cache.cacheable_response(rf.get(ABOUT), with_nonce)


def test_a_page_with_a_csrf_token_is_never_cached(rf):
    from django.http import HttpResponse
    from django.middleware.csrf import get_token

    request = rf.get("/en/events/")
    get_token(request)
    assert not page_cache.cacheable_response(request, HttpResponse("<form>…</form>"))
    assert page_cache.cacheable_response(rf.get(ABOUT), HttpResponse("<p>…</p>"))


def test_only_whole_answers_to_get_are_stored(rf):
    from django.http import FileResponse, HttpResponse

    assert not page_cache.cacheable_response(rf.head(ABOUT), HttpResponse(""))
    assert not page_cache.cacheable_response(rf.get(ABOUT), HttpResponse("part", status=206))
    assert not page_cache.cacheable_response(rf.get(ABOUT), FileResponse(iter([b"a", b"b"])))


# HEAD -----------------------------------------------------------------------------------------


def test_head_never_stores_and_the_following_get_gets_the_whole_page(client):
    head = client.head(ABOUT)
    assert head.status_code == 200 and head.content == b""
    get = client.get(ABOUT)
    assert get["X-Page-Cache"] == "miss"
    assert b"</html>" in get.content


def test_a_stored_page_answers_head_with_its_headers_and_no_body(client):
    get = client.get(ABOUT)
    head = client.head(ABOUT)
    assert head["X-Page-Cache"] == "hit"
    assert head.content == b""
    assert head["Content-Length"] == get["Content-Length"]
    assert head["Content-Type"] == get["Content-Type"]


# Invalidation ---------------------------------------------------------------------------------


def test_publishing_a_page_refreshes_the_cache(client):
    client.get(ABOUT)  # now in the shared cache and in this process's memory
    page = about()
    page.title = "About the STEPS cluster"
    page.save_revision().publish()
    response = client.get(ABOUT)
    assert response["X-Page-Cache"] == "miss"
    assert b"About the STEPS cluster" in response.content


def test_saving_a_snippet_that_pages_show_refreshes_the_cache(client):
    partner = PartnerFactory(town="Ghent")
    method = ToolPageFactory(partner=partner)
    client.get(method.url)
    assert client.get(method.url)["X-Page-Cache"] == "hit"
    partner.town = "Bruges"
    partner.save()
    response = client.get(method.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Bruges" in response.content.decode()


@pytest.mark.parametrize("change", ["redirect", "collection privacy", "document", "image"])
def test_changes_that_many_pages_show_renew_every_page(client, change):
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Collection, CollectionViewRestriction

    client.get(ABOUT)
    if change == "redirect":
        Redirect.objects.create(old_path="/en/old-about", redirect_link=ABOUT)
    elif change == "collection privacy":
        CollectionViewRestriction.objects.create(
            collection=Collection.get_first_root_node(), restriction_type="login"
        ).delete()
    elif change == "document":
        document = get_document_model().objects.first()
        document.title = document.title + " (updated)"
        document.save()
    else:
        image = get_image_model().objects.first()
        image.title = image.title + " (updated)"
        image.save()
    assert client.get(ABOUT)["X-Page-Cache"] == "miss"


def test_a_view_restriction_takes_a_page_out_of_every_listing_at_once(client):
    from wagtail.models import PageViewRestriction

    from toolkit.models import ToolkitIndexPage

    index = ToolkitIndexPage.objects.live().get(locale__language_code="en")
    method = ToolPageFactory(title="Aardvark relay")  # first in the listing, newest in the feed
    word = "Aardvark"
    urls = [method.url, index.url, f"/en/search/?q={word}", "/en/feeds/methods/rss.xml"]
    for url in urls:
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "hit", url
    link = method.url.encode()
    assert all(link in client.get(url).content for url in urls[1:])

    PageViewRestriction.objects.create(page=method, restriction_type=PageViewRestriction.LOGIN)

    assert client.get(method.url).status_code == 302  # to the login page
    for url in urls[1:]:
        response = client.get(url)
        assert response["X-Page-Cache"] == "miss", url
        assert link not in response.content, url


def test_a_registration_renews_its_event_and_listing_while_other_pages_stay_hits(
    client, django_capture_on_commit_callbacks
):
    from events.models import EventIndexPage
    from tests.events.conftest import registration_data

    event = EventPageFactory(open_for_registration=True)
    french = translate(event, "fr")
    assert event.registration_open
    listing = EventIndexPage.objects.live().get(locale__language_code="en")
    shown = [event.url, french.url, listing.url, "/en/results/"]
    unrelated = [ABOUT, ABOUT_FR]
    for url in shown + unrelated:
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "hit", url
    places_before = event.remaining_places

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(event.url + event.reverse_subpage("register"), registration_data())
    assert response.status_code in (200, 302)

    for url in shown:
        assert client.get(url)["X-Page-Cache"] == "miss", url
    page = client.get(event.url).content.decode()
    assert str(places_before - 1) in page
    for url in unrelated:
        assert client.get(url)["X-Page-Cache"] == "hit", url


def test_a_copy_request_renews_only_the_pages_showing_that_publication(client):
    from publications.models import PrintRequest

    publication = PublicationPageFactory(printed_copies=100)
    assert publication.stock
    for url in (publication.url, ABOUT):
        client.get(url)
    PrintRequest.objects.create(
        stock=publication.stock, language="en", name="Ada", email="ada@example.org", copies=1, status="sent"
    )
    assert client.get(publication.url)["X-Page-Cache"] == "miss"
    assert client.get(ABOUT)["X-Page-Cache"] == "hit"


def test_a_page_served_again_comes_from_the_process_memory(client):
    first = client.get(ABOUT)
    # Only this process still has the page: the shared cache is asked for the version alone.
    cache.delete(page_cache.cache_key(RequestFactory().get(ABOUT), content_version.current_version()))
    again = client.get(ABOUT)
    assert again["X-Page-Cache"] == "hit"
    assert again.content == first.content


def stored(size, expires_in=60):
    import time

    return {"content": b"x" * size, "headers": [], "tags": {}, "status": 200, "expires": time.time() + expires_in}


def test_the_process_memory_keeps_within_its_budget_dropping_the_least_recent():
    recent = page_cache.RecentPages(budget_bytes=100)
    recent.put("a", stored(40))
    recent.put("b", stored(40))
    recent.get("a")  # "a" is now the most recent
    recent.put("c", stored(40))
    assert recent.get("b") is None
    assert recent.get("a") is not None and recent.get("c") is not None
    assert recent.used == 80
    recent.put("huge", stored(101))
    assert recent.get("huge") is None


def test_the_process_memory_ends_with_the_page_lifetime():
    recent = page_cache.RecentPages(budget_bytes=100)
    recent.put("gone", stored(10, expires_in=-1))
    assert recent.get("gone") is None
    assert recent.used == 0


def test_renew_page_cache_renders_every_page_afresh(client):
    from django.core.management import call_command

    client.get(ABOUT)
    call_command("renew_page_cache", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert client.get(ABOUT)["X-Page-Cache"] == "miss"
