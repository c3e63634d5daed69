"""The pieces of a production-mode instance on one machine, on loopback ports, for the outage
drill and the two-node check: a private PostgreSQL and Redis, a fake mail server that can hang,
gunicorn nodes and mail workers with DEBUG off, and a small HTTP client that keeps cookies.

Run from the project's checkout with its virtualenv (`.venv/bin/python deploy/…`). Nothing here
is used by the site itself.
"""

import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = str(BASE_DIR / ".venv" / "bin" / "python")
GUNICORN = str(BASE_DIR / ".venv" / "bin" / "gunicorn")
PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))


def wait_for_port(port, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"nothing answers on port {port}")


class Postgres:
    """A throw-away PostgreSQL cluster (run as the postgres user when started as root)."""

    def __init__(self, port):
        self.port = port
        self.directory = Path(tempfile.mkdtemp(prefix="welcome-pg-"))
        self.data = self.directory / "data"
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_user:
            shutil.chown(self.directory, "postgres", "postgres")

    def run(self, *command, check=True):
        # The server's output goes to its log file (-l): a pipe would be held open by it.
        return subprocess.run(
            [*self.as_user, *command], check=check, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, cwd="/tmp", timeout=120,
        )  # fmt: skip

    def start(self):
        if not self.data.exists():
            self.run(str(PG_BIN / "initdb"), "-D", str(self.data), "-U", "welcome", "-A", "trust")
        self.run(
            str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-l", str(self.directory / "log"),
            "-o", f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1", "-w", "start",
        )  # fmt: skip

    def create_database(self, name):
        self.run(
            str(PG_BIN / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "welcome", name
        )

    def restart(self):
        self.run(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-l", str(self.directory / "log"),
                 "-m", "fast", "-w", "restart",
                 "-o", f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1")  # fmt: skip

    def stop(self):
        self.run(
            str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop", check=False
        )
        shutil.rmtree(self.directory, ignore_errors=True)

    def url(self, name):
        return f"postgres://welcome@127.0.0.1:{self.port}/{name}"


class Redis:
    def __init__(self, port):
        self.port = port
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        wait_for_port(self.port)

    def stop(self):
        if self.process:
            self.process.terminate()
            self.process.wait(10)
            self.process = None


class FakeSmtp:
    """A mail server on a loopback port that records what it accepts (recipient, Message-ID);
    with `hang = True` it accepts connections and never answers, like the one of the finding."""

    def __init__(self, port):
        self.port = port
        self.hang = False
        self.received = []  # (recipient, message id)
        self.lock = threading.Lock()
        self.server = socket.create_server(("127.0.0.1", port), reuse_port=True)
        threading.Thread(target=self.serve, daemon=True).start()

    def serve(self):
        while True:
            connection, _address = self.server.accept()
            threading.Thread(target=self.talk, args=(connection,), daemon=True).start()

    def talk(self, connection):
        if self.hang:
            time.sleep(3600)
            return
        stream = connection.makefile("rb")
        send = lambda line: connection.sendall(line.encode() + b"\r\n")  # noqa: E731
        send("220 fake-smtp")
        recipients = []
        try:
            for raw in stream:
                line = raw.decode("utf-8", "replace").strip()
                verb = line[:4].upper()
                if verb in ("EHLO", "HELO"):
                    send("250 fake-smtp")
                elif verb == "MAIL":
                    recipients = []
                    send("250 ok")
                elif verb == "RCPT":
                    recipients.append(line.split(":", 1)[1].strip(" <>"))
                    send("250 ok")
                elif verb == "DATA":
                    send("354 go on")
                    message = []
                    for data in stream:
                        if data.rstrip(b"\r\n") == b".":
                            break
                        message.append(data.decode("utf-8", "replace"))
                    found = re.search(r"^Message-ID:\s*(\S+)", "".join(message), re.M | re.I)
                    with self.lock:
                        for recipient in recipients:
                            self.received.append((recipient, found.group(1) if found else None))
                    send("250 queued")
                elif verb == "QUIT":
                    send("221 bye")
                    break
                else:
                    send("250 ok")
        except OSError:
            pass
        finally:
            connection.close()


def site_environment(database_url, redis_url, smtp_port, **extra):
    environment = {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "drill-only-secret-key-" + "x" * 40,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": database_url,
        "DJANGO_EMAIL_HOST": "127.0.0.1",
        "DJANGO_EMAIL_PORT": str(smtp_port),
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "ENQUIRY_MIN_FILL_SECONDS": "0",
        "ENQUIRY_RATE_LIMIT": "100000",
        "DJANGO_LOG_LEVEL": "WARNING",
        **extra,
    }
    if redis_url:
        environment["REDIS_URL"] = redis_url
    return environment


def manage(environment, *arguments):
    subprocess.run(
        [PYTHON, "manage.py", *arguments], cwd=BASE_DIR, env=environment, check=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip


def prepare(environment):
    manage(environment, "createcachetable")
    manage(environment, "migrate", "--no-input", "-v", "0")
    manage(environment, "load_initial_content")
    manage(environment, "collectstatic", "--no-input", "-v", "0")


class Processes:
    """Background processes started here, ended here (by their own process group)."""

    def __init__(self):
        self.started = []

    def start(self, command, environment, log):
        process = subprocess.Popen(
            command, cwd=BASE_DIR, env=environment, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
        self.started.append(process)
        return process

    def gunicorn(self, port, environment, log, workers=2):
        return self.start(
            [GUNICORN, "welcome.wsgi", "-w", str(workers), "-b", f"127.0.0.1:{port}",
             "--timeout", "60", "--graceful-timeout", "5"],
            environment, log,
        )  # fmt: skip

    def worker(self, environment, log):
        return self.start([PYTHON, "manage.py", "run_worker"], environment, log)

    def stop_all(self):
        for process in self.started:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.started:
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)


class Browser:
    """An HTTP client that keeps cookies (also the Secure ones: this is plain HTTP on loopback)."""

    def __init__(self, port, timeout=30):
        self.port, self.timeout = port, timeout
        self.cookies = {}

    def request(self, method, path, data=None, headers=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
        headers = {"Host": f"127.0.0.1:{self.port}", **(headers or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urlencode(data, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://127.0.0.1:{self.port}{path}"
            headers["Origin"] = f"http://127.0.0.1:{self.port}"
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            content = response.read().decode("utf-8", "replace")
        finally:
            connection.close()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        return response.status, dict(response.getheaders()), content

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, data):
        return self.request("POST", path, data)


def hidden(html, name):
    found = re.search(rf'name="{name}"\s+value="([^"]*)"', html) or re.search(
        rf'value="([^"]*)"\s+name="{name}"', html
    )
    return found.group(1) if found else ""


QUESTION_PATH = "/kontakt/frage/"


def question(browser, marker, note=lambda status, headers: None):
    """Send the question form once as a person would (`note` hears of each answer); the
    address the answer to the form led to, or None."""
    status, headers, page = browser.get(QUESTION_PATH)
    note(status, headers)
    if status != 200:
        return None
    data = {
        "csrfmiddlewaretoken": hidden(page, "csrfmiddlewaretoken"),
        "form_token": hidden(page, "form_token"),
        "topics": ["housing"],
        "municipality": "nideggen",
        "message": f"Drill message {marker}",
        "moving_situation": "germany",
        "adults": "1",
        "children_ages": "",
        "name": "Drill Person",
        "email": f"{marker}@example.org",
        "phone": "",
        "preferred_language": "Deutsch",
        "contact_preference": "email",
        "homepage": "",
    }
    status, headers, _content = browser.post(QUESTION_PATH, data)
    note(status, headers)
    return headers.get("Location") if status == 302 else None


def location_path(location):
    return urlsplit(location).path if location else None


def table(rows):
    width = max(len(str(label)) for label, _value in rows)
    return "\n".join(f"{label:<{width}}  {value}" for label, value in rows)


def stop_cleanly_on_sigterm():
    """A SIGTERM (timeout, kill) ends the script through its `finally`, which ends what it
    started."""

    def stop(signum, frame):
        raise SystemExit(143)

    signal.signal(signal.SIGTERM, stop)
