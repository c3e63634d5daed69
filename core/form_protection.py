"""The protection of every public form that stores what people type (enquiries, One-Stop-Shop
registrations): a signed form token with a minimum fill time, a honeypot, and a length limit on
every text field. The token also identifies the submission, so that a form sent twice is stored
once (see core/submissions.py). Every field says in plain words what to enter when it is missing.
"""

import time
import uuid

from crispy_forms.layout import Div
from django import forms
from django.conf import settings
from django.core import signing
from django.core.validators import MaxLengthValidator
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

TOKEN_SALT = "enquiries.form-token"  # noqa: S105 (a signing salt, not a secret; kept for old forms)


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


def protection():
    """The layout of the form token and the honeypot, hidden from people and assistive
    technology."""
    return Div(
        "form_token",
        Div("homepage", css_class="kern-sr-only", aria_hidden="true"),
    )


# The codes of the protection's own errors: they are not about what the person entered, so the
# form shows them apart from the error summary (templates/includes/form_error_summary.html).
PROTECTION_CODES = ("expired", "too_fast", "honeypot")

# GOV.UK-style messages that say what to enter, for the fields many forms share; a form adds its
# own in `required_messages`. Any other required field gets a message naming its label.
REQUIRED_MESSAGES = {
    "name": _("Enter your name"),
    "email": _("Enter your e-mail address"),
    "phone": _("Enter your phone number"),
    "message": _("Enter your message"),
}
EMAIL_INVALID = _("Enter an e-mail address in the correct format, like name@example.com")


def plain_messages(form, required_messages):
    """Give every field of the form a message that says what to enter or choose."""
    messages = {**REQUIRED_MESSAGES, **required_messages}
    for name, field in form.fields.items():
        if name in messages:
            field.error_messages["required"] = messages[name]
        elif isinstance(
            field.widget, (forms.RadioSelect, forms.CheckboxSelectMultiple, forms.Select)
        ):
            field.error_messages["required"] = format_lazy(
                _("Choose an answer for “{label}”"), label=field.label or name
            )
        else:
            field.error_messages["required"] = format_lazy(
                _("Fill in “{label}”"), label=field.label or name
            )
        if isinstance(field, forms.EmailField):
            field.error_messages["invalid"] = EMAIL_INVALID


class ProtectedForm(forms.Form):
    """Mix it into a ModelForm as `class MyForm(KernFormMixin, ProtectedForm, forms.ModelForm)`.

    `required` names model fields that the form requires although the model allows them empty.
    After `clean()`, `submission_token` identifies the submission; `build()` gives the unsaved
    instance for the service that stores it. Contact fields get the browser's autofill hints.
    """

    required = ()
    required_messages = {}
    AUTOCOMPLETE = {
        "name": "name",
        "email": "email",
        "phone": "tel",
        "company_name": "organization",
    }

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
        plain_messages(self, self.required_messages)
        for name, hint in self.AUTOCOMPLETE.items():
            if name in self.fields:
                self.fields[name].widget.attrs["autocomplete"] = hint
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

    def build(self):
        """The submission as typed, not stored: the app's service stores it (submit_once)."""
        return super().save(commit=False)
