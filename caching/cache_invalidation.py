"""What renews cached pages: anything a visitor could see change.

Two mechanisms (caching/content_version.py):

- Changes that many pages may show move the site-wide content version on:
  a page published, unpublished, moved or deleted; a view restriction added,
  changed or removed on a page or a collection; a collection, document or image
  saved or deleted (titles, files, privacy); a redirect; a site; a setting; a
  translatable snippet (partners, the framework, the footer…).
- Records that only some pages show say which with `page_cache_tags()`: a
  registration renews the pages that show its event's places (the event in every
  language, the listings and calendars that show them, the results page), and
  nothing else. Those pages declare the same tags while they render
  (`content_version.depends_on`).
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import (
    BaseViewRestriction,
    Collection,
    Locale,
    Page,
    Site,
    TranslatableMixin,
)
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from .content_version import bump_tags, bump_version

SHOWN_ON_MANY_PAGES = (
    BaseViewRestriction,
    Collection,
    AbstractDocument,
    AbstractImage,
    Redirect,
    Site,
    Locale,
    BaseSiteSetting,
    BaseGenericSetting,
)


def _shown_on_many_pages(sender):
    return issubclass(sender, SHOWN_ON_MANY_PAGES) or (
        issubclass(sender, TranslatableMixin) and not issubclass(sender, Page)
    )


def _on_model_change(sender, instance, **kwargs):
    tags = getattr(instance, "page_cache_tags", None)
    if tags is not None:
        renew = tags()
        bump_tags(renew)
        # Again once the transaction commits, so that a page rendered from the
        # old data in the meantime is not kept.
        transaction.on_commit(lambda: bump_tags(renew))
    elif _shown_on_many_pages(sender):
        bump_version()
        transaction.on_commit(bump_version)


def _on_page_delete(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.live:
        bump_version()


def connect():
    for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
        signal.connect(bump_version, dispatch_uid=f"page-cache-{id(signal)}")
    post_save.connect(_on_model_change, dispatch_uid="page-cache-save")
    post_delete.connect(_on_model_change, dispatch_uid="page-cache-model-delete")
    post_delete.connect(_on_page_delete, dispatch_uid="page-cache-page-delete")
