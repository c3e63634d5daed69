"""The permission matrix: what each role can do in every model admin.

An editor for Jülich (role Kommune) sees and changes Jülich's profile, sections, places, links and
events, and nothing of Düren: not in lists, forms, foreign-key choices, bulk actions or by a direct
URL. Redaktion works on all public content, Anfragen on the enquiries, and only they (and
superusers) see personal data. Every model admin also opens in German (the admin smoke test).
"""

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from http import HTTPStatus

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_tasks_db.models import DBTaskResult

from core.roles import EDITORIAL, ENQUIRIES, MUNICIPALITY
from enquiries.models import Enquiry
from municipalities.models import (
    Fact,
    Link,
    Municipality,
    Place,
    Question,
    RailLine,
    ReferencePoint,
    Station,
)
from municipalities.topics import Topic
from tests.helpers import login_staff
from welcome.models import (
    CenterFact,
    Event,
    Office,
    OpeningException,
    Page,
    PlanStep,
    WelcomeCenter,
)

pytestmark = pytest.mark.django_db
SOURCE = {"source_url": "https://example.org/quelle", "source_publisher": "Stadt Jülich"}


@dataclass(frozen=True)
class Access:
    scope: str | None  # "all", "own" (Jülich only) or None (no access at all)
    add: bool = False
    change: bool = False
    delete: bool = False


FULL = Access("all", add=True, change=True, delete=True)
FULL_NO_ADD = Access("all", change=True, delete=True)  # enquiries arrive through the site
VIEW = Access("all")
VIEW_DELETE = Access("all", delete=True)
OWN = Access("own", add=True, change=True, delete=True)
OWN_CHANGE = Access("own", change=True)  # a town hall edits its profile, never adds or deletes
NONE = Access(None)

ROLES = ("superuser", EDITORIAL, ENQUIRIES, MUNICIPALITY)
# Model admin → access per role (superuser, Redaktion, Anfragen, Kommune for Jülich).
MATRIX = {
    "municipalities.municipality": (FULL, FULL, VIEW, OWN_CHANGE),
    "municipalities.fact": (FULL, FULL, NONE, OWN),
    "municipalities.place": (FULL, FULL, NONE, OWN),
    "municipalities.link": (FULL, FULL, NONE, OWN),
    "welcome.event": (FULL, FULL, NONE, OWN),
    # The district map's data is kept by the center for the whole district.
    "municipalities.station": (FULL, FULL, NONE, NONE),
    "municipalities.railline": (FULL, FULL, NONE, NONE),
    "municipalities.referencepoint": (FULL, FULL, NONE, NONE),
    "welcome.welcomecenter": (FULL, FULL, NONE, NONE),
    "welcome.openingexception": (FULL, FULL, NONE, NONE),
    "welcome.page": (FULL, FULL, NONE, NONE),
    "welcome.centerfact": (FULL, FULL, NONE, NONE),
    # The first-steps plan and the frequent questions are the center's, for the whole district.
    "welcome.office": (FULL, FULL, NONE, NONE),
    "welcome.planstep": (FULL, FULL, NONE, NONE),
    "municipalities.question": (FULL, FULL, NONE, NONE),
    "enquiries.enquiry": (FULL_NO_ADD, NONE, FULL_NO_ADD, NONE),
    # The One-Stop-Shop is run by the enquiries team: its registrations hold personal data.
    "onestopshop.shopdate": (FULL, NONE, FULL, NONE),
    "onestopshop.registration": (FULL_NO_ADD, NONE, FULL_NO_ADD, NONE),
    # Addresses that asked about new dates: read-only; deleting one unsubscribes it.
    "onestopshop.datealert": (VIEW_DELETE, NONE, VIEW_DELETE, NONE),
    "auth.user": (FULL, NONE, NONE, NONE),
    "auth.group": (FULL, NONE, NONE, NONE),
    "axes.accessattempt": (VIEW, NONE, NONE, NONE),
    "axes.accesslog": (VIEW, NONE, NONE, NONE),
    "axes.accessfailurelog": (VIEW, NONE, NONE, NONE),
    # Second login factors (core/two_factor.py): superusers can remove a lost phone's device.
    "otp_totp.totpdevice": (FULL, NONE, NONE, NONE),
    "otp_static.staticdevice": (FULL, NONE, NONE, NONE),
    # The mail worker's queue (core/mail.py), to look into.
    "django_tasks_database.dbtaskresult": (VIEW, NONE, NONE, NONE),
}
OWNED = {label for label, row in MATRIX.items() if OWN in row or OWN_CHANGE in row}
CELLS = [(label, role, MATRIX[label][n]) for label in MATRIX for n, role in enumerate(ROLES)]


