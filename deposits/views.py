"""The deposits in the admin (Reports → Deposits), for coordinators only:
each item's DataCite JSON and package, the DOI it received, and the programme exports."""

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from editorial.roles import is_coordinator

from . import datacite, packages, programmes
from .forms import DepositForm
from .models import Deposit


class CoordinatorsOnly:
    def dispatch(self, request, *args, **kwargs):
        if not is_coordinator(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def _item_or_404(key):
    found = datacite.item(key)
    if found is None:
        raise Http404
    return found


class IndexView(CoordinatorsOnly, WagtailAdminTemplateMixin, TemplateView):
    page_title = gettext_lazy("Deposits")
    header_icon = "download"
    template_name = "deposits/admin/index.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            **kwargs,
            items=datacite.items(),
            exports=[("all", _("The cluster and every project")), ("cluster", _("The cluster"))]
            + [(project.acronym, project.acronym) for project in programmes.projects()],
            platforms=[("erasmus-plus", _("Erasmus+ Project Results Platform")), ("keep-eu", "keep.eu")],
        )


class RecordView(CoordinatorsOnly, WagtailAdminTemplateMixin, TemplateView):
    page_title = gettext_lazy("Record the DOI")
    header_icon = "download"
    template_name = "deposits/admin/record.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.item = _item_or_404(kwargs["key"])
        self.instance = Deposit.objects.filter(page_id=self.item.page.pk).first() or Deposit(page_id=self.item.page.pk)

    def get_page_subtitle(self):
        return self.item.title

    def get_context_data(self, **kwargs):
        form = kwargs.pop("form", None) or DepositForm(instance=self.instance)
        return super().get_context_data(**kwargs, item=self.item, form=form)

    def post(self, request, *args, **kwargs):
        form = DepositForm(request.POST, instance=self.instance)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        form.save()
        messages.success(request, _("Deposit of “%(title)s” recorded.") % {"title": self.item.title})
        return redirect("deposits_index")


def _coordinator(request):
    if not is_coordinator(request.user):
        raise PermissionDenied


def metadata(request, key):
    _coordinator(request)
    item = _item_or_404(key)
    response = JsonResponse(datacite.metadata(item), json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = f'attachment; filename="{item.key}-datacite.json"'
    return response


def package(request, key):
    _coordinator(request)
    item = _item_or_404(key)
    return FileResponse(
        packages.build(item, request),
        as_attachment=True,
        filename=f"steps-{item.key}.zip",
        content_type="application/zip",
    )


def export(request, platform):
    _coordinator(request)
    if platform not in programmes.PLATFORMS:
        raise Http404
    scope = request.GET.get("scope", "all")
    if scope not in {"all", "cluster", *programmes.projects().values_list("acronym", flat=True)}:
        raise Http404
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    programmes.write_csv(response, platform, scope)
    safe_scope = "".join(char for char in scope if char.isalnum() or char in "-_") or "all"
    response["Content-Disposition"] = f'attachment; filename="steps-{platform}-{safe_scope}.csv"'
    return response
