"""Backups of the whole site into one file, and their restoration (`manage.py backup` and `restore`).

A backup is a gzipped tar archive holding:

- ``data.json``: every row of every table, in Django's JSON serialisation (the
  page tree with its paths, translations and wagtail-localize's tables, users and
  groups, registrations, documents and images metadata, snippets, history…);
- ``media/<name>``: every file the database refers to (documents, original
  images), read through the storage, so local disk and S3 alike;
- ``manifest.json``: format, versions, the migrations the data matches, row
  counts, and a SHA-256 checksum of every other member.

Left out, because they are rebuilt or worthless elsewhere: content types and
permissions (recreated by ``migrate``; rows refer to them by natural key, so
their ids may differ), sessions, the search index and the reference index
(rebuilt after a restore), image renditions (regenerated on demand), login
attempts, editing sessions and unfinished uploads.

Many-to-many links are stored as rows of their own through tables rather than
as lists on their objects: loading a list into a modelcluster
ParentalManyToManyField only keeps it in memory, so the links would be lost.

The formats and checks live here; the commands only parse arguments and report.
"""

import hashlib
import io
import json
import os
import tarfile
import tempfile
from contextlib import contextmanager
from itertools import chain
from pathlib import Path

from django.apps import apps
from django.core.serializers.json import Serializer as JSONSerializer
from django.db import DEFAULT_DB_ALIAS, connections
from django.db import models as models_module
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT = "steps-backup"
VERSION = 1
MANIFEST, DATA, MEDIA_DIR = "manifest.json", "data.json", "media/"

