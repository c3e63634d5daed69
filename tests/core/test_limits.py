"""Headers and limits: the Permissions-Policy header, request bodies refused before they are
read, CSV cells that can never become formulas, hidden control characters shown in the admin."""

from http import HTTPStatus

import pytest

from core.csv_export import spreadsheet_safe
from core.text import visible_controls
from enquiries.models import Enquiry
from tests.helpers import admin_url, enquiry_url

pytestmark = pytest.mark.django_db


def test_every_page_says_which_browser_features_it_never_uses(client, initial_content):
    policy = client.get("/")["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in policy


def test_a_huge_body_is_refused_before_it_is_read(client, initial_content):
    class Unreadable:
        def read(self, *args):
            raise AssertionError("the body was read")

        readline = read

    response = client.generic(
        "POST",
        enquiry_url("question"),
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(100 * 1024 * 1024),
        **{"wsgi.input": Unreadable()},
    )
    assert response.status_code == HTTPStatus.REQUEST_ENTITY_TOO_LARGE


def test_a_malformed_content_length_is_a_bad_request(client, initial_content):
    response = client.generic("POST", enquiry_url("question"), b"", CONTENT_LENGTH="lots")
    assert response.status_code == HTTPStatus.BAD_REQUEST


@pytest.mark.parametrize(
    "cell",
    [
        "=HYPERLINK(1)",
        "+1",
        "-1",
        "@SUM(1)",
        "\uff1dHYPERLINK(1)",  # full-width equals sign
        "\u200b=1",  # zero-width space, then =
        "\ufeff+1",
        " =1",
        "\t=1",
        "\r=1",
        "\x01text",  # any control character
        "\u202etext",
    ],
)
def test_csv_cells_that_could_start_a_formula_are_quoted(cell):
    assert spreadsheet_safe(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["Erika Mustermann", "02421 123", "", "Köln = Rhein"])
def test_ordinary_csv_cells_stay_as_they_are(cell):
    assert spreadsheet_safe(cell) == cell


def test_hidden_control_characters_are_written_out():
    assert visible_controls("invoice\u202efdp.exe") == "invoice⟦U+202E⟧fdp.exe"
    assert visible_controls("a\u200bb\x07c\nd") == "a⟦U+200B⟧b⟦U+0007⟧c\nd"
    assert visible_controls("Erika") == "Erika"


def test_the_admin_shows_the_bidi_controls_of_a_submission(admin_client):
    enquiry = Enquiry.objects.create(
        reference="WC-2030-00001",
        kind=Enquiry.Kind.QUESTION,
        language="de",
        name="Erika \u202eredaM",
        email="erika@example.org",
        message="Bitte\u2066 lesen\u2069",
    )
    change = admin_client.get(admin_url("enquiries.enquiry", "change", enquiry.pk)).content.decode()
    assert "Erika ⟦U+202E⟧redaM" in change
    assert "⟦U+2066⟧" in change
    assert "\u202e" not in change
    changelist = admin_client.get(admin_url("enquiries.enquiry", "changelist")).content.decode()
    assert "Erika ⟦U+202E⟧redaM" in changelist
