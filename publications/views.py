"""The routes of a publication page: downloads (counted in counting.py), citations, print requests."""

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.utils.cache import patch_cache_control
from wagtail import hooks

from archive import state as archive_state
from privacy import protection

from . import citations, counting, printing
from .forms import PrintRequestForm

REQUEST_GROUP = "publications.request"
protection.declare_rate(REQUEST_GROUP, "10/h")


# Downloads ---------------------------------------------------------------------------

DOWNLOAD_GROUP = "publications.download"
# Per address: far above what a reader (or a class behind one address) downloads,
# low enough that a script cannot make the workers stream files all day.
protection.declare_rate(DOWNLOAD_GROUP, "30/m")


def _refused_by_privacy(document, request):
    """The response Wagtail's own document view would give for a private collection
    (a login redirect or a password form), or None when the request may have the file."""
    for hook in hooks.get_hooks("before_serve_document"):
        result = hook(document, request)
        if isinstance(result, HttpResponse):
            return result
    return None


def download(page, request, language):
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    if protection.is_rate_limited(request, DOWNLOAD_GROUP, methods=("GET", "HEAD")):
        response = HttpResponse(
            str(protection.RATE_LIMITED_MESSAGE), status=429, content_type="text/plain; charset=utf-8"
        )
        response["Retry-After"] = "60"
        response["Cache-Control"] = "no-store"
        return response
    if language not in dict(settings.LANGUAGES):
        raise Http404
    edition = page.edition_for(language)
    if edition is None:
        raise Http404
    # The page's own privacy is checked by the routing before this runs; the
    # document's collection may be private as well.
    refusal = _refused_by_privacy(edition.document, request)
    if refusal is not None:
        return refusal
    try:
        handle = edition.document.file.open("rb")
    except (OSError, ValueError) as exc:
        raise Http404 from exc
    counting.record(request, page.translation_key, language, edition.format)
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=f"{page.download_base_name}-{language}.{edition.format}",
        content_type=edition.content_type,
    )
    # Every download must reach the server to be counted.
    response["Cache-Control"] = "no-cache"
    response["X-Robots-Tag"] = "noindex"
    return response


# Citations ---------------------------------------------------------------------------


def citation(page, request, kind):
    content_type, extension = citations.FORMATS[kind]
    text = citations.render(kind, page, request.build_absolute_uri(page.url))
    response = HttpResponse(text, content_type=content_type)
    response["Content-Disposition"] = (
        f'attachment; filename="{page.download_base_name}-{page.locale.language_code}.{extension}"'
    )
    return response


# Printed copies ------------------------------------------------------------------------


def _form_page(page, request, form, status=200, **extra):
    """The request page (request/): the stock and the form."""
    # No JSON-LD: the form is not indexed; the publication is described on its own page.
    context = {"form": form, "structured_data": [], **extra}
    response = page.render(request, template="publications/request.html", context_overrides=context)
    response.status_code = status
    # It carries a CSRF token: for this visitor only, and never from a shared cache.
    patch_cache_control(response, private=True, no_cache=True)
    return response


def request_copies(page, request):
    if page.stock is None:
        raise Http404
    if archive_state.is_archived():
        # The archive takes no requests (archive/middleware.py answers posts before this).
        return _form_page(page, request, None, 200 if request.method in ("GET", "HEAD") else 405)
    if request.method != "POST":
        return _form_page(page, request, PrintRequestForm())
    form = PrintRequestForm(request.POST)
    if protection.is_rate_limited(request, REQUEST_GROUP):
        return _form_page(page, request, form, 429, request_error=str(protection.RATE_LIMITED_MESSAGE))
    if not form.is_valid():
        return _form_page(page, request, form, 400)
    if form.is_spam():
        # Answer as if it worked and store nothing: the bot learns nothing.
        return HttpResponseRedirect(page.url + page.reverse_subpage("request_received", args=["requested"]))
    print_request = printing.request_copies(
        page.stock, form.cleaned_data, page.locale.language_code, request.build_absolute_uri("/")
    )
    return HttpResponseRedirect(page.url + page.reverse_subpage("request_received", args=[print_request.status]))


def request_received(page, request, outcome):
    if outcome not in ("requested", "waiting"):
        raise Http404
    response = page.render(
        request,
        template="publications/request_received.html",
        context_overrides={"outcome": outcome, "waiting": outcome == "waiting"},
    )
    response["X-Robots-Tag"] = "noindex"
    return response
