"""Reading WXR: versions 1.0 to 1.2, both namespace schemes, clear errors for bad files."""

import pytest

from wordpress import wxr

MINIMAL = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="{ns}"
  xmlns:excerpt="{ns}excerpt/">
<channel><title>Blog</title><link>https://b.example</link><language>en-US</language>
<wp:wxr_version>{version}</wp:wxr_version><wp:base_site_url>https://b.example</wp:base_site_url>
<item><title>Hello</title><dc:creator>admin</dc:creator>
<content:encoded><![CDATA[<p>Hi</p>]]></content:encoded>
<excerpt:encoded><![CDATA[Short]]></excerpt:encoded>
<wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status>
</item></channel></rss>"""


@pytest.mark.parametrize(
    ("ns", "version"),
    [
        ("http://wordpress.org/export/1.0/", "1.0"),
        ("http://wordpress.org/export/1.1/", "1.1"),
        ("https://wordpress.org/export/1.2/", "1.2"),
    ],
)
def test_every_wxr_version_and_namespace_scheme_reads_the_same(tmp_path, ns, version):
    path = tmp_path / "export.xml"
    path.write_text(MINIMAL.format(ns=ns, version=version), encoding="utf-8")
    site, item = list(wxr.read(path))
    assert site.wxr_version == version and site.language == "en-US"
    assert (item.id, item.title, item.content, item.excerpt) == (1, "Hello", "<p>Hi</p>", "Short")
    assert item.creator == "admin" and item.status == "publish"


def test_a_file_that_is_not_wxr_gets_a_clear_error(tmp_path):
    path = tmp_path / "feed.xml"
    path.write_text('<rss version="2.0"><channel><item><title>x</title></item></channel></rss>')
    with pytest.raises(wxr.WXRError, match="non è un export di WordPress"):
        list(wxr.read(path))
    other = tmp_path / "page.xml"
    other.write_text("<html><body/></html>")
    with pytest.raises(wxr.WXRError, match="non è un export di WordPress"):
        list(wxr.read(other))


def test_broken_xml_names_the_line(tmp_path):
    lines = MINIMAL.format(ns="http://wordpress.org/export/1.2/", version="1.2").splitlines()
    lines.insert(8, "<item><title>Broken & unescaped</title></item>")
    path = tmp_path / "broken.xml"
    path.write_text("\n".join(lines))
    with pytest.raises(wxr.WXRError, match="riga 9"):
        list(wxr.read(path))


def test_the_reader_drops_each_element_once_read(tmp_path):
    """Streaming: the tree holds only what the parser has read ahead (a buffer's worth),
    never the items already yielded, however long the file is."""
    body = "".join(
        f"<item><title>P{n}</title><wp:post_id>{n}</wp:post_id>"
        "<wp:post_type>post</wp:post_type></item>"
        for n in range(1, 3000)
    )
    text = MINIMAL.format(ns="http://wordpress.org/export/1.2/", version="1.2").replace(
        "</channel>", body + "</channel>"
    )
    path = tmp_path / "many.xml"
    path.write_text(text)
    records = wxr.read(path)
    next(records)  # the site
    frame = records.gi_frame
    largest = 0
    for _record in records:
        largest = max(largest, len(frame.f_locals["channel"]))
    assert 0 < largest < 500
