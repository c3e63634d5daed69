"""The four public forms: a question, a company's relocation enquiry, an appointment request and a
barrier report. They share the protection against abuse (signed form token with a minimum fill
time, honeypot, length limits) and the token that makes a form sent twice count once.
"""

import time
import uuid
from datetime import datetime
from zoneinfo import ZoneInfo

from crispy_forms.layout import HTML, Div, Fieldset, Layout
from django import forms
from django.conf import settings
from django.core import signing
from django.core.validators import MaxLengthValidator, RegexValidator
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from enquiries.models import Enquiry
from municipalities.models import Municipality
from municipalities.topics import Topic
from welcome.forms import DateInput, KernFormMixin, TimeInput

TOKEN_SALT = "enquiries.form-token"  # noqa: S105 (a signing salt, not a secret)
BERLIN = ZoneInfo("Europe/Berlin")
DATE_FORMATS = ["%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d"]
TIME_FORMATS = ["%H:%M", "%H.%M", "%H"]
APPOINTMENT_OPTIONS = 3

phone_validator = RegexValidator(
    r"^\+?[0-9 ()/.-]{3,40}$",
    _("Enter a phone number with digits only, for example 02421 123456 or +49 2421 123456."),
)
children_ages_validator = RegexValidator(
    r"^\s*\d{1,2}(\s*[,;]\s*\d{1,2})*\s*$",
    _("Enter the ages as numbers separated by commas, for example 3, 7."),
)


def make_form_token(started=None):
    """A signed token: the submission's id (stored once) and when the form was handed out."""
    started = int(time.time()) if started is None else int(started)
    return signing.dumps({"id": uuid.uuid4().hex, "t": started}, salt=TOKEN_SALT)


