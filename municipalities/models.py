"""The 15 towns and municipalities of the Kreis Düren and what newcomers want to know about them.

Per newcomer topic (see topics.py) a municipality has sourced facts, places or offers and further
links, each with its source and date; without a municipality they hold for the whole district.
All of them hang on the municipality with a topic key, so that editors manage them on one admin
page in the order readers see them.

Who works on which municipality is decided here too: superusers and roles with the permission
"all_municipalities" (Redaktion, Anfragen) work on every municipality; everyone else on staff
only on the municipalities whose editors they are (`Municipality.editors`). The admin
(admin_scoping.py), the public preview and the review list all ask `municipality_scope_q`.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Prefetch
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from core.page_cache import PageContent
from core.publishing import Publishable, PublishableQuerySet, public_q
from core.sourced import Sourced, SourcedQuerySet, SourceList, as_of_validator
from core.text import tel_uri
from core.translation_status import TranslationTracked
from municipalities.topics import DISTRICT_TOPICS, MUNICIPAL_TOPICS, Topic

ALL_MUNICIPALITIES = "municipalities.all_municipalities"


def sees_all_municipalities(user):
    return user.has_perm(ALL_MUNICIPALITIES)


def municipality_scope_q(user, path):
    """The condition "belongs to a municipality the user works on" (None: all of them), for a
    model whose municipality is reached by `path` ("pk" for the municipality itself)."""
    if sees_all_municipalities(user):
        return None
    assigned = Municipality.objects.assigned_to(user)
    return models.Q(**{f"{path}__in": assigned})


class MunicipalityScopedQuerySet(PublishableQuerySet):
    """Publishable content that belongs to a municipality: those who may change the model may
    change (and preview) the content of the municipalities they work on."""

    municipality_path = "municipality"

    def editable_q(self, user):
        condition = super().editable_q(user)
        if condition is not None:  # no permission for the model at all
            return condition
        return municipality_scope_q(user, self.municipality_path)


class WebsiteField(models.URLField):
    """A web address; in forms, an address typed without a scheme gets https://."""

    def formfield(self, **kwargs):
        return super().formfield(**{"assume_scheme": "https", **kwargs})


class MunicipalityQuerySet(MunicipalityScopedQuerySet):
    municipality_path = "pk"

    def assigned_to(self, user):
        """The user's municipalities as a subquery of their ids (no query of its own)."""
        if not user.is_authenticated:
            return self.none().values("pk")
        return self.filter(editors=user).values("pk")

    def of_kind(self, kind):
        return self.filter(kind=kind) if kind else self

    def with_topics(self, topic=None):
        """Prefetch facts, places and links (of one topic, or of all): three queries in all."""
        facts, places, links = Fact.objects.all(), Place.objects.all(), Link.objects.all()
        if topic:
            facts, places, links = (qs.filter(topic=topic) for qs in (facts, places, links))
        return self.prefetch_related(
            Prefetch("facts", queryset=facts),
            Prefetch("places", queryset=places),
            Prefetch("links", queryset=links),
        )


def latitude_field(**kwargs):
    """A WGS84 latitude in decimal degrees (six places: about 10 cm)."""
    kwargs.setdefault("help_text", _("WGS84 in decimal degrees, for example 50.800000."))
    return models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=6,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        **kwargs,
    )


def longitude_field(**kwargs):
    kwargs.setdefault("help_text", _("WGS84 in decimal degrees, for example 6.483333."))
    return models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        **kwargs,
    )


