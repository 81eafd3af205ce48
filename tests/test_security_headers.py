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
