"""The search and reference indexes of a demo build, written once at its end.

Building the demo saves pages thousands of times (created, translated, revised, published),
and each save re-indexes the object for search and for Wagtail's reference index: about a
third of the build's time. While the build runs, both are paused through public switches
(Django's signal `disconnect` for the search index's save handler, Wagtail's
`disable_reference_index_auto_update`), and both indexes are then rebuilt in bulk by their
own management commands, which give the same rows as indexing each save.
"""

from contextlib import contextmanager

from django.core.management import call_command
from django.db.models.signals import post_save
from modelsearch.index import get_indexed_models
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.signal_handlers import disable_reference_index_auto_update


@contextmanager
def indexed_at_the_end():
    """Pause indexing on save inside the block; rebuild both indexes once it has succeeded."""
    models = [model for model in get_indexed_models() if getattr(model, "search_auto_update", True)]
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)
    call_command("update_index", verbosity=0)
    call_command("rebuild_references_index", verbosity=0)
