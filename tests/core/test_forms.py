"""The KERN template pack (templates/kern/) and the error summary, on the test-only demo form."""

from datetime import date, datetime, time
from html.parser import HTMLParser
from http import HTTPStatus

import pytest
from crispy_forms.layout import Submit
from django import forms
from django.template import Context, RequestContext, Template
from django.test import RequestFactory
from django.utils import translation

from core.forms import KernFormMixin, kern_helper
from tests.forms_demo import NON_FIELD_TRIGGER, DemoForm

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.forms_demo")]

VOID = {"input", "br", "img", "meta", "link", "hr", "source", "wbr", "area", "base", "col"}

VALID = {
    "name": "Kim Muster",
    "email": "kim@example.org",
    "topic": "jobs",
    "interests": ["kita", "health"],
    "contact": "email",
    "message": "Where can my children go to school?",
    "consent": "on",
    "source": "demo",
}


class Node:
    def __init__(self, tag, attrs, parent=None):
        self.tag, self.attrs, self.parent = tag, dict(attrs), parent
        self.children, self.content = [], []

    def text(self):
        parts = [part if isinstance(part, str) else part.text() for part in self.content]
        return " ".join(" ".join(parts).split())

    def classes(self):
        return (self.attrs.get("class") or "").split()

    def iter(self):
        yield self
        for child in self.children:
            yield from child.iter()

    def find_all(self, tag=None, **attrs):
        return [
            node
            for node in self.iter()
            if (tag is None or node.tag == tag)
            and all(
                (value in node.classes()) if name == "class_" else node.attrs.get(name) == value
                for name, value in attrs.items()
            )
        ]

    def find(self, tag=None, **attrs):
        found = self.find_all(tag, **attrs)
        assert found, f"no <{tag} {attrs}>"
        return found[0]


class TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = self.current = Node("root", {})

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.current)
        self.current.children.append(node)
        self.current.content.append(node)
        if tag not in VOID:
            self.current = node

    def handle_endtag(self, tag):
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self.current = node.parent

    def handle_data(self, data):
        self.current.content.append(data)


def parse(html):
    builder = TreeBuilder()
    builder.feed(html)
    return builder.root


def render(form):
    request = RequestFactory().get("/")
    return Template("{% load crispy_forms_tags %}{% crispy form %}").render(
        RequestContext(request, {"form": form})
    )


def ids(tree):
    return {node.attrs["id"] for node in tree.iter() if node.attrs.get("id")}


def described_by(node):
    return (node.attrs.get("aria-describedby") or "").split()


@pytest.fixture
def empty_page(client):
    response = client.post("/forms-demo/", {"source": "demo"})
    assert response.status_code == HTTPStatus.OK
    return parse(response.content.decode())


# --- rendering -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name,tag,input_type,css",
    [
        ("name", "input", "text", "kern-form-input__input"),
        ("email", "input", "email", "kern-form-input__input"),
        ("phone", "input", "tel", "kern-form-input__input"),
        ("people", "input", "number", "kern-form-input__input"),
        ("day", "input", "date", "kern-form-input__input"),
        ("time", "input", "time", "kern-form-input__input"),
        ("moving", "input", "datetime-local", "kern-form-input__input"),
        ("message", "textarea", None, "kern-form-input__input"),
        ("topic", "select", None, "kern-form-input__select"),
        ("attachment", "input", "file", "kern-form-input__input"),
        ("consent", "input", "checkbox", "kern-form-check__checkbox"),
    ],
)
def test_each_widget_renders_with_kern_classes_and_a_bound_label(name, tag, input_type, css):
    tree = parse(render(DemoForm()))
    control = tree.find(tag, id=f"id_{name}")
    assert css in control.classes()
    if input_type:
        assert control.attrs["type"] == input_type
    label = tree.find("label", **{"for": f"id_{name}"})
    assert "kern-label" in label.classes()
    assert label.text()


