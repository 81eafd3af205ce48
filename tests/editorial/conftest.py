import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from editorial.roles import COORDINATORS, editor_group_name


def make_user(username, *group_names):
    user = get_user_model().objects.create_user(username=username, password="pw", email=f"{username}@example.org")
    user.groups.set(Group.objects.filter(name__in=group_names))
    return user


@pytest.fixture
def dutch_editor(db):
    return make_user("noor", editor_group_name("nl"))


@pytest.fixture
def coordinator(db):
    return make_user("clara", COORDINATORS)
