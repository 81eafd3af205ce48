import pytest

from tests.languages import WRITTEN

from .routes import public_urls

# The groups of addresses the tests are parametrised by (see routes.public_urls).
GROUPS = ["site-wide", *WRITTEN]


@pytest.fixture(scope="module")
def routes_by_group(django_db_setup, django_db_blocker):
    """Every public address, read once from the demo site: {group: [(label, url)]}."""
    with django_db_blocker.unblock():
        return public_urls()


@pytest.fixture(params=GROUPS)
def routes(request, routes_by_group):
    """The addresses of one group: the site-wide ones, or one language's."""
    return routes_by_group[request.param]
