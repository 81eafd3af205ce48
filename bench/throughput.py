"""Throughput of every page type, served as in production, against a static file of the same size.

    .venv/bin/python bench/throughput.py [--database URL] [--scale N] [--connections 16]
                                         [--duration 10] [--workers 2] [--language en] [--mixed 60]

1. Builds the demo database if it is empty (SQLite in .bench/ unless --database
   or DATABASE_URL names another; a PostgreSQL database is created if missing)
   with `load_demo --scale N`, and collects the static files.
2. Renders one page of each type in-process, uncached, and counts its SQL
   queries (tests/page_types.py discovers the page types from the database).
3. Writes, for each page, a static file of the same byte size, then starts
   gunicorn with the production settings (SECRET_KEY, ALLOWED_HOSTS=127.0.0.1,
   SECURE_SSL_REDIRECT=0, RATELIMIT_ENABLE=0; REDIS_URL is passed on if set, else
   each worker keeps its own cache, PAGE_CACHE_SINGLE_PROCESS).
4. Loads each page and its static twin with wrk, --duration seconds each and
   --connections connections, after one request that fills the page cache, in
   --rounds rounds that alternate which goes first, and prints the medians of
   requests/s, p50 and p99, the errors, and the median of the rounds' ratios of
   page to static file: a neighbour's load that comes and goes then weighs on
   both sides of a ratio rather than on one.
5. With --mixed SECONDS, ends with one run that requests every page in turn for
   that long, to check that nothing fails under sustained load.

With --queries-at 1,100 it serves nothing: it builds a database at each scale
(its own SQLite file, or a PostgreSQL database named after the scale) and prints
the uncached SQL queries of every page type side by side, to show that they do
not grow with the size of the site.

wrk is Debian's package (apt-get install wrk); the script says so when it is missing.
"""

import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BASE_DIR = Path(__file__).resolve().parent.parent
WORK_DIR = BASE_DIR / ".bench"
PYTHON = sys.executable
HTTPS_HEADER = "X-Forwarded-Proto: https"


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", default=os.environ.get("DATABASE_URL"), help="database URL (default: SQLite)")
    parser.add_argument("--scale", type=int, default=1, help="demo size passed to load_demo --scale (default 1)")
    parser.add_argument("--connections", type=int, default=16, help="concurrent connections (default 16)")
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per address (default 10)")
    parser.add_argument("--rounds", type=int, default=3, help="page/static pairs per page type (default 3)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (default 2)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers (default 2)")
    parser.add_argument("--language", default="en", help="language of the pages to load (default en)")
    parser.add_argument("--only", default="", help="only the page types whose label contains this text")
    parser.add_argument("--mixed", type=int, default=0, help="then load every page in turn for this many seconds")
    parser.add_argument("--port", type=int, default=0, help="port for gunicorn (default: a free one)")
    parser.add_argument(
        "--queries-at", default="", help="only count the SQL queries per page type at these scales, e.g. 1,100"
    )
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


# Set-up ---------------------------------------------------------------------------


def database_url(args):
    if args.database:
        return args.database
    WORK_DIR.mkdir(exist_ok=True)
    return f"sqlite:///{WORK_DIR / f'bench-scale{args.scale}.sqlite3'}"


def ensure_postgres_database(url):
    parts = urlsplit(url)
    if parts.scheme not in ("postgres", "postgresql"):
        return
    import psycopg

    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


def server_env(args, static_root):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "benchmark-only-secret-key"),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "RATELIMIT_ENABLE": "0",
        "DATABASE_URL": database_url(args),
        "STATIC_ROOT": str(static_root),
        "MEDIA_ROOT": os.environ.get("MEDIA_ROOT", str(WORK_DIR / "media")),
        "LOG_LEVEL": "ERROR",
        "BADGES_KEY_DIR": os.environ.get("BADGES_KEY_DIR", str(WORK_DIR / "keys")),
    }
    if not env.get("REDIS_URL"):
        # Each worker keeps its own cache: right for a benchmark that publishes nothing while
        # it runs, refused in a real production (core.E001) unless declared like this.
        env["PAGE_CACHE_SINGLE_PROCESS"] = "true"
    return env


