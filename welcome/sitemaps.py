"""sitemap.xml: every public page in German and English, with hreflang alternates."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from municipalities.models import Municipality
from municipalities.topics import Topic


class TranslatedSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class StaticPagesSitemap(TranslatedSitemap):
    priority = 0.8

    def items(self):
        return ["home", "municipalities:list", "municipalities:topics", "municipalities:compare"]

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


SITEMAPS = {
    "pages": StaticPagesSitemap,
    "municipalities": MunicipalitySitemap,
    "topics": TopicSitemap,
}
