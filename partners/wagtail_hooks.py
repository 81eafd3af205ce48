from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Partner, Project


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "group"
    list_display = ["name", "town", "country", "project"]
    list_filter = ["country", "project"]
    search_fields = ["name", "town"]


class ProjectViewSet(SnippetViewSet):
    model = Project
    icon = "folder-open-inverse"
    list_display = ["acronym", "full_name", "programme", "funding", "kind"]
    list_filter = ["kind", "funding"]


class PartnershipViewSetGroup(SnippetViewSetGroup):
    items = (PartnerViewSet, ProjectViewSet)
    menu_icon = "group"
    menu_label = _("Partnership")
    menu_name = "partnership"


register_snippet(PartnershipViewSetGroup)
