"""The Content-Security-Policy header, built once per process for the usual response.

django-csp builds the header string from the settings on every response, pages
served from the page cache included. Almost every response carries the site's
policy unchanged: no nonce was asked for and no view decorator (csp_update,
csp_replace, a per-view config) altered it. For those the header is built once
and reused; any other response goes through django-csp as before. Exemptions
(csp_exempt, EXCLUDE_URL_PREFIXES) and the DEBUG error pages behave as in
django-csp either way.
"""

import http.client

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject
from csp.middleware import CSPMiddleware as DjangoCSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.core.signals import setting_changed

# (setting, header, report only, the response attribute that exempts from it)
_POLICIES = (
    ("CONTENT_SECURITY_POLICY", HEADER, False, "_csp_exempt"),
    ("CONTENT_SECURITY_POLICY_REPORT_ONLY", HEADER_REPORT_ONLY, True, "_csp_exempt_ro"),
)
_DEBUG_PAGES = (http.client.INTERNAL_SERVER_ERROR, http.client.NOT_FOUND)

_built = {}


def default_policies():
    """[(header, value, excluded path prefixes, exempting attribute)] from the settings, built once."""
    if "policies" not in _built:
        policies = []
        for setting, header, report_only, exempt in _POLICIES:
            config = getattr(settings, setting, None) or {}
            prefixes = tuple(config.get("EXCLUDE_URL_PREFIXES") or ())
            policies.append((header, build_policy(report_only=report_only), prefixes, exempt))
        _built["policies"] = policies
    return _built["policies"]


def _forget(*, setting, **kwargs):
    # Tests change the policy with override_settings: build it again then.
    if setting in {name for name, *_rest in _POLICIES}:
        _built.clear()


setting_changed.connect(_forget, dispatch_uid="core-csp-forget")


def _is_default(parts):
    return parts.config is None and parts.update is None and parts.replace is None and parts.nonce is None


class CSPMiddleware(DjangoCSPMiddleware):
    def process_response(self, request, response):
        parts = self.get_policy_parts(request=request, response=response)
        parts_ro = self.get_policy_parts(request=request, response=response, report_only=True)
        if not (_is_default(parts) and _is_default(parts_ro)):
            return super().process_response(request, response)
        if response.status_code in _DEBUG_PAGES and settings.DEBUG:
            return response
        for header, value, prefixes, exempt in default_policies():
            if (
                value
                and header not in response
                and getattr(response, exempt, False) is False
                and not request.path_info.startswith(prefixes)
            ):
                response[header] = value
        # As django-csp does: a nonce asked for after the header is written could not be in it.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response