def test_the_matrix_covers_every_model_admin():
    registered = {model._meta.label_lower for model in admin.site._registry}
    assert registered == set(MATRIX)


def owned_objects(municipality, slug):
    fact = Fact.objects.create(
        municipality=municipality, topic=Topic.CHILDCARE, text_de="K", **SOURCE
    )
    place = Place.objects.create(
        municipality=municipality, topic=Topic.HEALTH, name_de="Praxis", **SOURCE
    )
    link = Link.objects.create(
        municipality=municipality,
        topic=Topic.WORK,
        title_de="Jobs",
        url="https://example.org/",
        **SOURCE,
    )
    event = Event.objects.create(
        title_de=f"{municipality.name} stellt sich vor",
        slug=f"vorstellung-{slug}",
        kind=Event.Kind.PRESENTATION,
        municipality=municipality,
        start_date=date(2030, 5, 1),
    )
    return {
        "municipalities.municipality": municipality,
        "municipalities.fact": fact,
        "municipalities.place": place,
        "municipalities.link": link,
        "welcome.event": event,
    }


def map_objects(municipality):
    sourced = {
        "source": "https://de.wikipedia.org/wiki/Bahnhof_D%C3%BCren",
        "source_checked": date(2026, 12, 1),
    }
    return {
        "municipalities.station": Station.objects.create(
            key="dueren",
            name_de="Düren (Hbf)",
            municipality=municipality,
            latitude="50.810833",
            longitude="6.482500",
            coordinate_basis="station",
            **sourced,
        ),
        "municipalities.railline": RailLine.objects.create(
            key="rb-21", code="RB 21", name_de="Rurtalbahn", route_de="Düren – Heimbach", **sourced
        ),
        "municipalities.referencepoint": ReferencePoint.objects.create(
            key="koeln", name_de="Köln", latitude="50.933333", longitude="6.950000", **sourced
        ),
    }


def plan_objects():
    source = {"source_url": "https://example.org/", "source_publisher": "Kreis Düren"}
    return {
        "welcome.office": Office.objects.create(key="amt", name_de="Bürgerbüro", **source),
        "welcome.planstep": PlanStep.objects.create(
            key="anmelden", title_de="Wohnsitz anmelden", text_de="Text", **source
        ),
        "municipalities.question": Question.objects.create(
            key="kita",
            question_de="Wie bekomme ich einen Kita-Platz?",
            answer_de="So.",
            **source,
        ),
    }


@pytest.fixture
def world(django_user_model):
    juelich = Municipality.objects.create(name="Jülich", slug="juelich", kind="stadt")
    dueren = Municipality.objects.create(name="Düren", slug="dueren", kind="stadt")
    users = {"superuser": django_user_model.objects.create_superuser("chefin", "c@example.org")}
    for role in (EDITORIAL, ENQUIRIES, MUNICIPALITY):
        user = django_user_model.objects.create_user(role.lower(), is_staff=True)
        user.groups.add(Group.objects.get(name=role))
        users[role] = user
    juelich.editors.add(users[MUNICIPALITY])
    center = WelcomeCenter.objects.create(
        name="Welcome-Center", street="Moltkestraße 39", city="Düren", phone="1", email="a@b.de"
    )
    shared = {
        "welcome.welcomecenter": center,
        "welcome.openingexception": OpeningException.objects.create(
            center=center, start_date=date(2030, 12, 24), reason_de="Heiligabend"
        ),
        "welcome.page": Page.objects.create(key="imprint", title_de="Impressum", body_de="Text"),
        "welcome.centerfact": CenterFact.objects.create(text_de="Seit 2022", **SOURCE),
        **plan_objects(),
        "enquiries.enquiry": Enquiry.objects.create(
            reference="WC-2030-00001",
            kind=Enquiry.Kind.QUESTION,
            status=Enquiry.Status.NEW,
            language="de",
            name="Erika Mustermann",
            email="erika@example.org",
        ),
        **map_objects(dueren),
        "auth.user": users[MUNICIPALITY],
        "otp_totp.totpdevice": TOTPDevice.objects.create(user=users[MUNICIPALITY], name="app"),
        "otp_static.staticdevice": StaticDevice.objects.create(
            user=users[MUNICIPALITY], name="recovery"
        ),
        "django_tasks_database.dbtaskresult": DBTaskResult.objects.create(
            args_kwargs={"args": [], "kwargs": {}},
            task_path="core.mail.send_emails",
            backend_name="database",
            run_after=datetime.now(UTC),
        ),
        # A group of staff's own; the role groups belong to the code (tests/core/test_roles.py).
        "auth.group": Group.objects.create(name="Newsletter"),
    }
    center_event = Event.objects.create(
        title_de="Infoabend", slug="infoabend", kind="information", start_date=date(2030, 6, 1)
    )
    return {
        "users": users,
        "own": owned_objects(juelich, "juelich"),
        "other": owned_objects(dueren, "dueren"),
        "shared": shared,
        "center_event": center_event,
        "juelich": juelich,
        "dueren": dueren,
    }


