"""Context that every page needs: the center's contact data and the language alternates."""

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info

from welcome.models import WelcomeCenter


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
    # Kept on the request: the page cache reads the opening status from the same object.
    request.welcome_center = WelcomeCenter.objects.get_current()
    return {
        "center": request.welcome_center,
        "languages": languages,
        "canonical_url": request.build_absolute_uri(request.path),
    }
