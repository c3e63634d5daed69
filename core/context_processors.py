"""Context that every page needs: the language alternates and the canonical address."""

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.urls import translate_url
from django.utils.encoding import escape_uri_path
from django.utils.translation import get_language, get_language_info


def site_origin(request):
    """ "https://host" of the request, or "" when it names no host of ours: the 400 page for a
    foreign Host header must not fail on it again."""
    try:
        return f"{request.scheme}://{request.get_host()}"
    except DisallowedHost:
        return ""


def site(request):
    current = get_language()
    path = request.get_full_path()
    languages = [
        {
            "code": code,
            "name": get_language_info(code)["name_local"],
            "url": translate_url(path, code),
            "current": code == current,
        }
        for code, _name in settings.LANGUAGES
    ]
    origin = site_origin(request)
    # From the escaped path: build_absolute_uri() would read a path like "//x" as another host.
    canonical = f"{origin}{escape_uri_path(request.path)}" if origin else ""
    return {"languages": languages, "site_origin": origin, "canonical_url": canonical}
