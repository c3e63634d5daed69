"""The comparison: 2 to 4 municipalities by GET; bad input gets a message, never a 500."""

from http import HTTPStatus

import pytest

pytestmark = pytest.mark.django_db

URL = "/gemeinden/vergleich/"


def compare(client, *slugs, url=URL):
    response = client.get(url, {"municipality": list(slugs), "compare": "1"})
    assert response.status_code == HTTPStatus.OK
    return response.content.decode()


def test_two_municipalities_side_by_side(client, initial_content):
    page = compare(client, "dueren", "juelich")
    assert "Düren, Jülich im Vergleich" in page
    assert "93.323" in page and "33.359" in page
    assert "Forschungszentrum Jülich" in page
    # One card per municipality for the figures, and one per municipality on each topic.
    assert page.count('class="kern-card comparison__card"') == 2
    assert page.count('class="comparison__topic"') == 7
    assert page.count('class="comparison__cell"') == 2 * 7
    assert "kern-table" not in page  # no table that scrolls sideways on a phone


def test_four_in_the_chosen_order(client, initial_content):
    page = compare(client, "titz", "inden", "dueren", "heimbach")
    assert (
        page.index(">Titz</a></h3>") < page.index(">Inden</a></h3>") < page.index(">Düren</a></h3>")
    )


def test_english_comparison(client, initial_content):
    page = compare(client, "dueren", "juelich", url="/en/municipalities/compare/")
    assert "Düren, Jülich side by side" in page
    assert "Forschungszentrum Jülich" in page and "research" in page


@pytest.mark.parametrize(
    "slugs,message",
    [
        (["dueren"], "Wählen Sie mindestens zwei Städte oder Gemeinden zum Vergleich."),
        ([], "Wählen Sie mindestens zwei Städte oder Gemeinden zum Vergleich."),
        (
            ["dueren", "juelich", "titz", "inden", "heimbach"],
            "Wählen Sie höchstens vier Städte oder Gemeinden zum Vergleich.",
        ),
        (["dueren", "dueren"], "Sie haben eine Stadt oder Gemeinde mehrfach gewählt."),
        (["dueren", "atlantis"], "Eine Stadt oder Gemeinde „atlantis“ kennen wir nicht."),
    ],
)
def test_bad_choices_get_a_clear_message(client, initial_content, slugs, message):
    page = compare(client, *slugs)
    assert message in page
    assert 'class="kern-alert kern-alert--danger"' in page
    assert "im Vergleich</h2>" not in page


def test_messages_in_english(client, initial_content):
    page = compare(client, "dueren", url="/en/municipalities/compare/")
    assert "Choose at least two municipalities to compare." in page


def test_unknown_slug_is_escaped(client, initial_content):
    page = compare(client, "dueren", "<script>x</script>")
    assert "<script>x</script>" not in page
    assert "&lt;script&gt;x&lt;/script&gt;" in page


def test_unpublished_municipality_cannot_be_compared(client, initial_content):
    from municipalities.models import Municipality

    Municipality.objects.filter(slug="titz").update(published=False)
    assert "„titz“ kennen wir nicht" in compare(client, "dueren", "titz")


def test_coming_from_a_profile_preselects_without_error(client, initial_content):
    response = client.get(URL, {"municipality": "juelich"})
    page = response.content.decode()
    assert 'value="juelich" checked' in page
    assert "kern-alert--danger" not in page


def test_first_visit_shows_the_form_only(client, initial_content):
    page = client.get(URL).content.decode()
    assert page.count('type="checkbox"') == 15
    assert "kern-alert--danger" not in page