def test_text_inputs_sit_in_a_kern_form_input_and_the_select_in_its_wrapper():
    tree = parse(render(DemoForm()))
    assert "kern-form-input" in tree.find(id="div_id_email").classes()
    select = tree.find("select", id="id_topic")
    assert "kern-form-input__select-wrapper" in select.parent.classes()
    assert "kern-form-check" in tree.find(id="div_id_consent").classes()


@pytest.mark.parametrize(
    "name,css", [("interests", "kern-form-check__checkbox"), ("contact", "kern-form-check__radio")]
)
def test_checkbox_and_radio_groups_are_fieldsets_with_a_legend(name, css):
    tree = parse(render(DemoForm()))
    fieldset = tree.find("fieldset", id=f"id_{name}_fieldset")
    assert "kern-fieldset" in fieldset.classes()
    legend = fieldset.find("legend")
    assert legend.text() == DemoForm.base_fields[name].label
    options = fieldset.find_all("input", name=name)
    assert len(options) == len(DemoForm.base_fields[name].choices)
    for option in options:
        assert css in option.classes()
        assert option.parent.classes() == ["kern-form-check"]
        assert fieldset.find("label", **{"for": option.attrs["id"]}).text()


def test_every_label_points_to_an_existing_control():
    tree = parse(render(DemoForm()))
    present = ids(tree)
    labels = tree.find_all("label")
    assert len(labels) == 16
    for label in labels:
        assert label.attrs["for"] in present


def test_hints_are_kern_hints_linked_by_aria_describedby():
    tree = parse(render(DemoForm()))
    hint = tree.find(id="id_name_helptext")
    assert hint.classes() == ["kern-hint"]
    assert hint.text() == "As on your ID card."
    assert described_by(tree.find("input", id="id_name")) == ["id_name_helptext"]
    group_hint = tree.find(id="id_interests_helptext")
    assert described_by(tree.find("fieldset", id="id_interests_fieldset")) == [
        "id_interests_helptext"
    ]
    assert group_hint.parent.tag == "fieldset"
    assert "aria-describedby" not in tree.find("input", id="id_email").attrs


def test_only_optional_fields_are_marked_and_required_ones_carry_required():
    tree = parse(render(DemoForm()))
    for name in ["phone", "people", "day", "time", "moving", "attachment"]:
        marker = tree.find("label", **{"for": f"id_{name}"}).find("span")
        assert marker.classes() == ["kern-label__optional"]
        assert marker.text() == "– optional"
    for name in ["name", "email", "message", "topic"]:
        label = tree.find("label", **{"for": f"id_{name}"})
        assert not label.find_all(class_="kern-label__optional")
        assert "required" in tree.find(id=f"id_{name}").attrs
    assert not tree.find(id="div_id_consent").find_all(class_="kern-label__optional")


def test_optional_marker_is_german_on_german_pages(client):
    tree = parse(client.get("/forms-demo/").content.decode())
    marker = tree.find("label", **{"for": "id_phone"}).find(class_="kern-label__optional")
    assert marker.text() == "– optional"
    assert tree.find("html").attrs["lang"] == "de"


def test_the_form_posts_without_browser_validation_with_csrf_and_a_kern_submit_button():
    tree = parse(render(DemoForm()))
    form = tree.find("form")
    assert form.attrs["method"] == "post"
    assert "novalidate" in form.attrs
    assert form.attrs["id"] == "demo-form"
    assert form.attrs["enctype"] == "multipart/form-data"
    assert tree.find("input", name="csrfmiddlewaretoken")
    button = form.find("button", type="submit")
    assert button.classes() == ["kern-btn", "kern-btn--primary"]
    assert button.find("span", class_="kern-label").text() == "Send enquiry"


def test_hidden_fields_render_as_bare_hidden_inputs():
    tree = parse(render(DemoForm()))
    hidden = tree.find("input", id="id_source")
    assert hidden.attrs["type"] == "hidden"
    assert hidden.attrs["value"] == "demo"
    assert not tree.find_all("label", **{"for": "id_source"})


