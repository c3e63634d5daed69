"""The forms of the enquiries' admin: status and assignee of an enquiry, the answer by e-mail,
and the pages that confirm, decline or cancel an appointment."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.local_time import aware
from enquiries.forms import DATE_FORMATS, TIME_FORMATS
from enquiries.models import Enquiry


class EnquiryAdminForm(forms.ModelForm):
    class Meta:
        model = Enquiry
        fields = ("status", "assignee")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        enquiry = self.instance
        if enquiry.pk and "status" in self.fields:
            choices = enquiry.status_choices()
            if enquiry.is_appointment:
                # Confirming, declining and cancelling inform the person: only through the buttons.
                by_button = {
                    Enquiry.Status.CONFIRMED,
                    Enquiry.Status.DECLINED,
                    Enquiry.Status.CANCELLED,
                }
                choices = [c for c in choices if c[0] not in by_button or c[0] == enquiry.status]
            self.fields["status"].choices = choices


class AnswerForm(forms.Form):
    text = forms.CharField(
        label=_("Answer"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 16, "cols": 80}),
        help_text=_(
            "Starts with a text for this kind of enquiry in the sender's language: complete it "
            "before sending. Replies go to the centre's address."
        ),
        error_messages={"required": _("Write the answer.")},
    )

    def __init__(self, *args, enquiry, **kwargs):
        self.enquiry = enquiry
        super().__init__(*args, **kwargs)


class AppointmentMessageForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the person"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Written into the e-mail as it is."),
    )

    def __init__(self, *args, enquiry, **kwargs):
        self.enquiry = enquiry
        super().__init__(*args, **kwargs)


class AppointmentConfirmForm(AppointmentMessageForm):
    OTHER = "other"

    choice = forms.ChoiceField(label=_("Time"), widget=forms.RadioSelect)
    other_date = forms.DateField(
        label=_("Other date"), required=False, input_formats=DATE_FORMATS, help_text="DD.MM.YYYY"
    )
    other_time = forms.TimeField(
        label=_("Other time"), required=False, input_formats=TIME_FORMATS, help_text="HH:MM"
    )
    minutes = forms.IntegerField(label=_("Duration in minutes"), min_value=5, max_value=480)

    field_order = ("choice", "other_date", "other_time", "minutes", "message")

    def __init__(self, *args, enquiry, **kwargs):
        super().__init__(*args, enquiry=enquiry, **kwargs)
        options = [(str(option.pk), str(option)) for option in enquiry.options.all()]
        self.fields["choice"].choices = options + [(self.OTHER, gettext("Another time"))]
        self.fields["minutes"].initial = enquiry.appointment_minutes
        if options:
            self.fields["choice"].initial = options[0][0]

    def clean(self):
        cleaned_data = super().clean()
        choice = cleaned_data.get("choice")
        if choice == self.OTHER:
            day, moment = cleaned_data.get("other_date"), cleaned_data.get("other_time")
            if not day or not moment:
                raise forms.ValidationError(gettext("Enter the other date and time."))
            starts_at = aware(day, moment)
        elif choice:
            starts_at = self.enquiry.options.get(pk=choice).starts_at
        else:
            return cleaned_data
        if starts_at <= timezone.now():
            raise forms.ValidationError(gettext("The appointment must lie in the future."))
        cleaned_data["starts_at"] = starts_at
        return cleaned_data
