"""An unreachable database answers 503 with Retry-After, never 500 (core/errors.py)."""

from http import HTTPStatus

import pytest

pytestmark = pytest.mark.django_db


def test_an_unreachable_database_answers_503_with_retry_after(initial_content, monkeypatch):
    from django.db import OperationalError
    from django.test import Client

    from welcome.models import WelcomeCenter

    def down(*args, **kwargs):
        raise OperationalError("connection to server failed")

    monkeypatch.setattr(WelcomeCenter.objects, "for_request", down)
    response = Client(raise_request_exception=False).get("/gemeinden/")
    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assert response["Retry-After"]
    assert "kurz nicht erreichbar" in response.content.decode()
