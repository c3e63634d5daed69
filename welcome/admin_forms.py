"""The forms of the Welcome-Center's admin."""

from django import forms
from django.utils.translation import gettext_lazy as _


class IntervalFormSet(forms.BaseInlineFormSet):
    """Special hours belong to an exception that is open; a closure has none."""

    def clean(self):
        super().clean()
        intervals = [
            form
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE", False)
        ]
        if self.instance.closed and intervals:
            raise forms.ValidationError(
                _("Remove the special opening hours or untick “closed all day”.")
            )
        if not self.instance.closed and not intervals:
            raise forms.ValidationError(
                _("Enter the special opening hours, or tick “closed all day”.")
            )
