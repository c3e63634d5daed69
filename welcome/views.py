"""Views of the Welcome-Center app: home, contact, events, the staff-edited pages, the search
results, robots.txt and the error pages.

Visitors get these pages from the page cache (core/page_cache.py) until content changes or the
center's opening status changes, so the status in the footer and on the contact page is never
stale.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseServerError
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import get_template
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.cache import cache_control
from django.views.generic import DetailView, ListView, TemplateView

from core.errors import database_unavailable
from core.ical import calendar_file
from core.search import SearchForm, search, terms
from core.sourced import SourceList
from core.templatetags.phone_numbers import phone
from core.text import render_markdown
from municipalities.models import Municipality, Question
from municipalities.topics import DISTRICT_TOPICS, MUNICIPAL_TOPICS, Topic
from welcome import first_steps, legal, opening_hours, structured_data
from welcome.forms import PlanForm
from welcome.models import CenterFact, Event, Page, PlanStep, WelcomeCenter

logger = logging.getLogger(__name__)


class HomeView(TemplateView):
    """The start page: what the center does, the 15 municipalities and how to get in touch."""

    template_name = "welcome/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["municipalities"] = Municipality.objects.published()
        context["topics"] = MUNICIPAL_TOPICS
        context["district_topics"] = DISTRICT_TOPICS
        context["events"] = Event.objects.upcoming()[:3]
        return context


class FirstStepsView(TemplateView):
    """The first-steps plan: a plain GET form and, once the origin is answered, the person's
    steps with deadlines, offices and sources. The answers stay in the URL; nothing is stored.

    A link may pre-fill the form without showing a plan yet (?children=school): the plan starts
    with the origin."""

    template_name = "welcome/first_steps.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        municipalities = list(Municipality.objects.published())
        query = self.request.GET
        if "origin" in query:
            form = PlanForm(query, municipalities=municipalities)
        else:
            initial = {
                "municipality": query.get("municipality", ""),
                "children": query.getlist("children"),
                "work": query.get("work", ""),
                "job_offer": "job_offer" in query,
                "car": "car" in query,
            }
            form = PlanForm(initial=initial, municipalities=municipalities)
        context["form"] = form
        if form.is_bound and form.is_valid():
            answers = form.answers()
            steps = PlanStep.objects.for_answers(answers)
            center = WelcomeCenter.objects.for_request(self.request)
            query_string = query.urlencode()
            context.update(
                answers=answers,
                plan=first_steps.build_plan(answers, steps, center),
                query_string=query_string,
                plan_url=self.request.build_absolute_uri(
                    f"{reverse('first_steps')}?{query_string}"
                ),
                print_url=f"{reverse('first_steps_print')}?{query_string}",
                calendar_url=f"{reverse('first_steps_ics')}?{query_string}",
            )
        return context


class FirstStepsPrintView(FirstStepsView):
    """The plan for printing on A4: no navigation, the plan's address as text."""

    template_name = "welcome/first_steps_print.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["center"] = WelcomeCenter.objects.for_request(self.request)
        context["today"] = timezone.localdate()
        return context

    def get(self, request, *args, **kwargs):
        context = self.get_context_data(**kwargs)
        if "plan" not in context:
            return redirect(f"{reverse('first_steps')}?{request.GET.urlencode()}")
        return self.render_to_response(context)


def first_steps_ics(request):
    """The deadlines of a plan with a moving date as a calendar file; without a valid moving
    date, back to the plan page, which says what is missing."""
    context = FirstStepsView(request=request, kwargs={}).get_context_data()
    answers = context.get("answers")
    if answers is None or answers.moving_date is None:
        return redirect(f"{reverse('first_steps')}?{request.GET.urlencode()}#id_moving_date")
    body = first_steps.plan_calendar(
        context["plan"],
        plan_url=context["plan_url"],
        uid_seed=answers.moving_date.isoformat(),
    )
    return _calendar_response(body, gettext("first-steps-kreis-dueren.ics"))


class QuestionListView(TemplateView):
    """All frequent questions with their answers, by topic, marked up as a schema.org FAQPage."""

    template_name = "welcome/question_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        questions = list(Question.objects.published())
        labels = dict(Topic.choices)
        groups = {}
        for question in sorted(questions, key=lambda q: (q.topic == "", q.topic)):
            groups.setdefault(question.topic, []).append(question)
        context["groups"] = [
            (labels.get(topic, gettext("General questions")), items)
            for topic, items in groups.items()
        ]
        context["json_ld"] = structured_data.to_script_json(structured_data.faq_page(questions))
        return context


