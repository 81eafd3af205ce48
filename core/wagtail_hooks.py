from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import SiteFooter


class SiteFooterViewSet(SnippetViewSet):
    model = SiteFooter
    icon = "doc-full"
    add_to_admin_menu = False


register_snippet(SiteFooterViewSet)
