"""Public pages forbid inline scripts and framing, and send the security headers."""

import pytest

pytestmark = pytest.mark.django_db


def test_public_pages_send_a_strict_content_security_policy(client, homes):
    response = client.get(homes["fr"].url)
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy.split("style-src")[0]
    assert "frame-ancestors 'none'" in policy
    assert "object-src 'none'" in policy


def test_public_pages_send_the_other_security_headers(client, homes):
    response = client.get(homes["nl"].url)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]


def test_public_pages_contain_no_inline_script(client, homes):
    html = client.get(homes["en"].url).content.decode()
    for chunk in html.split("<script")[1:]:
        opening = chunk.split(">", 1)[0]
        assert "src=" in opening or 'type="application/ld+json"' in opening, opening


def test_the_admin_keeps_wagtails_own_policy(client, admin_user):
    client.force_login(admin_user)
    response = client.get("/admin/")
    assert "Content-Security-Policy" not in response


# django-csp's own middleware: the site's policy, per-view changes and exemptions ---------------


def _through_csp_middleware(rf, view, path="/en/about/"):
    from csp.middleware import CSPMiddleware

    request = rf.get(path)
    return CSPMiddleware(view)(request), request


def _page(request):
    from django.http import HttpResponse

    return HttpResponse("<p>…</p>")


def test_a_changed_setting_changes_the_header(rf, settings):
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": ["'none'"]}}
    response, _request = _through_csp_middleware(rf, _page)
    assert response["Content-Security-Policy"] == "default-src 'none'"


def test_per_view_updates_replacements_and_exemptions_still_apply(rf):
    from csp.decorators import csp_exempt, csp_replace, csp_update

    updated, _request = _through_csp_middleware(rf, csp_update({"img-src": ["https://tiles.example"]})(_page))
    assert "https://tiles.example" in updated["Content-Security-Policy"]
    assert "img-src 'self' data:" in updated["Content-Security-Policy"]
    replaced, _request = _through_csp_middleware(rf, csp_replace({"frame-src": ["https://maps.example"]})(_page))
    assert "frame-src https://maps.example" in replaced["Content-Security-Policy"]
    assert "youtube" not in replaced["Content-Security-Policy"]
    exempt, _request = _through_csp_middleware(rf, csp_exempt()(_page))
    assert "Content-Security-Policy" not in exempt
    # And the site's usual policy is back for the next response.
    plain, _request = _through_csp_middleware(rf, _page)
    assert "youtube" in plain["Content-Security-Policy"]
    assert "tiles.example" not in plain["Content-Security-Policy"]


def test_a_nonce_asked_for_by_the_view_is_in_the_header(rf, settings):
    from csp.constants import NONCE
    from django.http import HttpResponse

    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"script-src": ["'self'", NONCE]}}

    def view(request):
        return HttpResponse(f'<script nonce="{request.csp_nonce}"></script>')

    response, request = _through_csp_middleware(rf, view)
    assert f"'nonce-{request._csp_nonce}'" in response["Content-Security-Policy"]
    plain, _request = _through_csp_middleware(rf, _page)
    assert "nonce" not in plain["Content-Security-Policy"]


def test_excluded_prefixes_get_no_policy(rf):
    response, _request = _through_csp_middleware(rf, _page, path="/admin/pages/")
    assert "Content-Security-Policy" not in response
