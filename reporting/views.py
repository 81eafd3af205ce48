"""The progress report, each partner's dashboard, and the attendance evidence of events.

Admin views (reporting/wagtail_hooks.py) but for the evidence download, which answers
outside the admin (reporting/urls.py) so that it can say 404 to anyone who may not
see the file, signed in or not, rather than send them to the login page.
"""

import mimetypes

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import content_disposition_header, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from editorial.roles import is_coordinator
from results.breakdown import DIMENSIONS, Period, report

from . import access, exports
from .forms import EvidenceForm, ReportForm
from .models import AttendanceEvidence

PRIVATE = "private, no-store"


def _no_store(response):
    """Nothing here is kept by a browser, a proxy, the page cache or a search engine."""
    response["Cache-Control"] = PRIVATE
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _period_and_dimension(request):
    form = ReportForm(request.GET)
    start, end, dimension = form.values()
    return form, Period(start, end), dimension


def _query(form, period, dimension, **extra):
    return urlencode(
        {"start": period.start.isoformat(), "end": period.end.isoformat(), "dimension": dimension, **extra}
    )


def _tables(the_report, dimension):
    return [
        {"indicator": indicator, "lines": the_report.lines(indicator, dimension)} for indicator in the_report.indicators
    ]


def progress_report(request):
    """Coordinators: the whole cluster's figures. A partner's people: their partner's dashboard."""
    if not is_coordinator(request.user):
        keys = access.partner_keys(request.user)
        if not keys:
            raise PermissionDenied
        query = request.GET.urlencode()
        target = reverse("reporting_partner", args=[sorted(keys)[0]])
        return redirect(f"{target}?{query}" if query else target)
    form, period, dimension = _period_and_dimension(request)
    the_report = report(period)
    query = _query(form, period, dimension)
    context = {
        "page_title": _("Progress report"),
        "header_icon": "doc-full-inverse",
        "form": form,
        "report": the_report,
        "dimension": dimension,
        "dimension_label": DIMENSIONS[dimension],
        "tables": _tables(the_report, dimension),
        "description": exports.description(the_report),
        "xlsx_url": reverse("reporting_xlsx") + "?" + query,
        "csv_url": reverse("reporting_csv") + "?" + query,
        "partners": list(the_report.names.partners.items()),
        "query": query,
    }
    return _no_store(TemplateResponse(request, "reporting/report.html", context))


def partner_dashboard(request, partner_key):
    """One partner's events (with their evidence), content and figures for the period."""
    partner_key = str(partner_key)
    if not access.may_see_partner(request.user, partner_key):
        raise PermissionDenied
    form, period, dimension = _period_and_dimension(request)
    the_report = report(period, partner=partner_key)
    if partner_key not in the_report.names.partners:
        raise Http404
    query = _query(form, period, dimension, partner=partner_key)
    context = {
        "page_title": _("Progress report"),
        "page_subtitle": the_report.names.partners[partner_key],
        "header_icon": "doc-full-inverse",
        "form": form,
        "report": the_report,
        "dimension": dimension,
        "dimension_label": DIMENSIONS[dimension],
        "tables": _tables(the_report, dimension),
        "description": exports.description(the_report),
        "xlsx_url": reverse("reporting_xlsx") + "?" + query,
        "csv_url": reverse("reporting_csv") + "?" + query,
        "content": partner_content(partner_key, period),
        "is_coordinator": is_coordinator(request.user),
    }
    return _no_store(TemplateResponse(request, "reporting/dashboard.html", context))


def partner_content(partner_key, period):
    """The partner's events in the period (with how much evidence each has), and its methods, case
    studies, films and badges (live, not examples; in the default language). Eight queries."""
    from django.db.models import Count

    from badges.models import AchievementPage
    from events.models import EventPage
    from films.models import FilmPage
    from partners.models import Partner
    from practices.models import CaseStudyPage
    from toolkit.models import ToolPage

    first, after = period.bounds
    default = {"locale__language_code": settings.LANGUAGE_CODE, "alias_of__isnull": True, "is_example": False}
    events = list(
        EventPage.objects.live()
        .filter(**default, host_partner__translation_key=partner_key, end__gte=first, start__lt=after)
        .order_by("start")
        .only("pk", "title", "start", "end", "kind", "translation_key")
    )
    evidence = dict(
        AttendanceEvidence.objects.filter(event_key__in=[event.translation_key for event in events])
        .order_by()
        .values("event_key")
        .annotate(n=Count("pk"))
        .values_list("event_key", "n")
    )
    for event in events:
        event.evidence_count = evidence.get(event.translation_key, 0)
    projects = Partner.objects.filter(translation_key=partner_key, project__isnull=False).values(
        "project__translation_key"
    )

    def pages(queryset):
        return list(queryset.live().filter(**default).order_by("title").only("pk", "title"))

    return {
        "events": events,
        "methods": pages(ToolPage.objects.filter(partner__translation_key=partner_key)),
        "cases": pages(CaseStudyPage.objects.filter(partners__translation_key=partner_key).distinct()),
        "films": pages(FilmPage.objects.filter(source_project__translation_key__in=projects)),
        "badges": pages(AchievementPage.objects.filter(partner__translation_key=partner_key)),
    }


