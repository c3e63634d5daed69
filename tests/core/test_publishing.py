"""Drafts and publish windows: visitors see only what is public now; staff preview the rest
with a "Vorschau" banner; editors of one municipality preview only their own drafts."""

from datetime import date, timedelta
from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from core.roles import EDITORIAL, MUNICIPALITY
from municipalities.models import Municipality
from welcome.models import Event, Page

pytestmark = pytest.mark.django_db

HOUR = timedelta(hours=1)
WINDOWS = {
    "draft": {"published": False},
    "not yet": {"publish_from": "future"},
    "expired": {"publish_until": "past"},
}


def window(kind):
    now = timezone.now()
    values = {"future": now + HOUR, "past": now - HOUR}
    return {key: values.get(value, value) for key, value in WINDOWS[kind].items()}


@pytest.fixture
def make_municipality(db):
    def make(name, **fields):
        slug = name.lower()
        return Municipality.objects.create(name=name, slug=slug, kind="gemeinde", **fields)

    return make


@pytest.fixture
def staff(django_user_model):
    def make(role, *municipalities):
        user = django_user_model.objects.create_user(f"{role.lower()}-user", is_staff=True)
        user.groups.add(Group.objects.get(name=role))
        for municipality in municipalities:
            municipality.editors.add(user)
        return user

    return make


def test_public_window_is_respected_by_the_querysets(make_event):
    now = timezone.now()
    shown = make_event(start_date=date(2030, 1, 1), publish_from=now - HOUR)
    make_event(start_date=date(2030, 1, 1), publish_from=now + HOUR)
    make_event(start_date=date(2030, 1, 1), publish_until=now - HOUR)
    still = make_event(start_date=date(2030, 1, 1), publish_until=now + HOUR)
    assert set(Event.objects.upcoming()) == {shown, still}


@pytest.mark.parametrize("kind", WINDOWS)
def test_municipality_outside_its_window_is_hidden_and_previewable(
    client, initial_content, staff, kind
):
    Municipality.objects.filter(slug="titz").update(**window(kind))
    assert client.get("/gemeinden/titz/").status_code == HTTPStatus.NOT_FOUND
    assert "Titz" not in client.get("/gemeinden/").content.decode()
    assert 'href="/gemeinden/titz/"' not in client.get("/suche/?q=Titz").content.decode()
    client.force_login(staff(EDITORIAL))
    page = client.get("/gemeinden/titz/").content.decode()
    assert "Vorschau" in page
    assert '<meta name="robots" content="noindex">' in page


@pytest.mark.parametrize("kind", WINDOWS)
def test_event_outside_its_window_is_hidden_and_previewable(client, make_event, staff, kind):
    event = make_event(title="Geheime Vorstellung", start_date=date(2030, 3, 1), **window(kind))
    assert client.get(event.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND
    assert "Geheime Vorstellung" not in client.get("/veranstaltungen/").content.decode()
    client.force_login(staff(EDITORIAL))
    response = client.get(event.get_absolute_url())
    assert response.status_code == HTTPStatus.OK
    assert "Vorschau" in response.content.decode()


@pytest.mark.parametrize("kind", WINDOWS)
def test_page_outside_its_window_is_hidden_and_previewable(client, initial_content, staff, kind):
    Page.objects.filter(key="imprint").update(**window(kind))
    assert client.get("/impressum/").status_code == HTTPStatus.NOT_FOUND
    assert "/impressum/" not in client.get("/sitemap.xml").content.decode()
    client.force_login(staff(EDITORIAL))
    response = client.get("/impressum/")
    assert response.status_code == HTTPStatus.OK
    assert "Vorschau" in response.content.decode()


def test_public_content_has_no_banner(client, initial_content, make_event):
    event = make_event(start_date=date(2030, 3, 1))
    for url in ["/gemeinden/titz/", "/impressum/", event.get_absolute_url()]:
        assert "Vorschau" not in client.get(url).content.decode(), url


def test_editor_previews_only_the_own_municipality(client, initial_content, staff, make_event):
    juelich = Municipality.objects.get(slug="juelich")
    Municipality.objects.filter(slug__in=["juelich", "dueren"]).update(published=False)
    dueren = Municipality.objects.get(slug="dueren")
    own = make_event(start_date=date(2030, 3, 1), municipality=juelich, published=False)
    other = make_event(start_date=date(2030, 3, 1), municipality=dueren, published=False)
    client.force_login(staff(MUNICIPALITY, juelich))
    assert client.get("/gemeinden/juelich/").status_code == HTTPStatus.OK
    assert client.get("/gemeinden/dueren/").status_code == HTTPStatus.NOT_FOUND
    assert client.get(own.get_absolute_url()).status_code == HTTPStatus.OK
    assert client.get(other.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND


def test_due_for_review(make_municipality):
    today = timezone.localdate()
    never = make_municipality("Nie")
    old = make_municipality("Alt", last_reviewed=today - timedelta(days=400))
    make_municipality("Neu", last_reviewed=today - timedelta(days=30))
    assert set(Municipality.objects.due_for_review()) == {never, old}


def test_admin_lists_content_not_reviewed_for_a_year(admin_client, make_municipality):
    today = timezone.localdate()
    make_municipality("Altdorf", last_reviewed=today - timedelta(days=400))
    make_municipality("Frischdorf", last_reviewed=today)
    page = admin_client.get("/admin/municipalities/municipality/?review=due").content.decode()
    assert "Altdorf" in page and "Frischdorf" not in page


def test_mark_reviewed_action_records_the_date_and_the_history(admin_client, make_municipality):
    municipality = make_municipality("Altdorf")
    response = admin_client.post(
        "/admin/municipalities/municipality/",
        {"action": "mark_reviewed", "_selected_action": [municipality.pk]},
    )
    assert response.status_code == HTTPStatus.FOUND
    municipality.refresh_from_db()
    assert municipality.last_reviewed == timezone.localdate()
    history = admin_client.get(
        f"/admin/municipalities/municipality/{municipality.pk}/history/"
    ).content.decode()
    assert "Zuletzt geprüft geändert" in history