class ContactView(TemplateView):
    """Address, phone, e-mail, directions, the opening hours of the coming days and exceptions,
    and sourced facts about the center."""

    template_name = "welcome/contact.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        center = WelcomeCenter.objects.for_request(self.request)
        if center is None:
            raise Http404
        today = timezone.localdate()
        schedule = center.schedule(today)
        exceptions = opening_hours.upcoming_exceptions(schedule, today, limit=8)
        url = self.request.build_absolute_uri(self.request.path)
        coming_days = opening_hours.week(schedule, today)
        facts = list(CenterFact.objects.all())
        about = SourceList(facts)
        context.update(
            center=center,
            about=about,
            about_facts=about.numbered(facts),
            regular_week=[(weekday, schedule.regular_intervals(weekday)) for weekday in range(7)],
            coming_days=coming_days,
            # The note column only when a day has one (a holiday, changed hours).
            coming_notes=any(day.note for day in coming_days),
            exceptions=exceptions,
            json_ld=structured_data.to_script_json(
                structured_data.government_office(center, schedule, exceptions, url)
            ),
        )
        return context


class EventListView(ListView):
    """Coming presentations, exhibitions and information events."""

    template_name = "welcome/event_list.html"

    def get_queryset(self):
        return Event.objects.upcoming()


class EventArchiveView(ListView):
    """Past events, the latest first."""

    template_name = "welcome/event_archive.html"
    paginate_by = 20

    def get_queryset(self):
        return Event.objects.past()


class EventDetailView(DetailView):
    """One event with its date, place, description and calendar file; staff preview drafts."""

    def get_queryset(self):
        return Event.objects.visible_to(self.request.user).select_related("municipality")

    def get_context_data(self, **kwargs):
        description_html = render_markdown(self.object.description)
        return super().get_context_data(description_html=description_html, **kwargs)


def _default_place():
    center = WelcomeCenter.objects.first()
    if center is None:
        return gettext("Welcome-Center Kreis Düren")
    return f"{center.name}, {center.address_line}"


def _calendar_response(body, filename):
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _calendar_entries(request, events):
    place = _default_place()
    return [
        event.calendar_entry(request.build_absolute_uri(event.get_absolute_url()), place)
        for event in events
    ]


def event_ics(request, slug):
    """One event as an iCalendar file."""
    event = get_object_or_404(Event.objects.published(), slug=slug)
    body = calendar_file(_calendar_entries(request, [event]), name=event.title)
    return _calendar_response(body, f"{event.slug}.ics")


def event_feed(request):
    """All coming events (and those of the last 90 days) as a subscribable calendar."""
    today = timezone.localdate()
    events = Event.objects.published().filter(end_date__gte=today - timedelta(days=90))
    body = calendar_file(
        _calendar_entries(request, events.order_by("start_date", "start_time", "pk")),
        name=gettext("Events of the Welcome-Center Kreis Düren"),
    )
    return _calendar_response(body, "welcome-center-kreis-dueren.ics")


class PageView(TemplateView):
    """A staff-edited page (legal notice, privacy, accessibility, Leichte Sprache, DGS); staff
    preview drafts."""

    template_name = "welcome/page_detail.html"
    key = None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = get_object_or_404(Page.objects.visible_to(self.request.user), key=self.key)
        center = WelcomeCenter.objects.for_request(self.request)
        replacements = {
            "retention_days": settings.ENQUIRY_RETENTION_DAYS,
            "one_stop_shop_retention_days": settings.ONE_STOP_SHOP_RETENTION_DAYS,
            "one_stop_shop_alert_days": settings.ONE_STOP_SHOP_ALERT_DAYS,
            "center_email": center.email if center else "",
            "center_phone": phone(center.phone) if center else "",
            "barrier_form_url": reverse("enquiries:barrier"),
            **legal.placeholder_values(center),
        }
        context.update(
            page=page,
            body_html=render_markdown(page.body, replacements),
            content_language="de" if page.key == Page.Key.EASY_LANGUAGE else None,
        )
        return context


@cache_control(max_age=86400, public=True)
def robots_txt(request):
    """Search engines may index the public site, never the admin."""
    lines = ["User-agent: *", "Disallow: /admin/", ""]
    lines.append(f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}")
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    """The designed 500 page; if even that fails, a plain one. An unreachable database (in a
    middleware, where core.errors.DatabaseUnavailableMiddleware does not see it) answers 503."""
    if unavailable := database_unavailable():
        return unavailable
    try:
        return render(request, "500.html", status=500)
    except Exception:
        logger.exception("Could not render the designed 500 page")
        return HttpResponseServerError(get_template("500_plain.html").render())


class SearchView(TemplateView):
    """The results page of the site search (GET ?q=…), grouped by type of content."""

    template_name = "search/results.html"

    def get_context_data(self, **kwargs):
        form = SearchForm(self.request.GET or None)
        query, groups = "", []
        if form.is_bound and form.is_valid():
            query = form.cleaned_data["q"]
            groups = search(query)
        return super().get_context_data(
            form=form,
            query=query,
            groups=groups,
            searched=bool(terms(query)),
            total=sum(len(group["results"]) for group in groups),
            **kwargs,
        )