def test_layout_objects_fieldset_div_html_and_field_attributes():
    tree = parse(render(DemoForm()))
    fieldset = tree.find("fieldset", class_="kern-fieldset")
    assert fieldset.find("legend").text() == "About you"
    assert [node.attrs["id"] for node in fieldset.find_all("input")] == [
        "id_name",
        "id_email",
        "id_phone",
    ]
    div = tree.find("input", id="id_people").parent.parent
    assert div.classes() == ["kern-stack-lg"]
    assert tree.find("p", class_="kern-body").text() == "Tell us what you need."
    assert tree.find("input", id="id_email").attrs["autocomplete"] == "email"
    assert tree.find("textarea", id="id_message").attrs["rows"] == "4"


def test_date_and_time_widgets_show_values_in_the_format_the_browser_expects():
    form = DemoForm(
        initial={"day": date(2026, 12, 24), "time": time(9, 30), "moving": datetime(2027, 1, 2, 8)}
    )
    tree = parse(render(form))
    assert tree.find(id="id_day").attrs["value"] == "2026-12-24"
    assert tree.find(id="id_time").attrs["value"] == "09:30"
    assert tree.find(id="id_moving").attrs["value"] == "2027-01-02T08:00"


def test_the_browser_formats_are_accepted_back():
    form = DemoForm(
        data={**VALID, "day": "2026-12-24", "time": "09:30", "moving": "2027-01-02T08:00"}
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["day"] == date(2026, 12, 24)
    assert form.cleaned_data["time"] == time(9, 30)


def test_a_form_without_its_own_helper_gets_the_same_markup():
    class Plain(forms.Form):
        city = forms.CharField(label="City", help_text="Where you live")

    tree = parse(render(Plain(data={})))
    assert "novalidate" in tree.find("form").attrs
    assert tree.find(class_="kern-error-summary")
    assert described_by(tree.find("input", id="id_city")) == ["id_city_helptext", "id_city_error"]


def test_kern_helper_defaults_to_a_translated_send_button():
    class Tiny(KernFormMixin, forms.Form):
        city = forms.CharField(label="City")

    tree = parse(render(Tiny()))
    assert tree.find("button", type="submit").text() == "Senden"
    with translation.override("en"):
        tree = parse(render(Tiny()))
    assert tree.find("button", type="submit").text() == "Send"


def test_crispy_buttons_lose_bootstrap_classes_but_keep_their_own():
    class Tiny(forms.Form):
        city = forms.CharField(label="City")

    form = Tiny()
    form.helper = kern_helper(form, submit_label=False)
    form.helper.add_input(Submit("save", "Save", css_class="save-button"))
    button = parse(render(form)).find("button", name="save")
    assert button.classes() == ["kern-btn", "kern-btn--primary", "save-button"]


# --- errors ----------------------------------------------------------------------------------


def test_a_valid_or_unbound_form_has_no_error_summary(client):
    tree = parse(client.get("/forms-demo/").content.decode())
    assert not tree.find_all(class_="kern-error-summary")
    response = client.post("/forms-demo/", VALID)
    tree = parse(response.content.decode())
    assert tree.find(id="sent")
    assert not tree.find_all(class_="kern-error-summary")


def test_field_errors_use_kern_error_markup_linked_to_the_field(empty_page):
    tree = empty_page
    wrapper = tree.find(id="div_id_email")
    assert "kern-form-input--error" in wrapper.classes()
    field = tree.find("input", id="id_email")
    assert "kern-form-input__input--error" in field.classes()
    assert field.attrs["aria-invalid"] == "true"
    assert described_by(field) == ["id_email_error"]
    error = tree.find(id="id_email_error")
    assert error.classes() == ["kern-error"]
    icon = error.find("span", class_="kern-icon")
    assert "kern-icon--danger" in icon.classes()
    assert icon.attrs["aria-hidden"] == "true"
    assert error.text() == "Fehler: Dieses Feld ist zwingend erforderlich."
    name = tree.find("input", id="id_name")
    assert described_by(name) == ["id_name_helptext", "id_name_error"]


def test_group_errors_are_linked_from_the_fieldset(empty_page):
    tree = empty_page
    fieldset = tree.find("fieldset", id="id_contact_fieldset")
    assert "kern-fieldset--error" in fieldset.classes()
    assert described_by(fieldset) == ["id_contact_error"]
    assert fieldset.find(id="id_contact_error").classes() == ["kern-error"]
    for radio in fieldset.find_all("input", type="radio"):
        assert "kern-form-check__radio--error" in radio.classes()
    checkbox = tree.find(id="div_id_consent")
    assert "kern-form-check--error" in checkbox.classes()
    assert "kern-form-check__checkbox--error" in tree.find(id="id_consent").classes()
    select = tree.find("select", id="id_topic")
    assert "kern-form-input__select--error" in select.classes()


def test_the_error_summary_lists_every_error_with_a_link_to_its_field(empty_page):
    tree = empty_page
    summaries = tree.find_all(class_="kern-error-summary")
    assert len(summaries) == 1
    summary = summaries[0]
    assert summary.classes() == ["kern-alert", "kern-alert--danger", "kern-error-summary"]
    assert summary.attrs["tabindex"] == "-1"
    assert summary.attrs["role"] == "alert"
    assert "autofocus" in summary.attrs
    heading = summary.find("h2")
    assert summary.attrs["aria-labelledby"] == heading.attrs["id"]
    assert heading.text() == "Bitte korrigieren Sie die folgenden 7 Fehler"
    links = summary.find_all("a")
    assert [link.attrs["href"] for link in links] == [
        "#id_name",
        "#id_email",
        "#id_topic",
        "#id_interests_0",
        "#id_contact_0",
        "#id_message",
        "#id_consent",
    ]
    present = ids(tree)
    for link in links:
        assert link.attrs["href"][1:] in present
        assert "kern-link" in link.classes()
    assert links[0].text() == "Name: Dieses Feld ist zwingend erforderlich."
    # A label that is a question gets no colon.
    assert links[4].text() == "How should we contact you? Dieses Feld ist zwingend erforderlich."


def test_the_error_summary_comes_first_in_the_form(empty_page):
    form = empty_page.find("form", id="demo-form")
    first = [child for child in form.children if child.attrs.get("type") != "hidden"][0]
    assert "kern-error-summary" in first.classes()


def test_one_error_is_counted_in_the_singular(client):
    tree = parse(client.post("/forms-demo/", {**VALID, "email": "no"}).content.decode())
    summary = tree.find(class_="kern-error-summary")
    assert summary.find("h2").text() == "Bitte korrigieren Sie den folgenden Fehler"
    assert summary.find("a").text() == "E-mail: Bitte gültige E-Mail-Adresse eingeben."


def test_the_english_error_summary(client):
    tree = parse(client.post("/en/forms-demo/", {"source": "demo"}).content.decode())
    summary = tree.find(class_="kern-error-summary")
    assert summary.find("h2").text() == "Please correct the following 7 errors"
    assert summary.find("a").text() == "Name: This field is required."
    assert tree.find(id="id_email_error").text() == "Error: This field is required."
    one = parse(client.post("/en/forms-demo/", {**VALID, "email": "no"}).content.decode())
    assert one.find("h2", class_="kern-title").text() == "Please correct the following error"


def test_non_field_errors_are_in_the_summary(client):
    response = client.post("/forms-demo/", {**VALID, "name": NON_FIELD_TRIGGER})
    summary = parse(response.content.decode()).find(class_="kern-error-summary")
    items = summary.find_all("li")
    assert [item.text() for item in items] == ["This demo refuses the name nonfield."]
    assert not items[0].find_all("a")


def test_errors_of_hidden_fields_are_in_the_summary_without_a_link(client):
    response = client.post("/forms-demo/", {**VALID, "source": ""})
    summary = parse(response.content.decode()).find(class_="kern-error-summary")
    item = summary.find("li")
    assert item.text() == "(Verstecktes Feld source) Dieses Feld ist zwingend erforderlich."
    assert not item.find_all("a")


def test_everything_the_visitor_typed_comes_back_escaped(client):
    evil = '<script>alert("x")</script>'
    response = client.post("/forms-demo/", {"name": evil, "message": evil, "email": evil})
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    tree = parse(html)
    assert tree.find("input", id="id_name").attrs["value"] == evil
    assert tree.find("textarea", id="id_message").text() == evil


def test_labels_hints_and_choices_are_escaped_too():
    class Risky(forms.Form):
        pick = forms.ChoiceField(
            label="<b>Pick</b>", choices=[("a", "<i>A</i>")], widget=forms.RadioSelect
        )
        city = forms.CharField(label="<em>City</em>", help_text="<u>hint</u>")

    html = render(Risky(data={}))
    for raw in ["<b>", "<i>", "<em>", "<u>"]:
        assert raw not in html
    assert "&lt;em&gt;City&lt;/em&gt;: " in html  # in the error summary, too


def test_the_crispy_filter_renders_the_summary_too():
    form = DemoForm(data={})
    html = Template("{% load crispy_forms_tags %}{{ form|crispy }}").render(Context({"form": form}))
    tree = parse(html)
    assert tree.find(class_="kern-error-summary")
    assert "kern-form-input__input--error" in tree.find(id="id_email").classes()


def test_the_demo_page_needs_few_queries(client, django_assert_max_num_queries):
    client.get("/forms-demo/")
    with django_assert_max_num_queries(6):
        response = client.post("/forms-demo/", {"source": "demo"})
    assert response.status_code == HTTPStatus.OK


def test_rows_columns_and_button_holders_render_with_kern_classes():
    from crispy_forms.layout import ButtonHolder, Column, Row

    class Address(forms.Form):
        postcode = forms.CharField(label="Postcode")
        town = forms.CharField(label="Town")

    form = Address()
    form.helper = kern_helper(
        form,
        submit_label=False,
        layout=[
            Row(Column("postcode", css_class="kern-col-4"), Column("town")),
            ButtonHolder(Submit("save", "Save")),
        ],
    )
    tree = parse(render(form))
    row = tree.find(class_="kern-row")
    assert [column.classes() for column in row.children] == [
        ["kern-col", "kern-col-4"],
        ["kern-col"],
    ]
    assert tree.find(class_="kern-btn-wrapper").find("button").attrs["name"] == "save"


def test_a_single_field_renders_through_the_as_crispy_field_filter():
    form = DemoForm(data={})
    html = Template("{% load crispy_forms_tags %}{{ form.email|as_crispy_field }}").render(
        Context({"form": form})
    )
    tree = parse(html)
    assert tree.find(id="div_id_email").classes() == ["kern-form-input", "kern-form-input--error"]
    assert tree.find(id="id_email_error")


def test_formsets_render_every_form_with_kern_fields():
    Formset = forms.formset_factory(DemoForm, extra=2)
    formset = Formset()
    html = Template("{% load crispy_forms_tags %}{% crispy formset helper %}").render(
        RequestContext(RequestFactory().get("/"), {"formset": formset, "helper": kern_helper()})
    )
    tree = parse(html)
    assert "novalidate" in tree.find("form").attrs
    assert tree.find("input", name="form-TOTAL_FORMS").attrs["value"] == "2"
    for index in range(2):
        label = tree.find("label", **{"for": f"id_form-{index}-email"})
        assert label.text() == "E-mail"
