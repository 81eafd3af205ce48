"""Protection of the public forms (event registration, publication orders…)
against bots and floods: one honeypot field and one rate limit, shared.

Usage in a form and its view::

    from privacy import protection

    class RegistrationForm(protection.HoneypotMixin, forms.Form):
        ...

    def register(request):
        if protection.is_rate_limited(request, "events.register"):
            ...  # answer 429 with a message, keep what was typed
        form = RegistrationForm(request.POST)
        if form.is_valid() and not form.is_spam():
            ...

The honeypot is a text field that people never see (hidden with CSS and from
assistive technology) but that naive bots fill in. A filled honeypot makes
`is_spam()` true; the view then pretends success without storing anything, so the
bot learns nothing.

Rate limits use django-ratelimit (cache-based: with several processes the cache
must be shared, e.g. Redis in production; the test settings use locmem). They
count POST requests per client IP address and per *group* (one group per form);
a route that serves files (the publication downloads) counts its GET and HEAD
requests the same way.

Settings, all optional (read with defaults, so the module works without them):

- ``RATELIMIT_ENABLE`` (bool, default True; also the environment variable
  ``RATELIMIT_ENABLE=0`` switches every limit off, for load tests and local work).
  django-ratelimit reads the same setting.
- ``PROTECTION_RATES``: {group: rate}, e.g. {"events.register": "20/h"}, overriding
  the rates declared by the apps; rates use django-ratelimit's syntax ("5/m", "100/d").
- ``PROTECTION_DEFAULT_RATE`` (default "20/h"): for groups without a declared rate.
- ``RATELIMIT_IP_META_KEY``: django-ratelimit's setting to take the client address
  from a proxy header; needed behind a reverse proxy, or everyone shares one address.
  Set it to "privacy.protection.client_ip" to use X-Forwarded-For as written by
  ``PROTECTION_PROXY_COUNT`` trusted proxies (default 1).
"""

import ipaddress
import logging
import os

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

HONEYPOT_FIELD = "website_url"
DEFAULT_RATE = "20/h"

# Rates declared by the apps (group -> rate); settings.PROTECTION_RATES overrides them.
_declared_rates = {}


def declare_rate(group, rate):
    """Declare the default rate of a form group, e.g. declare_rate("events.register", "20/h")."""
    _declared_rates[group] = rate


def rate_for(group):
    configured = getattr(settings, "PROTECTION_RATES", {}) or {}
    if group in configured:
        return configured[group]
    return _declared_rates.get(group, getattr(settings, "PROTECTION_DEFAULT_RATE", DEFAULT_RATE))


def rate_limits_enabled():
    """False when RATELIMIT_ENABLE is off in the settings or in the environment."""
    setting = getattr(settings, "RATELIMIT_ENABLE", None)
    if setting is not None:
        return bool(setting)
    value = os.environ.get("RATELIMIT_ENABLE", "")
    if value.strip() == "":
        return True
    return value.strip().lower() in {"1", "true", "yes", "on"}


def is_rate_limited(request, group, rate=None, increment=True, methods=("POST",)):
    """True when this client has sent too many requests for `group`; each call counts
    one more when `increment` is true. Only `methods` are limited: POSTs, for a form;
    a route that serves files passes ("GET", "HEAD").

    When the cache that holds the counts cannot be reached, nobody is limited (and a
    warning is logged): a fault behind the site must not refuse what a visitor sends."""
    if not rate_limits_enabled() or request.method not in methods:
        return False
    from django_ratelimit.core import is_ratelimited

    try:
        return is_ratelimited(
            request, group=group, key="ip", rate=rate or rate_for(group), method=list(methods), increment=increment
        )
    except Exception:  # any cache backend's error
        logger.warning("Rate limit %s not applied: the cache did not answer.", group, exc_info=True)
        return False


def client_ip(request):
    """The client's address behind `PROTECTION_PROXY_COUNT` trusted reverse proxies.

    Each proxy appends the address it received the request from to
    X-Forwarded-For, so the entry written by the outermost trusted proxy is the
    n-th from the end; anything before it can be forged by the client. An entry
    that is not an IP address (the app reached without its proxy, say) is not
    used: the rate limits parse the address and must not fail on it.
    """
    hops = int(getattr(settings, "PROTECTION_PROXY_COUNT", 1))
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if hops > 0 and len(forwarded) >= hops and _is_ip_address(forwarded[-hops]):
        return forwarded[-hops]
    return request.META.get("REMOTE_ADDR", "")


def _is_ip_address(text):
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


RATE_LIMITED_MESSAGE = _("Too many attempts from your connection. Please wait a while and try again.")


class HoneypotMixin(forms.Form):
    """Adds the hidden honeypot field to a form; `is_spam()` tells if a bot filled it."""

    website_url = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def is_spam(self):
        value = self.data.get(self.add_prefix(HONEYPOT_FIELD), "")
        return bool(str(value).strip())

    @property
    def honeypot_field(self):
        return self[HONEYPOT_FIELD]

    def visible_fields(self):
        # Templates that loop over visible fields must not show the honeypot as an
        # ordinary field: render `form.honeypot_field` inside an element with the
        # `hidden` attribute instead, so neither people nor screen readers meet it.
        return [field for field in super().visible_fields() if field.name != HONEYPOT_FIELD]
