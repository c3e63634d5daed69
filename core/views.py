"""The one form view of every public submission (enquiries, One-Stop-Shop registrations)."""

from http import HTTPStatus

from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.generic import FormView

from core import rate_limit
from core.errors import DomainError


@method_decorator(never_cache, name="dispatch")
class SubmissionFormView(FormView):
    """A public form page; a valid form is stored once by the app's service and redirects
    (post/redirect/get) to the page that says what happens next.

    A subclass names `model`, implements `submit(form)` (which calls its service and returns
    (submission, created)) and `sent_url(submission)`. A form sent again lands on the same page
    without counting against the rate limit; a domain error of the service is shown at
    `error_field` with status 409.
    """

    model = None
    error_field = None

    def submit(self, form):
        raise NotImplementedError

    def sent_url(self, submission):
        raise NotImplementedError

    def form_valid(self, form):
        existing = self.model.objects.filter(submission_token=form.submission_token).first()
        if existing:
            return redirect(self.sent_url(existing))
        address = rate_limit.client_address(self.request)
        if refused := rate_limit.refusal(self, form, address):
            return refused
        try:
            submission, created = self.submit(form)
        except DomainError as error:
            rate_limit.release(address)
            form.add_error(self.error_field, error.message)
            return self.render_to_response(
                self.get_context_data(form=form), status=HTTPStatus.CONFLICT
            )
        except BaseException:
            rate_limit.release(address)
            raise
        if not created:
            rate_limit.release(address)
        return redirect(self.sent_url(submission))
