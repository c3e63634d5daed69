"""The site's benchmark: server CPU per request for each page type, cached and fresh, with the
content as shipped and with ten times of it, against the framework's floor; and the bytes a
browser transfers on a first and a repeat visit.

Not a test: timings belong here, never in the suite. It needs PostgreSQL (a database of its own:
it is emptied and filled), redis-server and, for the transfer, Chromium. For example:

    .venv/bin/python benchmarks/run.py --database-url postgres://welcome@127.0.0.1/bench

What it does, in one run on one machine:

1. migrates the database, empties it, loads the initial content and collects the static files;
2. starts a private redis-server and gunicorn (2 sync workers, DEBUG off, production settings
   but plain HTTP) on the ports from `--port` on;
3. for each page: *cached* = the page served from the page cache; *fresh* = the page rendered
   anew and stored (before each request the client deletes that page's cache entry, nothing
   else: what is cached per content version stays cached, as it would after the entry expired).
   CPU per request = the change of utime + stime (/proc/<pid>/stat) of the gunicorn workers, of
   the PostgreSQL backends of the database and of the redis-server, divided by the requests; the
   median of `--rounds` rounds. The client's own CPU is not counted;
4. the floor: `benchmarks/floor.py`, a bare one-view Django app under the same gunicorn, serving
   the very bytes each page had, measured the same way;
5. the transfer: Chromium (Playwright) opens home and a profile in a fresh browser (first visit)
   and once more (repeat visit: the browser's cache, conditional requests); the sum of the bytes
   on the wire (headers and compressed bodies) of every request the page made;
6. Lighthouse (node_modules/.bin/lighthouse, mobile) for home, a profile, a topic and a form,
   `--lighthouse` runs each (after the CPU figures: its requests are not counted);
7. multiplies the content by ten (`benchmarks/multiply_content.py`) and measures again.

It prints a table (and, with --json, writes the figures to a file).
"""

import argparse
import http.client
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BASE = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")

PAGES = {
    "home": "/",
    "profile": "/gemeinden/juelich/",
    "topic": "/gemeinden/themen/kinderbetreuung/",
    "list": "/gemeinden/",
    "contact": "/kontakt/",
    "profile (en)": "/en/municipalities/juelich/",
}
TRANSFER_PAGES = {"home": "/", "profile": "/gemeinden/juelich/"}
LIGHTHOUSE_PAGES = {
    "home": "/",
    "profile": "/gemeinden/juelich/",
    "topic": "/gemeinden/themen/kinderbetreuung/",
    "form": "/kontakt/frage/",
}
LIGHTHOUSE = BASE / "node_modules" / ".bin" / "lighthouse"


# Processes and their CPU time -----------------------------------------------------------------