# Tables that are rebuilt, regenerated or only meaningful on the server they came from.
EXCLUDED_APPS = {"contenttypes", "sessions", "wagtailsearch", "axes"}
EXCLUDED_MODELS = {
    "auth.permission",
    "wagtailimages.rendition",
    "wagtailcore.referenceindex",
    "wagtailcore.uploadedfile",
    "wagtailadmin.editingsession",
    "wagtailadmin.formstate",
}
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup cannot be written or read; the message says why, for the person running the command."""


def _natural_key_models():
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType

    return (ContentType, Permission)


class _Serializer(JSONSerializer):
    """Natural keys only for content types and permissions (recreated with new ids by
    `migrate`); plain ids elsewhere, and many-to-many links left to their through tables."""

    def handle_fk_field(self, obj, field):
        self.use_natural_foreign_keys = issubclass(field.remote_field.model, _natural_key_models())
        super().handle_fk_field(obj, field)

    def handle_m2m_field(self, obj, field):
        pass


def _existing_tables(using):
    return set(connections[using].introspection.table_names())


def backed_up_models(using=DEFAULT_DB_ALIAS):
    """The models whose rows go into a backup, in a stable order."""
    tables = _existing_tables(using)
    selected = []
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if not meta.managed or meta.proxy or meta.db_table not in tables:
            continue
        if meta.app_label in EXCLUDED_APPS or meta.label_lower in EXCLUDED_MODELS:
            continue
        if meta.auto_created and _excluded_link(meta.auto_created):
            continue
        selected.append(model)
    return sorted(selected, key=lambda model: model._meta.label_lower)


def _excluded_link(owner):
    """A through table belongs with the model that declares it."""
    return owner._meta.app_label in EXCLUDED_APPS or owner._meta.label_lower in EXCLUDED_MODELS


def _referenced_files(models, using):
    """Storage names of every file a FileField (documents, images…) refers to, with their storage."""
    files = {}
    for model in models:
        for field in model._meta.local_fields:
            if not isinstance(field, models_module.FileField):
                continue
            names = model._base_manager.using(using).exclude(**{field.name: ""}).values_list(field.name, flat=True)
            for name in names:
                if name:
                    files[name] = field.storage
    return dict(sorted(files.items()))


def _migrations(using):
    applied = MigrationRecorder(connections[using]).applied_migrations()
    result = {}
    for app_label, name in sorted(applied):
        result.setdefault(app_label, []).append(name)
    return result


class _HashingReader(io.RawIOBase):
    """Reads a file while computing its SHA-256 (files are streamed into the archive)."""

    def __init__(self, handle):
        self.handle = handle
        self.digest = hashlib.sha256()

    def readable(self):
        return True

    def readinto(self, buffer):
        data = self.handle.read(len(buffer))
        self.digest.update(data)
        buffer[: len(data)] = data
        return len(data)


def _add_bytes(archive, name, data):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(timezone.now().timestamp())
    info.mode = 0o644
    archive.addfile(info, io.BytesIO(data))


def write_backup(path, *, include_media=True, using=DEFAULT_DB_ALIAS, log=lambda message: None):
    """Write a backup of the database `using` (and its media) to `path`; return the manifest."""
    import django
    import wagtail

    path = Path(path)
    if not path.parent.is_dir():
        raise BackupError(f"The folder {path.parent} does not exist.")
    models = backed_up_models(using)
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "created_at": timezone.now().isoformat(),
        "database": connections[using].vendor,
        "django": django.get_version(),
        "wagtail": wagtail.__version__,
        "migrations": _migrations(using),
        "counts": {},
        "media_included": include_media,
        "media": [],
        "media_missing": [],
    }
    handle, partial = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
    os.close(handle)
    try:
        with tarfile.open(partial, "w:gz") as archive:
            manifest["data_sha256"], manifest["counts"] = _serialise(models, using, archive)
            log(f"{sum(manifest['counts'].values())} rows from {len(models)} tables")
            if include_media:
                for name, storage in _referenced_files(models, using).items():
                    entry = _add_media(archive, name, storage)
                    if entry is None:
                        manifest["media_missing"].append(name)
                    else:
                        manifest["media"].append(entry)
                log(f"{len(manifest['media'])} media files")
            _add_bytes(archive, MANIFEST, json.dumps(manifest, indent=2).encode())
        os.replace(partial, path)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise
    return manifest


def _serialise(models, using, archive):
    """Add data.json to the archive (through a temporary file, not memory); return (checksum, row counts)."""
    counts = {}

    def rows(model):
        counts[model._meta.label_lower] = 0
        for row in model._base_manager.using(using).order_by(model._meta.pk.name).iterator(chunk_size=2000):
            counts[model._meta.label_lower] += 1
            yield row

    with tempfile.TemporaryFile("w+b") as buffer:
        text = io.TextIOWrapper(buffer, encoding="utf-8", write_through=True)
        _Serializer().serialize(chain.from_iterable(rows(model) for model in models), stream=text)
        text.flush()
        size = buffer.tell()
        buffer.seek(0)
        reader = _HashingReader(buffer)
        info = tarfile.TarInfo(DATA)
        info.size = size
        info.mode = 0o644
        info.mtime = int(timezone.now().timestamp())
        archive.addfile(info, io.BufferedReader(reader, CHUNK))
        text.detach()
    return reader.digest.hexdigest(), {label: count for label, count in counts.items() if count}


def _storage_alias(storage):
    """The name of `storage` in settings.STORAGES ("default" when it is none of them)."""
    from django.conf import settings
    from django.core.files.storage import storages

    for alias in settings.STORAGES:
        if alias != "staticfiles" and storages[alias] is storage:
            return alias
    return "default"


def _add_media(archive, name, storage):
    try:
        size = storage.size(name)
        handle = storage.open(name, "rb")
    except (OSError, NotImplementedError):
        return None
    with handle:
        reader = _HashingReader(handle)
        info = tarfile.TarInfo(MEDIA_DIR + name)
        info.size = size
        info.mode = 0o644
        archive.addfile(info, io.BufferedReader(reader, CHUNK))
    entry = {"name": name, "size": size, "sha256": reader.digest.hexdigest()}
    alias = _storage_alias(storage)
    if alias != "default":
        # A private file (attendance evidence) goes back to its own storage, never to the public media.
        entry["storage"] = alias
    return entry


# Reading and restoring ------------------------------------------------------------


def _safe_member(member):
    name = member.name
    if not member.isfile() or name.startswith("/") or ".." in Path(name).parts:
        return False
    return name in {MANIFEST, DATA} or (name.startswith(MEDIA_DIR) and len(name) > len(MEDIA_DIR))


@contextmanager
def open_backup(path):
    """Open a backup archive, checked: yields (archive, manifest). Raises BackupError with the reason."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"There is no file {path}.")
    try:
        archive = tarfile.open(path, "r:gz")  # noqa: SIM115 - closed by the with block below
    except (tarfile.TarError, OSError, EOFError) as error:
        raise BackupError(
            f"{path} is not a backup made by `manage.py backup` (not a .tar.gz archive: {error})."
        ) from None
    with archive:
        try:
            members = archive.getmembers()
        except (tarfile.TarError, OSError, EOFError) as error:
            raise BackupError(f"{path} is damaged or incomplete ({error}).") from None
        names = {member.name for member in members}
        if MANIFEST not in names or DATA not in names:
            raise BackupError(f"{path} is not a backup made by `manage.py backup` (no {MANIFEST} or {DATA}).")
        unsafe = [member.name for member in members if not _safe_member(member)]
        if unsafe:
            raise BackupError(f"{path} holds unexpected entries, so it is not restored: {', '.join(unsafe[:5])}.")
        try:
            manifest = json.loads(archive.extractfile(MANIFEST).read())
        except (ValueError, tarfile.TarError, OSError, EOFError) as error:
            raise BackupError(f"The manifest of {path} cannot be read ({error}).") from None
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            raise BackupError(f"{path} is not a backup made by `manage.py backup`.")
        if manifest.get("version") != VERSION:
            raise BackupError(
                f"{path} is a backup in format version {manifest.get('version')}; this site reads version {VERSION}."
            )
        yield archive, manifest


