"""E-mails to people and to the center's inbox: written into rows first, delivered afterwards.

Writing and sending are separate so that nothing is lost when the mail server is down: each app
keeps its e-mails in a concrete `StoredEmail` model linked to what they are about (an enquiry, a
One-Stop-Shop registration); rows stay pending or failed and `manage.py send_pending_notifications`
delivers them later. `deliver_after_commit` sends right after the transaction that stored them.
Delivery locks each row (SKIP LOCKED on PostgreSQL), so two runs at once never send an e-mail twice.
"""

import logging
from email.mime.text import MIMEText

from django.apps import apps
from django.conf import settings
from django.core.mail import EmailMessage
from django.db import models, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.text import single_line

logger = logging.getLogger(__name__)


class StoredEmail(models.Model):
    """An e-mail stored before it is sent, so that an outage loses nothing.

    A concrete subclass adds `kind` and the foreign key to what the e-mail is about; `deliver`
    sends the rows of every concrete subclass.
    """

    class State(models.TextChoices):
        PENDING = "pending", pgettext_lazy("delivery state", "Pending")
        SENT = "sent", pgettext_lazy("delivery state", "Sent")
        FAILED = "failed", pgettext_lazy("delivery state", "Failed, will be retried")

    state = models.CharField(
        _("delivery state"), max_length=10, choices=State.choices, default=State.PENDING
    )
    recipient = models.EmailField(_("recipient"), max_length=254)
    reply_to = models.EmailField(_("reply to"), max_length=254, blank=True)
    subject = models.CharField(_("subject"), max_length=250)
    body = models.TextField(_("text"))
    calendar = models.TextField(
        _("iCalendar attachment"), blank=True, help_text=_("Sent as invitation.ics when set.")
    )
    calendar_method = models.CharField(_("iCalendar method"), max_length=10, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        abstract = True
        verbose_name = _("e-mail")
        verbose_name_plural = _("e-mails")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} → {self.recipient}"


def write_email(model, *, template, context, language, **fields):
    """An unsaved e-mail of `model`: subject and text rendered from `<template>_subject.txt` and
    `<template>_body.txt` in `language`."""
    with translation.override(language):
        subject = render_to_string(f"{template}_subject.txt", context)
        body = render_to_string(f"{template}_body.txt", context).strip()
    return model(subject=single_line(subject)[:250], body=body, **fields)


def delivery_state(emails):
    """Sent when every e-mail went out, otherwise pending or failed; "" for none."""
    states = {email.state for email in emails}
    for state in (StoredEmail.State.FAILED, StoredEmail.State.PENDING):
        if state in states:
            return state
    return StoredEmail.State.SENT if states else ""


def _message(email):
    message = EmailMessage(
        subject=single_line(email.subject),
        body=email.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[email.recipient],
        reply_to=[email.reply_to] if email.reply_to else None,
    )
    if email.calendar:
        part = MIMEText(email.calendar, "calendar", "utf-8")
        part.set_param("method", email.calendar_method)
        part.add_header("Content-Disposition", "attachment", filename="invitation.ics")
        message.attach(part)
    return message


def stored_email_models():
    """Every concrete model that holds e-mails to deliver (found, not listed)."""
    return [model for model in apps.get_models() if issubclass(model, StoredEmail)]


def deliver(pks=None, *, model=None):
    """Send the pending and failed e-mails (all, or those of `model` with the given ids); return
    (sent, failed).

    Without a model, the e-mails of every `StoredEmail` model are sent. Each row is locked while
    it is sent and skipped if another run holds it, so running this twice at once (cron, or right
    after a submission) sends every e-mail once.
    """
    if model is None:
        if pks is not None:
            raise ValueError("Ids of e-mails need their model.")
        totals = [deliver(model=each) for each in stored_email_models()]
        return sum(sent for sent, _failed in totals), sum(failed for _sent, failed in totals)
    candidates = model.objects.exclude(state=StoredEmail.State.SENT)
    if pks is not None:
        candidates = candidates.filter(pk__in=pks)
    sent = failed = 0
    for pk in list(candidates.order_by("pk").values_list("pk", flat=True)):
        with transaction.atomic():
            email = (
                model.objects.select_for_update(skip_locked=True)
                .exclude(state=StoredEmail.State.SENT)
                .filter(pk=pk)
                .first()
            )
            if email is None:
                continue
            email.attempts += 1
            try:
                _message(email).send()
            except Exception as error:
                logger.warning("E-mail %s %s failed: %s", model._meta.label, pk, error)
                email.state = StoredEmail.State.FAILED
                email.last_error = f"{type(error).__name__}: {error}"[:2000]
                failed += 1
            else:
                email.state = StoredEmail.State.SENT
                email.sent_at = timezone.now()
                email.last_error = ""
                sent += 1
            email.save(update_fields=["state", "attempts", "last_error", "sent_at"])
    return sent, failed


def deliver_after_commit(emails):
    """Send stored e-mails right after the transaction commits (cron retries failures)."""
    pks = [email.pk for email in emails]
    if pks:
        model = type(emails[0])
        transaction.on_commit(lambda: deliver(pks, model=model), robust=True)
