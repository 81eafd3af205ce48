"""People in each editorial role, built on the groups that setup_roles creates."""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from editorial.roles import COORDINATORS, TRANSLATORS, editor_group_name, setup_roles

# The roles of the README's "Editing and translating" section, by the demo's account names.
ROLE_GROUPS = {
    "editor-en": editor_group_name("en"),
    "editor-fr": editor_group_name("fr"),
    "editor-nl": editor_group_name("nl"),
    "translator": TRANSLATORS,
    "coordinator": COORDINATORS,
}


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"person-{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("pw")

    @factory.post_generation
    def role(user, create, extracted, **kwargs):
        """UserFactory(role="translator") puts the person in that role's group."""
        if extracted:
            # The test database, a copy of the demo, has the groups; setup_roles (idempotent,
            # a fifth of a second) runs only where one is missing.
            group = Group.objects.filter(name=ROLE_GROUPS[extracted]).first()
            if group is None:
                setup_roles()
                group = Group.objects.get(name=ROLE_GROUPS[extracted])
            user.groups.set([group])


def person_in(role):
    """A person in `role` (None for an anonymous visitor)."""
    if role == "anonymous":
        return None
    return UserFactory(username=f"{role}-person", role=role)