def manage(env, *arguments):
    result = subprocess.run([PYTHON, "manage.py", *arguments], cwd=BASE_DIR, env=env, capture_output=True, text=True)
    if result.returncode:
        sys.exit(f"manage.py {' '.join(arguments)} failed:\n{result.stderr[-3000:]}")
    return result.stdout


def build(args, env):
    ensure_postgres_database(env["DATABASE_URL"])
    print(f"Database: {env['DATABASE_URL']} (scale {args.scale})", flush=True)
    manage(env, "migrate", "--noinput", "-v0")
    started = time.monotonic()
    # Built under the production settings it is served with: content only, no demo accounts.
    manage(env, "load_demo", "--if-empty", "--allow-outside-development", "--scale", str(args.scale), "-v0")
    print(f"  demo ready in {time.monotonic() - started:.0f} s", flush=True)
    manage(env, "compile_translations", "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")


# Query counts, measured in a process of their own ------------------------------------


def measure(args):
    """Print, as JSON, every page of the language with its size and uncached query count."""
    import django

    sys.path.insert(0, str(BASE_DIR))
    django.setup()
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client, RequestFactory, override_settings
    from django.test.utils import CaptureQueriesContext

    from caching import page_cache
    from tests.page_types import page_urls

    client = Client(HTTP_X_FORWARDED_PROTO="https", HTTP_HOST="127.0.0.1")
    rows = []
    with override_settings(PAGE_CACHE_ENABLED=True, ALLOWED_HOSTS=["127.0.0.1"]):
        cache.clear()
        for label, url in page_urls(args.language):
            if args.only and args.only.lower() not in label.lower():
                continue
            client.get(url)  # warm the process and the site frame, as a running server is
            request = RequestFactory(HTTP_HOST="127.0.0.1").get(url)
            page_cache.forget(request)
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            rows.append(
                {
                    "label": label,
                    "url": url,
                    "status": response.status_code,
                    "bytes": len(response.content),
                    "queries": len(queries),
                }
            )
    print(json.dumps(rows))


def measured_pages(args, env):
    output = subprocess.run(
        [PYTHON, __file__, "--measure", "--language", args.language, "--only", args.only],
        cwd=BASE_DIR,
        env={**env, "PAGE_CACHE_ENABLED": "1"},
        capture_output=True,
        text=True,
    )
    if output.returncode:
        sys.exit(f"Measuring the pages failed:\n{output.stderr[-3000:]}")
    return json.loads(output.stdout.strip().splitlines()[-1])


def scaled(args, scale):
    """The arguments for a database of this scale (PostgreSQL databases get the scale in their name)."""
    database = args.database
    if database and urlsplit(database).scheme in ("postgres", "postgresql"):
        parts = urlsplit(database)
        database = urlunsplit(parts._replace(path=f"{parts.path.rstrip('/')}_scale{scale}"))
    return argparse.Namespace(**{**vars(args), "scale": scale, "database": database})


def query_counts(args):
    scales = sorted({int(scale) for scale in args.queries_at.split(",") if scale.strip()})
    counts = {}
    for scale in scales:
        at_scale = scaled(args, scale)
        env = server_env(at_scale, WORK_DIR / "static")
        build(at_scale, env)
        for page in measured_pages(at_scale, env):
            counts.setdefault(page["label"], {})[scale] = page["queries"]
    header = ["page type", *(f"SQL at scale {scale}" for scale in scales)]
    lines = [header] + [
        [label, *(str(by_scale.get(scale, "-")) for scale in scales)] for label, by_scale in counts.items()
    ]
    print()
    print_aligned(lines)
    # The search costs one query per type of page on its first page of results, whatever the size.
    grown = [label for label, by_scale in counts.items() if by_scale.get(scales[-1], 0) > by_scale.get(scales[0], 0)]
    print(f"\nQueries that grow with the site: {', '.join(grown) if grown else 'none'}")


