from http import HTTPStatus

import pytest

pytestmark = pytest.mark.django_db


def test_sitemap_lists_both_languages_with_alternates(client, initial_content):
    response = client.get("/sitemap.xml")
    assert response.status_code == HTTPStatus.OK
    xml = response.content.decode()
    assert "<loc>http://testserver/gemeinden/juelich/</loc>" in xml
    assert "<loc>http://testserver/en/municipalities/juelich/</loc>" in xml
    assert "<loc>http://testserver/gemeinden/themen/kinderbetreuung/</loc>" in xml
    assert "<loc>http://testserver/en/municipalities/topics/childcare/</loc>" in xml
    assert 'hreflang="x-default"' in xml
    assert 'hreflang="en" href="http://testserver/en/municipalities/juelich/"' in xml
    assert "/suche/" not in xml


def test_sitemap_leaves_out_unpublished_profiles(client, initial_content):
    from municipalities.models import Municipality

    Municipality.objects.filter(slug="titz").update(published=False)
    assert "/titz/" not in client.get("/sitemap.xml").content.decode()


def test_robots_txt_names_the_sitemap(client):
    assert "Sitemap: http://testserver/sitemap.xml" in client.get("/robots.txt").content.decode()
