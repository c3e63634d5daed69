"""Public pages about the 15 towns and municipalities."""

from django.views.generic import DetailView, ListView

from municipalities.models import Municipality


class MunicipalityListView(ListView):
    """All published municipalities as cards."""

    def get_queryset(self):
        return Municipality.objects.published()


class MunicipalityDetailView(DetailView):
    """One municipality's profile."""

    def get_queryset(self):
        return Municipality.objects.published()


class TopicView(ListView):
    """One topic across all municipalities (placeholder until the municipalities issue lands)."""

    template_name = "municipalities/topic_detail.html"

    def get_queryset(self):
        return Municipality.objects.published()

    def get_context_data(self, **kwargs):
        from municipalities.topics import Topic

        return super().get_context_data(topic=Topic(self.kwargs["topic"]), **kwargs)