def url(label, view, *args):
    app_label, model_name = label.split(".")
    return reverse(f"admin:{app_label}_{model_name}_{view}", args=args)


def login(client, world, role):
    login_staff(client, world["users"][role])
    return client


def change_link(label, obj):
    return f'href="{url(label, "change", obj.pk)}"'


@pytest.mark.parametrize("label,role,access", CELLS)
def test_list_and_add(client, world, label, role, access):
    login(client, world, role)
    response = client.get(url(label, "changelist"))
    if access.scope is None:
        assert response.status_code == HTTPStatus.FORBIDDEN
    else:
        assert response.status_code == HTTPStatus.OK
        page = response.content.decode()
        if label in OWNED:
            assert change_link(label, world["own"][label]) in page
            assert (change_link(label, world["other"][label]) in page) == (access.scope == "all")
    expected = HTTPStatus.OK if access.add else HTTPStatus.FORBIDDEN
    assert client.get(url(label, "add")).status_code == expected


def objects_of(world, label):
    """(object, whether the Jülich editor may reach it) for the cell's model."""
    if label in OWNED:
        return [(world["own"][label], True), (world["other"][label], False)]
    if label in world["shared"]:
        return [(world["shared"][label], False)]
    return []


@pytest.mark.parametrize("label,role,access", CELLS)
def test_view_change_delete_and_history_by_direct_url(client, world, label, role, access):
    login(client, world, role)
    for obj, own in objects_of(world, label):
        reachable = access.scope == "all" or (access.scope == "own" and own)
        if reachable:
            expected = {"change": HTTPStatus.OK, "history": HTTPStatus.OK}
            expected["delete"] = HTTPStatus.OK if access.delete else HTTPStatus.FORBIDDEN
        elif access.scope == "own":
            # Another municipality's object does not exist for the editor.
            expected = dict.fromkeys(("change", "history", "delete"), HTTPStatus.NOT_FOUND)
        else:
            expected = dict.fromkeys(("change", "history", "delete"), HTTPStatus.FORBIDDEN)
        for view, status in expected.items():
            response = client.get(url(label, view, obj.pk))
            assert response.status_code == status, (view, obj)
            if status != HTTPStatus.OK:
                assert f'id="{obj._meta.model_name}_form"' not in response.content.decode()
        if reachable:
            page = client.get(url(label, "change", obj.pk)).content.decode()
            assert ('name="_save"' in page) == access.change


@pytest.mark.parametrize(
    "label,role,access", [cell for cell in CELLS if cell[0] in OWNED and cell[2].scope]
)
def test_bulk_delete_works_only_on_the_own_objects(client, world, label, role, access):
    login(client, world, role)
    own, other = world["own"][label], world["other"][label]
    model = type(own)
    response = client.post(
        url(label, "changelist"),
        {"action": "delete_selected", "_selected_action": [own.pk, other.pk], "post": "yes"},
    )
    assert response.status_code in (HTTPStatus.OK, HTTPStatus.FOUND)
    assert model.objects.filter(pk=own.pk).exists() != access.delete
    assert model.objects.filter(pk=other.pk).exists() != (access.delete and access.scope == "all")


def test_editor_cannot_change_another_municipalitys_object_by_post(client, world):
    login(client, world, MUNICIPALITY)
    place = world["other"]["municipalities.place"]
    response = client.post(
        url("municipalities.place", "change", place.pk),
        {"municipality": world["juelich"].pk, "topic": "health", "name_de": "Übernommen"},
    )
    assert response.status_code == HTTPStatus.NOT_FOUND
    place.refresh_from_db()
    assert place.name_de == "Praxis" and place.municipality == world["dueren"]


def options(page, name):
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', page, re.S).group(1)
    return set(re.findall(r'<option value="(\d+)"', select))


@pytest.mark.parametrize(
    "label",
    ["municipalities.fact", "municipalities.place", "municipalities.link", "welcome.event"],
)
@pytest.mark.parametrize("role", ["superuser", EDITORIAL, MUNICIPALITY])
def test_municipality_choices(client, world, label, role):
    login(client, world, role)
    page = client.get(url(label, "add")).content.decode()
    juelich, dueren = str(world["juelich"].pk), str(world["dueren"].pk)
    if role == MUNICIPALITY:
        assert options(page, "municipality") == {juelich}
    else:
        assert options(page, "municipality") == {juelich, dueren}


