"""Demo content: the editorial roles and workflow; in development, one demo account per role."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Page

from demo.development import demo_accounts_allowed, require_demo_accounts_allowed
from editorial.models import TranslationReview
from editorial.provenance import is_translation
from editorial.roles import COORDINATORS, TRANSLATORS, editor_group_name, setup_roles

DEMO_PASSWORD = "steps-demo"  # noqa: S105 - development accounts only (demo/development.py)
DEMO_ACCOUNTS = [
    ("coordinator", "Clara", "Coordinator", [COORDINATORS]),
    ("editor-en", "Edward", "Medway", ["en"]),
    ("editor-fr", "Élise", "Grande-Synthe", ["fr"]),
    ("editor-nl", "Noor", "Terneuzen", ["nl"]),
    ("translator", "Tom", "Translator", [TRANSLATORS]),
]


def build_roles(ctx):
    groups = setup_roles()
    ctx.log(f"  {len(groups)} editorial groups and the review workflow")
    reviewer = None
    if demo_accounts_allowed():
        reviewer = create_demo_accounts()
        ctx.log(f"  demo accounts (password “{DEMO_PASSWORD}”): {', '.join(a[0] for a in DEMO_ACCOUNTS)}")
    # The demo translations were written and checked by people: record the review.
    for page in Page.objects.filter(depth__gt=1, live=True).exclude(locale=ctx.default_locale):
        if not TranslationReview.objects.filter(page=page).exists() and is_translation(page):
            TranslationReview.objects.create(page=page, revision=page.live_revision, reviewed_by=reviewer)


def create_demo_accounts():
    require_demo_accounts_allowed()
    User = get_user_model()
    accounts = {}
    for username, first_name, last_name, roles in DEMO_ACCOUNTS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"first_name": first_name, "last_name": last_name, "email": f"{username}@example.org"},
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        names = [editor_group_name(role) if role in dict(settings.LANGUAGES) else role for role in roles]
        user.groups.set(Group.objects.filter(name__in=names))
        accounts[username] = user
    return accounts["coordinator"]


STEPS = [(95, build_roles)]
