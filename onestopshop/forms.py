"""The public registration form for a One-Stop-Shop date, protected like the enquiry forms
(signed form token with a minimum fill time, honeypot, length limits, stored once)."""

from crispy_forms.layout import HTML, Field, Fieldset, Layout
from django import forms
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from core.form_protection import ProtectedForm, SingleLineField, protection
from core.forms import KernFormMixin
from onestopshop.models import AdviceLanguage, DateAlert, Registration, Station, TimeWindow
from onestopshop.services import WindowFull

MAX_PEOPLE = 10


class WindowChoiceField(forms.ModelChoiceField):
    """The time windows as radio buttons that say how many places are free."""

    def label_from_instance(self, window):
        if window.free_places == 0:
            return gettext("%(window)s – fully booked") % {"window": window}
        return ngettext(
            "%(window)s – %(free)d place free",
            "%(window)s – %(free)d places free",
            window.free_places,
        ) % {"window": window, "free": window.free_places}


class RegistrationForm(KernFormMixin, ProtectedForm, forms.ModelForm):
    """Register for one time window of a date; `shop_date` has prefetched, annotated windows."""

    submit_label = False
    required = ("name", "email")
    required_messages = {
        "window": _("Choose a time window"),
        "stations": _("Choose at least one station"),
        "advice_language": _("Choose the language of the advice"),
        "people": _("Enter the number of people"),
    }

    window = WindowChoiceField(
        label=_("Time window"),
        queryset=None,
        widget=forms.RadioSelect,
        empty_label=None,
        help_text=_("Each window lasts one hour; you can visit all stations in it."),
    )
    stations = forms.MultipleChoiceField(
        label=_("Stations you are interested in"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose one or more."),
    )
    people = forms.IntegerField(
        label=_("Number of people"),
        min_value=1,
        max_value=MAX_PEOPLE,
        initial=1,
        help_text=_("Including yourself, for example your partner or children."),
    )
    name = SingleLineField(label=_("Your name"), max_length=200)

    class Meta:
        model = Registration
        fields = ("window", "advice_language", "stations", "people", "name", "email")
        labels = {
            "advice_language": _("Language of the advice"),
            "email": _("E-mail address"),
        }
        help_texts = {
            "email": _("We send you a link to confirm your registration."),
        }
        widgets = {"advice_language": forms.RadioSelect}

    def __init__(self, *args, shop_date, windows, **kwargs):
        super().__init__(*args, **kwargs)
        self.shop_date = shop_date
        self.windows = {window.pk: window for window in windows}
        self.fields["window"].queryset = TimeWindow.objects.filter(pk__in=self.windows)
        self.fields["window"].choices = [
            (window.pk, self.fields["window"].label_from_instance(window)) for window in windows
        ]
        offered = [key for key in shop_date.languages if key in AdviceLanguage.values] or (
            AdviceLanguage.values
        )
        self.fields["advice_language"].choices = [
            (key, label) for key, label in AdviceLanguage.choices if key in offered
        ]
        if len(offered) == 1:
            self.fields["advice_language"].initial = offered[0]
        offered_stations = [key for key in shop_date.stations if key in Station.values] or (
            Station.values
        )
        self.fields["stations"].choices = [
            (key, label) for key, label in Station.choices if key in offered_stations
        ]

    def get_layout(self):
        return Layout(
            Fieldset(_("Your visit"), "window", "people", "advice_language", "stations"),
            Fieldset(_("How we can reach you"), "name", "email"),
            protection(),
            HTML('{% include "onestopshop/includes/form_submit.html" %}'),
        )

    def clean_window(self):
        window = self.cleaned_data["window"]
        # The annotated instance knows its free places.
        return self.windows.get(window.pk, window)

    def clean(self):
        cleaned_data = super().clean()
        window, people = cleaned_data.get("window"), cleaned_data.get("people")
        if window is not None and people and people > window.free_places:
            self.add_error("window", WindowFull(window.free_places).message)
        return cleaned_data


class DateAlertForm(KernFormMixin, ProtectedForm, forms.ModelForm):
    """An e-mail address to tell when new dates are open (confirmed by a link: double opt-in)."""

    submit_label = _("Tell me about new dates")
    required = ("email",)

    class Meta:
        model = DateAlert
        fields = ("email",)
        labels = {"email": _("E-mail address")}
        help_texts = {
            "email": _("We send you a link to confirm it. Nothing else is sent to this address.")
        }
        error_messages = {
            "email": {
                "required": _("Enter your e-mail address"),
                "invalid": _(
                    "Enter an e-mail address in the correct format, like name@example.com"
                ),
            }
        }

    def get_layout(self):
        return [Field("email", autocomplete="email"), protection()]
