"""Attachments become media: from a folder, for self-hosted and WordPress.com exports alike,
with alt text, captions, featured images, bodies pointing at them and their old pages."""

from django.contrib.redirects.models import Redirect
from PIL import Image

from comments.models import Comment
from posts.models import Media, Post
from wordpress.importer import run_import

from .conftest import FIXTURES

WORDPRESS_COM = FIXTURES / "wordpress_com.xml"
ATTACHED_FILE = "_wp_attached_file]]></wp:meta_key><wp:meta_value><![CDATA["
OLD_URL = "https://clienticontenti.files.wordpress.com/2019/05/vetrina.jpg"


def uploads(folder, *files):
    """A wp-content/uploads copy holding these (relative path, (width, height)) images."""
    for relative, size in files:
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        Image.new("RGB", size, "olive").save(path)
    return folder


def wordpress_com_media(tmp_path):
    # What WordPress.com's "Export media library" gives: the year/month folders.
    return uploads(
        tmp_path / "media-export",
        ("2019/05/vetrina.jpg", (900, 600)),
        ("2019/05/cassa.png", (300, 180)),
    )


def test_a_wordpress_com_export_brings_its_images_with_alt_text_and_captions(
    db, tmp_path, media_root
):
    report = run_import(WORDPRESS_COM, media_dir=wordpress_com_media(tmp_path))
    assert report.total("media", "created") == 2 and report.total("media", "skipped") == 0
    shop = Media.objects.get(wordpress_id=21)  # _wp_attached_file is a files.wordpress.com URL
    assert shop.alt_text == "La vetrina con le luci accese"
    assert shop.caption == "La vetrina il primo giorno"
    assert shop.original_url == "https://clienticontenti.files.wordpress.com/2019/05/vetrina.jpg"
    till = Media.objects.get(wordpress_id=22)  # a path on WordPress.com's disks
    assert till.alt_text == "La cassa nuova" and till.width == 300
    assert report.missing_media == []


def test_the_featured_image_and_the_body_point_at_the_imported_media_with_srcset(
    db, tmp_path, media_root, client
):
    run_import(WORDPRESS_COM, media_dir=wordpress_com_media(tmp_path))
    post = Post.objects.get(wordpress_id=12)
    shop, till = Media.objects.get(wordpress_id=21), Media.objects.get(wordpress_id=22)
    assert post.cover == shop
    # ?w=300 copies, the link to the full size and the Jetpack proxy: all to the library.
    assert f'<a href="{shop.url}"><img src="{shop.url}"' in post.body_html
    assert f'src="{till.url}"' in post.body_html
    assert "wordpress.com" not in post.body_html
    page = client.get(post.get_absolute_url()).content.decode()
    assert f'src="{shop.url}" srcset="' in page  # rendered like any library image
    assert "-480w." in page and "-800w." in page


def test_a_comment_on_an_attachment_joins_its_article(db, tmp_path, media_root):
    run_import(WORDPRESS_COM, media_dir=wordpress_com_media(tmp_path))
    comment = Comment.objects.get(wordpress_id=6)
    assert comment.post.wordpress_id == 12 and comment.body == "Che bella vetrina!"


def test_sized_and_scaled_copies_in_a_body_point_at_the_original(db, tmp_path, media_root):
    export = tmp_path / "blog.xml"
    export.write_text(
        WORDPRESS_COM.read_text()
        .replace("2019/05/vetrina.jpg?w=300&#038;h=200", "2019/05/vetrina-300x200.jpg")
        .replace(ATTACHED_FILE + OLD_URL, ATTACHED_FILE + "2019/05/vetrina-scaled.jpg")
    )
    media_dir = uploads(
        tmp_path / "up",
        ("2019/05/vetrina-scaled.jpg", (900, 600)),
        ("2019/05/cassa.png", (30, 18)),
    )
    run_import(export, media_dir=media_dir)
    shop = Media.objects.get(wordpress_id=21)
    body = Post.objects.get(wordpress_id=12).body_html
    assert f'<img src="{shop.url}"' in body and "vetrina-300x200" not in body


def test_a_path_leading_out_of_the_media_folder_is_never_read(db, tmp_path, media_root):
    secret = uploads(tmp_path, ("secret/2019/05/vetrina.jpg", (20, 20)))
    export = tmp_path / "blog.xml"
    export.write_text(
        WORDPRESS_COM.read_text().replace(
            ATTACHED_FILE + OLD_URL, ATTACHED_FILE + "../secret/2019/05/vetrina.jpg"
        )
    )
    report = run_import(export, media_dir=secret / "uploads")
    assert not Media.objects.filter(wordpress_id=21).exists()
    assert any(e.wordpress_id == 21 and e.action == "skipped" for e in report.entries())


