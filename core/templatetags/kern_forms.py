"""Template tags for the crispy-forms KERN template pack (templates/kern/).

Deciding classes, ids and aria attributes in Python keeps the pack's templates short and makes
sure every field links its hint and error the same way: the hint has the id
`<field id>_helptext` and the error `<field id>_error`, Django's own naming, so the
`aria-describedby` that Django adds by itself and ours always agree.
"""

from django import forms, template
from django.forms.boundfield import BoundWidget
from django.utils.translation import gettext

from core.form_protection import PROTECTION_CODES

register = template.Library()

# The bootstrap classes that crispy-forms' Submit/Button/Reset carry by default: not ours.
BOOTSTRAP_BUTTON_CLASSES = {"btn", "btn-primary", "btn-secondary", "btn-inverse", "hidden"}


def _merge_classes(*parts):
    classes = []
    for part in parts:
        for name in (part or "").split():
            if name not in classes:
                classes.append(name)
    return " ".join(classes)


def hint_id(field):
    return f"{field.auto_id}_helptext" if field.auto_id and field.help_text else ""


def error_id(field):
    return f"{field.auto_id}_error" if field.auto_id and field.errors else ""


def described_by(field):
    """The ids that describe a field: any set on the widget, then its hint, then its error."""
    ids = [field.field.widget.attrs.get("aria-describedby", ""), hint_id(field), error_id(field)]
    return " ".join(part for part in ids if part)


@register.filter
def kern_kind(field):
    """Which KERN pattern renders the field: hidden, group, checkbox, select, file or input."""
    widget = field.field.widget
    if widget.is_hidden:
        return "hidden"
    if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        return "group"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.Select) and not widget.allow_multiple_selected:
        return "select"
    if isinstance(widget, forms.FileInput):
        return "file"
    return "input"


@register.filter
def kern_hint_id(field):
    return hint_id(field)


@register.filter
def kern_error_id(field):
    return error_id(field)


@register.filter
def kern_described_by(field):
    return described_by(field)


@register.filter
def kern_is_optional(field):
    """KERN marks the optional fields, not the required ones. A single checkbox is never marked."""
    return not field.field.required and kern_kind(field) not in {"hidden", "checkbox"}


@register.simple_tag
def kern_widget(field):
    """The field's widget with KERN's classes and its hint and error linked by aria-describedby."""
    kind = kern_kind(field)
    if kind == "hidden":
        return field.as_widget()
    if kind == "checkbox":
        css = "kern-form-check__checkbox"
    elif kind == "select":
        css = "kern-form-input__select"
    else:
        css = "kern-form-input__input"
    if field.errors:
        css = f"{css} {css}--error"
    attrs = {"class": _merge_classes(field.field.widget.attrs.get("class"), css)}
    if described := described_by(field):
        attrs["aria-describedby"] = described
    return field.as_widget(attrs=attrs)


@register.filter
def kern_options(field):
    """The radios or checkboxes of a group, each input with KERN's class, to pair with a label."""
    widget = field.field.widget
    css = (
        "kern-form-check__checkbox"
        if isinstance(widget, forms.CheckboxSelectMultiple)
        else "kern-form-check__radio"
    )
    if field.errors:
        css = f"{css} {css}--error"
    attrs = {"class": _merge_classes(widget.attrs.get("class"), css)}
    if field.auto_id:
        attrs["id"] = widget.attrs.get("id") or field.auto_id
    attrs = field.build_widget_attrs(attrs)
    return [
        BoundWidget(widget, option, field.form.renderer)
        for option in widget.subwidgets(field.html_name, field.value(), attrs=attrs)
    ]


def field_target_id(field):
    """The id of the element an error summary link moves focus to: the input, or a group's first."""
    if not field.auto_id or field.is_hidden:
        return ""
    if field.id_for_label:
        return field.id_for_label
    return f"{field.auto_id}_0"


@register.simple_tag
def kern_error_summary(form):
    """Every error of a bound form, in field order: [{"message", "target"}], non-field errors first.

    A field's errors carry its label ("E-mail: Enter a valid e-mail address.") and the id of its
    input, so the summary links straight to the place to correct it.
    """
    if not form.is_bound or not form.errors:
        return []
    items = [
        {"message": error.messages[0], "target": ""}
        for error in form.non_field_errors().as_data()
        if error.code not in PROTECTION_CODES
    ]
    for field in form:
        label = str(field.label or "").strip()
        for error in field.errors:
            if field.is_hidden:
                message = gettext("(Hidden field %(name)s) %(error)s") % {
                    "name": field.name,
                    "error": error,
                }
            elif not label:
                message = str(error)
            elif label[-1] in "?!.:":
                # A label that is a question or a sentence needs no colon after it.
                message = f"{label} {error}"
            else:
                message = gettext("%(label)s: %(error)s") % {"label": label, "error": error}
            items.append({"message": message, "target": field_target_id(field)})
    return items


@register.simple_tag
def kern_form_notices(form):
    """The messages of the form's protection (sent too fast, expired): shown apart from the
    person's errors, because they are not about what the person entered."""
    if not form.is_bound or not form.errors:
        return []
    return [
        error.messages[0]
        for error in form.non_field_errors().as_data()
        if error.code in PROTECTION_CODES
    ]


@register.filter
def kern_button_classes(input_object):
    """KERN's button classes for a crispy Submit/Button/Reset, keeping any css_class of the form."""
    variant = "kern-btn--primary" if input_object.input_type == "submit" else "kern-btn--secondary"
    extra = [
        name
        for name in (input_object.field_classes or "").split()
        if name not in BOOTSTRAP_BUTTON_CLASSES
    ]
    return _merge_classes("kern-btn", variant, " ".join(extra))
