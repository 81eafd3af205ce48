import pytest

from .routes import public_urls


@pytest.fixture(scope="module")
def routes(django_db_setup, django_db_blocker):
    """Every public address, read once from the demo site: [(label, url)]."""
    with django_db_blocker.unblock():
        return public_urls()
