from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Alignment, Framework, FrameworkItem


class FrameworkViewSet(SnippetViewSet):
    model = Framework
    icon = "list-ul"
    list_display = ["code", "name", "licence", "sort_order"]
    search_fields = ["code", "name"]


class FrameworkItemViewSet(SnippetViewSet):
    model = FrameworkItem
    icon = "tag"
    list_display = ["code", "name", "framework", "level"]
    list_filter = ["framework", "level", "is_example"]
    search_fields = ["code", "name"]
    list_per_page = 50


class AlignmentViewSet(SnippetViewSet):
    model = Alignment
    icon = "resubmit"
    list_display = ["source", "relation", "target", "approved", "is_example"]
    list_filter = ["relation", "approved", "is_example"]


class CompetenceFrameworkViewSetGroup(SnippetViewSetGroup):
    items = (FrameworkViewSet, FrameworkItemViewSet, AlignmentViewSet)
    menu_icon = "list-ul"
    menu_label = _("Competence framework")
    menu_name = "competence-framework"


register_snippet(CompetenceFrameworkViewSetGroup)
