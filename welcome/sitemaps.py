"""sitemap.xml: every public page in German and English, with hreflang alternates."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from municipalities.models import Municipality
from municipalities.topics import Topic
from welcome.models import Event, Page


class TranslatedSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class StaticPagesSitemap(TranslatedSitemap):
    priority = 0.8

    def items(self):
        return [
            "home",
            "contact",
            "event_list",
            "municipalities:list",
            "municipalities:topics",
            "municipalities:compare",
            "enquiries:question",
            "enquiries:company",
            "enquiries:appointment",
            "enquiries:barrier",
            "onestopshop:list",
            "first_steps",
            "questions",
        ]

    def location(self, item):
        return reverse(item)


class MunicipalitySitemap(TranslatedSitemap):
    priority = 0.7

    def items(self):
        return Municipality.objects.published().order_by("name")

    def lastmod(self, municipality):
        return municipality.last_reviewed


class TopicSitemap(TranslatedSitemap):
    priority = 0.6

    def items(self):
        return [topic.value for topic in Topic]

    def location(self, topic):
        return reverse("municipalities:topic", kwargs={"topic": topic})


class EventSitemap(TranslatedSitemap):
    priority = 0.5

    def items(self):
        return Event.objects.upcoming()

    def lastmod(self, event):
        return event.updated_at


class PageSitemap(TranslatedSitemap):
    priority = 0.3

    def items(self):
        return Page.objects.published().order_by("key")

    def lastmod(self, page):
        return page.updated_at


SITEMAPS = {
    "pages": StaticPagesSitemap,
    "municipalities": MunicipalitySitemap,
    "topics": TopicSitemap,
    "events": EventSitemap,
    "information": PageSitemap,
}
