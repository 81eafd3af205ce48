"""The demo site, built once and copied wherever a test needs it.

Building the demo (`migrate` then `load_demo`, the commands a newcomer runs) takes most of a
minute; copying a built one takes a second. So one build serves every test database of a run
and of the runs that follow while the code is unchanged:

- the ORM tests' database (tests/conftest.py), one per xdist worker: on SQLite the build's
  file is copied into the worker's in-memory database with SQLite's backup API; on
  PostgreSQL the database is created with `CREATE DATABASE … TEMPLATE` the build;
- the servers of the browser and operations tests (tests/servers.py), the same way into a
  file or a database of their own.

A build itself starts from a copy of an empty migrated database, kept while the migrations,
settings and requirements are unchanged; its `migrate` then only runs the post-migrate steps
(permissions and content types of the current code) before `load_demo`.

A build lives in a folder under $STEPS_TEST_DEMO_DIR (default: $TMPDIR/steps-test-demo) named
by a fingerprint of everything it is made from: every file of the project outside tests/,
documentation and generated folders (the requirements files among them), the Python
version and the environment variables that change the demo (LANGUAGES). A change to any of
them gives a new fingerprint and so a new build (an empty or new folder forces one). On
PostgreSQL the build is the database `<name>_demo` beside DATABASE_URL's, its fingerprint
kept as the database's comment. Each build also holds the media files the demo wrote, which
each copy gets as hard links (Django's storage writes new files and never rewrites one).

Written here rather than taken from a library: pytest-django creates test databases by
migrating them, and has no notion of a prebuilt one shared between runs. The lock is
`fcntl.flock` from the standard library, so the xdist workers of a run, or two runs at
once, wait for one build instead of making two.
"""

import fcntl
import hashlib
import os
import shutil
import signal
import sqlite3
import sys
import tempfile
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from tests import servers

BASE_DIR = servers.BASE_DIR
# What the demo is not built from: tests, generated files, caches, media, documentation.
SKIPPED_DIRS = {
    ".git",
    ".venv",
    "tests",
    "bench",
    "media",
    "staticfiles",
    "node_modules",
    "__pycache__",
    "test-results",
}
SKIPPED_SUFFIXES = {".pyc", ".mo", ".sqlite3", ".sqlite3-journal", ".log", ".md"}
# Builds kept of each kind (the last used); staging folders of builds that died are removed after a day.
KEEP_BUILDS = 3
KEEP_UNUSED_SECONDS = 24 * 3600


def root():
    path = Path(os.environ.get("STEPS_TEST_DEMO_DIR") or Path(tempfile.gettempdir()) / "steps-test-demo")
    path.mkdir(parents=True, exist_ok=True)
    return path


def source_files():
    for folder, dirs, files in os.walk(BASE_DIR):
        dirs[:] = sorted(name for name in dirs if name not in SKIPPED_DIRS and not name.startswith("."))
        for name in sorted(files):
            if Path(name).suffix not in SKIPPED_SUFFIXES and not name.startswith("."):
                yield Path(folder, name)


# Settings read from the environment that change what the demo database holds: a build with
# LANGUAGES=en,fr,nl,de has a German locale and German drafts that the default one has not.
FINGERPRINTED_ENVIRONMENT = ("LANGUAGES",)


def environment_digest():
    return "\0".join(f"{name}={os.environ.get(name, '')}" for name in FINGERPRINTED_ENVIRONMENT).encode()


