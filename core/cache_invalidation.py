"""What invalidates the page cache: anything a visitor could see change."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, Site, TranslatableMixin
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from .page_cache import bump_version


def _shown_on_pages(sender):
    # Translatable snippets (partners, framework, footer…) appear on pages;
    # models that pages show live (registrations, copy requests) say so; a
    # site decides which pages a host serves (and core.routing remembers it).
    return (
        getattr(sender, "invalidates_page_cache", False)
        or (issubclass(sender, TranslatableMixin) and not issubclass(sender, Page))
        or issubclass(sender, Site)
    )


def _on_model_change(sender, **kwargs):
    if _shown_on_pages(sender):
        # Again once the transaction commits, so that a page rendered from the
        # old data in the meantime is not kept.
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
