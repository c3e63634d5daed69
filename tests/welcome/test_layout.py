import re
from http import HTTPStatus

import pytest
from django.template.loader import get_template

pytestmark = pytest.mark.django_db

PAGES = ["/", "/en/", "/gemeinden/", "/en/municipalities/", "/gemeinden/dueren/"]


@pytest.mark.parametrize("path", [*PAGES, "/gibt-es-nicht/"])
def test_pages_have_no_inline_script_or_style(client, initial_content, path):
    html = client.get(path).content.decode()
    assert "<style" not in html
    assert " style=" not in html
    assert re.search(r"<script(?![^>]*\bsrc=)", html) is None
    assert re.search(r"\son[a-z]+=", html) is None


def test_kopfzeile_names_the_kreis_dueren_not_the_federal_republic(client, initial_content):
    html = client.get("/").content.decode()
    assert '<span class="kern-kopfzeile__label">Offizielle Website des Kreises Düren</span>' in html
    assert "Bundesrepublik" not in html
    assert "kern-kopfzeile__flagge" not in html
    assert 'data-kern-theme="light"' in html


def test_header_has_search_navigation_and_language_switcher(client, initial_content):
    html = client.get("/en/municipalities/").content.decode()
    assert '<form class="site-search" role="search"' in html
    assert 'id="site-search-q" name="q" type="search"' in html
    assert '<nav class="site-nav" id="site-nav" aria-label="Main navigation">' in html
    assert 'href="/en/municipalities/" aria-current="page">Municipalities</a>' in html
    assert '<span class="language-switcher__current" aria-current="true" lang="en">' in html


def test_footer_has_contact_and_the_legal_links(client, initial_content):
    html = client.get("/en/").content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    assert "Moltkestraße 39" in footer
    assert 'href="tel:+4924211060114"' in footer
    assert 'href="mailto:amt60@kreis-dueren.de"' in footer
    assert "Mon–Thu 10:00–16:00, Fri 10:00–13:00 and by appointment" in footer
    for text in ["Legal notice", "Privacy", "Accessibility", "Leichte Sprache", "Gebärdensprache"]:
        assert f">{text}</a></li>" in footer


def test_breadcrumbs_end_with_the_current_page(client, initial_content):
    html = client.get("/gemeinden/dueren/").content.decode()
    crumbs = html[
        html.index('<nav class="breadcrumbs') : html.index("</nav>", html.index("breadcrumbs"))
    ]
    assert 'aria-label="Sie sind hier"' in crumbs
    assert '<li aria-current="page">Düren</li>' in crumbs


def test_404_page_says_the_error_code_and_leads_home(client, initial_content):
    response = client.get("/en/does-not-exist/")
    assert response.status_code == HTTPStatus.NOT_FOUND
    html = response.content.decode()
    assert "Error code 404" in html
    assert '<meta name="robots" content="noindex">' in html
    assert 'class="kern-btn kern-btn--primary" href="/en/"' in html


def test_plain_500_page_needs_nothing_but_itself():
    html = get_template("500_plain.html").render()
    assert '<html lang="de">' in html
    assert 'href="tel:+4924211060114"' in html
    assert 'lang="en"' in html
    for resource in ["<link", "<script", "<img", "<style", " style=", "{%", "{{"]:
        assert resource not in html