def verify(archive, manifest):
    """Check every member against the manifest's checksums; raise BackupError on any difference."""
    expected = {MEDIA_DIR + entry["name"]: entry["sha256"] for entry in manifest.get("media", [])}
    expected[DATA] = manifest.get("data_sha256")
    for name, checksum in expected.items():
        digest = hashlib.sha256()
        try:
            handle = archive.extractfile(name)
            if handle is None:
                raise KeyError(name)
            for block in iter(lambda handle=handle: handle.read(CHUNK), b""):
                digest.update(block)
        except KeyError:
            raise BackupError(f"The backup is incomplete: {name} is missing.") from None
        except (tarfile.TarError, OSError, EOFError) as error:
            raise BackupError(f"The backup is damaged: {name} cannot be read ({error}).") from None
        if digest.hexdigest() != checksum:
            raise BackupError(f"The backup is damaged: {name} does not match its checksum.")


def unknown_migrations(manifest):
    """Migrations the backup's data was made with that this version of the site does not have."""
    from django.db.migrations.loader import MigrationLoader

    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    return sorted(
        f"{app_label}.{name}"
        for app_label, names in manifest.get("migrations", {}).items()
        for name in names
        if (app_label, name) not in known
    )


def database_is_empty(using=DEFAULT_DB_ALIAS):
    """True when the database holds nothing but what `migrate` creates: no users, no
    pages beyond Wagtail's initial ones, no documents or images."""
    tables = _existing_tables(using)
    from django.contrib.auth import get_user_model
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page

    for model in (get_user_model(), get_document_model(), get_image_model()):
        if model._meta.db_table in tables and model._base_manager.using(using).exists():
            return False
    if Page._meta.db_table in tables:
        from django.contrib.contenttypes.models import ContentType

        plain = ContentType.objects.db_manager(using).get_for_model(Page)
        if Page._base_manager.using(using).exclude(content_type=plain).exists():
            return False
    return True


def clear_database(using=DEFAULT_DB_ALIAS):
    """Delete every row, including those migrations create (the initial page, site and
    locale), so that a backup loads with its own ids; content types and permissions
    stay, as rows in the backup refer to them by natural key. Run it in a transaction."""
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType
    from django.core.management.color import no_style

    connection = connections[using]
    kept = {ContentType._meta.db_table, Permission._meta.db_table}
    tables = [
        table
        for table in connection.introspection.django_table_names(only_existing=True, include_views=False)
        if table not in kept
    ]
    connection.ops.execute_sql_flush(connection.ops.sql_flush(no_style(), tables, reset_sequences=True))


@contextmanager
def signals_muted():
    """Rows are restored exactly as they were saved: no receiver of save signals runs while
    they load (some, like wagtail-localize's, would read rows not loaded yet or rewrite
    fields). What they maintain (search index, references, page cache) is rebuilt after."""
    from django.db.models import signals

    muted = (signals.pre_save, signals.post_save, signals.m2m_changed)
    saved = {signal: signal.receivers for signal in muted}
    try:
        for signal in muted:
            signal.receivers = []
            signal.sender_receivers_cache.clear()
        yield
    finally:
        for signal, receivers in saved.items():
            signal.receivers = receivers
            signal.sender_receivers_cache.clear()


def extract_data(archive, folder):
    target = Path(folder) / DATA
    with archive.extractfile(DATA) as source, open(target, "wb") as out:
        for block in iter(lambda: source.read(CHUNK), b""):
            out.write(block)
    return target


def restore_media(archive, manifest, storage):
    """Write every media file of the backup to `storage` under its original name; a file that
    came from another storage of settings.STORAGES (the private one) goes back to that storage."""
    from django.conf import settings
    from django.core.files.storage import storages

    written = 0
    for entry in manifest.get("media", []):
        name = entry["name"]
        alias = entry.get("storage")
        if alias and (alias not in settings.STORAGES or alias == "staticfiles"):
            raise BackupError(f"The backup names a storage this site does not have: {alias}.")
        storage_of_entry = storages[alias] if alias else storage
        if storage_of_entry.exists(name):
            storage_of_entry.delete(name)
        with archive.extractfile(MEDIA_DIR + name) as source:
            saved = storage_of_entry.save(name, source)
        if saved != name:
            raise BackupError(f"The storage saved {name} as {saved}; the database would not find it.")
        written += 1
    return written
