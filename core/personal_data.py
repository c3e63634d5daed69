"""Everything stored about one e-mail address, in every app: requests under Art. 15 GDPR
(access: download it) and Art. 17 GDPR (erasure: erase it).

Each app says what it holds in its own `personal_data.py` by calling `register(Source(...))`
(see enquiries/personal_data.py); this module finds those modules on first use and itself adds
the stored e-mails of every `StoredEmail` model. Staff see and erase only what their
permissions let them view and change.
"""

import json
from dataclasses import dataclass
from datetime import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core import mail
from core.admin_mixins import admin_page


@dataclass(frozen=True)
class Source:
    """One kind of record that may hold a person's data.

    find(email): a queryset of the records for the address (case-insensitive).
    export(records): a JSON-ready list, one dict per record.
    erase(records): erase the personal data of the records; return how many.
    models: the models whose view (export) and change (erase) permissions it needs, or a
    function that returns them.
    describe(record): a line for the list on the admin page; url(record): its admin page or "".
    """

    key: str
    label: str
    models: tuple
    find: callable
    export: callable
    erase: callable
    describe: callable = str
    url: callable = lambda record: ""  # noqa: E731
    order: int = 100

    def allows(self, user, action):
        models = self.models() if callable(self.models) else self.models
        return all(
            user.has_perm(f"{model._meta.app_label}.{action}_{model._meta.model_name}")
            for model in models
        )


_sources = {}
_discovered = False


def register(source):
    _sources[source.key] = source
    return source


def sources(user=None, action="view"):
    """The registered sources (those the user may view or change), in their order."""
    global _discovered
    if not _discovered:
        autodiscover_modules("personal_data")
        _discovered = True
    found = sorted(_sources.values(), key=lambda source: source.order)
    return [source for source in found if user is None or source.allows(user, action)]


def json_value(value):
    """Dates and times as ISO text (Berlin time for moments); everything else as it is."""
    if isinstance(value, datetime) and timezone.is_aware(value):
        return timezone.localtime(value).isoformat()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def anonymise_all(submissions):
    """Erase the personal data of public submissions (core/submissions.py); return how many."""
    count = 0
    for submission in submissions.filter(anonymised_at__isnull=True):
        submission.anonymise()
        count += 1
    return count


def export_for(email, user):
    """Everything about the address that the user may view, as a JSON-ready dict."""
    data = {"exported_at": json_value(timezone.now())}
    for source in sources(user, "view"):
        data[source.key] = source.export(source.find(email))
    return data


def erase_for(email, user):
    """Erase what the user may change about the address; return {source: count}."""
    return {source: source.erase(source.find(email)) for source in sources(user, "change")}


# The stored e-mails of every app --------------------------------------------------------------


def _emails(email):
    address = email.strip()
    found = []
    for model in mail.stored_email_models():
        if address:
            rows = model.objects.filter(recipient__iexact=address) | model.objects.filter(
                reply_to__iexact=address
            )
            found += list(rows.order_by("created_at", "pk"))
    return found


def export_emails(emails):
    return [
        {
            "to": email.recipient,
            "subject": email.subject,
            "text": email.body,
            "state": email.state,
            "sent": json_value(email.sent_at),
        }
        for email in emails
    ]


def _erase_emails(emails):
    for email in emails:
        email.delete()
    return len(emails)


register(
    Source(
        key="emails",
        label=_("E-mails"),
        models=mail.stored_email_models,
        find=_emails,
        export=export_emails,
        erase=_erase_emails,
        describe=lambda email: f"{email.subject} → {email.recipient}",
        order=900,
    )
)


# The admin page ------------------------------------------------------------------------------


class PersonalDataForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    confirm = forms.BooleanField(
        label=_("Yes, erase the personal data stored for this address"),
        required=False,
    )


def personal_data_view(model_admin, request):
    """Show, download or erase everything stored for one e-mail address (Art. 15 and 17 GDPR).

    Mounted by a ModelAdmin (see enquiries/admin.py); `model_admin` gives the admin's context.
    """
    if not sources(request.user, "view"):
        raise PermissionDenied
    form = PersonalDataForm(request.POST or None)
    found = None
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        if "export" in request.POST:
            response = HttpResponse(
                json.dumps(export_for(email, request.user), ensure_ascii=False, indent=2),
                content_type="application/json; charset=utf-8",
            )
            response["Content-Disposition"] = 'attachment; filename="personal-data.json"'
            return response
        if "erase" in request.POST:
            if not sources(request.user, "change"):
                raise PermissionDenied
            if not form.cleaned_data["confirm"]:
                form.add_error("confirm", gettext("Confirm the erasure first."))
            else:
                counts = erase_for(email, request.user)
                details = ", ".join(f"{source.label}: {count}" for source, count in counts.items())
                messages.success(
                    request,
                    gettext("The personal data was erased (%(details)s).") % {"details": details},
                )
                return redirect(request.path)
        found = {
            source.key: {
                "label": source.label,
                "records": [
                    (source.describe(record), source.url(record)) for record in source.find(email)
                ],
            }
            for source in sources(request.user, "view")
        }
    return admin_page(
        model_admin,
        request,
        "admin/personal_data.html",
        gettext("Personal data for one e-mail address"),
        form=form,
        found=found,
    )