def test_importing_the_media_again_changes_nothing(db, tmp_path, media_root):
    media_dir = wordpress_com_media(tmp_path)
    run_import(WORDPRESS_COM, media_dir=media_dir)
    files = sorted(p.name for p in media_root.rglob("*.*"))
    redirects = set(Redirect.objects.values_list("old_path", "new_path"))
    body = Post.objects.get(wordpress_id=12).body
    again = run_import(WORDPRESS_COM, media_dir=media_dir)
    assert again.total("media", "unchanged") == 2
    for kind, row in again.counts.items():
        assert row["created"] == row["updated"] == 0, kind
    assert sorted(p.name for p in media_root.rglob("*.*")) == files
    assert set(Redirect.objects.values_list("old_path", "new_path")) == redirects
    assert Post.objects.get(wordpress_id=12).body == body


def test_a_page_featured_image_stays_in_the_library_and_the_report_says_so(
    db, tmp_path, media_root
):
    page = (
        "<item><title>Chi siamo</title><link>https://clienticontenti.wordpress.com/chi-siamo/</link>"
        "<content:encoded><![CDATA[<p>Siamo noi.</p>]]></content:encoded>"
        "<wp:post_id>40</wp:post_id><wp:post_date_gmt>2019-05-01 08:00:00</wp:post_date_gmt>"
        "<wp:post_name>chi-siamo</wp:post_name><wp:status>publish</wp:status>"
        "<wp:post_parent>0</wp:post_parent><wp:post_type>page</wp:post_type>"
        "<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key>"
        "<wp:meta_value>22</wp:meta_value></wp:postmeta></item>"
    )
    export = tmp_path / "blog.xml"
    export.write_text(WORDPRESS_COM.read_text().replace("</channel>", page + "</channel>"))
    report = run_import(export, media_dir=wordpress_com_media(tmp_path))
    assert Media.objects.filter(wordpress_id=22).exists()
    notes = [e for e in report.entries() if e.wordpress_id == 40 and e.field == "_thumbnail_id"]
    assert len(notes) == 1 and "#22" in notes[0].message


ORPHAN = (
    '<img src="https://clienticontenti.files.wordpress.com/2018/11/orfana-300x200.jpg?w=300"'
    ' alt="Un\'insegna" />]]></content:encoded>'
)


def with_an_image_no_attachment_names(tmp_path):
    export = tmp_path / "orphan.xml"
    export.write_text(WORDPRESS_COM.read_text().replace("]]></content:encoded>", ORPHAN, 1))
    return export


def test_a_body_image_no_attachment_names_is_brought_from_the_media_folder(
    db, tmp_path, media_root
):
    export = with_an_image_no_attachment_names(tmp_path)
    media_dir = wordpress_com_media(tmp_path)
    uploads(media_dir, ("2018/11/orfana.jpg", (900, 600)))
    report = run_import(export, media_dir=media_dir)
    orphan = Media.objects.get(original_url__endswith="/2018/11/orfana.jpg")
    assert orphan.wordpress_id is None and orphan.alt_text == "Un'insegna"
    assert f'src="{orphan.url}"' in Post.objects.get(wordpress_id=12).body_html
    assert any(e.title == "2018/11/orfana.jpg" for e in report.entries())
    again = run_import(export, media_dir=media_dir)
    assert Media.objects.count() == 3 and again.total("media", "unchanged") == 3


def test_a_self_hosted_blog_in_a_subfolder_with_absolute_attached_files(db, tmp_path, media_root):
    export = tmp_path / "blog.xml"
    export.write_text(
        WORDPRESS_COM.read_text()
        .replace(
            "https://clienticontenti.files.wordpress.com/",
            "https://shop.example.org/blog/wp-content/uploads/",
        )
        .replace("https://clienticontenti.wordpress.com", "https://shop.example.org/blog")
        .replace(
            "/home/wpcom/public_html/wp-content/blogs.dir/a3f/81234567/files/",
            "/var/www/shop/blog/wp-content/uploads/",
        )
    )
    report = run_import(export, media_dir=wordpress_com_media(tmp_path))
    assert report.total("media", "created") == 2 and report.missing_media == []
    body = Post.objects.get(wordpress_id=12).body_html
    for wordpress_id in (21, 22):
        assert f'src="{Media.objects.get(wordpress_id=wordpress_id).url}"' in body
    assert "shop.example.org" not in body


def test_an_attachment_id_out_of_range_costs_that_attachment_only(db, tmp_path, media_root):
    export = tmp_path / "blog.xml"
    export.write_text(
        WORDPRESS_COM.read_text().replace(
            "<wp:post_id>22</wp:post_id>", "<wp:post_id>99999999999999999999</wp:post_id>"
        )
    )
    report = run_import(export, media_dir=wordpress_com_media(tmp_path), options={})
    # The image still arrives: the article shows it, so it comes as a body's image.
    assert set(Media.objects.values_list("wordpress_id", flat=True)) == {21, None}
    assert Post.objects.get(wordpress_id=12).cover.wordpress_id == 21
    assert any(e.field == "wordpress_id" and e.kind == "media" for e in report.entries())
