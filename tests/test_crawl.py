"""Follow every internal link from the home pages: each answers 200, none loads from another host."""

from html.parser import HTMLParser
from http import HTTPStatus
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

pytestmark = pytest.mark.django_db

# Copies, caches and proxies of other sites: never linked, never cited.
MIRROR_HOSTS = ("webcache.", "translate.goog", "wikiwand.", "dewiki.de", "zxc.wiki", "wiki2.")

# Attributes through which a page makes the browser fetch something.
LOADING_ATTRIBUTES = {
    "script": ["src"],
    "link": ["href"],  # stylesheets, icons, fonts, preloads
    "img": ["src", "srcset"],
    "source": ["src", "srcset"],
    "video": ["src", "poster"],
    "audio": ["src"],
    "track": ["src"],
    "iframe": ["src"],
    "embed": ["src"],
    "object": ["data"],
    "input": ["src"],
}
NON_LOADING_LINK_RELS = {"canonical", "alternate"}


class PageParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.loaded, self.inline_styles, self.inline_scripts = [], [], 0, 0
        self.posts_a_form = False
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "style" in attrs:
            self.inline_styles += 1
        if tag == "style":
            self.inline_styles += 1
        if tag == "script":
            if not attrs.get("src") and attrs.get("type") not in {
                "application/ld+json",
                "application/json",
            }:
                self.inline_scripts += 1
        if tag == "form" and (attrs.get("method") or "").lower() == "post":
            self.posts_a_form = True
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag == "link" and set(attrs.get("rel", "").split()) & NON_LOADING_LINK_RELS:
            return
        for attribute in LOADING_ATTRIBUTES.get(tag, []):
            value = attrs.get(attribute)
            if value:
                self.loaded.extend(part.strip().split(" ")[0] for part in value.split(","))


def is_internal(url):
    parts = urlsplit(url)
    return parts.scheme in ("", "http", "https") and parts.netloc in ("", "testserver")


def crawl(client, start_urls, limit=2000):
    seen, queue, pages = set(), list(start_urls), {}
    while queue and len(seen) < limit:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        pages[url] = response
        if response.status_code != HTTPStatus.OK or "text/html" not in response.get(
            "Content-Type", ""
        ):
            continue
        parser = PageParser()
        parser.feed(response.content.decode())
        response.parsed = parser
        for href in parser.links:
            target, _fragment = urldefrag(urljoin(url, href))
            if target and is_internal(target):
                target = urlsplit(target)._replace(scheme="", netloc="").geturl()
                if not target.startswith(("/admin/", "/media/")) and target not in seen:
                    queue.append(target)
    return pages


def test_every_internal_link_answers_and_nothing_loads_from_another_host(client, initial_content):
    pages = crawl(client, ["/", "/en/"])
    assert len(pages) > 10
    broken = {
        url: response.status_code
        for url, response in pages.items()
        if response.status_code != HTTPStatus.OK
    }
    assert broken == {}
    for url, response in pages.items():
        parser = getattr(response, "parsed", None)
        if parser is None:
            continue
        foreign = [
            src for src in parser.loaded if not is_internal(src) and not src.startswith("data:")
        ]
        assert foreign == [], url
        assert parser.inline_scripts == 0, url
        assert parser.inline_styles == 0, url
        # Readers get no cookie; only a page with a form may set the CSRF cookie.
        allowed = {"csrftoken"} if parser.posts_a_form else set()
        assert set(response.cookies) <= allowed, url


def test_the_district_topics_are_reached_and_no_page_links_a_mirror(client, initial_content):
    pages = crawl(client, ["/", "/en/"])
    for path in (
        "/gemeinden/themen/umzug-und-erste-schritte/",
        "/gemeinden/themen/integration-und-sprache/",
        "/en/municipalities/topics/moving-and-first-steps/",
        "/en/municipalities/topics/integration-and-language/",
    ):
        assert pages[path].status_code == HTTPStatus.OK
    for url, response in pages.items():
        parser = getattr(response, "parsed", None)
        if parser is None:
            continue
        for href in parser.links:
            host = urlsplit(href).hostname or ""
            assert not any(mirror in host for mirror in MIRROR_HOSTS), (url, href)
            assert not host.replace(".", "").isdigit(), (url, href)
