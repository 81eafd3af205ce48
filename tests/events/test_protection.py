"""The shared protection of public forms (privacy/protection.py)."""

from django import forms
from django.test import RequestFactory

from privacy import protection


class ContactForm(protection.HoneypotMixin, forms.Form):
    name = forms.CharField()


def test_honeypot_is_spam_only_when_filled_and_never_a_visible_field():
    assert ContactForm({"name": "Ada", "website_url": "x"}).is_spam()
    assert not ContactForm({"name": "Ada", "website_url": " "}).is_spam()
    assert [field.name for field in ContactForm().visible_fields()] == ["name"]


def test_rates_come_from_settings_then_from_the_apps(settings):
    protection.declare_rate("tests.contact", "3/m")
    assert protection.rate_for("tests.contact") == "3/m"
    settings.PROTECTION_RATES = {"tests.contact": "1/h"}
    assert protection.rate_for("tests.contact") == "1/h"
    assert protection.rate_for("tests.unknown") == protection.DEFAULT_RATE


def test_safe_methods_are_never_limited(settings):
    settings.PROTECTION_RATES = {"tests.contact": "1/h"}
    request = RequestFactory().get("/")
    assert not any(protection.is_rate_limited(request, "tests.contact") for _ in range(3))


def test_client_ip_behind_a_proxy(settings):
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7")
    assert protection.client_ip(request) == "203.0.113.7"  # the forged first entry is ignored
    settings.PROTECTION_PROXY_COUNT = 0
    assert protection.client_ip(request) == "10.0.0.1"
    assert protection.client_ip(RequestFactory().get("/", REMOTE_ADDR="10.0.0.2")) == "10.0.0.2"
