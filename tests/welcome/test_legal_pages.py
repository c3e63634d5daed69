"""The pages a public body in NRW must have: present in both languages, linked, and safe."""

from datetime import date
from http import HTTPStatus

import pytest

from welcome.models import Page, WelcomeCenter

pytestmark = pytest.mark.django_db

PAGES = [
    ("/impressum/", "/en/legal-notice/", "Impressum", "Legal notice"),
    ("/datenschutz/", "/en/privacy/", "Datenschutzerklärung", "Privacy policy"),
    (
        "/barrierefreiheit/",
        "/en/accessibility/",
        "Erklärung zur Barrierefreiheit",
        "Accessibility statement",
    ),
    ("/leichte-sprache/", "/en/easy-language/", "Leichte Sprache", "Leichte Sprache"),
    (
        "/gebaerdensprache/",
        "/en/sign-language/",
        "Deutsche Gebärdensprache",
        "German Sign Language",
    ),
]


@pytest.mark.parametrize("german,english,title_de,title_en", PAGES)
def test_page_exists_in_both_languages(
    client, initial_content, german, english, title_de, title_en
):
    response = client.get(german)
    assert response.status_code == HTTPStatus.OK
    assert f'<h1 class="kern-heading-x-large">{title_de}</h1>' in response.content.decode()
    response = client.get(english)
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert '<html lang="en"' in html
    assert f'<h1 class="kern-heading-x-large">{title_en}</h1>' in html
    assert not response.cookies


@pytest.mark.parametrize("url", ["/", "/en/", "/kontakt/"])
def test_pages_are_linked_from_footer_and_header(client, initial_content, url):
    html = client.get(url).content.decode()
    prefix = "/en" if url.startswith("/en/") else ""
    paths = (
        ["/legal-notice/", "/privacy/", "/accessibility/", "/easy-language/", "/sign-language/"]
        if prefix
        else [
            "/impressum/",
            "/datenschutz/",
            "/barrierefreiheit/",
            "/leichte-sprache/",
            "/gebaerdensprache/",
        ]
    )
    for path in paths:
        assert f'href="{prefix}{path}"' in html
    # Leichte Sprache and Gebärdensprache also in the header.
    header = html.split("</header>")[0]
    assert (
        f'href="{prefix}/leichte-sprache/"' in header or f'href="{prefix}/easy-language/"' in header
    )
    assert (
        f'href="{prefix}/gebaerdensprache/"' in header
        or f'href="{prefix}/sign-language/"' in header
    )


def test_imprint_names_the_district_and_its_supervision(client, initial_content):
    html = client.get("/impressum/").content.decode()
    assert "Körperschaft des öffentlichen Rechts" in html
    assert "Landrat Dr. Ralf Nolten" in html
    assert "Bismarckstraße 16" in html
    assert "52351 Düren" in html
    assert "02421 22-0" in html
    assert "amt60@kreis-dueren.de" in html
    assert "Bezirksregierung Köln" in html
    assert "§ 5 Digitale-Dienste-Gesetz" in html


@pytest.mark.parametrize("url", [path for pair in PAGES for path in pair[:2]])
def test_no_public_page_shows_a_placeholder(client, initial_content, url):
    main = client.get(url).content.decode().split('<main id="main"')[1].split("</main>")[0]
    for sign in ("[[", "]]", "[Von der Redaktion", "[To be filled", "Redaktion einzutragen"):
        assert sign not in main


def test_a_missing_legal_item_leaves_its_line_out_until_staff_fill_it_in(
    client, initial_content, django_capture_on_commit_callbacks
):
    html = client.get("/impressum/").content.decode()
    assert "Umsatzsteuer-Identifikationsnummer" not in html
    assert "Besuchsadresse des Welcome-Centers" not in html  # no sourced postcode
    assert "Verantwortlich für den Inhalt" not in html  # the heading goes with its only line
    html = client.get("/datenschutz/").content.decode()
    assert "Datenschutzbeauftragte" not in html
    assert "Server-Protokolle werden" not in html

    center = WelcomeCenter.objects.get()
    center.postcode = "52349"
    center.vat_id = "DE123456789"
    center.content_responsible = "Die Landrätin, Bismarckstraße 16, 52351 Düren"
    center.data_protection_officer = "datenschutz@example.org"
    center.server_log_days = 7
    center.accessibility_compliance = "partial"
    center.accessibility_statement_date = date(2026, 12, 1)
    with django_capture_on_commit_callbacks(execute=True):  # cached pages become stale
        center.save()
    html = client.get("/impressum/").content.decode()
    assert "Moltkestraße 39, 52349 Düren" in html
    assert "Umsatzsteuer-Identifikationsnummer: DE123456789" in html
    assert (
        "Verantwortlich für den Inhalt nach § 18 Abs. 2 Medienstaatsvertrag: Die Landrätin" in html
    )
    html = client.get("/datenschutz/").content.decode()
    assert "datenschutz@example.org" in html
    assert "nach 7 Tagen gelöscht" in html
    html = client.get("/barrierefreiheit/").content.decode()
    assert "Diese Website ist teilweise mit der BITV NRW vereinbar." in html
    assert "1. Dezember 2026" in html
    html = client.get("/en/accessibility/").content.decode()
    assert "This website is partially compliant with BITV NRW." in html
    assert "1 December 2026" in html


