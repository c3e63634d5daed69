"""The public enquiry forms and the confirmation page that follows them (post/redirect/get).

The confirmation page's address carries only the reference, signed, never personal data; it
sets no cookie. The status page behind the link in the confirmation e-mail shows where an
enquiry stands, with dates, and nothing else of what was sent.
"""

from datetime import timedelta
from http import HTTPStatus

from django.conf import settings
from django.core import signing
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from core.views import SubmissionFormView
from enquiries import links, services
from enquiries.forms import AppointmentForm, BarrierForm, CompanyForm, QuestionForm
from enquiries.models import Enquiry
from municipalities.models import Municipality
from municipalities.topics import Topic
from welcome.models import WelcomeCenter
from welcome.opening_hours import weekly_summary

SENT_SALT = "enquiries.sent"
# How long the page after sending shows a copy of what was sent.
SENT_COPY_MINUTES = 60


def sent_url(enquiry):
    """The same address for the same enquiry, so that a form sent twice lands on one page."""
    token = signing.Signer(salt=SENT_SALT).sign(enquiry.reference)
    return reverse("enquiries:sent", kwargs={"token": token})


class EnquiryFormView(SubmissionFormView):
    """A form page; a valid form is stored by `services.enquiry_submit` and redirects."""

    model = Enquiry
    page_title = None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page_title"] = self.page_title
        context["retention_days"] = settings.ENQUIRY_RETENTION_DAYS
        return context

    def get_initial(self):
        initial = super().get_initial()
        topic = self.request.GET.get("topic", "")
        if topic in Topic.values:
            initial["topics"] = [topic]
            initial["topic"] = topic
        slug = self.request.GET.get("municipality", "")
        if slug and Municipality.objects.published().filter(slug=slug).exists():
            initial["municipality"] = slug
            initial["target_municipalities"] = [slug]
        if "preferred_language" in self.form_class.base_fields:
            # The language of the page as a sensible first answer.
            initial["preferred_language"] = self.request.LANGUAGE_CODE
        return initial

    def submit(self, form):
        enquiry = form.build()
        enquiry.language = self.request.LANGUAGE_CODE
        return services.enquiry_submit(
            enquiry=enquiry,
            submission_token=form.submission_token,
            municipalities=form.municipalities(),
            options=form.options(),
            site_url=self.request.build_absolute_uri("/"),
        )

    def sent_url(self, enquiry):
        return sent_url(enquiry)


class QuestionView(EnquiryFormView):
    """Ask a question as a private person."""

    form_class = QuestionForm
    template_name = "enquiries/question_form.html"
    page_title = _("Ask a question")


class CompanyView(EnquiryFormView):
    """A company describes its relocation or the staff it brings."""

    form_class = CompanyForm
    template_name = "enquiries/company_form.html"
    page_title = _("Enquiry for companies")


class AppointmentView(EnquiryFormView):
    """Request a personal consultation with up to three preferred times."""

    form_class = AppointmentForm
    template_name = "enquiries/appointment_form.html"
    page_title = _("Request an appointment")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        center = WelcomeCenter.objects.get_current()
        if center:
            intervals = [(h.weekday, h.opens, h.closes) for h in center.opening_hours.all()]
            context["appointment_hours"] = weekly_summary(intervals)
        return context


class BarrierView(EnquiryFormView):
    """Report a barrier on the website."""

    form_class = BarrierForm
    template_name = "enquiries/barrier_form.html"
    page_title = _("Report a barrier")

    def get_initial(self):
        initial = super().get_initial()
        # The page the footer link was opened from: a path on this site only, never elsewhere.
        page = self.request.GET.get("page", "")[:500]
        same_site = url_has_allowed_host_and_scheme(page, allowed_hosts=None)
        if page.startswith("/") and same_site and "\\" not in page:
            initial["page_url"] = self.request.build_absolute_uri(page)
        return initial


@method_decorator(never_cache, name="dispatch")
class EnquirySentView(TemplateView):
    """The confirmation after sending: the reference and what happens next."""

    template_name = "enquiries/enquiry_sent.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        try:
            reference = signing.Signer(salt=SENT_SALT).unsign(kwargs["token"])
        except signing.BadSignature as error:
            raise Http404 from error
        enquiry = Enquiry.objects.filter(reference=reference).first()
        if enquiry is None:
            raise Http404
        context["enquiry"] = enquiry
        context["sent_confirmation"] = bool(enquiry.email)
        context["answer_days"] = settings.ENQUIRY_ANSWER_DUE_WORKING_DAYS
        # The copy of what was sent only right after sending: the address stays in the history.
        fresh = timezone.now() - enquiry.created_at < timedelta(minutes=SENT_COPY_MINUTES)
        context["sent_copy"] = enquiry.sent_copy() if fresh and not enquiry.is_anonymised else []
        return context


@method_decorator(never_cache, name="dispatch")
class EnquiryStatusView(View):
    """Where an enquiry stands: its status and the dates of its steps (no login; signed link)."""

    template_name = "enquiries/enquiry_status.html"

    def get(self, request, token):
        self.request = request
        try:
            enquiry = links.enquiry_for_status(token)
        except links.LinkExpired:
            return self.refused(
                gettext(
                    "This link has expired: status links work for %(days)s days. Please "
                    "contact us and quote your reference."
                )
                % {"days": settings.ENQUIRY_RETENTION_DAYS},
                HTTPStatus.GONE,
            )
        except links.LinkInvalid:
            return self.refused(
                gettext(
                    "This link is not valid. Please open the link exactly as it is in our "
                    "e-mail (some e-mail programs cut long links), or contact us."
                ),
                HTTPStatus.NOT_FOUND,
            )
        return render(request, self.template_name, {"enquiry": enquiry})

    def refused(self, message, status):
        return render(self.request, self.template_name, {"error": message}, status=status)
