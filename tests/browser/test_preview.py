"""Staff preview unpublished content on the public page, marked "Vorschau"; visitors get a 404."""

from django.conf import settings
from django.test import Client

from municipalities.models import Municipality
from tests.helpers import assert_accessible, login_staff


def test_staff_preview_of_an_unpublished_profile_is_marked_and_accessible(
    page, live_server, admin_user
):
    Municipality.objects.filter(slug="titz").update(published=False)
    response = page.goto("/gemeinden/titz/")
    assert response.status == 404

    client = Client()
    login_staff(client, admin_user)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    response = page.goto("/gemeinden/titz/")
    assert response.status == 200
    assert page.get_by_role("status").filter(has_text="Vorschau").is_visible()
    assert page.locator('meta[name="robots"]').get_attribute("content").startswith("noindex")
    assert_accessible(page)