def test_editor_cannot_add_for_another_municipality_or_for_none(client, world):
    login(client, world, MUNICIPALITY)
    data = {
        "topic": "work",
        "title_de": "Fremd",
        "url": "https://example.org/fremd",
        "position": "0",
        "municipality": world["dueren"].pk,
        **SOURCE,
    }
    response = client.post(url("municipalities.link", "add"), data)
    assert response.status_code == HTTPStatus.OK  # the form again, with an error
    data["municipality"] = ""
    client.post(url("municipalities.link", "add"), data)
    assert not Link.objects.filter(title_de="Fremd").exists()
    data["municipality"] = world["juelich"].pk
    assert client.post(url("municipalities.link", "add"), data).status_code == HTTPStatus.FOUND
    assert Link.objects.get(title_de="Fremd").municipality == world["juelich"]


def test_events_of_the_center_are_not_the_editors(client, world):
    login(client, world, MUNICIPALITY)
    page = client.get(url("welcome.event", "changelist")).content.decode()
    assert "Infoabend" not in page
    response = client.get(url("welcome.event", "change", world["center_event"].pk))
    assert response.status_code == HTTPStatus.NOT_FOUND


def test_editor_edits_the_own_profile_with_its_topics_but_not_the_editors(client, world):
    login(client, world, MUNICIPALITY)
    page = client.get(url("municipalities.municipality", "change", world["juelich"].pk))
    page = page.content.decode()
    assert 'name="facts-0-text_de"' in page
    assert 'name="editors"' not in page
    login(client, world, EDITORIAL)
    page = client.get(url("municipalities.municipality", "change", world["juelich"].pk))
    assert 'name="editors"' in page.content.decode()


def test_editor_sees_no_enquiries_and_no_personal_data(client, world):
    login(client, world, MUNICIPALITY)
    index = client.get(reverse("admin:index")).content.decode()
    assert "Anfragen" not in index.split("<h1")[-1] or "enquiries/enquiry" not in index
    assert "Erika" not in index
    assert client.get("/admin/enquiries/enquiry/").status_code == HTTPStatus.FORBIDDEN


@pytest.mark.parametrize("label", MATRIX)
def test_model_admin_opens_in_german(admin_client, world, label):
    """Every model admin opens in German for a superuser: list, search, add and change."""
    model = next(m for m in admin.site._registry if m._meta.label_lower == label)
    model_admin = admin.site._registry[model]
    response = admin_client.get(url(label, "changelist"))
    assert response.status_code == HTTPStatus.OK
    assert 'lang="de"' in response.content.decode()
    assert "Auswählen" in response.content.decode() or "auswählen" in response.content.decode()
    if model_admin.search_fields:
        assert admin_client.get(url(label, "changelist"), {"q": "Jülich"}).status_code == 200
    if model_admin.has_add_permission(type("R", (), {"user": world["users"]["superuser"]})()):
        assert admin_client.get(url(label, "add")).status_code == HTTPStatus.OK
    obj = world["own"].get(label) or world["shared"].get(label)
    if obj is not None:
        page = admin_client.get(url(label, "change", obj.pk))
        assert page.status_code == HTTPStatus.OK
        assert url(label, "history", obj.pk) in page.content.decode()


def test_district_facts_are_only_for_the_centers_staff(client, world):
    district = Fact.objects.create(topic=Topic.MOVING, text_de="Anmeldung", **SOURCE)
    login(client, world, MUNICIPALITY)
    assert "Anmeldung" not in client.get(url("municipalities.fact", "changelist")).content.decode()
    response = client.get(url("municipalities.fact", "change", district.pk))
    assert response.status_code == HTTPStatus.NOT_FOUND
    login(client, world, EDITORIAL)
    assert "Anmeldung" in client.get(url("municipalities.fact", "changelist")).content.decode()


def test_view_on_site_redirects_only_for_objects_of_the_own_municipality(client, world):
    from django.contrib.contenttypes.models import ContentType

    login(client, world, MUNICIPALITY)
    # The models with a public page of their own: profiles and events.
    for label in ("municipalities.municipality", "welcome.event"):
        own, other = world["own"][label], world["other"][label]
        for obj in (own, other):
            obj.published = True
            obj.save()
        content_type = ContentType.objects.get_for_model(type(own)).pk
        assert client.get(f"/admin/r/{content_type}/{own.pk}/").status_code == HTTPStatus.FOUND
        response = client.get(f"/admin/r/{content_type}/{other.pk}/")
        assert response.status_code == HTTPStatus.NOT_FOUND, label
    assert client.get("/admin/r/x/1/").status_code == HTTPStatus.NOT_FOUND
