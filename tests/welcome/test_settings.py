"""The settings module read in fresh processes with the environment of each kind of machine."""

import os
import subprocess
import sys
from pathlib import Path

from core.catalogue import incomplete_entries

BASE_DIR = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DJANGO_SECRET_KEY": "x" * 60 + "production-like-secret-for-the-deploy-check",
    "DJANGO_ALLOWED_HOSTS": "welcome.kreis-dueren.de",
    "DATABASE_URL": "postgres://welcome@localhost/welcome",
}


def run_python(code, env_overrides):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    env.update(env_overrides)
    env["DJANGO_SETTINGS_MODULE"] = "welcome.settings"
    return subprocess.run(
        [sys.executable, "-c", code], cwd=BASE_DIR, env=env, capture_output=True, text=True
    )


def test_debug_is_off_unless_set():
    result = run_python("from django.conf import settings; print(settings.DEBUG)", PRODUCTION)
    assert result.stdout.strip() == "False"


def test_secret_key_is_required_when_debug_is_off():
    result = run_python("import django; django.setup()", {"DJANGO_ALLOWED_HOSTS": "example.org"})
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_deploy_check_prints_no_warning_with_production_variables():
    result = run_python(
        "import sys; from django.core.management import execute_from_command_line as m;"
        " m(['manage.py', 'check', '--deploy', '--fail-level', 'WARNING'])",
        PRODUCTION,
    )
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr + result.stdout


def test_postgresql_connections_persist_without_a_health_check_per_request():
    code = (
        "import django; django.setup(); from django.conf import settings as s;"
        " d = s.DATABASES['default']; print(d['ENGINE'], d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'])"
    )
    result = run_python(code, PRODUCTION)
    assert result.stdout.split() == ["django.db.backends.postgresql", "600", "False"]


def test_sqlite_under_var_is_the_default():
    code = "import django; django.setup(); from django.conf import settings as s; print(s.DATABASES['default']['NAME'])"
    result = run_python(code, {"DJANGO_DEBUG": "1"})
    assert result.stdout.strip() == str(BASE_DIR / "var" / "db.sqlite3")


def test_german_catalogue_is_complete():
    assert incomplete_entries(BASE_DIR / "locale" / "de" / "LC_MESSAGES" / "django.po") == []
