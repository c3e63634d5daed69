"""Shared pieces for every form of the site, rendered by crispy-forms' KERN pack (templates/kern/).

A project form mixes in `KernFormMixin` (or builds a helper with `kern_helper()`): the form posts,
renders with a KERN primary submit button, and the pack adds `novalidate` (the server checks and
answers in the user's language, not the browser), the CSRF token and the error summary by itself.
The date and time widgets give the browser's native pickers in the format Django parses.
"""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Layout, Submit
from django import forms
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _


def kern_helper(form=None, *, submit_label=None, layout=None, form_id=None, action=""):
    """A FormHelper for the KERN pack: POST, form tag, one primary submit button.

    `layout` is a crispy Layout (Fieldset, Div, HTML, Field …); without one every field of the
    form is rendered in order. `submit_label=False` leaves out the button (add your own to the
    layout).
    """
    helper = FormHelper(form)
    helper.form_method = "post"
    helper.form_tag = True
    helper.form_action = action
    if form_id:
        helper.form_id = form_id
    if layout is not None:
        helper.layout = layout if isinstance(layout, Layout) else Layout(*layout)
    if submit_label is not False:
        helper.add_input(Submit("submit", submit_label or _("Send")))
    return helper


class KernFormMixin:
    """Gives a form `form.helper`, so that a template only needs `{% crispy form %}`.

    Set `submit_label` and, for fieldsets or extra text, `def get_layout(self)` returning a crispy
    Layout.
    """

    submit_label = _("Send")
    form_id = None

    def get_layout(self):
        return None

    @cached_property
    def helper(self):
        return kern_helper(
            self, submit_label=self.submit_label, layout=self.get_layout(), form_id=self.form_id
        )


class DateInput(forms.DateInput):
    """The browser's date picker; the value travels as YYYY-MM-DD whatever the language."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%H:%M")


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%dT%H:%M")
