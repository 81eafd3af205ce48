"""The recipient's claim page and its downloads (personal: never cached, never sent on as a
referrer), and the public page of an award, which only the recipient turns on."""

from django import forms
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from caching.content_version import depends_on

from . import baking, ob2
from .claiming import (
    ClaimExpired,
    ClaimRefused,
    achievement_in,
    claim_days,
    linkedin_url,
    public_url,
    read_token,
)
from .credentials import absolute, alignment_rows
from .models import Award

DOWNLOADS = {
    "png": ("image/png", "png"),
    "svg": ("image/svg+xml", "svg"),
    "credential": ("application/vc+jwt", "jwt"),
}


class PublicPageForm(forms.Form):
    public = forms.BooleanField(
        label=_("Show this badge on a public page, with my name"),
        required=False,
        help_text=_("Off by default. Anyone with the address can then see it; turn it off again at any time."),
    )


def _private(response):
    """A response for the recipient only: the link in its address is the key to the badge, so it
    is never stored by a cache nor sent as the referrer to another site (LinkedIn). "same-origin"
    rather than "no-referrer", which would make the browser post the form with `Origin: null`
    and fail the CSRF check."""
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "same-origin"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _award_or_refusal(page, request, token):
    """(award, None), or (None, the page that says why the link is refused)."""
    try:
        return read_token(token), None
    except ClaimExpired:
        expired = True
    except ClaimRefused:
        expired = False
    response = page.render(
        request,
        template="badges/claim_refused.html",
        context_overrides={"expired": expired, "days": claim_days()},
    )
    response.status_code = 410 if expired else 404
    return None, _private(response)


def _sub_url(page, route, *args):
    return page.url + page.reverse_subpage(route, args=args)


def claim_page(page, request, token):
    award, refusal = _award_or_refusal(page, request, token)
    if refusal is not None:
        return refusal
    if request.method == "POST":
        form = PublicPageForm(request.POST)
        if form.is_valid() and not award.is_revoked:
            award.is_public = form.cleaned_data["public"]
            award.save(update_fields=["is_public"])
            return _private(HttpResponseRedirect(request.path + "?saved=1"))
    else:
        form = PublicPageForm(initial={"public": award.is_public})
    if award.claimed_at is None:
        Award.objects.filter(pk=award.pk).update(claimed_at=timezone.now())
    language = page.locale.language_code
    badge = achievement_in(award, language)
    public = public_url(award, language)
    context = {
        "award": award,
        "badge": badge,
        "form": form,
        "saved": request.GET.get("saved") == "1",
        "downloads": {kind: _sub_url(page, "claim_download", token, kind) for kind in DOWNLOADS},
        "public_url": public,
        "public_path": _sub_url(page, "award", str(award.public_id)),
        "verify_url": _sub_url(page, "verify"),
        "linkedin_url": linkedin_url(award, public if award.is_public else absolute(badge.url)),
        "assertion_url": ob2.assertion_url(award.public_id),
    }
    response = page.render(request, template="badges/claim.html", context_overrides=context)
    return _private(response)


def claim_download(page, request, token, kind):
    award, refusal = _award_or_refusal(page, request, token)
    if refusal is not None:
        return refusal
    if kind not in DOWNLOADS:
        raise Http404
    content_type, extension = DOWNLOADS[kind]
    badge = achievement_in(award, page.locale.language_code)
    if kind == "png":
        content = baking.baked_png(award)
    elif kind == "svg":
        content = baking.baked_svg(award, badge.title)
    else:
        content = award.credential
    response = HttpResponse(content, content_type=content_type)
    filename = f"{slugify(badge.title) or 'badge'}.{extension}"
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return _private(response)


def public_award_page(page, request, public_id):
    """The page the recipient chose to make public. Renewed in the page cache when they
    turn it off or the badge is revoked."""
    depends_on(f"badges-award:{public_id}")
    award = (
        Award.objects.filter(public_id=public_id, is_public=True)
        .select_related("achievement", "achievement__locale", "issuer", "status")
        .first()
    )
    if award is None:
        raise Http404
    depends_on(f"badges-status:{award.issuer_id}")
    badge = achievement_in(award, page.locale.language_code)
    context = {
        "award": award,
        "badge": badge,
        "alignments": alignment_rows(badge),
        "verify_url": _sub_url(page, "verify"),
        "assertion_url": ob2.assertion_url(award.public_id),
    }
    return page.render(request, template="badges/award_page.html", context_overrides=context)