def fingerprint():
    """A digest of what the demo database is made from."""
    digest = hashlib.sha256()
    digest.update(sys.version.encode())
    digest.update(environment_digest())
    for path in source_files():
        digest.update(str(path.relative_to(BASE_DIR)).encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


@contextmanager
def locked(name):
    """Hold an exclusive lock on `name` in the builds' folder, across processes."""
    with open(root() / f"{name}.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@dataclass(frozen=True)
class Demo:
    """A finished build: its database URL (to copy, never to use) and its media folder."""

    key: str
    database_url: str
    media: Path

    def copy_media(self, target):
        """The build's media files in a folder of the caller's, as hard links (copies across file systems)."""
        target = Path(target)
        try:
            shutil.copytree(self.media, target, copy_function=os.link)
        except OSError:
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(self.media, target)
        return target

    def copy_database(self, url):
        """Make the database at `url` a copy of the build: a SQLite file path, or a PostgreSQL
        database (dropped first if it exists)."""
        if servers.is_postgres(self.database_url):
            # Under the lock: a build for newer code may replace the template meanwhile.
            with locked(self.key):
                copy_postgres(self.database_url, url)
        else:
            copy_sqlite(sqlite_path(self.database_url), sqlite3.connect(sqlite_path(url)), close=True)


def copy_postgres(template_url, url):
    """Make the PostgreSQL database at `url` (dropped first if it exists) a copy of `template_url`'s."""
    with admin_connection(template_url) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{database_name(url)}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{database_name(url)}" TEMPLATE "{database_name(template_url)}"')


def copy_sqlite(source_path, target, close=False):
    """Copy the SQLite database at `source_path` into the open connection `target`."""
    source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True)
    try:
        source.backup(target)
    finally:
        source.close()
        if close:
            target.close()


def sqlite_path(url):
    return url.removeprefix("sqlite:///")


def database_name(url):
    return urlsplit(url).path.lstrip("/")


def with_database(url, name):
    return urlunsplit(urlsplit(url)._replace(path=f"/{name}"))


@contextmanager
def admin_connection(url):
    """An autocommit connection to the `postgres` database of `url`'s server."""
    import psycopg

    with psycopg.connect(with_database(url, "postgres"), autocommit=True) as connection:
        yield connection


def build_env(database_url, media):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(media),
    }


def migrations_fingerprint():
    """A digest of what an empty migrated database is made from: the migrations, the settings
    (the installed apps, the languages) and the requirements files."""
    digest = hashlib.sha256()
    digest.update(sys.version.encode())
    digest.update(environment_digest())
    for path in source_files():
        relative = path.relative_to(BASE_DIR)
        if "migrations" in relative.parts or relative.parts[:2] == ("config", "settings") or path.suffix == ".txt":
            digest.update(str(relative).encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def load(database_url, media, migrated_now=False):
    """`migrate` and `load_demo`, as a newcomer does. The database starts as a copy of a migrated
    one, so `migrate` has only its post-migrate steps to run (what the current code's post-migrate
    handlers add); none when that one was migrated by this very build (`migrated_now`)."""
    env = build_env(database_url, media)
    started = time.monotonic()
    if not migrated_now:
        servers.manage(env, "migrate", "--noinput")
    servers.manage(env, "load_demo")
    print(f"\nThe demo database was built in {time.monotonic() - started:.0f} s.", file=sys.stderr)


def last_used_first(paths):
    return sorted(paths, key=lambda path: path.stat().st_mtime, reverse=True)


def forget_unused(key):
    """Keep the last KEEP_BUILDS builds used of this kind (a build is marked used each time it is
    handed out) and the last migrated database; remove the others, and what builds that died
    left for a day."""
    builds = last_used_first(root().glob(f"{key}-*/"))[KEEP_BUILDS:]
    migrated = last_used_first(root().glob(f"{key}.migrated-*"))[1:]
    stale = [path for path in root().glob(".*") if time.time() - path.stat().st_mtime > KEEP_UNUSED_SECONDS]
    for path in builds + migrated + stale:
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)


def demo():
    """The demo build for this code and this DATABASE_URL, built now if there is none."""
    url = os.environ.get("DATABASE_URL", "")
    postgres = servers.is_postgres(url)
    key = build_key(url)
    wanted = fingerprint()
    folder = root() / f"{key}-{wanted}"
    with locked(key):
        if postgres:
            base = database_name(url) or "steps"
            demo = Demo(key, with_database(url, f"{base}_demo"), folder / "media")
            if not folder.is_dir() or postgres_fingerprint(demo.database_url) != wanted:
                migrated = with_database(url, f"{base}_migrated")
                migrated_now = ensure_postgres(migrated, migrations_fingerprint(), migrate)
                with staged(folder) as temporary:
                    make = partial(load, media=temporary / "media", migrated_now=migrated_now)
                    ensure_postgres(demo.database_url, wanted, make, template=migrated, force=True)
        else:
            demo = Demo(key, f"sqlite:///{folder / 'demo.sqlite3'}", folder / "media")
            if not folder.is_dir():
                migrated, migrated_now = migrated_sqlite(key)
                with staged(folder) as temporary:
                    shutil.copyfile(migrated, temporary / "demo.sqlite3")
                    load(f"sqlite:///{temporary / 'demo.sqlite3'}", temporary / "media", migrated_now)
        # Marks the build as used, so forget_unused() keeps it.
        os.utime(folder)
        forget_unused(key)
    return demo


