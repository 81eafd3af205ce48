import pytest

from tests.editorial.factories import UserFactory


@pytest.fixture
def coordinator_client(client, db):
    client.force_login(UserFactory(username="deposits-coordinator", role="coordinator"))
    return client


@pytest.fixture
def items(db):
    from deposits import datacite

    return {each.kind: each for each in reversed(datacite.items())}
