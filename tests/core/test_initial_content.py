"""The loader of the initial content creates what is missing, updates what nobody edited and
keeps what staff changed (core/initial_content.py), shown on a simple model."""

import pytest

from core.initial_content import Loader
from welcome.models import Page

pytestmark = pytest.mark.django_db

VALUES = {"key": "imprint", "title_de": "Impressum", "body_de": "Text"}


def test_creates_a_missing_record():
    page, outcome = Loader(Page).load("page:imprint", VALUES)
    assert outcome == "created"
    assert Page.objects.get(key="imprint").title_de == "Impressum"


def test_updates_a_record_nobody_edited():
    Loader(Page).load("page:imprint", VALUES)
    page, outcome = Loader(Page).load("page:imprint", {**VALUES, "body_de": "Neu"})
    assert outcome == "updated"
    assert Page.objects.get(key="imprint").body_de == "Neu"


def test_keeps_a_record_staff_edited():
    page, _outcome = Loader(Page).load("page:imprint", VALUES)
    page.body_de = "Von der Redaktion"
    page.save()
    _page, outcome = Loader(Page).load("page:imprint", {**VALUES, "body_de": "Neu"})
    assert outcome == "kept"
    assert Page.objects.get(key="imprint").body_de == "Von der Redaktion"


def test_takes_over_an_existing_record_only_if_it_has_the_shipped_values():
    page = Page.objects.create(key="imprint", title_de="Eigenes Impressum", body_de="Eigen")
    _page, outcome = Loader(Page).load("page:imprint", VALUES, existing=page)
    assert outcome == "kept"
    assert Page.objects.get(key="imprint").title_de == "Eigenes Impressum"


def test_does_not_create_again_what_staff_deleted():
    page, _outcome = Loader(Page).load("page:imprint", VALUES)
    page.delete()
    _page, outcome = Loader(Page).load("page:imprint", VALUES)
    assert outcome == "deleted"
    assert not Page.objects.exists()
