"""wagtail-localize's "Convert to alias page", for those who may publish only.

An alias shows its source page's content and follows its live state: converting
a translation into an alias of a live page publishes the source language's text
in the translation's place at once. Wagtail itself lets only those who may
publish at the destination create an alias; the library's view asks only for
edit permission, and has no hook, so editorial.wagtail_hooks serves this one at
the same address (matched before the library's).
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from wagtail.models import Page
from wagtail_localize.views import convert


def convert_to_alias(request, page_id):
    page = get_object_or_404(Page, id=page_id)
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    return convert.convert_to_alias(request, page_id)
