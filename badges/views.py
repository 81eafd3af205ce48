"""The machine-readable addresses: keys, issuers, achievements, status lists, verification as JSON."""

import json

from django.conf import settings
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods
from wagtail.models import Locale

from core.visibility import visible

from . import baking, keys, ob2
from .credentials import achievement_json, issuer_profile
from .models import AchievementPage, Award, IssuerProfile, StatusEntry
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


def _achievement_page(request, key):
    """The live badge page of a translation key in the language asked by `?lang=` (the default one otherwise)."""
    language = request.GET.get("lang", "")
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    locale = Locale.objects.filter(language_code=language).first()
    page = visible(AchievementPage.objects.filter(translation_key=key), locale).first() if locale else None
    if page is None:
        raise Http404
    return page


@require_GET
def achievement(request, key):
    """The OB 3.0 Achievement, in the language asked by `?lang=` (the default language otherwise)."""
    page = _achievement_page(request, key)
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


# Open Badges 2.0 hosted verification ---------------------------------------------


def _ld(data, status=200):
    response = _json(data, status=status)
    response["Content-Type"] = "application/ld+json"
    return response


@require_GET
def ob2_issuer(request, public_id):
    return _ld(ob2.issuer_json(get_object_or_404(IssuerProfile, public_id=public_id)))


@require_GET
def ob2_badge(request, key):
    page = _achievement_page(request, key)
    profile = IssuerProfile.objects.filter(partner_key=page.partner.translation_key).first() if page.partner else None
    if profile is None:
        raise Http404
    return _ld(ob2.badge_class_json(page, profile))


@require_GET
def ob2_assertion(request, public_id):
    """The hosted assertion; 410 Gone with `revoked: true` once revoked, even after the record is erased.
    Asked again every time (revocation must show at once)."""
    award = Award.objects.filter(public_id=public_id).select_related("achievement", "status").first()
    if award is not None and not award.is_revoked:
        response = _ld(ob2.assertion_json(award))
    elif award is not None:
        response = _ld(ob2.revoked_json(public_id, award.revocation_reason), status=410)
    elif StatusEntry.objects.filter(credential_id=public_id, revoked_at__isnull=False).exists():
        response = _ld(ob2.revoked_json(public_id), status=410)
    else:
        raise Http404
    response["Cache-Control"] = "no-cache"
    return response


@require_GET
def example_svg(request, public_id):
    """The baked SVG of an example award, linked from its badge page for anyone to try the verifier."""
    award = get_object_or_404(Award.objects.select_related("achievement"), public_id=public_id, is_example=True)
    response = HttpResponse(baking.baked_svg(award, award.achievement.title), content_type="image/svg+xml")
    response["Content-Disposition"] = f'attachment; filename="example-badge-{public_id}.svg"'
    return response
