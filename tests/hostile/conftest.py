import pytest

from .routes import public_urls


@pytest.fixture(scope="module")
def routes_by_group(django_db_setup, django_db_blocker):
    """Every public address, read once from the demo site: {group: [(label, url)]}."""
    with django_db_blocker.unblock():
        return public_urls()


@pytest.fixture
def routes(request, routes_by_group):
    """The addresses of one group (parametrised indirectly, see taking_turns)."""
    return routes_by_group[request.param]
