"""E-mails to people and to the center's inbox: written into rows first, delivered afterwards.

Writing and sending are separate so that nothing is lost when the mail server is down or hangs,
and no request waits for it: each app keeps its e-mails in a concrete `StoredEmail` model linked
to what they are about (an enquiry, a One-Stop-Shop registration). `deliver_after_commit` queues
them for the mail worker (django-tasks with its database backend, `manage.py run_worker`) once
the transaction that stored them commits; `manage.py send_pending_notifications` (cron) sends
whatever is still pending or failed.

Every sender claims an e-mail in one UPDATE before it talks to the mail server, so workers on
several nodes and cron never send one twice; once the mail server accepted it, the sender keeps
trying to record "sent" until the database answers. Each e-mail has a stable Message-ID.
"""

import logging
import time
from datetime import timedelta
from email.mime.text import MIMEText

from django.apps import apps
from django.conf import settings
from django.core.mail import EmailMessage
from django.db import InterfaceError, OperationalError, connections, models, transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_tasks import task

from core.text import single_line

logger = logging.getLogger(__name__)

# A claim older than this means its sender stopped before recording the outcome: the e-mail is
# sent again, with the same Message-ID.
CLAIM_TIMEOUT = timedelta(minutes=15)
# How long a sender keeps trying to record an outcome while the database is away.
RECORD_PATIENCE_SECONDS = 600


class StoredEmail(models.Model):
    """An e-mail stored before it is sent, so that an outage loses nothing.

    A concrete subclass adds `kind` and the foreign key to what the e-mail is about; `deliver`
    sends the rows of every concrete subclass.
    """

    class State(models.TextChoices):
        PENDING = "pending", pgettext_lazy("delivery state", "Pending")
        SENDING = "sending", pgettext_lazy("delivery state", "Being sent")
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
    claimed_at = models.DateTimeField(
        _("claimed for sending"),
        null=True,
        blank=True,
        help_text=_("When a worker took it for sending; no other sends it meanwhile."),
    )
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
    for state in (StoredEmail.State.FAILED, StoredEmail.State.PENDING, StoredEmail.State.SENDING):
        if state in states:
            return state
    return StoredEmail.State.SENT if states else ""


def _message(email, mid):
    message = EmailMessage(
        subject=single_line(email.subject),
        body=email.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[email.recipient],
        reply_to=[email.reply_to] if email.reply_to else None,
        headers={"Message-ID": mid},
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


def message_id(email):
    """The same Message-ID at every attempt to send one e-mail, so that a second delivery after
    an unknown outcome is recognisable (the recipient's mail program, our log)."""
    domain = settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].strip(" >") or "localhost"
    stamp = int(email.created_at.timestamp())
    return f"<{email._meta.label_lower}.{email.pk}.{stamp}@{domain}>"


def due(model, now=None):
    """The e-mails of `model` to send: pending, failed, or claimed so long ago that the sender
    must have stopped before it could say how it went."""
    now = now or timezone.now()
    return model.objects.filter(
        Q(state__in=(StoredEmail.State.PENDING, StoredEmail.State.FAILED))
        | Q(state=StoredEmail.State.SENDING, claimed_at__lt=now - CLAIM_TIMEOUT)
    )


def claim(model, pk):
    """Take one e-mail for sending, in one UPDATE: True for exactly one of any number of
    workers, nodes or cron runs that try at once."""
    now = timezone.now()
    return bool(
        due(model, now)
        .filter(pk=pk)
        .update(state=StoredEmail.State.SENDING, claimed_at=now, attempts=F("attempts") + 1)
    )


def record_outcome(model, pk, **fields):
    """Write how the sending went, trying again until the database answers: an e-mail that
    the mail server accepted must be marked sent, or it would go out again."""
    waited, pause = 0.0, 0.5
    while True:
        try:
            model.objects.filter(pk=pk).update(**fields)
            return
        except (OperationalError, InterfaceError) as error:
            if waited >= RECORD_PATIENCE_SECONDS:
                logger.error(
                    "E-mail %s %s: outcome %s not recorded after %ds: %s",
                    model._meta.label,
                    pk,
                    fields.get("state"),
                    waited,
                    error,
                )
                raise
            logger.warning(
                "E-mail %s %s: database unavailable, recording the outcome again in %.1fs",
                model._meta.label,
                pk,
                pause,
            )
            close_old_connections_now()
            time.sleep(pause)
            waited += pause
            pause = min(pause * 2, 10)


def close_old_connections_now():
    """Drop the broken connection so that the next query opens a new one (not inside a
    transaction, which must end where it began)."""
    for connection in connections.all(initialized_only=True):
        if connection.in_atomic_block:
            continue
        try:
            connection.close()
        except Exception:  # noqa: S110 - it is broken already
            pass


def send_one(model, pk):
    """Claim, send and record one e-mail; "sent", "failed" or None (someone else has it)."""
    if not claim(model, pk):
        return None
    email = model.objects.get(pk=pk)
    mid = message_id(email)
    if email.attempts > 1:
        logger.info(
            "E-mail %s %s: attempt %d, Message-ID %s", model._meta.label, pk, email.attempts, mid
        )
    try:
        _message(email, mid).send()
    except Exception as error:
        logger.warning("E-mail %s %s (%s) failed: %s", model._meta.label, pk, mid, error)
        record_outcome(
            model,
            pk,
            state=StoredEmail.State.FAILED,
            last_error=f"{type(error).__name__}: {error}"[:2000],
        )
        return "failed"
    logger.info("E-mail %s %s sent, Message-ID %s", model._meta.label, pk, mid)
    record_outcome(model, pk, state=StoredEmail.State.SENT, sent_at=timezone.now(), last_error="")
    return "sent"


def deliver(pks=None, *, model=None):
    """Send the due e-mails (all, or those of `model` with the given ids); return (sent, failed).

    Without a model, the e-mails of every `StoredEmail` model are sent. Each e-mail is claimed
    before it is sent (`claim`), so any number of runs at once (workers on every node, cron, the
    admin) send every e-mail once; no transaction is open while the mail server is asked.
    """
    if model is None:
        if pks is not None:
            raise ValueError("Ids of e-mails need their model.")
        totals = [deliver(model=each) for each in stored_email_models()]
        return sum(sent for sent, _failed in totals), sum(failed for _sent, failed in totals)
    candidates = due(model)
    if pks is not None:
        candidates = candidates.filter(pk__in=pks)
    outcomes = [
        send_one(model, pk) for pk in candidates.order_by("pk").values_list("pk", flat=True)
    ]
    return outcomes.count("sent"), outcomes.count("failed")


@task()
def send_emails(label, pks):
    """The task that the mail worker runs (`manage.py run_worker`): send these e-mails."""
    sent, failed = deliver(pks, model=apps.get_model(label))
    return {"sent": sent, "failed": failed}


def queue(emails):
    """Hand the stored e-mails to the mail worker; if even that fails, cron sends them later."""
    pks = [email.pk for email in emails]
    if not pks:
        return
    try:
        send_emails.enqueue(emails[0]._meta.label, pks)
    except Exception as error:
        logger.warning("E-mails %s not queued (cron will send them): %s", pks, error)


def deliver_after_commit(emails):
    """Queue stored e-mails for the worker once the transaction that stored them commits: no
    request waits for the mail server."""
    emails = list(emails)
    if emails:
        transaction.on_commit(lambda: queue(emails), robust=True)
