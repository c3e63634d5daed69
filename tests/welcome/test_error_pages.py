from http import HTTPStatus

import pytest
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.urls import path

from welcome import views
from welcome.urls import urlpatterns as site_urlpatterns

pytestmark = pytest.mark.django_db


def raise_bad_request(request):
    raise SuspiciousOperation("bad")


def raise_permission_denied(request):
    raise PermissionDenied


def raise_error(request):
    raise RuntimeError("boom")


urlpatterns = [
    path("fail/400/", raise_bad_request),
    path("fail/403/", raise_permission_denied),
    path("fail/500/", raise_error),
    *site_urlpatterns,
]
handler400 = views.bad_request
handler403 = views.permission_denied
handler404 = views.page_not_found
handler500 = views.server_error


def test_404_in_german(client, initial_content):
    response = client.get("/gibt-es-nicht/")
    assert response.status_code == HTTPStatus.NOT_FOUND
    html = response.content.decode()
    assert "Seite nicht gefunden" in html
    assert "Moltkestraße 39" in html  # in the site's design, with the footer


def test_404_in_english(client, initial_content):
    response = client.get("/en/does-not-exist/")
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert "Page not found" in response.content.decode()


@pytest.mark.urls(__name__)
def test_400_403_500_in_the_design(client, initial_content):
    client.raise_request_exception = False
    assert "Ungültige Anfrage" in client.get("/fail/400/").content.decode()
    assert "Zugriff verweigert" in client.get("/fail/403/").content.decode()
    response = client.get("/fail/500/")
    assert response.status_code == HTTPStatus.INTERNAL_SERVER_ERROR
    assert "Entschuldigung, etwas ist schiefgelaufen" in response.content.decode()
