"""`manage.py backup` and `manage.py restore`: the demo site survives a round trip into an
empty database (SQLite, or PostgreSQL when DATABASE_URL points at it), and bad files or a
database with content are refused with a clear message."""

import io
import json
import os
import subprocess
import sys
import tarfile

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from tests import demo_database, servers
from tests.ops.snapshot import as_json, snapshot

# One worker makes the module's one backup (its xdist group).
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("backup")]


@pytest.fixture(scope="module")
def demo_backup(tmp_path_factory, django_db_setup, django_db_blocker):
    """One backup of the demo site, made once: the module's tests only read it."""
    path = tmp_path_factory.mktemp("backup") / "steps.tar.gz"
    with django_db_blocker.unblock():
        call_command("backup", str(path), verbosity=0)
    return path


def read_manifest(path):
    with tarfile.open(path, "r:gz") as archive:
        return json.loads(archive.extractfile("manifest.json").read())


def test_a_round_trip_into_an_empty_database_gives_back_the_same_site(demo_backup, tmp_path):
    expected = as_json(snapshot())
    assert expected["home_pages"] == {"en": 200, "fr": 200, "nl": 200}
    # Empty, as a newcomer's database is after `migrate` (restore migrates it again, finding nothing to do).
    target = servers.database_url(tmp_path, "restore")
    demo_database.copy_migrated(target)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": target,
        "MEDIA_ROOT": str(tmp_path / "restored-media"),
    }
    try:
        restored = servers.manage(env, "restore", str(demo_backup), check=False)
        assert restored.returncode == 0, restored.stderr
        assert "Restored" in restored.stdout
        result = subprocess.run(
            [sys.executable, "-m", "tests.ops.snapshot"],
            cwd=servers.BASE_DIR,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        actual = json.loads(result.stdout)
        for key in expected:
            assert actual[key] == expected[key], key
        # The media files came back byte for byte.
        for entry in read_manifest(demo_backup)["media"]:
            assert (tmp_path / "restored-media" / entry["name"]).stat().st_size == entry["size"]
    finally:
        servers.drop_database(target)


def test_the_backup_lists_what_it_holds(demo_backup):
    manifest = read_manifest(demo_backup)
    assert manifest["format"] == "steps-backup"
    assert manifest["counts"]["wagtailcore.page"] == Page.objects.count()
    assert "wagtail_localize.stringtranslation" in manifest["counts"]
    assert "events.registration" in manifest["counts"]
    # Rebuilt or meaningless elsewhere: never in a backup.
    for left_out in ("contenttypes.contenttype", "auth.permission", "sessions.session", "wagtailsearch.indexentry"):
        assert left_out not in manifest["counts"]
    assert manifest["media"] and all(entry["sha256"] for entry in manifest["media"])
    assert "wagtaildocs" in manifest["migrations"]


def test_an_existing_backup_is_not_overwritten_by_mistake(demo_backup):
    with pytest.raises(CommandError, match="exists already"):
        call_command("backup", str(demo_backup), verbosity=0)


def test_a_database_with_content_is_refused_without_force(demo_backup):
    pages = Page.objects.count()
    with pytest.raises(CommandError, match="not empty.*--force"):
        call_command("restore", str(demo_backup), verbosity=0)
    assert Page.objects.count() == pages


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(CommandError, match="There is no file"):
        call_command("restore", str(tmp_path / "nothing.tar.gz"), verbosity=0)


def test_a_file_that_is_not_a_backup_is_refused(tmp_path):
    path = tmp_path / "notes.tar.gz"
    path.write_bytes(b"these are my notes, not a backup")
    with pytest.raises(CommandError, match="not a backup made by `manage.py backup`"):
        call_command("restore", str(path), verbosity=0)
    other = tmp_path / "other.tar.gz"
    with tarfile.open(other, "w:gz") as archive:
        info = tarfile.TarInfo("readme.txt")
        archive.addfile(info, io.BytesIO(b""))
    with pytest.raises(CommandError, match="not a backup"):
        call_command("restore", str(other), verbosity=0)


def test_a_truncated_backup_is_refused_as_damaged(demo_backup, tmp_path):
    cut = tmp_path / "cut.tar.gz"
    data = demo_backup.read_bytes()
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(CommandError, match="damaged|incomplete|not a backup"):
        call_command("restore", str(cut), "--force", verbosity=0)


def test_altered_data_fails_its_checksum_and_changes_nothing(demo_backup, tmp_path):
    altered = tmp_path / "altered.tar.gz"
    with tarfile.open(demo_backup, "r:gz") as source, tarfile.open(altered, "w:gz") as target:
        for member in source.getmembers():
            content = source.extractfile(member).read()
            if member.name == "data.json":
                content = content.replace(b'"live": true', b'"live": false', 1)
            member.size = len(content)
            target.addfile(member, io.BytesIO(content))
    pages = Page.objects.live().count()
    with pytest.raises(CommandError, match="does not match its checksum"):
        call_command("restore", str(altered), "--force", verbosity=0)
    assert Page.objects.live().count() == pages


def test_unsafe_entries_are_refused(tmp_path):
    path = tmp_path / "evil.tar.gz"
    with tarfile.open(path, "w:gz") as archive:
        for name, content in (("manifest.json", b"{}"), ("data.json", b"[]"), ("../../etc/cron.d/x", b"x")):
            info = tarfile.TarInfo(name)
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))
    with pytest.raises(CommandError, match="unexpected entries"):
        call_command("restore", str(path), "--force", verbosity=0)


def test_a_backup_from_a_newer_version_is_refused(demo_backup, tmp_path):
    newer = tmp_path / "newer.tar.gz"
    with tarfile.open(demo_backup, "r:gz") as source, tarfile.open(newer, "w:gz") as target:
        for member in source.getmembers():
            content = source.extractfile(member).read()
            if member.name == "manifest.json":
                manifest = json.loads(content)
                manifest["migrations"]["events"].append("9999_from_the_future")
                content = json.dumps(manifest).encode()
            member.size = len(content)
            target.addfile(member, io.BytesIO(content))
    with pytest.raises(CommandError, match="newer version.*events.9999_from_the_future"):
        call_command("restore", str(newer), "--force", verbosity=0)