def cpu_seconds(pid):
    """utime + stime of one process, in seconds (0 if it has gone)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return 0.0
    fields = stat.rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def children(pid):
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in path.read_text().split()] if path.exists() else []


class Server:
    """A process we started, and how to find the processes whose CPU counts for it."""

    def __init__(self, command, env, name):
        self.name = name
        self.process = subprocess.Popen(  # noqa: S603
            command, env=env, cwd=BASE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )

    def pids(self):
        return [self.process.pid, *children(self.process.pid)]

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()


class Meter:
    """The CPU time of a set of processes that may change between two readings (a PostgreSQL
    backend that started in between counts with all of its time)."""

    def __init__(self, *sources):
        self.sources = sources

    def read(self):
        return {pid: cpu_seconds(pid) for source in self.sources for pid in source()}

    def since(self, before):
        after = self.read()
        return sum(seconds - before.get(pid, 0.0) for pid, seconds in after.items())


def postgres_backends(database_url):
    import psycopg

    def pids():
        with psycopg.connect(database_url, autocommit=True) as connection:
            rows = connection.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                "AND pid <> pg_backend_pid()"
            ).fetchall()
        return [row[0] for row in rows]

    return pids


# HTTP -----------------------------------------------------------------------------------------


def get(port, path, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path, headers=headers or {})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


def wait_until_up(port, path="/", seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            get(port, path)
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"nothing answers on port {port}")


def measure(port, path, meter, requests, rounds, before_each=None):
    samples = []
    for _round in range(rounds):
        start = meter.read()
        for _request in range(requests):
            if before_each:
                before_each()
            response, _body = get(port, path)
            assert response.status == 200, (path, response.status)
        samples.append(meter.since(start) / requests)
    return statistics.median(samples)


# Setting up -----------------------------------------------------------------------------------


def manage(env, *arguments):
    subprocess.run(  # noqa: S603
        [PYTHON, "manage.py", *arguments], env=env, cwd=BASE, check=True, stdout=subprocess.DEVNULL
    )


def prepare_database(env):
    manage(env, "createcachetable")
    manage(env, "migrate", "--no-input")
    manage(env, "flush", "--no-input")
    manage(env, "compilemessages", "--ignore=.venv", "--ignore=node_modules")
    manage(env, "collectstatic", "--no-input")
    manage(env, "load_initial_content")


def query_counts(env, paths):
    """The SQL queries of a fresh render of each path (through Django's test client)."""
    script = f"""
import django, json
django.setup()
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, setup_test_environment
from core import page_cache
setup_test_environment()
page_cache.cacheable_request = lambda request: False
client = Client()
counts = {{}}
for path in {list(paths)!r}:
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    counts[path] = len(queries)
print(json.dumps(counts))
"""
    env = dict(env, DJANGO_ALLOWED_HOSTS="testserver")
    output = subprocess.run(  # noqa: S603
        [PYTHON, "-c", script], env=env, cwd=BASE, check=True, capture_output=True, text=True
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


# The transfer -------------------------------------------------------------------------------


def transfer(port, path):
    """Bytes on the wire (headers and bodies as sent) of a first and a repeat visit of a page
    in Chromium, and what made them up."""
    from playwright.sync_api import sync_playwright

    origin = f"http://localhost:{port}"
    url = origin + path
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=os.environ.get("CHROME_PATH", "/usr/bin/chromium"),
            args=["--no-sandbox"],
        )
        context = browser.new_context(viewport={"width": 375, "height": 800})
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        requests, sizes = {}, {}

        def sent(event):
            requests[event["requestId"]] = event["request"]["url"]

        def received(event):
            requests[event["requestId"]] = (requests.get(event["requestId"]), event["response"])

        def finished(event):
            sizes[event["requestId"]] = event["encodedDataLength"]

        cdp.on("Network.requestWillBeSent", sent)
        cdp.on("Network.responseReceived", received)
        cdp.on("Network.loadingFinished", finished)
        visits = []
        for _visit in ("first", "repeat"):
            requests.clear()
            sizes.clear()
            page.goto(url, wait_until="load")
            page.evaluate("document.fonts.ready.then(() => true)")
            page.wait_for_timeout(300)
            parts = []
            for request_id, size in sizes.items():
                entry = requests.get(request_id)
                if entry is None or str(entry[0] if isinstance(entry, tuple) else entry).startswith(
                    "data:"
                ):
                    continue  # inside the stylesheet: nothing on the wire
                if isinstance(entry, tuple):
                    request_url, response = entry
                    status = response["status"]
                    encoding = response["headers"].get("content-encoding", "") or response[
                        "headers"
                    ].get("Content-Encoding", "")
                else:
                    request_url, status, encoding = entry, "?", ""
                parts.append((request_url.removeprefix(origin), status, encoding, size))
            visits.append(parts)
        browser.close()
    return visits


def lighthouse(port, path, runs):
    """Lighthouse's mobile scores (its default: a phone on a slow 4G, simulated), `runs` times."""
    scores = []
    for _run in range(runs):
        output = subprocess.run(  # noqa: S603
            [
                str(LIGHTHOUSE),
                f"http://localhost:{port}{path}",
                "--only-categories=performance,accessibility",
                "--output=json",
                "--quiet",
                "--chrome-flags=--headless --no-sandbox",
            ],
            env=dict(os.environ, CHROME_PATH=os.environ.get("CHROME_PATH", "/usr/bin/chromium")),
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        categories = json.loads(output)["categories"]
        scores.append(
            (
                round(categories["performance"]["score"] * 100),
                round(categories["accessibility"]["score"] * 100),
            )
        )
    return scores


# Reporting ----------------------------------------------------------------------------------


def ms(seconds):
    return f"{seconds * 1000:.2f} ms"


def print_table(results, floor, queries):
    print()
    print("CPU per request (gunicorn workers + PostgreSQL backends + redis-server)")
    print()
    print("| page | content | cached | floor | cached/floor throughput | fresh | SQL (fresh) |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for content, by_page in results.items():
        for name, figures in by_page.items():
            floor_cpu = floor[content][name]
            ratio = floor_cpu / figures["cached"] if figures["cached"] else 0
            print(
                f"| {name} | {content} | {ms(figures['cached'])} | {ms(floor_cpu)} | "
                f"{ratio:.2f}× | {ms(figures['fresh'])} | {queries[content].get(PAGES[name], '')} |"
            )


def print_lighthouse(scores_by_page):
    print()
    print("Lighthouse (mobile): performance / accessibility, each run")
    print()
    print("| page | performance | accessibility |")
    print("|---|---|---|")
    for name, scores in scores_by_page.items():
        print(
            f"| {name} | {', '.join(str(p) for p, _a in scores)} | "
            f"{', '.join(str(a) for _p, a in scores)} |"
        )


def print_transfer(visits_by_page):
    print()
    print("Transferred bytes (Chromium, headers + compressed bodies)")
    print()
    print("| page | first visit | repeat visit |")
    print("|---|---:|---:|")
    for name, (first, repeat) in visits_by_page.items():
        print(
            f"| {name} | {sum(p[3] for p in first) / 1024:.1f} KB ({len(first)} requests) | "
            f"{sum(p[3] for p in repeat) / 1024:.1f} KB ({len(repeat)} requests) |"
        )
    for name, (first, repeat) in visits_by_page.items():
        for visit, parts in (("first", first), ("repeat", repeat)):
            print(f"\n{name}, {visit} visit:")
            for request_url, status, encoding, size in parts:
                print(f"  {size:8d} B  {status}  {encoding or '-':6}  {request_url}")


# Main -----------------------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url",
        default=os.environ.get("DATABASE_URL", "postgres://welcome@127.0.0.1/bench"),
    )
    parser.add_argument("--port", type=int, default=8160, help="site; +1 redis, +2 the floor")
    parser.add_argument("--requests", type=int, default=1000, help="per round, cached and floor")
    parser.add_argument("--fresh-requests", type=int, default=100, help="per round, fresh")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--factor", type=int, default=10, help="how much more content, 1: none")
    parser.add_argument("--no-transfer", action="store_true")
    parser.add_argument(
        "--lighthouse", type=int, default=3, help="Lighthouse runs per page (0: none)"
    )
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    options = parser.parse_args()

    redis_port, floor_port = options.port + 1, options.port + 2
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="welcome.settings",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="benchmark-only",  # noqa: S106 - a throwaway database
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_LOG_LEVEL="WARNING",
        DATABASE_URL=options.database_url,
        REDIS_URL=f"redis://127.0.0.1:{redis_port}/0",
    )
    redis = Server(
        ["redis-server", "--port", str(redis_port), "--save", "", "--appendonly", "no"],
        env,
        "redis",
    )
    servers = [redis]
    captured = Path(tempfile.mkdtemp(prefix="bench-pages-"))
    try:
        prepare_database(env)
        gunicorn = [GUNICORN, "--workers", "2", "--worker-class", "sync"]
        site = Server(
            [*gunicorn, "--bind", f"127.0.0.1:{options.port}", "welcome.wsgi"], env, "site"
        )
        servers.append(site)
        wait_until_up(options.port)
        import redis as redis_client

        keys = redis_client.Redis(port=redis_port)
        site_meter = Meter(site.pids, postgres_backends(options.database_url), redis.pids)

        results, floor, queries, visits, scores = {}, {}, {}, {}, {}
        contents = ["as shipped"] + ([f"{options.factor}×"] if options.factor > 1 else [])
        for content in contents:
            if content != "as shipped":
                subprocess.run(  # noqa: S603
                    [PYTHON, "benchmarks/multiply_content.py", str(options.factor)],
                    env=env,
                    cwd=BASE,
                    check=True,
                )
            results[content] = {}
            for name, path in PAGES.items():
                for _warm_up in range(20):
                    response, body = get(options.port, path)
                assert response.status == 200, (path, response.status)
                (captured / f"{path.strip('/').replace('/', '_') or '_root'}.html").write_bytes(
                    body
                )
                (captured / f"{path.strip('/').replace('/', '_') or '_root'}.type").write_text(
                    response.getheader("Content-Type")
                )
                cached = measure(options.port, path, site_meter, options.requests, options.rounds)
                found = [k for k in keys.keys("*page-cache:*") if k.decode().endswith(f":{path}")]
                assert found, f"{path} is not in the page cache"
                fresh = measure(
                    options.port,
                    path,
                    site_meter,
                    options.fresh_requests,
                    options.rounds,
                    before_each=lambda found=found: keys.delete(*found),
                )
                results[content][name] = {"cached": cached, "fresh": fresh, "bytes": len(body)}
                print(f"{content:10} {name:14} cached {ms(cached)}, fresh {ms(fresh)}", flush=True)
            queries[content] = query_counts(env, PAGES.values())
            floor_env = dict(env, BENCH_FLOOR_PAGES=str(captured))
            floor_server = Server(
                [*gunicorn, "--bind", f"127.0.0.1:{floor_port}", "benchmarks.floor:application"],
                floor_env,
                "floor",
            )
            try:
                wait_until_up(floor_port)
                floor_meter = Meter(floor_server.pids)
                floor[content] = {
                    name: measure(floor_port, path, floor_meter, options.requests, options.rounds)
                    for name, path in PAGES.items()
                }
            finally:
                floor_server.stop()
            if content == "as shipped" and not options.no_transfer:
                visits = {
                    name: transfer(options.port, path) for name, path in TRANSFER_PAGES.items()
                }
            if content == "as shipped" and options.lighthouse and LIGHTHOUSE.exists():
                scores = {
                    name: lighthouse(options.port, path, options.lighthouse)
                    for name, path in LIGHTHOUSE_PAGES.items()
                }

        print_table(results, floor, queries)
        if scores:
            print_lighthouse(scores)
        if visits:
            print_transfer(visits)
        if options.json:
            options.json.write_text(
                json.dumps(
                    {
                        "cpu": results,
                        "floor": floor,
                        "queries": queries,
                        "transfer": visits,
                        "lighthouse": scores,
                    },
                    indent=2,
                )
            )
    finally:
        for server in reversed(servers):
            server.stop()
        shutil.rmtree(captured, ignore_errors=True)


if __name__ == "__main__":
    main()
