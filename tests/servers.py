"""Real servers for the tests that need them: a database of their own holding the demo site
(a copy of the run's one demo build, tests/demo_database.py), and gunicorn serving it.

Used by the browser tests (tests/browser/conftest.py) and the operations tests
(tests/ops/): a SQLite file, or a PostgreSQL database beside the test one when
DATABASE_URL points at PostgreSQL.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BASE_DIR = Path(__file__).resolve().parents[1]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def is_postgres(url):
    return url.startswith(("postgres://", "postgresql://"))


def using_postgres():
    return is_postgres(os.environ.get("DATABASE_URL", ""))


def database_url(tmp_path, suffix):
    """The URL of a database of the test's own: `<name>_<suffix>` beside the PostgreSQL
    database of DATABASE_URL, else a SQLite file in `tmp_path`. Nothing is created."""
    url = os.environ.get("DATABASE_URL", "")
    if not is_postgres(url):
        return f"sqlite:///{tmp_path / f'{suffix}.sqlite3'}"
    # Each xdist worker has databases of its own: two workers may serve the same kind of site.
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    suffix = f"{suffix}_{worker}" if worker else suffix
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{parts.path.lstrip('/') or 'steps'}_{suffix}"))


def fresh_database(tmp_path, suffix):
    """A fresh, empty database (see database_url); a PostgreSQL one is dropped first if it exists."""
    url = database_url(tmp_path, suffix)
    if is_postgres(url):
        import psycopg

        parts = urlsplit(url)
        admin = urlunsplit(parts._replace(path="/postgres"))
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{parts.path.lstrip("/")}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{parts.path.lstrip("/")}"')
    return url


def drop_database(url):
    """Drop a PostgreSQL database made by fresh_database (SQLite files go with their folder)."""
    if not is_postgres(url):
        return
    import psycopg

    parts = urlsplit(url)
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{parts.path.lstrip("/")}" WITH (FORCE)')


def manage(env, *args, check=True):
    """Run manage.py in its own process with `env`; returns the CompletedProcess. With `check`,
    a failure raises an error that shows what the command wrote to stderr."""
    done = subprocess.run([sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, capture_output=True, text=True)
    if check and done.returncode:
        raise RuntimeError(f"`manage.py {' '.join(args)}` failed ({done.returncode}):\n{done.stderr}")
    return done


def demo_site_env(tmp_path, suffix, **extra):
    """The environment of a demo site on a database and media folder of its own, copied from
    the run's demo build; `extra` adds or overrides variables."""
    from tests import demo_database

    demo = demo_database.demo()
    url = database_url(tmp_path, suffix)
    demo.copy_database(url)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        # Several processes, each with a private cache: nothing kept per content version.
        "CONTENT_MEMOS_ENABLED": "0",
        "DATABASE_URL": url,
        "MEDIA_ROOT": str(demo.copy_media(tmp_path / "media")),
        **extra,
    }
    return env


@contextmanager
def gunicorn(env, port=None, workers=2, ready_path="/en/", ready_headers=None, app="config.wsgi"):
    """Serve `app` (a WSGI module: config.wsgi, or tests.media_wsgi for the site with its media)
    with gunicorn on 127.0.0.1; yields the base URL once `ready_path` answers."""
    port = port or free_port()
    executable = shutil.which("gunicorn", path=str(Path(sys.executable).parent))
    server = subprocess.Popen(
        [executable, app, "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--log-level", "warning"],
        cwd=BASE_DIR,
        env=env,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                request = urllib.request.Request(f"{base_url}{ready_path}", headers=ready_headers or {})  # noqa: S310
                urllib.request.urlopen(request, timeout=2)  # noqa: S310 - local server
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("The test server did not start.") from None
                time.sleep(0.3)
        yield base_url
    finally:
        server.terminate()
        server.wait(timeout=10)