def build_key(url):
    """The name of the builds for the database of `url`: one kind per SQLite, or per PostgreSQL database."""
    postgres = servers.is_postgres(url)
    where = f"{urlsplit(url).hostname}-{urlsplit(url).port}-{database_name(url)}" if postgres else "sqlite"
    return f"{hashlib.sha256(f'{BASE_DIR}|{where}'.encode()).hexdigest()[:8]}-{'pg' if postgres else 'sqlite'}"


def copy_migrated(url=None):
    """Make the database at `url` an empty one, migrated for the current migrations: a copy of
    the one demo builds start from (migrated now if there is none), in a second rather than the
    quarter of a minute a `migrate` from nothing takes. Without `url`, only make sure that one
    exists (`python -m tests.demo_database migrated`)."""
    source = os.environ.get("DATABASE_URL", "")
    key = build_key(source)
    with locked(key):
        if servers.is_postgres(source):
            migrated = with_database(source, f"{database_name(source) or 'steps'}_migrated")
            ensure_postgres(migrated, migrations_fingerprint(), migrate)
            if url is not None:
                copy_postgres(migrated, url)
        else:
            path, _made_now = migrated_sqlite(key)
            if url is not None:
                copy_sqlite(path, sqlite3.connect(sqlite_path(url)), close=True)


def migrate(database_url):
    servers.manage(build_env(database_url, root() / "no-media"), "migrate", "--noinput")


def migrated_sqlite(key):
    """(path, migrated now) of an empty SQLite database, migrated, for the current migrations."""
    path = root() / f"{key}.migrated-{migrations_fingerprint()}"
    made_now = not path.exists()
    if made_now:
        unfinished = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}")
        try:
            migrate(f"sqlite:///{unfinished}")
        except BaseException:
            unfinished.unlink(missing_ok=True)
            raise
        unfinished.rename(path)
    os.utime(path)
    return path, made_now


@contextmanager
def staged(folder):
    """A new folder beside `folder`, renamed into place once the build in it is complete."""
    temporary = folder.with_name(f".{folder.name}.{uuid.uuid4().hex[:8]}")
    temporary.mkdir()
    try:
        yield temporary
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    shutil.rmtree(folder, ignore_errors=True)
    temporary.rename(folder)


def postgres_fingerprint(url):
    with admin_connection(url) as connection:
        row = connection.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s", [database_name(url)]
        ).fetchone()
    return row[0] if row else None


def ensure_postgres(url, wanted, make, template=None, force=False):
    """Unless the database at `url` carries the fingerprint `wanted` (or with `force`), make it:
    `make(url)` on `<name>_build` (empty, or a copy of `template`), renamed to `<name>` and
    marked `wanted`. True if it was made now."""
    if postgres_fingerprint(url) == wanted and not force:
        return False
    name = database_name(url)
    building = f"{name}_build"
    with admin_connection(url) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{building}" WITH (FORCE)')
        copy = f' TEMPLATE "{database_name(template)}"' if template else ""
        connection.execute(f'CREATE DATABASE "{building}"{copy}')
    make(with_database(url, building))
    with admin_connection(url) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'ALTER DATABASE "{building}" RENAME TO "{name}"')
        connection.execute(f"COMMENT ON DATABASE \"{name}\" IS '{wanted}'")
    return True


if __name__ == "__main__":
    # `python -m tests.demo_database`: build now (make test does, while lint and checks run).
    # `python -m tests.demo_database migrated`: only the empty migrated database builds start
    # from (.ci/run makes the PostgreSQL one while the SQLite run builds its demo).
    # Stopped, it stops its `manage.py` and leaves no half-made build behind.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    if sys.argv[1:] == ["migrated"]:
        copy_migrated()
    else:
        demo()
