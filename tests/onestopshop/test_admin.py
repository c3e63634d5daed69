"""The One-Stop-Shop in the admin: dates with windows, the proposal of first Fridays, the
registrations list, the printable check-in list with attendance marks, and the CSV export."""

import csv
import io
from datetime import date, timedelta
from http import HTTPStatus

import pytest
from django.utils import timezone

from onestopshop.models import Registration, ShopDate, TimeWindow
from tests.factories import registration as add
from tests.helpers import login_staff

pytestmark = pytest.mark.django_db

DATES = "/admin/onestopshop/shopdate/"
REGISTRATIONS = "/admin/onestopshop/registration/"


@pytest.fixture
def registrations(shop_date):
    first, second, _third = shop_date.windows.order_by("starts_at")
    return [
        add(first, name="Amira Haddad", people=2),
        add(first, name='=HYPERLINK("http://evil")', email="evil@example.org"),
        add(second, name="John Smith", email="john@example.org"),
        add(second, name="Pending Person", status=Registration.Status.PENDING),
    ]


def test_dates_changelist_add_change_and_search(
    admin_client, registrations, shop_date, django_assert_max_num_queries
):
    with django_assert_max_num_queries(15):
        response = admin_client.get(DATES)
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "09:00–12:00 (3)" in html
    assert "4 / 30" in html  # confirmed people / places
    assert "Erste Freitage vorschlagen" in html
    assert admin_client.get(DATES, {"q": "Moltkestraße"}).status_code == HTTPStatus.OK
    assert admin_client.get(f"{DATES}{shop_date.pk}/change/").status_code == HTTPStatus.OK

    add_page = admin_client.get(f"{DATES}add/")
    assert add_page.status_code == HTTPStatus.OK
    add_html = add_page.content.decode()
    assert 'value="09:00:00"' in add_html or 'value="09:00"' in add_html
    assert "Seen und Entdecken" in add_html


def test_adding_a_date_creates_hourly_windows(admin_client):
    day = timezone.localdate() + timedelta(days=40)
    response = admin_client.post(
        f"{DATES}add/",
        {
            "date": day.strftime("%d.%m.%Y"),
            "place": "Forum „Seen und Entdecken“, Moltkestraße 39, Düren",
            "is_published": "on",
            "stations": ["bank_account", "housing"],
            "languages": ["de", "en"],
            "note_de": "",
            "note_en": "",
            "first_start": "09:00",
            "last_end": "12:00",
            "places_per_window": "8",
        },
    )
    assert response.status_code == HTTPStatus.FOUND, response.content.decode()[:3000]
    shop_date = ShopDate.objects.get(date=day)
    assert [(str(w), w.places) for w in shop_date.windows.all()] == [
        ("09:00–10:00", 8),
        ("10:00–11:00", 8),
        ("11:00–12:00", 8),
    ]


def test_a_window_with_registrations_keeps_its_places_and_is_not_deleted(
    admin_client, registrations, shop_date
):
    windows = list(shop_date.windows.order_by("starts_at"))
    data = {
        "date": shop_date.date.strftime("%d.%m.%Y"),
        "place": shop_date.place,
        "is_published": "on",
        "stations": shop_date.stations,
        "languages": shop_date.languages,
        "note_de": "",
        "note_en": "",
        "windows-TOTAL_FORMS": "3",
        "windows-INITIAL_FORMS": "3",
        "windows-MIN_NUM_FORMS": "0",
        "windows-MAX_NUM_FORMS": "1000",
    }
    for index, window in enumerate(windows):
        data.update(
            {
                f"windows-{index}-id": str(window.pk),
                f"windows-{index}-shop_date": str(shop_date.pk),
                f"windows-{index}-starts_at": window.starts_at.strftime("%H:%M"),
                f"windows-{index}-ends_at": window.ends_at.strftime("%H:%M"),
                f"windows-{index}-places": str(window.places),
            }
        )
    too_few = {**data, "windows-0-places": "2"}
    response = admin_client.post(f"{DATES}{shop_date.pk}/change/", too_few)
    assert response.status_code == HTTPStatus.OK
    assert "bereits 3 Plätze vergeben" in response.content.decode()
    deleted = {**data, "windows-1-DELETE": "on"}
    response = admin_client.post(f"{DATES}{shop_date.pk}/change/", deleted)
    assert response.status_code == HTTPStatus.OK
    assert "geschützten verwandten Objekte" in response.content.decode()
    assert TimeWindow.objects.filter(shop_date=shop_date).count() == 3
    assert admin_client.post(f"{DATES}{shop_date.pk}/change/", data).status_code == 302


