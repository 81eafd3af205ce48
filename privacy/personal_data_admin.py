"""Personal-data actions in the admin, shared by every listing of records about people.

A ModelViewSet of such records (event registrations, print requests…) mixes in
`PersonalDataViewSetMixin`; its records need an ``email`` field. Coordinators
then get, on each record (its row menu and its edit page):

- "Export personal data": a JSON file of everything held about that email
  address, across every source registered in privacy.personal_data;
- "Erase personal data": after a confirmation, the same erasure as
  ``manage.py personal_data erase`` (records are anonymised, counts stay);

and on the listing, "Anonymise expired personal data now", the same as the daily
``manage.py personal_data anonymise-expired``. Nobody else sees or may use them.
"""

import json

from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import Button

from core.csv_export import SafeSpreadsheetExportMixin
from privacy import personal_data

EXPORT, ERASE, ANONYMISE_EXPIRED = "personal_data_export", "personal_data_erase", "personal_data_anonymise_expired"


def can_manage_personal_data(user):
    """Coordinators (and superusers) act on personal data; editors and translators do not."""
    from editorial.roles import is_coordinator

    return is_coordinator(user)


def _counts_message(counts):
    return ", ".join(f"{personal_data.name_of(label)}: {count}" for label, count in counts.items()) or _(
        "no source of personal data"
    )


class _PersonalDataButtons:
    """URL names of the viewset's personal-data views, given to its index and edit views."""

    personal_data_url_names = {}

    def _record_urls(self, instance):
        if not (instance.email and can_manage_personal_data(self.request.user)):
            return None
        names = self.personal_data_url_names
        return reverse(names[EXPORT], args=[instance.pk]), reverse(names[ERASE], args=[instance.pk])


class PersonalDataIndexView(SafeSpreadsheetExportMixin, _PersonalDataButtons, generic.IndexView):
    # Its CSV export holds what people typed: written by the site's one neutralising writer.

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if can_manage_personal_data(self.request.user):
            buttons.append(
                Button(
                    gettext_lazy("Anonymise expired personal data now"),
                    url=reverse(self.personal_data_url_names[ANONYMISE_EXPIRED]),
                    icon_name="user",
                    priority=60,
                )
            )
        return buttons

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        urls = self._record_urls(instance)
        if urls:
            export_url, erase_url = urls
            buttons.append(MenuItem(gettext_lazy("Export personal data"), url=export_url, icon_name="download"))
            buttons.append(MenuItem(gettext_lazy("Erase personal data"), url=erase_url, icon_name="bin", priority=40))
        return buttons


class PersonalDataEditView(_PersonalDataButtons, generic.EditView):
    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        urls = self._record_urls(self.object)
        if urls:
            export_url, erase_url = urls
            buttons.append(Button(gettext_lazy("Export personal data"), url=export_url, icon_name="download"))
            buttons.append(Button(gettext_lazy("Erase personal data"), url=erase_url, icon_name="bin", priority=40))
        return buttons


class _PersonalDataView(WagtailAdminTemplateMixin, TemplateView):
    """Base of the personal-data views: coordinators only, within the viewset's listing."""

    template_name = "privacy/admin/personal_data_confirm.html"
    header_icon = "user"
    model = None
    index_url_name = None

    def dispatch(self, request, *args, **kwargs):
        if not can_manage_personal_data(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @property
    def index_url(self):
        return reverse(self.index_url_name)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": self.index_url, "label": capfirst(self.model._meta.verbose_name_plural)},
            {"url": "", "label": self.get_page_title()},
        ]

    def done(self, counts):
        messages.success(self.request, self.success_message % {"counts": _counts_message(counts)})
        return redirect(self.index_url)


class _RecordView(_PersonalDataView):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(self.model, pk=kwargs["pk"])
        self.email = personal_data.normalise_email(self.object.email)

    def dispatch(self, request, *args, **kwargs):
        if not can_manage_personal_data(request.user):
            raise PermissionDenied
        if not self.email:
            messages.error(request, _("This record holds no personal data any more: it has been anonymised."))
            return redirect(self.index_url)
        return super().dispatch(request, *args, **kwargs)


class ExportView(_RecordView):
    """The JSON file of everything held about the record's email address, in every source."""

    def get(self, request, *args, **kwargs):
        data = {"email": self.email, "records": personal_data.export(self.email)}
        response = HttpResponse(
            json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False),
            content_type="application/json; charset=utf-8",
        )
        filename = f"personal-data-{self.model._meta.model_name}-{self.object.pk}.json"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


class EraseView(_RecordView):
    """Confirm, then erase (anonymise) everything held about the record's email address."""

    page_title = gettext_lazy("Erase personal data")
    success_message = gettext_lazy("Personal data erased (records anonymised): %(counts)s.")

    def get_context_data(self, **kwargs):
        found = personal_data.export(self.email)
        return super().get_context_data(
            **kwargs,
            email=self.email,
            found={personal_data.name_of(label): len(records) for label, records in found.items()},
            explanation=_(
                "Every record about this email address, in every list below, will be anonymised: the name, "
                "email address and other personal details are blanked for good, while counts and figures stay. "
                "A place at an event still to come is cancelled first and offered to the waiting list."
            ),
            submit_label=_("Yes, erase this person's data"),
        )

    def post(self, request, *args, **kwargs):
        with transaction.atomic():
            counts = personal_data.erase(self.email)
        return self.done(counts)


class AnonymiseExpiredView(_PersonalDataView):
    """Confirm, then anonymise every record past its retention period, in every source."""

    page_title = gettext_lazy("Anonymise expired personal data")
    success_message = gettext_lazy("Expired personal data anonymised: %(counts)s.")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            **kwargs,
            explanation=_(
                "Records older than the retention period (%(days)s days after their activity) are anonymised in "
                "every list, as the daily task does. Counts and figures stay."
            )
            % {"days": personal_data.retention_days()},
            submit_label=_("Yes, anonymise them now"),
        )

    def post(self, request, *args, **kwargs):
        with transaction.atomic():
            counts = personal_data.anonymise_expired()
        return self.done(counts)


class PersonalDataViewSetMixin:
    """Mix into a ModelViewSet (before it) whose records hold personal data with an ``email`` field."""

    index_view_class = PersonalDataIndexView
    edit_view_class = PersonalDataEditView

    @property
    def personal_data_url_names(self):
        return {name: self.get_url_name(name) for name in (EXPORT, ERASE, ANONYMISE_EXPIRED)}

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(personal_data_url_names=self.personal_data_url_names, **kwargs)

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(personal_data_url_names=self.personal_data_url_names, **kwargs)

    def _personal_data_view(self, view_class):
        return view_class.as_view(model=self.model, index_url_name=self.get_url_name("index"))

    def get_urlpatterns(self):
        conv = self.pk_path_converter
        return [
            *super().get_urlpatterns(),
            path(f"personal-data/<{conv}:pk>/export/", self._personal_data_view(ExportView), name=EXPORT),
            path(f"personal-data/<{conv}:pk>/erase/", self._personal_data_view(EraseView), name=ERASE),
            path(
                "personal-data/anonymise-expired/",
                self._personal_data_view(AnonymiseExpiredView),
                name=ANONYMISE_EXPIRED,
            ),
        ]
