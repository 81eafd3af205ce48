"""Record a translation review when a coordinator approves or publishes a translated page."""

from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, workflow_approved

from .models import TranslationReview
from .provenance import is_translation
from .roles import is_coordinator as is_reviewer


@receiver(workflow_approved)
def record_approved_translation(sender, instance, user=None, **kwargs):
    page = instance.content_object
    if isinstance(page, Page) and is_reviewer(user) and is_translation(page):
        TranslationReview.objects.create(page=page, revision=page.latest_revision, reviewed_by=user)


@receiver(page_published)
def record_coordinator_publication(sender, instance, revision=None, **kwargs):
    user = getattr(revision, "user", None)
    if is_reviewer(user) and is_translation(instance):
        TranslationReview.objects.create(page=instance, revision=revision, reviewed_by=user)
