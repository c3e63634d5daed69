"""The text formats: section text to safe HTML, Markdown sanitised, one flattener."""

from core.text import flatten, render_markdown, render_section_text


def test_section_text_is_escaped_and_lists_become_lists():
    html = render_section_text("Vorweg <b>fett</b>\n\n- eins\n- zwei & drei")
    assert (
        html
        == "<p>Vorweg &lt;b&gt;fett&lt;/b&gt;</p><ul><li>eins</li><li>zwei &amp; drei</li></ul>"
    )


def test_a_section_text_flattens_to_one_line():
    assert flatten("Satz.\n\n- eins\n- zwei") == "Satz. · eins · zwei"


def test_markdown_keeps_links_and_drops_scripts():
    html = render_markdown("Siehe [Kreis](https://www.kreis-dueren.de) <script>alert(1)</script>")
    assert 'href="https://www.kreis-dueren.de"' in html
    assert "<script" not in html


def test_placeholders_are_filled_and_escaped():
    html = render_markdown("Mail: [[center_email]]", {"center_email": "<a@b.de>"})
    assert "&lt;a@b.de&gt;" in html


def test_a_placeholder_without_value_leaves_its_line_and_emptied_heading_out():
    from core.text import fill_placeholders

    text = (
        "# Page\n\n## Officer\n\nWrite to [[officer]].\n\n## Contact\n\nCall [[phone]].\n\n"
        "## Staff heading\n"
    )
    filled = fill_placeholders(text, {"officer": "", "phone": "02421 1"})
    assert "Officer" not in filled and "[[" not in filled
    assert "Call 02421 1." in filled
    assert "## Staff heading" in filled  # a heading staff left empty stays
