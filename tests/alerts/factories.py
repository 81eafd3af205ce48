"""New content to announce: methods and films published as an editor would."""

import factory
import wagtail_factories

from toolkit.models import ToolPage


class MethodFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ToolPage

    title = factory.Sequence(lambda n: f"A new method {n}")
    slug = factory.Sequence(lambda n: f"a-new-method-{n}")
    summary = "A method published after the subscriber confirmed."
    target_groups = ["jobseekers"]
    setting = ["group"]
    duration_minutes = 60
    languages = ["en"]


def publish_method(language="en", **kwargs):
    """A method created under the toolkit of `language` and published (first_published_at set)."""
    from toolkit.models import ToolkitIndexPage

    index = ToolkitIndexPage.objects.get(locale__language_code=language)
    page = MethodFactory(parent=index, live=False, **kwargs)
    page.save_revision().publish()
    page.refresh_from_db()
    return page