def read_form_token(value):
    """The token's (id, started) or None when it is missing, forged or too old."""
    try:
        data = signing.loads(value or "", salt=TOKEN_SALT, max_age=settings.ENQUIRY_FORM_MAX_AGE)
        return str(data["id"]), int(data["t"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


class SingleLineField(forms.CharField):
    """Text on one line: line breaks and other control characters become spaces."""

    def to_python(self, value):
        value = super().to_python(value)
        return " ".join(value.split()) if value else value


# The send button with the note on how the data is used, next to it.
SUBMIT = HTML('{% include "enquiries/includes/form_submit.html" %}')


def protection():
    """The form token and the honeypot, hidden from people and assistive technology."""
    return Div(
        "form_token",
        Div("homepage", css_class="kern-sr-only", aria_hidden="true"),
    )


class ProtectedForm(forms.Form):
    """The protection of every public form that stores what people type (enquiries, One-Stop-Shop
    registrations): the signed form token with a minimum fill time, the honeypot and a length
    limit on every text field. After `clean()`, `submission_token` identifies the submission, so
    that a form sent twice is stored once.

    Mix it into a ModelForm as `class MyForm(KernFormMixin, ProtectedForm, forms.ModelForm)`.
    """

    required = ()

    form_token = forms.CharField(widget=forms.HiddenInput, required=False)
    # A field that people never see or reach with the keyboard; programs that fill every field do.
    homepage = forms.CharField(
        label=_("Please leave this field empty"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.required:
            self.fields[name].required = True
        if "form_token" not in self.data:
            self.initial.setdefault("form_token", make_form_token())
        for field in self.fields.values():
            # Every text field has a length limit, checked here and shown to the browser.
            if isinstance(field, forms.CharField) and not field.max_length:
                field.max_length = 500
                field.validators.append(MaxLengthValidator(field.max_length))
                field.widget.attrs.update(field.widget_attrs(field.widget))
        self.submission_token = None

    def clean(self):
        cleaned_data = super().clean()
        token = read_form_token(self.data.get(self.add_prefix("form_token")))
        if token is None:
            # Hand out a fresh token so that sending the form again works.
            self.data = self.data.copy()
            self.data[self.add_prefix("form_token")] = make_form_token()
            raise forms.ValidationError(
                gettext("This form has expired. Please check your entries and send it again."),
                code="expired",
            )
        self.submission_token, started = token
        if time.time() - started < settings.ENQUIRY_MIN_FILL_SECONDS:
            raise forms.ValidationError(
                gettext(
                    "The form was sent very quickly. Please check your entries and send it again."
                ),
                code="too_fast",
            )
        if cleaned_data.get("homepage"):
            raise forms.ValidationError(
                gettext("Your message could not be sent. Please leave the last field empty."),
                code="honeypot",
            )
        return cleaned_data


class EnquiryForm(KernFormMixin, ProtectedForm, forms.ModelForm):
    """What every enquiry form has: the protection and required contact fields."""

    kind = None
    submit_label = False

    def save(self, commit=False):
        """Only builds the enquiry; `services.enquiry_submit` stores it."""
        enquiry = super().save(commit=False)
        enquiry.kind = self.kind
        return enquiry

    def municipalities(self):
        return []

    def options(self):
        return []


def topic_field(**kwargs):
    return forms.MultipleChoiceField(
        label=_("Topics"),
        choices=Topic.choices,
        widget=forms.CheckboxSelectMultiple,
        **kwargs,
    )


class QuestionForm(EnquiryForm):
    """A private person's question."""

    kind = Enquiry.Kind.QUESTION
    required = ("message", "name", "email", "contact_preference")

    topics = topic_field(help_text=_("Choose one or more."))
    municipality = forms.ModelChoiceField(
        label=_("Municipality of interest"),
        queryset=Municipality.objects.published(),
        required=False,
        empty_label=_("No particular municipality"),
        to_field_name="slug",
    )
    name = SingleLineField(label=_("Your name"), max_length=200)
    adults = forms.IntegerField(
        label=_("Adults in the household"),
        required=False,
        min_value=1,
        max_value=20,
    )

    class Meta:
        model = Enquiry
        fields = (
            "topics",
            "municipality",
            "message",
            "moving_situation",
            "adults",
            "children_ages",
            "name",
            "email",
            "phone",
            "preferred_language",
            "contact_preference",
        )
        labels = {
            "message": _("Your question"),
            "moving_situation": _("Your moving situation"),
            "children_ages": _("Ages of the children"),
            "email": _("E-mail address"),
            "phone": _("Phone number"),
            "preferred_language": _("Preferred language"),
        }
        help_texts = {
            "message": _("Please do not include health or other sensitive data."),
            "children_ages": _("For child care and school places, for example 3, 7."),
            "phone": _("Only if you would like us to call you."),
            "preferred_language": _("The language in which you would like to be answered."),
        }
        widgets = {
            "message": forms.Textarea(attrs={"rows": 6}),
            "moving_situation": forms.RadioSelect,
            "contact_preference": forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["moving_situation"].choices = [
            ("", gettext("No answer"))
        ] + Enquiry.MovingSituation.choices
        self.fields["contact_preference"].choices = Enquiry.ContactPreference.choices
        self.fields["phone"].validators.append(phone_validator)
        self.fields["children_ages"].validators.append(children_ages_validator)
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["phone"].widget.attrs["autocomplete"] = "tel"

    def get_layout(self):
        return Layout(
            Fieldset(_("Your question"), "topics", "municipality", "message"),
            Fieldset(_("About your move"), "moving_situation", "adults", "children_ages"),
            Fieldset(
                _("How we can reach you"),
                "name",
                "email",
                "phone",
                "preferred_language",
                "contact_preference",
            ),
            protection(),
            SUBMIT,
        )

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("contact_preference") == Enquiry.ContactPreference.PHONE and not (
            cleaned_data.get("phone")
        ):
            self.add_error("phone", gettext("Enter a phone number so that we can call you."))
        return cleaned_data

    def municipalities(self):
        municipality = self.cleaned_data.get("municipality")
        return [municipality] if municipality else []


class CompanyForm(EnquiryForm):
    """A company's enquiry about relocating staff to the district."""

    kind = Enquiry.Kind.COMPANY
    required = ("company_name", "sector", "name", "email", "phone")

    company_name = SingleLineField(label=_("Company"), max_length=200)
    sector = SingleLineField(label=_("Sector"), max_length=200)
    name = SingleLineField(label=_("Contact person"), max_length=200)
    employees = forms.IntegerField(
        label=_("Number of employees to relocate"),
        required=False,
        min_value=1,
        max_value=100000,
    )
    target_municipalities = forms.ModelMultipleChoiceField(
        label=_("Target municipalities"),
        queryset=Municipality.objects.published(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        to_field_name="slug",
        help_text=_("Choose none, one or several."),
    )
    needs = forms.MultipleChoiceField(
        label=_("What your staff need"),
        choices=Enquiry.Need.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Enquiry
        fields = (
            "company_name",
            "sector",
            "company_address",
            "name",
            "email",
            "phone",
            "employees",
            "time_frame",
            "target_municipalities",
            "needs",
            "message",
        )
        labels = {
            "company_address": _("Company address"),
            "email": _("E-mail address"),
            "phone": _("Phone number"),
            "time_frame": _("Time frame"),
            "message": _("Your message"),
        }
        help_texts = {
            "time_frame": _("For example: from spring 2027, over the next two years."),
            "message": _("Anything else we should know."),
        }
        widgets = {"message": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phone"].validators.append(phone_validator)
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["phone"].widget.attrs["autocomplete"] = "tel"
        self.fields["company_name"].widget.attrs["autocomplete"] = "organization"

    def get_layout(self):
        return Layout(
            Fieldset(_("Your company"), "company_name", "sector", "company_address"),
            Fieldset(_("Contact person"), "name", "email", "phone"),
            Fieldset(
                _("Your plans"),
                "employees",
                "time_frame",
                "target_municipalities",
                "needs",
                "message",
            ),
            protection(),
            SUBMIT,
        )

    def municipalities(self):
        return list(self.cleaned_data.get("target_municipalities") or [])


class AppointmentForm(EnquiryForm):
    """A request for a personal consultation with one to three preferred dates and times."""

    kind = Enquiry.Kind.APPOINTMENT
    required = ("mode", "name", "email")

    topic = forms.ChoiceField(label=_("Topic"), choices=[("", _("Please choose"))] + Topic.choices)
    name = SingleLineField(label=_("Your name"), max_length=200)
    people = forms.IntegerField(
        label=_("Number of people"),
        min_value=1,
        max_value=10,
        initial=1,
    )

    class Meta:
        model = Enquiry
        fields = (
            "topic",
            "mode",
            "people",
            "preferred_language",
            "accessibility_needs",
            "name",
            "email",
            "phone",
        )
        labels = {
            "mode": _("How would you like to talk to us?"),
            "preferred_language": _("Language of the conversation"),
            "accessibility_needs": _("Accessibility needs"),
            "email": _("E-mail address"),
            "phone": _("Phone number"),
        }
        help_texts = {
            "accessibility_needs": _(
                "For example step-free access, sign language interpretation or easy language."
            ),
            "phone": _("Needed if we should call you."),
        }
        widgets = {
            "mode": forms.RadioSelect,
            "accessibility_needs": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mode"].choices = Enquiry.Mode.choices
        self.fields["phone"].validators.append(phone_validator)
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["phone"].widget.attrs["autocomplete"] = "tel"
        for number in range(1, APPOINTMENT_OPTIONS + 1):
            self.fields[f"option_{number}_date"] = forms.DateField(
                label=pgettext_lazy("appointment option", "Date %(number)s") % {"number": number},
                required=number == 1,
                input_formats=DATE_FORMATS,
                widget=DateInput(attrs={"maxlength": "10"}),
            )
            self.fields[f"option_{number}_time"] = forms.TimeField(
                label=pgettext_lazy("appointment option", "Time %(number)s") % {"number": number},
                required=number == 1,
                input_formats=TIME_FORMATS,
                widget=TimeInput(attrs={"maxlength": "5"}),
            )

    def get_layout(self):
        options = [
            Fieldset(
                self.option_legend(number),
                f"option_{number}_date",
                f"option_{number}_time",
            )
            for number in range(1, APPOINTMENT_OPTIONS + 1)
        ]
        return Layout(
            Fieldset(_("Your appointment"), "topic", "mode", "people", "preferred_language"),
            HTML('{% include "enquiries/includes/appointment_hours.html" %}'),
            *options,
            Fieldset(_("How we can reach you"), "name", "email", "phone", "accessibility_needs"),
            protection(),
            SUBMIT,
        )

    @staticmethod
    def option_legend(number):
        return gettext("Preferred time %(number)s") % {"number": number}

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("mode") == Enquiry.Mode.PHONE and not cleaned_data.get("phone"):
            self.add_error("phone", gettext("Enter a phone number so that we can call you."))
        self._options = []
        now = timezone.now()
        schedule = appointment_schedule()
        for number in range(1, APPOINTMENT_OPTIONS + 1):
            date_name, time_name = f"option_{number}_date", f"option_{number}_time"
            if date_name in self.errors or time_name in self.errors:
                continue
            day, moment_time = cleaned_data.get(date_name), cleaned_data.get(time_name)
            if day is None and moment_time is None:
                continue
            if day is None:
                self.add_error(date_name, gettext("Enter a date for this time."))
                continue
            if moment_time is None:
                self.add_error(time_name, gettext("Enter a time for this date."))
                continue
            moment = datetime.combine(day, moment_time).replace(tzinfo=BERLIN)
            message = appointment_rule_error(schedule, moment, now)
            if message:
                self.add_error(date_name, message)
            elif moment in self._options:
                self.add_error(date_name, gettext("You have already chosen this date and time."))
            else:
                self._options.append(moment)
        return cleaned_data

    def save(self, commit=False):
        enquiry = super().save(commit=False)
        enquiry.topics = [self.cleaned_data["topic"]]
        return enquiry

    def options(self):
        return list(self._options)


def appointment_schedule():
    from welcome.models import WelcomeCenter

    center = WelcomeCenter.objects.get_current()
    return center.schedule() if center else None


def appointment_rule_error(schedule, moment, now):
    """The message naming the rule that `moment` breaks (past, closed day, outside hours), or None."""
    if schedule is None:
        if moment <= now:
            return gettext("Choose a date and time in the future.")
        return None
    from welcome.opening_hours import check_appointment_time

    return check_appointment_time(schedule, moment, now)


class BarrierForm(EnquiryForm):
    """A report of a barrier on the website (feedback mechanism under BITV NRW § 5)."""

    kind = Enquiry.Kind.BARRIER
    required = ("page_url", "message")

    name = SingleLineField(label=_("Your name"), max_length=200, required=False)

    class Meta:
        model = Enquiry
        fields = ("page_url", "message", "name", "email")
        labels = {
            "page_url": _("Page concerned"),
            "message": _("What is wrong?"),
            "email": _("E-mail address"),
        }
        help_texts = {
            "page_url": _("The address (URL) or the title of the page."),
            "message": _(
                "Describe the barrier: what you wanted to do and what did not work, and which "
                "device or assistive technology you use if you like."
            ),
            "email": _("If you would like an answer."),
        }
        widgets = {
            "page_url": forms.TextInput(),
            "message": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["name"].widget.attrs["autocomplete"] = "name"

    def get_layout(self):
        return Layout(
            Fieldset(_("The barrier"), "page_url", "message"),
            Fieldset(_("Your contact details"), "name", "email"),
            protection(),
            SUBMIT,
        )

    def clean_page_url(self):
        return " ".join(self.cleaned_data["page_url"].split())
