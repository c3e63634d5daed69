"""Public pages about the 15 towns and municipalities: list, profile, topics, comparison."""

from django.views.generic import DetailView, ListView, TemplateView

from municipalities.forms import ComparisonForm, KindFilterForm
from municipalities.models import Municipality, Question
from municipalities.topics import Topic


class MunicipalityListView(ListView):
    """All published municipalities as cards, optionally only the towns or only the others."""

    def get_queryset(self):
        self.filter_form = KindFilterForm(self.request.GET or None)
        return Municipality.objects.published().of_kind(self.filter_form.selected_kind())

    def get_context_data(self, **kwargs):
        return super().get_context_data(filter_form=self.filter_form, **kwargs)


class MunicipalityDetailView(DetailView):
    """One municipality's profile with all seven topics; staff also see unpublished ones."""

    def get_queryset(self):
        return Municipality.objects.visible_to(self.request.user).with_topics()

    def get_context_data(self, **kwargs):
        return super().get_context_data(topics=self.object.topics(), **kwargs)


class TopicListView(TemplateView):
    """The seven topics, each linking to its overview across all municipalities."""

    template_name = "municipalities/topic_list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(topics=list(Topic), **kwargs)


class TopicView(ListView):
    """One topic across all municipalities ("Kinderbetreuung im Kreis Düren")."""

    template_name = "municipalities/topic_detail.html"

    def get_queryset(self):
        return Municipality.objects.published().with_topics(self.kwargs["topic"])

    def get_context_data(self, **kwargs):
        topic = Topic(self.kwargs["topic"])
        context = super().get_context_data(
            topic=topic, other_topics=[t for t in Topic if t != topic], **kwargs
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
            for index, topic in enumerate(Topic)
        ]
        return super().get_context_data(form=form, compared=compared, topic_rows=rows, **kwargs)
