"""Real servers for the tests that need them: a fresh database, the demo loaded with the
same commands a newcomer runs, and gunicorn serving it.

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


def using_postgres():
    return os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))


def fresh_database(tmp_path, suffix):
    """A fresh, empty database URL: `<name>_<suffix>` beside the PostgreSQL database of
    DATABASE_URL (dropped first if it exists), else a SQLite file in `tmp_path`."""
    url = os.environ.get("DATABASE_URL")
    if not using_postgres():
        return f"sqlite:///{tmp_path / f'{suffix}.sqlite3'}"
    import psycopg

    parts = urlsplit(url)
    name = f"{parts.path.lstrip('/') or 'steps'}_{suffix}"
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(parts._replace(path=f"/{name}"))


def drop_database(url):
    """Drop a PostgreSQL database made by fresh_database (SQLite files go with their folder)."""
    if not url.startswith(("postgres://", "postgresql://")):
        return
    import psycopg

    parts = urlsplit(url)
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{parts.path.lstrip("/")}" WITH (FORCE)')


def manage(env, *args, check=True):
    """Run manage.py in its own process with `env`; returns the CompletedProcess."""
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, check=check, capture_output=True, text=True
    )


def demo_site_env(tmp_path, suffix, **extra):
    """The environment of a demo site on its own fresh database and media folder, built with
    `migrate` and `load_demo`; `extra` adds or overrides variables."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": fresh_database(tmp_path, suffix),
        "MEDIA_ROOT": str(tmp_path / "media"),
        **extra,
    }
    manage(env, "migrate", "--noinput")
    manage(env, "load_demo")
    return env


@contextmanager
def gunicorn(env, port=None, workers=2, ready_path="/en/", ready_headers=None):
    """Serve config.wsgi with gunicorn on 127.0.0.1; yields the base URL once `ready_path` answers."""
    port = port or free_port()
    executable = shutil.which("gunicorn", path=str(Path(sys.executable).parent))
    server = subprocess.Popen(
        [executable, "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--log-level", "warning"],
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
