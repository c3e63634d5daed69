"""The forms of the One-Stop-Shop admin: a date with its time windows, the windows' places,
and the page that proposes dates."""

from datetime import date, time

from django import forms
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.forms import TimeInput
from onestopshop.models import AdviceLanguage, ShopDate, Station

# The 2024 schedule from the initial content (one_stop_shop.when), as defaults for new dates.
DEFAULT_FIRST_START = time(9, 0)
DEFAULT_LAST_END = time(12, 0)


def places_field(**kwargs):
    return forms.IntegerField(
        label=_("Places per time window"),
        min_value=1,
        max_value=500,
        help_text=_("How many people can come in each one-hour window."),
        **kwargs,
    )


class TimeWindowsFields(forms.Form):
    """The hourly windows of new dates: from the first start to the last end, with places."""

    first_start = forms.TimeField(
        label=_("First window starts"), initial=DEFAULT_FIRST_START, widget=TimeInput
    )
    last_end = forms.TimeField(
        label=_("Last window ends"), initial=DEFAULT_LAST_END, widget=TimeInput
    )
    places_per_window = places_field()

    def clean(self):
        cleaned_data = super().clean()
        first, last = cleaned_data.get("first_start"), cleaned_data.get("last_end")
        if first and last and last <= first:
            self.add_error("last_end", gettext("The last window must end after the first starts."))
        return cleaned_data


class ShopDateAdminForm(forms.ModelForm):
    stations = forms.MultipleChoiceField(
        label=_("Stations offered"),
        choices=Station.choices,
        widget=forms.CheckboxSelectMultiple,
        initial=Station.values,
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages offered"),
        choices=AdviceLanguage.choices,
        widget=forms.CheckboxSelectMultiple,
        initial=AdviceLanguage.values,
    )

    class Meta:
        model = ShopDate
        fields = ("date", "place", "is_published", "stations", "languages", "note")


class ShopDateAddForm(TimeWindowsFields, ShopDateAdminForm):
    """A new date also gets its time windows: hourly from the first start to the last end."""


class TimeWindowFormSet(forms.BaseInlineFormSet):
    """A window's places never drop below the places already taken. (Deleting a window with
    registrations is refused by the admin itself: they are protected.)"""

    def clean(self):
        super().clean()
        for form in self.forms:
            window = form.instance
            if not window.pk or not hasattr(form, "cleaned_data"):
                continue
            places = form.cleaned_data.get("places")
            taken = window.taken_places()
            if places is not None and places < taken:
                form.add_error(
                    "places",
                    gettext("%(taken)d places are already taken in this window.")
                    % {"taken": taken},
                )


class ProposeForm(TimeWindowsFields):
    months = forms.IntegerField(label=_("Months ahead"), min_value=1, max_value=12, initial=6)
    dates = forms.TypedMultipleChoiceField(
        label=_("Dates to create"),
        widget=forms.CheckboxSelectMultiple,
        coerce=date.fromisoformat,
        help_text=_("First Fridays that are no public holiday and have no date yet."),
    )
    is_published = forms.BooleanField(
        label=_("Publish at once"),
        required=False,
        initial=False,
        help_text=_(
            "Without the tick the dates are drafts: confirm them with the partners, then publish "
            "them with the action in the list. Publishing tells everyone who asked about new "
            "dates."
        ),
    )

    field_order = ("months", "dates", "first_start", "last_end", "places_per_window")

    def __init__(self, *args, proposed, **kwargs):
        super().__init__(*args, **kwargs)
        possible = [p for p in proposed if p.is_possible]
        self.fields["dates"].choices = [
            (p.date.isoformat(), f"{WEEKDAYS[p.date.weekday()]}, {p.date:%d.%m.%Y}")
            for p in possible
        ]
        self.fields["dates"].initial = [p.date.isoformat() for p in possible]

    @staticmethod
    def months_from(data):
        value = data.get("months", "")
        return min(max(int(value), 1), 12) if value.isdecimal() else 6
