"""A test-only form that uses every widget the KERN template pack renders, with its view and URLs.

Never part of the site: tests select this module as ROOT_URLCONF (`@pytest.mark.urls` or the
`demo_urls` fixture); it serves the demo form at /forms-demo/ (and /en/forms-demo/) and the real
site's URLs beside it, which base.html needs.
"""

from pathlib import Path

from crispy_forms.layout import HTML, Div, Field, Fieldset
from django import forms
from django.conf.urls.i18n import i18n_patterns
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.template import engines
from django.urls import path
from django.views.generic import FormView

from core.forms import DateInput, DateTimeInput, KernFormMixin, TimeInput
from welcome import urls as site_urls

TEMPLATE = Path(__file__).resolve().parent / "templates" / "forms_demo.html"
NON_FIELD_TRIGGER = "nonfield"


class DemoForm(KernFormMixin, forms.Form):
    name = forms.CharField(label="Name", max_length=100, help_text="As on your ID card.")
    email = forms.EmailField(label="E-mail")
    phone = forms.CharField(
        label="Phone", required=False, widget=forms.TextInput(attrs={"type": "tel"})
    )
    people = forms.IntegerField(label="Number of people", min_value=1, max_value=20, required=False)
    day = forms.DateField(label="Day", widget=DateInput(), required=False)
    time = forms.TimeField(label="Time", widget=TimeInput(), required=False)
    moving = forms.DateTimeField(label="Moving date", widget=DateTimeInput(), required=False)
    topic = forms.ChoiceField(
        label="Topic",
        choices=[("", "Please choose"), ("jobs", "Jobs"), ("schools", "Schools")],
    )
    interests = forms.MultipleChoiceField(
        label="Interests",
        choices=[("kita", "Child care"), ("health", "Health"), ("leisure", "Leisure")],
        widget=forms.CheckboxSelectMultiple,
        help_text="Choose all that apply.",
    )
    contact = forms.ChoiceField(
        label="How should we contact you?",
        choices=[("email", "By e-mail"), ("phone", "By phone")],
        widget=forms.RadioSelect,
    )
    message = forms.CharField(label="Message", widget=forms.Textarea)
    attachment = forms.FileField(label="Attachment", required=False)
    consent = forms.BooleanField(label="I agree that my data is used to answer me.")
    source = forms.CharField(widget=forms.HiddenInput, initial="demo")

    submit_label = "Send enquiry"
    form_id = "demo-form"

    def get_layout(self):
        return [
            Fieldset("About you", "name", Field("email", autocomplete="email"), "phone"),
            Div("people", "day", "time", "moving", css_class="kern-stack-lg"),
            HTML('<p class="kern-body">Tell us what you need.</p>'),
            "topic",
            "interests",
            "contact",
            Field("message", rows=4),
            "attachment",
            "consent",
            "source",
        ]

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("name") == NON_FIELD_TRIGGER:
            raise ValidationError("This demo refuses the name nonfield.")
        return cleaned_data


class DemoFormView(FormView):
    form_class = DemoForm

    def form_valid(self, form):
        return self.render_to_response(self.get_context_data(form=self.form_class(), sent=True))

    def render_to_response(self, context, **response_kwargs):
        template = engines["django"].from_string(TEMPLATE.read_text(encoding="utf-8"))
        return HttpResponse(template.render(context, self.request), **response_kwargs)


urlpatterns = [
    *i18n_patterns(
        path("forms-demo/", DemoFormView.as_view(), name="forms_demo"),
        prefix_default_language=False,
    ),
    *site_urls.urlpatterns,
]
