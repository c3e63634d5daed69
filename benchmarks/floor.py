"""The framework's floor: a bare one-view Django app that answers each path with bytes captured
from the real site (no database, no cache, no middleware but the default `CommonMiddleware`).

`benchmarks/run.py` serves it with gunicorn next to the site, with the same number of workers, so
that "at least 0.7× the floor" is measured in the same run:

    BENCH_FLOOR_PAGES=/tmp/pages gunicorn benchmarks.floor:application --workers 2

BENCH_FLOOR_PAGES is a directory of captured pages; `run.py` writes it (one file per path, named
by the path with "/" replaced by "_", and a `.type` file with the content type beside each).
"""

import os
from pathlib import Path

from django.conf import settings

settings.configure(
    DEBUG=False,
    SECRET_KEY="floor",  # noqa: S106 - serves no secret and sets no cookie
    ALLOWED_HOSTS=["*"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=["django.middleware.common.CommonMiddleware"],
    USE_I18N=False,
)

import django  # noqa: E402

django.setup()

from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.http import Http404, HttpResponse  # noqa: E402
from django.urls import re_path  # noqa: E402


def captured_name(path):
    return path.strip("/").replace("/", "_") or "_root"


PAGES = {}
directory = Path(os.environ.get("BENCH_FLOOR_PAGES", "."))
for body in directory.glob("*.html"):
    PAGES[body.stem] = (body.read_bytes(), body.with_suffix(".type").read_text())


def page(request):
    try:
        content, content_type = PAGES[captured_name(request.path)]
    except KeyError:
        raise Http404 from None
    return HttpResponse(content, content_type=content_type)


urlpatterns = [re_path(r"", page)]
application = get_wsgi_application()
