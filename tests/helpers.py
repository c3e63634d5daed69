"""Helpers shared by test modules: form tokens, URLs, following the links of e-mails, and the
keyboard and accessibility checks of the browser tests. Test modules import from here, never
from each other."""

import json
import re
import time
from datetime import datetime, timedelta
from pathlib import Path

from django.core.cache.backends.base import BaseCache
from django.core.mail.backends.base import BaseEmailBackend
from django.urls import reverse
from django.utils import timezone, translation
from icalendar import Calendar

from core.form_protection import make_form_token
from core.local_time import BERLIN

AXE_SOURCE = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}
LINK = re.compile(r"https?://\S+")


class FailingBackend(BaseEmailBackend):
    """A mail server that is down (settings.EMAIL_BACKEND = "tests.helpers.FailingBackend")."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError("mail server down")


class FailingCache(BaseCache):
    """A cache server that is down (settings.CACHES = {"default": {"BACKEND":
    "tests.helpers.FailingCache"}})."""

    def __init__(self, location=None, params=None):
        super().__init__(params or {})

    def _down(self, *args, **kwargs):
        raise ConnectionError("cache down")

    add = get = set = delete = get_many = set_many = incr = decr = clear = _down


def token(seconds_ago=60):
    """A form token handed out `seconds_ago`, so that the minimum fill time has passed."""
    return make_form_token(started=time.time() - seconds_ago)


def enquiry_url(name, language="de"):
    with translation.override(language):
        return reverse(f"enquiries:{name}")


def shop_url(name, language="de", **kwargs):
    with translation.override(language):
        return reverse(f"onestopshop:{name}", kwargs=kwargs)


def admin_url(label, view, *args):
    """The admin URL of a model label ("welcome.event") and view ("changelist", "change" …)."""
    app_label, model_name = label.split(".")
    return reverse(f"admin:{app_label}_{model_name}_{view}", args=args)


def open_day(weeks_ahead=2, hour=11):
    """A date and time in a regular opening interval: a Tuesday or Wednesday that is no holiday."""
    from welcome.models import WelcomeCenter
    from welcome.opening_hours import check_appointment_time

    schedule = WelcomeCenter.objects.get_current().schedule()
    day = timezone.localdate() + timedelta(weeks=weeks_ahead)
    while True:
        moment = datetime(day.year, day.month, day.day, hour, 0, tzinfo=BERLIN)
        if (
            day.weekday() in (1, 2)
            and check_appointment_time(schedule, moment, timezone.now()) is None
        ):
            return moment
        day += timedelta(days=1)


def link_in(message):
    """The (only) link in an e-mail, as a path for the test client."""
    (link,) = LINK.findall(message.body)
    return "/" + link.split("/", 3)[3]


def calendar_of(message):
    """(METHOD of the MIME part, the parsed calendar, its single VEVENT)."""
    (attachment,) = [
        part for part in message.attachments if part.get_content_type() == "text/calendar"
    ]
    calendar = Calendar.from_ical(attachment.get_payload(decode=True))
    (event,) = calendar.walk("VEVENT")
    return attachment.get_param("method"), calendar, event


def inline_management(prefix):
    """The management form of an empty inline formset, for admin posts."""
    return {
        f"{prefix}-TOTAL_FORMS": "0",
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


# Browser tests ---------------------------------------------------------------------------------


def axe_violations(page, width=None):
    """Run axe-core's WCAG 2.1 A/AA rules on the page (optionally at another viewport width)."""
    if width:
        page.set_viewport_size({"width": width, "height": 800})
    page.evaluate(AXE_SOURCE.read_text(encoding="utf-8"))
    result = page.evaluate(
        """async () => await axe.run(document, {
            runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
            resultTypes: ['violations'],
        })"""
    )
    return [
        {
            "id": violation["id"],
            "help": violation["help"],
            "targets": [node["target"] for node in violation["nodes"]][:5],
        }
        for violation in result["violations"]
    ]


def assert_accessible(page):
    """No WCAG 2.1 A/AA violation at desktop and at phone width."""
    for width in (DESKTOP["width"], PHONE["width"]):
        violations = axe_violations(page, width)
        assert violations == [], f"at {width}px: {json.dumps(violations, indent=2)}"
    page.set_viewport_size(DESKTOP)


def active_id(page):
    return page.evaluate("document.activeElement && document.activeElement.id")


def tab_to(page, element_id, limit=120):
    """Press Tab until the element has the focus, as a keyboard user would."""
    for _ in range(limit):
        if active_id(page) == element_id:
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"#{element_id} not reached by Tab (now at #{active_id(page)})")


def type_into(page, element_id, text):
    tab_to(page, element_id)
    page.keyboard.type(text)


def login_staff(client, user):
    """Log a staff member in as after the password and the second factor (core/two_factor.py)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_static.models import StaticDevice

    device, _created = StaticDevice.objects.get_or_create(user=user, name="tests")
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client
