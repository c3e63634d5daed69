"""Outage drill against a local production-mode instance: while a bounded stream of page requests
and question submissions runs, it stops Redis, makes the mail server hang and restarts
PostgreSQL, then brings everything back, lets the mail worker and the cron command catch up, and
prints what visitors saw and what happened to their submissions and e-mails.

    .venv/bin/python deploy/outage_drill.py [--base-port 8120] [--pg-port 54312] [--redis-port 6392]

It starts its own PostgreSQL cluster, Redis, fake mail server, gunicorn (2 workers, DEBUG off)
and mail worker on loopback ports, and ends them when it is done.
"""

import argparse
import random
import sys
import tempfile
import threading
import time
from collections import Counter

import psycopg
from local_stack import (
    Browser,
    FakeSmtp,
    Postgres,
    Processes,
    Redis,
    location_path,
    manage,
    prepare,
    question,
    site_environment,
    stop_cleanly_on_sigterm,
    table,
    wait_for_port,
)

PAGES = ["/", "/gemeinden/", "/gemeinden/juelich/", "/en/", "/veranstaltungen/", "/kontakt/"]


class Load:
    """A few visitors, each reading pages and now and then sending a question."""

    def __init__(self, port, visitors=3):
        self.port = port
        self.visitors = visitors
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.statuses = Counter()
        self.retry_after = 0
        self.no_answer = 0
        self.accepted = []  # markers of submissions answered with the "sent" page
        self.refused = 0
        self.threads = [threading.Thread(target=self.visit, args=(n,)) for n in range(visitors)]

    def note(self, status, headers=None):
        with self.lock:
            self.statuses[status] += 1
            if status == 503 and headers and headers.get("Retry-After"):
                self.retry_after += 1

    def visit(self, number):
        count = 0
        while not self.stop.is_set():
            count += 1
            browser = Browser(self.port, timeout=30)
            try:
                if count % 3 == 0:
                    marker = f"drill-{number}-{count}-{random.randrange(10**6)}"  # noqa: S311
                    location = question(browser, marker, self.note)
                    with self.lock:
                        if "/gesendet/" in (location_path(location) or ""):
                            self.accepted.append(marker)
                        else:
                            self.refused += 1
                else:
                    status, headers, _content = browser.get(random.choice(PAGES))  # noqa: S311
                    self.note(status, headers)
            except OSError:
                with self.lock:
                    self.no_answer += 1
            time.sleep(0.05)

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        for thread in self.threads:
            thread.join()


def due_emails(database_url):
    with psycopg.connect(database_url) as connection:
        return connection.execute(
            "SELECT count(*) FROM enquiries_notification WHERE state <> 'sent'"
        ).fetchone()[0]


def stored_markers(database_url):
    with psycopg.connect(database_url) as connection:
        rows = connection.execute("SELECT email FROM enquiries_enquiry").fetchall()
    return {email.split("@")[0] for (email,) in rows}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base-port", type=int, default=8120)
    parser.add_argument("--pg-port", type=int, default=54312)
    parser.add_argument("--redis-port", type=int, default=6392)
    options = parser.parse_args()
    stop_cleanly_on_sigterm()
    site_port, smtp_port = options.base_port, options.base_port + 5

    postgres, redis, smtp = (
        Postgres(options.pg_port),
        Redis(options.redis_port),
        FakeSmtp(smtp_port),
    )
    processes = Processes()
    log = tempfile.NamedTemporaryFile("w", prefix="welcome-drill-", suffix=".log", delete=False)
    try:
        postgres.start()
        postgres.create_database("drill")
        redis.start()
        database_url = postgres.url("drill")
        environment = site_environment(
            database_url, f"redis://127.0.0.1:{options.redis_port}/0", smtp_port
        )
        prepare(environment)
        processes.gunicorn(site_port, environment, log)
        processes.worker(environment, log)
        wait_for_port(site_port)
        print(f"Instance up on 127.0.0.1:{site_port} (log: {log.name}); drill starts.", flush=True)

        with Load(site_port) as load:
            time.sleep(5)
            print("- Redis stopped", flush=True)
            redis.stop()
            time.sleep(10)
            print("- the mail server hangs (accepts, never answers)", flush=True)
            smtp.hang = True
            time.sleep(10)
            print("- PostgreSQL restarts", flush=True)
            postgres.restart()
            time.sleep(8)
            print("- the mail server answers again, Redis is back", flush=True)
            smtp.hang = False
            redis.start()
            time.sleep(8)

        print("- load stopped; the mail worker and cron catch up", flush=True)
        deadline = time.monotonic() + 180
        while due_emails(database_url) and time.monotonic() < deadline:
            manage(environment, "send_pending_notifications")  # the cron safety net
            time.sleep(3)

        stored = stored_markers(database_url)
        lost = [marker for marker in load.accepted if marker not in stored]
        by_id = Counter(message_id for _recipient, message_id in smtp.received)
        doubled = sum(1 for count in by_id.values() if count > 1)
        delivered = {recipient.split("@")[0] for recipient, _id in smtp.received}
        missing = [marker for marker in load.accepted if marker not in delivered]
        requests = sum(load.statuses.values()) + load.no_answer
        server_errors = sum(count for status, count in load.statuses.items() if status >= 500)
        print()
        print(
            table(
                [
                    ("requests", requests),
                    ("5xx", server_errors),
                    ("  of them 503 with Retry-After", load.retry_after),
                    ("  of them 500", load.statuses.get(500, 0)),
                    ("no answer (connection failed)", load.no_answer),
                    ("submissions accepted", len(load.accepted)),
                    ("submissions refused (shown an error, not lost)", load.refused),
                    ("submissions lost", len(lost)),
                    ("e-mails received by the mail server", len(smtp.received)),
                    ("mails sent twice", doubled),
                    ("confirmations missing", len(missing)),
                    ("e-mails still due", due_emails(database_url)),
                    ("statuses", dict(sorted(load.statuses.items()))),
                ]
            )
        )
        return 0 if not lost and not doubled else 1
    finally:
        processes.stop_all()
        redis.stop()
        postgres.stop()
        log.close()


if __name__ == "__main__":
    sys.exit(main())
