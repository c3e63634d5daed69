"""Server CPU time per request for a municipality profile (and a few other pages).

Not a test: timings belong here, not in the suite. Run against PostgreSQL with the initial
content loaded, for example:

    DATABASE_URL=postgres://welcome@127.0.0.1/welcome_bench DJANGO_DEBUG=0 \
        DJANGO_SECRET_KEY=bench DJANGO_ALLOWED_HOSTS=testserver \
        .venv/bin/python benchmarks/profile_page.py

It migrates and loads the initial content into that database, warms up, then measures the
process CPU time (time.process_time: Python, template rendering and the database driver; not
the PostgreSQL server's own work) over many requests through Django's test client, and prints
the median per request and the number of SQL queries.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "welcome.settings")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

PAGES = ["/gemeinden/juelich/", "/en/municipalities/juelich/", "/", "/gemeinden/", "/kontakt/"]
ROUNDS, REQUESTS = 5, 200


def measure(client, path):
    samples = []
    for _round in range(ROUNDS):
        start = time.process_time()
        for _request in range(REQUESTS):
            response = client.get(path)
        samples.append((time.process_time() - start) / REQUESTS)
    assert response.status_code == 200, (path, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    return statistics.median(samples), len(queries)


def main():
    setup_test_environment()
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    call_command("load_initial_content", stdout=open(os.devnull, "w"))
    client = Client()
    print(f"database: {connection.vendor}, DEBUG={django.conf.settings.DEBUG}")
    for path in PAGES:
        for _warm_up in range(50):
            client.get(path)
        cpu, queries = measure(client, path)
        print(f"{path:40} {cpu * 1000:6.2f} ms CPU per request, {queries} SQL queries")


if __name__ == "__main__":
    main()
