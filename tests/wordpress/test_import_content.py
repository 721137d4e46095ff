"""What comes over from a WordPress export: authors, terms, articles, pages, media."""

from datetime import UTC, datetime

from django.contrib.auth import get_user_model

from blogsite.roles import AUTHORS
from posts.markup import BodyFormat
from posts.models import Category, Media, Page, Post, Tag


def test_authors_become_users_with_display_names_unusable_passwords_in_the_authors_group(
    imported,
):
    mario = get_user_model().objects.get(profile__wordpress_id=1)
    assert mario.profile.display_name == "Mario Rossi"
    assert not mario.has_usable_password()
    assert mario.groups.filter(name=AUTHORS).exists()
    assert get_user_model().objects.get(profile__wordpress_id=2).profile.display_name == (
        "Giulia Bianchi"
    )


def test_every_wordpress_status_maps_to_ours(imported):
    status = {p.wordpress_id: p.status for p in Post.objects.all()}
    assert status[10] == Post.Status.PUBLISHED
    assert status[12] == status[13] == Post.Status.DRAFT  # draft, pending
    assert status[14] == Post.Status.DRAFT  # private is never public
    assert status[15] == Post.Status.PUBLISHED  # scheduled in the past: WordPress published it
    assert status[16] == Post.Status.SCHEDULED
    assert status[18] == Post.Status.DRAFT  # in WordPress's trash: kept, never public
    assert imported.total("posts", "skipped") == 0
    how = {e.wordpress_id: e.message for e in imported.entries() if e.field == "status"}
    assert how[18] == "nel cestino di WordPress: importato come bozza"
    assert how[13] == "in attesa di revisione: importato come bozza"


def test_a_password_protected_post_stays_published_behind_its_password(imported, client):
    """WordPress published it: its old address answers, with the password form, and the
    password its readers were given opens it (tests/posts/test_password_protected.py)."""
    post = Post.objects.get(wordpress_id=17)
    assert post.status == Post.Status.PUBLISHED
    assert post.password == "segreta"
    assert not any(label == "Protetto da password" for _kind, label, _note in imported.notes)
    page = client.get(post.get_absolute_url(), follow=True).content.decode()
    assert 'id="password-form"' in page
    assert "Il testo di Protetto da password." not in page


def test_dates_are_gmt_excerpts_and_the_more_split_become_the_lead(imported):
    first = Post.objects.get(wordpress_id=10)
    assert first.published_at == datetime(2020, 3, 15, 9, 0, tzinfo=UTC)
    assert first.lead == "Un'introduzione che fa da sommario."
    assert Post.objects.get(wordpress_id=11).lead == "Un sommario scritto a mano."


def test_sticky_post_comment_status_and_featured_image_with_its_alt_text(imported):
    first = Post.objects.get(wordpress_id=10)
    assert first.sticky and first.comments_open
    assert first.cover.wordpress_id == 30
    assert first.cover.alt_text == "Un grafico delle chiamate"
    assert first.cover.file.storage.exists(first.cover.file.name)
    second = Post.objects.get(wordpress_id=11)
    assert not second.sticky and not second.comments_open


def test_bodies_are_html_with_wordpress_markup_converted(imported):
    first = Post.objects.get(wordpress_id=10)
    assert first.body_format == BodyFormat.HTML
    html = first.body_html
    assert "<!--" not in first.body and "[caption" not in html
    assert "<figure>" in html and "<figcaption>Le chiamate del mese</figcaption>" in html
    media = Media.objects.get(wordpress_id=30)
    assert f'src="{media.url}"' in html  # the sized copy points at the imported original
    assert '<a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">' in html
    assert "<iframe" not in html  # nothing asked of YouTube before a click
    assert '[contact-form-7 id="12" title="Contatti"]' in html  # unknown: visible text
    assert "<p>Il servizio clienti conta.<br>" in html  # the classic editor's paragraphs


def test_block_editor_posts_lose_their_block_comments_and_get_a_gallery(imported):
    post = Post.objects.get(wordpress_id=11)
    assert "wp:" not in post.body
    for wordpress_id in (30, 31):
        media = Media.objects.get(wordpress_id=wordpress_id)
        assert f'src="{media.url}" alt="{media.alt_text}"' in post.body_html
    assert "Prima pagina." in post.body_html and "Seconda pagina." in post.body_html
    assert "<hr>" in post.body_html  # <!--nextpage--> on one page


def test_missing_media_keep_their_old_address_and_are_listed(imported):
    post = Post.objects.get(wordpress_id=10)
    old = "https://vecchio.example.com/wp-content/uploads/2019/01/sparita.jpg"
    assert old in post.body_html
    assert old in imported.missing_media
    assert "https://vecchio.example.com/wp-content/uploads/2018/01/mancante.jpg" in (
        imported.missing_media
    )


def test_no_imported_content_carries_an_event_attribute_or_a_javascript_url(imported):
    for post in Post.objects.all():
        assert "javascript:" not in post.body_html
        assert " on" not in post.body_html.replace(" one", "")
    assert "onclick" not in Post.objects.get(wordpress_id=10).body_html
    assert 'href="https://example.org/guida"' in Post.objects.get(wordpress_id=10).body_html


def test_hierarchical_categories_keep_parents_and_descriptions(imported):
    complaints = Category.objects.get(wordpress_id=4)
    assert complaints.parent == Category.objects.get(wordpress_id=3)
    assert complaints.description == "Come gestire i reclami."
    assert Post.objects.get(wordpress_id=10).categories.filter(pk=complaints.pk).exists()


def test_unicode_titles_and_terms_get_valid_slugs(imported):
    assert Category.objects.get(wordpress_id=5).slug == "caffe-e-te"
    japanese_tag = Tag.objects.get(wordpress_id=7)
    assert japanese_tag.name == "日本語" and japanese_tag.slug
    post = Post.objects.get(wordpress_id=19)
    assert post.slug and post.slug.isascii()
    assert list(post.tags.all()) == [japanese_tag]


def test_pages_keep_their_hierarchy_and_order_even_when_a_child_comes_first(imported):
    team = Page.objects.get(wordpress_id=21)
    assert team.parent == Page.objects.get(wordpress_id=20)
    assert team.path == "chi-siamo/il-team"
    assert team.position == 2
    assert team.status == Page.Status.PUBLISHED


def test_imported_content_takes_the_language_of_the_file(imported):
    assert set(Post.objects.values_list("language", flat=True)) == {"it"}
    assert set(Tag.objects.values_list("language", flat=True)) == {"it"}
    assert set(Page.objects.values_list("language", flat=True)) == {"it"}


def test_other_wordpress_types_are_skipped_with_a_reason(imported):
    assert any(
        kind == "other" and "nav_menu_item" in reason for kind, _l, reason in imported.skips
    )
