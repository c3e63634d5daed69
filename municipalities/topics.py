"""The newcomer topics. Their keys are stable: URLs, enquiry forms and content refer to them.

Seven topics appear in every municipality's profile; two more are district topics for newcomers
from abroad (moving and first steps, integration and language): they hold for the whole district,
so no municipality has them, and each has a page of its own.
"""

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Topic(models.TextChoices):
    WORK = "work", _("Work and economy")
    EDUCATION = "education", _("Education and schools")
    CHILDCARE = "childcare", _("Child care")
    HEALTH = "health", _("Health")
    LEISURE = "leisure", _("Leisure and culture")
    MOBILITY = "mobility", _("Mobility")
    HOUSING = "housing", _("Housing and moving")
    MOVING = "moving", _("Moving and first steps")
    INTEGRATION = "integration", _("Integration and language")

    @property
    def is_district_topic(self):
        return self in DISTRICT_TOPICS


# The topics of every municipality's profile, in their order; and the two district topics.
MUNICIPAL_TOPICS = [topic for topic in Topic if topic not in (Topic.MOVING, Topic.INTEGRATION)]
DISTRICT_TOPICS = [Topic.MOVING, Topic.INTEGRATION]


# The topic's part of the URL in each language (/gemeinden/themen/kinderbetreuung/,
# /en/municipalities/topics/childcare/).
URL_SLUGS = {
    Topic.WORK: pgettext_lazy("URL slug", "work"),
    Topic.EDUCATION: pgettext_lazy("URL slug", "education"),
    Topic.CHILDCARE: pgettext_lazy("URL slug", "childcare"),
    Topic.HEALTH: pgettext_lazy("URL slug", "health"),
    Topic.LEISURE: pgettext_lazy("URL slug", "leisure"),
    Topic.MOBILITY: pgettext_lazy("URL slug", "mobility"),
    Topic.HOUSING: pgettext_lazy("URL slug", "housing"),
    Topic.MOVING: pgettext_lazy("URL slug", "moving-and-first-steps"),
    Topic.INTEGRATION: pgettext_lazy("URL slug", "integration-and-language"),
}


class TopicConverter:
    """URL converter: the topic key in Python, its slug in the active language in the URL.

    Slugs of every language are accepted, so that an old or switched link still resolves.
    """

    regex = "[a-z-]+"

    def to_python(self, value):
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                for topic, slug in URL_SLUGS.items():
                    if str(slug) == value:
                        return topic.value
        raise ValueError(value)

    def to_url(self, value):
        return str(URL_SLUGS[Topic(value)])
