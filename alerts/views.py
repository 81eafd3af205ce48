"""The public pages of the alerts: subscribe, confirm, unsubscribe.

None of them is ever kept by the page cache or a CDN (`private, no-cache`): they
carry a CSRF token or a personal link. The unsubscribe address also answers the
one-click POST of RFC 8058, which mail clients send without a CSRF token: the
signed link is its authentication, and unsubscribing is all it can do.
"""

from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from privacy import protection

from . import subscriptions, tokens
from .forms import SubscribeForm

SUBSCRIBE_GROUP = "alerts.subscribe"
protection.declare_rate(SUBSCRIBE_GROUP, "10/h")


def _page(request, template, context=None, status=200):
    response = TemplateResponse(request, f"alerts/{template}.html", context or {}, status=status)
    patch_cache_control(response, private=True, no_cache=True)
    response["X-Robots-Tag"] = "noindex"
    return response


@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request):
    if request.method != "POST":
        return _page(request, "subscribe", {"form": SubscribeForm()})
    form = SubscribeForm(request.POST)
    if protection.is_rate_limited(request, SUBSCRIBE_GROUP):
        return _page(request, "subscribe", {"form": form, "form_error": protection.RATE_LIMITED_MESSAGE}, 429)
    if not form.is_valid():
        return _page(request, "subscribe", {"form": form}, 400)
    if not form.is_spam():  # a bot that filled the honeypot gets the same answer, and nothing is stored
        subscriptions.subscribe(form.cleaned_data["email"], get_language(), form.cleaned_data["kinds"])
    return redirect("alerts:sent")


def sent(request):
    return _page(request, "sent")


@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    """GET shows a button, POST confirms: mail scanners that open links must not confirm for the person."""
    if request.method != "POST":
        return _page(request, "confirm", {"token": token})
    subscription = subscriptions.confirm(token)
    if subscription is None:
        return _page(request, "invalid", status=404)
    return _page(request, "confirmed", {"subscription": subscription})


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    """GET shows a button; POST (the button, or a mail client's one-click request) unsubscribes."""
    if request.method != "POST":
        if tokens.read_unsubscribe(token) is None:
            return _page(request, "invalid", status=404)
        subscription = subscriptions.find(token)
        if subscription is None:  # already unsubscribed
            return _page(request, "unsubscribed")
        return _page(request, "unsubscribe", {"token": token, "subscription": subscription})
    if not subscriptions.unsubscribe(token):
        return _page(request, "invalid", status=404)
    return _page(request, "unsubscribed")
