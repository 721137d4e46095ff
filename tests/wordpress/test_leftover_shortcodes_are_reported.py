"""The report names what a body lost to the plugins WordPress ran: a shortcode left as text
([contact-form-7 id="9"] stays visible, as intended) said nothing, and a [gallery] whose
images are not in the file vanished without a word.
"""

from django.utils import translation

from posts.models import Post
from wordpress.importer import run_import

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Blog</title><link>https://oldblog.example.it</link><language>it-IT</language>
<wp:wxr_version>1.2</wp:wxr_version>
"""

CONTACT = """Scrivici:

[contact-form-7 id="9" title="Contatti"]

[table id=3 /] e ancora [contact-form-7 id="10"] [tabs][tab title="Uno"]Testo[/tab][/tabs]

Prezzi [sic] e note [1] restano testo, come [[contact-form-7]] che mostra lo shortcode."""

CONVERTED_OR_CODE = """[caption id="attachment_5" width="300"]<img src="/x.jpg"> Foto[/caption]

[embed]https://www.youtube.com/watch?v=dQw4w9WgXcQ[/embed]

[code language="php"][contact-form-7 id="1"][/code]

<pre>[wpforms id="2"]</pre> e <code>[wpforms id="3"]</code>

[mc4wp_form id="4"]"""


def import_items(tmp_path, *bodies, language="en"):
    items = "".join(
        f"<item><title>Voce {pid}</title><link>https://oldblog.example.it/voce-{pid}/</link>"
        f"<content:encoded><![CDATA[{body}]]></content:encoded><wp:post_id>{pid}</wp:post_id>"
        "<wp:post_date_gmt>2021-03-01 08:00:00</wp:post_date_gmt>"
        f"<wp:post_name>voce-{pid}</wp:post_name><wp:status>publish</wp:status>"
        "<wp:post_type>post</wp:post_type></item>\n"
        for pid, body in enumerate(bodies, start=1)
    )
    path = tmp_path / "export.xml"
    path.write_text(HEAD + items + "</channel></rss>", encoding="utf-8")
    with translation.override(language):
        report = run_import(path)
    assert not report.error
    return report


def notes_of(report, wordpress_id):
    return [e.message for e in report.entries() if e.wordpress_id == wordpress_id]


def test_shortcodes_left_as_text_are_named_once_each(db, tmp_path):
    report = import_items(tmp_path, CONTACT)
    assert '[contact-form-7 id="9" title="Contatti"]' in Post.objects.get(wordpress_id=1).body
    assert notes_of(report, 1) == [
        "shortcodes are left as text (WordPress plugins drew them): contact-form-7, table, "
        "tabs, tab"
    ]


def test_a_gallery_whose_images_are_not_in_the_file_is_reported(db, tmp_path):
    report = import_items(tmp_path, 'Le foto:\n\n[gallery ids="1,2,3"]\n\nFine.')
    assert "gallery" not in Post.objects.get(wordpress_id=1).body
    assert notes_of(report, 1) == [
        'a gallery whose images are not in the file is missing: [gallery ids="1,2,3"]'
    ]


def test_converted_shortcodes_and_code_are_not_reported(db, tmp_path):
    report = import_items(tmp_path, CONVERTED_OR_CODE, language="it")
    assert notes_of(report, 1) == [
        "uno shortcode è rimasto come testo (in WordPress lo mostrava un plugin): mc4wp_form"
    ]
