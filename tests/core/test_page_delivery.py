"""How a public page travels: compressed, revalidated by ETag, never compressed with a secret."""

import gzip
from http import HTTPStatus

import pytest

pytestmark = pytest.mark.django_db


def test_a_public_page_is_sent_gzipped_to_a_browser_that_takes_it(client, initial_content):
    plain = client.get("/gemeinden/juelich/")
    for _fresh_and_cached in range(2):
        response = client.get("/gemeinden/juelich/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
        assert response["Content-Encoding"] == "gzip"
        assert gzip.decompress(response.content) == plain.content
        assert int(response["Content-Length"]) == len(response.content) < len(plain.content) / 3
        assert "Accept-Encoding" in response["Vary"]


def test_a_page_the_browser_has_costs_a_304_without_a_body(client, initial_content):
    first = client.get("/gemeinden/juelich/")
    assert first["Cache-Control"] == "no-cache"  # a browser or proxy keeps it, but asks each time
    again = client.get("/gemeinden/juelich/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == HTTPStatus.NOT_MODIFIED
    assert again.content == b""
    assert again["ETag"] == first["ETag"]


def test_a_changed_page_is_sent_again(client, initial_content, django_capture_on_commit_callbacks):
    from municipalities.models import Municipality

    first = client.get("/gemeinden/juelich/")
    with django_capture_on_commit_callbacks(execute=True):
        Municipality.objects.filter(slug="juelich").update(teaser_de="Neu")
    again = client.get("/gemeinden/juelich/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == HTTPStatus.OK
    assert again["ETag"] != first["ETag"]


def test_a_form_page_is_never_compressed(client, initial_content):
    """It carries a CSRF token: compressing it next to text an attacker chooses could leak it
    (BREACH)."""
    response = client.get("/kontakt/frage/", HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == HTTPStatus.OK
    assert "Content-Encoding" not in response
    assert "ETag" not in response


def test_staff_pages_are_never_compressed(admin_client, initial_content):
    response = admin_client.get("/gemeinden/juelich/", HTTP_ACCEPT_ENCODING="gzip")
    assert "Content-Encoding" not in response
