"""Titles in any script get a slug of their own, in ASCII: Chinese, Persian, Russian and
Greek titles are transliterated instead of all being named "post", "post-2"...; accents go
as before, emoji are dropped, and a title with nothing left still gets the model's name."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms import modelform_factory
from django.utils import translation

from blogsite.slugs import ascii_slug
from posts.admin.forms import SlugFromNameForm
from posts.media import store_upload
from posts.models import Category, Post, Tag
from posts.services import create_category, create_post, create_tag
from tests.posts.test_admin_authoring import post_form
from tests.posts.test_media_documents import PDF
from wordpress.importer.fields import wordpress_slug


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("客户体验为什么重要", "kehutiyanweishenmezhongyao"),
        ("تجربه مشتری چیست", "tjrbh-mshtry-chyst"),
        ("Почему клиент прав", "pochemu-klient-prav"),
        ("Γιατί ο πελάτης", "giati-o-pelatis"),
        ("Perché il cliente ha ragione?", "perche-il-cliente-ha-ragione"),
        ("Straße & Café", "strasse-cafe"),
        ("☕ Il caffè del lunedì 🙂", "il-caffe-del-lunedi"),
    ],
)
def test_a_title_in_any_script_gives_an_ascii_slug(title, slug):
    assert ascii_slug(title) == slug


def test_articles_in_other_scripts_are_not_all_named_post(author, client):
    published = Post.Status.PUBLISHED
    chinese = create_post(title="客户体验", author=author, body="x", status=published)
    persian = create_post(title="تجربه مشتری", author=author, body="x")
    again = create_post(title="客户体验", author=author, body="x")
    emoji = create_post(title="🙂🙂", author=author, body="x")
    assert (chinese.slug, persian.slug, again.slug) == ("kehutiyan", "tjrbh-mshtry", "kehutiyan-2")
    assert emoji.slug == "post"
    page = client.get(chinese.get_absolute_url())
    assert page.status_code == 200 and "客户体验" in page.content.decode()


def test_terms_and_files_in_other_scripts_get_their_own_slugs(db, writer, media_root):
    assert create_tag(name="Обслуживание клиентов").slug == "obsluzhivanie-klientov"
    assert create_category(name="خدمات مشتری").slug == "khdmt-mshtry"
    media = store_upload(SimpleUploadedFile("价目表.pdf", PDF), title="价目表", uploaded_by=writer)
    assert "jiamubiao-" in media.file.name


def test_a_wordpress_slug_in_percent_encoded_unicode_is_transliterated():
    assert wordpress_slug("%e5%ae%a2%e6%88%b7") == "kehu"
    assert wordpress_slug("%d0%bf%d1%80%d0%b8%d0%b2%d0%b5%d1%82") == "privet"


def test_the_admin_makes_the_slug_when_its_box_is_left_empty(client, writer, db):
    """The admin's script fills the slug box only with letters it knows: a Chinese title
    left it empty, and the form refused to save."""
    client.force_login(writer)
    sent = post_form(title="客户体验", slug="")
    response = client.post("/admin/posts/post/add/", sent)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Post.objects.get(title="客户体验").slug == "kehutiyan"
    again = client.post("/admin/posts/post/add/", sent | {"language": "en"})
    assert again.status_code == 302
    assert Post.objects.get(title="客户体验", language="en").slug == "kehutiyan"
    third = client.post("/admin/posts/post/add/", sent)
    assert third.status_code == 302
    assert Post.objects.filter(slug="kehutiyan-2", language="it").exists()


def test_a_slug_written_by_hand_is_kept_and_still_checked(client, writer, db):
    client.force_login(writer)
    response = client.post("/admin/posts/post/add/", post_form(title="客户体验", slug="clienti"))
    assert response.status_code == 302 and Post.objects.get().slug == "clienti"
    clash = client.post("/admin/posts/post/add/", post_form(title="Altro", slug="clienti"))
    assert clash.status_code == 200 and clash.context["adminform"].form.errors


@pytest.mark.parametrize("model", ["tag", "category"])
def test_tags_and_categories_get_a_slug_from_their_name(admin_client, model):
    sent = {"name": "Обслуживание", "slug": "", "language": "it", "description": ""}
    if model == "category":
        sent |= {"parent": "", "position": "0"}
    response = admin_client.post(f"/admin/posts/{model}/add/", sent)
    assert response.status_code == 302, response.context["adminform"].form.errors
    page = admin_client.get(f"/admin/posts/{model}/add/")
    assert "Se lo lasci vuoto, è ricavato dal nome." in page.content.decode()
    with translation.override("en"):
        form = modelform_factory(Tag, form=SlugFromNameForm, fields=["name", "slug"])()
        assert form.fields["slug"].help_text.endswith("Left empty, it is made from the name.")
    found = (Tag if model == "tag" else Category).objects.get(name="Обслуживание")
    assert found.slug == "obsluzhivanie"
