"""What people send through the public forms (enquiries, One-Stop-Shop registrations): the
fields every submission has, storing one exactly once, and erasing its personal data.

A form sent twice (double click, reload, two tabs) carries the same submission token, taken from
the signed form token (core/form_protection.py): `submit_once` stores the first and returns the
stored one for every other, also when two requests arrive at the same moment (the unique token
is the database's to guard).
"""

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import mail


class PublicSubmissionQuerySet(models.QuerySet):
    def for_email(self, email):
        """Everything sent with one e-mail address (requests under Art. 15 and 17 GDPR)."""
        email = email.strip()
        return self.filter(email__iexact=email) if email else self.none()


class PublicSubmission(models.Model):
    """The fields of everything the public sends: who sent it, in which language, the token that
    stores it once and when its personal data was erased.

    `PERSONAL_FIELDS` names the fields that identify a person or hold what they wrote; they are
    emptied by `anonymise()`. `emails_related_name` is the related name of the app's
    `StoredEmail` rows about it (they go with the personal data).
    """

    PERSONAL_FIELDS = ("name", "email")
    emails_related_name = "emails"

    language = models.CharField(
        _("language of the form"),
        max_length=10,
        choices=settings.LANGUAGES,
        help_text=_("E-mails to the person are written in this language."),
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), max_length=254, blank=True)
    submission_token = models.CharField(
        _("submission token"),
        max_length=64,
        unique=True,
        null=True,
        blank=True,
        editable=False,
        help_text=_("Makes sure that a form sent twice is stored once."),
    )
    anonymised_at = models.DateTimeField(
        _("personal data erased"), null=True, blank=True, editable=False
    )

    objects = PublicSubmissionQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_anonymised(self):
        return self.anonymised_at is not None

    def stored_emails(self):
        return getattr(self, self.emails_related_name).all()

    @property
    def delivery_state(self):
        """Sent when every e-mail went out, otherwise pending or failed (from prefetched rows)."""
        return mail.delivery_state(self.stored_emails())

    def anonymise(self, now=None):
        """Erase the personal data and the e-mails; keep what counts for statistics. Running it
        again changes nothing."""
        with transaction.atomic():
            for name in self.PERSONAL_FIELDS:
                field = self._meta.get_field(name)
                setattr(self, name, None if field.null else "")
            self.anonymised_at = self.anonymised_at or now or timezone.now()
            self.save(update_fields=[*self.PERSONAL_FIELDS, "anonymised_at"])
            self.stored_emails().delete()
            self.anonymise_related()
        return self

    def anonymise_related(self):
        """Erase what other models hold about the person (nothing by default)."""


def submit_once(*, model, submission_token, store):
    """Store a submission once: return (submission, created).

    `store(token)` stores a new submission with that token inside a transaction and returns it;
    it is not called when a submission with the token exists, and when a concurrent request
    stored one first, that one is returned. Domain errors that `store` raises pass through.
    """
    existing = model.objects.filter(submission_token=submission_token).first()
    if existing:
        return existing, False
    try:
        with transaction.atomic():
            submission = store(submission_token)
    except IntegrityError:
        # The same form arrived twice at the same moment and the other request stored it.
        existing = model.objects.filter(submission_token=submission_token).first()
        if existing is None:
            raise
        return existing, False
    return submission, True
