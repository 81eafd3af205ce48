"""The alerts' e-mails, rendered in the subscriber's language and written to the outbox.

Links are built on ALERTS_BASE_URL (default WAGTAILADMIN_BASE_URL), never on
the request's Host header, so nobody can make the site mail a link to another
site. Every digest carries the RFC 8058 one-click unsubscribe headers; the
confirmation e-mail carries none: it is not a list message, and whoever does not
confirm simply hears nothing more.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from outbox import tasks as outbox

from . import tokens


def base_url():
    return (getattr(settings, "ALERTS_BASE_URL", "") or settings.WAGTAILADMIN_BASE_URL).rstrip("/")


def absolute(language, name, *args):
    with translation.override(language):
        return base_url() + reverse(f"alerts:{name}", args=args)


def unsubscribe_url(subscription):
    return absolute(subscription.language, "unsubscribe", tokens.unsubscribe(subscription))


def _message(subscription, template, context, headers=None):
    with translation.override(subscription.language):
        context = {"subscription": subscription, "site_url": base_url(), **context}
        subject = render_to_string(f"alerts/email/{template}_subject.txt", context)
        body = render_to_string(f"alerts/email/{template}.txt", context)
    return EmailMessage(subject=outbox.plain_subject(subject), body=body, to=[subscription.email], headers=headers)


def send_confirmation(subscription, kinds, already_confirmed=False):
    """Write the e-mail that asks the person to confirm (or change) their subscription."""
    from . import kinds as content

    context = {
        "confirm_url": absolute(subscription.language, "confirm", tokens.confirmation(subscription, kinds)),
        "kinds": [content.CHOICE_LABELS[kind] for kind in kinds],
        "already_confirmed": already_confirmed,
        "confirm_days": tokens.confirm_days(),
    }
    outbox.enqueue(_message(subscription, "confirm", context))


def send_digest(subscription, sections):
    """Write one digest: `sections` is [(heading, [(title, url, is_example), …]), …]."""
    link = unsubscribe_url(subscription)
    headers = {
        # RFC 8058: a mail client unsubscribes with one POST to this address, no page to visit.
        "List-Unsubscribe": f"<{link}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    count = sum(len(items) for _heading, items in sections)
    context = {"sections": sections, "count": count, "unsubscribe_url": link}
    outbox.enqueue(_message(subscription, "digest", context, headers=headers))
