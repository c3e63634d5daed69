"""Malformed requests get an answer in the 4xx range (or the page, ignoring what makes no
sense), never a server error: the findings of the adversarial test run, then a property-based
fuzz test over every URL pattern's query parameters and every public form's fields."""

from datetime import timedelta
from http import HTTPStatus

import pytest
from django.contrib import admin
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone, translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from enquiries.forms import AppointmentForm, BarrierForm, CompanyForm, QuestionForm
from onestopshop.forms import RegistrationForm
from tests import factories
from tests.helpers import admin_url, enquiry_url, shop_url, token

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,
)
# Text as a client can send it: anything but lone surrogates, which no URL or form can carry.
TEXT = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=40)
NASTY = st.sampled_from(["\x00", "²", "١٢", "-1", "99999999999999999999", "'", "<x>", "%", "[", "‮"])
VALUE = st.one_of(TEXT, NASTY, st.builds(lambda a, b: a + b, TEXT, NASTY))
# Query parameters that some page reads, and any other name.
PARAMETER = st.one_of(
    st.sampled_from(
        [
            "municipality",
            "topic",
            "window",
            "page",
            "q",
            "kind",
            "compare",
            "confirmed",
            "e",
            "o",
            "p",
            "months",
            "all",
        ]
    ),
    TEXT.filter(bool),
)
QUERY = st.dictionaries(PARAMETER, st.one_of(VALUE, st.lists(VALUE, max_size=3)), max_size=4)


def assert_no_server_error(response, what):
    assert response.status_code < HTTPStatus.INTERNAL_SERVER_ERROR, what


# The findings ---------------------------------------------------------------------------------


def test_a_nul_byte_in_the_municipality_preselection(client, initial_content):
    response = client.get(enquiry_url("question"), {"municipality": "jue\x00lich"})
    assert response.status_code == HTTPStatus.BAD_REQUEST


def test_unicode_digits_where_a_number_is_expected(client, initial_content):
    day = factories.shop_date()
    response = client.get(shop_url("register", day=day.date), {"window": "²"})
    assert response.status_code == HTTPStatus.OK


def test_unicode_digits_in_the_admin_proposal_of_dates(admin_client, initial_content):
    response = admin_client.get(
        admin_url("onestopshop.shopdate", "changelist") + "propose/", {"months": "²"}
    )
    assert_no_server_error(response, "months=²")


def test_a_path_that_looks_like_another_host(client, initial_content):
    # The test client would read "//x%5B" as a host; the server hands it over as the path.
    for path in ("//x%5B", "//x%5B/", "//[/"):
        assert client.get("/", PATH_INFO=path).status_code == HTTPStatus.NOT_FOUND, path


def test_a_host_outside_the_allowed_hosts_is_a_plain_bad_request(client, initial_content):
    response = client.get("/", HTTP_HOST="evil.example")
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "<html" in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        {"municipality__id__exact": "abc"},
        {"kind__exact": "\x00"},
        {"created_at__gte": "not a date"},
        {"no_such_field": "1"},
        {"o": "x.y.z"},
        {"p": "²"},
    ],
)
def test_malformed_filters_of_the_admin_lists_and_exports(admin_client, initial_content, query):
    for label in ("enquiries.enquiry", "onestopshop.registration"):
        for view in ("changelist", "export"):
            response = admin_client.get(admin_url(label, view), query)
            assert_no_server_error(response, f"{label} {view} {query}")


# Fuzzing -------------------------------------------------------------------------------------


def url_names(resolver=None, namespace=""):
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            if pattern.namespace == "admin":
                continue  # the admin's lists are fuzzed below
            yield from url_names(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name and pattern.name != "health":
            # /health/ answers 503 whenever no mail worker runs (tests/core/test_health.py).
            yield namespace + pattern.name


@pytest.fixture
def public_paths(initial_content, make_event):
    """A path for every named public URL pattern (the test fails when one is missing here)."""
    day = factories.shop_date()
    event = make_event(start_date=timezone.localdate() + timedelta(days=7))
    arguments = {
        "municipalities:topic": {"topic": "housing"},
        "municipalities:detail": {"slug": "juelich"},
        "event_detail": {"slug": event.slug},
        "event_ics": {"slug": event.slug},
        "onestopshop:register": {"day": day.date},
        "onestopshop:sent": {"token": "made-up"},
        "onestopshop:confirm": {"token": "made-up"},
        "onestopshop:manage": {"token": "made-up"},
        "onestopshop:ics": {"token": "made-up"},
        "enquiries:sent": {"token": "made-up"},
        "enquiries:status": {"token": "made-up"},
        "onestopshop:alert_confirm": {"token": "made-up"},
        "onestopshop:alert_unsubscribe": {"token": "made-up"},
    }
    names = sorted(set(url_names()))
    with translation.override("de"):
        paths = [reverse(name, kwargs=arguments.get(name)) for name in names]
    with translation.override("en"):
        paths += [reverse(name, kwargs=arguments.get(name)) for name in names]
    return sorted(set(paths))


def test_every_public_url_pattern_answers_malformed_query_parameters(client, public_paths):
    @FUZZ
    @given(path=st.sampled_from(public_paths), query=QUERY)
    def check(path, query):
        assert_no_server_error(client.get(path, query), f"{path} {query!r}")

    check()


FORMS = [
    (enquiry_url("question"), QuestionForm),
    (enquiry_url("company"), CompanyForm),
    (enquiry_url("appointment"), AppointmentForm),
    (enquiry_url("barrier"), BarrierForm),
]


@pytest.mark.parametrize(
    "url,form_class", FORMS, ids=lambda value: getattr(value, "__name__", value)
)
def test_every_field_of_a_public_form_answers_malformed_values(
    client, initial_content, url, form_class
):
    names = [name for name in form_class.base_fields if name != "form_token"]

    @FUZZ
    @given(
        values=st.fixed_dictionaries(
            {}, optional={name: st.one_of(VALUE, st.lists(VALUE, max_size=3)) for name in names}
        )
    )
    def check(values):
        response = client.post(url, {"form_token": token(), **values})
        assert_no_server_error(response, f"{url} {values!r}")

    check()


def test_every_field_of_the_registration_form_answers_malformed_values(client, initial_content):
    day = factories.shop_date()
    url = shop_url("register", day=day.date)
    names = [name for name in RegistrationForm.base_fields if name != "form_token"]

    @FUZZ
    @given(
        values=st.fixed_dictionaries(
            {}, optional={name: st.one_of(VALUE, st.lists(VALUE, max_size=3)) for name in names}
        )
    )
    def check(values):
        response = client.post(url, {"form_token": token(), **values})
        assert_no_server_error(response, f"{url} {values!r}")

    check()


def test_every_admin_list_answers_malformed_filters(admin_client, initial_content):
    lists = [
        admin_url(f"{model._meta.app_label}.{model._meta.model_name}", "changelist")
        for model in admin.site._registry
    ]

    @FUZZ
    @given(path=st.sampled_from(lists), query=QUERY)
    def check(path, query):
        assert_no_server_error(admin_client.get(path, query), f"{path} {query!r}")

    check()
