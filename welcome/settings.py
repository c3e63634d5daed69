"""Settings of the Welcome-Center Kreis Düren website.

`welcome` is both the project package (settings, URLs, WSGI/ASGI) and the Welcome-Center app; the
site's infrastructure is the `core` app. There is one settings module: environments differ only by
the environment variables listed in `.env.example` and the README. Test-only overrides live in
`tests/settings.py`.
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name, default=""):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


def env_int(name, default):
    value = os.environ.get(name)
    return int(value) if value else default


# ---------------------------------------------------------------------------------------------
# Core
# https://docs.djangoproject.com/en/5.2/ref/settings/#debug
# ---------------------------------------------------------------------------------------------
DEBUG = env_bool("DJANGO_DEBUG", False)

# https://docs.djangoproject.com/en/5.2/ref/settings/#secret-key
SECRET_KEY = env("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off.")
    SECRET_KEY = "insecure-local-development-key-only-used-with-DJANGO_DEBUG-on"  # noqa: S105

# https://docs.djangoproject.com/en/5.2/ref/settings/#allowed-hosts
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")

# https://docs.djangoproject.com/en/5.2/ref/settings/#csrf-trusted-origins
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # modeltranslation must come before django.contrib.admin (here with the project's admin site,
    # core/admin_site.py).
    "modeltranslation",
    "core.apps.StaffAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "crispy_forms",
    "csp",
    # The mail worker's queue (core/mail.py): django-tasks with its database backend.
    "django_tasks",
    "django_tasks_db",
    # Two-factor login for staff (core/two_factor.py).
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # The project's apps in the order of their imports: core ← municipalities ← welcome ←
    # enquiries, onestopshop. core comes after django.contrib.auth: it replaces the group admin.
    "core",
    "municipalities",
    "welcome",
    "enquiries",
    "onestopshop",
    # django-axes last, as its documentation asks.
    "axes",
]

MIDDLEWARE = [
    # First: a body too large is refused before anything reads it.
    "core.middleware.RequestBodyLimitMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # An unreachable database answers 503 with Retry-After.
    "core.errors.DatabaseUnavailableMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # A page served from the cache carries the headers of the middleware below it, stored with
    # it: none of them runs again for it. After the HTTPS redirect and the static files.
    "core.page_cache.PublicPageCacheMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "core.middleware.AdminLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "core.middleware.RejectNulCharactersMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "core.middleware.AdminNoIndexMiddleware",
    # django-axes: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "welcome.urls"
WSGI_APPLICATION = "welcome.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.site",
                "welcome.context_processors.center",
            ],
        },
    },
]

# ---------------------------------------------------------------------------------------------
# Database: SQLite under var/ by default, PostgreSQL in production and CI.
# https://docs.djangoproject.com/en/5.2/ref/settings/#databases
# ---------------------------------------------------------------------------------------------
SQLITE_DEFAULT = BASE_DIR / "var" / "db.sqlite3"
DATABASE_URL = env("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL)}
else:
    SQLITE_DEFAULT.parent.mkdir(exist_ok=True)
    DATABASES = {"default": dj_database_url.parse(f"sqlite:///{SQLITE_DEFAULT}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # https://docs.djangoproject.com/en/5.2/ref/databases/#persistent-connections
    DATABASES["default"]["CONN_MAX_AGE"] = env_int("DJANGO_CONN_MAX_AGE", 600)
    # A health check is a `SELECT 1` before the first query of every request. Without it, a
    # connection that the server closed fails one request, and the next opens a new one.
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = env_bool("DJANGO_CONN_HEALTH_CHECKS", False)
IS_POSTGRESQL = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# ---------------------------------------------------------------------------------------------
# Cache: Redis when REDIS_URL is set, otherwise the database (shared by all gunicorn workers).
# https://docs.djangoproject.com/en/5.2/topics/cache/
# ---------------------------------------------------------------------------------------------
REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    # Django's Redis backend with one client object per server (core/redis_cache.py), and short
    # timeouts: the cache only accelerates, and a down or hanging Redis must not hold up a
    # request (core/cache_access.py treats a failure as a miss).
    CACHES = {
        "default": {
            "BACKEND": "core.redis_cache.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {
                "socket_connect_timeout": env_int("REDIS_CONNECT_TIMEOUT_MS", 250) / 1000,
                "socket_timeout": env_int("REDIS_TIMEOUT_MS", 500) / 1000,
            },
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "django_cache",
        }
    }

# ---------------------------------------------------------------------------------------------
# Authentication
# https://docs.djangoproject.com/en/5.2/topics/auth/passwords/#password-validation
# ---------------------------------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Login protection: lockout after repeated failures (django-axes), sessions that end after a
# period of inactivity. https://django-axes.readthedocs.io/en/latest/4_configuration.html
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("DJANGO_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("DJANGO_LOGIN_LOCKOUT_MINUTES", 15) / 60  # hours
# Lock a username only from the address that failed: an attacker elsewhere cannot lock the staff
# member out.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "core.login_protection.lockout_response"
# The only login is the admin's; after it, the admin (not a 404 at /accounts/profile/).
# https://docs.djangoproject.com/en/5.2/ref/settings/#login-redirect-url
LOGIN_URL = "admin:login"
LOGIN_REDIRECT_URL = "admin:index"
# Two-factor login (core/two_factor.py): the name that authenticator apps show.
# https://django-otp-official.readthedocs.io/en/stable/overview.html#settings
OTP_TOTP_ISSUER = "Welcome-Center Kreis Düren"
# How many reverse proxies of our own stand in front of the site, each appending to
# X-Forwarded-For: the client address is the entry the outermost of them appended
# (core.rate_limit.client_address). One by default behind a proxy.
TRUSTED_PROXY_COUNT = env_int(
    "DJANGO_TRUSTED_PROXY_COUNT", 1 if env_bool("DJANGO_BEHIND_PROXY", False) else 0
)
# One client-address function for the login protection and the rate limit.
AXES_CLIENT_IP_CALLABLE = "core.rate_limit.client_address"
# https://docs.djangoproject.com/en/5.2/ref/settings/#session-cookie-age
SESSION_COOKIE_AGE = env_int("DJANGO_SESSION_IDLE_MINUTES", 30) * 60
SESSION_SAVE_EVERY_REQUEST = True  # the age counts from the last request: an inactivity timeout

# ---------------------------------------------------------------------------------------------
# Languages and time: German first (no URL prefix), English at /en/.
# https://docs.djangoproject.com/en/5.2/topics/i18n/
# ---------------------------------------------------------------------------------------------
LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("German")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# British English dates (14 May 2024) instead of Django's American ones.
# https://docs.djangoproject.com/en/5.2/ref/settings/#format-module-path
FORMAT_MODULE_PATH = ["welcome.formats"]
USE_I18N = True
# British dates on the English pages ("31 December 2023"): welcome/formats/en/formats.py.
FORMAT_MODULE_PATH = ["welcome.formats"]
TIME_ZONE = "Europe/Berlin"
USE_TZ = True

# https://django-modeltranslation.readthedocs.io/en/latest/registration.html#configuration
MODELTRANSLATION_DEFAULT_LANGUAGE = "de"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("de",)

# ---------------------------------------------------------------------------------------------
# Static files through WhiteNoise.
# https://whitenoise.readthedocs.io/en/stable/django.html
# ---------------------------------------------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env("DJANGO_MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Media on S3-compatible object storage, for more than one node (README: more than one node):
# django-storages, installed with `pip install -c constraints.txt -e ".[s3]"`; the credentials
# come from the usual AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY variables, read by boto3.
# https://django-storages.readthedocs.io/en/latest/backends/amazon-S3.html
if env("DJANGO_MEDIA_S3_BUCKET"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("DJANGO_MEDIA_S3_BUCKET"),
            "endpoint_url": env("DJANGO_MEDIA_S3_ENDPOINT_URL") or None,
            "region_name": env("DJANGO_MEDIA_S3_REGION") or None,
            "default_acl": None,
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }

# ---------------------------------------------------------------------------------------------
# Forms: crispy-forms with the project's KERN template pack (templates/kern/).
# https://django-crispy-forms.readthedocs.io/en/latest/install.html#template-packs
# ---------------------------------------------------------------------------------------------
CRISPY_ALLOWED_TEMPLATE_PACKS = ("kern",)
CRISPY_TEMPLATE_PACK = "kern"

# ---------------------------------------------------------------------------------------------
# E-mail
# https://docs.djangoproject.com/en/5.2/topics/email/
# ---------------------------------------------------------------------------------------------
EMAIL_BACKEND = env(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("DJANGO_EMAIL_PORT", 25)
EMAIL_HOST_USER = env("DJANGO_EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("DJANGO_EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = env(
    "DJANGO_DEFAULT_FROM_EMAIL", "Welcome-Center Kreis Düren <noreply@kreis-dueren.de>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The queue of the mail worker (`manage.py run_worker`, started by `make run`).
# https://github.com/RealOrangeOne/django-tasks
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Where notifications about new enquiries go (the center's inbox).
WELCOME_CENTER_INBOX = env("WELCOME_CENTER_INBOX", "amt60@kreis-dueren.de")

# ---------------------------------------------------------------------------------------------
# Personal data: how long it is kept (the Datenschutzerklärung shows these figures).
# ---------------------------------------------------------------------------------------------
# Days after an enquiry is closed until its personal data is erased.
ENQUIRY_RETENTION_DAYS = env_int("ENQUIRY_RETENTION_DAYS", 180)
# The admin start page lists enquiries still without an answer after this many working days
# (Monday to Friday, NRW public holidays not counted).
ENQUIRY_ANSWER_DUE_WORKING_DAYS = env_int("ENQUIRY_ANSWER_DUE_WORKING_DAYS", 2)
# Days after a One-Stop-Shop date until the personal data of its registrations is erased, and
# hours within which a registration must be confirmed by the link in the e-mail (else it expires).
ONE_STOP_SHOP_RETENTION_DAYS = env_int("ONE_STOP_SHOP_RETENTION_DAYS", 30)
ONE_STOP_SHOP_CONFIRMATION_HOURS = env_int("ONE_STOP_SHOP_CONFIRMATION_HOURS", 24)
# Days after subscribing to "tell me when new dates are open" until the address is deleted.
ONE_STOP_SHOP_ALERT_DAYS = env_int("ONE_STOP_SHOP_ALERT_DAYS", 365)
# Abuse protection of the enquiry forms: seconds a person needs at least to fill a form, how long
# a form stays valid, and how many enquiries one client address may send per window (seconds).
ENQUIRY_MIN_FILL_SECONDS = env_int("ENQUIRY_MIN_FILL_SECONDS", 3)
ENQUIRY_FORM_MAX_AGE = env_int("ENQUIRY_FORM_MAX_AGE", 24 * 3600)
ENQUIRY_RATE_LIMIT = env_int("ENQUIRY_RATE_LIMIT", 10)
ENQUIRY_RATE_LIMIT_WINDOW = env_int("ENQUIRY_RATE_LIMIT_WINDOW", 3600)

# ---------------------------------------------------------------------------------------------
# Security: no cookie for readers, strict CSP, HTTPS-only cookies and HSTS in production.
# https://docs.djangoproject.com/en/5.2/ref/middleware/#module-django.middleware.security
# https://django-csp.readthedocs.io/en/latest/configuration.html
# ---------------------------------------------------------------------------------------------
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "img-src": [SELF, "data:"],
        "media-src": [SELF],
        "font-src": [SELF],
        "style-src": [SELF],
        "script-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# No page of the site uses the browser's sensors, camera, payment or the like.
# https://github.com/adamchainz/django-permissions-policy
PERMISSIONS_POLICY = {
    name: []
    for name in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
        "xr-spatial-tracking",
    )
}
# Request bodies: the public forms send a few kilobytes, the admin uploads images.
# https://docs.djangoproject.com/en/5.2/ref/settings/#data-upload-max-memory-size
DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
PUBLIC_REQUEST_BODY_MAX_BYTES = env_int("DJANGO_PUBLIC_REQUEST_BODY_MAX_BYTES", 256 * 1024)
ADMIN_REQUEST_BODY_MAX_BYTES = env_int("DJANGO_ADMIN_REQUEST_BODY_MAX_BYTES", 20 * 1024 * 1024)
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = 0 if DEBUG else env_int("DJANGO_SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", True)
if env_bool("DJANGO_BEHIND_PROXY", False):
    # Only behind a proxy that sets this header itself.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# ---------------------------------------------------------------------------------------------
# Logging: to the console, where gunicorn and systemd pick it up.
# https://docs.djangoproject.com/en/5.2/topics/logging/
# ---------------------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", "INFO")},
}

# modeltranslation's tabbed admin needs jQuery UI: the vendored copy, never a CDN.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"
