"""Exports as they come: what is broken costs the broken part, with a warning naming the
line; a file is refused only when nothing can be read, or when it declares entities."""

import pytest
from django.utils import translation

from wordpress import wxr

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Blog</title><link>https://b.example</link>
<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://b.example</wp:base_site_url>
"""


def item(n, title="Post", content="<p>Body</p>"):
    return (
        f"<item><title>{title}</title><wp:post_id>{n}</wp:post_id>"
        f"<content:encoded><![CDATA[{content}]]></content:encoded>"
        "<wp:post_type><![CDATA[post]]></wp:post_type></item>\n"
    )


def read(tmp_path, data: bytes | str):
    path = tmp_path / "export.xml"
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    warnings = []
    records = list(wxr.read(path, warn=lambda line, message: warnings.append((line, message))))
    items = {r.id: r for r in records if isinstance(r, wxr.Item)}
    return items, warnings


def test_a_byte_order_mark_and_blank_lines_before_the_declaration_are_read(tmp_path):
    data = b"\xef\xbb\xbf\n\n" + (HEAD + item(1) + "</channel></rss>").encode()
    items, warnings = read(tmp_path, data)
    assert items[1].content == "<p>Body</p>"
    assert warnings and warnings[0][0] == 1


def test_an_undeclared_namespace_prefix_is_read_with_a_warning_naming_its_line(tmp_path):
    text = HEAD + '<atom:link href="https://b.example/feed/" rel="self"/>\n' + item(1)
    items, warnings = read(tmp_path, text + "</channel></rss>")
    assert items[1].title == "Post"
    assert any(line == 6 and "atom" in message for line, message in warnings)


def test_a_file_that_never_declares_the_wordpress_prefix_is_still_an_export(tmp_path):
    text = HEAD.replace(' xmlns:wp="http://wordpress.org/export/1.2/"', "")
    items, _warnings = read(tmp_path, text + item(3) + "</channel></rss>")
    assert items[3].post_type == "post"


def test_control_characters_are_removed_with_the_line(tmp_path):
    text = HEAD + item(1, title="Bad\x0bchar", content="Form\x0cfeed") + "</channel></rss>"
    items, warnings = read(tmp_path, text)
    assert (items[1].title, items[1].content) == ("Badchar", "Formfeed")
    assert [line for line, _m in warnings] == [6]


def test_a_cdata_end_inside_a_body_keeps_the_whole_body(tmp_path):
    body = "<p>Array: a[b[0]]> c</p>"
    items, warnings = read(tmp_path, HEAD + item(1, content=body) + "</channel></rss>")
    assert items[1].content == body
    assert warnings[0][0] == 6


def test_an_unterminated_cdata_section_costs_only_its_field(tmp_path):
    broken = (
        "<item><title>Broken</title><wp:post_id>1</wp:post_id>"
        "<content:encoded><![CDATA[<p>never closed</p></content:encoded>"
        "<wp:post_type>post</wp:post_type></item>\n"
    )
    items, warnings = read(tmp_path, HEAD + broken + item(2) + "</channel></rss>")
    assert items[1].content == "<p>never closed</p>" and items[1].post_type == "post"
    assert items[2].title == "Post"
    assert warnings[0][0] == 6


def test_bare_ampersands_html_entities_and_stray_markup_in_titles_are_text(tmp_path):
    text = HEAD + item(1, title="Q&A &nbsp;&eacute;t&eacute; 1 < 2") + item(2, title="A <b>bold")
    items, warnings = read(tmp_path, text + "</channel></rss>")
    assert items[1].title == "Q&A \xa0été 1 < 2"
    assert items[2].title == "A <b>bold"
    assert {line for line, _m in warnings} == {6, 7}


def test_bytes_outside_the_encoding_are_replaced_and_a_latin1_file_is_read(tmp_path):
    data = (HEAD + item(1, title="caf\xe9") + "</channel></rss>").encode("utf-8")
    items, warnings = read(tmp_path, data.replace("é".encode(), b"\xe9"))
    assert items[1].title == "caf\ufffd" and warnings[0][0] == 6
    latin = HEAD.replace("UTF-8", "ISO-8859-1") + item(1, title="caf\xe9") + "</channel></rss>"
    items, warnings = read(tmp_path, latin.encode("latin-1"))
    assert items[1].title == "café" and not warnings


def test_a_truncated_file_keeps_every_item_before_the_cut(tmp_path):
    text = HEAD + item(1) + item(2) + "<item><title>Cut off</title><wp:post_id>3</wp:po"
    items, warnings = read(tmp_path, text)
    assert sorted(items) == [1, 2, 3]
    assert warnings and all(line >= 8 for line, _m in warnings)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "Nothing could be read"),
        (b"\x89PNG\r\n\x1a\n\x00\x00binary", "Nothing could be read"),
        (b"<html><body>Not found</body></html>", "not an RSS file"),
    ],
)
def test_a_file_is_refused_only_when_nothing_can_be_read_and_says_why(tmp_path, data, reason):
    path = tmp_path / "export.xml"
    path.write_bytes(data)
    with translation.override("en"), pytest.raises(wxr.WXRError, match=reason) as refused:
        list(wxr.read(path))
    assert "line 1" in str(refused.value)


@pytest.mark.parametrize(
    "doctype",
    [
        '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
        '<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>',
        '<!DOCTYPE rss [<!ENTITY % remote SYSTEM "http://127.0.0.1:1/evil.dtd"> %remote;]>',
    ],
)
def test_external_entities_and_entity_expansion_are_refused(tmp_path, doctype):
    text = HEAD.replace("<rss", doctype + "\n<rss", 1) + item(1, title="&xxe; &b;")
    path = tmp_path / "hostile.xml"
    path.write_text(text + "</channel></rss>")
    with pytest.raises(wxr.WXRError) as refused:
        list(wxr.read(path))
    assert "2" in str(refused.value)  # the line of the declaration