def test_the_proposal_skips_holidays_and_creates_the_chosen_dates(admin_client, monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args: date(2026, 12, 10))
    response = admin_client.get(f"{DATES}propose/", {"months": "3"})
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "Neujahr" in html  # 1 January 2027 is shown as skipped
    assert 'value="2027-02-05"' in html
    assert 'value="2027-01-01"' not in html
    response = admin_client.post(
        f"{DATES}propose/",
        {
            "months": "3",
            "dates": ["2027-02-05", "2027-03-05"],
            "first_start": "09:00",
            "last_end": "12:00",
            "places_per_window": "10",
            "is_published": "on",
            "create": "1",
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    assert list(ShopDate.objects.order_by("date").values_list("date", flat=True)) == [
        date(2027, 2, 5),
        date(2027, 3, 5),
    ]
    assert TimeWindow.objects.count() == 6
    # A holiday cannot be forced in.
    response = admin_client.post(
        f"{DATES}propose/",
        {
            "months": "3",
            "dates": ["2027-01-01"],
            "first_start": "09:00",
            "last_end": "12:00",
            "places_per_window": "10",
            "create": "1",
        },
    )
    assert response.status_code == HTTPStatus.OK
    assert not ShopDate.objects.filter(date=date(2027, 1, 1)).exists()


def test_registrations_changelist_change_search_and_no_add(
    admin_client, registrations, django_assert_max_num_queries
):
    with django_assert_max_num_queries(15):
        response = admin_client.get(REGISTRATIONS)
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "Amira Haddad" in html
    assert "John Smith" in html
    search = admin_client.get(REGISTRATIONS, {"q": "john@example.org"}).content.decode()
    assert "John Smith" in search
    assert "Amira Haddad" not in search
    change = admin_client.get(f"{REGISTRATIONS}{registrations[0].pk}/change/")
    assert change.status_code == HTTPStatus.OK
    assert admin_client.get(f"{REGISTRATIONS}add/").status_code == HTTPStatus.FORBIDDEN


def test_marking_attendance_with_an_action(admin_client, registrations):
    response = admin_client.post(
        REGISTRATIONS,
        {
            "action": "mark_no_show",
            "_selected_action": [str(registrations[0].pk), str(registrations[2].pk)],
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    assert set(Registration.objects.filter(attendance="no_show").values_list("pk", flat=True)) == {
        registrations[0].pk,
        registrations[2].pk,
    }


def test_the_check_in_list_per_window_prints_and_saves_marks(
    admin_client, registrations, shop_date, django_assert_max_num_queries
):
    path = f"{DATES}{shop_date.pk}/check-in/"
    with django_assert_max_num_queries(15):
        response = admin_client.get(path)
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "css/check-in.css" in html
    assert "style=" not in html.split('id="content-main"')[1]
    first_window = html.index("09:00–10:00")
    second_window = html.index("10:00–11:00")
    assert first_window < html.index("Amira Haddad") < second_window < html.index("John Smith")
    assert "Pending Person" not in html  # only confirmed registrations come
    assert "3 bestätigte Anmeldungen, 4 Personen" in html

    amira = registrations[0]
    response = admin_client.post(
        path, {f"attendance-{amira.pk}": "attended", f"attendance-{registrations[2].pk}": "no_show"}
    )
    assert response.status_code == HTTPStatus.FOUND
    amira.refresh_from_db()
    assert amira.attendance == "attended"
    assert Registration.objects.get(pk=registrations[2].pk).attendance == "no_show"


def test_the_check_in_list_is_saved_in_a_bounded_number_of_queries(
    admin_client, shop_date, django_assert_max_num_queries
):
    window = shop_date.windows.first()
    people = [add(window, email=f"person{number}@example.org") for number in range(30)]
    marks = {f"attendance-{person.pk}": "attended" for person in people[:20]}
    marks |= {f"attendance-{person.pk}": "no_show" for person in people[20:]}
    path = f"{DATES}{shop_date.pk}/check-in/"
    with django_assert_max_num_queries(15):
        response = admin_client.post(path, marks)
    assert response.status_code == HTTPStatus.FOUND
    assert Registration.objects.filter(attendance="attended").count() == 20
    assert Registration.objects.filter(attendance="no_show").count() == 10
    assert "30 Markierungen gespeichert" in admin_client.get(path).content.decode()


def test_the_csv_export_is_spreadsheet_safe(admin_client, registrations, shop_date):
    response = admin_client.get(
        f"{REGISTRATIONS}export/", {"window__shop_date__id__exact": shop_date.pk}
    )
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:4] == ["Datum", "Zeitfenster", "Status", "Name"]
    names = [row[3] for row in rows[1:]]
    assert "Amira Haddad" in names
    assert '\'=HYPERLINK("http://evil")' in names
    assert len(rows) == 5


def test_staff_without_the_role_see_no_registrations(client, registrations, django_user_model):
    user = django_user_model.objects.create_user("redakteur", password="x" * 16, is_staff=True)
    login_staff(client, user)
    assert client.get(REGISTRATIONS).status_code == HTTPStatus.FORBIDDEN
    shop_date = registrations[0].window.shop_date
    assert client.get(f"{DATES}{shop_date.pk}/check-in/").status_code == HTTPStatus.FORBIDDEN


def test_the_enquiries_role_handles_registrations(client, registrations, django_user_model):
    from django.contrib.auth.models import Group

    from core.roles import ENQUIRIES, roles_sync

    roles_sync()
    user = django_user_model.objects.create_user("anfragen", password="x" * 16, is_staff=True)
    user.groups.add(Group.objects.get(name=ENQUIRIES))
    login_staff(client, user)
    assert client.get(REGISTRATIONS).status_code == HTTPStatus.OK
