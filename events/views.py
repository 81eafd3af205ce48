"""The events index's listing and the registration and cancellation routes of an event page."""

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from archive import state as archive_state
from caching.content_version import depends_on
from core.listing import paginate
from core.visibility import visible
from privacy import protection

from . import registration as service
from . import targets
from .forms import CancelForm, EventFilterForm, RegistrationForm
from .models import EventPage, Registration

REGISTER_GROUP = "events.register"
protection.declare_rate(REGISTER_GROUP, "20/h")


def _localize_hosts(pages, locale):
    """Swap each page's host partner for its translation in `locale` with one query."""
    from partners.models import Partner

    keys = {page.host_partner.translation_key for page in pages if page.host_partner_id}
    translated = {
        partner.translation_key: partner for partner in Partner.objects.filter(locale=locale, translation_key__in=keys)
    }
    for page in pages:
        if page.host_partner_id:
            page.display_host = translated.get(page.host_partner.translation_key, page.host_partner)
        else:
            page.display_host = None


def _attach_places(pages):
    """Set `confirmed_count` (the cached property) on upcoming pages with one query."""
    keys = [page.translation_key for page in pages]
    depends_on(*(f"event:{key}" for key in keys))
    counts = dict(
        Registration.objects.filter(roster__translation_key__in=keys)
        .values_list("roster__translation_key")
        .annotate(n=Count("pk", filter=Q(status=Registration.Status.CONFIRMED)))
    )
    for page in pages:
        page.__dict__["confirmed_count"] = counts.get(page.translation_key, 0)


def index_context(index, request):
    now = timezone.now()
    events = visible(EventPage.objects.child_of(index), index.locale_id).select_related("host_partner")
    in_use = events.values_list("kind", "region").distinct()
    kinds = {kind for kind, _region in in_use}
    regions = {region for _kind, region in in_use if region}
    form = EventFilterForm(request.GET or None, kinds=kinds, regions=regions)
    filters = form.filters()
    if filters:
        events = events.filter(**filters)
    if archive_state.is_archived():
        # An archive is a record of what happened: every event in one list, no places left.
        upcoming = []
        past = paginate(request, events.order_by("-start"), index.past_per_page)
    else:
        upcoming = list(events.filter(end__gte=now).order_by("start"))
        past = paginate(request, events.filter(end__lt=now).order_by("-start"), index.past_per_page)
    _localize_hosts(upcoming + list(past.object_list), index.locale)
    EventPage.attach_facts(upcoming + list(past.object_list))
    _attach_places(upcoming)
    rows = targets.current_progress(now)
    return {
        "filter_form": form,
        "filters_active": bool(filters),
        "upcoming": upcoming,
        "past": past,
        "progress": rows,
        "progress_totals": targets.totals(rows),
    }


def _base_url(request):
    return request.build_absolute_uri("/")


def _form_page(page, request, form, status=200, **extra):
    """The registration page (register/): the event's registration section with the form."""
    # No JSON-LD: the form is not indexed; the event is described on its own page.
    context = {"form": form, "form_page": True, "structured_data": [], **extra}
    response = page.render(request, template="events/register.html", context_overrides=context)
    response.status_code = status
    # It carries a CSRF token: for this visitor only, and never from a shared cache.
    patch_cache_control(response, private=True, no_cache=True)
    return response


def register(page, request):
    if request.method != "POST":
        # Closed or full, the page still answers: it says so and links back to the event.
        return _form_page(page, request, RegistrationForm() if page.registration_open else None)
    if not page.registration_open:
        return _form_page(page, request, None, 400, registration_message=_("Registration for this event is closed."))
    form = RegistrationForm(request.POST)
    if protection.is_rate_limited(request, REGISTER_GROUP):
        return _form_page(page, request, form, 429, registration_error=str(protection.RATE_LIMITED_MESSAGE))
    if not form.is_valid():
        return _form_page(page, request, form, 400)
    if form.is_spam():
        # Answer as if it worked, store nothing: the bot learns nothing.
        return page.render(request, template="events/registration_done.html", context_overrides={"spam": True})
    try:
        registration = service.register(page, form.cleaned_data, page.locale.language_code, _base_url(request))
    except service.RegistrationClosed:
        return _form_page(page, request, None, 400, registration_message=_("Registration for this event is closed."))
    except service.DuplicateRegistration:
        form.add_error(
            "email",
            _("This email address is already registered for this event. Check your inbox for the confirmation."),
        )
        return _form_page(page, request, form, 400)
    return page.render(
        request, template="events/registration_done.html", context_overrides={"registration": registration}
    )


def cancel(page, request, token):
    def problem(message, status):
        response = page.render(
            request, template="events/cancel.html", context_overrides={"problem": message, "form": None}
        )
        response.status_code = status
        return response

    try:
        registration_id = service.read_cancel_token(token)
    except service.InvalidToken as exc:
        if exc.reason == "expired":
            return problem(_("This cancellation link has expired. Please contact the organisers."), 400)
        return problem(_("This cancellation link is not valid. Please use the link in your confirmation email."), 400)
    registration = (
        Registration.objects.filter(pk=registration_id, roster__translation_key=page.translation_key)
        .select_related("roster")
        .first()
    )
    if registration is None or registration.anonymised_at is not None:
        return problem(_("This cancellation link does not match a registration for this event."), 404)
    if registration.status == Registration.Status.CANCELLED:
        return problem(_("This registration has already been cancelled."), 200)
    if page.is_past:
        return problem(_("This event has already taken place."), 400)
    if request.method == "POST":
        form = CancelForm(request.POST)
        if form.is_valid():
            service.cancel(page, registration.pk, _base_url(request))
            return page.render(
                request, template="events/cancel.html", context_overrides={"cancelled": True, "form": None}
            )
    return page.render(
        request,
        template="events/cancel.html",
        context_overrides={"registration": registration, "form": CancelForm()},
    )
