"""Context that every page needs from the Welcome-Center: its contact data and opening hours."""

from welcome.models import WelcomeCenter


def center(request):
    return {"center": WelcomeCenter.objects.for_request(request)}