def _export_report(request):
    _form, period, _dimension = _period_and_dimension(request)
    partner = request.GET.get("partner") or None
    if partner is None:
        if not is_coordinator(request.user):
            raise PermissionDenied
    elif not access.may_see_partner(request.user, partner):
        raise PermissionDenied
    return report(period, partner=partner)


def _filename(the_report, extension):
    return f"steps-progress-{the_report.period.start.isoformat()}-{the_report.period.end.isoformat()}.{extension}"


def export_xlsx(request):
    the_report = _export_report(request)
    response = HttpResponse(
        exports.xlsx(the_report), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename(the_report, "xlsx")}"'
    return _no_store(response)


def export_csv(request):
    the_report = _export_report(request)
    response = HttpResponse(exports.csv_text(the_report), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename(the_report, "csv")}"'
    return _no_store(response)


# Attendance evidence ---------------------------------------------------------------------------


def _event(event_key):
    from events.models import EventPage

    event = (
        EventPage.objects.filter(translation_key=event_key, locale__language_code=settings.LANGUAGE_CODE).first()
        or EventPage.objects.filter(translation_key=event_key).order_by("locale_id").first()
    )
    if event is None:
        raise Http404
    return event


@require_http_methods(["GET", "HEAD", "POST"])
def event_evidence(request, event_key):
    """The evidence of one event: listed, and added, by coordinators and the host partner's people."""
    if not access.may_see_event_evidence(request.user, event_key):
        raise PermissionDenied
    event = _event(event_key)
    form = EvidenceForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        evidence = form.save(commit=False)
        evidence.event_key = event.translation_key
        evidence.uploaded_by = request.user
        evidence.original_name = form.cleaned_data["file"].name[:255]
        evidence.save()
        messages.success(request, _("Evidence added."))
        return redirect("reporting_event_evidence", event_key=event.translation_key)
    context = {
        "page_title": _("Attendance evidence"),
        "page_subtitle": event.title,
        "header_icon": "doc-full",
        "event": event,
        "form": form,
        "evidence": AttendanceEvidence.objects.filter(event_key=event.translation_key).select_related("uploaded_by"),
        "partner": access.event_partner(event.translation_key),
    }
    return _no_store(TemplateResponse(request, "reporting/evidence.html", context))


@require_POST
def delete_evidence(request, pk):
    evidence = get_object_or_404(AttendanceEvidence, pk=pk)
    if not access.may_see_event_evidence(request.user, evidence.event_key):
        raise PermissionDenied
    evidence.file.delete(save=False)
    evidence.delete()
    messages.success(request, _("Evidence deleted."))
    return redirect("reporting_event_evidence", event_key=evidence.event_key)


@require_http_methods(["GET", "HEAD"])
def download_evidence(request, pk):
    """One file of evidence, to coordinators and the event's partner's people; 403 to anyone else,
    and for a number that names no file (whether it exists is nobody else's business).

    Not 404: outside the language prefixes, Django's LocaleMiddleware turns a 404 into a redirect
    to /<language>/private/…. Served as an attachment, never cached, never indexed. HEAD answers
    with the same headers and no body, without reading the file."""
    evidence = AttendanceEvidence.objects.filter(pk=pk).first()
    if evidence is None or not access.may_see_event_evidence(request.user, evidence.event_key):
        return _no_store(HttpResponseForbidden(_("You may not open this file."), content_type="text/plain"))
    name = evidence.original_name or evidence.file.name.rsplit("/", 1)[-1]
    content_type = mimetypes.guess_type(evidence.file.name)[0] or "application/octet-stream"
    if request.method == "HEAD":
        response = HttpResponse(content_type=content_type)
        try:
            response["Content-Length"] = str(evidence.file.size)
        except OSError:
            raise Http404 from None
        response["Content-Disposition"] = content_disposition_header(True, name)
    else:
        try:
            handle = evidence.file.open("rb")
        except OSError:
            raise Http404 from None
        response = FileResponse(handle, as_attachment=True, filename=name, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Vary"] = "Cookie"
    return _no_store(response)
