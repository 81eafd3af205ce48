"""Attendance evidence is backed up with the site, and a restore puts it back in the private storage,
never among the public media."""

import tarfile
from pathlib import Path

import pytest
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile

from operations import backup
from reporting.models import AttendanceEvidence

from .conftest import make_event

pytestmark = pytest.mark.django_db


def test_evidence_goes_back_to_the_private_storage(partners, private_media, tmp_path):
    event = make_event(partners[0])
    evidence = AttendanceEvidence.objects.create(
        event_key=event.translation_key, file=SimpleUploadedFile("sheet.pdf", b"%PDF sheet"), original_name="sheet.pdf"
    )
    name = evidence.file.name
    path = tmp_path / "steps.tar.gz"
    manifest = backup.write_backup(path)
    entry = next(entry for entry in manifest["media"] if entry["name"] == name)
    assert entry["storage"] == "private"
    assert all("storage" not in each for each in manifest["media"] if each["name"] != name)

    Path(evidence.file.path).unlink()
    public = FileSystemStorage(location=tmp_path / "public-media")
    with tarfile.open(path, "r:gz") as archive:
        backup.restore_media(archive, manifest, public)
    assert Path(evidence.file.path).read_bytes() == b"%PDF sheet"
    assert not public.exists(name), "never restored among the public media"


def test_a_backup_naming_an_unknown_storage_is_refused(tmp_path):
    manifest = {"media": [{"name": "x.pdf", "size": 1, "sha256": "", "storage": "elsewhere"}]}
    with pytest.raises(backup.BackupError, match="elsewhere"):
        backup.restore_media(None, manifest, FileSystemStorage(location=tmp_path))
