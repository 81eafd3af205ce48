"""The machine-readable addresses: keys, issuers, achievements, status lists, verification as JSON."""

import json

from django.conf import settings
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods
from wagtail.models import Locale

from core.visibility import visible

from . import baking, keys
from .credentials import achievement_json, issuer_profile
from .models import AchievementPage, IssuerProfile
from .status_list import signed_list
from .verification import MAX_CREDENTIAL_CHARS, verify


def _json(data, **kwargs):
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2}, **kwargs)


@require_GET
def jwks(request):
    response = _json(keys.jwks(IssuerProfile.objects.order_by("pk")))
    response["Content-Type"] = "application/jwk-set+json"
    return response


@require_GET
def issuer(request, public_id):
    profile = get_object_or_404(IssuerProfile, public_id=public_id)
    data = {
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ]
    }
    return _json(data | issuer_profile(profile))


@require_GET
def achievement(request, key):
    """The OB 3.0 Achievement, in the language asked by `?lang=` (the default language otherwise)."""
    language = request.GET.get("lang", "")
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    locale = Locale.objects.filter(language_code=language).first()
    page = visible(AchievementPage.objects.filter(translation_key=key), locale).first() if locale else None
    if page is None:
        raise Http404
    partner = page.partner
    profile = IssuerProfile.objects.filter(partner_key=partner.translation_key).first() if partner else None
    context = ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]
    return _json({"@context": context} | achievement_json(page, profile))


@require_GET
def status_list(request, public_id):
    """The issuer's Bitstring Status List credential, signed. Never kept by a cache without asking again."""
    profile = get_object_or_404(IssuerProfile, public_id=public_id)
    response = HttpResponse(signed_list(profile), content_type="application/vc+jwt")
    response["Cache-Control"] = "no-cache"
    return response


def read_submission(request):
    """The credential a visitor or a machine sent: pasted, in a JSON body, or baked in an uploaded image."""
    upload = request.FILES.get("image")
    if upload is not None:
        if upload.size > baking.MAX_UPLOAD_BYTES:
            raise baking.NotBaked("the file is too large")
        return baking.extract(upload.read())
    if request.content_type == "application/json":
        try:
            body = json.loads(request.body[: MAX_CREDENTIAL_CHARS + 1000] or b"{}")
        except ValueError:
            return ""
        return str(body.get("credential", "")) if isinstance(body, dict) else ""
    return request.POST.get("credential", "")


def submitted_email(request):
    if request.content_type == "application/json":
        try:
            body = json.loads(request.body or b"{}")
        except ValueError:
            return ""
        return str(body.get("email", ""))[:254] if isinstance(body, dict) else ""
    return request.POST.get("email", "")[:254]


@csrf_exempt  # changes nothing, and machines post without a session
@require_http_methods(["POST"])
def verify_json(request):
    try:
        token = read_submission(request)
    except baking.NotBaked as error:
        return _json({"valid": False, "checks": [{"check": "format", "passed": False, "reason": str(error)}]})
    result = verify(token, submitted_email(request))
    response = _json(result.as_json())
    response["Cache-Control"] = "no-store"
    return response
