"""The four public forms: a question, a company's relocation enquiry, an appointment request and a
barrier report. They share the protection against abuse (signed form token with a minimum fill
time, honeypot, length limits) and the token that makes a form sent twice count once
(core/form_protection.py); which fields each asks for is `Enquiry.KIND_FIELDS`.
"""

from crispy_forms.layout import HTML, Fieldset, Layout
from django import forms
from django.core.validators import RegexValidator
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from core.form_protection import ProtectedForm, SingleLineField, protection
from core.forms import DateInput, KernFormMixin, TimeInput
from core.local_time import aware
from enquiries.models import Enquiry
from municipalities.models import Municipality
from municipalities.topics import Topic
from welcome.models import WelcomeCenter
from welcome.opening_hours import check_appointment_time

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

# The send button with the note on how the data is used, next to it.
SUBMIT = HTML('{% include "enquiries/includes/form_submit.html" %}')


def kind_fields(kind, **asked_as):
    """The fields of a kind (Enquiry.KIND_FIELDS) for a form's Meta; `asked_as` names the form's
    own field for a model field that the form asks for differently (one municipality, one
    topic)."""
    return tuple(asked_as.get(name, name) for name in Enquiry.KIND_FIELDS[kind])


class EnquiryForm(KernFormMixin, ProtectedForm, forms.ModelForm):
    """What every enquiry form has: the protection and required contact fields."""

    kind = None
    submit_label = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "phone" in self.fields:
            self.fields["phone"].validators.append(phone_validator)
        if "preferred_language" in self.fields:
            # The languages the center answers in; no empty choice (the page's is preselected).
            self.fields["preferred_language"].choices = Enquiry.LANGUAGE_CHOICES

    def build(self):
        """The enquiry as typed, not stored: `services.enquiry_submit` stores it."""
        enquiry = super().build()
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
    required_messages = {
        "message": _("Enter your question"),
        "contact_preference": _("Choose how we should answer you"),
    }

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
        fields = kind_fields(Enquiry.Kind.QUESTION, municipalities="municipality")
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
            "preferred_language": forms.RadioSelect,
            "contact_preference": forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["moving_situation"].choices = [
            ("", gettext("No answer"))
        ] + Enquiry.MovingSituation.choices
        self.fields["contact_preference"].choices = Enquiry.ContactPreference.choices
        self.fields["children_ages"].validators.append(children_ages_validator)

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
    required_messages = {
        "company_name": _("Enter the name of your company"),
        "sector": _("Enter your company's sector"),
        "name": _("Enter the name of the contact person"),
    }

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
        fields = kind_fields(Enquiry.Kind.COMPANY, municipalities="target_municipalities")
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
    required_messages = {
        "topic": _("Choose a topic"),
        "mode": _("Choose how you would like to talk to us"),
        "people": _("Enter the number of people"),
    }

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
        fields = kind_fields(Enquiry.Kind.APPOINTMENT, topics="topic")
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
            "preferred_language": forms.RadioSelect,
            "accessibility_needs": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mode"].choices = Enquiry.Mode.choices
        for number in range(1, APPOINTMENT_OPTIONS + 1):
            self.fields[f"option_{number}_date"] = forms.DateField(
                label=pgettext_lazy("appointment option", "Date %(number)s") % {"number": number},
                required=number == 1,
                error_messages={"required": _("Enter a date for your first preferred time")},
                input_formats=DATE_FORMATS,
                widget=DateInput(attrs={"maxlength": "10"}),
            )
            self.fields[f"option_{number}_time"] = forms.TimeField(
                label=pgettext_lazy("appointment option", "Time %(number)s") % {"number": number},
                required=number == 1,
                error_messages={"required": _("Enter a time for your first preferred time")},
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
            moment = aware(day, moment_time)
            message = appointment_rule_error(schedule, moment, now)
            if message:
                self.add_error(date_name, message)
            elif moment in self._options:
                self.add_error(date_name, gettext("You have already chosen this date and time."))
            else:
                self._options.append(moment)
        return cleaned_data

    def build(self):
        enquiry = super().build()
        enquiry.topics = [self.cleaned_data["topic"]]
        return enquiry

    def options(self):
        return list(self._options)


def appointment_schedule():
    center = WelcomeCenter.objects.get_current()
    return center.schedule() if center else None


def appointment_rule_error(schedule, moment, now):
    """The message naming the rule that `moment` breaks (past, closed day, outside hours), or None."""
    if schedule is None:
        if moment <= now:
            return gettext("Choose a date and time in the future.")
        return None
    return check_appointment_time(schedule, moment, now)


class BarrierForm(EnquiryForm):
    """A report of a barrier on the website (feedback mechanism under BITV NRW § 5)."""

    kind = Enquiry.Kind.BARRIER
    required = ("page_url", "message")
    required_messages = {
        "page_url": _("Enter the page where you found the barrier"),
        "message": _("Describe the barrier"),
    }

    name = SingleLineField(label=_("Your name"), max_length=200, required=False)

    class Meta:
        model = Enquiry
        fields = kind_fields(Enquiry.Kind.BARRIER)
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

    def get_layout(self):
        return Layout(
            Fieldset(_("The barrier"), "page_url", "message"),
            Fieldset(_("Your contact details"), "name", "email"),
            protection(),
            SUBMIT,
        )

    def clean_page_url(self):
        return " ".join(self.cleaned_data["page_url"].split())