# Serving and loading ------------------------------------------------------------------


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def static_twins(pages, static_root):
    """A static file of each page's size, served by whitenoise like any static file."""
    folder = static_root / "bench"
    folder.mkdir(parents=True, exist_ok=True)
    line = b"STEPS static twin of a page, same size, for the throughput benchmark.\n"
    for page in pages:
        size = page["bytes"]
        path = folder / f"{size}.txt"
        if not path.exists() or path.stat().st_size != size:
            path.write_bytes((line * (size // len(line) + 1))[:size])
        page["static_url"] = f"/static/bench/{size}.txt"


def start_server(args, env, port):
    gunicorn = shutil.which("gunicorn", path=str(Path(PYTHON).parent))
    command = [gunicorn, "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(args.workers)]
    command += ["--worker-class", "sync", "--log-level", "warning", "--backlog", "2048"]
    server = subprocess.Popen(command, cwd=BASE_DIR, env=env)
    deadline = time.monotonic() + 60
    while True:
        try:
            fetch(f"http://127.0.0.1:{port}/static/bench/")
            return server
        except urllib.error.HTTPError:
            return server
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                sys.exit("gunicorn did not start.")
            time.sleep(0.3)


def fetch(url):
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})  # noqa: S310 - local server
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - our own local server
        return response.status, dict(response.headers), response.read()


def warm(url, workers):
    """Fill the page cache of every worker (each has its own without Redis); the cache state seen."""
    state = "-"
    for _attempt in range(4 * workers):
        _status, headers, _body = fetch(url)
        state = headers.get("X-Page-Cache", "-")
        if state == "hit" and _attempt >= 2 * workers:
            break
    return state


def drain(url, timeout=300):
    """Wait until the workers have worked off the requests wrk left queued (slow pages leave some)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        started = time.monotonic()
        try:
            fetch(url)
        except OSError:  # still busy: the request timed out
            continue
        if time.monotonic() - started < 0.05:
            return
        time.sleep(0.5)


def report_static_headers(base, page_url):
    """How the stylesheet of a page is served: compressed, with a long cache lifetime."""
    _status, _headers, body = fetch(base + page_url)
    match = re.search(rb'href="(/static/[^"]+\.css)"', body)
    if match is None:
        return
    url = base + match.group(1).decode()
    request = urllib.request.Request(  # noqa: S310 - local server
        url, headers={"X-Forwarded-Proto": "https", "Accept-Encoding": "br, gzip"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - local server
        headers = response.headers
        print(
            f"{match.group(1).decode()}: Content-Encoding {headers.get('Content-Encoding', 'none')}, "
            f"Cache-Control {headers.get('Cache-Control', 'none')}",
            flush=True,
        )


def require_wrk():
    wrk = shutil.which("wrk")
    if wrk is None:
        sys.exit("wrk is not installed. Install Debian's package:  sudo apt-get install -y wrk")
    return wrk


def _seconds(value, unit):
    return float(value) * {"us": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0}[unit]


def parse_wrk(output):
    """requests/s, p50 and p99 (seconds), and errors from wrk's --latency report."""
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = dict(re.findall(r"^\s+(50|99)(?:\.000)?%\s+([\d.]+\w+)", output, re.MULTILINE))

    def percentile(key):
        match = re.match(r"([\d.]+)(us|ms|s|m)", latency.get(key, "0ms"))
        return _seconds(*match.groups())

    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    errors = int(non_2xx.group(1)) if non_2xx else 0
    errors += sum(int(number) for number in sockets.groups()) if sockets else 0
    return {"rps": rps, "p50": percentile("50"), "p99": percentile("99"), "errors": errors}


def load(args, url, duration, script=None):
    command = [require_wrk(), f"-t{args.threads}", f"-c{args.connections}", f"-d{duration}s", "--latency"]
    command += ["-H", HTTPS_HEADER, "--timeout", "10s"]
    if script:
        command += ["-s", script]
    result = subprocess.run([*command, url], capture_output=True, text=True)
    if result.returncode:
        sys.exit(f"wrk failed: {result.stderr}")
    return parse_wrk(result.stdout)


def paired_load(args, page_url, static_url):
    """The page and its static twin loaded in turn, --rounds times, alternating which goes first."""
    pages, statics, ratios = [], [], []
    for number in range(max(1, args.rounds)):
        order = [("page", page_url), ("static", static_url)]
        results = {}
        for kind, url in order if number % 2 == 0 else reversed(order):
            results[kind] = load(args, url, args.duration)
            drain(static_url)
        pages.append(results["page"])
        statics.append(results["static"])
        if results["static"]["rps"]:
            ratios.append(results["page"]["rps"] / results["static"]["rps"])
    return {"page": median_result(pages), "static": median_result(statics), "ratio": median(ratios)}


def median(values):
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def median_result(results):
    """Median requests/s and latencies of several wrk runs, with all their errors."""
    return {
        "rps": median([each["rps"] for each in results]),
        "p50": median([each["p50"] for each in results]),
        "p99": median([each["p99"] for each in results]),
        "errors": sum(each["errors"] for each in results),
    }


MIXED_SCRIPT = """
paths = {%s}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
"""


def mixed_load(args, base, pages):
    paths = ", ".join(json.dumps(page["url"]) for page in pages)
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(MIXED_SCRIPT % paths)
    try:
        return load(args, base + "/", args.mixed, script=handle.name)
    finally:
        os.unlink(handle.name)


# Report ---------------------------------------------------------------------------------


def milliseconds(seconds):
    return f"{seconds * 1000:.1f}"


def print_table(rows):
    header = ("page type", "KB", "SQL", "req/s", "p50 ms", "p99 ms", "errors", "static req/s", "ratio")
    lines = [header]
    for row in rows:
        page, static = row["page"], row["static"]
        lines.append(
            (
                row["label"],
                f"{row['bytes'] / 1024:.1f}",
                str(row["queries"]),
                f"{page['rps']:.0f}",
                milliseconds(page["p50"]),
                milliseconds(page["p99"]),
                str(page["errors"] + static["errors"]),
                f"{static['rps']:.0f}",
                f"{row['ratio']:.2f}" if row.get("ratio") is not None else "-",
            )
        )
    print_aligned(lines)


def print_aligned(lines):
    """A table: the first line is the header, the first column is left-aligned, the rest right."""
    widths = [max(len(line[column]) for line in lines) for column in range(len(lines[0]))]
    for number, line in enumerate(lines):
        print(
            "  ".join(
                cell.ljust(width) if index == 0 else cell.rjust(width)
                for index, (cell, width) in enumerate(zip(line, widths, strict=True))
            )
        )
        if number == 0:
            print("  ".join("-" * width for width in widths))


def main():
    args = parse_args()
    if args.measure:
        return measure(args)
    if args.queries_at:
        return query_counts(args)
    require_wrk()
    static_root = WORK_DIR / "static"
    env = server_env(args, static_root)
    build(args, env)
    pages = [page for page in measured_pages(args, env) if page["status"] == 200]
    static_twins(pages, static_root)
    port = args.port or free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(args, env, port)
    rows = []
    try:
        report_static_headers(base, pages[0]["url"])
        print(
            f"Serving on {base}: {args.workers} sync workers, production settings, "
            f"cache {'Redis' if env.get('REDIS_URL') else 'in-process memory'}; "
            f"{args.connections} connections, {args.rounds} rounds of {args.duration} s per address\n",
            flush=True,
        )
        for page in pages:
            result = {**page, "cache": warm(base + page["url"], args.workers)}
            result.update(paired_load(args, base + page["url"], base + page["static_url"]))
            rows.append(result)
            print(
                f"  {page['label']}: {result['page']['rps']:.0f} req/s (cache {result['cache']}), "
                f"static {result['static']['rps']:.0f} req/s",
                flush=True,
            )
        print()
        print_table(rows)
        uncached = [row["label"] for row in rows if row["cache"] != "hit"]
        if uncached:
            print(f"\nNot served from the page cache: {', '.join(uncached)}")
        if args.mixed:
            drain(base + pages[0]["static_url"])
            mixed = mixed_load(args, base, pages)
            print(
                f"\nEvery page in turn for {args.mixed} s, {args.connections} connections: "
                f"{mixed['rps']:.0f} req/s, p50 {milliseconds(mixed['p50'])} ms, "
                f"p99 {milliseconds(mixed['p99'])} ms, {mixed['errors']} errors"
            )
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    if args.scale == 1:
        print("\nFor a site a hundred times larger: bench/throughput.py --scale 100 (builds its own database).")


if __name__ == "__main__":
    main()
