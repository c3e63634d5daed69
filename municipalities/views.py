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
