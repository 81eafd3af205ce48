"""The demo is for development: load_demo and the demo accounts refuse production settings."""

import os
import subprocess
import sys

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from wagtail.models import Page

from demo.development import ALLOW_FLAG, DemoRefused
from editorial.demo import DEMO_ACCOUNTS, create_demo_accounts
from tests.servers import BASE_DIR

pytestmark = [pytest.mark.django_db, pytest.mark.demo]

DEMO_USERNAMES = [account[0] for account in DEMO_ACCOUNTS]


def demo_accounts():
    return get_user_model().objects.filter(username__in=DEMO_USERNAMES)


def test_load_demo_refuses_settings_that_do_not_allow_the_demo(settings):
    settings.DEMO_ALLOWED = False
    pages = Page.objects.count()
    with pytest.raises(CommandError, match=ALLOW_FLAG):
        call_command("load_demo", verbosity=0)
    assert Page.objects.count() == pages


def test_the_flag_builds_the_content_and_never_the_accounts(settings):
    # Even where accounts would otherwise be made (development with DEBUG on).
    settings.DEMO_ALLOWED, settings.DEMO_USERS, settings.DEBUG = True, True, True
    call_command("load_demo", ALLOW_FLAG, verbosity=0)
    assert Page.objects.filter(depth__gt=1).exists()
    assert not demo_accounts().exists()


def test_demo_accounts_refuse_when_debug_is_off(settings):
    settings.DEMO_ALLOWED, settings.DEMO_USERS, settings.DEBUG = True, True, False
    with pytest.raises(DemoRefused):
        create_demo_accounts()
    assert not demo_accounts().exists()


def test_demo_accounts_refuse_settings_that_do_not_allow_the_demo(settings):
    settings.DEMO_ALLOWED, settings.DEMO_USERS, settings.DEBUG = False, True, True
    with pytest.raises(DemoRefused):
        create_demo_accounts()
    assert not demo_accounts().exists()


def test_demo_accounts_are_made_in_development(settings):
    settings.DEMO_ALLOWED, settings.DEMO_USERS, settings.DEBUG = True, True, True
    create_demo_accounts()
    assert sorted(demo_accounts().values_list("username", flat=True)) == sorted(DEMO_USERNAMES)


def test_manage_py_load_demo_refuses_the_production_settings(tmp_path):
    database = tmp_path / "production.sqlite3"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "a-production-like-secret-key-for-this-test-only",
        "ALLOWED_HOSTS": "steps.example.org",
        "BADGES_KEY_DIR": str(tmp_path / "keys"),
        "DATABASE_URL": f"sqlite:///{database}",
        "PAGE_CACHE_ENABLED": "0",
    }
    env.pop("REDIS_URL", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "load_demo"], cwd=BASE_DIR, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "The demo is for development" in result.stderr and ALLOW_FLAG in result.stderr
    # Refused before anything was written: not even the tables exist.
    assert not database.exists() or database.stat().st_size == 0
