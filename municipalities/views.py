"""Public pages about the 15 towns and municipalities: list, profile, topics, comparison."""

from django.views.generic import DetailView, ListView, TemplateView

from municipalities.forms import ComparisonForm, KindFilterForm
from municipalities.models import DistrictContent, Municipality, Question
from municipalities.topics import DISTRICT_TOPICS, MUNICIPAL_TOPICS, Topic


class MunicipalityListView(ListView):
    """All published municipalities as cards, optionally only the towns or only the others."""

    def get_queryset(self):
        self.filter_form = KindFilterForm(self.request.GET or None)
        return Municipality.objects.published().of_kind(self.filter_form.selected_kind())

    def get_context_data(self, **kwargs):
        return super().get_context_data(filter_form=self.filter_form, **kwargs)


class MunicipalityDetailView(DetailView):
    """One municipality's profile with all seven topics, each with what holds for the whole
    district beside it; staff also see unpublished profiles."""

    def get_queryset(self):
        return Municipality.objects.visible_to(self.request.user).with_topics()

    def get_context_data(self, **kwargs):
        topics = self.object.topics(DistrictContent())
        return super().get_context_data(topics=topics, **kwargs)


class TopicListView(TemplateView):
    """The seven topics, each linking to its overview across all municipalities, and the two
    district topics."""

    template_name = "municipalities/topic_list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            topics=MUNICIPAL_TOPICS, district_topics=DISTRICT_TOPICS, **kwargs
        )


class TopicView(ListView):
    """One topic across the district: what holds for all of it first, then a short summary per
    municipality ("Kinderbetreuung im Kreis Düren"). A district topic (moving, integration) has
    no municipalities: its page shows the district's facts, places and links only."""

    def get_template_names(self):
        if self.topic.is_district_topic:
            return ["municipalities/district_topic.html"]
        return ["municipalities/topic_detail.html"]

    def get_queryset(self):
        self.topic = Topic(self.kwargs["topic"])
        if self.topic.is_district_topic:
            return Municipality.objects.none()
        return Municipality.objects.published().with_topics(self.topic)

    def get_context_data(self, **kwargs):
        topic = self.topic
        context = super().get_context_data(
            topic=topic,
            district=DistrictContent(topic).topic(topic),
            other_topics=[t for t in MUNICIPAL_TOPICS if t != topic],
            district_topics=[t for t in DISTRICT_TOPICS if t != topic],
            **kwargs,
        )
        context["entries"] = [(m, m.topic(topic)) for m in context["object_list"]]
        context["questions"] = Question.objects.published().filter(topic=topic)
        return context


class ComparisonView(TemplateView):
    """Two to four municipalities side by side, chosen with a plain GET form."""

    template_name = "municipalities/comparison.html"

    def get_context_data(self, **kwargs):
        choices = list(Municipality.objects.published().values_list("slug", "name"))
        chosen = [slug.strip() for slug in self.request.GET.getlist("municipality") if slug.strip()]
        submitted = "compare" in self.request.GET
        if len(chosen) == 1 and chosen[0] in dict(choices) and not submitted:
            # Coming from a profile ("compare with others"): pre-select it, no error yet.
            form = ComparisonForm(initial={"municipality": chosen}, choices=choices)
        elif chosen or submitted:
            form = ComparisonForm({"municipality": chosen}, choices=choices)
        else:
            form = ComparisonForm(choices=choices)
        compared = []
        if form.is_bound and form.is_valid():
            slugs = form.cleaned_data["municipality"]
            found = {
                m.slug: m
                for m in Municipality.objects.published().filter(slug__in=slugs).with_topics()
            }
            compared = [found[slug] for slug in slugs if slug in found]
        topics = [m.topics() for m in compared]
        rows = [
            {"topic": topic, "cells": [by_topic[index] for by_topic in topics]}
            for index, topic in enumerate(MUNICIPAL_TOPICS)
        ]
        return super().get_context_data(form=form, compared=compared, topic_rows=rows, **kwargs)