class Municipality(Publishable, TranslationTracked):
    """A town (Stadt) or municipality (Gemeinde); facts always carry their reference date."""

    class Kind(models.TextChoices):
        TOWN = "stadt", _("Town")
        MUNICIPALITY = "gemeinde", _("Municipality")

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    teaser = models.CharField(
        _("teaser"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences for the list of municipalities and search engines."),
    )
    introduction = models.TextField(
        _("introduction"), blank=True, help_text=_("Shown at the top of the profile.")
    )
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    population_date = models.DateField(
        _("population as of"), null=True, blank=True, help_text=_("Reference date of the figure.")
    )
    area_km2 = models.DecimalField(
        _("area in km²"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    website = WebsiteField(_("official website"), blank=True)
    town_hall_address = models.CharField(_("town hall address"), max_length=200, blank=True)
    town_hall_phone = models.CharField(
        _("town hall phone"),
        max_length=50,
        blank=True,
        help_text=_("Only a confirmed number; leave empty otherwise."),
    )
    town_hall_email = models.EmailField(
        _("town hall e-mail"),
        blank=True,
        help_text=_("Only a confirmed address; leave empty otherwise."),
    )
    image = models.ImageField(_("image"), upload_to="municipalities/", blank=True)
    image_alt = models.CharField(
        _("image description (alt text)"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    image_decorative = models.BooleanField(
        _("image is decorative"),
        default=False,
        help_text=_("Only if the image adds no information; then it needs no description."),
    )
    sources = models.TextField(
        _("sources"),
        blank=True,
        help_text=_(
            "Where the facts come from, one per line. For the team; not shown on the site."
        ),
    )
    notes = models.TextField(
        _("editorial notes"), blank=True, help_text=_("For the team; not shown on the site.")
    )
    latitude = latitude_field(null=True, blank=True)
    longitude = longitude_field(null=True, blank=True)
    coordinate_source = WebsiteField(
        _("source of the position"),
        blank=True,
        help_text=_("The page the coordinates come from (the original page, never a copy)."),
    )
    coordinate_checked = models.DateField(
        _("position checked on"),
        null=True,
        blank=True,
        help_text=_("When the team last checked the coordinates against their source."),
    )
    editors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="edited_municipalities",
        verbose_name=_("editors"),
        help_text=_(
            "Staff accounts of the town hall (role “Kommune”) who may edit this profile, its "
            "topic sections, places, links and events."
        ),
    )

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name"]
        permissions = [
            ("all_municipalities", _("Can work on all municipalities, not only assigned ones")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(latitude__isnull=True, longitude__isnull=True)
                    | (
                        models.Q(latitude__isnull=False, longitude__isnull=False)
                        & ~models.Q(coordinate_source="")
                    )
                ),
                name="municipality_position_complete_and_sourced",
                violation_error_message=_(
                    "Enter both latitude and longitude, and the source of the position."
                ),
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("municipalities:detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        # The German description is the one every language falls back to, so it is required.
        alt_field = f"image_alt_{settings.MODELTRANSLATION_DEFAULT_LANGUAGE}"
        if self.image and not self.image_decorative and not getattr(self, alt_field):
            raise ValidationError(
                {
                    alt_field: _(
                        "Describe the image, or mark it as decorative if it adds no information."
                    )
                }
            )

    def topics(self, district=None):
        """The seven topics in their fixed order, each with its facts, places and links.

        Uses the prefetched relations (see MunicipalityQuerySet.with_topics), so no extra
        queries; `district` (a DistrictContent) adds what holds for the whole district.
        """
        return [
            TopicContent(
                municipality=self,
                topic=topic,
                facts=[fact for fact in self.facts.all() if fact.topic == topic],
                places=[place for place in self.places.all() if place.topic == topic],
                links=[link for link in self.links.all() if link.topic == topic],
                district=district.topic(topic) if district else None,
            )
            for topic in MUNICIPAL_TOPICS
        ]

    def topic(self, key, district=None):
        """One topic's facts, places and links (from the prefetched relations)."""
        return self.topics(district)[MUNICIPAL_TOPICS.index(Topic(key))]


class TopicContent:
    """One topic of one municipality (or of the whole district) as the templates show it: the
    facts, the places grouped by kind, the links, and the numbered list of their sources."""

    def __init__(self, *, topic, facts, places, links, municipality=None, district=None):
        self.municipality = municipality
        self.topic = Topic(topic)
        self.facts = facts
        self.places = places
        self.links = links
        self.district = district

    @property
    def anchor(self):
        return f"topic-{self.topic.value}"

    @property
    def label(self):
        return self.topic.label

    @property
    def is_empty(self):
        return not (self.facts or self.places or self.links)

    @property
    def item_count(self):
        return len(self.facts) + len(self.places) + len(self.links)

    def summary(self, facts=3):
        """The first facts only (for the topic page's short summary per municipality)."""
        return TopicContent(
            topic=self.topic,
            facts=self.facts[:facts],
            places=[],
            links=[],
            municipality=self.municipality,
        )

    @property
    def more_facts(self):
        return max(0, len(self.facts) - 3)

    def places_by_kind(self):
        """[(kind label, [places])] in the order of Place.Kind (schools by type)."""
        order = {kind: index for index, kind in enumerate(Place.Kind.values)}
        groups = {}
        for place in sorted(self.places, key=lambda p: (order.get(p.kind, len(order)), p.position)):
            groups.setdefault(place.get_kind_display(), []).append(place)
        return list(groups.items())

    @cached_property
    def source_list(self):
        return SourceList([*self.facts, *self.places, *self.links])

    def sources(self):
        """The numbered sources of the facts, places and links (see core.sourced.SourceList)."""
        return self.source_list.sources()

    def numbered_facts(self):
        """[(fact, its number in the source list)] for "(source 2)" after each fact."""
        return self.source_list.numbered(self.facts)

    def numbered_links(self):
        return self.source_list.numbered(self.links)

    def numbered_places_by_kind(self):
        return [(kind, self.source_list.numbered(places)) for kind, places in self.places_by_kind()]


class DistrictContent:
    """What holds for the whole district (facts, places and links without a municipality), per
    topic; three queries for all topics or for one."""

    def __init__(self, topic=None):
        querysets = [Fact.objects.district(), Place.objects.district(), Link.objects.district()]
        if topic:
            querysets = [queryset.filter(topic=topic) for queryset in querysets]
        self.facts, self.places, self.links = (list(queryset) for queryset in querysets)

    def topic(self, topic):
        topic = Topic(topic)
        return TopicContent(
            topic=topic,
            facts=[fact for fact in self.facts if fact.topic == topic],
            places=[place for place in self.places if place.topic == topic],
            links=[link for link in self.links if link.topic == topic],
        )


class TopicEntryQuerySet(SourcedQuerySet):
    def district(self):
        """What holds for the whole district (no municipality)."""
        return self.filter(municipality__isnull=True)

    def public(self):
        """District items, and those of municipalities that are public now."""
        return self.filter(models.Q(municipality__isnull=True) | public_q("municipality__"))

    def editable_by(self, user):
        """What the user may change: district items only with access to all municipalities."""
        condition = municipality_scope_q(user, "municipality")
        return self if condition is None else self.filter(condition)


class TopicEntry(Sourced, TranslationTracked):
    """A fact, place or link on one topic, of one municipality or (without one) of the whole
    district, with its source. Each names its own foreign key `municipality` (with its related
    name)."""

    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects = TopicEntryQuerySet.as_manager()

    class Meta:
        abstract = True

    def get_absolute_url(self):
        """The topic on the municipality's profile, or the district's topic page."""
        if self.municipality_id is None:
            return reverse("municipalities:topic", kwargs={"topic": self.topic})
        return f"{self.municipality.get_absolute_url()}#topic-{self.topic}"

    def clean(self):
        super().clean()
        if self.topic in DISTRICT_TOPICS and self.municipality_id is not None:
            raise ValidationError(
                {
                    "municipality": _(
                        "This topic holds for the whole district: choose no municipality."
                    )
                }
            )


def municipality_field(related_name):
    return models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name=related_name,
        verbose_name=_("municipality"),
        help_text=_("Empty: it holds for the whole district."),
    )


class Fact(TopicEntry):
    """A short sourced statement on one topic (for example: the Kitas in Kreuzau, and who runs
    them), of one municipality or of the whole district.

    Facts are data, not a text block: each shows its own source and date, the same sentence is
    never stored fifteen times, and search and the comparison can set facts side by side.
    """

    municipality = municipality_field("facts")
    text = models.TextField(_("text"), help_text=_("One or two plain sentences."))

    class Meta:
        verbose_name = _("fact")
        verbose_name_plural = _("facts")
        ordering = ["topic", "position", "pk"]

    def __str__(self):
        return Truncator(self.text).chars(80)


class Place(TopicEntry):
    """A place or offer that belongs to a topic: a Kita, a school, a hospital, a museum …"""

    class Kind(models.TextChoices):
        KITA = "kita", _("Kitas (day care centres)")
        CHILDMINDING = "kindertagespflege", _("Childminding (Kindertagespflege)")
        PRIMARY = "grundschule", _("Primary schools (Grundschule)")
        SECONDARY_MODERN = "hauptschule", _("Hauptschule")
        REALSCHULE = "realschule", _("Realschule")
        SEKUNDARSCHULE = "sekundarschule", _("Sekundarschule")
        COMPREHENSIVE = "gesamtschule", _("Comprehensive schools (Gesamtschule)")
        GYMNASIUM = "gymnasium", _("Gymnasium")
        SPECIAL_SCHOOL = "foerderschule", _("Special schools (Förderschule)")
        VOCATIONAL = "berufskolleg", _("Vocational colleges (Berufskolleg)")
        UNIVERSITY = "hochschule", _("Universities")
        RESEARCH = "forschung", _("Research")
        ADULT_EDUCATION = "vhs", _("Adult education (VHS)")
        HOSPITAL = "krankenhaus", _("Hospitals")
        OUT_OF_HOURS = "notfallpraxis", _("Out-of-hours practices")
        RESCUE = "rettung", _("Emergency services")
        STATION = "bahnhof", _("Stations")
        BUS = "bus", _("Buses")
        POOL = "bad", _("Swimming pools")
        LAKE = "see", _("Lakes")
        MUSEUM = "museum", _("Museums")
        PARK = "park", _("Parks and nature")
        SPORT = "sport", _("Sport")
        CULTURE = "kultur", _("Culture")
        LIBRARY = "bibliothek", _("Libraries")
        TOWN_HALL = "rathaus", _("Town halls")
        CITIZENS_OFFICE = "buergerbuero", _("Citizens’ offices (Bürgerbüro)")
        AUTHORITY = "behoerde", _("Public offices")
        ADVICE = "beratung", _("Advice")
        EMPLOYER = "arbeitgeber", _("Employers")
        BUSINESS_PARK = "gewerbegebiet", _("Business parks")
        OTHER = "other", _("Other places")

    municipality = municipality_field("places")
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    address = models.CharField(_("address"), max_length=200, blank=True)
    website = WebsiteField(_("website"), max_length=300, blank=True)
    phone = models.CharField(
        _("phone"), max_length=50, blank=True, help_text=_("Only a confirmed number.")
    )
    description = models.TextField(_("short description"), blank=True)

    class Meta:
        verbose_name = _("place or offer")
        verbose_name_plural = _("places and offers")
        ordering = ["topic", "position", "name"]

    def __str__(self):
        return self.name

    @property
    def phone_uri(self):
        return tel_uri(self.phone)


class Link(TopicEntry):
    """A further link on a topic, for example to the municipality's own page on Kitas."""

    municipality = municipality_field("links")
    title = models.CharField(_("title"), max_length=200)
    url = WebsiteField(_("address (URL)"), max_length=500)

    class Meta:
        verbose_name = _("further link")
        verbose_name_plural = _("further links")
        ordering = ["topic", "position", "title"]

    def __str__(self):
        return self.title


# ---------------------------------------------------------------------------------------------
# The district map: stations, rail lines and reference points, each with its source.
# ---------------------------------------------------------------------------------------------


class MapSourced(PageContent):
    """A map item's fixed key, and where it comes from: the page, the date that page gave, and
    when we checked it.

    Readers see the source and its date beside the map, so a position or a line is never shown
    without saying where it comes from and how current it is. The initial content finds an item
    by its key, so that loading it again never duplicates or overwrites it.
    """

    key = models.SlugField(
        _("key"), unique=True, help_text=_("A fixed identifier; the initial content uses it.")
    )
    source = WebsiteField(
        _("source"), help_text=_("The page this comes from (the original page, never a copy).")
    )
    source_as_of = models.CharField(
        _("as of (Stand)"),
        max_length=10,
        blank=True,
        validators=[as_of_validator],
        help_text=_(
            "The date the source gave (2022, 2022-03 or 2022-03-14); empty if it gave none."
        ),
    )
    source_checked = models.DateField(
        _("source checked on"), help_text=_("When the team last checked the source.")
    )
    notes = models.TextField(
        _("editorial notes"), blank=True, help_text=_("For the team; not shown on the site.")
    )

    class Meta:
        abstract = True


class ReferencePoint(MapSourced):
    """A place that helps readers find their way on the map: a neighbouring city (drawn at the
    map's edge, in its direction) or a landmark in the district."""

    name = models.CharField(_("name"), max_length=100)
    latitude = latitude_field()
    longitude = longitude_field()
    show_distance = models.BooleanField(
        _("show distances to it"),
        default=False,
        help_text=_(
            "The text beside the map gives each municipality's straight-line distance to it."
        ),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("reference point")
        verbose_name_plural = _("reference points")
        ordering = ["position", "name"]

    def __str__(self):
        return self.name


class Station(MapSourced):
    """A railway station or halt in the district.

    Only three stations have a position of their own in the sources; the others are drawn at the
    position of the village or municipality they serve, and `coordinate_basis` says which, so
    that the admin and the text beside the map can say the point is approximate.
    """

    class CoordinateBasis(models.TextChoices):
        STATION = "station", _("the station itself")
        VILLAGE = "village", _("the village it serves (approximate)")
        MUNICIPALITY = "municipality", _("the municipality's centre (approximate)")
        NONE = "none", _("no position known (not drawn)")

    name = models.CharField(_("name"), max_length=100)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="stations",
        verbose_name=_("municipality"),
        help_text=_("The municipality the station lies in."),
    )
    latitude = latitude_field(null=True, blank=True)
    longitude = longitude_field(null=True, blank=True)
    coordinate_basis = models.CharField(
        _("position of"),
        max_length=20,
        choices=CoordinateBasis.choices,
        help_text=_("What the coordinates are the position of."),
    )

    class Meta:
        verbose_name = _("station")
        verbose_name_plural = _("stations")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(coordinate_basis="none", latitude__isnull=True, longitude__isnull=True)
                    | (
                        ~models.Q(coordinate_basis="none")
                        & models.Q(latitude__isnull=False, longitude__isnull=False)
                    )
                ),
                name="station_position_matches_basis",
                violation_error_message=_(
                    "Enter latitude and longitude and say what they are the position of, or "
                    "leave both empty and choose “no position known”."
                ),
            )
        ]

    def __str__(self):
        return self.name

    @property
    def is_approximate(self):
        return self.coordinate_basis in (
            self.CoordinateBasis.VILLAGE,
            self.CoordinateBasis.MUNICIPALITY,
        )


class RailLine(MapSourced):
    """A train line with its stops in the district, in the order the train calls at them."""

    code = models.CharField(_("line"), max_length=20, help_text=_("For example: RB 21."))
    name = models.CharField(_("name"), max_length=100, help_text=_("For example: Rurtalbahn."))
    route = models.CharField(
        _("route"),
        max_length=200,
        help_text=_("Where the line runs, including beyond the district: Aachen – Düren – Köln."),
    )
    continues_from = models.ForeignKey(
        ReferencePoint,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="lines_arriving",
        verbose_name=_("comes from"),
        help_text=_("Where the line comes from before its first stop in the district, if shown."),
    )
    continues_to = models.ForeignKey(
        ReferencePoint,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="lines_leaving",
        verbose_name=_("continues to"),
        help_text=_("Where the line goes after its last stop in the district, if shown."),
    )
    stations = models.ManyToManyField(
        Station, through="LineStop", related_name="lines", verbose_name=_("stations")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("rail line")
        verbose_name_plural = _("rail lines")
        ordering = ["position", "code", "name"]

    def __str__(self):
        return f"{self.code} {self.name}"


class LineStop(PageContent):
    """One stop of a line; `position` gives the order in which the train calls."""

    line = models.ForeignKey(
        RailLine, on_delete=models.CASCADE, related_name="stops", verbose_name=_("rail line")
    )
    station = models.ForeignKey(
        Station, on_delete=models.CASCADE, related_name="stops", verbose_name=_("station")
    )
    position = models.PositiveSmallIntegerField(_("position"))

    class Meta:
        verbose_name = _("stop")
        verbose_name_plural = _("stops")
        ordering = ["line", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["line", "position"],
                name="line_stop_position_unique",
                violation_error_message=_("Two stops of this line have the same position."),
            ),
            models.UniqueConstraint(
                fields=["line", "station"],
                name="line_stop_station_once",
                violation_error_message=_("This station is already a stop of this line."),
            ),
        ]

    def __str__(self):
        return f"{self.line.code}: {self.station.name}"


# ---------------------------------------------------------------------------------------------
# Frequent questions: answered by staff, per topic, each answer with its source.
# ---------------------------------------------------------------------------------------------


class QuestionQuerySet(SourcedQuerySet):
    def published(self):
        return self.filter(published=True)


class Question(Sourced, TranslationTracked):
    """A frequent question and its answer ("How do I get a Kita place?"), with the answer's
    source.

    Shown on its topic's page and on the page of all questions (marked up as a schema.org
    FAQPage) and found by the site search. A question without a topic is a general one: only on
    the page of all questions.
    """

    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices, blank=True)
    question = models.CharField(_("question"), max_length=200)
    answer = models.TextField(
        _("answer"),
        help_text=_(
            "Paragraphs are separated by an empty line; lines starting with “- ” become a list."
        ),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    published = models.BooleanField(_("published"), default=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("frequent question")
        verbose_name_plural = _("frequent questions")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.question

    def get_absolute_url(self):
        return f"{reverse('questions')}#{self.anchor}"

    @property
    def anchor(self):
        return f"question-{self.key}"
