"""The GET forms of the municipality pages: the Stadt/Gemeinde filter and the comparison."""

from django import forms
from django.utils.translation import gettext_lazy as _

from municipalities.models import Municipality

MIN_COMPARED = 2
MAX_COMPARED = 4


class KindFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Show"),
        choices=[("", _("All towns and municipalities"))]
        + [
            (Municipality.Kind.TOWN, _("Towns only")),
            (Municipality.Kind.MUNICIPALITY, _("Municipalities only")),
        ],
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Please choose one of the options.")},
    )

    def selected_kind(self):
        return self.cleaned_data.get("kind", "") if self.is_valid() else ""


class ComparisonForm(forms.Form):
    """Choose 2 to 4 of the published municipalities by their slugs."""

    municipality = forms.MultipleChoiceField(
        label=_("Municipalities to compare"),
        help_text=_("Choose two to four."),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        error_messages={
            "invalid_choice": _(
                "We do not know a municipality “%(value)s”. Please choose from the list."
            ),
        },
    )

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].choices = choices

    def clean_municipality(self):
        slugs = self.cleaned_data["municipality"]
        if len(set(slugs)) != len(slugs):
            raise forms.ValidationError(
                _("You chose a municipality more than once. Choose each one only once."),
                code="duplicate",
            )
        if len(slugs) < MIN_COMPARED:
            raise forms.ValidationError(
                _("Choose at least two municipalities to compare."), code="too_few"
            )
        if len(slugs) > MAX_COMPARED:
            raise forms.ValidationError(
                _("Choose at most four municipalities to compare."), code="too_many"
            )
        return slugs
