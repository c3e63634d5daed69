"""The plain GET form of the first-steps plan: the answers travel in the URL, nothing is stored."""

from crispy_forms.layout import Field, Fieldset
from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import DateInput, KernFormMixin
from welcome.first_steps import Answers

ORIGINS = [
    ("germany", _("From within Germany")),
    ("eu", _("From another country of the EU or EEA, or from Switzerland")),
    ("other", _("From another country")),
]
CHILD_GROUPS = [
    ("under_3", _("Under 3")),
    ("3_to_6", _("3 to 6 years")),
    ("school", _("School age")),
]
WORK_SITUATIONS = [
    ("employed", _("Employed")),
    ("self_employed", _("Self-employed")),
    ("student", _("Studying")),
    ("job_seeking", _("Looking for work")),
]


class PlanForm(KernFormMixin, forms.Form):
    """The few questions the plan depends on. Only the origin is required."""

    submit_label = _("Show my plan")
    form_id = "plan-form"

    origin = forms.ChoiceField(
        label=_("Where are you moving from?"),
        choices=ORIGINS,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Please tell us where you are moving from."),
            "invalid_choice": _("Please choose one of the options."),
        },
    )
    municipality = forms.ChoiceField(
        label=_("Which town or municipality are you moving to?"),
        required=False,
        error_messages={"invalid_choice": _("Please choose a town or municipality from the list.")},
    )
    children = forms.MultipleChoiceField(
        label=_("Children moving with you"),
        help_text=_("Tick the ages of your children. Leave empty if no children move with you."),
        choices=CHILD_GROUPS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Please choose from the age groups.")},
    )
    work = forms.ChoiceField(
        label=_("What will you do here?"),
        choices=WORK_SITUATIONS,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Please choose one of the options.")},
    )
    job_offer = forms.BooleanField(label=_("I have a job offer in the Kreis Düren"), required=False)
    car = forms.BooleanField(label=_("I want to drive a car here"), required=False)
    moving_date = forms.DateField(
        label=_("Moving date"),
        help_text=_("With a date, the plan shows the actual deadlines and a calendar file."),
        required=False,
        widget=DateInput,
        error_messages={"invalid": _("Please enter the date as day, month and year.")},
    )

    def __init__(self, *args, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipalities = {m.slug: m for m in municipalities}
        self.fields["municipality"].choices = [("", _("Not decided yet"))] + [
            (m.slug, m.name) for m in municipalities
        ]
        self.helper.form_method = "get"

    def get_layout(self):
        return [
            "origin",
            "municipality",
            "children",
            "work",
            Fieldset(_("Job and car"), "job_offer", "car"),
            Field("moving_date"),
        ]

    def answers(self):
        data = self.cleaned_data
        return Answers(
            origin=data["origin"],
            municipality=self.municipalities.get(data["municipality"]),
            children=tuple(data["children"]),
            work=data["work"],
            job_offer=data["job_offer"],
            car=data["car"],
            moving_date=data["moving_date"],
        )