def test_privacy_policy_shows_the_retention_period_from_the_settings(
    client, initial_content, settings
):
    settings.ENQUIRY_RETENTION_DAYS = 42
    html = client.get("/datenschutz/").content.decode()
    assert "42 Tage nach Abschluss der Anfrage" in html
    assert "[[retention_days]]" not in html
    assert "Art. 6 Abs. 1 Buchst. e DSGVO in Verbindung mit § 3 DSG NRW" in html
    assert "LDI NRW" in html
    assert "keine Cookies zur Nachverfolgung" in html
    settings.ENQUIRY_RETENTION_DAYS = 90
    settings.ONE_STOP_SHOP_ALERT_DAYS = 200
    english = client.get("/en/privacy/").content.decode()
    assert "90 days after the enquiry" in english
    assert "200 days after you signed up" in english


def test_accessibility_statement_links_the_barrier_form_and_the_ombudsstelle(
    client, initial_content
):
    html = client.get("/barrierefreiheit/").content.decode()
    assert 'href="/kontakt/barriere-melden/"' in html or 'href="/kontakt/report-a-barrier/"' in html
    assert "Ombudsstelle für barrierefreie Informationstechnik" in html
    html = client.get("/en/accessibility/").content.decode()
    assert 'href="/en/contact/report-a-barrier/"' in html


def test_easy_language_page_is_german_on_the_english_site(client, initial_content):
    html = client.get("/en/easy-language/").content.decode()
    assert '<article class="kern-stack page-detail" lang="de">' in html
    assert "Das Welcome-Center gehört zum Kreis Düren." in html


def test_sign_language_page_shows_an_uploaded_self_hosted_video(
    client, initial_content, django_capture_on_commit_callbacks
):
    from django.core.files.base import ContentFile

    page = Page.objects.get(key=Page.Key.SIGN_LANGUAGE)
    html = client.get("/gebaerdensprache/").content.decode()
    assert "<video" not in html
    assert "Text-Version" in html
    with django_capture_on_commit_callbacks(execute=True):  # the upload is committed
        page.video.save("dgs.mp4", ContentFile(b"\x00\x00\x00\x18ftypmp42"))
    html = client.get("/gebaerdensprache/").content.decode()
    assert '<video controls preload="metadata" src="/media/pages/dgs' in html
    assert "youtube" not in html.lower() and "vimeo" not in html.lower()


def test_staff_markdown_cannot_inject_scripts(client, initial_content):
    Page.objects.filter(key=Page.Key.IMPRINT).update(
        body_de=(
            "Hallo <script>alert('x')</script>\n\n"
            '<img src=x onerror="alert(1)">\n\n'
            "[Klick](javascript:alert(2))\n\n"
            '<iframe src="https://evil.example"></iframe>\n\n'
            "<style>body{display:none}</style>\n\n"
            "## Echte Überschrift"
        )
    )
    html = client.get("/impressum/").content.decode()
    main = html.split('<main id="main"')[1].split("</main>")[0]
    assert "<script" not in main
    assert "onerror" not in main
    assert "javascript:" not in main
    assert "<iframe" not in main
    assert "<style" not in main
    assert "<img" not in main
    assert "<h2>Echte Überschrift</h2>" in main


def test_missing_page_is_a_404_not_a_500(client, initial_content):
    Page.objects.filter(key=Page.Key.PRIVACY).delete()
    assert client.get("/datenschutz/").status_code == HTTPStatus.NOT_FOUND


def test_loading_again_keeps_staff_edits(initial_content):
    from django.core.management import call_command

    Page.objects.filter(key=Page.Key.IMPRINT).update(title_de="Geändert")
    call_command("load_initial_content", stdout=open("/dev/null", "w"))
    assert Page.objects.get(key=Page.Key.IMPRINT).title_de == "Geändert"
    assert Page.objects.count() == 5


@pytest.mark.parametrize("url", [path for pair in PAGES for path in pair[:2]])
def test_page_queries_are_bounded(
    client, initial_content, page_cache_off, django_assert_max_num_queries, url
):
    with django_assert_max_num_queries(7):
        assert client.get(url).status_code == HTTPStatus.OK
