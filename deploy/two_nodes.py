"""Two nodes behind nginx on one machine: two gunicorn nodes, each with its mail worker, sharing
one PostgreSQL, one Redis and one media directory, behind nginx (round robin). It checks that a
content save on node A is never served stale by node B, that a staff session works on both
nodes, and that the two mail workers send every e-mail once, and prints a short table.

    .venv/bin/python deploy/two_nodes.py [--base-port 8120] [--pg-port 54312] [--redis-port 6392]

nginx (Debian: nginx-light) must be installed; everything runs on loopback ports and is ended
when the script is done.
"""

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import psycopg
from local_stack import (
    BASE_DIR,
    PYTHON,
    Browser,
    FakeSmtp,
    Postgres,
    Processes,
    Redis,
    hidden,
    prepare,
    question,
    site_environment,
    stop_cleanly_on_sigterm,
    table,
    wait_for_port,
)

NGINX_CONF = """
daemon off;
pid {directory}/nginx.pid;
error_log {directory}/error.log warn;
events {{ worker_connections 256; }}
http {{
    access_log off;
    client_body_temp_path {directory}/body;
    proxy_temp_path {directory}/proxy;
    fastcgi_temp_path {directory}/fastcgi;
    uwsgi_temp_path {directory}/uwsgi;
    scgi_temp_path {directory}/scgi;
    client_max_body_size 20m;
    upstream welcome {{
        server 127.0.0.1:{node_a};
        server 127.0.0.1:{node_b};
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://welcome;
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
        }}
    }}
}}
"""


def shell(environment, code):
    return subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", code],
        cwd=BASE_DIR, env=environment, check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip


def admin_login(browser, username, password, code):
    status, _headers, page = browser.get("/admin/login/?next=/admin/")
    data = {
        "csrfmiddlewaretoken": hidden(page, "csrfmiddlewaretoken"),
        "username": username,
        "password": password,
        "otp_token": code,
        "next": "/admin/",
    }
    status, headers, _content = browser.post("/admin/login/?next=/admin/", data)
    return status == 302 and headers.get("Location") == "/admin/"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base-port", type=int, default=8120)
    parser.add_argument("--pg-port", type=int, default=54312)
    parser.add_argument("--redis-port", type=int, default=6392)
    options = parser.parse_args()
    stop_cleanly_on_sigterm()
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        sys.exit("nginx is not installed (Debian: apt-get install nginx-light)")
    node_a, node_b = options.base_port + 1, options.base_port + 2
    proxy_port, smtp_port = options.base_port + 8, options.base_port + 6

    postgres, redis, smtp = (
        Postgres(options.pg_port),
        Redis(options.redis_port),
        FakeSmtp(smtp_port),
    )
    processes = Processes()
    directory = Path(tempfile.mkdtemp(prefix="welcome-two-nodes-"))
    log = open(directory / "nodes.log", "w")  # noqa: SIM115 - closed in finally
    results = []
    try:
        postgres.start()
        postgres.create_database("nodes")
        redis.start()
        database_url = postgres.url("nodes")
        media = directory / "media"  # the shared storage of both nodes
        media.mkdir()
        environment = site_environment(
            database_url,
            f"redis://127.0.0.1:{options.redis_port}/0",
            smtp_port,
            DJANGO_BEHIND_PROXY="1",
            DJANGO_MEDIA_ROOT=str(media),
        )
        prepare(environment)
        created = subprocess.run(
            [PYTHON, "manage.py", "create_local_admin"],
            cwd=BASE_DIR, env=environment, check=True, capture_output=True, text=True,
        ).stdout  # fmt: skip
        password = re.search(r"password '([^']+)'", created).group(1)
        codes = re.search(r"each works once\): (.+)", created).group(1).split()

        for port in (node_a, node_b):
            processes.gunicorn(port, environment, log)
            processes.worker(environment, log)
        (directory / "nginx.conf").write_text(
            NGINX_CONF.format(directory=directory, node_a=node_a, node_b=node_b, port=proxy_port)
        )
        processes.start(
            [nginx, "-p", str(directory), "-c", str(directory / "nginx.conf")], environment, log
        )
        for port in (node_a, node_b, proxy_port):
            wait_for_port(port)
        print(f"nginx on 127.0.0.1:{proxy_port} → nodes on {node_a} and {node_b}", flush=True)

        # 1. A content save on node A is not served stale by node B.
        path = "/gemeinden/juelich/"
        before = Browser(node_b).get(path)[2]
        new_teaser = f"Geändert auf Knoten A um {time.strftime('%H:%M:%S')}"
        shell(
            environment,
            "from municipalities.models import Municipality\n"
            "m = Municipality.objects.get(slug='juelich')\n"
            f"m.teaser_de = {new_teaser!r}\n"
            "m.save()\n",
        )
        after = Browser(node_b).get(path)[2]
        results.append(
            ("content saved on A, fresh on B", new_teaser not in before and new_teaser in after)
        )

        # 2. A staff session works on both nodes (sessions in the shared database).
        staff = Browser(proxy_port)
        logged_in = admin_login(staff, "admin", password, codes[0])
        on_nodes = []
        for port in (node_a, node_b):
            other = Browser(port)
            other.cookies = dict(staff.cookies)
            on_nodes.append(other.get("/admin/")[0] == 200)
        results.append(("staff session on A and on B", logged_in and all(on_nodes)))

        # 3. Two mail workers, every e-mail once.
        accepted = 0
        for number in range(20):
            if question(Browser(proxy_port), f"two-nodes-{number}"):
                accepted += 1
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            with psycopg.connect(database_url) as connection:
                due = connection.execute(
                    "SELECT count(*) FROM enquiries_notification WHERE state <> 'sent'"
                ).fetchone()[0]
            if not due:
                break
            time.sleep(1)
        by_id = Counter(message_id for _recipient, message_id in smtp.received)
        doubled = sum(1 for count in by_id.values() if count > 1)
        results.append(
            (
                f"{accepted} questions, {len(smtp.received)} e-mails, {doubled} sent twice",
                accepted == 20 and len(smtp.received) == 40 and doubled == 0 and not due,
            )
        )
        print()
        print(table([(label, "ok" if passed else "FAILED") for label, passed in results]))
        return 0 if all(passed for _label, passed in results) else 1
    finally:
        processes.stop_all()
        redis.stop()
        postgres.stop()
        log.close()
        shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
